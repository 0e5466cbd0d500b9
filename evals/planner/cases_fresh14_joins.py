"""Fresh14 cases that combine tables: customer or product facts looked up for orders, semi joins, totals."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import (
    DUPLICATE_NOTE,
    FOLDED_NOTE,
    HOWS,
    MATCH_NOTE,
    MATCHES,
    NO_PRODUCT,
    ORPHAN_NOTE,
    REUSED_PRODUCTS,
    How,
    lookups,
    orders_of_customers,
    orders_with,
    orders_with_products,
)


def _buyers_of_2025(f: Frames, dedupe: bool) -> pl.DataFrame:
    people = f["customers"].unique() if dedupe else f["customers"]
    ordered = f["orders"].filter(pl.col("order_date").dt.year() == 2025).select("customer_id")
    return people.join(ordered, on="customer_id", how="semi")


def _frequent_customers(f: Frames, dedupe: bool) -> pl.DataFrame:
    counts = f["orders"].group_by("customer_id").agg(pl.len().alias("orders")).filter(pl.col("orders") > 8)
    people = f["customers"].unique() if dedupe else f["customers"]
    return people.join(counts.select("customer_id"), on="customer_id", how="semi")


def _spend_with_names(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    spend = f["orders"].group_by("customer_id").agg(pl.col("total_revenue").sum().alias("spend"))
    people = f["customers"].select("customer_id", "name")
    people = people.unique() if dedupe else people
    return spend.join(people, on="customer_id", how=how)


def _mean_order_value_per_segment(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe)
    return joined.group_by("segment").agg(pl.col("total_revenue").mean().alias("average_order_value"))


def _units_per_category(f: Frames, how: How, folded: bool) -> pl.DataFrame:
    return truth.per_category(f, how, folded, pl.col("quantity").sum().alias("units"))


SEGMENTS = lookups(lambda f, how, dedupe: orders_with(f, ["segment"], how, dedupe))
CATEGORIES = [lambda f, how=how: orders_with_products(f, ["category"], how) for how in HOWS]
SPAIN = [lambda f, m=m: orders_of_customers(f, truth.customer_country() == "ES", m) for m in MATCHES]
NAMES_AND_PRICES = [lambda f, how=how: orders_with_products(f, ["name", "price"], how) for how in HOWS]
SPEND = lookups(_spend_with_names)
ORDER_VALUE_PER_SEGMENT = lookups(_mean_order_value_per_segment)
UNITS_PER_CATEGORY = [
    lambda f, how=how, folded=folded: _units_per_category(f, how, folded) for folded in (True, False) for how in HOWS
]

JOINS = [
    case(
        "f14-join-orders-segment",
        "orders w/ the buyer's segment",
        "terse",
        "fresh14",
        "join",
        SEGMENTS[0],
        alternatives=SEGMENTS[1:],
        note="customers.segment by customer_id; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f14-join-orders-category",
        "hey, could you add each order's product category onto the orders table? the merch team wants to slice"
        " by it, cheers",
        "chatty",
        "fresh14",
        "join",
        CATEGORIES[0],
        alternatives=CATEGORIES[1:],
        note="products.category (as stored) by product_id; " + REUSED_PRODUCTS + "; " + NO_PRODUCT,
    ),
    case(
        "f14-join-customers-ordered-2025",
        "custmers who placd an ordr sometime in 2025",
        "typo",
        "fresh14",
        "join",
        lambda f: _buyers_of_2025(f, dedupe=False),
        alternatives=[lambda f: _buyers_of_2025(f, dedupe=True)],
        note="customers rows whose customer_id names an order dated in 2025, each customer once (a semi join);"
        " exact customer copies kept as stored or once",
    ),
    case(
        "f14-join-orders-customers-in-spain",
        "Which orders belong to customers living in Spain?",
        "question",
        "fresh14",
        "join",
        SPAIN[0],
        alternatives=SPAIN[1:],
        note="customers.country meaning Spain in any spelling, by customer_id (879 orders); orders.country is where"
        " an order was sent (867 to ES), not where its customer lives; " + MATCH_NOTE,
    ),
    case(
        "f14-join-customers-more-than-eight-orders",
        "List every customer with more than eight orders to their name.",
        "formal",
        "fresh14",
        "join-aggregate",
        lambda f: _frequent_customers(f, dedupe=False),
        alternatives=[lambda f: _frequent_customers(f, dedupe=True)],
        note="customers rows whose customer_id has more than eight orders, the count beside them or not; exact"
        " customer copies kept as stored or once; both rows of a reused id kept",
    ),
    case(
        "f14-join-spend-with-name",
        "what every customer has spent with us in total, with their name alongside",
        "paraphrase",
        "fresh14",
        "join-aggregate",
        SPEND[0],
        alternatives=SPEND[1:],
        note="orders.total_revenue summed per customer_id (currencies as stored) with customers.name by"
        " customer_id; a reused id shows its total beside each of its two names; exact copies kept or once; the"
        " orphan ids' totals kept without a name (left join) or not",
    ),
    case(
        "f14-join-units-per-category",
        "how mny units did each prodct categry sell",
        "typo",
        "fresh14",
        "join-aggregate",
        UNITS_PER_CATEGORY[0],
        alternatives=UNITS_PER_CATEGORY[1:],
        note="orders.quantity summed per products.category, folded to six or as stored; "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT
        + " (a group with no category); "
        + FOLDED_NOTE,
    ),
    case(
        "f14-join-order-value-per-segment",
        "What's the average order value in each customer segment?",
        "question",
        "fresh14",
        "join-aggregate",
        ORDER_VALUE_PER_SEGMENT[0],
        alternatives=ORDER_VALUE_PER_SEGMENT[1:],
        note="mean orders.total_revenue per customers.segment, currencies as stored; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE
        + " (a group with no segment)",
    ),
    case(
        "f14-join-orders-product-name-price",
        "Attach the product name and list price to each order.",
        "formal",
        "fresh14",
        "join",
        NAMES_AND_PRICES[0],
        alternatives=NAMES_AND_PRICES[1:],
        note="products.name and price by product_id (price beside the order's own unit_price); "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT,
    ),
]

CASES = JOINS
