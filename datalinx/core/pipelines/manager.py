"""Pipelines: create (from a definition or template), version, validate, dry-run, run, and read runs and outputs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call
from datalinx.core.errors import Conflict, Invalid, NotFound
from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs.schemas import JobAccepted, JobStatus
from datalinx.core.pipelines import docs, templates
from datalinx.core.pipelines.catalog import WorkspaceCatalog
from datalinx.core.pipelines.compiled import duckdb_sql
from datalinx.core.pipelines.dag import SINK_KINDS, PipelineDefinition
from datalinx.core.pipelines.schemas import (
    PipelineCreate,
    PipelineQuery,
    PipelineRead,
    PipelineSchema,
    PipelineUpdate,
    RunOutput,
    RunQuery,
    RunRead,
    RunRequest,
    TemplateRead,
    ValidationReport,
)
from datalinx.core.pipelines.validation import Validation, validate
from datalinx.core.quality import manager as quality
from datalinx.core.schemas import PageOut
from datalinx.dao import files
from datalinx.dao import pipelines as pipelines_dao
from datalinx.dao.models import Pipeline, PipelineRun, PipelineVersion, utcnow

PIPELINE_SORTS = {"created_at", "updated_at", "name"}
RUN_SORTS = {"created_at"}


def find(call: Call, ref: str) -> Pipeline:
    """A pipeline of the current workspace by id or name, else not found."""
    pipeline = pipelines_dao.find(call.session, call.scope, ref)
    if pipeline is None:
        raise NotFound("pipeline", ref)
    return pipeline


def _version(call: Call, pipeline: Pipeline, number: int | None) -> PipelineVersion:
    wanted = pipeline.current_version if number is None else number
    row = pipelines_dao.get_version(call.session, call.scope, pipeline.id, wanted)
    if row is None:
        raise NotFound("pipeline version", f"{pipeline.name}@{wanted}")
    return row


def _read(pipeline: Pipeline, row: PipelineVersion) -> PipelineRead:
    return PipelineRead(
        id=pipeline.id,
        name=pipeline.name,
        description=pipeline.description,
        version=row.version,
        current_version=pipeline.current_version,
        definition=row.definition,
        template=pipeline.template,
        created_by=pipeline.created_by,
        created_at=pipeline.created_at,
        updated_at=pipeline.updated_at,
    )


def check(call: Call, definition: PipelineDefinition) -> tuple[Validation, WorkspaceCatalog]:
    """Validate a definition against the workspace as it is now."""
    catalog = WorkspaceCatalog(call)
    return validate(definition, catalog), catalog


def _report(validation: Validation, definition: PipelineDefinition) -> ValidationReport:
    schemas = {n: ({c: str(t) for c, t in s.items()} if s is not None else None) for n, s in validation.schemas.items()}
    return ValidationReport(
        valid=validation.valid,
        problems=validation.problems,
        warnings=validation.warnings,
        order=validation.order,
        schemas=schemas,
        sql=duckdb_sql(definition, validation) if validation.valid else None,
    )


def _check_name(call: Call, name: str, *, other_than: str | None = None) -> None:
    if pipelines_dao.name_taken(call.session, call.scope, name, other_than=other_than):
        raise Conflict(f"a pipeline named '{name}' already exists", field="name")


def create_pipeline(call: Call, data: PipelineCreate) -> PipelineRead:
    """Save a new pipeline at version 1; an invalid definition is refused with all its problems."""
    call.require(Permission.PIPELINE_WRITE, resource_type="pipeline")
    if data.name is None or data.prompt is not None:
        raise Invalid("a pipeline from a prompt is drafted by the planner first", field="prompt")
    _check_name(call, data.name)
    definition = data.definition or templates.instantiate(data.template or "", data.parameters)
    check(call, definition)[0].raise_for_problems()
    pipeline = pipelines_dao.create(
        call.session,
        call.scope,
        name=data.name,
        description=data.description,
        current_version=1,
        template=data.template,
        created_by=call.principal.id,
    )
    row = pipelines_dao.add_version(
        call.session,
        call.scope,
        pipeline,
        version=1,
        definition=definition.model_dump(mode="json"),
        created_by=call.principal.id,
    )
    call.audit("pipeline.create", resource_type="pipeline", resource_id=pipeline.id, name=pipeline.name)
    return _read(pipeline, row)


def get_pipeline(call: Call, ref: str, version: int | None = None) -> PipelineRead:
    """A pipeline with its current definition (or the version asked for)."""
    pipeline = find(call, ref)
    call.require(Permission.PIPELINE_READ)
    return _read(pipeline, _version(call, pipeline, version))


def list_pipelines(call: Call, query: PipelineQuery) -> PageOut[PipelineRead]:
    """Pipelines of the current workspace with their current definitions."""
    call.require(Permission.PIPELINE_READ)
    page = pipelines_dao.list_pipelines(
        call.session, call.scope, name=query.name, page=query.page_request(sorts=PIPELINE_SORTS)
    )
    items = [_read(p, _version(call, p, None)) for p in page.items]
    return PageOut[PipelineRead](items=items, next_cursor=page.next_cursor)


def update_pipeline(call: Call, ref: str, data: PipelineUpdate) -> PipelineRead:
    """Rename or describe in place; a changed definition is validated and becomes the next version."""
    pipeline = find(call, ref)
    call.require(Permission.PIPELINE_WRITE, resource_type="pipeline", resource_id=pipeline.id)
    current = _version(call, pipeline, None)
    if data.name is not None and data.name != pipeline.name:
        _check_name(call, data.name, other_than=pipeline.id)
        pipeline.name = data.name
    if "description" in data.model_fields_set:
        pipeline.description = data.description
    row = current
    if data.definition is not None and data.definition.model_dump(mode="json") != current.definition:
        check(call, data.definition)[0].raise_for_problems()
        pipeline.current_version += 1
        row = pipelines_dao.add_version(
            call.session,
            call.scope,
            pipeline,
            version=pipeline.current_version,
            definition=data.definition.model_dump(mode="json"),
            created_by=call.principal.id,
        )
    pipeline.updated_at = utcnow()
    call.audit("pipeline.update", resource_type="pipeline", resource_id=pipeline.id, version=pipeline.current_version)
    return _read(pipeline, row)


def delete_pipeline(call: Call, ref: str) -> None:
    """Delete a pipeline with its versions and run history (datasets it wrote stay)."""
    pipeline = find(call, ref)
    call.require(Permission.PIPELINE_WRITE, resource_type="pipeline", resource_id=pipeline.id)
    pipelines_dao.delete_pipeline(call.session, call.scope, pipeline.id)
    call.audit("pipeline.delete", resource_type="pipeline", resource_id=pipeline.id, name=pipeline.name)


def validate_pipeline(
    call: Call, *, pipeline: str | None = None, definition: PipelineDefinition | None = None, version: int | None = None
) -> ValidationReport:
    """Check a saved pipeline (or a definition not saved yet): every problem, each node's columns, the SQL."""
    if (pipeline is None) == (definition is None):
        raise Invalid("give either `pipeline` or `definition`", field="pipeline")
    if pipeline is not None:
        found = find(call, pipeline)
        call.require(Permission.PIPELINE_READ)
        definition = PipelineDefinition.model_validate(_version(call, found, version).definition)
    call.require(Permission.PIPELINE_READ)
    assert definition is not None
    return _report(check(call, definition)[0], definition)


