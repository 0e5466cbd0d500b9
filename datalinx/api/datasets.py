"""Datasets: upload, list, describe, preview, download, versions, delete."""

from __future__ import annotations

import json
from typing import Annotated, Literal

import anyio
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import FileResponse
from pydantic import ValidationError

from datalinx.api.deps import CallerDep, permission, temporary_download
from datalinx.api.uploads import receive_upload
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.datasets import ingest
from datalinx.core.datasets import manager as datasets
from datalinx.core.datasets.schemas import (
    DatasetPreview,
    DatasetQuery,
    DatasetRead,
    DatasetVersionRead,
    IngestOptions,
    VersionQuery,
)
from datalinx.core.errors import Invalid
from datalinx.core.schemas import PageOut
from datalinx.dao import files

router = APIRouter(tags=["datasets"])


@router.post("/datasets", status_code=201, openapi_extra=permission(P.DATASET_WRITE))
async def upload_dataset(caller: CallerDep, request: Request) -> DatasetRead:
    """Upload a file (multipart field `file`; optional `name`, `dataset` for a new version, `options` as JSON)."""
    declared = request.headers.get("content-length")
    size = int(declared) if declared and declared.isdigit() else None
    scope = await anyio.to_thread.run_sync(caller.run, datasets.check_upload, size)
    settings = caller.runtime.settings
    staged = files.staging_file(settings.home, scope)
    try:
        upload = await receive_upload(request, staged, max_bytes=settings.max_upload_bytes)
        options = _options(upload.fields.get("options"))
        return await anyio.to_thread.run_sync(
            lambda: caller.run(
                datasets.upload,
                staged=staged,
                filename=upload.filename,
                name=upload.fields.get("name"),
                dataset_ref=upload.fields.get("dataset"),
                options=options,
            )
        )
    finally:
        staged.unlink(missing_ok=True)


def _options(text: str | None) -> IngestOptions | None:
    if not text:
        return None
    try:
        return IngestOptions.model_validate(json.loads(text))
    except (ValueError, ValidationError) as exc:
        raise Invalid(f"options: {exc}", field="options") from exc


@router.get("/datasets", openapi_extra=permission(P.DATASET_READ))
def list_datasets(caller: CallerDep, query: Annotated[DatasetQuery, Query()]) -> PageOut[DatasetRead]:
    """Datasets of the workspace; filter by name, status or tag."""
    return caller.run(datasets.list_datasets, query)


@router.get("/datasets/{dataset}", openapi_extra=permission(P.DATASET_READ))
def get_dataset(caller: CallerDep, dataset: str) -> DatasetRead:
    """A dataset's metadata: rows, columns, size, current version, latest quality score."""
    return caller.run(datasets.get_dataset, dataset)


@router.get("/datasets/{dataset}/versions", openapi_extra=permission(P.DATASET_READ))
def list_versions(
    caller: CallerDep, dataset: str, query: Annotated[VersionQuery, Query()]
) -> PageOut[DatasetVersionRead]:
    """Every immutable version of the dataset."""
    return caller.run(datasets.list_versions, dataset, query)


@router.get("/datasets/{dataset}/preview", openapi_extra=permission(P.DATASET_READ))
def preview_dataset(
    caller: CallerDep, dataset: str, version: int | None = None, limit: int = 20, offset: int = 0
) -> DatasetPreview:
    """The first rows of a version (or a window with offset)."""
    return caller.run(datasets.preview, dataset, version=version, limit=limit, offset=offset)


@router.get("/datasets/{dataset}/download", openapi_extra=permission(P.DATASET_READ))
def download_dataset(
    caller: CallerDep, dataset: str, version: int | None = None, format: Literal["csv", "parquet"] = "parquet"
) -> FileResponse:
    """Download a version as Parquet or CSV."""
    found, row, path = caller.run(datasets.version_path, dataset, version)
    filename = f"{found.name}-v{row.version}.{format}"
    if format == "parquet":
        return FileResponse(path, media_type="application/vnd.apache.parquet", filename=filename)
    return temporary_download(filename, "text/csv", lambda target: ingest.export(path, "csv", target))


@router.delete("/datasets/{dataset}", status_code=204, openapi_extra=permission(P.DATASET_DELETE))
def delete_dataset(caller: CallerDep, dataset: str) -> Response:
    """Delete the dataset, its versions and files, and everything derived from it."""
    caller.run(datasets.delete_dataset, dataset)
    return Response(status_code=204)
