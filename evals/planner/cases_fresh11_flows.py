"""Fresh11 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal


def _order_year(f: Frames, as_number: bool) -> pl.DataFrame:
    year = pl.col("order_date").dt.year() if as_number else pl.col("order_date").dt.truncate("1y")
    return f["orders"].with_columns(year.alias("order_year"))


def _delivered_revenue_per_country(f: Frames) -> pl.DataFrame:
    rows = f["orders"].filter(truth.status() == "delivered")
    return rows.group_by("country").agg(pl.col("total_revenue").sum().alias("revenue")).sort("revenue", descending=True)


def _mean_quantity_per_status_gb(f: Frames, folded: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("country") == "GB")
    key = truth.status() if folded else pl.col("status")
    out = rows.group_by(key.alias("status")).agg(pl.col("quantity").mean())
    return out.drop("status") if folded else out


def _sports_by_price(f: Frames) -> pl.DataFrame:
    return f["products"].filter(truth.category() == "sport").sort("price")


def _oldest_enterprise(f: Frames, dedupe: bool) -> pl.DataFrame:
    rows = f["customers"].unique() if dedupe else f["customers"]
    return rows.filter(pl.col("segment") == "enterprise").sort("age", descending=True, nulls_last=True).head(3)


DERIVED = [
    case(
        "f11-derive-price-in-cents",
        "products + price_cents (price x 100)",
        "terse",
        "fresh11",
        "derive",
        lambda f: f["products"].with_columns((pl.col("price") * 100).alias("price_cents")),
        strict_names=["price_cents"],
        note="price times 100, empty where the price is missing, negative where it is negative",
    ),
    case(
        "f11-derive-age-in-months",
        "Kindly add an age_in_months column to the subscriber data, equal to the age multiplied by twelve.",
        "formal",
        "fresh11",
        "derive",
        lambda f: f["churn"].with_columns((pl.col("age") * 12).alias("age_in_months")),
        strict_names=["age_in_months"],
        note="churn.age times 12",
    ),
    case(
        "f11-derive-high-value-flag",
        "Append a high_value indicator to the orders: true where the total revenue exceeds five hundred, false"
        " otherwise.",
        "formal",
        "fresh11",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("total_revenue") > 500).alias("high_value")),
        strict_names=["high_value"],
        note="total_revenue above 500 in each order's own currency (no revenue is missing); 500 itself is false",
    ),
    case(
        "f11-derive-order-year",
        "ad a colum with the yeer each ordr was placd",
        "typo",
        "fresh11",
        "derive",
        lambda f: _order_year(f, as_number=True),
        alternatives=[lambda f: _order_year(f, as_number=False)],
        note="the year of order_date as its number or its first day; any column name, the other columns kept",
    ),
    case(
        "f11-derive-days-to-ship",
        "Can every order also show how many days it took to ship?",
        "question",
        "fresh11",
        "derive",
        lambda f: f["orders"].with_columns(
            (pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias("days_to_ship")
        ),
        note="ship_date minus order_date in days, empty for unshipped orders and negative for the few shipped"
        " before they were placed; any column name",
    ),
    case(
        "f11-fill-income-median",
        "swap the blank earnings figures among subscribers for the median of those we do know",
        "paraphrase",
        "fresh11",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("income").fill_null(pl.col("income").median())),
        strict_names=["income"],
        note="earnings are churn.income: the 114 missing become the median of the recorded ones",
    ),
    case(
        "f11-fill-city-unknown",
        "hey, some customer rows are missing a city - could you write 'Unknown' into those? our map widget falls"
        " over on empties, cheers",
        "chatty",
        "fresh11",
        "fill",
        lambda f: f["customers"].with_columns(pl.col("city").fill_null("Unknown")),
        strict_names=["city"],
        note="the missing customers.city become 'Unknown'; every other row as stored",
    ),
]

STEPS = [
    case(
        "f11-combo-three-oldest-enterprise",
        "Who are the three oldest enterprise customers?",
        "question",
        "fresh11",
        "combination",
        lambda f: _oldest_enterprise(f, dedupe=False),
        sort_key=["age"],
        alternatives=[lambda f: _oldest_enterprise(f, dedupe=True)],
        note="segment enterprise, the three highest customers.age (84, 82, 82), eldest first; no tie at the third;"
        " missing ages are not oldest; exact customer copies kept as stored or once",
    ),
    case(
        "f11-combo-cancelled-spain-2023-columns",
        "cancled ordrs to spian in 2023, only id, date and amont",
        "typo",
        "fresh11",
        "combination",
        lambda f: (
            f["orders"]
            .filter(
                (truth.status() == "cancelled") & (pl.col("country") == "ES") & (pl.col("order_date").dt.year() == 2023)
            )
            .select("order_id", "order_date", "total_revenue")
        ),
        columns="exact",
        note="status meaning cancelled ('canceled' too), orders.country ES, order_date in 2023; order_id,"
        " order_date and total_revenue (the amount) only",
    ),
    case(
        "f11-combo-delivered-revenue-per-country-ranked",
        "hi! could you add up the revenue of delivered orders for each destination country, biggest first? need"
        " it for the regional catch-up, ta",
        "chatty",
        "fresh11",
        "combination",
        _delivered_revenue_per_country,
        sort_key=["revenue"],
        note="status meaning delivered (any spelling), total_revenue summed per orders.country (seven, stored one"
        " way), largest sum first, currencies as stored",
    ),
]

TURNS = [
    case(
        "f11-turn-two-year-churned-by-charge",
        [
            "I would like to see every subscriber holding a two-year agreement.",
            "Of these, keep only the ones who have since churned.",
            "Lastly, sort them by monthly charge, highest first.",
        ],
        "formal",
        "fresh11",
        "follow-up",
        lambda f: (
            f["churn"]
            .filter((truth.contract() == "two-year") & (pl.col("churned") == 1))
            .sort("monthly_charges", descending=True, nulls_last=True)
        ),
        sort_key=["monthly_charges"],
        note="contract meaning two-year ('2 year' too), churned = 1, monthly_charges descending; ties in any order",
    ),
    case(
        "f11-turn-britain-mean-units-per-status",
        ["the order book", "just what was sent to Britain", "now the average number of units for every status"],
        "paraphrase",
        "fresh11",
        "follow-up",
        lambda f: _mean_quantity_per_status_gb(f, folded=True),
        alternatives=[lambda f: _mean_quantity_per_status_gb(f, folded=False)],
        note="orders.country GB (Britain), mean quantity per status folded to five or as stored; a folded group"
        " may be labelled by any of its spellings, so only its mean is compared",
    ),
    case(
        "f11-turn-sports-cheapest-first",
        [
            "hey! can I have a look at the products?",
            "only the sporty stuff please",
            "and put the cheapest at the top? ta",
        ],
        "chatty",
        "fresh11",
        "follow-up",
        _sports_by_price,
        sort_key=["price"],
        note="category meaning Sports ('sports', 'Sports ' too: 35 products), price ascending; no sports product"
        " lacks a price",
    ),
]

REFUSALS = [
    refusal(
        "f11-refuse-courier-per-order",
        "courier used for each order",
        "terse",
        "fresh11",
        "no dataset records couriers or carriers: orders has dates, quantities, prices, currency, status and"
        " destination",
    ),
    refusal(
        "f11-refuse-loyalty-points",
        "How many loyalty points does each customer have banked?",
        "question",
        "fresh11",
        "no dataset records a loyalty scheme or points balances",
    ),
    refusal(
        "f11-refuse-explain-anti-join",
        "wat is an anti join and when wuld i use one",
        "typo",
        "fresh11",
        "a question about a concept, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f11-refuse-fix-numbers-as-discussed",
        "hiya, can you just sort the numbers out like we talked about on the call? cheers",
        "chatty",
        "fresh11",
        "too vague to plan: names no dataset, column or change, and refers to a call the planner never heard",
    ),
    refusal(
        "f11-refuse-print-and-post",
        "Please print the churn report and post a copy to the finance office.",
        "formal",
        "fresh11",
        "an action the planner cannot take: it drafts a pipeline over the datasets, it does not print or post anything",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
