"""The offline planner on fresh10's shaping families, each said many ways: a sort verb before its direction ('arrange
the orders in descending order of revenue'); the top N of an amount named ('the top 5 incomes', 'the three highest
earners'); values listed once ('every customer tier we have, each named once'); N rows ranked past a test between
them and the amount ('which ten subscribers on month-to-month contracts pay the highest monthly charges'); the end
of an amount any one row holds; 'no. of'; 'does each X account for'; where a sort puts blanks; columns joined by
'+'; a possessive list asked as a question; renames said by the heading. Each family also holds wordings that must
be said as not understood (no such column, arithmetic between amounts, blanks placed in no order)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module

NUMBERS = [("3", 3), ("three", 3), ("5", 5), ("five", 5), ("ten", 10), ("12", 12)]


def _steps(request: str, demo: Demo) -> list[dict[str, Any]]:
    """The plan's nodes after its source, without ids, checking every word was understood."""
    return [step for step in plan_steps(request, demo) if step["kind"] != "source"]


def _kinds(steps: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [s for s in steps if s["kind"] == kind]


# --- a sort verb before its direction: 'arrange the orders in descending order of total revenue' ----------------
SORTED = [("orders", "total revenue", "total_revenue"), ("products", "price", "price"),
          ("churn", "monthly charges", "monthly_charges"), ("orders", "quantity", "quantity")]  # fmt: skip
VERBS = ["arrange the {ds}", "sort the {ds}", "order the {ds}", "the {ds},"]
WAYS = [("in descending order of", True), ("in ascending order of", False), ("descending by", True),
        ("in increasing order of", False)]  # fmt: skip
SORTS = [
    (f"{verb.format(ds=ds)} {way} {said}", column, down)
    for (ds, said, column), verb, (way, down) in itertools.product(SORTED, VERBS, WAYS)
]


@pytest.mark.parametrize(("request_text", "column", "down"), SORTS, ids=[s[0] for s in SORTS])
def test_a_sort_verb_before_its_direction_sorts(request_text: str, column: str, down: bool, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["sort"]
    assert steps[0]["by"] == [{"column": column, "descending": down}]


def test_arrange_the_result_sorts_a_follow_up(demo: Demo) -> None:
    first = draft("the orders sent to Germany", demo.catalog)
    planned = draft("Finally, arrange the result in descending order of total revenue.", demo.catalog, first.definition)
    assert planned.not_understood == []
    sorts = [n for n in planned.definition["nodes"] if n["kind"] == "sort"]
    assert sorts[0]["by"] == [{"column": "total_revenue", "descending": True}]


# --- the top N of an amount named: 'the top 5 incomes', 'the three highest earners among our subscribers' --------
AMOUNTS = [("incomes", "income"), ("earners", "income"), ("monthly charges", "monthly_charges"),
           ("prices", "price")]  # fmt: skip
TOPS = [
    (phrase.format(n=said, what=what), column, n, down)
    for (said, n), (what, column), (phrase, down) in itertools.product(
        NUMBERS, AMOUNTS, [("the top {n} {what}", True), ("bottom {n} {what}", False), ("top {n} {what}", True)]
    )
]
TOPS += [
    (f"the {said} {end} earners among our subscribers", "income", n, down)
    for (said, n), (end, down) in itertools.product(NUMBERS, [("highest", True), ("biggest", True), ("lowest", False)])
]


@pytest.mark.parametrize(("request_text", "column", "n", "down"), TOPS, ids=[t[0] for t in TOPS])
def test_the_top_n_of_an_amount_ranks_by_that_amount(
    request_text: str, column: str, n: int, down: bool, demo: Demo
) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["sort", "limit"]
    assert steps[0]["by"] == [{"column": column, "descending": down}]
    assert steps[1]["n"] == n


def test_the_three_highest_earners_are_the_rows_with_the_most_income(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("the three highest earners among our subscribers", demo, tmp_path)
    expected = demo.frames["churn"].sort("income", descending=True, nulls_last=True).head(3)
    assert sorted(output["income"].to_list()) == sorted(expected["income"].to_list())


# --- values listed once: 'every customer tier we have, each named once' ------------------------------------------
LISTED = [("customer tier", "segment"), ("customer segment", "segment"), ("product category", "category"),
          ("contract type", "contract")]  # fmt: skip
ONCE = [", each named once", ", each listed once", ", each once", " each once"]
HELD = ["", " we have", " we offer"]
DISTINCTS = [
    (f"{lead} {said}{held}{once}", column)
    for lead, (said, column), held, once in itertools.product(["every", "all the"], LISTED, HELD, ONCE)
]
PAIRS = [
    (f"which {combo} of region and {second} actually turn up among subscribers? {each} please", ["region", column])
    for combo, (second, column), each in itertools.product(
        ["combos", "combinations", "pairs"], [("internet type", "internet_service"), ("contract", "contract")],
        ["each combo once", "each combination once", "each pair once"],
    )
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "column"), DISTINCTS, ids=[d[0] for d in DISTINCTS])
def test_every_value_we_have_each_named_once_is_distinct(request_text: str, column: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["select", "deduplicate"]
    assert steps[0]["columns"] == [column]


@pytest.mark.parametrize(("request_text", "columns"), PAIRS, ids=[p[0] for p in PAIRS])
def test_each_combo_once_is_the_distinct_pairs(request_text: str, columns: list[str], demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["select", "deduplicate"]
    assert steps[0]["columns"] == columns


def test_every_customer_tier_each_named_once_gives_each_segment_once(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("every customer tier we have, each named once", demo, tmp_path)
    expected = demo.frames["customers"].select("segment").unique()
    same_rows(output, expected)


# --- N rows ranked past a test: 'which ten subscribers on month-to-month contracts pay the highest X' -------------
TESTED = [("month-to-month contracts", "contract"), ("two-year contracts", "contract"), ("the north", "region")]
RANKED = [
    (f"which {said} subscribers {where} {verb} {end} {what}", column, n, down)
    for (said, n), (where_said, _), (verb, end, down), (what, column) in itertools.product(
        NUMBERS[:4], TESTED, [("pay", "the highest", True), ("are charged", "the lowest", False),
                              ("have", "the highest", True)],
        [("monthly charges", "monthly_charges"), ("income", "income")],
    )
    for where in [f"on {where_said}" if "contract" in where_said else f"in {where_said}"]
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "column", "n", "down"), RANKED, ids=[r[0] for r in RANKED])
def test_rows_ranked_past_a_test_keep_the_test_and_the_ranking(
    request_text: str, column: str, n: int, down: bool, demo: Demo
) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["filter", "sort", "limit"]
    assert steps[1]["by"] == [{"column": column, "descending": down}]
    assert steps[2]["n"] == n


# --- the end of an amount any one row holds; 'no. of'; 'does each X account for' --------------------------------
MOST_ANY = [
    (f"{q}the {end} {amount} any {one}{rows} has {verb}", column, fn)
    for q, (end, fn), (amount, column, rows, verb), one in itertools.product(
        ["", "What's "], [("largest number of", "max"), ("most", "max"), ("fewest", "min"), ("highest", "max")],
        [("support calls", "support_calls", "subscriber", "made"), ("units", "quantity", "order", "had")],
        ["", "one "],
    )
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "column", "fn"), MOST_ANY, ids=[m[0] for m in MOST_ANY])
def test_the_most_any_one_row_has_is_the_end_of_the_column(request_text: str, column: str, fn: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["aggregate"]
    assert steps[0]["group_by"] == [] and steps[0]["aggregations"] == [{"function": fn, "column": column}]


def test_the_largest_number_of_support_calls_is_their_maximum(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("What's the largest number of support calls any one subscriber has made?", demo, tmp_path)
    assert output.to_series(0).to_list() == [demo.frames["churn"]["support_calls"].max()]


ABBREVIATED = [
    (f"{fn} {no} of {what} in each {group}", function, column, by)
    for (fn, function), no, (what, column, group, by) in itertools.product(
        [("mean", "mean"), ("total", "sum"), ("average", "mean")], ["no.", "No.", "nos."],
        [("suport calls", "support_calls", "regon", "region"), ("units", "quantity", "country", "country")],
    )
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "fn", "column", "by"), ABBREVIATED, ids=[a[0] for a in ABBREVIATED])
def test_no_dot_of_is_number_of(request_text: str, fn: str, column: str, by: str, demo: Demo) -> None:
    steps = _kinds(_steps(request_text, demo), "aggregate")
    assert steps[0]["group_by"] == [by] and steps[0]["aggregations"] == [{"function": fn, "column": column}]


ACCOUNTED = [
    (f"how {many} {rows} does each {group} {verb}", by)
    for many, (rows, group, by), verb in itertools.product(
        ["many", "mny"], [("subscribers", "region", "region"), ("ordres", "custmer segmnt", "segment")],
        ["account for", "acount for", "make up"],
    )
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "by"), ACCOUNTED, ids=[a[0] for a in ACCOUNTED])
def test_how_many_each_group_accounts_for_is_a_count(request_text: str, by: str, demo: Demo) -> None:
    steps = _kinds(_steps(request_text, demo), "aggregate")
    assert steps[0]["group_by"] == [by] and steps[0]["aggregations"] == [{"function": "count"}]


def test_the_prices_we_charged_add_nothing_to_their_ends(demo: Demo) -> None:
    request = "could you tell me the lowest and highest unit price we've charged in each currency? sanity-checking"
    steps = _kinds(_steps(request + " the price feed, cheers", demo), "aggregate")
    assert steps[0]["aggregations"] == [{"function": "min", "column": "unit_price"},
                                        {"function": "max", "column": "unit_price"}]  # fmt: skip


# --- where a sort puts blanks -------------------------------------------------------------------------------------
PLACEMENTS = [
    (f"Arrange the products by price in ascending order{placed}", last)
    for placed, last in [
        (", with those lacking a price placed last", True), (", with those without a price last", True),
        (", nulls last", True), (", blanks at the bottom", True), (", with missing prices first", False),
        (", nulls first", False), (", with anything missing a price at the top", False),
        (" and the ones lacking a price placed first", False),
    ]
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "last"), PLACEMENTS, ids=[p[0] for p in PLACEMENTS])
def test_blanks_go_where_the_sort_is_told(request_text: str, last: bool, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["sort"]  # 'lacking a price' is no filter here
    assert steps[0]["by"][0]["column"] == "price" and steps[0]["by"][0].get("nulls_last", True) is last


def test_unpriced_products_come_last(demo: Demo, tmp_path: Path) -> None:
    request = "Arrange the products by price in ascending order, with those lacking a price placed last."
    _, output = answer(request, demo, tmp_path)
    expected = demo.frames["products"].sort("price", nulls_last=True)
    assert output["price"].to_list() == expected["price"].to_list()


# --- columns joined by '+', '&' or '/'; a possessive list asked as a question; renames by the heading ------------
LISTS = [
    (f"{a}{sign}{b}{sign}{c}{tail}", [ca, cb, cc])
    for ((a, ca), (b, cb), (c, cc), tail), sign in itertools.product(
        [(("order_id", "order_id"), ("status", "status"), ("country", "country"), ", orders table"),
         (("name", "name"), ("category", "category"), ("price", "price"), " from products"),
         (("email", "email"), ("city", "city"), ("segment", "segment"), " of customers")],
        [" + ", " & ", " / "],
    )
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "columns"), LISTS, ids=[x[0] for x in LISTS])
def test_columns_joined_by_signs_are_selected(request_text: str, columns: list[str], demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["select"] and steps[0]["columns"] == columns


OWNED = [
    (f"{lead} each {rows}'s {a}, {b} and {c}?", cols)
    for lead, (rows, a, b, c, cols) in itertools.product(
        ["Can I have just", "Could I see", "can we get"],
        [("subscriber", "reference", "contract", "monthly charge", ["customer_ref", "contract", "monthly_charges"]),
         ("customer", "email", "city", "segment", ["email", "city", "segment"]),
         ("product", "name", "category", "price", ["name", "category", "price"])],
    )
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "columns"), OWNED, ids=[o[0] for o in OWNED])
def test_a_possessive_list_asked_as_a_question_is_selected(request_text: str, columns: list[str], demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["select"] and steps[0]["columns"] == columns


HEADINGS = [
    (f"the {ds}, but with the {heading} {of} {old} {verb} {new}", {column: new})
    for (ds, old, column, new), heading, of, verb in itertools.product(
        [("product list", "the range each item belongs to", "category", "department"),
         ("products", "price", "price", "cost"), ("orders", "status", "status", "state_now")],
        ["heading", "header", "title"], ["for", "of"], ["relabelled as", "retitled", "renamed to"],
    )
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "mapping"), HEADINGS, ids=[h[0] for h in HEADINGS])
def test_the_heading_for_a_column_relabelled_renames_it(request_text: str, mapping: dict[str, str], demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["rename"] and steps[0]["columns"] == mapping


# --- what must stay not understood --------------------------------------------------------------------------------
REFUSED = [
    "the 5 customers in germany with the highest income",  # customers hold no income
    "the five lowest earners among customers with a colour",
    "which ten subscribers on month-to-month contracts pay the highest colour",
    "the largest colour any product has",
    "the biggest country any customer has",
    "total_revenue / quantity for each order",  # a ratio, not a list
    "orders with quantity + unit_price",
    "products with no price first",  # blanks placed in no sort
    "products sorted by name, with those lacking a price placed last",
    "the products with the heading for colour relabelled as shade",
    "every colour we have, each once",
    "the max unit price we charged more than 5 times",
]


@pytest.mark.parametrize("request_text", REFUSED)
def test_what_names_no_column_or_no_order_stays_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_the_top_5_incomes_are_the_rows_with_the_highest_income(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("the top 5 incomes", demo, tmp_path)
    expected = demo.frames["churn"].select(pl.col("income").sort(descending=True, nulls_last=True).head(5))
    assert output["income"].to_list() == expected["income"].to_list()


# --- 'leave out anything without a price'; 'the cheapest thing in each category' ---------------------------------
LEFT_OUT = [
    (f"{ds}, {verb} {rows} without {article}{said}", column)
    for (ds, said, column, article), verb, rows in itertools.product(
        [("products", "price", "price", "a "), ("customers", "email", "email", "an ")],
        ["leave out", "drop", "exclude"], ["anything", "everything", "any"],
    )
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "column"), LEFT_OUT, ids=[x[0] for x in LEFT_OUT])
def test_anything_without_a_value_left_out_keeps_the_rows_with_one(request_text: str, column: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["filter"]
    assert steps[0]["condition"] == f"not coalesce({column} is null, false)"


@pytest.mark.parametrize("thing", ["thing", "one"])
def test_the_cheapest_thing_in_each_category_is_one_row_per_category(thing: str, demo: Demo, tmp_path: Path) -> None:
    first = draft("the product catalogue", demo.catalog)
    planned, output = answer(f"now the cheapest {thing} in each category", demo, tmp_path, first.definition)
    dedupes = [n for n in planned.definition["nodes"] if n["kind"] == "deduplicate"]
    assert dedupes and dedupes[0]["order_by"] == [{"column": "price", "nulls_last": True}]
    assert 0 < output.height <= demo.frames["products"]["category"].n_unique()


def test_the_cheapest_thing_with_no_group_stays_not_understood(demo: Demo) -> None:
    refused("the cheapest thing", demo)


@pytest.mark.parametrize("aside", ["checking the odd negatives", "sanity-checking the price feed",
                                   "double checking the numbers"])  # fmt: skip
def test_the_checking_the_user_is_doing_asks_for_nothing(aside: str, demo: Demo) -> None:
    steps = _steps(f"could you put the orders in order of how many units were bought, smallest first? {aside}", demo)
    assert steps == [{"kind": "sort", "by": [{"column": "quantity", "descending": False}]}]
