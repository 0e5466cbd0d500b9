"""Fresh15 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal
from evals.planner.truth import FOLDED_NOTE


def _senior(f: Frames, unknown_false: bool) -> pl.DataFrame:
    flag = pl.col("age") > 65
    return f["customers"].with_columns((flag.fill_null(False) if unknown_false else flag).alias("senior"))


def _email_domain(f: Frames, missing: str | None) -> pl.DataFrame:
    domain = pl.col("email").str.split("@").list.get(1, null_on_oob=True)
    return f["customers"].with_columns((domain if missing is None else domain.fill_null(missing)).alias("email_domain"))


def _yearly_charge(f: Frames, replace: bool) -> pl.DataFrame:
    yearly = pl.col("monthly_charges") * 12
    return f["churn"].with_columns(yearly.alias("monthly_charges" if replace else "yearly_charges"))


def _toys_priciest_first(f: Frames, nulls_last: bool) -> pl.DataFrame:
    toys = f["products"].filter(truth.category() == "toy")
    return toys.sort("price", descending=True, nulls_last=nulls_last)


def _france_per_status(f: Frames, folded: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("country") == "FR")
    key = truth.status().alias("status") if folded else pl.col("status")
    out = rows.group_by(key).agg(pl.len().alias("orders"))
    return out.drop("status") if folded else out


def _german_customers_per_segment(f: Frames) -> pl.DataFrame:
    rows = f["customers"].filter(truth.customer_country() == "DE")
    return rows.group_by("segment").agg(pl.len().alias("customers"))


def _delivered_2024_revenue_per_country(f: Frames) -> pl.DataFrame:
    rows = f["orders"].filter((truth.status() == "delivered") & (pl.col("order_date").dt.year() == 2024))
    return rows.group_by("country").agg(pl.col("total_revenue").sum())


DERIVED = [
    case(
        "f15-derive-name-in-capitals",
        "customers + name_caps = name in upper case",
        "terse",
        "fresh15",
        "derive",
        lambda f: f["customers"].with_columns(pl.col("name").str.to_uppercase().alias("name_caps")),
        strict_names=["name_caps"],
        note="customers.name in capitals ('SOFIA DUBOIS', accented letters too: 'JOSÉ SCHÄFER') beside the name",
    ),
    case(
        "f15-derive-senior-flag",
        "hiya! could you mark which customers are over 65 with a true/false column? marketing is planning a"
        " seniors' discount, thanks",
        "chatty",
        "fresh15",
        "derive",
        lambda f: _senior(f, unknown_false=False),
        alternatives=[lambda f: _senior(f, unknown_false=True)],
        note="customers.age above 65 gives true, the rest false, under any name; the 194 missing ages empty or"
        " false; 65 itself is not over 65",
    ),
    case(
        "f15-derive-email-domain",
        "Could each customer get a column with the bit of their email address after the @?",
        "question",
        "fresh15",
        "derive",
        lambda f: _email_domain(f, missing=None),
        alternatives=[lambda f: _email_domain(f, missing="")],
        note="the text after '@' in customers.email, as stored ('example.com', 'FIRMA.EXAMPLE.DE', empty after a"
        " trailing '@'), under any name; the seven addresses with no '@' get an empty value or empty text",
    ),
    case(
        "f15-derive-revenue-per-unit",
        "Add a column named revenue_per_unit to the orders, equal to total_revenue divided by quantity.",
        "formal",
        "fresh15",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("total_revenue") / pl.col("quantity")).alias("revenue_per_unit")),
        strict_names=["revenue_per_unit"],
        note="total_revenue / quantity as a fraction (no quantity is zero; the negative ones give what they"
        " give); it differs from unit_price where total_revenue does",
    ),
    case(
        "f15-derive-yearly-charge",
        "the churn table with each subscriber's monthly charge also shown as a yearly amount",
        "paraphrase",
        "fresh15",
        "derive",
        lambda f: _yearly_charge(f, replace=False),
        alternatives=[lambda f: _yearly_charge(f, replace=True)],
        note="churn.monthly_charges times 12 under any name, beside the monthly charge (or, accepted, in its"
        " place); outliers as stored",
    ),
    case(
        "f15-fill-city-unknown",
        "custmers, wth any empty city set to 'unknown'",
        "typo",
        "fresh15",
        "fill",
        lambda f: f["customers"].with_columns(pl.col("city").fill_null("unknown")),
        strict_names=["city"],
        note="the 121 missing customers.city become 'unknown'; every other city as stored",
    ),
    case(
        "f15-fill-income-median",
        "churn, with the gaps in income plugged using the median income",
        "paraphrase",
        "fresh15",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("income").fill_null(pl.col("income").median())),
        strict_names=["income"],
        note="the 114 missing churn.income become the median of the known incomes; every other income as stored",
    ),
]

STEPS = [
    case(
        "f15-combo-delivered-2024-revenue-per-country",
        "delivered orders in 2024: revenue summed per country",
        "terse",
        "fresh15",
        "combination",
        _delivered_2024_revenue_per_country,
        note="status meaning delivered in any spelling ('Delivered', 'DELIVERED', 'delivred' too) and order_date"
        " in 2024, total_revenue summed per orders.country (seven, stored one way), currencies as stored",
    ),
    case(
        "f15-combo-top-five-fibre-charges",
        "Which five fibre customers pay the most each month?",
        "question",
        "fresh15",
        "combination",
        lambda f: (
            f["churn"].filter(pl.col("internet_service") == "fiber").sort("monthly_charges", descending=True).head(5)
        ),
        sort_key=["monthly_charges"],
        note="internet_service 'fiber' (fibre as written), the five highest monthly_charges first (three"
        " outliers among them); no tie at the fifth",
    ),
    case(
        "f15-combo-german-customers-per-segment",
        "among the customers living in Germany, how they split across the segments",
        "paraphrase",
        "fresh15",
        "combination",
        _german_customers_per_segment,
        note="customers.country meaning Germany in any spelling ('de', 'Deutschland', 'Germany', a trailing space"
        " too), customers rows counted per segment (three, stored one way)",
    ),
]

TURNS = [
    case(
        "f15-turn-toys-priciest-first",
        [
            "Begin with the products dataset.",
            "Restrict it to the Toys category.",
            "Order the result by price, most expensive first.",
        ],
        "formal",
        "fresh15",
        "follow-up",
        lambda f: _toys_priciest_first(f, nulls_last=True),
        alternatives=[lambda f: _toys_priciest_first(f, nulls_last=False)],
        sort_key=["price"],
        note="category meaning Toys in any spelling ('toys', a trailing space too: 42 rows), products.price"
        " descending, a missing price last or first; ties in any order",
    ),
    case(
        "f15-turn-france-orders-per-status",
        [
            "morning! pull up the orders for me?",
            "only the ones sent to France please",
            "and now how many of those are in each status? thanks!",
        ],
        "chatty",
        "fresh15",
        "follow-up",
        lambda f: _france_per_status(f, folded=True),
        alternatives=[lambda f: _france_per_status(f, folded=False)],
        note="orders.country FR, orders counted per status folded to five or as stored; " + FOLDED_NOTE,
    ),
    case(
        "f15-turn-churners-support-calls-per-payment",
        ["churn tbl", "jus the ppl who churnd", "avg supprt calls per paymnt methd"],
        "typo",
        "fresh15",
        "follow-up",
        lambda f: (
            f["churn"].filter(pl.col("churned") == 1).group_by("payment_method").agg(pl.col("support_calls").mean())
        ),
        note="churn.churned = 1, mean support_calls per payment_method (four, stored one way)",
    ),
]

REFUSALS = [
    refusal(
        "f15-refuse-star-ratings",
        "product reviews + star ratings",
        "terse",
        "fresh15",
        "no dataset holds reviews or ratings: products has a name, category, price and weight only",
    ),
    refusal(
        "f15-refuse-weather-on-busy-days",
        "What was the weather like on the days we took the most orders?",
        "question",
        "fresh15",
        "no dataset records weather; order counts per day can be had, the weather beside them cannot",
    ),
    refusal(
        "f15-refuse-text-on-cancel",
        "hi! could you send a text to my phone whenever a subscriber cancels? would save me checking all day,"
        " thanks a lot",
        "chatty",
        "fresh15",
        "an action the planner cannot take: it drafts a pipeline over the datasets; it sends no messages and"
        " watches for nothing",
    ),
    refusal(
        "f15-refuse-median-vs-mean",
        "Please describe how a median differs from a mean.",
        "formal",
        "fresh15",
        "a question about a concept, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f15-refuse-what-next-quarter",
        "wat shuld we focus on nxt quartr?",
        "typo",
        "fresh15",
        "too vague to plan: a question of strategy that names no dataset, rows or columns",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
