"""Operators and conditional functions: arithmetic, comparison, logic, in, between, case, coalesce, least..."""

from __future__ import annotations

from collections.abc import Sequence
from functools import reduce

import polars as pl

from datalinx.core.pipelines.expressions.registry import (
    BOOL,
    Function,
    Mismatch,
    PolarsBuilder,
    Signature,
    SqlBuilder,
    Typed,
    expect,
    fixed,
    numeric_rule,
    unify,
)
from datalinx.core.pipelines.types import ColumnType

T = ColumnType


def _sql_infix(symbol: str) -> SqlBuilder:
    return lambda args, node: f"({args[0]} {symbol} {args[1]})"


def _sql_call(name: str) -> SqlBuilder:
    return lambda args, node: f"{name}({', '.join(args)})"


def _arithmetic(symbol: str, build: PolarsBuilder) -> Function:
    return Function(symbol, f"a {symbol} b", (2, 2), numeric_rule(), build, _sql_infix(symbol))


def _divisor_sql(args: Sequence[str], node: Typed) -> str:
    """The divisor with zero turned into null: division and modulo by zero give null in both engines.

    DuckDB 2.0 raises on integer `%` or `//` by zero and gives inf for `/`; Polars gives null or inf.
    """
    divisor = node.args[1]
    if divisor.is_literal and divisor.value not in (None, 0):
        return args[1]
    return f"NULLIF({args[1]}, 0)"


def _nonzero(args: Sequence[pl.Expr], node: Typed, result: pl.Expr) -> pl.Expr:
    divisor = node.args[1]
    if divisor.is_literal and divisor.value not in (None, 0):
        return result
    return pl.when(args[1] != 0).then(result)


def _floor_divide_sql(args: Sequence[str], node: Typed) -> str:
    divisor = _divisor_sql(args, node)
    if node.type == T.FLOAT64:
        return f"floor({args[0]} / {divisor})"
    # DuckDB's `//` truncates toward zero; subtracting the floored remainder first makes it exact floor division.
    return f"(({args[0]} - ((({args[0]} % {divisor}) + {divisor}) % {divisor})) // {divisor})"


def _modulo_sql(args: Sequence[str], node: Typed) -> str:
    divisor = _divisor_sql(args, node)
    if node.type == T.FLOAT64:
        # Polars computes a float remainder exactly this way; DuckDB's `%` is C's fmod (sign of the dividend).
        return f"({args[0]} - {divisor} * floor({args[0]} / {divisor}))"
    return f"((({args[0]} % {divisor}) + {divisor}) % {divisor})"


def _compare_rule(name: str, args: Sequence[Typed]) -> Signature:
    for arg in args:
        if arg.is_literal and arg.type == T.NULL:
            raise Mismatch("comparing with null never gives true or false; write 'x is null' or 'x is not null'")
    try:
        met = unify(name, args)
    except Mismatch:
        where = ", ".join(w.strip(" ()") for arg in args if (w := arg.where()))
        raise Mismatch(
            f"cannot compare {args[0].type} with {args[1].type}" + (f" ({where})" if where else "")
        ) from None
    return Signature(T.BOOL, (met, met))


def _comparison(symbol: str, build: PolarsBuilder) -> Function:
    return Function(symbol, f"a {symbol} b", (2, 2), _compare_rule, build, _sql_infix(symbol), temporal_literals=True)


def _in_rule(name: str, args: Sequence[Typed]) -> Signature:
    met = unify("in", args, "list items")
    return Signature(T.BOOL, (met,) * len(args))


def _between_rule(name: str, args: Sequence[Typed]) -> Signature:
    met = unify("between", args, "bounds")
    return Signature(T.BOOL, (met,) * 3)


def _case_rule(name: str, args: Sequence[Typed]) -> Signature:
    conditions, values = args[:-1:2], [*args[1:-1:2], args[-1]]
    for condition in conditions:
        expect(name, condition, BOOL, "a boolean condition")
    met = unify(name, values, "branches")
    return Signature(met, tuple(T.BOOL if i % 2 == 0 and i < len(args) - 1 else met for i in range(len(args))))


def _case_polars(args: Sequence[pl.Expr], node: Typed) -> pl.Expr:
    chain = pl.when(args[0]).then(args[1])
    for index in range(2, len(args) - 1, 2):
        chain = chain.when(args[index]).then(args[index + 1])
    return chain.otherwise(args[-1])


def _case_sql(args: Sequence[str], node: Typed) -> str:
    branches = " ".join(f"WHEN {args[i]} THEN {args[i + 1]}" for i in range(0, len(args) - 1, 2))
    return f"(CASE {branches} ELSE {args[-1]} END)"


def _if_rule(name: str, args: Sequence[Typed]) -> Signature:
    expect(name, args[0], BOOL, "a boolean condition")
    met = unify(name, args[1:], "branches")
    return Signature(met, (T.BOOL, met, met))


