"""The offline planner's summaries and joins: spellings folded in groups, measures over values, rankings with the
group's own columns, joins limited to a period, each checked against Polars."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import (
    CONTRACT,
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
YEAR = pl.col("order_date").dt.year()


def _in_year(orders: pl.DataFrame, year: int) -> pl.DataFrame:
    return orders.filter(pl.col("order_date").dt.year() == year)


def _groups_over(frame: pl.DataFrame, key: str, measure: pl.Expr, threshold: float) -> pl.DataFrame:
    """The groups of `frame` by `key` whose (named) measure is above `threshold`."""
    return frame.group_by(key).agg(measure).filter(pl.col(measure.meta.output_name()) > threshold)


def _top_customers_with_names(f: Frames) -> pl.DataFrame:
    totals = f["orders"].group_by("customer_id").agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
    top = totals.sort("sum_total_revenue", descending=True).head(4)
    return top.join(f["customers"].select("customer_id", "name"), on="customer_id", how="left")


def _biggest_customers_with_email(f: Frames) -> pl.DataFrame:
    totals = f["orders"].group_by("customer_id").agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
    top = totals.sort("sum_total_revenue", descending=True).head(10)
    return top.join(f["customers"].select("customer_id", "email"), on="customer_id", how="left")


def _enterprise_top_with_email(f: Frames) -> pl.DataFrame:
    segments = f["customers"].select("customer_id", "segment")
    enterprise = f["orders"].join(segments, on="customer_id", how="left").filter(pl.col("segment") == "enterprise")
    totals = enterprise.group_by("customer_id").agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
    top = totals.sort("sum_total_revenue", descending=True).head(3)
    return top.join(f["customers"].select("customer_id", "email"), on="customer_id", how="left")


def _consumer_orders_2023(f: Frames) -> pl.DataFrame:
    segments = f["customers"].select("customer_id", "segment")
    joined = _in_year(f["orders"], 2023).join(segments, on="customer_id", how="left")
    return pl.DataFrame({"count": [joined.filter(pl.col("segment") == "consumer").height]})


def _enterprise_revenue_per_year(f: Frames) -> pl.DataFrame:
    segments = f["customers"].select("customer_id", "segment")
    joined = f["orders"].join(segments, on="customer_id", how="left").filter(pl.col("segment") == "enterprise")
    return joined.group_by(pl.col("order_date").dt.year().alias("order_year")).agg(
        pl.col("total_revenue").sum().alias("sum_total_revenue")
    )


def _consumer_signups(f: Frames) -> pl.DataFrame:
    day = pl.col("signup_date").str.strptime(pl.Date, "%Y-%m-%d", strict=False)
    consumers = f["customers"].filter(pl.col("segment") == "consumer")
    return consumers.group_by(day.dt.year().alias("signup_year")).agg(pl.len().alias("count"))


def _most_enterprise_cities(f: Frames) -> pl.DataFrame:
    """The two cities with the most enterprise customers (a city left blank is no city)."""
    enterprise = f["customers"].filter(pl.col("segment") == "enterprise", pl.col("city").is_not_null())
    return enterprise.group_by("city").agg(pl.len().alias("count")).sort("count", descending=True).head(2)


CASES: list[tuple[str, Expected]] = [
    (
        "mean support calls by contract",
        lambda f: (
            as_one_spelling(f["churn"], "contract", CONTRACT)
            .group_by("contract")
            .agg(pl.col("support_calls").mean().alias("mean_support_calls"))
        ),
    ),
    (
        "count customers per country",
        lambda f: as_one_spelling(f["customers"], "country", COUNTRY).group_by("country").agg(pl.len().alias("count")),
    ),
    (
        "how many churned and how many stayed in each region",
        lambda f: f["churn"].group_by("churned", "region").agg(pl.len().alias("count")),
    ),
    ("mean quantity per order", lambda f: f["orders"].select(pl.col("quantity").mean().alias("mean_quantity"))),
    ("top 4 customers by revenue, show their names", _top_customers_with_names),
    ("top 4 customers by revenue, show there names", _top_customers_with_names),  # 'there' typed for 'their'
    ("list the 10 biggest customers by revenue with there email", _biggest_customers_with_email),
    ("list the 10 biggest customers by revenue with their email", _biggest_customers_with_email),
    ("top 3 customers by revenue in the enterprise segment with their email", _enterprise_top_with_email),
    (
        "how much did each customer spend",
        lambda f: f["orders"].group_by("customer_id").agg(pl.col("total_revenue").sum().alias("sum_total_revenue")),
    ),
    (
        "quantity per product",
        lambda f: f["orders"].group_by("product_id").agg(pl.col("quantity").sum().alias("sum_quantity")),
    ),
    # 'the most enterprise customers': the rows counted are those holding the value
    (
        "Which two cities have the most enterprise customers?",
        _most_enterprise_cities,
    ),
    (
        "the 2 cities with the most enterprise customers",
        _most_enterprise_cities,
    ),
    (
        "which 3 regions have the most month-to-month subscribers",
        lambda f: (
            f["churn"]
            .filter(pl.col("contract").str.to_lowercase().str.replace_all("[ -]", "").is_in(["monthtomonth", "m2m"]))
            .group_by("region")
            .agg(pl.len().alias("count"))
            .sort("count", descending=True)
            .head(3)
        ),
    ),
    (
        "which 2 countries had the most orders",
        lambda f: f["orders"].group_by("country").agg(pl.len().alias("count")).sort("count", descending=True).head(2),
    ),
    (
        "what are the 3 most ordered products",
        lambda f: (
            f["orders"].group_by("product_id").agg(pl.len().alias("count")).sort("count", descending=True).head(3)
        ),
    ),
    (
        "which 3 products were ordered the most",
        lambda f: (
            f["orders"].group_by("product_id").agg(pl.len().alias("count")).sort("count", descending=True).head(3)
        ),
    ),
    (
        "which 3 customers bought the most units",
        lambda f: (
            f["orders"]
            .group_by("customer_id")
            .agg(pl.col("quantity").sum().alias("sum_quantity"))
            .sort("sum_quantity", descending=True)
            .head(3)
        ),
    ),
    (
        "total up the quantity for each year",
        lambda f: f["orders"].group_by(YEAR.alias("order_year")).agg(pl.col("quantity").sum().alias("sum_quantity")),
    ),
    (
        "the lowest and highest unit price",
        lambda f: f["orders"].select(
            pl.col("unit_price").min().alias("min_unit_price"), pl.col("unit_price").max().alias("max_unit_price")
        ),
    ),
    (
        "how many unique citys are there among customers",
        lambda f: f["customers"].select(pl.col("city").drop_nulls().n_unique().alias("count_distinct_city")),
    ),
    (
        "how many distinct countries do our customers come from",
        lambda f: as_one_spelling(f["customers"], "country", COUNTRY).select(
            pl.col("country").drop_nulls().n_unique().alias("count_distinct_country")
        ),
    ),
    (
        "the biggest single quantity in each year",
        lambda f: f["orders"].group_by(YEAR.alias("order_year")).agg(pl.col("quantity").max().alias("max_quantity")),
    ),
    (
        "after dropping exact duplicate rows, number of orders per product",
        lambda f: f["orders"].unique().group_by("product_id").agg(pl.len().alias("count")),
    ),
    (
        "customers who have made at least one order",
        lambda f: f["customers"].join(f["orders"].select("customer_id"), on="customer_id", how="semi"),
    ),
    (
        "customers who did not order in 2023",
        lambda f: f["customers"].join(_in_year(f["orders"], 2023), on="customer_id", how="anti"),
    ),
    (
        "customers that ordered something in 2023",
        lambda f: f["customers"].join(_in_year(f["orders"], 2023), on="customer_id", how="semi"),
    ),
    (
        "products bought at least once in 2024",
        lambda f: f["products"].join(_in_year(f["orders"], 2024), on="product_id", how="semi"),
    ),
    (
        "orders whose product_id is not found in the products table",
        lambda f: f["orders"].join(f["products"].select("product_id"), on="product_id", how="anti"),
    ),
    ("how many orders did consumer customers place in 2023?", _consumer_orders_2023),
    ("enterprise customers' revenue by year", _enterprise_revenue_per_year),
    (
        "how many orders did each segment place",
        lambda f: (
            f["orders"]
            .join(f["customers"].select("customer_id", "segment"), on="customer_id", how="left")
            .group_by("segment")
            .agg(pl.len().alias("count"))
        ),
    ),
    (
        "total cancelled revenue for France",
        lambda f: (
            f["orders"]
            .filter(folded("status").is_in(["cancelled", "canceled"]) & (pl.col("country") == "FR"))
            .select(pl.col("total_revenue").sum().alias("sum_total_revenue"))
        ),
    ),
    (
        "cancellations per month 2023",
        lambda f: (
            _in_year(f["orders"], 2023)
            .filter(folded("status").is_in(["cancelled", "canceled"]))
            .group_by(pl.col("order_date").dt.truncate("1mo").alias("order_month"))
            .agg(pl.len().alias("count"))
        ),
    ),
    ("how many consumer customers signed up each year", _consumer_signups),
    (
        "monthly signups",
        lambda f: (
            f["customers"]
            .group_by(
                pl.col("signup_date")
                .str.strptime(pl.Date, "%Y-%m-%d", strict=False)
                .dt.truncate("1mo")
                .alias("signup_month")
            )
            .agg(pl.len().alias("count"))
        ),
    ),
    (
        "orders with a lower unit price than the product's price",
        lambda f: (
            f["orders"]
            .join(f["products"].select("product_id", "price"), on="product_id", how="left")
            .filter(pl.col("unit_price") < pl.col("price"))
        ),
    ),
    (
        "total sales by country for delivered orders",
        lambda f: (
            f["orders"]
            .filter(folded("status").is_in(["delivered", "delivred"]))
            .group_by("country")
            .agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
        ),
    ),
    (
        "customers that did not buy anything during 2022",
        lambda f: f["customers"].join(_in_year(f["orders"], 2022), on="customer_id", how="anti"),
    ),
    (
        "products with total revenue above 10000",
        lambda f: _groups_over(
            f["orders"], "product_id", pl.col("total_revenue").sum().alias("sum_total_revenue"), 10000
        ),
    ),
    (
        "countries with total revenue above 100000",
        lambda f: _groups_over(
            f["orders"], "country", pl.col("total_revenue").sum().alias("sum_total_revenue"), 100000
        ),
    ),
    (
        "which countries have an average order value above 500",
        lambda f: _groups_over(f["orders"], "country", pl.col("total_revenue").mean().alias("mean_total_revenue"), 500),
    ),
    (
        "regions where the churn rate is above 0.25",
        lambda f: _groups_over(
            f["churn"], "region", pl.col("churned").cast(pl.Float64).mean().alias("mean_churned_rate"), 0.25
        ),
    ),
    (
        "customers with more than 8 orders",
        lambda f: f["orders"].group_by("customer_id").agg(pl.len().alias("count")).filter(pl.col("count") > 8),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_summaries_and_joins_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_a_ranking_keeps_its_order_once_the_names_are_joined(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("top 3 products by quantity sold, with their names", demo, tmp_path)
    totals = demo.frames["orders"].group_by("product_id").agg(pl.col("quantity").sum().alias("sum_quantity"))
    assert output["sum_quantity"].to_list() == sorted(output["sum_quantity"].to_list(), reverse=True)
    assert output["sum_quantity"].max() == totals["sum_quantity"].max()
    assert "name" in output.columns


def test_at_least_five_orders_is_a_count_not_a_join(demo: Demo, tmp_path: Path) -> None:
    planned, _ = answer("customers who placed at least 5 orders", demo, tmp_path)
    assert planned.definition is not None
    kinds = [n["kind"] for n in planned.definition["nodes"]]
    assert "aggregate" in kinds and "join" not in kinds


def test_a_follow_up_changes_the_summary_function(demo: Demo, tmp_path: Path) -> None:
    previous = draft("average quantity by country", demo.catalog).definition
    _, output = answer("change that to the maximum instead of the average", demo, tmp_path, previous)
    expected = demo.frames["orders"].group_by("country").agg(pl.col("quantity").max().alias("max_quantity"))
    same_rows(output, expected)


def test_counting_the_groups_a_test_keeps_is_refused(demo: Demo) -> None:
    planned = draft("how many customers have placed more than 10 orders", demo.catalog)
    assert any("count of the groups" in text for text in planned.not_understood)


def test_an_average_of_each_customers_total_is_refused(demo: Demo) -> None:
    planned = draft("the average customer spend", demo.catalog)
    assert any("each customer's total" in text for text in planned.not_understood)


def test_a_group_with_an_amount_above_a_number_is_asked_about(demo: Demo) -> None:
    planned = draft("countries with revenue above 1000", demo.catalog)
    assert any("each group's total" in text for text in planned.not_understood)


@pytest.mark.parametrize(
    ("request_text", "column", "function"),
    [
        ("for each customer, total revenue", "total_revenue", "sum"),
        ("for every product, the average quantity", "quantity", "mean"),
    ],
)
def test_a_comma_after_for_each_ends_the_groups(
    request_text: str, column: str, function: str, demo: Demo, tmp_path: Path
) -> None:
    """'for each customer, total revenue': one group per customer and the revenue summed, not a group per revenue."""
    _, output = answer(request_text, demo, tmp_path)
    key = "customer_id" if column == "total_revenue" else "product_id"
    measure = pl.col(column).sum() if function == "sum" else pl.col(column).mean()
    expected = demo.frames["orders"].group_by(key).agg(measure.alias(f"{function}_{column}"))
    same_rows(output, expected)
