"""Fresh6 cases that reshape one dataset: pick, drop and rename columns, sort, rank, dedupe, distinct values."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case


def _newest_signups(f: Frames, day: pl.Expr) -> pl.DataFrame:
    return (
        f["customers"]
        .with_columns(day.alias("_day"))
        .sort("_day", descending=True, nulls_last=True)
        .head(3)
        .drop("_day")
    )


def _cheapest_per_category(f: Frames, folded: bool) -> pl.DataFrame:
    group = truth.category() if folded else pl.col("category")
    rows = f["products"].filter(pl.col("price").is_not_null())
    return rows.filter(pl.col("price") == pl.col("price").min().over(group))


def _contract_types(f: Frames, folded: bool) -> pl.DataFrame:
    kind = truth.contract() if folded else pl.col("contract")
    return f["churn"].select(kind.alias("contract")).unique()


SELECT = [
    case(
        "f6-select-order-status-country",
        "orders: order_id, status, country",
        "terse",
        "fresh6",
        "select",
        lambda f: f["orders"].select("order_id", "status", "country"),
        columns="exact",
    ),
    case(
        "f6-select-ref-income-churned",
        "show churn custmer_ref, incom and churnd colums only",
        "typo",
        "fresh6",
        "select",
        lambda f: f["churn"].select("customer_ref", "income", "churned"),
        columns="exact",
    ),
    case(
        "f6-select-product-id-category-weight",
        "hiya, for the products table I only need the id, the category and the weight, could you cut it down to those?",
        "chatty",
        "fresh6",
        "select",
        lambda f: f["products"].select("product_id", "category", "weight"),
        columns="exact",
        note="the id is product_id",
    ),
    case(
        "f6-drop-email-phone-test-flag",
        "Exclude the email, phone and is_test_account columns from the customers output.",
        "formal",
        "fresh6",
        "drop",
        lambda f: f["customers"].drop("email", "phone", "is_test_account"),
        columns="exact",
    ),
    case(
        "f6-drop-age-income",
        "Could you take the age and income columns out of the churn data?",
        "question",
        "fresh6",
        "drop",
        lambda f: f["churn"].drop("age", "income"),
        columns="exact",
    ),
    case(
        "f6-rename-order-number-destination",
        "orders, but with order_id relabelled order_number and country relabelled destination",
        "paraphrase",
        "fresh6",
        "rename",
        lambda f: f["orders"].rename({"order_id": "order_number", "country": "destination"}),
        strict_names=["order_number", "destination"],
    ),
    case(
        "f6-rename-date-of-birth",
        "Rename birth_date to date_of_birth in the customers dataset.",
        "formal",
        "fresh6",
        "rename",
        lambda f: f["customers"].rename({"birth_date": "date_of_birth"}),
        strict_names=["date_of_birth"],
    ),
]

ORDERING = [
    case(
        "f6-sort-country-newest-first",
        "sort ordrs by country and then newest date frist",
        "typo",
        "fresh6",
        "sort",
        lambda f: f["orders"].sort(["country", "order_date"], descending=[False, True]),
        sort_key=["country", "order_date"],
        note="orders.country A to Z, then order_date newest first within a country; the date is order_date",
    ),
    case(
        "f6-sort-most-support-calls",
        "Can you sort the subscribers by how many support calls they've made, most first?",
        "question",
        "fresh6",
        "sort",
        lambda f: f["churn"].sort("support_calls", descending=True),
        sort_key=["support_calls"],
        note="support_calls descending; subscribers with the same count in any order",
    ),
    case(
        "f6-top-eight-cheapest-valid",
        "hey, which 8 products are the cheapest? negative prices are data errors, leave those out",
        "chatty",
        "fresh6",
        "top-n",
        lambda f: f["products"].filter(pl.col("price") >= 0).sort("price").head(8),
        sort_key=["price"],
        note="prices of zero or more, the eight lowest, cheapest first (5.46 to 10.42); missing prices are not the"
        " cheapest; two rows share P0033 but only one is among the eight",
    ),
    case(
        "f6-top-three-latest-signups",
        "the three customers who joined most recently",
        "paraphrase",
        "fresh6",
        "top-n",
        lambda f: _newest_signups(f, truth.signup_day()),
        alternatives=[lambda f: _newest_signups(f, truth.iso_signup_day())],
        note="joining is signing up; signup_date is text in four formats, so it must be read as a date (sorting the"
        " text puts 'September 14, 2019' first); the three latest are future dates (2035-11-15, 2035-02-04,"
        " 2034-10-22), written YYYY-MM-DD, so reading only that format gives the same rows; any order",
    ),
]

DISTINCT = [
    case(
        "f6-dedupe-cheapest-per-category",
        "cheapst prodcut in each categroy, whole row",
        "typo",
        "fresh6",
        "deduplicate",
        lambda f: _cheapest_per_category(f, folded=True),
        alternatives=[lambda f: _cheapest_per_category(f, folded=False)],
        note="one whole products row per category, the one with the lowest price (negative prices are the lowest"
        " in four categories); the category with its spelling variants folded (six rows) or as stored (16 rows) is"
        " accepted; missing prices are never the lowest; no ties",
    ),
    case(
        "f6-distinct-contract-types",
        "churn contract types, distinct",
        "terse",
        "fresh6",
        "distinct",
        lambda f: _contract_types(f, folded=True),
        columns="exact",
        alternatives=[lambda f: _contract_types(f, folded=False)],
        note="the distinct contract values: folded to three (month-to-month, one-year, two-year) or the eight"
        " spellings as stored",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
