"""Summaries said in everyday words: groups of combinations, shares of 'our' rows, the time things take, verbs of
money and of shipping; each checked against the rows Polars gives on both engines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]
RETURNED = folded("status") == "returned"
CANCELLED = folded("status").is_in(["cancelled", "canceled"])


def _days_to_ship() -> pl.Expr:
    return (pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias("days_to_ship")


def _mean_days_to_ship(f: Frames, *by: str) -> pl.DataFrame:
    orders = f["orders"].with_columns(_days_to_ship())
    measure = pl.col("days_to_ship").mean().alias("mean_days_to_ship")
    return orders.group_by(*by).agg(measure) if by else orders.select(measure)


def _churn_rate(f: Frames, *by: str) -> pl.DataFrame:
    return f["churn"].group_by(*by).agg((pl.col("churned") * 1.0).mean().alias("mean_churned_rate"))


def _sum_revenue(frame: pl.DataFrame, *by: str) -> pl.DataFrame:
    measure = pl.col("total_revenue").sum().alias("sum_total_revenue")
    return frame.group_by(*by).agg(measure) if by else frame.select(measure)


def _of_year(frame: pl.DataFrame, column: str, year: int) -> pl.DataFrame:
    return frame.filter(pl.col(column).dt.year() == year)


CASES: list[tuple[str, Expected]] = [
    # groups of every combination of two columns
    (
        "churn rate for each combination of region and payment method",
        lambda f: _churn_rate(f, "region", "payment_method"),
    ),
    (
        "churn rate for every pairing of internet service and region",
        lambda f: _churn_rate(f, "internet_service", "region"),
    ),
    (
        "number of subscribers per combination of payment method and internet service",
        lambda f: f["churn"].group_by("payment_method", "internet_service").agg(pl.len().alias("count")),
    ),
    # shares of 'our' rows
    ("what share of our subscribers churned?", lambda f: _churn_rate(f)),
    ("the proportion of all our subscribers who churned, by region", lambda f: _churn_rate(f, "region")),
    # the time from the row's own date to an event
    ("on average, how long does it take us to ship an order?", lambda f: _mean_days_to_ship(f)),
    ("how long does it take to ship an order on average", lambda f: _mean_days_to_ship(f)),
    ("average days to ship per country", lambda f: _mean_days_to_ship(f, "country")),
    (
        "median time to ship by country",
        lambda f: (
            f["orders"]
            .with_columns(_days_to_ship())
            .group_by("country")
            .agg(pl.col("days_to_ship").median().alias("median_days_to_ship"))
        ),
    ),
    ("the mean shipping time", lambda f: _mean_days_to_ship(f)),
    ("each order with how long it took to ship", lambda f: f["orders"].with_columns(_days_to_ship())),
    # verbs of money: lost to, made from
    (
        "how much money we lost to returns in each country in 2024",
        lambda f: _sum_revenue(_of_year(f["orders"], "order_date", 2024).filter(RETURNED), "country"),
    ),
    ("how much revenue did we lose to cancellations?", lambda f: _sum_revenue(f["orders"].filter(CANCELLED))),
    (
        "how much money was lost through returns per country",
        lambda f: _sum_revenue(f["orders"].filter(RETURNED), "country"),
    ),
    # a total column's own name opening the request
    ("total revenue in Germany", lambda f: _sum_revenue(f["orders"].filter(pl.col("country") == "DE"))),
    (
        "total revenue for delivered orders in 2024",
        lambda f: _sum_revenue(
            _of_year(f["orders"], "order_date", 2024).filter(folded("status").is_in(["delivered", "delivred"]))
        ),
    ),
    # 'per order' over orders is per row, and 'order by' after it no sort
    (
        "average revenue per order by country",
        lambda f: f["orders"].group_by("country").agg(pl.col("total_revenue").mean().alias("mean_total_revenue")),
    ),
    # shipping said as going out
    (
        "how many items went out each month in 2023",
        lambda f: (
            _of_year(f["orders"], "ship_date", 2023)
            .group_by(pl.col("ship_date").dt.truncate("1mo").alias("ship_month"))
            .agg(pl.col("quantity").sum().alias("sum_quantity"))
        ),
    ),
    ("orders that went out in 2024", lambda f: _of_year(f["orders"], "ship_date", 2024)),
    (
        "orders that were sent out in March 2024",
        lambda f: f["orders"].filter(pl.col("ship_date").dt.strftime("%Y-%m") == "2024-03"),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_everyday_summary_wording_gives_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


RANKED: list[tuple[str, str, bool, int]] = [
    ("Which country brought in the most revenue from delivered orders in 2024?", "country", True, 1),
    ("which 3 countries pulled in the most revenue", "country", True, 3),
    ("which two countries took in the least revenue?", "country", False, 2),
]


@pytest.mark.parametrize(("request_text", "by", "descending", "n"), RANKED, ids=[r[0] for r in RANKED])
def test_verbs_of_earning_rank_the_groups_by_their_revenue(
    request_text: str, by: str, descending: bool, n: int, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    orders = demo.frames["orders"]
    if "delivered" in request_text:
        orders = _of_year(orders, "order_date", 2024).filter(folded("status").is_in(["delivered", "delivred"]))
    expected = _sum_revenue(orders, by).sort("sum_total_revenue", descending=descending).head(n)
    same_rows(output, expected, ordered=True)
    assert [n["kind"] for n in planned.definition["nodes"]][-2:] == ["sort", "limit"]  # type: ignore[index]
