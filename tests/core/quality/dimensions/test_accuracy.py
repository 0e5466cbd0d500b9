"""Accuracy: outliers beyond robust fences (in logs for skewed columns, past a gap for gross errors), test records."""

from __future__ import annotations

import numpy as np
import polars as pl

from tests.core.quality.conftest import flagged, scan


def test_gross_outliers_are_flagged_and_a_skewed_tail_is_not(rng: np.random.Generator) -> None:
    income = rng.lognormal(10.8, 0.6, 5_000).round()
    income[[10, 20]] = [9_000_000, 12_000_000]
    charges = rng.uniform(20, 120, 5_000).round(2)
    charges[[30, 40, 50]] = [4_000, 7_500, 9_999]
    frame = pl.DataFrame({"income": income, "monthly_charges": charges})
    report = scan(frame)
    assert flagged(frame, report, "outlier", "income") == {10, 20}
    assert flagged(frame, report, "outlier", "monthly_charges") == {30, 40, 50}


def test_negative_quantities_are_reported_once_as_negative_not_again_as_outliers() -> None:
    quantity = [1 + i % 4 for i in range(200)]
    quantity[5], quantity[6] = -3, 900
    frame = pl.DataFrame({"quantity": quantity, "n": list(range(200))})
    report = scan(frame)
    assert flagged(frame, report, "negative_value", "quantity") == {5}
    assert flagged(frame, report, "outlier", "quantity") == {6}


def test_rows_flagged_or_named_as_tests_are_test_records() -> None:
    names = [f"Customer {i}" for i in range(30)]
    names[4] = "Test User"
    emails = [f"c{i}@shop.example.com" for i in range(30)]
    emails[9] = "qa+1@test.example.com"
    flags = [i == 17 for i in range(30)]
    frame = pl.DataFrame({"name": names, "email": emails, "is_test_account": flags})
    assert flagged(frame, scan(frame), "test_record") == {4, 9, 17}


def test_a_total_far_off_because_it_was_miscalculated_is_not_also_an_outlier() -> None:
    quantity = [1 + i % 4 for i in range(300)]
    price = [round(5 + (i % 50) * 1.5, 2) for i in range(300)]
    total = [round(q * p, 2) for q, p in zip(quantity, price, strict=True)]
    total[7] = total[7] * 1000
    frame = pl.DataFrame({"quantity": quantity, "unit_price": price, "total": total})
    report = scan(frame)
    assert flagged(frame, report, "calculation_mismatch") == {7}
    assert not flagged(frame, report, "outlier", "total")
