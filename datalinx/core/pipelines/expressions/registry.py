"""The shape of the function table: one entry per function or operator, with its type rule and both builders."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import polars as pl

from datalinx.core.pipelines.expressions.ast import LiteralValue
from datalinx.core.pipelines.sql import literal
from datalinx.core.pipelines.types import NUMERIC, ColumnType, common_supertype

T = ColumnType

# A DuckDB string literal: single-quoted, quotes doubled (backslashes are plain characters in DuckDB).
sql_string = literal


class Mismatch(Exception):
    """Raised by a type rule; the checker collects the message."""


@dataclass(frozen=True, eq=False)
class Typed:
    """A checked node: its type, and either a column, a literal, or a function applied to typed arguments."""

    type: ColumnType
    column: str | None = None
    value: LiteralValue = None
    function: Function | None = None
    args: tuple[Typed, ...] = ()
    # The type each argument is cast to before the function is built (equal to the argument's own type
    # when no cast is needed).
    params: tuple[ColumnType, ...] = ()

    @property
    def is_literal(self) -> bool:
        """Whether this node is a constant."""
        return self.column is None and self.function is None

    def where(self) -> str:
        """How an error message points at this node: ' (column 'x')', ' (literal 5)', or nothing."""
        if self.column is not None:
            return f" (column '{self.column}')"
        if self.is_literal and self.value is not None:
            shown = f"'{self.value}'" if isinstance(self.value, str) else str(self.value).lower()
            return f" (literal {shown})"
        return ""


@dataclass(frozen=True)
class Signature:
    """What a type rule decides: the result type and the type each argument is cast to."""

    result: ColumnType
    params: tuple[ColumnType, ...]


TypeRule = Callable[[str, Sequence[Typed]], Signature]
PolarsBuilder = Callable[[Sequence[pl.Expr], Typed], pl.Expr]
SqlBuilder = Callable[[Sequence[str], Typed], str]


@dataclass(frozen=True)
class Function:
    """One function or operator: arity, type rule, Polars builder and DuckDB SQL builder, side by side."""

    name: str
    usage: str
    arity: tuple[int, int | None]
    typing: TypeRule
    polars: PolarsBuilder
    sql: SqlBuilder
    # Comparisons read a string literal met by a date or datetime as that type.
    temporal_literals: bool = field(default=False)


_SYNTAX = frozenset(("and", "or", "not", "in", "between", "like", "ilike", "case"))


def label(name: str) -> str:
    """How messages name a function or operator: `lower()`, `'+'` or `'case'`."""
    return f"{name}()" if name.isidentifier() and name not in _SYNTAX else f"'{name}'"


def expect(name: str, arg: Typed, allowed: frozenset[ColumnType] | set[ColumnType], what: str) -> None:
    """Refuse an argument whose type is not allowed (null literals are allowed everywhere)."""
    if arg.type not in allowed and arg.type != T.NULL:
        raise Mismatch(f"{label(name)} expects {what}, got {arg.type}{arg.where()}")


def unify(name: str, args: Sequence[Typed], what: str = "arguments") -> ColumnType:
    """The type all arguments meet at, or a Mismatch naming the two that do not meet."""
    result = T.NULL
    for arg in args:
        met = common_supertype(result, arg.type) if T.OTHER not in (result, arg.type) else None
        if met is None:
            raise Mismatch(f"{label(name)} {what} have different types: {result} and {arg.type}{arg.where()}")
        result = met
    return result


def constant(name: str, arg: Typed, what: str) -> LiteralValue:
    """The value of an argument that must be a literal."""
    if not arg.is_literal or arg.value is None:
        raise Mismatch(f"{label(name)} expects {what} written as a literal{arg.where()}")
    return arg.value


def fixed(result: ColumnType, *params: tuple[frozenset[ColumnType], str, ColumnType | None]) -> TypeRule:
    """A rule for fixed parameters: (allowed types, description, cast-to type or None to keep), result type."""

    def rule(name: str, args: Sequence[Typed]) -> Signature:
        casts = []
        for arg, (allowed, what, cast) in zip(args, params, strict=False):
            expect(name, arg, allowed, what)
            kept = arg.type if arg.type != T.NULL else next(t for t in _PREFERRED if t in allowed)
            casts.append(cast or kept)
        return Signature(result, tuple(casts))

    return rule


def numeric_rule(*, result: ColumnType | None = None) -> TypeRule:
    """Numeric arguments cast to the type they meet at; the result is that type unless fixed."""

    def rule(name: str, args: Sequence[Typed]) -> Signature:
        for arg in args:
            expect(name, arg, NUMERIC, "a number")
        met = unify(name, args)
        met = T.INT64 if met == T.NULL else met
        cast = T.FLOAT64 if result == T.FLOAT64 else met
        return Signature(result or met, (cast,) * len(args))

    return rule


def sql_float(value: float) -> str:
    """A DuckDB DOUBLE literal that reads back as exactly `value` (a plain 1.5 would be a DECIMAL)."""
    text = repr(float(value))
    return text if "e" in text else text + "e0"


STRING = frozenset({T.STRING})
# The type a null literal takes where a parameter accepts several and keeps the argument's own type.
_PREFERRED = (T.STRING, T.INT64, T.FLOAT64, T.BOOL, T.DATE, T.DATETIME, T.OTHER)
BOOL = frozenset({T.BOOL})
INTEGER = frozenset({T.INT64})
