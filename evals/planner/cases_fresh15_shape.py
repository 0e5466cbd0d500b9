"""Fresh15 cases that reshape one dataset: pick, drop and rename columns, sort, limit, distinct values, copies."""

from __future__ import annotations

import polars as pl

from evals.planner.model import case

SELECT = [
    case(
        "f15-select-product-name-category-price",
        "just the prodct name, categry and pric columns pls",
        "typo",
        "fresh15",
        "select",
        lambda f: f["products"].select("name", "category", "price"),
        columns="exact",
        note="products.name, category (as stored) and price, nothing else; every row as stored",
    ),
    case(
        "f15-select-customer-contact-details",
        "hiya, could I get only the name, email and phone columns out of customers? putting together a call"
        " list for the renewals push, thanks",
        "chatty",
        "fresh15",
        "select",
        lambda f: f["customers"].select("name", "email", "phone"),
        columns="exact",
        note="customers.name, email and phone (blank phones as stored), nothing else",
    ),
    case(
        "f15-drop-birth-date-and-age",
        "Produce the customer table with the birth_date and age columns removed.",
        "formal",
        "fresh15",
        "drop",
        lambda f: f["customers"].drop("birth_date", "age"),
        columns="exact",
        note="customers without birth_date and age; every other column kept",
    ),
    case(
        "f15-rename-churned-left-us",
        "churn: churned -> left_us",
        "terse",
        "fresh15",
        "rename",
        lambda f: f["churn"].rename({"churned": "left_us"}),
        strict_names=["left_us"],
        note="churn.churned renamed left_us, its 0/1 values as stored",
    ),
    case(
        "f15-rename-total-revenue-order-value",
        "Can total_revenue in the orders be relabelled as order_value?",
        "question",
        "fresh15",
        "rename",
        lambda f: f["orders"].rename({"total_revenue": "order_value"}),
        strict_names=["order_value"],
    ),
]

ORDERING = [
    case(
        "f15-sort-oldest-customers-first",
        "our customers lined up from the oldest down to the youngest",
        "paraphrase",
        "fresh15",
        "sort",
        lambda f: f["customers"].sort("age", descending=True, nulls_last=True),
        sort_key=["age"],
        alternatives=[lambda f: f["customers"].sort("age", descending=True, nulls_last=False)],
        note="customers.age descending (the negative ages last among the known); the 194 missing ages last or"
        " first; ties in any order",
    ),
    case(
        "f15-sort-tenure-shortest-first",
        "churn sortd by tenur, shortst on top",
        "typo",
        "fresh15",
        "sort",
        lambda f: f["churn"].sort("tenure_months"),
        sort_key=["tenure_months"],
        note="churn.tenure_months ascending, the six negative tenures first; none is missing; ties in any order",
    ),
    case(
        "f15-sort-monthly-charges-desc",
        "churn by monthly_charges desc",
        "terse",
        "fresh15",
        "sort",
        lambda f: f["churn"].sort("monthly_charges", descending=True),
        sort_key=["monthly_charges"],
        note="churn.monthly_charges descending, the outlier charges (8,051.73 and the like) first; none is"
        " missing; ties in any order",
    ),
    case(
        "f15-top-ten-cheapest-products",
        "What are the ten cheapest things we sell?",
        "question",
        "fresh15",
        "top-n",
        lambda f: f["products"].sort("price", nulls_last=True).head(10),
        sort_key=["price"],
        alternatives=[lambda f: f["products"].filter(pl.col("price") >= 0).sort("price").head(10)],
        note="the ten lowest products.price, lowest first: the three negative prices (-788.70, -236.55, -53.98)"
        " included as stored, or left out as impossible; missing prices are not cheap; no tie at the tenth"
        " either way",
    ),
    case(
        "f15-top-fifteen-incomes",
        "Return the fifteen churn records with the highest income, highest first.",
        "formal",
        "fresh15",
        "top-n",
        lambda f: f["churn"].sort("income", descending=True, nulls_last=True).head(15),
        sort_key=["income"],
        note="the fifteen highest churn.income (400,000 down to 152,100), highest first; missing incomes are not"
        " high; no tie at the fifteenth",
    ),
]

DISTINCT = [
    case(
        "f15-distinct-payment-methods",
        "distinct payment_method vals in churn",
        "terse",
        "fresh15",
        "distinct",
        lambda f: f["churn"].select("payment_method").unique(),
        columns="exact",
        note="churn.payment_method: four values, stored one way",
    ),
    case(
        "f15-distinct-order-countries",
        "each country we've ever sent an order to, listed once",
        "paraphrase",
        "fresh15",
        "distinct",
        lambda f: f["orders"].select("country").unique(),
        columns="exact",
        note="orders.country: seven codes, stored one way; customers.country is where customers live, not where"
        " orders went",
    ),
    case(
        "f15-dedupe-order-copies",
        "hey, looks like some orders got loaded twice, identical rows and all. could you keep just one of each?"
        " finance keeps double counting, thanks",
        "chatty",
        "fresh15",
        "deduplicate",
        lambda f: f["orders"].unique(),
        note="the 40 whole-row copies kept once (9,960 rows); orders sharing an order_id whose rows differ are"
        " both kept",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
