"""Fresh6 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal

D = dt.date


def _family_name(f: Frames, last_word_only: bool) -> pl.DataFrame:
    name = pl.col("name").str.strip_chars()
    family = name.str.split(" ").list.last() if last_word_only else name.str.splitn(" ", 2).struct.field("field_1")
    return f["customers"].with_columns(family.alias("family_name"))


def _income_filled_by_region(f: Frames) -> pl.DataFrame:
    return f["churn"].with_columns(pl.col("income").fill_null(pl.col("income").mean().over("region")))


def _top_enterprise_cities(f: Frames, dedupe: bool) -> pl.DataFrame:
    rows = f["customers"].unique() if dedupe else f["customers"]
    counts = rows.filter(pl.col("segment") == "enterprise").group_by("city").agg(pl.len().alias("customers"))
    return counts.sort("customers", descending=True).head(2).select("city")


def _train_totals_by_contract(f: Frames, folded: bool) -> pl.DataFrame:
    kind = truth.contract() if folded else pl.col("contract")
    rows = f["churn"].filter(pl.col("split") == "train")
    return rows.group_by(kind.alias("contract")).agg(pl.col("total_charges").sum())


def _british_customers_per_town(f: Frames, keep_missing: bool, dedupe: bool) -> pl.DataFrame:
    rows = f["customers"].filter((truth.customer_country() == "GB") & ~pl.col("is_test_account"))
    rows = rows.unique() if dedupe else rows
    rows = rows if keep_missing else rows.filter(pl.col("city").is_not_null())
    return rows.group_by("city").agg(pl.len().alias("customers"))


DERIVED = [
    case(
        "f6-derive-is-big",
        "orders: add is_big = quantity >= 10",
        "terse",
        "fresh6",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("quantity") >= 10).alias("is_big")),
        strict_names=["is_big"],
    ),
    case(
        "f6-derive-product-label",
        "Add a column label to products that joins the product_id and name with ' - ' between them.",
        "formal",
        "fresh6",
        "derive",
        lambda f: f["products"].with_columns(pl.concat_str("product_id", pl.lit(" - "), "name").alias("label")),
        strict_names=["label"],
        note="e.g. 'P0001 - Travel Knife Block 18'; neither column is ever empty",
    ),
    case(
        "f6-derive-tenure-band",
        "Can you add a tenure_band column to churn: 'new' under 12 months, 'established' otherwise?",
        "question",
        "fresh6",
        "derive",
        lambda f: f["churn"].with_columns(
            pl.when(pl.col("tenure_months") < 12)
            .then(pl.lit("new"))
            .otherwise(pl.lit("established"))
            .alias("tenure_band")
        ),
        strict_names=["tenure_band"],
        note="tenure_months below 12 is new (the six negative tenures too), 12 and over established",
    ),
    case(
        "f6-derive-family-name",
        "split off the last name of each customer into a new column",
        "paraphrase",
        "fresh6",
        "derive",
        lambda f: _family_name(f, last_word_only=True),
        alternatives=[lambda f: _family_name(f, last_word_only=False)],
        note="the last name is the last word of the name; 96 names are 'X de Vries', whose last name may be"
        " 'Vries' (the last word) or 'de Vries' (all after the first word); some names carry leading spaces or"
        " are lower case, kept as stored; any column name",
    ),
    case(
        "f6-fill-city-not-given",
        "hi! could you fill the gaps in customers' city with 'not given'? the report tool chokes on blanks",
        "chatty",
        "fresh6",
        "fill",
        lambda f: f["customers"].with_columns(pl.col("city").fill_null("not given")),
        strict_names=["city"],
        note="the 121 missing cities become 'not given'",
    ),
    case(
        "f6-fill-price-median",
        "fill emtpy prices in prodcuts with the medain",
        "typo",
        "fresh6",
        "fill",
        lambda f: f["products"].with_columns(pl.col("price").fill_null(pl.col("price").median())),
        strict_names=["price"],
        note="the 5 missing prices get the median of the 195 known ones (outliers and negatives included)",
    ),
    case(
        "f6-fill-income-region-mean",
        "hey, could you fill the missing incomes in churn with the average income of the same region? seems fairer"
        " than one global number",
        "chatty",
        "fresh6",
        "fill",
        _income_filled_by_region,
        strict_names=["income"],
        note="each of the 114 missing incomes gets the mean income of its region; none of them lacks a region; the"
        " mean may be fractional, so income becomes a float",
    ),
]

STEPS = [
    case(
        "f6-combo-top-two-enterprise-cities",
        "Which two cities have the most enterprise customers?",
        "question",
        "fresh6",
        "combination",
        lambda f: _top_enterprise_cities(f, dedupe=False),
        alternatives=[lambda f: _top_enterprise_cities(f, dedupe=True)],
        note="Köln and München (10 enterprise rows each; Berlin and Hamburg follow with 8, the 7 without a city"
        " are not a city); exact copies counted or not give the same; the counts may be shown too, in any order",
    ),
    case(
        "f6-combo-pending-over-500-oldest-first",
        "pendng ordrs over 500, sortd by date oldest frist",
        "typo",
        "fresh6",
        "combination",
        lambda f: (
            f["orders"].filter((truth.status() == "pending") & (pl.col("total_revenue") > 500)).sort("order_date")
        ),
        sort_key=["order_date"],
        note="status pending and total_revenue above 500, by order_date ascending; orders of the same day in any order",
    ),
    case(
        "f6-combo-echeck-leavers-by-charge",
        "hey, could you take the churned subscribers on electronic check, keep just customer_ref, monthly_charges and"
        " tenure_months, and sort by monthly charges high to low?",
        "chatty",
        "fresh6",
        "combination",
        lambda f: (
            f["churn"]
            .filter((pl.col("churned") == 1) & (pl.col("payment_method") == "electronic check"))
            .select("customer_ref", "monthly_charges", "tenure_months")
            .sort("monthly_charges", descending=True)
        ),
        columns="exact",
        sort_key=["monthly_charges"],
    ),
]

TURNS = [
    case(
        "f6-turn-train-totals-by-contract",
        ["churn train split", "sum total_charges per contract"],
        "terse",
        "fresh6",
        "follow-up",
        lambda f: _train_totals_by_contract(f, folded=True),
        alternatives=[lambda f: _train_totals_by_contract(f, folded=False)],
        note="split = 'train', then total_charges summed per contract (the missing totals add nothing), the"
        " contract folded to three types or as stored",
    ),
    case(
        "f6-turn-q4-2024-bulk-by-revenue",
        [
            "Please list all orders dated October through December 2024.",
            "Restrict them to orders with a quantity of at least 3.",
            "Order them by total revenue, descending.",
        ],
        "formal",
        "fresh6",
        "follow-up",
        lambda f: (
            f["orders"]
            .filter(pl.col("order_date").is_between(D(2024, 10, 1), D(2024, 12, 31)) & (pl.col("quantity") >= 3))
            .sort("total_revenue", descending=True)
        ),
        sort_key=["total_revenue"],
        note="order_date October to December 2024, quantity 3 or more, total_revenue descending: 179 orders",
    ),
    case(
        "f6-turn-british-customers-per-town",
        ["customers we've got in Britain", "leave out the test logins", "and count them by town"],
        "paraphrase",
        "fresh6",
        "follow-up",
        lambda f: _british_customers_per_town(f, keep_missing=True, dedupe=False),
        alternatives=[
            lambda f, m=m, d=d: _british_customers_per_town(f, keep_missing=m, dedupe=d)
            for m, d in [(False, False), (True, True), (False, True)]
        ],
        note="Britain is GB ('UK', 'United Kingdom', 'gb' too); is_test_account false; rows counted per city; the"
        " customers without a city may form a group or be left out; exact copies counted as stored or once",
    ),
]

REFUSALS = [
    refusal(
        "f6-refuse-orders-by-device",
        "orders split by device type, mobile vs desktop",
        "terse",
        "fresh6",
        "no dataset records the device an order was placed from",
    ),
    refusal(
        "f6-refuse-credit-limits",
        "Report each customer's credit limit alongside their orders.",
        "formal",
        "fresh6",
        "customers hold no credit limit, nor does any other dataset",
    ),
    refusal(
        "f6-refuse-what-is-a-dag",
        "What is a pipeline DAG, in simple terms?",
        "question",
        "fresh6",
        "a question about a concept, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f6-refuse-make-it-nicer",
        "hey, can you make it look nicer? the usual way, you know",
        "chatty",
        "fresh6",
        "too vague to plan: no dataset, no step, and 'the usual way' refers to nothing the planner has seen",
    ),
    refusal(
        "f6-refuse-support-call-minutes",
        "how long each subscriber spent on the phone with our helpdesk",
        "paraphrase",
        "fresh6",
        "churn counts support_calls but records no call durations",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
