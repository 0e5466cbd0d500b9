"""The fresh2 split: requests written blind after tuning on dev, test, holdout and fresh; here the row filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh2_shape.py`;
aggregates in `cases_fresh2_groups.py`; joins in `cases_fresh2_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh2_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh2_flows, cases_fresh2_groups, cases_fresh2_joins, cases_fresh2_shape, truth
from evals.planner.model import Frames, case

D = dt.date
SIGNUP_NOTE = "signup_date is text in four formats; reading only the YYYY-MM-DD ones is accepted too"


def _signed_up_h1_2020(f: Frames, day: pl.Expr) -> pl.DataFrame:
    return f["customers"].filter(day.is_between(D(2020, 1, 1), D(2020, 6, 30)))


NUMBERS = [
    case(
        "f2-num-many-calls",
        "subscribers 8 or more support calls",
        "terse",
        "fresh2",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("support_calls") >= 8),
    ),
    case(
        "f2-num-pricey-units",
        "hey, could you dig out the orders where the unit price is over 1,000? want to check some big-ticket stuff",
        "chatty",
        "fresh2",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("unit_price") > 1000),
    ),
    case(
        "f2-num-lifetime-charges",
        "List the subscribers whose total charges exceed 5,000.",
        "formal",
        "fresh2",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("total_charges") > 5000),
        note="79 rows have no total_charges and are not above anything",
    ),
    case(
        "f2-num-under-25",
        "Which customers are under 25?",
        "question",
        "fresh2",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age") < 25),
        alternatives=[lambda f: f["customers"].filter(pl.col("age").is_between(0, 24))],
        note="10 ages are negative; keeping them (they are below 25) or leaving them out as impossible are both fine",
    ),
    case(
        "f2-num-big-quantity",
        "ordrs where quantitiy is above 4",
        "typo",
        "fresh2",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") > 4),
    ),
    case(
        "f2-num-small-orders",
        "orders worth under 20",
        "paraphrase",
        "fresh2",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("total_revenue") < 20),
        note="'worth' is total_revenue; the orders with negative revenue are under 20 too",
    ),
]

TEXT = [
    case(
        "f2-text-mailed-check",
        "mailed check payers",
        "terse",
        "fresh2",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("payment_method") == "mailed check"),
    ),
    case(
        "f2-text-dutch-orders",
        "could you grab me all the orders that went to the Netherlands? cheers",
        "chatty",
        "fresh2",
        "filter-text",
        lambda f: f["orders"].filter(pl.col("country") == "NL"),
        note="orders.country holds ISO codes only",
    ),
    case(
        "f2-text-not-euro",
        "Return every order paid in a currency other than the euro.",
        "formal",
        "fresh2",
        "filter-text",
        lambda f: f["orders"].filter(truth.currency() != "EUR"),
        note="'eur', 'Euro' and '€' are euros too, so they are left out with 'EUR'",
    ),
    case(
        "f2-text-home-kitchen",
        "Which products fall under Home & Kitchen?",
        "question",
        "fresh2",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "home & kitchen"),
        note="'Home & Kitchens', 'HOME & KITCHEN' and 'Home & Kitchen ' are stored next to 'Home & Kitchen'",
    ),
    case(
        "f2-text-italian-customers",
        "costumers from itlay",
        "typo",
        "fresh2",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "IT"),
        note="customers.country also holds 'Italy' and 'it'",
    ),
    case(
        "f2-text-jansen",
        "customers with the surname Jansen",
        "paraphrase",
        "fresh2",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("name").str.ends_with(" Jansen")),
        alternatives=[lambda f: f["customers"].filter(pl.col("name").str.to_lowercase().str.contains("jansen"))],
        note="the surname is the end of name; one is stored as 'EMMA JANSEN', and matching regardless of case is fine",
    ),
]

DATES = [
    case(
        "f2-date-summer-2024",
        "could you pull every order we took over the summer of 2024? June to August is fine",
        "chatty",
        "fresh2",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2024, 6, 1), D(2024, 8, 31))),
    ),
    case(
        "f2-date-signup-h1-2020",
        "Return the customers who signed up between 1 January 2020 and 30 June 2020.",
        "formal",
        "fresh2",
        "filter-date",
        lambda f: _signed_up_h1_2020(f, truth.signup_day()),
        alternatives=[lambda f: _signed_up_h1_2020(f, truth.iso_signup_day())],
        note=SIGNUP_NOTE + "; both ends are included",
    ),
    case(
        "f2-date-first-of-month",
        "Which orders were placed on the first day of a month?",
        "question",
        "fresh2",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.day() == 1),
    ),
    case(
        "f2-date-born-1990-on",
        "cusomters born in 1990 or latr",
        "typo",
        "fresh2",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date") >= D(1990, 1, 1)),
    ),
    case(
        "f2-date-week-to-ship",
        "orders that took a full week or longer to go out after being placed",
        "paraphrase",
        "fresh2",
        "filter-date",
        lambda f: f["orders"].filter((pl.col("ship_date") - pl.col("order_date")).dt.total_days() >= 7),
        note="ship_date minus order_date in days; no order takes more than 7, and unshipped orders are left out",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f2-null-no-age",
        "customers missing age",
        "terse",
        "fresh2",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("age").is_null()),
    ),
    case(
        "f2-null-no-total-charges",
        "Do any subscribers have no total charges on record?",
        "question",
        "fresh2",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("total_charges").is_null()),
    ),
    case(
        "f2-null-unshipped-2025",
        "unshiped ordres from 2025",
        "typo",
        "fresh2",
        "filter-null",
        lambda f: f["orders"].filter(pl.col("ship_date").is_null() & (pl.col("order_date").dt.year() == 2025)),
        note="no ship date, ordered in 2025",
    ),
    case(
        "f2-bool-lost-monthly",
        "subscribers who left us while on a monthly plan",
        "paraphrase",
        "fresh2",
        "filter-bool",
        lambda f: f["churn"].filter((pl.col("churned") == 1) & (truth.contract() == "month-to-month")),
        note="churned is 0/1; a monthly plan is the month-to-month contract, also stored as 'M2M' and 'month to month'",
    ),
    case(
        "f2-bool-card-staying",
        "can you show me who's still with us among the people paying by credit card?",
        "chatty",
        "fresh2",
        "filter-bool",
        lambda f: f["churn"].filter((pl.col("churned") == 0) & (pl.col("payment_method") == "credit card")),
        note="subscribers in churn: still with us is churned = 0",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh2_shape.CASES,
    *cases_fresh2_groups.CASES,
    *cases_fresh2_joins.CASES,
    *cases_fresh2_flows.CASES,
]
