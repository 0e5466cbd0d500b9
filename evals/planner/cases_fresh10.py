"""The fresh10 split: requests written blind after tuning on every earlier split, fresh9 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh10_shape.py`;
aggregates in `cases_fresh10_groups.py`; joins in `cases_fresh10_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh10_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh10_flows, cases_fresh10_groups, cases_fresh10_joins, cases_fresh10_shape, truth
from evals.planner.model import case

D = dt.date

NUMBERS = [
    case(
        "f10-num-subscribers-seventy-plus",
        "churn, age seventy and up",
        "terse",
        "fresh10",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("age") >= 70),
        note="churn.age of 70 and more (491 rows), seventy itself included; no age is missing",
    ),
    case(
        "f10-num-income-over-hundred-thousand",
        "Show the subscribers whose income exceeds one hundred thousand.",
        "formal",
        "fresh10",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("income") > 100_000),
        note="churn.income above 100,000 (140 rows, the 400,000 outlier among them); none is exactly 100,000;"
        " missing incomes are not a match",
    ),
    case(
        "f10-num-products-fifty-or-less",
        "prodcuts pricd at fifty or les",
        "typo",
        "fresh10",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price") <= 50),
        alternatives=[lambda f: f["products"].filter(pl.col("price").is_between(0, 50))],
        note="products.price of 50 and below (42 rows, none exactly 50), the three negative prices included as"
        " stored or left out as impossible; missing prices are not a match",
    ),
    case(
        "f10-num-tenure-exactly-two-years",
        "Which subscribers have been with us for exactly two years?",
        "question",
        "fresh10",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("tenure_months") == 24),
        note="tenure_months equal to 24 (37 rows)",
    ),
    case(
        "f10-num-unit-over-a-grand",
        "sales where a single unit went for more than a grand",
        "paraphrase",
        "fresh10",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("unit_price") > 1000),
        note="orders.unit_price above 1,000 (309 orders; none is exactly 1,000), in each order's own currency",
    ),
    case(
        "f10-num-eight-plus-support-calls",
        "hey! could you pull up the subscribers who've rung support eight times or more? want to send them a"
        " goodwill voucher, cheers",
        "chatty",
        "fresh10",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("support_calls") >= 8),
        note="support_calls of 8 and more (11 rows)",
    ),
]

TEXT = [
    case(
        "f10-text-dsl-lines",
        "churn: dsl lines only",
        "terse",
        "fresh10",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("internet_service") == "dsl"),
        note="internet_service 'dsl' (1,220 rows), stored one way",
    ),
    case(
        "f10-text-pending-italy",
        "Retrieve all pending orders destined for Italy.",
        "formal",
        "fresh10",
        "filter-text",
        lambda f: f["orders"].filter((truth.status() == "pending") & (pl.col("country") == "IT")),
        note="status pending (spelled one way) and orders.country IT: 58 orders",
    ),
    case(
        "f10-text-big-business-uk",
        "big-business clients based in the UK",
        "paraphrase",
        "fresh10",
        "filter-text",
        lambda f: f["customers"].filter((pl.col("segment") == "enterprise") & (truth.customer_country() == "GB")),
        note="big business is segment enterprise; the UK is customers.country GB, also stored 'UK', 'United Kingdom'"
        " and 'gb' (18 rows)",
    ),
    case(
        "f10-text-french-cancellations",
        "Which French orders got cancelled?",
        "question",
        "fresh10",
        "filter-text",
        lambda f: f["orders"].filter((truth.status() == "cancelled") & (pl.col("country") == "FR")),
        note="status meaning cancelled ('canceled' too) and orders.country FR: 151 orders",
    ),
    case(
        "f10-text-dutch-cities",
        "custmrs livng in rotterdm or amsterdm",
        "typo",
        "fresh10",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("city").is_in(["Amsterdam", "Rotterdam"])),
        note="customers.city Amsterdam or Rotterdam (81 rows), each spelled one way",
    ),
    case(
        "f10-text-home-and-kitchen",
        "morning! could you grab the products in the home and kitchen range? doing a homeware promo, ta",
        "chatty",
        "fresh10",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "home & kitchen"),
        note="category meaning Home & Kitchen ('HOME & KITCHEN', 'Home & Kitchen ', 'Home & Kitchens' too): 34"
        " products",
    ),
]

DATES = [
    case(
        "f10-date-second-quarter-2023",
        "orders placed 2023 Q2",
        "terse",
        "fresh10",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2023, 4, 1), D(2023, 6, 30))),
        note="order_date from 2023-04-01 to 2023-06-30 (755 orders)",
    ),
    case(
        "f10-date-february-2024",
        "List the orders placed during February 2024.",
        "formal",
        "fresh10",
        "filter-date",
        lambda f: f["orders"].filter((pl.col("order_date").dt.year() == 2024) & (pl.col("order_date").dt.month() == 2)),
        note="order_date in February 2024, the 29th included (199 orders)",
    ),
    case(
        "f10-date-dispatched-sunday",
        "Were any orders dispatched on a Sunday? Show me them.",
        "question",
        "fresh10",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date").dt.weekday() == 7),
        note="ship_date (not order_date) falling on a Sunday (1,160 orders); unshipped orders are not a match",
    ),
    case(
        "f10-date-born-before-1955",
        "custmers born befor ninteen fifty five",
        "typo",
        "fresh10",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date") < D(1955, 1, 1)),
        note="birth_date before 1955-01-01 (307 rows); no birth date is not a match",
    ),
    case(
        "f10-date-shipped-same-day",
        "orders that went out the very day they came in",
        "paraphrase",
        "fresh10",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date") == pl.col("order_date")),
        note="ship_date equal to order_date (1,090 orders); orders without a ship date are not a match",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f10-null-no-birth-date",
        "hi there, which customers never told us their date of birth? marketing wants to send birthday offers, cheers",
        "chatty",
        "fresh10",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("birth_date").is_null()),
        note="customers.birth_date missing: 194 rows (the same rows have no age)",
    ),
    case(
        "f10-null-income-unavailable",
        "Identify the subscribers for whom no income figure is available.",
        "formal",
        "fresh10",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("income").is_null()),
        note="churn.income missing: 114 rows",
    ),
    case(
        "f10-null-delivered-without-ship-date",
        "Is any order marked as delivered even though it has no ship date?",
        "question",
        "fresh10",
        "filter-null",
        lambda f: f["orders"].filter((truth.status() == "delivered") & pl.col("ship_date").is_null()),
        note="status meaning delivered (any spelling) and ship_date missing: one order",
    ),
    case(
        "f10-null-smb-without-city",
        "customers: city missing, segment smb",
        "terse",
        "fresh10",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("city").is_null() & (pl.col("segment") == "smb")),
        note="customers.city missing and segment smb: 33 rows",
    ),
    case(
        "f10-bool-stayed-on-fibre",
        "subscibers that stayed (not churnd) on fibre",
        "typo",
        "fresh10",
        "filter-bool",
        lambda f: f["churn"].filter((pl.col("churned") == 0) & (pl.col("internet_service") == "fiber")),
        note="churned = 0 and internet_service 'fiber' (the British 'fibre'): 944 rows",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh10_shape.CASES,
    *cases_fresh10_groups.CASES,
    *cases_fresh10_joins.CASES,
    *cases_fresh10_flows.CASES,
]
