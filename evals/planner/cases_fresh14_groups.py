"""Fresh14 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import FOLDED_NOTE

SIGNUP_NOTE = (
    "signup_date is text in four formats: read in all of them, or only where written YYYY-MM-DD (what a plain"
    " cast reads)"
)


def _churn_rate(f: Frames, scale: float) -> pl.DataFrame:
    return f["churn"].select((pl.col("churned").mean() * scale).alias("churn_rate"))


def _distinct_products_ordered(f: Frames, count_missing: bool) -> pl.DataFrame:
    ids = f["orders"]["product_id"]
    ids = ids if count_missing else ids.drop_nulls()
    return pl.DataFrame({"products": [ids.n_unique()]})


def _mean_age(f: Frames, keep_negative: bool) -> pl.DataFrame:
    rows = f["customers"] if keep_negative else f["customers"].filter(pl.col("age") >= 0)
    return rows.select(pl.col("age").mean())


def _subscribers_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.len().alias("subscribers"))


def _units_per_product(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["orders"] if keep_missing else f["orders"].filter(pl.col("product_id").is_not_null())
    return rows.group_by("product_id").agg(pl.col("quantity").sum())


def _customers_per_country(f: Frames, folded: bool) -> pl.DataFrame:
    if folded:
        return f["customers"].group_by(truth.customer_country().alias("country")).agg(pl.len()).drop("country")
    return f["customers"].group_by("country").agg(pl.len().alias("customers"))


def _orders_per_weekday(f: Frames) -> pl.DataFrame:
    weekday = pl.col("order_date").dt.weekday().alias("weekday")
    return f["orders"].group_by(weekday).agg(pl.len().alias("orders")).drop("weekday")


def _mean_revenue_per_quarter_2024(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2024)
    key = pl.col("order_date").dt.quarter() if as_number else pl.col("order_date").dt.truncate("1q")
    return rows.group_by(key.alias("quarter")).agg(pl.col("total_revenue").mean())


UNIT_PRICE_PER_CURRENCY = [
    lambda f, folded=folded: truth.per_folded(f, "currency", truth.currency(), folded, pl.col("unit_price").mean())
    for folded in (True, False)
]
CHURNERS_PER_CONTRACT = [
    *(
        lambda f, folded=folded: truth.per_folded(
            f, "contract", truth.contract(), folded, pl.col("churned").sum().alias("churned")
        )
        for folded in (True, False)
    ),
    lambda f: f["churn"].filter(pl.col("churned") == 1).group_by("contract").agg(pl.len().alias("churned")),
]
ORDERS_PER_COUNTRY_CURRENCY = [
    lambda f, folded=folded: truth.per_folded(
        f, "currency", truth.currency(), folded, pl.len().alias("orders"), keys=("country",)
    )
    for folded in (True, False)
]

OVERALL = [
    case(
        "f14-agg-overall-churn-rate",
        "overall churn rate",
        "terse",
        "fresh14",
        "aggregate-all",
        lambda f: _churn_rate(f, 1),
        alternatives=[lambda f: _churn_rate(f, 100)],
        note="the mean of churn.churned over every row (0.259), as a fraction or a percentage: one number",
    ),
    case(
        "f14-agg-distinct-products-ordered",
        "How many different products have actually been ordered?",
        "question",
        "fresh14",
        "aggregate-all",
        lambda f: _distinct_products_ordered(f, count_missing=False),
        alternatives=[lambda f: _distinct_products_ordered(f, count_missing=True)],
        note="distinct orders.product_id: 200 (every product has been ordered); the missing product id counted as"
        " one more value (201) is accepted too",
    ),
    case(
        "f14-agg-mean-customer-age",
        "hi! quick one, what's the average age of our customers? for a persona workshop tomorrow, thanks",
        "chatty",
        "fresh14",
        "aggregate-all",
        lambda f: _mean_age(f, keep_negative=True),
        alternatives=[lambda f: _mean_age(f, keep_negative=False)],
        note="the mean of customers.age, missing ages left out; the ten negative ages kept as stored or left out"
        " as impossible: one number",
    ),
]

BY_KEY = [
    case(
        "f14-agg-subscribers-per-region",
        "hey! could you count the subscribers in each region for me? we're redrawing sales territories, ta",
        "chatty",
        "fresh14",
        "aggregate",
        lambda f: _subscribers_per_region(f, keep_missing=True),
        alternatives=[lambda f: _subscribers_per_region(f, keep_missing=False)],
        note="churn rows per churn.region; the 60 rows without a region form a group or are left out",
    ),
    case(
        "f14-agg-mean-unit-price-per-currency",
        "avg unit pric per curency",
        "typo",
        "fresh14",
        "aggregate",
        UNIT_PRICE_PER_CURRENCY[0],
        alternatives=UNIT_PRICE_PER_CURRENCY[1:],
        note="mean orders.unit_price per currency folded to three (EUR, USD, GBP) or as stored (six spellings); "
        + FOLDED_NOTE,
    ),
    case(
        "f14-agg-churners-per-contract",
        "for each kind of contract, how many people ended up cancelling on us",
        "paraphrase",
        "fresh14",
        "aggregate",
        CHURNERS_PER_CONTRACT[0],
        alternatives=CHURNERS_PER_CONTRACT[1:],
        note="churned subscribers (churned = 1) counted per contract folded to three or as stored; as stored,"
        " 'One Year' has no churner, a group of 0 when churned is summed and absent when churners are filtered"
        " and counted; " + FOLDED_NOTE,
    ),
    case(
        "f14-agg-units-per-product",
        "hey, could you add up the quantity sold for each product? trying to spot our slow movers, cheers",
        "chatty",
        "fresh14",
        "aggregate",
        lambda f: _units_per_product(f, keep_missing=True),
        alternatives=[lambda f: _units_per_product(f, keep_missing=False)],
        note="orders.quantity summed per product_id (negative and outlier quantities as stored); the 30 orders"
        " without a product form a group or are left out",
    ),
    case(
        "f14-agg-max-charge-per-internet",
        "internet service -> peak monthly charge",
        "terse",
        "fresh14",
        "aggregate",
        lambda f: f["churn"].group_by("internet_service").agg(pl.col("monthly_charges").max()),
        note="the highest churn.monthly_charges per internet_service (three, stored one way), outliers as stored",
    ),
    case(
        "f14-agg-customers-per-country",
        "customers per country",
        "terse",
        "fresh14",
        "aggregate",
        lambda f: _customers_per_country(f, folded=True),
        alternatives=[lambda f: _customers_per_country(f, folded=False)],
        note="customers rows per customers.country folded to seven codes or as stored (28 spellings); a folded"
        " group may be labelled by a code or a name, so only its measures are compared",
    ),
    case(
        "f14-agg-orders-country-currency",
        "ordr count per contry and curency",
        "typo",
        "fresh14",
        "aggregate-two-keys",
        ORDERS_PER_COUNTRY_CURRENCY[0],
        alternatives=ORDERS_PER_COUNTRY_CURRENCY[1:],
        note="orders counted per (orders.country, currency), the currency folded or as stored; the country label"
        " is compared, the folded currency's is not",
    ),
    case(
        "f14-agg-tenure-split-churned",
        "mean tenure broken down by both the train/test flag and whether the person churned",
        "paraphrase",
        "fresh14",
        "aggregate-two-keys",
        lambda f: f["churn"].group_by("split", "churned").agg(pl.col("tenure_months").mean()),
        note="mean churn.tenure_months per (split, churned): four groups, negative tenures as stored",
    ),
]

PERIODS = [
    case(
        "f14-agg-orders-per-weekday",
        "hi! which days of the week keep us busiest? a count of orders per weekday would do, we're working out"
        " support desk rotas, thanks",
        "chatty",
        "fresh14",
        "aggregate-period",
        _orders_per_weekday,
        note="orders counted per day of the week of order_date: seven groups; weekdays are numbered differently by"
        " different tools (Monday or Sunday first, from 0 or 1) or named, so only the counts are compared",
    ),
    case(
        "f14-agg-mean-revenue-per-quarter-2024",
        "Compute the average order revenue for each quarter of 2024, by order date.",
        "formal",
        "fresh14",
        "aggregate-period",
        lambda f: _mean_revenue_per_quarter_2024(f, as_number=False),
        alternatives=[lambda f: _mean_revenue_per_quarter_2024(f, as_number=True)],
        note="mean total_revenue per quarter of order_date within 2024 (currencies as stored): four groups, the"
        " quarter as its first day or its number",
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
