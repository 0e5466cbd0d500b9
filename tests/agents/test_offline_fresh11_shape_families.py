"""The offline planner on fresh11's shaping families, each said many ways: 'half-dozen' as six; duplicates taken
away with 'minus'; 'cust' for customer; 'please state' as an ask; a dropped vowel fixed before a letter too many
('lowst' is lowest, not lost); 'within the X data' naming where the request works; blanks placed by a verb
('placing unknown dates at the end', the tied 'dates' settled by the sort's own date); columns said after
'alongside' ('what each one costs'); 'on average' at a clause's edge as the mean of the one amount. Each family also
holds wordings that must stay not understood (no such column or dataset, no sort to place blanks in)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _steps(request: str, demo: Demo) -> list[dict[str, Any]]:
    """The plan's nodes after its source, without ids, checking every word was understood."""
    return [step for step in plan_steps(request, demo) if step["kind"] != "source"]


# --- 'half-dozen' is six: 'the half-dozen biggest orders by takings' ---------------------------------------------
HALVES = ["half-dozen", "half dozen"]
RANKED = [("{lead} {half} biggest orders by revenue", "total_revenue", True),
          ("{lead} {half} priciest products", "price", True), ("{lead} {half} cheapest products", "price", False),
          ("{lead} {half} highest earners among our subscribers", "income", True)]  # fmt: skip
SIXES = [
    (phrase.format(lead=lead, half=half), column, down)
    for (phrase, column, down), half, lead in itertools.product(RANKED, HALVES, ["the", "a", "show the"])
]


