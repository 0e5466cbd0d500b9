"""The score math: a column's dimension score is the share of its rows no issue of that dimension touches.

- column c, dimension d: 100 * (1 - |union of the rows of d's issues on c| / rows)
- dataset, dimension d: the mean over all columns (so it is the share of clean cells)
- overall: the weighted mean of the dimension scores, weights renormalised over the dimensions that apply
  (ML readiness applies only when there is a label column)
- an issue's impact: how many points the overall score gains when its rows are treated as fixed, i.e. the rows
  only that issue holds against each column it counts against; issues are sorted by it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from datalinx.core.quality.schemas import DIMENSIONS, ColumnScore, DimensionScore


@dataclass
class Scored:
    """An issue reduced to what scoring needs."""

    dimension: str
    columns: list[str]
    rows: np.ndarray


@dataclass
class Scores:
    """Dataset, dimension and column scores and each issue's impact."""

    score: float
    dimensions: list[DimensionScore]
    columns: list[ColumnScore]
    impacts: list[float]


def applicable_weights(weights: dict[str, float], has_label: bool) -> dict[str, float]:
    """The weights of the dimensions that apply, summing to 1."""
    used = {d: weights.get(d, 0.0) for d in DIMENSIONS if has_label or d != "ml_readiness"}
    total = sum(used.values())
    if total <= 0:
        return {d: 1 / len(used) for d in used}
    return {d: w / total for d, w in used.items()}


def score(issues: list[Scored], *, rows: int, columns: list[str], weights: dict[str, float], has_label: bool) -> Scores:
    """Scores from the issues' rows, and each issue's impact on the overall score."""
    used = applicable_weights(weights, has_label)
    cells: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, issue in enumerate(issues):
        if issue.dimension in used:
            for column in issue.columns:
                cells[(issue.dimension, column)].append(index)
    bad: dict[tuple[str, str], int] = {}
    impacts = [0.0] * len(issues)
    scale = 100.0 / max(rows, 1) / max(len(columns), 1)
    for cell, members in cells.items():
        if len(members) == 1:
            only = issues[members[0]].rows
            bad[cell] = len(only)
            impacts[members[0]] += len(only) * scale * used[cell[0]]
            continue
        coverage = np.bincount(np.concatenate([issues[i].rows for i in members]), minlength=rows)
        bad[cell] = int(np.count_nonzero(coverage))
        for i in members:
            own = int(np.count_nonzero(coverage[issues[i].rows] == 1))
            impacts[i] += own * scale * used[cell[0]]
    column_scores = []
    per_dimension: dict[str, list[float]] = defaultdict(list)
    for column in columns:
        values = {d: 100.0 * (1 - bad.get((d, column), 0) / max(rows, 1)) for d in used}
        for d, value in values.items():
            per_dimension[d].append(value)
        overall = sum(used[d] * v for d, v in values.items())
        column_scores.append(
            ColumnScore(column=column, score=round(overall, 2), dimensions={d: round(v, 2) for d, v in values.items()})
        )
    dimensions = []
    for d, weight in used.items():
        touched = np.zeros(rows, dtype=bool)
        for issue in issues:
            if issue.dimension == d:
                touched[issue.rows] = True
        affected = int(np.count_nonzero(touched))
        mean = float(np.mean(per_dimension[d])) if per_dimension[d] else 100.0
        dimensions.append(
            DimensionScore(dimension=d, score=round(mean, 2), weight=round(weight, 4), affected_rows=affected)
        )  # type: ignore[arg-type]
    total = sum(used[d.dimension] * float(np.mean(per_dimension[d.dimension] or [100.0])) for d in dimensions)
    return Scores(
        score=round(total, 2), dimensions=dimensions, columns=column_scores, impacts=[round(i, 4) for i in impacts]
    )
