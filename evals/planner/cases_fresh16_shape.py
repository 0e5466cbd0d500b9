"""Fresh16 cases that reshape one dataset: pick, drop and rename columns, sort, limit, distinct values, copies."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import case

SELECT = [
    case(
        "f16-select-order-id-date-status",
        "orders: order_id, order_date, status. nothing else",
        "terse",
        "fresh16",
        "select",
        lambda f: f["orders"].select("order_id", "order_date", "status"),
        columns="exact",
        note="orders.order_id, order_date and status (as stored), nothing else; every row as stored",
    ),
    case(
        "f16-select-churn-ref-region-split",
        "yo! mind trimming churn to customer_ref, region and split? my notebook chokes on the full width,"
        " thanks a bunch",
        "chatty",
        "fresh16",
        "select",
        lambda f: f["churn"].select("customer_ref", "region", "split"),
        columns="exact",
        note="churn.customer_ref, region (blank where missing) and split, nothing else; every row as stored",
    ),
    case(
        "f16-drop-product-weight",
        "Provide the products table without its weight column.",
        "formal",
        "fresh16",
        "drop",
        lambda f: f["products"].drop("weight"),
        columns="exact",
        note="products without weight; product_id, name, category and price kept",
    ),
    case(
        "f16-rename-birth-date-dob",
        "custmers tabel, birth_date shoud be calld dob",
        "typo",
        "fresh16",
        "rename",
        lambda f: f["customers"].rename({"birth_date": "dob"}),
        strict_names=["dob"],
        note="customers.birth_date renamed dob, its dates (and the 194 missing ones) as stored",
    ),
    case(
        "f16-rename-country-ship-country",
        "Would it be possible to have the orders' country renamed to ship_country?",
        "question",
        "fresh16",
        "rename",
        lambda f: f["orders"].rename({"country": "ship_country"}),
        strict_names=["ship_country"],
        note="orders.country renamed ship_country, every other column as stored",
    ),
]

ORDERING = [
    case(
        "f16-sort-products-by-name",
        "our range of products put in alphabetical order by what they're called",
        "paraphrase",
        "fresh16",
        "sort",
        lambda f: f["products"].sort("name"),
        sort_key=["name"],
        note="products.name ascending, A to Z ('Basic Bike Helmet 42' first); the 200 names are distinct and"
        " plain ASCII, so every collation agrees",
    ),
    case(
        "f16-sort-orders-newest-first",
        "every order, the most recently placed ones at the top",
        "paraphrase",
        "fresh16",
        "sort",
        lambda f: f["orders"].sort("order_date", descending=True),
        sort_key=["order_date"],
        note="orders.order_date descending, the far-future dates (2035 down to 2031) first as stored; none is"
        " missing; ties in any order",
    ),
    case(
        "f16-bottom-five-revenues",
        "the 5 ordrs wih the smalest revnue",
        "typo",
        "fresh16",
        "top-n",
        lambda f: f["orders"].sort("total_revenue").head(5),
        sort_key=["total_revenue"],
        alternatives=[lambda f: f["orders"].filter(pl.col("total_revenue") >= 0).sort("total_revenue").head(5)],
        note="the five lowest orders.total_revenue, lowest first: the negative revenues (-4,011.12 up to -696.27)"
        " as stored, or left out as refunds or errors; currencies as stored; no tie at the fifth either way",
    ),
    case(
        "f16-top-twelve-smallest-monthly-charges",
        "Provide the twelve subscribers paying the smallest monthly charges, in ascending order.",
        "formal",
        "fresh16",
        "top-n",
        lambda f: f["churn"].sort("monthly_charges").head(12),
        sort_key=["monthly_charges"],
        note="the twelve lowest churn.monthly_charges (10.05 up to 10.79), lowest first; none is missing; no tie"
        " at the twelfth",
    ),
    case(
        "f16-sort-most-support-calls-first",
        "hi! could you sort the churn table so whoever phoned support the most comes first? the help desk"
        " lead wants to ring a few of them back, cheers",
        "chatty",
        "fresh16",
        "sort",
        lambda f: f["churn"].sort("support_calls", descending=True),
        sort_key=["support_calls"],
        note="churn.support_calls descending (10 down to 0); none is missing; ties in any order",
    ),
]

DISTINCT = [
    case(
        "f16-distinct-order-currencies",
        "Which currencies have orders been paid in?",
        "question",
        "fresh16",
        "distinct",
        lambda f: f["orders"].select("currency").unique(),
        columns="exact",
        alternatives=[lambda f: f["orders"].select(truth.currency().alias("currency")).unique()],
        note="orders.currency, each once: the six stored spellings, or the three currencies with the euro's four"
        " spellings ('EUR', 'Euro', 'eur', '€') as one",
    ),
    case(
        "f16-distinct-internet-services",
        "internet_service values in churn, deduped",
        "terse",
        "fresh16",
        "distinct",
        lambda f: f["churn"].select("internet_service").unique(),
        columns="exact",
        note="churn.internet_service: three values ('fiber', 'dsl', 'none'), stored one way",
    ),
    case(
        "f16-dedupe-customer-copies",
        "the customer list with any row that's an exact repeat of another one taken out",
        "paraphrase",
        "fresh16",
        "deduplicate",
        lambda f: f["customers"].unique(),
        note="the 30 whole-row customer copies kept once (1,970 rows); the 15 reused customer_ids whose rows"
        " differ keep both rows",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
