"""Apply a plan to Parquet files without a workspace: compile, validate and run it on one engine, for trials."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import polars as pl

from datalinx.core.mapping.compile import to_pipeline
from datalinx.core.mapping.schemas import MappingPlan
from datalinx.core.pipelines.local import run_files

OUTPUT = "mapped"


def run_definition(
    definition: dict[str, Any], paths: dict[str, Path], work_dir: Path, *, engine: str = "polars"
) -> dict[str, pl.DataFrame]:
    """Validate (raising on any problem) and run a definition over the files; each sink's output as a frame."""
    return run_files(definition, paths, work_dir, engine=engine)[1]


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
