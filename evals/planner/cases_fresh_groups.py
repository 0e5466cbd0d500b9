"""Fresh cases that summarise or combine tables: aggregates overall, by one or two keys or by period, and joins."""

from __future__ import annotations

from typing import Literal

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case

DUPLICATE_NOTE = "45 customer_ids are stored on two rows; a join that keeps both rows is accepted"


def _orders_per_status(f: Frames) -> pl.DataFrame:
    return f["orders"].group_by(truth.status().alias("status")).agg(pl.len().alias("orders"))


def _mean_age_by_segment(f: Frames) -> pl.DataFrame:
    return f["customers"].group_by("segment").agg(pl.col("age").mean().alias("age"))


def _income_by_region(f: Frames, drop_missing: bool) -> pl.DataFrame:
    churn = f["churn"].filter(pl.col("region").is_not_null()) if drop_missing else f["churn"]
    return churn.group_by("region").agg(pl.col("income").median().alias("income"))


def _with_segment(f: Frames, how: Literal["left", "inner"], dedupe: bool) -> pl.DataFrame:
    people = f["customers"].select("customer_id", "segment")
    people = people.unique() if dedupe else people
    return f["orders"].join(people, on="customer_id", how=how)


def _revenue_by_segment(f: Frames, how: Literal["left", "inner"], dedupe: bool) -> pl.DataFrame:
    joined = _with_segment(f, how, dedupe)
    return joined.group_by("segment").agg(pl.col("total_revenue").sum().alias("revenue"))


def _units_per_product(f: Frames) -> pl.DataFrame:
    units = f["orders"].group_by("product_id").agg(pl.col("quantity").sum().alias("units"))
    return units.join(f["products"].select("product_id", "name").unique(), on="product_id", how="left")


AGGREGATES = [
    case(
        "fr-agg-orders-count",
        "how many orders do we have in total?",
        "question",
        "fresh",
        "aggregate-all",
        lambda f: f["orders"].select(pl.len().alias("orders")),
    ),
    case(
        "fr-agg-mean-order-value",
        "average revenue per order",
        "paraphrase",
        "fresh",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("total_revenue").mean()),
    ),
    case(
        "fr-agg-max-tenure",
        "max tenure_months churn",
        "terse",
        "fresh",
        "aggregate-all",
        lambda f: f["churn"].select(pl.col("tenure_months").max()),
    ),
    case(
        "fr-agg-orders-per-status",
        "Count the orders for each status.",
        "formal",
        "fresh",
        "aggregate",
        _orders_per_status,
        note="status spellings ('Delivered', 'delivred', 'shipped '...) are counted with the value they stand for",
    ),
    case(
        "fr-agg-age-by-segment",
        "whats the avrage age per segment",
        "typo",
        "fresh",
        "aggregate",
        _mean_age_by_segment,
    ),
    case(
        "fr-agg-units-by-country",
        "I'd love to know how many units we've sold in each country, if you can work that out",
        "chatty",
        "fresh",
        "aggregate",
        lambda f: f["orders"].group_by("country").agg(pl.col("quantity").sum().alias("units")),
    ),
    case(
        "fr-agg-products-per-category",
        "number of products in each category",
        "terse",
        "fresh",
        "aggregate",
        lambda f: f["products"].group_by(truth.category()).agg(pl.len().alias("products")).select("products"),
        note=(
            "spellings of one category ('Gardens', 'toys', 'Sports '...) count together: six groups; only the counts"
            " are checked, since how a planner writes the merged label is its choice"
        ),
    ),
    case(
        "fr-agg-median-income-region",
        "What is the median income in each region?",
        "question",
        "fresh",
        "aggregate",
        lambda f: _income_by_region(f, drop_missing=False),
        alternatives=[lambda f: _income_by_region(f, drop_missing=True)],
        note="60 rows have no region; leaving that group out is accepted too",
    ),
    case(
        "fr-agg-churn-count-by-payment",
        "Report the number of churned subscribers per payment method.",
        "formal",
        "fresh",
        "aggregate",
        lambda f: f["churn"].filter(pl.col("churned") == 1).group_by("payment_method").agg(pl.len().alias("n")),
    ),
    case(
        "fr-agg-revenue-country-currency",
        "revenue broken down by country and by currency",
        "paraphrase",
        "fresh",
        "aggregate-two-keys",
        lambda f: (
            f["orders"]
            .group_by("country", truth.currency().alias("currency"))
            .agg(pl.col("total_revenue").sum().alias("revenue"))
        ),
        note="'Euro', 'eur' and '€' are grouped with EUR",
    ),
    case(
        "fr-agg-charges-by-service-contract",
        "mean monthly charges per internet service and contract, please",
        "chatty",
        "fresh",
        "aggregate-two-keys",
        lambda f: (
            f["churn"]
            .group_by("internet_service", truth.contract().alias("contract"))
            .agg(pl.col("monthly_charges").mean().alias("charges"))
        ),
        note="contract spellings ('M2M', '2 year'...) are grouped with the value they stand for",
    ),
    case(
        "fr-agg-orders-per-year",
        "nuber of orders per yaer",
        "typo",
        "fresh",
        "aggregate-period",
        lambda f: f["orders"].group_by(pl.col("order_date").dt.year().alias("year")).agg(pl.len().alias("orders")),
    ),
    case(
        "fr-agg-revenue-per-quarter-2024",
        "totl revenue for each quater of 2024",
        "typo",
        "fresh",
        "aggregate-period",
        lambda f: (
            f["orders"]
            .filter(pl.col("order_date").dt.year() == 2024)
            .group_by(pl.col("order_date").dt.quarter().alias("quarter"))
            .agg(pl.col("total_revenue").sum().alias("revenue"))
        ),
    ),
    case(
        "fr-agg-distinct-customers-ordering",
        "how many different customers have placed an order?",
        "question",
        "fresh",
        "aggregate-all",
        lambda f: f["orders"].select(pl.col("customer_id").n_unique().alias("customers")),
    ),
    case(
        "fr-agg-min-max-price",
        "lowest and highest prodcut price",
        "typo",
        "fresh",
        "aggregate-all",
        lambda f: f["products"].select(pl.col("price").min().alias("lowest"), pl.col("price").max().alias("highest")),
    ),
]

