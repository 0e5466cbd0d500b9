"""Validity: malformed emails, URLs, phones and dates, text that should be numbers, impossible values."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from datalinx.core.quality.rules import valid_format
from datalinx.core.quality.semantic import EMAIL, PHONE_CHARS, PHONE_DIGITS, POSTAL, URL
from tests.core.quality.conftest import flagged, scan


def test_malformed_emails_urls_and_phones_are_flagged_row_by_row() -> None:
    n = 40
    emails = [f"user{i}@example.com" for i in range(n)]
    urls = [f"https://example.com/p/{i}" for i in range(n)]
    phones = [f"+44 20 7946 {1000 + i}" for i in range(n)]
    emails[3], emails[7], emails[9] = "user3@", "user7.example.com", "us er@example.com"
    urls[5] = "htp:/example"
    phones[11], phones[12] = "12", "call me"
    frame = pl.DataFrame({"email": emails, "site": urls, "phone": phones})
    report = scan(frame)
    assert flagged(frame, report, "invalid_email") == {3, 7, 9}
    assert flagged(frame, report, "invalid_url") == {5}
    assert flagged(frame, report, "invalid_phone") == {11, 12}


def test_numbers_stored_as_text_and_impossible_dates_are_flagged() -> None:
    amounts = [f"{i}.50" for i in range(40)]
    days = [f"2024-03-{1 + i % 28:02d}" for i in range(40)]
    amounts[4], days[6], days[8] = "twelve", "2024-02-30", "someday"
    frame = pl.DataFrame({"amount": amounts, "day": days})
    report = scan(frame)
    assert flagged(frame, report, "type_mismatch", "amount") == {4}
    assert flagged(frame, report, "invalid_date", "day") == {6, 8}


def test_negative_ages_and_future_dates_are_impossible() -> None:
    ages = list(range(20, 60))
    ages[2], ages[30] = -34, -5
    signups = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(40)]
    signups[10] = dt.date(2031, 5, 1)
    renewals = [dt.date(2030, 1, 1)] * 40  # an end or renewal date may lie ahead
    frame = pl.DataFrame({"age": ages, "signup_date": signups, "renewal_date": renewals})
    report = scan(frame, reference_date=dt.date(2025, 6, 30))
    assert flagged(frame, report, "negative_value", "age") == {2, 30}
    assert flagged(frame, report, "future_date") == {10}
    assert not flagged(frame, report, "future_date", "renewal_date")


def test_formats_read_padded_text_as_they_read_it_stripped(rng: np.random.Generator) -> None:
    pieces = [
        "a",
        "Z",
        "0",
        "7",
        "@",
        ".",
        "-",
        "/",
        "(",
        ")",
        "+",
        "_",
        "x.org",
        "www.",
        "https://",
        " ",
        "  ",
        "\t",
        "\u00a0",
    ]
    values = ["".join(rng.choice(pieces, size=rng.integers(0, 14))) for _ in range(30_000)]
    values += [
        " +49 30 1234567 ",
        "\t030-123 45 ",
        "12345 ",
        " SW1A 1AA\u00a0",
        " ann@x.org ",
        "www.x.org  ",
        "12 34 5 ",
    ]
    frame = pl.DataFrame({"v": values})
    text = pl.col("v").str.strip_chars()
    stripped = {
        "email": text.str.contains(EMAIL),
        "url": text.str.contains(URL),
        "postal_code": text.str.contains(POSTAL),
        "phone": text.str.contains(PHONE_CHARS) & text.str.contains(PHONE_DIGITS),
    }
    for kind, expected in stripped.items():
        both = frame.select(valid_format("v", kind).alias("padded"), expected.alias("stripped"))
        assert both.get_column("padded").equals(both.get_column("stripped")), kind
        assert both.get_column("stripped").sum() > 0, kind
