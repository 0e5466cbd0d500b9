"""Cases that summarise or combine: aggregates by one or two columns or by period, and joins of the demo tables."""

from __future__ import annotations

from typing import Literal

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case

How = Literal["inner", "left"]


def _orders_per_year(f: Frames) -> pl.DataFrame:
    years = f["orders"].with_columns(pl.col("order_date").dt.year().alias("year"))
    return years.group_by("year").agg(pl.len().alias("orders"))


def _revenue_per_month_2024(f: Frames, as_number: bool = False) -> pl.DataFrame:
    orders = f["orders"].filter(pl.col("order_date").dt.year() == 2024)
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return orders.group_by(key.alias("month")).agg(pl.col("total_revenue").sum().alias("revenue"))


def _count_by_region_service(f: Frames) -> pl.DataFrame:
    return f["churn"].group_by("region", "internet_service").agg(pl.len().alias("subscribers"))


def _units_per_product(f: Frames) -> pl.DataFrame:
    return f["orders"].group_by("product_id").agg(pl.col("quantity").sum().alias("units"))


def _with_customers(f: Frames, how: How, whole_row_unique: bool) -> pl.DataFrame:
    """Orders joined with customers on customer_id; optionally with exact duplicate customers removed first."""
    customers = f["customers"].unique() if whole_row_unique else f["customers"]
    return f["orders"].join(customers.drop("country"), on="customer_id", how=how)


def _revenue_per_segment(f: Frames, how: How = "inner", whole_row_unique: bool = False) -> pl.DataFrame:
    joined = _with_customers(f, how, whole_row_unique)
    return joined.group_by("segment").agg(pl.col("total_revenue").sum().alias("revenue"))


def _names_and_segments(f: Frames, whole_row_unique: bool = False) -> pl.DataFrame:
    customers = f["customers"].unique() if whole_row_unique else f["customers"]
    return f["orders"].join(customers.select("customer_id", "name", "segment"), on="customer_id", how="left")


def _best_customers(f: Frames) -> pl.DataFrame:
    spend = f["orders"].group_by("customer_id").agg(pl.col("total_revenue").sum().alias("spent"))
    top = spend.sort("spent", descending=True).head(5)
    return top.join(f["customers"].select("customer_id", "name"), on="customer_id", how="left", maintain_order="left")


def _electronics_orders(f: Frames) -> pl.DataFrame:
    electronics = f["products"].filter(truth.category() == "electronic")
    return f["orders"].join(electronics, on="product_id", how="semi")


