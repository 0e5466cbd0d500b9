"""Cross-column rules found from the data: start before end, age against birth date, total = quantity * price."""

from __future__ import annotations

import datetime as dt

import polars as pl

from tests.core.quality.conftest import flagged, issues_of, scan


def test_a_date_that_almost_always_comes_first_is_flagged_where_it_comes_after() -> None:
    ordered = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(60)]
    shipped = [d + dt.timedelta(days=i % 5) for i, d in enumerate(ordered)]
    shipped[7] = ordered[7] - dt.timedelta(days=3)
    frame = pl.DataFrame({"order_date": ordered, "ship_date": shipped})
    report = scan(frame)
    (issue,) = issues_of(report, "cross_column_violation")
    assert issue.columns == ["order_date", "ship_date"] and flagged(frame, report, "cross_column_violation") == {7}


def test_age_that_does_not_match_the_birth_date() -> None:
    births = [dt.date(1950 + i, 1 + i % 12, 1 + i % 28) for i in range(50)]
    ages = [2025 - b.year - (1 if (b.month, b.day) > (6, 30) else 0) for b in births]
    ages[12] += 7
    frame = pl.DataFrame({"birth_date": births, "age": ages})
    report = scan(frame)
    assert flagged(frame, report, "cross_column_violation") == {12}


def test_a_total_that_is_not_quantity_times_price() -> None:
    quantity = [1 + i % 5 for i in range(60)]
    price = [round(3.5 + i * 1.25, 2) for i in range(60)]
    total = [round(q * p, 2) for q, p in zip(quantity, price, strict=True)]
    total[9] = total[9] * 10 + 1
    frame = pl.DataFrame({"quantity": quantity, "unit_price": price, "total": total})
    report = scan(frame)
    (issue,) = issues_of(report, "calculation_mismatch")
    assert issue.rule["check"] == "product_mismatch" and issue.columns == ["total", "quantity", "unit_price"]
    assert flagged(frame, report, "calculation_mismatch") == {9}
