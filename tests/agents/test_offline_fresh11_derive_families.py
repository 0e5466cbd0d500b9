"""The offline planner on fresh11's derived columns, joined columns, tests and reasons, each family said many ways:
a new column's formula in brackets ('products + price_cents (price x 100)'); 'indicator' or 'marker' for a flag;
the words that place a joined column beside the rows ("buyer's email tacked on", 'written next to it'); a verb
before 'only' ('counting only orders from 2023'); 'agreement' for a contract and 'holding' for 'with'; and work said
to be near ('quarterly review coming up'), a reason that must not group by quarter. Each family also holds wordings
that must be said as not understood."""

from __future__ import annotations

import itertools
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _steps(request: str, demo: Demo) -> list[dict]:
    """The plan's steps past its sources, checking every word was understood."""
    return [step for step in plan_steps(request, demo) if step["kind"] != "source"]


# --- a new column's formula in brackets -------------------------------------------------------------------------
BRACKET_LEADS = ["{ds} + {name} ({expr})", "{ds} plus {name} ({expr})", "{ds}, add {name} ({expr})",
                 "{ds} with {name} ({expr})", "{ds}, add a new column {name} ({expr})"]  # fmt: skip
FORMULAS = [("products", "price {op} {n}", "price"), ("orders", "total revenue {op} {n}", "total_revenue"),
            ("orders", "quantity {op} {n}", "quantity"),
            ("churn", "monthly charges {op} {n}", "monthly_charges")]  # fmt: skip
OPERATORS = [("x", "*"), ("times", "*"), ("/", "/"), ("plus", "+"), ("minus", "-")]
BRACKETED = [
    (lead.format(ds=ds, name=name, expr=phrase.format(op=said, n=n)), name, f"{column} {op} {n}")
    for lead, (ds, phrase, column), (said, op), n, name in itertools.product(
        BRACKET_LEADS, FORMULAS, OPERATORS, ["100"], ["new_figure"]
    )
]


