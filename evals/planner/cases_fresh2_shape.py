"""Fresh2 cases that reshape one dataset: pick, drop and rename columns, sort, rank, dedupe, distinct values."""

from __future__ import annotations

import polars as pl

from evals.planner.model import case

SELECT = [
    case(
        "f2-select-churn-profile",
        "churn: age, income, region only",
        "terse",
        "fresh2",
        "select",
        lambda f: f["churn"].select("age", "income", "region"),
        columns="exact",
    ),
    case(
        "f2-select-product-basics",
        "just each product's code, its name and what it costs",
        "paraphrase",
        "fresh2",
        "select",
        lambda f: f["products"].select("product_id", "name", "price"),
        columns="exact",
        note="the code is product_id, what it costs is price",
    ),
    case(
        "f2-drop-income-region",
        "Remove the income and region columns from the churn data.",
        "formal",
        "fresh2",
        "drop",
        lambda f: f["churn"].drop("income", "region"),
        columns="exact",
    ),
    case(
        "f2-rename-quantity",
        "renmae quantity to units in ordres",
        "typo",
        "fresh2",
        "rename",
        lambda f: f["orders"].rename({"quantity": "units"}),
        strict_names=["units"],
    ),
    case(
        "f2-rename-contact",
        "Could you rename email to email_address and phone to phone_number in customers?",
        "question",
        "fresh2",
        "rename",
        lambda f: f["customers"].rename({"email": "email_address", "phone": "phone_number"}),
        strict_names=["email_address", "phone_number"],
    ),
]

ORDERING = [
    case(
        "f2-sort-charges",
        "could you sort the subscribers by monthly charges, priciest first? thanks",
        "chatty",
        "fresh2",
        "sort",
        lambda f: f["churn"].sort("monthly_charges", descending=True),
        sort_key=["monthly_charges"],
    ),
    case(
        "f2-sort-birth",
        "customers sorted by when they were born, earliest first",
        "paraphrase",
        "fresh2",
        "sort",
        lambda f: f["customers"].sort("birth_date", nulls_last=True),
        sort_key=["birth_date"],
        alternatives=[lambda f: f["customers"].sort("birth_date", nulls_last=False)],
        note="194 customers have no birth_date; first or last are both fine",
    ),
    case(
        "f2-top-largest-quantity",
        "Which 10 orders had the largest quantities?",
        "question",
        "fresh2",
        "top-n",
        lambda f: f["orders"].sort("quantity", descending=True).head(10),
        sort_key=["quantity"],
        note="the ten are the outliers of 250 to 920 units, no ties",
    ),
    case(
        "f2-top-cheapest",
        "Show the seven lowest-priced products.",
        "formal",
        "fresh2",
        "top-n",
        lambda f: f["products"].filter(pl.col("price").is_not_null()).sort("price").head(7),
        sort_key=["price"],
        note="three prices are negative and are the lowest; the 5 products without a price are not among them",
    ),
]

DISTINCT = [
    case(
        "f2-distinct-internet",
        "distinct intenet services in churn",
        "typo",
        "fresh2",
        "distinct",
        lambda f: f["churn"].select("internet_service").unique(),
        columns="exact",
        note="'none' is a stored value, not a missing one",
    ),
    case(
        "f2-distinct-segments",
        "hey, what customer segments do we actually have? just the unique values please",
        "chatty",
        "fresh2",
        "distinct",
        lambda f: f["customers"].select("segment").unique(),
        columns="exact",
    ),
    case(
        "f2-dedupe-order-max-revenue",
        "dedupe orders by order_id keeping max revenue",
        "terse",
        "fresh2",
        "deduplicate",
        lambda f: f["orders"].group_by("order_id").agg(pl.col("total_revenue").max()),
        note=(
            "40 orders are stored twice and 15 ids are reused by another order; only order_id and the revenue kept"
            " are checked"
        ),
    ),
    case(
        "f2-dedupe-email",
        "Keep one row per email address in the customers table.",
        "formal",
        "fresh2",
        "deduplicate",
        lambda f: f["customers"].select("email").unique(),
        alternatives=[lambda f: f["customers"].select(pl.col("email").str.to_lowercase()).unique()],
        note=(
            "only the emails are checked, since the request leaves open which row of an address is kept; some are"
            " stored again in upper case, and treating those as the same address (lower-cased) is accepted too"
        ),
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