SUMMARIES = [
    case(
        "agg-revenue-by-country",
        "revenue by country",
        "terse",
        "dev",
        "aggregate",
        lambda f: f["orders"].group_by("country").agg(pl.col("total_revenue").sum()),
    ),
    case(
        "agg-average-order-value",
        "average order value per country",
        "paraphrase",
        "test",
        "aggregate",
        lambda f: f["orders"].group_by("country").agg(pl.col("total_revenue").mean()),
    ),
    case(
        "agg-customers-per-segment",
        "How many customers are in each segment?",
        "question",
        "test",
        "aggregate",
        lambda f: f["customers"].group_by("segment").agg(pl.len().alias("customers")),
        alternatives=[lambda f: f["customers"].group_by("segment").agg(pl.col("customer_id").n_unique())],
        note="rows per segment; distinct customer ids per segment is accepted too",
    ),
    case(
        "agg-unit-price-range",
        "For each country, report the minimum and maximum unit price of orders.",
        "formal",
        "dev",
        "aggregate",
        lambda f: (
            f["orders"]
            .group_by("country")
            .agg(pl.col("unit_price").min().alias("min_unit_price"), pl.col("unit_price").max().alias("max_unit_price"))
        ),
    ),
    case(
        "agg-median-charges",
        "median montly charges per internet servce",
        "typo",
        "dev",
        "aggregate",
        lambda f: f["churn"].group_by("internet_service").agg(pl.col("monthly_charges").median()),
    ),
    case(
        "agg-distinct-buyers",
        "number of different customers who ordered, per country",
        "paraphrase",
        "test",
        "aggregate",
        lambda f: f["orders"].group_by("country").agg(pl.col("customer_id").n_unique().alias("customers")),
    ),
    case(
        "agg-orders-per-year",
        "how many orders were placed each year?",
        "question",
        "dev",
        "aggregate-period",
        _orders_per_year,
    ),
    case(
        "agg-revenue-per-month-2024",
        "could you total up the revenue for each month of 2024 for me?",
        "chatty",
        "test",
        "aggregate-period",
        _revenue_per_month_2024,
        alternatives=[lambda f: _revenue_per_month_2024(f, as_number=True)],
        note="the month as its first day, as YYYY-MM text, or (within 2024) as its number",
    ),
    case(
        "agg-churn-rate-payment",
        "churn rate for each payment method",
        "paraphrase",
        "test",
        "aggregate",
        lambda f: f["churn"].group_by("payment_method").agg(pl.col("churned").mean().alias("churn_rate")),
        note="the share of churned subscribers (churned is 0/1)",
    ),
    case(
        "agg-count-region-service",
        "Count the subscribers by region and internet service.",
        "formal",
        "test",
        "aggregate-two-keys",
        _count_by_region_service,
        alternatives=[lambda f: _count_by_region_service(f).filter(pl.col("region").is_not_null())],
        note="subscribers without a region may form their own group or be left out",
    ),
    case(
        "agg-total-revenue",
        "what's our total revenue across all orders?",
        "question",
        "test",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("total_revenue").sum()),
    ),
    case(
        "agg-number-of-orders",
        "number of orders",
        "terse",
        "test",
        "aggregate-all",
        lambda f: f["orders"].select(pl.len().alias("orders")),
        alternatives=[lambda f: f["orders"].select(pl.col("order_id").n_unique())],
        note="rows (duplicates included) or distinct order ids",
    ),
    case(
        "agg-average-age",
        "avrage customer age",
        "typo",
        "test",
        "aggregate-all",
        lambda f: f["customers"].select(pl.col("age").mean()),
    ),
    case(
        "agg-units-per-product",
        "units sold per product",
        "paraphrase",
        "test",
        "aggregate",
        _units_per_product,
        alternatives=[lambda f: _units_per_product(f).filter(pl.col("product_id").is_not_null())],
        note="orders without a product may form their own group or be left out",
    ),
    case(
        "agg-tenure-by-split",
        "what's the average tenure (months) for the train split vs the test split?",
        "chatty",
        "dev",
        "aggregate",
        lambda f: f["churn"].group_by("split").agg(pl.col("tenure_months").mean()),
    ),
    case(
        "agg-revenue-country-year",
        "yearly revenue broken down by country",
        "paraphrase",
        "test",
        "aggregate-two-keys",
        lambda f: (
            f["orders"]
            .group_by("country", pl.col("order_date").dt.year().alias("year"))
            .agg(pl.col("total_revenue").sum())
        ),
    ),
    case(
        "agg-orders-by-status",
        "how many orders are there in each status? some statuses are spelled differently, count those together",
        "chatty",
        "dev",
        "aggregate",
        lambda f: f["orders"].group_by(truth.status()).agg(pl.len().alias("orders")),
        note="groups named by the lower-case spelling: delivered, shipped, pending, cancelled, returned",
    ),
    case(
        "agg-income-by-region",
        "Report the total income by region.",
        "formal",
        "test",
        "aggregate",
        lambda f: f["churn"].group_by("region").agg(pl.col("income").sum()),
        alternatives=[
            lambda f: f["churn"].filter(pl.col("region").is_not_null()).group_by("region").agg(pl.col("income").sum())
        ],
    ),
    case(
        "agg-signups-per-year",
        "how many people signed up per year?",
        "question",
        "test",
        "aggregate-period",
        lambda f: f["customers"].group_by(truth.signup_day().dt.year().alias("year")).agg(pl.len()),
        alternatives=[
            lambda f: f["customers"].group_by(truth.iso_signup_day().dt.year().alias("year")).agg(pl.len()),
            lambda f: (
                f["customers"]
                .filter(truth.iso_signup_day().is_not_null())
                .group_by(truth.iso_signup_day().dt.year().alias("year"))
                .agg(pl.len())
            ),
        ],
        note="signup_date is text in four formats; reading only YYYY-MM-DD is accepted (the catalog cannot show it)",
    ),
]

JOINS = [
    case(
        "join-customer-name-segment",
        "for each order, can you add the customer's name and segment? keep orders even if the customer isn't found",
        "chatty",
        "dev",
        "join",
        _names_and_segments,
        alternatives=[lambda f: _names_and_segments(f, whole_row_unique=True)],
        note="a left join; customers repeated exactly may be collapsed first",
    ),
    case(
        "join-product-category",
        "orders with their product's category (only orders whose product is in the catalogue)",
        "paraphrase",
        "dev",
        "join",
        lambda f: f["orders"].join(f["products"].select("product_id", "category"), on="product_id"),
    ),
    case(
        "join-revenue-per-segment",
        "What's the total revenue per customer segment?",
        "question",
        "test",
        "join-aggregate",
        _revenue_per_segment,
        alternatives=[
            lambda f: _revenue_per_segment(f, "left"),
            lambda f: _revenue_per_segment(f, "inner", True),
            lambda f: _revenue_per_segment(f, "left", True),
        ],
        note="orders of unknown customers may form a null group; exact duplicate customers may be collapsed",
    ),
    case(
        "join-electronics-orders",
        "ordres for electronics products",
        "typo",
        "test",
        "join",
        _electronics_orders,
    ),
    case(
        "join-customers-never-ordered",
        "Which customers have never placed an order?",
        "question",
        "test",
        "join",
        lambda f: f["customers"].join(f["orders"], on="customer_id", how="anti"),
    ),
    case(
        "join-best-customers",
        "who are our 5 best customers by total spend? show their name and how much they spent",
        "chatty",
        "test",
        "join-top-n",
        lambda f: _best_customers(f).select("name", "spent"),
        sort_key=["spent"],
        note="grouped by customer_id (names repeat across customers)",
    ),
]

CASES = [*SUMMARIES, *JOINS]
