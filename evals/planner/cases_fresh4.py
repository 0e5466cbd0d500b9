"""The fresh4 split: requests written blind after tuning on dev, test, holdout, fresh, fresh2 and fresh3; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh4_shape.py`;
aggregates in `cases_fresh4_groups.py`; joins in `cases_fresh4_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh4_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh4_flows, cases_fresh4_groups, cases_fresh4_joins, cases_fresh4_shape, truth
from evals.planner.model import Frames, case

D = dt.date
SIGNUP_NOTE = "signup_date is text in four formats; reading only the YYYY-MM-DD ones is accepted too"


def _signed_up_2021(f: Frames, day: pl.Expr) -> pl.DataFrame:
    return f["customers"].filter(day.dt.year() == 2021)


NUMBERS = [
    case(
        "f4-num-single-unit",
        "orders where qty = 1",
        "terse",
        "fresh4",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") == 1),
        note="qty is quantity",
    ),
    case(
        "f4-num-monthly-50-70",
        "hey, can you pull the subscribers whose monthly charges are somewhere between 50 and 70? ends included",
        "chatty",
        "fresh4",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("monthly_charges").is_between(50, 70)),
    ),
    case(
        "f4-num-under-18",
        "Do we have any customers younger than 18 on record?",
        "question",
        "fresh4",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age") < 18),
        alternatives=[lambda f: f["customers"].filter(pl.col("age").is_between(0, 17))],
        note="one customer is 15; the 10 negative ages are under 18 as written, or may be left out as impossible",
    ),
    case(
        "f4-num-revenue-over-10k",
        "Retrieve all orders with a total revenue greater than 10,000.",
        "formal",
        "fresh4",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("total_revenue") > 10_000),
        note="the 19 outliers; 10,000 is ten thousand",
    ),
    case(
        "f4-num-tenure-over-4-years",
        "subscribers who've stuck with us for more than four years",
        "paraphrase",
        "fresh4",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("tenure_months") > 48),
        note="how long they have stayed is tenure_months; more than four years is more than 48 months",
    ),
    case(
        "f4-num-cheap-products",
        "prodcts cheaper then 15",
        "typo",
        "fresh4",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price") < 15),
        alternatives=[lambda f: f["products"].filter((pl.col("price") >= 0) & (pl.col("price") < 15))],
        note="price below 15; the 3 negative prices are below it as written, or may be left out as impossible;"
        " products without a price are not cheaper than anything",
    ),
]

TEXT = [
    case(
        "f4-text-enterprise-britain",
        "large corporate customers based in Britain",
        "paraphrase",
        "fresh4",
        "filter-text",
        lambda f: f["customers"].filter((pl.col("segment") == "enterprise") & (truth.customer_country() == "GB")),
        note="large corporate customers are the enterprise segment (the others are consumer and smb); Britain is GB,"
        " also stored as 'UK', 'United Kingdom' and 'gb'",
    ),
    case(
        "f4-text-one-year",
        "churn, one-year contracts only",
        "terse",
        "fresh4",
        "filter-text",
        lambda f: f["churn"].filter(truth.contract() == "one-year"),
        note="'One Year' is stored next to 'one-year' and counts too",
    ),
    case(
        "f4-text-not-delivered",
        "Retrieve every order whose status is anything other than delivered.",
        "formal",
        "fresh4",
        "filter-text",
        lambda f: f["orders"].filter(truth.status() != "delivered"),
        note="'Delivered', 'DELIVERED' and 'delivred' are delivered too, so they are left out",
    ),
    case(
        "f4-text-premium-products",
        "could you find all the products with 'Premium' in the name? cheers",
        "chatty",
        "fresh4",
        "filter-text",
        lambda f: f["products"].filter(pl.col("name").str.contains("Premium", literal=True)),
        note="the word is always written 'Premium', so matching case or not gives the same 19 products",
    ),
    case(
        "f4-text-smb-spain",
        "Who are our SMB customers in Spain?",
        "question",
        "fresh4",
        "filter-text",
        lambda f: f["customers"].filter((pl.col("segment") == "smb") & (truth.customer_country() == "ES")),
        note="customers.country also holds 'Spain' and 'es'",
    ),
    case(
        "f4-text-m2m-fibre",
        "subscrbers on month-to-month wiht fibre",
        "typo",
        "fresh4",
        "filter-text",
        lambda f: f["churn"].filter((truth.contract() == "month-to-month") & (pl.col("internet_service") == "fiber")),
        note="fibre is the stored value 'fiber'; 'M2M', 'Month-to-month' and 'month to month' are month-to-month",
    ),
]

DATES = [
    case(
        "f4-date-q3-2022",
        "orders q3 2022",
        "terse",
        "fresh4",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2022, 7, 1), D(2022, 9, 30))),
        note="by order_date, July to September 2022",
    ),
    case(
        "f4-date-signup-2021",
        "people who became customers during 2021",
        "paraphrase",
        "fresh4",
        "filter-date",
        lambda f: _signed_up_2021(f, truth.signup_day()),
        alternatives=[lambda f: _signed_up_2021(f, truth.iso_signup_day())],
        note="becoming a customer is the signup date; " + SIGNUP_NOTE,
    ),
    case(
        "f4-date-future",
        "Which orders carry an order date later than 3 December 2026?",
        "question",
        "fresh4",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date") > D(2026, 12, 3)),
        note="the dozen orders dated 2031 to 2035, as stored",
    ),
    case(
        "f4-date-december-birthdays",
        "custmers whose birthday is in decmber",
        "typo",
        "fresh4",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date").dt.month() == 12),
        note="the month of birth_date, any year; customers without a birth date are left out",
    ),
    case(
        "f4-date-shipped-xmas-week",
        "hi, I need the orders that shipped between Christmas and New Year's Eve 2024, so 25 to 31 December inclusive",
        "chatty",
        "fresh4",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date").is_between(D(2024, 12, 25), D(2024, 12, 31))),
        note="by ship_date",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f4-null-cancelled-shipped",
        "Return the cancelled orders that nevertheless have a ship date recorded.",
        "formal",
        "fresh4",
        "filter-null",
        lambda f: f["orders"].filter((truth.status() == "cancelled") & pl.col("ship_date").is_not_null()),
        note="two orders; 'canceled' is cancelled too",
    ),
    case(
        "f4-null-price-blank-or-negative",
        "catalogue items whose cost is not filled in or is below zero",
        "paraphrase",
        "fresh4",
        "filter-null",
        lambda f: f["products"].filter(pl.col("price").is_null() | (pl.col("price") < 0)),
        note="catalogue items are products and their cost is price: 5 without one and 3 negative",
    ),
    case(
        "f4-null-delivered-no-ship-date",
        "deliverd orders with no ship date",
        "typo",
        "fresh4",
        "filter-null",
        lambda f: f["orders"].filter((truth.status() == "delivered") & pl.col("ship_date").is_null()),
        note="a single order, whatever spelling of delivered is counted",
    ),
    case(
        "f4-bool-real-dutch",
        "dutch customers excluding test accounts",
        "terse",
        "fresh4",
        "filter-bool",
        lambda f: f["customers"].filter(~pl.col("is_test_account") & (truth.customer_country() == "NL")),
        note="Dutch is NL, also stored as 'Netherlands' and 'nl'; one Dutch customer is a test account",
    ),
    case(
        "f4-bool-test-fibre-stayed",
        "Which fibre subscribers in the test split did not churn?",
        "question",
        "fresh4",
        "filter-bool",
        lambda f: f["churn"].filter(
            (pl.col("internet_service") == "fiber") & (pl.col("split") == "test") & (pl.col("churned") == 0)
        ),
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh4_shape.CASES,
    *cases_fresh4_groups.CASES,
    *cases_fresh4_joins.CASES,
    *cases_fresh4_flows.CASES,
]
