"""Fresh4 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal


def _slow_shipping(f: Frames, unshipped_false: bool) -> pl.DataFrame:
    slow = (pl.col("ship_date") - pl.col("order_date")).dt.total_days() > 5
    return f["orders"].with_columns((slow.fill_null(False) if unshipped_false else slow).alias("slow_shipping"))


def _age_filled(f: Frames, whole: bool) -> pl.DataFrame:
    mean = f["customers"]["age"].mean()
    assert isinstance(mean, float)
    return f["customers"].with_columns(pl.col("age").fill_null(round(mean) if whole else mean))


def _fibre_income_by_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"].filter(pl.col("internet_service") == "fiber")
    rows = rows if keep_missing else rows.filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.col("income").median().alias("income")).sort("income", descending=True)


def _french_delivered_2023(f: Frames, as_number: bool) -> pl.DataFrame:
    rows = f["orders"].filter(
        (truth.status() == "delivered") & (pl.col("country") == "FR") & (pl.col("order_date").dt.year() == 2023)
    )
    key = pl.col("order_date").dt.month() if as_number else truth.month("order_date")
    return rows.group_by(key.alias("month")).agg(pl.col("total_revenue").sum().alias("revenue")).sort("month")


def _one_year_leavers_by_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"].filter((truth.contract() == "one-year") & (pl.col("churned") == 1))
    rows = rows if keep_missing else rows.filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.len().alias("subscribers"))


DERIVED = [
    case(
        "f4-derive-loyal",
        "churn: add loyal = tenure_months >= 24",
        "terse",
        "fresh4",
        "derive",
        lambda f: f["churn"].with_columns((pl.col("tenure_months") >= 24).alias("loyal")),
        strict_names=["loyal"],
        note="true/false; no tenure is missing",
    ),
    case(
        "f4-derive-slow-shipping",
        "Add a boolean column slow_shipping to orders that is true when the order shipped more than 5 days after it"
        " was placed.",
        "formal",
        "fresh4",
        "derive",
        lambda f: _slow_shipping(f, unshipped_false=False),
        strict_names=["slow_shipping"],
        alternatives=[lambda f: _slow_shipping(f, unshipped_false=True)],
        note="ship_date minus order_date in days above 5 (6 or 7 days); for the unshipped orders the flag may be"
        " empty or false",
    ),
    case(
        "f4-derive-contract-clean",
        "Could you add a contract_clean column to churn that spells the contract type the same way everywhere?",
        "question",
        "fresh4",
        "derive",
        lambda f: f["churn"].with_columns(truth.contract().alias("contract_clean")),
        strict_names=["contract_clean"],
        note="each contract in its main spelling: 'M2M' and 'month to month' become month-to-month, 'One Year'"
        " one-year, '2 year' two-year; contract itself may stay as stored",
    ),
    case(
        "f4-derive-reachable-by-phone",
        "on customers, a true/false column telling whether we've got a number to ring them on",
        "paraphrase",
        "fresh4",
        "derive",
        lambda f: f["customers"].with_columns(pl.col("phone").is_not_null().alias("has_phone")),
        note="a number to ring is phone; true where it is filled in (60 customers have none); any column name",
    ),
    case(
        "f4-fill-total-charges-median",
        "hey, for subscribers with no total charges, could you plug in the median of everyone else's?",
        "chatty",
        "fresh4",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("total_charges").fill_null(pl.col("total_charges").median())),
        note="the 79 missing total_charges get the median of the known ones",
    ),
    case(
        "f4-fill-age-mean",
        "fill in custmers ages that are mising using the avrage age",
        "typo",
        "fresh4",
        "fill",
        lambda f: _age_filled(f, whole=False),
        alternatives=[lambda f: _age_filled(f, whole=True)],
        note="the 194 missing ages get the mean of the known ones (48.48, the negative ages included); age is whole"
        " years, so filling 48 is accepted too",
    ),
    case(
        "f4-fill-income-and-region",
        "In the churn data, set missing income to 0 and missing region to 'unknown'.",
        "formal",
        "fresh4",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("income").fill_null(0), pl.col("region").fill_null("unknown")),
        strict_names=["income", "region"],
    ),
]

STEPS = [
    case(
        "f4-combo-fibre-median-income-region",
        "fiber subs: median income by region, highest first",
        "terse",
        "fresh4",
        "combination",
        lambda f: _fibre_income_by_region(f, keep_missing=True),
        sort_key=["income"],
        alternatives=[lambda f: _fibre_income_by_region(f, keep_missing=False)],
        note="fiber subscribers only, median income per region, sorted by it descending; the group without a"
        " region may be kept or left out",
    ),
    case(
        "f4-combo-french-delivered-monthly-2023",
        "can you take the delivered orders going to France in 2023, total the revenue per month and sort by month?",
        "chatty",
        "fresh4",
        "combination",
        lambda f: _french_delivered_2023(f, as_number=False),
        sort_key=["month"],
        alternatives=[lambda f: _french_delivered_2023(f, as_number=True)],
        note="delivered in any spelling, the order's country FR, order_date in 2023, total_revenue summed per month"
        " in calendar order; " + "the month as its first day, as YYYY-MM text, or as its number",
    ),
    case(
        "f4-combo-real-deduped-per-segment",
        "From the customers data, exclude test accounts, remove exact duplicate rows, and count the customers"
        " remaining in each segment.",
        "formal",
        "fresh4",
        "combination",
        lambda f: (
            f["customers"]
            .filter(~pl.col("is_test_account"))
            .unique()
            .group_by("segment")
            .agg(pl.len().alias("customers"))
        ),
        note="the 30 exact copies are removed, the 15 reused ids (different rows) stay; three segments",
    ),
]

TURNS = [
    case(
        "f4-turn-one-year-leavers-area",
        ["subscribers on the one year plan", "just the ones who left", "how many per area?"],
        "paraphrase",
        "fresh4",
        "follow-up",
        lambda f: _one_year_leavers_by_region(f, keep_missing=True),
        alternatives=[lambda f: _one_year_leavers_by_region(f, keep_missing=False)],
        note="the plan is contract (one-year, 'One Year' too), leaving is churned = 1, the area is region; 4 of them"
        " have no region, and that group may be kept or left out",
    ),
    case(
        "f4-turn-2023-over-1000-sorted",
        [
            "What orders did we get in 2023?",
            "Which of those brought in more than 1,000?",
            "Could you sort them by revenue, biggest first?",
        ],
        "question",
        "fresh4",
        "follow-up",
        lambda f: (
            f["orders"]
            .filter((pl.col("order_date").dt.year() == 2023) & (pl.col("total_revenue") > 1_000))
            .sort("total_revenue", descending=True)
        ),
        sort_key=["total_revenue"],
        note="by order_date in 2023; what an order brought in is total_revenue",
    ),
    case(
        "f4-turn-cheapest-toys",
        ["prodcts in the toys categry", "sort by prise, cheapest frist", "keep the frist three"],
        "typo",
        "fresh4",
        "follow-up",
        lambda f: f["products"].filter(truth.category() == "toy").sort("price", nulls_last=True).head(3),
        sort_key=["price"],
        note="'toys' and 'Toys ' are toys too; the one toy without a price is not the cheapest; the negative price"
        " (-53.98) comes first as stored",
    ),
]

REFUSALS = [
    refusal(
        "f4-refuse-profit-after-shipping",
        "profit per order after shipping costs",
        "terse",
        "fresh4",
        "no dataset holds shipping costs or product costs, so profit cannot be computed",
    ),
    refusal(
        "f4-refuse-slide-deck",
        "could you put together a slide deck on churn by region for Monday's meeting? thanks!",
        "chatty",
        "fresh4",
        "a presentation is not a pipeline output; the planner builds datasets",
    ),
    refusal(
        "f4-refuse-churn-to-customers",
        "Join the churn records to the customers table so that each subscriber has their customer details.",
        "formal",
        "fresh4",
        "churn.customer_ref ('K00001') shares no key with customers.customer_id (1..2000), so there is nothing to"
        " join on",
    ),
    refusal(
        "f4-refuse-discount-codes",
        "Which discount code was used on each order?",
        "question",
        "fresh4",
        "no dataset records discount or promotion codes",
    ),
    refusal(
        "f4-refuse-undo-changes",
        "undo yesterdays chnages to the ordrs table",
        "typo",
        "fresh4",
        "there is no change history to roll back; reverting edits is not a pipeline",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
