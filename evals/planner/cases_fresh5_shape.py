"""Fresh5 cases that reshape one dataset: pick, drop and rename columns, sort, rank, dedupe, distinct values."""

from __future__ import annotations

import polars as pl

from evals.planner.model import Frames, case


def _by_ship_date(f: Frames, nulls_last: bool) -> pl.DataFrame:
    return f["orders"].sort("ship_date", descending=True, nulls_last=nulls_last)


SELECT = [
    case(
        "f5-select-id-city-signup",
        "customers: customer_id, city, signup_date only",
        "terse",
        "fresh5",
        "select",
        lambda f: f["customers"].select("customer_id", "city", "signup_date"),
        columns="exact",
    ),
    case(
        "f5-select-shipped-worth-destination",
        "just three things from orders: when each one shipped, how much it was worth and which country it went to",
        "paraphrase",
        "fresh5",
        "select",
        lambda f: f["orders"].select("ship_date", "total_revenue", "country"),
        columns="exact",
        note="when it shipped is ship_date, its worth total_revenue, where it went country",
    ),
    case(
        "f5-select-name-segment-age",
        "Can I see only the name, segment and age of each customer?",
        "question",
        "fresh5",
        "select",
        lambda f: f["customers"].select("name", "segment", "age"),
        columns="exact",
    ),
    case(
        "f5-drop-payment-calls-split",
        "Drop the payment_method, support_calls and split columns from the churn dataset.",
        "formal",
        "fresh5",
        "drop",
        lambda f: f["churn"].drop("payment_method", "support_calls", "split"),
        columns="exact",
    ),
    case(
        "f5-drop-order-keys",
        "hey, can you hide the customer_id and product_id columns in orders? everything else can stay",
        "chatty",
        "fresh5",
        "drop",
        lambda f: f["orders"].drop("customer_id", "product_id"),
        columns="exact",
    ),
    case(
        "f5-rename-client-id",
        "renam customer_id to client_id in ordrs",
        "typo",
        "fresh5",
        "rename",
        lambda f: f["orders"].rename({"customer_id": "client_id"}),
        strict_names=["client_id"],
    ),
    case(
        "f5-rename-category-weight",
        "could you rename category to product_category and weight to shipping_weight in products? thanks",
        "chatty",
        "fresh5",
        "rename",
        lambda f: f["products"].rename({"category": "product_category", "weight": "shipping_weight"}),
        strict_names=["product_category", "shipping_weight"],
    ),
]

ORDERING = [
    case(
        "f5-sort-latest-shipped-first",
        "Could you put the orders in order of ship date, with the latest shipment at the top?",
        "question",
        "fresh5",
        "sort",
        lambda f: _by_ship_date(f, nulls_last=True),
        sort_key=["ship_date"],
        alternatives=[lambda f: _by_ship_date(f, nulls_last=False)],
        note="ship_date descending, the future ship dates first; the unshipped orders (no ship date) may come last or"
        " first; orders shipped the same day in any order",
    ),
    case(
        "f5-sort-country-then-amount",
        "orders by destination country A to Z, and within each country from the biggest order value to the smallest",
        "paraphrase",
        "fresh5",
        "sort",
        lambda f: f["orders"].sort(["country", "total_revenue"], descending=[False, True]),
        sort_key=["country", "total_revenue"],
        note="the destination is orders.country, the order value total_revenue",
    ),
    case(
        "f5-top-earliest-born",
        "5 customers with the earliest birth_date",
        "terse",
        "fresh5",
        "top-n",
        lambda f: f["customers"].sort("birth_date", nulls_last=True).head(5),
        sort_key=["birth_date"],
        note="the five earliest birth dates, earliest first; customers without one are not the earliest; no tie at the"
        " fifth place",
    ),
    case(
        "f5-top-biggest-2024",
        "the 4 bigest ordrs of 2024 by revenu",
        "typo",
        "fresh5",
        "top-n",
        lambda f: (
            f["orders"].filter(pl.col("order_date").dt.year() == 2024).sort("total_revenue", descending=True).head(4)
        ),
        sort_key=["total_revenue"],
        note="orders dated 2024, the four largest total_revenue, largest first",
    ),
]

DISTINCT = [
    case(
        "f5-dedupe-top-bill-per-service",
        "for each internet service type could you keep just the subscriber with the highest total charges? full rows"
        " please",
        "chatty",
        "fresh5",
        "deduplicate",
        lambda f: (
            f["churn"].sort("total_charges", descending=True, nulls_last=True).unique("internet_service", keep="first")
        ),
        note="one whole churn row per internet_service (fiber, dsl, none), the one with the largest total_charges;"
        " no ties, and a missing total is never the largest",
    ),
    case(
        "f5-distinct-pay-and-internet",
        "every pairing of how subscribers pay and what kind of internet they have that actually occurs",
        "paraphrase",
        "fresh5",
        "distinct",
        lambda f: f["churn"].select("payment_method", "internet_service").unique(),
        columns="exact",
        note="distinct payment_method and internet_service pairs: all 12 occur",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
