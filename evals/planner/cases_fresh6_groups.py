"""Fresh6 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case

MONTH_NOTE = "the month as its first day, as YYYY-MM text, or (within one year) as its number"
YEAR_NOTE = "the year as a number or as its 1 January"


def _customers_per_city(f: Frames, dedupe: bool) -> pl.DataFrame:
    rows = f["customers"].unique() if dedupe else f["customers"]
    return rows.group_by("city").agg(pl.len().alias("customers"))


def _most_calls_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("support_calls").max().alias("most_calls"))


def _segment_size_and_age(f: Frames, dedupe: bool, keep_negative: bool) -> pl.DataFrame:
    rows = f["customers"].unique() if dedupe else f["customers"]
    age = pl.col("age") if keep_negative else pl.when(pl.col("age") >= 0).then(pl.col("age"))
    return rows.group_by("segment").agg(pl.len().alias("customers"), age.mean().alias("avg_age"))


def _left_and_stayed_per_contract(f: Frames, folded: bool) -> pl.DataFrame:
    kind = truth.contract() if folded else pl.col("contract")
    return f["churn"].group_by(kind.alias("contract"), "churned").agg(pl.len().alias("subscribers"))


def _shipped_per_quarter_2023(f: Frames, as_date: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("ship_date").dt.year() == 2023)
    key = pl.col("ship_date").dt.truncate("1q") if as_date else pl.col("ship_date").dt.quarter()
    return rows.group_by(key.alias("quarter")).agg(pl.len().alias("orders"))


def _orders_per_month_2022(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2022)
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.len().alias("orders"))


OVERALL = [
    case(
        "f6-agg-returned-count",
        "How many of our orders were returned altogether?",
        "question",
        "fresh6",
        "aggregate-all",
        lambda f: f["orders"].filter(truth.status() == "returned").select(pl.len().alias("orders")),
        note="one number, 502: 'Returned' counts with 'returned'",
    ),
    case(
        "f6-agg-unit-price-mean-median",
        "orders: mean + median unit_price",
        "terse",
        "fresh6",
        "aggregate-all",
        lambda f: f["orders"].select(
            pl.col("unit_price").mean().alias("mean_unit_price"),
            pl.col("unit_price").median().alias("median_unit_price"),
        ),
        note="one row, two measures over every order as stored",
    ),
    case(
        "f6-agg-monthly-bills-added",
        "what all our subscribers pay per month, added together",
        "paraphrase",
        "fresh6",
        "aggregate-all",
        lambda f: f["churn"].select(pl.col("monthly_charges").sum()),
        note="what they pay per month is monthly_charges; one sum over every subscriber, the outliers included",
    ),
]

BY_KEY = [
    case(
        "f6-agg-income-by-internet",
        "mean income by internet_service",
        "terse",
        "fresh6",
        "aggregate",
        lambda f: f["churn"].group_by("internet_service").agg(pl.col("income").mean()),
        note="three groups; the missing incomes add nothing",
    ),
    case(
        "f6-agg-units-per-country",
        "sum of quantitiy per cuntry in ordrs",
        "typo",
        "fresh6",
        "aggregate",
        lambda f: f["orders"].group_by("country").agg(pl.col("quantity").sum()),
        note="quantity summed per orders.country, quantities as stored (the outliers and negatives included)",
    ),
    case(
        "f6-agg-customers-per-city-blanks",
        "hey, could you tell me how many customers we have in each city? blanks can be their own group",
        "chatty",
        "fresh6",
        "aggregate",
        lambda f: _customers_per_city(f, dedupe=False),
        alternatives=[lambda f: _customers_per_city(f, dedupe=True)],
        note="rows counted per customers.city with the 121 without a city as a group of their own (33 groups);"
        " the 30 exact copies may be counted as stored or once",
    ),
    case(
        "f6-agg-most-calls-per-region",
        "What's the highest number of support calls in each region?",
        "question",
        "fresh6",
        "aggregate",
        lambda f: _most_calls_per_region(f, keep_missing=False),
        alternatives=[lambda f: _most_calls_per_region(f, keep_missing=True)],
        note="max support_calls per region; the rows without a region may form their own group or be left out",
    ),
    case(
        "f6-agg-segment-count-avg-age",
        "For each segment, report the number of customers and their average age.",
        "formal",
        "fresh6",
        "aggregate",
        lambda f: _segment_size_and_age(f, dedupe=False, keep_negative=True),
        alternatives=[
            lambda f, d=d, n=n: _segment_size_and_age(f, dedupe=d, keep_negative=n)
            for d, n in [(True, True), (False, False), (True, False)]
        ],
        note="rows and mean age per segment (three groups); the 30 exact copies may be counted as stored or once;"
        " the 10 negative ages may count as stored or be left out of the mean as impossible",
    ),
    case(
        "f6-agg-left-stayed-per-contract",
        "how many subscribers left versus stayed under each kind of contract",
        "paraphrase",
        "fresh6",
        "aggregate-two-keys",
        lambda f: _left_and_stayed_per_contract(f, folded=True),
        alternatives=[lambda f: _left_and_stayed_per_contract(f, folded=False)],
        note="rows counted by contract and churned (left is churned = 1); the contract with its spellings folded"
        " (six groups) or as stored are both accepted; a pivot to one column per outcome is not",
    ),
]

PERIODS = [
    case(
        "f6-agg-revenue-per-weekday",
        "totl revenu by day of the wek",
        "typo",
        "fresh6",
        "aggregate-period",
        lambda f: (
            f["orders"]
            .group_by(pl.col("order_date").dt.weekday().alias("weekday"))
            .agg(pl.col("total_revenue").sum().alias("revenue"))
            .select("revenue")
        ),
        note="total_revenue summed per day of the week of order_date: seven groups; days may be numbered from"
        " Sunday or Monday or named, so only the sums are checked",
    ),
    case(
        "f6-agg-shipped-per-quarter-2023",
        "Report the number of orders shipped in each quarter of 2023, by ship date.",
        "formal",
        "fresh6",
        "aggregate-period",
        lambda f: _shipped_per_quarter_2023(f, as_date=False),
        alternatives=[lambda f: _shipped_per_quarter_2023(f, as_date=True)],
        note="orders counted per quarter of ship_date within 2023; the quarter as its number or its first day",
    ),
    case(
        "f6-agg-orders-per-month-2022",
        "hi! could you count the orders we got each month of 2022? planning next year's staffing",
        "chatty",
        "fresh6",
        "aggregate-period",
        lambda f: _orders_per_month_2022(f, as_number=False),
        alternatives=[lambda f: _orders_per_month_2022(f, as_number=True)],
        note="orders counted per month of order_date in 2022; " + MONTH_NOTE,
    ),
    case(
        "f6-agg-delivered-revenue-per-year",
        "What was the total revenue in each year, counting only delivered orders?",
        "question",
        "fresh6",
        "aggregate-period",
        lambda f: (
            f["orders"]
            .filter(truth.status() == "delivered")
            .group_by(pl.col("order_date").dt.year().alias("year"))
            .agg(pl.col("total_revenue").sum().alias("revenue"))
        ),
        note="total_revenue of delivered orders ('Delivered', 'DELIVERED', 'delivred' too) by the year of"
        " order_date, any future years included; " + YEAR_NOTE,
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