@pytest.mark.parametrize(("request_text", "column", "down"), SIXES, ids=[s[0] for s in SIXES])
def test_half_dozen_ranks_six_rows(request_text: str, column: str, down: bool, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["sort", "limit"]
    assert steps[0]["by"] == [{"column": column, "descending": down}]
    assert steps[1]["n"] == 6


def test_the_half_dozen_biggest_orders_are_the_six_largest(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("the half-dozen biggest orders by takings", demo, tmp_path)
    expected = demo.frames["orders"].sort("total_revenue", descending=True, nulls_last=True).head(6)
    assert sorted(output["total_revenue"].to_list()) == sorted(expected["total_revenue"].to_list())


# --- duplicates taken away: 'customers minus exact dupes' ---------------------------------------------------------
MINUS = [f"{ds} minus {what}" for ds, what in itertools.product(
    ["customers", "orders", "products", "churn", "the customers"],
    ["exact dupes", "dupes", "duplicates", "the duplicates", "exact duplicates", "duplicate rows"])]  # fmt: skip


@pytest.mark.parametrize("request_text", MINUS)
def test_minus_duplicates_removes_whole_row_copies(request_text: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["deduplicate"]
    assert "keys" not in steps[0] or not steps[0]["keys"]


def test_customers_minus_exact_dupes_keeps_each_row_once(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("customers minus exact dupes", demo, tmp_path)
    same_rows(output, demo.frames["customers"].unique())


# --- 'cust' for customer, 'hw many' for how many ------------------------------------------------------------------
CUST = [(f"cust id {join} {b} {end}".strip(), ["customer_id", col])
        for (b, col), join, end in itertools.product([("email", "email"), ("phone", "phone"), ("city", "city")],
                                                      ["+", "and", ","], ["only", "please", ""])]  # fmt: skip


@pytest.mark.parametrize(("request_text", "columns"), CUST, ids=[c[0] for c in CUST])
def test_cust_is_customer(request_text: str, columns: list[str], demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["select"]
    assert steps[0]["columns"] == columns


@pytest.mark.parametrize("request_text", ["hw many ordrs per custmer citty", "hw many orders per customer city"])
def test_hw_many_counts(request_text: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert steps[-1]["kind"] == "aggregate"
    assert steps[-1]["group_by"] == ["city"]
    assert steps[-1]["aggregations"] == [{"function": "count"}]


# --- 'please state' asks: 'Please state the median subscriber income for every region.' ---------------------------
STATED = [
    (f"{lead} state the {fn} {what} for every {group}.", fn_name, column, group_column)
    for lead, (fn, fn_name), (what, column), (group, group_column) in itertools.product(
        ["Please", "Kindly", "Could you", "please could you"],
        [("median", "median"), ("average", "mean"), ("total", "sum"), ("highest", "max")],
        [("subscriber income", "income"), ("monthly charges", "monthly_charges")],
        [("region", "region"), ("internet service", "internet_service")],
    )
]


@pytest.mark.parametrize(("request_text", "fn", "column", "group"), STATED, ids=[s[0] for s in STATED])
def test_please_state_asks_for_the_summary(request_text: str, fn: str, column: str, group: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["aggregate"]
    assert steps[0]["group_by"] == [group]
    assert steps[0]["aggregations"] == [{"function": fn, "column": column}]


# --- a dropped vowel beats a letter too many: 'ordres sortd by unit prise, lowst on top' -------------------------
TYPED = [
    (f"{ds} sortd by {col}, {end} on top", column, down)
    for (ds, col, column), (end, down) in itertools.product(
        [("ordres", "unit prise", "unit_price"), ("ordrs", "quantiy", "quantity"), ("prodcts", "prise", "price")],
        [("lowst", False), ("highst", True), ("lowest", False), ("highest", True)],
    )
]


@pytest.mark.parametrize(("request_text", "column", "down"), TYPED, ids=[t[0] for t in TYPED])
def test_typed_ends_on_top_sort(request_text: str, column: str, down: bool, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["sort"]
    assert steps[0]["by"] == [{"column": column, "descending": down}]


# --- 'within the churn data': where the request works, said before it ---------------------------------------------
WITHIN = [
    (f"{lead} {owner}{ds}{noun}, rename {old} to {new}", {old: new})
    for lead, owner, noun, (ds, old, new) in itertools.product(
        ["Within", "within", "Inside"],
        ["the ", ""],
        [" data", " table", " dataset", ""],
        [("churn", "monthly_charges", "monthly_fee"), ("orders", "quantity", "units"), ("products", "price", "cost")],
    )
]


@pytest.mark.parametrize(("request_text", "renames"), WITHIN, ids=[w[0] for w in WITHIN])
def test_within_the_dataset_names_where_it_works(request_text: str, renames: dict[str, str], demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["rename"]
    assert steps[0]["columns"] == renames


def test_within_the_churn_data_renames_two(demo: Demo) -> None:
    steps = _steps(
        "Within the churn data, kindly rename monthly_charges to monthly_fee and tenure_months to months_active.", demo
    )
    renamed = {"monthly_charges": "monthly_fee", "tenure_months": "months_active"}
    assert steps == [{"kind": "rename", "columns": renamed}]


@pytest.mark.parametrize("request_text", ["within the planets data, sort by price", "orders within 30 days"])
def test_within_what_no_dataset_is_stays_unread(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- blanks placed by a verb: 'placing unknown dates at the end' --------------------------------------------------
PLACINGS = [
    (f"sort the {ds} by {said}, {way} first, {verb} {blank} {what} {end}", column, down, last)
    for (ds, said, what, column), (way, down), verb, blank, (end, last) in itertools.product(
        [("customers", "date of birth", "dates", "birth_date"), ("products", "price", "prices", "price"),
         ("churn", "income", "incomes", "income")],
        [("highest", True), ("lowest", False)],
        ["placing", "putting", "with"],
        ["unknown", "missing", "blank"],
        [("at the end", True), ("at the top", False)],
    )
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "column", "down", "last"), PLACINGS, ids=[p[0] for p in PLACINGS])
def test_blanks_placed_by_a_verb(request_text: str, column: str, down: bool, last: bool, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["sort"]
    expected: dict[str, Any] = {"column": column, "descending": down}
    if not last:
        expected["nulls_last"] = False
    assert steps[0]["by"] == [expected]


def test_eldest_first_with_unknown_dates_last(demo: Demo) -> None:
    steps = _steps("Order the customers by date of birth, eldest first, placing unknown dates at the end.", demo)
    assert steps == [{"kind": "sort", "by": [{"column": "birth_date", "descending": False}]}]


@pytest.mark.parametrize(
    "request_text",
    ["sort customers by city, placing unknown dates at the end", "the customers, placing unknown dates at the end"],
)
def test_tied_blanks_without_their_sort_stay_unread(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- columns said after 'alongside': 'the product names alongside what each one costs' ---------------------------
ALONGSIDE = [
    (f"{lead} the product names {join} {what}", ["name", "price"])
    for lead, join, what in itertools.product(
        ["Could I see only", "show", "just", "list"],
        ["alongside", "beside", "plus", "and"],
        ["what each one costs", "what each costs", "how much each one costs", "what it costs"],
    )
]


@pytest.mark.parametrize(("request_text", "columns"), ALONGSIDE, ids=[a[0] for a in ALONGSIDE])
def test_a_column_said_by_what_it_tells_after_alongside(request_text: str, columns: list[str], demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["select"]
    assert sorted(steps[0]["columns"]) == sorted(columns)


# --- 'on average' at a clause's edge: 'what do they pay a month on average' ----------------------------------------
AVERAGED = [
    (phrase.format(who=who, per=per), group)
    for (phrase, group), who, per in itertools.product(
        [("On average, what does {who} pay us {per}?", None), ("what does {who} pay {per} on average?", None),
         ("For each region, what does {who} pay {per} on average?", "region"),
         ("what does {who} pay {per} on average, per contract type", "contract")],
        ["a subscriber", "each subscriber", "every subscriber"],
        ["each month", "a month", "per month"],
    )
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "group"), AVERAGED, ids=[a[0] for a in AVERAGED])
def test_on_average_is_the_mean_of_the_monthly_amount(request_text: str, group: str | None, demo: Demo) -> None:
    steps = [s for s in _steps(request_text, demo) if s["kind"] != "derive"]  # 'contract type' tidied first
    assert [s["kind"] for s in steps] == ["aggregate"]
    assert steps[0]["group_by"] == ([group] if group else [])
    assert steps[0]["aggregations"] == [{"function": "mean", "column": "monthly_charges"}]


def test_count_and_average_pay_per_internet_service(demo: Demo, tmp_path: Path) -> None:
    request = (
        "For each kind of internet service, how many subscribers are there and what do they pay a month on average?"
    )
    _, output = answer(request, demo, tmp_path)
    expected = demo.frames["churn"].group_by("internet_service").agg(pl.len(), pl.col("monthly_charges").mean())
    assert output.height == expected.height
    got = sorted(v for v in output[next(c for c in output.columns if "monthly" in c)].to_list() if v is not None)
    want = sorted(v for v in expected["monthly_charges"].to_list() if v is not None)
    assert got == pytest.approx(want)


@pytest.mark.parametrize(
    "request_text",
    ["orders on average", "customers on average", "orders with quantity over 5 on average",
     "customers aged over 30, on average", "subscribers with income above 5000 on average"],
)  # fmt: skip
def test_on_average_of_no_amount_stays_unread(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- an amount said with its unit: 'the smallest and largest order size, in units, for every destination country' -
SIZES = [
    (f"the {fns} order size{unit} for every {group}", functions, group_column)
    for (fns, functions), unit, (group, group_column) in itertools.product(
        [("smallest and largest", ["min", "max"]), ("average", ["mean"]), ("median", ["median"])],
        [", in units,", "", " in units"],
        [("destination country", "country"), ("country", "country"), ("order status", "status")],
    )
]


@pytest.mark.parametrize(("request_text", "functions", "group"), SIZES, ids=[s[0] for s in SIZES])
def test_order_size_is_the_quantity(request_text: str, functions: list[str], group: str, demo: Demo) -> None:
    steps = [s for s in _steps(request_text, demo) if s["kind"] != "derive"]
    assert [s["kind"] for s in steps] == ["aggregate"]
    assert steps[0]["group_by"] == [group]
    assert steps[0]["aggregations"] == [{"function": fn, "column": "quantity"} for fn in functions]
