"""Completeness: nulls and placeholders per column, scored as the share of rows that have a value."""

from __future__ import annotations

import polars as pl

from tests.core.quality.conftest import issues_of, rows_of, scan


def test_nulls_and_placeholders_are_missing_values_and_lower_the_column_score() -> None:
    frame = pl.DataFrame({"city": ["Berlin", None, "N/A", "", "Paris"] * 4, "n": list(range(20))})
    report = scan(frame)
    (issue,) = issues_of(report, "missing_values", "city")
    assert rows_of(frame, issue) == [i for i in range(20) if i % 5 in (1, 2, 3)]
    assert issue.affected_rows == 12
    city = next(c for c in report.column_scores if c.column == "city")
    assert city.dimensions["completeness"] == 40.0
    completeness = next(d for d in report.dimensions if d.dimension == "completeness")
    assert completeness.score == 70.0  # (40 + 100) / 2 columns


def test_complete_columns_have_no_missing_value_issue() -> None:
    report = scan(pl.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]}))
    assert not issues_of(report, "missing_values")
