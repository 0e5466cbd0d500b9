"""Fresh8 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import FOLDED_NOTE

MONTH_NOTE = "the month as its first day, as YYYY-MM text, or (within one year) as its number"


def _count_by(f: Frames, dataset: str, key: pl.Expr, name: str, dedupe: bool = False) -> pl.DataFrame:
    rows = f[dataset].unique() if dedupe else f[dataset]
    return rows.group_by(key.alias(name)).agg(pl.len().alias("rows"))


def _region_churn(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.len().alias("subscribers"), pl.col("churned").mean().alias("churn_rate"))


def _median_income_by_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("income").median())


def _price_range_per_category(f: Frames, folded: bool) -> pl.DataFrame:
    key = truth.category() if folded else pl.col("category")
    out = (
        f["products"]
        .group_by(key.alias("category"))
        .agg(pl.col("price").max().alias("highest"), pl.col("price").min().alias("lowest"))
    )
    return out.drop("category") if folded else out


def _calls_per_contract(f: Frames, folded: bool) -> pl.DataFrame:
    key = truth.contract() if folded else pl.col("contract")
    out = f["churn"].group_by(key.alias("contract")).agg(pl.col("support_calls").mean())
    return out.drop("contract") if folded else out


def _orders_by_status_country(f: Frames, folded: bool) -> pl.DataFrame:
    key = truth.status() if folded else pl.col("status")
    out = f["orders"].group_by(key.alias("status"), "country").agg(pl.len().alias("orders"))
    return out.drop("status") if folded else out


def _orders_per_month_2024(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2024)
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.len().alias("orders"))


OVERALL = [
    case(
        "f8-agg-units-ever-sold",
        "the total number of units we've ever sold",
        "paraphrase",
        "fresh8",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("quantity").sum().alias("units")),
        note="quantity summed over every order as stored (outliers and negative quantities included): one number",
    ),
    case(
        "f8-agg-average-order-value",
        "hey quick q, what's the average order value across all our orders? just the one number pls",
        "chatty",
        "fresh8",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("total_revenue").mean().alias("average_order_value")),
        note="the mean of orders.total_revenue over all 10,000 rows as stored, no currency conversion: one number",
    ),
]

BY_KEY = [
    case(
        "f8-agg-tenure-by-internet",
        "churn: mean tenure_months per internet_service",
        "terse",
        "fresh8",
        "aggregate",
        lambda f: f["churn"].group_by("internet_service").agg(pl.col("tenure_months").mean()),
        note="mean tenure_months per internet_service (three groups, each spelled one way)",
    ),
    case(
        "f8-agg-subscribers-churn-rate-per-region",
        "Report the number of subscribers and the churn rate for each region.",
        "formal",
        "fresh8",
        "aggregate",
        lambda f: _region_churn(f, keep_missing=True),
        alternatives=[lambda f: _region_churn(f, keep_missing=False)],
        note="rows and the mean of churned per churn.region, as a fraction; the 60 rows without a region form a"
        " group of their own or are left out",
    ),
    case(
        "f8-agg-revenue-per-destination",
        "What's the total revenue for each country our orders were sent to?",
        "question",
        "fresh8",
        "aggregate",
        lambda f: f["orders"].group_by("country").agg(pl.col("total_revenue").sum().alias("revenue")),
        note="total_revenue summed per orders.country (where the orders went): seven groups",
    ),
    case(
        "f8-agg-customers-per-segment",
        "custmer count per segmnet pls",
        "typo",
        "fresh8",
        "aggregate",
        lambda f: _count_by(f, "customers", pl.col("segment"), "segment"),
        alternatives=[lambda f: _count_by(f, "customers", pl.col("segment"), "segment", dedupe=True)],
        note="rows per segment (three, each spelled one way); the 30 exact copies counted as stored or once",
    ),
    case(
        "f8-agg-price-range-per-category",
        "the dearest and the cheapest list price within each product category",
        "paraphrase",
        "fresh8",
        "aggregate",
        lambda f: _price_range_per_category(f, folded=True),
        alternatives=[lambda f: _price_range_per_category(f, folded=False)],
        note="highest and lowest products.price per category, folded to six or as stored (16 spellings), the"
        " outliers and negative prices as stored; " + FOLDED_NOTE,
    ),
    case(
        "f8-agg-calls-per-contract",
        "how often subscribers ring support on average, split by the kind of contract they're on",
        "paraphrase",
        "fresh8",
        "aggregate",
        lambda f: _calls_per_contract(f, folded=True),
        alternatives=[lambda f: _calls_per_contract(f, folded=False)],
        note="mean support_calls per contract, folded to three types or as stored (eight spellings); " + FOLDED_NOTE,
    ),
    case(
        "f8-agg-median-income-by-region",
        "churn median income by region",
        "terse",
        "fresh8",
        "aggregate",
        lambda f: _median_income_by_region(f, keep_missing=True),
        alternatives=[lambda f: _median_income_by_region(f, keep_missing=False)],
        note="median churn.income per region, missing incomes left out; the rows without a region form a group or"
        " are left out",
    ),
    case(
        "f8-agg-orders-by-status-and-country",
        "Count the orders for each combination of status and destination country.",
        "formal",
        "fresh8",
        "aggregate-two-keys",
        lambda f: _orders_by_status_country(f, folded=True),
        alternatives=[lambda f: _orders_by_status_country(f, folded=False)],
        note="rows per status and orders.country, the status folded to five or as stored (twelve spellings); "
        + FOLDED_NOTE,
    ),
]

PERIODS = [
    case(
        "f8-agg-revenue-per-year",
        "How much revenue did we take in each year?",
        "question",
        "fresh8",
        "aggregate-period",
        lambda f: (
            f["orders"]
            .group_by(pl.col("order_date").dt.year().alias("year"))
            .agg(pl.col("total_revenue").sum().alias("revenue"))
        ),
        note="total_revenue summed per year of order_date (2022 to 2035, the future dates as stored); the year as a"
        " number",
    ),
    case(
        "f8-agg-orders-per-month-2024",
        "nuber of orders per mnth in 2024",
        "typo",
        "fresh8",
        "aggregate-period",
        lambda f: _orders_per_month_2024(f, as_number=False),
        alternatives=[lambda f: _orders_per_month_2024(f, as_number=True)],
        note="orders counted per month of order_date within 2024; " + MONTH_NOTE,
    ),
    case(
        "f8-agg-orders-per-weekday",
        "hey! how many orders do we get on each day of the week? trying to plan warehouse shifts",
        "chatty",
        "fresh8",
        "aggregate-period",
        lambda f: (
            f["orders"]
            .group_by(pl.col("order_date").dt.weekday().alias("weekday"))
            .agg(pl.len().alias("orders"))
            .drop("weekday")
        ),
        note="orders counted per day of the week of order_date: seven groups; the day may be numbered from Sunday or"
        " Monday, or named, so only the counts are compared",
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
