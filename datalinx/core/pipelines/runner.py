"""Run a validated DAG on an engine: sources in, relational nodes compiled, samples, gates and dbt models
materialised in the work folder, sinks written there (a dry run previews them instead)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from datalinx.core.datasets.columns import json_safe
from datalinx.core.errors import DatalinxError, Invalid
from datalinx.core.jobs.context import JobStopped
from datalinx.core.pipelines import engines, node_schemas
from datalinx.core.pipelines.dag import SINK_KINDS, Edge, PipelineDefinition, SampleNode
from datalinx.core.pipelines.engines import RELATIONAL, Engine
from datalinx.core.pipelines.problems import InvalidPipeline
from datalinx.core.pipelines.schemas import GateResult, NodeStats, OutputFile, RunReport
from datalinx.core.pipelines.types import ColumnType, Schema, of_polars
from datalinx.core.pipelines.validation import Reporter, Validation

PREVIEW_ROWS = 20
Progress = Callable[[float, str], None]


class Effects(Protocol):
    """What the runner hands off: quality gates and dbt models (each needs more than an engine)."""

    def quality_gate(self, node: Any, path: Path, dry_run: bool) -> GateResult:
        """Scan the gate's input (a Parquet file) and say whether it passes."""
        ...

    def dbt_model(self, node: Any, inputs: dict[str, Path], dry_run: bool) -> Path:
        """Run the dbt model over its inputs and return its output as a Parquet file."""
        ...


class GateFailed(Invalid):
    """A quality gate stopped the run."""


@dataclass
class RunPlan:
    """Everything one run needs: the DAG and its validation, source files, where to work, how."""

    definition: PipelineDefinition
    validation: Validation
    sources: dict[str, Path]
    work_dir: Path
    engine: str = "polars"
    dry_run: bool = False
    source_rows: int | None = None  # a dry run reads this many rows of each source


def file_schema(path: Path) -> Schema:
    """The logical schema of a Parquet file."""
    return {name: of_polars(dtype) for name, dtype in pl.read_parquet_schema(path).items()}


def preview_rows(frame: pl.DataFrame) -> list[dict[str, Any]]:
    return [json_safe(row) for row in frame.head(PREVIEW_ROWS).iter_rows(named=True)]


def sample(frame: pl.DataFrame, node: SampleNode) -> pl.DataFrame:
    """The same rows on every engine: those whose content hashes lowest under the seed (order plays no part)."""
    size = node.n if node.n is not None else round((node.fraction or 0.0) * frame.height)
    if size >= frame.height:
        return frame
    hashed = frame.with_columns(pl.struct(pl.all()).hash(node.seed).alias("__dlx_hash"))
    return hashed.sort("__dlx_hash", maintain_order=True).head(size).drop("__dlx_hash")


