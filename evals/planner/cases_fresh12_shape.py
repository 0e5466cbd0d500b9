"""Fresh12 cases that reshape one dataset: pick, drop and rename columns, sort, limit, distinct values, copies."""

from __future__ import annotations

from evals.planner.model import case

SELECT = [
    case(
        "f12-select-order-id-status-country",
        "order_id, status, country - nothing more",
        "terse",
        "fresh12",
        "select",
        lambda f: f["orders"].select("order_id", "status", "country"),
        columns="exact",
        note="orders.order_id, status and country, nothing else",
    ),
    case(
        "f12-select-churn-ref-contract-flag",
        "From the churn dataset, return solely the customer reference, the contract type and the churn flag.",
        "formal",
        "fresh12",
        "select",
        lambda f: f["churn"].select("customer_ref", "contract", "churned"),
        columns="exact",
        note="churn.customer_ref, contract and churned, nothing else",
    ),
    case(
        "f12-drop-train-test-column",
        "the subscriber table minus the column saying whether a row is for training or testing",
        "paraphrase",
        "fresh12",
        "drop",
        lambda f: f["churn"].drop("split"),
        columns="exact",
        note="the training-or-testing column is churn.split; every other column kept",
    ),
    case(
        "f12-rename-order-date-placed-on",
        "renme ordr_date to placed_on in the ordrs",
        "typo",
        "fresh12",
        "rename",
        lambda f: f["orders"].rename({"order_date": "placed_on"}),
        strict_names=["placed_on"],
    ),
    case(
        "f12-rename-full-name-tier",
        "hey, in the customers table could you call the name column full_name and segment tier instead? the CRM"
        " import wants those headers, thanks",
        "chatty",
        "fresh12",
        "rename",
        lambda f: f["customers"].rename({"name": "full_name", "segment": "tier"}),
        strict_names=["full_name", "tier"],
    ),
]

ORDERING = [
    case(
        "f12-sort-highest-earners-first",
        "Can you rank the subscribers by income, highest earners first?",
        "question",
        "fresh12",
        "sort",
        lambda f: f["churn"].sort("income", descending=True, nulls_last=True),
        sort_key=["income"],
        alternatives=[lambda f: f["churn"].sort("income", descending=True, nulls_last=False)],
        note="churn.income descending, the 114 missing incomes last (or first, as a descending sort may leave"
        " them); ties in any order",
    ),
    case(
        "f12-sort-products-a-to-z",
        "products a-z by name",
        "terse",
        "fresh12",
        "sort",
        lambda f: f["products"].sort("name"),
        sort_key=["name"],
        note="products.name ascending as stored; ties in any order",
    ),
    case(
        "f12-sort-latest-purchases-first",
        "every purchase, latest order date at the top",
        "paraphrase",
        "fresh12",
        "sort",
        lambda f: f["orders"].sort("order_date", descending=True),
        sort_key=["order_date"],
        note="order_date descending, the far-future dates first; no order_date is missing; ties in any order",
    ),
    case(
        "f12-top-eight-dearest-products",
        "hiya! what are our eight most expensive products? want to feature them in the newsletter, cheers",
        "chatty",
        "fresh12",
        "top-n",
        lambda f: f["products"].sort("price", descending=True, nulls_last=True).head(8),
        sort_key=["price"],
        note="the eight highest products.price (77,555.40 down to 1,164.88, the four outliers among them), dearest"
        " first; missing prices are not the most expensive; no tie at the eighth",
    ),
    case(
        "f12-top-five-total-charges",
        "the 5 subscribrs with the bigest totl charges",
        "typo",
        "fresh12",
        "top-n",
        lambda f: f["churn"].sort("total_charges", descending=True, nulls_last=True).head(5),
        sort_key=["total_charges"],
        note="the five highest churn.total_charges (7,872.49 down to 7,099.99), largest first; missing totals are"
        " not the biggest; no tie at the fifth",
    ),
]

DISTINCT = [
    case(
        "f12-distinct-destination-countries",
        "Which destination countries turn up in the orders?",
        "question",
        "fresh12",
        "distinct",
        lambda f: f["orders"].select("country").unique(),
        columns="exact",
        note="orders.country: seven codes, stored one way",
    ),
    case(
        "f12-distinct-region-internet",
        "List each distinct combination of region and internet service present in the churn data.",
        "formal",
        "fresh12",
        "distinct",
        lambda f: f["churn"].select("region", "internet_service").unique(),
        columns="exact",
        alternatives=[lambda f: f["churn"].select("region", "internet_service").drop_nulls().unique()],
        note="distinct (region, internet_service) pairs, both stored one way; the pairs with no region kept or"
        " left out",
    ),
    case(
        "f12-dedupe-customers-duplicate-rows",
        "custmers with the duplcate rows removd",
        "typo",
        "fresh12",
        "deduplicate",
        lambda f: f["customers"].unique(),
        note="the 30 whole-row copies kept once; the 15 reused customer_ids whose rows differ are both kept",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
