"""Fresh9 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import FOLDED_NOTE

MONTH_NOTE = "the month as its first day or as YYYY-MM text (the data spans several years, so not its number)"


def _distinct_buyers(f: Frames, known_only: bool) -> pl.DataFrame:
    rows = f["orders"].join(f["customers"], on="customer_id", how="semi") if known_only else f["orders"]
    return rows.select(pl.col("customer_id").n_unique().alias("buyers"))


def _churn_rate(f: Frames, percent: bool) -> pl.DataFrame:
    rate = pl.col("churned").mean() * (100 if percent else 1)
    return f["churn"].select(rate.alias("churn_rate"))


def _customers_per_country(f: Frames, folded: bool, dedupe: bool) -> pl.DataFrame:
    rows = f["customers"].unique() if dedupe else f["customers"]
    key = truth.customer_country() if folded else pl.col("country")
    out = rows.group_by(key.alias("country")).agg(pl.len().alias("customers"))
    return out.drop("country") if folded else out


def _max_income_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("income").max())


def _median_units_per_status(f: Frames, folded: bool) -> pl.DataFrame:
    key = truth.status() if folded else pl.col("status")
    out = f["orders"].group_by(key.alias("status")).agg(pl.col("quantity").median())
    return out.drop("status") if folded else out


def _orders_per_currency(f: Frames, folded: bool) -> pl.DataFrame:
    key = truth.currency() if folded else pl.col("currency")
    out = f["orders"].group_by(key.alias("currency")).agg(pl.len().alias("orders"))
    return out.drop("currency") if folded else out


def _tenure_by_contract_and_churn(f: Frames, folded: bool) -> pl.DataFrame:
    key = truth.contract() if folded else pl.col("contract")
    out = f["churn"].group_by(key.alias("contract"), "churned").agg(pl.col("tenure_months").mean())
    return out.drop("contract") if folded else out


def _revenue_per_quarter_2023(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2023)
    key = pl.col("order_date").dt.quarter() if as_number else pl.col("order_date").dt.truncate("1q")
    return rows.group_by(key.alias("quarter")).agg(pl.col("total_revenue").sum().alias("revenue"))


def _shipped_per_year(f: Frames, keep_unshipped: bool) -> pl.DataFrame:
    rows = f["orders"] if keep_unshipped else f["orders"].filter(pl.col("ship_date").is_not_null())
    return rows.group_by(pl.col("ship_date").dt.year().alias("year")).agg(pl.len().alias("orders"))


def _units_per_month(f: Frames, month_of_year: bool) -> pl.DataFrame:
    key = pl.col("order_date").dt.month() if month_of_year else truth.month("order_date")
    return f["orders"].group_by(key.alias("month")).agg(pl.col("quantity").sum())


OVERALL = [
    case(
        "f9-agg-distinct-buyers",
        "how many different people have bought something from us, all told",
        "paraphrase",
        "fresh9",
        "aggregate-all",
        lambda f: _distinct_buyers(f, known_only=False),
        alternatives=[lambda f: _distinct_buyers(f, known_only=True)],
        note="distinct orders.customer_id: one number; the ids customers lacks counted (they bought) or left out",
    ),
    case(
        "f9-agg-overall-churn-rate",
        "hey, what's the overall churn rate across all subscribers? a single figure is fine, thanks",
        "chatty",
        "fresh9",
        "aggregate-all",
        lambda f: _churn_rate(f, percent=False),
        alternatives=[lambda f: _churn_rate(f, percent=True)],
        note="the mean of churned over all 3,000 rows, as a fraction or as a percentage: one number",
    ),
]

BY_KEY = [
    case(
        "f9-agg-charges-by-payment-method",
        "churn avg monthly_charges by payment_method",
        "terse",
        "fresh9",
        "aggregate",
        lambda f: f["churn"].group_by("payment_method").agg(pl.col("monthly_charges").mean()),
        note="mean monthly_charges per payment_method (four groups, each spelled one way), the outliers as stored",
    ),
    case(
        "f9-agg-units-per-destination",
        "Report the total quantity ordered for each destination country.",
        "formal",
        "fresh9",
        "aggregate",
        lambda f: f["orders"].group_by("country").agg(pl.col("quantity").sum()),
        note="quantity summed per orders.country (where the orders went): seven groups, outliers and negative"
        " quantities as stored",
    ),
    case(
        "f9-agg-customers-per-country",
        "How many customers do we have in each country?",
        "question",
        "fresh9",
        "aggregate",
        lambda f: _customers_per_country(f, folded=True, dedupe=False),
        alternatives=[
            lambda f: _customers_per_country(f, folded=True, dedupe=True),
            lambda f: _customers_per_country(f, folded=False, dedupe=False),
            lambda f: _customers_per_country(f, folded=False, dedupe=True),
        ],
        note="rows per customers.country, folded to seven codes ('Germany', 'de', 'DE ' are DE) or as stored (28"
        " spellings), the 30 exact copies counted as stored or once; " + FOLDED_NOTE,
    ),
    case(
        "f9-agg-max-income-per-region",
        "max incme per regoin in churn",
        "typo",
        "fresh9",
        "aggregate",
        lambda f: _max_income_per_region(f, keep_missing=True),
        alternatives=[lambda f: _max_income_per_region(f, keep_missing=False)],
        note="highest churn.income per region (the 400,000 outlier as stored); the rows without a region form a"
        " group or are left out",
    ),
    case(
        "f9-agg-median-units-per-status",
        "the middle value of units bought per order, for every state an order can be in",
        "paraphrase",
        "fresh9",
        "aggregate",
        lambda f: _median_units_per_status(f, folded=True),
        alternatives=[lambda f: _median_units_per_status(f, folded=False)],
        note="median quantity per status, folded to five or as stored (twelve spellings); " + FOLDED_NOTE,
    ),
    case(
        "f9-agg-monthly-takings-per-internet",
        "what each kind of internet hookup brings in per month, added up",
        "paraphrase",
        "fresh9",
        "aggregate",
        lambda f: f["churn"].group_by("internet_service").agg(pl.col("monthly_charges").sum()),
        note="monthly_charges summed per internet_service (fiber, dsl, none), the outliers as stored",
    ),
    case(
        "f9-agg-orders-per-currency",
        "orders count by currency",
        "terse",
        "fresh9",
        "aggregate",
        lambda f: _orders_per_currency(f, folded=True),
        alternatives=[lambda f: _orders_per_currency(f, folded=False)],
        note="rows per currency, the euro's spellings ('Euro', 'eur', '€') folded into EUR (three groups) or as"
        " stored (six); " + FOLDED_NOTE,
    ),
    case(
        "f9-agg-tenure-by-contract-and-churn",
        "Calculate the average tenure for each combination of contract type and churn outcome.",
        "formal",
        "fresh9",
        "aggregate-two-keys",
        lambda f: _tenure_by_contract_and_churn(f, folded=True),
        alternatives=[lambda f: _tenure_by_contract_and_churn(f, folded=False)],
        note="mean tenure_months per contract and churned, the contract folded to three or as stored (eight"
        " spellings); the churned value is compared, and " + FOLDED_NOTE,
    ),
]

PERIODS = [
    case(
        "f9-agg-revenue-per-quarter-2023",
        "What was the revenue in each quarter of 2023?",
        "question",
        "fresh9",
        "aggregate-period",
        lambda f: _revenue_per_quarter_2023(f, as_number=True),
        alternatives=[lambda f: _revenue_per_quarter_2023(f, as_number=False)],
        note="total_revenue summed per quarter of order_date within 2023: four groups, the quarter as its number"
        " or its first day",
    ),
    case(
        "f9-agg-shipments-per-year",
        "how many orders got shiped each yaer",
        "typo",
        "fresh9",
        "aggregate-period",
        lambda f: _shipped_per_year(f, keep_unshipped=False),
        alternatives=[lambda f: _shipped_per_year(f, keep_unshipped=True)],
        note="orders counted per year of ship_date (2021, from a ship date before its order, to 2035); the unshipped"
        " orders left out or counted as a group with no year",
    ),
    case(
        "f9-agg-units-per-month",
        "hi! could you show me how many units we sold in each month, across the whole history? want to spot"
        " seasonality, thanks",
        "chatty",
        "fresh9",
        "aggregate-period",
        lambda f: _units_per_month(f, month_of_year=False),
        alternatives=[lambda f: _units_per_month(f, month_of_year=True)],
        note="quantity summed per month of order_date, each year's months apart (" + MONTH_NOTE + "), or, since"
        " seasonality is the aim, per month of the year (1 to 12) over all years",
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
