"""Pipeline runs and dry runs as jobs: the worker runs the DAG in the job's folder, the control plane publishes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call
from datalinx.core.errors import Invalid
from datalinx.core.jobs.context import JobContext
from datalinx.core.jobs.registry import JobKind, register
from datalinx.core.jobs.schemas import JobRead
from datalinx.core.pipelines import dbt, gate, runner, sources
from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.schemas import GateResult, RunReport
from datalinx.core.pipelines.validation import validate
from datalinx.dao import files, warehouse
from datalinx.dao.scope import Scope


class RunPayload(BaseModel):
    """Everything a worker needs to run one pipeline version, with its sources already resolved."""

    model_config = ConfigDict(extra="forbid")

    run_id: str
    pipeline_id: str | None = Field(description="None for a draft's dry run.")
    version: int
    definition: dict[str, Any]
    sources: list[sources.ResolvedSource]
    engine: str = "polars"
    dry_run: bool = False
    sample_rows: int | None = None
    weights: dict[str, float] = Field(default_factory=dict)
    secret_ids: list[str] = Field(default_factory=list, description="Connection secrets the worker may fetch.")


class JobEffects:
    """Quality gates and dbt models for a run inside one job's workspace."""

    def __init__(self, ctx: JobContext, scope: Scope, weights: dict[str, float]) -> None:
        self.ctx = ctx
        self.scope = scope
        self.weights = weights

    def quality_gate(self, node: Any, path: Path, dry_run: bool) -> GateResult:
        return gate.check_gate(node, path, self.weights or None)

    def dbt_model(self, node: Any, inputs: dict[str, Path], dry_run: bool) -> Path:
        return dbt.run_model(
            workspace_project=files.dbt_project_dir(self.ctx.home, self.scope),
            workspace_db=files.warehouse_file(self.ctx.home, self.scope),
            work=self.ctx.job_dir / "dbt" / node.id,
            model=node.model,
            inputs=inputs,
            dry_run=dry_run,
        )


def _write_files(definition: PipelineDefinition, report: RunReport, job_dir: Path) -> None:
    """File sinks: the engine wrote Parquet; turn each into the format asked for, beside it."""
    for output in report.outputs:
        node = definition.node(output.node)
        if node.kind != "sink_file":
            continue
        parquet = job_dir / output.path
        target = job_dir / "files" / node.name
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        frame = pl.scan_parquet(parquet)
        if node.format == "parquet":
            frame.sink_parquet(temporary)
        elif node.format == "csv":
            frame.sink_csv(temporary)
        else:
            frame.sink_ndjson(temporary)
        temporary.replace(target)


def _publish_warehouse(ctx: JobContext, definition: PipelineDefinition, report: RunReport, scope: Scope) -> None:
    writes = []
    for output in report.outputs:
        node = definition.node(output.node)
        if node.kind == "sink_warehouse":
            writes.append((node.table, ctx.job_dir / output.path, node.if_exists))
    if not writes:
        return
    ctx.check()  # a cancelled run writes nothing to the warehouse
    try:
        warehouse.publish(files.warehouse_file(ctx.home, scope), writes, job_id=ctx.job_id)
    except warehouse.TableExists as exc:
        raise Invalid(f"warehouse table '{exc}' exists and the sink's if_exists is 'error'", field="table") from exc
    except Exception as exc:  # DuckDB refusing an append of other columns, say
        raise Invalid(f"writing the warehouse failed: {runner.engine_message(exc)}", field="table") from exc


def run_pipeline(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    """Data plane: sources to files, validate again against them, run, write outputs into the job's folder."""
    data = RunPayload.model_validate(payload)
    scope = Scope(org_id=ctx.job.org_id, workspace_id=ctx.job.workspace_id)
    definition = PipelineDefinition.model_validate(data.definition)
    ctx.progress(0.02, "reading sources")
    work = ctx.job_dir
    prepared = {
        source.node: sources.prepare(
            source,
            resolve=ctx.path,
            secret=ctx.secret,
            work=work,
            warehouse_db=files.warehouse_file(ctx.home, scope),
            max_rows=data.sample_rows if data.dry_run else None,
        )
        for source in data.sources
    }
    catalog = sources.FileCatalog(prepared, files.dbt_project_dir(ctx.home, scope))
    checked = validate(definition, catalog)
    checked.raise_for_problems()
    plan = runner.RunPlan(
        definition=definition,
        validation=checked,
        sources=prepared,
        work_dir=work,
        engine=data.engine,
        dry_run=data.dry_run,
        source_rows=data.sample_rows if data.dry_run else None,
    )
    report = runner.run(plan, JobEffects(ctx, scope, data.weights), lambda f, m: ctx.progress(0.05 + 0.9 * f, m))
    if not data.dry_run:
        _write_files(definition, report, work)
        _publish_warehouse(ctx, definition, report, scope)
    return {"report": report.model_dump(mode="json")}


def complete_pipeline(call: Call, job: JobRead, result: dict[str, Any]) -> None:
    """Control plane: publish the outputs (dataset versions) and store the report on the run, once."""
    from datalinx.core.pipelines import publish

    publish.complete_run(call, job, RunPayload.model_validate(job.payload), RunReport.model_validate(result["report"]))


RUN = register(
    JobKind(
        name="pipeline.run",
        permission=Permission.PIPELINE_RUN,
        run=run_pipeline,
        complete=complete_pipeline,
        payload_model=RunPayload,
        max_attempts=2,
        description="Run a pipeline version: read its sources, run its DAG, publish its sinks.",
    )
)

DRY_RUN = register(
    JobKind(
        name="pipeline.dry_run",
        permission=Permission.PIPELINE_RUN,
        run=run_pipeline,
        complete=complete_pipeline,
        payload_model=RunPayload,
        max_attempts=1,
        description="Dry-run a pipeline on a sample of each source: rows per node, output preview and schema.",
    )
)
