"""The offline planner reshaping rows and columns: rankings with number words, sorts said by where rows go,
selections, renames and one row per key, each checked against Polars."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]

# (request, dataset, column, descending, rows): the output is that column's values in that order
RANKINGS: list[tuple[str, str, str, bool, int | None]] = [
    ("the seven customers with the lowest age", "customers", "age", False, 7),
    ("Which two subscribers have the longest tenure?", "churn", "tenure_months", True, 2),
    ("the four subscribers that have the smallest monthly charges", "churn", "monthly_charges", False, 4),
    ("the three orders that shipped last", "orders", "ship_date", True, 3),
    ("orders from smallest to biggest", "orders", "total_revenue", False, None),
    ("customers, oldest on top", "customers", "age", True, None),
    ("products from priciest to cheapest", "products", "price", True, None),
    ("orders placed in 2024, largest ones first", "orders", "total_revenue", True, None),
    ("the 10 longest tenures", "churn", "tenure_months", True, 10),
    ("products by price, cheapest first", "products", "price", False, None),
    ("sort the churn data by tenure, shortest first", "churn", "tenure_months", False, None),
    # a ranking asked as a question about its rows
    ("what 3 orders are the biggest?", "orders", "total_revenue", True, 3),
    ("which 5 subscribers are the oldest", "churn", "age", True, 5),
    ("which 4 products are the priciest ones?", "products", "price", True, 4),
]


@pytest.mark.parametrize(
    ("request_text", "dataset", "column", "descending", "rows"), RANKINGS, ids=[r[0] for r in RANKINGS]
)
def test_rankings_and_sorts_order_rows_as_polars_does(
    request_text: str, dataset: str, column: str, descending: bool, rows: int | None, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    frame = demo.frames[dataset]
    if "2024" in request_text:
        frame = frame.filter(pl.col("order_date").dt.year() == 2024)
    wanted = frame.sort(column, descending=descending, nulls_last=True)[column]
    if rows is not None:
        wanted = wanted.head(rows)
    assert output[column].to_list() == wanted.to_list()


def test_rows_of_the_same_day_follow_the_second_key(demo: Demo, tmp_path: Path) -> None:
    request = "orders with the latest at the top; orders of the same day from smallest to largest"
    _, output = answer(request, demo, tmp_path)
    keys = ["order_date", "total_revenue"]
    wanted = demo.frames["orders"].sort(keys, descending=[True, False], nulls_last=True)
    assert output.select(keys).rows() == wanted.select(keys).rows()


GERMANY = folded("country").is_in(["de", "deutschland", "germany"])
SHAPES: list[tuple[str, Expected]] = [
    ("cut the products table down to name and price", lambda f: f["products"].select("name", "price")),
    ("keep product_id and weight, remove the rest", lambda f: f["products"].select("product_id", "weight")),
    ("we need the name and city columns of customers", lambda f: f["customers"].select("name", "city")),
    (
        "show product_id and category from products, and nothing else",
        lambda f: f["products"].select("product_id", "category"),
    ),
    ("emails of our German customers", lambda f: f["customers"].filter(GERMANY).select("email")),
    ("every product id alongside its price", lambda f: f["products"].select("product_id", "price")),
    ("each product's price together with its category", lambda f: f["products"].select("price", "category")),
    ("in churn, call contract plan_type", lambda f: f["churn"].rename({"contract": "plan_type"})),
    (
        "the products with category renamed to product_group",
        lambda f: f["products"].rename({"category": "product_group"}),
    ),
    ("give me product names with their categories", lambda f: f["products"].select("name", "category")),
    (
        "the distinct combinations of country and status in orders",
        lambda f: f["orders"].select("country", "status").unique(),
    ),
    ("the set of categories in products", lambda f: f["products"].select("category").unique()),
    ("the cities our customers live in", lambda f: f["customers"].select("city").unique()),
    (
        "lowercase the product names and list the different ones",
        lambda f: f["products"].select(pl.col("name").str.to_lowercase().unique()),
    ),
    ("one single record per email in customers", lambda f: f["customers"].select(pl.col("email").unique())),
    # a phrasal verb of removing columns: 'take ... out', 'strip out'
    ("take email out of customers", lambda f: f["customers"].drop("email")),
    ("strip out the phone and email columns from customers", lambda f: f["customers"].drop("phone", "email")),
    ("customers, take the is_test_account column out", lambda f: f["customers"].drop("is_test_account")),
    # a rename said without 'to': 'X renamed Y', 'X now called Y'
    ("customers with email renamed contact_email", lambda f: f["customers"].rename({"email": "contact_email"})),
    ("products with price now called list_price", lambda f: f["products"].rename({"price": "list_price"})),
    # 'called' after a column names one of its values, not a new name for it or a row's name
    ("products with a category called Toys", lambda f: f["products"].filter(folded("category") == "toys")),
    ("customers in a city called Berlin", lambda f: f["customers"].filter(pl.col("city") == "Berlin")),
    (
        "churn with tenure_months relabelled tenure and region relabelled area",
        lambda f: f["churn"].rename({"tenure_months": "tenure", "region": "area"}),
    ),
    # rows said taken out are the rows left out, not a column: 'take the test accounts out'
    ("take the test accounts out", lambda f: f["customers"].filter(~pl.col("is_test_account"))),
    # a clause of tests, then a word pointing back at its rows to leave them out
    (
        "the 5 cheapest products; negative prices are errors, so drop them",
        lambda f: f["products"].filter(~(pl.col("price") < 0).fill_null(False)).sort("price", nulls_last=True).head(5),
    ),
    ("orders from Germany, exclude those", lambda f: f["orders"].filter(~GERMANY.fill_null(False))),
    (
        "subscribers with no income are bad data, ignore them",
        lambda f: f["churn"].filter(pl.col("income").is_not_null()),
    ),
    ("orders, leave the returned ones out", lambda f: f["orders"].filter(folded("status") != "returned")),
    (
        "take the cancelled orders out",
        lambda f: f["orders"].filter(~folded("status").is_in(["cancelled", "canceled"])),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), SHAPES, ids=[s[0] for s in SHAPES])
def test_shapes_give_the_columns_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    wanted = expected(demo.frames)
    same_rows(output, wanted)
    if any(w in request_text for w in ("nothing else", "down to", "the rest", "columns of")):
        assert output.columns == wanted.columns


def test_each_owner_keeps_its_earliest_row(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("every customer's earliest order", demo, tmp_path)
    wanted = demo.frames["orders"].group_by("customer_id").agg(pl.col("order_date").min())
    same_rows(output.select("customer_id", "order_date"), wanted)


def test_a_single_largest_row_per_owner(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("for each product I want its single largest order", demo, tmp_path)
    wanted = demo.frames["orders"].group_by("product_id").agg(pl.col("total_revenue").max())
    same_rows(output.select("product_id", "total_revenue"), wanted)


def test_a_comparative_picks_which_repeat_stays(demo: Demo, tmp_path: Path) -> None:
    request = "in products, keep one row per product_id; when a product_id appears twice, retain the higher-priced one"
    _, output = answer(request, demo, tmp_path)
    wanted = demo.frames["products"].group_by("product_id").agg(pl.col("price").max())
    same_rows(output.select("product_id", "price"), wanted)


def test_an_ambiguous_shortest_without_a_length_is_not_guessed(demo: Demo) -> None:
    planned = draft("the five orders with the shortest status", demo.catalog)
    assert planned.not_understood


def test_which_n_groups_have_the_most_rows(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("what four countries have the most orders?", demo, tmp_path)
    counts = demo.frames["orders"].group_by("country").agg(pl.len().alias("count"))
    wanted = counts.sort("count", descending=True)["count"].head(4)
    assert output.height == 4
    assert output[output.columns[-1]].to_list() == wanted.to_list()


def test_then_by_after_a_placement_orders_ties_and_does_not_group(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("list orders oldest first, and then by quantity descending", demo, tmp_path)
    keys = ["order_date", "quantity"]
    wanted = demo.frames["orders"].sort(keys, descending=[False, True], nulls_last=True)
    assert output.height == wanted.height
    assert output.select(keys).rows() == wanted.select(keys).rows()


def test_a_grouped_column_beside_another_is_refused_not_counted(demo: Demo) -> None:
    planned = draft("each country together with its city", demo.catalog)
    assert any("each country together with its city" in part for part in planned.not_understood)


def test_n_rows_with_the_most_rows_of_another_dataset(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("the six customers who have the most orders", demo, tmp_path)
    counts = demo.frames["orders"].group_by("customer_id").agg(pl.len().alias("count"))
    wanted = counts.sort("count", descending=True)["count"].head(6)
    assert output[output.columns[-1]].to_list() == wanted.to_list()


def test_a_summary_by_a_name_then_a_superlative_sorts_the_summary(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("total revenue by country, largest first", demo, tmp_path)
    sums = demo.frames["orders"].group_by("country").agg(pl.col("total_revenue").sum().alias("revenue"))
    wanted = sums.sort("revenue", descending=True, nulls_last=True)["revenue"]
    assert output[output.columns[-1]].to_list() == pytest.approx(wanted.to_list())


@pytest.mark.parametrize("which", ["priciest", "cheapest"])
def test_a_missing_price_is_never_the_row_kept(which: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(f"one row per product_id in products, keep the {which}", demo, tmp_path)
    price = pl.col("price").max() if which == "priciest" else pl.col("price").min()
    wanted = demo.frames["products"].group_by("product_id").agg(price)
    same_rows(output.select("product_id", "price"), wanted)


@pytest.mark.parametrize(
    "request_text",
    [
        "customers, newest on top",
        "the 4 customers with the latest signup",
        "customers sorted by signup date, oldest first",
        "the two largest orders for every country",
        "the three customers who joined most recently",  # signup_date is text in several spellings
        "which 3 customers are the most",  # most of what?
        "customers, the email column, leave that out",  # no rows said to leave out
        "customers with a city called Springfield",  # no such city: not a customer's name either
        "sort customers by revenue",  # each customer has many orders: their sum, their largest?
        "sort the products by the number of units sold, most first",
    ],
)
def test_orders_it_cannot_make_are_refused(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.not_understood
