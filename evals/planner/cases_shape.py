"""Cases that reshape a table: choose, drop or rename columns, sort and take the top, derive, fill, deduplicate."""

from __future__ import annotations

import polars as pl

from evals.planner.model import Frames, case


def _without(frame: pl.DataFrame, *columns: str) -> pl.DataFrame:
    return frame.drop(columns)


def _latest_order_day(f: Frames) -> pl.DataFrame:
    return f["orders"].group_by("customer_id").agg(pl.col("order_date").max())


def _first_order_day(f: Frames) -> pl.DataFrame:
    return f["orders"].group_by("product_id").agg(pl.col("order_date").min())


def _filled_age(f: Frames) -> pl.DataFrame:
    customers = f["customers"]
    return customers.with_columns(pl.col("age").fill_null(customers["age"].median()))


def _filled_price(f: Frames) -> pl.DataFrame:
    products = f["products"]
    return products.with_columns(pl.col("price").fill_null(products["price"].mean()))


COLUMNS = [
    case(
        "select-name-email-country",
        "customers: name, email, country only",
        "terse",
        "dev",
        "select",
        lambda f: f["customers"].select("name", "email", "country"),
        columns="exact",
    ),
    case(
        "select-order-revenue",
        "give me order id, order date and revenue for every order",
        "paraphrase",
        "dev",
        "select",
        lambda f: f["orders"].select("order_id", "order_date", "total_revenue"),
        columns="exact",
        note="'revenue' is total_revenue",
    ),
    case(
        "select-signup",
        "list each customer's id together with their signup",
        "paraphrase",
        "test",
        "select",
        lambda f: f["customers"].select("customer_id", "signup_date"),
        columns="exact",
    ),
    case(
        "drop-phone-birth",
        "Remove the phone and birth date columns from the customer table.",
        "formal",
        "test",
        "drop",
        lambda f: _without(f["customers"], "phone", "birth_date"),
        columns="exact",
    ),
    case(
        "drop-contact-details",
        "customers but without their contact details (drop email and phone)",
        "paraphrase",
        "dev",
        "drop",
        lambda f: _without(f["customers"], "email", "phone"),
        columns="exact",
    ),
    case(
        "rename-revenue-date",
        "in orders, could you rename total_revenue to revenue and order_date to ordered_on?",
        "chatty",
        "dev",
        "rename",
        lambda f: f["orders"].rename({"total_revenue": "revenue", "order_date": "ordered_on"}),
        columns="exact",
        strict_names=["revenue", "ordered_on"],
    ),
    case(
        "rename-product-name",
        "show prodcut name and price, call the name column product_name",
        "typo",
        "test",
        "rename",
        lambda f: f["products"].select(pl.col("name").alias("product_name"), "price"),
        columns="exact",
        strict_names=["product_name"],
    ),
]

ORDERING = [
    case(
        "top-10-orders",
        "top 10 orders by revenue",
        "terse",
        "dev",
        "top-n",
        lambda f: f["orders"].sort("total_revenue", descending=True).head(10),
        sort_key=["total_revenue"],
    ),
    case(
        "top-5-expensive-products",
        "What are the 5 most expensive products?",
        "question",
        "test",
        "top-n",
        lambda f: f["products"].sort("price", descending=True, nulls_last=True).head(5),
        sort_key=["price"],
    ),
    case(
        "sort-age-oldest-first",
        "customers sorted by age, oldest first",
        "paraphrase",
        "test",
        "sort",
        lambda f: f["customers"].sort("age", descending=True, nulls_last=True),
        sort_key=["age"],
        note="customers of unknown age come last",
    ),
    case(
        "sort-orders-newest",
        "orders sorted by date newst first",
        "typo",
        "dev",
        "sort",
        lambda f: f["orders"].sort("order_date", descending=True),
        sort_key=["order_date"],
    ),
    case(
        "top-5-monthly-charges",
        "List the five subscribers with the highest monthly charges.",
        "formal",
        "test",
        "top-n",
        lambda f: f["churn"].sort("monthly_charges", descending=True).head(5),
        sort_key=["monthly_charges"],
    ),
]

