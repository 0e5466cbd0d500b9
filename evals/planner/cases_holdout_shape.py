"""Held-out cases that reshape: columns kept, dropped or renamed, duplicates, missing values, order and new columns."""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import truth
from evals.planner.cases_holdout_dates import SIGNUP_NOTE
from evals.planner.model import Frames, case


def _cheaper_row_per_product_id(f: Frames) -> pl.DataFrame:
    cheapest_first = f["products"].sort("price", nulls_last=True)
    return cheapest_first.unique(subset=["product_id"], keep="first", maintain_order=True)


def _earliest_signup_per_customer_id(f: Frames) -> pl.DataFrame:
    earliest_first = f["customers"].sort(truth.signup_day())
    return earliest_first.unique(subset=["customer_id"], keep="first", maintain_order=True)


def _biggest_order_per_customer(f: Frames) -> pl.DataFrame:
    """Only the key and the amount: which of two equally big orders is kept is left open."""
    return f["orders"].group_by("customer_id").agg(pl.col("total_revenue").max())


def _by_price(f: Frames, nulls_last: bool) -> pl.DataFrame:
    return f["products"].sort("price", nulls_last=nulls_last)


def _signup_year(f: Frames, day: pl.Expr) -> pl.DataFrame:
    return f["customers"].with_columns(day.dt.year().alias("signup_year"))


def _name_length(f: Frames, trimmed: bool) -> pl.DataFrame:
    name = pl.col("name").str.strip_chars() if trimmed else pl.col("name")
    return f["customers"].with_columns(name.str.len_chars().alias("name_length"))


COLUMNS = [
    case(
        "ho-select-product-category",
        "only product_id and category from products",
        "terse",
        "holdout",
        "select",
        lambda f: f["products"].select("product_id", "category"),
        columns="exact",
    ),
    case(
        "ho-select-order-status",
        "Provide order_id, customer_id and status from orders, and no other columns.",
        "formal",
        "holdout",
        "select",
        lambda f: f["orders"].select("order_id", "customer_id", "status"),
        columns="exact",
    ),
    case(
        "ho-select-churn-three",
        "Could you trim the churn table down to customer_ref, contract and churned? Those are all I need",
        "chatty",
        "holdout",
        "select",
        lambda f: f["churn"].select("customer_ref", "contract", "churned"),
        columns="exact",
    ),
    case(
        "ho-drop-ship-currency",
        "orders, drop ship_date and currency",
        "terse",
        "holdout",
        "drop",
        lambda f: f["orders"].drop("ship_date", "currency"),
        columns="exact",
    ),
    case(
        "ho-drop-split",
        "remove the split colum from churn",
        "typo",
        "holdout",
        "drop",
        lambda f: f["churn"].drop("split"),
        columns="exact",
    ),
    case(
        "ho-rename-ref",
        "in churn, call customer_ref subscriber_id instead",
        "paraphrase",
        "holdout",
        "rename",
        lambda f: f["churn"].rename({"customer_ref": "subscriber_id"}),
        strict_names=["subscriber_id"],
    ),
    case(
        "ho-rename-customer-columns",
        "In the customers dataset, please rename segment to customer_type and is_test_account to test_flag.",
        "formal",
        "holdout",
        "rename",
        lambda f: f["customers"].rename({"segment": "customer_type", "is_test_account": "test_flag"}),
        strict_names=["customer_type", "test_flag"],
    ),
]

DUPLICATES_AND_GAPS = [
    case(
        "ho-dedupe-customer-product-pairs",
        "Can you list every distinct pair of customer_id and product_id that occurs in orders?",
        "question",
        "holdout",
        "deduplicate",
        lambda f: f["orders"].select("customer_id", "product_id").unique(),
        note="orders without a product_id form pairs with a missing product too",
    ),
    case(
        "ho-dedupe-earliest-signup",
        "one row per customer_id in customers, keep the erliest signup",
        "typo",
        "holdout",
        "deduplicate",
        _earliest_signup_per_customer_id,
        note="the rows sharing a customer_id but differing all have YYYY-MM-DD signup dates, and different ones",
    ),
    case(
        "ho-dedupe-biggest-order-per-customer",
        "for every customer I only want their single biggest order, could you do that?",
        "chatty",
        "holdout",
        "deduplicate",
        _biggest_order_per_customer,
        note="7 customers have two equally big orders, so only customer_id and the amount are checked",
    ),
    case(
        "ho-dedupe-cheaper-product",
        "Keep one row per product_id in products; where an id occurs more than once, retain the lower-priced row.",
        "formal",
        "holdout",
        "deduplicate",
        _cheaper_row_per_product_id,
    ),
    case(
        "ho-distinct-order-countries",
        "the set of contries our orders come from",
        "typo",
        "holdout",
        "deduplicate",
        lambda f: f["orders"].select("country").unique(),
    ),
    case(
        "ho-fill-region-mode",
        "fill missing regions with the most common one",
        "terse",
        "holdout",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("region").fill_null(pl.col("region").mode().first())),
        note="north is the one most common region",
    ),
    case(
        "ho-fill-ship-with-order-date",
        "for orders without a ship date, could you just put the order date in there instead?",
        "chatty",
        "holdout",
        "fill",
        lambda f: f["orders"].with_columns(pl.coalesce("ship_date", "order_date").alias("ship_date")),
    ),
    case(
        "ho-fill-charges-estimate",
        "where total_charges is missing, estimate it as monthly charges times tenure",
        "paraphrase",
        "holdout",
        "fill",
        lambda f: f["churn"].with_columns(
            pl.coalesce("total_charges", pl.col("monthly_charges") * pl.col("tenure_months")).alias("total_charges")
        ),
    ),
    case(
        "ho-fill-birth-date-constant",
        "fill mising birth dates with 1900-01-01",
        "typo",
        "holdout",
        "fill",
        lambda f: f["customers"].with_columns(pl.col("birth_date").fill_null(dt.date(1900, 1, 1))),
    ),
]

