"""What a cast means, defined once and written for each engine so Polars and DuckDB convert the same values.

Text is trimmed and must look like the target: integers `[+-]digits`, decimals with an optional exponent,
booleans true/false/t/f/yes/no/y/n/1/0 in any case, dates `YYYY-MM-DD`, timestamps `YYYY-MM-DD[ T]HH:MM:SS`
or a date. Decimals become integers rounded half away from zero; timestamps become text to the second.
A value that does not convert fails the run (naming the column and value) or becomes null (`on_error='null'`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from datalinx.core.errors import Invalid
from datalinx.core.pipelines.sql import literal as sql_text
from datalinx.core.pipelines.sql import quote
from datalinx.core.pipelines.types import DUCKDB, POLARS, ColumnType

T = ColumnType
INTEGER_TEXT = r"^[+-]?[0-9]+$"
DECIMAL_TEXT = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"
TRUE_TEXT = ("true", "t", "yes", "y", "1")
FALSE_TEXT = ("false", "f", "no", "n", "0")
DATETIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d")
DATETIME_TEXT = "%Y-%m-%d %H:%M:%S"


HINT = " (with on_error 'null', values that do not convert become nulls)"


class CastFailed(Invalid):
    """A value that a cast node could not convert."""


def _text_in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def polars_convert(expr: pl.Expr, source: ColumnType, target: ColumnType) -> pl.Expr:
    """`expr` converted, null where a value does not convert."""
    if source == target:
        return expr
    if source == T.STRING:
        text = expr.str.strip_chars()
        if target == T.INT64:
            return pl.when(text.str.contains(INTEGER_TEXT)).then(text.cast(pl.Int64, strict=False))
        if target == T.FLOAT64:
            return pl.when(text.str.contains(DECIMAL_TEXT)).then(text.cast(pl.Float64, strict=False))
        if target == T.BOOL:
            lower = text.str.to_lowercase()
            return pl.when(lower.is_in(TRUE_TEXT)).then(True).when(lower.is_in(FALSE_TEXT)).then(False)
        if target == T.DATE:
            return text.str.to_date("%Y-%m-%d", strict=False)
        if target == T.DATETIME:
            parsed = [text.str.to_datetime(f, time_unit="us", strict=False) for f in DATETIME_FORMATS]
            return pl.coalesce(parsed)
    if target == T.STRING:
        if source == T.DATETIME:
            return expr.dt.to_string(DATETIME_TEXT)
        return expr.cast(pl.String)
    if source == T.FLOAT64 and target == T.INT64:
        finite = expr.is_finite()
        return pl.when(finite).then(expr.round(0, mode="half_away_from_zero").cast(pl.Int64, strict=False))
    if source == T.INT64 and target == T.BOOL:
        return expr != 0
    return expr.cast(POLARS[target], strict=False)


def sql_convert(expr: str, source: ColumnType, target: ColumnType) -> str:
    """The same conversion in DuckDB SQL."""
    if source == target:
        return expr
    if source == T.STRING:
        text = f"trim({expr})"
        if target == T.INT64:
            return f"CASE WHEN regexp_matches({text}, '{INTEGER_TEXT}') THEN TRY_CAST({text} AS BIGINT) END"
        if target == T.FLOAT64:
            return f"CASE WHEN regexp_matches({text}, '{DECIMAL_TEXT}') THEN TRY_CAST({text} AS DOUBLE) END"
        if target == T.BOOL:
            lower = f"lower({text})"
            truth = f"WHEN {lower} IN {_text_in(TRUE_TEXT)} THEN true"
            return f"CASE {truth} WHEN {lower} IN {_text_in(FALSE_TEXT)} THEN false END"
        if target == T.DATE:
            return f"CAST(try_strptime({text}, '%Y-%m-%d') AS DATE)"
        if target == T.DATETIME:
            formats = ", ".join(f"'{f}'" for f in DATETIME_FORMATS)
            return f"CAST(try_strptime({text}, [{formats}]) AS TIMESTAMP)"
    if target == T.STRING:
        if source == T.DATETIME:
            return f"strftime({expr}, '{DATETIME_TEXT}')"
        return f"CAST({expr} AS VARCHAR)"
    if source == T.FLOAT64 and target == T.INT64:
        return f"CASE WHEN isfinite({expr}) THEN TRY_CAST(round({expr}) AS BIGINT) END"
    if source == T.INT64 and target == T.BOOL:
        return f"({expr} <> 0)"
    return f"TRY_CAST({expr} AS {DUCKDB[target]})"


def _raise_on_failure(column: str, target: ColumnType) -> Any:
    def check(pair: pl.Series) -> pl.Series:
        original, converted = pair.struct.field("original"), pair.struct.field("converted")
        failed = original.is_not_null() & converted.is_null()
        if failed.any():
            value = original[failed.arg_true()[0]]
            raise CastFailed(f"cannot cast '{value}' in column '{column}' to {target}{HINT}", field="columns")
        return converted

    return check


def polars_cast(column: str, source: ColumnType, target: ColumnType, on_error: str) -> pl.Expr:
    """Polars: the column cast; with on_error='fail' a value that does not convert raises CastFailed."""
    converted = polars_convert(pl.col(column), source, target).cast(POLARS[target])
    if on_error == "null" or source == target:
        return converted.alias(column)
    pair = pl.struct(original=pl.col(column), converted=converted)
    return pair.map_batches(_raise_on_failure(column, target), return_dtype=POLARS[target]).alias(column)


def sql_cast(column: str, source: ColumnType, target: ColumnType, on_error: str) -> str:
    """DuckDB: the column cast; with on_error='fail' a value that does not convert raises through error()."""
    name = quote(column)
    converted = f"CAST({sql_convert(name, source, target)} AS {DUCKDB[target]})"
    if on_error == "null" or source == target:
        return f"{converted} AS {name}"
    message = " || ".join(
        [sql_text("cannot cast '"), f"CAST({name} AS VARCHAR)", sql_text(f"' in column '{column}' to {target}{HINT}")]
    )
    return f"CASE WHEN {name} IS NOT NULL AND {converted} IS NULL THEN error({message}) ELSE {converted} END AS {name}"


def parse_temporal(text: str, target: ColumnType) -> dt.date | None:
    """A date or timestamp written as text the way casts accept it, or None."""
    formats = ("%Y-%m-%d",) if target == T.DATE else DATETIME_FORMATS
    for form in formats:
        try:
            parsed = dt.datetime.strptime(text.strip(), form)
        except ValueError:
            continue
        return parsed.date() if target == T.DATE else parsed
    return None


def _constant(value: Any, kind: ColumnType) -> Any:
    return parse_temporal(value, kind) if kind in (T.DATE, T.DATETIME) and isinstance(value, str) else value


def polars_constant(value: Any, kind: ColumnType) -> pl.Expr:
    """A fill value as a Polars literal of the column's type (dates given as ISO text)."""
    return pl.lit(_constant(value, kind), dtype=POLARS[kind])


def sql_constant(value: Any, kind: ColumnType) -> str:
    """The same value as a DuckDB literal of the column's type."""
    value = _constant(value, kind)
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, int | float):
        text = repr(value)
    else:
        text = sql_text(str(value))
    return f"CAST({text} AS {DUCKDB[kind]})"
