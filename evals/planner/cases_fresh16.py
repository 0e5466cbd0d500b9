"""The fresh16 split: requests written blind after tuning on every earlier split, fresh15 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh16_shape.py`;
aggregates in `cases_fresh16_groups.py`; joins in `cases_fresh16_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh16_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh16_flows, cases_fresh16_groups, cases_fresh16_joins, cases_fresh16_shape, truth
from evals.planner.cases_fresh16_groups import SIGNUP_NOTE
from evals.planner.model import Frames, case

D = dt.date


def _joined_in(f: Frames, day: pl.Expr, year: int) -> pl.DataFrame:
    return f["customers"].filter(day.dt.year() == year)


def _quantity_three_to_five(f: Frames) -> pl.DataFrame:
    return f["orders"].filter(pl.col("quantity").is_between(3, 5))


NUMBERS = [
    case(
        "f16-num-quantity-three-to-five",
        "orders w/ qty 3 to 5 incl.",
        "terse",
        "fresh16",
        "filter-number",
        _quantity_three_to_five,
        note="orders.quantity from 3 to 5, both included (2,306 rows: 1,194 of 3, 709 of 4, 403 of 5)",
    ),
    case(
        "f16-num-support-calls-above-five",
        "churn custmers who rang suport mor than 5 times",
        "typo",
        "fresh16",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("support_calls") > 5),
        note="churn.support_calls above 5 (45 rows); the 42 rows of exactly 5 are not more than 5",
    ),
    case(
        "f16-num-products-over-500",
        "heya! which of our products go for more than 500? doing a review of the premium shelf before the"
        " spring catalogue, cheers",
        "chatty",
        "fresh16",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price") > 500),
        note="products.price above 500 (42 rows, the outlier prices among them); missing prices are not a match",
    ),
    case(
        "f16-num-total-charges-under-100",
        "Return the churn records whose total charges come to less than 100.",
        "formal",
        "fresh16",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("total_charges") < 100),
        note="churn.total_charges below 100 (62 rows, the totals of 0.0 among them; none is exactly 100); missing"
        " totals are not a match",
    ),
    case(
        "f16-num-tenure-three-years",
        "subscribers with three full years or more behind them",
        "paraphrase",
        "fresh16",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("tenure_months") >= 36),
        note="churn.tenure_months of 36 and more (1,525 rows, 39 of them exactly 36); three years is 36 months and"
        " 'or more' includes it",
    ),
    case(
        "f16-num-unit-price-below-ten",
        "Which orders went out at a unit price under 10?",
        "question",
        "fresh16",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("unit_price") < 10),
        note="orders.unit_price below 10 (377 rows; none is exactly 10); currencies as stored",
    ),
]

TEXT = [
    case(
        "f16-text-us-customers",
        "us-based custs",
        "terse",
        "fresh16",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "US"),
        note="customers.country meaning the United States in any spelling ('us', 'U.S.', 'USA', 'United"
        " States' too: 413 rows, 405 stored 'US'); where orders went is not asked",
    ),
    case(
        "f16-text-returned-orders",
        "ordrs tht got retured",
        "typo",
        "fresh16",
        "filter-text",
        lambda f: f["orders"].filter(truth.status() == "returned"),
        note="status meaning returned in any spelling ('Returned' too: 502 rows, 500 stored 'returned')",
    ),
    case(
        "f16-text-euro-orders",
        "hiya, can I see all the orders that were billed in euros? reconciling the eurozone bank account this"
        " week, ta very much",
        "chatty",
        "fresh16",
        "filter-text",
        lambda f: f["orders"].filter(truth.currency() == "EUR"),
        note="orders.currency meaning the euro in any spelling ('EUR', 'Euro', 'eur', '€': 6,602 rows, 6,582"
        " stored 'EUR')",
    ),
    case(
        "f16-text-no-internet-service",
        "List the subscribers who do not take any internet service.",
        "formal",
        "fresh16",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("internet_service") == "none"),
        note="churn.internet_service stored as the text 'none' (442 rows); no internet_service is missing",
    ),
    case(
        "f16-text-lyon-or-marseille",
        "shoppers whose home town is Lyon or else Marseille",
        "paraphrase",
        "fresh16",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("city").is_in(["Lyon", "Marseille"])),
        note="customers.city 'Lyon' or 'Marseille', stored one way (136 rows: 70 and 66); orders record no city",
    ),
    case(
        "f16-text-home-kitchen-products",
        "What have we got in the home & kitchen range?",
        "question",
        "fresh16",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "home & kitchen"),
        note="category meaning Home & Kitchen in any spelling ('HOME & KITCHEN', 'Home & Kitchens', a trailing"
        " space too: 34 rows, 31 stored 'Home & Kitchen')",
    ),
]

DATES = [
    case(
        "f16-date-orders-first-of-month",
        "orders dated the 1st of a month",
        "terse",
        "fresh16",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.day() == 1),
        note="order_date on the first day of any month (320 rows), not ship_date",
    ),
    case(
        "f16-date-orders-after-2025",
        "hey, a few orders look like they're dated way off in the future, after 2025. could you list those for"
        " me? I think the import mangled them, thanks",
        "chatty",
        "fresh16",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date") >= D(2026, 1, 1)),
        note="order_date from 2026-01-01 on (12 rows, dated 2031 to 2035); 'after 2025' is after the year, not"
        " after its first day",
    ),
    case(
        "f16-date-leap-day-births",
        "custmrs brn on a leep day (29 feb)",
        "typo",
        "fresh16",
        "filter-date",
        lambda f: f["customers"].filter((pl.col("birth_date").dt.month() == 2) & (pl.col("birth_date").dt.day() == 29)),
        note="birth_date on 29 February of any year (2 rows); missing birth dates are not a match",
    ),
    case(
        "f16-date-shipped-december-2024",
        "Retrieve the orders whose shipment took place in December 2024.",
        "formal",
        "fresh16",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date").is_between(D(2024, 12, 1), D(2024, 12, 31))),
        note="ship_date from 2024-12-01 to 2024-12-31 (201 rows), not order_date; unshipped orders are not a match",
    ),
    case(
        "f16-date-joined-2018",
        "folks whose first sign-up with us was back in 2018",
        "paraphrase",
        "fresh16",
        "filter-date",
        lambda f: _joined_in(f, truth.signup_day(), 2018),
        alternatives=[lambda f: _joined_in(f, truth.iso_signup_day(), 2018)],
        note="signup in 2018 (279 rows read in every format, 274 as YYYY-MM-DD only): " + SIGNUP_NOTE,
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f16-null-churn-no-total-charges",
        "churn rows, total_charges blank",
        "terse",
        "fresh16",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("total_charges").is_null()),
        note="churn.total_charges missing (79 rows); a total of 0.0 is recorded, not blank",
    ),
    case(
        "f16-null-customers-no-city",
        "morning! could you dig out the customers we don't have a city for? the courier wants complete"
        " addresses before the mail drop, cheers",
        "chatty",
        "fresh16",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("city").is_null()),
        note="customers.city missing (121 rows)",
    ),
    case(
        "f16-flag-churn-stayed",
        "churn folk still wth us (churned = 0)",
        "typo",
        "fresh16",
        "filter-bool",
        lambda f: f["churn"].filter(pl.col("churned") == 0),
        note="churn.churned 0 (2,222 rows); the flag is stored as 0/1",
    ),
    case(
        "f16-null-products-no-price",
        "List every product that lacks a price.",
        "formal",
        "fresh16",
        "filter-null",
        lambda f: f["products"].filter(pl.col("price").is_null()),
        note="products.price missing (5 rows); the negative prices are recorded, wrongly",
    ),
    case(
        "f16-date-shipped-before-ordered",
        "Which orders have a ship date earlier than the day they were ordered?",
        "question",
        "fresh16",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date") < pl.col("order_date")),
        note="ship_date before order_date on the same row (25 rows); unshipped orders are not a match; the same"
        " day is not earlier",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh16_shape.CASES,
    *cases_fresh16_groups.CASES,
    *cases_fresh16_joins.CASES,
    *cases_fresh16_flows.CASES,
]
