"""Summaries worded as fresh requests word them: a share asked after its rows, sums that 'add up to', periods of a
year after a comma; each checked against the rows Polars gives on both engines."""

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
CHURNED = pl.col("churned") == 1


def _share(f: Frames, test: pl.Expr, name: str, scale: float = 1.0) -> pl.DataFrame:
    return f["orders"].select((test.cast(pl.Float64).mean() * scale).alias(name))


def _per_period(f: Frames, unit: str, year: int, measure: pl.Expr) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("order_date").dt.year() == year)
    return rows.group_by(
        pl.col("order_date").dt.truncate(unit).alias(f"order_{'month' if unit == '1mo' else 'quarter'}")
    ).agg(measure)


CASES: list[tuple[str, Expected]] = [
    # the rows named first, their share asked after
    (
        "out of all our orders, what fraction ended up returned? one overall figure please",
        lambda f: _share(f, RETURNED, "mean_returned_share"),
    ),
    ("of all orders, what share were cancelled?", lambda f: _share(f, CANCELLED, "mean_cancelled_share")),
    (
        "out of our orders, what percentage ended up being returned",
        lambda f: _share(f, RETURNED, "mean_returned_percent", 100.0),
    ),
    ("what fraction of orders ended up returned", lambda f: _share(f, RETURNED, "mean_returned_share")),
    # a column's values that 'add up to' a total
    (
        "What do the churned subscribers' total charges add up to?",
        lambda f: f["churn"].filter(CHURNED).select(pl.col("total_charges").sum().alias("sum_total_charges")),
    ),
    (
        "what do the cancelled orders' revenues add up to?",
        lambda f: f["orders"].filter(CANCELLED).select(pl.col("total_revenue").sum().alias("sum_total_revenue")),
    ),
    (
        "what do monthly charges sum to?",
        lambda f: f["churn"].select(pl.col("monthly_charges").sum().alias("sum_monthly_charges")),
    ),
    # 'add up how many units': the units summed; 'under each' groups
    (
        "add up how many items were bought per country",
        lambda f: f["orders"].group_by("country").agg(pl.col("quantity").sum().alias("sum_quantity")),
    ),
    (
        "average income under each region",
        lambda f: f["churn"].group_by("region").agg(pl.col("income").mean().alias("mean_income")),
    ),
    (
        "could you add up how many units were ordered under each country? thanks",
        lambda f: f["orders"].group_by("country").agg(pl.col("quantity").sum().alias("sum_quantity")),
    ),
    # the periods of one year, the year after a comma
    ("order count per month, 2025", lambda f: _per_period(f, "1mo", 2025, pl.len().alias("count"))),
    (
        "total revenue per quarter, 2024",
        lambda f: _per_period(f, "1q", 2024, pl.col("total_revenue").sum().alias("sum_total_revenue")),
    ),
    ("number of orders by month, 2023.", lambda f: _per_period(f, "1mo", 2023, pl.len().alias("count"))),
    # the groups of a flag compared: 'those who churned with those who did not'
    (
        "Compare the mean income of subscribers who churned with that of subscribers who did not.",
        lambda f: f["churn"].group_by("churned").agg(pl.col("income").mean().alias("mean_income")),
    ),
    (
        "compare the average monthly charges of subscribers who churned to those of subscribers who did not",
        lambda f: f["churn"].group_by("churned").agg(pl.col("monthly_charges").mean().alias("mean_monthly_charges")),
    ),
    (
        "Compare the median tenure of subscribers that churned against that of those who did not",
        lambda f: f["churn"].group_by("churned").agg(pl.col("tenure_months").median().alias("median_tenure_months")),
    ),
    # the lifetime bill: total_charges
    (
        "the largest lifetime bill of any subscriber, for each area",
        lambda f: f["churn"].group_by("region").agg(pl.col("total_charges").max().alias("max_total_charges")),
    ),
    (
        "average lifetime charges per region",
        lambda f: f["churn"].group_by("region").agg(pl.col("total_charges").mean().alias("mean_total_charges")),
    ),
    ("subscribers whose lifetime bill is over 5000", lambda f: f["churn"].filter(pl.col("total_charges") > 5000)),
    # the periods of another date, said after a comma
    (
        "Report the total quantity shipped in each year, based on the ship date.",
        lambda f: _per_ship_year(f["orders"].filter(pl.col("ship_date").is_not_null())),
    ),
    ("total quantity per year, based on the ship date", lambda f: _per_ship_year(f["orders"])),
    ("the quantity shipped per year", lambda f: _per_ship_year(f["orders"].filter(pl.col("ship_date").is_not_null()))),
    (
        "total revenue per month, according to the order date",
        lambda f: (
            f["orders"]
            .group_by(pl.col("order_date").dt.truncate("1mo").alias("order_month"))
            .agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
        ),
    ),
]


def _per_ship_year(orders: pl.DataFrame) -> pl.DataFrame:
    return orders.group_by(pl.col("ship_date").dt.year().alias("ship_year")).agg(
        pl.col("quantity").sum().alias("sum_quantity")
    )


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fresh_summary_wording_gives_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))
