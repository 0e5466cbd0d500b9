"""The offline planner on wording families of reshaping, ranking and summaries, each said many ways: renames said as
'X called Y' or 'with X as Y' (several joined by 'and'); sorts said as letter ranges ('a-z', 'Z - A'); the N rows
that brought in the most or least money, the number said in words; the dearest and cheapest of a measure per group;
whole-row duplicates said as rows that appear twice or are identical in every column; 'how often ... ring support
on average, split by ...' as the mean of the contact count; and the places rows were sent to, each once. Each family
also holds wordings that must be said as not understood (no such column, nothing to average, no rows sent)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _steps(request: str, demo: Demo) -> list[dict[str, Any]]:
    """The plan's nodes after its source, without ids, checking every word was understood."""
    return [step for step in plan_steps(request, demo) if step["kind"] != "source"]


def _kinds(steps: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [s for s in steps if s["kind"] == kind]


# --- renames: 'X called Y instead', 'with X as Y', 'X labelled Y', several joined by 'and' or commas -------------
RENAMED = [("orders", "total_revenue", "revenue", "quantity", "units"),
           ("products", "price", "list_price", "name", "title"),
           ("churn", "monthly_charges", "bill", "tenure_months", "months_stayed")]  # fmt: skip
LEADS = ["{ds} but with", "the {ds} table with", "{ds} with", "show {ds} with"]
CALLED = ["called {new}", "called {new} instead", "named {new}", "labelled {new}", "renamed to {new}", "as {new}"]
JOINERS = [" and ", ", ", ", and "]
RENAMES = [
    (f"{lead.format(ds=ds)} {old} {called.format(new=new)}{joiner}{old2} {called.format(new=new2)}",
     {old: new, old2: new2})
    for (ds, old, new, old2, new2), lead, called, joiner in itertools.product(RENAMED, LEADS, CALLED, JOINERS)
    if not (called.startswith("as") and lead.startswith("show"))
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "mapping"), RENAMES, ids=[r[0] for r in RENAMES])
def test_a_column_called_something_instead_is_renamed(request_text: str, mapping: dict[str, str], demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["rename"]
    assert steps[0]["columns"] == mapping


def test_a_rename_said_as_called_renames_the_rows(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("the orders table, but with quantity called units instead", demo, tmp_path)
    assert "units" in output.columns and "quantity" not in output.columns
    assert output["units"].sum() == demo.frames["orders"]["quantity"].sum()


RENAME_REFUSED = [
    f"{ds} with the {old} called {new}"
    for ds, old, new in [
        ("products", "colour", "shade"),
        ("orders", "discount", "rebate"),
        ("churn", "plan_name", "plan"),
    ]
]
RENAME_REFUSED += ["customers with a segment called retail", "orders with status as shipped"]  # values, not names


@pytest.mark.parametrize("request_text", RENAME_REFUSED)
def test_a_name_given_to_no_column_is_not_a_rename(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    renames = [n for n in (planned.definition or {}).get("nodes", []) if n["kind"] == "rename"]
    assert not renames
    assert planned.not_understood


# --- sorts said by letter range: 'a-z', 'Z - A', 'A to Z' ------------------------------------------------------
SORTED = [("products", "name"), ("customers", "city"), ("churn", "region"), ("orders", "status")]
ASCENDING = ["a-z", "A-Z", "a - z", "A to Z", "alphabetically", "from a to z"]
DESCENDING = ["z-a", "Z-A", "z - a", "Z to A"]
VERBS = ["{ds} sorted by {col} {d}", "{ds} ordered by {col} {d}", "sort {ds} by {col} {d}"]
LETTER_SORTS = [
    (verb.format(ds=ds, col=col, d=d), col, d in DESCENDING)
    for (ds, col), d, verb in itertools.product(SORTED, [*ASCENDING, *DESCENDING], VERBS)
]


@pytest.mark.parametrize(("request_text", "column", "descending"), LETTER_SORTS, ids=[s[0] for s in LETTER_SORTS])
def test_a_letter_range_says_the_sort_direction(request_text: str, column: str, descending: bool, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert _kinds(steps, "sort") == [{"kind": "sort", "by": [{"column": column, "descending": descending}]}]


@pytest.mark.parametrize("request_text", ["products sorted by colour a-z", "customers ordered by nickname z-a"])
def test_a_letter_range_of_no_column_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- the N rows that brought in the most or least money -----------------------------------------------------
NUMBERS = {"ten": 10, "five": 5, "twenty": 20, "3": 3, "twelve": 12}
ROWS = ["sales", "orders", "purchases"]
EARNED = ["brought in", "made", "earned", "generated", "took in", "made us"]
AMOUNTS = ["money", "revenue", ""]
EARNERS = [
    (f"the {word} {rows} that {verb} the {end} {amount}".strip(), n, end == "most")
    for (word, n), rows, verb, end, amount in itertools.product(
        NUMBERS.items(), ROWS, EARNED, ["most", "least"], AMOUNTS
    )
    if (rows, amount) in {("sales", "money"), ("orders", "revenue"), ("purchases", "")}
]


@pytest.mark.parametrize(("request_text", "n", "descending"), EARNERS, ids=[e[0] for e in EARNERS])
def test_the_rows_that_brought_in_the_most_are_ranked_by_their_amount(
    request_text: str, n: int, descending: bool, demo: Demo
) -> None:
    steps = _steps(request_text, demo)
    assert _kinds(steps, "sort") == [{"kind": "sort", "by": [{"column": "total_revenue", "descending": descending}]}]
    assert _kinds(steps, "limit") == [{"kind": "limit", "n": n}]


def test_the_ten_sales_that_brought_in_least_are_the_ten_smallest(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("the ten purchases that made the least money", demo, tmp_path)
    expected = demo.frames["orders"].sort("total_revenue").head(10).select("total_revenue")
    same_rows(output, expected)


EARNERS_REFUSED = [
    "the five products that brought in the most",  # a product's price is no money it brought in
    "the 3 products that earned the most revenue",  # revenue is the orders' column
    "the ten customers who brought in the most money",  # a total per customer, not a row's amount
]


@pytest.mark.parametrize("request_text", EARNERS_REFUSED)
def test_rows_that_brought_in_no_amount_of_their_own_are_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- the dearest and the cheapest of a measure per group ----------------------------------------------------------
HIGH = ["dearest", "priciest", "costliest", "highest"]
LOW = ["cheapest", "lowest"]
PER = ["within each product category", "per category", "for each category", "in every category"]
RANGES = [
    (f"the {first} and the {second} {measure} {per}", [first in HIGH, second in HIGH])
    for high, low, per, measure in itertools.product(HIGH, LOW, PER, ["price", "list price"])
    for first, second in ((high, low), (low, high))
    if (high, low) != ("highest", "lowest")
]


@pytest.mark.parametrize(("request_text", "highs"), RANGES, ids=[r[0] for r in RANGES])
def test_the_dearest_and_cheapest_are_the_max_and_min_per_group(
    request_text: str, highs: list[bool], demo: Demo
) -> None:
    aggregate = _kinds(_steps(request_text, demo), "aggregate")
    assert len(aggregate) == 1 and aggregate[0]["group_by"] == ["category"]
    expected = [{"function": "max" if high else "min", "column": "price"} for high in highs]
    assert aggregate[0]["aggregations"] == expected


def test_the_dearest_and_cheapest_price_per_category_are_its_ends(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("the dearest and the cheapest price within each category", demo, tmp_path)
    assert len(output) >= 5
    prices = demo.frames["products"]["price"]
    assert set(output.select(pl.exclude("category")).to_numpy().ravel()) <= set(prices.drop_nulls().to_list())


@pytest.mark.parametrize("request_text", ["the dearest and the cheapest colour per category",
                                          "the dearest and cheapest shipping fee within each category"])  # fmt: skip
def test_the_ends_of_no_column_are_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- whole-row duplicates said as rows that appear twice or are identical in every column ------------------------
REMOVE = ["get rid of", "remove", "drop", "delete", "take out"]
COPIED = [
    "appear twice",
    "show up more than once",
    "occur multiple times",
    "are identical in every column",
    "are exact copies",
    "appear twice, identical in every column",
    "are exactly the same in all columns",
]
COPIES = [
    (f"{verb} the {ds} that {said}", ds)
    for verb, ds, said in itertools.product(REMOVE, ["orders", "products", "customers"], COPIED)
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset"), COPIES, ids=[c[0] for c in COPIES])
def test_rows_that_appear_twice_are_whole_row_duplicates(request_text: str, dataset: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.not_understood == [], planned.not_understood
    nodes = planned.definition["nodes"]
    assert nodes[0] == {"id": nodes[0]["id"], "kind": "source", "dataset": dataset}
    dedupes = [n for n in nodes if n["kind"] == "deduplicate"]
    assert len(dedupes) == 1 and "keys" not in dedupes[0]
    assert [n["kind"] for n in nodes if n["kind"] not in ("source", "deduplicate")] == []


def test_orders_identical_in_every_column_are_kept_once(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("get rid of the orders that appear twice, identical in every column", demo, tmp_path)
    assert len(output) == len(demo.frames["orders"].unique())


@pytest.mark.parametrize("request_text", ["remove the order ids that appear twice",
                                          "remove customers that appear in the orders twice"])  # fmt: skip
def test_a_column_that_repeats_is_no_whole_row_copy(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'how often ... ring support on average', split by a group -------------------------------------------------
OFTEN = [
    "how often do subscribers {verb} on average",
    "how often subscribers {verb} on average",
    "how many times on average do subscribers {verb}",
    "how frequently do our subscribers {verb} on average",
]
CONTACTED = ["ring support", "call support", "phone us", "contact the helpdesk", "get in touch with support"]
SPLITS = {
    "": [],
    ", split by the kind of contract they're on": ["contract"],
    ", broken down by region": ["region"],
    " per payment method": ["payment_method"],
    ", split by internet service": ["internet_service"],
}
AVERAGES = [
    (opener.format(verb=verb) + split, groups)
    for opener, verb, (split, groups) in itertools.product(OFTEN, CONTACTED, SPLITS.items())
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "groups"), AVERAGES, ids=[a[0] for a in AVERAGES])
def test_how_often_on_average_is_the_mean_contact_count(request_text: str, groups: list[str], demo: Demo) -> None:
    aggregate = _kinds(_steps(request_text, demo), "aggregate")
    assert aggregate == [
        {"kind": "aggregate", "group_by": groups, "aggregations": [{"function": "mean", "column": "support_calls"}]}
    ]


def test_the_mean_contact_count_per_region_runs(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("how often subscribers ring support on average, broken down by region", demo, tmp_path)
    expected = demo.frames["churn"].group_by("region").agg(pl.col("support_calls").mean().alias("mean_support_calls"))
    same_rows(output, expected)


AVERAGES_REFUSED = [
    "how often do subscribers ring support",  # a total or a mean? said, not guessed
    "how often do customers contact the helpdesk on average",  # no count of contacts among customers
    "how often do subscribers call Anna on average",  # someone no column counts
]


@pytest.mark.parametrize("request_text", AVERAGES_REFUSED)
def test_how_often_with_nothing_to_average_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- the places the rows were sent to, each once ------------------------------------------------------------
EVERY = ["every country", "each country", "the countries", "all the countries"]
SENT = [
    "we've shipped orders to",
    "we have sent orders to",
    "orders were shipped to",
    "our orders have been sent to",
    "we dispatched orders to",
    "orders got delivered to",
]
ONCE = ["", ", just once each", " once each", ", each once", " with no repeats"]
PLACES = [f"{lead} {sent}{once}" for lead, sent, once in itertools.product(EVERY, SENT, ONCE)]


@pytest.mark.parametrize("request_text", PLACES)
def test_the_countries_orders_were_sent_to_are_listed_once(request_text: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert steps == [{"kind": "select", "columns": ["country"]}, {"kind": "deduplicate", "keep": "first"}]


def test_every_country_orders_went_to_is_each_value_once(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("list every country we've shipped orders to, just once each", demo, tmp_path)
    same_rows(output, demo.frames["orders"].select("country").unique())


@pytest.mark.parametrize(("request_text", "function"), [
    ("the total revenue for each country our orders were sent to", "sum"),
    ("average quantity per country we've shipped orders to", "mean"),
])  # fmt: skip
def test_places_sent_to_in_a_summary_are_its_groups(request_text: str, function: str, demo: Demo) -> None:
    aggregate = _kinds(_steps(request_text, demo), "aggregate")
    assert len(aggregate) == 1 and aggregate[0]["group_by"] == ["country"]
    assert aggregate[0]["aggregations"][0]["function"] == function


PLACES_REFUSED = [
    "the cities we've delivered orders to",  # the customers' city is not where an order went
    "the countries we shipped customers to",  # customers are never sent anywhere
    "every region we have shipped orders to",  # no region column among the orders
]


@pytest.mark.parametrize("request_text", PLACES_REFUSED)
def test_places_the_rows_do_not_hold_are_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_once_each_after_listed_columns_is_distinct(demo: Demo) -> None:
    steps = _steps("products name and category, once each", demo)
    assert steps == [{"kind": "select", "columns": ["name", "category"]}, {"kind": "deduplicate", "keep": "first"}]


# --- a summary said to be over every row: 'across all our orders', 'just the one number' ------------------------
MEASURED = [("the average order value", "orders", "mean", "total_revenue"),
            ("the mean price", "products", "mean", "price"),
            ("the median monthly charges", "churn", "median", "monthly_charges"),
            ("the total revenue", "orders", "sum", "total_revenue"),
            ("the maximum quantity", "orders", "max", "quantity")]  # fmt: skip
OVER = {"orders": "orders", "products": "products", "churn": "subscribers"}
SPANS = ["across all our {rows}", "over every {rows}", "across all {rows}", "for all the {rows}",
         "across all of our {rows} combined"]  # fmt: skip
SINGLE = ["", ", just the one number", " as a single figure", ", one number please"]
OVERALLS = [
    (f"{said} {span.format(rows=OVER[ds])}{single}", ds, function, column)
    for (said, ds, function, column), span, single in itertools.product(MEASURED, SPANS, SINGLE)
    if not (span.startswith("over every") and ds != "products")  # 'every orders' is no English
]


@pytest.mark.parametrize(("request_text", "dataset", "function", "column"), OVERALLS, ids=[o[0] for o in OVERALLS])
def test_a_summary_across_all_rows_is_one_figure(
    request_text: str, dataset: str, function: str, column: str, demo: Demo
) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.not_understood == [], planned.not_understood
    nodes = planned.definition["nodes"]
    assert nodes[0]["dataset"] == dataset
    aggregates = [n for n in nodes if n["kind"] == "aggregate"]
    assert len(aggregates) == 1 and aggregates[0]["group_by"] == []
    assert aggregates[0]["aggregations"] == [{"function": function, "column": column}]


def test_the_average_order_value_across_all_orders_is_the_mean(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("what's the average order value across all our orders? just the one number", demo, tmp_path)
    assert output.shape == (1, 1)
    assert output.item() == pytest.approx(demo.frames["orders"]["total_revenue"].mean())


@pytest.mark.parametrize("request_text", [
    "average order value by country, just the one number",  # one number, yet a figure per country
    "orders across all our orders",  # nothing summarised
    "the average colour across all our products",  # no such column
])  # fmt: skip
def test_one_figure_that_contradicts_the_request_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)
