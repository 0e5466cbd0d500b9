"""Date functions: parts (year ... second), date_trunc, date_diff, and to_date/to_timestamp parsing."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import polars as pl

from datalinx.core.pipelines.expressions.registry import (
    STRING,
    Function,
    Mismatch,
    PolarsBuilder,
    Signature,
    SqlBuilder,
    Typed,
    TypeRule,
    constant,
    expect,
    fixed,
    sql_string,
)
from datalinx.core.pipelines.expressions.temporal import DATE_FIELDS, TextFormat, compile_format
from datalinx.core.pipelines.types import TEMPORAL, ColumnType

T = ColumnType
DATETIME = frozenset({T.DATETIME})
# Polars truncation steps; weeks start on Monday in both engines.
_TRUNCATE = {
    **{"year": "1y", "quarter": "1q", "month": "1mo", "week": "1w", "day": "1d"},
    **{"hour": "1h", "minute": "1m", "second": "1s"},
}
_DATE_UNITS = ("year", "quarter", "month", "week", "day")
_DIFF_UNITS = ("year", "quarter", "month", "day", "hour", "minute", "second")
_CANONICAL_WIDTH = {"year": 4, "month": 2, "day": 2, "hour": 2, "minute": 2, "second": 2}


def _part(name: str, usage: str, polars: PolarsBuilder, sql_name: str, allowed: frozenset[ColumnType]) -> Function:
    what = "a date or datetime" if allowed == TEMPORAL else "a datetime"
    rule = fixed(T.INT64, (allowed, what, None))
    return Function(
        name, usage, (1, 1), rule, lambda a, n: polars(a, n).cast(pl.Int64), lambda a, n: f"{sql_name}({a[0]})"
    )


def _unit(name: str, arg: Typed, units: Sequence[str]) -> str:
    unit = constant(name, arg, "a unit")
    if not isinstance(unit, str) or unit.lower() not in units:
        close = difflib.get_close_matches(str(unit).lower(), units, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f" (one of {', '.join(units)})"
        raise Mismatch(f"{name}() does not know the unit '{unit}'{hint}")
    return unit.lower()


def _trunc_rule(name: str, args: Sequence[Typed]) -> Signature:
    expect(name, args[1], TEMPORAL, "a date or datetime")
    kind = T.DATE if args[1].type == T.DATE else T.DATETIME
    _unit(name, args[0], _DATE_UNITS if kind == T.DATE else tuple(_TRUNCATE))
    return Signature(kind, (T.STRING, kind))


def _trunc_sql(args: Sequence[str], node: Typed) -> str:
    truncated = f"date_trunc({sql_string(str(node.args[0].value).lower())}, {args[1]})"
    return f"CAST({truncated} AS DATE)" if node.type == T.DATE else truncated  # DuckDB truncates a DATE to a TIMESTAMP


def _diff_rule(name: str, args: Sequence[Typed]) -> Signature:
    unit = _unit(name, args[0], _DIFF_UNITS)
    for arg in args[1:]:
        expect(name, arg, TEMPORAL, "dates or datetimes")
    both_dates = all(arg.type in (T.DATE, T.NULL) for arg in args[1:])
    kind = T.DATE if both_dates and unit in _DATE_UNITS else T.DATETIME
    return Signature(T.INT64, (T.STRING, kind, kind))


def _diff_polars(args: Sequence[pl.Expr], node: Typed) -> pl.Expr:
    """Counts unit boundaries crossed from the first to the second value, as DuckDB's date_diff does."""
    unit, start, end = str(node.args[0].value).lower(), args[1], args[2]
    if unit == "day":
        return (end.cast(pl.Date) - start.cast(pl.Date)).dt.total_days().cast(pl.Int64)
    if unit in ("hour", "minute", "second"):
        step = _TRUNCATE[unit]
        spans = end.dt.truncate(step) - start.dt.truncate(step)
        return getattr(spans.dt, f"total_{unit}s")().cast(pl.Int64)

    def index(value: pl.Expr) -> pl.Expr:
        year = value.dt.year().cast(pl.Int64)
        per_year = {"year": 1, "quarter": 4, "month": 12}[unit]
        within = {"year": pl.lit(1), "quarter": value.dt.quarter(), "month": value.dt.month()}[unit]
        return year * per_year + within.cast(pl.Int64)

    return index(end) - index(start)


def _parse_rule(with_time: bool) -> TypeRule:
    result = T.DATETIME if with_time else T.DATE

    def rule(name: str, args: Sequence[Typed]) -> Signature:
        if args[0].type != T.STRING and len(args) == 1:
            expect(name, args[0], {T.STRING, *TEMPORAL}, "a string, date or datetime")
            return Signature(result, (result,))  # a date or datetime is cast
        expect(name, args[0], STRING, "a string")
        try:
            _format(args, with_time)
        except ValueError as error:
            raise Mismatch(f"{name}() format: {error}") from None
        return Signature(result, tuple(arg.type for arg in args))

    return rule


