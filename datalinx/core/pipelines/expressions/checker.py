"""Type checking against a schema: resolves columns and functions, types every node, and collects all errors."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

from datalinx.core.pipelines.expressions import ast
from datalinx.core.pipelines.expressions.ast import Expr, ExpressionError, LiteralValue
from datalinx.core.pipelines.expressions.library import ALIASES, FUNCTIONS, NOT_ALLOWED, OPERATORS
from datalinx.core.pipelines.expressions.registry import Function, Mismatch, Typed
from datalinx.core.pipelines.expressions.temporal import parse_date, parse_timestamp
from datalinx.core.pipelines.problems import closest
from datalinx.core.pipelines.types import TEMPORAL, ColumnType, Schema

T = ColumnType
_SHOWN_COLUMNS = 12


def typecheck(expr: Expr, schema: Schema) -> Typed:
    """The typed tree of an expression, or an ExpressionError listing every problem found."""
    ast.ensure_shallow(expr)
    checker = _Checker(schema)
    typed = checker.check(expr)
    if checker.errors or typed is None:
        error = ExpressionError("; ".join(dict.fromkeys(checker.errors)))
        error.column = checker.unknown[0] if checker.unknown else None
        raise error
    return typed


def literal_type(value: LiteralValue) -> ColumnType:
    """The type of a literal value (bool before int, datetime before date: each is a subclass of the other)."""
    if value is None:
        return T.NULL
    if isinstance(value, bool):
        return T.BOOL
    if isinstance(value, int):
        return T.INT64
    if isinstance(value, float):
        return T.FLOAT64
    if isinstance(value, datetime):
        return T.DATETIME
    if isinstance(value, date):
        return T.DATE
    return T.STRING


def suggest(name: str, candidates: Sequence[str]) -> str | None:
    """The candidate `name` was probably meant to be: same name in another case first, then the closest spelling."""
    return closest(name, candidates)


class _Checker:
    """One pass over a tree; errors are collected and checking goes on past them where it can."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.errors: list[str] = []
        self.unknown: list[str] = []
        self.same_but_case: dict[str, list[str]] = defaultdict(list)
        for name in schema:
            self.same_but_case[name.lower()].append(name)

    def check(self, node: Expr) -> Typed | None:
        """The typed node, or None after recording why it could not be typed."""
        match node:
            case ast.Literal(value=value):
                return Typed(literal_type(value), value=value)
            case ast.Column(name=name):
                return self.column(name)
            case ast.Unary(op=op, operand=operand):
                return self.apply(OPERATORS["unary -" if op == "-" else "not"], [operand])
            case ast.Binary(op=op, left=left, right=right):
                return self.apply(OPERATORS[op], [left, right])
            case ast.Call():
                return self.call(node)
            case ast.Case(branches=branches, default=default):
                parts = [part for branch in branches for part in branch]
                return self.apply(OPERATORS["case"], [*parts, default or ast.Literal(None)])
            case ast.InList(operand=operand, items=items, negated=negated):
                return self.negate(self.apply(OPERATORS["in"], [operand, *items]), negated)
            case ast.Between(operand=operand, low=low, high=high, negated=negated):
                return self.negate(self.apply(OPERATORS["between"], [operand, low, high]), negated)
            case ast.IsNull(operand=operand, negated=negated):
                return self.negate(self.apply(OPERATORS["is null"], [operand]), negated)
            case ast.Like(operand=operand, pattern=pattern, negated=negated, insensitive=insensitive, escape=escape):
                like = OPERATORS["ilike" if insensitive else "like"]
                return self.negate(self.apply(like, [operand, pattern, ast.Literal(escape)]), negated)
        raise TypeError(f"not an expression node: {node!r}")

    def column(self, name: str) -> Typed | None:
        """A column of the schema, or an error suggesting the name that was probably meant."""
        if name not in self.schema:
            self.unknown.append(name)
            close = suggest(name, list(self.schema))
            if close is not None:
                self.errors.append(f"unknown column '{name}'; did you mean '{close}'?")
            elif len(self.schema) <= _SHOWN_COLUMNS:
                self.errors.append(f"unknown column '{name}' (columns: {', '.join(self.schema) or 'none'})")
            else:
                self.errors.append(f"unknown column '{name}'")
            return None
        twins = [other for other in self.same_but_case[name.lower()] if other != name]
        if twins:
            # DuckDB matches names case-insensitively, even quoted: it would read the wrong column.
            self.errors.append(f"column '{name}' differs from '{twins[0]}' only in case, which SQL cannot tell apart")
            return None
        return Typed(self.schema[name], column=name)

    def call(self, node: ast.Call) -> Typed | None:
        """A function call by name: refused if non-deterministic, suggested if unknown, then arity and types."""
        if node.name in NOT_ALLOWED:
            self.errors.append(
                f"{node.name}() is not allowed: an expression must give the same answer every time it runs "
                "and in every engine; write a literal such as date '2024-01-31' instead"
            )
            return None
        function = FUNCTIONS.get(node.name)
        if function is None:
            close = ALIASES.get(node.name) or suggest(node.name, list(FUNCTIONS))
            hint = (
                f"; did you mean {close}?" if close and "," in close else f"; did you mean {close}()?" if close else ""
            )
            self.errors.append(f"unknown function '{node.name}'{hint}")
            for arg in node.args:  # report problems inside the arguments too
                self.check(arg)
            return None
        low, high = function.arity
        if not low <= len(node.args) <= (high if high is not None else len(node.args)):
            counts = f"{low}" if low == high else f"at least {low}" if high is None else f"{low} to {high}"
            plural = "" if counts == "1" else "s"
            self.errors.append(
                f"{function.name}() takes {counts} argument{plural} ({function.usage}), got {len(node.args)}"
            )
            return None
        return self.apply(function, list(node.args))

    def apply(self, function: Function, nodes: Sequence[Expr]) -> Typed | None:
        """Check the arguments, then the function's type rule on their types."""
        args = [self.check(node) for node in nodes]
        if any(arg is None for arg in args):
            return None
        typed_args = [arg for arg in args if arg is not None]
        if function.temporal_literals:
            coerced = self.read_temporal_literals(typed_args)
            if coerced is None:
                return None
            typed_args = coerced
        try:
            signature = function.typing(function.name, typed_args)
        except Mismatch as error:
            self.errors.append(str(error))
            return None
        return Typed(signature.result, function=function, args=tuple(typed_args), params=signature.params)

    def read_temporal_literals(self, args: list[Typed]) -> list[Typed] | None:
        """Where a date or datetime meets string literals, read the literals as dates or timestamps."""
        kinds = {arg.type for arg in args}
        if not kinds & TEMPORAL:
            return args
        coerced = []
        for arg in args:
            if not (arg.is_literal and isinstance(arg.value, str)):
                coerced.append(arg)
                continue
            value = (parse_date(arg.value) if T.DATETIME not in kinds else None) or parse_timestamp(arg.value)
            if value is None:
                what = "a datetime" if T.DATETIME in kinds else "a date"
                self.errors.append(f"'{arg.value}' is not {what}: write 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'")
                return None
            coerced.append(Typed(literal_type(value), value=value))
        return coerced

    def negate(self, typed: Typed | None, negated: bool) -> Typed | None:
        """`not` around a typed node when the syntax said `not in`, `not like`, `is not null`..."""
        if typed is None or not negated:
            return typed
        return Typed(T.BOOL, function=OPERATORS["not"], args=(typed,), params=(T.BOOL,))
