"""Fresh9 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal


def _price_band(f: Frames, missing: str | None) -> pl.DataFrame:
    band = pl.when(pl.col("price") >= 500).then(pl.lit("premium")).otherwise(pl.lit("standard"))
    if missing is None:
        band = pl.when(pl.col("price").is_null()).then(pl.lit(None, pl.String)).otherwise(band)
    return f["products"].with_columns(band.alias("price_band"))


def _email_domain(f: Frames, reading: str) -> pl.DataFrame:
    parts = pl.col("email").str.split("@")
    if reading == "second-part":
        domain = parts.list.get(1, null_on_oob=True)
    elif reading == "second-part-or-empty":
        domain = parts.list.get(1, null_on_oob=True).fill_null("")
    else:  # everything after the first @
        domain = pl.col("email").str.extract(r"@(.*)$")
    return f["customers"].with_columns(domain.alias("email_domain"))


def _revenue_by_country_not_cancelled(f: Frames) -> pl.DataFrame:
    rows = f["orders"].filter(truth.status() != "cancelled")
    return rows.group_by("country").agg(pl.col("total_revenue").sum().alias("revenue"))


def _mean_price_per_category(f: Frames, folded: bool) -> pl.DataFrame:
    rows = f["products"].filter(pl.col("price").is_not_null())
    key = truth.category() if folded else pl.col("category")
    out = rows.group_by(key.alias("category")).agg(pl.col("price").mean())
    return out.drop("category") if folded else out


def _card_leavers_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"].filter((pl.col("churned") == 1) & (pl.col("payment_method") == "credit card"))
    rows = rows if keep_missing else rows.filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.len().alias("subscribers"))


DERIVED = [
    case(
        "f9-derive-days-to-ship",
        "orders: add ship_days = days from order_date to ship_date",
        "terse",
        "fresh9",
        "derive",
        lambda f: f["orders"].with_columns(
            (pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias("ship_days")
        ),
        strict_names=["ship_days"],
        note="whole days from order_date to ship_date, negative where the order shipped before it was placed, empty"
        " where it has not shipped",
    ),
    case(
        "f9-derive-price-band",
        "Add a column price_band to products that is 'premium' when the price is 500 or more and 'standard' otherwise.",
        "formal",
        "fresh9",
        "derive",
        lambda f: _price_band(f, missing="standard"),
        strict_names=["price_band"],
        alternatives=[lambda f: _price_band(f, missing=None)],
        note="price of 500 and more is 'premium', the rest 'standard'; the five products without a price are"
        " 'standard' (otherwise) or left empty",
    ),
    case(
        "f9-derive-revenue-per-unit",
        "each order with an extra column showing how much revenue each unit brought in",
        "paraphrase",
        "fresh9",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("total_revenue") / pl.col("quantity")).alias("revenue_per_unit")),
        note="total_revenue divided by quantity (no quantity is zero; the negative ones give negative values); any"
        " column name, the other columns kept beside it",
    ),
    case(
        "f9-derive-email-domain",
        "Could you add each customer's email domain as a column of its own?",
        "question",
        "fresh9",
        "derive",
        lambda f: _email_domain(f, "second-part"),
        alternatives=[
            lambda f: _email_domain(f, "second-part-or-empty"),
            lambda f: _email_domain(f, "after-first-at"),
        ],
        note="the part of the email after the @; the malformed emails leave it empty ('x.example.com', 'x@'), or"
        " for 'x@@example.com' it is the text between the two @ or everything after the first; any column name",
    ),
    case(
        "f9-fill-region-unknown",
        "churn: where the regon is emtpy, put 'unknown'",
        "typo",
        "fresh9",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("region").fill_null("unknown")),
        strict_names=["region"],
        note="the 60 missing regions become 'unknown'",
    ),
    case(
        "f9-fill-city-na",
        "hey! a few customers have no city on file, could you put 'n/a' in those for now? the export tool chokes"
        " on blanks",
        "chatty",
        "fresh9",
        "fill",
        lambda f: f["customers"].with_columns(pl.col("city").fill_null("n/a")),
        strict_names=["city"],
        note="the 121 missing cities become 'n/a'; every other customer as stored",
    ),
    case(
        "f9-fill-income-median",
        "subscribers whose income is missing given the middle income of everyone instead",
        "paraphrase",
        "fresh9",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("income").fill_null(pl.col("income").median())),
        strict_names=["income"],
        note="the 114 missing incomes become the median of the recorded ones (47,900); the recorded incomes stay",
    ),
]

STEPS = [
    case(
        "f9-combo-top-five-delivered-spain",
        "Out of the orders delivered in Spain, which five brought in the most revenue?",
        "question",
        "fresh9",
        "combination",
        lambda f: (
            f["orders"]
            .filter((truth.status() == "delivered") & (pl.col("country") == "ES"))
            .sort("total_revenue", descending=True)
            .head(5)
        ),
        sort_key=["total_revenue"],
        note="status meaning delivered ('Delivered', 'DELIVERED', 'delivred' too) and orders.country ES, the five"
        " highest total_revenue, largest first",
    ),
    case(
        "f9-combo-fibre-south-columns",
        "fibre subscibers in the south, only ref, age and incme",
        "typo",
        "fresh9",
        "combination",
        lambda f: (
            f["churn"]
            .filter((pl.col("internet_service") == "fiber") & (pl.col("region") == "south"))
            .select("customer_ref", "age", "income")
        ),
        columns="exact",
        note="fibre is internet_service 'fiber'; region south; customer_ref, age and income",
    ),
    case(
        "f9-combo-revenue-by-country-not-cancelled",
        "hey, could you total up revenue per destination country, but only counting orders that weren't"
        " cancelled? cheers",
        "chatty",
        "fresh9",
        "combination",
        _revenue_by_country_not_cancelled,
        note="every status but one meaning cancelled ('canceled' too), total_revenue summed per orders.country",
    ),
]

TURNS = [
    case(
        "f9-turn-mean-price-per-category",
        ["products", "price not null", "avg of price, grouped on category"],
        "terse",
        "fresh9",
        "follow-up",
        lambda f: _mean_price_per_category(f, folded=True),
        alternatives=[lambda f: _mean_price_per_category(f, folded=False)],
        note="products with a price, mean price per category folded to six or as stored (16 spellings); a folded"
        " group may be labelled by any of its spellings, so only its mean is compared",
    ),
    case(
        "f9-turn-enterprise-known-age-sorted",
        [
            "Please display our enterprise-segment clients.",
            "Keep only those whose age is known.",
            "Then arrange them from the youngest to the oldest.",
        ],
        "formal",
        "fresh9",
        "follow-up",
        lambda f: f["customers"].filter((pl.col("segment") == "enterprise") & pl.col("age").is_not_null()).sort("age"),
        sort_key=["age"],
        note="segment enterprise, age not missing, age ascending (any negative age first, as stored)",
    ),
    case(
        "f9-turn-card-leavers-per-region",
        ["the subscribers who left us", "only the ones paying by card", "and how many is that per area?"],
        "paraphrase",
        "fresh9",
        "follow-up",
        lambda f: _card_leavers_per_region(f, keep_missing=True),
        alternatives=[lambda f: _card_leavers_per_region(f, keep_missing=False)],
        note="those who left are churned = 1; paying by card is payment_method 'credit card'; the area is region,"
        " rows counted per region, the rows without a region a group of their own or left out",
    ),
]

REFUSALS = [
    refusal(
        "f9-refuse-headcount-per-department",
        "headcount by department",
        "terse",
        "fresh9",
        "no dataset holds staff or departments: the data is customers, orders, products and subscribers",
    ),
    refusal(
        "f9-refuse-basket-abandonment",
        "avrage basket abandonmnet rate per week",
        "typo",
        "fresh9",
        "no dataset records shopping baskets or abandoned checkouts, only placed orders",
    ),
    refusal(
        "f9-refuse-explain-standard-deviation",
        "What does a standard deviation actually tell me about my numbers?",
        "question",
        "fresh9",
        "a question about a concept, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f9-refuse-get-it-ready",
        "hiya, could you just sort the data out so it's ready for next week? you know what I mean, cheers",
        "chatty",
        "fresh9",
        "too vague to plan: names no dataset, column or change",
    ),
    refusal(
        "f9-refuse-grant-write-access",
        "Please give the finance team write access to the orders dataset.",
        "formal",
        "fresh9",
        "an action the planner cannot take: it drafts a pipeline over the datasets, it does not manage who may"
        " read or write them",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
