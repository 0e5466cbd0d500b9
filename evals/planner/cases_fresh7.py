"""The fresh7 split: requests written blind after tuning on every earlier split, fresh6 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh7_shape.py`;
aggregates in `cases_fresh7_groups.py`; joins in `cases_fresh7_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh7_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh7_flows, cases_fresh7_groups, cases_fresh7_joins, cases_fresh7_shape, truth
from evals.planner.model import Frames, case

D = dt.date
SIGNUP_NOTE = "signup_date is text in four formats; reading only the YYYY-MM-DD ones is accepted too"


def _signed_up_in(f: Frames, day: pl.Expr, year: int) -> pl.DataFrame:
    return f["customers"].filter(day.dt.year() == year)


def _in_month(column: str, year: int, month: int) -> pl.Expr:
    return (pl.col(column).dt.year() == year) & (pl.col(column).dt.month() == month)


NUMBERS = [
    case(
        "f7-num-unit-price-under-5",
        "unit_price < 5, orders",
        "terse",
        "fresh7",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("unit_price") < 5),
        note="24 orders; no unit price is negative",
    ),
    case(
        "f7-num-five-plus-support-calls",
        "Return the subscribers who have made five or more support calls.",
        "formal",
        "fresh7",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("support_calls") >= 5),
        note="support_calls of 5 and over (87 rows; the most is 10)",
    ),
    case(
        "f7-num-revenue-below-zero",
        "sales where the takings came out below zero",
        "paraphrase",
        "fresh7",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("total_revenue") < 0),
        note="the takings of a sale are orders.total_revenue; the 15 negative ones come from negative quantities",
    ),
    case(
        "f7-num-subscribers-under-25",
        "Which subscribers are younger than 25?",
        "question",
        "fresh7",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("age") < 25),
        note="subscribers are the churn rows; age strictly below 25 (348 rows)",
    ),
    case(
        "f7-num-tenure-over-five-years",
        "subscibers with tenur over 5 yeras",
        "typo",
        "fresh7",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("tenure_months") > 60),
        note="tenure_months is in months: over five years is above 60 (498 rows)",
    ),
    case(
        "f7-num-mid-tier-monthly",
        "hi! can you grab the subscribers paying between 50 and 80 a month? trying to size our mid tier, thanks",
        "chatty",
        "fresh7",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("monthly_charges").is_between(50, 80)),
        note="monthly_charges from 50 to 80, both ends included (1,411 rows)",
    ),
]

TEXT = [
    case(
        "f7-text-shipped-to-gb",
        "shipped orders, GB only",
        "terse",
        "fresh7",
        "filter-text",
        lambda f: f["orders"].filter((truth.status() == "shipped") & (pl.col("country") == "GB")),
        note="status meaning shipped ('shipped ' with a trailing space and 'Shipped' too) and orders.country GB: 136",
    ),
    case(
        "f7-text-customers-netherlands",
        "Return the customers whose country is the Netherlands.",
        "formal",
        "fresh7",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "NL"),
        note="customers.country folded to ISO codes: 'NL', 'nl' and 'Netherlands' (118 rows)",
    ),
    case(
        "f7-text-cheque-by-post",
        "the subscribers whose payments arrive as paper cheques through the mail",
        "paraphrase",
        "fresh7",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("payment_method") == "mailed check"),
        note="a cheque in the post is payment_method 'mailed check' (754 rows)",
    ),
    case(
        "f7-text-books-category",
        "Which products are in the books category?",
        "question",
        "fresh7",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "book"),
        note="'Books' and 'BOOKS': 31 products",
    ),
    case(
        "f7-text-paid-in-euros",
        "ordres paid in euors",
        "typo",
        "fresh7",
        "filter-text",
        lambda f: f["orders"].filter(truth.currency() == "EUR"),
        note="currency EUR with 'eur', 'Euro' and '€' counted too: 6,602 orders",
    ),
    case(
        "f7-text-enterprise-in-us",
        "hey! could you pull the enterprise customers based in the US? the sales team wants a list, ta",
        "chatty",
        "fresh7",
        "filter-text",
        lambda f: f["customers"].filter((pl.col("segment") == "enterprise") & (truth.customer_country() == "US")),
        note="segment enterprise and customers.country meaning US ('us', 'USA', 'U.S.', 'United States'): 28 rows",
    ),
]

DATES = [
    case(
        "f7-date-placed-january-2025",
        "jan 2025 orders",
        "terse",
        "fresh7",
        "filter-date",
        lambda f: f["orders"].filter(_in_month("order_date", 2025, 1)),
        note="by order_date, January 2025: 236 orders",
    ),
    case(
        "f7-date-shipped-after-june-2025",
        "Return the orders with a ship date later than 30 June 2025.",
        "formal",
        "fresh7",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date") > D(2025, 6, 30)),
        note="ship_date after 30 June 2025, the future dates (to 2035) included: 31 orders; no ship date is not later",
    ),
    case(
        "f7-date-weekend-orders",
        "Which orders came in over a weekend?",
        "question",
        "fresh7",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.weekday().is_in([6, 7])),
        note="order_date falling on a weekend",
    ),
    case(
        "f7-date-signed-up-2021",
        "which custmers registred in 2021",
        "typo",
        "fresh7",
        "filter-date",
        lambda f: _signed_up_in(f, truth.signup_day(), 2021),
        alternatives=[lambda f: _signed_up_in(f, truth.iso_signup_day(), 2021)],
        note="registering is signing up: the year of customers.signup_date is 2021; "
        + SIGNUP_NOTE
        + " (262 rows, or 255)",
    ),
    case(
        "f7-date-born-2000-or-later",
        "customers whose birthday falls in the year 2000 or after",
        "paraphrase",
        "fresh7",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date") >= D(2000, 1, 1)),
        note="born on or after 1 January 2000 by birth_date (220 rows); no birth date is not a match",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f7-null-no-region",
        "hey, can you find me the subscribers with no region on file? want to chase them up",
        "chatty",
        "fresh7",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("region").is_null()),
        note="churn.region missing: 60 rows",
    ),
    case(
        "f7-null-churned-without-total",
        "Return the churned subscribers for whom no total charges are recorded.",
        "formal",
        "fresh7",
        "filter-null",
        lambda f: f["churn"].filter((pl.col("churned") == 1) & pl.col("total_charges").is_null()),
        note="churned = 1 and total_charges missing: 50 of the 79 rows without a total",
    ),
    case(
        "f7-bool-test-accounts",
        "Are there test logins among our customers, and which rows are they?",
        "question",
        "fresh7",
        "filter-bool",
        lambda f: f["customers"].filter(pl.col("is_test_account")),
        note="is_test_account true: eight rows",
    ),
    case(
        "f7-bool-test-split-churned",
        "churn, split test, churned 1",
        "terse",
        "fresh7",
        "filter-bool",
        lambda f: f["churn"].filter((pl.col("split") == "test") & (pl.col("churned") == 1)),
        note="both conditions: 170 rows",
    ),
    case(
        "f7-null-no-city-or-phone",
        "custmers with no citty or no phone numbr",
        "typo",
        "fresh7",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("city").is_null() | pl.col("phone").is_null()),
        note="city missing or phone missing (either): 181 rows",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh7_shape.CASES,
    *cases_fresh7_groups.CASES,
    *cases_fresh7_joins.CASES,
    *cases_fresh7_flows.CASES,
]
