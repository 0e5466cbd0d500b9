"""The offline planner's summaries over dates and aggregates: the periods of the event a verb names ('shipped in
each month of 2024'), each checked against Polars."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import CONTRACT, Demo, Frames, answer, as_one_spelling, demo, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]
SHIP_MONTH = pl.col("ship_date").dt.truncate("1mo")


def _shipped_in(f: Frames, year: int) -> pl.DataFrame:
    return f["orders"].filter(pl.col("ship_date").dt.year() == year)


PERIODS: list[tuple[str, Expected]] = [
    (
        "how many orders shipped per month in 2024",
        lambda f: _shipped_in(f, 2024).group_by(SHIP_MONTH.alias("ship_month")).agg(pl.len().alias("count")),
    ),
    (
        "number of orders shipped each month during 2023",
        lambda f: _shipped_in(f, 2023).group_by(SHIP_MONTH.alias("ship_month")).agg(pl.len().alias("count")),
    ),
    (
        "orders shipped month by month for 2024",
        lambda f: _shipped_in(f, 2024).group_by(SHIP_MONTH.alias("ship_month")).agg(pl.len().alias("count")),
    ),
    (
        "monthly count of orders shipped in 2024",
        lambda f: _shipped_in(f, 2024).group_by(SHIP_MONTH.alias("ship_month")).agg(pl.len().alias("count")),
    ),
    (
        "how many orders were shipped in each month of 2023",
        lambda f: (
            _shipped_in(f, 2023)
            .group_by(pl.col("ship_date").dt.month().alias("ship_month"))
            .agg(pl.len().alias("count"))
        ),
    ),
    *(
        (
            f"{lead} count of the orders {verb} during 2024",
            lambda f: _shipped_in(f, 2024).group_by(SHIP_MONTH.alias("ship_month")).agg(pl.len().alias("count")),
        )
        for lead in ("monthly", "a monthly", "Provide a monthly")
        for verb in ("dispatched", "shipped", "sent")
    ),
    (
        "a count of orders shipped on each weekday",
        lambda f: (
            f["orders"]
            .filter(pl.col("ship_date").is_not_null())
            .group_by(pl.col("ship_date").dt.weekday().alias("ship_day_of_week"))
            .agg(pl.len().alias("count"))
        ),
    ),
    (
        "orders shipped in each month",
        lambda f: (
            f["orders"]
            .filter(pl.col("ship_date").is_not_null())
            .group_by(SHIP_MONTH.alias("ship_month"))
            .agg(pl.len().alias("count"))
        ),
    ),
    (
        "orders per month by ship date in 2024",
        lambda f: _shipped_in(f, 2024).group_by(SHIP_MONTH.alias("ship_month")).agg(pl.len().alias("count")),
    ),
    (
        "revenue of orders shipped in each quarter of 2024",
        lambda f: (
            _shipped_in(f, 2024)
            .group_by(pl.col("ship_date").dt.quarter().alias("ship_quarter"))
            .agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
        ),
    ),
    (
        "orders shipped per week",
        lambda f: (
            f["orders"]
            .filter(pl.col("ship_date").is_not_null())
            .group_by(pl.col("ship_date").dt.truncate("1w").alias("ship_week"))
            .agg(pl.len().alias("count"))
        ),
    ),
    (
        "number of shipped orders per month",  # the status, by the order's own date
        lambda f: (
            f["orders"]
            .filter(pl.col("status").str.strip_chars().str.to_lowercase() == "shipped")
            .group_by(pl.col("order_date").dt.truncate("1mo").alias("order_month"))
            .agg(pl.len().alias("count"))
        ),
    ),
]


EXTREMES: list[tuple[str, Expected]] = [
    (
        "what is the biggest order revenue for each country?",
        lambda f: f["orders"].group_by("country").agg(pl.col("total_revenue").max().alias("max_total_revenue")),
    ),
    (
        "the smallest order quantity in each country",
        lambda f: f["orders"].group_by("country").agg(pl.col("quantity").min().alias("min_quantity")),
    ),
    (
        "What's the largest order revenue?",
        lambda f: f["orders"].select(pl.col("total_revenue").max().alias("max_total_revenue")),
    ),
    (
        "what's the lowest order unit price",
        lambda f: f["orders"].select(pl.col("unit_price").min().alias("min_unit_price")),
    ),
]


def _of_year(f: Frames, year: int) -> pl.DataFrame:
    return f["orders"].filter(pl.col("order_date").dt.year() == year)


YEARS: list[tuple[str, Expected]] = [
    (
        "2024 revenue per country, lowest first",
        lambda f: _of_year(f, 2024).group_by("country").agg(pl.col("total_revenue").sum().alias("sum_total_revenue")),
    ),
    (
        "our 2023 quantity by product",
        lambda f: _of_year(f, 2023).group_by("product_id").agg(pl.col("quantity").sum().alias("sum_quantity")),
    ),
    (
        "average 2025 unit price by country",
        lambda f: _of_year(f, 2025).group_by("country").agg(pl.col("unit_price").mean().alias("mean_unit_price")),
    ),
    (
        "orders with more than 2000 quantity",  # a number compared, no year
        lambda f: f["orders"].filter(pl.col("quantity") > 2000),
    ),
]


ORDER_DATE = pl.col("order_date")


def _between(f: Frames, first: dt.date, last: dt.date) -> pl.DataFrame:
    return f["orders"].filter(ORDER_DATE.is_between(first, last))


SPANS: list[tuple[str, Expected]] = [
    ("orders we received during the spring of 2024", lambda f: _between(f, dt.date(2024, 3, 1), dt.date(2024, 5, 31))),
    (
        "all orders from autumn 2023, i mean september to november",
        lambda f: _between(f, dt.date(2023, 9, 1), dt.date(2023, 11, 30)),
    ),
    ("orders in the last week of 2023", lambda f: _between(f, dt.date(2023, 12, 25), dt.date(2023, 12, 31))),
    ("orders from the first 10 days of May 2024", lambda f: _between(f, dt.date(2024, 5, 1), dt.date(2024, 5, 10))),
    ("orders in the last six months of 2023", lambda f: _between(f, dt.date(2023, 7, 1), dt.date(2023, 12, 31))),
    ("orders in the second week of june 2024", lambda f: _between(f, dt.date(2024, 6, 8), dt.date(2024, 6, 14))),
    (
        "revenue per day over the last week of April 2024",
        lambda f: (
            _between(f, dt.date(2024, 4, 24), dt.date(2024, 4, 30))
            .group_by(ORDER_DATE.alias("order_day"))
            .agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
        ),
    ),
    (
        "weekly takings in the second quarter of 2024",
        lambda f: (
            _between(f, dt.date(2024, 4, 1), dt.date(2024, 6, 30))
            .group_by(ORDER_DATE.dt.truncate("1w").alias("order_week"))
            .agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
        ),
    ),
    ("orders from march to may", lambda f: f["orders"].filter(ORDER_DATE.dt.month().is_between(3, 5))),
    (
        "orders between november and february",
        lambda f: f["orders"].filter((ORDER_DATE.dt.month() >= 11) | (ORDER_DATE.dt.month() <= 2)),
    ),
    ("orders on the 15th of each month", lambda f: f["orders"].filter(ORDER_DATE.dt.day() == 15)),
    ("orders placed on the 1st of the month", lambda f: f["orders"].filter(ORDER_DATE.dt.day() == 1)),
    ("orders shipped on the first day of every month", lambda f: f["orders"].filter(pl.col("ship_date").dt.day() == 1)),
]


WAIT = (pl.col("ship_date") - ORDER_DATE).dt.total_days()
WAITS: list[tuple[str, Expected]] = [
    ("orders that took more than 5 days to ship", lambda f: f["orders"].filter(WAIT > 5)),
    ("orders which took 3 days or less to be dispatched", lambda f: f["orders"].filter(WAIT <= 3)),
    ("orders shipped a week or more after the order date", lambda f: f["orders"].filter(WAIT >= 7)),
    (
        "orders that needed at least two days to be sent out after being ordered",
        lambda f: f["orders"].filter(WAIT >= 2),
    ),
]


KINDS: list[tuple[str, Expected]] = [
    (
        "mean tenure for each method of payment",
        lambda f: f["churn"].group_by("payment_method").agg(pl.col("tenure_months").mean().alias("mean_tenure_months")),
    ),
    (
        "count of subscribers by type of contract",
        lambda f: as_one_spelling(f["churn"], "contract", CONTRACT).group_by("contract").agg(pl.len().alias("count")),
    ),
    (
        "subscribers per kind of internet service",
        lambda f: f["churn"].group_by("internet_service").agg(pl.len().alias("count")),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), KINDS, ids=[c[0] for c in KINDS])
def test_a_kind_of_a_column_groups_by_it(request_text: str, expected: Expected, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


@pytest.mark.parametrize(("request_text", "expected"), WAITS, ids=[c[0] for c in WAITS])
def test_the_wait_between_two_dates_against_a_span(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_a_wait_for_an_event_with_no_date_is_not_guessed(demo: Demo) -> None:
    assert draft("orders that needed over a week to be delivered", demo.catalog).not_understood


@pytest.mark.parametrize(("request_text", "expected"), SPANS, ids=[c[0] for c in SPANS])
def test_seasons_weeks_and_days_of_a_month(request_text: str, expected: Expected, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


@pytest.mark.parametrize(("request_text", "expected"), YEARS, ids=[c[0] for c in YEARS])
def test_a_year_before_an_amount_dates_the_rows(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


@pytest.mark.parametrize(("request_text", "expected"), EXTREMES, ids=[c[0] for c in EXTREMES])
def test_the_largest_of_a_column_is_its_maximum(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


@pytest.mark.parametrize(("request_text", "expected"), PERIODS, ids=[c[0] for c in PERIODS])
def test_periods_are_of_the_event_named(request_text: str, expected: Expected, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


FOLLOW_UPS: list[tuple[str, str, Expected]] = [
    (
        "number of orders per country, most first",
        "now only the top 1",
        lambda f: f["orders"].group_by("country").agg(pl.len().alias("count")).sort("count", descending=True).head(1),
    ),
    (
        "total quantity per product, highest first",
        "now just the top 3",
        lambda f: (
            f["orders"]
            .group_by("product_id")
            .agg(pl.col("quantity").sum().alias("sum_quantity"))
            .sort("sum_quantity", descending=True)
            .head(3)
        ),
    ),
    (
        "average quantity by country",
        "which country has the highest average?",
        lambda f: (
            f["orders"]
            .group_by("country")
            .agg(pl.col("quantity").mean().alias("mean_quantity"))
            .sort("mean_quantity", descending=True)
            .head(1)
        ),
    ),
    (
        "number of orders per product",
        "which 3 products have the fewest?",
        lambda f: f["orders"].group_by("product_id").agg(pl.len().alias("count")).sort("count").head(3),
    ),
]


@pytest.mark.parametrize(("first", "then", "expected"), FOLLOW_UPS, ids=[c[1] for c in FOLLOW_UPS])
def test_a_follow_up_ranks_by_the_summary_measure(
    first: str, then: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    previous = draft(first, demo.catalog).definition
    _, output = answer(then, demo, tmp_path, previous)
    want = expected(demo.frames)
    measure = want.columns[-1]
    assert sorted(output[measure].to_list()) == sorted(want[measure].to_list())


KEYS: list[tuple[str, list[str]]] = [
    ("just the order number, the product code and the client id", ["order_id", "product_id", "customer_id"]),
    ("the customer number and name of every customer", ["customer_id", "name"]),
    ("subscribers' customer number and region", ["customer_ref", "region"]),
]


@pytest.mark.parametrize(("request_text", "columns"), KEYS, ids=[c[0] for c in KEYS])
def test_an_id_is_found_by_its_other_names(request_text: str, columns: list[str], demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.columns == columns


def test_a_tie_between_columns_is_broken_by_the_earlier_turn(demo: Demo, tmp_path: Path) -> None:
    previous = draft("orders with a quantity over 40", demo.catalog).definition
    _, output = answer("show only the order number and the amount", demo, tmp_path, previous)
    expected = demo.frames["orders"].filter(pl.col("quantity") > 40).select("order_id", "quantity")
    same_rows(output, expected)
    assert draft("show only the order number and the amount", demo.catalog).not_understood  # no earlier turn


def test_periods_of_one_date_and_a_year_of_another_are_not_guessed(demo: Demo) -> None:
    assert draft("orders per month in 2024 by ship date", demo.catalog).not_understood


def _top_spenders(f: Frames, n: int, descending: bool = True) -> pl.DataFrame:
    totals = f["orders"].group_by("customer_id").agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
    return totals.sort("sum_total_revenue", descending=descending).head(n)


@pytest.mark.parametrize(
    ("request_text", "n", "descending"),
    [("the 5 biggest spenders", 5, True), ("top 3 spenders", 3, True), ("bottom 4 spenders", 4, False)],
)
def test_spenders_are_people_ranked_by_their_total(
    request_text: str, n: int, descending: bool, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    expected = _top_spenders(demo.frames, n, descending)
    assert output["sum_total_revenue"].to_list() == pytest.approx(expected["sum_total_revenue"].to_list())
