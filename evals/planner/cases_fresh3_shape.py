"""Fresh3 cases that reshape one dataset: pick, drop and rename columns, sort, rank, dedupe, distinct values."""

from __future__ import annotations

from evals.planner import truth
from evals.planner.model import case

SELECT = [
    case(
        "f3-select-order-pricing",
        "orders: order_id, quantity, unit_price only",
        "terse",
        "fresh3",
        "select",
        lambda f: f["orders"].select("order_id", "quantity", "unit_price"),
        columns="exact",
    ),
    case(
        "f3-select-tenure-outcome",
        "for each subscriber just their reference, how long they've been with us and whether they left",
        "paraphrase",
        "fresh3",
        "select",
        lambda f: f["churn"].select("customer_ref", "tenure_months", "churned"),
        columns="exact",
        note="the reference is customer_ref, how long is tenure_months, whether they left is churned",
    ),
    case(
        "f3-drop-weight-category",
        "could you drop the weight and category columns from products? don't need them",
        "chatty",
        "fresh3",
        "drop",
        lambda f: f["products"].drop("weight", "category"),
        columns="exact",
    ),
    case(
        "f3-rename-tenure-calls",
        "Rename tenure_months to tenure and support_calls to calls in the churn data.",
        "formal",
        "fresh3",
        "rename",
        lambda f: f["churn"].rename({"tenure_months": "tenure", "support_calls": "calls"}),
        strict_names=["tenure", "calls"],
    ),
    case(
        "f3-rename-signup",
        "in custmers rename signup_date to joined_on",
        "typo",
        "fresh3",
        "rename",
        lambda f: f["customers"].rename({"signup_date": "joined_on"}),
        strict_names=["joined_on"],
        note="the text is kept as stored; only the name changes",
    ),
]

ORDERING = [
    case(
        "f3-sort-product-names",
        "Can you sort the products alphabetically by name?",
        "question",
        "fresh3",
        "sort",
        lambda f: f["products"].sort("name"),
        sort_key=["name"],
        note="every name is in title case and unique, so case-sensitive and case-blind sorting agree",
    ),
    case(
        "f3-sort-income-desc",
        "sort churn by incme, highest frist",
        "typo",
        "fresh3",
        "sort",
        lambda f: f["churn"].sort("income", descending=True, nulls_last=True),
        sort_key=["income"],
        alternatives=[lambda f: f["churn"].sort("income", descending=True, nulls_last=False)],
        note="114 rows have no income; first or last are both fine",
    ),
    case(
        "f3-top-total-charges",
        "top 10 subscribers by total charges",
        "terse",
        "fresh3",
        "top-n",
        lambda f: f["churn"].sort("total_charges", descending=True, nulls_last=True).head(10),
        sort_key=["total_charges"],
        note="the 79 rows without total_charges are not among the top; no tie at the tenth place",
    ),
    case(
        "f3-top-latest-orders",
        "Show the three most recently placed orders.",
        "formal",
        "fresh3",
        "top-n",
        lambda f: f["orders"].sort("order_date", descending=True).head(3),
        sort_key=["order_date"],
        note="by order_date; the latest three are among the dozen dated years ahead (2035), as stored",
    ),
]

DISTINCT = [
    case(
        "f3-distinct-regions",
        "the different areas our subscribers are in",
        "paraphrase",
        "fresh3",
        "distinct",
        lambda f: f["churn"].select("region").unique(),
        columns="exact",
        alternatives=[lambda f: f["churn"].select("region").drop_nulls().unique()],
        note="the areas are region; 60 rows have none, and listing that gap as a value or not are both fine",
    ),
    case(
        "f3-distinct-country-currency",
        "List the distinct combinations of country and currency in the orders table.",
        "formal",
        "fresh3",
        "distinct",
        lambda f: f["orders"].select("country", "currency").unique(),
        columns="exact",
        alternatives=[lambda f: f["orders"].select("country", truth.currency().alias("currency")).unique()],
        note="18 pairs as stored, since 'eur', 'Euro' and '€' are written next to EUR; folding those into EUR first"
        " (7 pairs) is accepted too",
    ),
    case(
        "f3-dedupe-product-id-first",
        "hey, products has a few repeated product ids, could you keep just the first row for each one?",
        "chatty",
        "fresh3",
        "deduplicate",
        lambda f: f["products"].unique("product_id", keep="first", maintain_order=True),
        note="4 product_ids are reused by a second, different product further down; the earlier row stays",
    ),
    case(
        "f3-dedupe-customer-id-first",
        "Could you dedupe customers on customer_id, keeping the first row of each?",
        "question",
        "fresh3",
        "deduplicate",
        lambda f: f["customers"].unique("customer_id", keep="first", maintain_order=True),
        note="45 ids are stored twice (30 exact copies, 15 reused by another person); the earlier row in the file"
        " stays",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
