"""The planner's working plan: what to read, join, clean, keep, compute and write, before it becomes nodes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

EXPRESSION_WORDS = frozenset(
    {"and", "or", "not", "in", "like", "ilike", "between", "is", "null", "true", "false", "case", "when", "then"}
    | {"else", "end", "date", "timestamp", "escape"}
)


def ident(name: str) -> str:
    """A column as the expression language reads it: bare when it is a plain name, else double-quoted."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) and name.lower() not in EXPRESSION_WORDS:
        return name
    return '"' + name.replace('"', '""') + '"'


def literal(value: Any) -> str:
    """A value as an expression literal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return f"'{value.isoformat()}'"
    return "'" + str(value).replace("'", "''") + "'"


@dataclass
class Condition:
    """One test rows must pass, in the expression language, with the words it came from."""

    expression: str
    explanation: str
    column: str | None = None
    values: list[Any] = field(default_factory=list)  # for `column = value` tests, merged into `in (...)`
    negated: bool = False
    any_of: list[Condition] = field(default_factory=list)  # alternatives joined by `or`
    prior: bool = False  # from the conversation's earlier plan
    span: tuple[int, int] | None = None  # the request's items it came from (first, last)
    folded: bool = False  # `values` compare lower-cased and trimmed

    @classmethod
    def present(cls, column: str) -> Condition:
        """The test that a row has a value in the column."""
        return cls(f"{ident(column)} is not null", f"{column} is present", column)


@dataclass
class Join:
    dataset: str
    key: str
    how: str = "left"
    right_key: str | None = None
    columns: list[str] = field(default_factory=list)  # right columns to bring
    renamed: dict[str, str] = field(default_factory=dict)  # right columns whose names the left side has
    reason: str = ""
    filters: list[Condition] = field(default_factory=list)  # tests on the right rows before matching
    through: str | None = None  # a dataset linking the two ('orders' between customers and products)
    through_key: str | None = None  # the key `through` shares with this join's dataset (`key`: with the base)
    through_filters: list[Condition] = field(default_factory=list)  # tests on the rows of `through`
    # 'whose first order was in 2024': the right rows summed up per key first (function, column), then tested;
    # a count of the rows has no column ('orders of customers with more than 3 orders')
    summary: tuple[str, str | None] | None = None


@dataclass
class Aggregate:
    group_by: list[str] = field(default_factory=list)
    aggregations: list[dict[str, Any]] = field(default_factory=list)
    buckets: dict[str, str] = field(default_factory=dict)  # group columns computed first: name -> expression
    explanation: str = ""


@dataclass
class Dedupe:
    keys: list[str] | None = None
    keep: str = "first"
    order_by: list[dict[str, Any]] = field(default_factory=list)
    explanation: str = ""


@dataclass
class Plan:
    """Everything understood so far; `build` turns it into a PipelineDefinition."""

    dataset: str
    joins: list[Join] = field(default_factory=list)
    casts: dict[str, str] = field(default_factory=dict)
    prepare: dict[str, str] = field(default_factory=dict)  # derived before filtering
    prepare_notes: list[str] = field(default_factory=list)
    fills: dict[str, dict[str, Any]] = field(default_factory=dict)
    fill_order: list[dict[str, Any]] = field(default_factory=list)
    fill_groups: list[str] = field(default_factory=list)  # each gap filled from its group's rows ('same category')
    filters: list[Condition] = field(default_factory=list)
    dedupe: Dedupe | None = None
    aggregate: Aggregate | None = None
    lookups: list[Join] = field(default_factory=list)  # joined to the summary's rows: each product's name by its total
    having: list[Condition] = field(default_factory=list)
    sort: list[dict[str, Any]] = field(default_factory=list)
    limit: int | None = None
    sample: dict[str, Any] | None = None
    select: list[str] | None = None
    drop: list[str] = field(default_factory=list)
    rename: dict[str, str] = field(default_factory=dict)
    finish: dict[str, str] = field(default_factory=dict)  # derived after everything else (e.g. lower-cased text)
    sinks: list[dict[str, Any]] = field(default_factory=list)
    touched: bool = False  # anything beyond reading the dataset
    replacing: bool = False  # a follow-up's tests replace earlier tests of the same column
    select_prior: bool = False  # `select` came from the earlier plan
    distinct: bool = False  # the dedupe is of the selected columns: placed after the selection
    locate: Callable[[], tuple[int, int] | None] | None = field(default=None, repr=False, compare=False)

    def add_filter(self, condition: Condition, *, having: bool = False) -> None:
        """Add a test; a second `column = value` on the same column widens the first to `in (...)`."""
        target = self.having if having else self.filters
        if condition.span is None and self.locate is not None:
            condition.span = self.locate()
        if self.replacing and condition.column is not None:
            # a follow-up's test replaces an earlier one of its column and kind ('under 10' for 'under 20')
            kind = test_kind(condition.expression)
            target[:] = [
                c for c in target if not (c.prior and c.column == condition.column and test_kind(c.expression) == kind)
            ]
        for existing in target:
            if (
                condition.values
                and existing.values
                and existing.column == condition.column
                and existing.negated == condition.negated
                and not existing.any_of
            ):
                existing.values.extend(v for v in condition.values if v not in existing.values)
                if existing.span and condition.span:
                    existing.span = (min(existing.span[0], condition.span[0]), max(existing.span[1], condition.span[1]))
                existing.folded = existing.folded or condition.folded
                column, values = existing.column or "", existing.values
                existing.expression = equality(column, values, existing.negated, existing.folded)
                existing.explanation = f"{existing.explanation} or {condition.explanation.split(' is ')[-1]}"
                return
        target.append(condition)
        self.touched = True


KINDS = {">": ">", ">=": ">", "<": "<", "<=": "<", "=": "=", "in": "=", "!=": "!=", "not in": "!="}


def test_kind(expression: str) -> str | None:
    """The kind of a test by its first operator: '>', '<', '=', '!=', 'null', 'present', or None."""
    found = re.search(r" (is not null|is null|not in|>=|<=|!=|in|>|<|=) ", f"{expression} ")
    if found is None:
        return None
    operator = found.group(1)
    return {"is null": "null", "is not null": "present"}.get(operator, KINDS.get(operator))


def equality(column: str, values: list[Any], negated: bool = False, folded: bool = False) -> str:
    """`column = v`, or `column in (v, w)`; negated as `!=` / `not in`, keeping nulls out either way.

    `folded` compares lower-cased, trimmed text, so spellings that differ only so (seen or not) count too.
    """
    name = ident(column)
    if folded:
        name = f"lower(trim({name}))"
        values = list(dict.fromkeys(str(v).strip().lower() for v in values))
    if len(values) == 1:
        return f"{name} {'!=' if negated else '='} {literal(values[0])}"
    listed = ", ".join(literal(v) for v in values)
    return f"{name} {'not in' if negated else 'in'} ({listed})"


def combine(conditions: list[Condition]) -> str:
    """All conditions joined by `and`; alternatives inside one condition by `or`, in brackets."""
    parts = []
    for condition in conditions:
        if condition.any_of:
            parts.append("(" + " or ".join(c.expression for c in condition.any_of) + ")")
        else:
            bare = not re.search(r" (or|and) ", condition.expression)
            parts.append(condition.expression if bare else f"({condition.expression})")
    return " and ".join(parts)


def describe(conditions: list[Condition]) -> str:
    texts = []
    for condition in conditions:
        texts.append(
            " or ".join(c.explanation for c in condition.any_of) if condition.any_of else condition.explanation
        )
    return "; ".join(texts)
