"""Uniqueness: exact duplicates, near duplicates (case and spaces) and keys reused by different rows."""

from __future__ import annotations

import polars as pl

from tests.core.quality.conftest import issues_of, rows_of, scan


def _customers() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "customer_id": [1, 2, 3, 4, 2, 6, 7, 8],
            "name": ["Anna Weber", "Ben Roth", "Cem Kaya", "Anna Weber", "Ben Roth", "CEM  KAYA", "Dora Li", "Eli Fox"],
            "email": ["a@x.org", "b@x.org", "c@x.org", "a@x.org", "b@x.org", "C@X.ORG", "d@x.org", "e@x.org"],
        }
    )


def test_exact_duplicates_flag_only_the_later_copies() -> None:
    frame = _customers()
    report = scan(frame)
    (issue,) = issues_of(report, "exact_duplicate")
    assert rows_of(frame, issue) == [4]
    assert issue.fix == {"fix": "drop_duplicates"}


def test_near_duplicates_ignore_case_spaces_and_the_key_but_not_exact_copies() -> None:
    frame = _customers()
    report = scan(frame, key_columns=["customer_id"])
    (issue,) = issues_of(report, "near_duplicate")
    assert rows_of(frame, issue) == [3, 5]


def test_duplicate_keys_are_keys_reused_by_a_different_row() -> None:
    frame = _customers().with_columns(pl.Series("customer_id", [1, 2, 3, 4, 2, 6, 3, 8]))
    report = scan(frame, key_columns=["customer_id"])
    (issue,) = issues_of(report, "duplicate_key")
    assert rows_of(frame, issue) == [6]  # row 4 repeats row 1 whole: an exact duplicate, not a key problem
