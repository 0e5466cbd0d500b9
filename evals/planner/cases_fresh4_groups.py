"""Fresh4 cases that summarise one dataset: aggregates overall, by one or two keys, and by period."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case

MONTH_NOTE = "the month as its first day, as YYYY-MM text, or (within one year) as its number"
RATE_NOTE = "churned is 0/1, so the rate is its mean; as a share or as a percentage are both accepted"
SHARE_NOTE = "as a share or as a percentage are both accepted"


def _mean_age_by_country(f: Frames, keep_negative: bool) -> pl.DataFrame:
    people = f["customers"] if keep_negative else f["customers"].filter(pl.col("age").is_null() | (pl.col("age") >= 0))
    return people.group_by(truth.customer_country().alias("country")).agg(pl.col("age").mean().alias("age"))


def _max_bill_by_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"] if keep_missing else f["churn"].filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("total_charges").max().alias("largest_bill"))


def _rate_by_service_split(f: Frames, scale: float) -> pl.DataFrame:
    return f["churn"].group_by("internet_service", "split").agg((pl.col("churned").mean() * scale).alias("churn_rate"))


def _orders_per_month_2025(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2025)
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.len().alias("orders"))


def _units_per_ship_year(f: Frames, keep_unshipped: bool) -> pl.DataFrame:
    rows = f["orders"] if keep_unshipped else f["orders"].filter(pl.col("ship_date").is_not_null())
    return rows.group_by(pl.col("ship_date").dt.year().alias("year")).agg(pl.col("quantity").sum().alias("units"))


def _mean_order_per_month_2022(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2022)
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.col("total_revenue").mean().alias("avg_revenue"))


def _return_share(f: Frames, scale: float) -> pl.DataFrame:
    return f["orders"].select(((truth.status() == "returned").mean() * scale).alias("returned_share"))


def _cancelled_per_month_2023(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter((truth.status() == "cancelled") & (pl.col("order_date").dt.year() == 2023))
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.len().alias("cancelled"))


OVERALL = [
    case(
        "f4-agg-median-order-revenue",
        "orders: median total_revenue",
        "terse",
        "fresh4",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("total_revenue").median()),
        note="one number over every order",
    ),
    case(
        "f4-agg-churned-total-charges",
        "What do the churned subscribers' total charges add up to?",
        "question",
        "fresh4",
        "aggregate-all",
        lambda f: f["churn"].filter(pl.col("churned") == 1).select(pl.col("total_charges").sum()),
        note="one sum of total_charges over churned = 1; the missing ones add nothing",
    ),
    case(
        "f4-agg-return-share",
        "out of all our orders, what fraction ended up returned? one overall figure please",
        "chatty",
        "fresh4",
        "aggregate-all",
        lambda f: _return_share(f, 1.0),
        alternatives=[lambda f: _return_share(f, 100.0)],
        note="orders whose status is returned ('Returned' too) over all orders; " + SHARE_NOTE,
    ),
]

BY_KEY = [
    case(
        "f4-agg-age-by-country",
        "Provide the mean customer age for each country.",
        "formal",
        "fresh4",
        "aggregate",
        lambda f: _mean_age_by_country(f, keep_negative=True),
        alternatives=[lambda f: _mean_age_by_country(f, keep_negative=False)],
        note=(
            "customers.country folded to ISO codes ('Germany', 'de', 'DE '... are DE): seven groups; the 10 negative"
            " ages may count as stored or be left out as impossible"
        ),
    ),
    case(
        "f4-agg-units-by-status",
        "could you add up how many units were ordered under each status? thanks",
        "chatty",
        "fresh4",
        "aggregate",
        lambda f: f["orders"].group_by(truth.status().alias("status")).agg(pl.col("quantity").sum().alias("units")),
        note="units are quantity summed; status spellings ('Delivered', 'shipped ', 'canceled'...) are counted with"
        " the status they stand for: five groups",
    ),
    case(
        "f4-agg-subscribers-per-contract",
        "numbr of subscribrs per contrat type",
        "typo",
        "fresh4",
        "aggregate",
        lambda f: f["churn"].group_by(truth.contract().alias("contract")).agg(pl.len().alias("subscribers")),
        note="'M2M', 'One Year', '2 year'... counted with the contract type they stand for: three groups",
    ),
    case(
        "f4-agg-largest-bill-per-area",
        "the largest lifetime bill of any subscriber, for each area",
        "paraphrase",
        "fresh4",
        "aggregate",
        lambda f: _max_bill_by_region(f, keep_missing=True),
        alternatives=[lambda f: _max_bill_by_region(f, keep_missing=False)],
        note="the lifetime bill is total_charges, the area is region; 60 rows have no region, and that group may be"
        " kept or left out",
    ),
    case(
        "f4-agg-income-churned-vs-not",
        "Compare the mean income of subscribers who churned with that of subscribers who did not.",
        "formal",
        "fresh4",
        "aggregate",
        lambda f: f["churn"].group_by("churned").agg(pl.col("income").mean().alias("income")),
        note="two rows, by churned; the 114 missing incomes are left out of each mean",
    ),
    case(
        "f4-agg-churn-rate-service-split",
        "What's the churn rate for each internet service in the train data and in the test data?",
        "question",
        "fresh4",
        "aggregate-two-keys",
        lambda f: _rate_by_service_split(f, 1.0),
        alternatives=[lambda f: _rate_by_service_split(f, 100.0)],
        note=RATE_NOTE + "; by internet_service and split: six groups",
    ),
]

PERIODS = [
    case(
        "f4-agg-orders-per-month-2025",
        "order count per month, 2025",
        "terse",
        "fresh4",
        "aggregate-period",
        lambda f: _orders_per_month_2025(f, as_number=False),
        alternatives=[lambda f: _orders_per_month_2025(f, as_number=True)],
        note="by order_date; 2025 has orders from January to June; " + MONTH_NOTE,
    ),
    case(
        "f4-agg-units-per-ship-year",
        "Report the total quantity shipped in each year, based on the ship date.",
        "formal",
        "fresh4",
        "aggregate-period",
        lambda f: _units_per_ship_year(f, keep_unshipped=False),
        alternatives=[lambda f: _units_per_ship_year(f, keep_unshipped=True)],
        note="quantity summed by the year of ship_date, future years included; the unshipped orders have no ship"
        " year, and a group for them may be kept or left out",
    ),
    case(
        "f4-agg-spend-per-order-monthly-2022",
        "the average spend per order in each month of 2022",
        "paraphrase",
        "fresh4",
        "aggregate-period",
        lambda f: _mean_order_per_month_2022(f, as_number=False),
        alternatives=[lambda f: _mean_order_per_month_2022(f, as_number=True)],
        note="spend per order is total_revenue, averaged over the orders placed in each month; " + MONTH_NOTE,
    ),
    case(
        "f4-agg-cancelled-per-month-2023",
        "how many ordres got canceld in each month of 2023",
        "typo",
        "fresh4",
        "aggregate-period",
        lambda f: _cancelled_per_month_2023(f, as_number=False),
        alternatives=[lambda f: _cancelled_per_month_2023(f, as_number=True)],
        note="status cancelled in any spelling ('canceled' too), by the month of order_date in 2023; " + MONTH_NOTE,
    ),
]

CASES = [*OVERALL, *BY_KEY, *PERIODS]
