"""Fresh10 cases that combine tables: customer or product facts looked up for orders, semi joins, sums and counts."""

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
)


def _units_per_category(f: Frames, how: How, folded: bool) -> pl.DataFrame:
    return truth.per_category(f, how, folded, pl.col("quantity").sum())


def _orders_per_segment(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    return orders_with(f, ["segment"], how, dedupe).group_by("segment").agg(pl.len().alias("orders"))


def _revenue_per_segment_2024(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe).filter(pl.col("order_date").dt.year() == 2024)
    return joined.group_by("segment").agg(pl.col("total_revenue").sum().alias("revenue"))


def _customers_who_bought(f: Frames, bought: pl.DataFrame, dedupe: bool) -> pl.DataFrame:
    people = f["customers"].unique() if dedupe else f["customers"]
    return people.join(bought.select("customer_id"), on="customer_id", how="semi")


def _garden_buyers(f: Frames, dedupe: bool) -> pl.DataFrame:
    garden = f["products"].filter(truth.category() == "garden").select("product_id")
    return _customers_who_bought(f, f["orders"].join(garden, on="product_id", how="semi"), dedupe)


def _returners(f: Frames, dedupe: bool) -> pl.DataFrame:
    return _customers_who_bought(f, f["orders"].filter(truth.status() == "returned"), dedupe)


UNDER_THIRTY = [
    lambda f, m=m, keep=keep: orders_of_customers(f, keep, m)
    for keep in (pl.col("age") < 30, pl.col("age").is_between(0, 29))
    for m in MATCHES
]
CONSUMER_DE = [
    lambda f, m=m: orders_of_customers(f, pl.col("segment") == "consumer", m, pl.col("country") == "DE")
    for m in MATCHES
]
CITIES = lookups(lambda f, how, dedupe: orders_with(f, ["city"], how, dedupe))
TIER_JOINED = lookups(lambda f, how, dedupe: orders_with(f, ["segment", "signup_date"], how, dedupe))
UNITS_PER_CATEGORY = [
    lambda f, how=how, folded=folded: _units_per_category(f, how, folded) for folded in (True, False) for how in HOWS
]
ORDERS_PER_SEGMENT = lookups(_orders_per_segment)
REVENUE_2024 = lookups(_revenue_per_segment_2024)

JOINS = [
    case(
        "f10-join-orders-buyer-city",
        "orders w/ city of purchaser",
        "terse",
        "fresh10",
        "join",
        CITIES[0],
        alternatives=CITIES[1:],
        note="customers.city by customer_id; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f10-join-units-per-category",
        "sum quantity by product category",
        "terse",
        "fresh10",
        "join-aggregate",
        UNITS_PER_CATEGORY[0],
        alternatives=UNITS_PER_CATEGORY[1:],
        note="quantity summed per products.category, folded to six or as stored; "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT
        + " (a group with no category); "
        + FOLDED_NOTE,
    ),
    case(
        "f10-join-orders-customers-under-thirty",
        "Provide the orders of every customer younger than thirty.",
        "formal",
        "fresh10",
        "join",
        UNDER_THIRTY[0],
        alternatives=UNDER_THIRTY[1:],
        note="customers.age below 30 by customer_id, the ten negative ages kept as stored or left out as"
        " impossible; " + MATCH_NOTE,
    ),
    case(
        "f10-join-consumer-orders-germany",
        "ordrs from custmers in the consumr segmnt that went to germny",
        "typo",
        "fresh10",
        "join",
        CONSUMER_DE[0],
        alternatives=CONSUMER_DE[1:],
        note="orders.country DE (where the order went) and customers.segment consumer by customer_id; " + MATCH_NOTE,
    ),
    case(
        "f10-join-orders-per-segment",
        "how mny ordres does each custmer segmnt acount for",
        "typo",
        "fresh10",
        "join-aggregate",
        ORDERS_PER_SEGMENT[0],
        alternatives=ORDERS_PER_SEGMENT[1:],
        note="orders counted per customers.segment (stored one way, so labels are compared); "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE
        + " (a group with no segment)",
    ),
    case(
        "f10-join-customers-with-a-return",
        "Which of our customers have had an order returned?",
        "question",
        "fresh10",
        "join",
        lambda f: _returners(f, dedupe=False),
        alternatives=[lambda f: _returners(f, dedupe=True)],
        note="customers rows whose customer_id names an order with status meaning returned ('Returned' too), each"
        " customer once (a semi join); the exact customer copies kept as stored or once",
    ),
    case(
        "f10-join-sale-with-tier-and-joined",
        "each sale with the buyer's tier and the date they joined beside it",
        "paraphrase",
        "fresh10",
        "join",
        TIER_JOINED[0],
        alternatives=TIER_JOINED[1:],
        note="customers.segment and customers.signup_date (as stored text) by customer_id; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE,
    ),
    case(
        "f10-join-garden-shoppers",
        "shoppers who've picked up anything from the garden range",
        "paraphrase",
        "fresh10",
        "join",
        lambda f: _garden_buyers(f, dedupe=False),
        alternatives=[lambda f: _garden_buyers(f, dedupe=True)],
        note="customers rows with at least one order of a product whose category means Garden ('GARDEN',"
        " 'Gardens' too), each customer once; no reused product_id is a garden product; the exact customer copies"
        " kept as stored or once",
    ),
    case(
        "f10-join-revenue-per-segment-2024",
        "hey, could you give me the revenue from each customer segment, only counting 2024 orders? prepping the"
        " board pack, ta",
        "chatty",
        "fresh10",
        "join-aggregate",
        REVENUE_2024[0],
        alternatives=REVENUE_2024[1:],
        note="total_revenue of the orders placed in 2024 summed per customers.segment; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE
        + " (a group with no segment)",
    ),
]

CASES = JOINS
