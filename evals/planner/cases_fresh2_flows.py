"""Fresh2 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal

# Pounds to kilograms: the exact factor, and the two roundings of it people use.
POUND_FACTORS = (0.45359237, 0.4536, 0.454)


def _weight_in_kg(f: Frames, pound: float) -> pl.DataFrame:
    amount = pl.col("weight").str.extract(r"^\s*([0-9.]+)").cast(pl.Float64)
    unit = pl.col("weight").str.extract(r"([a-z]+)\s*$")
    kg = pl.when(unit == "g").then(amount / 1000).when(unit == "lb").then(amount * pound).otherwise(amount)
    return f["products"].with_columns(kg.alias("weight_kg"))


def _age_group(f: Frames, unknown: str | None) -> pl.DataFrame:
    group = pl.when(pl.col("age") >= 65).then(pl.lit("senior")).otherwise(pl.lit("other"))
    group = pl.when(pl.col("age").is_null()).then(pl.lit(unknown)).otherwise(group)
    return f["customers"].with_columns(group.alias("age_group"))


def _top_cities(f: Frames, keep_missing: bool, distinct_ids: bool) -> pl.DataFrame:
    people = f["customers"] if keep_missing else f["customers"].filter(pl.col("city").is_not_null())
    counted = pl.col("customer_id").n_unique() if distinct_ids else pl.len()
    return people.group_by("city").agg(counted.alias("customers")).sort("customers", descending=True).head(5)


def _german_by_segment(f: Frames, distinct_ids: bool) -> pl.DataFrame:
    german = f["customers"].filter((truth.customer_country() == "DE") & ~pl.col("is_test_account"))
    counted = pl.col("customer_id").n_unique() if distinct_ids else pl.len()
    return german.group_by("segment").agg(counted.alias("customers"))


DERIVED = [
    case(
        "f2-derive-revenue-per-unit",
        "orders: add revenue_per_unit = total_revenue / quantity",
        "terse",
        "fresh2",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("total_revenue") / pl.col("quantity")).alias("revenue_per_unit")),
        strict_names=["revenue_per_unit"],
        note="no quantity is 0",
    ),
    case(
        "f2-derive-age-group",
        "Can you add an age_group column to customers that says 'senior' for 65 and over and 'other' otherwise?",
        "question",
        "fresh2",
        "derive",
        lambda f: _age_group(f, "other"),
        strict_names=["age_group"],
        alternatives=[lambda f: _age_group(f, None)],
        note="194 customers have no age: 'other' (what 'otherwise' says) or left empty are both accepted",
    ),
    case(
        "f2-derive-weight-kg",
        "Add a column weight_kg to products holding each weight in kilograms as a number.",
        "formal",
        "fresh2",
        "derive",
        lambda f: _weight_in_kg(f, POUND_FACTORS[0]),
        strict_names=["weight_kg"],
        alternatives=[lambda f, pound=pound: _weight_in_kg(f, pound) for pound in POUND_FACTORS[1:]],
        note="weight is text like '4.93 kg'; 10 are in grams ('1230 g') and 10 in pounds ('3.59 lb') and are converted",
    ),
    case(
        "f2-derive-price-rounded",
        "in prodcuts add price_rounded = price rounded to the nearest whole numbr",
        "typo",
        "fresh2",
        "derive",
        lambda f: f["products"].with_columns(
            pl.col("price").round(0, mode="half_away_from_zero").alias("price_rounded")
        ),
        strict_names=["price_rounded"],
        alternatives=[lambda f: f["products"].with_columns(pl.col("price").round(0).alias("price_rounded"))],
        note="one price is 64.50: rounding half up (65) or half to even (64) are both accepted",
    ),
    case(
        "f2-derive-first-name",
        "each customer's given name as an extra column",
        "paraphrase",
        "fresh2",
        "derive",
        lambda f: f["customers"].with_columns(
            pl.col("name").str.strip_chars().str.split(" ").list.first().alias("first_name")
        ),
        note="the given name is the first word of name; 8 names carry leading spaces, which are not part of it",
    ),
    case(
        "f2-fill-product-id",
        "could you fill the blank product ids in orders with 'UNKNOWN'? thanks",
        "chatty",
        "fresh2",
        "fill",
        lambda f: f["orders"].with_columns(pl.col("product_id").fill_null("UNKNOWN")),
    ),
    case(
        "f2-fill-city-country",
        "customers: fill empty city with the country",
        "terse",
        "fresh2",
        "fill",
        lambda f: f["customers"].with_columns(pl.col("city").fill_null(pl.col("country"))),
        note="the 121 customers without a city are all stored with country 'US', so every missing city becomes US",
    ),
]

STEPS = [
    case(
        "f2-combo-revenue-2025-by-country",
        "2025 revenue by country, highest first",
        "terse",
        "fresh2",
        "combination",
        lambda f: (
            f["orders"]
            .filter(pl.col("order_date").dt.year() == 2025)
            .group_by("country")
            .agg(pl.col("total_revenue").sum().alias("revenue"))
            .sort("revenue", descending=True)
        ),
        sort_key=["revenue"],
        note="orders placed in 2025, by the order's country",
    ),
    case(
        "f2-combo-top-cities",
        "top 5 citys by number of custmers",
        "typo",
        "fresh2",
        "combination",
        lambda f: _top_cities(f, keep_missing=False, distinct_ids=False),
        sort_key=["customers"],
        alternatives=[
            lambda f: _top_cities(f, keep_missing=True, distinct_ids=False),
            lambda f: _top_cities(f, keep_missing=False, distinct_ids=True),
            lambda f: _top_cities(f, keep_missing=True, distinct_ids=True),
        ],
        note=(
            "the 121 customers without a city would be the biggest group; leaving it out or keeping it are both"
            " accepted, and so are rows or distinct customer_ids"
        ),
    ),
    case(
        "f2-combo-german-by-segment",
        "Determine, for each segment, the number of non-test customers located in Germany.",
        "formal",
        "fresh2",
        "combination",
        lambda f: _german_by_segment(f, distinct_ids=False),
        alternatives=[lambda f: _german_by_segment(f, distinct_ids=True)],
        note="customers.country also holds 'Germany', 'Deutschland', 'de' and 'DE '; rows or distinct ids",
    ),
]

TURNS = [
    case(
        "f2-turn-consumer-over-70",
        ["could you pull up the customers in the consumer segment?", "great, and now only the ones over 70"],
        "chatty",
        "fresh2",
        "follow-up",
        lambda f: f["customers"].filter((pl.col("segment") == "consumer") & (pl.col("age") > 70)),
    ),
    case(
        "f2-turn-status-revenue-min",
        ["What's the total revenue per order status?", "Which status has the smallest total?"],
        "question",
        "fresh2",
        "follow-up",
        lambda f: (
            f["orders"]
            .group_by(truth.status().alias("status"))
            .agg(pl.col("total_revenue").sum().alias("revenue"))
            .sort("revenue")
            .head(1)
        ),
        note="statuses folded to one spelling first: returned is the smallest, not a rare spelling like 'Returned'",
    ),
    case(
        "f2-turn-big-orders-columns",
        ["orders worth more than 800", "keep only the buyer id, the order number and the amount"],
        "paraphrase",
        "fresh2",
        "follow-up",
        lambda f: f["orders"].filter(pl.col("total_revenue") > 800).select("customer_id", "order_id", "total_revenue"),
        columns="exact",
        note="the buyer is customer_id, the order number order_id, the amount total_revenue",
    ),
]

REFUSALS = [
    refusal(
        "f2-refuse-revenue-2027",
        "what will our total revenue be in 2027?",
        "question",
        "fresh2",
        "a forecast; no order is dated 2027, and predicting one is not a pipeline over stored rows",
    ),
    refusal(
        "f2-refuse-slack",
        "could you post this week's revenue numbers to the sales Slack channel for me?",
        "chatty",
        "fresh2",
        "posting messages is not something a pipeline does",
    ),
    refusal(
        "f2-refuse-drop-orders",
        "Drop the orders table permanently.",
        "formal",
        "fresh2",
        "deleting a dataset is out of scope",
    ),
    refusal(
        "f2-refuse-satisfaction",
        "customer satisfaction score per country",
        "terse",
        "fresh2",
        "no satisfaction or survey data in any dataset",
    ),
    refusal(
        "f2-refuse-courier",
        "wich courier deliverd each ordr",
        "typo",
        "fresh2",
        "no carrier or courier data",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
