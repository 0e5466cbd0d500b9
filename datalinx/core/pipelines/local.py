"""Run a definition over local Parquet files, without a workspace: trials, evaluations, benchmarks and tests.

Sources name their file by `dataset`; quality gates scan as in a real run; there is no dbt project.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import polars as pl

from datalinx.core.errors import NotFound
from datalinx.core.pipelines import gate, runner
from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.schemas import GateResult, RunReport
from datalinx.core.pipelines.types import Schema
from datalinx.core.pipelines.validation import Validation, validate


class FilesCatalog:
    """A catalog of Parquet files by dataset name; nothing else exists."""

    def __init__(self, paths: Mapping[str, Path]) -> None:
        self.paths = dict(paths)

    def source_schema(self, node: Any) -> Schema:
        if node.dataset not in self.paths:
            raise NotFound("dataset", str(node.dataset or node.id))
        return runner.file_schema(self.paths[node.dataset])

    def dbt_models(self) -> set[str]:
        return set()

    def dataset_exists(self, name: str) -> bool:
        return name in self.paths

    def warehouse_schema(self, table: str) -> Schema | None:
        return None


class LocalEffects:
    """Gates scan their input with the quality engine; dbt models need a workspace."""

    def quality_gate(self, node: Any, path: Path, dry_run: bool) -> GateResult:
        return gate.check_gate(node, path)

    def dbt_model(self, node: Any, inputs: dict[str, Path], dry_run: bool) -> Path:
        raise NotFound("dbt project (models run in a workspace)", node.model)


def checked(definition: dict[str, Any], paths: Mapping[str, Path]) -> tuple[PipelineDefinition, Validation]:
    """The parsed definition and its validation against the files (problems are in the validation)."""
    model = PipelineDefinition.model_validate(definition)
    return model, validate(model, FilesCatalog(paths))


def execute(
    definition: dict[str, Any], paths: Mapping[str, Path], work_dir: Path, *, engine: str = "polars", **options: Any
) -> RunReport:
    """Validate (raising on any problem) and run; sinks write under `work_dir` (the report says where).

    `options` go to the RunPlan: `dry_run=True, source_rows=N` for a dry run.
    """
    model, validation = checked(definition, paths)
    validation.raise_for_problems()
    sources = {n.id: paths[n.dataset] for n in model.nodes if n.kind == "source"}
    plan = runner.RunPlan(
        definition=model, validation=validation, sources=sources, work_dir=work_dir, engine=engine, **options
    )
    return runner.run(plan, LocalEffects(), lambda fraction, message: None)


def run_files(
    definition: dict[str, Any], paths: Mapping[str, Path], work_dir: Path, *, engine: str = "polars", **options: Any
) -> tuple[RunReport, dict[str, pl.DataFrame]]:
    """`execute`, with each sink's output read back as a frame."""
    report = execute(definition, paths, work_dir, engine=engine, **options)
    return report, {o.node: pl.read_parquet(work_dir / o.path) for o in report.outputs}
