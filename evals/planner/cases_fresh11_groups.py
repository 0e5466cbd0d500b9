"""Fresh11 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import FOLDED_NOTE


def _median_income_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("income").median())


def _revenue_per_month_2023(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2023)
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.col("total_revenue").sum())


def _orders_per_year(f: Frames, as_number: bool) -> pl.DataFrame:
    year = pl.col("order_date").dt.year() if as_number else pl.col("order_date").dt.truncate("1y")
    return f["orders"].group_by(year.alias("year")).agg(pl.len().alias("orders"))


def _shipments_per_weekday(f: Frames, keep_unshipped: bool) -> pl.DataFrame:
    rows = f["orders"] if keep_unshipped else f["orders"].filter(pl.col("ship_date").is_not_null())
    out = rows.group_by(pl.col("ship_date").dt.weekday().alias("weekday")).agg(pl.len().alias("shipments"))
    return out.drop("weekday")


REVENUE_PER_STATUS = [
    lambda f, folded=folded: truth.per_folded(f, "status", truth.status(), folded, pl.col("total_revenue").sum())
    for folded in (True, False)
]
TENURE_PER_CONTRACT = [
    lambda f, folded=folded: truth.per_folded(f, "contract", truth.contract(), folded, pl.col("tenure_months").mean())
    for folded in (True, False)
]
PRICE_RANGE_PER_CATEGORY = [
    lambda f, folded=folded: truth.per_folded(
        f,
        "category",
        truth.category(),
        folded,
        pl.col("price").min().alias("lowest"),
        pl.col("price").max().alias("highest"),
    )
    for folded in (True, False)
]
ORDERS_PER_COUNTRY_CURRENCY = [
    lambda f, folded=folded: truth.per_folded(
        f, "currency", truth.currency(), folded, pl.len().alias("orders"), keys=("country",)
    )
    for folded in (True, False)
]

OVERALL = [
    case(
        "f11-agg-mean-monthly-charge",
        "On average, what does a subscriber pay us each month?",
        "question",
        "fresh11",
        "aggregate-all",
        lambda f: f["churn"].select(pl.col("monthly_charges").mean()),
        note="the mean of churn.monthly_charges, outliers as stored and missing charges left out: one number",
    ),
    case(
        "f11-agg-units-to-spain",
        "the overall number of units moved on orders bound for Spain",
        "paraphrase",
        "fresh11",
        "aggregate-all",
        lambda f: f["orders"].filter(pl.col("country") == "ES").select(pl.col("quantity").sum()),
        note="quantity summed over the orders with orders.country ES, whatever their status: one number",
    ),
]

BY_KEY = [
    case(
        "f11-agg-count-payment-by-churned",
        "churn tally by payment_method and churned",
        "terse",
        "fresh11",
        "aggregate-two-keys",
        lambda f: f["churn"].group_by("payment_method", "churned").agg(pl.len().alias("subscribers")),
        note="rows per (payment_method, churned): eight groups, both keys stored one way",
    ),
    case(
        "f11-agg-median-income-per-region",
        "Please state the median subscriber income for every region.",
        "formal",
        "fresh11",
        "aggregate",
        lambda f: _median_income_per_region(f, keep_missing=True),
        alternatives=[lambda f: _median_income_per_region(f, keep_missing=False)],
        note="median churn.income per region, missing incomes left out; the 60 rows without a region form a group"
        " or are left out",
    ),
    case(
        "f11-agg-revenue-per-status",
        "totl revnue for each ordr staus",
        "typo",
        "fresh11",
        "aggregate",
        REVENUE_PER_STATUS[0],
        alternatives=REVENUE_PER_STATUS[1:],
        note="total_revenue summed per status folded to five (delivered, shipped, pending, cancelled, returned) or"
        " as stored; " + FOLDED_NOTE,
    ),
    case(
        "f11-agg-tenure-per-contract",
        "avrage tenur per contrct type",
        "typo",
        "fresh11",
        "aggregate",
        TENURE_PER_CONTRACT[0],
        alternatives=TENURE_PER_CONTRACT[1:],
        note="mean tenure_months per contract folded to three or as stored (eight), the negative tenures as"
        " stored; " + FOLDED_NOTE,
    ),
    case(
        "f11-agg-count-and-charge-per-internet",
        "For each kind of internet service, how many subscribers are there and what do they pay a month on average?",
        "question",
        "fresh11",
        "aggregate",
        lambda f: (
            f["churn"]
            .group_by("internet_service")
            .agg(pl.len().alias("subscribers"), pl.col("monthly_charges").mean().alias("average_charge"))
        ),
        note="per internet_service (three, stored one way): the number of rows and the mean monthly_charges",
    ),
    case(
        "f11-agg-quantity-range-per-destination",
        "the smallest and largest order size, in units, for every destination country",
        "paraphrase",
        "fresh11",
        "aggregate",
        lambda f: (
            f["orders"]
            .group_by("country")
            .agg(pl.col("quantity").min().alias("smallest"), pl.col("quantity").max().alias("largest"))
        ),
        note="min and max orders.quantity per orders.country (seven codes, stored one way), negative quantities"
        " as stored",
    ),
    case(
        "f11-agg-price-range-per-category",
        "hiya! could you pull the cheapest and dearest price in each product category? doing a pricing review, cheers",
        "chatty",
        "fresh11",
        "aggregate",
        PRICE_RANGE_PER_CATEGORY[0],
        alternatives=PRICE_RANGE_PER_CATEGORY[1:],
        note="min and max products.price per category folded to six or as stored (16 spellings), missing prices"
        " left out, negative and outlier prices as stored; " + FOLDED_NOTE,
    ),
    case(
        "f11-agg-orders-per-country-currency",
        "How many orders are there for each combination of destination country and currency?",
        "question",
        "fresh11",
        "aggregate-two-keys",
        ORDERS_PER_COUNTRY_CURRENCY[0],
        alternatives=ORDERS_PER_COUNTRY_CURRENCY[1:],
        note="orders counted per (orders.country, currency), the euro's spellings folded into EUR or as stored;"
        " the country label is compared, the folded currency's is not",
    ),
]

PERIODS = [
    case(
        "f11-agg-revenue-per-month-2023",
        "2023 revenue, month by month",
        "terse",
        "fresh11",
        "aggregate-period",
        lambda f: _revenue_per_month_2023(f, as_number=False),
        alternatives=[lambda f: _revenue_per_month_2023(f, as_number=True)],
        note="total_revenue summed per month of order_date within 2023: twelve groups, the month as its first"
        " day, YYYY-MM text or its number",
    ),
    case(
        "f11-agg-orders-per-year",
        "Provide the number of orders placed in each calendar year.",
        "formal",
        "fresh11",
        "aggregate-period",
        lambda f: _orders_per_year(f, as_number=True),
        alternatives=[lambda f: _orders_per_year(f, as_number=False)],
        note="orders counted per year of order_date, the far-future years among them; the year as its number or"
        " its first day",
    ),
    case(
        "f11-agg-shipments-per-weekday",
        "hey! which days of the week see the most parcels go out? a count of orders shipped on each weekday would"
        " be grand, ta",
        "chatty",
        "fresh11",
        "aggregate-period",
        lambda f: _shipments_per_weekday(f, keep_unshipped=False),
        alternatives=[lambda f: _shipments_per_weekday(f, keep_unshipped=True)],
        note="orders counted per day of the week of ship_date (not order_date): seven groups, the unshipped"
        " orders left out or as a group with no day; a weekday may be labelled by number or name, so only the"
        " count is compared",
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