@dataclass
class Run:
    """One execution of a plan, node by node in validated order."""

    plan: RunPlan
    effects: Effects
    progress: Progress
    engine: Engine = field(init=False)
    relations: dict[str, Any] = field(default_factory=dict)
    schemas: dict[str, Schema | None] = field(default_factory=dict)
    report: RunReport = field(default_factory=lambda: RunReport())

    def __post_init__(self) -> None:
        plan = self.plan
        self.engine = engines.create(plan.engine, work_dir=plan.work_dir, readable=list(plan.sources.values()))
        self.schemas = dict(plan.validation.schemas)
        self.report.engine = plan.engine
        self.report.dry_run = plan.dry_run

    def _materialise(self, node_id: str, relation: Any) -> Path:
        path = self.plan.work_dir / "nodes" / f"{node_id}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.engine.write_parquet(relation, path)
        return path

    def _schema(self, node: Any, edges: list[Edge]) -> Schema:
        """The node's output schema: from validation, or checked now when it follows a dbt model."""
        known = self.schemas.get(node.id)
        if known is not None or node.kind == "dbt_model":
            return known or {}
        report = Reporter(node.id)
        inputs = [(e, self.schemas[e.source] or {}) for e in edges]
        schema = node_schemas.output_schema(node, inputs, _NoCatalog(), report)
        if report.problems:
            raise InvalidPipeline(report.problems)
        assert schema is not None
        self.schemas[node.id] = schema
        return schema

    def _node(self, node: Any) -> Any:
        plan, edges = self.plan, self.plan.definition.inputs(node.id)
        inputs = [(edge, self.relations[edge.source]) for edge in edges]
        if node.kind == "source":
            return self.engine.read(node.id, plan.sources[node.id], self._schema(node, edges), plan.source_rows)
        schema = self._schema(node, edges)
        if node.kind in RELATIONAL:
            return self.engine.apply(node, inputs, [self.schemas[e.source] or {} for e in edges], schema)
        if node.kind == "sample":
            frame = sample(self.engine.collect(inputs[0][1]), node)
            path = plan.work_dir / "nodes" / f"{node.id}.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            frame.write_parquet(path)
            return self.engine.read(node.id, path, schema)
        if node.kind == "quality_gate":
            path = self._materialise(node.id, inputs[0][1])
            result = self.effects.quality_gate(node, path, plan.dry_run)
            self.report.gates.append(result)
            if not result.passed and not plan.dry_run:
                raise GateFailed(f"quality gate '{node.id}' stopped the run: {'; '.join(result.reasons)}", field="node")
            return self.engine.read(f"{node.id}_out", path, schema)
        if node.kind == "dbt_model":
            paths = {
                name: self._materialise(f"{node.id}__{name}", relation)
                for name, relation in zip(node_schemas.input_names(edges), (r for _, r in inputs), strict=True)
            }
            output = self.effects.dbt_model(node, paths, plan.dry_run)
            self.schemas[node.id] = file_schema(output)
            return self.engine.read(node.id, output, self.schemas[node.id])
        return self._sink(node, inputs[0][1], schema)

    def _sink(self, node: Any, relation: Any, schema: Schema) -> Any:
        if self.plan.dry_run:
            frame = self.engine.collect(relation, PREVIEW_ROWS)
            self.report.previews[node.id] = preview_rows(frame)
            return relation
        path = self.plan.work_dir / "outputs" / f"{node.id}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".parquet.tmp")
        self.engine.write_parquet(relation, temporary)
        temporary.replace(path)
        rows = pl.scan_parquet(path).select(pl.len()).collect().item()
        self.report.outputs.append(
            OutputFile(node=node.id, kind=node.kind, path=str(path.relative_to(self.plan.work_dir)), rows=int(rows))
        )
        return relation

    def execute(self) -> RunReport:
        plan = self.plan
        order = plan.validation.order
        try:
            for index, node_id in enumerate(order):
                node = plan.definition.node(node_id)
                self.progress(index / len(order), f"node {node_id} ({node.kind})")
                self.relations[node_id] = self._node(node)
                stats = NodeStats(node=node_id, kind=node.kind, columns=self.schemas.get(node_id) or {})
                if plan.dry_run:
                    stats.rows = self.engine.count(self.relations[node_id])
                self.report.nodes.append(stats)
            if plan.dry_run:
                self._preview_ends()
        except BaseException as exc:
            # Nothing half-written stays behind: outputs appear only from a run that finished.
            for folder in ("outputs", "files"):
                shutil.rmtree(plan.work_dir / folder, ignore_errors=True)
            if isinstance(exc, DatalinxError | JobStopped) or not isinstance(exc, Exception):
                raise
            # An engine failing on the data: say why, without a stack trace.
            raise Invalid(f"the run failed: {engine_message(exc)}", field="definition") from exc
        finally:
            self.engine.close()
            shutil.rmtree(plan.work_dir / "nodes", ignore_errors=True)
        self.progress(1.0, "done")
        return self.report

    def _preview_ends(self) -> None:
        """Without sinks, a dry run previews the nodes nothing reads."""
        if self.report.previews:
            return
        read = {e.source for e in self.plan.definition.edges}
        for node_id in self.plan.validation.order:
            if node_id not in read:
                self.report.previews[node_id] = preview_rows(self.engine.collect(self.relations[node_id], PREVIEW_ROWS))


def engine_message(exc: BaseException) -> str:
    """The first line of an engine's error, with any of our own errors found inside it."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, DatalinxError):
            return cause.message
        cause = cause.__cause__ or cause.__context__
    text = str(exc).strip().splitlines()
    message = text[0] if text else type(exc).__name__
    for marker in ("cannot cast ",):
        if marker in str(exc):
            start = str(exc).index(marker)
            return str(exc)[start:].splitlines()[0].strip()
    return message


class _NoCatalog:
    """After a dbt model nothing is looked up: sources come before it."""

    def source_schema(self, node: Any) -> Schema:
        raise Invalid("a source cannot follow a dbt model", field="edges")

    def dbt_models(self) -> set[str]:
        return set()

    def dataset_exists(self, name: str) -> bool:
        return False

    def warehouse_schema(self, table: str) -> Schema | None:
        return None


def run(plan: RunPlan, effects: Effects, progress: Progress) -> RunReport:
    """Execute a plan and report rows per node (dry runs), previews, gates and written outputs."""
    if plan.engine not in ("polars", "duckdb"):
        raise Invalid(f"unknown engine '{plan.engine}'; choose polars or duckdb", field="engine")
    report = Run(plan, effects, progress).execute()
    for node in plan.definition.nodes:
        if node.kind in SINK_KINDS and plan.dry_run:
            report.sinks[node.id] = {
                name: str(kind) for name, kind in (plan.validation.schemas.get(node.id) or {}).items()
            }
    return report


__all__ = ["ColumnType", "Effects", "GateFailed", "RunPlan", "file_schema", "run"]
