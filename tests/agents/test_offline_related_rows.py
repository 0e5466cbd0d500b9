"""The offline planner on rows picked by what their related rows hold: 'customers with an order above 5,000',
each checked against Polars."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]


def _with_order(f: Frames, test: pl.Expr) -> pl.DataFrame:
    return f["customers"].join(f["orders"].filter(test), on="customer_id", how="semi")


CASES: list[tuple[str, Expected]] = [
    ("customers with an order over 5000", lambda f: _with_order(f, pl.col("total_revenue") > 5000)),
    ("customers who placed an order worth more than 4,000", lambda f: _with_order(f, pl.col("total_revenue") > 4000)),
    (
        "customers with at least one order with a quantity above 8",
        lambda f: _with_order(f, pl.col("quantity") > 8),
    ),
    (
        "customers who have an order above 3000 in 2024",
        lambda f: _with_order(f, (pl.col("total_revenue") > 3000) & (pl.col("order_date").dt.year() == 2024)),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_related_rows_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_at_least_one_ranks_nothing(demo: Demo) -> None:
    """'which customers have at least one order ...' asks for a match, not for the customers with the least."""
    planned = draft("which customers have at least one order above 5,000", demo.catalog)
    assert planned.definition is not None and not planned.not_understood
    assert next(n["dataset"] for n in planned.definition["nodes"] if n["kind"] == "source") == "customers"


def test_a_unit_the_related_rows_do_not_say_is_not_guessed(demo: Demo) -> None:
    planned = draft("products with at least one order of more than 20 units", demo.catalog)
    assert planned.not_understood