def _format(args: Sequence[Typed], with_time: bool) -> TextFormat:
    if len(args) == 1:
        return compile_format("%Y-%m-%d %H:%M:%S" if with_time else "%Y-%m-%d", with_time=with_time)
    if not args[1].is_literal or not isinstance(args[1].value, str):
        raise ValueError("the format must be a string literal such as '%d/%m/%Y'")
    return compile_format(args[1].value, with_time=with_time)


def _parse_polars(with_time: bool) -> PolarsBuilder:
    def build(args: Sequence[pl.Expr], node: Typed) -> pl.Expr:
        if node.args[0].type != T.STRING:
            return args[0]  # already cast to the result type
        text_format = _format(node.args, with_time)
        fields = _fields(text_format, with_time)
        pieces: list[pl.Expr] = []
        for field, separator in fields:
            group = text_format.groups.get(field)
            if group is None:
                piece = pl.lit("0" * (6 if field == "fraction" else 2))
            else:
                piece = args[0].str.extract(text_format.regex, group)
                width = _CANONICAL_WIDTH.get(field, 6)
                piece = piece.str.pad_end(6, "0") if field == "fraction" else piece.str.zfill(width)
            pieces.extend([pl.lit(separator), piece] if separator else [piece])
        canonical = pl.concat_str(pieces)
        if with_time:
            return canonical.str.to_datetime("%Y-%m-%d %H:%M:%S%.6f", time_unit="us", strict=False)
        return canonical.str.to_date("%Y-%m-%d", strict=False)

    return build


def _parse_sql(with_time: bool) -> SqlBuilder:
    def build(args: Sequence[str], node: Typed) -> str:
        if node.args[0].type != T.STRING:
            return args[0]
        text_format = _format(node.args, with_time)
        regex = sql_string(text_format.regex)
        pieces: list[str] = []
        for field, separator in _fields(text_format, with_time):
            group = text_format.groups.get(field)
            if group is None:
                piece = sql_string("0" * (6 if field == "fraction" else 2))
            else:
                extracted = f"regexp_extract({args[0]}, {regex}, {group})"
                pad = "rpad" if field == "fraction" else "lpad"
                piece = f"{pad}({extracted}, {_CANONICAL_WIDTH.get(field, 6)}, '0')"
            pieces.extend([sql_string(separator), piece] if separator else [piece])
        target = "TIMESTAMP" if with_time else "DATE"
        # regexp_extract gives '' rather than null when nothing matches, hence the explicit test.
        return (
            f"(CASE WHEN regexp_matches({args[0]}, {regex}) THEN TRY_CAST(concat({', '.join(pieces)}) AS {target}) END)"
        )

    return build


def _fields(text_format: TextFormat, with_time: bool) -> list[tuple[str, str]]:
    """The fields of the canonical 'YYYY-MM-DD[ HH:MM:SS.ffffff]' text, each with the separator before it."""
    fields = list(zip(DATE_FIELDS, ("", "-", "-"), strict=True))
    if with_time:
        fields += [("hour", " "), ("minute", ":"), ("second", ":"), ("fraction", ".")]
    return fields


FUNCTIONS: tuple[Function, ...] = (
    _part("year", "year(d)", lambda a, n: a[0].dt.year(), "year", TEMPORAL),
    _part("quarter", "quarter(d)", lambda a, n: a[0].dt.quarter(), "quarter", TEMPORAL),
    _part("month", "month(d)", lambda a, n: a[0].dt.month(), "month", TEMPORAL),
    _part("week", "week(d)", lambda a, n: a[0].dt.week(), "week", TEMPORAL),  # ISO week number
    _part("day", "day(d)", lambda a, n: a[0].dt.day(), "day", TEMPORAL),
    _part("day_of_week", "day_of_week(d)", lambda a, n: a[0].dt.weekday(), "isodow", TEMPORAL),  # 1 = Monday
    _part("day_of_year", "day_of_year(d)", lambda a, n: a[0].dt.ordinal_day(), "dayofyear", TEMPORAL),
    _part("hour", "hour(ts)", lambda a, n: a[0].dt.hour(), "hour", DATETIME),
    _part("minute", "minute(ts)", lambda a, n: a[0].dt.minute(), "minute", DATETIME),
    _part("second", "second(ts)", lambda a, n: a[0].dt.second(), "second", DATETIME),
    Function(
        "date_trunc",
        "date_trunc(unit, d)",
        (2, 2),
        _trunc_rule,
        lambda a, n: a[1].dt.truncate(_TRUNCATE[str(n.args[0].value).lower()]),
        _trunc_sql,
    ),
    Function(
        "date_diff",
        "date_diff(unit, start, end)",
        (3, 3),
        _diff_rule,
        _diff_polars,
        lambda a, n: f"date_diff({sql_string(str(n.args[0].value).lower())}, {a[1]}, {a[2]})",
    ),
    Function("to_date", "to_date(text[, format])", (1, 2), _parse_rule(False), _parse_polars(False), _parse_sql(False)),
    Function(
        "to_timestamp",
        "to_timestamp(text[, format])",
        (1, 2),
        _parse_rule(True),
        _parse_polars(True),
        _parse_sql(True),
    ),
)
