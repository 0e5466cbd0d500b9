"""Fresh6 cases that combine tables: customer or product facts looked up for orders, semi joins, sums over a join."""

from __future__ import annotations

from typing import Literal

import polars as pl

from evals.planner import truth
from evals.planner.model import Expectation, Frames, case
from evals.planner.truth import (
    DUPLICATE_NOTE,
    MATCH_NOTE,
    MATCHES,
    ORPHAN_NOTE,
    How,
    Match,
    lookups,
    orders_with,
)

REUSED_PRODUCTS = "4 product_ids name two different products; P0065 and P0122 are each an Electronics and a Toys row"
Names = Literal["rows", "distinct-rows", "distinct-names"]


def _orders_of(f: Frames, condition: pl.Expr, column: str, day: pl.Expr, match: Match) -> pl.DataFrame:
    """Orders whose customer meets a condition on `column` (read through `day` when it is a text date)."""
    people = f["customers"].with_columns(day.alias(column)) if column == "signup_date" else f["customers"]
    if match == "semi":
        return f["orders"].join(people.filter(condition), on="customer_id", how="semi")
    if match == "inner-key":
        people = people.select("customer_id", column).unique()
    elif match == "inner-distinct":
        people = people.unique()
    return f["orders"].join(people, on="customer_id", how="inner").filter(condition)


def _customer_orders_matching(condition: pl.Expr, column: str, day: pl.Expr) -> list[Expectation]:
    return [lambda f, match=match: _orders_of(f, condition, column, day, match) for match in MATCHES]


def _cancelled_at_least_once(f: Frames, dedupe: bool) -> pl.DataFrame:
    people = f["customers"].unique() if dedupe else f["customers"]
    return people.join(f["orders"].filter(truth.status() == "cancelled"), on="customer_id", how="semi")


def _what_customer_42_bought(f: Frames) -> pl.DataFrame:
    orders = f["orders"].filter(pl.col("customer_id") == 42)
    return orders.join(f["products"].select("product_id", "name"), on="product_id", how="left").select("name")


def _electronics_buyers_2024(f: Frames, names: Names) -> pl.DataFrame:
    electronics = f["products"].filter(truth.category() == "electronic")
    bought = f["orders"].filter(pl.col("order_date").dt.year() == 2024).join(electronics, on="product_id", how="semi")
    people = f["customers"].unique() if names == "distinct-rows" else f["customers"]
    found = people.join(bought, on="customer_id", how="semi").select("name")
    return found.unique() if names == "distinct-names" else found


def _busiest_two(f: Frames, dedupe: bool) -> pl.DataFrame:
    top = f["orders"].group_by("customer_id").agg(pl.len().alias("orders")).sort("orders", descending=True).head(2)
    people = f["customers"].select("customer_id", "name")
    people = people.unique() if dedupe else people
    return top.join(people, on="customer_id", how="inner").select("name")


def _mean_revenue_per_segment(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe)
    return joined.group_by("segment").agg(pl.col("total_revenue").mean().alias("avg_revenue"))


