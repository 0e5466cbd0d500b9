"""Fresh11 cases that combine tables: customer or product facts looked up for orders, semi and anti joins, totals."""

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


def _orders_per_category(f: Frames, how: How, folded: bool) -> pl.DataFrame:
    return truth.per_category(f, how, folded, pl.len().alias("orders"))


def _orders_per_city(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    return orders_with(f, ["city"], how, dedupe).group_by("city").agg(pl.len().alias("orders"))


def _units_per_segment_2023(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe).filter(pl.col("order_date").dt.year() == 2023)
    return joined.group_by("segment").agg(pl.col("quantity").sum().alias("units"))


def _pending_customers(f: Frames, dedupe: bool) -> pl.DataFrame:
    people = f["customers"].unique() if dedupe else f["customers"]
    pending = f["orders"].filter(truth.status() == "pending").select("customer_id")
    return people.join(pending, on="customer_id", how="semi")


def _never_ordered(f: Frames, dedupe: bool) -> pl.DataFrame:
    people = f["customers"].unique() if dedupe else f["customers"]
    return people.join(f["orders"].select("customer_id"), on="customer_id", how="anti")


SIXTY_FIVE_PLUS = [lambda f, m=m: orders_of_customers(f, pl.col("age") >= 65, m) for m in MATCHES]
ENTERPRISE_FR = [
    lambda f, m=m: orders_of_customers(f, pl.col("segment") == "enterprise", m, pl.col("country") == "FR")
    for m in MATCHES
]
EMAILS = lookups(lambda f, how, dedupe: orders_with(f, ["email"], how, dedupe))
ORDERS_PER_CATEGORY = [
    lambda f, how=how, folded=folded: _orders_per_category(f, how, folded) for folded in (True, False) for how in HOWS
]
ORDERS_PER_CITY = lookups(_orders_per_city)
UNITS_2023 = lookups(_units_per_segment_2023)
NAME_AND_RANGE = [lambda f, how=how: orders_with_products(f, ["name", "category"], how) for how in HOWS]

JOINS = [
    case(
        "f11-join-orders-buyer-email",
        "orders, buyer's email tacked on",
        "terse",
        "fresh11",
        "join",
        EMAILS[0],
        alternatives=EMAILS[1:],
        note="customers.email by customer_id; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f11-join-orders-per-category",
        "no. of orders in each product category",
        "terse",
        "fresh11",
        "join-aggregate",
        ORDERS_PER_CATEGORY[0],
        alternatives=ORDERS_PER_CATEGORY[1:],
        note="orders counted per products.category, folded to six or as stored; "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT
        + " (a group with no category); "
        + FOLDED_NOTE,
    ),
    case(
        "f11-join-orders-customers-sixty-five-plus",
        "Provide the orders placed by customers aged sixty-five or over.",
        "formal",
        "fresh11",
        "join",
        SIXTY_FIVE_PLUS[0],
        alternatives=SIXTY_FIVE_PLUS[1:],
        note="customers.age of 65 and more by customer_id; " + MATCH_NOTE,
    ),
    case(
        "f11-join-enterprise-orders-france",
        "ordrs from enterprize custmers goin to frnace",
        "typo",
        "fresh11",
        "join",
        ENTERPRISE_FR[0],
        alternatives=ENTERPRISE_FR[1:],
        note="orders.country FR (where the order went) and customers.segment enterprise by customer_id; " + MATCH_NOTE,
    ),
    case(
        "f11-join-orders-per-city",
        "hw many ordrs per custmer citty",
        "typo",
        "fresh11",
        "join-aggregate",
        ORDERS_PER_CITY[0],
        alternatives=ORDERS_PER_CITY[1:],
        note="orders counted per customers.city (stored one way, so labels are compared; customers without a city"
        " form a group); " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE + " (joining the no-city group or not)",
    ),
    case(
        "f11-join-customers-with-pending",
        "Do any customers still have orders sitting in pending? Which ones?",
        "question",
        "fresh11",
        "join",
        lambda f: _pending_customers(f, dedupe=False),
        alternatives=[lambda f: _pending_customers(f, dedupe=True)],
        note="customers rows whose customer_id names an order with status pending, each customer once (a semi"
        " join); the exact customer copies kept as stored or once",
    ),
    case(
        "f11-join-purchase-item-name-range",
        "every purchase with the item's name and its range written next to it",
        "paraphrase",
        "fresh11",
        "join",
        NAME_AND_RANGE[0],
        alternatives=NAME_AND_RANGE[1:],
        note="products.name and products.category (as stored) by product_id; " + REUSED_PRODUCTS + "; " + NO_PRODUCT,
    ),
    case(
        "f11-join-customers-never-ordered",
        "shoppers with no purchases on record at all",
        "paraphrase",
        "fresh11",
        "join",
        lambda f: _never_ordered(f, dedupe=False),
        alternatives=[lambda f: _never_ordered(f, dedupe=True)],
        note="customers rows whose customer_id names no order (an anti join); the exact customer copies kept as"
        " stored or once",
    ),
    case(
        "f11-join-units-per-segment-2023",
        "hiya, could you total up the units bought by each customer segment, counting only orders from 2023?"
        " quarterly review coming up, thanks",
        "chatty",
        "fresh11",
        "join-aggregate",
        UNITS_2023[0],
        alternatives=UNITS_2023[1:],
        note="quantity of the orders placed in 2023 summed per customers.segment; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE
        + " (a group with no segment)",
    ),
]

CASES = JOINS
