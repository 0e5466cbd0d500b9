"""Fresh2 cases that combine tables: customer or product facts looked up for orders, and sums over a join."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import DUPLICATE_NOTE, LOOKUPS, ORPHAN_NOTE, How, lookups, orders_with


def _revenue_by_customer_country(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["country"], how, dedupe).drop("country").rename({"country_right": "customer_country"})
    key = truth.customer_country("customer_country").alias("customer_country")
    return joined.group_by(key).agg(pl.col("total_revenue").sum().alias("revenue"))


def _orders_per_city(f: Frames, how: How, dedupe: bool, drop_missing: bool) -> pl.DataFrame:
    joined = orders_with(f, ["city"], how, dedupe)
    joined = joined.filter(pl.col("city").is_not_null()) if drop_missing else joined
    return joined.group_by("city").agg(pl.len().alias("orders"))


def _revenue_by_category(f: Frames, how: How) -> pl.DataFrame:
    kinds = f["products"].select("product_id", truth.category().alias("category")).unique()
    joined = f["orders"].join(kinds, on="product_id", how=how)
    return joined.group_by("category").agg(pl.col("total_revenue").sum().alias("revenue")).select("revenue")


def _frequent_buyers(f: Frames, dedupe: bool) -> pl.DataFrame:
    counts = f["orders"].group_by("customer_id").agg(pl.len().alias("orders")).filter(pl.col("orders") >= 15)
    names = f["customers"].select("customer_id", "name")
    return counts.join(names.unique() if dedupe else names, on="customer_id", how="left")


def _first_order_in_2024(f: Frames) -> pl.DataFrame:
    firsts = f["orders"].group_by("customer_id").agg(pl.col("order_date").min())
    return f["customers"].join(firsts.filter(pl.col("order_date").dt.year() == 2024), on="customer_id", how="semi")


def _garden_buyers(f: Frames) -> pl.DataFrame:
    garden = f["products"].filter(truth.category() == "garden")
    return f["customers"].join(f["orders"].join(garden, on="product_id", how="semi"), on="customer_id", how="semi")


EMAILS = lookups(lambda f, how, dedupe: orders_with(f, ["email"], how, dedupe))
CITIES = lookups(lambda f, how, dedupe: orders_with(f, ["city"], how, dedupe))
COUNTRY_REVENUE = lookups(_revenue_by_customer_country)

JOINS = [
    case(
        "f2-join-order-email",
        "orders with customer email",
        "terse",
        "fresh2",
        "join",
        EMAILS[0],
        alternatives=EMAILS[1:],
        note=DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f2-join-big-spenders",
        "Which customers have at least one order above 5,000?",
        "question",
        "fresh2",
        "join",
        lambda f: f["customers"].join(f["orders"].filter(pl.col("total_revenue") > 5000), on="customer_id", how="semi"),
        note="customers rows as stored (a semi join); orders above 5,000 in total_revenue",
    ),
    case(
        "f2-join-garden-buyers",
        "I need a list of the customers who've bought anything from the garden category, can you do that?",
        "chatty",
        "fresh2",
        "join",
        _garden_buyers,
        note="orders joined to products by product_id; 'Gardens' and 'GARDEN' are garden too",
    ),
    case(
        "f2-join-buyer-city",
        "for every purchase, the town the buyer lives in",
        "paraphrase",
        "fresh2",
        "join",
        CITIES[0],
        alternatives=CITIES[1:],
        note="purchases are orders, the town is customers.city; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f2-join-revenue-per-category",
        "revenu per prodcut categroy",
        "typo",
        "fresh2",
        "join-aggregate",
        lambda f: _revenue_by_category(f, "left"),
        alternatives=[lambda f: _revenue_by_category(f, "inner")],
        note=(
            "category spellings are summed together (six groups, only the sums are checked); 4 product_ids name two"
            " products of different categories, so their orders count in both; 30 orders without a product_id form"
            " a group with no category or are left out"
        ),
    ),
    case(
        "f2-join-revenue-customer-country",
        "Compute total revenue per customer country, using the country on the customer record rather than the order.",
        "formal",
        "fresh2",
        "join-aggregate",
        COUNTRY_REVENUE[0],
        alternatives=COUNTRY_REVENUE[1:],
        note=(
            "customers.country is folded to ISO codes ('Germany', 'de', 'DE '... are DE); "
            + DUPLICATE_NOTE
            + "; "
            + ORPHAN_NOTE
        ),
    ),
    case(
        "f2-join-frequent-buyers",
        "Which customers placed 15 or more orders? Include their names.",
        "question",
        "fresh2",
        "join-aggregate",
        lambda f: _frequent_buyers(f, dedupe=True),
        alternatives=[lambda f: _frequent_buyers(f, dedupe=False)],
        note="customer_id 235 is reused by two people, so both names come with its 15 orders; " + DUPLICATE_NOTE,
    ),
    case(
        "f2-join-orders-per-city",
        "order count by customer city",
        "terse",
        "fresh2",
        "join-aggregate",
        lambda f: _orders_per_city(f, "left", True, drop_missing=False),
        alternatives=[
            lambda f, how=how, dedupe=dedupe, drop=drop: _orders_per_city(f, how, dedupe, drop)
            for how, dedupe in LOOKUPS
            for drop in (False, True)
            if (how, dedupe, drop) != ("left", True, False)
        ],
        note="121 US customers have no city; that group may be kept or left out; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE,
    ),
    case(
        "f2-join-first-order-2024",
        "custmers whose frist order was in 2024",
        "typo",
        "fresh2",
        "join-aggregate",
        _first_order_in_2024,
        note="each customer_id's earliest order_date falls in 2024; customers rows as stored",
    ),
]

CASES = JOINS
