"""Fresh3 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal


def _ship_month(f: Frames, as_number: bool) -> pl.DataFrame:
    month = pl.col("ship_date").dt.month() if as_number else truth.month("ship_date")
    return f["orders"].with_columns(month.alias("ship_month"))


def _age_band(f: Frames, negative_is_unknown: bool) -> pl.DataFrame:
    age = pl.col("age")
    band = pl.when(age < 30).then(pl.lit("under 30")).when(age <= 60).then(pl.lit("30-60")).otherwise(pl.lit("over 60"))
    unknown = (age.is_null() | (age < 0)) if negative_is_unknown else age.is_null()
    return f["customers"].with_columns(pl.when(unknown).then(pl.lit(None, pl.String)).otherwise(band).alias("age_band"))


def _income_filled(f: Frames, how: str) -> pl.DataFrame:
    mean = pl.col("income").mean()
    value = {"exact": mean, "rounded": mean.round(0), "truncated": mean.floor()}[how]
    return f["churn"].with_columns(pl.col("income").fill_null(value))


def _fibre_churners_by_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    churners = f["churn"].filter((pl.col("internet_service") == "fiber") & (pl.col("churned") == 1))
    churners = churners if keep_missing else churners.filter(pl.col("region").is_not_null())
    return churners.group_by("region").agg(pl.len().alias("subscribers"))


DERIVED = [
    case(
        "f3-derive-ship-month",
        "orders: add ship_month",
        "terse",
        "fresh3",
        "derive",
        lambda f: _ship_month(f, as_number=False),
        strict_names=["ship_month"],
        alternatives=[lambda f: _ship_month(f, as_number=True)],
        note="the month of ship_date, as its first day, as YYYY-MM text or as its number; empty for unshipped orders",
    ),
    case(
        "f3-derive-high-spender",
        "could you add a column to churn that flags anyone paying more than 100 a month? call it high_spender",
        "chatty",
        "fresh3",
        "derive",
        lambda f: f["churn"].with_columns((pl.col("monthly_charges") > 100).alias("high_spender")),
        strict_names=["high_spender"],
        note="true/false on monthly_charges > 100; no monthly charge is missing",
    ),
    case(
        "f3-derive-income-per-month",
        "Add a column income_per_month to the churn dataset, equal to income divided by 12.",
        "formal",
        "fresh3",
        "derive",
        lambda f: f["churn"].with_columns((pl.col("income") / 12).alias("income_per_month")),
        strict_names=["income_per_month"],
        note="empty where income is missing",
    ),
    case(
        "f3-derive-is-weekend",
        "Can you add an is_weekend column to orders saying whether the order was placed on a Saturday or Sunday?",
        "question",
        "fresh3",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("order_date").dt.weekday() >= 6).alias("is_weekend")),
        strict_names=["is_weekend"],
        note="true/false from the weekday of order_date",
    ),
    case(
        "f3-derive-age-band",
        "add a colum age_band to custmers: 'under 30', '30-60' or 'over 60'",
        "typo",
        "fresh3",
        "derive",
        lambda f: _age_band(f, negative_is_unknown=False),
        strict_names=["age_band"],
        alternatives=[lambda f: _age_band(f, negative_is_unknown=True)],
        note=(
            "30 and 60 fall in '30-60'; the 194 customers without an age get no band; the 10 negative ages are under"
            " 30 as written, or left without a band as impossible"
        ),
    ),
    case(
        "f3-fill-price-zero",
        "products with no price listed should show 0 instead",
        "paraphrase",
        "fresh3",
        "fill",
        lambda f: f["products"].with_columns(pl.col("price").fill_null(0)),
        note="the 5 products without a price get 0",
    ),
    case(
        "f3-fill-income-mean",
        "fill missng income in churn with the avrage",
        "typo",
        "fresh3",
        "fill",
        lambda f: _income_filled(f, "exact"),
        alternatives=[lambda f: _income_filled(f, "rounded"), lambda f: _income_filled(f, "truncated")],
        note="the mean of the known incomes (52,835.55); income is whole numbers, so rounding it or cutting off the"
        " decimals to keep it whole is accepted too",
    ),
]

STEPS = [
    case(
        "f3-combo-top-delivered-country-2024",
        "Which country brought in the most revenue from delivered orders in 2024?",
        "question",
        "fresh3",
        "combination",
        lambda f: (
            f["orders"]
            .filter((truth.status() == "delivered") & (pl.col("order_date").dt.year() == 2024))
            .group_by("country")
            .agg(pl.col("total_revenue").sum().alias("revenue"))
            .sort("revenue", descending=True)
            .head(1)
        ),
        note="delivered in any spelling ('Delivered', 'DELIVERED', 'delivred'), ordered in 2024, by the order's"
        " country",
    ),
    case(
        "f3-combo-cancelled-2024-columns",
        "could you get me the cancelled orders from 2024? just the order id, date and country, newest first please",
        "chatty",
        "fresh3",
        "combination",
        lambda f: (
            f["orders"]
            .filter((truth.status() == "cancelled") & (pl.col("order_date").dt.year() == 2024))
            .select("order_id", "order_date", "country")
            .sort("order_date", descending=True)
        ),
        columns="exact",
        sort_key=["order_date"],
        note="'canceled' is cancelled too; the date is order_date",
    ),
    case(
        "f3-combo-returns-by-country-2024",
        "how much money we lost to returns in each country in 2024",
        "paraphrase",
        "fresh3",
        "combination",
        lambda f: (
            f["orders"]
            .filter((truth.status() == "returned") & (pl.col("order_date").dt.year() == 2024))
            .group_by("country")
            .agg(pl.col("total_revenue").sum().alias("returned_revenue"))
        ),
        note="the money is total_revenue of orders whose status is returned ('Returned' too), placed in 2024, by the"
        " order's country",
    ),
]

TURNS = [
    case(
        "f3-turn-fibre-churners-region",
        ["fiber subscribers", "churned only", "count by region"],
        "terse",
        "fresh3",
        "follow-up",
        lambda f: _fibre_churners_by_region(f, keep_missing=True),
        alternatives=[lambda f: _fibre_churners_by_region(f, keep_missing=False)],
        note="11 of them have no region; that group may be kept or left out",
    ),
    case(
        "f3-turn-enterprise-de-fr",
        ["customers in the enterprise segment", "now just the ones in germnay and france"],
        "typo",
        "fresh3",
        "follow-up",
        lambda f: f["customers"].filter(
            (pl.col("segment") == "enterprise") & truth.customer_country().is_in(["DE", "FR"])
        ),
        note="customers.country also holds 'Germany', 'Deutschland', 'France', 'FRA', 'de'...",
    ),
    case(
        "f3-turn-status-counts-open",
        ["Count the orders per status.", "Exclude cancelled and returned orders from that."],
        "formal",
        "fresh3",
        "follow-up",
        lambda f: (
            f["orders"]
            .group_by(truth.status().alias("status"))
            .agg(pl.len().alias("orders"))
            .filter(~pl.col("status").is_in(["cancelled", "returned"]))
        ),
        note="statuses folded to one spelling: delivered, shipped and pending remain, each counted with its variants",
    ),
]

REFUSALS = [
    refusal(
        "f3-refuse-pie-chart",
        "pie chart of revenue by country",
        "terse",
        "fresh3",
        "drawing a chart is not a pipeline output; the planner builds datasets, not images",
    ),
    refusal(
        "f3-refuse-translate-names",
        "could you translate all the product names into French for the new catalogue? thanks!",
        "chatty",
        "fresh3",
        "translating free text is not something a pipeline step does",
    ),
    refusal(
        "f3-refuse-repeat-buyers-forecast",
        "Which customers are most likely to place another order next month?",
        "question",
        "fresh3",
        "a prediction about future behaviour; no model or future data to answer it from",
    ),
    refusal(
        "f3-refuse-pending-reminder",
        "Please send a reminder email to every customer who has a pending order.",
        "formal",
        "fresh3",
        "sending emails is an action outside a data pipeline",
    ),
    refusal(
        "f3-refuse-app-logins",
        "how many times did each custmer log in to the app last month",
        "typo",
        "fresh3",
        "no login or app usage data in any dataset",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
