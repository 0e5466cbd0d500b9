"""Imports as jobs: a file from the workspace inbox, or a table or query of a connection, becomes a version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from datalinx.core.auth.permissions import Permission
from datalinx.core.connections import connectors
from datalinx.core.connections.schemas import ConnectionSpec
from datalinx.core.context import Call
from datalinx.core.datasets import ingest
from datalinx.core.datasets import manager as datasets
from datalinx.core.datasets.schemas import IngestOptions, IngestResult
from datalinx.core.errors import Invalid
from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs.context import JobContext
from datalinx.core.jobs.registry import JobKind, register
from datalinx.core.jobs.schemas import JobAccepted, JobRead
from datalinx.dao import datasets as datasets_dao
from datalinx.dao import files
from datalinx.dao.models import new_id

OUTPUT = "data.parquet"


class ImportPayload(BaseModel):
    """What an import job reads: exactly one of an inbox file or a connection table or query."""

    model_config = ConfigDict(extra="forbid")

    dataset_id: str
    new_name: str | None = Field(default=None, description="Name of the dataset this import creates.")
    inbox_path: str | None = None
    options: IngestOptions | None = None
    connection_id: str | None = None
    connection: ConnectionSpec | None = None
    secret_id: str | None = None
    table: str | None = None
    table_schema: str | None = None
    query: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> ImportPayload:
        if (self.inbox_path is None) == (self.connection is None):
            raise ValueError("give either inbox_path or a connection")
        if self.connection is not None and (self.table is None) == (self.query is None):
            raise ValueError("give either table or query for a connection import")
        return self


def run_import(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    """Data plane: read the source and write Parquet into the job's own folder (re-runs overwrite it)."""
    data = ImportPayload.model_validate(payload)
    target = ctx.job_dir / OUTPUT
    target.parent.mkdir(parents=True, exist_ok=True)
    if data.inbox_path is not None:
        source = ctx.path(f"inbox/{data.inbox_path}")
        if not source.is_file():
            raise Invalid(f"no file '{data.inbox_path}' in the workspace inbox", field="path")
        ctx.progress(0.05, f"reading {data.inbox_path}")
        result = ingest.ingest_file(
            source, target, original_name=source.name, options=data.options, progress=ctx.progress
        )
    else:
        assert data.connection is not None
        password = ctx.secret(data.secret_id) if data.secret_id else None
        ctx.progress(0.05, f"reading from {data.connection.kind}")
        result = connectors.export_to_parquet(
            data.connection,
            password,
            table=data.table,
            schema=data.table_schema,
            query=data.query,
            target=target,
            progress=ctx.progress,
        )
    ctx.progress(1.0, f"{result.rows} rows imported")
    return {"ingest": result.model_dump(mode="json"), "path": f"jobs/{ctx.job_id}/{OUTPUT}"}


def complete_import(call: Call, job: JobRead, result: dict[str, Any]) -> None:
    """Control plane: record the version once, keyed by the job id."""
    if datasets_dao.version_by_job(call.session, call.scope, job.id) is not None:
        return
    payload = ImportPayload.model_validate(job.payload)
    dataset = datasets_dao.get(call.session, call.scope, payload.dataset_id)
    if dataset is None and payload.new_name is None:
        raise Invalid("the dataset was deleted while it was importing", field="dataset")
    if dataset is None:
        dataset = datasets.create_dataset(call, payload.new_name or "", dataset_id=payload.dataset_id)
    source = payload.model_dump(include={"inbox_path", "connection_id", "table", "query"}, exclude_none=True)
    path = datasets.absolute(call, result["path"])
    datasets.add_version(
        call, dataset, IngestResult.model_validate(result["ingest"]), path, result["path"], source=source, job_id=job.id
    )
    call.audit("dataset.import", resource_type="dataset", resource_id=dataset.id, version=dataset.current_version)


IMPORT = register(
    JobKind(
        name="dataset.import",
        permission=Permission.DATASET_WRITE,
        run=run_import,
        complete=complete_import,
        payload_model=ImportPayload,
        max_attempts=3,
        description="Import a file from the inbox, or a connection's table or query, as a new dataset version.",
    )
)


class ImportRequest(BaseModel):
    """An import as a user asks for it: a new dataset `name` or an existing `dataset`, and one source."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    name: str | None = Field(default=None, max_length=200, description="Name of a new dataset.")
    dataset: str | None = Field(default=None, description="Existing dataset (id or name) to add a version to.")
    path: str | None = Field(default=None, description="File name inside the workspace inbox folder.")
    connection: str | None = Field(default=None, description="Connection id or name.")
    table: str | None = None
    schema_name: str | None = Field(default=None, alias="schema")
    query: str | None = Field(default=None, description="A read-only SQL query run on the connection.")
    options: IngestOptions | None = None
    idempotency_key: str | None = None


def import_dataset(call: Call, request: ImportRequest) -> JobAccepted:
    """Queue an import; answers with the job and the id the dataset has (or will have)."""
    from datalinx.core.connections import manager as connections

    scope = call.scope
    call.require(Permission.DATASET_WRITE, resource_type="dataset")
    if (request.path is None) == (request.connection is None):
        raise Invalid("give either `path` (a file in the inbox) or `connection`", field="path")
    payload: dict[str, Any] = {"options": request.options.model_dump() if request.options else None}
    if request.dataset:
        payload["dataset_id"] = datasets.find(call, request.dataset).id
    else:
        name = (request.name or Path(request.path or request.table or "import").stem).strip()
        datasets.check_new_name(call, name)
        payload.update(dataset_id=new_id(), new_name=name)
    if request.path is not None:
        inbox = files.inbox_dir(call.runtime.settings.home, scope)
        source = files.inside(inbox, request.path)
        if source is None:
            raise Invalid(f"path '{request.path}' is outside the workspace inbox", field="path")
        if not source.is_file():
            raise Invalid(f"no file '{request.path}' in the workspace inbox ({inbox})", field="path")
        payload["inbox_path"] = str(source.relative_to(inbox))
    else:
        if (request.table is None) == (request.query is None):
            raise Invalid("give either `table` or `query` for a connection import", field="table")
        found = connections.find(call, request.connection or "")
        payload.update(
            connection_id=found.id,
            connection=found.spec,
            secret_id=found.secret_id,
            table=request.table,
            table_schema=request.schema_name,
            query=request.query,
        )
    job = jobs.submit(call, IMPORT.name, payload, idempotency_key=request.idempotency_key)
    return jobs.accepted(job, dataset_id=job.payload["dataset_id"])
