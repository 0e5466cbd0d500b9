"""Summaries, lookups and fills said as fresh5's requests say them: 'the youngest and the oldest age', 'orders +
buyer's city', 'income is blank for some subscribers, put the median in there'; each checked against the rows
Polars gives on both engines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]


def _age_range(dataset: str) -> Expected:
    return lambda f: f[dataset].select(pl.col("age").min().alias("min_age"), pl.col("age").max().alias("max_age"))


def _with(other: str, key: str, *columns: str) -> Expected:
    return lambda f: f["orders"].join(f[other].select(key, *columns), on=key, how="left")


def _filled(dataset: str, column: str, how: str) -> Expected:
    summary = pl.col(column).median() if how == "median" else pl.col(column).mean()
    return lambda f: f[dataset].with_columns(pl.col(column).fill_null(summary))


def _charges_estimated(f: Frames) -> pl.DataFrame:
    estimate = pl.col("monthly_charges") * pl.col("tenure_months")
    return f["churn"].with_columns(pl.col("total_charges").fill_null(estimate))


CASES: list[tuple[str, Expected]] = [
    # 'youngest' and 'oldest' of an age: its least and its greatest value
    ("What's the youngest and the oldest age among our subscribers?", _age_range("churn")),
    ("the oldest and youngest age in churn", _age_range("churn")),
    ("youngest and oldest ages of our customers", _age_range("customers")),
    # '+' before the other rows' column: that column looked up
    ("orders + buyer's city", _with("customers", "customer_id", "city")),
    ("orders + shopper's segment", _with("customers", "customer_id", "segment")),
    # several columns of another dataset added 'to every order': the orders are the rows they are added to
    (
        "Add the customer's segment and signup date to every order.",
        _with("customers", "customer_id", "segment", "signup_date"),
    ),
    ("attach the buyer's city and email to each order", _with("customers", "customer_id", "city", "email")),
    # the gaps said first as a plain statement, then what goes in them
    ("incme is blank for some subscibers, put the medain in there", _filled("churn", "income", "median")),
    ("age is missing for a few customers, fill in the mean", _filled("customers", "age", "mean")),
    ("total charges are empty in churn, use the median in their place", _filled("churn", "total_charges", "median")),
    # the data said to have holes in a column, then how to fill them; a closing judgement asks for nothing
    (
        "hey, churn has holes in total_charges, could you fill them with monthly_charges times tenure_months? seems"
        " the fairest guess",
        _charges_estimated,
    ),
    ("churn has gaps in total charges, fill them with monthly charges times tenure months", _charges_estimated),
    (
        "the churn data has some holes in total_charges; fill them using monthly_charges * tenure_months",
        _charges_estimated,
    ),
    ("fill missing income with the median, sounds reasonable", _filled("churn", "income", "median")),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fresh5_summary_wording_gives_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_youngest_of_a_column_that_is_no_age_is_not_understood(demo: Demo) -> None:
    planned = draft("the youngest and oldest price", demo.catalog)
    assert planned.definition is None
    assert any("not an age" in word for word in planned.not_understood)


RANKED_GROUPS: list[tuple[str, str, str, str, str, bool]] = [
    # the groups said as what is ranked, and the measure named again after the ends of the order
    (
        "compute the average revenue per country, and rank the countries from highest to lowest average",
        "orders",
        "country",
        "total_revenue",
        "mean",
        True,
    ),
    (
        "average monthly charges per region, then rank the regions from lowest to highest average",
        "churn",
        "region",
        "monthly_charges",
        "mean",
        False,
    ),
    (
        "median income per region, and order the regions from highest to lowest median",
        "churn",
        "region",
        "income",
        "median",
        True,
    ),
]


@pytest.mark.parametrize(
    ("request_text", "dataset", "by", "column", "function", "descending"),
    RANKED_GROUPS,
    ids=[c[0] for c in RANKED_GROUPS],
)
def test_groups_ranked_by_their_measure_are_sorted_by_it(
    request_text: str, dataset: str, by: str, column: str, function: str, descending: bool, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    name = f"{function}_{column}"
    measure = pl.col(column).mean() if function == "mean" else pl.col(column).median()
    expected = demo.frames[dataset].group_by(by).agg(measure.alias(name)).sort(name, descending=descending)
    same_rows(output.select(name), expected.select(name), ordered=True)


def test_a_measure_named_again_that_is_not_the_one_asked_is_not_understood(demo: Demo) -> None:
    planned = draft("total revenue by country, rank the countries from highest to lowest average", demo.catalog)
    assert "average" in planned.not_understood


MONTHS = [
    # a month of the calendar shown by example ('like 2024-03'): each row's month, not its month number
    "Could you add a column to orders giving the month each order was placed in, like 2024-03?",
    "orders with the month each order was placed in, e.g. 2024-03",
    "add a column to orders showing the month each order was placed in, for example 2024-03",
]


@pytest.mark.parametrize("request_text", MONTHS)
def test_a_month_shown_by_example_is_the_calendar_month(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    expected = demo.frames["orders"].with_columns(pl.col("order_date").dt.truncate("1mo").alias("order_month"))
    same_rows(output, expected)


def test_an_example_of_another_period_is_not_understood(demo: Demo) -> None:
    planned = draft("add a column to orders giving the year each order was placed in, like 2024-03", demo.catalog)
    assert any("another period" in word for word in planned.not_understood)


GEAR = [
    # 'gear' after a category, like 'stuff': the category's products, not a misspelt 'year'
    ("sports gear orders", ["sports"]),
    ("orders of garden gear", ["garden", "gardens"]),
]


@pytest.mark.parametrize(("request_text", "categories"), GEAR, ids=[c[0] for c in GEAR])
def test_gear_of_a_category_picks_the_orders_of_its_products(
    request_text: str, categories: list[str], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    products = demo.frames["products"].filter(folded("category").is_in(categories))
    same_rows(output, demo.frames["orders"].join(products, on="product_id", how="semi"))
