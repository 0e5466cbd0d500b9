"""The offline planner on measures and their rows said in paraphrase, each said many ways: 'the middle value of' as
the median; people said by what they bought as the customers who did, each counted once; what each group 'brings in
per month' as the sum of the column kept per month ('internet hookup' as the internet service); 'churn outcome' as
the churned flag; the dearest items 'in the catalogue' as the products by price; the values that 'show up in' the
rows, each once; and a column said by what it tells ('the column that says when each person joined'). Each family
also holds wordings that must be said as not understood."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _aggregate(request: str, demo: Demo) -> dict[str, Any]:
    """The plan's one aggregate step (spellings folded before it allowed), checking every word was understood."""
    steps = [s for s in plan_steps(request, demo) if s["kind"] not in ("source", "derive")]
    assert [s["kind"] for s in steps] == ["aggregate"], steps
    return {"group_by": steps[0]["group_by"], "aggregations": steps[0]["aggregations"]}


# --- 'the middle value of' as the median ------------------------------------------------------------------------
MIDDLES = ["the middle value of {m}", "the middle {m}", "the midpoint of {m}", "the middle value of the {m}",
           "what is the middle value of {m}", "the middle figure of {m}"]  # fmt: skip
BY = [" per {g}", " for each {g}", " by {g}", " for every {g}", ", split by {g}"]
MEDIANS = [("units bought per order", "quantity", "status"), ("quantity", "quantity", "currency"),
           ("price", "price", "category"), ("monthly charges", "monthly_charges", "region"),
           ("income", "income", "contract"), ("tenure", "tenure_months", "payment method")]  # fmt: skip
GROUP_OF = {"payment method": "payment_method"}
MEDIAN_CASES = [
    (middle.format(m=said) + by.format(g=group), column, GROUP_OF.get(group, group))
    for middle, by, (said, column, group) in itertools.product(MIDDLES, BY, MEDIANS)
    if not (said.startswith("units") and (middle == "the middle {m}" or "split" in by))  # 'split' is churn's column
]


@pytest.mark.parametrize(("request_text", "column", "group"), MEDIAN_CASES, ids=[c[0] for c in MEDIAN_CASES])
def test_the_middle_value_is_the_median(request_text: str, column: str, group: str, demo: Demo) -> None:
    assert _aggregate(request_text, demo) == {
        "group_by": [group],
        "aggregations": [{"function": "median", "column": column}],
    }


def test_every_state_an_order_can_be_in_groups_by_status(demo: Demo) -> None:
    request = "the middle value of units bought per order, for every state an order can be in"
    assert _aggregate(request, demo)["group_by"] == ["status"]


# --- people said by what they bought ----------------------------------------------------------------------------
HOW_MANY = [
    "how many different people have {v} something",
    "how many people have {v} something from us",
    "how many people {v} from us, all told",
    "how many different people have ever {v} anything",
    "how many distinct people {v} something",
    "how many unique people have {v} from us",
]
VERBS = ["bought", "ordered", "purchased"]
HOW_MANY += ["how many customers have {v}", "how many clients {v} something", "how many customers have ever {v}"]
PEOPLE_CASES = [h.format(v=v) for h, v in itertools.product(HOW_MANY, VERBS)]


@pytest.mark.parametrize("request_text", PEOPLE_CASES)
def test_people_who_bought_are_the_distinct_buyers(request_text: str, demo: Demo) -> None:
    assert _aggregate(request_text, demo) == {
        "group_by": [],
        "aggregations": [{"function": "count_distinct", "column": "customer_id"}],
    }


def test_the_distinct_buyers_are_the_ids_the_orders_hold(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("how many different people have bought something from us, all told", demo, tmp_path)
    assert output.to_series(0).item() == demo.frames["orders"]["customer_id"].n_unique()


# --- what each group brings in per month ------------------------------------------------------------------------
BRINGS = ["what each {g} brings in per month, added up", "what each {g} brings in a month",
          "what each {g} brings in each month, added up", "how much each {g} brings in per month",
          "what each {g} generates per month, summed up"]  # fmt: skip
GROUPS = [("region", "region"), ("contract type", "contract"), ("kind of internet hookup", "internet_service"),
          ("internet connection", "internet_service"), ("payment method", "payment_method")]  # fmt: skip
BRING_CASES = [
    (brings.format(g=said), column) for brings, (said, column) in itertools.product(BRINGS, GROUPS)
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "group"), BRING_CASES, ids=[c[0] for c in BRING_CASES])
def test_what_each_group_brings_in_per_month_sums_the_monthly_column(request_text: str, group: str,
                                                                      demo: Demo) -> None:  # fmt: skip
    assert _aggregate(request_text, demo) == {
        "group_by": [group],
        "aggregations": [{"function": "sum", "column": "monthly_charges"}],
    }


ORDER_BRINGS = ["orders: what each {g} brings in per month", "what the orders from each {g} brought in each month",
                "orders: what each {g} earned per month"]  # fmt: skip
ORDER_BRING_CASES = [form.format(g=g) for form, g in itertools.product(ORDER_BRINGS, ["country", "currency"])]


@pytest.mark.parametrize("request_text", ORDER_BRING_CASES)
def test_what_orders_bring_in_per_month_is_their_revenue_by_month(request_text: str, demo: Demo) -> None:
    aggregate = _aggregate(request_text, demo)
    assert aggregate["aggregations"] == [{"function": "sum", "column": "total_revenue"}]
    assert "order_month" in aggregate["group_by"]


