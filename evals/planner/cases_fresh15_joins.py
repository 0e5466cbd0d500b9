"""Fresh15 cases that combine tables: customer or product facts looked up for orders, semi joins, totals."""

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


def _big_spenders(f: Frames, dedupe: bool) -> pl.DataFrame:
    spend = f["orders"].group_by("customer_id").agg(pl.col("total_revenue").sum().alias("spend"))
    people = f["customers"].unique() if dedupe else f["customers"]
    return people.join(spend.filter(pl.col("spend") > 10_000).select("customer_id"), on="customer_id", how="semi")


def _revenue_per_home_country(f: Frames, how: How, dedupe: bool, folded: bool) -> pl.DataFrame:
    joined = orders_with(f, ["country"], how, dedupe)
    key = truth.customer_country("country_right") if folded else pl.col("country_right")
    out = joined.group_by(key.alias("home_country")).agg(pl.col("total_revenue").sum())
    return out.drop("home_country") if folded else out


def _garden_orders(f: Frames, semi: bool) -> pl.DataFrame:
    garden = f["products"].filter(truth.category() == "garden")
    if semi:
        return f["orders"].join(garden, on="product_id", how="semi")
    return f["orders"].join(f["products"], on="product_id", how="inner").filter(truth.category() == "garden")


def _biggest_orders_with_names(f: Frames, how: How, dedupe: bool) -> pl.DataFrame:
    top = f["orders"].sort("total_revenue", descending=True).head(10)
    people = f["customers"].select("customer_id", "name")
    people = people.unique() if dedupe else people
    return top.join(people, on="customer_id", how=how).sort("total_revenue", descending=True)


PHONES = lookups(lambda f, how, dedupe: orders_with(f, ["phone"], how, dedupe))
WEIGHTS = [lambda f, how=how: orders_with_products(f, ["weight"], how) for how in HOWS]
ENTERPRISE = [lambda f, m=m: orders_of_customers(f, pl.col("segment") == "enterprise", m) for m in MATCHES]
BERLIN = [lambda f, m=m: orders_of_customers(f, pl.col("city") == "Berlin", m) for m in MATCHES]
HOME_COUNTRY = lookups(lambda f, how, dedupe: orders_with(f, ["country"], how, dedupe))
REVENUE_PER_HOME_COUNTRY = [
    lambda f, how=how, dedupe=dedupe, folded=folded: _revenue_per_home_country(f, how, dedupe, folded)
    for folded in (True, False)
    for how, dedupe in truth.LOOKUPS
]
BIGGEST = lookups(_biggest_orders_with_names)

JOINS = [
    case(
        "f15-join-orders-buyer-phone",
        "orders, each w/ the buyer's phone no.",
        "terse",
        "fresh15",
        "join",
        PHONES[0],
        alternatives=PHONES[1:],
        note="customers.phone (blank where missing) by customer_id; " + DUPLICATE_NOTE + "; " + ORPHAN_NOTE,
    ),
    case(
        "f15-join-orders-product-weight",
        "ordrs w/ the prodcts weight tacked on",
        "typo",
        "fresh15",
        "join",
        WEIGHTS[0],
        alternatives=WEIGHTS[1:],
        note="products.weight (text as stored) by product_id; " + REUSED_PRODUCTS + "; " + NO_PRODUCT,
    ),
    case(
        "f15-join-enterprise-orders",
        "hey there, can you grab every order that came from an enterprise-segment customer? the key accounts"
        " team wants a look before the QBR, ta",
        "chatty",
        "fresh15",
        "join",
        ENTERPRISE[0],
        alternatives=ENTERPRISE[1:2],
        note="customers.segment 'enterprise', by customer_id (722 orders as stored, 732 with every customers row"
        " joined); " + MATCH_NOTE + " (distinct rows give the semi join's answer)",
    ),
    case(
        "f15-join-orders-berlin-customers",
        "the orders belonging to people who live in Berlin",
        "paraphrase",
        "fresh15",
        "join",
        BERLIN[0],
        alternatives=BERLIN[1:2],
        note="customers.city 'Berlin', by customer_id (434 orders as stored, 455 with every customers row"
        " joined); orders record no city; " + MATCH_NOTE + " (distinct rows give the semi join's answer)",
    ),
    case(
        "f15-join-garden-orders",
        "Which orders were for something from the garden range?",
        "question",
        "fresh15",
        "join",
        lambda f: _garden_orders(f, semi=True),
        note="orders whose product's category means Garden in any spelling ('Gardens', 'GARDEN' too), by"
        " product_id (1,356 orders), as stored or with product columns attached; no reused product id is a"
        " garden product",
    ),
    case(
        "f15-join-home-country-beside-ship-country",
        "ordrs with the custmer's home contry next to the shiping contry",
        "typo",
        "fresh15",
        "join",
        HOME_COUNTRY[0],
        alternatives=HOME_COUNTRY[1:],
        note="customers.country (as stored) by customer_id beside orders.country, under any name; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE,
    ),
    case(
        "f15-join-revenue-per-home-country",
        "Compute the total order revenue for each country in which customers reside.",
        "formal",
        "fresh15",
        "join-aggregate",
        REVENUE_PER_HOME_COUNTRY[0],
        alternatives=REVENUE_PER_HOME_COUNTRY[1:],
        note="orders.total_revenue summed per customers.country (not orders.country), folded to seven codes or"
        " as stored, currencies as stored; "
        + DUPLICATE_NOTE
        + "; "
        + ORPHAN_NOTE
        + " (a group with no country); "
        + FOLDED_NOTE,
    ),
    case(
        "f15-join-customers-spent-over-10k",
        "custs w/ lifetime revenue > 10k",
        "terse",
        "fresh15",
        "join-aggregate",
        lambda f: _big_spenders(f, dedupe=False),
        alternatives=[lambda f: _big_spenders(f, dedupe=True)],
        note="customers rows whose orders' total_revenue sums to more than 10,000 (26 ids, currencies as"
        " stored), the total beside them or not; exact customer copies kept as stored or once; both rows of a"
        " reused id kept",
    ),
    case(
        "f15-join-biggest-orders-buyer-name",
        "Who placed our ten largest orders by revenue, and what were those orders?",
        "question",
        "fresh15",
        "join",
        BIGGEST[0],
        sort_key=["total_revenue"],
        note="the ten highest orders.total_revenue, highest first, with customers.name by customer_id; none of"
        " the ten belongs to a reused, copied or orphan id, so every lookup gives ten rows; no tie at the tenth",
    ),
]

CASES = JOINS
