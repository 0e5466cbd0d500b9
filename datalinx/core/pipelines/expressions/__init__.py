"""Pipeline expressions: a small SQL-like language for filter and derive nodes, compiled to Polars and DuckDB.

Text is parsed (never evaluated as Python), checked against a schema, and compiled to a Polars expression or
to DuckDB SQL that give the same values and types on the same data, nulls included.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from datalinx.core.pipelines.expressions import ast
from datalinx.core.pipelines.expressions.ast import Expr, ExpressionError
from datalinx.core.pipelines.expressions.checker import typecheck
from datalinx.core.pipelines.expressions.compiler import polars_of, sql_of
from datalinx.core.pipelines.expressions.library import usage
from datalinx.core.pipelines.expressions.parser import parse
from datalinx.core.pipelines.types import ColumnType, Schema

__all__ = ["Checked", "Expr", "ExpressionError", "check", "columns", "parse", "to_polars", "to_sql", "usage"]


@dataclass(frozen=True)
class Checked:
    """What checking found: the result type and the columns read."""

    type: ColumnType
    columns: frozenset[str]


def check(expr: Expr, schema: Schema) -> Checked:
    """Type-check an expression against a schema; raises ExpressionError listing every problem."""
    return Checked(typecheck(expr, schema).type, ast.columns(expr))


def to_polars(expr: Expr, schema: Schema) -> pl.Expr:
    """The Polars expression computing `expr` over a frame with this schema."""
    return polars_of(typecheck(expr, schema))


def to_sql(expr: Expr, schema: Schema) -> str:
    """The DuckDB SQL expression computing `expr`, with the same values and types as `to_polars`."""
    return sql_of(typecheck(expr, schema))


def columns(expr: Expr) -> frozenset[str]:
    """The names of the columns an expression reads."""
    return ast.columns(expr)
