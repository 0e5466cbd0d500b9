"""Fresh14 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal
from evals.planner.truth import FOLDED_NOTE

POUND_IN_KG = 0.4536


def _weight_in_kg(f: Frames, replace: bool) -> pl.DataFrame:
    amount = pl.col("weight").str.extract(r"([0-9.]+)").cast(pl.Float64)
    unit = pl.col("weight").str.extract(r"([a-z]+)\s*$")
    kg = pl.when(unit == "g").then(amount / 1000).when(unit == "lb").then(amount * POUND_IN_KG).otherwise(amount)
    return f["products"].with_columns(kg.alias("weight" if replace else "weight_kg"))


def _years_with_us(f: Frames, whole: bool) -> pl.DataFrame:
    years = pl.col("tenure_months") / 12
    return f["churn"].with_columns((years.floor() if whole else years).alias("years"))


def _enterprise_per_country(f: Frames, folded: bool) -> pl.DataFrame:
    rows = f["customers"].filter(pl.col("segment") == "enterprise")
    if folded:
        return rows.group_by(truth.customer_country().alias("country")).agg(pl.len()).drop("country")
    return rows.group_by("country").agg(pl.len().alias("customers"))


def _fibre_income_per_contract(f: Frames, folded: bool) -> pl.DataFrame:
    rows = f["churn"].filter(pl.col("internet_service") == "fiber")
    key = truth.contract().alias("contract") if folded else pl.col("contract")
    out = rows.group_by(key).agg(pl.col("income").mean())
    return out.drop("contract") if folded else out


def _revenue_2023_per_currency(f: Frames, folded: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2023)
    key = truth.currency().alias("currency") if folded else pl.col("currency")
    out = rows.group_by(key).agg(pl.col("total_revenue").sum())
    return out.drop("currency") if folded else out


def _month_to_month_leavers_tenure(f: Frames) -> pl.DataFrame:
    rows = f["churn"].filter((truth.contract() == "month-to-month") & (pl.col("churned") == 1))
    return rows.group_by("payment_method").agg(pl.col("tenure_months").mean())


DERIVED = [
    case(
        "f14-derive-price-with-vat",
        "products w/ price incl 20% vat",
        "terse",
        "fresh14",
        "derive",
        lambda f: f["products"].with_columns((pl.col("price") * 1.2).alias("price_incl_vat")),
        note="products.price times 1.2 beside the price, under any name; empty where the price is missing,"
        " negative and outlier prices as stored",
    ),
    case(
        "f14-derive-high-value-flag",
        "Add a boolean column high_value to the churn data that is true where the monthly charges exceed 90.",
        "formal",
        "fresh14",
        "derive",
        lambda f: f["churn"].with_columns((pl.col("monthly_charges") > 90).alias("high_value")),
        strict_names=["high_value"],
        note="monthly_charges above 90 gives true, the rest false (none is missing); every other column kept",
    ),
    case(
        "f14-derive-years-with-us",
        "Is there a way to add a column showing how many years each subscriber has been with us?",
        "question",
        "fresh14",
        "derive",
        lambda f: _years_with_us(f, whole=False),
        alternatives=[lambda f: _years_with_us(f, whole=True)],
        note="churn.tenure_months divided by 12, as a fraction or in whole years rounded down, under any name;"
        " negative tenures as stored",
    ),
    case(
        "f14-derive-line-total",
        "ad a colum line_total to ordrs = quantty times unit pric",
        "typo",
        "fresh14",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("quantity") * pl.col("unit_price")).alias("line_total")),
        strict_names=["line_total"],
        note="quantity times unit_price; it differs from total_revenue on 20 orders, so total_revenue copied is"
        " not the answer",
    ),
    case(
        "f14-derive-weight-kg",
        "hey, could you add a column to products with the weight in kilograms as a plain number? some are"
        " written in grams and a few in pounds (call a pound 0.4536 kg). the shipping calculator wants one unit,"
        " cheers",
        "chatty",
        "fresh14",
        "derive",
        lambda f: _weight_in_kg(f, replace=False),
        alternatives=[lambda f: _weight_in_kg(f, replace=True)],
        note="products.weight is text like '4.93 kg', '1230 g' or '2.1 lb': kilograms as stored, grams divided by"
        " 1,000, pounds times 0.4536; a new column under any name, or the weight replaced",
    ),
    case(
        "f14-fill-total-charges-zero",
        "churn, but with every blank total charge counted as zero",
        "paraphrase",
        "fresh14",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("total_charges").fill_null(0)),
        strict_names=["total_charges"],
        note="the 79 missing churn.total_charges become 0; every other row as stored",
    ),
    case(
        "f14-fill-phone-not-given",
        "the customer records, where any phone that's blank should read 'not given' instead",
        "paraphrase",
        "fresh14",
        "fill",
        lambda f: f["customers"].with_columns(pl.col("phone").fill_null("not given")),
        strict_names=["phone"],
        note="the 60 missing customers.phone become 'not given'; every other phone as stored",
    ),
]

STEPS = [
    case(
        "f14-combo-pending-per-country",
        "pending orders, count per country",
        "terse",
        "fresh14",
        "combination",
        lambda f: f["orders"].filter(truth.status() == "pending").group_by("country").agg(pl.len().alias("orders")),
        note="status pending (stored one way, 741 orders) counted per orders.country",
    ),
    case(
        "f14-combo-month-to-month-leavers-tenure",
        "hey! could you take the month-to-month subscribers who churned and show me their average tenure for each"
        " payment method? the retention team asked, thanks",
        "chatty",
        "fresh14",
        "combination",
        _month_to_month_leavers_tenure,
        note="contract meaning month-to-month in any spelling ('M2M', 'Month-to-month', 'month to month' too) and"
        " churned = 1 (655 rows), mean tenure_months per payment_method (four, stored one way)",
    ),
    case(
        "f14-combo-latest-italy-orders",
        "the ten most recent orders headed to Italy, newest at the top",
        "paraphrase",
        "fresh14",
        "combination",
        lambda f: f["orders"].filter(pl.col("country") == "IT").sort("order_date", descending=True).head(10),
        sort_key=["order_date"],
        note="orders.country IT, the ten latest order_date first (two far-future dates, 2034 and 2031, among"
        " them); ties inside the ten in any order, none at the tenth",
    ),
]

TURNS = [
    case(
        "f14-turn-enterprise-per-country",
        [
            "Open the customers dataset.",
            "Restrict the records to the enterprise segment.",
            "Count them per country.",
        ],
        "formal",
        "fresh14",
        "follow-up",
        lambda f: _enterprise_per_country(f, folded=True),
        alternatives=[lambda f: _enterprise_per_country(f, folded=False)],
        note="customers.segment enterprise, rows per customers.country folded to codes or as stored; a folded"
        " group may be labelled by a code or a name, so only its measures are compared",
    ),
    case(
        "f14-turn-fibre-income-per-contract",
        [
            "can I look at the churn data?",
            "which of those are on fibre?",
            "and what's their average income on each contract type?",
        ],
        "question",
        "fresh14",
        "follow-up",
        lambda f: _fibre_income_per_contract(f, folded=True),
        alternatives=[lambda f: _fibre_income_per_contract(f, folded=False)],
        note="internet_service 'fiber' (fibre as written), mean income per contract folded to three or as stored,"
        " missing incomes left out of the mean; " + FOLDED_NOTE,
    ),
    case(
        "f14-turn-2023-revenue-per-currency",
        ["ordrs pls", "only teh 2023 ones", "then add up teh revenue for each curency"],
        "typo",
        "fresh14",
        "follow-up",
        lambda f: _revenue_2023_per_currency(f, folded=True),
        alternatives=[lambda f: _revenue_2023_per_currency(f, folded=False)],
        note="order_date in 2023, total_revenue summed per currency folded to three or as stored; " + FOLDED_NOTE,
    ),
]

REFUSALS = [
    refusal(
        "f14-refuse-marketing-opt-outs",
        "customers opted out of marketing emails",
        "terse",
        "fresh14",
        "no dataset records marketing consent: customers has an email address but no opt-in or opt-out flag",
    ),
    refusal(
        "f14-refuse-time-of-day",
        "At what time of day do most of our orders get placed?",
        "question",
        "fresh14",
        "orders.order_date is a date with no time, so no dataset says at what hour an order was placed",
    ),
    refusal(
        "f14-refuse-morning-dashboard",
        "hey, could you set up a dashboard that refreshes every morning with the revenue numbers and emails it"
        " round? thanks heaps",
        "chatty",
        "fresh14",
        "an action the planner cannot take: it drafts a pipeline over the datasets; it builds no dashboards,"
        " schedules nothing and sends no email",
    ),
    refusal(
        "f14-refuse-foreign-key",
        "Kindly explain what a foreign key is.",
        "formal",
        "fresh14",
        "a question about a concept, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f14-refuse-same-as-before",
        "can u redo the thing from yestrday, same as b4 but bettr",
        "typo",
        "fresh14",
        "too vague to plan: no dataset, rows or columns are named, and the planner never saw yesterday's request",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
