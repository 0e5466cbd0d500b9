"""Fresh10 cases that reshape one dataset: pick, drop and rename columns, sort, limit, distinct values, one per key."""

from __future__ import annotations

from evals.planner.model import case

SELECT = [
    case(
        "f10-select-ref-contract-charge",
        "Can I have just each subscriber's reference, contract and monthly charge?",
        "question",
        "fresh10",
        "select",
        lambda f: f["churn"].select("customer_ref", "contract", "monthly_charges"),
        columns="exact",
        note="churn.customer_ref, contract (as stored) and monthly_charges, nothing else",
    ),
    case(
        "f10-select-order-status-country",
        "order_id + status + country, orders table",
        "terse",
        "fresh10",
        "select",
        lambda f: f["orders"].select("order_id", "status", "country"),
        columns="exact",
    ),
    case(
        "f10-drop-split-region",
        "get rid of the splt and regon colums in churn",
        "typo",
        "fresh10",
        "drop",
        lambda f: f["churn"].drop("split", "region"),
        columns="exact",
    ),
    case(
        "f10-rename-price-each-dispatched",
        "In the orders data, please rename unit_price to price_each and ship_date to dispatched_on.",
        "formal",
        "fresh10",
        "rename",
        lambda f: f["orders"].rename({"unit_price": "price_each", "ship_date": "dispatched_on"}),
        strict_names=["price_each", "dispatched_on"],
    ),
    case(
        "f10-rename-category-department",
        "the product list, but with the heading for the range each item belongs to relabelled as department",
        "paraphrase",
        "fresh10",
        "rename",
        lambda f: f["products"].rename({"category": "department"}),
        strict_names=["department"],
        note="the range an item belongs to is products.category, its values kept as stored",
    ),
]

ORDERING = [
    case(
        "f10-sort-orders-fewest-units",
        "hiya, could you put the orders in order of how many units were bought, smallest first? checking the odd"
        " negatives, ta",
        "chatty",
        "fresh10",
        "sort",
        lambda f: f["orders"].sort("quantity"),
        sort_key=["quantity"],
        note="quantity ascending, the negative quantities (down to -4) first; ties in any order",
    ),
    case(
        "f10-sort-support-calls-most-first",
        "churn sortd by suport calls, most frist",
        "typo",
        "fresh10",
        "sort",
        lambda f: f["churn"].sort("support_calls", descending=True),
        sort_key=["support_calls"],
        note="support_calls descending (10 down to 0); ties in any order",
    ),
    case(
        "f10-sort-products-price-unpriced-last",
        "Arrange the products by price in ascending order, with those lacking a price placed last.",
        "formal",
        "fresh10",
        "sort",
        lambda f: f["products"].sort("price", nulls_last=True),
        sort_key=["price"],
        note="price ascending (the negative prices first), the five products without a price at the end",
    ),
    case(
        "f10-top-three-earners",
        "the three highest earners among our subscribers",
        "paraphrase",
        "fresh10",
        "top-n",
        lambda f: f["churn"].sort("income", descending=True, nulls_last=True).head(3),
        sort_key=["income"],
        note="the three highest churn.income (400,000, 278,700, 240,300), largest first; missing incomes are not"
        " highest",
    ),
    case(
        "f10-top-eight-latest-orders",
        "What are the eight most recent orders?",
        "question",
        "fresh10",
        "top-n",
        lambda f: f["orders"].sort("order_date", descending=True).head(8),
        sort_key=["order_date"],
        note="the eight latest order_date as stored, which are the far-future dates (2035-05-12 down to"
        " 2032-06-16), newest first; no tie at the eighth",
    ),
]

DISTINCT = [
    case(
        "f10-distinct-customer-tiers",
        "every customer tier we have, each named once",
        "paraphrase",
        "fresh10",
        "distinct",
        lambda f: f["customers"].select("segment").unique(),
        columns="exact",
        note="a customer's tier is customers.segment: consumer, smb and enterprise, each spelled one way",
    ),
    case(
        "f10-distinct-region-internet-pairs",
        "hey! which combos of region and internet type actually turn up among subscribers? each combo once please, ta",
        "chatty",
        "fresh10",
        "distinct",
        lambda f: f["churn"].select("region", "internet_service").unique(),
        columns="exact",
        alternatives=[lambda f: f["churn"].select("region", "internet_service").drop_nulls().unique()],
        note="distinct (region, internet_service) pairs: 15 with a region, plus the three with no region listed"
        " or left out",
    ),
    case(
        "f10-dedupe-product-keep-cheaper",
        "products: one row per product_id, keep the cheaper",
        "terse",
        "fresh10",
        "deduplicate",
        lambda f: f["products"].sort("price", nulls_last=True).unique("product_id", keep="first"),
        note="four product_ids are stored on two rows naming different products (P0011, P0033, P0065, P0122),"
        " all priced: the lower-priced row of each is kept, every other product as stored (196 rows)",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
