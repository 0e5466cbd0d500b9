"""Held-out cases that summarise or combine tables: aggregates overall, by one or two keys or by period, and joins."""

from __future__ import annotations

from typing import Literal

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case

MONTH_NOTE = "the month as its first day, as YYYY-MM text, or (within one year) as its number"


def per_month(orders: pl.DataFrame, measure: pl.Expr, as_number: bool) -> pl.DataFrame:
    """`measure` per month of order_date: the month as its first day, or as its number."""
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return orders.group_by(key.alias("month")).agg(measure)


def orders_2023(f: Frames) -> pl.DataFrame:
    """The orders placed in 2023."""
    return f["orders"].filter(pl.col("order_date").dt.year() == 2023)


def _products_per_customer(f: Frames, count_missing: bool) -> pl.DataFrame:
    products = pl.col("product_id").n_unique() if count_missing else pl.col("product_id").drop_nulls().n_unique()
    return f["orders"].group_by("customer_id").agg(products.alias("products"))


def _churn_share_by_region(f: Frames, drop_missing: bool) -> pl.DataFrame:
    churn = f["churn"].filter(pl.col("region").is_not_null()) if drop_missing else f["churn"]
    return churn.group_by("region").agg(pl.col("churned").mean().alias("churn_share"))


def _customers_by_country_segment(f: Frames, distinct_ids: bool) -> pl.DataFrame:
    counted = pl.col("customer_id").n_unique() if distinct_ids else pl.len()
    keys = [truth.customer_country().alias("country"), pl.col("segment")]
    return f["customers"].group_by(keys).agg(counted.alias("customers"))


def _enterprise_orders_2024(f: Frames, how: Literal["semi", "inner"]) -> pl.DataFrame:
    """One count; a plain join counts an order twice when its customer's row is stored twice."""
    orders = f["orders"].filter(pl.col("order_date").dt.year() == 2024)
    enterprise = f["customers"].filter(pl.col("segment") == "enterprise").select("customer_id")
    return pl.DataFrame({"orders": [orders.join(enterprise, on="customer_id", how=how).height]})


def _top_products_by_revenue(f: Frames) -> pl.DataFrame:
    revenue = f["orders"].group_by("product_id").agg(pl.col("total_revenue").sum().alias("revenue"))
    top = revenue.sort("revenue", descending=True).head(3)
    names = f["products"].select("product_id", "name")
    return top.join(names, on="product_id", how="left", maintain_order="left")


