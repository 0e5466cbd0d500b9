"""Fresh12 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal


def _order_month(f: Frames, how: str) -> pl.DataFrame:
    if how == "number":
        month = pl.col("order_date").dt.month()
    elif how == "text":
        month = pl.col("order_date").dt.strftime("%Y-%m")
    else:
        month = truth.month("order_date")
    return f["orders"].with_columns(month.alias("order_month"))


def _top_germany_2024(f: Frames) -> pl.DataFrame:
    rows = f["orders"].filter((pl.col("country") == "DE") & (pl.col("order_date").dt.year() == 2024))
    return rows.sort("total_revenue", descending=True).head(3)


def _rolling_leavers_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"].filter((truth.contract() == "month-to-month") & (pl.col("churned") == 1))
    rows = rows if keep_missing else rows.filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.len().alias("subscribers"))


def _smb_names(f: Frames, dedupe: bool) -> pl.DataFrame:
    rows = f["customers"].unique() if dedupe else f["customers"]
    return rows.filter(pl.col("segment") == "smb").select("name", "email").sort("name")


def _france_youngest_first(f: Frames, keep_negative: bool) -> pl.DataFrame:
    rows = f["customers"].filter(truth.customer_country() == "FR")
    rows = rows if keep_negative else rows.filter(pl.col("age").is_null() | (pl.col("age") >= 0))
    return rows.sort("age", nulls_last=True)


DERIVED = [
    case(
        "f12-derive-revenue-per-unit",
        "orders w/ revenue_per_unit, i.e. revenue divided by qty",
        "terse",
        "fresh12",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("total_revenue") / pl.col("quantity")).alias("revenue_per_unit")),
        strict_names=["revenue_per_unit"],
        note="total_revenue divided by quantity (no quantity is zero or missing; negative quantities give negative"
        " values)",
    ),
    case(
        "f12-derive-tenure-years",
        "Add a tenure_years column to the churn data, being the tenure in months divided by twelve.",
        "formal",
        "fresh12",
        "derive",
        lambda f: f["churn"].with_columns((pl.col("tenure_months") / 12).alias("tenure_years")),
        strict_names=["tenure_years"],
        note="tenure_months / 12 as a decimal, negative tenures as stored",
    ),
    case(
        "f12-derive-is-senior",
        "add a colum is_senior to custmers, tru when age is sixty five or mor",
        "typo",
        "fresh12",
        "derive",
        lambda f: f["customers"].with_columns((pl.col("age") >= 65).alias("is_senior")),
        strict_names=["is_senior"],
        note="customers.age of 65 and more; empty where the age is missing",
    ),
    case(
        "f12-derive-order-month",
        "Could each order also carry the month it was placed in?",
        "question",
        "fresh12",
        "derive",
        lambda f: _order_month(f, "date"),
        alternatives=[lambda f: _order_month(f, "text"), lambda f: _order_month(f, "number")],
        note="the month of order_date as its first day, YYYY-MM text or its number; any column name, the other"
        " columns kept",
    ),
    case(
        "f12-derive-quantity-times-unit-price",
        "the orders with an extra column holding the quantity multiplied by the unit price",
        "paraphrase",
        "fresh12",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("quantity") * pl.col("unit_price")).alias("line_value")),
        note="quantity times unit_price (no value missing); any column name, the other columns kept",
    ),
    case(
        "f12-fill-total-charges-mean",
        "hey! a few subscribers have no total charges recorded - can you plug those gaps with the average? the"
        " model training chokes on nulls, cheers",
        "chatty",
        "fresh12",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("total_charges").fill_null(pl.col("total_charges").mean())),
        strict_names=["total_charges"],
        note="the 79 missing churn.total_charges become the mean of the recorded ones",
    ),
    case(
        "f12-fill-price-zero",
        "products, blank prices -> 0",
        "terse",
        "fresh12",
        "fill",
        lambda f: f["products"].with_columns(pl.col("price").fill_null(0)),
        strict_names=["price"],
        note="the five missing products.price become 0; every other row as stored",
    ),
]

STEPS = [
    case(
        "f12-combo-three-largest-germany-2024",
        "Identify the three orders with the greatest revenue among those bound for Germany and placed in 2024.",
        "formal",
        "fresh12",
        "combination",
        _top_germany_2024,
        sort_key=["total_revenue"],
        note="orders.country DE and order_date in 2024, the three highest total_revenue (6,016.70, 5,339.55,"
        " 5,241.95), largest first; no tie at the third",
    ),
    case(
        "f12-combo-rolling-leavers-per-region",
        "among subscribers on rolling monthly contracts who have left, a head count per region",
        "paraphrase",
        "fresh12",
        "combination",
        lambda f: _rolling_leavers_per_region(f, keep_missing=True),
        alternatives=[lambda f: _rolling_leavers_per_region(f, keep_missing=False)],
        note="contract meaning month-to-month (any spelling) and churned = 1, rows counted per churn.region; the"
        " rows without a region form a group or are left out",
    ),
    case(
        "f12-combo-smb-names-emails-alphabetical",
        "hey, could you list our smb customers, just their name and email, in alphabetical order by name?"
        " refreshing the mailing list, ta",
        "chatty",
        "fresh12",
        "combination",
        lambda f: _smb_names(f, dedupe=False),
        sort_key=["name"],
        columns="exact",
        alternatives=[lambda f: _smb_names(f, dedupe=True)],
        note="segment smb, customers.name and email only, name ascending as stored; exact customer copies kept as"
        " stored or once",
    ),
]

TURNS = [
    case(
        "f12-turn-fibre-churned-vs-stayed",
        [
            "hi! can you open up the churn data for me?",
            "only the people on fibre, please",
            "and how many of them churned versus stayed? ta",
        ],
        "chatty",
        "fresh12",
        "follow-up",
        lambda f: f["churn"].filter(pl.col("internet_service") == "fiber").group_by("churned").agg(pl.len()),
        note="internet_service fiber, rows counted per churned (0 and 1): two groups",
    ),
    case(
        "f12-turn-orders-2023-mean-revenue-per-country",
        ["orders", "2023 only", "mean revenue per destination"],
        "terse",
        "fresh12",
        "follow-up",
        lambda f: (
            f["orders"]
            .filter(pl.col("order_date").dt.year() == 2023)
            .group_by("country")
            .agg(pl.col("total_revenue").mean())
        ),
        note="order_date in 2023, mean total_revenue per orders.country (seven, stored one way), currencies as stored",
    ),
    case(
        "f12-turn-france-youngest-first",
        [
            "morning! could you bring up the customer list?",
            "narrow it to the ones in France please",
            "then sort them by age with the youngest at the top, cheers",
        ],
        "chatty",
        "fresh12",
        "follow-up",
        lambda f: _france_youngest_first(f, keep_negative=True),
        sort_key=["age"],
        alternatives=[lambda f: _france_youngest_first(f, keep_negative=False)],
        note="customers.country meaning France in any spelling ('FRA', 'France', 'fr' too), age ascending, the"
        " missing ages last; the negative ages first as stored or left out as impossible; ties in any order",
    ),
]

REFUSALS = [
    refusal(
        "f12-refuse-margin-after-supplier-cost",
        "gross margin per product after supplier costs",
        "terse",
        "fresh12",
        "no dataset records what products cost us: products has a selling price only, orders a unit price",
    ),
    refusal(
        "f12-refuse-campaign-per-customer",
        "Through which advertising channel did each customer first find us?",
        "question",
        "fresh12",
        "no dataset records campaigns, channels or how a customer was acquired",
    ),
    refusal(
        "f12-refuse-mean-vs-median",
        "whats the diffrence betwen a mean and a median, in plain words",
        "typo",
        "fresh12",
        "a question about a concept, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f12-refuse-email-discount-codes",
        "hey! could you email every churned subscriber a discount code to win them back? thanks a million",
        "chatty",
        "fresh12",
        "an action the planner cannot take: it drafts a pipeline over the datasets, it sends no email (and churn"
        " holds no email addresses)",
    ),
    refusal(
        "f12-refuse-weather-on-order-day",
        "Please provide the local weather conditions on the day each order was placed.",
        "formal",
        "fresh12",
        "no dataset records weather; orders has dates and a destination country only",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
