"""Datasets: upload, register, version, describe, preview, download and delete."""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call
from datalinx.core.datasets import ingest
from datalinx.core.datasets.facts import CatalogView, DatasetFacts, facts_from_parquet
from datalinx.core.datasets.schemas import (
    DatasetPreview,
    DatasetQuery,
    DatasetRead,
    DatasetVersionRead,
    IngestOptions,
    IngestResult,
    VersionQuery,
)
from datalinx.core.errors import Conflict, Invalid, NotFound, QuotaExceeded
from datalinx.core.schemas import PageOut
from datalinx.dao import datasets as datasets_dao
from datalinx.dao import files
from datalinx.dao import quality as quality_dao
from datalinx.dao.models import Dataset, DatasetVersion, utcnow
from datalinx.dao.pagination import PageRequest
from datalinx.dao.scope import Scope

DATASET_SORTS = {"created_at", "updated_at", "name"}
PREVIEW_MAX = 500


def find(call: Call, ref: str) -> Dataset:
    """A dataset of the current workspace by id or name, else not found."""
    dataset = datasets_dao.find(call.session, call.scope, ref)
    if dataset is None:
        raise NotFound("dataset", ref)
    return dataset


def absolute(call: Call, relative: str) -> Path:
    """A path relative to the current workspace folder, made absolute."""
    return files.resolve(call.runtime.settings.home, call.scope, relative)


def check_new_name(call: Call, name: str) -> None:
    """A new dataset's name: 1 to 200 characters, unique in the workspace."""
    if not name or len(name) > 200:
        raise Invalid("dataset name must be 1 to 200 characters", field="name")
    if datasets_dao.name_taken(call.session, call.scope, name):
        raise Conflict(f"a dataset named '{name}' already exists; send `dataset` to add a version", field="name")


def create_dataset(call: Call, name: str, *, dataset_id: str | None = None) -> Dataset:
    """A new, empty dataset row (its first version follows in the same transaction)."""
    check_new_name(call, name)
    extra = {"id": dataset_id} if dataset_id else {}
    return datasets_dao.create(
        call.session,
        call.scope,
        name=name,
        status="ready",
        tags=[],
        current_version=0,
        created_by=call.principal.id,
        **extra,
    )


def _version(call: Call, dataset: Dataset, number: int | None) -> DatasetVersion:
    wanted = dataset.current_version if number is None else number
    version = datasets_dao.get_version(call.session, call.scope, dataset.id, wanted)
    if version is None:
        raise NotFound("version", f"{dataset.name}@{wanted}")
    return version


def _read(call: Call, dataset: Dataset, score: float | None = None, *, look_up_score: bool = True) -> DatasetRead:
    current = datasets_dao.get_version(call.session, call.scope, dataset.id, dataset.current_version)
    if look_up_score:
        score = quality_dao.latest_scores(call.session, call.scope, [dataset.id]).get(dataset.id)
    return DatasetRead.of(dataset, current, score)


def check_upload(call: Call, size: int | None) -> Scope:
    """Refuse an upload before any byte is stored: permission, then size and storage quotas."""
    call.require(Permission.DATASET_WRITE, resource_type="dataset")
    settings = call.runtime.settings
    if size is not None and size > settings.max_upload_bytes:
        raise QuotaExceeded(f"upload is over the limit of {settings.max_upload_bytes} bytes", field="file")
    used = datasets_dao.stored_bytes(call.session, call.scope)
    if used + (size or 0) > settings.workspace_storage_bytes:
        raise QuotaExceeded(
            f"workspace storage quota of {settings.workspace_storage_bytes} bytes would be exceeded "
            f"({used} bytes in use)",
            field="file",
        )
    return call.scope


def _after_commit_or_rollback(
    session: Session, *, on_rollback: Path | None = None, on_commit: Path | None = None
) -> None:
    """Files follow the transaction: a rolled-back version's file is removed, a deleted dataset's after commit."""

    def rollback(_session: Session, _previous: object) -> None:
        if on_rollback is not None:
            on_rollback.unlink(missing_ok=True)

    def commit(_session: Session) -> None:
        if on_commit is not None:
            shutil.rmtree(on_commit, ignore_errors=True)

    event.listen(session, "after_soft_rollback", rollback, once=True)
    event.listen(session, "after_commit", commit, once=True)


def add_version(
    call: Call,
    dataset: Dataset,
    result: IngestResult,
    path: Path,
    relative: str,
    *,
    source: dict[str, object],
    job_id: str | None = None,
) -> DatasetVersion:
    """Record a new immutable version whose Parquet file is already at `path`."""
    number = dataset.current_version + 1
    version = datasets_dao.add_version(
        call.session,
        call.scope,
        dataset,
        version=number,
        path=relative,
        rows=result.rows,
        columns=[c.model_dump() for c in result.columns],
        size_bytes=result.size_bytes,
        source={**source, "detected": result.detected.model_dump() if result.detected else None},
        job_id=job_id,
        created_by=call.principal.id,
    )
    dataset.current_version = number
    dataset.status = "ready"
    dataset.updated_at = utcnow()
    return version


