"""Text columns that hold amounts with units ('1.00 kg', '250 g', '3.59 lb'), read as numbers in one unit."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.plan import ident, literal

# Each unit family: the unit numbers are converted to, and every spelling's factor to it.
FAMILIES = {
    "kg": {"kg": 1.0, "kgs": 1.0, "kilo": 1.0, "kilos": 1.0, "kilogram": 1.0, "kilograms": 1.0, "g": 0.001,
           "gram": 0.001, "grams": 0.001, "lb": 0.45359237, "lbs": 0.45359237, "pound": 0.45359237,
           "pounds": 0.45359237, "oz": 0.028349523125, "ounce": 0.028349523125, "ounces": 0.028349523125},
    "m": {"m": 1.0, "metre": 1.0, "meter": 1.0, "meters": 1.0, "metres": 1.0, "cm": 0.01, "mm": 0.001, "km": 1000.0,
          "in": 0.0254, "inch": 0.0254, "inches": 0.0254, "ft": 0.3048, "feet": 0.3048},
}  # fmt: skip
SHORT = {"kg": ("kg", "g", "lb", "lbs", "oz"), "m": ("m", "cm", "mm", "km", "in", "ft")}
# Time spans: a column kept in one ('tenure_months') and an amount said in another ('five years').
SPANS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
         "quarter": "quarter", "quarters": "quarter", "year": "year", "years": "year"}  # fmt: skip
EXACT = {("year", "month"): 12, ("year", "quarter"): 4, ("quarter", "month"): 3, ("week", "day"): 7}
AMOUNT = re.compile(r"^\s*[-+]?\d+(?:\.\d+)?\s*([A-Za-z]+)\s*$")


def units_of(ctx: Context, column: str) -> list[str]:
    """The units a text column's common values are written with."""
    facts = ctx.grounding.column(ctx.base, column)
    if facts is None:
        return []
    return [m.group(1).lower() for v in facts.top_values if isinstance(v, str) and (m := AMOUNT.match(v))]


def family_of(ctx: Context, column: str) -> str | None:
    """The unit family of a text column whose common values are numbers with units of one family."""
    facts = ctx.grounding.column(ctx.base, column)
    if facts is None or facts.type != "string":
        return None
    units = [m.group(1).lower() for v in facts.top_values if isinstance(v, str) and (m := AMOUNT.match(v))]
    if not facts.top_values or len(units) < 0.8 * len(facts.top_values):
        return None
    for family, spellings in FAMILIES.items():
        if all(u in spellings for u in units):
            return family
    return None


def numeric_view(ctx: Context, column: str) -> str | None:
    """A computed column holding `column`'s amounts in its family's unit ('weight' -> weight_kg), or None."""
    family = family_of(ctx, column)
    if family is None:
        return None
    name = f"{column}_{family}"
    if name not in ctx.plan.prepare:
        text = f"lower(trim({ident(column)}))"
        cases = []
        # longest spellings first, so 'kg' is not read as 'g'
        spelled = set(SHORT[family]) | set(units_of(ctx, column))
        for unit, kept in sorted(FAMILIES[family].items(), key=lambda item: -len(item[0])):
            if unit not in spelled:
                continue
            factor = ctx.unit_factors.get(unit, kept)  # the factor the request gave the unit, if it gave one
            number = f"to_number(trim(substr({text}, 1, length({text}) - {len(unit)})))"
            cases.append(f"when ends_with({text}, {literal(unit)}) then {number} * {literal(factor)}")
        ctx.plan.prepare[name] = f"case {' '.join(cases)} end"
        ctx.plan.prepare_notes.append(f"Read {column} as a number of {family} (other units converted).")
        ctx.note(f"{column} holds amounts with units; compared as {name}, converted to {family}")
    return name


def in_unit(ctx: Context, value: float, unit: str | None, column: str) -> float:
    """A number the request gave with a unit, in the unit the column is compared in."""
    family = family_of(ctx, column)
    if family is None or unit is None or unit.lower() not in FAMILIES[family]:
        return value
    return value * ctx.unit_factors.get(unit.lower(), FAMILIES[family][unit.lower()])


def span_of(column: str) -> str | None:
    """The time unit a numeric column counts in, from its name ('tenure_months': month), or None."""
    words = re.split(r"[^a-z]+", column.lower())
    return next((SPANS[w] for w in reversed(words) if w in SPANS), None)


def in_span(value: float, unit: str | None, column: str) -> float | None:
    """A span the request gave ('5 years') in the column's time unit (60 months); None when no exact factor exists
    or the column counts no span ('quantity over 5 days')."""
    given, kept = SPANS.get((unit or "").lower()), span_of(column)
    if given is None or given == kept or (kept is None and given == "year"):
        return value  # no span, the column's own unit, or years of a column of ages
    if kept is None:
        return None
    if (given, kept) in EXACT:
        return value * EXACT[(given, kept)]
    if (kept, given) in EXACT:
        return value / EXACT[(kept, given)]
    return None


def span_note(column: str) -> str:
    """Why a span cannot be compared with `column`, for the user."""
    kept = span_of(column)
    return f"{column} counts {kept}s" if kept else f"{column} is no span of time"
