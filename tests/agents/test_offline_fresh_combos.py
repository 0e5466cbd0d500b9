"""Multi-step requests worded as fresh requests word them: a sort by the periods grouped, the rows 'remaining'
after the steps that removed some, 'subs' for the subscribers; each checked against the rows Polars gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]


def _revenue_per(frame: pl.DataFrame, unit: str, name: str) -> pl.DataFrame:
    key = pl.col("order_date").dt.year() if unit == "year" else pl.col("order_date").dt.truncate(unit)
    return frame.group_by(key.alias(name)).agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))


SORTED_PERIODS: list[tuple[str, Expected, bool]] = [
    (
        "can you take the delivered orders going to France in 2023, total the revenue per month and sort by month?",
        lambda f: _revenue_per(
            f["orders"].filter(
                folded("status").is_in(["delivered", "delivred"])
                & (pl.col("country") == "FR")
                & (pl.col("order_date").dt.year() == 2023)
            ),
            "1mo",
            "order_month",
        ).sort("order_month"),
        False,
    ),
    (
        "total revenue per month, sorted by month",
        lambda f: _revenue_per(f["orders"], "1mo", "order_month").sort("order_month"),
        False,
    ),
    (
        "revenue by month sorted by month descending",
        lambda f: _revenue_per(f["orders"], "1mo", "order_month").sort("order_month", descending=True),
        True,
    ),
    (
        "revenue per year, ordered by year",
        lambda f: _revenue_per(f["orders"], "year", "order_year").sort("order_year"),
        False,
    ),
]


@pytest.mark.parametrize(("request_text", "expected", "descending"), SORTED_PERIODS, ids=[c[0] for c in SORTED_PERIODS])
def test_a_sort_by_the_grouped_period_orders_the_periods(
    request_text: str, expected: Expected, descending: bool, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames), ordered=True)
    sort = [n for n in planned.definition["nodes"] if n["kind"] == "sort"]  # type: ignore[index]
    assert [k["descending"] for k in sort[0]["by"]] == [descending]


CASES: list[tuple[str, Expected]] = [
    # the rows remaining after the steps that removed some
    (
        "From the customers data, exclude test accounts, remove exact duplicate rows, and count the customers "
        "remaining in each segment.",
        lambda f: (
            f["customers"]
            .unique(maintain_order=True)
            .filter(~pl.col("is_test_account"))
            .group_by("segment")
            .agg(pl.len().alias("count"))
        ),
    ),
    (
        "drop the cancelled orders and count the orders remaining per country",
        lambda f: (
            f["orders"]
            .filter(~folded("status").is_in(["cancelled", "canceled"]))
            .group_by("country")
            .agg(pl.len().alias("count"))
        ),
    ),
    (
        "excluding test accounts, how many customers remaining per segment",
        lambda f: f["customers"].filter(~pl.col("is_test_account")).group_by("segment").agg(pl.len().alias("count")),
    ),
    # 'subs': the subscribers
    (
        "fiber subs: median income by region, highest first",
        lambda f: (
            f["churn"]
            .filter(pl.col("internet_service") == "fiber")
            .group_by("region")
            .agg(pl.col("income").median().alias("median_income"))
        ),
    ),
    (
        "how many subs churned",
        lambda f: f["churn"].filter(pl.col("churned") == 1).select(pl.len().alias("count")),
    ),
    (
        "average monthly charges of dsl subs",
        lambda f: (
            f["churn"]
            .filter(pl.col("internet_service") == "dsl")
            .select(pl.col("monthly_charges").mean().alias("mean_monthly_charges"))
        ),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fresh_multi_step_wording_gives_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def _conversation(turns: str, demo: Demo, tmp_path: Path) -> pl.DataFrame:
    """The last turn's rows, each turn planned on the previous turn's definition."""
    previous = None
    for turn in turns.split(" -> "):
        planned, output = answer(turn, demo, tmp_path, previous)
        previous = planned.definition
    return output


KEPT_FIRST: list[tuple[str, Expected]] = [
    # 'keep the first three' after a sort: a limit, not one row per group
    (
        "prodcts in the toys categry -> sort by prise, cheapest frist -> keep the frist three",
        lambda f: (
            f["products"]
            .filter(folded("category").str.strip_suffix("s") == "toy")
            .sort("price", nulls_last=True)
            .head(3)
        ),
    ),
    ("products sorted by price -> keep the first 5", lambda f: f["products"].sort("price", nulls_last=True).head(5)),
    (
        "orders by revenue, highest first -> just keep the first ten",
        lambda f: f["orders"].sort("total_revenue", descending=True, nulls_last=True).head(10),
    ),
]


@pytest.mark.parametrize(("turns", "expected"), KEPT_FIRST, ids=[c[0] for c in KEPT_FIRST])
def test_keeping_the_first_few_after_a_sort_is_a_limit(
    turns: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    same_rows(_conversation(turns, demo, tmp_path), expected(demo.frames), ordered=True)
