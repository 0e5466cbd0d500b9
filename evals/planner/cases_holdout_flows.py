"""Held-out cases of several steps in one request, conversations scored on their last turn, and requests to refuse."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.cases_holdout_dates import SIGNUP_NOTE
from evals.planner.cases_holdout_groups import MONTH_NOTE, orders_2023, per_month
from evals.planner.model import Frames, case, refusal


def _returns_2024(f: Frames) -> pl.DataFrame:
    return f["orders"].filter((truth.status() == "returned") & (pl.col("order_date").dt.year() == 2024))


def _smb_signups_per_year(f: Frames, day: pl.Expr, drop_unread: bool = False) -> pl.DataFrame:
    smb = f["customers"].filter(pl.col("segment") == "smb").with_columns(day.dt.year().alias("year"))
    if drop_unread:
        smb = smb.filter(pl.col("year").is_not_null())
    return smb.group_by("year").agg(pl.len().alias("customers"))


def _charges_by_region(f: Frames, drop_missing: bool) -> pl.DataFrame:
    churn = f["churn"].filter(pl.col("region").is_not_null()) if drop_missing else f["churn"]
    means = churn.group_by("region").agg(pl.col("monthly_charges").mean().alias("charges"))
    return means.sort("charges", descending=True)


def _revenue_per_month_2023(f: Frames, as_number: bool = False) -> pl.DataFrame:
    return per_month(orders_2023(f), pl.col("total_revenue").sum().alias("revenue"), as_number)


STEPS = [
    case(
        "ho-combo-german-delivered-revenue",
        "total delivered revenue for Germany",
        "terse",
        "holdout",
        "combination",
        lambda f: (
            f["orders"]
            .filter((truth.status() == "delivered") & (pl.col("country") == "DE"))
            .select(pl.col("total_revenue").sum())
        ),
    ),
    case(
        "ho-combo-top-countries-2023",
        "Which 3 countries had the most orders in 2023?",
        "question",
        "holdout",
        "combination",
        lambda f: (
            orders_2023(f).group_by("country").agg(pl.len().alias("orders")).sort("orders", descending=True).head(3)
        ),
        sort_key=["orders"],
    ),
    case(
        "ho-combo-churned-charges-by-service",
        "For subscribers who churned, calculate the average monthly charge per internet service, highest first.",
        "formal",
        "holdout",
        "combination",
        lambda f: (
            f["churn"]
            .filter(pl.col("churned") == 1)
            .group_by("internet_service")
            .agg(pl.col("monthly_charges").mean().alias("charges"))
            .sort("charges", descending=True)
        ),
        sort_key=["charges"],
    ),
    case(
        "ho-combo-french-names-sorted",
        "names and emails of our French customers, alphabetically by name",
        "paraphrase",
        "holdout",
        "combination",
        lambda f: f["customers"].filter(truth.customer_country() == "FR").select("name", "email").sort("name"),
        sort_key=["name"],
        note="'France' and 'FRA' are stored next to 'FR'; names are sorted as stored",
    ),
    case(
        "ho-combo-returns-per-month-2024",
        "returns per month 2024",
        "terse",
        "holdout",
        "combination",
        lambda f: per_month(_returns_2024(f), pl.len().alias("returns"), as_number=False),
        alternatives=[lambda f: per_month(_returns_2024(f), pl.len().alias("returns"), as_number=True)],
        note=MONTH_NOTE,
    ),
    case(
        "ho-combo-big-uk-orders",
        "hey, could you grab the UK orders over 1000 and put the biggest ones first?",
        "chatty",
        "holdout",
        "combination",
        lambda f: (
            f["orders"]
            .filter((pl.col("country") == "GB") & (pl.col("total_revenue") > 1000))
            .sort("total_revenue", descending=True)
        ),
        sort_key=["total_revenue"],
    ),
    case(
        "ho-combo-smb-signups-per-year",
        "How many SMB customers signed up in each year?",
        "question",
        "holdout",
        "combination",
        lambda f: _smb_signups_per_year(f, truth.signup_day()),
        alternatives=[
            lambda f: _smb_signups_per_year(f, truth.iso_signup_day()),
            lambda f: _smb_signups_per_year(f, truth.iso_signup_day(), drop_unread=True),
        ],
        note=SIGNUP_NOTE,
    ),
    case(
        "ho-combo-fill-then-count-regions",
        "could you fill in missing regions as 'unknown' and then count the subscribers in each region? cheers",
        "chatty",
        "holdout",
        "combination",
        lambda f: f["churn"].group_by(pl.col("region").fill_null("unknown")).agg(pl.len().alias("subscribers")),
    ),
    case(
        "ho-combo-delivered-quantity-country",
        "Compute the mean quantity of delivered orders per country, ordered from largest to smallest.",
        "formal",
        "holdout",
        "combination",
        lambda f: (
            f["orders"]
            .filter(truth.status() == "delivered")
            .group_by("country")
            .agg(pl.col("quantity").mean().alias("quantity"))
            .sort("quantity", descending=True)
        ),
        sort_key=["quantity"],
        note="'Delivered', 'DELIVERED' and 'delivred' are delivered too",
    ),
    case(
        "ho-combo-churned-fibre-expensive",
        "churnd fibre custmers paying more then 100 a month",
        "typo",
        "holdout",
        "combination",
        lambda f: f["churn"].filter(
            (pl.col("churned") == 1) & (pl.col("internet_service") == "fiber") & (pl.col("monthly_charges") > 100)
        ),
    ),
]

TURNS = [
    case(
        "ho-turn-spain-enterprise",
        ["customers in spain", "only enterprise"],
        "terse",
        "holdout",
        "follow-up",
        lambda f: f["customers"].filter((truth.customer_country() == "ES") & (pl.col("segment") == "enterprise")),
    ),
    case(
        "ho-turn-region-charges-sorted",
        ["average monthly charges by region", "great, now can you sort that from highest to lowest?"],
        "chatty",
        "holdout",
        "follow-up",
        lambda f: _charges_by_region(f, drop_missing=False),
        sort_key=["charges"],
        alternatives=[lambda f: _charges_by_region(f, drop_missing=True)],
        note="60 rows have no region; leaving that group out is accepted too",
    ),
    case(
        "ho-turn-2024-revenue-top-3",
        ["orders placed during 2024", "sum up the revenue for every country", "keep only the three largest"],
        "paraphrase",
        "holdout",
        "follow-up",
        lambda f: (
            f["orders"]
            .filter(pl.col("order_date").dt.year() == 2024)
            .group_by("country")
            .agg(pl.col("total_revenue").sum().alias("revenue"))
            .sort("revenue", descending=True)
            .head(3)
        ),
        sort_key=["revenue"],
    ),
    case(
        "ho-turn-toys-three-columns",
        ["show me the toy products", "keep ony product_id, name and price"],
        "typo",
        "holdout",
        "follow-up",
        lambda f: f["products"].filter(truth.category() == "toy").select("product_id", "name", "price"),
        columns="exact",
        note="'toys' and 'Toys ' are stored next to 'Toys'",
    ),
    case(
        "ho-turn-support-calls-churned",
        ["subscribers with more than 3 support calls", "how many of them churned?"],
        "question",
        "holdout",
        "follow-up",
        lambda f: (
            f["churn"]
            .filter((pl.col("support_calls") > 3) & (pl.col("churned") == 1))
            .select(pl.len().alias("churned"))
        ),
    ),
    case(
        "ho-turn-monthly-revenue-2023",
        ["total revenue per month", "Restrict that to the year 2023."],
        "formal",
        "holdout",
        "follow-up",
        _revenue_per_month_2023,
        alternatives=[lambda f: _revenue_per_month_2023(f, as_number=True)],
        note=MONTH_NOTE,
    ),
]

REFUSALS = [
    refusal("ho-refuse-warehouse", "Which warehouse shipped each order?", "question", "holdout", "no warehouse data"),
    refusal("ho-refuse-loyalty", "customer loyalty points", "terse", "holdout", "no dataset has loyalty points"),
    refusal(
        "ho-refuse-yen",
        "Please convert every order's revenue to Japanese yen at today's exchange rate.",
        "formal",
        "holdout",
        "no exchange rates in the data",
    ),
    refusal(
        "ho-refuse-stock",
        "could you tell me how many items we still have in stock for each product? thanks so much",
        "chatty",
        "holdout",
        "no inventory data",
    ),
    refusal(
        "ho-refuse-newsletter",
        "customers who opend our last newsletter",
        "typo",
        "holdout",
        "no newsletter or email-tracking data",
    ),
    refusal(
        "ho-refuse-campaign",
        "the marketing campaign that brought in each customer",
        "paraphrase",
        "holdout",
        "customers do not record an acquisition campaign",
    ),
]

CASES = [*STEPS, *TURNS, *REFUSALS]
