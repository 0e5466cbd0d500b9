"""Validity: formats (email, URL, phone, postal code, dates), type conformance and impossible values."""

from __future__ import annotations

import re

import polars as pl

from datalinx.core.quality.context import Candidate, ScanContext
from datalinx.core.quality.semantic import best_date_formats

# Quantities that cannot be negative, by column name.
NON_NEGATIVE = re.compile(
    r"age|qty|quantit|price|amount|count|tenure|duration|weight|height|length|width|salary|income|revenue|total"
    r"|charge|cost|fee|calls|distance|size|stock|units|visits|years|months|days|minutes|seconds|hours",
    re.IGNORECASE,
)
# Dates that may legitimately lie ahead.
FUTURE_OK = re.compile(r"expir|due|until|valid|end|next|sched|plan|deadline|forecast|renew|target", re.IGNORECASE)
FORMAT_NAMES = {"email": "an email address", "url": "a URL", "phone": "a phone number", "postal_code": "a postal code"}


def date_formats(ctx: ScanContext) -> None:
    """Find the formats of every text date column (dominant first) and its parsed date range."""
    for name in ctx.of_type("date_string"):
        found = best_date_formats(ctx.sample.get_column(name).drop_nulls().head(20_000), minimum=0.5)
        if found:
            ctx.date_formats[name] = [fmt for fmt, _ in found]


def _formats(ctx: ScanContext) -> list[Candidate]:
    found = []
    for kind, label in FORMAT_NAMES.items():
        for name in ctx.of_type(kind):
            found.append(
                Candidate(
                    type=f"invalid_{'postal_code' if kind == 'postal_code' else kind}",
                    dimension="validity",
                    columns=[name],
                    rule={"check": "invalid_format", "column": name, "format": kind},
                    message=f"values of '{name}' that are not {label}",
                    suggestion=f"Correct or clear the malformed values of '{name}'.",
                    fix={"fix": "set_null", "column": name},
                )
            )
    for name in ctx.of_type("numeric"):
        if ctx.frame.schema[name] == pl.String:
            found.append(
                Candidate(
                    type="type_mismatch",
                    dimension="validity",
                    columns=[name],
                    rule={"check": "type_mismatch", "column": name, "type": "number"},
                    message=f"values of '{name}' that are not numbers although the column holds numbers",
                    suggestion=f"Clean these values, then store '{name}' as a number.",
                    fix={"fix": "cast", "column": name, "dtype": "float64"},
                )
            )
    for name, formats in ctx.date_formats.items():
        found.append(
            Candidate(
                type="invalid_date",
                dimension="validity",
                columns=[name],
                rule={"check": "invalid_date", "column": name, "formats": formats},
                message=f"values of '{name}' that are not dates in its formats ({', '.join(formats)})",
                suggestion=f"Correct or clear the values of '{name}' that are not dates.",
                fix={"fix": "set_null", "column": name},
            )
        )
    return found


def _impossible(ctx: ScanContext) -> list[Candidate]:
    found = []
    for name in ctx.numeric_columns():
        profile = ctx.profiles[name]
        if profile.semantic_type == "id" or profile.min is None or profile.min >= 0:
            continue
        rare = (profile.quantiles.get("p01") or 0) >= 0
        if NON_NEGATIVE.search(name) or rare:
            found.append(
                Candidate(
                    type="negative_value",
                    dimension="validity",
                    columns=[name],
                    rule={"check": "negative_value", "column": name},
                    message=f"negative values in '{name}', which cannot be negative",
                    suggestion=f"Check the sign of these '{name}' values at the source.",
                    fix={"fix": "abs", "column": name},
                    severity="high",
                )
            )
    for name, dtype in ctx.frame.schema.items():
        if dtype.is_float():
            found.append(
                Candidate(
                    type="not_finite",
                    dimension="validity",
                    columns=[name],
                    rule={"check": "not_finite", "column": name},
                    message=f"NaN or infinite values in '{name}'",
                    suggestion=f"Replace the NaN and infinite values of '{name}' with nulls or real numbers.",
                    fix={"fix": "set_null", "column": name},
                )
            )
    today = ctx.config.reference_date.isoformat()
    for name in [*ctx.date_columns(), *ctx.date_formats]:
        if FUTURE_OK.search(name):
            continue
        found.append(
            Candidate(
                type="future_date",
                dimension="validity",
                columns=[name],
                rule={"check": "future_date", "column": name, "after": today, "formats": ctx.date_formats.get(name)},
                message=f"dates in '{name}' after {today}",
                suggestion=f"Check these '{name}' values: a recorded event cannot lie in the future.",
                fix={"fix": "set_null", "column": name},
                severity="high",
            )
        )
    return found


def detect(ctx: ScanContext) -> list[Candidate]:
    """Format, type and impossible-value candidates."""
    return _formats(ctx) + _impossible(ctx)
