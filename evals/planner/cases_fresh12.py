"""The fresh12 split: requests written blind after tuning on every earlier split, fresh11 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh12_shape.py`;
aggregates in `cases_fresh12_groups.py`; joins in `cases_fresh12_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh12_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh12_flows, cases_fresh12_groups, cases_fresh12_joins, cases_fresh12_shape, truth
from evals.planner.model import Frames, case

D = dt.date
SIGNUP_NOTE = (
    "signup_date is text in four formats: read in all of them, or only where written YYYY-MM-DD (what a plain"
    " cast reads)"
)


def _joined_in(f: Frames, day: pl.Expr, year: int) -> pl.DataFrame:
    return f["customers"].filter(day.dt.year() == year)


NUMBERS = [
    case(
        "f12-num-tenure-beyond-sixty-months",
        "churn rows, tenure beyond sixty months",
        "terse",
        "fresh12",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("tenure_months") > 60),
        note="churn.tenure_months above 60, sixty itself left out; no tenure is missing",
    ),
    case(
        "f12-num-six-figure-income",
        "Which subscribers bring home a six-figure income?",
        "question",
        "fresh12",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("income") >= 100_000),
        note="churn.income of 100,000 and more (no income reaches a million), missing incomes not a match",
    ),
    case(
        "f12-num-unit-price-under-five",
        "ordres wher the unit prise is undr fiv",
        "typo",
        "fresh12",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("unit_price") < 5),
        note="orders.unit_price below 5: 24 orders (no unit price is negative or missing)",
    ),
    case(
        "f12-num-support-four-or-more",
        "Please return the subscribers who have contacted support on four or more occasions.",
        "formal",
        "fresh12",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("support_calls") >= 4),
        note="churn.support_calls of 4 and more",
    ),
    case(
        "f12-num-exactly-two-units",
        "hey! can you find me every order where exactly two units were bought? checking how our bundle promo"
        " landed, thanks so much",
        "chatty",
        "fresh12",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") == 2),
        note="orders.quantity equal to 2",
    ),
    case(
        "f12-num-customers-in-their-thirties",
        "shoppers aged thirty-something",
        "paraphrase",
        "fresh12",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age").is_between(30, 39)),
        note="customers.age from 30 to 39 inclusive; missing ages are not a match",
    ),
]

TEXT = [
    case(
        "f12-text-fibre-echeck",
        "churn: fibre + e-check payers",
        "terse",
        "fresh12",
        "filter-text",
        lambda f: f["churn"].filter(
            (pl.col("internet_service") == "fiber") & (pl.col("payment_method") == "electronic check")
        ),
        note="internet_service fiber (the British 'fibre') and payment_method 'electronic check', each stored one way",
    ),
    case(
        "f12-text-pounds-sterling",
        "Retrieve all orders denominated in pounds sterling.",
        "formal",
        "fresh12",
        "filter-text",
        lambda f: f["orders"].filter(pl.col("currency") == "GBP"),
        note="currency GBP, stored one way",
    ),
    case(
        "f12-text-customers-italy",
        "custmers bassed in itlay",
        "typo",
        "fresh12",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "IT"),
        note="customers.country meaning Italy in any of its spellings ('it', 'Italy' too)",
    ),
    case(
        "f12-text-corporate-germany",
        "hi there, could you pull up our big corporate accounts based in Germany? prepping for a trade fair in"
        " Cologne, cheers",
        "chatty",
        "fresh12",
        "filter-text",
        lambda f: f["customers"].filter((pl.col("segment") == "enterprise") & (truth.customer_country() == "DE")),
        note="big corporate accounts are segment enterprise; Germany is customers.country DE in any of its"
        " spellings ('Deutschland', 'germany', 'DE ' too)",
    ),
    case(
        "f12-text-books-range",
        "Which items fall under our books range?",
        "question",
        "fresh12",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "book"),
        note="category meaning Books ('BOOKS' too: 31 products)",
    ),
    case(
        "f12-text-awaiting-italy",
        "orders still awaiting processing that are bound for Italy",
        "paraphrase",
        "fresh12",
        "filter-text",
        lambda f: f["orders"].filter((truth.status() == "pending") & (pl.col("country") == "IT")),
        note="awaiting processing is status pending and orders.country IT",
    ),
]

DATES = [
    case(
        "f12-date-jan-to-mar-2024",
        "orders placed jan thru mar 2024",
        "terse",
        "fresh12",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2024, 1, 1), D(2024, 3, 31))),
        note="order_date from 2024-01-01 to 2024-03-31",
    ),
    case(
        "f12-date-first-of-month",
        "Which orders carry an order date that is the 1st of its month?",
        "question",
        "fresh12",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.day() == 1),
        note="order_date on day 1 of its month, any month and year",
    ),
    case(
        "f12-date-born-before-1960",
        "custmers whos birthdy is befor 1 jan 1960",
        "typo",
        "fresh12",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date") < D(1960, 1, 1)),
        note="birth_date before 1960-01-01; missing birth dates are not a match",
    ),
    case(
        "f12-date-joined-during-2023",
        "clients who came on board during 2023",
        "paraphrase",
        "fresh12",
        "filter-date",
        lambda f: _joined_in(f, truth.signup_day(), 2023),
        alternatives=[lambda f: _joined_in(f, truth.iso_signup_day(), 2023)],
        note="coming on board is signing up: " + SIGNUP_NOTE,
    ),
    case(
        "f12-date-fourth-quarter-2022",
        "Identify the orders placed during the fourth quarter of 2022.",
        "formal",
        "fresh12",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2022, 10, 1), D(2022, 12, 31))),
        note="order_date from 2022-10-01 to 2022-12-31",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f12-null-no-date-of-birth",
        "Are there customers we hold no date of birth for?",
        "question",
        "fresh12",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("birth_date").is_null()),
        note="customers.birth_date missing (194 rows)",
    ),
    case(
        "f12-null-churned-income-blank",
        "churned subs w/ income blank",
        "terse",
        "fresh12",
        "filter-null",
        lambda f: f["churn"].filter((pl.col("churned") == 1) & pl.col("income").is_null()),
        note="churned = 1 and churn.income missing (34 rows)",
    ),
    case(
        "f12-null-delivered-no-ship-date",
        "morning! are there any delivered orders with no ship date logged? the warehouse swears that can't happen, ta",
        "chatty",
        "fresh12",
        "filter-null",
        lambda f: f["orders"].filter((truth.status() == "delivered") & pl.col("ship_date").is_null()),
        note="status meaning delivered (any spelling) and ship_date missing: one order",
    ),
    case(
        "f12-null-unpriced-items",
        "items in the catalogue that carry no price tag",
        "paraphrase",
        "fresh12",
        "filter-null",
        lambda f: f["products"].filter(pl.col("price").is_null()),
        note="products.price missing (five rows)",
    ),
    case(
        "f12-bool-real-accounts",
        "custmers that arent tst acounts",
        "typo",
        "fresh12",
        "filter-bool",
        lambda f: f["customers"].filter(~pl.col("is_test_account")),
        note="is_test_account false: every customer but the 8 test accounts",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh12_shape.CASES,
    *cases_fresh12_groups.CASES,
    *cases_fresh12_joins.CASES,
    *cases_fresh12_flows.CASES,
]
