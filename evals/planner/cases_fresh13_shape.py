"""Fresh13 cases that reshape one dataset: pick, drop and rename columns, sort, limit, distinct values, copies."""

from __future__ import annotations

import polars as pl

from evals.planner.model import Frames, case


def _cheapest_products(f: Frames, keep_negative: bool) -> pl.DataFrame:
    rows = f["products"] if keep_negative else f["products"].filter(pl.col("price") >= 0)
    return rows.sort("price", nulls_last=True).head(5)


SELECT = [
    case(
        "f13-select-customer-names-emails",
        "just the names and email addresses from our customer list, no other fields",
        "paraphrase",
        "fresh13",
        "select",
        lambda f: f["customers"].select("name", "email"),
        columns="exact",
        note="customers.name and email, nothing else; every row as stored",
    ),
    case(
        "f13-select-product-id-name-price",
        "produts - only the id, name and pric colums",
        "typo",
        "fresh13",
        "select",
        lambda f: f["products"].select("product_id", "name", "price"),
        columns="exact",
        note="products.product_id, name and price, nothing else",
    ),
    case(
        "f13-drop-phone-birth-date",
        "Exclude the telephone number and the date of birth from the customer records.",
        "formal",
        "fresh13",
        "drop",
        lambda f: f["customers"].drop("phone", "birth_date"),
        columns="exact",
        note="customers without phone and birth_date; every other column kept",
    ),
    case(
        "f13-rename-customer-ref-subscriber-id",
        "churn: customer_ref -> subscriber_id",
        "terse",
        "fresh13",
        "rename",
        lambda f: f["churn"].rename({"customer_ref": "subscriber_id"}),
        strict_names=["subscriber_id"],
    ),
    case(
        "f13-rename-amount-price-each",
        "hey, could you rename total_revenue to amount and unit_price to price_each in the orders? our BI"
        " dashboard expects those names, cheers",
        "chatty",
        "fresh13",
        "rename",
        lambda f: f["orders"].rename({"total_revenue": "amount", "unit_price": "price_each"}),
        strict_names=["amount", "price_each"],
    ),
]

ORDERING = [
    case(
        "f13-sort-longest-tenure-first",
        "Can you sort the subscribers by tenure so the longest-standing ones come first?",
        "question",
        "fresh13",
        "sort",
        lambda f: f["churn"].sort("tenure_months", descending=True),
        sort_key=["tenure_months"],
        note="churn.tenure_months descending (72 down to the negative tenures); no tenure is missing; ties in any"
        " order",
    ),
    case(
        "f13-sort-ship-date-earliest-first",
        "orders by ship date, earliest first",
        "terse",
        "fresh13",
        "sort",
        lambda f: f["orders"].sort("ship_date", nulls_last=True),
        sort_key=["ship_date"],
        alternatives=[lambda f: f["orders"].sort("ship_date", nulls_last=False)],
        note="ship_date ascending, the unshipped orders (no ship date) last or first; ties in any order",
    ),
    case(
        "f13-sort-monthly-charges-high-first",
        "churn sortd by montly charges, hihgest frist",
        "typo",
        "fresh13",
        "sort",
        lambda f: f["churn"].sort("monthly_charges", descending=True),
        sort_key=["monthly_charges"],
        note="churn.monthly_charges descending, the eight outliers first; no charge is missing; ties in any order",
    ),
    case(
        "f13-top-ten-quantities",
        "Return the ten orders with the largest quantities.",
        "formal",
        "fresh13",
        "top-n",
        lambda f: f["orders"].sort("quantity", descending=True).head(10),
        sort_key=["quantity"],
        note="the ten highest orders.quantity (920 down to 250: the ten outliers), largest first; no tie at the tenth",
    ),
    case(
        "f13-top-five-cheapest-products",
        "hi! what are the five cheapest products we sell? building a bargain corner for the web shop, ta",
        "chatty",
        "fresh13",
        "top-n",
        lambda f: _cheapest_products(f, keep_negative=True),
        sort_key=["price"],
        alternatives=[lambda f: _cheapest_products(f, keep_negative=False)],
        note="the five lowest products.price, cheapest first: the three negative prices taken as stored (-788.70,"
        " -236.55, -53.98, 5.46, 5.54) or left out as impossible (5.46 to 7.23); missing prices are not cheap; no"
        " tie at the fifth",
    ),
]

DISTINCT = [
    case(
        "f13-distinct-payment-methods",
        "churn payment_method values, deduped",
        "terse",
        "fresh13",
        "distinct",
        lambda f: f["churn"].select("payment_method").unique(),
        columns="exact",
        note="churn.payment_method: four values, stored one way",
    ),
    case(
        "f13-distinct-customer-cities",
        "In which towns and cities are our customers based?",
        "question",
        "fresh13",
        "distinct",
        lambda f: f["customers"].select("city").unique(),
        columns="exact",
        alternatives=[lambda f: f["customers"].select("city").drop_nulls().unique()],
        note="distinct customers.city as stored (Munich as 'München'); the missing city (a third of US customers)"
        " kept as a value or left out",
    ),
    case(
        "f13-dedupe-orders-repeated-rows",
        "the order table with any row that appears twice collapsed into one",
        "paraphrase",
        "fresh13",
        "deduplicate",
        lambda f: f["orders"].unique(),
        note="the 40 whole-row copies kept once; the 15 reused order_ids whose rows differ are both kept",
    ),
]

CASES = [*SELECT, *ORDERING, *DISTINCT]
