"""Fresh9 cases that reshape one dataset: pick, drop and rename columns, sort, limit, distinct values."""

from __future__ import annotations

from evals.planner.model import case

SELECT = [
    case(
        "f9-select-product-name-price",
        "Could you show me the product names with their prices and nothing else?",
        "question",
        "fresh9",
        "select",
        lambda f: f["products"].select("name", "price"),
        columns="exact",
        note="products.name and products.price, nothing else",
    ),
    case(
        "f9-select-customer-name-email-country",
        "keep only name/email/country of customers",
        "terse",
        "fresh9",
        "select",
        lambda f: f["customers"].select("name", "email", "country"),
        columns="exact",
    ),
    case(
        "f9-drop-weight",
        "remvoe the wieght column from prodcuts",
        "typo",
        "fresh9",
        "drop",
        lambda f: f["products"].drop("weight"),
        columns="exact",
    ),
    case(
        "f9-rename-ref-and-split",
        "In the churn data, rename customer_ref to subscriber_id and split to dataset_split.",
        "formal",
        "fresh9",
        "rename",
        lambda f: f["churn"].rename({"customer_ref": "subscriber_id", "split": "dataset_split"}),
        strict_names=["subscriber_id", "dataset_split"],
    ),
    case(
        "f9-rename-signup-joined-on",
        "the customer list, with the column that says when each person joined renamed to joined_on",
        "paraphrase",
        "fresh9",
        "rename",
        lambda f: f["customers"].rename({"signup_date": "joined_on"}),
        strict_names=["joined_on"],
        note="when each person joined is customers.signup_date, kept as stored (text in four formats)",
    ),
]

ORDERING = [
    case(
        "f9-sort-customers-oldest-first",
        "hey! could you line the customers up from oldest to youngest? doing a demographics slide, ta",
        "chatty",
        "fresh9",
        "sort",
        lambda f: f["customers"].sort("age", descending=True, nulls_last=True),
        sort_key=["age"],
        note="customers.age descending with missing ages last (the negative ages at the end), ties in any order;"
        " a sort by birth_date is not the same sequence of ages (25 ages disagree with their birth dates)",
    ),
    case(
        "f9-top-five-dearest-items",
        "the five dearest items in the catalogue",
        "paraphrase",
        "fresh9",
        "top-n",
        lambda f: f["products"].sort("price", descending=True, nulls_last=True).head(5),
        sort_key=["price"],
        note="the five highest products.price, the outliers of tens of thousands first; missing prices are not dearest",
    ),
    case(
        "f9-sort-orders-newest-first",
        "orders newest first",
        "terse",
        "fresh9",
        "sort",
        lambda f: f["orders"].sort("order_date", descending=True),
        sort_key=["order_date"],
        note="order_date descending, the far-future dates (2035 down to 2031) first; ties in any order",
    ),
    case(
        "f9-top-ten-monthly-payers",
        "Who are the 10 subscribers paying the most each month?",
        "question",
        "fresh9",
        "top-n",
        lambda f: f["churn"].sort("monthly_charges", descending=True).head(10),
        sort_key=["monthly_charges"],
        note="the ten highest monthly_charges as stored: eight outliers (8,051.73 down to 3,231.38) then 104.98 and"
        " 104.97; no ties at the tenth",
    ),
    case(
        "f9-sort-total-charges-lowest-first",
        "sort subscirbers by totl charges, lowest frist",
        "typo",
        "fresh9",
        "sort",
        lambda f: f["churn"].sort("total_charges", nulls_last=True),
        sort_key=["total_charges"],
        alternatives=[lambda f: f["churn"].sort("total_charges", nulls_last=False)],
        note="total_charges ascending (0 first); the 79 missing totals last or first",
    ),
]

DISTINCT = [
    case(
        "f9-distinct-payment-methods",
        "Provide each distinct payment method that appears in the churn data.",
        "formal",
        "fresh9",
        "distinct",
        lambda f: f["churn"].select("payment_method").unique(),
        columns="exact",
        note="four payment methods, each spelled one way",
    ),
    case(
        "f9-distinct-customer-cities",
        "hiya, which cities do our customers come from? just the list, each one once please",
        "chatty",
        "fresh9",
        "distinct",
        lambda f: f["customers"].select("city").unique(),
        columns="exact",
        alternatives=[lambda f: f["customers"].select("city").drop_nulls().unique()],
        note="customers.city, 32 cities each spelled one way; the missing city listed as a value or left out",
    ),
    case(
        "f9-distinct-ordering-customer-ids",
        "Which customer IDs show up in the orders? Each one only once, please.",
        "question",
        "fresh9",
        "distinct",
        lambda f: f["orders"].select("customer_id").unique(),
        columns="exact",
        note="orders.customer_id, each once; the ids customers lacks are ids in orders too",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
