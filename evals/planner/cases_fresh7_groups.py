"""Fresh7 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case

MONTH_NOTE = "the month as its first day, as YYYY-MM text, or (within one year) as its number"
QUARTER_NOTE = "the quarter as its number or its first day"


def _count_by(f: Frames, dataset: str, key: pl.Expr, name: str) -> pl.DataFrame:
    return f[dataset].group_by(key.alias(name)).agg(pl.len().alias("rows"))


def _revenue_per_currency(f: Frames, folded: bool) -> pl.DataFrame:
    key = truth.currency() if folded else pl.col("currency")
    return f["orders"].group_by(key.alias("currency")).agg(pl.col("total_revenue").sum().alias("revenue"))


def _customers_per_segment_country(f: Frames, folded: bool, dedupe: bool) -> pl.DataFrame:
    rows = f["customers"].unique() if dedupe else f["customers"]
    country = truth.customer_country() if folded else pl.col("country")
    return rows.group_by("segment", country.alias("country")).agg(pl.len().alias("customers"))


def _tenure_range_per_contract(f: Frames, folded: bool) -> pl.DataFrame:
    kind = truth.contract() if folded else pl.col("contract")
    return (
        f["churn"]
        .group_by(kind.alias("contract"))
        .agg(pl.col("tenure_months").min().alias("min_tenure"), pl.col("tenure_months").max().alias("max_tenure"))
    )


def _orders_per_quarter_2024(f: Frames, as_date: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2024)
    key = pl.col("order_date").dt.truncate("1q") if as_date else pl.col("order_date").dt.quarter()
    return rows.group_by(key.alias("quarter")).agg(pl.len().alias("orders"))


def _revenue_per_month_2023(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2023)
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.col("total_revenue").sum().alias("revenue"))


def _signups_per_year(f: Frames, day: pl.Expr, dedupe: bool, keep_unread: bool) -> pl.DataFrame:
    rows = f["customers"].unique() if dedupe else f["customers"]
    years = rows.with_columns(day.dt.year().alias("year"))
    years = years if keep_unread else years.filter(pl.col("year").is_not_null())
    return years.group_by("year").agg(pl.len().alias("customers"))


def _typical_income_per_split(f: Frames, median: bool) -> pl.DataFrame:
    measure = pl.col("income").median() if median else pl.col("income").mean()
    return f["churn"].group_by("split").agg(measure.alias("income"))


SIGNUP_YEARS = [
    lambda f, d=d: _signups_per_year(f, truth.signup_day(), dedupe=d, keep_unread=False) for d in (False, True)
] + [
    lambda f, d=d, k=k: _signups_per_year(f, truth.iso_signup_day(), dedupe=d, keep_unread=k)
    for d in (False, True)
    for k in (False, True)
]

OVERALL = [
    case(
        "f7-agg-dearest-price",
        "the price of our dearest product",
        "paraphrase",
        "fresh7",
        "aggregate-all",
        lambda f: f["products"].select(pl.col("price").max()),
        note="dearest is most expensive: the highest products.price, one number (77,555.4, an outlier as stored);"
        " the product row itself is accepted only if it is the one row",
    ),
    case(
        "f7-agg-distinct-buyers",
        "hi, quick one: how many different customers have placed an order with us? just need the number",
        "chatty",
        "fresh7",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("customer_id").n_unique().alias("customers")),
        note="distinct orders.customer_id: 1,949, the ids customers lacks included (they did place the orders)",
    ),
]

BY_KEY = [
    case(
        "f7-agg-orders-by-status",
        "status counts for orders",
        "terse",
        "fresh7",
        "aggregate",
        lambda f: _count_by(f, "orders", truth.status(), "status"),
        alternatives=[lambda f: _count_by(f, "orders", pl.col("status"), "status")],
        note="rows per status folded to five (delivered, shipped, cancelled, pending, returned) or the twelve"
        " spellings as stored",
    ),
    case(
        "f7-agg-mean-monthly-by-payment",
        "Report the average monthly charges for each payment method.",
        "formal",
        "fresh7",
        "aggregate",
        lambda f: f["churn"].group_by("payment_method").agg(pl.col("monthly_charges").mean()),
        note="mean monthly_charges per payment_method (four groups), the outliers included",
    ),
    case(
        "f7-agg-leaver-fraction-per-payment",
        "What fraction of the subscribers on each payment method ended up leaving?",
        "question",
        "fresh7",
        "aggregate",
        lambda f: f["churn"].group_by("payment_method").agg(pl.col("churned").mean().alias("churn_rate")),
        note="leaving is churned = 1: the mean of churned per payment_method, as a fraction (0.25 to 0.27)",
    ),
    case(
        "f7-agg-products-per-category",
        "how mnay prodcuts per catgory",
        "typo",
        "fresh7",
        "aggregate",
        lambda f: _count_by(f, "products", truth.category(), "category").drop("category"),
        alternatives=[lambda f: _count_by(f, "products", pl.col("category"), "category")],
        note="rows per category folded to six or as stored (16 spellings); the four reused product_ids are"
        " different products and count as rows; a folded group may be labelled by any of its spellings, so only"
        " its count is compared",
    ),
    case(
        "f7-agg-takings-per-currency",
        "takings broken down by the money each order was paid in",
        "paraphrase",
        "fresh7",
        "aggregate",
        lambda f: _revenue_per_currency(f, folded=True),
        alternatives=[lambda f: _revenue_per_currency(f, folded=False)],
        note="total_revenue summed per currency, the ways EUR is written folded to EUR (three groups) or as stored"
        " (six); no conversion between currencies",
    ),
    case(
        "f7-agg-median-income-per-split",
        "the typical household income in the train portion versus the test portion",
        "paraphrase",
        "fresh7",
        "aggregate",
        lambda f: _typical_income_per_split(f, median=True),
        alternatives=[lambda f: _typical_income_per_split(f, median=False)],
        note="income per churn split (train, test); 'typical' read as the median or the mean, the missing incomes"
        " left out either way",
    ),
    case(
        "f7-agg-tenure-range-per-contract",
        "churn min/max tenure by contract",
        "terse",
        "fresh7",
        "aggregate",
        lambda f: _tenure_range_per_contract(f, folded=True),
        alternatives=[lambda f: _tenure_range_per_contract(f, folded=False)],
        note="lowest and highest tenure_months per contract (negative tenures are the lowest in some); the contract"
        " folded to three types or as stored",
    ),
    case(
        "f7-agg-customers-per-segment-country",
        "Count the customers by segment and country.",
        "formal",
        "fresh7",
        "aggregate-two-keys",
        lambda f: _customers_per_segment_country(f, folded=True, dedupe=False),
        alternatives=[
            lambda f, c=c, d=d: _customers_per_segment_country(f, folded=c, dedupe=d)
            for c, d in [(True, True), (False, False), (False, True)]
        ],
        note="rows per segment and customers.country, the country folded to ISO codes (21 groups) or as stored;"
        " the 30 exact copies counted as stored or once",
    ),
]

PERIODS = [
    case(
        "f7-agg-orders-per-quarter-2024",
        "How many orders did we get per quarter in 2024?",
        "question",
        "fresh7",
        "aggregate-period",
        lambda f: _orders_per_quarter_2024(f, as_date=False),
        alternatives=[lambda f: _orders_per_quarter_2024(f, as_date=True)],
        note="orders counted per quarter of order_date within 2024; " + QUARTER_NOTE,
    ),
    case(
        "f7-agg-monthly-revenue-2023",
        "monthy revnue for 2023",
        "typo",
        "fresh7",
        "aggregate-period",
        lambda f: _revenue_per_month_2023(f, as_number=False),
        alternatives=[lambda f: _revenue_per_month_2023(f, as_number=True)],
        note="total_revenue summed per month of order_date in 2023; " + MONTH_NOTE,
    ),
    case(
        "f7-agg-signups-per-year",
        "hey! could you count how many customers signed up each year? curious how our growth looks",
        "chatty",
        "fresh7",
        "aggregate-period",
        SIGNUP_YEARS[0],
        alternatives=SIGNUP_YEARS[1:],
        note="customers counted per year of signup_date, the future years included; signup_date is text in four"
        " formats: read in all of them, or only YYYY-MM-DD (the rows left unread then form a group of their own"
        " or are left out); the 30 exact copies counted as stored or once; the year as a number",
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
