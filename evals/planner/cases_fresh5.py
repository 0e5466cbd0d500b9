"""The fresh5 split: requests written blind after tuning on every earlier split, fresh4 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh5_shape.py`;
aggregates in `cases_fresh5_groups.py`; joins in `cases_fresh5_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh5_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh5_flows, cases_fresh5_groups, cases_fresh5_joins, cases_fresh5_shape, truth
from evals.planner.model import Frames, case

D = dt.date
SIGNUP_NOTE = "signup_date is text in four formats; reading only the YYYY-MM-DD ones is accepted too"


def _signed_up_2020_or_2021(f: Frames, day: pl.Expr) -> pl.DataFrame:
    return f["customers"].filter(day.dt.year().is_in([2020, 2021]))


def _org_emails(f: Frames, ignore_case: bool) -> pl.DataFrame:
    email = pl.col("email").str.to_lowercase() if ignore_case else pl.col("email")
    return f["customers"].filter(email.str.ends_with("example.org"))


NUMBERS = [
    case(
        "f5-num-tenure-zero",
        "churn tenure_months = 0",
        "terse",
        "fresh5",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("tenure_months") == 0),
        note="38 subscribers in their first month; the negative tenures are not zero",
    ),
    case(
        "f5-num-monthly-over-1000",
        "Select the churn records whose monthly_charges are above 1,000.",
        "formal",
        "fresh5",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("monthly_charges") > 1_000),
        note="the 8 outliers of 1,500 to 9,000; 1,000 is one thousand",
    ),
    case(
        "f5-num-six-figure-income",
        "subscribers earning six figures a year",
        "paraphrase",
        "fresh5",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("income") >= 100_000),
        note="what they earn is income; six figures is 100,000 or more (no income reaches a million); the missing"
        " incomes are left out",
    ),
    case(
        "f5-num-negative-age",
        "Which customers have an age below zero on file?",
        "question",
        "fresh5",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age") < 0),
        note="the 10 negative ages",
    ),
    case(
        "f5-num-revenue-250-300",
        "ordrs with revnue betwen 250 and 300",
        "typo",
        "fresh5",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("total_revenue").is_between(250, 300)),
        note="total_revenue from 250 to 300; no order is exactly 250 or 300, so ends in or out give the same 397",
    ),
    case(
        "f5-num-subscribers-thirties",
        "hi, can you get me the subscribers aged 30 to 39? I'm working on an age breakdown",
        "chatty",
        "fresh5",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("age").is_between(30, 39)),
        note="churn.age, both ends included",
    ),
]

TEXT = [
    case(
        "f5-text-east-west",
        "churn, region east or west",
        "terse",
        "fresh5",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("region").is_in(["east", "west"])),
        note="the 60 rows without a region are in neither",
    ),
    case(
        "f5-text-org-emails",
        "Return the customers whose email address ends with example.org.",
        "formal",
        "fresh5",
        "filter-text",
        lambda f: _org_emails(f, ignore_case=False),
        alternatives=[lambda f: _org_emails(f, ignore_case=True)],
        note="the mail.example.org addresses (495); 5 near-duplicate rows write the email in capitals, and matching"
        " them regardless of case (500) is accepted too",
    ),
    case(
        "f5-text-posted-cheque",
        "subscribers who settle their bill by posting a cheque",
        "paraphrase",
        "fresh5",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("payment_method") == "mailed check"),
        note="paying by a cheque in the post is the payment_method 'mailed check'",
    ),
    case(
        "f5-text-books",
        "Which of our products are books?",
        "question",
        "fresh5",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "book"),
        note="'Books' and the variant 'BOOKS': 31 products",
    ),
    case(
        "f5-text-amsterdam-rotterdam",
        "custmers in amsterdam or roterdam",
        "typo",
        "fresh5",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("city").is_in(["Amsterdam", "Rotterdam"])),
        note="customers.city, stored capitalised",
    ),
    case(
        "f5-text-dsl-long-contracts",
        "hey, could you pull the dsl subscribers who are on a one- or two-year contract? cheers",
        "chatty",
        "fresh5",
        "filter-text",
        lambda f: f["churn"].filter(
            (pl.col("internet_service") == "dsl") & truth.contract().is_in(["one-year", "two-year"])
        ),
        note="'One Year' and '2 year' are one-year and two-year contracts too",
    ),
]

DATES = [
    case(
        "f5-date-black-friday-2023",
        "orders placed on Black Friday 2023",
        "paraphrase",
        "fresh5",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date") == D(2023, 11, 24)),
        note="Black Friday 2023 was 24 November 2023; three orders by order_date",
    ),
    case(
        "f5-date-mid-june-2023",
        "Select the orders placed from 10 June 2023 through 20 June 2023.",
        "formal",
        "fresh5",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2023, 6, 10), D(2023, 6, 20))),
        note="by order_date, both days included",
    ),
    case(
        "f5-date-leap-day-births",
        "Which customers were born on 29 February?",
        "question",
        "fresh5",
        "filter-date",
        lambda f: f["customers"].filter((pl.col("birth_date").dt.month() == 2) & (pl.col("birth_date").dt.day() == 29)),
        note="by birth_date, any year: two customers",
    ),
    case(
        "f5-date-signup-2020-2021",
        "custmers whos signup was in 2020 or 2021",
        "typo",
        "fresh5",
        "filter-date",
        lambda f: _signed_up_2020_or_2021(f, truth.signup_day()),
        alternatives=[lambda f: _signed_up_2020_or_2021(f, truth.iso_signup_day())],
        note=SIGNUP_NOTE,
    ),
    case(
        "f5-date-shipped-other-month",
        "hey, could you find me the orders that shipped in a different calendar month from the one they were placed"
        " in? it's for month-end accruals",
        "chatty",
        "fresh5",
        "filter-date",
        lambda f: f["orders"].filter(
            truth.month("ship_date") != truth.month("order_date"),
        ),
        note="month and year of ship_date differ from those of order_date (a December order shipped in January"
        " counts); unshipped orders have no ship month and are left out; the orders shipped before they were placed"
        " count when that was in an earlier month",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f5-null-income-undisclosed",
        "subscribers who didn't tell us what they earn",
        "paraphrase",
        "fresh5",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("income").is_null()),
        note="what they earn is income; 114 rows have none",
    ),
    case(
        "f5-null-unshipped-not-cancelled",
        "ordrs with no ship date that arent cancelled",
        "typo",
        "fresh5",
        "filter-null",
        lambda f: f["orders"].filter(pl.col("ship_date").is_null() & (truth.status() != "cancelled")),
        note="741 pending orders and one delivered; 'canceled' is cancelled too",
    ),
    case(
        "f5-null-city-or-phone",
        "customers lacking a city or a phone",
        "terse",
        "fresh5",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("city").is_null() | pl.col("phone").is_null()),
        note="either one empty (or both)",
    ),
    case(
        "f5-bool-test-churned-two-year",
        "List the subscribers in the test split who churned despite being on a two-year contract.",
        "formal",
        "fresh5",
        "filter-bool",
        lambda f: f["churn"].filter(
            (pl.col("split") == "test") & (pl.col("churned") == 1) & (truth.contract() == "two-year")
        ),
        note="'2 year' is a two-year contract too; seven subscribers",
    ),
    case(
        "f5-bool-train-card-churned",
        "Which credit card payers in the training data churned?",
        "question",
        "fresh5",
        "filter-bool",
        lambda f: f["churn"].filter(
            (pl.col("split") == "train") & (pl.col("churned") == 1) & (pl.col("payment_method") == "credit card")
        ),
        note="the training data is split = 'train'",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh5_shape.CASES,
    *cases_fresh5_groups.CASES,
    *cases_fresh5_joins.CASES,
    *cases_fresh5_flows.CASES,
]
