"""Fresh5 cases that combine tables: customer or product facts looked up for orders, anti joins, sums over a join."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import (
    DUPLICATE_NOTE,
    MATCHES,
    ORPHAN_NOTE,
    How,
    Match,
    lookups,
    orders_with,
)

REUSED_PRODUCTS = "4 product_ids name two different products, so their orders match both"
NO_PRODUCT = "the 30 orders without a product_id may be kept with nothing looked up (left join) or left out"


def _orders_of_segment(f: Frames, orders: pl.DataFrame, segment: str, match: Match) -> pl.DataFrame:
    """Orders whose customer is in a segment: as stored (semi), or with customer rows attached and then filtered."""
    people = f["customers"]
    if match == "semi":
        return orders.join(people.filter(pl.col("segment") == segment), on="customer_id", how="semi")
    if match == "inner-key":
        people = people.select("customer_id", "segment").unique()
    elif match == "inner-distinct":
        people = people.unique()
    return orders.join(people, on="customer_id", how="inner").filter(pl.col("segment") == segment)


def _never_bought_by_enterprise(f: Frames) -> pl.DataFrame:
    bought = f["orders"].join(f["customers"].filter(pl.col("segment") == "enterprise"), on="customer_id", how="semi")
    return f["products"].join(bought, on="product_id", how="anti")


def _units_per_category_germany(f: Frames, how: How) -> pl.DataFrame:
    """Units sent to Germany per product category (spellings folded); only the sums, the label is a planner's."""
    kinds = f["products"].select("product_id", truth.category().alias("category")).unique()
    joined = f["orders"].filter(pl.col("country") == "DE").join(kinds, on="product_id", how=how)
    return joined.group_by("category").agg(pl.col("quantity").sum().alias("units")).select("units")


def _top_five_products(f: Frames) -> pl.DataFrame:
    top = (
        f["orders"]
        .filter(pl.col("product_id").is_not_null())
        .group_by("product_id")
        .agg(pl.col("total_revenue").sum().alias("revenue"))
        .sort("revenue", descending=True)
        .head(5)
    )
    return top.join(f["products"].select("product_id", "name"), on="product_id", how="inner").select("name")


def _big_order_names(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["name"], how, dedupe)
    return joined.filter(pl.col("total_revenue") > 5_000)


SEGMENT_SMB_2025 = [
    lambda f, match=match: _orders_of_segment(
        f, f["orders"].filter(pl.col("order_date").dt.year() == 2025), "smb", match
    )
    for match in MATCHES
]
CITIES = lookups(lambda f, how, dedupe: orders_with(f, ["city"], how, dedupe))
SEGMENT_SIGNUP = lookups(lambda f, how, dedupe: orders_with(f, ["segment", "signup_date"], how, dedupe))
AGE_SEGMENT = [lambda f, d=d: orders_with(f, ["age", "segment"], "inner", d) for d in (True, False)]
BIG_ORDER_NAMES = lookups(_big_order_names)

JOINS = [
    case(
        "f5-join-buyer-city",
        "orders + buyer's city",
        "terse",
        "fresh5",
        "join",
        CITIES[0],
        alternatives=CITIES[1:],
        note="customers.city looked up by customer_id; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f5-join-segment-signup",
        "Add the customer's segment and signup date to every order.",
        "formal",
        "fresh5",
        "join",
        SEGMENT_SIGNUP[0],
        alternatives=SEGMENT_SIGNUP[1:],
        note="customers.segment and signup_date (text, as stored) by customer_id; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE,
    ),
    case(
        "f5-join-never-bought-by-enterprise",
        "Which products have never been bought by an enterprise customer?",
        "question",
        "fresh5",
        "join",
        _never_bought_by_enterprise,
        note="products rows (an anti join) with no order from a customer_id whose customer row is enterprise: two"
        " products",
    ),
    case(
        "f5-join-units-per-line-germany",
        "how many units each line of goods sold to Germany",
        "paraphrase",
        "fresh5",
        "join-aggregate",
        lambda f: _units_per_category_germany(f, "left"),
        alternatives=[lambda f: _units_per_category_germany(f, "inner")],
        note="a line of goods is the product category (spellings taken together, six groups; only the sums are"
        " checked), units are quantity summed over orders whose country is DE; "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT
        + " (a group with no category)",
    ),
    case(
        "f5-join-smb-orders-2025",
        "ordrs from smb custmers in 2025",
        "typo",
        "fresh5",
        "join",
        SEGMENT_SMB_2025[0],
        alternatives=SEGMENT_SMB_2025[1:],
        note="orders dated 2025 whose customer is in the smb segment; orders as stored (semi join) or with customer"
        " columns attached (inner join, exact customer copies kept or not)",
    ),
    case(
        "f5-join-top-five-product-names",
        "Which five products earned us the most revenue, and what are they called?",
        "question",
        "fresh5",
        "join-top-n",
        _top_five_products,
        note="total_revenue summed per product_id, the five largest, with products.name (none of them is a reused"
        " id); the ids and sums may be shown too, in any order",
    ),
    case(
        "f5-join-age-segment-known-buyers",
        "hey, can you tack the buyer's age and segment onto each order? if the customer isn't in our list, leave"
        " that order out",
        "chatty",
        "fresh5",
        "join",
        AGE_SEGMENT[0],
        alternatives=AGE_SEGMENT[1:],
        note="an inner join on customer_id, so the 12 orphan orders go; " + DUPLICATE_NOTE,
    ),
    case(
        "f5-join-sports-orders",
        "sports gear orders",
        "terse",
        "fresh5",
        "join",
        lambda f: f["orders"].join(f["products"].filter(truth.category() == "sport"), on="product_id", how="semi"),
        note="orders whose product's category is Sports ('sports', 'Sports ' too); one reused id names a Sports and a"
        " Books product, and its orders count (an inner join filtered on the category gives the same rows)",
    ),
    case(
        "f5-join-names-orders-over-5000",
        "custmer names for ordrs over 5000",
        "typo",
        "fresh5",
        "join",
        BIG_ORDER_NAMES[0],
        alternatives=BIG_ORDER_NAMES[1:],
        note="orders with total_revenue above 5,000 and customers.name by customer_id; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE,
    ),
]

CASES = JOINS