DERIVED = [
    case(
        "derive-line-total",
        "add line_total = quantity * unit_price to orders",
        "terse",
        "dev",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("quantity") * pl.col("unit_price")).alias("line_total")),
        strict_names=["line_total"],
    ),
    case(
        "derive-lower-email",
        "make all customer emails lower case",
        "paraphrase",
        "test",
        "derive",
        lambda f: f["customers"].with_columns(pl.col("email").str.to_lowercase()),
    ),
    case(
        "derive-order-year",
        "can you add a column with the year of each order?",
        "chatty",
        "test",
        "derive",
        lambda f: f["orders"].with_columns(pl.col("order_date").dt.year().alias("order_year")),
    ),
    case(
        "derive-days-to-ship",
        "How many days did each order take to ship? Add that as a column.",
        "question",
        "test",
        "derive",
        lambda f: f["orders"].with_columns(
            (pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias("days_to_ship")
        ),
        note="null where the order has not shipped",
    ),
    case(
        "derive-price-vat",
        "Add a column price_with_vat equal to the product price plus 19% VAT.",
        "formal",
        "dev",
        "derive",
        lambda f: f["products"].with_columns((pl.col("price") * 1.19).alias("price_with_vat")),
        strict_names=["price_with_vat"],
    ),
    case(
        "derive-big-order-flag",
        "flag orders with revenu over 1000 as big_order (true/false)",
        "typo",
        "test",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("total_revenue") > 1000).alias("big_order")),
        strict_names=["big_order"],
    ),
    case(
        "derive-names-capitals",
        "customer names in capitals",
        "paraphrase",
        "test",
        "derive",
        lambda f: f["customers"].with_columns(pl.col("name").str.to_uppercase()),
    ),
]

FILLED = [
    case(
        "fill-city-unknown",
        "can you fill in the missing cities with 'Unknown'?",
        "chatty",
        "dev",
        "fill",
        lambda f: f["customers"].with_columns(pl.col("city").fill_null("Unknown")),
    ),
    case(
        "fill-age-median",
        "Replace missing ages with the median age.",
        "formal",
        "test",
        "fill",
        _filled_age,
    ),
    case(
        "fill-total-charges-zero",
        "treat missing total charges as 0",
        "paraphrase",
        "test",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("total_charges").fill_null(0.0)),
    ),
    case(
        "fill-price-mean",
        "products: fill null price w/ mean",
        "terse",
        "test",
        "fill",
        _filled_price,
    ),
]

DEDUPLICATED = [
    case(
        "dedupe-orders",
        "dedupe orders",
        "terse",
        "dev",
        "deduplicate",
        lambda f: f["orders"].unique(),
        alternatives=[lambda f: f["orders"].select(pl.col("order_id").unique())],
        note="whole-row duplicates removed; one row per order_id is accepted too (any row of a reused id)",
    ),
    case(
        "dedupe-latest-order-per-customer",
        "each customer's most recent order",
        "paraphrase",
        "test",
        "deduplicate",
        _latest_order_day,
        note="judged on (customer_id, order_date): which of two orders on the same last day is kept is open",
    ),
    case(
        "dedupe-one-per-order-id",
        "Keep a single row per order_id in the orders table.",
        "formal",
        "test",
        "deduplicate",
        lambda f: f["orders"].select(pl.col("order_id").unique()),
        note="judged on order_id only: the request does not say which row of a reused id to keep",
    ),
    case(
        "dedupe-customers-exact",
        "Can you remove the exact duplicate rows from customers?",
        "question",
        "test",
        "deduplicate",
        lambda f: f["customers"].unique(),
    ),
    case(
        "dedupe-unique-emails",
        "lowercase the emails and list the uniqe ones",
        "typo",
        "test",
        "deduplicate",
        lambda f: f["customers"].select(pl.col("email").str.to_lowercase().unique()),
        columns="exact",
    ),
    case(
        "dedupe-first-order-per-product",
        "For every product I want just its first ever order (the earliest order date)",
        "chatty",
        "dev",
        "deduplicate",
        _first_order_day,
        alternatives=[lambda f: _first_order_day(f).filter(pl.col("product_id").is_not_null())],
        note="judged on (product_id, order_date); orders without a product may form a group or be left out",
    ),
]

CASES = [*COLUMNS, *ORDERING, *DERIVED, *FILLED, *DEDUPLICATED]
