"""Date and timestamp text: strict literal parsing, and strftime-style formats compiled to a shared regex."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIMESTAMP = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?)?"
)

# Each directive: the field it fills, a regex both RE2 (DuckDB) and Rust regex (Polars) read alike, and the
# width the captured digits are padded to. Digit classes are spelled out: Rust's `\d` takes Unicode digits.
_DIRECTIVES = {
    "%Y": ("year", "([0-9]{4})"),
    "%m": ("month", "(0?[1-9]|1[0-2])"),
    "%d": ("day", "(0?[1-9]|[12][0-9]|3[01])"),
    "%H": ("hour", "([01]?[0-9]|2[0-3])"),
    "%M": ("minute", "([0-5]?[0-9])"),
    "%S": ("second", "([0-5]?[0-9])"),
    "%f": ("fraction", "([0-9]{1,6})"),
}
DATE_FIELDS = ("year", "month", "day")
TIME_FIELDS = ("hour", "minute", "second", "fraction")
# Escaped so both regex dialects read them literally; other characters are literal as they stand
# (escaping `<` or `>` would make word boundaries in Rust's regex).
_REGEX_META = frozenset("\\.+*?()|[]{}^$")


def parse_date(text: str) -> date | None:
    """A 'YYYY-MM-DD' string as a date, or None."""
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_timestamp(text: str) -> datetime | None:
    """A 'YYYY-MM-DD[ HH:MM[:SS[.ffffff]]]' string (space or T) as a naive datetime, or None."""
    match = _TIMESTAMP.fullmatch(text)
    if not match:
        return None
    day, hour, minute, second, fraction = match.groups()
    try:
        moment = datetime.fromisoformat(day)
        return moment.replace(
            hour=int(hour or 0),
            minute=int(minute or 0),
            second=int(second or 0),
            microsecond=int((fraction or "0").ljust(6, "0")),
        )
    except ValueError:
        return None


def regex_literal(text: str) -> str:
    """Text as a regex that matches it literally in both RE2 and Rust's regex."""
    return "".join("\\" + char if char in _REGEX_META else char for char in text)


@dataclass(frozen=True)
class TextFormat:
    """A strftime-style format as one anchored regex and the capture group of each field it fills."""

    regex: str
    groups: dict[str, int]


def compile_format(fmt: str, *, with_time: bool) -> TextFormat:
    """Compile a format such as '%d/%m/%Y'; raises ValueError naming what is wrong."""
    parts: list[str] = []
    groups: dict[str, int] = {}
    index = 0
    while index < len(fmt):
        if fmt[index] != "%":
            parts.append(regex_literal(fmt[index]))
            index += 1
            continue
        directive = fmt[index : index + 2]
        index += 2
        if directive == "%%":
            parts.append("%")
            continue
        if directive not in _DIRECTIVES:
            known = ", ".join(d for d, (field, _) in _DIRECTIVES.items() if with_time or field in DATE_FIELDS)
            raise ValueError(f"unsupported directive '{directive}' (supported: {known}, %%)")
        field, regex = _DIRECTIVES[directive]
        if field in TIME_FIELDS and not with_time:
            raise ValueError(f"'{directive}' is a time directive; use to_timestamp() for times")
        if field in groups:
            raise ValueError(f"'{directive}' appears twice")
        groups[field] = len(groups) + 1
        parts.append(regex)
    missing = [field for field in DATE_FIELDS if field not in groups]
    if missing:
        raise ValueError("the format needs %Y, %m and %d")
    return TextFormat("^" + "".join(parts) + "$", groups)
