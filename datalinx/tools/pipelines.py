"""Tools: pipelines (schema, templates, create, read, update, validate), dry runs and runs, run outputs, dbt models."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from datalinx.core.auth.permissions import Permission as P
from datalinx.core.jobs.schemas import JobAccepted, JobRead
from datalinx.core.pipelines import dbt_models
from datalinx.core.pipelines import manager as pipelines
from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.dbt_models import DbtModel, DbtModelWrite
from datalinx.core.pipelines.schemas import (
    EngineName,
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
from datalinx.core.schemas import PageOut
from datalinx.tools.base import AsyncCall, Call, Cursor, Limit, tool
from datalinx.tools.jobs import follow_job

PipelineRef = Annotated[str, Field(description="Pipeline id or name.")]
Definition = Annotated[
    dict[str, Any] | None,
    Field(description="Nodes and edges, as described by get_pipeline_schema (call it first)."),
]
RunId = Annotated[str, Field(description="The run's id, as returned by run_pipeline or dry_run_pipeline.")]
Wait = Annotated[float, Field(ge=0, le=600, description="Wait this long for the result (0: return the job).")]


class RunOutcome(BaseModel):
    """What a run tool answers: the job, and the run once it finished within the wait."""

    accepted: JobAccepted
    job: JobRead
    run: RunRead | None = None


@tool(permission=P.PIPELINE_READ, read_only=True)
def get_pipeline_schema(call: Call) -> PipelineSchema:
    return pipelines.pipeline_schema(call)


@tool(permission=P.PIPELINE_READ, read_only=True)
def list_pipeline_templates(call: Call) -> list[TemplateRead]:
    return pipelines.list_templates(call)


@tool(permission=P.PIPELINE_WRITE, destructive=False)
def create_pipeline(
    call: Call,
    name: str,
    definition: Definition = None,
    template: str | None = None,
    parameters: dict[str, Any] | None = None,
    description: str | None = None,
) -> PipelineRead:
    data = PipelineCreate.model_validate(
        {
            "name": name,
            "definition": definition,
            "template": template,
            "parameters": parameters or {},
            "description": description,
        }
    )
    return pipelines.create_pipeline(call, data)


@tool(permission=P.PIPELINE_READ, read_only=True)
def get_pipeline(call: Call, pipeline: PipelineRef, version: int | None = None) -> PipelineRead:
    return pipelines.get_pipeline(call, pipeline, version)


@tool(permission=P.PIPELINE_READ, read_only=True)
def list_pipelines(
    call: Call, name: str | None = None, limit: Limit = 20, cursor: Cursor = None
) -> PageOut[PipelineRead]:
    return pipelines.list_pipelines(call, PipelineQuery(name=name, limit=limit, cursor=cursor))


@tool(permission=P.PIPELINE_WRITE, destructive=False)
def update_pipeline(
    call: Call,
    pipeline: PipelineRef,
    definition: Definition = None,
    name: str | None = None,
    description: str | None = None,
) -> PipelineRead:
    fields = {"definition": definition, "name": name, "description": description}
    data = PipelineUpdate.model_validate({key: value for key, value in fields.items() if value is not None})
    return pipelines.update_pipeline(call, pipeline, data)


@tool(permission=P.PIPELINE_WRITE)
def delete_pipeline(call: Call, pipeline: PipelineRef) -> dict[str, str]:
    pipelines.delete_pipeline(call, pipeline)
    return {"deleted": pipeline}


@tool(permission=P.PIPELINE_READ, read_only=True)
def validate_pipeline(
    call: Call,
    pipeline: PipelineRef | None = None,
    definition: Definition = None,
    version: int | None = None,
) -> ValidationReport:
    parsed = PipelineDefinition.model_validate(definition) if definition is not None else None
    return pipelines.validate_pipeline(call, pipeline=pipeline, definition=parsed, version=version)


async def _run(call: AsyncCall, pipeline: str, request: RunRequest, *, dry_run: bool, wait: float) -> RunOutcome:
    accepted = await call.run(pipelines.start_run, pipeline, request, dry_run=dry_run)
    job = await follow_job(call, accepted.job_id, wait)
    run = None
    if job.status.terminal:
        run = await call.run(pipelines.get_run, accepted.model_extra["run_id"])  # type: ignore[index]
    return RunOutcome(accepted=accepted, job=job, run=run)


@tool(permission=P.PIPELINE_RUN, destructive=False, idempotent=True)
async def dry_run_pipeline(
    call: AsyncCall,
    pipeline: PipelineRef,
    version: int | None = None,
    engine: EngineName = "polars",
    sample_rows: Annotated[int, Field(ge=1, le=100_000)] = 1000,
    wait_seconds: Wait = 120,
) -> RunOutcome:
    request = RunRequest(version=version, engine=engine, sample_rows=sample_rows)
    return await _run(call, pipeline, request, dry_run=True, wait=wait_seconds)


@tool(permission=P.PIPELINE_RUN, destructive=False)
async def run_pipeline(
    call: AsyncCall,
    pipeline: PipelineRef,
    version: int | None = None,
    engine: EngineName = "polars",
    idempotency_key: str | None = None,
    wait_seconds: Wait = 120,
) -> RunOutcome:
    request = RunRequest(version=version, engine=engine, idempotency_key=idempotency_key)
    return await _run(call, pipeline, request, dry_run=False, wait=wait_seconds)


@tool(permission=P.PIPELINE_READ, read_only=True)
def list_runs(
    call: Call,
    pipeline: PipelineRef,
    kind: Literal["run", "dry_run"] | None = None,
    status: str | None = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> PageOut[RunRead]:
    return pipelines.list_runs(call, pipeline, RunQuery(kind=kind, status=status, limit=limit, cursor=cursor))


@tool(permission=P.PIPELINE_READ, read_only=True)
def get_run(call: Call, run_id: RunId) -> RunRead:
    return pipelines.get_run(call, run_id)


@tool(permission=P.PIPELINE_READ, read_only=True)
def get_run_output(call: Call, run_id: RunId) -> list[RunOutput]:
    return pipelines.run_output(call, run_id)


@tool(permission=P.PIPELINE_READ, read_only=True)
def list_dbt_models(call: Call) -> list[str]:
    return dbt_models.list_models(call)


@tool(permission=P.PIPELINE_WRITE, destructive=False, idempotent=True)
def save_dbt_model(call: Call, name: str, sql: str) -> DbtModel:
    return dbt_models.save_model(call, name, DbtModelWrite(sql=sql))
