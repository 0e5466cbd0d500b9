"""What a source column's sampled values say: numbers or dates written as text, shapes, and codes they map to."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from datalinx.core.datasets.facts import ColumnFacts
from datalinx.core.pipelines.casts import DECIMAL_TEXT, FALSE_TEXT, INTEGER_TEXT, TRUE_TEXT
from datalinx.core.quality.semantic import EMAIL, MEASURE, PHONE_CHARS, POSTAL, SEVEN_DIGITS, URL
from datalinx.core.quality.vocabulary import (
    acronym,
    canonical_key,
    differs_in_digits_only,
    fold,
    singular,
    within_edits,
)

# Formats the expression language's to_date/to_timestamp read, the most common first; day-first before month-first.
DATE_FORMATS = (
    "%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y.%m.%d", "%Y/%m/%d", "%d-%m-%Y", "%m-%d-%Y", "%Y%m%d",
)  # fmt: skip
DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M",
)  # fmt: skip
SHAPES = {
    "email": lambda v: re.match(EMAIL, v) is not None,
    "phone": lambda v: re.match(PHONE_CHARS, v) is not None and re.match(SEVEN_DIGITS, v) is not None,
    "postcode": lambda v: re.match(POSTAL, v) is not None,
    "url": lambda v: re.match(URL, v) is not None,
}
PERSON_NAME = re.compile(r"^[^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*){1,3}$")
REVERSED_NAME = re.compile(r"^[^\W\d_][\w.' -]*, ?[^\W\d_][\w.' -]*$")
# How strongly each way of matching a value to an allowed one counts.
MATCH_STRENGTH = {"exact": 1.0, "synonym": 1.0, "spelling": 0.95, "typo": 0.8, "initials": 0.8, "prefix": 0.6}


def texts(column: ColumnFacts) -> list[str]:
    """The column's distinct sampled values as trimmed text, the most common first."""
    seen: dict[str, None] = {}
    for value in [*column.top_values, *column.examples]:
        if value is None:
            continue
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        seen.setdefault(text.strip(), None)
    return [t for t in seen if t]


def share(values: list[str], test: Any) -> float:
    """The share of values passing a test (0 for none)."""
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def number_share(values: list[str], *, whole: bool) -> float:
    """The share written as integers (whole=True) or as decimals."""
    pattern = re.compile(INTEGER_TEXT if whole else DECIMAL_TEXT)
    return share(values, lambda v: pattern.match(v) is not None)


def decimal_comma_share(values: list[str]) -> float:
    """The share written as numbers with a decimal comma ('12,50') or as integers, when any has a comma."""
    if not any("," in v for v in values):
        return 0.0
    return share(values, lambda v: re.match(r"^[+-]?[0-9]+(,[0-9]{1,2})?$", v) is not None)


def bool_share(values: list[str]) -> float:
    """The share reading as true/false words."""
    return share(values, lambda v: v.lower() in TRUE_TEXT or v.lower() in FALSE_TEXT)


def measure_unit(values: list[str]) -> str | None:
    """The unit every value carries after its number ('1.20 kg' -> 'kg'), when there is exactly one."""
    units = {m.group(1) if (m := re.match(MEASURE, v)) else None for v in values}
    return next(iter(units)) if len(units) == 1 and None not in units else None


def shape_share(values: list[str], shape: str) -> float:
    """The share of values shaped like an email, phone number, postal code or URL."""
    return share(values, SHAPES[shape])


def _parses(value: str, fmt: str) -> bool:
    try:
        dt.datetime.strptime(value, fmt)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class DateFormats:
    """The formats a text column's dates are written in (most values first) and how many values they read."""

    formats: tuple[str, ...]
    covered: float
    ambiguous: bool = False


def date_formats(values: list[str], *, with_time: bool, minimum: float = 0.9) -> DateFormats | None:
    """The fewest formats (at most three) reading at least `minimum` of the values, or None."""
    if not values:
        return None
    candidates = (DATETIME_FORMATS + DATE_FORMATS) if with_time else DATE_FORMATS
    remaining = set(values)
    chosen: list[str] = []
    ambiguous = False
    while remaining and len(chosen) < 3:
        reads = {fmt: {v for v in remaining if _parses(v, fmt)} for fmt in candidates if fmt not in chosen}
        best = max(reads, key=lambda fmt: len(reads[fmt]), default=None)
        if best is None or not reads[best]:
            break
        ambiguous = ambiguous or any(f != best and reads[f] == reads[best] and "%d" in f for f in reads)
        chosen.append(best)
        remaining -= reads[best]
    covered = 1 - len(remaining) / len(values)
    return DateFormats(tuple(chosen), covered, ambiguous) if covered >= minimum else None


def person_name_share(values: list[str]) -> tuple[float, float]:
    """Shares of values that read as 'First Last' and as 'Last, First'."""
    return share(values, lambda v: PERSON_NAME.match(v) is not None), share(
        values, lambda v: REVERSED_NAME.match(v) is not None
    )


@dataclass
class Lookup:
    """Source values (lower case, trimmed) with the allowed value each stands for, and how sure the matches are."""

    table: dict[str, str] = field(default_factory=dict)
    strength: float = 0.0
    unmatched: list[str] = field(default_factory=list)
    identical: bool = False
    how: dict[str, str] = field(default_factory=dict)


def _match(key: str, allowed: list[str]) -> tuple[str, str] | None:
    """The allowed value a source value stands for and how it was matched, when exactly one fits best."""
    folded = fold(key)
    tests = (
        ("exact", lambda a: key == a.strip().lower()),
        ("synonym", lambda a: canonical_key(key) == canonical_key(a)),
        ("spelling", lambda a: singular(folded) == singular(fold(a))),
        ("typo", lambda a: len(folded) >= 5 and within_edits(folded, fold(a), 1)
         and not differs_in_digits_only(folded, fold(a))),
        ("initials", lambda a: len(folded) > 3 and acronym(key) == fold(a)),
        ("prefix", lambda a: bool(fold(a)) and folded.startswith(fold(a)) and len(folded) > len(fold(a))),
    )  # fmt: skip
    for how, test in tests:
        hits = list(dict.fromkeys(a for a in allowed if test(a)))
        if len(hits) == 1:
            return hits[0], how
        if len(hits) > 1:
            return None
    return None


def lookup(values: list[str], allowed: list[str]) -> Lookup:
    """Match each sampled value to one allowed value, by spelling, known synonyms, typos, initials or prefix."""
    result = Lookup()
    keys = list(dict.fromkeys(v.strip().lower() for v in values))
    if not keys:
        return result
    total = 0.0
    for key in keys:
        found = _match(key, allowed)
        if found is None:
            result.unmatched.append(key)
            continue
        result.table[key], result.how[key] = found
        total += MATCH_STRENGTH[found[1]]
    result.strength = total / len(keys)
    allowed_set = set(allowed)
    result.identical = not result.unmatched and all(v in allowed_set for v in values)
    return result
