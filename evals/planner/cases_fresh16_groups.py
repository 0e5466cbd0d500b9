"""Fresh16 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import FOLDED_NOTE

SIGNUP_NOTE = (
    "signup_date is text in four formats: read in all of them, or only where written YYYY-MM-DD (what a plain"
    " cast reads)"
)


def _mean_quantity(f: Frames, keep_negative: bool) -> pl.DataFrame:
    rows = f["orders"] if keep_negative else f["orders"].filter(pl.col("quantity") >= 0)
    return rows.select(pl.col("quantity").mean())


def _orders_per_product(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["orders"] if keep_missing else f["orders"].filter(pl.col("product_id").is_not_null())
    return rows.group_by("product_id").agg(pl.len().alias("orders"))


def _bill_per_service(f: Frames, median: bool) -> pl.DataFrame:
    charge = pl.col("monthly_charges")
    return f["churn"].group_by("internet_service").agg(charge.median() if median else charge.mean())


def _calls_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("support_calls").mean())


def _customers_per_country(f: Frames, folded: bool) -> pl.DataFrame:
    key = truth.customer_country().alias("country") if folded else pl.col("country")
    out = f["customers"].group_by(key).agg(pl.len().alias("customers"))
    return out.drop("country") if folded else out


def _churn_rate_per_contract_payment(f: Frames, folded: bool, scale: float) -> pl.DataFrame:
    rate = (pl.col("churned").mean() * scale).alias("churn_rate")
    return truth.per_folded(f, "contract", truth.contract(), folded, rate, keys=("payment_method",))


def _orders_per_month_2024(f: Frames) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2024)
    return rows.group_by(truth.month("order_date").alias("month")).agg(pl.len().alias("orders"))


def _units_per_quarter_2023(f: Frames, as_date: bool, keep_negative: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2023)
    rows = rows if keep_negative else rows.filter(pl.col("quantity") >= 0)
    day = pl.col("order_date")
    key = day.dt.truncate("1q") if as_date else day.dt.quarter()
    return rows.group_by(key.alias("quarter")).agg(pl.col("quantity").sum().alias("units"))


QUANTITY_PER_STATUS = [
    lambda f, folded=folded: truth.per_folded(f, "status", truth.status(), folded, pl.col("quantity").sum())
    for folded in (True, False)
]
TENURE_PER_CONTRACT = [
    lambda f, folded=folded: truth.per_folded(f, "contract", truth.contract(), folded, pl.col("tenure_months").max())
    for folded in (True, False)
]
ORDERS_PER_COUNTRY_CURRENCY = [
    lambda f, folded=folded: truth.per_folded(
        f, "currency", truth.currency(), folded, pl.len().alias("orders"), keys=("country",)
    )
    for folded in (True, False)
]
CHURN_RATE_PER_CONTRACT_PAYMENT = [
    lambda f, folded=folded, scale=scale: _churn_rate_per_contract_payment(f, folded, scale)
    for scale in (1, 100)
    for folded in (True, False)
]
UNITS_PER_QUARTER = [
    lambda f, as_date=as_date, keep=keep: _units_per_quarter_2023(f, as_date, keep)
    for keep in (True, False)
    for as_date in (False, True)
]

OVERALL = [
    case(
        "f16-agg-mean-income",
        "State the mean income across every churn record.",
        "formal",
        "fresh16",
        "aggregate-all",
        lambda f: f["churn"].select(pl.col("income").mean()),
        note="the mean of churn.income (52,835.55), the 114 missing incomes left out: one number",
    ),
    case(
        "f16-agg-highest-unit-price",
        "What's the steepest unit price we've ever charged on an order?",
        "question",
        "fresh16",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("unit_price").max()),
        note="the highest orders.unit_price (88,370.94, an outlier as stored, currencies as stored): one number",
    ),
    case(
        "f16-agg-mean-quantity",
        "avg qty per order line",
        "terse",
        "fresh16",
        "aggregate-all",
        lambda f: _mean_quantity(f, keep_negative=True),
        alternatives=[lambda f: _mean_quantity(f, keep_negative=False)],
        note="the mean of orders.quantity over every row (2.4475), outlier quantities as stored; the 15 negative"
        " quantities kept as stored or left out as data-entry errors (2.4542): one number",
    ),
]

BY_KEY = [
    case(
        "f16-agg-quantity-per-status",
        "sum of quantty for each ordr stauts",
        "typo",
        "fresh16",
        "aggregate",
        QUANTITY_PER_STATUS[0],
        alternatives=QUANTITY_PER_STATUS[1:],
        note="orders.quantity summed per status folded to five or as stored (twelve spellings), outliers and"
        " negative quantities as stored; " + FOLDED_NOTE,
    ),
    case(
        "f16-agg-longest-tenure-per-contract",
        "longest tenure by contract type",
        "terse",
        "fresh16",
        "aggregate",
        TENURE_PER_CONTRACT[0],
        alternatives=TENURE_PER_CONTRACT[1:],
        note="the highest churn.tenure_months per contract folded to three or as stored (eight spellings); "
        + FOLDED_NOTE,
    ),
    case(
        "f16-agg-orders-per-product",
        "hiya, how many orders has each product had? working out which lines to reorder for the warehouse, cheers",
        "chatty",
        "fresh16",
        "aggregate",
        lambda f: _orders_per_product(f, keep_missing=True),
        alternatives=[lambda f: _orders_per_product(f, keep_missing=False)],
        note="orders rows per orders.product_id (as stored, 196 ids with orders); the 30 orders without a"
        " product_id form a group or are left out; product details need not be attached",
    ),
    case(
        "f16-agg-typical-bill-per-service",
        "the typical monthly bill for each kind of internet service",
        "paraphrase",
        "fresh16",
        "aggregate",
        lambda f: _bill_per_service(f, median=False),
        alternatives=[lambda f: _bill_per_service(f, median=True)],
        note="churn.monthly_charges per internet_service (three, stored one way), 'typical' read as the mean or"
        " the median; outlier charges as stored",
    ),
    case(
        "f16-agg-customers-per-country",
        "What's the headcount of customers in every country?",
        "question",
        "fresh16",
        "aggregate",
        lambda f: _customers_per_country(f, folded=True),
        alternatives=[lambda f: _customers_per_country(f, folded=False)],
        note="customers rows per customers.country folded to seven codes or as stored (28 spellings), copies"
        " as stored; " + FOLDED_NOTE,
    ),
    case(
        "f16-agg-mean-support-calls-per-region",
        "hey there, what's the average number of support calls in each region? the support manager is sorting"
        " out next month's rotas, thanks",
        "chatty",
        "fresh16",
        "aggregate",
        lambda f: _calls_per_region(f, keep_missing=True),
        alternatives=[lambda f: _calls_per_region(f, keep_missing=False)],
        note="the mean churn.support_calls per churn.region; the 60 rows without a region form a group or are left out",
    ),
    case(
        "f16-agg-orders-per-country-currency",
        "hey! could you count orders for every country and currency combo? the treasury team want to see"
        " which pairs actually happen, thanks",
        "chatty",
        "fresh16",
        "aggregate-two-keys",
        ORDERS_PER_COUNTRY_CURRENCY[0],
        alternatives=ORDERS_PER_COUNTRY_CURRENCY[1:],
        note="orders rows per (orders.country, currency), the currency folded to three or as stored; the country"
        " label is compared, the folded currency's is not",
    ),
    case(
        "f16-agg-churn-rate-contract-payment",
        "churn rate by contrct and by paymnt methd",
        "typo",
        "fresh16",
        "aggregate-two-keys",
        CHURN_RATE_PER_CONTRACT_PAYMENT[0],
        alternatives=CHURN_RATE_PER_CONTRACT_PAYMENT[1:],
        note="mean churn.churned per (contract, payment_method), as a fraction or a percentage, the contract"
        " folded to three or as stored; the payment method label is compared, the folded contract's is not",
    ),
]

PERIODS = [
    case(
        "f16-agg-orders-per-month-2024",
        "2024 orders, count by month",
        "terse",
        "fresh16",
        "aggregate-period",
        _orders_per_month_2024,
        note="orders with order_date in 2024 counted per month (twelve), the month as its first day or 'YYYY-MM'",
    ),
    case(
        "f16-agg-units-per-quarter-2023",
        "Give the total quantity ordered in each quarter of 2023.",
        "formal",
        "fresh16",
        "aggregate-period",
        UNITS_PER_QUARTER[0],
        alternatives=UNITS_PER_QUARTER[1:],
        note="orders.quantity summed per quarter of order_date in 2023, the quarter as a number (1 to 4) or its"
        " first day; outlier quantities as stored, the negative ones summed as stored or left out",
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
