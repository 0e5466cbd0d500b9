"""A reference table with every type ingest detects, a null in each column."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest


@pytest.fixture
def reference() -> pl.DataFrame:
    """Ints, floats, bools, Latin-1 text, dates and datetimes, with a null in every column."""
    return pl.DataFrame(
        {
            "id": [1, 2, 3, None],
            "price": [9.5, 12.25, None, 0.0],
            "active": [True, False, None, True],
            "name": ["José", "Müller, Zoë", None, 'say "hi"'],
            "signup": [dt.date(2021, 1, 31), None, dt.date(2023, 12, 1), dt.date(1999, 7, 4)],
            "seen_at": [dt.datetime(2024, 5, 1, 10, 30), dt.datetime(2024, 5, 2, 0, 0, 5), None, None],
        }
    )
