"""Fresh8 cases that reshape one dataset: pick, drop and rename columns, sort, limit, dedupe, distinct values."""

from __future__ import annotations

from evals.planner.model import case

SELECT = [
    case(
        "f8-select-order-id-date-revenue",
        "Could I get only the order id, the order date and the revenue for each order?",
        "question",
        "fresh8",
        "select",
        lambda f: f["orders"].select("order_id", "order_date", "total_revenue"),
        columns="exact",
    ),
    case(
        "f8-select-churn-ref-contract-churned",
        "churn: customer_ref, contract, churned",
        "terse",
        "fresh8",
        "select",
        lambda f: f["churn"].select("customer_ref", "contract", "churned"),
        columns="exact",
    ),
    case(
        "f8-drop-phone-email",
        "drop the phnoe and emial columns from custmers",
        "typo",
        "fresh8",
        "drop",
        lambda f: f["customers"].drop("phone", "email"),
        columns="exact",
    ),
    case(
        "f8-rename-price-list-price",
        "In the products data, rename price to list_price.",
        "formal",
        "fresh8",
        "rename",
        lambda f: f["products"].rename({"price": "list_price"}),
        strict_names=["list_price"],
    ),
    case(
        "f8-rename-revenue-units",
        "the orders table but with total_revenue called revenue instead, and quantity called units",
        "paraphrase",
        "fresh8",
        "rename",
        lambda f: f["orders"].rename({"total_revenue": "revenue", "quantity": "units"}),
        strict_names=["revenue", "units"],
    ),
]

ORDERING = [
    case(
        "f8-sort-longest-tenure-first",
        "hey, could you sort the subscribers by how long they've been with us, longest first? thanks",
        "chatty",
        "fresh8",
        "sort",
        lambda f: f["churn"].sort("tenure_months", descending=True),
        sort_key=["tenure_months"],
        note="tenure_months descending (72 down to the negative tenures); no tenure is missing",
    ),
    case(
        "f8-top-ten-smallest-takings",
        "the ten sales that brought in the least money",
        "paraphrase",
        "fresh8",
        "top-n",
        lambda f: f["orders"].sort("total_revenue").head(10),
        sort_key=["total_revenue"],
        note="the ten lowest total_revenue, the negative ones as stored (-4,011.12 up to -100.26), no ties at the"
        " tenth",
    ),
    case(
        "f8-sort-products-by-name",
        "products sorted by name a-z",
        "terse",
        "fresh8",
        "sort",
        lambda f: f["products"].sort("name"),
        sort_key=["name"],
        note="products.name ascending as stored",
    ),
    case(
        "f8-top-three-cheapest-products",
        "What are the 3 cheapest products?",
        "question",
        "fresh8",
        "top-n",
        lambda f: f["products"].sort("price", nulls_last=True).head(3),
        sort_key=["price"],
        note="the three lowest prices as stored, which are the negative ones (-788.7, -236.55, -53.98); missing"
        " prices are not the cheapest",
    ),
    case(
        "f8-sort-orders-by-quantity",
        "sort ordres by quanity, biggest frist",
        "typo",
        "fresh8",
        "sort",
        lambda f: f["orders"].sort("quantity", descending=True),
        sort_key=["quantity"],
        note="quantity descending (920 first); no quantity is missing",
    ),
]

DISTINCT = [
    case(
        "f8-distinct-regions",
        "Provide the set of region values present in churn, each listed once.",
        "formal",
        "fresh8",
        "distinct",
        lambda f: f["churn"].select("region").unique(),
        columns="exact",
        alternatives=[lambda f: f["churn"].select("region").drop_nulls().unique()],
        note="four regions, each spelled one way; the missing region listed as a value or left out",
    ),
    case(
        "f8-distinct-shipping-countries",
        "hi! could you list every country we've shipped orders to, just once each? ta",
        "chatty",
        "fresh8",
        "distinct",
        lambda f: f["orders"].select("country").unique(),
        columns="exact",
        note="orders.country (where orders went), seven codes each stored one way",
    ),
    case(
        "f8-dedupe-order-exact-copies",
        "Can you get rid of the orders that appear twice, identical in every column?",
        "question",
        "fresh8",
        "deduplicate",
        lambda f: f["orders"].unique(),
        note="whole-row duplicates removed: 40 copies go, 9,960 rows stay (the 15 reused order_ids differ in other"
        " columns and stay twice)",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
