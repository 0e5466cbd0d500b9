"""The fresh13 split: requests written blind after tuning on every earlier split, fresh12 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh13_shape.py`;
aggregates in `cases_fresh13_groups.py`; joins in `cases_fresh13_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh13_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh13_flows, cases_fresh13_groups, cases_fresh13_joins, cases_fresh13_shape, truth
from evals.planner.cases_fresh13_groups import SIGNUP_NOTE
from evals.planner.model import Frames, case

D = dt.date


def _signed_up_between(f: Frames, day: pl.Expr, start: dt.date, end: dt.date) -> pl.DataFrame:
    return f["customers"].filter(day.is_between(start, end))


def _short_tenure(f: Frames, keep_negative: bool) -> pl.DataFrame:
    rows = f["churn"].filter(pl.col("tenure_months") < 12)
    return rows if keep_negative else rows.filter(pl.col("tenure_months") >= 0)


def _unshipped(f: Frames, keep_cancelled: bool) -> pl.DataFrame:
    rows = f["orders"].filter(pl.col("ship_date").is_null())
    return rows if keep_cancelled else rows.filter(truth.status() != "cancelled")


NUMBERS = [
    case(
        "f13-num-monthly-charge-above-100",
        "churn subs paying 100+ a month",
        "terse",
        "fresh13",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("monthly_charges") >= 100),
        note="churn.monthly_charges of 100 and more (the eight outliers of 1,500 to 9,000 among them); no charge is"
        " exactly 100, so reading 100+ as above 100 gives the same rows",
    ),
    case(
        "f13-num-income-under-30k",
        "Which of our subscribers earn less than 30k a year?",
        "question",
        "fresh13",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("income") < 30_000),
        note="churn.income below 30,000; the missing incomes (hidden by high earners) are not a match",
    ),
    case(
        "f13-num-quantity-three-plus",
        "ordrs whre the qty is atleast 3",
        "typo",
        "fresh13",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") >= 3),
        note="orders.quantity of 3 and more, the ten outlier quantities of 200 to 999 among them",
    ),
    case(
        "f13-num-price-100-to-200",
        "Retrieve the products whose price lies between 100 and 200, both bounds included.",
        "formal",
        "fresh13",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price").is_between(100, 200)),
        note="products.price from 100 to 200 inclusive; missing prices are not a match",
    ),
    case(
        "f13-num-revenue-over-2500",
        "hey, could you grab the orders that brought in over 2,500 in revenue? finance wants to eyeball the big"
        " tickets before month end, thanks!",
        "chatty",
        "fresh13",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("total_revenue") > 2_500),
        note="orders.total_revenue above 2,500, currencies as stored",
    ),
    case(
        "f13-num-tenure-under-a-year",
        "subscribers still in their first year with us",
        "paraphrase",
        "fresh13",
        "filter-number",
        lambda f: _short_tenure(f, keep_negative=True),
        alternatives=[lambda f: _short_tenure(f, keep_negative=False)],
        note="in their first year is churn.tenure_months below 12; the six negative tenures kept as stored or left"
        " out as impossible",
    ),
]

TEXT = [
    case(
        "f13-text-customers-nl",
        "NL customers",
        "terse",
        "fresh13",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "NL"),
        note="customers.country meaning the Netherlands in any of its spellings ('Netherlands', 'nl' too)",
    ),
    case(
        "f13-text-us-dollar-orders",
        "List the orders whose currency is the American dollar.",
        "formal",
        "fresh13",
        "filter-text",
        lambda f: f["orders"].filter(pl.col("currency") == "USD"),
        note="orders.currency USD, stored one way",
    ),
    case(
        "f13-text-cancelled-orders",
        "ordrs that got cancled",
        "typo",
        "fresh13",
        "filter-text",
        lambda f: f["orders"].filter(truth.status() == "cancelled"),
        note="status meaning cancelled in any spelling ('canceled' too)",
    ),
    case(
        "f13-text-mailed-check-one-year",
        "hiya, can I see every subscriber who pays by mailed check and is on a one year contract? looking into what"
        " paper billing costs us, ta",
        "chatty",
        "fresh13",
        "filter-text",
        lambda f: f["churn"].filter((pl.col("payment_method") == "mailed check") & (truth.contract() == "one-year")),
        note="payment_method 'mailed check' (stored one way) and contract meaning one-year ('One Year' too)",
    ),
    case(
        "f13-text-garden-products",
        "What do we stock under garden?",
        "question",
        "fresh13",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "garden"),
        note="category meaning Garden in any spelling ('Gardens', 'garden' too)",
    ),
    case(
        "f13-text-home-country-uk",
        "shoppers whose home country is the United Kingdom",
        "paraphrase",
        "fresh13",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "GB"),
        note="customers.country GB in any of its spellings ('UK', 'United Kingdom', 'gb')",
    ),
]

DATES = [
    case(
        "f13-date-shipped-may-2023",
        "orders that went out the door in may 2023",
        "terse",
        "fresh13",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date").is_between(D(2023, 5, 1), D(2023, 5, 31))),
        note="ship_date from 2023-05-01 to 2023-05-31, whatever the order date; unshipped orders are not a match",
    ),
    case(
        "f13-date-sunday-orders",
        "Did any orders come in on a Sunday?",
        "question",
        "fresh13",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.weekday() == 7),
        note="order_date on a Sunday (1,378 orders)",
    ),
    case(
        "f13-date-born-after-2000",
        "custmrs born aftr 2000 pls",
        "typo",
        "fresh13",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date").dt.year() > 2000),
        alternatives=[lambda f: f["customers"].filter(pl.col("birth_date") > D(2000, 1, 1))],
        note="birth_date in 2001 or later (after the year 2000), or after 2000-01-01; missing birth dates are not"
        " a match",
    ),
    case(
        "f13-date-signups-first-half-2021",
        "people who created their account in the first half of 2021",
        "paraphrase",
        "fresh13",
        "filter-date",
        lambda f: _signed_up_between(f, truth.signup_day(), D(2021, 1, 1), D(2021, 6, 30)),
        alternatives=[lambda f: _signed_up_between(f, truth.iso_signup_day(), D(2021, 1, 1), D(2021, 6, 30))],
        note="creating an account is signing up, 2021-01-01 to 2021-06-30: " + SIGNUP_NOTE,
    ),
    case(
        "f13-date-on-or-after-march-2025",
        "Extract all orders with an order date no earlier than 1 March 2025.",
        "formal",
        "fresh13",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date") >= D(2025, 3, 1)),
        note="order_date from 2025-03-01 on, the twelve far-future dates (2031 to 2035) among them",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f13-null-customers-no-phone",
        "customers, phone blank",
        "terse",
        "fresh13",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("phone").is_null()),
        note="customers.phone missing (60 rows); phones written in another format are not missing",
    ),
    case(
        "f13-null-churn-no-region",
        "hey! which churn rows have nothing filled in for region? need to chase the data team about it, thanks",
        "chatty",
        "fresh13",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("region").is_null()),
        note="churn.region missing (60 rows)",
    ),
    case(
        "f13-null-orders-no-product",
        "ordres with no prodcut id on them",
        "typo",
        "fresh13",
        "filter-null",
        lambda f: f["orders"].filter(pl.col("product_id").is_null()),
        note="orders.product_id missing (30 rows)",
    ),
    case(
        "f13-null-orders-not-shipped",
        "Identify the orders that have not been shipped, that is, those with no ship date recorded.",
        "formal",
        "fresh13",
        "filter-null",
        lambda f: _unshipped(f, keep_cancelled=True),
        alternatives=[lambda f: _unshipped(f, keep_cancelled=False)],
        note="ship_date missing (1,567 orders, mostly pending or cancelled); the cancelled ones, which will never"
        " ship, kept or left out",
    ),
    case(
        "f13-bool-test-accounts",
        "Do we have any test accounts sitting in the customer table?",
        "question",
        "fresh13",
        "filter-bool",
        lambda f: f["customers"].filter(pl.col("is_test_account")),
        note="is_test_account true: the 8 QA accounts",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh13_shape.CASES,
    *cases_fresh13_groups.CASES,
    *cases_fresh13_joins.CASES,
    *cases_fresh13_flows.CASES,
]
