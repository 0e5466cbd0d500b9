"""The offline planner on contact said as a verb and counts said as words: 'subscribers who've rung the helpdesk more
than twice' tests support_calls, the column whose name counts calls; 'more than once' is > 1; a count of occasions
no column holds ('customers who ordered more than twice') is said, never tested on an amount like age."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module

# (request, the filter's condition, the same test in Polars)
CONTACTS: list[tuple[str, str, pl.Expr]] = [
    ("subscribers who've rung the helpdesk more than twice", "support_calls > 2", pl.col("support_calls") > 2),
    ("subscribers who phoned us at least three times", "support_calls >= 3", pl.col("support_calls") >= 3),
    ("subscribers who contacted customer service more than once", "support_calls > 1", pl.col("support_calls") > 1),
    ("subscribers who rang us up fewer than 2 times", "support_calls < 2", pl.col("support_calls") < 2),
    ("subscribers who called support more than 3 times", "support_calls > 3", pl.col("support_calls") > 3),
    ("subscribers with support calls more than twice", "support_calls > 2", pl.col("support_calls") > 2),
]


@pytest.mark.parametrize(("request_text", "condition", "expected"), CONTACTS, ids=[c[0] for c in CONTACTS])
def test_contact_said_as_a_verb_tests_the_count_of_calls(
    request_text: str, condition: str, expected: pl.Expr, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    steps = [(n["kind"], n.get("condition")) for n in planned.definition["nodes"] if n["kind"] != "source"]
    assert steps == [("filter", condition)]
    same_rows(output, demo.frames["churn"].filter(expected))


@pytest.mark.parametrize(
    "request_text",
    ["customers who ordered more than twice", "subscribers who called Anna more than twice"],
)
def test_a_count_of_occasions_no_column_holds_is_said(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert any("more than twice" in w for w in planned.not_understood), planned.not_understood
    conditions = [n.get("condition", "") for n in (planned.definition or {}).get("nodes", [])]
    assert not any("age" in c or "charges" in c for c in conditions)


def test_at_least_once_stays_a_word_of_presence(demo: Demo, tmp_path: Path) -> None:
    planned, _ = answer("customers who ordered at least once", demo, tmp_path)
    assert [n["how"] for n in planned.definition["nodes"] if n["kind"] == "join"] == ["semi"]
