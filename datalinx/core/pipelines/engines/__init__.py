"""Engines run the relational nodes of a DAG: one interface, a Polars and a DuckDB implementation (Spark later)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import polars as pl

from datalinx.core.pipelines.dag import Edge
from datalinx.core.pipelines.types import Schema

# Nodes an engine compiles; the runner handles the rest (sources, samples, gates, dbt models, sinks).
RELATIONAL = frozenset(
    {
        "select",
        "drop",
        "rename",
        "cast",
        "filter",
        "derive",
        "sort",
        "limit",
        "deduplicate",
        "fill_missing",
        "join",
        "union",
        "aggregate",
        "pivot",
        "unpivot",
        "sql",
    }
)


class Engine(Protocol):
    """Builds relations node by node and materialises them; a relation is whatever the engine composes lazily."""

    name: str

    def read(self, node_id: str, path: Path, schema: Schema, limit: int | None = None) -> Any:
        """A relation over a Parquet file, its columns cast to their logical types (the first `limit` rows)."""
        ...

    def apply(self, node: Any, inputs: list[tuple[Edge, Any]], schemas: list[Schema], output: Schema) -> Any:
        """The relation of one relational node over its inputs' relations (`schemas` in the same order)."""
        ...

    def write_parquet(self, relation: Any, path: Path) -> None:
        """Run the relation and write all its rows to a Parquet file."""
        ...

    def collect(self, relation: Any, limit: int | None = None) -> pl.DataFrame:
        """Run the relation and return its rows (the first `limit`)."""
        ...

    def count(self, relation: Any) -> int:
        """Run the relation and count its rows."""
        ...

    def close(self) -> None:
        """Free what the engine holds."""
        ...


def create(name: str, *, work_dir: Path, readable: list[Path]) -> Engine:
    """An engine by name, allowed to read `readable` files and to read and write under `work_dir`."""
    if name == "duckdb":
        from datalinx.core.pipelines.engines.duckdb_plan import DuckdbEngine

        return DuckdbEngine(work_dir=work_dir, readable=readable)
    from datalinx.core.pipelines.engines.polars_plan import PolarsEngine

    return PolarsEngine(work_dir=work_dir)
