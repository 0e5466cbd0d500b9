"""Pictures of quality: the score over time, column distributions, issue counts by type (Plotly figures)."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from datalinx.core.quality.results import IssueRead, ScorePoint
from datalinx.core.quality.schemas import ColumnProfile

MAX_DISTRIBUTIONS = 6
MAX_CATEGORIES = 10
# Columns whose distribution says little at a glance (every value differs, or the shape is a format).
NOT_DRAWN = frozenset({"id", "empty", "text", "email", "phone", "url", "postal_code"})
LAYOUT = {"margin": {"l": 40, "r": 20, "t": 50, "b": 40}, "plot_bgcolor": "rgba(0,0,0,0)"}


def score_history_figure(points: Sequence[ScorePoint]) -> go.Figure | None:
    """The dataset's score per scan, oldest first, one labelled point per scan; None before any scored scan."""
    scored = sorted((p for p in points if p.score is not None), key=lambda p: p.created_at)
    if not scored:
        return None
    labels = [f"v{p.version} · {p.created_at:%b %d %H:%M:%S}" for p in scored]
    figure = go.Figure(
        go.Scatter(
            x=labels,
            y=[p.score for p in scored],
            mode="lines+markers+text",
            text=[f"{p.score:.1f}" for p in scored],
            textposition="top center",
            hovertemplate="%{x}<br>score %{y:.1f}<extra></extra>",
        )
    )
    figure.update_layout(
        title="Quality score over time",
        xaxis={"type": "category"},
        yaxis={"range": [0, 105], "title": "score"},
        **LAYOUT,
    )
    return figure


def _numeric(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def distribution(profile: ColumnProfile) -> tuple[list[Any], list[int], list[float] | None] | None:
    """A column's bars: (x, counts, widths) from its histogram, or its most common values; None when neither."""
    histogram = profile.histogram
    if histogram is not None and histogram.counts and len(histogram.edges) == len(histogram.counts) + 1:
        edges = histogram.edges
        if all(_numeric(e) for e in edges):
            centres = [(a + b) / 2 for a, b in itertools.pairwise(edges)]
            widths = [b - a for a, b in itertools.pairwise(edges)]
            return centres, list(histogram.counts), widths
        return [str(e) for e in edges[:-1]], list(histogram.counts), None
    if profile.top_values:
        top = profile.top_values[:MAX_CATEGORIES]
        return ["(null)" if v.value is None else str(v.value) for v in top], [v.count for v in top], None
    return None


def distributions_figure(profiles: Sequence[ColumnProfile]) -> go.Figure | None:
    """Histograms of the first numeric columns and bars of the first categorical ones, two to a row."""
    drawn = []
    for profile in sorted(profiles, key=lambda p: p.histogram is None):
        if profile.semantic_type in NOT_DRAWN:
            continue
        bars = distribution(profile)
        if bars is not None:
            drawn.append((profile.name, bars))
        if len(drawn) == MAX_DISTRIBUTIONS:
            break
    if not drawn:
        return None
    rows = math.ceil(len(drawn) / 2)
    figure = make_subplots(rows=rows, cols=2, subplot_titles=[name for name, _ in drawn])
    for index, (name, (x, counts, widths)) in enumerate(drawn):
        figure.add_trace(
            go.Bar(x=x, y=counts, width=widths, name=name, showlegend=False, marker={"color": "#2f6fdb"}),
            row=index // 2 + 1,
            col=index % 2 + 1,
        )
    figure.update_layout(title="Column distributions", height=260 * rows + 60, bargap=0.05, **LAYOUT)
    return figure


def issue_counts(issues: Sequence[IssueRead]) -> list[tuple[str, int]]:
    """How many issues of each type, the most frequent first."""
    return Counter(i.type for i in issues).most_common()


def issue_counts_figure(issues: Sequence[IssueRead]) -> go.Figure | None:
    """Issue counts by type as horizontal bars, coloured by the worst severity of each type."""
    counts = issue_counts(issues)
    if not counts:
        return None
    rank = {"low": 0, "medium": 1, "high": 2, "critical": 3}
    colours = {"low": "#9db4d6", "medium": "#e3b341", "high": "#d9822b", "critical": "#c93c3c"}
    worst = {}
    for issue in issues:
        if rank.get(issue.severity, 0) >= rank.get(worst.get(issue.type, "low"), 0):
            worst[issue.type] = issue.severity
    figure = go.Figure(
        go.Bar(
            y=[t.replace("_", " ") for t, _ in counts][::-1],
            x=[n for _, n in counts][::-1],
            orientation="h",
            marker={"color": [colours.get(worst[t], "#888") for t, _ in counts][::-1]},
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    axis = {"title": "issues", "dtick": max(1, math.ceil(counts[0][1] / 5)), "rangemode": "tozero"}
    figure.update_layout(title="Issues by type", height=120 + 28 * len(counts), xaxis=axis, **LAYOUT)
    return figure
