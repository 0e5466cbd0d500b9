"""Row tests said the short way: a second bound of the same column ('a unit price under 5 or over 500'), 'neither X
nor Y', a number right after its column ('with quantity 1'); each checked against the rows Polars gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]

CASES: list[tuple[str, Expected]] = [
    (
        "orders with a unit price under 5 or over 500",
        lambda f: f["orders"].filter((pl.col("unit_price") < 5) | (pl.col("unit_price") > 500)),
    ),
    (
        "subscribers with monthly charges below 20 or above 100",
        lambda f: f["churn"].filter((pl.col("monthly_charges") < 20) | (pl.col("monthly_charges") > 100)),
    ),
    ("customers aged over 30 and under 50", lambda f: f["customers"].filter(pl.col("age").is_between(31, 49))),
    (
        "orders with quantity over 3 and over 500 revenue",
        lambda f: f["orders"].filter((pl.col("quantity") > 3) & (pl.col("total_revenue") > 500)),
    ),
    (
        "orders that are neither cancelled nor returned",
        lambda f: f["orders"].filter(~folded("status").is_in(["cancelled", "canceled", "returned"])),
    ),
    (
        "subscribers on neither fiber nor dsl",
        lambda f: f["churn"].filter(~pl.col("internet_service").is_in(["fiber", "dsl"])),
    ),
    (
        "orders in USD with quantity 1",
        lambda f: f["orders"].filter(
            (pl.col("quantity") == 1) & folded("currency").is_in(["usd", "$", "usdollar", "dollar", "dollars"])
        ),
    ),
    ("subscribers with support_calls 0", lambda f: f["churn"].filter(pl.col("support_calls") == 0)),
    ("orders with a quantity of 2", lambda f: f["orders"].filter(pl.col("quantity") == 2)),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_short_row_tests_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))
