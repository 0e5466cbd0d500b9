"""Columns of another dataset asked for as fresh requests ask: 'orders + product name', 'what the product is
called', 'its catalogue price'; each checked against the rows Polars gives on both engines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import COUNTRY, Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _with(f: Frames, other: str, key: str, *columns: str) -> pl.DataFrame:
    return f["orders"].join(f[other].select(key, *columns), on=key, how="left")


LOOKED_UP: list[tuple[str, str, str, tuple[str, ...]]] = [
    # '+' between the rows and the columns brought to them
    ("orders + product name and category", "products", "product_id", ("name", "category")),
    ("orders + customer email", "customers", "customer_id", ("email",)),
    ("orders + the customer's segment and city", "customers", "customer_id", ("segment", "city")),
    # what the product is called: its name
    (
        "every order together with what the product is called and its catalogue price",
        "products",
        "product_id",
        ("name", "price"),
    ),
    ("orders with what the product is called", "products", "product_id", ("name",)),
    ("each order plus what the product is named and its category", "products", "product_id", ("name", "category")),
    # the column's name said longer ('phone number'), and a closing word on what the answer is for
    (
        "hi, could you attach each buyer's phone number to their orders? need it for a callback list",
        "customers",
        "customer_id",
        ("phone",),
    ),
    ("attach the shopper's phone number to every order", "customers", "customer_id", ("phone",)),
    (
        "orders with the buyer's email address. we want them for a mailing campaign",
        "customers",
        "customer_id",
        ("email",),
    ),
    # the catalogue price: the products' price, not the order's unit price
    ("orders with the catalogue price", "products", "product_id", ("price",)),
    ("each order with its catalog price", "products", "product_id", ("price",)),
]


@pytest.mark.parametrize(("request_text", "other", "key", "columns"), LOOKED_UP, ids=[c[0] for c in LOOKED_UP])
def test_columns_of_another_dataset_said_plainly_are_joined_in(
    request_text: str, other: str, key: str, columns: tuple[str, ...], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, _with(demo.frames, other, key, *columns))


def test_the_catalogue_price_tests_the_products_own_price(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("products whose catalogue price is over 100", demo, tmp_path)
    same_rows(output, demo.frames["products"].filter(pl.col("price") > 100))


def _signed_up() -> pl.Expr:
    return pl.col("signup_date").str.to_date("%Y-%m-%d", strict=False).dt.year()


SIGNED_UP: list[tuple[str, Callable[[pl.Expr], pl.Expr]]] = [
    ("ordrs from custmers who sined up in 2024", lambda year: year == 2024),
    ("orders of customers that registered in 2023", lambda year: year == 2023),
    ("orders placed by customers who joined before 2022", lambda year: year < 2022),
]


@pytest.mark.parametrize(("request_text", "test"), SIGNED_UP, ids=[c[0] for c in SIGNED_UP])
def test_what_the_customers_did_picks_the_orders_of_those_customers(
    request_text: str, test: Callable[[pl.Expr], pl.Expr], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    picked = demo.frames["customers"].filter(test(_signed_up())).select("customer_id")
    same_rows(output, demo.frames["orders"].join(picked, on="customer_id", how="semi"))


def _top_with(f: Frames, key: str, measure: pl.Expr, name: str, other: str, columns: list[str]) -> pl.DataFrame:
    ranked = f["orders"].group_by(key).agg(measure.alias(name)).sort(name, descending=True).head(1)
    return ranked.join(f[other].select(key, *columns), on=key, how="left")


BEST_WITH: list[tuple[str, Callable[[Frames], pl.DataFrame]]] = [
    # 'has placed the most': the ranking said with its auxiliary; 'and what is their name': the column joined in
    (
        "Which customer has placed the most orders, and what is their name?",
        lambda f: _top_with(f, "customer_id", pl.len(), "count", "customers", ["name"]),
    ),
    (
        "which product sold the most units, and what is its category?",
        lambda f: _top_with(f, "product_id", pl.col("quantity").sum(), "sum_quantity", "products", ["category"]),
    ),
    (
        "which customer spent the most, and what are their email and city?",
        lambda f: _top_with(
            f, "customer_id", pl.col("total_revenue").sum(), "sum_total_revenue", "customers", ["email", "city"]
        ),
    ),
    (
        "which country has brought in the most revenue",
        lambda f: (
            f["orders"]
            .group_by("country")
            .agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
            .sort("sum_total_revenue", descending=True)
            .head(1)
        ),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), BEST_WITH, ids=[c[0] for c in BEST_WITH])
def test_the_best_group_and_a_question_about_it(
    request_text: str, expected: Callable[[Frames], pl.DataFrame], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames), ordered=True)


def test_the_most_said_with_its_auxiliary_counts_the_rows(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("which customer had placed the most orders?", demo, tmp_path)
    counts = demo.frames["orders"].group_by("customer_id").agg(pl.len().alias("count"))
    assert output["count"].to_list() == [counts["count"].max()]


UNORDERED: list[tuple[str, str, str, str, str]] = [
    # rows that 'received no orders' in a period said with 'the'
    ("Identify the products that received no orders in the first quarter of 2025.", "products", "product_id",
     "2025-01-01", "2025-04-01"),
    ("products that got no orders during the second half of 2024", "products", "product_id", "2024-07-01",
     "2025-01-01"),
    ("products which have received no orders in 2025", "products", "product_id", "2025-01-01", "2026-01-01"),
    ("customers with no orders in the first quarter of 2024", "customers", "customer_id", "2024-01-01",
     "2024-04-01"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "base", "key", "start", "end"), UNORDERED, ids=[c[0] for c in UNORDERED])
def test_rows_that_received_no_orders_in_a_period_have_none_then(
    request_text: str, base: str, key: str, start: str, end: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    day = pl.col("order_date").cast(pl.Date)
    within = demo.frames["orders"].filter((day >= pl.lit(start).str.to_date()) & (day < pl.lit(end).str.to_date()))
    same_rows(output, demo.frames[base].join(within.select(key), on=key, how="anti"))


SAME_COUNTRY: list[tuple[str, bool]] = [
    # the customer's country in its main spelling: 'Germany' on the record is the order's DE
    ("orders whose country differs from the customer's country", False),
    ("orders where the country is not the same as the customer's country", False),
    ("orders where the country matches the customer's country", True),
]


@pytest.mark.parametrize(("request_text", "same"), SAME_COUNTRY, ids=[c[0] for c in SAME_COUNTRY])
def test_a_country_compared_with_the_customers_reads_its_spellings_alike(
    request_text: str, same: bool, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    records = demo.frames["customers"].select("customer_id", COUNTRY.alias("record"))
    joined = demo.frames["orders"].join(records, on="customer_id", how="inner")
    matched = folded("country") == pl.col("record")
    same_rows(output, joined.filter(matched if same else ~matched).drop("record"))