def _segment_orders_2023(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    joined = orders_with(f, ["segment"], how, dedupe).filter(pl.col("order_date").dt.year() == 2023)
    return joined.group_by("segment").agg(pl.len().alias("orders"), pl.col("total_revenue").sum().alias("revenue"))


SEGMENT_COUNTRY = lookups(lambda f, how, dedupe: orders_with(f, ["segment", "country"], how, dedupe))
OVER_SIXTY = _customer_orders_matching(pl.col("age") > 60, "age", pl.col("age"))
EARLY_SIGNUPS = [
    *_customer_orders_matching(pl.col("signup_date") < pl.date(2020, 1, 1), "signup_date", truth.signup_day()),
    *_customer_orders_matching(pl.col("signup_date") < pl.date(2020, 1, 1), "signup_date", truth.iso_signup_day()),
]
MEAN_PER_SEGMENT = lookups(_mean_revenue_per_segment)
SEGMENT_2023 = lookups(_segment_orders_2023)

JOINS = [
    case(
        "f6-join-segment-and-customer-country",
        "orders + customer segment + customer country",
        "terse",
        "fresh6",
        "join",
        SEGMENT_COUNTRY[0],
        alternatives=SEGMENT_COUNTRY[1:],
        note="customers.segment and customers.country (as stored, next to the order's own country) by customer_id; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE,
    ),
    case(
        "f6-join-customers-with-a-cancellation",
        "List the customers who have placed at least one cancelled order.",
        "formal",
        "fresh6",
        "join",
        lambda f: _cancelled_at_least_once(f, dedupe=False),
        alternatives=[lambda f: _cancelled_at_least_once(f, dedupe=True)],
        note="customers rows (a semi join) with an order whose status means cancelled ('canceled' too); the exact"
        " copies may be kept or removed",
    ),
    case(
        "f6-join-customer-42-products",
        "What did customer 42 order? Show the product names.",
        "question",
        "fresh6",
        "join",
        _what_customer_42_bought,
        note="customer_id 42 has two orders (P0049 and P0162, neither a reused id): products.name of each; the order"
        " columns may be shown too",
    ),
    case(
        "f6-join-orders-by-over-sixties",
        "orders placed by people who are over 60",
        "paraphrase",
        "fresh6",
        "join",
        OVER_SIXTY[0],
        alternatives=OVER_SIXTY[1:],
        note="orders whose customer has customers.age above 60; " + MATCH_NOTE,
    ),
    case(
        "f6-join-orders-by-pre-2020-signups",
        "purchases made by people who signed up before 2020",
        "paraphrase",
        "fresh6",
        "join",
        EARLY_SIGNUPS[0],
        alternatives=EARLY_SIGNUPS[1:],
        note="orders whose customer's signup_date is before 1 January 2020; signup_date is text in four formats, and"
        " reading only the YYYY-MM-DD ones is accepted too; " + MATCH_NOTE,
    ),
    case(
        "f6-join-mean-revenue-per-segment",
        "whats the avrage revenu of an ordr for each custmer segmnet",
        "typo",
        "fresh6",
        "join-aggregate",
        MEAN_PER_SEGMENT[0],
        alternatives=MEAN_PER_SEGMENT[1:],
        note="mean total_revenue per customers.segment over orders; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE + " (a"
        " group with no segment)",
    ),
    case(
        "f6-join-two-busiest-customers",
        "top 2 custmers by numbr of ordrs with there names",
        "typo",
        "fresh6",
        "join-top-n",
        lambda f: _busiest_two(f, dedupe=True),
        alternatives=[lambda f: _busiest_two(f, dedupe=False)],
        note="orders counted per customer_id: 1039 (17) and 759 (16), named Emma Weber and Anna Taylor; both are"
        " stored twice as exact copies in customers, so a join may give each name twice; the ids and counts may be"
        " shown too",
    ),
    case(
        "f6-join-electronics-buyers-2024",
        "hey, could you list the customers who bought something in electronics during 2024? just their names is fine",
        "chatty",
        "fresh6",
        "join",
        lambda f: _electronics_buyers_2024(f, "rows"),
        alternatives=[lambda f, n=n: _electronics_buyers_2024(f, n) for n in ("distinct-rows", "distinct-names")],
        note="customers with an order dated 2024 whose product's category is Electronics; "
        + REUSED_PRODUCTS
        + ", and their orders count; one name per customer row, per distinct row, or per distinct name",
    ),
    case(
        "f6-join-segment-orders-revenue-2023",
        "Report the number of orders and total revenue for each customer segment in 2023.",
        "formal",
        "fresh6",
        "join-aggregate",
        SEGMENT_2023[0],
        alternatives=SEGMENT_2023[1:],
        note="orders dated 2023 counted and their total_revenue summed per customers.segment; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE
        + " (a group with no segment)",
    ),
]

CASES = JOINS
