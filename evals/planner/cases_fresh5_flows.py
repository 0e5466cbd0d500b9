"""Fresh5 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal

RATE_NOTE = "churned is 0/1, so the rate is its mean; as a share or as a percentage are both accepted"
MONTH_NOTE = "the month as its first day, as YYYY-MM text, or as its number"


def _value_tier(f: Frames, missing_low: bool) -> pl.DataFrame:
    high = pl.col("total_charges") >= 3_000
    tier = pl.when(high).then(pl.lit("high")).otherwise(pl.lit("low"))
    tier = tier if missing_low else pl.when(pl.col("total_charges").is_null()).then(None).otherwise(tier)
    return f["churn"].with_columns(tier.alias("value_tier"))


def _price_filled(f: Frames, folded: bool) -> pl.DataFrame:
    group = truth.category() if folded else pl.col("category")
    return f["products"].with_columns(pl.col("price").fill_null(pl.col("price").median().over(group)))


def _rate_by_payment_test(f: Frames, scale: float) -> pl.DataFrame:
    rows = f["churn"].filter(pl.col("split") == "test")
    rates = rows.group_by("payment_method").agg((pl.col("churned").mean() * scale).alias("churn_rate"))
    return rates.sort("churn_rate", descending=True)


def _sane_price_by_category(f: Frames) -> pl.DataFrame:
    rows = f["products"].filter(pl.col("price").is_between(0, 10_000))
    return rows.group_by(truth.category().alias("category")).agg(pl.col("price").mean().alias("avg_price"))


def _echeck_leavers_by_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"].filter((pl.col("payment_method") == "electronic check") & (pl.col("churned") == 1))
    rows = rows if keep_missing else rows.filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("support_calls").mean().alias("avg_support_calls"))


def _spain_2024_monthly(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter((pl.col("country") == "ES") & (pl.col("order_date").dt.year() == 2024))
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.col("total_revenue").sum().alias("revenue"))


def _enterprise_per_country(f: Frames, count: str) -> pl.DataFrame:
    rows = f["customers"].filter(pl.col("segment") == "enterprise")
    rows = rows.unique() if count == "distinct-rows" else rows
    measure = pl.col("customer_id").n_unique() if count == "distinct-ids" else pl.len()
    return rows.group_by(truth.customer_country().alias("country")).agg(measure.alias("customers"))


DERIVED = [
    case(
        "f5-derive-vat",
        "orders: add vat = total_revenue * 0.2",
        "terse",
        "fresh5",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("total_revenue") * 0.2).alias("vat")),
        strict_names=["vat"],
    ),
    case(
        "f5-derive-value-tier",
        "Add a column value_tier to the churn data: 'high' where total_charges is 3,000 or more, otherwise 'low'.",
        "formal",
        "fresh5",
        "derive",
        lambda f: _value_tier(f, missing_low=True),
        strict_names=["value_tier"],
        alternatives=[lambda f: _value_tier(f, missing_low=False)],
        note="the 79 rows without total_charges fall under 'otherwise' (low), or may be left empty",
    ),
    case(
        "f5-derive-order-month",
        "Could you add a column to orders giving the month each order was placed in, like 2024-03?",
        "question",
        "fresh5",
        "derive",
        lambda f: f["orders"].with_columns(truth.month("order_date").alias("order_month")),
        note="the month of order_date as YYYY-MM text or as its first day; any column name",
    ),
    case(
        "f5-derive-above-median-charge",
        "on the churn table, mark which subscribers pay more each month than the typical (median) subscriber does",
        "paraphrase",
        "fresh5",
        "derive",
        lambda f: f["churn"].with_columns(
            (pl.col("monthly_charges") > pl.col("monthly_charges").median()).alias("above_median")
        ),
        note="true where monthly_charges exceeds the median of all monthly_charges (outliers included); a true/false"
        " column with any name",
    ),
    case(
        "f5-fill-charges-from-monthly",
        "hey, churn has holes in total_charges, could you fill them with monthly_charges times tenure_months? seems"
        " the fairest guess",
        "chatty",
        "fresh5",
        "fill",
        lambda f: f["churn"].with_columns(
            pl.col("total_charges").fill_null(pl.col("monthly_charges") * pl.col("tenure_months"))
        ),
        strict_names=["total_charges"],
        note="only the 79 missing total_charges change; the known ones stay as stored",
    ),
    case(
        "f5-fill-income-median",
        "incme is blank for some subscibers, put the medain in there",
        "typo",
        "fresh5",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("income").fill_null(pl.col("income").median())),
        strict_names=["income"],
        note="the 114 missing incomes get the median of the known ones",
    ),
    case(
        "f5-fill-price-category-median",
        "In the products data, replace each missing price with the median price of products in the same category.",
        "formal",
        "fresh5",
        "fill",
        lambda f: _price_filled(f, folded=True),
        strict_names=["price"],
        alternatives=[lambda f: _price_filled(f, folded=False)],
        note="the 5 missing prices get their category's median (outliers and negative prices included); the"
        " category may be taken with its spelling variants folded together or as stored",
    ),
]

STEPS = [
    case(
        "f5-combo-shipped-2024-avg-by-country",
        "Take the orders shipped in 2024, compute the average revenue per country, and rank the countries from"
        " highest to lowest average.",
        "formal",
        "fresh5",
        "combination",
        lambda f: (
            f["orders"]
            .filter(pl.col("ship_date").dt.year() == 2024)
            .group_by("country")
            .agg(pl.col("total_revenue").mean().alias("avg_revenue"))
            .sort("avg_revenue", descending=True)
        ),
        sort_key=["avg_revenue"],
        note="by the year of ship_date (unshipped orders have none), mean total_revenue per orders.country, sorted"
        " descending; seven countries",
    ),
    case(
        "f5-combo-test-rate-by-payment",
        "test split: churn rate by payment_method, highest first",
        "terse",
        "fresh5",
        "combination",
        lambda f: _rate_by_payment_test(f, 1.0),
        sort_key=["churn_rate"],
        alternatives=[lambda f: _rate_by_payment_test(f, 100.0)],
        note=RATE_NOTE + "; split = 'test' only; four groups sorted by the rate descending",
    ),
    case(
        "f5-combo-sane-prices-by-category",
        "hey, could you take products, throw out the silly prices (negative or over 10,000), and then give me the"
        " average price per category?",
        "chatty",
        "fresh5",
        "combination",
        lambda f: _sane_price_by_category(f).select("avg_price"),
        note="prices from 0 to 10,000 kept (the 4 outliers and 3 negatives go; missing prices add nothing), then"
        " the mean per category with its spelling variants taken together: six groups, only the means are checked",
    ),
]

TURNS = [
    case(
        "f5-turn-echeck-leavers-region",
        ["subscrbers on electronic chek payments", "now only thoes who churnd", "avg suport calls per regoin"],
        "typo",
        "fresh5",
        "follow-up",
        lambda f: _echeck_leavers_by_region(f, keep_missing=True),
        alternatives=[lambda f: _echeck_leavers_by_region(f, keep_missing=False)],
        note="payment_method 'electronic check', churned = 1, mean support_calls per region; the group without a"
        " region may be kept or left out",
    ),
    case(
        "f5-turn-spain-2024-monthly",
        ["orders headed for Spain", "only those from 2024", "what did they bring in each month?"],
        "paraphrase",
        "fresh5",
        "follow-up",
        lambda f: _spain_2024_monthly(f, as_number=False),
        alternatives=[lambda f: _spain_2024_monthly(f, as_number=True)],
        note="orders.country ES, order_date in 2024, what they brought in is total_revenue summed per month; "
        + MONTH_NOTE,
    ),
    case(
        "f5-turn-enterprise-per-country",
        ["Who are our enterprise-segment customers?", "How many is that per country?"],
        "question",
        "fresh5",
        "follow-up",
        lambda f: _enterprise_per_country(f, "rows"),
        alternatives=[lambda f, c=c: _enterprise_per_country(f, c) for c in ("distinct-rows", "distinct-ids")],
        note="enterprise customers counted per country folded to ISO codes ('Germany', 'de'... are DE): seven"
        " groups; rows as stored, exact copies once, or distinct customer_ids are all accepted",
    ),
]

REFUSALS = [
    refusal(
        "f5-refuse-revenue-by-checkout-payment",
        "Break down order revenue by the payment method used at checkout.",
        "formal",
        "fresh5",
        "orders record no payment method; churn.payment_method belongs to subscribers, who share no key with orders",
    ),
    refusal(
        "f5-refuse-explain-joins",
        "What's the difference between a left join and an inner join?",
        "question",
        "fresh5",
        "a question about concepts, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f5-refuse-thing-from-the-call",
        "hey, can you rerun the thing we talked about on yesterday's call? same as before please",
        "chatty",
        "fresh5",
        "ambiguous: it refers to a conversation the planner never saw, and names no dataset or step",
    ),
    refusal(
        "f5-refuse-return-reasons",
        "why did custmers send back there ordrs? reasons per product pls",
        "typo",
        "fresh5",
        "orders say which were returned but no dataset records why",
    ),
    refusal(
        "f5-refuse-parcel-distance",
        "how far each parcel had to travel to reach the person who bought it",
        "paraphrase",
        "fresh5",
        "no addresses, warehouses or distances are stored; only country and city, which give no distance",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
