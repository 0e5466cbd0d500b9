"""The offline planner on recency said around an event: 'the three most recently placed orders' rank by the date of
the row's making, 'the 5 most recently shipped orders' by the date of the shipping, each checked against Polars."""

from __future__ import annotations

from pathlib import Path

import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo

__all__ = ["demo"]  # the fixture, shared with the row-test module

# (request, column sorted by, descending, rows kept)
RECENT: list[tuple[str, str, bool, int]] = [
    ("Show the three most recently placed orders.", "order_date", True, 3),
    ("the ten most recently made orders", "order_date", True, 10),
    ("show the 3 orders placed most recently", "order_date", True, 3),
    ("the 2 earliest placed orders", "order_date", False, 2),
    ("the 5 most recently shipped orders", "ship_date", True, 5),
    ("the 3 latest shipped orders", "ship_date", True, 3),
    ("the 2 earliest shipped orders", "ship_date", False, 2),
    ("the most recently placed order", "order_date", True, 1),  # one row, the noun being singular
    ("the most recently shipped order", "ship_date", True, 1),
    ("the earliest shipped order", "ship_date", False, 1),
]


@pytest.mark.parametrize(("request_text", "column", "descending", "n"), RECENT, ids=[r[0] for r in RECENT])
def test_recency_around_an_event_ranks_by_its_date(
    request_text: str, column: str, descending: bool, n: int, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    kinds = [node["kind"] for node in planned.definition["nodes"] if node["kind"] not in ("source", "sink_dataset")]
    assert kinds == ["sort", "limit"]
    (sort,) = [node for node in planned.definition["nodes"] if node["kind"] == "sort"]
    assert [(key["column"], key["descending"]) for key in sort["by"]] == [(column, descending)]
    wanted = demo.frames["orders"].sort(column, descending=descending, nulls_last=True).head(n)
    assert output[column].to_list() == wanted[column].to_list()


def test_rows_said_without_a_number_are_not_cut_to_one(demo: Demo) -> None:
    planned = draft("the most recently shipped orders", demo.catalog)
    assert planned.not_understood  # how many is not said: no limit guessed
