"""Syntax tree of pipeline expressions: frozen nodes, the error they raise, and walks over them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from datalinx.core.errors import Invalid

# Deeper trees are refused: the checker and compilers recurse, and so do the engines' own planners.
MAX_DEPTH = 200

LiteralValue = int | float | str | bool | date | datetime | None


class ExpressionError(Invalid):
    """An expression that does not parse, names unknown columns or functions, or mixes types."""

    code = "invalid_expression"
    column: str | None = None  # the first unknown column, when that is the problem


@dataclass(frozen=True)
class Literal:
    """A constant: number, string, boolean, date, timestamp or null."""

    value: LiteralValue
    position: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Column:
    """A reference to an input column by its exact name."""

    name: str
    position: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Unary:
    """`-x` (op '-') or `not x` (op 'not')."""

    op: str
    operand: Expr
    position: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Binary:
    """An infix operator; `op` is canonical ('=' for '==', '!=' for '<>', 'and', 'or', '||', '+'...)."""

    op: str
    left: Expr
    right: Expr
    position: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Call:
    """A function call; `name` is lower-cased."""

    name: str
    args: tuple[Expr, ...]
    position: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Case:
    """`case when c then v ... [else d] end`; `if(c, a, b)` is a call, not a Case."""

    branches: tuple[tuple[Expr, Expr], ...]
    default: Expr | None
    position: int = field(default=0, compare=False)


@dataclass(frozen=True)
class InList:
    """`x [not] in (a, b, ...)`."""

    operand: Expr
    items: tuple[Expr, ...]
    negated: bool = False
    position: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Between:
    """`x [not] between low and high` (both ends included)."""

    operand: Expr
    low: Expr
    high: Expr
    negated: bool = False
    position: int = field(default=0, compare=False)


@dataclass(frozen=True)
class IsNull:
    """`x is [not] null`."""

    operand: Expr
    negated: bool = False
    position: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Like:
    """`x [not] like|ilike pattern [escape 'c']`."""

    operand: Expr
    pattern: Expr
    negated: bool = False
    insensitive: bool = False
    escape: str | None = None
    position: int = field(default=0, compare=False)


Expr = Literal | Column | Unary | Binary | Call | Case | InList | Between | IsNull | Like


def children(node: Expr) -> tuple[Expr, ...]:
    """The direct sub-expressions of a node, in source order."""
    match node:
        case Unary(operand=operand) | IsNull(operand=operand):
            return (operand,)
        case Binary(left=left, right=right):
            return (left, right)
        case Call(args=args):
            return args
        case Case(branches=branches, default=default):
            flat = tuple(part for branch in branches for part in branch)
            return (*flat, default) if default is not None else flat
        case InList(operand=operand, items=items):
            return (operand, *items)
        case Between(operand=operand, low=low, high=high):
            return (operand, low, high)
        case Like(operand=operand, pattern=pattern):
            return (operand, pattern)
    return ()


def walk(expr: Expr) -> Iterator[Expr]:
    """Every node of the tree, without recursion (trees may be deep before they are checked)."""
    stack = [expr]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def depth(expr: Expr) -> int:
    """The number of nodes on the longest path from the root to a leaf, without recursion."""
    deepest = 0
    stack = [(expr, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children(node))
    return deepest


def ensure_shallow(expr: Expr) -> None:
    """Refuse a tree deeper than MAX_DEPTH with a clean error instead of a RecursionError later."""
    if depth(expr) > MAX_DEPTH:
        raise ExpressionError(f"expression is nested too deeply (more than {MAX_DEPTH} levels); simplify it")


def columns(expr: Expr) -> frozenset[str]:
    """The names of the columns an expression reads."""
    return frozenset(node.name for node in walk(expr) if isinstance(node, Column))
