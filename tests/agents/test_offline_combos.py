"""The offline planner on aggregates, joins and their combinations: counted amounts, periods of one year, 'in total',
the one measure named by a generic word, and joins that only pick rows, each checked against Polars."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]


def _quantity_per_country(f: Frames) -> pl.DataFrame:
    return f["orders"].group_by("country").agg(pl.col("quantity").sum().alias("sum_quantity"))


def _revenue_per_country(f: Frames) -> pl.DataFrame:
    return f["orders"].group_by("country").agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))


def _orders_of_segment(f: Frames, segment: str) -> pl.DataFrame:
    picked = f["customers"].filter(pl.col("segment") == segment)
    return f["orders"].join(picked, on="customer_id", how="semi")


def _with_an_order(f: Frames, dataset: str, key: str, statuses: list[str]) -> pl.DataFrame:
    orders = f["orders"].filter(folded("status").is_in(statuses))
    return f[dataset].join(orders, on=key, how="semi")


CASES: list[tuple[str, Expected]] = [
    ("how many pieces were there in each country", _quantity_per_country),
    (
        "sum of revenue for each month of 2023",
        lambda f: (
            f["orders"]
            .filter(pl.col("order_date").dt.year() == 2023)
            .group_by(pl.col("order_date").dt.month().alias("order_month"))
            .agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
        ),
    ),
    ("what is the quantity altogether", lambda f: f["orders"].select(pl.col("quantity").sum().alias("sum_quantity"))),
    ("orders made by customers in the enterprise segment", lambda f: _orders_of_segment(f, "enterprise")),
    ("show orders from customers who are in the smb segment", lambda f: _orders_of_segment(f, "smb")),
    (
        "customers who cancelled one or more orders",
        lambda f: _with_an_order(f, "customers", "customer_id", ["cancelled", "canceled"]),
    ),
    (
        "products with at least one delivered order",
        lambda f: _with_an_order(f, "products", "product_id", ["delivered", "delivred"]),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_combinations_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_sorting_from_the_highest_total_down_orders_by_the_one_measure(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("total revenue per country, from the highest total down", demo, tmp_path)
    wanted = _revenue_per_country(demo.frames).sort("sum_total_revenue", descending=True)
    same_rows(output, wanted, ordered=True)


def test_a_follow_up_keeps_the_group_with_the_lowest_total(demo: Demo, tmp_path: Path) -> None:
    previous = draft("total revenue per country", demo.catalog).definition
    _, output = answer("only keep the country with the lowest total", demo, tmp_path, previous)
    same_rows(output, _revenue_per_country(demo.frames).sort("sum_total_revenue").head(1))


def test_names_shown_beside_each_products_units_come_from_products(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("how many pieces of each product did we sell, with the product names", demo, tmp_path)
    units = demo.frames["orders"].group_by("product_id").agg(pl.col("quantity").sum().alias("sum_quantity"))
    names = demo.frames["products"].select("product_id", "name").unique()
    same_rows(output, units.join(names, on="product_id", how="left"))


def test_a_pronoun_after_a_look_up_adds_the_columns_looked_up(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("for each order, fetch the customer segment from customers and attach it", demo, tmp_path)
    segments = demo.frames["customers"].select("customer_id", "segment")
    same_rows(output, demo.frames["orders"].join(segments, on="customer_id", how="left"))


def test_the_highest_total_of_two_measures_is_not_guessed(demo: Demo) -> None:
    planned = draft("total revenue and total quantity per country, from the highest total down", demo.catalog)
    assert planned.not_understood