def upload(
    call: Call,
    *,
    staged: Path,
    filename: str | None,
    name: str | None,
    dataset_ref: str | None,
    options: IngestOptions | None,
) -> DatasetRead:
    """Parse a staged upload into Parquet and record it as a new dataset (or a new version of one)."""
    check_upload(call, staged.stat().st_size)
    scope = call.scope
    if dataset_ref:
        dataset = find(call, dataset_ref)
    else:
        dataset = create_dataset(call, (name or Path(filename or "dataset").stem).strip())
    home = call.runtime.settings.home
    path, relative = files.new_version_file(home, scope, dataset.id, dataset.current_version + 1)
    _after_commit_or_rollback(call.session, on_rollback=path)
    result = ingest.ingest_file(staged, path, original_name=filename, options=options)
    add_version(call, dataset, result, path, relative, source={"upload": filename})
    call.audit("dataset.upload", resource_type="dataset", resource_id=dataset.id, version=dataset.current_version)
    return _read(call, dataset)


def list_datasets(call: Call, query: DatasetQuery) -> PageOut[DatasetRead]:
    """Datasets of the current workspace."""
    scope = call.scope
    call.require(Permission.DATASET_READ)
    page = datasets_dao.list_datasets(
        call.session,
        scope,
        name=query.name,
        status=query.status,
        tag=query.tag,
        page=query.page_request(sorts=DATASET_SORTS),
    )
    scores = quality_dao.latest_scores(call.session, scope, [d.id for d in page.items])
    items = [_read(call, d, scores.get(d.id), look_up_score=False) for d in page.items]
    return PageOut[DatasetRead](items=items, next_cursor=page.next_cursor)


def get_dataset(call: Call, ref: str) -> DatasetRead:
    """One dataset (by id or name): rows, columns, size, current version."""
    dataset = find(call, ref)
    call.require(Permission.DATASET_READ)
    return _read(call, dataset)


def list_versions(call: Call, ref: str, query: VersionQuery) -> PageOut[DatasetVersionRead]:
    """Every version of a dataset, newest first."""
    dataset = find(call, ref)
    call.require(Permission.DATASET_READ)
    page = datasets_dao.list_versions(call.session, call.scope, dataset.id, page=query.page_request(sorts={"version"}))
    return PageOut.of(page, DatasetVersionRead)


def version_path(call: Call, ref: str, version: int | None) -> tuple[Dataset, DatasetVersion, Path]:
    """The Parquet file of a version, for reading inside core (preview, download, pipelines, scans)."""
    dataset = find(call, ref)
    call.require(Permission.DATASET_READ)
    row = _version(call, dataset, version)
    return dataset, row, files.resolve(call.runtime.settings.home, call.scope, row.path)


def preview(call: Call, ref: str, *, version: int | None, limit: int, offset: int) -> DatasetPreview:
    """The first rows (or a window) of a version."""
    if not 1 <= limit <= PREVIEW_MAX:
        raise Invalid(f"limit must be between 1 and {PREVIEW_MAX}", field="limit")
    if offset < 0:
        raise Invalid("offset must not be negative", field="offset")
    dataset, row, path = version_path(call, ref, version)
    rows = ingest.read_preview(path, limit, offset)
    return DatasetPreview(
        dataset_id=dataset.id, version=row.version, total_rows=row.rows, offset=offset, columns=row.columns, rows=rows
    )


def delete_dataset(call: Call, ref: str) -> None:
    """Delete a dataset with all its versions and files (and, later, scans and issues derived from it)."""
    dataset = find(call, ref)
    call.require(Permission.DATASET_DELETE, resource_type="dataset", resource_id=dataset.id)
    scope = call.scope
    datasets_dao.delete_dataset(call.session, scope, dataset.id)
    _after_commit_or_rollback(call.session, on_commit=files.dataset_dir(call.runtime.settings.home, scope, dataset.id))
    call.audit("dataset.delete", resource_type="dataset", resource_id=dataset.id, name=dataset.name)


@lru_cache(maxsize=256)
def _facts(path: str, name: str, rows: int) -> DatasetFacts:
    return facts_from_parquet(name, Path(path), rows=rows)


def facts(call: Call, ref: str, version: int | None = None) -> DatasetFacts:
    """Columns, types, nulls and common values of a version, for planners (versions never change: cached)."""
    dataset, row, path = version_path(call, ref, version)
    return _facts(str(path), dataset.name, row.rows).model_copy(deep=True)


def catalog(call: Call, *, limit: int = 200) -> CatalogView:
    """Facts of every dataset of the workspace (up to `limit`), for planners grounding a request."""
    call.require(Permission.DATASET_READ)
    found: list[DatasetFacts] = []
    cursor = None
    while len(found) < limit:
        page = datasets_dao.list_datasets(
            call.session, call.scope, name=None, status="ready", tag=None, page=PageRequest(limit=100, cursor=cursor)
        )
        found.extend(facts(call, d.id) for d in page.items if d.current_version > 0)
        cursor = page.next_cursor
        if cursor is None:
            break
    return CatalogView(datasets=found[:limit])
