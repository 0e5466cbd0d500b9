"""The offline planner on sizes, totals and rankings said loosely, each family said many ways: 'customers by city,
biggest first' as the count per city, largest first (never the names Z to A). Each family also holds wordings
that must keep their old reading or be said as not understood."""

from __future__ import annotations

from typing import Any

import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, demo, plan_steps

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _kinds_and_steps(request: str, demo: Demo) -> list[dict[str, Any]]:
    """The plan's steps other than its sources and spelling folds, every word understood."""
    return [s for s in plan_steps(request, demo) if s["kind"] not in ("source", "derive")]


def _refused(request: str, demo: Demo) -> list[str]:
    planned = draft(request, demo.catalog)
    assert planned.not_understood, f"planned without a word said unclear: {planned.definition}"
    return planned.not_understood


# --- 'by <label>, biggest first': the groups by their size ------------------------------------------------------
SIZES = [
    ("customers by city, biggest first", "city", True),
    ("customers by city, smallest first", "city", False),
    ("customers by segment, largest first", "segment", True),
    ("orders by status, most first", "status", True),
    ("churn rows by region, largest to smallest", "region", True),
    ("orders by currency, fewest first", "currency", False),
    ("products by category, biggest first", "category", True),
]


@pytest.mark.parametrize(("request_text", "group", "down"), SIZES, ids=[c[0] for c in SIZES])
def test_biggest_first_by_a_label_ranks_its_groups_by_count(
    request_text: str, group: str, down: bool, demo: Demo
) -> None:
    assert _kinds_and_steps(request_text, demo) == [
        {"kind": "aggregate", "group_by": [group], "aggregations": [{"function": "count"}]},
        {"kind": "sort", "by": [{"column": "count", "descending": down}]},
    ]


KEPT_SORTS = [
    ("customers by city, a to z", "city", False),
    ("products by price, biggest first", "price", True),
    ("orders by order date, newest first", "order_date", True),
    ("customers by name, z to a", "name", True),
]


@pytest.mark.parametrize(("request_text", "column", "down"), KEPT_SORTS, ids=[c[0] for c in KEPT_SORTS])
def test_an_order_of_names_or_amounts_still_sorts_the_rows(
    request_text: str, column: str, down: bool, demo: Demo
) -> None:
    assert _kinds_and_steps(request_text, demo) == [{"kind": "sort", "by": [{"column": column, "descending": down}]}]
