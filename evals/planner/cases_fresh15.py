"""The fresh15 split: requests written blind after tuning on every earlier split, fresh14 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh15_shape.py`;
aggregates in `cases_fresh15_groups.py`; joins in `cases_fresh15_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh15_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh15_flows, cases_fresh15_groups, cases_fresh15_joins, cases_fresh15_shape, truth
from evals.planner.cases_fresh15_groups import SIGNUP_NOTE
from evals.planner.model import Frames, case

D = dt.date


def _signed_up_before(f: Frames, day: pl.Expr, first: dt.date) -> pl.DataFrame:
    return f["customers"].filter(day < first)


def _younger_than_30(f: Frames, keep_negative: bool) -> pl.DataFrame:
    young = pl.col("age") < 30
    return f["customers"].filter(young if keep_negative else young & (pl.col("age") >= 0))


def _short_tenure(f: Frames, keep_negative: bool) -> pl.DataFrame:
    short = pl.col("tenure_months") < 6
    return f["churn"].filter(short if keep_negative else short & (pl.col("tenure_months") >= 0))


NUMBERS = [
    case(
        "f15-num-tenure-under-six-months",
        "churn, tenure < 6 mo",
        "terse",
        "fresh15",
        "filter-number",
        lambda f: _short_tenure(f, keep_negative=True),
        alternatives=[lambda f: _short_tenure(f, keep_negative=False)],
        note="churn.tenure_months below 6 (224 rows); the six negative tenures kept as stored or left out as"
        " impossible; six itself is not under six",
    ),
    case(
        "f15-num-churn-aged-sixty-plus",
        "churn ppl aged 60 or ovr",
        "typo",
        "fresh15",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("age") >= 60),
        note="churn.age of 60 and more (1,000 rows, 52 of them exactly 60); 'or over' includes sixty;"
        " customers.age is another dataset",
    ),
    case(
        "f15-num-monthly-charges-under-20",
        "hey hey, who in the churn set pays less than 20 a month? sizing up a budget tier for the pricing"
        " committee, ta",
        "chatty",
        "fresh15",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("monthly_charges") < 20),
        note="churn.monthly_charges below 20 (95 rows); none is missing",
    ),
    case(
        "f15-num-income-at-most-15k",
        "Return the churn records whose income does not exceed 15,000.",
        "formal",
        "fresh15",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("income") <= 15_000),
        note="churn.income of 15,000 and less (34 rows, three of them exactly 15,000); missing incomes are not a match",
    ),
    case(
        "f15-num-products-50-to-100",
        "catalogue items costing anywhere from 50 up to 100",
        "paraphrase",
        "fresh15",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price").is_between(50, 100)),
        note="products.price from 50 to 100 (32 rows; no price is exactly 50 or 100); missing prices are not a match",
    ),
    case(
        "f15-num-customers-under-30",
        "Which of our customers haven't hit 30 yet?",
        "question",
        "fresh15",
        "filter-number",
        lambda f: _younger_than_30(f, keep_negative=True),
        alternatives=[lambda f: _younger_than_30(f, keep_negative=False)],
        note="customers.age below 30 (349 rows as stored, 339 without the ten negative ages, which are kept or"
        " left out as impossible); 30 itself has hit 30; missing ages are not a match",
    ),
]

TEXT = [
    case(
        "f15-text-dutch-customers",
        "custmers livng in holland",
        "typo",
        "fresh15",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "NL"),
        note="customers.country meaning the Netherlands in any of its spellings ('NL', 'nl', 'Netherlands': 118"
        " rows); Holland is the Netherlands",
    ),
    case(
        "f15-text-cancelled-orders",
        "hi! could you fish out every cancelled order for me? trying to work out what goes wrong at checkout, cheers",
        "chatty",
        "fresh15",
        "filter-text",
        lambda f: f["orders"].filter(truth.status() == "cancelled"),
        note="status meaning cancelled in any spelling ('canceled' too: 827 rows)",
    ),
    case(
        "f15-text-gbp-orders",
        "hi, could you pull up every order that was paid in pounds sterling? our UK accountant needs them for"
        " the VAT return, cheers",
        "chatty",
        "fresh15",
        "filter-text",
        lambda f: f["orders"].filter(pl.col("currency") == "GBP"),
        note="orders.currency 'GBP', stored one way (1,312 rows)",
    ),
    case(
        "f15-text-two-year-electronic-check",
        "Select the churn records on a two-year contract that are paid by electronic check.",
        "formal",
        "fresh15",
        "filter-text",
        lambda f: f["churn"].filter(
            (truth.contract() == "two-year") & (pl.col("payment_method") == "electronic check")
        ),
        note="contract meaning two-year in any spelling ('2 year' too: 138 rows, two of them '2 year') and"
        " payment_method 'electronic check', stored one way",
    ),
    case(
        "f15-text-books",
        "What books do we have in the catalogue?",
        "question",
        "fresh15",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "book"),
        note="category meaning Books in any spelling ('BOOKS' too: 31 rows)",
    ),
    case(
        "f15-text-german-email-domain",
        "people on file whose email address finishes in .de",
        "paraphrase",
        "fresh15",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("email").str.to_lowercase().str.ends_with(".de")),
        alternatives=[lambda f: f["customers"].filter(pl.col("email").str.ends_with(".de"))],
        note="customers.email ending '.de' in any case (476 rows, two of them '.DE', which a domain is the same"
        " in), or as stored (474); where the customer lives is not asked",
    ),
]

DATES = [
    case(
        "f15-date-shipped-early-may-2024",
        "orders shipped 1st thru 15th may 2024",
        "terse",
        "fresh15",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date").is_between(D(2024, 5, 1), D(2024, 5, 15))),
        note="ship_date from 2024-05-01 to 2024-05-15, both included (103 rows), not order_date; unshipped orders"
        " are not a match",
    ),
    case(
        "f15-date-weekend-orders",
        "morning! could you pull the orders that were placed on a saturday or a sunday? we're deciding whether"
        " weekend cover is worth it, thanks",
        "chatty",
        "fresh15",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.weekday() >= 6),
        note="order_date on a Saturday or Sunday (2,813 rows)",
    ),
    case(
        "f15-date-born-2003-on",
        "custmers wih a birthdate on or aftr 1 jan 2003",
        "typo",
        "fresh15",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date") >= D(2003, 1, 1)),
        note="birth_date from 2003-01-01 on, that day included (126 rows); missing birth dates are not a match",
    ),
    case(
        "f15-date-first-half-2023",
        "Retrieve all orders dated from 1 January to 30 June 2023, both days included.",
        "formal",
        "fresh15",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2023, 1, 1), D(2023, 6, 30))),
        note="order_date from 2023-01-01 to 2023-06-30 (1,453 rows)",
    ),
    case(
        "f15-date-signed-up-before-2019",
        "customers who've been on our books since before 2019",
        "paraphrase",
        "fresh15",
        "filter-date",
        lambda f: _signed_up_before(f, truth.signup_day(), D(2019, 1, 1)),
        alternatives=[lambda f: _signed_up_before(f, truth.iso_signup_day(), D(2019, 1, 1))],
        note="signup before 2019-01-01 (279 rows read in every format, 274 as YYYY-MM-DD only): " + SIGNUP_NOTE,
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f15-null-orders-not-shipped",
        "orders w/o a ship date",
        "terse",
        "fresh15",
        "filter-null",
        lambda f: f["orders"].filter(pl.col("ship_date").is_null()),
        note="orders.ship_date missing (1,567 rows)",
    ),
    case(
        "f15-flag-test-accounts",
        "hey, can you list the customer rows that are flagged as test accounts? I want to keep them out of the"
        " KPI deck, ta",
        "chatty",
        "fresh15",
        "filter-bool",
        lambda f: f["customers"].filter(pl.col("is_test_account")),
        note="customers.is_test_account true (8 rows)",
    ),
    case(
        "f15-null-customers-no-phone",
        "custmrs misssing a phne numbr",
        "typo",
        "fresh15",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("phone").is_null()),
        note="customers.phone missing (60 rows)",
    ),
    case(
        "f15-null-churn-no-region",
        "List the subscribers for whom the region is unknown.",
        "formal",
        "fresh15",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("region").is_null()),
        note="churn.region missing (60 rows)",
    ),
    case(
        "f15-null-customers-with-age",
        "Which customers do we actually have an age for?",
        "question",
        "fresh15",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("age").is_not_null()),
        note="customers.age present (1,806 rows), negative ages included: they are recorded, wrongly",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh15_shape.CASES,
    *cases_fresh15_groups.CASES,
    *cases_fresh15_joins.CASES,
    *cases_fresh15_flows.CASES,
]