@pytest.mark.parametrize(("request_text", "name", "expression"), BRACKETED, ids=[b[0] for b in BRACKETED])
def test_a_formula_in_brackets_is_a_new_column(request_text: str, name: str, expression: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["derive"], steps
    assert steps[0]["columns"] == {name: expression}


BRACKETS_REFUSED = ["products + price_cents (colour x 100)", "products + price_cents (price x)",
                    "orders + big (shoe size times 2)", "products + category (price x 100)"]  # fmt: skip


@pytest.mark.parametrize("request_text", BRACKETS_REFUSED)
def test_a_formula_that_cannot_be_built_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_a_formula_in_brackets_computes_the_rows(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("products + price_cents (price x 100)", demo, tmp_path)
    products = demo.frames["products"]
    same_rows(output, products.select("product_id", (pl.col("price") * 100).alias("price_cents")))


# --- 'indicator' and 'marker' for a flag ------------------------------------------------------------------------
FLAG_LEADS = ["Append a {name} {word} to the orders: true where ", "add a {name} {word} to orders, true when ",
              "add an {word} to orders true where "]  # fmt: skip
FLAG_TESTS = [("the total revenue exceeds {n}", "total_revenue > {v}"), ("quantity is over {n}", "quantity > {v}"),
              ("the unit price is more than {n}", "unit_price > {v}")]  # fmt: skip
FLAG_NUMBERS = [("five hundred", "500"), ("twenty", "20")]
OTHERWISE = [("", "{c}"), (", false otherwise", "coalesce({c}, false)"), (", otherwise false", "coalesce({c}, false)")]
FLAGS = [
    (
        lead.format(name=name, word=word)
        + test.format(n=said)
        + tail
        + ("" if "{name}" in lead else f", call it {name}"),
        name,
        shape.format(c=condition.format(v=value)),
    )
    for lead, word, (test, condition), (said, value), (tail, shape), name in itertools.product(
        FLAG_LEADS, ["indicator", "marker"], FLAG_TESTS, FLAG_NUMBERS, OTHERWISE, ["high_value"]
    )
]


@pytest.mark.parametrize(("request_text", "name", "expression"), FLAGS, ids=[f[0] for f in FLAGS])
def test_an_indicator_is_a_flag(request_text: str, name: str, expression: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["derive"], steps
    assert steps[0]["columns"] == {name: expression}


def test_an_indicator_computes_the_rows(demo: Demo, tmp_path: Path) -> None:
    request = (
        "Append a high_value indicator to the orders: true where the total revenue exceeds five hundred, "
        "false otherwise."
    )
    _, output = answer(request, demo, tmp_path)
    orders = demo.frames["orders"]
    expected = orders.select("order_id", (pl.col("total_revenue") > 500).fill_null(False).alias("high_value"))
    same_rows(output, expected)


# --- words that place a joined column beside the rows -----------------------------------------------------------
PLACED = ["tacked on", "bolted on", "added on", "stuck on the end", "written next to it", "put beside it",
          "glued on"]  # fmt: skip
OWNED = [("orders, buyer's email {p}", ["customer_id", "email"]),
         ("orders with the customer's segment {p}", ["customer_id", "segment"]),
         ("every purchase with the item's name and its category {p}", ["product_id", "name", "category"]),
         ("orders with the product category {p}", ["product_id", "category"])]  # fmt: skip
PLACINGS = [(phrase.format(p=p), columns) for (phrase, columns), p in itertools.product(OWNED, PLACED)]


@pytest.mark.parametrize(("request_text", "columns"), PLACINGS, ids=[p[0] for p in PLACINGS])
def test_placing_words_leave_the_joined_column(request_text: str, columns: list[str], demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["select", "join"], steps
    assert steps[0]["columns"] == columns and steps[1]["how"] == "left"


PLACING_REFUSED = ["orders tacked on", "orders, buyer's shoe size tacked on", "orders written next to it"]
# 'attached' is a test of the rows, never a placing: 'orders with a product id attached'
ATTACHED_TESTS = ["orders with a product id attached", "orders, buyer's email attached"]


@pytest.mark.parametrize("request_text", PLACING_REFUSED)
def test_placing_words_with_no_column_are_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


@pytest.mark.parametrize("request_text", ATTACHED_TESTS)
def test_attached_is_no_placing(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    kinds = [n["kind"] for n in (planned.definition or {}).get("nodes", [])]
    assert planned.not_understood or "filter" in kinds, planned.definition


def test_a_tacked_on_column_joins_the_rows(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders, buyer's email tacked on", demo, tmp_path)
    orders, customers = demo.frames["orders"], demo.frames["customers"]
    owners = customers.select("customer_id", "email")  # a left join: an order of a repeated customer id repeats
    same_rows(output, orders.join(owners, on="customer_id", how="left").select("order_id", "email"))


# --- a verb before 'only' ---------------------------------------------------------------------------------------
ONLY_VERBS = ["counting", "including", "considering", "covering", "using"]
ONLY_WORDS = ["only", "just"]
ONLY_TESTS = [("orders from {y}", "(order_date >= '{y}-01-01' and order_date < '{n}-01-01')"),
              ("the shipped ones", "lower(trim(status)) = 'shipped'")]  # fmt: skip
ONLY_ASKS = [("count orders by country, ", ["country"], {"function": "count"}),
             ("total quantity by country, ", ["country"], {"function": "sum", "column": "quantity"})]  # fmt: skip
ONLYS = [
    (ask + f"{verb} {only} " + test.format(y=year), condition.format(y=year, n=year + 1), groups, aggregation)
    for verb, only, (test, condition), (ask, groups, aggregation), year in itertools.product(
        ONLY_VERBS, ONLY_WORDS, ONLY_TESTS, ONLY_ASKS, [2023, 2024]
    )
]


@pytest.mark.parametrize(("request_text", "condition", "groups", "aggregation"), ONLYS, ids=[o[0] for o in ONLYS])
def test_a_verb_before_only_is_the_test(
    request_text: str, condition: str, groups: list[str], aggregation: dict, demo: Demo
) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["filter", "aggregate"], steps
    assert steps[0]["condition"] == condition
    assert steps[1]["group_by"] == groups and steps[1]["aggregations"] == [aggregation]


@pytest.mark.parametrize(
    "request_text", ["orders counting only", "count orders, counting only", "count orders, including just"]
)
def test_a_verb_before_only_with_nothing_after_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'agreement' for a contract, 'holding' for 'with' -----------------------------------------------------------
HOLD_LEADS = ["I would like to see every subscriber holding a {v} {n}.", "subscribers holding a {v} {n}",
              "every subscriber with a {v} {n}", "churn: subscribers on a {v} {n}"]  # fmt: skip
CONTRACTS = [("two-year", "lower(trim(contract)) in ('two-year', '2 year')"),
             ("one-year", "lower(trim(contract)) in ('one-year', 'one year')"),
             ("month-to-month", "lower(trim(contract)) in ('month-to-month', 'm2m', 'month to month')")]  # fmt: skip
HOLDINGS = [
    (lead.format(v=value, n=noun), condition)
    for lead, (value, condition), noun in itertools.product(HOLD_LEADS, CONTRACTS, ["agreement", "contract"])
]


@pytest.mark.parametrize(("request_text", "condition"), HOLDINGS, ids=[h[0] for h in HOLDINGS])
def test_holding_an_agreement_tests_the_contract(request_text: str, condition: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["filter"], steps
    assert steps[0]["condition"] == condition


@pytest.mark.parametrize("request_text", ["orders holding a two-year agreement", "orders holding a gold tier"])
def test_holding_what_no_dataset_has_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- work said to be near is a reason, never a grouping ---------------------------------------------------------
NEAR_WORK = ["quarterly review coming up", "the quarterly review is coming up", "monthly report due friday",
             "board meeting looming", "weekly sync coming up", "the annual audit is around the corner"]  # fmt: skip
NEAR_ASKS = [("total quantity by country for {y}", ["country"], {"function": "sum", "column": "quantity"}),
             ("count orders by status in {y}", ["status"], {"function": "count"})]  # fmt: skip
NEARS = [
    (ask.format(y=year) + sep + work + tail, groups, aggregation)
    for (ask, groups, aggregation), work, sep, tail, year in itertools.product(
        NEAR_ASKS, NEAR_WORK, [", ", " - "], ["", ", thanks"], [2023]
    )
]


@pytest.mark.parametrize(("request_text", "groups", "aggregation"), NEARS, ids=[n[0] for n in NEARS])
def test_work_said_to_be_near_groups_nothing(
    request_text: str, groups: list[str], aggregation: dict, demo: Demo
) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps if s["kind"] != "derive"] == ["filter", "aggregate"], steps
    assert steps[-1]["group_by"] == groups and steps[-1]["aggregations"] == [aggregation]
    assert not any("quarter" in str(s) or "date_trunc" in str(s) for s in steps), steps  # a reason groups nothing


def test_units_per_segment_counting_only_one_year(demo: Demo, tmp_path: Path) -> None:
    request = (
        "hiya, could you total up the units bought by each customer segment, counting only orders from 2023? "
        "quarterly review coming up, thanks"
    )
    _, output = answer(request, demo, tmp_path)
    orders, customers = demo.frames["orders"], demo.frames["customers"]
    owners = customers.select("customer_id", "segment")
    kept = orders.filter(pl.col("order_date").dt.year() == 2023).join(owners, on="customer_id", how="left")
    expected = kept.group_by("segment").agg(pl.col("quantity").sum())
    quantity = next(c for c in output.columns if c != "segment")
    same_rows(output.rename({quantity: "quantity"}), expected)


# --- how many days it took: the days from the rows' own date to the other -------------------------------------
TOOK_LEADS = ["Can every order also show ", "orders with ", "every order with ", "for each order, "]
TOOK = ["how many days it took to ship", "how many days it took to ship?", "how long it took to ship",
        "how many days it takes to ship", "how many days did it take to ship"]  # fmt: skip
TOOKS = [lead + phrase for lead, phrase in itertools.product(TOOK_LEADS, TOOK)]


@pytest.mark.parametrize("request_text", TOOKS)
def test_how_many_days_it_took_is_the_days_between(request_text: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert steps == [{"kind": "derive", "columns": {"days_to_ship": "date_diff('day', order_date, ship_date)"}}]


# the rows' own date is no start for another dataset's date: customers joined to orders' ship date is no duration
TOOK_REFUSED = ["customers with how long it took to ship", "customers with how many days it took to ship",
                "orders with how many days it took to colour"]  # fmt: skip


@pytest.mark.parametrize("request_text", TOOK_REFUSED)
def test_days_to_another_datasets_date_are_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_how_many_days_it_took_computes_the_rows(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("Can every order also show how many days it took to ship?", demo, tmp_path)
    orders = demo.frames["orders"]
    days = (pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias("days_to_ship")
    same_rows(output, orders.select("order_id", days))


# --- gaps said of '<dataset> rows', filled with a text ----------------------------------------------------------
GAP_ROWS = [("some customer {r} are missing a {c}", "customers"), ("a few order {r} have no {c}", "orders")]
GAP_COLUMNS = {"customers": ["city", "country", "segment"], "orders": ["country", "status"]}
GAP_FILLS = [" - could you write '{v}' into those?", ", set them to '{v}'", ", could you put '{v}' in those?"]
GAPS = [
    (rows.format(r=r, c=column) + fill.format(v=value), column, value)
    for (rows, ds), r, fill, value in itertools.product(GAP_ROWS, ["rows", "records"], GAP_FILLS, ["Unknown", "TBC"])
    for column in GAP_COLUMNS[ds]
]


@pytest.mark.parametrize(("request_text", "column", "value"), GAPS, ids=[g[0] for g in GAPS])
def test_gaps_of_dataset_rows_are_filled(request_text: str, column: str, value: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert steps == [{"kind": "fill_missing", "columns": {column: {"strategy": "constant", "value": value}}}]


@pytest.mark.parametrize(
    "request_text", ["some customer rows are missing a shoe size - could you write 'X' into those?"]
)
def test_gaps_of_no_column_are_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- reasons that cannot change the plan ------------------------------------------------------------------------
REASON_ASKS = [("customers with no city", "city is null"), ("orders under 10 total revenue", "total_revenue < 10")]
REASONS = ["hunting for tiny baskets", "our map widget falls over on empties", "the export tool falls over on blanks",
           "on the hunt for oddities", "just hunting down weirdness"]  # fmt: skip
REASONED = [
    (ask + sep + reason + tail, condition)
    for (ask, condition), reason, sep, tail in itertools.product(REASON_ASKS, REASONS, [", ", ". "], ["", ", cheers"])
]


@pytest.mark.parametrize(("request_text", "condition"), REASONED, ids=[r[0] for r in REASONED])
def test_a_reason_changes_nothing(request_text: str, condition: str, demo: Demo) -> None:
    assert _steps(request_text, demo) == [{"kind": "filter", "condition": condition}]


# a reason naming a value or a test is said back, never dropped
REASONS_SAID = ["orders under 10 total revenue, hunting for tiny baskets in germany",
                "orders, our dashboard falls over on orders over 500"]  # fmt: skip


@pytest.mark.parametrize("request_text", REASONS_SAID)
def test_a_reason_that_names_data_is_said(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'since' said of a change: 'who have since churned' ---------------------------------------------------------
SINCE_DONE = [("subscribers who have since churned", "churned = 1"), ("orders that have since shipped",
              "ship_date is not null"), ("churn: the ones who have since churned", "churned = 1")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "condition"), SINCE_DONE)
def test_since_of_a_change_is_no_date(request_text: str, condition: str, demo: Demo) -> None:
    assert _steps(request_text, demo) == [{"kind": "filter", "condition": condition}]


def test_since_a_year_stays_a_date(demo: Demo) -> None:
    refused("subscribers who have churned since 2023", demo)  # churn holds no date: said, never dropped
