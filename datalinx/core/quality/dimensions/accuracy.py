"""Accuracy and plausibility: outliers by robust quantile fences, test records, references to nothing."""

from __future__ import annotations

import math
import re

import numpy as np
import polars as pl

from datalinx.core.quality.context import Candidate, ScanContext
from datalinx.core.quality.dimensions.validity import NON_NEGATIVE

TEST_FLAG = re.compile(r"test|dummy|fake|sandbox|demo|(^|_)qa($|_)", re.IGNORECASE)
TEST_TEXT = r"(?i)\b(test|dummy|fake|asdf|lorem ipsum|do not use)\b"
# Only names and addresses: 'test' in a product description ("soil test kit") says nothing about the row.
PERSON_TEXT = re.compile(r"name|user|customer|client|first|last|company|account|contact|login", re.IGNORECASE)


def _spread_fences(p05: float, p50: float, p95: float, extra: float, k: float) -> tuple[float, float] | None:
    # The p05-p50 and p50-p95 spreads follow skew (a long right tail gets a wide upper fence); when most values
    # are equal one spread is 0 and `extra` (half the p01-p99 range) stands in for it.
    upper, lower = p95 - p50, p50 - p05
    spread = max(upper, lower, extra)
    if spread <= 0:
        return None
    return p05 - k * (lower or spread), p95 + k * (upper or spread)


def _log_scale(q: dict[str, float]) -> bool:
    """Whether a positive column is more symmetric in logs (income, prices): then fences are set in logs."""
    p05, p50, p95 = q["p05"], q["p50"], q["p95"]
    if min(q.get("p01") or 0, p05) <= 0 or p95 <= p50 or p50 <= p05:
        return False
    raw = abs(math.log((p95 - p50) / (p50 - p05)))
    logged = abs(math.log(math.log(p95 / p50) / math.log(p50 / p05)))
    return logged < raw


def fences(ctx: ScanContext, name: str) -> tuple[float, float] | None:
    """Robust bounds for a numeric column from its quantiles (in logs when that is more symmetric), or None."""
    q = ctx.profiles[name].quantiles
    if any(q.get(key) is None for key in ("p01", "p05", "p50", "p95", "p99")):
        return None
    k = ctx.config.outlier_fence
    if _log_scale(q):
        logged = {key: math.log(value) for key, value in q.items() if key in ("p01", "p05", "p50", "p95", "p99")}
        bounds = _spread_fences(logged["p05"], logged["p50"], logged["p95"], (logged["p99"] - logged["p01"]) / 2, k)
        return (math.exp(bounds[0]), math.exp(bounds[1])) if bounds else None
    return _spread_fences(q["p05"], q["p50"], q["p95"], (q["p99"] - q["p01"]) / 2, k)


def gap_fences(ctx: ScanContext, name: str, bounds: tuple[float, float]) -> tuple[float, float]:
    """Tighten the bounds to the first wide empty gap beyond the bulk: gross errors sit apart from real tails."""
    q = ctx.profiles[name].quantiles
    body = q["p95"] - q["p05"]
    raw = _spread_fences(q["p05"], q["p50"], q["p95"], (q["p99"] - q["p01"]) / 2, ctx.config.outlier_fence)
    if raw is None or body <= 0:
        return bounds
    low, high = bounds
    values = ctx.frame.get_column(name).cast(pl.Float64)
    values = values.filter(values.is_finite())
    above = values.filter(values > raw[1]).drop_nans().sort().to_numpy()
    if above.size:
        last_inside = values.filter(values <= raw[1]).max()
        steps = np.diff(np.concatenate([[last_inside], above]))
        # Wide in absolute terms and, for positive data, at least a doubling: extreme tails of skewed data have
        # gaps too, but not jumps of that size.
        wide = np.flatnonzero((steps > body) & ((above < 0) | (above >= 2 * max(float(last_inside), 0.0))))
        if wide.size:
            high = min(high, float(above[wide[0]] - steps[wide[0]] / 2))
    below = values.filter(values < raw[0]).drop_nans().sort(descending=True).to_numpy()
    if below.size:
        first_inside = values.filter(values >= raw[0]).min()
        steps = -np.diff(np.concatenate([[first_inside], below]))
        wide = np.flatnonzero(steps > body)
        if wide.size:
            low = max(low, float(below[wide[0]] + steps[wide[0]] / 2))
    return float(low), float(high)


def _outliers(ctx: ScanContext) -> list[Candidate]:
    found = []
    for name in ctx.numeric_columns():
        profile = ctx.profiles[name]
        if profile.semantic_type in ("id", "boolean") or profile.distinct_count < 3 or name == ctx.label:
            continue
        bounds = fences(ctx, name)
        if bounds is None:
            continue
        low, high = gap_fences(ctx, name, bounds)
        skip_negative = bool(NON_NEGATIVE.search(name) or (profile.quantiles.get("p01") or 0) >= 0)
        found.append(
            Candidate(
                type="outlier",
                dimension="accuracy",
                columns=[name],
                rule={"check": "outlier", "column": name, "low": low, "high": high, "skip_negative": skip_negative},
                message=f"values of '{name}' outside [{low:.4g}, {high:.4g}], far from the bulk of the column",
                suggestion=f"Check these '{name}' values for entry or unit errors; cap or clear the wrong ones.",
                fix={"fix": "clip", "column": name, "low": low, "high": high},
            )
        )
    return found


def _test_records(ctx: ScanContext) -> list[Candidate]:
    flags = [n for n in ctx.of_type("boolean") if TEST_FLAG.search(n)]
    texts = [
        n
        for n in ctx.of_type("text", "email", "categorical")
        if ctx.profiles[n].semantic_type == "email" or PERSON_TEXT.search(n)
    ]
    texts = [n for n in texts if ctx.frame.schema[n] == pl.String]
    if not flags and not texts:
        return []
    return [
        Candidate(
            type="test_record",
            dimension="accuracy",
            columns=[*flags, *texts],
            score_columns=list(ctx.frame.columns),
            rule={"check": "test_record", "flags": flags, "text_columns": texts, "pattern": TEST_TEXT},
            message="rows that look like test or dummy records",
            suggestion="Remove test records before analysis, or keep them in a separate table.",
            fix={"fix": "drop_rows"},
        )
    ]


def _orphans(ctx: ScanContext) -> list[Candidate]:
    return [
        Candidate(
            type="orphan_reference",
            dimension="accuracy",
            columns=[fk.column],
            rule={
                "check": "orphan_reference",
                "column": fk.column,
                "reference": fk.reference,
                "reference_column": fk.reference_column,
            },
            message=f"'{fk.column}' values with no match in {fk.reference_column} of {fk.reference}",
            suggestion=f"Find the missing referenced records or correct '{fk.column}'.",
            fix={"fix": "review", "columns": [fk.column]},
            severity="high",
        )
        for fk in ctx.config.foreign_keys
        if fk.column in ctx.frame.columns
    ]


def detect(ctx: ScanContext) -> list[Candidate]:
    """Outlier, test-record and orphan-reference candidates."""
    return _outliers(ctx) + _test_records(ctx) + _orphans(ctx)