def start_run(call: Call, ref: str, request: RunRequest, *, dry_run: bool) -> JobAccepted:
    """Queue a run (or a dry run on a sample of each source) of a version; refused before queueing when invalid."""
    pipeline = find(call, ref)
    call.require(Permission.PIPELINE_RUN, resource_type="pipeline", resource_id=pipeline.id)
    row = _version(call, pipeline, request.version)
    definition = PipelineDefinition.model_validate(row.definition)
    return _submit(call, definition, request, dry_run=dry_run, pipeline=pipeline, version=row.version)


def dry_run_draft(call: Call, definition: PipelineDefinition, request: RunRequest) -> JobAccepted:
    """Queue a dry run of a definition that is not saved (a plan being discussed); nothing is written."""
    call.require(Permission.PIPELINE_RUN, resource_type="pipeline")
    return _submit(call, definition, request, dry_run=True, pipeline=None, version=0)


def _submit(
    call: Call,
    definition: PipelineDefinition,
    request: RunRequest,
    *,
    dry_run: bool,
    pipeline: Pipeline | None,
    version: int,
) -> JobAccepted:
    validation, catalog = check(call, definition)
    validation.raise_for_problems()
    if not dry_run and not any(n.kind in SINK_KINDS for n in definition.nodes):
        raise Invalid("the pipeline has no sink: a run would write nothing; add one, or dry-run it", field="definition")
    stored = definition.model_dump(mode="json")
    run = pipelines_dao.create_run(
        call.session,
        call.scope,
        pipeline_id=pipeline.id if pipeline else None,
        definition=None if pipeline else stored,
        version=version,
        kind="dry_run" if dry_run else "run",
        engine=request.engine,
        status="queued",
        outputs=[],
        created_by=call.principal.id,
    )
    resolved = list(catalog.resolved.values())
    payload: dict[str, Any] = {
        "run_id": run.id,
        "pipeline_id": pipeline.id if pipeline else None,
        "version": version,
        "definition": stored,
        "sources": [s.model_dump(mode="json") for s in resolved],
        "engine": request.engine,
        "dry_run": dry_run,
        "sample_rows": request.sample_rows if dry_run else None,
        "weights": quality.weights(call),
        "secret_ids": sorted({s.secret_id for s in resolved if s.secret_id}),
    }
    kind = "pipeline.dry_run" if dry_run else "pipeline.run"
    job = jobs.submit(call, kind, payload, idempotency_key=request.idempotency_key)
    ids = {"pipeline_id": pipeline.id} if pipeline else {}
    if job.payload.get("run_id") != run.id:  # the idempotency key named an earlier run
        call.session.delete(run)
        return jobs.accepted(job, run_id=job.payload["run_id"], **ids)
    run.job_id = job.id
    resource = pipeline.id if pipeline else None
    call.audit(f"pipeline.{kind.split('.')[1]}", resource_type="pipeline", resource_id=resource, run_id=run.id)
    return jobs.accepted(job, run_id=run.id, **ids)


