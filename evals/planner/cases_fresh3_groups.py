"""Fresh3 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case

MONTH_NOTE = "the month as its first day, as YYYY-MM text, or (within one year) as its number"
RATE_NOTE = "churned is 0/1, so the rate is its mean; as a share or as a percentage are both accepted"


def _churn_rate_overall(f: Frames, scale: float) -> pl.DataFrame:
    return f["churn"].select((pl.col("churned").mean() * scale).alias("churn_rate"))


def _rate_by_contract_payment(f: Frames, scale: float) -> pl.DataFrame:
    return (
        f["churn"]
        .group_by(truth.contract().alias("contract"), "payment_method")
        .agg((pl.col("churned").mean() * scale).alias("churn_rate"))
    )


def _customers_per_country(f: Frames, distinct_ids: bool) -> pl.DataFrame:
    counted = pl.col("customer_id").n_unique() if distinct_ids else pl.len()
    return f["customers"].group_by(truth.customer_country().alias("country")).agg(counted.alias("customers"))


def _signups_per_month_2024(f: Frames, day: pl.Expr, as_number: bool) -> pl.DataFrame:
    signed = f["customers"].with_columns(day.alias("day")).filter(pl.col("day").dt.year() == 2024)
    key = pl.col("day").dt.month() if as_number else truth.month("day")
    return signed.group_by(key.alias("month")).agg(pl.len().alias("signups"))


def _units_shipped_per_month_2023(f: Frames, as_number: bool) -> pl.DataFrame:
    shipped = f["orders"].filter(pl.col("ship_date").dt.year() == 2023)
    key = pl.col("ship_date").dt.month() if as_number else truth.month("ship_date")
    return shipped.group_by(key.alias("month")).agg(pl.col("quantity").sum().alias("units"))


OVERALL = [
    case(
        "f3-agg-max-unit-price",
        "max unit price in orders",
        "terse",
        "fresh3",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("unit_price").max()),
        note="one number: the outliers of 25,000 and more included",
    ),
    case(
        "f3-agg-overall-churn-share",
        "roughly what share of our subscribers churned? just the overall number is fine",
        "chatty",
        "fresh3",
        "aggregate-all",
        lambda f: _churn_rate_overall(f, 1.0),
        alternatives=[lambda f: _churn_rate_overall(f, 100.0)],
        note=RATE_NOTE,
    ),
    case(
        "f3-agg-mean-days-to-ship",
        "on average, how long does it take us to ship an order?",
        "paraphrase",
        "fresh3",
        "aggregate-all",
        lambda f: f["orders"].select(
            (pl.col("ship_date") - pl.col("order_date")).dt.total_days().mean().alias("days_to_ship")
        ),
        note="the mean of ship_date minus order_date in days over the shipped orders (unshipped ones have no gap);"
        " the 25 shipped before they were ordered count with their negative gap",
    ),
]

BY_KEY = [
    case(
        "f3-agg-age-by-contract",
        "Report the average age of subscribers for each contract type.",
        "formal",
        "fresh3",
        "aggregate",
        lambda f: f["churn"].group_by(truth.contract().alias("contract")).agg(pl.col("age").mean().alias("age")),
        note="'M2M', 'One Year', '2 year'... count with the contract type they stand for, named by its main spelling",
    ),
    case(
        "f3-agg-orders-per-currency",
        "How many orders are there in each currency?",
        "question",
        "fresh3",
        "aggregate",
        lambda f: f["orders"].group_by(truth.currency().alias("currency")).agg(pl.len().alias("orders")),
        note="'eur', 'Euro' and '€' are counted with EUR: three groups",
    ),
    case(
        "f3-agg-quantity-by-country",
        "avg quantiy per country",
        "typo",
        "fresh3",
        "aggregate",
        lambda f: f["orders"].group_by("country").agg(pl.col("quantity").mean().alias("quantity")),
        note="orders by their own country; every row counts, outliers and negative quantities included",
    ),
    case(
        "f3-agg-max-price-by-category",
        "max price per category",
        "terse",
        "fresh3",
        "aggregate",
        lambda f: f["products"].group_by(truth.category()).agg(pl.col("price").max()).select("price"),
        note=(
            "spellings of a category ('sports', 'Gardens', 'BOOKS'...) are taken together: six groups; only the"
            " maxima are checked, since how a planner writes the merged label is its choice"
        ),
    ),
    case(
        "f3-agg-customers-per-country",
        "hey, could you count how many customers we've got in each country?",
        "chatty",
        "fresh3",
        "aggregate",
        lambda f: _customers_per_country(f, distinct_ids=False),
        alternatives=[lambda f: _customers_per_country(f, distinct_ids=True)],
        note=(
            "customers.country folded to ISO codes ('Germany', 'de', 'DE '... are DE): seven groups; counting rows or"
            " distinct customer_ids (45 ids are stored twice) are both accepted"
        ),
    ),
    case(
        "f3-agg-segment-by-test-flag",
        "customer counts per segment, real vs test accounts",
        "paraphrase",
        "fresh3",
        "aggregate-two-keys",
        lambda f: f["customers"].group_by("segment", "is_test_account").agg(pl.len().alias("customers")),
        note="real vs test is is_test_account; the 8 test accounts fall in consumer and smb",
    ),
    case(
        "f3-agg-churn-rate-contract-payment",
        "Compute the churn rate for each combination of contract type and payment method.",
        "formal",
        "fresh3",
        "aggregate-two-keys",
        lambda f: _rate_by_contract_payment(f, 1.0),
        alternatives=[lambda f: _rate_by_contract_payment(f, 100.0)],
        note=RATE_NOTE + "; contract spellings are folded to the three contract types first: twelve groups",
    ),
]

PERIODS = [
    case(
        "f3-agg-cancelled-per-year",
        "nuber of canceled orders per yeer",
        "typo",
        "fresh3",
        "aggregate-period",
        lambda f: (
            f["orders"]
            .filter(truth.status() == "cancelled")
            .group_by(pl.col("order_date").dt.year().alias("year"))
            .agg(pl.len().alias("orders"))
        ),
        note="'cancelled' and 'canceled' are the same status; by the year of order_date, future years included",
    ),
    case(
        "f3-agg-signups-per-month-2024",
        "How many customers signed up in each month of 2024?",
        "question",
        "fresh3",
        "aggregate-period",
        lambda f: _signups_per_month_2024(f, truth.signup_day(), as_number=False),
        alternatives=[
            lambda f: _signups_per_month_2024(f, truth.signup_day(), as_number=True),
            lambda f: _signups_per_month_2024(f, truth.iso_signup_day(), as_number=False),
            lambda f: _signups_per_month_2024(f, truth.iso_signup_day(), as_number=True),
        ],
        note="signup_date is text in four formats (reading only the YYYY-MM-DD ones is accepted too); " + MONTH_NOTE,
    ),
    case(
        "f3-agg-units-shipped-per-month-2023",
        "how many items went out each month in 2023",
        "paraphrase",
        "fresh3",
        "aggregate-period",
        lambda f: _units_shipped_per_month_2023(f, as_number=False),
        alternatives=[lambda f: _units_shipped_per_month_2023(f, as_number=True)],
        note="items are quantity summed; going out is shipping, so by ship_date in 2023; " + MONTH_NOTE,
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
