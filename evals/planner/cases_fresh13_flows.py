"""Fresh13 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal
from evals.planner.truth import FOLDED_NOTE


def _cohort(f: Frames, unknown_later: bool) -> pl.DataFrame:
    early = pl.col("birth_date") < dt.date(1965, 1, 1)
    cohort = pl.when(early).then(pl.lit("pre-1965")).otherwise(pl.lit("later"))
    cohort = cohort if unknown_later else pl.when(early.is_null()).then(None).otherwise(cohort)
    return f["customers"].with_columns(cohort.alias("cohort"))


def _top_delivered_2023(f: Frames) -> pl.DataFrame:
    rows = f["orders"].filter((truth.status() == "delivered") & (pl.col("order_date").dt.year() == 2023))
    return rows.sort("total_revenue", descending=True).head(4)


def _churned_fibre_charge_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"].filter((pl.col("churned") == 1) & (pl.col("internet_service") == "fiber"))
    rows = rows if keep_missing else rows.filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("monthly_charges").mean())


def _us_enterprise_names(f: Frames, dedupe: bool) -> pl.DataFrame:
    rows = f["customers"].unique() if dedupe else f["customers"]
    rows = rows.filter((pl.col("segment") == "enterprise") & (truth.customer_country() == "US"))
    return rows.select("name", "city").sort("name")


def _mean_price_per_category(f: Frames, folded: bool) -> pl.DataFrame:
    return truth.per_folded(f, "category", truth.category(), folded, pl.col("price").mean())


def _french_units_per_status(f: Frames, folded: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("country") == "FR")
    key = truth.status().alias("status") if folded else pl.col("status")
    out = rows.group_by(key).agg(pl.col("quantity").sum().alias("units"))
    return out.drop("status") if folded else out


DERIVED = [
    case(
        "f13-derive-ship-lag",
        "orders, plus ship_lag = days between order and ship date",
        "terse",
        "fresh13",
        "derive",
        lambda f: f["orders"].with_columns(
            (pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias("ship_lag")
        ),
        strict_names=["ship_lag"],
        note="whole days from order_date to ship_date; empty where there is no ship date, negative for the 25"
        " orders shipped before they were placed",
    ),
    case(
        "f13-derive-birth-cohort",
        "Add a column named cohort to the customer records, set to 'pre-1965' for anyone born before 1965 and"
        " 'later' for everyone else.",
        "formal",
        "fresh13",
        "derive",
        lambda f: _cohort(f, unknown_later=True),
        strict_names=["cohort"],
        alternatives=[lambda f: _cohort(f, unknown_later=False)],
        note="birth_date before 1965-01-01 gives 'pre-1965', the rest 'later'; the missing birth dates (older"
        " customers hiding theirs) fall under everyone else or stay empty",
    ),
    case(
        "f13-derive-annual-charge",
        "add colum annual_charge to churn = montly charges times 12",
        "typo",
        "fresh13",
        "derive",
        lambda f: f["churn"].with_columns((pl.col("monthly_charges") * 12).alias("annual_charge")),
        strict_names=["annual_charge"],
        note="monthly_charges times 12, outliers as stored; no charge is missing",
    ),
    case(
        "f13-derive-order-year",
        "Is it possible to tag every order with its year?",
        "question",
        "fresh13",
        "derive",
        lambda f: f["orders"].with_columns(pl.col("order_date").dt.year().alias("order_year")),
        note="the year of order_date as its number or its first day; any column name, the other columns kept",
    ),
    case(
        "f13-derive-product-names-capitals",
        "the product list with every name written out in capital letters",
        "paraphrase",
        "fresh13",
        "derive",
        lambda f: f["products"].with_columns(pl.col("name").str.to_uppercase()),
        note="products.name upper-cased, replacing the name or beside it under any column name",
    ),
    case(
        "f13-fill-income-median",
        "hey, where income is missing in the churn data could you drop in the median income instead? the"
        " regression script hates blanks, thanks",
        "chatty",
        "fresh13",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("income").fill_null(pl.col("income").median())),
        strict_names=["income"],
        note="the 114 missing churn.income become the median of the recorded ones (47,900)",
    ),
    case(
        "f13-fill-city-unknown",
        "hi! in customers, could you put 'Unknown' wherever the city is empty? the regional report can't group"
        " blanks, cheers",
        "chatty",
        "fresh13",
        "fill",
        lambda f: f["customers"].with_columns(pl.col("city").fill_null("Unknown")),
        strict_names=["city"],
        note="the missing customers.city (US customers only) become 'Unknown'; every other row as stored",
    ),
]

STEPS = [
    case(
        "f13-combo-four-biggest-delivered-2023",
        "Which four delivered orders placed during 2023 earned us the most?",
        "question",
        "fresh13",
        "combination",
        _top_delivered_2023,
        sort_key=["total_revenue"],
        note="status meaning delivered (any spelling) and order_date in 2023, the four highest total_revenue"
        " (221,391.52, 187,229.20, 176,741.88, 142,669.77: outlier quantities and prices), largest first; no tie"
        " at the fourth; all four are spelt 'delivered', so the spelling variants do not change them",
    ),
    case(
        "f13-combo-churned-fiber-charge-per-region",
        "churned fiber subs: avg monthly charge per region",
        "terse",
        "fresh13",
        "combination",
        lambda f: _churned_fibre_charge_per_region(f, keep_missing=True),
        alternatives=[lambda f: _churned_fibre_charge_per_region(f, keep_missing=False)],
        note="churned = 1 and internet_service fiber, mean monthly_charges per churn.region (outliers as stored);"
        " the rows without a region form a group or are left out",
    ),
    case(
        "f13-combo-us-enterprise-name-city",
        "enterprize custmers in the US, just name and city, sorted by name",
        "typo",
        "fresh13",
        "combination",
        lambda f: _us_enterprise_names(f, dedupe=False),
        sort_key=["name"],
        columns="exact",
        alternatives=[lambda f: _us_enterprise_names(f, dedupe=True)],
        note="segment enterprise and customers.country meaning the US in any spelling ('USA', 'United States',"
        " 'us', 'U.S.'), customers.name and city only, name ascending as stored; exact customer copies kept as"
        " stored or once",
    ),
]

TURNS = [
    case(
        "f13-turn-priced-products-mean-per-category",
        [
            "hi, can you open the products table for me?",
            "drop the ones whose price is blank",
            "now give me the average price per category, please",
        ],
        "chatty",
        "fresh13",
        "follow-up",
        lambda f: _mean_price_per_category(f, folded=True),
        alternatives=[lambda f: _mean_price_per_category(f, folded=False)],
        note="products with a price, mean price per category folded to six or as stored, negative and outlier"
        " prices as stored; " + FOLDED_NOTE,
    ),
    case(
        "f13-turn-france-units-per-status",
        [
            "Load the orders dataset.",
            "Restrict it to orders whose destination is France.",
            "Then compute the total quantity for each order status.",
        ],
        "formal",
        "fresh13",
        "follow-up",
        lambda f: _french_units_per_status(f, folded=True),
        alternatives=[lambda f: _french_units_per_status(f, folded=False)],
        note="orders.country FR, quantity summed per status folded or as stored (negative and outlier quantities"
        " as stored); " + FOLDED_NOTE,
    ),
    case(
        "f13-turn-one-year-ref-tenure-churned",
        [
            "the churn data please",
            "only the folks on the one-year plan",
            "and keep nothing but customer_ref, tenure and whether they churned",
        ],
        "paraphrase",
        "fresh13",
        "follow-up",
        lambda f: f["churn"].filter(truth.contract() == "one-year").select("customer_ref", "tenure_months", "churned"),
        columns="exact",
        note="contract meaning one-year in any spelling ('One Year' too), churn.customer_ref, tenure_months and"
        " churned only",
    ),
]

REFUSALS = [
    refusal(
        "f13-refuse-nps-per-region",
        "net promoter score by region",
        "terse",
        "fresh13",
        "no dataset records survey answers or promoter scores; churn has regions but no satisfaction measure",
    ),
    refusal(
        "f13-refuse-stock-levels",
        "What's our current stock on hand for each item?",
        "question",
        "fresh13",
        "no dataset records stock on hand: products has a price and a weight, orders what was sold",
    ),
    refusal(
        "f13-refuse-slack-alert",
        "hey, could you ping me on Slack whenever a really big order comes in? thanks a bunch",
        "chatty",
        "fresh13",
        "an action the planner cannot take: it drafts a pipeline over the datasets, it sends no messages and"
        " watches nothing",
    ),
    refusal(
        "f13-refuse-left-vs-inner-join",
        "Please explain how a left join differs from an inner join.",
        "formal",
        "fresh13",
        "a question about a concept, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f13-refuse-tidy-it-up",
        "cn you just tidy evrything up a bit, u know what i mean",
        "typo",
        "fresh13",
        "too vague to plan: no dataset, no rows and no columns are named, nor what tidy means",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
