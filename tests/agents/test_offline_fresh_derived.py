"""New columns worded as fresh requests word them: a column that 'spells the contract type the same way
everywhere'; each checked against the rows Polars gives on both engines."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, as_one_spelling, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
CONTRACT = folded("contract").str.replace("m2m", "monthtomonth").str.replace("^2", "two").str.replace("^1", "one")
STATUS = folded("status").str.replace("canceled", "cancelled").str.replace("delivred", "delivered")

SPELLED_ALIKE: list[tuple[str, str, str, str, pl.Expr]] = [
    (
        "Could you add a contract_clean column to churn that spells the contract type the same way everywhere?",
        "churn", "contract", "contract_clean", CONTRACT,
    ),
    ("create a new column contract_std which writes the contract consistently", "churn", "contract",
     "contract_std", CONTRACT),
    ("add a status_clean column to orders that spells the status the same way everywhere", "orders", "status",
     "status_clean", STATUS),
]  # fmt: skip


@pytest.mark.parametrize(
    ("request_text", "dataset", "column", "name", "key"), SPELLED_ALIKE, ids=[c[0] for c in SPELLED_ALIKE]
)
def test_a_new_column_spells_each_value_the_one_way(
    request_text: str, dataset: str, column: str, name: str, key: pl.Expr, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    frame = demo.frames[dataset]
    expected = frame.with_columns(as_one_spelling(frame, column, key)[column].alias(name))
    same_rows(output, expected)


def test_a_column_with_one_spelling_only_is_said_not_guessed(demo: Demo) -> None:
    planned = draft("add a region_clean column that spells the region the same way", demo.catalog)
    assert planned.not_understood and "no spellings" in planned.not_understood[0]
