"""Fresh7 cases that reshape one dataset: pick, drop and rename columns, sort, limit, dedupe, distinct values."""

from __future__ import annotations

import polars as pl

from evals.planner.model import Frames, case


def _sorted(f: Frames, dataset: str, column: str, descending: bool, nulls_last: bool) -> pl.DataFrame:
    return f[dataset].sort(column, descending=descending, nulls_last=nulls_last)


SELECT = [
    case(
        "f7-select-name-email-segment",
        "Can I see just the name, email and segment of every customer?",
        "question",
        "fresh7",
        "select",
        lambda f: f["customers"].select("name", "email", "segment"),
        columns="exact",
    ),
    case(
        "f7-select-product-name-price",
        "products name price only",
        "terse",
        "fresh7",
        "select",
        lambda f: f["products"].select("name", "price"),
        columns="exact",
    ),
    case(
        "f7-drop-currency-ship-date",
        "remvoe the currncy and ship_date colums from orders",
        "typo",
        "fresh7",
        "drop",
        lambda f: f["orders"].drop("currency", "ship_date"),
        columns="exact",
    ),
    case(
        "f7-rename-has-left-monthly-fee",
        "In the churn data, rename churned to has_left and monthly_charges to monthly_fee.",
        "formal",
        "fresh7",
        "rename",
        lambda f: f["churn"].rename({"churned": "has_left", "monthly_charges": "monthly_fee"}),
        strict_names=["has_left", "monthly_fee"],
    ),
    case(
        "f7-rename-segment-customer-tier",
        "customers, with the segment heading changed to customer_tier",
        "paraphrase",
        "fresh7",
        "rename",
        lambda f: f["customers"].rename({"segment": "customer_tier"}),
        strict_names=["customer_tier"],
        note="the heading of a column is its name: segment becomes customer_tier",
    ),
]

ORDERING = [
    case(
        "f7-sort-products-dearest-first",
        "morning! could you sort the product list from most to least expensive? cheers",
        "chatty",
        "fresh7",
        "sort",
        lambda f: _sorted(f, "products", "price", descending=True, nulls_last=True),
        sort_key=["price"],
        alternatives=[lambda f: _sorted(f, "products", "price", descending=True, nulls_last=False)],
        note="price descending, the outliers of tens of thousands first; the five missing prices at the end or at"
        " the start",
    ),
    case(
        "f7-top-five-lifetime-bills",
        "the five subscribers who have been billed the most over their whole time with us",
        "paraphrase",
        "fresh7",
        "top-n",
        lambda f: f["churn"].sort("total_charges", descending=True, nulls_last=True).head(5),
        sort_key=["total_charges"],
        note="billed over their whole time is total_charges: the five highest (7,872.49 down to 7,099.99), no ties;"
        " missing totals are not the highest",
    ),
    case(
        "f7-limit-first-twenty-orders",
        "first 20 rows of orders",
        "terse",
        "fresh7",
        "limit",
        lambda f: f["orders"].head(20),
        note="the first twenty rows as stored (O000001 to O000020), in any order",
    ),
    case(
        "f7-sort-customers-youngest-first",
        "Could you list the customers from youngest to oldest by age?",
        "question",
        "fresh7",
        "sort",
        lambda f: _sorted(f, "customers", "age", descending=False, nulls_last=True),
        sort_key=["age"],
        alternatives=[lambda f: _sorted(f, "customers", "age", descending=False, nulls_last=False)],
        note="age ascending as stored (the ten negative ages come first); the 194 missing ages at the end or start",
    ),
    case(
        "f7-top-three-quantities",
        "top 3 ordrs by quantitiy",
        "typo",
        "fresh7",
        "top-n",
        lambda f: f["orders"].sort("quantity", descending=True).head(3),
        sort_key=["quantity"],
        note="the three largest quantities (920, 884, 846), no ties",
    ),
]

DISTINCT = [
    case(
        "f7-distinct-payment-methods",
        "List the distinct payment methods in the churn data.",
        "formal",
        "fresh7",
        "distinct",
        lambda f: f["churn"].select("payment_method").unique(),
        columns="exact",
        note="four values, each spelled one way",
    ),
    case(
        "f7-dedupe-customer-exact-copies",
        "hey, customers has some rows that are exact copies of each other, could you drop the repeats so each"
        " appears once?",
        "chatty",
        "fresh7",
        "deduplicate",
        lambda f: f["customers"].unique(),
        note="whole-row duplicates removed: 30 copies go, 1,970 rows stay (the 15 reused ids differ in other"
        " columns and stay twice)",
    ),
    case(
        "f7-dedupe-priciest-per-product-id",
        "Some product_ids appear twice in products; can you keep only the more expensive row of each id?",
        "question",
        "fresh7",
        "deduplicate",
        lambda f: f["products"].sort("price", descending=True, nulls_last=True).unique("product_id", keep="first"),
        note="one row per product_id, the higher price where an id is reused (P0011, P0033, P0065 and P0122 keep"
        " Smart Blender 24, Deluxe Dumbbell 90, Compact Monitor 63 and Compact Headphones 75): 196 rows; the other"
        " ids are on one row each, the five without a price included",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
