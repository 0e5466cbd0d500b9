"""Fresh12 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import FOLDED_NOTE


def _customers_per_segment(f: Frames, how: str) -> pl.DataFrame:
    if how == "distinct-ids":
        return f["customers"].group_by("segment").agg(pl.col("customer_id").n_unique().alias("customers"))
    rows = f["customers"].unique() if how == "distinct-rows" else f["customers"]
    return rows.group_by("segment").agg(pl.len().alias("customers"))


def _calls_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("support_calls").sum().alias("calls"))


def _subscribers_per_region_split(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region", "split").agg(pl.len().alias("subscribers"))


def _orders_per_month_2024(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2024)
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.len().alias("orders"))


def _revenue_per_quarter_2023(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2023)
    key = pl.col("order_date").dt.quarter() if as_number else pl.col("order_date").dt.truncate("1q")
    return rows.group_by(key.alias("quarter")).agg(pl.col("total_revenue").sum().alias("revenue"))


def _mean_quantity_per_year(f: Frames, as_number: bool) -> pl.DataFrame:
    year = pl.col("order_date").dt.year() if as_number else pl.col("order_date").dt.truncate("1y")
    return f["orders"].group_by(year.alias("year")).agg(pl.col("quantity").mean())


SEGMENT_COUNTS = [
    lambda f, how=how: _customers_per_segment(f, how) for how in ("rows", "distinct-rows", "distinct-ids")
]
TOP_CHARGE_PER_CONTRACT = [
    lambda f, folded=folded: truth.per_folded(f, "contract", truth.contract(), folded, pl.col("total_charges").max())
    for folded in (True, False)
]
ORDERS_PER_STATUS = [
    lambda f, folded=folded: truth.per_folded(f, "status", truth.status(), folded, pl.len().alias("orders"))
    for folded in (True, False)
]
MEAN_PRICE_PER_CATEGORY = [
    lambda f, folded=folded: truth.per_folded(f, "category", truth.category(), folded, pl.col("price").mean())
    for folded in (True, False)
]
REVENUE_PER_CURRENCY = [
    lambda f, folded=folded: truth.per_folded(f, "currency", truth.currency(), folded, pl.col("total_revenue").sum())
    for folded in (True, False)
]
CHARGE_PER_CONTRACT_INTERNET = [
    lambda f, folded=folded: truth.per_folded(
        f, "contract", truth.contract(), folded, pl.col("monthly_charges").mean(), keys=("internet_service",)
    )
    for folded in (True, False)
]

OVERALL = [
    case(
        "f12-agg-sterling-revenue-total",
        "sum of revenue, GBP orders only",
        "terse",
        "fresh12",
        "aggregate-all",
        lambda f: f["orders"].filter(pl.col("currency") == "GBP").select(pl.col("total_revenue").sum()),
        note="total_revenue summed over the orders in GBP (stored one way), whatever their status: one number",
    ),
    case(
        "f12-agg-share-churned",
        "What fraction of our subscribers have churned?",
        "question",
        "fresh12",
        "aggregate-all",
        lambda f: f["churn"].select(pl.col("churned").mean()),
        alternatives=[lambda f: f["churn"].select(pl.col("churned").mean() * 100)],
        note="the mean of churned (0 or 1, never missing): one number, as a fraction or a percentage",
    ),
]

BY_KEY = [
    case(
        "f12-agg-customers-per-segment",
        "hey, quick one: how many customers sit in each segment? the board deck needs it, ta",
        "chatty",
        "fresh12",
        "aggregate",
        SEGMENT_COUNTS[0],
        alternatives=SEGMENT_COUNTS[1:],
        note="customers per segment (three, stored one way): rows as stored, distinct rows, or distinct"
        " customer_ids; " + truth.DUPLICATE_NOTE,
    ),
    case(
        "f12-agg-top-total-charge-per-contract",
        "Report the highest total charge recorded under each contract type.",
        "formal",
        "fresh12",
        "aggregate",
        TOP_CHARGE_PER_CONTRACT[0],
        alternatives=TOP_CHARGE_PER_CONTRACT[1:],
        note="max churn.total_charges per contract folded to three or as stored (eight), missing totals left out; "
        + FOLDED_NOTE,
    ),
    case(
        "f12-agg-orders-per-status",
        "nmber of ordrs in evry staus",
        "typo",
        "fresh12",
        "aggregate",
        ORDERS_PER_STATUS[0],
        alternatives=ORDERS_PER_STATUS[1:],
        note="orders counted per status folded to five or as stored (twelve spellings); " + FOLDED_NOTE,
    ),
    case(
        "f12-agg-mean-price-per-range",
        "the typical price of an item in each product range, taken as an average",
        "paraphrase",
        "fresh12",
        "aggregate",
        MEAN_PRICE_PER_CATEGORY[0],
        alternatives=MEAN_PRICE_PER_CATEGORY[1:],
        note="a product range is products.category: mean price per category folded to six or as stored, missing"
        " prices left out, negative and outlier prices as stored; " + FOLDED_NOTE,
    ),
    case(
        "f12-agg-support-calls-per-region",
        "How many support calls in total came from each region?",
        "question",
        "fresh12",
        "aggregate",
        lambda f: _calls_per_region(f, keep_missing=True),
        alternatives=[lambda f: _calls_per_region(f, keep_missing=False)],
        note="support_calls summed per churn.region; the 60 rows without a region form a group or are left out",
    ),
    case(
        "f12-agg-revenue-per-currency",
        "revenue totals, one row per currency",
        "terse",
        "fresh12",
        "aggregate",
        REVENUE_PER_CURRENCY[0],
        alternatives=REVENUE_PER_CURRENCY[1:],
        note="total_revenue summed per currency, the euro's spellings ('eur', 'Euro', '€') folded into EUR or as"
        " stored; " + FOLDED_NOTE,
    ),
    case(
        "f12-agg-charge-per-contract-internet",
        "avg montly charge broken down by contrat and internt service",
        "typo",
        "fresh12",
        "aggregate-two-keys",
        CHARGE_PER_CONTRACT_INTERNET[0],
        alternatives=CHARGE_PER_CONTRACT_INTERNET[1:],
        note="mean monthly_charges per (contract, internet_service), the contract folded to three or as stored;"
        " the internet_service label is compared, the folded contract's is not",
    ),
    case(
        "f12-agg-subscribers-per-region-split",
        "a head count of subscribers for every region crossed with the train/test split",
        "paraphrase",
        "fresh12",
        "aggregate-two-keys",
        lambda f: _subscribers_per_region_split(f, keep_missing=True),
        alternatives=[lambda f: _subscribers_per_region_split(f, keep_missing=False)],
        note="rows per (churn.region, split), both stored one way; the rows without a region form groups or are"
        " left out",
    ),
]

PERIODS = [
    case(
        "f12-agg-orders-per-month-2024",
        "hi! could I get a count of orders for every month of 2024? doing the seasonality slides, cheers",
        "chatty",
        "fresh12",
        "aggregate-period",
        lambda f: _orders_per_month_2024(f, as_number=False),
        alternatives=[lambda f: _orders_per_month_2024(f, as_number=True)],
        note="orders counted per month of order_date within 2024: twelve groups, the month as its first day,"
        " YYYY-MM text or its number",
    ),
    case(
        "f12-agg-revenue-per-quarter-2023",
        "State the total revenue booked in each quarter of the 2023 calendar year.",
        "formal",
        "fresh12",
        "aggregate-period",
        lambda f: _revenue_per_quarter_2023(f, as_number=True),
        alternatives=[lambda f: _revenue_per_quarter_2023(f, as_number=False)],
        note="total_revenue summed per quarter of order_date within 2023: four groups, the quarter as its number"
        " or its first day, currencies as stored",
    ),
    case(
        "f12-agg-mean-units-per-year",
        "What was the average quantity per order in each year?",
        "question",
        "fresh12",
        "aggregate-period",
        lambda f: _mean_quantity_per_year(f, as_number=True),
        alternatives=[lambda f: _mean_quantity_per_year(f, as_number=False)],
        note="mean orders.quantity per year of order_date, the far-future years among them, negative quantities"
        " as stored; the year as its number or its first day",
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
