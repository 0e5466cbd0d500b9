"""The fresh14 split: requests written blind after tuning on every earlier split, fresh13 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh14_shape.py`;
aggregates in `cases_fresh14_groups.py`; joins in `cases_fresh14_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh14_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh14_flows, cases_fresh14_groups, cases_fresh14_joins, cases_fresh14_shape, truth
from evals.planner.cases_fresh14_groups import SIGNUP_NOTE
from evals.planner.model import Frames, case

D = dt.date


def _signed_up_in(f: Frames, day: pl.Expr, year: int) -> pl.DataFrame:
    return f["customers"].filter(day.dt.year() == year)


NUMBERS = [
    case(
        "f14-num-support-calls-five-plus",
        "morning! could I get the subscribers who've reached out to customer support five or more times? my hunch"
        " is they leave more often, cheers",
        "chatty",
        "fresh14",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("support_calls") >= 5),
        note="churn.support_calls of 5 and more (87 rows); 'five or more' includes five",
    ),
    case(
        "f14-num-products-over-1k",
        "products w/ a price tag above 1k",
        "terse",
        "fresh14",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price") > 1_000),
        note="products.price above 1,000: the ten outlier prices; missing prices are not a match",
    ),
    case(
        "f14-num-customers-over-seventy",
        "custmers ovr 70 yrs old",
        "typo",
        "fresh14",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age") > 70),
        note="customers.age above 70 as stored (288 rows); seventy itself is not over seventy; missing ages are"
        " not a match",
    ),
    case(
        "f14-num-total-charges-over-5000",
        "Retrieve the churn records for which total_charges is greater than 5000.",
        "formal",
        "fresh14",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("total_charges") > 5_000),
        note="churn.total_charges above 5,000 (251 rows); the 79 missing totals are not a match",
    ),
    case(
        "f14-num-negative-quantity",
        "Were there any orders booked with a quantity below zero?",
        "question",
        "fresh14",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") < 0),
        note="orders.quantity below 0 (15 rows, data-entry errors)",
    ),
    case(
        "f14-num-unit-price-under-ten",
        "orders in which each unit cost under a tenner",
        "paraphrase",
        "fresh14",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("unit_price") < 10),
        note="orders.unit_price below 10 (377 rows), currencies as stored; total_revenue is not the unit price",
    ),
]

TEXT = [
    case(
        "f14-text-spanish-customers",
        "spanish customers",
        "terse",
        "fresh14",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "ES"),
        note="customers.country meaning Spain in any of its spellings ('ES', 'es', 'Spain': 168 rows)",
    ),
    case(
        "f14-text-returned-orders",
        "ordres with staus returnd",
        "typo",
        "fresh14",
        "filter-text",
        lambda f: f["orders"].filter(truth.status() == "returned"),
        note="status meaning returned in any spelling ('Returned' too: 502 rows)",
    ),
    case(
        "f14-text-euro-orders",
        "Retrieve every order priced in euros.",
        "formal",
        "fresh14",
        "filter-text",
        lambda f: f["orders"].filter(truth.currency() == "EUR"),
        note="orders.currency meaning the euro in any spelling ('EUR', 'Euro', 'eur', '€': 6,602 rows)",
    ),
    case(
        "f14-text-dsl-bank-transfer",
        "hey, can you pull the subscribers who are on DSL and pay by bank transfer? comparing billing setups for"
        " the ops review, thanks",
        "chatty",
        "fresh14",
        "filter-text",
        lambda f: f["churn"].filter(
            (pl.col("internet_service") == "dsl") & (pl.col("payment_method") == "bank transfer")
        ),
        note="internet_service 'dsl' and payment_method 'bank transfer', both stored one way (307 rows)",
    ),
    case(
        "f14-text-smb-customers",
        "Who are the customers in our small and medium business segment?",
        "question",
        "fresh14",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("segment") == "smb"),
        note="customers.segment 'smb', stored one way (455 rows)",
    ),
    case(
        "f14-text-home-kitchen-products",
        "catalogue entries that belong to the home and kitchen range",
        "paraphrase",
        "fresh14",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "home & kitchen"),
        note="category meaning Home & Kitchen in any spelling ('HOME & KITCHEN', 'Home & Kitchens', a trailing"
        " space: 34 rows)",
    ),
]

DATES = [
    case(
        "f14-date-q4-2024",
        "q4 2024 orders",
        "terse",
        "fresh14",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2024, 10, 1), D(2024, 12, 31))),
        note="order_date from 2024-10-01 to 2024-12-31 (704 rows)",
    ),
    case(
        "f14-date-new-years-day",
        "Did anybody place an order on New Year's Day, in any year?",
        "question",
        "fresh14",
        "filter-date",
        lambda f: f["orders"].filter((pl.col("order_date").dt.month() == 1) & (pl.col("order_date").dt.day() == 1)),
        note="order_date on 1 January of any year (40 rows)",
    ),
    case(
        "f14-date-signed-up-2019",
        "2019 signups frm the custmer tabel",
        "typo",
        "fresh14",
        "filter-date",
        lambda f: _signed_up_in(f, truth.signup_day(), 2019),
        alternatives=[lambda f: _signed_up_in(f, truth.iso_signup_day(), 2019)],
        note="signup year 2019 (255 rows read in every format, 245 as YYYY-MM-DD only): " + SIGNUP_NOTE,
    ),
    case(
        "f14-date-born-in-the-eighties",
        "Retrieve the customers born between 1980 and 1989 inclusive.",
        "formal",
        "fresh14",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date").dt.year().is_between(1980, 1989)),
        note="birth_date from 1980-01-01 to 1989-12-31 (299 rows); missing birth dates are not a match",
    ),
    case(
        "f14-date-past-end-of-2025",
        "anything in the orders with an order date past the close of 2025",
        "paraphrase",
        "fresh14",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date") > D(2025, 12, 31)),
        note="order_date after 2025-12-31: the twelve far-future dates (2031 to 2035)",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f14-null-churn-no-income",
        "churn rows missing income",
        "terse",
        "fresh14",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("income").is_null()),
        note="churn.income missing (114 rows)",
    ),
    case(
        "f14-null-products-no-price",
        "hi there, which products don't have a price on them yet? need them priced before the catalogue goes live, ta",
        "chatty",
        "fresh14",
        "filter-null",
        lambda f: f["products"].filter(pl.col("price").is_null()),
        note="products.price missing (5 rows); the negative prices are priced, wrongly",
    ),
    case(
        "f14-null-customers-no-birth-date",
        "custmers wth no birth date on file",
        "typo",
        "fresh14",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("birth_date").is_null()),
        note="customers.birth_date missing (194 rows)",
    ),
    case(
        "f14-null-churn-no-total-charges",
        "Identify the churn records that lack a value for total charges.",
        "formal",
        "fresh14",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("total_charges").is_null()),
        note="churn.total_charges missing (79 rows)",
    ),
    case(
        "f14-null-customers-unknown-city",
        "Are there customers whose city we simply don't know?",
        "question",
        "fresh14",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("city").is_null()),
        note="customers.city missing (121 rows, US customers only)",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh14_shape.CASES,
    *cases_fresh14_groups.CASES,
    *cases_fresh14_joins.CASES,
    *cases_fresh14_flows.CASES,
]
