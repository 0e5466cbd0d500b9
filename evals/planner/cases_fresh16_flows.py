"""Fresh16 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal


def _income_in_thousands(f: Frames, replace: bool) -> pl.DataFrame:
    thousands = pl.col("income") / 1000
    return f["churn"].with_columns(thousands.alias("income" if replace else "income_k"))


def _cancelled_2023_per_country(f: Frames) -> pl.DataFrame:
    rows = f["orders"].filter((truth.status() == "cancelled") & (pl.col("order_date").dt.year() == 2023))
    return rows.group_by("country").agg(pl.len().alias("orders"))


def _month_to_month_charge_per_service(f: Frames) -> pl.DataFrame:
    rows = f["churn"].filter(truth.contract() == "month-to-month")
    return rows.group_by("internet_service").agg(pl.col("monthly_charges").mean())


def _south_by_income(f: Frames, nulls_last: bool) -> pl.DataFrame:
    rows = f["churn"].filter(pl.col("region") == "south")
    return rows.sort("income", descending=True, nulls_last=nulls_last)


def _enterprise_cities(f: Frames, keep_missing: bool) -> pl.DataFrame:
    cities = f["customers"].filter(pl.col("segment") == "enterprise").select("city")
    return (cities if keep_missing else cities.drop_nulls()).unique()


def _shipped_median_revenue_per_country(f: Frames) -> pl.DataFrame:
    rows = f["orders"].filter(truth.status() == "shipped")
    return rows.group_by("country").agg(pl.col("total_revenue").median())


def _cheapest_garden(f: Frames) -> pl.DataFrame:
    garden = f["products"].filter(truth.category() == "garden")
    return garden.sort("price", nulls_last=True).head(3)


def _order_quarter(f: Frames, as_date: bool) -> pl.DataFrame:
    day = pl.col("order_date")
    return f["orders"].with_columns((day.dt.truncate("1q") if as_date else day.dt.quarter()).alias("quarter"))


DERIVED = [
    case(
        "f16-derive-discounted-price",
        "products + sale_price = 85% of price",
        "terse",
        "fresh16",
        "derive",
        lambda f: f["products"].with_columns((pl.col("price") * 0.85).alias("sale_price")),
        strict_names=["sale_price"],
        note="products.price times 0.85 beside the price; missing prices stay missing, negative ones give what"
        " they give",
    ),
    case(
        "f16-derive-first-name",
        "hi! could you add a first-name column to the customers? the newsletter tool wants to open with"
        " 'Dear Emma' and so on, thanks",
        "chatty",
        "fresh16",
        "derive",
        lambda f: f["customers"].with_columns(pl.col("name").str.split(" ").list.first().alias("first_name")),
        note="the text of customers.name before its first space ('Noah' of 'Noah de Vries', 'Zoë' of 'Zoë "
        " Brown' with its double space) under any name, beside the name",
    ),
    case(
        "f16-derive-order-quarter",
        "Is there a way to label each order with the quarter of the year it fell in?",
        "question",
        "fresh16",
        "derive",
        lambda f: _order_quarter(f, as_date=False),
        alternatives=[lambda f: _order_quarter(f, as_date=True)],
        note="the quarter of orders.order_date under any name, as a number (1 to 4) or the quarter's first day"
        " (the far-future dates as stored)",
    ),
    case(
        "f16-derive-bulk-order-flag",
        "Add to the orders a column bulk_order, true where the quantity is greater than 3.",
        "formal",
        "fresh16",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("quantity") > 3).alias("bulk_order")),
        strict_names=["bulk_order"],
        note="orders.quantity above 3 gives true (1,122 rows), the rest false; 3 itself is not greater than 3",
    ),
    case(
        "f16-derive-income-in-thousands",
        "the churn data with everyone's income also given in thousands",
        "paraphrase",
        "fresh16",
        "derive",
        lambda f: _income_in_thousands(f, replace=False),
        alternatives=[lambda f: _income_in_thousands(f, replace=True)],
        note="churn.income divided by 1,000 under any name, beside the income (or, accepted, in its place);"
        " missing incomes stay missing",
    ),
    case(
        "f16-fill-region-unassigned",
        "churn, fil mising regon with 'unassigned'",
        "typo",
        "fresh16",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("region").fill_null("unassigned")),
        strict_names=["region"],
        note="the 60 missing churn.region become 'unassigned'; every other region as stored",
    ),
    case(
        "f16-fill-phone-none-given",
        "customers, with 'none given' written in wherever the phone number is absent",
        "paraphrase",
        "fresh16",
        "fill",
        lambda f: f["customers"].with_columns(pl.col("phone").fill_null("none given")),
        strict_names=["phone"],
        note="the 60 missing customers.phone become 'none given'; every other phone as stored",
    ),
]

STEPS = [
    case(
        "f16-combo-cancelled-2023-per-country",
        "cancelled orders from 2023, number per country",
        "terse",
        "fresh16",
        "combination",
        _cancelled_2023_per_country,
        note="status meaning cancelled in any spelling ('canceled' too) and order_date in 2023 (232 rows),"
        " counted per orders.country (seven, stored one way)",
    ),
    case(
        "f16-combo-three-cheapest-garden",
        "Out of the garden stuff, which 3 bits are the least expensive?",
        "question",
        "fresh16",
        "combination",
        _cheapest_garden,
        sort_key=["price"],
        note="category meaning Garden in any spelling ('Gardens', 'GARDEN' too), the three lowest products.price"
        " first (28.14, 85.40, 89.45); the two missing garden prices are not cheap; no garden price is negative;"
        " no tie at the third",
    ),
    case(
        "f16-combo-month-to-month-charge-per-service",
        "for the subscribers on a rolling monthly contract, their average monthly charge by internet service",
        "paraphrase",
        "fresh16",
        "combination",
        _month_to_month_charge_per_service,
        note="contract meaning month-to-month in any spelling ('M2M', 'Month-to-month', 'month to month' too),"
        " mean monthly_charges per internet_service (three, stored one way), outliers as stored",
    ),
]

TURNS = [
    case(
        "f16-turn-south-by-income",
        [
            "Take the churn dataset as the starting point.",
            "Retain only the subscribers whose region is south.",
            "Arrange them by income in descending order.",
        ],
        "formal",
        "fresh16",
        "follow-up",
        lambda f: _south_by_income(f, nulls_last=True),
        alternatives=[lambda f: _south_by_income(f, nulls_last=False)],
        sort_key=["income"],
        note="churn.region 'south' (724 rows), churn.income descending, the 27 missing incomes last or first;"
        " ties in any order",
    ),
    case(
        "f16-turn-enterprise-cities",
        [
            "hey, load up the customers for me?",
            "only keep the enterprise segment please",
            "and what cities are they in? each one just once, ta",
        ],
        "chatty",
        "fresh16",
        "follow-up",
        lambda f: _enterprise_cities(f, keep_missing=True),
        alternatives=[lambda f: _enterprise_cities(f, keep_missing=False)],
        columns="exact",
        note="customers.segment 'enterprise' (149 rows), customers.city each once: 32 cities, the missing city"
        " kept as one value or left out",
    ),
    case(
        "f16-turn-shipped-median-revenue-per-country",
        ["gimme the ordrs", "onli the shiped ones", "medin totl revnue per cntry"],
        "typo",
        "fresh16",
        "follow-up",
        _shipped_median_revenue_per_country,
        note="status meaning shipped in any spelling ('shipped ' with a trailing space, 'Shipped' too: 1,001"
        " rows), the median total_revenue per orders.country (seven, stored one way), currencies as stored",
    ),
]

REFUSALS = [
    refusal(
        "f16-refuse-courier-per-order",
        "orders + courier name + tracking no.",
        "terse",
        "fresh16",
        "no dataset records couriers or tracking numbers: orders has dates, amounts, a status and a country only",
    ),
    refusal(
        "f16-refuse-top-sales-rep",
        "Which of our sales reps closed the most deals last quarter?",
        "question",
        "fresh16",
        "no dataset records sales reps or deals; orders per period can be had, who sold them cannot",
    ),
    refusal(
        "f16-refuse-book-meeting",
        "hey! can you book me a meeting with the sales team for tomorrow morning? would be a lifesaver, thanks",
        "chatty",
        "fresh16",
        "an action the planner cannot take: it drafts a pipeline over the datasets; it keeps no calendar",
    ),
    refusal(
        "f16-refuse-view-vs-table",
        "Please set out the difference between a database view and a table.",
        "formal",
        "fresh16",
        "a question about a concept, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f16-refuse-make-it-better",
        "mak the numbrs look beter",
        "typo",
        "fresh16",
        "too vague to plan: names no dataset, rows or columns, and 'better' says nothing a pipeline could do",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
