"""The offline planner on the summary, join and multi-step families fresh14 asked for, each said many ways and each
wording planned on the demo data: the groups said before an arrow to the measure ('internet service -> peak
monthly charge'); 'peak' as the greatest of a number; leaving said as cancelling on us or ending up leaving; both
groups said with 'both' and a flag said as 'whether the person churned'; the train/test flag as the split; a year
before 'ones' in a follow-up ('only the 2023 ones'); a dataset opened by name ('open the customers dataset'); an
order's period said with 'sometime' ('placed an order sometime in 2025'). Each family also holds wordings that
must be said as not understood."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the planner module


def _summary(request: str, demo: Demo) -> dict[str, Any]:
    """The plan's aggregate step, after checking every word was understood."""
    return next(step for step in plan_steps(request, demo) if step["kind"] == "aggregate")


def _filters(request: str, demo: Demo) -> list[str]:
    return [step["condition"] for step in plan_steps(request, demo) if step["kind"] == "filter"]


def _turns(turns: list[str], demo: Demo) -> Any:
    """The last turn's draft of a conversation, each turn given the one before."""
    previous = None
    planned = None
    for turn in turns:
        planned = draft(turn, demo.catalog, previous)
        assert planned.not_understood == [], (turn, planned.not_understood)
        previous = planned.definition
    return planned


# --- the groups before an arrow to the measure -----------------------------------------------------------------------
ARROWS = [
    ("internet service -> peak monthly charge", ["internet_service"], "max", "monthly_charges"),
    ("contract → average tenure", ["contract"], "mean", "tenure_months"),
    ("country and segment -> how many customers", ["country", "segment"], "count", None),
    ("contract -> highest monthly charge", ["contract"], "max", "monthly_charges"),
    ("payment method -> total monthly charges", ["payment_method"], "sum", "monthly_charges"),
]


@pytest.mark.parametrize(("request_text", "groups", "function", "column"), ARROWS, ids=[a[0] for a in ARROWS])
def test_groups_before_an_arrow_are_the_groups_of_the_measure(
    request_text: str, groups: list[str], function: str, column: str | None, demo: Demo
) -> None:
    summary = _summary(request_text, demo)
    assert summary["group_by"] == groups
    assert [(a["function"], a.get("column")) for a in summary["aggregations"]] == [(function, column)]


