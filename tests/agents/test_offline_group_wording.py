"""Summaries said in everyday words: groups by the count a column holds, people's ages inside a summary, removals
said after their rows, and periods ranked ('which month had the most orders'); each checked against Polars."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]
CANCELLED = folded("status").is_in(["cancelled", "canceled"])


def _by_month(frame: pl.DataFrame, measure: pl.Expr, column: str = "order_date") -> pl.DataFrame:
    name = column.removesuffix("_date") + "_month"
    return frame.group_by(pl.col(column).dt.truncate("1mo").alias(name)).agg(measure)


CASES: list[tuple[str, Expected]] = [
    (
        "churn rate by number of support calls",
        lambda f: f["churn"].group_by("support_calls").agg((pl.col("churned") * 1.0).mean().alias("mean_churned_rate")),
    ),
    (
        "subscribers per number of support calls",
        lambda f: f["churn"].group_by("support_calls").agg(pl.len().alias("count")),
    ),
    (
        "median income per region for subscribers over 40",
        lambda f: (
            f["churn"]
            .filter(pl.col("age") > 40)
            .group_by("region")
            .agg(pl.col("income").median().alias("median_income"))
        ),
    ),
    (
        "count customers by segment, test accounts excluded",
        lambda f: f["customers"].filter(~pl.col("is_test_account")).group_by("segment").agg(pl.len().alias("count")),
    ),
    (
        "revenue per country with cancelled orders removed",
        lambda f: (
            f["orders"]
            .filter(~CANCELLED)
            .group_by("country")
            .agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
        ),
    ),
    (
        "orders in 2024, returned and cancelled ones left out",
        lambda f: f["orders"].filter(
            (pl.col("order_date").dt.year() == 2024) & ~folded("status").is_in(["returned", "cancelled", "canceled"])
        ),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_everyday_group_wording_gives_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def _ranked(frame: pl.DataFrame, by: str, n: int) -> pl.DataFrame:
    return frame.sort(by, descending=True).head(n)


REVENUE = pl.col("total_revenue").sum().alias("sum_total_revenue")
ROWS = pl.len().alias("count")
RANKED: list[tuple[str, Expected]] = [
    ("which month had the most orders", lambda f: _ranked(_by_month(f["orders"], ROWS), "count", 1)),
    ("top 3 months by revenue", lambda f: _ranked(_by_month(f["orders"], REVENUE), "sum_total_revenue", 3)),
    (
        "the month with the highest revenue in 2024",
        lambda f: _ranked(
            _by_month(f["orders"].filter(pl.col("order_date").dt.year() == 2024), REVENUE), "sum_total_revenue", 1
        ),
    ),
    (
        "busiest month for orders in 2023",
        lambda f: _ranked(_by_month(f["orders"].filter(pl.col("order_date").dt.year() == 2023), ROWS), "count", 1),
    ),
    (
        "which quarter of 2024 brought in the most revenue",
        lambda f: _ranked(
            f["orders"]
            .filter(pl.col("order_date").dt.year() == 2024)
            .group_by(pl.col("order_date").dt.truncate("1q").alias("order_quarter"))
            .agg(REVENUE),
            "sum_total_revenue",
            1,
        ),
    ),
    (
        "in which year did the most customers sign up",
        lambda f: _ranked(
            f["customers"]
            .group_by(pl.col("signup_date").str.to_date("%Y-%m-%d", strict=False).dt.year().alias("signup_year"))
            .agg(ROWS),
            "count",
            1,
        ),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), RANKED, ids=[r[0] for r in RANKED])
def test_periods_ranked_by_what_they_hold(request_text: str, expected: Expected, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames), ordered=True)


SORTED_FROM: list[tuple[str, str, str, bool]] = [
    ("ok so basically I want to see products over 50 bucks, sorted from cheapest", "products", "price", False),
    ("orders in 2024 sorted from the biggest revenue down", "orders", "total_revenue", True),
    ("subscribers starting with the highest monthly charges", "churn", "monthly_charges", True),
]


@pytest.mark.parametrize(
    ("request_text", "dataset", "column", "descending"), SORTED_FROM, ids=[s[0] for s in SORTED_FROM]
)
def test_an_order_said_from_its_first_row(
    request_text: str, dataset: str, column: str, descending: bool, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    values = [v for v in output[column].to_list() if v is not None]
    assert values == sorted(values, reverse=descending)
    assert values and output.height <= demo.frames[dataset].height
    sorts = [n for n in planned.definition["nodes"] if n["kind"] == "sort"]  # type: ignore[index]
    assert (sorts[0]["by"][0]["column"], sorts[0]["by"][0]["descending"]) == (column, descending)


def test_a_grouping_named_again_in_its_test_is_the_same_grouping(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("revenue per country, only the countries with over 1000 orders", demo, tmp_path)
    orders = demo.frames["orders"]
    counts = orders.group_by("country").agg(
        pl.len().alias("count"), pl.col("total_revenue").sum().alias("sum_total_revenue")
    )
    same_rows(output, counts.filter(pl.col("count") > 1000))
