"""Fresh3 cases that combine tables: customer or product facts looked up for orders, and sums over a join."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import DUPLICATE_NOTE, ORPHAN_NOTE, How, lookups, orders_with

REUSED_PRODUCTS = "4 product_ids name two different products, so their orders match both"
NO_PRODUCT = "the 30 orders without a product_id may be kept with nothing looked up (left join) or left out"


def _orders_per_segment(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe)
    return joined.group_by("segment").agg(pl.len().alias("orders"))


def _with_product_price(f: Frames, how: How) -> pl.DataFrame:
    return f["orders"].join(f["products"].select("product_id", "price"), on="product_id", how=how)


def _by_category(f: Frames, how: How, value: pl.Expr) -> pl.DataFrame:
    """One aggregate per product category (spellings folded); only the values, since the label is a planner's."""
    kinds = f["products"].select("product_id", truth.category().alias("category")).unique()
    joined = f["orders"].join(kinds, on="product_id", how=how)
    return joined.group_by("category").agg(value.alias("value")).select("value")


def _young_buyers_orders(f: Frames, under_30: pl.Expr, how: str) -> pl.DataFrame:
    young = f["customers"].filter(under_30)
    if how == "semi":
        return f["orders"].join(young, on="customer_id", how="semi")
    young = young.unique() if how == "inner-distinct" else young
    return f["orders"].join(young, on="customer_id", how="inner")


def _electronics_buyers_age(f: Frames, dedupe: bool) -> pl.DataFrame:
    electronics = f["products"].filter(truth.category() == "electronic")
    bought = f["orders"].join(electronics, on="product_id", how="semi")
    people = f["customers"].unique() if dedupe else f["customers"]
    return people.join(bought, on="customer_id", how="semi").select(pl.col("age").mean())


def _top_spenders(f: Frames, dedupe: bool) -> pl.DataFrame:
    spend = f["orders"].group_by("customer_id").agg(pl.col("total_revenue").sum().alias("revenue"))
    top = spend.sort("revenue", descending=True).head(3)
    names = f["customers"].select("customer_id", "name")
    return top.join(names.unique() if dedupe else names, on="customer_id", how="left").sort("revenue", descending=True)


UNDER_30 = [pl.col("age") < 30, pl.col("age").is_between(0, 29)]
YOUNG = [
    lambda f, rule=rule, how=how: _young_buyers_orders(f, rule, how)
    for rule in UNDER_30
    for how in ("semi", "inner", "inner-distinct")
]
NAME_AGE = lookups(lambda f, how, dedupe: orders_with(f, ["name", "age"], how, dedupe))
SEGMENT_ORDERS = lookups(_orders_per_segment)

JOINS = [
    case(
        "f3-join-list-price",
        "for each order could you pull in the product's price from the catalogue? want to compare it to the unit price",
        "chatty",
        "fresh3",
        "join",
        lambda f: _with_product_price(f, "left"),
        alternatives=[lambda f: _with_product_price(f, "inner")],
        note="products.price looked up by product_id; " + REUSED_PRODUCTS + "; " + NO_PRODUCT,
    ),
    case(
        "f3-join-young-buyers",
        "ordres from custmers under 30",
        "typo",
        "fresh3",
        "join",
        YOUNG[0],
        alternatives=YOUNG[1:],
        note=(
            "orders whose customer is under 30 (customers.age); orders as stored (semi join) or with the customer's"
            " columns attached (inner join, exact customer copies kept or not); the 10 negative ages may count as"
            " under 30 or be left out as impossible"
        ),
    ),
    case(
        "f3-join-pending-customers",
        "Which customers have a pending order?",
        "question",
        "fresh3",
        "join",
        lambda f: f["customers"].join(f["orders"].filter(truth.status() == "pending"), on="customer_id", how="semi"),
        note="customers rows as stored (a semi join) with at least one order whose status is pending",
    ),
    case(
        "f3-join-buyer-name-age",
        "each order alongside the buyer's name and how old they are",
        "paraphrase",
        "fresh3",
        "join",
        NAME_AGE[0],
        alternatives=NAME_AGE[1:],
        note="the buyer is the order's customer; name and age from customers; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f3-join-orders-per-segment",
        "Compute the number of orders per customer segment.",
        "formal",
        "fresh3",
        "join-aggregate",
        SEGMENT_ORDERS[0],
        alternatives=SEGMENT_ORDERS[1:],
        note="the segment comes from customers; with a left join the orphan orders form a group with no segment; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE,
    ),
    case(
        "f3-join-mean-revenue-category",
        "avg revenue per product category",
        "terse",
        "fresh3",
        "join-aggregate",
        lambda f: _by_category(f, "left", pl.col("total_revenue").mean()),
        alternatives=[lambda f: _by_category(f, "inner", pl.col("total_revenue").mean())],
        note="category spellings are taken together (six groups, only the means are checked); "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT
        + " (a group with no category)",
    ),
    case(
        "f3-join-electronics-buyers-age",
        "What's the average age of the customers who've bought electronics?",
        "question",
        "fresh3",
        "join-aggregate",
        lambda f: _electronics_buyers_age(f, dedupe=False),
        alternatives=[lambda f: _electronics_buyers_age(f, dedupe=True)],
        note=(
            "one mean over the customers with an order of an Electronics product (each customer once, not once per"
            " order); exact copies of a customer row may be dropped first"
        ),
    ),
    case(
        "f3-join-units-per-category",
        "hey, could you work out how many units we've sold in each product category?",
        "chatty",
        "fresh3",
        "join-aggregate",
        lambda f: _by_category(f, "left", pl.col("quantity").sum()),
        alternatives=[lambda f: _by_category(f, "inner", pl.col("quantity").sum())],
        note="units are quantity summed; category spellings are taken together (only the sums are checked); "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT
        + " (a group with no category)",
    ),
    case(
        "f3-join-top-spenders",
        "Identify the three customers with the highest total revenue and give their names.",
        "formal",
        "fresh3",
        "join-top-n",
        lambda f: _top_spenders(f, dedupe=True),
        alternatives=[lambda f: _top_spenders(f, dedupe=False)],
        note="total_revenue summed per customer_id, the three largest (582, 614, 1155), each with its name; the"
        " request asks for no order, so rows are compared in any order",
    ),
]

CASES = JOINS
