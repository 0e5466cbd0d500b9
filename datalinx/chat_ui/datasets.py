"""Files dropped into the chat become datasets; the dataset a question is about is found here."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import chainlit as cl

from datalinx.chat_ui.routing import mentioned_dataset, upload_name
from datalinx.chat_ui.session import ChatSession
from datalinx.chat_ui.steps import call, tool
from datalinx.chat_ui.tables import records_table
from datalinx.core.datasets import manager as datasets
from datalinx.core.datasets.schemas import DatasetQuery, DatasetRead
from datalinx.core.schemas import PageOut
from datalinx.dao import files

PREVIEW_ROWS = 5


def _stage_and_upload(chat: ChatSession, source: Path, filename: str, name: str | None) -> DatasetRead:
    """Stage a copy of the chat's upload in the workspace, then ingest it as a new dataset (as the user)."""
    scope = chat.run(datasets.check_upload, source.stat().st_size)
    staged = files.staging_file(chat.runtime.settings.home, scope, source.suffix)
    try:
        shutil.copyfile(source, staged)
        return chat.run(datasets.upload, staged=staged, filename=filename, name=name, dataset_ref=None, options=None)
    finally:
        staged.unlink(missing_ok=True)


async def upload(chat: ChatSession, elements: list[Any], text: str) -> DatasetRead | None:
    """Create a dataset from each file of a message; the last one becomes the dataset the chat talks about."""
    name = upload_name(text) if len(elements) == 1 else None
    created = None
    for element in elements:
        source = Path(element.path)
        created = await tool(
            chat,
            "datasets.upload",
            lambda source=source, element=element: _stage_and_upload(chat, source, element.name, name),
            shown={"filename": element.name, "name": name, "bytes": source.stat().st_size},
            summary=lambda d: f"dataset '{d.name}' v{d.current_version}: {d.rows} rows",
        )
        chat.use_dataset(created.id, created.name)
        preview = await call(
            chat,
            "datasets.preview",
            datasets.preview,
            created.id,
            version=None,
            limit=PREVIEW_ROWS,
            offset=0,
            shown={"dataset": created.name, "limit": PREVIEW_ROWS},
            summary=lambda p: f"{len(p.rows)} of {p.total_rows} rows",
        )
        columns = ", ".join(f"`{c.name}` ({c.dtype})" for c in preview.columns)
        await cl.Message(
            content=(
                f"Created dataset **{created.name}** from `{element.name}`: {created.rows} rows x "
                f"{created.column_count} columns (version {created.current_version}).\n\nColumns: {columns}\n\n"
                f"{records_table(preview.rows, limit=PREVIEW_ROWS)}\n\nAsk **how good is this data?** to scan it."
            )
        ).send()
    return created


async def dataset_for(chat: ChatSession, text: str) -> tuple[str, str] | None:
    """The (id, name) a question is about: one it names, else the current one, else the only one; else ask."""
    page: PageOut[DatasetRead] = await call(
        chat,
        "datasets.list_datasets",
        datasets.list_datasets,
        DatasetQuery(limit=100),
        shown={"limit": 100},
        summary=lambda p: f"{len(p.items)} datasets",
    )
    by_name = {d.name: d for d in page.items}
    named = mentioned_dataset(text, by_name)
    if named is not None:
        chat.use_dataset(by_name[named].id, named)
    elif chat.dataset_id is None and len(page.items) == 1:
        chat.use_dataset(page.items[0].id, page.items[0].name)
    if chat.dataset_id is not None and chat.dataset_name is not None:
        return chat.dataset_id, chat.dataset_name
    if not page.items:
        await cl.Message(content="This workspace has no datasets yet: drop a file here to create one.").send()
    else:
        listed = ", ".join(f"**{d.name}**" for d in page.items[:20])
        await cl.Message(content=f"Which dataset do you mean? Name it in your question: {listed}.").send()
    return None
