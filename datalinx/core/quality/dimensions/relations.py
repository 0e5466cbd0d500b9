"""Cross-column consistency: orderings that almost always hold (start <= end), age against birth date, totals."""

from __future__ import annotations

import itertools
import re

import numpy as np
import polars as pl

from datalinx.core.quality.context import Candidate, ScanContext
from datalinx.core.quality.profiles import value_counts

HOLDS = 0.95  # a relation is the column pair's rule when it holds for this share of rows
SAMPLE = 5_000
TOTALS_SAMPLE = 2_000  # a relation holding for 95% of rows shows on 2,000 of them
MAX_NUMERIC = 20  # triples of numeric columns grow cubically; wider tables keep the first columns by name
AGE = re.compile(r"(^|_)age($|_)", re.IGNORECASE)
BIRTH = re.compile(r"birth|dob", re.IGNORECASE)


def _orderings(ctx: ScanContext, sample: pl.DataFrame) -> list[Candidate]:
    found = []
    for first, second in itertools.permutations(ctx.date_columns(), 2):
        pair = sample.select(pl.col(first).cast(pl.Datetime), pl.col(second).cast(pl.Datetime)).drop_nulls()
        if pair.height < 20:
            continue
        a, b = pair.get_column(first), pair.get_column(second)
        if (a <= b).mean() < HOLDS or (a < b).mean() < 0.1:
            continue
        found.append(
            Candidate(
                type="cross_column_violation",
                dimension="consistency",
                columns=[first, second],
                rule={"check": "order_violation", "columns": [first, second]},
                message=f"'{first}' after '{second}', where it comes first in {(a <= b).mean():.0%} of rows",
                suggestion=f"Check both dates of these rows; '{first}' should not be later than '{second}'.",
                fix={"fix": "review", "columns": [first, second]},
                severity="high",
            )
        )
    return found


def _ages(ctx: ScanContext, sample: pl.DataFrame) -> list[Candidate]:
    found = []
    ages = [n for n in ctx.numeric_columns() if AGE.search(n)]
    births = [n for n in ctx.date_columns() if BIRTH.search(n)]
    for age, birth in itertools.product(ages, births):
        implied = sample.select((pl.col(birth).dt.year().cast(pl.Int64) + pl.col(age)).alias("y")).to_series()
        counts = value_counts(implied)
        if counts.height == 0:
            continue
        year = int(counts.row(0)[0])
        # Depending on the birthday, age + birth year is the reference year or the one before.
        years = [year - 1, year] if (implied == year - 1).sum() >= (implied == year + 1).sum() else [year, year + 1]
        if implied.is_in(years).sum() < HOLDS * implied.drop_nulls().len():
            continue
        found.append(
            Candidate(
                type="cross_column_violation",
                dimension="consistency",
                columns=[age, birth],
                rule={"check": "age_mismatch", "columns": [age, birth], "years": years},
                message=f"'{age}' does not match '{birth}' (the other rows imply ages as of {years[1]})",
                suggestion=f"Recompute '{age}' from '{birth}'.",
                fix={"fix": "derive", "column": age, "from": birth},
            )
        )
    return found


def _totals(ctx: ScanContext, sample: pl.DataFrame) -> list[Candidate]:
    names = sorted(n for n in ctx.numeric_columns() if ctx.profiles[n].semantic_type != "id")[:MAX_NUMERIC]
    if len(names) < 3:
        return []
    data = sample.select([pl.col(n).cast(pl.Float64) for n in names]).to_numpy()
    finite = np.isfinite(data)
    nonzero = np.any(np.where(finite, data, 0) != 0, axis=0)
    # A column equal to another one (the other operand being 1 or 0) is a copy, not a calculation.
    same = np.array([[_share(data[:, i], data[:, j]) >= HOLDS for j in range(len(names))] for i in range(len(names))])
    found, used = [], set()
    for left, right in itertools.combinations(range(len(names)), 2):
        for op, value in (("product", data[:, left] * data[:, right]), ("sum", data[:, left] + data[:, right])):
            ok = finite & np.isfinite(value)[:, None]
            close = (np.abs(data - value[:, None]) <= 0.01 + 1e-4 * np.abs(data)) & ok
            counted = ok.sum(axis=0)
            share = close.sum(axis=0) / np.maximum(counted, 1)
            for total in np.flatnonzero((share >= HOLDS) & (counted >= 20) & nonzero):
                if total in (left, right) or total in used or same[total, left] or same[total, right]:
                    continue
                used.add(int(total))
                found.append(_total_candidate([names[total], names[left], names[right]], op))
                ctx.derived[names[total]] = found[-1].rule
    return found


def _share(a: np.ndarray, b: np.ndarray) -> float:
    ok = np.isfinite(a) & np.isfinite(b)
    return float(np.mean(np.abs(a[ok] - b[ok]) <= 0.01 + 1e-4 * np.abs(a[ok]))) if ok.any() else 0.0


def _total_candidate(cols: list[str], op: str) -> Candidate:
    sign = "*" if op == "product" else "+"
    return Candidate(
        type="calculation_mismatch",
        dimension="consistency",
        columns=cols,
        rule={"check": f"{op}_mismatch", "columns": cols, "tolerance": 0.01, "relative": 1e-4},
        message=f"'{cols[0]}' is not '{cols[1]}' {sign} '{cols[2]}' as in the other rows",
        suggestion=f"Recompute '{cols[0]}' as {cols[1]} {sign} {cols[2]}.",
        fix={"fix": "derive", "column": cols[0], "expression": f"{cols[1]} {sign} {cols[2]}"},
    )


def detect(ctx: ScanContext) -> list[Candidate]:
    """Cross-column candidates found on a sample; their rules then run on every row."""
    sample = ctx.sample.head(SAMPLE)
    return _orderings(ctx, sample) + _ages(ctx, sample) + _totals(ctx, sample.head(TOTALS_SAMPLE))
