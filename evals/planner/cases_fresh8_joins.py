"""Fresh8 cases that combine tables: customer or product facts looked up for orders, semi and anti joins, sums."""

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
    Match,
    lookups,
    orders_with,
    orders_with_products,
)


def _toy_orders(f: Frames, semi: bool) -> pl.DataFrame:
    toys = f["products"].filter(truth.category() == "toy")
    if semi:
        return f["orders"].join(toys, on="product_id", how="semi")
    return f["orders"].join(toys, on="product_id", how="inner")


def _revenue_per_segment(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe)
    return joined.group_by("segment").agg(pl.col("total_revenue").sum().alias("revenue"))


def _quantity_per_category(f: Frames, how: How, folded: bool) -> pl.DataFrame:
    return truth.per_category(f, how, folded, pl.col("quantity").mean())


def _buyers_per_segment(f: Frames, dedupe: bool, distinct_ids: bool = False) -> pl.DataFrame:
    people = f["customers"].unique() if dedupe else f["customers"]
    buyers = people.join(f["orders"], on="customer_id", how="semi")
    measure = pl.col("customer_id").n_unique() if distinct_ids else pl.len()
    return buyers.group_by("segment").agg(measure.alias("customers"))


GERMAN = truth.customer_country() == "DE"
SEGMENTS = lookups(lambda f, how, dedupe: orders_with(f, ["segment"], how, dedupe))
NAME_CITY = lookups(lambda f, how, dedupe: orders_with(f, ["name", "city"], how, dedupe))
SEGMENT_REVENUE = lookups(_revenue_per_segment)
CATEGORY_QUANTITY = [
    lambda f, how=how, folded=folded: _quantity_per_category(f, how, folded) for folded in (True, False) for how in HOWS
]


def _orders_in_germany(f: Frames, match: Match) -> pl.DataFrame:
    # customers.country is compared on the customers side, so orders.country does not clash with it
    people = f["customers"]
    if match == "semi":
        return f["orders"].join(people.filter(GERMAN), on="customer_id", how="semi")
    if match == "inner-key":
        people = people.select("customer_id", "country").unique()
    elif match == "inner-distinct":
        people = people.unique()
    joined = f["orders"].join(people, on="customer_id", how="inner")
    return joined.filter(truth.customer_country("country_right") == "DE")


GERMANY = [lambda f, m=m: _orders_in_germany(f, m) for m in MATCHES]

JOINS = [
    case(
        "f8-join-orders-customer-segment",
        "orders + customer segment",
        "terse",
        "fresh8",
        "join",
        SEGMENTS[0],
        alternatives=SEGMENTS[1:],
        note="customers.segment by customer_id; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f8-join-orders-unknown-customer",
        "Are there any orders whose customer isn't in our customer list?",
        "question",
        "fresh8",
        "join",
        lambda f: f["orders"].join(f["customers"], on="customer_id", how="anti"),
        note="orders with no customers row for their customer_id (an anti join): 12 orders",
    ),
    case(
        "f8-join-orders-german-customers",
        "Return the orders placed by customers who are located in Germany.",
        "formal",
        "fresh8",
        "join",
        GERMANY[0],
        alternatives=GERMANY[1:],
        note="customers.country meaning DE ('Germany', 'Deutschland', 'de', 'DE ' too), not orders.country where"
        " the order was sent; " + MATCH_NOTE,
    ),
    case(
        "f8-join-sale-with-item-name",
        "each sale shown alongside the name of the item that was bought",
        "paraphrase",
        "fresh8",
        "join",
        lambda f: orders_with_products(f, ["name"], "left"),
        alternatives=[lambda f: orders_with_products(f, ["name"], "inner")],
        note="products.name by product_id; " + REUSED_PRODUCTS + "; " + NO_PRODUCT,
    ),
    case(
        "f8-join-revenue-per-segment",
        "sum of revnue grouped by the buyers segmnet",
        "typo",
        "fresh8",
        "join-aggregate",
        SEGMENT_REVENUE[0],
        alternatives=SEGMENT_REVENUE[1:],
        note="total_revenue summed per customers.segment; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE + " (a group with"
        " no segment)",
    ),
    case(
        "f8-join-toy-orders",
        "hey, could you find the orders for products in the toys category? doing a toy sales review, thanks!",
        "chatty",
        "fresh8",
        "join",
        lambda f: _toy_orders(f, semi=True),
        alternatives=[lambda f: _toy_orders(f, semi=False)],
        note="orders whose product has a category meaning Toys ('toys', 'Toys ' too), as stored (semi join) or with"
        " the product columns attached (inner join)",
    ),
    case(
        "f8-join-customer-name-city",
        "Attach the name and home city of the customer to each order.",
        "formal",
        "fresh8",
        "join",
        NAME_CITY[0],
        alternatives=NAME_CITY[1:],
        note="customers.name and customers.city by customer_id; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f8-join-mean-quantity-per-category",
        "avrage order quantity per prodcut category",
        "typo",
        "fresh8",
        "join-aggregate",
        CATEGORY_QUANTITY[0],
        alternatives=CATEGORY_QUANTITY[1:],
        note="mean orders.quantity per products.category, folded to six or as stored; "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT
        + " (a group with no category); "
        + FOLDED_NOTE,
    ),
    case(
        "f8-join-buyers-per-segment",
        "hi, could you count how many customers in each segment have placed at least one order? thanks",
        "chatty",
        "fresh8",
        "join-aggregate",
        lambda f: _buyers_per_segment(f, dedupe=False),
        alternatives=[
            lambda f: _buyers_per_segment(f, dedupe=True),
            lambda f: _buyers_per_segment(f, dedupe=True, distinct_ids=True),
        ],
        note="customers rows with an order (a semi join on customer_id), counted per segment; the exact copies"
        " counted as stored or once, or distinct customer_ids counted (a reused id once)",
    ),
]

CASES = JOINS