ORDER = [
    case(
        "ho-top-incomes",
        "5 highest incomes in churn",
        "terse",
        "holdout",
        "top-n",
        lambda f: f["churn"].sort("income", descending=True, nulls_last=True).head(5),
        sort_key=["income"],
    ),
    case(
        "ho-bottom-tenure",
        "Which three subscribers have the shortest tenure?",
        "question",
        "holdout",
        "top-n",
        lambda f: f["churn"].sort("tenure_months").head(3),
        sort_key=["tenure_months"],
        note="the shortest tenures are negative; they are what the data holds",
    ),
    case(
        "ho-earliest-shipped",
        "Identify the four orders that were shipped earliest.",
        "formal",
        "holdout",
        "top-n",
        lambda f: f["orders"].sort("ship_date", nulls_last=True).head(4),
        sort_key=["ship_date"],
        note="unshipped orders have no ship date and do not count as early",
    ),
    case(
        "ho-sort-cheapest-first",
        "products from cheapest to priciest",
        "paraphrase",
        "holdout",
        "sort",
        lambda f: _by_price(f, nulls_last=True),
        sort_key=["price"],
        alternatives=[lambda f: _by_price(f, nulls_last=False)],
        note="5 prices are missing; the request does not say where they go, so first or last are both fine",
    ),
    case(
        "ho-sort-newest-then-revenue",
        "could you sort orders so the newest are on top, and orders from the same day go from biggest to smallest?",
        "chatty",
        "holdout",
        "sort",
        lambda f: f["orders"].sort(["order_date", "total_revenue"], descending=[True, True]),
        sort_key=["order_date", "total_revenue"],
    ),
]

DERIVED = [
    case(
        "ho-derive-unit-price-cents",
        "show unit prices in cents as an extra column",
        "paraphrase",
        "holdout",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("unit_price") * 100).alias("unit_price_cents")),
    ),
    case(
        "ho-derive-discounted-revenue",
        "orders + column: revenue after 15% discount",
        "terse",
        "holdout",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("total_revenue") * 0.85).alias("discounted_revenue")),
    ),
    case(
        "ho-derive-name-length",
        "how many characters long is each customer's name?",
        "question",
        "holdout",
        "derive",
        lambda f: _name_length(f, trimmed=False),
        alternatives=[lambda f: _name_length(f, trimmed=True)],
        note="8 names carry leading spaces; counting them or not are both accepted",
    ),
    case(
        "ho-derive-birth-year",
        "add the birth yaer of each customer",
        "typo",
        "holdout",
        "derive",
        lambda f: f["customers"].with_columns(pl.col("birth_date").dt.year().alias("birth_year")),
    ),
    case(
        "ho-derive-order-quarter",
        "it'd be great to have the quarter each order was placed in as a column",
        "chatty",
        "holdout",
        "derive",
        lambda f: f["orders"].with_columns(pl.col("order_date").dt.quarter().alias("quarter")),
        note="the quarter as its number, 1 to 4",
    ),
    case(
        "ho-derive-tenure-years",
        "Add a column tenure_years to churn, equal to tenure_months divided by 12.",
        "formal",
        "holdout",
        "derive",
        lambda f: f["churn"].with_columns((pl.col("tenure_months") / 12).alias("tenure_years")),
        strict_names=["tenure_years"],
    ),
    case(
        "ho-derive-signup-year",
        "the year each customer signed up, as a new column",
        "paraphrase",
        "holdout",
        "derive",
        lambda f: _signup_year(f, truth.signup_day()),
        alternatives=[lambda f: _signup_year(f, truth.iso_signup_day())],
        note=SIGNUP_NOTE,
    ),
]

CASES = [*COLUMNS, *DUPLICATES_AND_GAPS, *ORDER, *DERIVED]