@pytest.mark.parametrize(
    "request_text", ["what each country brings in per month", "what each segment brings in a month"]
)
def test_what_rows_with_no_amount_bring_in_is_not_a_count(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_the_monthly_takings_per_internet_service_are_the_sums_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("what each kind of internet hookup brings in per month, added up", demo, tmp_path)
    churn = demo.frames["churn"]
    expected = churn.group_by("internet_service").agg(pl.col("monthly_charges").sum().alias("sum_monthly_charges"))
    same_rows(output, expected)


# --- the churn outcome as the churned flag ----------------------------------------------------------------------
OUTCOMES = ["the average {m} for each combination of contract type and churn {o}", "average {m} by churn {o}",
            "mean {m} per contract and churn {o}"]  # fmt: skip
OUTCOME_WORDS = ["outcome", "outcomes", "result", "status"]
MEASURED = [("tenure", "tenure_months"), ("support calls", "support_calls"), ("monthly charges", "monthly_charges")]
OUTCOME_CASES = [
    (form.format(m=said, o=word), column, ["contract", "churned"] if "contract" in form else ["churned"])
    for form, word, (said, column) in itertools.product(OUTCOMES, OUTCOME_WORDS, MEASURED)
]


@pytest.mark.parametrize(("request_text", "column", "groups"), OUTCOME_CASES, ids=[c[0] for c in OUTCOME_CASES])
def test_the_churn_outcome_is_the_churned_flag(request_text: str, column: str, groups: list[str], demo: Demo) -> None:
    assert _aggregate(request_text, demo) == {
        "group_by": groups,
        "aggregations": [{"function": "mean", "column": column}],
    }


# --- the dearest items in the catalogue -------------------------------------------------------------------------
DEAREST = [("dearest", True), ("priciest", True), ("most expensive", True), ("cheapest", False)]
COUNTS = [("five", 5), ("5", 5), ("three", 3), ("ten", 10)]
PLACES = ["items in the catalogue", "items in the catalog", "products in our catalogue", "things in the catalogue"]
CATALOGUE_CASES = [
    (f"the {n} {word} {place}", count, descending)
    for (word, descending), (n, count), place in itertools.product(DEAREST, COUNTS, PLACES)
]


@pytest.mark.parametrize(("request_text", "n", "descending"), CATALOGUE_CASES, ids=[c[0] for c in CATALOGUE_CASES])
def test_the_dearest_items_in_the_catalogue_are_products_by_price(request_text: str, n: int, descending: bool,
                                                                   demo: Demo) -> None:  # fmt: skip
    steps = [s for s in plan_steps(request_text, demo) if s["kind"] != "source"]
    assert steps == [{"kind": "sort", "by": [{"column": "price", "descending": descending}]}, {"kind": "limit", "n": n}]


def test_the_five_dearest_items_are_the_highest_prices(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("the five dearest items in the catalogue", demo, tmp_path)
    prices = demo.frames["products"]["price"].drop_nulls().sort(descending=True).head(5)
    assert output["price"].to_list() == prices.to_list()


# --- the values that show up in the rows, each once ---------------------------------------------------------------
PRESENT = [
    "which {c} show up in the {ds}",
    "Which {c} show up in the {ds}? Each one only once, please.",
    "which {c} appear in {ds}",
    "what {c} turn up in the {ds} data",
    "which {c} occur in the {ds} table",
]
PRESENT_COLUMNS = [("customer IDs", "customer_id", "orders"), ("product ids", "product_id", "orders"),
                   ("countries", "country", "customers"), ("categories", "category", "products"),
                   ("regions", "region", "churn")]  # fmt: skip
PRESENT_CASES = [
    (form.format(c=said, ds=ds), column)
    for form, (said, column, ds) in itertools.product(PRESENT, PRESENT_COLUMNS)
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "column"), PRESENT_CASES, ids=[c[0] for c in PRESENT_CASES])
def test_the_values_that_show_up_are_listed_once_each(request_text: str, column: str, demo: Demo) -> None:
    steps = [s for s in plan_steps(request_text, demo) if s["kind"] != "source"]
    assert steps == [{"kind": "select", "columns": [column]}, {"kind": "deduplicate", "keep": "first"}]


def test_the_customer_ids_in_the_orders_are_each_once(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("Which customer IDs show up in the orders? Each one only once, please.", demo, tmp_path)
    same_rows(output, demo.frames["orders"].select("customer_id").unique())


# --- a column said by what it tells -----------------------------------------------------------------------------
TELLS = [
    "the column that says when each person joined",
    "the column which shows when they signed up",
    "the field that records when each customer joined",
    "the column that tells you when each person joined",
]
TOLD_CASES = [
    f"the customer list, with {told} renamed to {new}"
    for told, new in itertools.product(TELLS, ["joined_on", "member_since"])
]


@pytest.mark.parametrize("request_text", TOLD_CASES)
def test_a_column_said_by_what_it_tells_is_that_column(request_text: str, demo: Demo) -> None:
    steps = [s for s in plan_steps(request_text, demo) if s["kind"] != "source"]
    assert steps == [{"kind": "rename", "columns": {"signup_date": request_text.rsplit(" ", 1)[1]}}]


MEASURE_REFUSED = [
    "the middle value of colour per category",  # no such column
    "the five dearest items in the catalogue of shoes",  # no such dataset
    "what each region brings in per week",  # no column kept per week
    "which shoe sizes show up in the orders",
    "the customer list, with the column that says when each person died renamed to died_on",
]


@pytest.mark.parametrize("request_text", MEASURE_REFUSED)
def test_a_measure_of_nothing_the_data_holds_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)
