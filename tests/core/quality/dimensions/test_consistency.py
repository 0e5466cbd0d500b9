"""Consistency: unusual formats, mixed date formats, spelling variants of a category, mixed units."""

from __future__ import annotations

import polars as pl

from datalinx.core.quality.dimensions.consistency import variant_mapping
from tests.core.quality.conftest import flagged, issues_of, scan


def test_phones_in_a_minority_format_are_inconsistent_but_malformed_ones_are_invalid() -> None:
    phones = [f"+49 30 {1000000 + i}" for i in range(60)]
    phones[5], phones[6], phones[7] = "(030) 1000005", "030-100-0006", "12"
    frame = pl.DataFrame({"phone": phones})
    report = scan(frame)
    assert flagged(frame, report, "inconsistent_format", "phone") == {5, 6}
    assert flagged(frame, report, "invalid_phone", "phone") == {7}


def test_dates_in_another_format_than_the_dominant_one() -> None:
    days = [f"2024-05-{1 + i % 28:02d}" for i in range(50)]
    days[3], days[9] = "05/03/2024", "March 5, 2024"
    frame = pl.DataFrame({"signup": days})
    report = scan(frame)
    (issue,) = issues_of(report, "mixed_date_format")
    assert issue.rule["format"] == "%Y-%m-%d"
    assert flagged(frame, report, "mixed_date_format") == {3, 9}


def test_category_variants_map_to_the_usual_spelling() -> None:
    counts = {"DE": 300, "FR": 200, "US": 250, "Germany": 3, "de": 2, "DE ": 1, "USA": 2, "U.S.": 1, "FRA": 1}
    assert variant_mapping(counts) == {
        "Germany": "DE", "de": "DE", "DE ": "DE", "USA": "US", "U.S.": "US", "FRA": "FR",
    }  # fmt: skip
    statuses = {"delivered": 500, "shipped": 120, "cancelled": 60, "Delivered": 4, "delivred": 2, "canceled": 3}
    assert variant_mapping(statuses) == {"Delivered": "delivered", "delivred": "delivered", "canceled": "cancelled"}
    contracts = {"month-to-month": 500, "one-year": 200, "two-year": 150, "M2M": 3, "2 year": 2, "One Year": 4}
    assert variant_mapping(contracts) == {"M2M": "month-to-month", "2 year": "two-year", "One Year": "one-year"}


def test_frequent_similar_values_and_numbered_codes_are_not_variants() -> None:
    assert variant_mapping({"north": 500, "south": 480, "east": 510, "west": 490}) == {}
    assert variant_mapping({"cat_1": 900, "cat_2": 800, "cat_17": 5}) == {}


def test_values_in_another_unit_than_the_usual_one() -> None:
    weights = [f"{1 + i / 10:.2f} kg" for i in range(40)]
    weights[4], weights[8] = "1200 g", "2.65 lb"
    frame = pl.DataFrame({"weight": weights})
    report = scan(frame)
    (issue,) = issues_of(report, "unit_inconsistency")
    assert issue.rule["unit"] == "kg" and flagged(frame, report, "unit_inconsistency") == {4, 8}
