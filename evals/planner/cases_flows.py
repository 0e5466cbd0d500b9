"""Cases of several steps, conversations scored on their last turn, and requests a planner should refuse."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal


def _german_2024_over_200(f: Frames) -> pl.DataFrame:
    orders = f["orders"].filter(
        (pl.col("country") == "DE") & (pl.col("order_date").dt.year() == 2024) & (pl.col("total_revenue") > 200)
    )
    return orders.sort("total_revenue", descending=True).select("order_id", "total_revenue")


def _delivered_monthly_2024(f: Frames, as_number: bool = False) -> pl.DataFrame:
    orders = f["orders"].filter((truth.status() == "delivered") & (pl.col("order_date").dt.year() == 2024))
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return orders.group_by(key.alias("month")).agg(pl.col("total_revenue").sum())


def _enterprise_revenue_by_country(f: Frames, mode: str) -> pl.DataFrame:
    enterprise = f["customers"].filter(pl.col("segment") == "enterprise").select("customer_id")
    if mode == "unique":
        enterprise = enterprise.unique()
    how = "semi" if mode == "semi" else "inner"
    orders = f["orders"].join(enterprise, on="customer_id", how=how)
    return orders.group_by("country").agg(pl.col("total_revenue").sum())


def _top_products_by_units(f: Frames) -> pl.DataFrame:
    sold = f["orders"].filter(pl.col("product_id").is_not_null())
    units = sold.group_by("product_id").agg(pl.col("quantity").sum().alias("units"))
    top = units.sort("units", descending=True).head(5)
    names = f["products"].select("product_id", "name")
    return top.join(names, on="product_id", how="left", maintain_order="left")


def _orders_per_month(f: Frames) -> pl.DataFrame:
    return f["orders"].group_by(truth.month("order_date").alias("month")).agg(pl.len().alias("orders"))


def _orders_per_year_month(f: Frames) -> pl.DataFrame:
    day = pl.col("order_date")
    return f["orders"].group_by(day.dt.year().alias("year"), day.dt.month().alias("month")).agg(pl.len())


def _charges_by_service_region(f: Frames) -> pl.DataFrame:
    return f["churn"].group_by("internet_service", "region").agg(pl.col("monthly_charges").mean())


STEPS = [
    case(
        "combo-german-2024-big",
        "German orders from 2024 with revenue over 200, sorted by revenue biggest first; only order_id and revenue pls",
        "chatty",
        "test",
        "combination",
        _german_2024_over_200,
        sort_key=["total_revenue"],
        columns="exact",
    ),
    case(
        "combo-delivered-monthly-2024",
        "monthly revenue from delivered orders in 2024",
        "paraphrase",
        "dev",
        "combination",
        _delivered_monthly_2024,
        alternatives=[lambda f: _delivered_monthly_2024(f, as_number=True)],
        note="'delivered' covers its spelling variants",
    ),
    case(
        "combo-french-no-phone",
        "french custmers with no phone, exclude test acounts, just name and email",
        "typo",
        "test",
        "combination",
        lambda f: (
            f["customers"]
            .filter((truth.customer_country() == "FR") & pl.col("phone").is_null() & ~pl.col("is_test_account"))
            .select("name", "email")
        ),
        columns="exact",
        note="customers.country also holds 'France', 'FRA' and 'fr'",
    ),
    case(
        "combo-enterprise-revenue",
        "Total revenue per order country, restricted to customers in the enterprise segment.",
        "formal",
        "test",
        "combination",
        lambda f: _enterprise_revenue_by_country(f, "inner"),
        alternatives=[
            lambda f: _enterprise_revenue_by_country(f, "unique"),
            lambda f: _enterprise_revenue_by_country(f, "semi"),
        ],
        note="a join (exact duplicate customers collapsed or not) or a semi join",
    ),
    case(
        "combo-fiber-churn-by-contract",
        "Among fiber subscribers, what's the churn rate per contract type?",
        "question",
        "test",
        "combination",
        lambda f: (
            f["churn"]
            .filter(pl.col("internet_service") == "fiber")
            .group_by(truth.contract())
            .agg(pl.col("churned").mean().alias("churn_rate"))
        ),
        note="contract variants ('M2M', 'One Year', '2 year'...) count with their type, named as the main spelling",
    ),
    case(
        "combo-top-products-units",
        "which 5 products sold the most units? show the product name too",
        "chatty",
        "test",
        "combination",
        _top_products_by_units,
        sort_key=["units"],
    ),
    case(
        "combo-dedupe-then-count",
        "after removing exact duplicate rows from orders, how many orders per country",
        "paraphrase",
        "test",
        "combination",
        lambda f: f["orders"].unique().group_by("country").agg(pl.len().alias("orders")),
    ),
    case(
        "combo-fill-then-average",
        "Replace missing total charges with 0, then compute the average total charges per internet service.",
        "formal",
        "dev",
        "combination",
        lambda f: (
            f["churn"]
            .with_columns(pl.col("total_charges").fill_null(0.0))
            .group_by("internet_service")
            .agg(pl.col("total_charges").mean())
        ),
    ),
]

CONVERSATIONS = [
    case(
        "turn-top-5-countries",
        ["revenue per country", "only the top 5"],
        "terse",
        "test",
        "follow-up",
        lambda f: (
            f["orders"]
            .group_by("country")
            .agg(pl.col("total_revenue").sum())
            .sort("total_revenue", descending=True)
            .head(5)
        ),
        sort_key=["total_revenue"],
    ),
    case(
        "turn-month-instead",
        ["how many orders did we get each year?", "hmm, group by month instead"],
        "chatty",
        "dev",
        "follow-up",
        _orders_per_month,
        alternatives=[_orders_per_year_month],
        note="the month as its first day or YYYY-MM text, or as year and month columns",
    ),
    case(
        "turn-drop-test-accounts",
        ["count customers per segment", "also drop test accounts"],
        "paraphrase",
        "test",
        "follow-up",
        lambda f: f["customers"].filter(~pl.col("is_test_account")).group_by("segment").agg(pl.len()),
    ),
    case(
        "turn-three-steps",
        ["orders from germany", "only the ones over 100 revenu", "sort by date newest first"],
        "typo",
        "test",
        "follow-up",
        lambda f: (
            f["orders"]
            .filter((pl.col("country") == "DE") & (pl.col("total_revenue") > 100))
            .sort("order_date", descending=True)
        ),
        sort_key=["order_date"],
    ),
    case(
        "turn-add-region",
        ["Average monthly charges per internet service.", "Break that down by region as well."],
        "formal",
        "dev",
        "follow-up",
        _charges_by_service_region,
        alternatives=[lambda f: _charges_by_service_region(f).filter(pl.col("region").is_not_null())],
    ),
    case(
        "turn-average-instead",
        ["total revenue by country", "actually, make that the average instead of the total"],
        "chatty",
        "test",
        "follow-up",
        lambda f: f["orders"].group_by("country").agg(pl.col("total_revenue").mean()),
    ),
]

REFUSALS = [
    refusal("refuse-nonsense", "blorp the flibbertigibbet", "terse", "dev", "not a request about the data"),
    refusal("refuse-colour", "What is each customer's favourite colour?", "question", "dev", "no such column"),
    refusal(
        "refuse-predict-and-email",
        "can you predict which subscribers will churn next month and email them all a discount?",
        "chatty",
        "test",
        "a model and an email campaign, not a pipeline",
    ),
    refusal("refuse-sales-rep", "revenue per sales rep", "paraphrase", "test", "no sales rep in any dataset"),
    refusal(
        "refuse-suppliers",
        "Join the orders with the suppliers table and list each supplier's name.",
        "formal",
        "dev",
        "no suppliers dataset",
    ),
    refusal("refuse-profit", "What's the profit margin per product?", "question", "test", "no costs anywhere"),
    refusal(
        "refuse-partial-rating",
        "revenue per country, plus the average delivery rating per country",
        "chatty",
        "test",
        "revenue is there, delivery ratings are not: the rating part must be reported as not understood",
    ),
    refusal("refuse-weather", "orders by the wether on the order day", "typo", "test", "no weather data"),
    refusal("refuse-gibberish", "asdkjh qwe 123 zzz", "terse", "test", "not a request at all"),
]

CASES = [*STEPS, *CONVERSATIONS, *REFUSALS]
