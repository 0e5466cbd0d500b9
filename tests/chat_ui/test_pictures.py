"""What the chat draws and tabulates: the plan's DAG, quality charts, markdown tables."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from datalinx.chat_ui import charts, diagrams, tables
from datalinx.core.quality.results import IssueRead, QualityScore, ScorePoint
from datalinx.core.quality.schemas import ColumnProfile, Histogram, ValueCount

JOIN_PLAN: dict[str, Any] = {
    "nodes": [
        {"id": "orders", "kind": "source", "dataset": "orders"},
        {"id": "customers", "kind": "source", "dataset": "customers"},
        {"id": "joined", "kind": "join", "on": ["customer_id"]},
        {"id": "big", "kind": "filter", "condition": "amount > 10"},
        {"id": "save", "kind": "sink_dataset", "dataset": "big_orders"},
    ],
    "edges": [
        {"source": "orders", "target": "joined", "port": "left"},
        {"source": "customers", "target": "joined", "port": "right"},
        {"source": "joined", "target": "big"},
        {"source": "big", "target": "save"},
    ],
}


def test_layers_follow_the_longest_path_from_a_source() -> None:
    assert diagrams.layers(JOIN_PLAN) == {"orders": 0, "customers": 0, "joined": 1, "big": 2, "save": 3}
    placed = diagrams.positions(JOIN_PLAN)
    assert placed["orders"] == (0.0, 0.5) and placed["customers"] == (0.0, -0.5) and placed["save"] == (3.0, 0.0)


def test_a_cycle_or_a_dangling_edge_does_not_stop_the_drawing() -> None:
    cyclic = {
        "nodes": [{"id": "a", "kind": "filter"}, {"id": "b", "kind": "filter"}],
        "edges": [{"source": "a", "target": "b"}, {"source": "b", "target": "a"}, {"source": "b", "target": "zz"}],
    }
    assert set(diagrams.layers(cyclic)) == {"a", "b"}
    assert diagrams.dag_figure(cyclic, {}).data


def test_the_dag_figure_explains_every_node_and_labels_join_ports() -> None:
    explanations = {"big": "Keep rows where amount is over 10, which drops the small orders of every customer."}
    figure = diagrams.dag_figure(JOIN_PLAN, explanations)
    by_group = {trace.name: trace for trace in figure.data}
    assert set(by_group) == {"source", "step", "sink"}
    step = by_group["step"]
    big = list(step.hovertext).index(next(h for h in step.hovertext if h.startswith("<b>big</b>")))
    assert "drops the small" in step.hovertext[big]
    assert step.text[big].startswith("<b>big</b> (filter)<br><i>Keep rows where amount is</i>")
    assert step.text[big].count("<br>") == 3 and step.text[big].endswith(" …</i>")
    arrows = [a for a in figure.layout.annotations if a.showarrow]
    assert len(arrows) == 4
    assert sorted(a.text for a in figure.layout.annotations if not a.showarrow) == ["left", "right"]


def test_histograms_come_from_profiles_and_categoricals_from_their_top_values() -> None:
    numeric = profile("amount", "numeric", histogram=Histogram(edges=[0, 10, 30], counts=[4, 2]))
    dates = profile(
        "day", "datetime", histogram=Histogram(edges=["2024-01-01", "2024-02-01", "2024-03-01"], counts=[1, 2])
    )
    country = profile("country", "categorical", top=[("DE", 5), (None, 2)])
    assert charts.distribution(numeric) == ([5.0, 20.0], [4, 2], [10, 20])
    assert charts.distribution(dates) == (["2024-01-01", "2024-02-01"], [1, 2], None)
    assert charts.distribution(country) == (["DE", "(null)"], [5, 2], None)
    assert charts.distribution(profile("note", "text")) is None
    email = profile("email", "email", top=[("a@example.com", 1)])
    figure = charts.distributions_figure([profile("id", "id", top=[(1, 1)]), email, country, numeric])
    assert figure is not None and [a.text for a in figure.layout.annotations] == ["amount", "country"]
    assert charts.distributions_figure([profile("id", "id", top=[(1, 1)])]) is None


def test_issue_counts_by_type_are_coloured_by_their_worst_severity() -> None:
    found = [issue("outlier", "low"), issue("outlier", "critical"), issue("missing_values", "medium")]
    assert charts.issue_counts(found) == [("outlier", 2), ("missing_values", 1)]
    figure = charts.issue_counts_figure(found)
    assert figure is not None
    assert list(figure.data[0].y) == ["missing values", "outlier"]
    assert list(figure.data[0].marker.color) == ["#e3b341", "#c93c3c"]
    assert charts.issue_counts_figure([]) is None


def test_score_history_is_drawn_oldest_first_and_skips_unscored_scans() -> None:
    now = datetime.now(UTC)
    points = [point(2, 91.0, now), point(1, 80.0, now - timedelta(days=1)), point(3, None, now + timedelta(days=1))]
    figure = charts.score_history_figure(points)
    assert figure is not None and list(figure.data[0].y) == [80.0, 91.0]
    assert [label.split(" ")[0] for label in figure.data[0].x] == ["v1", "v2"]
    assert charts.score_history_figure([point(1, None, now)]) is None


def test_cells_escape_markdown_and_stay_short() -> None:
    assert tables.cell(None) == "" and tables.cell(0.333333333) == "0.3333"
    assert tables.cell("a|b\nc") == "a\\|b c"
    assert tables.cell("x" * 100) == "x" * 39 + "…"
    assert tables.markdown_table(["a", "b"], [[1, None]]) == "| a | b |\n|---|---|\n| 1 |  |"


def test_a_preview_table_says_what_it_left_out() -> None:
    records = [{f"c{i}": i for i in range(15)} for _ in range(12)]
    text = tables.records_table(records, limit=10)
    assert text.splitlines()[0].count("|") == tables.MAX_COLUMNS + 1
    assert text.endswith("_…and 2 more rows, 3 more columns_")
    assert tables.records_table([]) == "_no rows_"


def test_score_and_plan_tables() -> None:
    score = QualityScore(
        dataset_id="d",
        scan_id="s",
        version=1,
        score=90.0,
        dimensions=[
            {"dimension": "validity", "score": 99.5, "weight": 0.2, "affected_rows": 1},
            {"dimension": "ml_readiness", "score": 70.0, "weight": 0.15, "affected_rows": 9},
        ],
        columns=[],
        weights={},
        scanned_at=None,
    )
    rows = tables.score_table(score).splitlines()[2:]
    assert rows == ["| ml readiness | 70.0 | 0.15 | 9 |", "| validity | 99.5 | 0.20 | 1 |"]
    plan = tables.nodes_table(JOIN_PLAN, {"big": "Keep big orders."}, {"big": 7})
    assert "| 4 | big | filter | Keep big orders. | 7 |" in plan
    assert "| 1 | orders | source | source |  |" in plan


def profile(
    name: str, semantic: str, *, histogram: Histogram | None = None, top: list[tuple[Any, int]] | None = None
) -> ColumnProfile:
    return ColumnProfile(
        name=name,
        dtype="x",
        semantic_type=semantic,  # type: ignore[arg-type]
        count=10,
        null_count=0,
        empty_count=0,
        distinct_count=3,
        histogram=histogram,
        top_values=[ValueCount(value=v, count=c) for v, c in top or []],
    )


def issue(kind: str, severity: str) -> IssueRead:
    return IssueRead(
        id=f"{kind}-{severity}",
        scan_id="s",
        type=kind,
        dimension="validity",
        columns=["amount"],
        severity=severity,
        affected_rows=1,
        impact_score=0.5,
        status="open",
        message="m",
        suggestion="",
        fix={},
        examples=[],
    )


def point(version: int, score: float | None, at: datetime) -> ScorePoint:
    return ScorePoint.model_validate(
        {"id": f"s{version}", "version": version, "score": score, "dimensions": {}, "created_at": at}
    )
