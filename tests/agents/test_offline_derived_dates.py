"""The offline planner on derived columns, fills and dates said in other words: a period's given name, the days
between two dates, gaps filled 'there', dates that 'took place', states in plain words ('awaiting shipment'),
spans counted back from now, each checked against Polars."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]


def _signed_up(frame: pl.DataFrame) -> pl.Expr:
    return pl.col("signup_date").str.to_date("%Y-%m-%d", strict=False)


CASES: list[tuple[str, Expected]] = [
    (
        "add the month each order was placed in as a separate column titled order_mo",
        lambda f: f["orders"].with_columns(pl.col("order_date").dt.month().alias("order_mo")),
    ),
    (
        "append to churn a field yearly_fee equal to the monthly charges times 12",
        lambda f: f["churn"].with_columns((pl.col("monthly_charges") * 12).alias("yearly_fee")),
    ),
    (
        "add a column wait to orders: the ship date minus the order date",
        lambda f: f["orders"].with_columns((pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias("wait")),
    ),
    (
        "when income is empty in the churn data, could you simply write 0 in its place",
        lambda f: f["churn"].with_columns(pl.col("income").fill_null(0)),
    ),
    (
        "churn where region is missing, fill with 'none'",
        lambda f: f["churn"].with_columns(pl.col("region").fill_null("none")),
    ),
    (
        "customers whose signup happened in 2023",
        lambda f: f["customers"].filter(_signed_up(f["customers"]).dt.year() == 2023),
    ),
    (
        "orders whose shipping occurred in 2024",
        lambda f: f["orders"].filter(pl.col("ship_date").dt.year() == 2024),
    ),
    (
        "orders where the order date is later than the ship date, this seems wrong",
        lambda f: f["orders"].filter(pl.col("ship_date") < pl.col("order_date")),
    ),
    ("orders awaiting shipment", lambda f: f["orders"].filter(folded("status") == "pending")),
    ("orders that were sent back", lambda f: f["orders"].filter(folded("status") == "returned")),
    ("churn rows with a tenure under a year", lambda f: f["churn"].filter(pl.col("tenure_months") < 12)),
    (
        "subscribers who came on board more than 2 years ago",
        lambda f: f["churn"].filter(pl.col("tenure_months") > 24),
    ),
    (
        "top 5 subscribers by monthly charges",
        lambda f: f["churn"].sort("monthly_charges", descending=True).head(5),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_derived_columns_and_dates_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_a_follow_up_narrows_a_state_said_in_words_to_a_year(demo: Demo, tmp_path: Path) -> None:
    previous = draft("orders waiting to be shipped", demo.catalog).definition
    _, output = answer("only those from 2023", demo, tmp_path, previous)
    orders = demo.frames["orders"]
    same_rows(output, orders.filter((folded("status") == "pending") & (pl.col("order_date").dt.year() == 2023)))


def test_a_span_counted_back_from_today_is_refused_without_a_tenure(demo: Demo) -> None:
    planned = draft("customers who registered less than 6 months ago", demo.catalog)
    assert any("today" in part for part in planned.not_understood), planned.not_understood


def test_a_date_minus_a_number_is_no_count_of_days(demo: Demo) -> None:
    planned = draft("add a column x to orders: quantity minus quantity in days", demo.catalog)
    assert planned.not_understood


def test_a_span_of_years_is_refused_for_a_column_that_counts_no_time(demo: Demo) -> None:
    planned = draft("products cheaper than a year", demo.catalog)
    assert any("no span of time" in part for part in planned.not_understood), planned.not_understood