AGGREGATES = [
    case(
        "ho-agg-charges-by-contract",
        "average monthly charges per contract type",
        "paraphrase",
        "holdout",
        "aggregate",
        lambda f: f["churn"].group_by(truth.contract()).agg(pl.col("monthly_charges").mean()),
        note="'M2M', 'One Year', '2 year'... belong to the three contract types in their main spelling",
    ),
    case(
        "ho-agg-churn-share-region",
        "What share of subscribers churned in each region?",
        "question",
        "holdout",
        "aggregate",
        lambda f: _churn_share_by_region(f, drop_missing=False),
        alternatives=[lambda f: _churn_share_by_region(f, drop_missing=True)],
        note="churned is 0/1, so the share is its mean; 60 rows have no region, leaving that group out is accepted",
    ),
    case(
        "ho-agg-median-unit-price-country",
        "median unit price by country",
        "terse",
        "holdout",
        "aggregate",
        lambda f: f["orders"].group_by("country").agg(pl.col("unit_price").median()),
    ),
    case(
        "ho-agg-products-per-customer",
        "how many different products has each customer bought?",
        "question",
        "holdout",
        "aggregate",
        lambda f: _products_per_customer(f, count_missing=False),
        alternatives=[lambda f: _products_per_customer(f, count_missing=True)],
        note="30 orders have no product_id; counting that gap as one more value is accepted too",
    ),
    case(
        "ho-agg-first-last-order",
        "earliest and latest order date",
        "terse",
        "holdout",
        "aggregate-all",
        lambda f: f["orders"].select(
            pl.col("order_date").min().alias("earliest"), pl.col("order_date").max().alias("latest")
        ),
    ),
    case(
        "ho-agg-average-quantity",
        "What's the average number of items per order?",
        "question",
        "holdout",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("quantity").mean().alias("items")),
    ),
    case(
        "ho-agg-distinct-cities",
        "how many diferent citys do our customers live in",
        "typo",
        "holdout",
        "aggregate-all",
        lambda f: f["customers"].select(pl.col("city").drop_nulls().n_unique().alias("cities")),
        alternatives=[lambda f: f["customers"].select(pl.col("city").n_unique().alias("cities"))],
        note="121 customers have no city; counting that gap as one more value is accepted too",
    ),
    case(
        "ho-agg-largest-order-per-year",
        "Report the largest single order value in each calendar year.",
        "formal",
        "holdout",
        "aggregate-period",
        lambda f: (
            f["orders"]
            .group_by(pl.col("order_date").dt.year().alias("year"))
            .agg(pl.col("total_revenue").max().alias("largest"))
        ),
    ),
    case(
        "ho-agg-median-order-value-per-month-2023",
        "medain order value per month for 2023",
        "typo",
        "holdout",
        "aggregate-period",
        lambda f: per_month(orders_2023(f), pl.col("total_revenue").median(), as_number=False),
        alternatives=[lambda f: per_month(orders_2023(f), pl.col("total_revenue").median(), as_number=True)],
        note=MONTH_NOTE,
    ),
    case(
        "ho-agg-customers-country-segment",
        "number of customers by country and segment",
        "paraphrase",
        "holdout",
        "aggregate-two-keys",
        lambda f: _customers_by_country_segment(f, distinct_ids=False),
        alternatives=[lambda f: _customers_by_country_segment(f, distinct_ids=True)],
        note="countries as ISO codes ('Germany', 'de'... count as DE); distinct customer_ids are accepted too",
    ),
    case(
        "ho-agg-churn-outcome-by-payment",
        "Could you break down how many subscribers churned and how many stayed, for each payment method?",
        "chatty",
        "holdout",
        "aggregate-two-keys",
        lambda f: f["churn"].group_by("payment_method", "churned").agg(pl.len().alias("subscribers")),
    ),
    case(
        "ho-agg-income-range-service",
        "Report the lowest and highest income for each internet service type.",
        "formal",
        "holdout",
        "aggregate",
        lambda f: (
            f["churn"]
            .group_by("internet_service")
            .agg(pl.col("income").min().alias("lowest"), pl.col("income").max().alias("highest"))
        ),
    ),
]

JOINS = [
    case(
        "ho-join-off-list-price",
        "orders sold at a different price than the product's list price",
        "paraphrase",
        "holdout",
        "join",
        lambda f: (
            f["orders"]
            .join(f["products"].select("product_id", "price"), on="product_id")
            .filter(pl.col("unit_price") != pl.col("price"))
        ),
        note="4 product_ids name two products, so their orders meet both prices; a missing price differs from nothing",
    ),
    case(
        "ho-join-customers-who-ordered",
        "I need every customer that has placed at least one order, thanks",
        "chatty",
        "holdout",
        "join",
        lambda f: f["customers"].join(f["orders"], on="customer_id", how="semi"),
    ),
    case(
        "ho-join-no-orders-2024",
        "custumers who didnt order anything in 2024",
        "typo",
        "holdout",
        "join",
        lambda f: f["customers"].join(
            f["orders"].filter(pl.col("order_date").dt.year() == 2024), on="customer_id", how="anti"
        ),
    ),
    case(
        "ho-join-orphan-orders",
        "List the orders whose customer_id does not exist in the customers table.",
        "formal",
        "holdout",
        "join",
        lambda f: f["orders"].join(f["customers"], on="customer_id", how="anti"),
    ),
    case(
        "ho-join-enterprise-orders-2024",
        "how many orders did enterprise customers place in 2024?",
        "question",
        "holdout",
        "join-aggregate",
        lambda f: _enterprise_orders_2024(f, "semi"),
        alternatives=[lambda f: _enterprise_orders_2024(f, "inner")],
        note="some enterprise customers are stored twice; a plain join that counts their orders twice is accepted too",
    ),
    case(
        "ho-join-top-products-revenue",
        "top 3 products by revenue with their names",
        "terse",
        "holdout",
        "join-top-n",
        _top_products_by_revenue,
        sort_key=["revenue"],
    ),
]

CASES = [*AGGREGATES, *JOINS]
