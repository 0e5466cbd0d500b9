"""Fresh7 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal

POUND = 0.45359237


def _weight_in_kg(f: Frames, pound: float) -> pl.DataFrame:
    weight = pl.col("weight").str.strip_chars()
    amount = weight.str.extract(r"^([0-9.]+)").cast(pl.Float64)
    unit = weight.str.extract(r"([a-z]+)$")
    kilos = pl.when(unit == "g").then(amount / 1000).when(unit == "lb").then(amount * pound).otherwise(amount)
    return f["products"].with_columns(kilos.alias("weight_kg"))


def _age_group(f: Frames, missing_as_older: bool) -> pl.DataFrame:
    older = pl.lit(True) if missing_as_older else pl.col("age") >= 40
    band = pl.when(pl.col("age") < 40).then(pl.lit("under 40")).when(older).then(pl.lit("40 and over"))
    return f["customers"].with_columns(band.alias("age_group"))


def _french_consumers_per_city(f: Frames, keep_missing: bool, dedupe: bool) -> pl.DataFrame:
    rows = f["customers"].filter((truth.customer_country() == "FR") & (pl.col("segment") == "consumer"))
    rows = rows.unique() if dedupe else rows
    rows = rows if keep_missing else rows.filter(pl.col("city").is_not_null())
    return rows.group_by("city").agg(pl.len().alias("customers")).sort("customers", descending=True)


def _one_year_monthly_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"].filter(truth.contract() == "one-year")
    rows = rows if keep_missing else rows.filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("monthly_charges").mean())


DERIVED = [
    case(
        "f7-derive-days-to-ship",
        "orders: add days_to_ship = ship_date - order_date, in days",
        "terse",
        "fresh7",
        "derive",
        lambda f: f["orders"].with_columns(
            (pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias("days_to_ship")
        ),
        strict_names=["days_to_ship"],
        note="whole days from order_date to ship_date; empty where there is no ship date; a few are negative (shipped"
        " before ordered)",
    ),
    case(
        "f7-derive-age-group",
        "Add a column age_group to customers: 'under 40' when age is below 40, '40 and over' otherwise.",
        "formal",
        "fresh7",
        "derive",
        lambda f: _age_group(f, missing_as_older=False),
        strict_names=["age_group"],
        alternatives=[lambda f: _age_group(f, missing_as_older=True)],
        note="age below 40 (the ten negative ages too) is 'under 40'; the 194 missing ages may stay empty or fall"
        " into 'otherwise'",
    ),
    case(
        "f7-derive-weight-in-kilos",
        "give each product its weight as a plain number of kilos, converting the ones listed in grams or pounds",
        "paraphrase",
        "fresh7",
        "derive",
        lambda f: _weight_in_kg(f, POUND),
        alternatives=[lambda f, factor=factor: _weight_in_kg(f, factor) for factor in (0.4536, 0.454)],
        note="weight is text: 180 in 'kg', 10 in 'g' (divided by 1,000) and 10 in 'lb' (a pound is 0.45359237 kg;"
        " 0.4536 and 0.454 accepted too); any column name, the text weight kept or replaced",
    ),
    case(
        "f7-derive-order-year",
        "Could you add a column holding the year each order was placed in?",
        "question",
        "fresh7",
        "derive",
        lambda f: f["orders"].with_columns(pl.col("order_date").dt.year().alias("order_year")),
        note="the year of order_date as a number (2022 to 2035); any column name",
    ),
    case(
        "f7-fill-region-unknown",
        "fill blank regons in churn with 'unknown'",
        "typo",
        "fresh7",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("region").fill_null("unknown")),
        strict_names=["region"],
        note="the 60 missing regions become 'unknown'",
    ),
    case(
        "f7-fill-ship-date-from-order-date",
        "hi! where an order has no ship date, could you just use its order date instead? makes the timeline chart work",
        "chatty",
        "fresh7",
        "fill",
        lambda f: f["orders"].with_columns(pl.col("ship_date").fill_null(pl.col("order_date"))),
        strict_names=["ship_date"],
        note="the 1,567 missing ship dates take the order's own order_date",
    ),
    case(
        "f7-fill-income-middle-value",
        "plug the holes in the subscribers' income figures with the middle value of the known ones",
        "paraphrase",
        "fresh7",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("income").fill_null(pl.col("income").median())),
        strict_names=["income"],
        note="the middle value is the median of the 2,886 known incomes; the 114 missing ones get it",
    ),
]

STEPS = [
    case(
        "f7-combo-five-biggest-delivered-2024",
        "What were the five biggest delivered orders of 2024 by revenue?",
        "question",
        "fresh7",
        "combination",
        lambda f: (
            f["orders"]
            .filter((truth.status() == "delivered") & (pl.col("order_date").dt.year() == 2024))
            .sort("total_revenue", descending=True)
            .head(5)
        ),
        sort_key=["total_revenue"],
        note="status meaning delivered, order_date in 2024, the five highest total_revenue, largest first",
    ),
    case(
        "f7-combo-fibre-callers-ref-calls",
        "fibre subscribrs with more then 3 suport calls, just ref and calls",
        "typo",
        "fresh7",
        "combination",
        lambda f: (
            f["churn"]
            .filter((pl.col("internet_service") == "fiber") & (pl.col("support_calls") > 3))
            .select("customer_ref", "support_calls")
        ),
        columns="exact",
        note="fibre is internet_service 'fiber'; support_calls above 3 (62 rows); customer_ref and support_calls",
    ),
    case(
        "f7-combo-french-consumers-per-city",
        "hiya, could you count our consumer customers in each French city, biggest first? cheers",
        "chatty",
        "fresh7",
        "combination",
        lambda f: _french_consumers_per_city(f, keep_missing=False, dedupe=False),
        alternatives=[
            lambda f, m=m, d=d: _french_consumers_per_city(f, keep_missing=m, dedupe=d)
            for m, d in [(True, False), (False, True), (True, True)]
        ],
        sort_key=["customers"],
        note="customers.country meaning FR ('France', 'FRA', 'fr' too) and segment consumer, rows counted per city,"
        " largest count first (cities of the same count in any order); the ones without a city may form a group"
        " or be left out; exact copies counted as stored or once",
    ),
]

TURNS = [
    case(
        "f7-turn-cheapest-three-garden",
        ["products garden", "sort by price asc", "top 3"],
        "terse",
        "fresh7",
        "follow-up",
        lambda f: f["products"].filter(truth.category() == "garden").sort("price", nulls_last=True).head(3),
        sort_key=["price"],
        note="category meaning Garden ('Gardens', 'GARDEN' too), price ascending, the first three (missing prices"
        " are not the cheapest)",
    ),
    case(
        "f7-turn-one-year-monthly-per-region",
        [
            "Please show the subscribers on a one-year contract.",
            "Now give me their average monthly charges per region.",
        ],
        "formal",
        "fresh7",
        "follow-up",
        lambda f: _one_year_monthly_per_region(f, keep_missing=False),
        alternatives=[lambda f: _one_year_monthly_per_region(f, keep_missing=True)],
        note="contract meaning one-year ('One Year' too), then mean monthly_charges per region; the rows without a"
        " region may form their own group or be left out",
    ),
    case(
        "f7-turn-us-orders-2023-count",
        ["orders that went to American addresses", "narrow that to the ones placed in 2023", "how many is that?"],
        "paraphrase",
        "fresh7",
        "follow-up",
        lambda f: (
            f["orders"]
            .filter((pl.col("country") == "US") & (pl.col("order_date").dt.year() == 2023))
            .select(pl.len().alias("orders"))
        ),
        note="orders.country US (where they went), order_date in 2023, counted: one number",
    ),
]

REFUSALS = [
    refusal(
        "f7-refuse-gender-split",
        "gender split of customers",
        "terse",
        "fresh7",
        "customers record no gender, nor does any other dataset",
    ),
    refusal(
        "f7-refuse-vat-per-order",
        "ordrs with the vat amount chargd on each",
        "typo",
        "fresh7",
        "no dataset records tax: orders hold a unit price and total revenue, no VAT",
    ),
    refusal(
        "f7-refuse-mean-vs-median",
        "When should I use the median instead of the mean?",
        "question",
        "fresh7",
        "a question about a statistical concept, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f7-refuse-board-numbers",
        "hi! can you do the numbers for the board like last quarter? thanks a bunch",
        "chatty",
        "fresh7",
        "too vague to plan: 'the numbers' and 'like last quarter' name no dataset, measure or earlier work the"
        " planner has seen",
    ),
    refusal(
        "f7-refuse-schedule-nightly",
        "Please schedule the orders export to run automatically every night at 2am.",
        "formal",
        "fresh7",
        "an action the planner cannot take: it drafts a pipeline, it does not schedule runs",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
