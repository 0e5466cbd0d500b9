"""Fresh13 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import FOLDED_NOTE

SIGNUP_NOTE = (
    "signup_date is text in four formats: read in all of them, or only where written YYYY-MM-DD (what a plain"
    " cast reads)"
)


def _distinct_buyers(f: Frames, known_only: bool) -> pl.DataFrame:
    rows = f["orders"]
    if known_only:
        rows = rows.join(f["customers"].select("customer_id"), on="customer_id", how="semi")
    return rows.select(pl.col("customer_id").n_unique().alias("customers"))


def _mean_income_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("income").mean())


def _churn_share_per_payment(f: Frames, scale: float) -> pl.DataFrame:
    return f["churn"].group_by("payment_method").agg((pl.col("churned").mean() * scale).alias("churn_rate"))


def _signups_per_year(f: Frames, day: pl.Expr, keep_unread: bool) -> pl.DataFrame:
    rows = f["customers"].with_columns(day.dt.year().alias("year"))
    rows = rows if keep_unread else rows.filter(pl.col("year").is_not_null())
    return rows.group_by("year").agg(pl.len().alias("customers"))


def _shipped_per_month_2023(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("ship_date").dt.year() == 2023)
    key = pl.col("ship_date").dt.month() if as_number else truth.month("ship_date")
    return rows.group_by(key.alias("month")).agg(pl.len().alias("orders"))


MEDIAN_TENURE_PER_CONTRACT = [
    lambda f, folded=folded: truth.per_folded(f, "contract", truth.contract(), folded, pl.col("tenure_months").median())
    for folded in (True, False)
]
PRODUCTS_PER_CATEGORY = [
    lambda f, folded=folded: truth.per_folded(f, "category", truth.category(), folded, pl.len().alias("products"))
    for folded in (True, False)
]
REVENUE_PER_STATUS = [
    lambda f, folded=folded: truth.per_folded(f, "status", truth.status(), folded, pl.col("total_revenue").sum())
    for folded in (True, False)
]
CHURN_RATE_PER_INTERNET_CONTRACT = [
    lambda f, folded=folded, scale=scale: truth.per_folded(
        f,
        "contract",
        truth.contract(),
        folded,
        (pl.col("churned").mean() * scale).alias("churn_rate"),
        keys=("internet_service",),
    )
    for folded in (True, False)
    for scale in (1, 100)
]
ORDERS_PER_COUNTRY_STATUS = [
    lambda f, folded=folded: truth.per_folded(
        f, "status", truth.status(), folded, pl.len().alias("orders"), keys=("country",)
    )
    for folded in (True, False)
]
SIGNUPS_PER_YEAR = [
    lambda f: _signups_per_year(f, truth.signup_day(), keep_unread=False),
    *(lambda f, keep=keep: _signups_per_year(f, truth.iso_signup_day(), keep) for keep in (True, False)),
]

OVERALL = [
    case(
        "f13-agg-mean-monthly-charge",
        "Compute the mean of the monthly charges over the entire churn dataset.",
        "formal",
        "fresh13",
        "aggregate-all",
        lambda f: f["churn"].select(pl.col("monthly_charges").mean()),
        note="the mean of churn.monthly_charges over every row, the eight outliers included: one number",
    ),
    case(
        "f13-agg-distinct-buyers",
        "hw many unique custmer ids show up in the ordrs tabel",
        "typo",
        "fresh13",
        "aggregate-all",
        lambda f: _distinct_buyers(f, known_only=False),
        alternatives=[lambda f: _distinct_buyers(f, known_only=True)],
        note="distinct orders.customer_id: one number; the orphan ids that customers lacks counted or not",
    ),
]

BY_KEY = [
    case(
        "f13-agg-mean-income-per-region",
        "avg income by region",
        "terse",
        "fresh13",
        "aggregate",
        lambda f: _mean_income_per_region(f, keep_missing=True),
        alternatives=[lambda f: _mean_income_per_region(f, keep_missing=False)],
        note="mean churn.income per churn.region (missing incomes left out of the mean); the rows without a region"
        " form a group or are left out",
    ),
    case(
        "f13-agg-orders-per-destination",
        "hey! can you tell me how many orders went to each country? sizing up the EU expansion, cheers",
        "chatty",
        "fresh13",
        "aggregate",
        lambda f: f["orders"].group_by("country").agg(pl.len().alias("orders")),
        note="orders counted per orders.country (seven codes, stored one way)",
    ),
    case(
        "f13-agg-median-tenure-per-contract",
        "What's the median tenure for each contract type?",
        "question",
        "fresh13",
        "aggregate",
        MEDIAN_TENURE_PER_CONTRACT[0],
        alternatives=MEDIAN_TENURE_PER_CONTRACT[1:],
        note="median churn.tenure_months per contract folded to three or as stored (eight), negative tenures as"
        " stored; " + FOLDED_NOTE,
    ),
    case(
        "f13-agg-churn-share-per-payment",
        "for every way of paying, the proportion of subscribers that walked away",
        "paraphrase",
        "fresh13",
        "aggregate",
        lambda f: _churn_share_per_payment(f, 1),
        alternatives=[lambda f: _churn_share_per_payment(f, 100)],
        note="the mean of churned per payment_method (four, stored one way), as a fraction or a percentage",
    ),
    case(
        "f13-agg-products-per-category",
        "Give a count of catalogue items per product category.",
        "formal",
        "fresh13",
        "aggregate",
        PRODUCTS_PER_CATEGORY[0],
        alternatives=PRODUCTS_PER_CATEGORY[1:],
        note="products rows per category folded to six or as stored (the reused product ids counted as rows); "
        + FOLDED_NOTE,
    ),
    case(
        "f13-agg-revenue-per-status",
        "sum of revnu groupd by the ordr staus",
        "typo",
        "fresh13",
        "aggregate",
        REVENUE_PER_STATUS[0],
        alternatives=REVENUE_PER_STATUS[1:],
        note="total_revenue summed per status folded to five or as stored (twelve spellings), currencies as stored; "
        + FOLDED_NOTE,
    ),
    case(
        "f13-agg-churn-rate-internet-contract",
        "the proportion of leavers in every pairing of internet service and contract",
        "paraphrase",
        "fresh13",
        "aggregate-two-keys",
        CHURN_RATE_PER_INTERNET_CONTRACT[0],
        alternatives=CHURN_RATE_PER_INTERNET_CONTRACT[1:],
        note="the mean of churned per (internet_service, contract), the contract folded to three or as stored, as a"
        " fraction or a percentage; the internet_service label is compared, the folded contract's is not",
    ),
    case(
        "f13-agg-orders-country-by-status",
        "order count, country x status",
        "terse",
        "fresh13",
        "aggregate-two-keys",
        ORDERS_PER_COUNTRY_STATUS[0],
        alternatives=ORDERS_PER_COUNTRY_STATUS[1:],
        note="orders counted per (orders.country, status), the status folded to five or as stored; the country"
        " label is compared, the folded status's is not",
    ),
]

PERIODS = [
    case(
        "f13-agg-revenue-per-year",
        "hiya, could you total up the revenue for each year for me? prepping a long-range chart for the offsite,"
        " thanks!",
        "chatty",
        "fresh13",
        "aggregate-period",
        lambda f: f["orders"].group_by(pl.col("order_date").dt.year().alias("year")).agg(pl.col("total_revenue").sum()),
        note="total_revenue summed per year of order_date (2022 to 2025 and the far-future years), currencies as"
        " stored; the year as its number or its first day",
    ),
    case(
        "f13-agg-signups-per-year",
        "Roughly how many new customer accounts were opened per calendar year?",
        "question",
        "fresh13",
        "aggregate-period",
        SIGNUPS_PER_YEAR[0],
        alternatives=SIGNUPS_PER_YEAR[1:],
        note="customers rows per signup year (2018 to 2025 and the far-future years); "
        + SIGNUP_NOTE
        + "; read only as YYYY-MM-DD, the rows left unread form a group or are left out; the year as its number or"
        " its first day",
    ),
    case(
        "f13-agg-shipped-per-month-2023",
        "Provide the number of orders shipped in each month of 2023.",
        "formal",
        "fresh13",
        "aggregate-period",
        lambda f: _shipped_per_month_2023(f, as_number=False),
        alternatives=[lambda f: _shipped_per_month_2023(f, as_number=True)],
        note="orders counted per month of ship_date within 2023 (whatever the order date): twelve groups, the month"
        " as its first day, YYYY-MM text or its number",
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
