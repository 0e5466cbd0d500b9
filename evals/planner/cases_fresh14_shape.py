"""Fresh14 cases that reshape one dataset: pick, drop and rename columns, sort, limit, distinct values, copies."""

from __future__ import annotations

from evals.planner.model import case

SELECT = [
    case(
        "f14-select-order-id-date-revenue",
        "orders: order_id, order_date, total_revenue only",
        "terse",
        "fresh14",
        "select",
        lambda f: f["orders"].select("order_id", "order_date", "total_revenue"),
        columns="exact",
        note="orders.order_id, order_date and total_revenue, nothing else; every row as stored",
    ),
    case(
        "f14-select-churn-ref-contract-charges",
        "hey, could you cut churn back to just customer_ref, contract and monthly_charges? the pricing team"
        " doesn't need the rest, thanks",
        "chatty",
        "fresh14",
        "select",
        lambda f: f["churn"].select("customer_ref", "contract", "monthly_charges"),
        columns="exact",
        note="churn.customer_ref, contract (as stored) and monthly_charges, nothing else",
    ),
    case(
        "f14-drop-product-weight",
        "the product records minus their weight information",
        "paraphrase",
        "fresh14",
        "drop",
        lambda f: f["products"].drop("weight"),
        columns="exact",
        note="products without weight; every other column kept",
    ),
    case(
        "f14-rename-signup-member-since",
        "In the customer dataset, the column signup_date shall henceforth be named member_since.",
        "formal",
        "fresh14",
        "rename",
        lambda f: f["customers"].rename({"signup_date": "member_since"}),
        strict_names=["member_since"],
        note="signup_date renamed member_since, its text as stored",
    ),
    case(
        "f14-rename-support-calls-helpdesk-contacts",
        "Could the support_calls column in churn go by helpdesk_contacts instead?",
        "question",
        "fresh14",
        "rename",
        lambda f: f["churn"].rename({"support_calls": "helpdesk_contacts"}),
        strict_names=["helpdesk_contacts"],
    ),
]

ORDERING = [
    case(
        "f14-sort-priciest-first",
        "the catalogue running from the priciest item down to the cheapest",
        "paraphrase",
        "fresh14",
        "sort",
        lambda f: f["products"].sort("price", descending=True, nulls_last=True),
        sort_key=["price"],
        alternatives=[lambda f: f["products"].sort("price", descending=True, nulls_last=False)],
        note="products.price descending (outliers first, negative prices last among the priced); the five missing"
        " prices last or first; ties in any order",
    ),
    case(
        "f14-sort-income-ascending",
        "churn sorted by income asc",
        "terse",
        "fresh14",
        "sort",
        lambda f: f["churn"].sort("income", nulls_last=True),
        sort_key=["income"],
        alternatives=[lambda f: f["churn"].sort("income", nulls_last=False)],
        note="churn.income ascending, the 114 missing incomes last or first; ties in any order",
    ),
    case(
        "f14-sort-revenue-lowest-first",
        "ordrs sortd by revnue, smalest on top",
        "typo",
        "fresh14",
        "sort",
        lambda f: f["orders"].sort("total_revenue"),
        sort_key=["total_revenue"],
        note="orders.total_revenue ascending, the negative revenues first; none is missing; ties in any order",
    ),
    case(
        "f14-top-three-priciest-products",
        "Which three products carry the steepest price tags?",
        "question",
        "fresh14",
        "top-n",
        lambda f: f["products"].sort("price", descending=True, nulls_last=True).head(3),
        sort_key=["price"],
        note="the three highest products.price (77,555.40, 59,204.88, 55,679.87: outliers), highest first; missing"
        " prices are not expensive; no tie at the third",
    ),
    case(
        "f14-top-twenty-total-charges",
        "Return the twenty churn records with the largest total charges, in descending order.",
        "formal",
        "fresh14",
        "top-n",
        lambda f: f["churn"].sort("total_charges", descending=True, nulls_last=True).head(20),
        sort_key=["total_charges"],
        note="the twenty highest churn.total_charges, highest first; missing totals are not high; no tie at the"
        " twentieth",
    ),
]

DISTINCT = [
    case(
        "f14-distinct-internet-service",
        "hiya, what different internet service options show up in the churn data? just the list is fine, thanks",
        "chatty",
        "fresh14",
        "distinct",
        lambda f: f["churn"].select("internet_service").unique(),
        columns="exact",
        note="churn.internet_service: three values ('fiber', 'dsl', 'none'), stored one way; 'none' is a value",
    ),
    case(
        "f14-distinct-customer-segments",
        "the different segments our customers are grouped into",
        "paraphrase",
        "fresh14",
        "distinct",
        lambda f: f["customers"].select("segment").unique(),
        columns="exact",
        note="customers.segment: three values, stored one way",
    ),
    case(
        "f14-dedupe-customer-copies",
        "custmers, exact copys of a row removd",
        "typo",
        "fresh14",
        "deduplicate",
        lambda f: f["customers"].unique(),
        note="the 30 whole-row copies kept once; the 15 reused customer_ids whose rows differ are both kept",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
