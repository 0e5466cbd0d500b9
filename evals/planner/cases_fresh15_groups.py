"""Fresh15 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import FOLDED_NOTE

SIGNUP_NOTE = (
    "signup_date is text in four formats: read in all of them, or only where written YYYY-MM-DD (what a plain"
    " cast reads)"
)


def _units(f: Frames, keep_negative: bool) -> pl.DataFrame:
    rows = f["orders"] if keep_negative else f["orders"].filter(pl.col("quantity") >= 0)
    return rows.select(pl.col("quantity").sum().alias("units"))


def _charges_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("total_charges").sum())


def _top_income_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("income").max())


def _mean_age_per_segment(f: Frames, keep_negative: bool) -> pl.DataFrame:
    rows = f["customers"] if keep_negative else f["customers"].filter(pl.col("age") >= 0)
    return rows.group_by("segment").agg(pl.col("age").mean())


def _products_per_category(f: Frames, folded: bool) -> pl.DataFrame:
    return truth.per_folded(f, "category", truth.category(), folded, pl.len().alias("products"))


def _signups_per_year(f: Frames, day: pl.Expr) -> pl.DataFrame:
    return f["customers"].group_by(day.dt.year().alias("year")).agg(pl.len().alias("customers"))


def _revenue_per_year(f: Frames) -> pl.DataFrame:
    year = pl.col("order_date").dt.year().alias("year")
    return f["orders"].group_by(year).agg(pl.col("total_revenue").sum().alias("revenue"))


def _per_service_contract(f: Frames, folded: bool) -> pl.DataFrame:
    return truth.per_folded(
        f, "contract", truth.contract(), folded, pl.len().alias("subscribers"), keys=("internet_service",)
    )


def _churn_rate_per_region_split(f: Frames, keep_missing: bool, scale: float) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region", "split").agg((pl.col("churned").mean() * scale).alias("churn_rate"))


CHURN_RATE_PER_REGION_SPLIT = [
    lambda f, keep=keep, scale=scale: _churn_rate_per_region_split(f, keep, scale)
    for scale in (1, 100)
    for keep in (True, False)
]
CHARGES_PER_CONTRACT = [
    lambda f, folded=folded: truth.per_folded(f, "contract", truth.contract(), folded, pl.col("total_charges").median())
    for folded in (True, False)
]
ORDERS_PER_STATUS = [
    lambda f, folded=folded: truth.per_folded(f, "status", truth.status(), folded, pl.len().alias("orders"))
    for folded in (True, False)
]

OVERALL = [
    case(
        "f15-agg-median-monthly-charge",
        "median monthly charge, whole churn table",
        "terse",
        "fresh15",
        "aggregate-all",
        lambda f: f["churn"].select(pl.col("monthly_charges").median()),
        note="the median of churn.monthly_charges over every row (68.75): one number, outliers as stored",
    ),
    case(
        "f15-agg-first-shipment",
        "When did our very first shipment go out?",
        "question",
        "fresh15",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("ship_date").min()),
        note="the earliest orders.ship_date (2021-12-20, before the first order_date: a shipped-before-ordered"
        " row as stored): one date; unshipped orders left out",
    ),
    case(
        "f15-agg-total-units",
        "State the total number of units across all orders.",
        "formal",
        "fresh15",
        "aggregate-all",
        lambda f: _units(f, keep_negative=True),
        alternatives=[lambda f: _units(f, keep_negative=False)],
        note="the sum of orders.quantity over every row, outlier quantities as stored; the negative quantities"
        " summed as stored or left out as data-entry errors: one number",
    ),
]

BY_KEY = [
    case(
        "f15-agg-median-total-charges-per-contract",
        "mediun total chrges for evry contrct",
        "typo",
        "fresh15",
        "aggregate",
        CHARGES_PER_CONTRACT[0],
        alternatives=CHARGES_PER_CONTRACT[1:],
        note="the median of churn.total_charges per contract folded to three or as stored (eight spellings),"
        " missing totals left out; " + FOLDED_NOTE,
    ),
    case(
        "f15-agg-orders-per-status",
        "status breakdown of orders (counts)",
        "terse",
        "fresh15",
        "aggregate",
        ORDERS_PER_STATUS[0],
        alternatives=ORDERS_PER_STATUS[1:],
        note="orders counted per status folded to five or as stored (twelve spellings); " + FOLDED_NOTE,
    ),
    case(
        "f15-agg-top-income-per-region",
        "the biggest income we see in each region",
        "paraphrase",
        "fresh15",
        "aggregate",
        lambda f: _top_income_per_region(f, keep_missing=True),
        alternatives=[lambda f: _top_income_per_region(f, keep_missing=False)],
        note="the highest churn.income per churn.region, missing incomes left out; the 60 rows without a region"
        " form a group or are left out",
    ),
    case(
        "f15-agg-mean-age-per-segment",
        "hello! what's the average customer age in each segment? the brand team is picking photos for the new"
        " site, many thanks",
        "chatty",
        "fresh15",
        "aggregate",
        lambda f: _mean_age_per_segment(f, keep_negative=True),
        alternatives=[lambda f: _mean_age_per_segment(f, keep_negative=False)],
        note="mean customers.age per segment (three, stored one way), missing ages left out; the ten negative"
        " ages kept as stored or left out as impossible",
    ),
    case(
        "f15-agg-products-per-category",
        "How many products sit in each category?",
        "question",
        "fresh15",
        "aggregate",
        lambda f: _products_per_category(f, folded=True),
        alternatives=[lambda f: _products_per_category(f, folded=False)],
        note="products rows per category folded to six or as stored (sixteen spellings); " + FOLDED_NOTE,
    ),
    case(
        "f15-agg-total-charges-per-region",
        "Provide the sum of total charges by region.",
        "formal",
        "fresh15",
        "aggregate",
        lambda f: _charges_per_region(f, keep_missing=True),
        alternatives=[lambda f: _charges_per_region(f, keep_missing=False)],
        note="churn.total_charges summed per churn.region, missing totals left out; the 60 rows without a region"
        " form a group or are left out",
    ),
    case(
        "f15-agg-subscribers-service-contract",
        "hey! how many subscribers have we got for each mix of internet service and contract? prepping a bundle"
        " proposal, thanks",
        "chatty",
        "fresh15",
        "aggregate-two-keys",
        lambda f: _per_service_contract(f, folded=True),
        alternatives=[lambda f: _per_service_contract(f, folded=False)],
        note="churn rows per (internet_service, contract), the contract folded to three or as stored; the"
        " internet service label is compared, the folded contract's is not",
    ),
    case(
        "f15-agg-churn-rate-region-split",
        "the share of people who left, split out by region and by whether the row is train or test",
        "paraphrase",
        "fresh15",
        "aggregate-two-keys",
        CHURN_RATE_PER_REGION_SPLIT[0],
        alternatives=CHURN_RATE_PER_REGION_SPLIT[1:],
        note="mean churn.churned per (region, split), as a fraction or a percentage; the rows without a region"
        " form two groups or are left out",
    ),
]

PERIODS = [
    case(
        "f15-agg-revenue-per-year",
        "revnue totl for each yr of ordr date",
        "typo",
        "fresh15",
        "aggregate-period",
        _revenue_per_year,
        note="orders.total_revenue summed per year of order_date (currencies as stored), the year as a number or"
        " its first day: 2022 to 2025 and the far-future years (2031, 2032, 2034, 2035) as stored",
    ),
    case(
        "f15-agg-signups-per-year",
        "Count the customers who signed up in each calendar year.",
        "formal",
        "fresh15",
        "aggregate-period",
        lambda f: _signups_per_year(f, truth.signup_day()),
        alternatives=[lambda f: _signups_per_year(f, truth.iso_signup_day())],
        note="customers rows per year of signup_date, the year as a number or its first day: "
        + SIGNUP_NOTE
        + " (the rows it cannot read then form a group without a year)",
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
