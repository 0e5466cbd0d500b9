"""The offline planner on asides that ask for nothing ('don't need them', 'just the overall number is fine', 'no
rush', 'want to compare it to the unit price'): dropped, the plan being what the request asks; 'just the names is
fine' names the columns wanted (never a test that name is 'fine'); an aside that names a column the answer lacks, or
contradicts a grouping, is still said as not understood."""

from __future__ import annotations

from pathlib import Path

import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo

__all__ = ["demo"]  # the fixture, shared with the row-test module

YEAR_2024 = "(order_date >= '2024-01-01' and order_date < '2025-01-01')"
FRANCE = "lower(trim(country)) in ('fr', 'fra', 'france')"

# (request, the steps after the source, as (kind, what it holds))
ASIDES: list[tuple[str, list[tuple[str, object]]]] = [
    ("could you drop the weight and category columns from products? don't need them",
     [("drop", ["weight", "category"])]),
    ("drop the email column from customers, we do not need it anymore", [("drop", ["email"])]),
    ("orders from 2024, no rush", [("filter", YEAR_2024)]),
    ("orders from 2024, thank you so much", [("filter", YEAR_2024)]),
    ("orders from 2024, much appreciated", [("filter", YEAR_2024)]),
    ("how many orders are there? just the overall number is fine", [("aggregate", [{"function": "count"}])]),
    ("average price of products. a rough figure would be ok",
     [("aggregate", [{"function": "mean", "column": "price"}])]),
    ("orders from 2024, whenever you have time", [("filter", YEAR_2024)]),
    ("orders from 2024. much obliged", [("filter", YEAR_2024)]),
    ("orders from 2024, just the status would be enough", [("filter", YEAR_2024), ("select", ["status"])]),
    ("customers in france, just the names is fine", [("filter", FRANCE), ("select", ["name"])]),
    ("customers in france - just name and email is fine", [("filter", FRANCE), ("select", ["name", "email"])]),
    ("orders from 2024? want to compare them to the unit_price", [("filter", YEAR_2024)]),
    ("orders from 2024. we want to compare them against the quantity", [("filter", YEAR_2024)]),
]  # fmt: skip


def _held(node: dict[str, object]) -> object:
    return node.get("columns") or node.get("condition") or node.get("aggregations")


@pytest.mark.parametrize(("request_text", "steps"), ASIDES, ids=[a[0] for a in ASIDES])
def test_an_aside_asking_for_nothing_is_dropped(
    request_text: str, steps: list[tuple[str, object]], demo: Demo, tmp_path: Path
) -> None:
    planned, _ = answer(request_text, demo, tmp_path)
    planned_steps = [(n["kind"], _held(n)) for n in planned.definition["nodes"] if n["kind"] != "source"]
    assert planned_steps == steps


@pytest.mark.parametrize(
    "request_text",
    [
        "drop unit_price from orders? want to compare it to the unit price",  # the column it compares is dropped
        "how many orders per country? just the overall number is fine",  # overall, or per country?
    ],
)
def test_an_aside_at_odds_with_the_plan_is_said(request_text: str, demo: Demo) -> None:
    assert draft(request_text, demo.catalog).not_understood


@pytest.mark.parametrize(
    ("request_text", "scale"),
    [
        ("roughly what share of our subscribers churned? just the overall number is fine", 1.0),
        ("what proportion of our subscribers have churned", 1.0),
        ("the percentage of all our subscribers who churned", 100.0),
    ],
)
def test_a_share_of_our_rows_is_one_overall_rate(request_text: str, scale: float, demo: Demo, tmp_path: Path) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    (summary,) = [n for n in planned.definition["nodes"] if n["kind"] == "aggregate"]
    assert summary["group_by"] == []
    assert output.height == 1
    assert output.row(0)[0] == pytest.approx(demo.frames["churn"]["churned"].mean() * scale)
