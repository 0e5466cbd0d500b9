"""Fresh5 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case

D = dt.date
MONTH_NOTE = "the month as its first day, as YYYY-MM text, or (within one year) as its number"
YEAR_NOTE = "the year as a number or as its 1 January"


def _tenure_by_region_churned(f: Frames, keep_missing: bool, keep_negative: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    rows = rows if keep_negative else rows.filter(pl.col("tenure_months") >= 0)
    return rows.group_by("region", "churned").agg(pl.col("tenure_months").mean().alias("avg_tenure"))


def _real_customers_per_city(f: Frames, keep_missing: bool, dedupe: bool) -> pl.DataFrame:
    rows = f["customers"].filter(~pl.col("is_test_account"))
    rows = rows.unique() if dedupe else rows
    rows = rows if keep_missing else rows.filter(pl.col("city").is_not_null())
    return rows.group_by("city").agg(pl.len().alias("customers"))


def _buyers_per_month_2024(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2024)
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.col("customer_id").n_unique().alias("customers"))


def _takings_h1_2025(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").is_between(D(2025, 1, 1), D(2025, 6, 30)))
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.col("total_revenue").sum().alias("revenue"))


OVERALL = [
    case(
        "f5-agg-delivered-units",
        "sum of quantity, delivered orders",
        "terse",
        "fresh5",
        "aggregate-all",
        lambda f: f["orders"].filter(truth.status() == "delivered").select(pl.col("quantity").sum()),
        note="one number; 'Delivered', 'DELIVERED' and 'delivred' are delivered too; quantities as stored",
    ),
    case(
        "f5-agg-churn-age-range",
        "What's the youngest and the oldest age among our subscribers?",
        "question",
        "fresh5",
        "aggregate-all",
        lambda f: f["churn"].select(pl.col("age").min().alias("youngest"), pl.col("age").max().alias("oldest")),
        note="min and max of churn.age in one row (18 and 80)",
    ),
    case(
        "f5-agg-revenue-2024-not-cancelled",
        "Calculate the total revenue of all orders placed in 2024, excluding cancelled orders.",
        "formal",
        "fresh5",
        "aggregate-all",
        lambda f: (
            f["orders"]
            .filter((pl.col("order_date").dt.year() == 2024) & (truth.status() != "cancelled"))
            .select(pl.col("total_revenue").sum())
        ),
        note="one sum; 'canceled' is cancelled too",
    ),
]

BY_KEY = [
    case(
        "f5-agg-max-revenue-per-currency",
        "highst ordr revnue per curency",
        "typo",
        "fresh5",
        "aggregate",
        lambda f: f["orders"].group_by(truth.currency().alias("currency")).agg(pl.col("total_revenue").max()),
        note="the largest total_revenue of any order in each currency; 'eur', 'Euro' and '€' are EUR: three groups"
        " (EUR, USD, GBP)",
    ),
    case(
        "f5-agg-tenure-region-churned",
        "hey, could you work out the average tenure for churned and non-churned subscribers in each region?",
        "chatty",
        "fresh5",
        "aggregate-two-keys",
        lambda f: _tenure_by_region_churned(f, keep_missing=True, keep_negative=True),
        alternatives=[
            lambda f, m=m, n=n: _tenure_by_region_churned(f, keep_missing=m, keep_negative=n)
            for m, n in [(False, True), (True, False), (False, False)]
        ],
        note="mean tenure_months by region and churned; the rows without a region may form their own groups or be"
        " left out; the 6 negative tenures may count as stored or be left out as impossible",
    ),
    case(
        "f5-agg-real-customers-per-town",
        "how many genuine shoppers each town has, leaving out the test logins",
        "paraphrase",
        "fresh5",
        "aggregate",
        lambda f: _real_customers_per_city(f, keep_missing=True, dedupe=False),
        alternatives=[
            lambda f, m=m, d=d: _real_customers_per_city(f, keep_missing=m, dedupe=d)
            for m, d in [(False, False), (True, True), (False, True)]
        ],
        note="customers with is_test_account false counted per city; the 121 without a city may form a group or be"
        " left out; the 30 exact copies may be counted as stored or once",
    ),
    case(
        "f5-agg-payment-count-median",
        "For each payment method, report the number of subscribers and their median monthly charges.",
        "formal",
        "fresh5",
        "aggregate",
        lambda f: (
            f["churn"]
            .group_by("payment_method")
            .agg(pl.len().alias("subscribers"), pl.col("monthly_charges").median().alias("median_monthly_charges"))
        ),
        note="four groups, two measures",
    ),
    case(
        "f5-agg-richest-region",
        "Which region has the highest average income?",
        "question",
        "fresh5",
        "aggregate-top-n",
        lambda f: (
            f["churn"]
            .filter(pl.col("region").is_not_null())
            .group_by("region")
            .agg(pl.col("income").mean().alias("income"))
            .sort("income", descending=True)
            .head(1)
            .select("region")
        ),
        note="north; the rows without a region average more, but no region is not a region; the average may be"
        " shown too",
    ),
    case(
        "f5-agg-unit-price-by-status",
        "avg unit_price by status",
        "terse",
        "fresh5",
        "aggregate",
        lambda f: f["orders"].group_by(truth.status().alias("status")).agg(pl.col("unit_price").mean()),
        note="status spellings ('Delivered', 'shipped ', 'canceled'...) counted with the status they stand for:"
        " five groups",
    ),
]

PERIODS = [
    case(
        "f5-agg-buyers-per-year",
        "Report the number of distinct customers who placed at least one order in each calendar year.",
        "formal",
        "fresh5",
        "aggregate-period",
        lambda f: (
            f["orders"]
            .group_by(pl.col("order_date").dt.year().alias("year"))
            .agg(pl.col("customer_id").n_unique().alias("customers"))
        ),
        note="distinct customer_ids by the year of order_date, the future years 2031 to 2035 included; " + YEAR_NOTE,
    ),
    case(
        "f5-agg-buyers-per-month-2024",
        "hey, how many unique buyers did we have each month in 2024?",
        "chatty",
        "fresh5",
        "aggregate-period",
        lambda f: _buyers_per_month_2024(f, as_number=False),
        alternatives=[lambda f: _buyers_per_month_2024(f, as_number=True)],
        note="distinct customer_ids per month of order_date in 2024; " + MONTH_NOTE,
    ),
    case(
        "f5-agg-mean-quantity-per-year",
        "avrage quantity per ordr by yeer",
        "typo",
        "fresh5",
        "aggregate-period",
        lambda f: (
            f["orders"]
            .group_by(pl.col("order_date").dt.year().alias("year"))
            .agg(pl.col("quantity").mean().alias("avg_quantity"))
        ),
        note="mean quantity by the year of order_date, quantities as stored, future years included; " + YEAR_NOTE,
    ),
    case(
        "f5-agg-takings-h1-2025",
        "takings per calendar month over the first half of 2025",
        "paraphrase",
        "fresh5",
        "aggregate-period",
        lambda f: _takings_h1_2025(f, as_number=False),
        alternatives=[lambda f: _takings_h1_2025(f, as_number=True)],
        note="takings are total_revenue summed, January to June 2025 by order_date; " + MONTH_NOTE,
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
