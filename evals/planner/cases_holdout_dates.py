"""Held-out cases that keep rows by date (stored dates and the signup text), by missing values, and by flags."""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case

D = dt.date
SIGNUP_NOTE = "signup_date is text in four formats; reading only the YYYY-MM-DD ones is accepted too"


def _signed_up_before_2019(f: Frames, day: pl.Expr) -> pl.DataFrame:
    return f["customers"].filter(day < D(2019, 1, 1))


def _signed_up_may_2024(f: Frames, day: pl.Expr) -> pl.DataFrame:
    return f["customers"].filter(day.is_between(D(2024, 5, 1), D(2024, 5, 31)))


DATES = [
    case(
        "ho-date-shipped-h2-2023",
        "orders that shipped in the second half of 2023",
        "paraphrase",
        "holdout",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date").is_between(D(2023, 7, 1), D(2023, 12, 31))),
    ),
    case(
        "ho-date-march-2024",
        "orders march 2024",
        "terse",
        "holdout",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2024, 3, 1), D(2024, 3, 31))),
    ),
    case(
        "ho-date-christmas",
        "did anyone order on Christmas day? show me those orders",
        "question",
        "holdout",
        "filter-date",
        lambda f: f["orders"].filter((pl.col("order_date").dt.month() == 12) & (pl.col("order_date").dt.day() == 25)),
        note="25 December of any year",
    ),
    case(
        "ho-date-signup-before-2019",
        "custmers that signed up befor 2019",
        "typo",
        "holdout",
        "filter-date",
        lambda f: _signed_up_before_2019(f, truth.signup_day()),
        alternatives=[lambda f: _signed_up_before_2019(f, truth.iso_signup_day())],
        note=SIGNUP_NOTE,
    ),
    case(
        "ho-date-signup-may-2024",
        "Could you pull the customers who joined in May 2024? thanks!",
        "chatty",
        "holdout",
        "filter-date",
        lambda f: _signed_up_may_2024(f, truth.signup_day()),
        alternatives=[lambda f: _signed_up_may_2024(f, truth.iso_signup_day())],
        note=SIGNUP_NOTE,
    ),
    case(
        "ho-date-born-eighties",
        "I'm putting together a list of customers born in the eighties, can you help?",
        "chatty",
        "holdout",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date").dt.year().is_between(1980, 1989)),
    ),
    case(
        "ho-date-shipped-before-ordered",
        "Identify the orders whose ship date precedes the order date.",
        "formal",
        "holdout",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date") < pl.col("order_date")),
    ),
    case(
        "ho-date-weekend",
        "orders placed on a saturday or sunady",
        "typo",
        "holdout",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.weekday() >= 6),
    ),
    case(
        "ho-date-jan-feb-2025",
        "orders jan-feb 2025",
        "terse",
        "holdout",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2025, 1, 1), D(2025, 2, 28))),
    ),
]

NULLS_AND_FLAGS = [
    case(
        "ho-null-birth-unknown",
        "customers whose birth date we don't know",
        "paraphrase",
        "holdout",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("birth_date").is_null()),
    ),
    case(
        "ho-null-region",
        "churn rows where the reigon is empty",
        "typo",
        "holdout",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("region").is_null()),
    ),
    case(
        "ho-null-no-product",
        "Are there orders with no product attached?",
        "question",
        "holdout",
        "filter-null",
        lambda f: f["orders"].filter(pl.col("product_id").is_null()),
    ),
    case(
        "ho-null-income-or-charges",
        "Return the churn records lacking either income or total_charges.",
        "formal",
        "holdout",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("income").is_null() | pl.col("total_charges").is_null()),
    ),
    case(
        "ho-null-phone-and-city",
        "hi! i need the customers who have both a phone number and a city on file",
        "chatty",
        "holdout",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("phone").is_not_null() & pl.col("city").is_not_null()),
    ),
    case(
        "ho-bool-stayed",
        "who stayed with us? i mean the subscribers that did not churn",
        "question",
        "holdout",
        "filter-bool",
        lambda f: f["churn"].filter(pl.col("churned") == 0),
        note="churned is 0/1",
    ),
    case(
        "ho-bool-real-germans",
        "german customers, no test accounts",
        "terse",
        "holdout",
        "filter-bool",
        lambda f: f["customers"].filter((truth.customer_country() == "DE") & ~pl.col("is_test_account")),
        note="'Germany', 'Deutschland', 'de' and 'DE ' are stored next to 'DE'",
    ),
]

CASES = [*DATES, *NULLS_AND_FLAGS]