def _same_type_rule(name: str, args: Sequence[Typed]) -> Signature:
    met = unify(name, args)
    return Signature(met, (met,) * len(args))


def _extreme(greatest: bool) -> PolarsBuilder:
    """least()/greatest() skip nulls; pairwise comparisons keep DuckDB's order, where NaN is the largest value."""

    def build(args: Sequence[pl.Expr], node: Typed) -> pl.Expr:
        def better(best: pl.Expr, other: pl.Expr) -> pl.Expr:
            keep = best >= other if greatest else best <= other
            return pl.when(other.is_null() | keep).then(best).otherwise(other)

        return reduce(better, args)

    return build


_BOOLEANS = fixed(T.BOOL, (BOOL, "booleans", T.BOOL), (BOOL, "booleans", T.BOOL))

FUNCTIONS: tuple[Function, ...] = (
    Function(
        "coalesce",
        "coalesce(a, b, ...)",
        (1, None),
        _same_type_rule,
        lambda a, n: pl.coalesce(a),
        _sql_call("COALESCE"),
    ),
    Function(
        "nullif",
        "nullif(a, b)",
        (2, 2),
        _same_type_rule,
        lambda a, n: pl.when(a[0] == a[1]).then(pl.lit(None)).otherwise(a[0]),
        _sql_call("NULLIF"),
    ),
    Function("if", "if(condition, then, else)", (3, 3), _if_rule, _case_polars, _case_sql),
    Function("least", "least(a, b, ...)", (1, None), _same_type_rule, _extreme(False), _sql_call("LEAST")),
    Function("greatest", "greatest(a, b, ...)", (1, None), _same_type_rule, _extreme(True), _sql_call("GREATEST")),
)

OPERATORS: tuple[Function, ...] = (
    _arithmetic("+", lambda a, n: a[0] + a[1]),
    _arithmetic("-", lambda a, n: a[0] - a[1]),
    _arithmetic("*", lambda a, n: a[0] * a[1]),
    Function(
        "/",
        "a / b",
        (2, 2),
        numeric_rule(result=T.FLOAT64),
        lambda a, n: _nonzero(a, n, a[0] / a[1]),
        lambda a, n: f"({a[0]} / {_divisor_sql(a, n)})",
    ),
    Function(
        "//",
        "a // b",
        (2, 2),
        numeric_rule(),
        lambda a, n: _nonzero(a, n, (a[0] / a[1]).floor() if n.type == T.FLOAT64 else a[0] // a[1]),
        _floor_divide_sql,
    ),
    Function("%", "a % b", (2, 2), numeric_rule(), lambda a, n: _nonzero(a, n, a[0] % a[1]), _modulo_sql),
    Function("unary -", "-a", (1, 1), numeric_rule(), lambda a, n: -a[0], lambda a, n: f"(- {a[0]})"),
    _comparison("=", lambda a, n: a[0] == a[1]),
    _comparison("!=", lambda a, n: a[0] != a[1]),
    _comparison("<", lambda a, n: a[0] < a[1]),
    _comparison("<=", lambda a, n: a[0] <= a[1]),
    _comparison(">", lambda a, n: a[0] > a[1]),
    _comparison(">=", lambda a, n: a[0] >= a[1]),
    Function("and", "a and b", (2, 2), _BOOLEANS, lambda a, n: a[0] & a[1], _sql_infix("AND")),
    Function("or", "a or b", (2, 2), _BOOLEANS, lambda a, n: a[0] | a[1], _sql_infix("OR")),
    Function(
        "not",
        "not a",
        (1, 1),
        fixed(T.BOOL, (BOOL, "a boolean", T.BOOL)),
        lambda a, n: ~a[0],
        lambda a, n: f"(NOT {a[0]})",
    ),
    Function(
        "is null",
        "a is null",
        (1, 1),
        lambda name, args: Signature(T.BOOL, (args[0].type,)),
        lambda a, n: a[0].is_null(),
        lambda a, n: f"({a[0]} IS NULL)",
    ),
    Function(
        "in",
        "a in (b, c, ...)",
        (2, None),
        _in_rule,
        # An OR of equalities has SQL's three-valued answer: null when nothing matches and a null is listed.
        lambda a, n: reduce(lambda left, right: left | right, (a[0] == item for item in a[1:])),
        lambda a, n: f"({a[0]} IN ({', '.join(a[1:])}))",
        temporal_literals=True,
    ),
    Function(
        "between",
        "a between low and high",
        (3, 3),
        _between_rule,
        lambda a, n: (a[0] >= a[1]) & (a[0] <= a[2]),
        lambda a, n: f"({a[0]} BETWEEN {a[1]} AND {a[2]})",
        temporal_literals=True,
    ),
    Function("case", "case when c then v ... else d end", (3, None), _case_rule, _case_polars, _case_sql),
)
