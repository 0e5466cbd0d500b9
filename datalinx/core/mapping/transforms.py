"""Expressions for each transform, written in the pipeline expression language so both engines run them alike."""

from __future__ import annotations

import re
from typing import Any

from datalinx.core.pipelines.expressions.compiler import quote_identifier
from datalinx.core.pipelines.sql import literal
from datalinx.core.pipelines.types import ColumnType

T = ColumnType
# Words the expression parser reads as syntax, so a column named like one must be quoted.
_RESERVED = frozenset(
    {"and", "or", "not", "in", "like", "ilike", "between", "is", "null", "true", "false", "case", "when", "then",
     "else", "end", "escape", "date", "timestamp"}
)  # fmt: skip
# The split looks for the delimiter among the first characters; a first part longer than this is left whole.
SPLIT_REACH = 24
# Human-readable names of strftime formats, for reasons and warnings.
_FORMAT_WORDS = {"%Y": "YYYY", "%m": "MM", "%d": "DD", "%H": "HH", "%M": "MI", "%S": "SS"}


def ref(column: str) -> str:
    """A column as the expression language reads it: bare when that is unambiguous, double-quoted otherwise."""
    if re.fullmatch(r"[a-z_][a-z0-9_]*", column) and column not in _RESERVED:
        return column
    return quote_identifier(column)


def constant(value: Any) -> str:
    """A literal: numbers and booleans as written, text single-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return literal(str(value))


def as_text(column: str, kind: ColumnType) -> str:
    """The column as text: itself when it is text, else through to_string()."""
    return ref(column) if kind == T.STRING else f"to_string({ref(column)})"


def without_unit(column: str, unit: str) -> str:
    """A measure's number as text, its unit removed: '1.20 kg' -> '1.20'."""
    return f"trim(replace({ref(column)}, {literal(unit)}, ''))"


def decimal_point(column: str) -> str:
    """Numbers written with a decimal comma as text the cast reads: '12,50' -> '12.50'."""
    return f"replace(trim({ref(column)}), ',', '.')"


def parse_dates(column: str, formats: tuple[str, ...], *, with_time: bool) -> str:
    """Text dates read with each format in turn; the first that fits gives the value."""
    function = "to_timestamp" if with_time else "to_date"
    reads = [f"{function}(trim({ref(column)}), {literal(fmt)})" for fmt in formats]
    return reads[0] if len(reads) == 1 else f"coalesce({', '.join(reads)})"


def lookup_case(column: str, kind: ColumnType, table: dict[str, str]) -> str:
    """A `case` over the value in lower case without surrounding spaces; values not in the table become null."""
    subject = f"lower(trim({as_text(column, kind)}))"
    branches = " ".join(f"when {literal(key)} then {literal(value)}" for key, value in table.items())
    return f"case {subject} {branches} end"


def concat_words(columns: list[str], kinds: list[ColumnType], separator: str = " ") -> str:
    """The columns' values joined by a separator, missing ones skipped; null when all are missing."""
    parts = [f"trim({as_text(c, k)})" for c, k in zip(columns, kinds, strict=True)]
    joined = f", {literal(separator)}, ".join(parts)
    return f"nullif(trim(concat({joined})), '')"


def split_part(column: str, delimiter: str, part: int) -> str:
    """The text before (part 1) or after (part 2) the first delimiter; without one, part 1 is the whole text."""
    text = f"trim({ref(column)})"
    mark = literal(delimiter)
    position = (
        "case " + " ".join(f"when substr({text}, {k}, 1) = {mark} then {k}" for k in range(2, SPLIT_REACH)) + " end"
    )
    if part == 1:
        return f"coalesce(substr({text}, 1, {position} - 1), {text})"
    return f"nullif(trim(substr({text}, {position} + 1)), '')"


def format_words(fmt: str) -> str:
    """'%d/%m/%Y' -> 'DD/MM/YYYY'."""
    for directive, word in _FORMAT_WORDS.items():
        fmt = fmt.replace(directive, word)
    return fmt
