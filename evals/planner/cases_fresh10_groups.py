"""Fresh10 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import FOLDED_NOTE


def _mean_age_per_segment(f: Frames, dedupe: bool, drop_negative: bool) -> pl.DataFrame:
    rows = f["customers"].unique() if dedupe else f["customers"]
    rows = rows.filter(pl.col("age") >= 0) if drop_negative else rows
    return rows.group_by("segment").agg(pl.col("age").mean())


def _units_per_currency(f: Frames, folded: bool) -> pl.DataFrame:
    key = truth.currency() if folded else pl.col("currency")
    out = f["orders"].group_by(key.alias("currency")).agg(pl.col("quantity").sum())
    return out.drop("currency") if folded else out


def _unit_price_range_per_currency(f: Frames, folded: bool) -> pl.DataFrame:
    key = truth.currency() if folded else pl.col("currency")
    out = (
        f["orders"]
        .group_by(key.alias("currency"))
        .agg(pl.col("unit_price").min().alias("lowest"), pl.col("unit_price").max().alias("highest"))
    )
    return out.drop("currency") if folded else out


def _per_region(f: Frames, keep_missing: bool, *measures: pl.Expr) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(*measures)


def _units_per_quarter_2024(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2024)
    key = pl.col("order_date").dt.quarter() if as_number else pl.col("order_date").dt.truncate("1q")
    return rows.group_by(key.alias("quarter")).agg(pl.col("quantity").sum())


def _shipped_per_month_2024(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("ship_date").dt.year() == 2024)
    key = pl.col("ship_date").dt.month() if as_number else truth.month("ship_date")
    return rows.group_by(key.alias("month")).agg(pl.len().alias("orders"))


def _order_value_per_weekday(f: Frames, measure: str) -> pl.DataFrame:
    value = pl.col("total_revenue").mean() if measure == "mean" else pl.col("total_revenue").median()
    out = f["orders"].group_by(pl.col("order_date").dt.weekday().alias("weekday")).agg(value.alias("value"))
    return out.drop("weekday")


MEAN_AGE = [
    lambda f, dedupe=dedupe, drop=drop: _mean_age_per_segment(f, dedupe, drop)
    for drop in (False, True)
    for dedupe in (False, True)
]
CALLS = [lambda f, keep=keep: _per_region(f, keep, pl.col("support_calls").mean()) for keep in (True, False)]
AGE_RANGE = [
    lambda f, keep=keep: _per_region(
        f, keep, pl.col("age").min().alias("youngest"), pl.col("age").max().alias("oldest")
    )
    for keep in (True, False)
]

OVERALL = [
    case(
        "f10-agg-most-support-calls",
        "What's the largest number of support calls any one subscriber has made?",
        "question",
        "fresh10",
        "aggregate-all",
        lambda f: f["churn"].select(pl.col("support_calls").max()),
        note="the maximum of churn.support_calls: one number (10)",
    ),
    case(
        "f10-agg-sterling-takings",
        "the combined takings from every sale settled in sterling",
        "paraphrase",
        "fresh10",
        "aggregate-all",
        lambda f: f["orders"].filter(pl.col("currency") == "GBP").select(pl.col("total_revenue").sum()),
        note="total_revenue summed over the orders in currency GBP (stored one way): one number",
    ),
]

BY_KEY = [
    case(
        "f10-agg-count-internet-by-churned",
        "churn count by internet_service and churned",
        "terse",
        "fresh10",
        "aggregate-two-keys",
        lambda f: f["churn"].group_by("internet_service", "churned").agg(pl.len().alias("subscribers")),
        note="rows per (internet_service, churned): six groups, both keys stored one way",
    ),
    case(
        "f10-agg-mean-age-per-segment",
        "Report the average customer age for each segment.",
        "formal",
        "fresh10",
        "aggregate",
        MEAN_AGE[0],
        alternatives=MEAN_AGE[1:],
        note="mean customers.age per segment (three, stored one way), missing ages left out; the ten negative ages"
        " kept as stored or left out as impossible, the 30 exact copies counted as stored or once",
    ),
    case(
        "f10-agg-units-per-currency",
        "totl quanity sold per currncy",
        "typo",
        "fresh10",
        "aggregate",
        lambda f: _units_per_currency(f, folded=True),
        alternatives=[lambda f: _units_per_currency(f, folded=False)],
        note="quantity summed per currency over every order whatever its status, the euro's spellings ('Euro',"
        " 'eur', '€') folded into EUR (three groups) or as stored (six); " + FOLDED_NOTE,
    ),
    case(
        "f10-agg-support-calls-per-region",
        "mean no. of suport calls in each regon",
        "typo",
        "fresh10",
        "aggregate",
        CALLS[0],
        alternatives=CALLS[1:],
        note="mean support_calls per churn.region; the 60 rows without a region form a group or are left out",
    ),
    case(
        "f10-agg-orders-and-mean-per-destination",
        "How many orders and what average revenue did each destination country see?",
        "question",
        "fresh10",
        "aggregate",
        lambda f: (
            f["orders"]
            .group_by("country")
            .agg(pl.len().alias("orders"), pl.col("total_revenue").mean().alias("average_revenue"))
        ),
        note="per orders.country (where the orders went, seven codes stored one way): the number of orders and"
        " the mean total_revenue, outliers and negative revenues as stored",
    ),
    case(
        "f10-agg-age-range-per-region",
        "the youngest and the oldest subscriber age in every region",
        "paraphrase",
        "fresh10",
        "aggregate",
        AGE_RANGE[0],
        alternatives=AGE_RANGE[1:],
        note="min and max churn.age per region; the rows without a region form a group or are left out",
    ),
    case(
        "f10-agg-unit-price-range-per-currency",
        "hi! could you tell me the lowest and highest unit price we've charged in each currency? sanity-checking"
        " the price feed, cheers",
        "chatty",
        "fresh10",
        "aggregate",
        lambda f: _unit_price_range_per_currency(f, folded=True),
        alternatives=[lambda f: _unit_price_range_per_currency(f, folded=False)],
        note="min and max orders.unit_price per currency, folded to three or as stored (six); " + FOLDED_NOTE,
    ),
    case(
        "f10-agg-split-by-churned",
        "How many subscribers are in each split, broken down by whether they churned?",
        "question",
        "fresh10",
        "aggregate-two-keys",
        lambda f: f["churn"].group_by("split", "churned").agg(pl.len().alias("subscribers")),
        note="rows per (split, churned): four groups, both keys stored one way",
    ),
]

PERIODS = [
    case(
        "f10-agg-units-per-quarter-2024",
        "units by quarter, 2024",
        "terse",
        "fresh10",
        "aggregate-period",
        lambda f: _units_per_quarter_2024(f, as_number=True),
        alternatives=[lambda f: _units_per_quarter_2024(f, as_number=False)],
        note="quantity summed per quarter of order_date within 2024: four groups, the quarter as its number or its"
        " first day",
    ),
    case(
        "f10-agg-shipped-per-month-2024",
        "Provide a monthly count of the orders dispatched during 2024.",
        "formal",
        "fresh10",
        "aggregate-period",
        lambda f: _shipped_per_month_2024(f, as_number=True),
        alternatives=[lambda f: _shipped_per_month_2024(f, as_number=False)],
        note="orders counted per month of ship_date (not order_date) within 2024: twelve groups, the month as its"
        " number, its first day or YYYY-MM text; unshipped orders have no ship month",
    ),
    case(
        "f10-agg-order-value-per-weekday",
        "hey! what's the typical order value on each day of the week? trying to decide when to run promos, cheers",
        "chatty",
        "fresh10",
        "aggregate-period",
        lambda f: _order_value_per_weekday(f, "mean"),
        alternatives=[lambda f: _order_value_per_weekday(f, "median")],
        note="total_revenue per day of the week of order_date (seven groups), typical read as the mean or the"
        " median; a weekday may be labelled by number or name, so only the measure is compared",
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
