"""Fills worded as fresh requests word them: 'ages that are missing', one verb for two fills, 'plug in the median
of everyone else's' after the rows lacking the column; each checked against the rows Polars gives."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, answer, demo, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _filled(frame: pl.DataFrame, column: str, how: str) -> pl.DataFrame:
    value = frame[column].median() if how == "median" else frame[column].mean()
    return frame.with_columns(pl.col(column).fill_null(value))


SUMMARY_FILLS: list[tuple[str, str, str, str]] = [
    # the column's gaps said by a clause
    ("fill in custmers ages that are mising using the avrage age", "customers", "age", "mean"),
    ("fill income values that are missing with the median", "churn", "income", "median"),
    # the rows lacking the column named first, the others' summary plugged in
    (
        "hey, for subscribers with no total charges, could you plug in the median of everyone else's?",
        "churn",
        "total_charges",
        "median",
    ),
    ("for customers without an age, use the average of the others", "customers", "age", "mean"),
    ("for products with no price, fill in the median of the rest", "products", "price", "median"),
    ("for subscribers lacking an income, plug in the mean", "churn", "income", "mean"),
]


@pytest.mark.parametrize(("request_text", "dataset", "column", "how"), SUMMARY_FILLS, ids=[s[0] for s in SUMMARY_FILLS])
def test_the_gaps_get_the_summary_of_the_other_rows(
    request_text: str, dataset: str, column: str, how: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, _filled(demo.frames[dataset], column, how))


TWO_FILLS: list[tuple[str, str, dict[str, object]]] = [
    ("In the churn data, set missing income to 0 and missing region to 'unknown'.", "churn",
     {"income": 0.0, "region": "unknown"}),
    ("set missing age to 0, and missing city to 'n/a'", "customers", {"age": 0, "city": "n/a"}),
    ("in customers, fill missing city with 'none given' and missing age with 0", "customers",
     {"city": "none given", "age": 0}),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset", "values"), TWO_FILLS, ids=[s[0] for s in TWO_FILLS])
def test_one_verb_fills_two_columns(
    request_text: str, dataset: str, values: dict[str, object], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset].with_columns(pl.col(c).fill_null(v) for c, v in values.items()))
