"""Fresh9 cases that combine tables: customer or product facts looked up for orders, semi and anti joins, sums."""

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


def _orders_of_segment(f: Frames, segment: str, match: Match, year: int | None = None) -> pl.DataFrame:
    orders = f["orders"] if year is None else f["orders"].filter(pl.col("order_date").dt.year() == year)
    people = f["customers"]
    if match == "semi":
        return orders.join(people.filter(pl.col("segment") == segment), on="customer_id", how="semi")
    if match == "inner-key":
        people = people.select("customer_id", "segment").unique()
    elif match == "inner-distinct":
        people = people.unique()
    return orders.join(people, on="customer_id", how="inner").filter(pl.col("segment") == segment)


def _revenue_per_product_name(f: Frames, how: How) -> pl.DataFrame:
    joined = orders_with_products(f, ["name"], how)
    return joined.group_by("name").agg(pl.col("total_revenue").sum().alias("revenue"))


def _revenue_per_customer_country(f: Frames, how: How, dedupe: bool, folded: bool) -> pl.DataFrame:
    people = f["customers"].select("customer_id", pl.col("country").alias("customer_country"))
    people = people.unique() if dedupe else people
    joined = f["orders"].join(people, on="customer_id", how=how)
    key = truth.customer_country("customer_country") if folded else pl.col("customer_country")
    out = joined.group_by(key.alias("customer_country")).agg(pl.col("total_revenue").sum().alias("revenue"))
    return out.drop("customer_country") if folded else out


def _mean_order_per_segment(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe)
    return joined.group_by("segment").agg(pl.col("total_revenue").mean().alias("average_order_value"))


CATEGORIES = [lambda f, how=how: orders_with_products(f, ["category"], how) for how in HOWS]
EMAILS = lookups(lambda f, how, dedupe: orders_with(f, ["email"], how, dedupe))
ENTERPRISE = [lambda f, m=m: _orders_of_segment(f, "enterprise", m) for m in MATCHES]
SMB_2024 = [lambda f, m=m: _orders_of_segment(f, "smb", m, year=2024) for m in MATCHES]
PRICE_WEIGHT = [lambda f, how=how: orders_with_products(f, ["price", "weight"], how) for how in HOWS]
NAME_REVENUE = [lambda f, how=how: _revenue_per_product_name(f, how) for how in HOWS]
COUNTRY_REVENUE = [
    lambda f, how=how, dedupe=dedupe, folded=folded: _revenue_per_customer_country(f, how, dedupe, folded)
    for folded in (True, False)
    for how, dedupe in truth.LOOKUPS
]
SEGMENT_MEAN = lookups(_mean_order_per_segment)

JOINS = [
    case(
        "f9-join-orders-product-category",
        "orders w/ category of each product",
        "terse",
        "fresh9",
        "join",
        CATEGORIES[0],
        alternatives=CATEGORIES[1:],
        note="products.category by product_id, as stored; " + REUSED_PRODUCTS + "; " + NO_PRODUCT,
    ),
    case(
        "f9-join-customers-never-ordered",
        "Are there customers on file who haven't ever bought anything from us?",
        "question",
        "fresh9",
        "join",
        lambda f: f["customers"].join(f["orders"], on="customer_id", how="anti"),
        note="customers rows whose customer_id no order names (an anti join), copies as stored",
    ),
    case(
        "f9-join-enterprise-orders",
        "Return every order whose customer belongs to the enterprise segment.",
        "formal",
        "fresh9",
        "join",
        ENTERPRISE[0],
        alternatives=ENTERPRISE[1:],
        note="customers.segment enterprise by customer_id; " + MATCH_NOTE,
    ),
    case(
        "f9-join-purchase-with-buyer-email",
        "every purchase with the buyer's email address alongside",
        "paraphrase",
        "fresh9",
        "join",
        EMAILS[0],
        alternatives=EMAILS[1:],
        note="customers.email by customer_id; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f9-join-revenue-per-product-name",
        "how much revnue did each prodcut (by its name) make",
        "typo",
        "fresh9",
        "join-aggregate",
        NAME_REVENUE[0],
        alternatives=NAME_REVENUE[1:],
        note="total_revenue summed per products.name; " + REUSED_PRODUCTS + "; " + NO_PRODUCT + " (a group with"
        " no name)",
    ),
    case(
        "f9-join-smb-orders-2024",
        "hey, can you grab the 2024 orders that came from customers in the smb segment? doing a small business"
        " review, cheers",
        "chatty",
        "fresh9",
        "join",
        SMB_2024[0],
        alternatives=SMB_2024[1:],
        note="order_date in 2024 and customers.segment smb by customer_id; " + MATCH_NOTE,
    ),
    case(
        "f9-join-product-price-weight",
        "Add the list price and the weight of the product to every order.",
        "formal",
        "fresh9",
        "join",
        PRICE_WEIGHT[0],
        alternatives=PRICE_WEIGHT[1:],
        note="products.price and products.weight by product_id, the weight as stored text in kg, g or lb; "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT,
    ),
    case(
        "f9-join-revenue-per-customer-country",
        "revenu by the custmers home contry",
        "typo",
        "fresh9",
        "join-aggregate",
        COUNTRY_REVENUE[0],
        alternatives=COUNTRY_REVENUE[1:],
        note="total_revenue summed per customers.country (not orders.country), folded to seven codes or as stored;"
        " " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE + " (a group with no country); " + FOLDED_NOTE,
    ),
    case(
        "f9-join-mean-order-per-segment",
        "hiya, for each customer segment could you tell me the average order value? trying to see who spends more"
        " per order",
        "chatty",
        "fresh9",
        "join-aggregate",
        SEGMENT_MEAN[0],
        alternatives=SEGMENT_MEAN[1:],
        note="mean total_revenue per customers.segment; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE + " (a group with"
        " no segment)",
    ),
]

CASES = JOINS
