"""The offline planner on joins, fills and picked columns said as idioms, each family said many ways: a price
superlative of a loose word for the thing ('the priciest item per category': the product with the highest price in
each category, never the most units); the buyers' own age testing whose orders are kept ('orders placed by customers
aged sixty-five or over'); gaps traded for a summary ('swap the blank earnings figures among subscribers for the
median of those we do know'). Each family also holds wordings that must be said as not understood."""

from __future__ import annotations

import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, demo, plan_steps

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _steps(request: str, demo: Demo) -> list[dict]:
    """The plan's steps past its sources, checking every word was understood."""
    return [step for step in plan_steps(request, demo) if step["kind"] != "source"]


def _unclear(request: str, demo: Demo) -> list[str]:
    """What the planner said it did not understand (checked to be something)."""
    planned = draft(request, demo.catalog)
    assert planned.not_understood, f"planned without a word said unclear: {planned.definition}"
    return planned.not_understood


# --- a price superlative of a loose word for the thing --------------------------------------------------------
PRICED_PER_GROUP = [
    ("the priciest item per category", "last"),
    ("the priciest item in each category", "last"),
    ("the cheapest item per category", "first"),
    ("the cheapest item for every category", "first"),
    ("the dearest item in each category", "last"),
    ("the costliest article per category", "last"),
    ("the dearest article in each category", "last"),
]


@pytest.mark.parametrize(("request_text", "keep"), PRICED_PER_GROUP)
def test_a_price_superlative_of_an_item_keeps_a_product_per_category(request_text: str, keep: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["derive", "deduplicate", "drop"], steps
    dedupe = steps[1]
    assert dedupe["keep"] == keep and dedupe["order_by"][0]["column"] == "price", dedupe
    assert dedupe["keys"] == ["category_as_one"]


# never the largest quantity: said as not understood where the price of each item is not read
PRICED_UNREAD = ["the priciest item each customer bought", "the cheapest items per country",
                 "the priciest items per destination country"]  # fmt: skip


@pytest.mark.parametrize("request_text", PRICED_UNREAD)
def test_a_price_superlative_of_an_item_is_never_the_most_units(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    nodes = (planned.definition or {}).get("nodes", [])
    measured = [a for n in nodes if n["kind"] == "aggregate" for a in n["aggregations"]]
    assert all(a.get("column") != "quantity" for a in measured), nodes
    assert planned.not_understood, nodes


# --- the buyers' own age testing whose orders are kept ----------------------------------------------------------
AGED = [
    ("Provide the orders placed by customers aged sixty-five or over.", "age >= 65"),
    ("the orders placed by customers aged 65 or over", "age >= 65"),
    ("orders placed by customers aged over 65", "age > 65"),
    ("orders made by customers aged under thirty", "age < 30"),
    ("orders bought by customers aged seventy or above", "age >= 70"),
    ("orders placed by customers 65 or older", "age >= 65"),
]


@pytest.mark.parametrize(("request_text", "condition"), AGED)
def test_the_buyers_age_picks_their_orders(request_text: str, condition: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["filter", "select", "join"], steps
    assert steps[0]["condition"] == condition
    assert steps[1]["columns"] == ["customer_id"]
    assert steps[2]["how"] == "semi" and steps[2]["on"] == ["customer_id"]


def test_an_amount_of_the_other_rows_is_still_summed_per_row(demo: Demo) -> None:
    """'products with total revenue above 10000': the orders' revenue, summed per product (no dataset between)."""
    steps = _steps("products with total revenue above 10000", demo)
    assert [s["kind"] for s in steps] == ["aggregate", "filter"], steps
    assert steps[0]["group_by"] == ["product_id"]


# --- gaps traded for a summary ------------------------------------------------------------------------------------
SWAPPED = [
    ("swap the blank earnings figures among subscribers for the median of those we do know", "income", "median"),
    ("replace the missing income among subscribers with the median", "income", "median"),
    ("swap the missing incomes for the median", "income", "median"),
    ("exchange the blank income values for the median of those known", "income", "median"),
    ("replace the blank earnings among our subscribers with the median of the ones we have", "income", "median"),
    ("switch out the empty incomes for the mean of the ones we know", "income", "mean"),
    ("trade the blank earnings across all subscribers for the average", "income", "mean"),
]


@pytest.mark.parametrize(("request_text", "column", "strategy"), SWAPPED)
def test_gaps_swapped_for_a_summary_are_filled(request_text: str, column: str, strategy: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert steps == [{"kind": "fill_missing", "columns": {column: {"strategy": strategy}}}], steps


# a swap with no gaps said swaps the values themselves, which no fill does
SWAP_UNREAD = ["swap the income for the median", "swap the city for the country", "swap the incomes for the median"]


@pytest.mark.parametrize("request_text", SWAP_UNREAD)
def test_a_swap_of_a_whole_column_is_not_understood(request_text: str, demo: Demo) -> None:
    assert any("swap" in said for said in _unclear(request_text, demo))


# --- a thing's range is its category ------------------------------------------------------------------------------
RANGES = [
    "every purchase with the item's name and its range written next to it",
    "orders with the item's name and its range",
    "orders with the product range",
    "orders with each product's range",
    "orders with the item's range",
    "every order with the range of each item alongside",
    "each sale with the article's range tacked on",
]


@pytest.mark.parametrize("request_text", RANGES)
def test_a_things_range_is_its_category(request_text: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["select", "join"], steps
    assert steps[0]["columns"][0] == "product_id" and steps[0]["columns"][-1] == "category", steps[0]
    assert steps[1]["how"] == "left" and steps[1]["on"] == ["product_id"]


def test_the_cheapest_thing_in_each_range_is_one_product_per_category(demo: Demo) -> None:
    planned = None
    for turn in ["the product catalogue", "now the cheapest thing in each range"]:
        planned = draft(turn, demo.catalog, planned.definition if planned else None)
    assert planned is not None and planned.not_understood == []
    dedupe = [n for n in planned.definition["nodes"] if n["kind"] == "deduplicate"]
    assert dedupe and dedupe[0]["keep"] == "first" and dedupe[0]["order_by"][0]["column"] == "price"


# 'range' that says no thing's category is never dropped in silence: a price range, an age range, 'its range' of
# rows that are no things
RANGES_UNREAD = ["orders with its range", "the price range per category", "the age range of customers",
                 "orders with their range"]  # fmt: skip


@pytest.mark.parametrize("request_text", RANGES_UNREAD)
def test_a_range_of_no_thing_is_not_understood(request_text: str, demo: Demo) -> None:
    assert any("range" in said for said in _unclear(request_text, demo))


# a range as a value's kind is still read as that value: 'products in the toys range'
def test_a_named_range_is_still_a_category_value(demo: Demo) -> None:
    steps = _steps("products in the toys range", demo)
    assert [s["kind"] for s in steps] == ["filter"] and "toys" in steps[0]["condition"]


# a money column loosely named is the price itself: 'the cheapest unit cost per category' is the lowest price
def test_a_price_superlative_of_a_money_word_is_that_amount(demo: Demo) -> None:
    steps = _steps("cheapest unit cost per category", demo)
    assert steps[-1]["kind"] == "aggregate" and steps[-1]["aggregations"] == [{"function": "min", "column": "price"}]
