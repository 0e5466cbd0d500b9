"""Tools: datasets, their versions, previews and imports."""

from __future__ import annotations

from typing import Literal

from datalinx.core.auth.permissions import Permission as P
from datalinx.core.datasets import manager as datasets
from datalinx.core.datasets.schemas import (
    DatasetPreview,
    DatasetQuery,
    DatasetRead,
    DatasetVersionRead,
    VersionQuery,
)
from datalinx.core.schemas import PageOut
from datalinx.tools.base import Call, Cursor, Limit, tool


@tool(permission=P.DATASET_READ, read_only=True)
def list_datasets(
    call: Call,
    name: str | None = None,
    status: Literal["ready", "importing", "failed"] | None = None,
    tag: str | None = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> PageOut[DatasetRead]:
    return datasets.list_datasets(call, DatasetQuery(name=name, status=status, tag=tag, limit=limit, cursor=cursor))


@tool(permission=P.DATASET_READ, read_only=True)
def get_dataset(call: Call, dataset: str) -> DatasetRead:
    return datasets.get_dataset(call, dataset)


@tool(permission=P.DATASET_READ, read_only=True)
def preview_dataset(
    call: Call, dataset: str, version: int | None = None, limit: int = 20, offset: int = 0
) -> DatasetPreview:
    return datasets.preview(call, dataset, version=version, limit=limit, offset=offset)


@tool(permission=P.DATASET_READ, read_only=True)
def list_dataset_versions(
    call: Call, dataset: str, limit: Limit = 20, cursor: Cursor = None
) -> PageOut[DatasetVersionRead]:
    return datasets.list_versions(call, dataset, VersionQuery(limit=limit, cursor=cursor))


@tool(permission=P.DATASET_DELETE)
def delete_dataset(call: Call, dataset: str) -> dict[str, str]:
    datasets.delete_dataset(call, dataset)
    return {"deleted": dataset}
