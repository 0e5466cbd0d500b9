"""The DAG as the DuckDB engine would run it: one view per node, for people and agents to read."""

from __future__ import annotations

from pathlib import Path

from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.engines import RELATIONAL
from datalinx.core.pipelines.engines.duckdb_plan import DuckdbEngine
from datalinx.core.pipelines.sql import quote
from datalinx.core.pipelines.validation import Validation


def _source_label(node: object) -> str:
    for field in ("dataset", "connection", "warehouse_table"):
        value = getattr(node, field, None)
        if value is not None:
            return f"<{field} {value}>"
    return "<source>"


def duckdb_sql(definition: PipelineDefinition, validation: Validation) -> str:
    """CREATE VIEW statements in run order; steps the runner performs itself appear as comments."""
    engine = DuckdbEngine(work_dir=Path("."), execute=False)
    relations: dict[str, str] = {}
    for node_id in validation.order:
        node = definition.node(node_id)
        schema = validation.schemas.get(node_id)
        edges = definition.inputs(node_id)
        if schema is None:
            engine.statements.append(f"-- {node.kind} '{node_id}' runs here; the rest depends on its output")
            break
        if node.kind == "source":
            relations[node_id] = engine.read(node_id, Path(_source_label(node)), schema)
        elif node.kind in RELATIONAL:
            inputs = [(e, relations[e.source]) for e in edges]
            schemas = [validation.schemas[e.source] or {} for e in edges]
            relations[node_id] = engine.apply(node, inputs, schemas, schema)
        else:
            engine.statements.append(f"-- {node.kind} '{node_id}' (performed by the runner on its input)")
            relations[node_id] = relations[edges[0].source] if edges else quote(f"n_{node_id}")
    return ";\n".join(engine.statements) + ";"
