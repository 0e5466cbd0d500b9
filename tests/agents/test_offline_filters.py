"""The offline planner's row filters: spans and rates in units, decades of age, values named by a word, by a
domain or listed with a known one, missing and present values two at a time, and negated flags, each checked
against Polars; and what it refuses where the words fit more than one reading."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_phrasings import _kilograms
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]


def _country(*codes: str) -> pl.Expr:
    names = {"US": ["us", "usa", "u.s.", "united states", "america"], "GB": ["gb", "uk", "united kingdom"]}
    return pl.col("country").str.strip_chars().str.to_lowercase().is_in([n for c in codes for n in names[c]])


def _contract(*spellings: str) -> pl.Expr:
    return folded("contract").is_in(list(spellings))


CASES: list[tuple[str, Expected]] = [
    (
        "show orders dated after 2024-12-31",
        lambda f: f["orders"].filter(pl.col("order_date") > dt.date(2024, 12, 31)),
    ),
    (
        "orders dated no later than 2023-12-31",
        lambda f: f["orders"].filter(pl.col("order_date") <= dt.date(2023, 12, 31)),
    ),
    (
        "orders placed no earlier than 2024-06-01",
        lambda f: f["orders"].filter(pl.col("order_date") >= dt.date(2024, 6, 1)),
    ),
    ("orders dated before March 2021", lambda f: f["orders"].filter(pl.col("order_date") < dt.date(2021, 3, 1))),
    (
        "everybody in the churn data on a one year contract",
        lambda f: f["churn"].filter(_contract("oneyear")),
    ),
    ("subscribers on 1 year contracts", lambda f: f["churn"].filter(_contract("oneyear"))),
    ("orders heading to France or Spain", lambda f: f["orders"].filter(pl.col("country").is_in(["FR", "ES"]))),
    (
        "we're after the subscribers paying over 80 per month",
        lambda f: f["churn"].filter(pl.col("monthly_charges") > 80),
    ),
    (
        "churn rows with tenure from 1 to 2 years",
        lambda f: f["churn"].filter(pl.col("tenure_months").is_between(12, 24)),
    ),
    (
        "subscribers who have been with us for more than 2 years",
        lambda f: f["churn"].filter(pl.col("tenure_months") > 24),
    ),
    ("customers in their thirties", lambda f: f["customers"].filter(pl.col("age").is_between(30, 39))),
    ("customers in their 60s", lambda f: f["customers"].filter(pl.col("age").is_between(60, 69))),
    ("customers located in the USA", lambda f: f["customers"].filter(_country("US"))),
    (
        "churn subscribers paying via transfer",
        lambda f: f["churn"].filter(pl.col("payment_method") == "bank transfer"),
    ),
    (
        "customers who live in Hamburg or Rome",
        lambda f: f["customers"].filter(pl.col("city").is_in(["Hamburg", "Roma"])),
    ),
    ("customers whose phone we don't have", lambda f: f["customers"].filter(pl.col("phone").is_null())),
    (
        "churn rows missing either income or region",
        lambda f: f["churn"].filter(pl.col("income").is_null() | pl.col("region").is_null()),
    ),
    (
        "customers with neither a phone nor a city",
        lambda f: f["customers"].filter(pl.col("phone").is_null() & pl.col("city").is_null()),
    ),
    (
        "customers with a phone number and an email on file",
        lambda f: f["customers"].filter(pl.col("phone").is_not_null() & pl.col("email").is_not_null()),
    ),
    ("orders without any product linked", lambda f: f["orders"].filter(pl.col("product_id").is_null())),
    (
        "churn customers with no internet service",
        lambda f: f["churn"].filter(pl.col("internet_service") == "none"),
    ),
    (
        "customers with post.example.net email addresses",
        lambda f: f["customers"].filter(pl.col("email").str.to_lowercase().str.ends_with("@post.example.net")),
    ),
    ("subscribers paying under 50 monthly", lambda f: f["churn"].filter(pl.col("monthly_charges") < 50)),
    (
        "customers missing both phone and city",
        lambda f: f["customers"].filter(pl.col("phone").is_null() & pl.col("city").is_null()),
    ),
    ("subscribers with a two year contract", lambda f: f["churn"].filter(_contract("twoyear", "2year"))),
    (
        "orders dated in 2023",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
    ),
    ("subscribers using mailed checks", lambda f: f["churn"].filter(pl.col("payment_method") == "mailed check")),
    ("orders with two items", lambda f: f["orders"].filter(pl.col("quantity") == 2)),
    *(
        (f"orders {verb} the {code}", lambda f, code=code: f["orders"].filter(pl.col("country") == code.upper()))
        for verb in ("to", "sent to", "going to", "delivered to")
        for code in ("us", "de", "fr")
    ),
    ("customers in the us", lambda f: f["customers"].filter(_country("US"))),
    ("customers younger than twenty five", lambda f: f["customers"].filter(pl.col("age") < 25)),
    ("customers aged over sixty", lambda f: f["customers"].filter(pl.col("age") > 60)),
    ("customers 65 or older", lambda f: f["customers"].filter(pl.col("age") >= 65)),
    ("products that weigh under 300 g", lambda f: f["products"].filter(_kilograms(f["products"]) < 0.3)),
    (
        "customers whose phone or email is missing",
        lambda f: f["customers"].filter(pl.col("phone").is_null() | pl.col("email").is_null()),
    ),
    (
        "churn customers who do not have dsl",
        lambda f: f["churn"].filter(pl.col("internet_service") != "dsl"),
    ),
    (
        "customers with example.com addresses",  # '@example.com' is also stored as a (broken) value
        lambda f: f["customers"].filter(pl.col("email").str.to_lowercase().str.ends_with("@example.com")),
    ),
    ("customers whose email is on file", lambda f: f["customers"].filter(pl.col("email").is_not_null())),
    ("orders older than 2022", lambda f: f["orders"].filter(pl.col("order_date") < dt.date(2022, 1, 1))),
    ("subscribers who earn under 20000", lambda f: f["churn"].filter(pl.col("income") < 20000)),
    ("subscribers with internet", lambda f: f["churn"].filter(pl.col("internet_service") != "none")),
    ("customers not flagged as test accounts", lambda f: f["customers"].filter(~pl.col("is_test_account"))),
    (
        "subscribers paying 50 to 80 per month",
        lambda f: f["churn"].filter(pl.col("monthly_charges").is_between(50, 80)),
    ),
    ("orders above one thousand", lambda f: f["orders"].filter(pl.col("total_revenue") > 1000)),
    ("orders over 2 thousand", lambda f: f["orders"].filter(pl.col("total_revenue") > 2000)),
    ("customers under the age of 25", lambda f: f["customers"].filter(pl.col("age") < 25)),
    ("customers with no email on file", lambda f: f["customers"].filter(pl.col("email").is_null())),
    (
        "customers who've never given us a phone number",  # 'us a' is no 'USA'
        lambda f: f["customers"].filter(pl.col("phone").is_null()),
    ),
    ("churn custmers who did'nt churn", lambda f: f["churn"].filter(pl.col("churned") == 0)),
    ("orders not going to France", lambda f: f["orders"].filter(pl.col("country") != "FR")),
    ("customers not based in the US", lambda f: f["customers"].filter(~_country("US"))),
    ("churn rows with 5 support calls or more", lambda f: f["churn"].filter(pl.col("support_calls") >= 5)),
    (
        "subscribers who never churned, i mean the loyal ones",
        lambda f: f["churn"].filter(pl.col("churned") == 0),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_filter_phrasings_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


@pytest.mark.parametrize(
    ("request_text", "unclear"),
    [
        ("churn subscribers paying by check", "check"),  # electronic or mailed check
        ("churn rows with tenure under 100 days", "days"),  # no exact number of days in a month
        ("orders with quantity between 2 and 5 days", "days"),  # a quantity is no span of time
        ("customers with gmail addresses", "gmail"),  # a mail host, not a typo of 'email'
        ("customers older than 1990", "1990"),  # born or signed up before 1990?
        ("customers in Paris, Lyon or Nice", "Nice"),  # the city, or the word 'nice'? (no customer lives in Nice)
        ("customers in Paris, Lyon, Nice", "Nice"),
        ("customers in Berlin or Springfield", "Springfield"),  # every city is known, and this is none of them
        ("customers without both phone and email", "both"),  # both missing, or either?
    ],
)
def test_a_filter_that_fits_two_readings_is_refused(request_text: str, unclear: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert any(unclear in part for part in planned.not_understood), planned.not_understood


def test_an_amount_per_period_without_such_a_column_is_not_read_as_one(demo: Demo) -> None:
    planned = draft("orders over 100 a month", demo.catalog)
    assert not any("monthly" in str(node) for node in (planned.definition or {}).get("nodes", []))
    assert planned.not_understood
