"""Fresh11 cases that reshape one dataset: pick, drop and rename columns, sort, limit, distinct values, copies."""

from __future__ import annotations

import polars as pl

from evals.planner.model import case

SELECT = [
    case(
        "f11-select-product-name-price",
        "Could I see only the product names alongside what each one costs?",
        "question",
        "fresh11",
        "select",
        lambda f: f["products"].select("name", "price"),
        columns="exact",
        note="products.name and price, nothing else",
    ),
    case(
        "f11-select-customer-contact",
        "cust id + email + phone only",
        "terse",
        "fresh11",
        "select",
        lambda f: f["customers"].select("customer_id", "email", "phone"),
        columns="exact",
    ),
    case(
        "f11-drop-phone-email",
        "custmers witout the phne numbr and emial adress colums",
        "typo",
        "fresh11",
        "drop",
        lambda f: f["customers"].drop("phone", "email"),
        columns="exact",
    ),
    case(
        "f11-rename-fee-months-active",
        "Within the churn data, kindly rename monthly_charges to monthly_fee and tenure_months to months_active.",
        "formal",
        "fresh11",
        "rename",
        lambda f: f["churn"].rename({"monthly_charges": "monthly_fee", "tenure_months": "months_active"}),
        strict_names=["monthly_fee", "months_active"],
    ),
    case(
        "f11-rename-country-destination",
        "the orders, with the heading that says where each parcel went retitled destination",
        "paraphrase",
        "fresh11",
        "rename",
        lambda f: f["orders"].rename({"country": "destination"}),
        strict_names=["destination"],
        note="where a parcel went is orders.country, its values kept as stored",
    ),
]

ORDERING = [
    case(
        "f11-sort-longest-serving-first",
        "hey there, could you line the subscribers up from longest-serving to newest? working out loyalty tiers,"
        " cheers",
        "chatty",
        "fresh11",
        "sort",
        lambda f: f["churn"].sort("tenure_months", descending=True),
        sort_key=["tenure_months"],
        note="tenure_months descending, the negative tenures last; ties in any order",
    ),
    case(
        "f11-sort-unit-price-lowest-first",
        "ordres sortd by unit prise, lowst on top",
        "typo",
        "fresh11",
        "sort",
        lambda f: f["orders"].sort("unit_price"),
        sort_key=["unit_price"],
        note="unit_price ascending, the negative prices first; ties in any order",
    ),
    case(
        "f11-sort-birth-date-oldest-first",
        "Order the customers by date of birth, eldest first, placing unknown dates at the end.",
        "formal",
        "fresh11",
        "sort",
        lambda f: f["customers"].sort("birth_date", nulls_last=True),
        sort_key=["birth_date"],
        note="birth_date ascending (eldest first), the customers without a birth date last",
    ),
    case(
        "f11-top-six-biggest-orders",
        "the half-dozen biggest orders by takings",
        "paraphrase",
        "fresh11",
        "top-n",
        lambda f: f["orders"].sort("total_revenue", descending=True).head(6),
        sort_key=["total_revenue"],
        note="the six highest total_revenue (282,321.00 down to 176,741.88), largest first, currencies as stored;"
        " no tie at the sixth",
    ),
    case(
        "f11-top-four-cheapest-products",
        "What are the four lowest-priced products we sell?",
        "question",
        "fresh11",
        "top-n",
        lambda f: f["products"].sort("price", nulls_last=True).head(4),
        sort_key=["price"],
        alternatives=[lambda f: f["products"].filter(pl.col("price") >= 0).sort("price").head(4)],
        note="the four lowest products.price, lowest first, the negative prices among them as stored or left out"
        " as impossible; missing prices are not lowest",
    ),
]

DISTINCT = [
    case(
        "f11-distinct-payment-methods",
        "each way subscribers settle their bill, listed once apiece",
        "paraphrase",
        "fresh11",
        "distinct",
        lambda f: f["churn"].select("payment_method").unique(),
        columns="exact",
        note="churn.payment_method: four values, each stored one way",
    ),
    case(
        "f11-distinct-payment-internet-pairs",
        "hi! which payment and internet pairings crop up among our subscribers? each pairing once please, thanks a lot",
        "chatty",
        "fresh11",
        "distinct",
        lambda f: f["churn"].select("payment_method", "internet_service").unique(),
        columns="exact",
        note="distinct (payment_method, internet_service) pairs, both stored one way",
    ),
    case(
        "f11-dedupe-customers-exact-copies",
        "customers minus exact dupes",
        "terse",
        "fresh11",
        "deduplicate",
        lambda f: f["customers"].unique(),
        note="the 30 whole-row copies kept once; the 15 reused customer_ids whose rows differ are both kept",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