def _run_read(call: Call, run: PipelineRun) -> RunRead:
    read = RunRead.model_validate(run)
    if run.status != "succeeded" and run.job_id:
        # Until its job completes, a run's state is its job's (a failed job never reaches `complete`).
        job = jobs.get_job(call, run.job_id)
        status = job.status.value if job.status != JobStatus.SUCCEEDED else "publishing"
        read = read.model_copy(
            update={
                "status": status,
                "error": job.error,
                "progress": job.progress,
                "progress_message": job.progress_message,
            }
        )
    return read


def _run(call: Call, run_id: str) -> PipelineRun:
    run = pipelines_dao.get_run(call.session, call.scope, run_id)
    if run is None:
        raise NotFound("run", run_id)
    call.require(Permission.PIPELINE_READ)
    return run


def list_runs(call: Call, ref: str, query: RunQuery) -> PageOut[RunRead]:
    """A pipeline's runs and dry runs, newest first."""
    pipeline = find(call, ref)
    call.require(Permission.PIPELINE_READ)
    page = pipelines_dao.list_runs(
        call.session,
        call.scope,
        pipeline.id,
        kind=query.kind,
        status=query.status,
        page=query.page_request(sorts=RUN_SORTS),
    )
    return PageOut[RunRead](items=[_run_read(call, r) for r in page.items], next_cursor=page.next_cursor)


def get_run(call: Call, run_id: str) -> RunRead:
    """A run's status and progress, and once done its report (rows per node, previews, gates) and outputs."""
    return _run_read(call, _run(call, run_id))


def run_output(call: Call, run_id: str) -> list[RunOutput]:
    """What a finished run published: datasets and versions, warehouse tables, files with download URLs."""
    run = _run(call, run_id)
    if run.status != "succeeded":
        status = _run_read(call, run).status
        raise Conflict(f"run '{run_id}' has no output yet: it is {status}", field="run_id")
    return [RunOutput.model_validate(o) for o in run.outputs]


def run_file(call: Call, run_id: str, name: str) -> Path:
    """The file a run's file sink wrote, for download with the caller's credentials."""
    outputs = run_output(call, run_id)
    if not any(o.file_name == name for o in outputs):
        raise NotFound("run file", name)
    run = _run(call, run_id)
    return files.workspace_dir(call.runtime.settings.home, call.scope) / "jobs" / (run.job_id or "") / "files" / name


def pipeline_schema(call: Call) -> PipelineSchema:
    """The DAG model's JSON schema, and every node kind with an example."""
    call.require(Permission.PIPELINE_READ)
    return docs.pipeline_schema()


def list_templates(call: Call) -> list[TemplateRead]:
    """Starter pipelines to instantiate with `create_pipeline(template=..., parameters=...)`."""
    call.require(Permission.PIPELINE_READ)
    return templates.list_templates()
