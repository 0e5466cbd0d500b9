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


# --- 'which customers ... the most': a plural with no number ranks them all --------------------------------------
def _ranked(request: str, demo: Demo) -> tuple[list[str], int | None]:
    """The kinds of the plan's steps and the number of rows it keeps (None: every row)."""
    steps = _kinds_and_steps(request, demo)
    limit = next((s["n"] for s in steps if s["kind"] == "limit"), None)
    return [s["kind"] for s in steps if s["kind"] != "filter"], limit


PLURAL_RANKINGS = [
    "which customers brought us the most revenue",
    "which customers spent the most",
    "which customers placed the most orders",
    "which countries bring in the most revenue",
    "which products sold the most units",
    "what countries have the most orders",
    "which months had the most orders",
]


@pytest.mark.parametrize("request_text", PLURAL_RANKINGS)
def test_a_plural_asked_with_no_number_ranks_every_group(request_text: str, demo: Demo) -> None:
    assert _ranked(request_text, demo) == (["aggregate", "sort"], None)
    planned = draft(request_text, demo.catalog)
    assert any("with no number" in note for note in planned.assumptions), planned.assumptions


ONE_OR_N = [
    ("which customer brought us the most revenue", 1),
    ("which country has the most orders", 1),
    ("which status has the most orders", 1),
    ("which month had the most orders", 1),
    ("which 3 countries had the most orders", 3),
    ("which 2 products sold the most units", 2),
]


@pytest.mark.parametrize(("request_text", "kept"), ONE_OR_N, ids=[c[0] for c in ONE_OR_N])
def test_a_singular_or_a_number_keeps_that_many(request_text: str, kept: int, demo: Demo) -> None:
    assert _ranked(request_text, demo) == (["aggregate", "sort", "limit"], kept)


# --- 'the total revenue we invoiced': a total column said alone is its sum ----------------------------------------
TOTALS = [
    ("the total revenue we invoiced", "total_revenue"),
    ("the total revenue", "total_revenue"),
    ("total revenue we billed", "total_revenue"),
    ("our total revenue we have made", "total_revenue"),
    ("the total revenue of all orders", "total_revenue"),
    ("total revenue?", "total_revenue"),
    ("the total charges of all subscribers", "total_charges"),
    ("total charges we collected", "total_charges"),
]


@pytest.mark.parametrize(("request_text", "column"), TOTALS, ids=[c[0] for c in TOTALS])
def test_a_total_said_alone_is_one_sum(request_text: str, column: str, demo: Demo) -> None:
    assert _kinds_and_steps(request_text, demo) == [
        {"kind": "aggregate", "group_by": [], "aggregations": [{"function": "sum", "column": column}]}
    ]


def test_a_total_column_beside_the_rows_is_still_shown(demo: Demo) -> None:
    assert _kinds_and_steps("orders with their total revenue", demo) == []


# --- a column the people named do not have: never another table's rows in silence --------------------------------
ANOTHER_TABLES = [
    "the five lowest income among customers",
    "average income of customers",
    "the 5 customers with the highest income",
    "customers with the lowest monthly charges",
    "the ten highest tenure among customers",
]


@pytest.mark.parametrize("request_text", ANOTHER_TABLES)
def test_a_column_the_named_people_lack_is_said_unclear(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.not_understood, planned.definition
    if planned.definition is not None:
        assert all(n.get("dataset") != "churn" for n in planned.definition["nodes"]), planned.definition


MARKED_PEOPLE = ["customers who churned", "how many fiber customers churned?", "churned customers on fiber"]


@pytest.mark.parametrize("request_text", MARKED_PEOPLE)
def test_people_marked_by_a_value_or_flag_are_the_subscribers(request_text: str, demo: Demo) -> None:
    steps = plan_steps(request_text, demo)
    assert steps[0] == {"kind": "source", "dataset": "churn"}


# --- 'orders placed by customers in germany': the doer picks the rows, it does not group them --------------------
DOERS = [
    ("average revenue of orders placed by customers in germany", "mean", "total_revenue"),
    ("how many orders were placed by customers in france", "count", None),
    ("the average quantity of orders bought by customers in spain", "mean", "quantity"),
    ("total revenue of orders made by enterprise customers", "sum", "total_revenue"),
    ("total revenue of orders bought by the customers in the smb segment", "sum", "total_revenue"),
]


@pytest.mark.parametrize(("request_text", "function", "column"), DOERS, ids=[c[0] for c in DOERS])
def test_rows_done_by_people_are_measured_once_overall(
    request_text: str, function: str, column: str | None, demo: Demo
) -> None:
    summary = [s for s in _kinds_and_steps(request_text, demo) if s["kind"] == "aggregate"]
    expected = {"function": function, "column": column} if column else {"function": function}
    assert summary == [{"kind": "aggregate", "group_by": [], "aggregations": [expected]}]


@pytest.mark.parametrize("request_text", ["average revenue by customer", "number of orders per customer"])
def test_by_or_per_people_still_groups(request_text: str, demo: Demo) -> None:
    summary = [s for s in _kinds_and_steps(request_text, demo) if s["kind"] == "aggregate"]
    assert summary[0]["group_by"] == ["customer_id"]


@pytest.mark.parametrize("request_text", ["the total revenue of each order", "total revenue of every order"])
def test_the_total_of_each_row_is_still_each_rows_own(request_text: str, demo: Demo) -> None:
    assert _kinds_and_steps(request_text, demo) == [{"kind": "select", "columns": ["total_revenue"]}]


# --- 'age by segment': a level of each row is averaged, never added up ------------------------------------------
LEVELS = [
    ("age by segment", "age", "segment"),
    ("tenure by contract", "tenure_months", "contract"),
    ("unit price by country", "unit_price", "country"),
    ("price per category", "price", "category"),
    ("customer age for each segment", "age", "segment"),
    ("subscriber age by region", "age", "region"),
]


@pytest.mark.parametrize(("request_text", "column", "group"), LEVELS, ids=[c[0] for c in LEVELS])
def test_a_level_beside_a_grouping_is_averaged(request_text: str, column: str, group: str, demo: Demo) -> None:
    summary = [s for s in _kinds_and_steps(request_text, demo) if s["kind"] == "aggregate"]
    measure = {"function": "mean", "column": column}
    assert summary == [{"kind": "aggregate", "group_by": [group], "aggregations": [measure]}]
    assert any("level of each row" in n for n in draft(request_text, demo.catalog).assumptions)


AMOUNTS = [
    ("revenue by country", "total_revenue", "country"),
    ("quantity by status", "quantity", "status"),
    ("support calls by region", "support_calls", "region"),
    ("monthly charges by contract", "monthly_charges", "contract"),
]


@pytest.mark.parametrize(("request_text", "column", "group"), AMOUNTS, ids=[c[0] for c in AMOUNTS])
def test_an_amount_beside_a_grouping_is_still_summed(request_text: str, column: str, group: str, demo: Demo) -> None:
    summary = [s for s in _kinds_and_steps(request_text, demo) if s["kind"] == "aggregate"]
    measure = {"function": "sum", "column": column}
    assert summary == [{"kind": "aggregate", "group_by": [group], "aggregations": [measure]}]


def test_ranking_groups_by_a_level_ranks_their_averages(demo: Demo) -> None:
    steps = [s for s in _kinds_and_steps("which region has the highest tenure", demo) if s["kind"] != "filter"]
    assert steps[0]["aggregations"] == [{"function": "mean", "column": "tenure_months"}]
    assert steps[1] == {"kind": "sort", "by": [{"column": "mean_tenure_months", "descending": True}]}
