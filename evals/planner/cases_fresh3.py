"""The fresh3 split: requests written blind after tuning on dev, test, holdout, fresh and fresh2; here the row filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh3_shape.py`;
aggregates in `cases_fresh3_groups.py`; joins in `cases_fresh3_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh3_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh3_flows, cases_fresh3_groups, cases_fresh3_joins, cases_fresh3_shape, truth
from evals.planner.model import Frames, case

D = dt.date
SIGNUP_NOTE = "signup_date is text in four formats; reading only the YYYY-MM-DD ones is accepted too"


def _signed_up_q4_2023(f: Frames, day: pl.Expr) -> pl.DataFrame:
    return f["customers"].filter(day.is_between(D(2023, 10, 1), D(2023, 12, 31)))


def _first_name_emma(f: Frames, any_case: bool) -> pl.DataFrame:
    name = pl.col("name").str.strip_chars()
    return f["customers"].filter(
        name.str.to_lowercase().str.starts_with("emma ") if any_case else name.str.starts_with("Emma ")
    )


NUMBERS = [
    case(
        "f3-num-short-tenure",
        "subscribers with tenure under 6 months",
        "terse",
        "fresh3",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("tenure_months") < 6),
        alternatives=[lambda f: f["churn"].filter(pl.col("tenure_months").is_between(0, 5))],
        note="6 tenures are negative; keeping them (they are under 6) or leaving them out as impossible are both fine",
    ),
    case(
        "f3-num-age-40-to-50",
        "hi! could you find me the customers aged 40 to 50?",
        "chatty",
        "fresh3",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age").is_between(40, 50)),
        note="both ends included",
    ),
    case(
        "f3-num-negative-revenue",
        "Are there any orders with negative revenue?",
        "question",
        "fresh3",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("total_revenue") < 0),
        note="the 15 orders with a negative quantity; their revenue follows it",
    ),
    case(
        "f3-num-high-income",
        "subscibers with incom over 100k",
        "typo",
        "fresh3",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("income") > 100_000),
        note="100k is 100,000; the 114 rows without income are not above it",
    ),
    case(
        "f3-num-unit-price-band",
        "Retrieve the orders with a unit price between 100 and 200.",
        "formal",
        "fresh3",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("unit_price").is_between(100, 200)),
        note="both ends included",
    ),
    case(
        "f3-num-helpdesk-calls",
        "subscribers who've rung the helpdesk more than twice",
        "paraphrase",
        "fresh3",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("support_calls") > 2),
        note="ringing the helpdesk is support_calls; more than twice is 3 or more",
    ),
]

TEXT = [
    case(
        "f3-text-pending-or-returned",
        "could you pull the orders that are either pending or returned? thanks!",
        "chatty",
        "fresh3",
        "filter-text",
        lambda f: f["orders"].filter(truth.status().is_in(["pending", "returned"])),
        note="'Returned' is stored next to 'returned' and counts too",
    ),
    case(
        "f3-text-dsl",
        "dsl subscribers",
        "terse",
        "fresh3",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("internet_service") == "dsl"),
    ),
    case(
        "f3-text-sports",
        "List all products in the Sports category.",
        "formal",
        "fresh3",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "sport"),
        note="'sports' and 'Sports ' are stored next to 'Sports' and belong to it",
    ),
    case(
        "f3-text-uk-customers",
        "custoemrs in the UK",
        "typo",
        "fresh3",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "GB"),
        note="customers.country holds GB, and also 'UK', 'United Kingdom' and 'gb'",
    ),
    case(
        "f3-text-west-bank-transfer",
        "Which subscribers in the west region pay by bank transfer?",
        "question",
        "fresh3",
        "filter-text",
        lambda f: f["churn"].filter((pl.col("region") == "west") & (pl.col("payment_method") == "bank transfer")),
    ),
    case(
        "f3-text-first-name-emma",
        "customers whose first name is Emma",
        "paraphrase",
        "fresh3",
        "filter-text",
        lambda f: _first_name_emma(f, any_case=True),
        alternatives=[lambda f: _first_name_emma(f, any_case=False)],
        note="the first name is the first word of name; one is stored as 'EMMA JANSEN', and matching case exactly is"
        " accepted too",
    ),
]

DATES = [
    case(
        "f3-date-leap-day",
        "orders from 29 feb 2024",
        "terse",
        "fresh3",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date") == D(2024, 2, 29)),
        note="by order_date",
    ),
    case(
        "f3-date-signup-q4-2023",
        "hey, I need all the customers who signed up in the last quarter of 2023, so October to December",
        "chatty",
        "fresh3",
        "filter-date",
        lambda f: _signed_up_q4_2023(f, truth.signup_day()),
        alternatives=[lambda f: _signed_up_q4_2023(f, truth.iso_signup_day())],
        note=SIGNUP_NOTE,
    ),
    case(
        "f3-date-shipped-2025",
        "Return the orders that were shipped during 2025.",
        "formal",
        "fresh3",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date").dt.year() == 2025),
        note="by ship_date, not order_date",
    ),
    case(
        "f3-date-h1-2023",
        "Which orders were placed in the first half of 2023?",
        "question",
        "fresh3",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2023, 1, 1), D(2023, 6, 30))),
        note="January to June 2023, both ends included",
    ),
    case(
        "f3-date-feb-2023",
        "ordres from febuary 2023",
        "typo",
        "fresh3",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2023, 2, 1), D(2023, 2, 28))),
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f3-null-phone-no-city",
        "customers who gave us a phone number but no town",
        "paraphrase",
        "fresh3",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("phone").is_not_null() & pl.col("city").is_null()),
        note="the town is city; every customer without a city happens to have a phone",
    ),
    case(
        "f3-null-french-no-phone",
        "custmers without a phone in france",
        "typo",
        "fresh3",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("phone").is_null() & (truth.customer_country() == "FR")),
        note="customers.country also holds 'France', 'FRA' and 'fr'",
    ),
    case(
        "f3-null-priced-products",
        "products with a price",
        "terse",
        "fresh3",
        "filter-null",
        lambda f: f["products"].filter(pl.col("price").is_not_null()),
        note="every product whose price is filled in, the negative ones included",
    ),
    case(
        "f3-bool-churned-training",
        "subscribers in the training data who cancelled their subscription",
        "paraphrase",
        "fresh3",
        "filter-bool",
        lambda f: f["churn"].filter((pl.col("churned") == 1) & (pl.col("split") == "train")),
        note="cancelling is churned = 1; the training data is split = 'train'",
    ),
    case(
        "f3-bool-churned-no-internet",
        "Which churned subscribers had no internet service?",
        "question",
        "fresh3",
        "filter-bool",
        lambda f: f["churn"].filter((pl.col("churned") == 1) & (pl.col("internet_service") == "none")),
        note="no internet service is the stored value 'none'",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh3_shape.CASES,
    *cases_fresh3_groups.CASES,
    *cases_fresh3_joins.CASES,
    *cases_fresh3_flows.CASES,
]
