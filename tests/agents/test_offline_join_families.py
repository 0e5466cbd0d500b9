"""The offline planner on joins said in paraphrase, each family across both join paths (orders to customers, orders to
products), many wordings and several columns: another dataset's columns brought in ('w/ category of each product',
'shown alongside the name of the item that was bought', 'the buyer's home city'); summaries grouped by another
dataset's column ('grouped by the buyers segment', 'by the home country of whoever bought', 'each product (by its
name)'); rows with no match ('customers who haven't ever bought anything', 'orders whose customer isn't in our
customer list'); rows whose match has a value ('the orders for products in the toys category'). Each family holds
wordings that must be said as not understood (a column on no related dataset), and plans run against Polars joins."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _steps(request: str, demo: Demo) -> list[dict[str, Any]]:
    """The plan's nodes after its source, without ids, checking every word was understood."""
    return [step for step in plan_steps(request, demo) if step["kind"] != "source"]


def _kinds(steps: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [s for s in steps if s["kind"] == kind]


def _one_join(steps: list[dict[str, Any]], key: str, hows: tuple[str, ...]) -> None:
    joins = _kinds(steps, "join")
    assert len(joins) == 1, steps
    assert joins[0]["on"] == [key] and joins[0]["how"] in hows, joins[0]


# the related datasets, the words for their rows, their key and the columns a request may ask of them
RELATED = {
    "customers": (["customer", "buyer"], "customer_id", ["email", "segment", "city", "age", "name"]),
    "products": (["product", "item"], "product_id", ["category", "price", "name", "weight"]),
}

# --- another dataset's columns brought in -------------------------------------------------------------------
ROWS = ["orders", "each order", "every sale"]
BROUGHT = [
    "{rows} with the {col} of the {owner}",
    "{rows} w/ {col} of each {owner}",
    "{rows} with the {owner}'s {col}",
    "{rows} shown alongside the {col} of the {owner}",
    "{rows} along with the {owner}'s {col}",
    "{rows} next to the {col} of its {owner}",
    "{rows} plus the {owner} {col}",
    "add the {owner}'s {col} to {rows}",
    "attach the {col} of the {owner} to {rows}",
]
LOOKUPS = [
    (wording.format(rows=rows, owner=owner, col=col), key, col)
    for (owners, key, columns), rows, wording in itertools.product(RELATED.values(), ROWS, BROUGHT)
    for owner, col in itertools.product(owners, columns)
]


@pytest.mark.parametrize(("request_text", "key", "column"), LOOKUPS, ids=[c[0] for c in LOOKUPS])
def test_another_datasets_column_is_brought_in_by_its_key(request_text: str, key: str, column: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    _one_join(steps, key, ("left", "inner"))
    assert any(column in s["columns"] for s in _kinds(steps, "select")), steps
    assert not _kinds(steps, "aggregate") and not _kinds(steps, "filter")


# --- summaries grouped by another dataset's column ----------------------------------------------------------
MEASURES = [
    ("revenue", "sum", "total_revenue"),
    ("total revenue", "sum", "total_revenue"),
    ("the average order value", "mean", "total_revenue"),
    ("the number of orders", "count", None),
    ("average quantity", "mean", "quantity"),
]
GROUPED = [
    "{m} by the {owner}'s {col}",
    "{m} grouped by the {owner}s {col}",
    "{m} per {owner} {col}",
    "{m} by the {col} of the {owner}",
    "for each {owner} {col}, {m}",
    "{m} split by the {owner}'s {col}",
]
GROUP_COLUMNS = {"customers": ["segment", "city"], "products": ["category", "name"]}
SUMMARIES = [
    (wording.format(m=said, owner=owner, col=col), RELATED[ds][1], col, function, measured)
    for ds, columns in GROUP_COLUMNS.items()
    for (said, function, measured), wording, owner, col in itertools.product(MEASURES, GROUPED, RELATED[ds][0], columns)
]


@pytest.mark.parametrize(
    ("request_text", "key", "column", "function", "measured"), SUMMARIES, ids=[c[0] for c in SUMMARIES]
)
def test_a_summary_groups_by_the_related_column_only(
    request_text: str, key: str, column: str, function: str, measured: str | None, demo: Demo
) -> None:
    steps = _steps(request_text, demo)
    _one_join(steps, key, ("left", "inner"))
    [summary] = _kinds(steps, "aggregate")
    assert summary["group_by"] == [column]  # not per customer or product as well: one row per value
    assert [(a["function"], a.get("column")) for a in summary["aggregations"]] == [(function, measured)]


PAIRED = [
    (f"{said} by the {owner}'s {first} and {second}", RELATED[ds][1], [first, second], function, measured)
    for ds, (first, second) in GROUP_COLUMNS.items()
    for (said, function, measured), owner in itertools.product(MEASURES, RELATED[ds][0])
    if owner != "item"  # 'by the item's category and name' is not read yet (the columns are listed instead)
]


@pytest.mark.parametrize(("request_text", "key", "columns", "function", "measured"), PAIRED, ids=[c[0] for c in PAIRED])
def test_two_related_columns_said_after_the_owner_are_both_groups(
    request_text: str, key: str, columns: list[str], function: str, measured: str | None, demo: Demo
) -> None:
    steps = _steps(request_text, demo)
    _one_join(steps, key, ("left", "inner"))
    [summary] = _kinds(steps, "aggregate")  # a summary, not the columns listed
    assert summary["group_by"] == columns
    assert [(a["function"], a.get("column")) for a in summary["aggregations"]] == [(function, measured)]


PARTIES = [
    ("revenu by the custmers home contry", "customer_id", "customer_country"),
    ("total takings grouped by the home country of whoever bought", "customer_id", "customer_country"),
    ("revenue by the country of whoever bought", "customer_id", "customer_country"),
    ("revenue by home country", "customer_id", "customer_country"),
    ("sum of revnue grouped by the buyers segmnet", "customer_id", "segment"),
    ("how much revnue did each prodcut (by its name) make", "product_id", "name"),
    ("revenue for each product by its category", "product_id", "category"),
    ("total spend per customer by name", "customer_id", "name"),
    ("how many orders did each customer (by their segment) place", "customer_id", "segment"),
    ("hiya, for each customer segment could you tell me the average order value?", "customer_id", "segment"),
    ("for each customer segment, the average order value? trying to see who spends more per order", "customer_id",
     "segment"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "key", "column"), PARTIES, ids=[c[0] for c in PARTIES])
def test_a_group_said_by_whose_it_is_is_that_datasets_column(
    request_text: str, key: str, column: str, demo: Demo
) -> None:
    steps = _steps(request_text, demo)
    _one_join(steps, key, ("left", "inner"))
    assert _kinds(steps, "aggregate")[0]["group_by"] == [column]


# --- rows with no match in another dataset ------------------------------------------------------------------
UNMATCHED_LEADS = {
    "customers": ["customers", "any customers", "customers on file", "which customers"],
    "products": ["products", "the products", "which products"],
}
UNMATCHED = {
    "customers": [
        "{rows} who haven't ever bought anything",
        "{rows} who have never ordered",
        "{rows} with no orders",
        "{rows} who have not placed an order",
        "{rows} that have yet to order",
        "{rows} who never placed a single order",
        "{rows} without any orders",
        "{rows} who haven't ever ordered anything from us",
        "{rows} who didn't buy anything",
    ],
    "products": [
        "{rows} that have never been ordered",
        "{rows} that haven't ever been bought",
        "{rows} with no orders",
        "{rows} which have yet to be ordered",
        "{rows} that were never purchased",
        "{rows} without any orders",
        "{rows} nobody has ever ordered",
    ],
}
NEVER = [
    (wording.format(rows=rows), RELATED[ds][1])
    for ds, leads in UNMATCHED_LEADS.items()
    for rows, wording in itertools.product(leads, UNMATCHED[ds])
]
ORPHANS = [
    "{rows} whose {o} isn't in our {o} list",
    "{rows} with an unknown {o}",
    "{rows} with no matching {o}",
    "{rows} whose {o} can't be found",
    "{rows} whose {o} is not on file",
    "{rows} whose {o} does not exist",
]
NEVER += [
    (wording.format(rows=rows, o=o), "product_id" if o == "product" else "customer_id")
    for rows, wording, o in itertools.product(
        ["orders", "any orders", "which orders", "sales"], ORPHANS, ["customer", "product", "buyer"]
    )
]


@pytest.mark.parametrize(("request_text", "key"), NEVER, ids=[c[0] for c in NEVER])
def test_rows_with_no_match_are_an_anti_join(request_text: str, key: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    _one_join(steps, key, ("anti",))
    assert not _kinds(steps, "aggregate")


# --- rows whose match has a value ---------------------------------------------------------------------------
VALUED = {"product": ("category", ["toys", "books", "garden", "sports", "electronics"]),
          "customer": ("segment", ["smb", "enterprise", "consumer"])}  # fmt: skip
PICKED = [
    "the orders for {o}s in the {v} {c}",
    "orders whose {o} is in the {v} {c}",
    "orders of {o}s in the {v} {c}",
    "the 2024 orders for {o}s in the {v} {c}",
    "orders for {v} {o}s",
    "could you find the orders for {o}s in the {v} {c}?",
    "orders where the {o} is in the {v} {c}",
]
MATCHED = [
    (wording.format(o=o, v=v, c=column), f"{o}_id", v)
    for o, (column, values) in VALUED.items()
    for wording, v in itertools.product(PICKED, values)
]
MATCHED += [(f"orders that came from customers in the {v} segment", "customer_id", v) for v in VALUED["customer"][1]]


@pytest.mark.parametrize(("request_text", "key", "value"), MATCHED, ids=[c[0] for c in MATCHED])
def test_rows_whose_match_has_a_value_are_a_semi_join(request_text: str, key: str, value: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    _one_join(steps, key, ("semi", "inner"))
    assert any(value in s["condition"].lower() for s in _kinds(steps, "filter")), steps


DATED = [
    "orders placed in {y} by {o}s in the {v} {c}",
    "orders from {y} whose {o} is in the {v} {c}",
    "orders in {y} for {o}s in the {v} {c}",
    "the {y} orders whose {o} is in the {v} {c}",
    "{y} orders from {v} {o}s",
    "orders of {y} whose {o}'s {c} is {v}",
]
MATCHED_IN = [
    (wording.format(o=o, v=v, c=column, y=year), f"{o}_id", v, year)
    for o, (column, values) in VALUED.items()
    for wording, v, year in itertools.product(DATED, values[:3], [2023, 2024])
]


@pytest.mark.parametrize(("request_text", "key", "value", "year"), MATCHED_IN, ids=[c[0] for c in MATCHED_IN])
def test_a_period_between_the_rows_and_their_match_tests_the_rows(
    request_text: str, key: str, value: str, year: int, demo: Demo
) -> None:
    steps = _steps(request_text, demo)
    _one_join(steps, key, ("semi", "inner"))
    conditions = [s["condition"].lower() for s in _kinds(steps, "filter")]
    assert any(value in c for c in conditions) and any(f"order_date >= '{year}-01-01'" in c for c in conditions)
    assert not _kinds(steps, "aggregate")  # 'placed in 2024 by customers': who placed them, no grouping


@pytest.mark.parametrize(
    ("request_text", "key", "function", "column"),
    [
        ("the average age of customers whose orders were cancelled", "customer_id", "mean", "age"),
        ("average revenue of orders from enterprise customers", "customer_id", "mean", "total_revenue"),
        ("the number of orders from customers in germany", "customer_id", "count", None),
        ("the sum of revenue of orders for products in the toys category", "product_id", "sum", "total_revenue"),
    ],
)
def test_a_summary_of_rows_picked_by_their_match_is_one_overall_figure(
    request_text: str, key: str, function: str, column: str | None, demo: Demo
) -> None:
    steps = _steps(request_text, demo)
    _one_join(steps, key, ("semi", "left", "inner"))
    [summary] = _kinds(steps, "aggregate")  # not one figure per customer: the customers only pick the rows
    assert summary["group_by"] == [] and [(a["function"], a.get("column")) for a in summary["aggregations"]] == [
        (function, column)
    ]


# --- refusals: a column on no related dataset, a party's part no column holds --------------------------------
REFUSED = [
    "orders with the shoe size of the customer",
    "revenue by the buyer's shoe size",
    "revenue by the home planet of whoever bought",
    "orders with the colour of the item",
    "how much revenue did each product (by its colour) make",
    "orders w/ colour of each product",
    "orders shown alongside the nickname of the customer",
    "sum of revenue grouped by the buyers star sign",
    "revenue by the custmers home galaxy",
    "attach the shoe size of the customer to each order",
    "each sale next to the flavour of the item that was bought",
    "average order value for each customer hobby",
    "orders whose warehouse isn't in our warehouse list",
    "customers who haven't ever visited the store",
    "products by home country",
    "orders by home phone",
    "the orders for products in the furniture category",
    "customers with the item name",
    "customers with the name of the item they bought",
    "average order value per segment? trying to see who spends more per month",
    "average order value per segment? trying to see who spends more per order in germany",
    "hey, can you grab the orders from customers in the smb segment? doing an enterprise review, cheers",
]


@pytest.mark.parametrize("request_text", REFUSED)
def test_a_related_column_no_dataset_holds_is_said_unclear(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.not_understood, f"planned without a word said unclear: {planned.definition}"


def test_items_said_beside_another_column_stay_the_units(demo: Demo) -> None:
    steps = _steps("how many items went out each month in 2023", demo)  # the units shipped, not a product's column
    assert not _kinds(steps, "join")
    assert _kinds(steps, "aggregate")[0]["aggregations"] == [{"function": "sum", "column": "quantity"}]


# --- the rows, against Polars joins computed here ------------------------------------------------------------
def test_category_of_each_product_gives_the_left_joined_orders(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders w/ category of each product", demo, tmp_path)
    f = demo.frames
    expected = f["orders"].join(f["products"].select("product_id", "category"), on="product_id", how="left")
    same_rows(output, expected)  # reused product ids repeat their orders, as the join gives them


def test_item_name_shown_alongside_each_sale_gives_the_products_name(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("each sale shown alongside the name of the item that was bought", demo, tmp_path)
    f = demo.frames
    expected = f["orders"].join(f["products"].select("product_id", "name"), on="product_id", how="left")
    same_rows(output, expected)


def test_home_city_of_the_customer_is_the_customers_city(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("Attach the name and home city of the customer to each order.", demo, tmp_path)
    f = demo.frames
    expected = f["orders"].join(f["customers"].select("customer_id", "name", "city"), on="customer_id", how="left")
    same_rows(output, expected)


@pytest.mark.parametrize(
    ("request_text", "column", "function", "output_name"),
    [
        ("sum of revnue grouped by the buyers segmnet", "segment", "sum", "sum_total_revenue"),
        ("how much revnue did each prodcut (by its name) make", "name", "sum", "sum_total_revenue"),
        ("hiya, for each customer segment could you tell me the average order value?", "segment", "mean",
         "mean_total_revenue"),
    ],
)  # fmt: skip
def test_a_related_group_sums_the_joined_orders(
    request_text: str, column: str, function: str, output_name: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    f = demo.frames
    owner = "customers" if column == "segment" else "products"
    key = "customer_id" if owner == "customers" else "product_id"
    joined = f["orders"].join(f[owner].select(key, column), on=key, how="left")
    measure = getattr(pl.col("total_revenue"), function)().alias(output_name)
    same_rows(output, joined.group_by(column).agg(measure))


def test_home_country_revenue_adds_up_to_the_joined_orders(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("total takings grouped by the home country of whoever bought", demo, tmp_path)
    f = demo.frames
    homes = f["customers"].select("customer_id", pl.col("country").alias("customer_country"))
    joined = f["orders"].join(homes, on="customer_id", how="left")
    assert output["sum_total_revenue"].sum() == pytest.approx(joined["total_revenue"].sum())
    # the buyers' home, its spellings folded, not the country each order was sent to
    spelled = pl.col("customer_country").str.strip_chars().str.to_lowercase()
    german = joined.filter(spelled.is_in(["de", "deu", "deutschland", "germany"]))["total_revenue"].sum()
    said = output.filter(pl.col("customer_country") == "DE")["sum_total_revenue"]
    assert said.to_list() == [pytest.approx(german)]


@pytest.mark.parametrize(
    ("request_text", "base", "other", "key"),
    [
        ("Are there customers on file who haven't ever bought anything from us?", "customers", "orders", "customer_id"),
        ("products nobody has ever ordered", "products", "orders", "product_id"),
        ("Are there any orders whose customer isn't in our customer list?", "orders", "customers", "customer_id"),
        ("orders with no matching product", "orders", "products", "product_id"),
    ],
)
def test_rows_with_no_match_are_the_polars_anti_join(
    request_text: str, base: str, other: str, key: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    f = demo.frames
    same_rows(output, f[base].join(f[other], on=key, how="anti"))


def test_orders_for_toys_products_are_the_polars_semi_join(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("hey, could you find the orders for products in the toys category?", demo, tmp_path)
    f = demo.frames
    toys = f["products"].filter(pl.col("category").str.strip_chars().str.to_lowercase() == "toys")
    same_rows(output, f["orders"].join(toys, on="product_id", how="semi"))


def test_smb_orders_of_2024_are_the_polars_semi_join(demo: Demo, tmp_path: Path) -> None:
    request = (
        "hey, can you grab the 2024 orders that came from customers in the smb segment? doing a small business review"
    )
    _, output = answer(request, demo, tmp_path)
    f = demo.frames
    smb = f["customers"].filter(pl.col("segment") == "smb")
    expected = f["orders"].filter(pl.col("order_date").dt.year() == 2024).join(smb, on="customer_id", how="semi")
    same_rows(output, expected)


def test_orders_whose_customer_is_not_listed_as_a_segment_are_the_polars_semi_join(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders whose customer is not listed as enterprise", demo, tmp_path)
    f = demo.frames
    others = f["customers"].filter(pl.col("segment") != "enterprise")
    same_rows(output, f["orders"].join(others, on="customer_id", how="semi"))
