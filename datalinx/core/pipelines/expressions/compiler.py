"""Compilation of a typed tree to a Polars expression and to DuckDB SQL, through the one function table."""

from __future__ import annotations

from datetime import date, datetime, time

import polars as pl

from datalinx.core.pipelines.expressions.ast import ExpressionError, LiteralValue
from datalinx.core.pipelines.expressions.registry import Typed, sql_float, sql_string
from datalinx.core.pipelines.types import DUCKDB, POLARS, ColumnType

T = ColumnType
# Some functions repeat an argument in SQL (DuckDB has no way to bind it once), so nesting them grows the
# text geometrically; past this size the expression is refused rather than built.
MAX_SQL_LENGTH = 200_000


def quote_identifier(name: str) -> str:
    """A DuckDB identifier: double-quoted, double quotes doubled, so any name is read as exactly that column."""
    return '"' + name.replace('"', '""') + '"'


def polars_literal(value: LiteralValue, kind: ColumnType) -> pl.Expr:
    """A typed Polars literal."""
    if kind == T.NULL:
        return pl.lit(None)
    return pl.lit(value, dtype=POLARS[kind])


def sql_literal(value: LiteralValue, kind: ColumnType) -> str:
    """A DuckDB literal of exactly the logical type (bare 5 would be INTEGER, bare 1.5 a DECIMAL)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return f"CAST({value} AS BIGINT)"
    if isinstance(value, float):
        return sql_float(value)
    if isinstance(value, datetime):
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"
    if isinstance(value, date):
        return f"DATE '{value.isoformat()}'"
    return sql_string(str(value))


def _as_param(arg: Typed, param: ColumnType) -> Typed | None:
    """A literal argument rewritten as a literal of its parameter's type (5 -> 5.0, a date -> midnight)."""
    if not arg.is_literal or param in (arg.type, T.NULL, T.OTHER):
        return None
    if arg.value is None:
        return Typed(param)
    if arg.type == T.INT64 and param == T.FLOAT64:
        return Typed(param, value=float(arg.value))  # type: ignore[arg-type]
    if arg.type == T.DATE and param == T.DATETIME and isinstance(arg.value, date):
        return Typed(param, value=datetime.combine(arg.value, time()))
    return None


def polars_of(node: Typed) -> pl.Expr:
    """The Polars expression of a typed node."""
    if node.column is not None:
        return pl.col(node.column)
    if node.function is None:
        if node.value is None and node.type != T.NULL:
            return pl.lit(None, dtype=POLARS[node.type])
        return polars_literal(node.value, node.type)
    args = []
    for arg, param in zip(node.args, node.params, strict=True):
        literal = _as_param(arg, param)
        expr = polars_of(literal or arg)
        args.append(expr if literal or param in (arg.type, T.NULL, T.OTHER) else expr.cast(POLARS[param]))
    return node.function.polars(args, node)


def sql_of(node: Typed) -> str:
    """The DuckDB SQL of a typed node."""
    if node.column is not None:
        return quote_identifier(node.column)
    if node.function is None:
        if node.value is None and node.type != T.NULL:
            return f"CAST(NULL AS {DUCKDB[node.type]})"
        return sql_literal(node.value, node.type)
    args = []
    for arg, param in zip(node.args, node.params, strict=True):
        literal = _as_param(arg, param)
        text = sql_of(literal or arg)
        args.append(text if literal or param in (arg.type, T.NULL, T.OTHER) else f"CAST({text} AS {DUCKDB[param]})")
    text = node.function.sql(args, node)
    if len(text) > MAX_SQL_LENGTH:
        raise ExpressionError(f"expression is too large to compile to SQL (over {MAX_SQL_LENGTH} characters)")
    return text
