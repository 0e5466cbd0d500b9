"""Fresh13 cases that combine tables: customer or product facts looked up for orders, semi and anti joins, totals."""

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


def _products_sent_to_netherlands(f: Frames) -> pl.DataFrame:
    dutch = f["orders"].filter(pl.col("country") == "NL").select("product_id")
    return f["products"].join(dutch, on="product_id", how="semi")


def _orders_per_segment(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe)
    return joined.group_by("segment").agg(pl.len().alias("orders"))


def _largest_order_per_segment(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe)
    return joined.group_by("segment").agg(pl.col("total_revenue").max().alias("largest_order"))


def _mean_revenue_per_category(f: Frames, how: How, folded: bool) -> pl.DataFrame:
    return truth.per_category(f, how, folded, pl.col("total_revenue").mean().alias("average_revenue"))


EMAILS = lookups(lambda f, how, dedupe: orders_with(f, ["email"], how, dedupe))
PRODUCT_NAMES = [lambda f, how=how: orders_with_products(f, ["name"], how) for how in HOWS]
ENTERPRISE = [lambda f, m=m: orders_of_customers(f, pl.col("segment") == "enterprise", m) for m in MATCHES]
BERLIN_HAMBURG = [
    lambda f, m=m: orders_of_customers(f, pl.col("city").is_in(["Berlin", "Hamburg"]), m) for m in MATCHES
]
ORDERS_PER_SEGMENT = lookups(_orders_per_segment)
LARGEST_PER_SEGMENT = lookups(_largest_order_per_segment)
MEAN_REVENUE_PER_CATEGORY = [
    lambda f, how=how, folded=folded: _mean_revenue_per_category(f, how, folded)
    for folded in (True, False)
    for how in HOWS
]

JOINS = [
    case(
        "f13-join-orders-customer-email",
        "For each order, include the email of the customer who placed it.",
        "formal",
        "fresh13",
        "join",
        EMAILS[0],
        alternatives=EMAILS[1:],
        note="customers.email by customer_id; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f13-join-orders-product-name",
        "orders with prod name attached",
        "terse",
        "fresh13",
        "join",
        PRODUCT_NAMES[0],
        alternatives=PRODUCT_NAMES[1:],
        note="products.name by product_id; " + REUSED_PRODUCTS + "; " + NO_PRODUCT,
    ),
    case(
        "f13-join-orders-enterprise-customers",
        "ordrs placd by our enterprize acounts",
        "typo",
        "fresh13",
        "join",
        ENTERPRISE[0],
        alternatives=ENTERPRISE[1:],
        note="customers.segment enterprise (stored one way) by customer_id; " + MATCH_NOTE,
    ),
    case(
        "f13-join-customers-never-ordered",
        "Any customers who have yet to make their first purchase?",
        "question",
        "fresh13",
        "join",
        lambda f: f["customers"].join(f["orders"].select("customer_id"), on="customer_id", how="anti"),
        note="customers rows whose customer_id names no order (an anti join): 18 rows, the 8 test accounts among"
        " them; none of them is an exact copy, so removing copies first changes nothing",
    ),
    case(
        "f13-join-orders-berlin-hamburg",
        "hey, could you pull the orders from customers living in Berlin or Hamburg? we're weighing up a pop-up"
        " store, thanks",
        "chatty",
        "fresh13",
        "join",
        BERLIN_HAMBURG[0],
        alternatives=BERLIN_HAMBURG[1:],
        note="customers.city Berlin or Hamburg (stored one way) by customer_id; " + MATCH_NOTE,
    ),
    case(
        "f13-join-products-shipped-to-netherlands",
        "the catalogue items that have turned up on at least one order headed for the Netherlands",
        "paraphrase",
        "fresh13",
        "join",
        _products_sent_to_netherlands,
        note="products rows whose product_id names an order with orders.country NL, each product once (a semi"
        " join); both rows of a reused product id kept",
    ),
    case(
        "f13-join-mean-revenue-per-category",
        "avrage revenu per ordr for each prodcut category",
        "typo",
        "fresh13",
        "join-aggregate",
        MEAN_REVENUE_PER_CATEGORY[0],
        alternatives=MEAN_REVENUE_PER_CATEGORY[1:],
        note="mean orders.total_revenue per products.category, folded to six or as stored; "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT
        + " (a group with no category); "
        + FOLDED_NOTE,
    ),
    case(
        "f13-join-orders-per-segment",
        "How many orders has each customer segment placed?",
        "question",
        "fresh13",
        "join-aggregate",
        ORDERS_PER_SEGMENT[0],
        alternatives=ORDERS_PER_SEGMENT[1:],
        note="orders counted per customers.segment; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE
        + " (a group with no segment)",
    ),
    case(
        "f13-join-largest-order-per-segment",
        "the single biggest order, measured in revenue, within every customer segment",
        "paraphrase",
        "fresh13",
        "join-aggregate",
        LARGEST_PER_SEGMENT[0],
        alternatives=LARGEST_PER_SEGMENT[1:],
        note="max orders.total_revenue per customers.segment, currencies as stored; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE
        + " (a group with no segment)",
    ),
]

CASES = JOINS
