"""Fresh2 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case

MONTH_NOTE = "the month as its first day, as YYYY-MM text, or (within one year) as its number"


def _distinct_products(f: Frames, count_missing: bool) -> pl.DataFrame:
    ids = pl.col("product_id") if count_missing else pl.col("product_id").drop_nulls()
    return f["orders"].select(ids.n_unique().alias("products"))


def _tenure_by_region_service(f: Frames, drop_missing: bool) -> pl.DataFrame:
    churn = f["churn"].filter(pl.col("region").is_not_null()) if drop_missing else f["churn"]
    return churn.group_by("region", "internet_service").agg(pl.col("tenure_months").mean().alias("tenure"))


def _shipped_per_month_2024(f: Frames, as_number: bool) -> pl.DataFrame:
    shipped = f["orders"].filter(pl.col("ship_date").dt.year() == 2024)
    key = pl.col("ship_date").dt.month() if as_number else truth.month("ship_date")
    return shipped.group_by(key.alias("month")).agg(pl.len().alias("orders"))


def _takings_first_week_march(f: Frames) -> pl.DataFrame:
    week = f["orders"].filter(pl.col("order_date").is_between(dt.date(2024, 3, 1), dt.date(2024, 3, 7)))
    return week.group_by("order_date").agg(pl.col("total_revenue").sum().alias("revenue"))


OVERALL = [
    case(
        "f2-agg-total-units",
        "total quantity ordered",
        "terse",
        "fresh2",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("quantity").sum()),
        note="every order row counts, negative quantities included",
    ),
    case(
        "f2-agg-mean-charge",
        "What's the average monthly charge across all subscribers?",
        "question",
        "fresh2",
        "aggregate-all",
        lambda f: f["churn"].select(pl.col("monthly_charges").mean()),
    ),
    case(
        "f2-agg-distinct-products",
        "Report the number of distinct products that have been ordered.",
        "formal",
        "fresh2",
        "aggregate-all",
        lambda f: _distinct_products(f, count_missing=False),
        alternatives=[lambda f: _distinct_products(f, count_missing=True)],
        note="distinct product_ids in orders; 30 orders have none, and counting that gap as one more value is accepted",
    ),
]

BY_KEY = [
    case(
        "f2-agg-calls-by-contract",
        "I'm curious what the average number of support calls is for each contract type, could you work it out?",
        "chatty",
        "fresh2",
        "aggregate",
        lambda f: (
            f["churn"].group_by(truth.contract().alias("contract")).agg(pl.col("support_calls").mean().alias("calls"))
        ),
        note="'M2M', 'One Year', '2 year'... count with the contract type they stand for, named by its main spelling",
    ),
    case(
        "f2-agg-revenue-by-currency",
        "totl revenu per curency",
        "typo",
        "fresh2",
        "aggregate",
        lambda f: (
            f["orders"].group_by(truth.currency().alias("currency")).agg(pl.col("total_revenue").sum().alias("revenue"))
        ),
        note="'eur', 'Euro' and '€' are summed with EUR",
    ),
    case(
        "f2-agg-charge-by-payment",
        "average monthly bill per way of paying",
        "paraphrase",
        "fresh2",
        "aggregate",
        lambda f: f["churn"].group_by("payment_method").agg(pl.col("monthly_charges").mean().alias("charges")),
        note="the monthly bill is monthly_charges, the way of paying is payment_method",
    ),
    case(
        "f2-agg-price-by-category",
        "Compute the average product price for each category.",
        "formal",
        "fresh2",
        "aggregate",
        lambda f: f["products"].group_by(truth.category()).agg(pl.col("price").mean()).select("price"),
        note=(
            "spellings of a category ('Gardens', 'toys', 'HOME & KITCHEN'...) are averaged together: six groups; only"
            " the averages are checked, since how a planner writes the merged label is its choice"
        ),
    ),
    case(
        "f2-agg-max-revenue-country",
        "What's the largest order revenue in each country?",
        "question",
        "fresh2",
        "aggregate",
        lambda f: f["orders"].group_by("country").agg(pl.col("total_revenue").max().alias("largest")),
        note="by the order's country",
    ),
    case(
        "f2-agg-status-country",
        "order count by status and country",
        "terse",
        "fresh2",
        "aggregate-two-keys",
        lambda f: f["orders"].group_by(truth.status().alias("status"), "country").agg(pl.len().alias("orders")),
        note="status spellings ('Delivered', 'delivred', 'shipped '...) count with the value they stand for",
    ),
    case(
        "f2-agg-tenure-region-service",
        "avg tenure by regoin and internet servce",
        "typo",
        "fresh2",
        "aggregate-two-keys",
        lambda f: _tenure_by_region_service(f, drop_missing=False),
        alternatives=[lambda f: _tenure_by_region_service(f, drop_missing=True)],
        note="60 rows have no region; their groups may be kept or left out",
    ),
]

PERIODS = [
    case(
        "f2-agg-shipped-per-month-2024",
        "could you count how many orders shipped in each month of 2024?",
        "chatty",
        "fresh2",
        "aggregate-period",
        lambda f: _shipped_per_month_2024(f, as_number=False),
        alternatives=[lambda f: _shipped_per_month_2024(f, as_number=True)],
        note="by ship_date, not order_date; " + MONTH_NOTE,
    ),
    case(
        "f2-agg-mean-revenue-per-year",
        "Report the mean order revenue for each year in which orders were placed.",
        "formal",
        "fresh2",
        "aggregate-period",
        lambda f: (
            f["orders"]
            .group_by(pl.col("order_date").dt.year().alias("year"))
            .agg(pl.col("total_revenue").mean().alias("revenue"))
        ),
        note="the dozen orders dated years ahead (2031-2035) form their own years",
    ),
    case(
        "f2-agg-daily-takings",
        "daily takings for the first week of March 2024",
        "paraphrase",
        "fresh2",
        "aggregate-period",
        _takings_first_week_march,
        note="takings are total_revenue summed per order_date, 1 to 7 March 2024",
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
