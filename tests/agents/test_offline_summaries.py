"""The offline planner's columns, orderings, summaries, joins, cleaning and outputs, checked against Polars."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import (
    CATEGORY,
    COUNTRY,
    Demo,
    Frames,
    answer,
    as_one_spelling,
    demo,
    folded,
    same_rows,
)

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]


def _month(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.group_by(pl.col("order_date").dt.truncate("1mo").alias("order_month")).agg(
        pl.col("total_revenue").sum().alias("sum_total_revenue")
    )


def _by_category(f: Frames) -> pl.DataFrame:
    products = as_one_spelling(f["products"], "category", CATEGORY)
    joined = f["orders"].join(products.select("product_id", "category"), on="product_id", how="left")
    return joined.group_by("category").agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))


def _first_per_email(f: Frames) -> pl.DataFrame:
    return f["customers"].sort("customer_id").unique("email", keep="first").select("email")


CASES: list[tuple[str, Expected]] = [
    ("only show name and email for customers", lambda f: f["customers"].select("name", "email")),
    ("drop the phone column from customers", lambda f: f["customers"].drop("phone")),
    ("rename total_revenue to revenue", lambda f: f["orders"].rename({"total_revenue": "revenue"})),
    (
        "total revenue by country",
        lambda f: f["orders"].group_by("country").agg(pl.col("total_revenue").sum().alias("sum_total_revenue")),
    ),
    ("how many customers per segment", lambda f: f["customers"].group_by("segment").agg(pl.len().alias("count"))),
    (
        "What's the average price per category?",
        lambda f: (
            as_one_spelling(f["products"], "category", CATEGORY)
            .group_by("category")
            .agg(pl.col("price").mean().alias("mean_price"))
        ),
    ),
    ("revenue per month", lambda f: _month(f["orders"])),
    (
        "orders per year",
        lambda f: f["orders"].group_by(pl.col("order_date").dt.year().alias("order_year")).agg(pl.len().alias("count")),
    ),
    (
        "number of distinct customers per country",
        lambda f: (
            as_one_spelling(f["customers"], "country", COUNTRY)
            .group_by("country")
            .agg(pl.col("customer_id").n_unique().alias("count_distinct_customer_id"))
        ),
    ),
    (
        "countries with more than 1000 orders",
        lambda f: f["orders"].group_by("country").agg(pl.len().alias("count")).filter(pl.col("count") > 1000),
    ),
    (
        "What is the average age of our customers?",
        lambda f: f["customers"].select(pl.col("age").mean().alias("mean_age")),
    ),
    (
        "For each country, report the minimum and maximum unit price of orders.",
        lambda f: (
            f["orders"]
            .group_by("country")
            .agg(pl.col("unit_price").min().alias("min_unit_price"), pl.col("unit_price").max().alias("max_unit_price"))
        ),
    ),
    (
        "How many orders were cancelled?",
        lambda f: f["orders"].filter(folded("status").is_in(["cancelled", "canceled"])).select(pl.len().alias("count")),
    ),
    (
        "how many orders are there in each status? some statuses are spelled differently, count those together",
        lambda f: (
            f["orders"]
            .group_by(folded("status").replace({"delivred": "delivered", "canceled": "cancelled"}).alias("status"))
            .agg(pl.len().alias("count"))
        ),
    ),
    ("total revenue per product category", _by_category),
    (
        "customers who have no orders",
        lambda f: f["customers"].join(f["orders"].select("customer_id"), on="customer_id", how="anti"),
    ),
    (
        "products never ordered",
        lambda f: f["products"].join(f["orders"].select("product_id"), on="product_id", how="anti"),
    ),
    ("remove duplicate rows in orders", lambda f: f["orders"].unique()),
    (
        "fill missing ages with the median",
        lambda f: f["customers"].with_columns(pl.col("age").fill_null(pl.col("age").median())),
    ),
    ("fill empty cities with 'Unknown'", lambda f: f["customers"].with_columns(pl.col("city").fill_null("Unknown"))),
    (
        "add a column line_total = quantity * unit_price",
        lambda f: f["orders"].with_columns((pl.col("quantity") * pl.col("unit_price")).alias("line_total")),
    ),
    ("email in lower case", lambda f: f["customers"].with_columns(pl.col("email").str.to_lowercase())),
    ("remove duplicate emails", _first_per_email),
    (
        "save the customers in France as french_customers",
        lambda f: f["customers"].filter(folded("country").is_in(["fr", "fra", "france"])),
    ),
    ("export delivered orders as csv", lambda f: f["orders"].filter(folded("status").is_in(["delivered", "delivred"]))),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_summaries_and_shapes_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_select_keeps_exactly_the_columns_named(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("give me order id, order date and revenue for every order", demo, tmp_path)
    assert output.columns == ["order_id", "order_date", "total_revenue"]


def test_top_countries_by_revenue_come_in_order(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("top 3 countries by revenue", demo, tmp_path)
    totals = demo.frames["orders"].group_by("country").agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
    same_rows(output, totals.sort("sum_total_revenue", descending=True).head(3), ordered=True)


def test_most_expensive_products_come_first(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("the 5 most expensive products", demo, tmp_path)
    expected = demo.frames["products"].sort("price", descending=True, nulls_last=True).head(5)
    same_rows(output, expected.select("product_id", "price"), ordered=True)


def test_orders_get_their_customers_country_beside_their_own(demo: Demo, tmp_path: Path) -> None:
    planned, output = answer("orders with their customers' country", demo, tmp_path)
    customers = demo.frames["customers"].select("customer_id", pl.col("country").alias("customer_country"))
    expected = demo.frames["orders"].join(customers, on="customer_id", how="left")
    same_rows(output, expected.select("order_id", "country", "customer_country"))
    assert any(n["kind"] == "join" and n["how"] == "left" for n in planned.definition["nodes"])  # type: ignore[index]


def test_saving_and_exporting_add_the_sink_asked_for(demo: Demo, tmp_path: Path) -> None:
    saved, _ = answer("save the customers in France as french_customers", demo, tmp_path)
    exported, _ = answer("export delivered orders as csv", demo, tmp_path)
    warehouse, _ = answer("orders over 500, write them to the warehouse table big_orders", demo, tmp_path)
    assert saved.definition["nodes"][-1] == {"id": "save", "kind": "sink_dataset", "dataset": "french_customers"}  # type: ignore[index]
    assert exported.definition["nodes"][-1]["kind"] == "sink_file"  # type: ignore[index]
    assert exported.definition["nodes"][-1]["format"] == "csv"  # type: ignore[index]
    assert warehouse.definition["nodes"][-1]["table"] == "big_orders"  # type: ignore[index]


def test_no_sink_unless_asked(demo: Demo, tmp_path: Path) -> None:
    planned, _ = answer("pending orders sorted by revenue", demo, tmp_path)
    assert not any(n["kind"].startswith("sink") for n in planned.definition["nodes"])  # type: ignore[index]