def test_the_arrow_answer_is_the_greatest_charge_of_each_service(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("internet service -> peak monthly charge", demo, tmp_path)
    expected = demo.frames["churn"].group_by("internet_service").agg(pl.col("monthly_charges").max())
    picked = output.rename({c: "monthly_charges" for c in output.columns if c != "internet_service"})
    same_rows(picked, expected)


NO_MEASURE = ["internet service -> monthly charge", "contract -> churned", "peak order date"]


@pytest.mark.parametrize("request_text", NO_MEASURE)
def test_an_arrow_to_no_measure_or_a_peak_date_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'peak' as the greatest of a number ------------------------------------------------------------------------------
PEAKS = [
    ("peak monthly charge per internet service", ["internet_service"], "monthly_charges"),
    ("the peak quantity per product", ["product_id"], "quantity"),
    ("peak monthly charges by contract", ["contract"], "monthly_charges"),
]


@pytest.mark.parametrize(("request_text", "groups", "column"), PEAKS, ids=[p[0] for p in PEAKS])
def test_peak_is_the_greatest_of_a_number(request_text: str, groups: list[str], column: str, demo: Demo) -> None:
    summary = _summary(request_text, demo)
    assert summary["group_by"] == groups
    assert summary["aggregations"] == [{"function": "max", "column": column}]


# --- leaving said as cancelling on us or ending up leaving -----------------------------------------------------------
LEAVERS = [
    "for each kind of contract, how many people ended up cancelling on us",
    "how many people ended up leaving per contract",
    "how many subscribers cancelled on us, by contract",
    "per contract, the number of subscribers who ended up churning",
    "how many people canceled on us for each contract",
]


@pytest.mark.parametrize("request_text", LEAVERS)
def test_cancelling_on_us_counts_the_churned_per_group(request_text: str, demo: Demo) -> None:
    summary = _summary(request_text, demo)
    assert summary["group_by"] == ["contract"]
    assert summary["aggregations"] == [{"function": "count"}]
    assert _filters(request_text, demo) == ["churned = 1"]


def test_orders_cancelled_on_us_are_still_the_cancelled_status(demo: Demo) -> None:
    conditions = _filters("how many orders were cancelled on us", demo)
    assert len(conditions) == 1 and "status" in conditions[0] and "cancelled" in conditions[0]


# --- both groups, a flag said as whether the person churned, the train/test flag ------------------------------------
BOTH = [
    "mean tenure broken down by both the train/test flag and whether the person churned",
    "mean tenure by split and whether the person churned",
    "average tenure by both split and churned",
    "mean tenure grouped by both the train test split and whether the subscriber churned",
    "mean tenure by the train/test flag and whether they churned",
]


@pytest.mark.parametrize("request_text", BOTH)
def test_both_groups_and_a_whether_flag_group_the_mean(request_text: str, demo: Demo) -> None:
    summary = _summary(request_text, demo)
    assert sorted(summary["group_by"]) == ["churned", "split"]
    assert summary["aggregations"] == [{"function": "mean", "column": "tenure_months"}]
    assert _filters(request_text, demo) == []


def test_whether_the_customer_churned_groups_beside_a_contract(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("average income by whether the customer churned and contract", demo, tmp_path)
    assert {"churned", "contract"} <= set(output.columns)
    assert set(output["churned"].to_list()) == {0, 1}


# --- a year before 'ones' in a follow-up ----------------------------------------------------------------------------
YEAR_ONES = [
    (["orders", "only the 2023 ones"], 2023),
    (["ordrs pls", "only teh 2023 ones"], 2023),
    (["orders", "just the 2024 ones"], 2024),
    (["show me the orders", "the 2025 ones"], 2025),
]


@pytest.mark.parametrize(("turns", "year"), YEAR_ONES, ids=[" / ".join(t[0]) for t in YEAR_ONES])
def test_a_year_before_ones_keeps_that_year(turns: list[str], year: int, demo: Demo) -> None:
    planned = _turns(turns, demo)
    conditions = [n["condition"] for n in planned.definition["nodes"] if n["kind"] == "filter"]
    assert conditions == [f"(order_date >= '{year}-01-01' and order_date < '{year + 1}-01-01')"]


def test_two_years_before_ones_are_said_unclear(demo: Demo) -> None:
    previous = draft("orders", demo.catalog).definition
    refused("the 2023 ones and the 2024 ones", demo, previous)


def test_a_year_of_ones_then_a_sum_per_currency(demo: Demo) -> None:
    planned = _turns(["ordrs pls", "only teh 2023 ones", "then add up teh revenue for each curency"], demo)
    kinds = [n["kind"] for n in planned.definition["nodes"]]
    assert "filter" in kinds and "aggregate" in kinds


# --- a dataset opened by name ----------------------------------------------------------------------------------------
OPENED = [
    ("Open the customers dataset.", "customers"),
    ("open the churn table", "churn"),
    ("open up the customers table", "customers"),
    ("please open the products file", "products"),
    ("open the orders dataset", "orders"),
]


@pytest.mark.parametrize(("request_text", "dataset"), OPENED, ids=[o[0] for o in OPENED])
def test_a_dataset_opened_by_name_is_its_rows(request_text: str, dataset: str, demo: Demo) -> None:
    assert plan_steps(request_text, demo) == [{"kind": "source", "dataset": dataset}]


@pytest.mark.parametrize("request_text", ["open the orders", "open orders"])
def test_open_without_a_dataset_word_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)  # 'open orders' may be the orders still open


def test_an_opened_dataset_then_narrowed_and_counted(demo: Demo) -> None:
    turns = ["Open the customers dataset.", "Restrict the records to the enterprise segment.", "Count per country."]
    nodes = _turns(turns, demo).definition["nodes"]
    summary = next(n for n in nodes if n["kind"] == "aggregate")
    assert summary["group_by"] == ["country"]
    assert any(n["kind"] == "filter" and n["condition"] == "segment = 'enterprise'" for n in nodes)


# --- an order's period said with 'sometime' --------------------------------------------------------------------------
SOMETIME = [
    ("custmers who placd an ordr sometime in 2025", 2025),
    ("customers who ordered at some point in 2024", 2024),
    ("customers who bought something sometime during 2023", 2023),
    ("customers who placed an order at any point in 2025", 2025),
]


@pytest.mark.parametrize(("request_text", "year"), SOMETIME, ids=[s[0] for s in SOMETIME])
def test_sometime_in_a_year_dates_the_orders_matched(request_text: str, year: int, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    orders = demo.frames["orders"].filter(pl.col("order_date").dt.year() == year)
    expected = demo.frames["customers"].join(orders.select("customer_id"), on="customer_id", how="semi")
    same_rows(output, expected)


# --- another dataset's column said as each row's own -----------------------------------------------------------------
OWNED = [
    ("hey, could you add each order's product category onto the orders table? cheers", "products", "category"),
    ("add each order's product category", "products", "category"),
    ("attach every order's product name", "products", "name"),
    ("add each order's customer city onto the orders", "customers", "city"),
    ("tack each order's product price on", "products", "price"),
]


@pytest.mark.parametrize(("request_text", "dataset", "column"), OWNED, ids=[o[0] for o in OWNED])
def test_each_rows_column_of_another_dataset_is_joined_on(
    request_text: str, dataset: str, column: str, demo: Demo
) -> None:
    steps = plan_steps(request_text, demo)
    assert steps[0] == {"kind": "source", "dataset": "orders"}
    assert {"kind": "source", "dataset": dataset} in steps
    joins = [s for s in steps if s["kind"] == "join"]
    assert len(joins) == 1 and joins[0]["how"] == "left"
    assert any(s["kind"] == "select" and column in s["columns"] for s in steps)


def test_each_orders_category_is_a_left_join_of_the_products(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("add each order's product category onto the orders table", demo, tmp_path)
    categories = demo.frames["products"].select("product_id", "category")
    expected = demo.frames["orders"].join(categories, on="product_id", how="left").select("order_id", "category")
    same_rows(output, expected)


# --- what each of another dataset's rows spent, said by its verb ----------------------------------------------------
SPENT = [
    "what every customer has spent with us in total, with their name alongside",
    "what every customer spent",
    "what every customer has spent in total",
    "what each customer has spent",
    "what every customer has spent, with their name",
]


@pytest.mark.parametrize("request_text", SPENT)
def test_what_each_customer_spent_is_their_revenue_summed(request_text: str, demo: Demo) -> None:
    summary = _summary(request_text, demo)
    assert summary["group_by"] == ["customer_id"]
    assert summary["aggregations"] == [{"function": "sum", "column": "total_revenue"}]
    assert _filters(request_text, demo) == []  # 'has spent' is no test that an amount is on record


def test_what_every_customer_spent_with_their_name_runs(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("what every customer has spent with us in total, with their name alongside", demo, tmp_path)
    spend = demo.frames["orders"].group_by("customer_id").agg(pl.col("total_revenue").sum())
    assert {"customer_id", "name"} <= set(output.columns)
    totals = output.unique("customer_id").select("customer_id", *[c for c in output.columns if "revenue" in c])
    assert totals.height == spend.height


# --- a question of the busiest periods, answered by the count per period asked after it ------------------------------
BUSIEST = [
    "hi! which days of the week keep us busiest? a count of orders per weekday would do, thanks",
    "which weekdays are the busiest? count the orders by day of the week",
    "which days of the week are busiest? number of orders per day of the week please",
]


@pytest.mark.parametrize("request_text", BUSIEST)
def test_a_busiest_question_answered_by_a_count_per_weekday(request_text: str, demo: Demo) -> None:
    summary = _summary(request_text, demo)
    assert summary["group_by"] == ["order_day_of_week"]
    assert summary["aggregations"] == [{"function": "count"}]


def test_the_busiest_weekday_counts_add_up_to_every_dated_order(demo: Demo, tmp_path: Path) -> None:
    _, output = answer(BUSIEST[0], demo, tmp_path)
    dated = demo.frames["orders"].filter(pl.col("order_date").is_not_null()).height
    assert output.height == 7
    assert output.drop("order_day_of_week").to_series().sum() == dated


BUSY_UNANSWERED = [
    "which days of the week keep us busiest?",
    "which months are busiest? total revenue per month please",
]


@pytest.mark.parametrize("request_text", BUSY_UNANSWERED)
def test_a_busiest_question_without_its_count_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)
