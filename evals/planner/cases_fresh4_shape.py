"""Fresh4 cases that reshape one dataset: pick, drop and rename columns, sort, rank, dedupe, distinct values."""

from __future__ import annotations

from evals.planner import truth
from evals.planner.model import case

SELECT = [
    case(
        "f4-select-product-name-category",
        "products, only name and category columns",
        "terse",
        "fresh4",
        "select",
        lambda f: f["products"].select("name", "category"),
        columns="exact",
    ),
    case(
        "f4-select-order-item-qty",
        "for each order just its number, which item it was and how many were bought",
        "paraphrase",
        "fresh4",
        "select",
        lambda f: f["orders"].select("order_id", "product_id", "quantity"),
        columns="exact",
        note="the number is order_id, the item product_id, how many quantity",
    ),
    case(
        "f4-select-churn-ref-charges-split",
        "Show only the customer_ref, monthly_charges and split columns of the churn data.",
        "formal",
        "fresh4",
        "select",
        lambda f: f["churn"].select("customer_ref", "monthly_charges", "split"),
        columns="exact",
    ),
    case(
        "f4-drop-contact-city",
        "drop email, phone adn city from custmers",
        "typo",
        "fresh4",
        "drop",
        lambda f: f["customers"].drop("email", "phone", "city"),
        columns="exact",
    ),
    case(
        "f4-drop-price-currency",
        "from orders, can you get rid of the unit price and currency columns? keep everything else",
        "chatty",
        "fresh4",
        "drop",
        lambda f: f["orders"].drop("unit_price", "currency"),
        columns="exact",
    ),
    case(
        "f4-rename-ref-churned",
        "Could you rename customer_ref to ref and churned to has_churned in the churn table?",
        "question",
        "fresh4",
        "rename",
        lambda f: f["churn"].rename({"customer_ref": "ref", "churned": "has_churned"}),
        strict_names=["ref", "has_churned"],
    ),
    case(
        "f4-rename-qty-price-each",
        "orders: rename quantity->qty, unit_price->price_each",
        "terse",
        "fresh4",
        "rename",
        lambda f: f["orders"].rename({"quantity": "qty", "unit_price": "price_each"}),
        strict_names=["qty", "price_each"],
    ),
]

ORDERING = [
    case(
        "f4-sort-tenure-then-charges",
        "Sort the churn records by tenure_months ascending and, within equal tenure, by monthly_charges descending.",
        "formal",
        "fresh4",
        "sort",
        lambda f: f["churn"].sort(["tenure_months", "monthly_charges"], descending=[False, True]),
        sort_key=["tenure_months", "monthly_charges"],
    ),
    case(
        "f4-sort-fewest-items-first",
        "orders arranged from the fewest items bought to the most",
        "paraphrase",
        "fresh4",
        "sort",
        lambda f: f["orders"].sort("quantity"),
        sort_key=["quantity"],
        note="items bought is quantity, ascending; the negative quantities come first; ties in any order",
    ),
    case(
        "f4-top-cheapest-monthly",
        "botom 5 subscibers by monthly charge",
        "typo",
        "fresh4",
        "top-n",
        lambda f: f["churn"].sort("monthly_charges").head(5),
        sort_key=["monthly_charges"],
        note="the five lowest monthly_charges, lowest first; no tie at the fifth place",
    ),
    case(
        "f4-top-unit-price",
        "What are the six orders with the highest unit price?",
        "question",
        "fresh4",
        "top-n",
        lambda f: f["orders"].sort("unit_price", descending=True).head(6),
        sort_key=["unit_price"],
        note="the outliers of 50,000 and more, highest first",
    ),
]

DISTINCT = [
    case(
        "f4-dedupe-biggest-per-country",
        "could you keep just the single biggest order by revenue from each country? whole rows please",
        "chatty",
        "fresh4",
        "deduplicate",
        lambda f: f["orders"].sort("total_revenue", descending=True).unique("country", keep="first"),
        note="one full order row per order country, the one with the largest total_revenue (no ties): seven rows",
    ),
    case(
        "f4-distinct-german-cities",
        "Which cities do our German customers live in?",
        "question",
        "fresh4",
        "distinct",
        lambda f: f["customers"].filter(truth.customer_country() == "DE").select("city").unique(),
        columns="exact",
        note="German is DE, also stored as 'Germany', 'Deutschland', 'de' and 'DE '; six cities, none missing",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
