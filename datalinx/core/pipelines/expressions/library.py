"""The function table: every function and operator, gathered from the domain modules that define them."""

from __future__ import annotations

from datalinx.core.pipelines.expressions import casing, dates, numbers, operators, strings
from datalinx.core.pipelines.expressions.registry import Function

# Callable by name in expressions.
FUNCTIONS: dict[str, Function] = {
    f.name: f
    for f in (*operators.FUNCTIONS, *casing.FUNCTIONS, *strings.FUNCTIONS, *numbers.FUNCTIONS, *dates.FUNCTIONS)
}
# Reached only through syntax: `a + b`, `not a`, `x in (...)`, `case ... end`.
OPERATORS: dict[str, Function] = {f.name: f for f in (*operators.OPERATORS, *strings.OPERATORS)}

# Functions that would give a different answer on every run: refused so that Polars, DuckDB and a rerun agree.
NOT_ALLOWED = frozenset(
    ("today", "now", "current_date", "current_timestamp", "getdate", "sysdate", "random", "rand", "uuid")
)
# Names people reach for from other dialects, suggested (not accepted) so each function has one name.
ALIASES = {
    "substring": "substr",
    "len": "length",
    "char_length": "length",
    "strlen": "length",
    "lcase": "lower",
    "ucase": "upper",
    "pow": "power",
    "log": "ln",
    "ifnull": "coalesce",
    "nvl": "coalesce",
    "iif": "if",
    "dayofweek": "day_of_week",
    "weekday": "day_of_week",
    "isodow": "day_of_week",
    "dayofyear": "day_of_year",
    "datediff": "date_diff",
    "datetrunc": "date_trunc",
    "strptime": "to_date",
    "cast": "to_int, to_number, to_string, to_date or to_timestamp",
    "min": "least",
    "max": "greatest",
}


def usage() -> list[str]:
    """One line per callable function, for help texts and tool descriptions."""
    return [function.usage for function in FUNCTIONS.values()]
