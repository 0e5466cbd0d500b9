"""Fresh7 cases that combine tables: customer or product facts looked up for orders, semi and anti joins, sums."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Expectation, Frames, case
from evals.planner.truth import (
    DUPLICATE_NOTE,
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


def _orders_of(f: Frames, condition: pl.Expr, column: str, match: Match) -> pl.DataFrame:
    """Orders whose customer meets a condition on `column`."""
    people = f["customers"]
    if match == "semi":
        return f["orders"].join(people.filter(condition), on="customer_id", how="semi")
    if match == "inner-key":
        people = people.select("customer_id", column).unique()
    elif match == "inner-distinct":
        people = people.unique()
    return f["orders"].join(people, on="customer_id", how="inner").filter(condition)


def _customer_orders_matching(condition: pl.Expr, column: str) -> list[Expectation]:
    return [lambda f, match=match: _orders_of(f, condition, column, match) for match in MATCHES]


def _never_ordered(f: Frames, dedupe: bool) -> pl.DataFrame:
    people = f["customers"].unique() if dedupe else f["customers"]
    return people.join(f["orders"], on="customer_id", how="anti")


def _takings_per_home_country(f: Frames, how: How, dedupe: bool, folded: bool) -> pl.DataFrame:
    joined = orders_with(f, ["country"], how, dedupe)
    home = truth.customer_country("country_right") if folded else pl.col("country_right")
    return joined.group_by(home.alias("country")).agg(pl.col("total_revenue").sum().alias("revenue"))


def _revenue_per_category(f: Frames, how: How, folded: bool) -> pl.DataFrame:
    return truth.per_category(f, how, folded, pl.col("total_revenue").sum().alias("revenue"))


def _units_per_product_name(f: Frames, how: How) -> pl.DataFrame:
    joined = orders_with_products(f, ["name"], how)
    return joined.group_by("name").agg(pl.col("quantity").sum().alias("units"))


def _orders_per_city(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["city"], how, dedupe)
    return joined.group_by("city").agg(pl.len().alias("orders"))


SMB = _customer_orders_matching(pl.col("segment") == "smb", "segment")
NO_PHONE = _customer_orders_matching(pl.col("phone").is_null(), "phone")
HOME_COUNTRY = [
    lambda f, how=how, dedupe=dedupe, folded=folded: _takings_per_home_country(f, how, dedupe, folded)
    for folded in (True, False)
    for how in HOWS
    for dedupe in (True, False)
]
CATEGORY_REVENUE = [
    lambda f, how=how, folded=folded: _revenue_per_category(f, how, folded) for folded in (True, False) for how in HOWS
]
EMAILS = lookups(lambda f, how, dedupe: orders_with(f, ["email"], how, dedupe))
PER_CITY = lookups(_orders_per_city)

JOINS = [
    case(
        "f7-join-product-name-category",
        "orders joined to products for name/category",
        "terse",
        "fresh7",
        "join",
        lambda f: orders_with_products(f, ["name", "category"], "left"),
        alternatives=[lambda f: orders_with_products(f, ["name", "category"], "inner")],
        note="products.name and products.category by product_id; " + REUSED_PRODUCTS + "; " + NO_PRODUCT,
    ),
    case(
        "f7-join-customers-never-ordered",
        "Do we have customers who've never bought a single thing?",
        "question",
        "fresh7",
        "join",
        lambda f: _never_ordered(f, dedupe=False),
        alternatives=[lambda f: _never_ordered(f, dedupe=True)],
        note="customers rows with no order (an anti join on customer_id): 18 rows; the exact copies kept or removed",
    ),
    case(
        "f7-join-orders-by-smb",
        "Return every order belonging to a customer whose segment is smb.",
        "formal",
        "fresh7",
        "join",
        SMB[0],
        alternatives=SMB[1:],
        note="orders whose customer has segment 'smb'; " + MATCH_NOTE,
    ),
    case(
        "f7-join-takings-per-home-country",
        "total takings grouped by the home country of whoever bought",
        "paraphrase",
        "fresh7",
        "join-aggregate",
        HOME_COUNTRY[0],
        alternatives=HOME_COUNTRY[1:],
        note="total_revenue summed per customers.country (the buyer's home, not orders.country where it was sent),"
        " folded to ISO codes or as stored; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE + " (a group with no country)",
    ),
    case(
        "f7-join-orders-without-phone",
        "ordrs made by custmers with no phone numbr on file",
        "typo",
        "fresh7",
        "join",
        NO_PHONE[0],
        alternatives=NO_PHONE[1:],
        note="orders whose customer has no phone (287 by a semi join); the orders of ids customers lacks are not"
        " of a customer without a phone; " + MATCH_NOTE,
    ),
    case(
        "f7-join-revenue-per-category",
        "hey, could you add up revenue per product category? need it for the quarterly review, thanks!",
        "chatty",
        "fresh7",
        "join-aggregate",
        CATEGORY_REVENUE[0],
        alternatives=CATEGORY_REVENUE[1:],
        note="total_revenue summed per products.category, folded to six or as stored; "
        + REUSED_PRODUCTS
        + "; "
        + NO_PRODUCT
        + " (a group with no category)",
    ),
    case(
        "f7-join-customer-email-on-orders",
        "Attach each customer's email address to their orders.",
        "formal",
        "fresh7",
        "join",
        EMAILS[0],
        alternatives=EMAILS[1:],
        note="customers.email by customer_id; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f7-join-units-per-product-name",
        "how many unit of each prodcut have we sold, by prodcut name",
        "typo",
        "fresh7",
        "join-aggregate",
        lambda f: _units_per_product_name(f, "left"),
        alternatives=[lambda f: _units_per_product_name(f, "inner")],
        note="quantity summed per products.name over orders, quantities as stored (outliers and negatives"
        " included); " + REUSED_PRODUCTS + "; " + NO_PRODUCT + " (a group with no name)",
    ),
    case(
        "f7-join-orders-per-customer-city",
        "hey, could you tell me how many orders came from customers in each city? thanks",
        "chatty",
        "fresh7",
        "join-aggregate",
        PER_CITY[0],
        alternatives=PER_CITY[1:],
        note="orders counted per customers.city; the customers without a city and (left join) the orders of unknown"
        " customers form a group with no city; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
]

CASES = JOINS
