"""Markdown tables for the chat: rows of data, a score's breakdown, the top issues."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from datalinx.core.quality.results import IssueRead, QualityScore

MAX_CELL = 40
WIDE_CELL = 200
MAX_COLUMNS = 12


def cell(value: Any, width: int = MAX_CELL) -> str:
    """One value as a table cell: empty for null, shortened when long, pipes and newlines escaped."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.4g}" if abs(value) < 1e15 else f"{value:.3e}"
    else:
        text = str(value)
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, width: int = MAX_CELL) -> str:
    """A GitHub-flavoured markdown table; cells longer than `width` are shortened."""
    lines = ["| " + " | ".join(cell(h, width) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v, width) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def records_table(records: Sequence[dict[str, Any]], *, limit: int = 10) -> str:
    """Rows given as dicts (a preview) as a table of their first columns; says how much was left out."""
    if not records:
        return "_no rows_"
    columns: list[str] = []
    for record in records:
        columns += [c for c in record if c not in columns]
    shown = columns[:MAX_COLUMNS]
    table = markdown_table(shown, ([r.get(c) for c in shown] for r in records[:limit]))
    left_out = []
    if len(records) > limit:
        left_out.append(f"{len(records) - limit} more rows")
    if len(columns) > len(shown):
        left_out.append(f"{len(columns) - len(shown)} more columns")
    return table + (f"\n\n_…and {', '.join(left_out)}_" if left_out else "")


def score_table(score: QualityScore) -> str:
    """The score per dimension, with its weight and the rows it found at fault."""
    rows = []
    for dimension in sorted(score.dimensions, key=lambda d: d.get("score", 100.0)):
        rows.append(
            [
                str(dimension.get("dimension", "")).replace("_", " "),
                f"{dimension.get('score', 0.0):.1f}",
                f"{dimension.get('weight', 0.0):.2f}",
                dimension.get("affected_rows", 0),
            ]
        )
    return markdown_table(["dimension", "score", "weight", "rows affected"], rows)


def issues_table(issues: Sequence[IssueRead]) -> str:
    """Issues, highest impact first: what, where, how many rows, what fixing it is worth."""
    if not issues:
        return "_no issues found_"
    rows = [
        [
            i.severity,
            i.type.replace("_", " "),
            ", ".join(i.columns),
            i.affected_rows,
            f"+{i.impact_score:.1f}",
            i.message,
        ]
        for i in issues
    ]
    return markdown_table(["severity", "issue", "columns", "rows", "impact", "what"], rows, width=WIDE_CELL)


def nodes_table(definition: dict[str, Any], explanations: dict[str, str], rows: dict[str, int | None]) -> str:
    """Each node of a plan with what it does (the planner's explanation) and, after a dry run, its rows."""
    body = []
    for number, node in enumerate(definition.get("nodes", []), start=1):
        node_id = str(node.get("id", ""))
        explained = explanations.get(node_id) or node.get("description") or node.get("kind", "")
        body.append([number, node_id, node.get("kind", ""), explained, rows.get(node_id, "")])
    return markdown_table(["#", "step", "kind", "what it does", "rows (sample)"], body, width=WIDE_CELL)
