"""Fresh8 cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal


def _avg_revenue_per_status_2024(f: Frames, folded: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == 2024)
    key = truth.status() if folded else pl.col("status")
    out = rows.group_by(key.alias("status")).agg(pl.col("total_revenue").mean())
    return out.drop("status") if folded else out


def _fiber_per_region(f: Frames, keep_missing: bool) -> pl.DataFrame:
    rows = f["churn"].filter(pl.col("internet_service") == "fiber")
    rows = rows if keep_missing else rows.filter(pl.col("region").is_not_null())
    return rows.group_by("region").agg(pl.len().alias("subscribers"))


def _italian_smb_count(f: Frames, dedupe: bool) -> pl.DataFrame:
    rows = f["customers"].unique() if dedupe else f["customers"]
    rows = rows.filter((pl.col("segment") == "smb") & (truth.customer_country() == "IT"))
    return rows.select(pl.len().alias("customers"))


DERIVED = [
    case(
        "f8-derive-birth-year",
        "customers: add birth_year = year of birth_date",
        "terse",
        "fresh8",
        "derive",
        lambda f: f["customers"].with_columns(pl.col("birth_date").dt.year().alias("birth_year")),
        strict_names=["birth_year"],
        note="the year of birth_date as a number; empty where there is no birth date",
    ),
    case(
        "f8-derive-high-value-flag",
        "Add a column high_value to orders that is true when total_revenue exceeds 1,000 and false otherwise.",
        "formal",
        "fresh8",
        "derive",
        lambda f: f["orders"].with_columns((pl.col("total_revenue") > 1000).alias("high_value")),
        strict_names=["high_value"],
        note="total_revenue above 1,000 is true, the rest false (no revenue is missing)",
    ),
    case(
        "f8-derive-yearly-charges",
        "each subscriber with an extra column for what they pay in a year, i.e. twelve times the monthly figure",
        "paraphrase",
        "fresh8",
        "derive",
        lambda f: f["churn"].with_columns((pl.col("monthly_charges") * 12).alias("yearly_charges")),
        note="monthly_charges times 12 (the outliers as stored); any column name, monthly_charges kept beside it",
    ),
    case(
        "f8-derive-name-upper-case",
        "Could you add a column with each customer's name written in capital letters?",
        "question",
        "fresh8",
        "derive",
        lambda f: f["customers"].with_columns(pl.col("name").str.to_uppercase().alias("name_upper")),
        note="customers.name upper-cased, accents kept ('JOSÉ SCHÄFER'); any column name, the name kept beside it",
    ),
    case(
        "f8-fill-income-zero",
        "replace emtpy income values in churn with zero",
        "typo",
        "fresh8",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("income").fill_null(0)),
        strict_names=["income"],
        note="the 114 missing incomes become 0",
    ),
    case(
        "f8-fill-price-zero",
        "hey! the products with no price are messing up my chart, could you set those to 0 for now? thx",
        "chatty",
        "fresh8",
        "fill",
        lambda f: f["products"].with_columns(pl.col("price").fill_null(0)),
        strict_names=["price"],
        note="the five missing prices become 0; every other product as stored",
    ),
    case(
        "f8-fill-total-from-monthly-times-tenure",
        "where a subscriber has no total charges on record, work one out as their monthly charges times their tenure",
        "paraphrase",
        "fresh8",
        "fill",
        lambda f: f["churn"].with_columns(
            pl.col("total_charges").fill_null(pl.col("monthly_charges") * pl.col("tenure_months"))
        ),
        strict_names=["total_charges"],
        note="the 79 missing total_charges become monthly_charges x tenure_months (negative where the tenure is);"
        " the recorded totals stay",
    ),
]

STEPS = [
    case(
        "f8-combo-top-three-france-2023",
        "Which were the three biggest orders by revenue that went to France in 2023?",
        "question",
        "fresh8",
        "combination",
        lambda f: (
            f["orders"]
            .filter((pl.col("country") == "FR") & (pl.col("order_date").dt.year() == 2023))
            .sort("total_revenue", descending=True)
            .head(3)
        ),
        sort_key=["total_revenue"],
        note="orders.country FR, order_date in 2023, the three highest total_revenue, largest first; any status (the"
        " first two are exact copies of one order, 5,348.16 each, kept as stored)",
    ),
    case(
        "f8-combo-m2m-churned-columns",
        "month-to-month subscibers who churnd, only ref, tenure and monthly charges",
        "typo",
        "fresh8",
        "combination",
        lambda f: (
            f["churn"]
            .filter((truth.contract() == "month-to-month") & (pl.col("churned") == 1))
            .select("customer_ref", "tenure_months", "monthly_charges")
        ),
        columns="exact",
        note="contract meaning month-to-month ('M2M', 'month to month', 'Month-to-month' too) and churned = 1;"
        " customer_ref, tenure_months and monthly_charges",
    ),
    case(
        "f8-combo-avg-revenue-per-status-2024",
        "hey, could you work out the average revenue per order for each status, but only for orders from 2024? cheers",
        "chatty",
        "fresh8",
        "combination",
        lambda f: _avg_revenue_per_status_2024(f, folded=True),
        alternatives=[lambda f: _avg_revenue_per_status_2024(f, folded=False)],
        note="order_date in 2024, mean total_revenue per status folded to five or as stored; a folded group may be"
        " labelled by any of its spellings, so only its mean is compared",
    ),
]

TURNS = [
    case(
        "f8-turn-fiber-count-by-region",
        ["churn", "fiber only", "subscribers per region"],
        "terse",
        "fresh8",
        "follow-up",
        lambda f: _fiber_per_region(f, keep_missing=True),
        alternatives=[lambda f: _fiber_per_region(f, keep_missing=False)],
        note="internet_service fiber, rows counted per region; the rows without a region form a group or are left out",
    ),
    case(
        "f8-turn-electronics-top-five-price",
        [
            "Please show the products in the Electronics category.",
            "Sort them by price in descending order and keep the first five.",
        ],
        "formal",
        "fresh8",
        "follow-up",
        lambda f: (
            f["products"]
            .filter(truth.category() == "electronic")
            .sort("price", descending=True, nulls_last=True)
            .head(5)
        ),
        sort_key=["price"],
        note="category meaning Electronics, price descending with missing prices last, the first five (the two"
        " outliers 77,555.4 and 51,803.98 first)",
    ),
    case(
        "f8-turn-italian-smb-count",
        [
            "the customers registered as small businesses",
            "of those, just the ones based in Italy",
            "and the number of them?",
        ],
        "paraphrase",
        "fresh8",
        "follow-up",
        lambda f: _italian_smb_count(f, dedupe=False),
        alternatives=[lambda f: _italian_smb_count(f, dedupe=True)],
        note="small businesses are segment 'smb'; customers.country meaning IT ('it', 'Italy' too); counted: one"
        " number, exact copies counted as stored or once",
    ),
]

REFUSALS = [
    refusal(
        "f8-refuse-stock-per-warehouse",
        "stock levels per warehouse",
        "terse",
        "fresh8",
        "no dataset records stock or warehouses: products hold a price and weight, no inventory",
    ),
    refusal(
        "f8-refuse-product-ratings",
        "star ratings custmers gave each prodcut",
        "typo",
        "fresh8",
        "no dataset holds reviews or ratings of products",
    ),
    refusal(
        "f8-refuse-explain-pivot",
        "Can you explain what a pivot table actually is?",
        "question",
        "fresh8",
        "a question about a concept, not a request for data; there is no pipeline to build",
    ),
    refusal(
        "f8-refuse-tidy-things-up",
        "hey, could you tidy things up a bit so the numbers make more sense? ta",
        "chatty",
        "fresh8",
        "too vague to plan: names no dataset, column or change",
    ),
    refusal(
        "f8-refuse-upload-salesforce",
        "Please upload the cleaned churn data to our Salesforce account.",
        "formal",
        "fresh8",
        "an action the planner cannot take: it drafts a pipeline over the datasets, it does not push data to an"
        " outside CRM",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
