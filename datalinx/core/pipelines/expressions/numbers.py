"""Numeric functions: abs, round, floor, ceil, sqrt, ln, exp, power, and the to_number/to_int conversions."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from datalinx.core.pipelines.expressions.registry import (
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
    numeric_rule,
    sql_float,
    sql_string,
)
from datalinx.core.pipelines.types import NUMERIC, POLARS, ColumnType

T = ColumnType
_MAX_DIGITS = 15
# Text accepted as a number, checked before the engines' own parsers see it: DuckDB alone would take
# ' 12 ', '1_000' and '0x10', and cast '1.5' to the integer 2.
_DECIMAL_TEXT = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"
_INTEGER_TEXT = r"^[+-]?[0-9]+$"
# DuckDB rounds half away from zero; Polars' default is half to even, so the mode is always passed.
_HALF_AWAY = "half_away_from_zero"


def _round_rule(name: str, args: Sequence[Typed]) -> Signature:
    expect(name, args[0], NUMERIC, "a number")
    if len(args) > 1:
        digits = constant(name, args[1], "the number of digits")
        if type(digits) is not int or abs(digits) > _MAX_DIGITS:
            raise Mismatch(f"round() expects digits as an integer from -{_MAX_DIGITS} to {_MAX_DIGITS}")
    result = T.INT64 if args[0].type in (T.INT64, T.NULL) else T.FLOAT64
    return Signature(result, (result, *(a.type for a in args[1:])))


def _digits(node: Typed) -> int:
    return int(node.args[1].value) if len(node.args) > 1 else 0  # type: ignore[arg-type]


def _round_polars(args: Sequence[pl.Expr], node: Typed) -> pl.Expr:
    # Both engines scale by a power of ten and round to an integer, so they agree to the bit; each engine's
    # own round(x, digits) differs on values such as 2.55.
    value, digits = args[0], _digits(node)
    if node.type == T.INT64:
        if digits >= 0:
            return value
        step = 10**-digits
        return (value.abs() + step // 2) // step * step * value.sign()
    if digits == 0:
        return value.round(0, mode=_HALF_AWAY)
    scale = 10.0 ** abs(digits)
    if digits > 0:
        return (value * scale).round(0, mode=_HALF_AWAY) / scale
    return (value / scale).round(0, mode=_HALF_AWAY) * scale


def _round_sql(args: Sequence[str], node: Typed) -> str:
    value, digits = args[0], _digits(node)
    if node.type == T.INT64:
        if digits >= 0:
            return value
        step = 10**-digits
        return f"(sign({value}) * ((abs({value}) + CAST({step // 2} AS BIGINT)) // CAST({step} AS BIGINT)) * {step})"
    if digits == 0:
        return f"round({value})"
    scale = sql_float(10.0 ** abs(digits))
    if digits > 0:
        return f"(round({value} * {scale}) / {scale})"
    return f"(round({value} / {scale}) * {scale})"


def _whole(method: str) -> tuple[PolarsBuilder, SqlBuilder]:
    """floor() and ceil(): an integer is already whole and stays int64 (DuckDB's floor(BIGINT) is a DOUBLE)."""

    def polars(args: Sequence[pl.Expr], node: Typed) -> pl.Expr:
        return args[0] if node.type == T.INT64 else getattr(args[0], method)()

    def sql(args: Sequence[str], node: Typed) -> str:
        return args[0] if node.type == T.INT64 else f"{method}({args[0]})"

    return polars, sql


def _conversion_rule(result: ColumnType) -> TypeRule:
    def rule(name: str, args: Sequence[Typed]) -> Signature:
        allowed = {T.STRING, T.INT64, T.FLOAT64} | ({T.BOOL} if result == T.INT64 else set())
        expect(name, args[0], allowed, "a string or a number")
        return Signature(result, (args[0].type,))

    return rule


def _to_number_polars(args: Sequence[pl.Expr], node: Typed, result: ColumnType) -> pl.Expr:
    value, kind = args[0], node.args[0].type
    if kind == T.STRING:
        pattern = _DECIMAL_TEXT if result == T.FLOAT64 else _INTEGER_TEXT
        return pl.when(value.str.contains(pattern)).then(value.cast(POLARS[result], strict=False))
    # Float to integer truncates toward zero (DuckDB's CAST would round); NaN and out-of-range give null.
    return value.cast(POLARS[result], strict=False)


def _to_number_sql(args: Sequence[str], node: Typed, result: ColumnType) -> str:
    value, kind = args[0], node.args[0].type
    target = "DOUBLE" if result == T.FLOAT64 else "BIGINT"
    if kind == T.STRING:
        pattern = sql_string(_DECIMAL_TEXT if result == T.FLOAT64 else _INTEGER_TEXT)
        return f"(CASE WHEN regexp_matches({value}, {pattern}) THEN TRY_CAST({value} AS {target}) END)"
    if kind == T.FLOAT64 and result == T.INT64:
        return f"TRY_CAST(trunc({value}) AS BIGINT)"
    return f"CAST({value} AS {target})"


_FLOAT_RULE = fixed(T.FLOAT64, (NUMERIC, "a number", T.FLOAT64))
_floor, _ceil = _whole("floor"), _whole("ceil")

FUNCTIONS: tuple[Function, ...] = (
    Function("abs", "abs(x)", (1, 1), numeric_rule(), lambda a, n: a[0].abs(), lambda a, n: f"abs({a[0]})"),
    Function("round", "round(x[, digits])", (1, 2), _round_rule, _round_polars, _round_sql),
    Function("floor", "floor(x)", (1, 1), numeric_rule(), *_floor),
    Function("ceil", "ceil(x)", (1, 1), numeric_rule(), *_ceil),
    Function("sqrt", "sqrt(x)", (1, 1), _FLOAT_RULE, lambda a, n: a[0].sqrt(), lambda a, n: f"sqrt({a[0]})"),
    Function("ln", "ln(x)", (1, 1), _FLOAT_RULE, lambda a, n: a[0].log(), lambda a, n: f"ln({a[0]})"),
    Function("exp", "exp(x)", (1, 1), _FLOAT_RULE, lambda a, n: a[0].exp(), lambda a, n: f"exp({a[0]})"),
    Function(
        "power",
        "power(x, y)",
        (2, 2),
        numeric_rule(result=T.FLOAT64),
        lambda a, n: a[0].pow(a[1]),
        lambda a, n: f"pow({a[0]}, {a[1]})",
    ),
    Function(
        "to_number",
        "to_number(text)",
        (1, 1),
        _conversion_rule(T.FLOAT64),
        lambda a, n: _to_number_polars(a, n, T.FLOAT64),
        lambda a, n: _to_number_sql(a, n, T.FLOAT64),
    ),
    Function(
        "to_int",
        "to_int(text or number)",
        (1, 1),
        _conversion_rule(T.INT64),
        lambda a, n: _to_number_polars(a, n, T.INT64),
        lambda a, n: _to_number_sql(a, n, T.INT64),
    ),
)
