"""Consistency: mixed formats in one column, spelling variants of one category, and mixed units."""

from __future__ import annotations

import polars as pl

from datalinx.core.quality.context import Candidate, ScanContext
from datalinx.core.quality.profiles import value_counts
from datalinx.core.quality.rules import valid_format
from datalinx.core.quality.semantic import MEASURE, pattern_family
from datalinx.core.quality.vocabulary import acronym, canonical_key, differs_in_digits_only, singular, within_edits

ACCEPTED_SHARE = 0.05  # a format or unit used by at least this share of values is one of the column's own
FUZZY_RATIO = 0.1  # a misspelling is at most this frequent relative to the spelling it resembles
MAX_FUZZY = 500
MAX_MAPPING = 200


def _families(ctx: ScanContext) -> list[Candidate]:
    found = []
    for name in ctx.of_type("phone", "postal_code", "id", "currency"):
        if ctx.frame.schema[name] != pl.String:
            continue
        kind = (
            ctx.profiles[name].semantic_type if ctx.profiles[name].semantic_type in ("phone", "postal_code") else None
        )
        keep = pl.col(name).is_not_null() & (valid_format(name, kind) if kind else True)
        values = ctx.sample.select(pattern_family(pl.col(name).filter(keep).str.strip_chars()).alias("f"))
        counts = value_counts(values.get_column("f"))
        total = counts.get_column("count").sum()
        accepted = [f for f, n in counts.iter_rows() if n >= ACCEPTED_SHARE * total]
        covered = counts.filter(pl.col("value").is_in(accepted)).get_column("count").sum()
        if len(accepted) == counts.height or covered < 0.8 * total:
            continue
        found.append(
            Candidate(
                type="inconsistent_format",
                dimension="consistency",
                columns=[name],
                rule={"check": "format_family", "column": name, "families": accepted, "format": kind},
                message=f"values of '{name}' not written like the rest ({', '.join(repr(f) for f in accepted)})",
                suggestion=f"Rewrite these '{name}' values in the column's usual format.",
                fix={"fix": "reformat", "column": name, "families": accepted},
                severity="low",
            )
        )
    for name, formats in ctx.date_formats.items():
        if len(formats) > 1:
            found.append(
                Candidate(
                    type="mixed_date_format",
                    dimension="consistency",
                    columns=[name],
                    rule={"check": "date_format", "column": name, "format": formats[0], "others": formats[1:]},
                    message=f"dates in '{name}' not written as {formats[0]} like the rest",
                    suggestion=f"Parse '{name}' with each format and store it as a date.",
                    fix={"fix": "parse_dates", "column": name, "formats": formats},
                )
            )
    return found


def variant_mapping(counts: dict[str, int]) -> dict[str, str]:
    """Map each rare spelling of a category to its most frequent spelling."""
    groups: dict[str, list[str]] = {}
    for value in sorted(counts, key=lambda v: -counts[v]):
        groups.setdefault(singular(canonical_key(value)), []).append(value)
    # Merge a rare group into a much more frequent one it is a small misspelling or an acronym of.
    keys = sorted(groups, key=lambda k: -sum(counts[v] for v in groups[k]))
    total = {k: sum(counts[v] for v in groups[k]) for k in keys}
    if len(keys) > MAX_FUZZY:
        keys = []  # comparing every pair of thousands of values costs more than it finds
    for rare in list(reversed(keys)):
        for common in list(keys):
            if total[rare] > FUZZY_RATIO * total[common]:
                break  # keys run from most to least frequent: no more frequent enough ones
            if common == rare:
                continue
            limit = 1 if len(common) < 8 else 2
            spelled = len(rare) >= 4 and within_edits(rare, common, limit) and not differs_in_digits_only(rare, common)
            if spelled or (len(rare) >= 2 and rare == acronym(groups[common][0])):
                groups[common] += groups.pop(rare)
                total[common] += total.pop(rare)
                keys.remove(rare)
                break
    mapping = {}
    for members in groups.values():
        head = max(members, key=lambda v: counts[v])
        mapping.update({member: head for member in members if member != head})
    return mapping


def _variants(ctx: ScanContext) -> list[Candidate]:
    found = []
    for name in ctx.of_type("categorical"):
        if ctx.frame.schema[name] != pl.String:
            continue
        counts = dict(ctx.value_counts(name).iter_rows())
        mapping = variant_mapping(counts)
        if not mapping:
            continue
        if len(mapping) > MAX_MAPPING:
            # Hundreds of spellings that differ in case or spaces is a free-text column, not a category.
            ctx.notes.append(f"'{name}': {len(mapping)} spelling variants is too many to list; not reported")
            continue
        heads = sorted(set(mapping.values()))
        found.append(
            Candidate(
                type="category_variant",
                dimension="consistency",
                columns=[name],
                rule={"check": "category_variant", "column": name, "mapping": mapping},
                message=f"other spellings of {', '.join(repr(h) for h in heads[:5])} in '{name}'",
                suggestion=f"Replace the variant spellings in '{name}' with the usual one.",
                fix={"fix": "map_values", "column": name, "mapping": mapping},
            )
        )
    return found


def _units(ctx: ScanContext) -> list[Candidate]:
    found = []
    for name in ctx.of_type("measure"):
        units = ctx.sample.select(pl.col(name).str.extract(MEASURE, 1).str.to_lowercase().alias("u")).to_series()
        counts = value_counts(units)
        if counts.height < 2:
            continue
        unit, top = counts.row(0)
        if top < 0.5 * counts.get_column("count").sum():
            continue
        found.append(
            Candidate(
                type="unit_inconsistency",
                dimension="consistency",
                columns=[name],
                rule={"check": "unit_mismatch", "column": name, "unit": unit},
                message=f"values of '{name}' in another unit than '{unit}'",
                suggestion=f"Convert these values to {unit} and store '{name}' as a number in {unit}.",
                fix={"fix": "convert_units", "column": name, "unit": unit},
            )
        )
    return found


def _spaced(ctx: ScanContext, name: str) -> bool:
    """Whether a column may hold padded values: exact for counted columns, always true for the others."""
    if name not in ctx.counts:
        return True
    values = ctx.counts[name].get_column("value")
    padded = values.str.starts_with(" ") | values.str.ends_with(" ") | values.str.contains("  ", literal=True)
    return bool(padded.any())


def _whitespace(ctx: ScanContext) -> list[Candidate]:
    return [
        Candidate(
            type="whitespace",
            dimension="consistency",
            columns=[name],
            rule={"check": "whitespace", "column": name},
            message=f"values of '{name}' with leading, trailing or doubled spaces",
            suggestion=f"Trim the spaces around the values of '{name}'.",
            fix={"fix": "trim", "column": name},
            severity="low",
        )
        for name in ctx.of_type("categorical", "email", "phone")
        if ctx.frame.schema[name] == pl.String and _spaced(ctx, name)
    ]


def detect(ctx: ScanContext) -> list[Candidate]:
    """Format, variant, unit and whitespace candidates (cross-column rules live in `relations`)."""
    return _families(ctx) + _variants(ctx) + _units(ctx) + _whitespace(ctx)
