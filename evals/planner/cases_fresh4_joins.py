"""Fresh4 cases that combine tables: product or customer facts looked up for orders, anti joins, sums over a join."""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case
from evals.planner.truth import DUPLICATE_NOTE, ORPHAN_NOTE, How, lookups, orders_with

D = dt.date
REUSED_PRODUCTS = "4 product_ids name two different products, so their orders match both"
NO_PRODUCT = "the 30 orders without a product_id may be kept with nothing looked up (left join) or left out"


def _with_product(f: Frames, columns: list[str], how: How) -> pl.DataFrame:
    return f["orders"].join(f["products"].select("product_id", *columns), on="product_id", how=how)


def _abroad(f: Frames) -> pl.DataFrame:
    """Orders whose own country is not the (folded) country on their customer's record, each order once."""
    homes = f["customers"].select("customer_id", truth.customer_country().alias("home_country"))
    orders = f["orders"].with_row_index("_row")
    differing = orders.join(homes, on="customer_id", how="inner").filter(pl.col("country") != pl.col("home_country"))
    return orders.filter(pl.col("_row").is_in(differing["_row"].implode())).drop("_row")


def _buyers_per_category(f: Frames, how: How) -> pl.DataFrame:
    """Distinct buyers per product category (spellings folded); only the counts, since the label is a planner's."""
    kinds = f["products"].select("product_id", truth.category().alias("category")).unique()
    joined = f["orders"].join(kinds, on="product_id", how=how)
    return joined.group_by("category").agg(pl.col("customer_id").n_unique().alias("buyers")).select("buyers")


def _buyers_per_segment_2025(f: Frames, how: How) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe=True).filter(pl.col("order_date").dt.year() == 2025)
    return joined.group_by("segment").agg(pl.col("customer_id").n_unique().alias("customers"))


def _busiest_customer(f: Frames, dedupe: bool) -> pl.DataFrame:
    top = f["orders"].group_by("customer_id").agg(pl.len().alias("orders")).sort("orders", descending=True).head(1)
    names = f["customers"].select("customer_id", "name")
    return top.join(names.unique() if dedupe else names, on="customer_id", how="inner").select("customer_id", "name")


def _orders_of_2024_signups(f: Frames, day: pl.Expr, how: str) -> pl.DataFrame:
    joined = f["customers"].filter(day.dt.year() == 2024)
    if how == "semi":
        return f["orders"].join(joined, on="customer_id", how="semi")
    joined = joined.unique() if how == "inner-distinct" else joined
    return f["orders"].join(joined, on="customer_id", how="inner")


SIGNUPS_2024 = [
    lambda f, day=day, how=how: _orders_of_2024_signups(f, day, how)
    for day in (truth.signup_day(), truth.iso_signup_day())
    for how in ("semi", "inner", "inner-distinct")
]
PHONES = lookups(lambda f, how, dedupe: orders_with(f, ["phone"], how, dedupe))

JOINS = [
    case(
        "f4-join-product-name-category",
        "orders + product name and category",
        "terse",
        "fresh4",
        "join",
        lambda f: _with_product(f, ["name", "category"], "left"),
        alternatives=[lambda f: _with_product(f, ["name", "category"], "inner")],
        note="looked up from products by product_id, category as stored; " + REUSED_PRODUCTS + "; " + NO_PRODUCT,
    ),
    case(
        "f4-join-name-catalogue-price",
        "every order together with what the product is called and its catalogue price",
        "paraphrase",
        "fresh4",
        "join",
        lambda f: _with_product(f, ["name", "price"], "left"),
        alternatives=[lambda f: _with_product(f, ["name", "price"], "inner")],
        note="what the product is called is products.name, the catalogue price products.price; "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT,
    ),
    case(
        "f4-join-buyer-phone",
        "hi, could you attach each buyer's phone number to their orders? need it for a callback list",
        "chatty",
        "fresh4",
        "join",
        PHONES[0],
        alternatives=PHONES[1:],
        note="customers.phone looked up by customer_id; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f4-join-shipped-abroad",
        "orders sent to a country other than the one on the buyer's customer record",
        "paraphrase",
        "fresh4",
        "join",
        _abroad,
        note=(
            "orders.country against customers.country folded to ISO codes ('Germany' is DE; comparing the stored"
            " text would flag every 'Germany' as abroad): 136 orders; orders without a customer have no record to"
            " differ from; no order differs from two customer rows, so a semi or an inner join (customer columns"
            " attached, exact customer copies kept or not) give the same rows"
        ),
    ),
    case(
        "f4-join-no-orders-q1-2025",
        "Identify the products that received no orders in the first quarter of 2025.",
        "formal",
        "fresh4",
        "join",
        lambda f: f["products"].join(
            f["orders"].filter(pl.col("order_date").is_between(D(2025, 1, 1), D(2025, 3, 31))),
            on="product_id",
            how="anti",
        ),
        note="products rows as stored (an anti join) with no order dated January to March 2025: six products",
    ),
    case(
        "f4-join-orders-2024-signups",
        "ordrs from custmers who sined up in 2024",
        "typo",
        "fresh4",
        "join",
        SIGNUPS_2024[0],
        alternatives=SIGNUPS_2024[1:],
        note=(
            "orders whose customer's signup_date falls in 2024; orders as stored (semi join) or with the customer's"
            " columns attached (inner join, exact customer copies kept or not); signup_date is text in four formats,"
            " and reading only the YYYY-MM-DD ones is accepted too"
        ),
    ),
    case(
        "f4-join-buyers-per-category",
        "hey, could you tell me how many different customers bought something from each product category?",
        "chatty",
        "fresh4",
        "join-aggregate",
        lambda f: _buyers_per_category(f, "left"),
        alternatives=[lambda f: _buyers_per_category(f, "inner")],
        note="distinct customer_ids per category, category spellings taken together (six groups, only the counts"
        " are checked); " + REUSED_PRODUCTS + "; " + NO_PRODUCT + " (a group with no category)",
    ),
    case(
        "f4-join-2025-buyers-per-segment",
        "how many diffrent custmers per segment ordered in 2025",
        "typo",
        "fresh4",
        "join-aggregate",
        lambda f: _buyers_per_segment_2025(f, "left"),
        alternatives=[lambda f: _buyers_per_segment_2025(f, "inner")],
        note="distinct customer_ids with an order dated 2025, by the segment from customers; one such order has no"
        " customer, and its group with no segment may be kept (left join) or not",
    ),
    case(
        "f4-join-busiest-customer",
        "Which customer has placed the most orders, and what is their name?",
        "question",
        "fresh4",
        "join-top-n",
        lambda f: _busiest_customer(f, dedupe=True),
        alternatives=[lambda f: _busiest_customer(f, dedupe=False)],
        note="customer 1039 (Emma Weber) with 17 orders, no tie; the order count may be shown too; the customer row"
        " is stored twice as an exact copy, and showing it twice is accepted",
    ),
]

CASES = JOINS
