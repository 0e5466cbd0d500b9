"""Fresh16 cases that combine tables: customer or product facts looked up for orders, semi and anti joins, totals."""

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


def _orphan_orders(f: Frames) -> pl.DataFrame:
    return f["orders"].join(f["customers"], on="customer_id", how="anti")


def _quantity_per_segment(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe)
    return joined.group_by("segment").agg(pl.col("quantity").mean())


def _books_orders(f: Frames) -> pl.DataFrame:
    return f["orders"].join(f["products"].filter(truth.category() == "book"), on="product_id", how="semi")


AGES = lookups(lambda f, how, dedupe: orders_with(f, ["age"], how, dedupe))
SIGNUPS = lookups(lambda f, how, dedupe: orders_with(f, ["signup_date"], how, dedupe))
PRICES = [lambda f, how=how: orders_with_products(f, ["price"], how) for how in HOWS]
SMB = [lambda f, m=m: orders_of_customers(f, pl.col("segment") == "smb", m) for m in MATCHES]
OVER_70 = [lambda f, m=m: orders_of_customers(f, pl.col("age") > 70, m) for m in MATCHES]
QUANTITY_PER_SEGMENT = lookups(_quantity_per_segment)
UNIT_PRICE_PER_CATEGORY = [
    lambda f, how=how, folded=folded: truth.per_category(f, how, folded, pl.col("unit_price").mean())
    for folded in (True, False)
    for how in HOWS
]

JOINS = [
    case(
        "f16-join-orders-buyer-age",
        "orders; attach buyer age",
        "terse",
        "fresh16",
        "join",
        AGES[0],
        alternatives=AGES[1:],
        note="customers.age (blank where missing, negative ones as stored) by customer_id; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE,
    ),
    case(
        "f16-join-orders-customer-signup",
        "ordrs + wen the custmer signd up",
        "typo",
        "fresh16",
        "join",
        SIGNUPS[0],
        alternatives=SIGNUPS[1:],
        note="customers.signup_date (text in four formats, as stored) by customer_id; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE,
    ),
    case(
        "f16-join-smb-orders",
        "hello! could you pull every order that came from one of our smb customers? the small-business desk"
        " is planning a loyalty offer, thanks",
        "chatty",
        "fresh16",
        "join",
        SMB[0],
        alternatives=SMB[1:3],
        note="customers.segment 'smb', by customer_id (2,371 orders as stored, 2,443 with every customers row"
        " joined, 2,379 with distinct rows); " + MATCH_NOTE + " (distinct (customer_id, segment) pairs give the"
        " semi join's answer)",
    ),
    case(
        "f16-join-orders-customers-over-70",
        "orders placed by customers older than seventy",
        "paraphrase",
        "fresh16",
        "join",
        OVER_70[0],
        alternatives=OVER_70[1:2],
        note="customers.age above 70, by customer_id (1,391 orders as stored, 1,437 with every customers row"
        " joined); 70 itself is not older than seventy; " + MATCH_NOTE + " (distinct rows give the semi join's"
        " answer)",
    ),
    case(
        "f16-join-orphan-orders",
        "Are there any orders pointing at a customer we've got no record of?",
        "question",
        "fresh16",
        "join",
        _orphan_orders,
        note="orders whose customer_id no customers row has (anti join: the 12 orphan orders), as stored",
    ),
    case(
        "f16-join-mean-quantity-per-segment",
        "Compute, per customer segment, the mean quantity per order.",
        "formal",
        "fresh16",
        "join-aggregate",
        QUANTITY_PER_SEGMENT[0],
        alternatives=QUANTITY_PER_SEGMENT[1:],
        note="the mean orders.quantity per customers.segment (three, stored one way) by customer_id, outliers"
        " and negative quantities as stored; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE + " (a group with no segment)",
    ),
    case(
        "f16-join-mean-unit-price-per-category",
        "What's the average unit price we get in each product category?",
        "question",
        "fresh16",
        "join-aggregate",
        UNIT_PRICE_PER_CATEGORY[0],
        alternatives=UNIT_PRICE_PER_CATEGORY[1:],
        note="the mean orders.unit_price per products.category by product_id, folded to six or as stored,"
        " outliers and currencies as stored; "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT
        + " (a group with no category); "
        + FOLDED_NOTE,
    ),
    case(
        "f16-join-books-orders",
        "ordrs of anythng from the book sectoin",
        "typo",
        "fresh16",
        "join",
        _books_orders,
        note="orders whose product's category means Books in any spelling ('BOOKS' too), by product_id (1,660"
        " orders),"
        " as stored or with product columns attached (the inner join gives the same rows)",
    ),
    case(
        "f16-join-orders-list-price",
        "orders with what each product is listed at in the catalogue alongside",
        "paraphrase",
        "fresh16",
        "join",
        PRICES[0],
        alternatives=PRICES[1:],
        note="products.price by product_id beside orders.unit_price; " + REUSED_PRODUCTS + "; " + NO_PRODUCT,
    ),
]

CASES = JOINS
