"""The offline planner on everyday wording: a superlative that says a sort key's direction, words that carry a
filter although they look like filler, people named by what they do, typos of words that are also real words,
each checked against Polars; and what it still refuses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]

# (request, dataset, column, descending): the output is that column's values in that order
SUPERLATIVE_ENDS: list[tuple[str, str, str, bool]] = [
    ("sort the subscribers by monthly charges, most expensive first", "churn", "monthly_charges", True),
    ("order the subscribers by total charges, cheapest first", "churn", "total_charges", False),
    ("sort subscribers by income, biggest last", "churn", "income", False),
    ("sort products by price, cheapest last", "products", "price", True),
    ("list the orders by order date, newest at the bottom", "orders", "order_date", False),
    ("customers sorted by age, youngest last", "customers", "age", True),
]


@pytest.mark.parametrize(
    ("request_text", "dataset", "column", "descending"), SUPERLATIVE_ENDS, ids=[r[0] for r in SUPERLATIVE_ENDS]
)
def test_a_superlative_first_or_last_sets_the_direction_of_the_key(
    request_text: str, dataset: str, column: str, descending: bool, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    sorts = [n for n in planned.definition["nodes"] if n["kind"] == "sort"]
    assert [key["column"] for key in sorts[0]["by"]] == [column]  # no second key from the superlative
    wanted = demo.frames[dataset].sort(column, descending=descending, nulls_last=True)[column]
    assert output[column].to_list() == wanted.to_list()
