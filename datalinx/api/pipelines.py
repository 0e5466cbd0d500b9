"""Pipelines: definitions and versions, validation, templates, dry runs and runs, run outputs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.responses import FileResponse

from datalinx.agents import planning
from datalinx.agents.schemas import PlanResult
from datalinx.api.deps import CallerDep, permission
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.jobs.schemas import JobAccepted
from datalinx.core.pipelines import manager as pipelines
from datalinx.core.pipelines.dag import PipelineDefinition
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
from datalinx.core.schemas import PageOut

router = APIRouter(tags=["pipelines"])


@router.get("/pipelines/schema", openapi_extra=permission(P.PIPELINE_READ))
def pipeline_schema(caller: CallerDep) -> PipelineSchema:
    """The DAG model as JSON schema, with every node kind and an example of each."""
    return caller.run(pipelines.pipeline_schema)


@router.get("/pipelines/templates", openapi_extra=permission(P.PIPELINE_READ))
def list_templates(caller: CallerDep) -> list[TemplateRead]:
    """Starter pipelines and their parameters; create one with `template` and `parameters`."""
    return caller.run(pipelines.list_templates)


@router.post("/pipelines/validate", openapi_extra=permission(P.PIPELINE_READ))
def validate_definition(caller: CallerDep, body: PipelineDefinition) -> ValidationReport:
    """Check a definition without saving it: every problem, each node's columns, the compiled SQL."""
    return caller.run(lambda call: pipelines.validate_pipeline(call, definition=body))


@router.post("/pipelines", status_code=201, openapi_extra=permission(P.PIPELINE_WRITE))
def create_pipeline(caller: CallerDep, body: PipelineCreate, response: Response) -> PipelineRead | PlanResult:
    """Create a pipeline from a definition or a template (invalid ones are refused with every problem), or plan one
    from a `prompt` in plain words (with `save`, kept when the plan is complete; else answered 200 as a plan)."""
    if body.prompt is None:
        return caller.run(pipelines.create_pipeline, body)
    planned = planning.create_from_prompt(caller, body.prompt, name=body.name, save=body.save)
    if planned.pipeline_id is None:
        response.status_code = 200
    return planned


@router.get("/pipelines", openapi_extra=permission(P.PIPELINE_READ))
def list_pipelines(caller: CallerDep, query: Annotated[PipelineQuery, Query()]) -> PageOut[PipelineRead]:
    """Pipelines of the workspace."""
    return caller.run(pipelines.list_pipelines, query)


@router.get("/pipelines/{pipeline}", openapi_extra=permission(P.PIPELINE_READ))
def get_pipeline(caller: CallerDep, pipeline: str, version: int | None = None) -> PipelineRead:
    """A pipeline's definition (the current version unless `version` is given)."""
    return caller.run(pipelines.get_pipeline, pipeline, version)


@router.put("/pipelines/{pipeline}", openapi_extra=permission(P.PIPELINE_WRITE))
def update_pipeline(caller: CallerDep, pipeline: str, body: PipelineUpdate) -> PipelineRead:
    """Change a pipeline; a new definition becomes the next version."""
    return caller.run(pipelines.update_pipeline, pipeline, body)


@router.delete("/pipelines/{pipeline}", status_code=204, openapi_extra=permission(P.PIPELINE_WRITE))
def delete_pipeline(caller: CallerDep, pipeline: str) -> Response:
    """Delete a pipeline, its versions and run history (datasets it wrote stay)."""
    caller.run(pipelines.delete_pipeline, pipeline)
    return Response(status_code=204)


@router.post("/pipelines/{pipeline}/validate", openapi_extra=permission(P.PIPELINE_READ))
def validate_pipeline(caller: CallerDep, pipeline: str, version: int | None = None) -> ValidationReport:
    """Check a saved pipeline against the workspace as it is now."""
    return caller.run(lambda call: pipelines.validate_pipeline(call, pipeline=pipeline, version=version))


@router.post("/pipelines/{pipeline}/run", status_code=202, openapi_extra=permission(P.PIPELINE_RUN))
def run_pipeline(caller: CallerDep, pipeline: str, body: RunRequest | None = None) -> JobAccepted:
    """Run a pipeline version (a job; follow it by `job_id` or read the run by `run_id`)."""
    return caller.run(pipelines.start_run, pipeline, body or RunRequest(), dry_run=False)


@router.post("/pipelines/{pipeline}/dry-run", status_code=202, openapi_extra=permission(P.PIPELINE_RUN))
def dry_run_pipeline(caller: CallerDep, pipeline: str, body: RunRequest | None = None) -> JobAccepted:
    """Dry-run on a sample of each source (1,000 rows): rows per node, output preview and schema; writes nothing."""
    return caller.run(pipelines.start_run, pipeline, body or RunRequest(), dry_run=True)


@router.get("/pipelines/{pipeline}/runs", openapi_extra=permission(P.PIPELINE_READ))
def list_runs(caller: CallerDep, pipeline: str, query: Annotated[RunQuery, Query()]) -> PageOut[RunRead]:
    """A pipeline's runs and dry runs, newest first."""
    return caller.run(pipelines.list_runs, pipeline, query)


@router.get("/runs/{run_id}/status", openapi_extra=permission(P.PIPELINE_READ))
def run_status(caller: CallerDep, run_id: str) -> RunRead:
    """A run's status and progress; once done, its report (rows per node, previews, gates) and outputs."""
    return caller.run(pipelines.get_run, run_id)


@router.get("/runs/{run_id}/output", openapi_extra=permission(P.PIPELINE_READ))
def run_output(caller: CallerDep, run_id: str) -> list[RunOutput]:
    """What a finished run wrote: dataset versions, warehouse tables, and files with their download URLs."""
    return caller.run(pipelines.run_output, run_id)


@router.get("/runs/{run_id}/files/{name}", openapi_extra=permission(P.PIPELINE_READ))
def download_run_file(caller: CallerDep, run_id: str, name: str) -> FileResponse:
    """Download a file a run's file sink wrote."""
    path = caller.run(pipelines.run_file, run_id, name)
    media = {"csv": "text/csv", "ndjson": "application/x-ndjson"}.get(
        name.rsplit(".", 1)[-1], "application/octet-stream"
    )
    return FileResponse(path, media_type=media, filename=name)
