"""The fresh split: requests written blind after the planner was tuned on dev, test and holdout; here filters.

No planner was run while these were written, and none rewords a request of another split. Reshaping is in
`cases_fresh_shape.py`; aggregates and joins in `cases_fresh_groups.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh_flows, cases_fresh_groups, cases_fresh_shape, truth
from evals.planner.model import Frames, case

D = dt.date
SIGNUP_NOTE = "signup_date is text in four formats; reading only the YYYY-MM-DD ones is accepted too"


def _signed_up_in(f: Frames, day: pl.Expr, year: int) -> pl.DataFrame:
    return f["customers"].filter(day.dt.year() == year)


NUMBERS = [
    case(
        "fr-num-bulk-orders",
        "orders quantity over 8",
        "terse",
        "fresh",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") > 8),
    ),
    case(
        "fr-num-big-tickets",
        "could you pull up every order where we made more than 2,000 in revenue? thanks a lot",
        "chatty",
        "fresh",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("total_revenue") > 2000),
    ),
    case(
        "fr-num-seniors",
        "Retrieve all customers aged 65 or older.",
        "formal",
        "fresh",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age") >= 65),
    ),
    case(
        "fr-num-no-support-calls",
        "Which subscribers never called support?",
        "question",
        "fresh",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("support_calls") == 0),
    ),
    case(
        "fr-num-low-charges",
        "churn rows where the montly charges are under 30",
        "typo",
        "fresh",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("monthly_charges") < 30),
    ),
    case(
        "fr-num-new-subscribers",
        "subscribers who joined less than a year ago",
        "paraphrase",
        "fresh",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("tenure_months") < 12),
        note="less than a year of tenure_months is under 12 months",
    ),
    case(
        "fr-num-mid-priced",
        "products priced between 50 and 100",
        "terse",
        "fresh",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price").is_between(50, 100)),
    ),
]

TEXT = [
    case(
        "fr-text-pending",
        "pending orders only",
        "terse",
        "fresh",
        "filter-text",
        lambda f: f["orders"].filter(truth.status() == "pending"),
    ),
    case(
        "fr-text-cancelled-uk",
        "hey! which orders got cancelled in the UK? need them for a report",
        "chatty",
        "fresh",
        "filter-text",
        lambda f: f["orders"].filter((truth.status() == "cancelled") & (pl.col("country") == "GB")),
        note="'canceled' is stored too; the UK is GB",
    ),
    case(
        "fr-text-paid-usd",
        "Provide the orders that were settled in US dollars.",
        "formal",
        "fresh",
        "filter-text",
        lambda f: f["orders"].filter(truth.currency() == "USD"),
    ),
    case(
        "fr-text-euro-orders",
        "what orders were paid in euros?",
        "question",
        "fresh",
        "filter-text",
        lambda f: f["orders"].filter(truth.currency() == "EUR"),
        note="'Euro', 'eur' and '€' are stored next to 'EUR'",
    ),
    case(
        "fr-text-garden-products",
        "all the gardn prodcts",
        "typo",
        "fresh",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "garden"),
        note="'Gardens' and 'GARDEN' are stored next to 'Garden'",
    ),
    case(
        "fr-text-french-customers",
        "clients living in France",
        "paraphrase",
        "fresh",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "FR"),
        note="customers.country also holds 'FRA', 'France' and lower case codes",
    ),
    case(
        "fr-text-two-year-contract",
        "Which subscribers are on a two year contract?",
        "question",
        "fresh",
        "filter-text",
        lambda f: f["churn"].filter(truth.contract() == "two-year"),
        note="'2 year' is stored next to 'two-year'",
    ),
]

DATES = [
    case(
        "fr-date-q1-2024",
        "orders placed in the first quarter of 2024",
        "paraphrase",
        "fresh",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2024, 1, 1), D(2024, 3, 31))),
    ),
    case(
        "fr-date-signup-2022",
        "Please list the customers whose signup took place in 2022.",
        "formal",
        "fresh",
        "filter-date",
        lambda f: _signed_up_in(f, truth.signup_day(), 2022),
        alternatives=[lambda f: _signed_up_in(f, truth.iso_signup_day(), 2022)],
        note=SIGNUP_NOTE,
    ),
    case(
        "fr-date-shipped-jan-2024",
        "shiped in januray 2024",
        "typo",
        "fresh",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date").is_between(D(2024, 1, 1), D(2024, 1, 31))),
        note="orders, by ship_date",
    ),
    case(
        "fr-date-born-before-1960",
        "customers born before 1960",
        "terse",
        "fresh",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date") < D(1960, 1, 1)),
    ),
    case(
        "fr-date-shipped-before-ordered",
        "any orders where the ship date is earlier than the order date? I'd like to see them, something looks off",
        "chatty",
        "fresh",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date") < pl.col("order_date")),
        note="the demo has a few ship dates before the order date; orders not shipped have none and are left out",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "fr-null-no-phone",
        "customers who have no phone number on file",
        "paraphrase",
        "fresh",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("phone").is_null()),
    ),
    case(
        "fr-null-unshipped",
        "Identify the orders for which no ship date has been recorded.",
        "formal",
        "fresh",
        "filter-null",
        lambda f: f["orders"].filter(pl.col("ship_date").is_null()),
    ),
    case(
        "fr-null-income-known",
        "churn rows with income filled in",
        "terse",
        "fresh",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("income").is_not_null()),
    ),
    case(
        "fr-null-no-product",
        "are there orders with no product id?",
        "question",
        "fresh",
        "filter-null",
        lambda f: f["orders"].filter(pl.col("product_id").is_null()),
    ),
    case(
        "fr-bool-test-accounts",
        "show me the tset accounts",
        "typo",
        "fresh",
        "filter-bool",
        lambda f: f["customers"].filter(pl.col("is_test_account")),
    ),
    case(
        "fr-bool-stayed",
        "so I need the subscribers who did not churn, the ones that are still with us",
        "chatty",
        "fresh",
        "filter-bool",
        lambda f: f["churn"].filter(pl.col("churned") == 0),
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh_shape.CASES,
    *cases_fresh_groups.CASES,
    *cases_fresh_flows.CASES,
]