JOINS = [
    case(
        "fr-join-order-segment",
        "orders with the customer segment attached",
        "paraphrase",
        "fresh",
        "join",
        lambda f: _with_segment(f, "left", dedupe=True),
        alternatives=[
            lambda f: _with_segment(f, "left", dedupe=False),
            lambda f: _with_segment(f, "inner", dedupe=True),
            lambda f: _with_segment(f, "inner", dedupe=False),
        ],
        note=DUPLICATE_NOTE + "; 12 orders have no customer and dropping them is accepted too",
    ),
    case(
        "fr-join-products-not-bought-nl-2024",
        "Which products did nobody in the Netherlands order in 2024?",
        "question",
        "fresh",
        "join",
        lambda f: f["products"].join(
            f["orders"].filter((pl.col("country") == "NL") & (pl.col("order_date").dt.year() == 2024)),
            on="product_id",
            how="anti",
        ),
        note="by the order's country (orders.country is always an ISO code)",
    ),
    case(
        "fr-join-book-orders",
        "orders for book prodcuts",
        "typo",
        "fresh",
        "join",
        lambda f: f["orders"].join(
            f["products"].filter(truth.category() == "book").select("product_id"), on="product_id", how="semi"
        ),
        note="'BOOKS' is stored next to 'Books'",
    ),
    case(
        "fr-join-returners",
        "customers that have returned at least one order",
        "terse",
        "fresh",
        "join",
        lambda f: f["customers"].join(f["orders"].filter(truth.status() == "returned"), on="customer_id", how="semi"),
    ),
    case(
        "fr-join-consumer-orders",
        "Retrieve the orders placed by customers in the consumer segment.",
        "formal",
        "fresh",
        "join",
        lambda f: f["orders"].join(
            f["customers"].filter(pl.col("segment") == "consumer"), on="customer_id", how="semi"
        ),
        alternatives=[
            lambda f: f["orders"].join(
                f["customers"].filter(pl.col("segment") == "consumer"), on="customer_id", how="inner"
            )
        ],
        note=DUPLICATE_NOTE,
    ),
    case(
        "fr-join-order-product-name",
        "hi, for every order could you look up the product name from products and add it?",
        "chatty",
        "fresh",
        "join",
        lambda f: f["orders"].join(
            f["products"].select("product_id", pl.col("name").alias("product_name")).unique(),
            on="product_id",
            how="left",
        ),
        note="4 product_ids each name two products, so their orders match twice; 30 orders have no product_id",
    ),
    case(
        "fr-join-customers-no-orders",
        "could you find me all the customers who haven't ordered anything yet?",
        "chatty",
        "fresh",
        "join",
        lambda f: f["customers"].join(f["orders"], on="customer_id", how="anti"),
    ),
    case(
        "fr-join-revenue-by-segment",
        "total revenue per customer segment",
        "terse",
        "fresh",
        "join-aggregate",
        lambda f: _revenue_by_segment(f, "left", dedupe=True),
        alternatives=[
            lambda f: _revenue_by_segment(f, "inner", dedupe=True),
            lambda f: _revenue_by_segment(f, "left", dedupe=False),
            lambda f: _revenue_by_segment(f, "inner", dedupe=False),
        ],
        note=DUPLICATE_NOTE + "; the 12 orders without a customer form a group with no segment or are left out",
    ),
    case(
        "fr-join-units-per-product",
        "how many units of each product did we sell? show the product names",
        "question",
        "fresh",
        "join-aggregate",
        _units_per_product,
        note="30 orders have no product_id and form a group with no name; 4 product_ids name two products each",
    ),
    case(
        "fr-join-german-customer-orders",
        "orders from customers who live in germany",
        "paraphrase",
        "fresh",
        "join",
        lambda f: f["orders"].join(
            f["customers"].filter(truth.customer_country() == "DE"), on="customer_id", how="semi"
        ),
        alternatives=[
            lambda f: f["orders"].join(
                f["customers"].filter(truth.customer_country() == "DE"), on="customer_id", how="inner"
            )
        ],
        note="by the customer's country, not the order's; " + DUPLICATE_NOTE,
    ),
]

CASES = [*AGGREGATES, *JOINS]
