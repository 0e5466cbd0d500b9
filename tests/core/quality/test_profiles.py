"""Column profiles: statistics, histograms, top values, lengths, patterns and semantic types on small frames."""

from __future__ import annotations

import datetime as dt

import polars as pl

from datalinx.core.quality.profiles import profile_columns


def _profiles(frame: pl.DataFrame) -> dict:
    return {p.name: p for p in profile_columns(frame, frame)}


def test_numeric_profile_has_moments_quantiles_and_a_histogram_of_every_value() -> None:
    frame = pl.DataFrame({"amount": [float(v) for v in range(1, 101)] + [None]})
    profile = _profiles(frame)["amount"]
    assert (profile.null_count, profile.distinct_count, profile.min, profile.max) == (1, 100, 1.0, 100.0)
    assert profile.mean == 50.5 and round(profile.std, 3) == 29.011
    assert list(profile.quantiles) == ["p01", "p05", "p25", "p50", "p75", "p95", "p99"]
    assert 50 <= profile.quantiles["p50"] <= 51
    assert profile.histogram is not None and sum(profile.histogram.counts) == 100
    assert len(profile.histogram.edges) == len(profile.histogram.counts) + 1


def test_text_profile_counts_placeholders_lengths_top_values_and_patterns() -> None:
    phones = ["030-123-4567"] * 6 + ["(030) 123 4567"] * 3 + ["N/A", " "]
    profile = _profiles(pl.DataFrame({"phone": phones}))["phone"]
    assert profile.empty_count == 2 and profile.null_count == 0
    assert profile.length == {"min": 1.0, "mean": round(sum(map(len, phones)) / 11, 3), "max": 14.0}
    assert profile.top_values[0].value == "030-123-4567" and profile.top_values[0].count == 6
    shapes = {p.value: p.count for p in profile.patterns}
    assert shapes["999-999-9999"] == 6 and shapes["(999) 999 9999"] == 3


def test_date_profile_has_its_range() -> None:
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=n) for n in range(30)]
    profile = _profiles(pl.DataFrame({"day": days}))["day"]
    assert profile.semantic_type == "datetime"
    assert profile.date_range == ("2024-01-01", "2024-01-30")
    assert profile.histogram is not None and sum(profile.histogram.counts) == 30


def test_semantic_types_come_from_names_and_values() -> None:
    n = 60
    frame = pl.DataFrame(
        {
            "customer_id": list(range(n)),
            "email": [f"user{i}@example.com" for i in range(n)],
            "phone": [f"+49 30 {1000000 + i}" for i in range(n)],
            "website": [f"https://example.com/{i}" for i in range(n)],
            "signup": [f"2024-01-{1 + i % 28:02d}" for i in range(n)],
            "active": [i % 2 == 0 for i in range(n)],
            "yes_no": ["yes" if i % 3 else "no" for i in range(n)],
            "segment": [("consumer", "smb", "enterprise")[i % 3] for i in range(n)],
            "weight": [f"{i}.5 kg" for i in range(n)],
            "price_text": [f"{i * 1.5:.2f}" for i in range(n)],
            "zip": [f"{10000 + i}" for i in range(n)],
            "amount": [i * 0.37 for i in range(n)],
            "note": [f"free text number {i} about {'x' * (i % 7)}" for i in range(n)],
        }
    )
    types = {name: p.semantic_type for name, p in _profiles(frame).items()}
    assert types == {
        "customer_id": "id",
        "email": "email",
        "phone": "phone",
        "website": "url",
        "signup": "date_string",
        "active": "boolean",
        "yes_no": "boolean",
        "segment": "categorical",
        "weight": "measure",
        "price_text": "numeric",
        "zip": "postal_code",
        "amount": "numeric",
        "note": "text",
    }
