"""Fresh10 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal


def _name_length(f: Frames, trimmed: bool) -> pl.DataFrame:
    name = pl.col("name").str.strip_chars() if trimmed else pl.col("name")
    return f["customers"].with_columns(name.str.len_chars().alias("name_length"))


def _order_month(f: Frames, of_year: bool) -> pl.DataFrame:
    month = pl.col("order_date").dt.month() if of_year else truth.month("order_date")
    return f["orders"].with_columns(month.alias("order_month"))


def _cancelled_per_country(f: Frames) -> pl.DataFrame:
    rows = f["orders"].filter(truth.status() == "cancelled")
    return rows.group_by("country").agg(pl.len().alias("cancelled")).sort("cancelled", descending=True)


def _cheapest_per_category(f: Frames, folded: bool) -> pl.DataFrame:
    rows = f["products"].filter(pl.col("price").is_not_null())
    key = truth.category() if folded else pl.col("category")
    out = rows.group_by(key.alias("category")).agg(pl.col("price").min())
    return out.drop("category") if folded else out


def _french_example_by_age(f: Frames, suffix: str, any_case: bool = False) -> pl.DataFrame:
    email = pl.col("email").str.to_lowercase() if any_case else pl.col("email")
    rows = f["customers"].filter((truth.customer_country() == "FR") & email.str.ends_with(suffix))
    return rows.sort("age", descending=True, nulls_last=True)


DERIVED = [
    case(
        "f10-derive-price-with-vat",
        "products: price_with_vat = price * 1.2",
        "terse",
        "fresh10",
        "derive",
        lambda f: f["products"].with_columns((pl.col("price") * 1.2).alias("price_with_vat")),
        strict_names=["price_with_vat"],
        note="price times 1.2, empty where the price is missing, negative where it is negative",
    ),
    case(
        "f10-derive-tenure-years",
        "Please add tenure_years to the subscriber data, computed as the tenure in months over twelve.",
        "formal",
        "fresh10",
        "derive",
        lambda f: f["churn"].with_columns((pl.col("tenure_months") / 12).alias("tenure_years")),
        strict_names=["tenure_years"],
        note="tenure_months / 12 as a decimal, negative for the six negative tenures",
    ),
    case(
        "f10-derive-weekend-flag",
        "Append an is_weekend flag to the orders, true where the order date is a Saturday or Sunday and false"
        " otherwise.",
        "formal",
        "fresh10",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("order_date").dt.weekday() >= 6).alias("is_weekend")),
        strict_names=["is_weekend"],
        note="true when order_date is a Saturday or a Sunday, false otherwise (no order_date is missing)",
    ),
    case(
        "f10-derive-name-length",
        "ad a colum with the lenght of each custmers name",
        "typo",
        "fresh10",
        "derive",
        lambda f: _name_length(f, trimmed=False),
        alternatives=[lambda f: _name_length(f, trimmed=True)],
        note="the number of characters of customers.name; the eight names with stray spaces counted as stored or"
        " trimmed; any column name",
    ),
    case(
        "f10-derive-order-month",
        "Can each order get an extra field saying what month it was placed in?",
        "question",
        "fresh10",
        "derive",
        lambda f: _order_month(f, of_year=False),
        alternatives=[lambda f: _order_month(f, of_year=True)],
        note="the month of order_date as its first day or YYYY-MM text, or as its number 1 to 12; any column name,"
        " the other columns kept beside it",
    ),
    case(
        "f10-fill-total-charges-mean",
        "fill in the gaps in the subscribers' lifetime charges with the average of the rest",
        "paraphrase",
        "fresh10",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("total_charges").fill_null(pl.col("total_charges").mean())),
        strict_names=["total_charges"],
        note="lifetime charges are churn.total_charges: the 79 missing become the mean of the recorded ones",
    ),
    case(
        "f10-fill-product-id-unknown",
        "hi! some orders don't have a product id, could you label those 'UNKNOWN' so they group together in the"
        " report? thanks",
        "chatty",
        "fresh10",
        "fill",
        lambda f: f["orders"].with_columns(pl.col("product_id").fill_null("UNKNOWN")),
        strict_names=["product_id"],
        note="the 30 missing product_ids become 'UNKNOWN'; every other order as stored",
    ),
]

STEPS = [
    case(
        "f10-combo-top-ten-m2m-charges",
        "Which ten subscribers on month-to-month contracts pay the highest monthly charges?",
        "question",
        "fresh10",
        "combination",
        lambda f: (
            f["churn"].filter(truth.contract() == "month-to-month").sort("monthly_charges", descending=True).head(10)
        ),
        sort_key=["monthly_charges"],
        note="contract meaning month-to-month ('M2M', 'Month-to-month', 'month to month' too), the ten highest"
        " monthly_charges, largest first: six outliers (6,540.18 down to 3,231.38) then 104.98 to 104.87; no tie"
        " at the tenth",
    ),
    case(
        "f10-combo-delivered-us-2024-columns",
        "deliverd ordrs to the us in 2024, just id, date and revnue",
        "typo",
        "fresh10",
        "combination",
        lambda f: (
            f["orders"]
            .filter(
                (truth.status() == "delivered") & (pl.col("country") == "US") & (pl.col("order_date").dt.year() == 2024)
            )
            .select("order_id", "order_date", "total_revenue")
        ),
        columns="exact",
        note="status meaning delivered (any spelling), orders.country US, order_date in 2024; order_id, order_date"
        " and total_revenue only",
    ),
    case(
        "f10-combo-cancelled-per-country-ranked",
        "hey! could you count the cancelled orders for each destination country, most first? trying to see where"
        " things go wrong, ta",
        "chatty",
        "fresh10",
        "combination",
        _cancelled_per_country,
        sort_key=["cancelled"],
        note="status meaning cancelled ('canceled' too), rows counted per orders.country (seven, stored one way),"
        " largest count first (DE 229 down to NL 53, no ties)",
    ),
]

TURNS = [
    case(
        "f10-turn-germany-three-plus-by-revenue",
        [
            "Please show the orders sent to Germany.",
            "Of those, retain only the ones where three or more units were ordered.",
            "Finally, arrange the result in descending order of total revenue.",
        ],
        "formal",
        "fresh10",
        "follow-up",
        lambda f: (
            f["orders"]
            .filter((pl.col("country") == "DE") & (pl.col("quantity") >= 3))
            .sort("total_revenue", descending=True)
        ),
        sort_key=["total_revenue"],
        note="orders.country DE, quantity of 3 and more, total_revenue descending; ties in any order",
    ),
    case(
        "f10-turn-cheapest-per-range",
        ["the product catalogue", "leave out anything without a price", "now the cheapest thing in each range"],
        "paraphrase",
        "fresh10",
        "follow-up",
        lambda f: _cheapest_per_category(f, folded=True),
        alternatives=[lambda f: _cheapest_per_category(f, folded=False)],
        note="products with a price, the lowest price per category folded to six or as stored (16 spellings); the"
        " cheapest thing read as its price (extra columns such as its name are ignored); a folded group may be"
        " labelled by any of its spellings, so only its price is compared",
    ),
    case(
        "f10-turn-french-example-eldest",
        [
            "hi! can I see the customers from France?",
            "cool, just the ones with an example.com email please",
            "and could you sort them eldest first? thanks!",
        ],
        "chatty",
        "fresh10",
        "follow-up",
        lambda f: _french_example_by_age(f, "@example.com"),
        sort_key=["age"],
        alternatives=[
            lambda f: _french_example_by_age(f, "example.com"),
            lambda f: _french_example_by_age(f, "@example.com", any_case=True),
        ],
        note="customers.country meaning FR ('FRA', 'France', 'fr' too), email ending '@example.com' (or 'example.com',"
        " which also takes two malformed addresses without an @; or in any case, since a domain is: one address is"
        " typed in capitals), age descending with missing ages last; a sort by birth_date is not the same sequence of"
        " ages",
    ),
]

REFUSALS = [
    refusal(
        "f10-refuse-supplier-lead-time",
        "supplier lead time per product",
        "terse",
        "fresh10",
        "no dataset records suppliers or how long they take to deliver: products has id, name, category, price"
        " and weight",
    ),
    refusal(
        "f10-refuse-marketing-campaign",
        "Which ad campaign did each of our customers come in through?",
        "question",
        "fresh10",
        "no dataset records marketing campaigns or how a customer was acquired",
    ),
    refusal(
        "f10-refuse-explain-sum-versus-count",
        "can u explane the diffrence between a sum and a count",
        "typo",
        "fresh10",
        "a question about a concept, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f10-refuse-magic-on-the-thingy",
        "hi! could you work your magic on that spreadsheet thingy from earlier? cheers",
        "chatty",
        "fresh10",
        "too vague to plan: names no dataset, column or change, and refers to a conversation the planner never saw",
    ),
    refusal(
        "f10-refuse-email-leadership",
        "Please email the churn figures to the leadership team every Monday morning.",
        "formal",
        "fresh10",
        "an action the planner cannot take: it drafts a pipeline over the datasets, it does not send email or"
        " schedule runs",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
