"""The offline planner on computed columns, fills, tests on dates and follow-up edits of them, each checked
against Polars."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]


def _days(frame: pl.DataFrame, start: str, end: str) -> pl.Expr:
    return (pl.col(end) - pl.col(start)).dt.total_days()


DATES: list[tuple[str, Expected]] = [
    (
        "orders from march to april 2024",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(dt.date(2024, 3, 1), dt.date(2024, 4, 30))),
    ),
    (
        "orders in january and march 2024",
        lambda f: f["orders"].filter(
            pl.col("order_date").is_between(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
            | pl.col("order_date").is_between(dt.date(2024, 3, 1), dt.date(2024, 3, 31))
        ),
    ),
    (
        "customers born in 1975 or 1976",
        lambda f: f["customers"].filter(pl.col("birth_date").dt.year().is_in([1975, 1976])),
    ),
    (
        "orders dated on or after 2025-03-15",
        lambda f: f["orders"].filter(pl.col("order_date") >= dt.date(2025, 3, 15)),
    ),
    ("orders placed in may or june", lambda f: f["orders"].filter(pl.col("order_date").dt.month().is_in([5, 6]))),
    ("customers born in the seventies", lambda f: f["customers"].filter(pl.col("birth_date").dt.year() // 10 == 197)),
    (
        "orders placed on Halloween",
        lambda f: f["orders"].filter((pl.col("order_date").dt.month() == 10) & (pl.col("order_date").dt.day() == 31)),
    ),
    (
        "orders shipped on the 2nd of january",
        lambda f: f["orders"].filter((pl.col("ship_date").dt.month() == 1) & (pl.col("ship_date").dt.day() == 2)),
    ),
    ("orders shipped at the weekend", lambda f: f["orders"].filter(pl.col("ship_date").dt.weekday() >= 6)),
    ("orders placed on a tuesdy", lambda f: f["orders"].filter(pl.col("order_date").dt.weekday() == 2)),
    (
        "orders where the order date comes after the ship date",
        lambda f: f["orders"].filter(pl.col("order_date") > pl.col("ship_date")),
    ),
    (
        "orders not shipped on the same day they were ordered",
        lambda f: f["orders"].filter(pl.col("ship_date") != pl.col("order_date")),
    ),
    (
        "orders shipped before they were ordered",
        lambda f: f["orders"].filter(pl.col("ship_date") < pl.col("order_date")),
    ),
]
FILLS: list[tuple[str, Expected]] = [
    ("treat empty total charges as zero", lambda f: f["churn"].with_columns(pl.col("total_charges").fill_null(0.0))),
    (
        "where the ship date is empty, use the order date instead",
        lambda f: f["orders"].with_columns(pl.coalesce("ship_date", "order_date").alias("ship_date")),
    ),
    (
        "fill blank birth dates with 1950-06-30",
        lambda f: f["customers"].with_columns(pl.col("birth_date").fill_null(dt.date(1950, 6, 30))),
    ),
    (
        "replace empty total charges with monthly charges multiplied by tenure",
        lambda f: f["churn"].with_columns(
            pl.coalesce("total_charges", pl.col("monthly_charges") * pl.col("tenure_months")).alias("total_charges")
        ),
    ),
    ("use 0 for missing total charges", lambda f: f["churn"].with_columns(pl.col("total_charges").fill_null(0.0))),
]
DERIVED: list[tuple[str, Expected]] = [
    (
        "add a column with the unit price after a 5% discount",
        lambda f: f["orders"].with_columns((pl.col("unit_price") * 0.95).alias("discounted_unit_price")),
    ),
    (
        "the tenure in years as a new column",
        lambda f: f["churn"].with_columns((pl.col("tenure_months") / 12).alias("tenure_years")),
    ),
    (
        "add the number of days between order and shipping",
        lambda f: f["orders"].with_columns(_days(f["orders"], "order_date", "ship_date").alias("days_order_to_ship")),
    ),
    (
        "show email lengths",
        lambda f: f["customers"].with_columns(pl.col("email").str.len_chars().alias("email_length")),
    ),
    (
        "in which month was each order shipped?",
        lambda f: f["orders"].with_columns(pl.col("ship_date").dt.month().alias("ship_month")),
    ),
    (
        "mark products with price above 100 as premium",
        lambda f: f["products"].with_columns((pl.col("price") > 100).alias("premium")),
    ),
    ("product prices in cents", lambda f: f["products"].with_columns((pl.col("price") * 100).alias("price_cents"))),
    (
        "products + column: price with 20% vat",
        lambda f: f["products"].with_columns((pl.col("price") * 1.2).alias("price_with_vat")),
    ),
    (
        "how long is each email?",
        lambda f: f["customers"].with_columns(pl.col("email").str.len_chars().alias("email_length")),
    ),
    (
        "the month each order shipped, as a column",
        lambda f: f["orders"].with_columns(pl.col("ship_date").dt.month().alias("ship_month")),
    ),
    (
        "how long did each order take to ship?",
        lambda f: f["orders"].with_columns(_days(f["orders"], "order_date", "ship_date").alias("days_to_ship")),
    ),
]


@pytest.mark.parametrize(
    ("request_text", "expected"), DATES + FILLS + DERIVED, ids=[c[0] for c in DATES + FILLS + DERIVED]
)
def test_derived_phrasings_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_a_follow_up_swaps_the_summary_for_another_function(demo: Demo, tmp_path: Path) -> None:
    previous = draft("quantity per country", demo.catalog).definition
    _, output = answer("make it the maximum instead of the sum", demo, tmp_path, previous)
    wanted = demo.frames["orders"].group_by("country").agg(pl.col("quantity").max())
    same_rows(output.rename({output.columns[-1]: "quantity"}), wanted)


def test_a_follow_up_asks_what_about_another_function(demo: Demo, tmp_path: Path) -> None:
    previous = draft("average age per segment", demo.catalog).definition
    planned, output = answer("what about the minimum?", demo, tmp_path, previous)
    wanted = demo.frames["customers"].group_by("segment").agg(pl.col("age").min())
    same_rows(output.rename({output.columns[-1]: "age"}), wanted)
    assert "lowest" in planned.explanations["summary"] or "minimum" in planned.explanations["summary"]


def test_a_follow_up_limits_a_summary_to_one_year(demo: Demo, tmp_path: Path) -> None:
    previous = draft("number of orders per country", demo.catalog).definition
    _, output = answer("limit that to 2024", demo, tmp_path, previous)
    orders = demo.frames["orders"].filter(pl.col("order_date").dt.year() == 2024)
    wanted = orders.group_by("country").agg(pl.len().alias("count"))
    same_rows(output.rename({output.columns[-1]: "count"}), wanted)


def test_a_duration_in_an_inexact_unit_is_not_guessed(demo: Demo) -> None:
    planned = draft("tenure in days", demo.catalog)
    assert any("days" in part for part in planned.not_understood)


def test_a_day_relative_to_today_is_not_guessed(demo: Demo) -> None:
    planned = draft("orders since monday", demo.catalog)
    assert any("monday" in part for part in planned.not_understood)


def test_months_listed_without_one_year_each_are_not_guessed(demo: Demo) -> None:
    planned = draft("orders in november or february 2025", demo.catalog)
    assert planned.not_understood


def _labels(frame: pl.DataFrame, name: str, test: pl.Expr, yes: str, no: str) -> pl.DataFrame:
    """Rows labelled `yes` where the test holds, `no` for every other row (where the tested value is empty too)."""
    return frame.with_columns(pl.when(test).then(pl.lit(yes)).otherwise(pl.lit(no)).alias(name))


LABELS: list[tuple[str, Expected]] = [
    (
        "products: add a column tier that is 'premium' when price is above 100, else 'standard'",
        lambda f: _labels(f["products"], "tier", pl.col("price") > 100, "premium", "standard"),
    ),
    (
        "add a flag size to orders: 'bulk' if quantity is at least 10 and 'small' otherwise",
        lambda f: _labels(f["orders"], "size", pl.col("quantity") >= 10, "bulk", "small"),
    ),
    (
        "add an age_band column to customers saying 'minor' for 17 or under and 'adult' for everyone else",
        lambda f: _labels(f["customers"], "age_band", pl.col("age") <= 17, "minor", "adult"),
    ),
    (
        "customers: add kind = 'big' for enterprise customers and 'rest' otherwise",
        lambda f: _labels(f["customers"], "kind", pl.col("segment") == "enterprise", "big", "rest"),
    ),
    (
        "create elder in customers: 'yes' for people older than 70, otherwise 'no'",
        lambda f: _labels(f["customers"], "elder", pl.col("age") > 70, "yes", "no"),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), LABELS, ids=[c[0] for c in LABELS])
def test_a_label_column_says_one_thing_where_a_test_holds_and_another_elsewhere(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


@pytest.mark.parametrize(
    "request_text",
    [
        "add a column x to orders that says 'a' for orders over 100 and over 5 units and 'b' otherwise",
        "add grp to orders: 'big' for over 100, else 'small'",  # over 100 of what?
    ],
)
def test_a_label_test_that_is_not_understood_is_said(request_text: str, demo: Demo) -> None:
    assert draft(request_text, demo.catalog).not_understood
