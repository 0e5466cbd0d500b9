"""Fresh cases that reshape one dataset: pick, drop and rename columns, sort, rank, dedupe, distinct values."""

from __future__ import annotations

import polars as pl

from evals.planner.model import case

SELECT = [
    case(
        "fr-select-contact",
        "customers name email phone",
        "terse",
        "fresh",
        "select",
        lambda f: f["customers"].select("name", "email", "phone"),
        columns="exact",
    ),
    case(
        "fr-select-order-dates",
        "Could you give me just the order id together with when it was ordered and when it shipped?",
        "question",
        "fresh",
        "select",
        lambda f: f["orders"].select("order_id", "order_date", "ship_date"),
        columns="exact",
    ),
    case(
        "fr-drop-weight",
        "products but get rid of the wieght column",
        "typo",
        "fresh",
        "drop",
        lambda f: f["products"].drop("weight"),
        columns="exact",
    ),
    case(
        "fr-rename-charges",
        "in churn, please rename monthly_charges to monthly_fee and total_charges to lifetime_fee",
        "chatty",
        "fresh",
        "rename",
        lambda f: f["churn"].rename({"monthly_charges": "monthly_fee", "total_charges": "lifetime_fee"}),
        strict_names=["monthly_fee", "lifetime_fee"],
    ),
    case(
        "fr-rename-price",
        "Rename the price column of the products dataset to list_price.",
        "formal",
        "fresh",
        "rename",
        lambda f: f["products"].rename({"price": "list_price"}),
        strict_names=["list_price"],
    ),
]

ORDERING = [
    case(
        "fr-sort-newest-orders",
        "can you sort the orders so the most recent ones come first? cheers",
        "chatty",
        "fresh",
        "sort",
        lambda f: f["orders"].sort("order_date", descending=True),
        sort_key=["order_date"],
    ),
    case(
        "fr-sort-youngest",
        "Sort the customers by age in ascending order.",
        "formal",
        "fresh",
        "sort",
        lambda f: f["customers"].sort("age", nulls_last=True),
        sort_key=["age"],
        alternatives=[lambda f: f["customers"].sort("age", nulls_last=False)],
        note="194 customers have no age; where they go is not checked beyond the sort key",
    ),
    case(
        "fr-sort-tenure-longest",
        "churn sorted by tenure longest to shortest",
        "terse",
        "fresh",
        "sort",
        lambda f: f["churn"].sort("tenure_months", descending=True),
        sort_key=["tenure_months"],
    ),
    case(
        "fr-top-five-expensive",
        "what are the 5 most expensive products?",
        "question",
        "fresh",
        "top-n",
        lambda f: f["products"].filter(pl.col("price").is_not_null()).sort("price", descending=True).head(5),
        sort_key=["price"],
        note="5 products have no price; they are not among the most expensive",
    ),
    case(
        "fr-top-smallest-orders",
        "the ten orders with the lowest revenue please, I want to check them",
        "chatty",
        "fresh",
        "top-n",
        lambda f: f["orders"].sort("total_revenue").head(10),
        sort_key=["total_revenue"],
        note="some orders have negative revenue; they are the lowest and are kept",
    ),
    case(
        "fr-top-highest-earners",
        "top 20 subscribrs by incom",
        "typo",
        "fresh",
        "top-n",
        lambda f: f["churn"].filter(pl.col("income").is_not_null()).sort("income", descending=True).head(20),
        sort_key=["income"],
        note="114 rows have no income; they are not among the top",
    ),
]

DISTINCT = [
    case(
        "fr-distinct-cities",
        "every distinct city our customers live in",
        "paraphrase",
        "fresh",
        "distinct",
        lambda f: f["customers"].select("city").unique(),
        columns="exact",
        alternatives=[lambda f: f["customers"].select("city").drop_nulls().unique()],
        note="121 customers have no city; leaving the missing city out is accepted too",
    ),
    case(
        "fr-distinct-payment-methods",
        "Which payment methods do subscribers use?",
        "question",
        "fresh",
        "distinct",
        lambda f: f["churn"].select("payment_method").unique(),
        columns="exact",
    ),
    case(
        "fr-dedupe-customers",
        "Remove the duplicate rows from the customers dataset.",
        "formal",
        "fresh",
        "deduplicate",
        lambda f: f["customers"].unique(maintain_order=True),
        note="whole-row duplicates only",
    ),
    case(
        "fr-dedupe-one-order-per-customer",
        "one row per customer in orders, keeping their first order",
        "paraphrase",
        "fresh",
        "deduplicate",
        lambda f: f["orders"].group_by("customer_id").agg(pl.col("order_date").min()),
        note="some customers placed two orders on their first day, so only customer_id and the date are checked",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
