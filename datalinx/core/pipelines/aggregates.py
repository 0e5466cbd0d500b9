"""Aggregate functions written once per engine with SQL's meaning: sums of nothing are null, counts skip nulls."""

from __future__ import annotations

import polars as pl

from datalinx.core.pipelines.types import DUCKDB, ColumnType


def polars_aggregate(function: str, expr: pl.Expr | None) -> pl.Expr:
    """The Polars aggregate of `expr` (None: count rows)."""
    if expr is None:
        return pl.len().cast(pl.Int64)
    if function == "sum":
        return pl.when(expr.count() > 0).then(expr.sum())
    if function == "mean":
        return expr.mean()
    if function == "median":
        return expr.median()
    if function == "min":
        return expr.min()
    if function == "max":
        return expr.max()
    if function == "count":
        return expr.count().cast(pl.Int64)
    if function == "count_distinct":
        return expr.drop_nulls().n_unique().cast(pl.Int64)
    raise ValueError(f"unknown aggregate {function}")


SQL_AGGREGATES = {
    "sum": "SUM({})",
    "mean": "AVG({})",
    "median": "MEDIAN({})",
    "min": "MIN({})",
    "max": "MAX({})",
    "count": "COUNT({})",
    "count_distinct": "COUNT(DISTINCT {})",
}


def sql_aggregate(
    function: str, expr: str | None, result: ColumnType, where: str | None = None, over: str | None = None
) -> str:
    """The DuckDB aggregate of `expr` (None: count rows), cast to the logical result type; a window with `over`."""
    call = "COUNT(*)" if expr is None else SQL_AGGREGATES[function].format(expr)
    if where is not None:
        call += f" FILTER (WHERE {where})"
    if over is not None:
        call += f" OVER ({over})"
    return f"CAST({call} AS {DUCKDB[result]})" if result in DUCKDB else call
