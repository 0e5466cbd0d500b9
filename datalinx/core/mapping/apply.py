"""Apply a plan to Parquet files without a workspace: compile, validate and run it on one engine, for trials."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import polars as pl

from datalinx.core.errors import Invalid, NotFound
from datalinx.core.mapping.compile import to_pipeline
from datalinx.core.mapping.schemas import MappingPlan
from datalinx.core.pipelines import runner
from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.schemas import GateResult
from datalinx.core.pipelines.types import Schema
from datalinx.core.pipelines.validation import validate

OUTPUT = "mapped"


class ParquetCatalog:
    """Sources are Parquet files named by the source node's `dataset`; nothing else exists."""

    def __init__(self, paths: dict[str, Path]) -> None:
        self.paths = paths

    def source_schema(self, node: Any) -> Schema:
        if node.dataset not in self.paths:
            raise NotFound("dataset", str(node.dataset))
        return runner.file_schema(self.paths[node.dataset])

    def dbt_models(self) -> set[str]:
        return set()

    def dataset_exists(self, name: str) -> bool:
        return name in self.paths

    def warehouse_schema(self, table: str) -> Schema | None:
        return None


class _NoEffects:
    """Mapping pipelines hold no quality gates or dbt models."""

    def quality_gate(self, node: Any, path: Path, dry_run: bool) -> GateResult:
        raise Invalid("a mapping trial runs no quality gates", field="nodes")

    def dbt_model(self, node: Any, inputs: dict[str, Path], dry_run: bool) -> Path:
        raise Invalid("a mapping trial runs no dbt models", field="nodes")


def run_definition(
    definition: dict[str, Any], paths: dict[str, Path], work_dir: Path, *, engine: str = "polars"
) -> dict[str, pl.DataFrame]:
    """Validate (raising on any problem) and run a definition over the files; each sink's output as a frame."""
    model = PipelineDefinition.model_validate(definition)
    validation = validate(model, ParquetCatalog(paths))
    validation.raise_for_problems()
    sources = {n.id: paths[n.dataset] for n in model.nodes if n.kind == "source"}
    plan = runner.RunPlan(definition=model, validation=validation, sources=sources, work_dir=work_dir, engine=engine)
    report = runner.run(plan, _NoEffects(), lambda fraction, message: None)
    return {output.node: pl.read_parquet(work_dir / output.path) for output in report.outputs}


def apply_plan(
    plan: MappingPlan,
    source: Path,
    work_dir: Path,
    *,
    engine: Literal["polars", "duckdb"] = "polars",
    on_error: Literal["fail", "null"] = "null",
) -> pl.DataFrame:
    """The source file mapped onto the plan's target, on one engine."""
    definition = to_pipeline(
        plan,
        source_node={"id": "source", "kind": "source", "dataset": plan.source},
        output={"id": OUTPUT, "kind": "sink_file", "format": "parquet", "name": f"{OUTPUT}.parquet"},
        on_error=on_error,
    )
    return run_definition(definition, {plan.source: source}, work_dir, engine=engine)[OUTPUT]
