"""The fresh6 split: requests written blind after tuning on every earlier split, fresh5 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh6_shape.py`;
aggregates in `cases_fresh6_groups.py`; joins in `cases_fresh6_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh6_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh6_flows, cases_fresh6_groups, cases_fresh6_joins, cases_fresh6_shape, truth
from evals.planner.model import Frames, case

D = dt.date
SIGNUP_NOTE = "signup_date is text in four formats; reading only the YYYY-MM-DD ones is accepted too"


def _signed_up_march_2023(f: Frames, day: pl.Expr) -> pl.DataFrame:
    return f["customers"].filter(day.is_between(D(2023, 3, 1), D(2023, 3, 31)))


def _in_month(column: str, year: int, month: int) -> pl.Expr:
    return (pl.col(column).dt.year() == year) & (pl.col(column).dt.month() == month)


NUMBERS = [
    case(
        "f6-num-price-over-500",
        "products price > 500",
        "terse",
        "fresh6",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price") > 500),
        note="42 products, the outliers of tens of thousands included; the missing prices are not above 500",
    ),
    case(
        "f6-num-quantity-over-10",
        "Return the orders whose quantity is greater than 10.",
        "formal",
        "fresh6",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") > 10),
        note="the 10 outlier quantities (250 to 920); no order has 11 to 249 items",
    ),
    case(
        "f6-num-lifetime-bill-under-100",
        "subscribers whose lifetime bill is under 100",
        "paraphrase",
        "fresh6",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("total_charges") < 100),
        note="the lifetime bill is total_charges; 62 rows, the 79 without a total left out",
    ),
    case(
        "f6-num-negative-tenure",
        "Which subscribers have a negative tenure?",
        "question",
        "fresh6",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("tenure_months") < 0),
        note="tenure_months below zero: six rows",
    ),
    case(
        "f6-num-customers-over-70",
        "custmers ovr the age of 70",
        "typo",
        "fresh6",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age") > 70),
        note="customers.age strictly above 70 (288 rows); the missing ages are left out",
    ),
    case(
        "f6-num-income-under-20k",
        "hey, could you find subscribers earning under 20k? looking at low-income households",
        "chatty",
        "fresh6",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("income") < 20_000),
        note="what they earn is income; 20k is 20,000; the missing incomes are left out",
    ),
]

TEXT = [
    case(
        "f6-text-toys-and-garden",
        "toys and garden products",
        "terse",
        "fresh6",
        "filter-text",
        lambda f: f["products"].filter(truth.category().is_in(["toy", "garden"])),
        note="'Toys', 'Toys ', 'toys', 'Garden', 'Gardens' and 'GARDEN': 69 products ('and' means either category)",
    ),
    case(
        "f6-text-customers-spain-italy",
        "Return all customers located in Spain or Italy.",
        "formal",
        "fresh6",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country().is_in(["ES", "IT"])),
        note="customers.country folded to ISO codes ('Spain', 'es', 'Italy', 'it' count): 328 rows",
    ),
    case(
        "f6-text-internet-over-phone-line",
        "subscribers who get their internet over a phone line",
        "paraphrase",
        "fresh6",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("internet_service") == "dsl"),
        note="internet over a phone line is internet_service 'dsl'",
    ),
    case(
        "f6-text-consumers-in-paris",
        "Which customers are in the consumer segment and live in Paris?",
        "question",
        "fresh6",
        "filter-text",
        lambda f: f["customers"].filter((pl.col("segment") == "consumer") & (pl.col("city") == "Paris")),
        note="both conditions: 59 rows",
    ),
    case(
        "f6-text-orders-to-france",
        "ordrs sent to frnace",
        "typo",
        "fresh6",
        "filter-text",
        lambda f: f["orders"].filter(pl.col("country") == "FR"),
        note="where an order was sent is orders.country, stored as ISO codes: FR",
    ),
    case(
        "f6-text-berlin-hamburg",
        "hi there, could you pull every customer in Berlin or Hamburg? planning a meetup",
        "chatty",
        "fresh6",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("city").is_in(["Berlin", "Hamburg"])),
        note="customers.city: 185 rows",
    ),
]

DATES = [
    case(
        "f6-date-shipped-december-2023",
        "orders shipped dec 2023",
        "terse",
        "fresh6",
        "filter-date",
        lambda f: f["orders"].filter(_in_month("ship_date", 2023, 12)),
        note="by ship_date, December 2023: 200 orders",
    ),
    case(
        "f6-date-born-seventies",
        "Return the customers born between 1 January 1970 and 31 December 1979.",
        "formal",
        "fresh6",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date").is_between(D(1970, 1, 1), D(1979, 12, 31))),
        note="by birth_date, both days included; customers without one are left out",
    ),
    case(
        "f6-date-monday-orders",
        "Which orders were placed on a Monday?",
        "question",
        "fresh6",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.weekday() == 1),
        note="order_date falling on a Monday: 1,440 orders",
    ),
    case(
        "f6-date-second-half-2022",
        "ordrs from the 2nd half of 2022",
        "typo",
        "fresh6",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2022, 7, 1), D(2022, 12, 31))),
        note="order_date from 1 July to 31 December 2022",
    ),
    case(
        "f6-date-accounts-opened-march-2023",
        "people who opened an account with us in March 2023",
        "paraphrase",
        "fresh6",
        "filter-date",
        lambda f: _signed_up_march_2023(f, truth.signup_day()),
        alternatives=[lambda f: _signed_up_march_2023(f, truth.iso_signup_day())],
        note="opening an account is signing up (customers.signup_date); " + SIGNUP_NOTE + " (both give 27 rows)",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f6-null-shipped-without-product",
        "Which orders have been shipped even though they have no product_id?",
        "question",
        "fresh6",
        "filter-null",
        lambda f: f["orders"].filter(pl.col("ship_date").is_not_null() & pl.col("product_id").is_null()),
        note="a ship date on record and no product_id: 27 of the 30 orders without a product",
    ),
    case(
        "f6-null-phone-no-birth-date",
        "Return the customers that have a phone number but no birth date.",
        "formal",
        "fresh6",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("phone").is_not_null() & pl.col("birth_date").is_null()),
        note="phone present, birth_date missing; no customer lacks both, so all 194 without a birth date qualify",
    ),
    case(
        "f6-null-total-bill-blank",
        "subscribers whose running total bill is blank",
        "paraphrase",
        "fresh6",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("total_charges").is_null()),
        note="the running total bill is total_charges; 79 rows have none",
    ),
    case(
        "f6-bool-real-smb",
        "hey, could you give me the smb customers, but only real ones, not test accounts? the test ones mess up my"
        " numbers",
        "chatty",
        "fresh6",
        "filter-bool",
        lambda f: f["customers"].filter((pl.col("segment") == "smb") & ~pl.col("is_test_account")),
        note="segment 'smb' and is_test_account false: 454 of the 455 smb rows",
    ),
    case(
        "f6-bool-fiber-m2m-churned",
        "churn: fiber, month-to-month, churned",
        "terse",
        "fresh6",
        "filter-bool",
        lambda f: f["churn"].filter(
            (pl.col("internet_service") == "fiber") & (truth.contract() == "month-to-month") & (pl.col("churned") == 1)
        ),
        note="all three conditions; 'M2M', 'Month-to-month' and 'month to month' are month-to-month too",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh6_shape.CASES,
    *cases_fresh6_groups.CASES,
    *cases_fresh6_joins.CASES,
    *cases_fresh6_flows.CASES,
]
