"""The fresh9 split: requests written blind after tuning on every earlier split, fresh8 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh9_shape.py`;
aggregates in `cases_fresh9_groups.py`; joins in `cases_fresh9_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh9_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh9_flows, cases_fresh9_groups, cases_fresh9_joins, cases_fresh9_shape, truth
from evals.planner.model import case

D = dt.date

NUMBERS = [
    case(
        "f9-num-five-plus-support-calls",
        "churn support_calls >= 5",
        "terse",
        "fresh9",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("support_calls") >= 5),
        note="support_calls of 5 and more (87 rows); no count is missing",
    ),
    case(
        "f9-num-unit-price-under-10",
        "List the orders with a unit price of less than 10.",
        "formal",
        "fresh9",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("unit_price") < 10),
        note="orders.unit_price strictly below 10 (377 orders), in each order's own currency",
    ),
    case(
        "f9-num-tenure-under-a-year",
        "subscribers who've been on the books for less than twelve months",
        "paraphrase",
        "fresh9",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("tenure_months") < 12),
        alternatives=[lambda f: f["churn"].filter(pl.col("tenure_months").is_between(0, 11))],
        note="tenure_months below 12 (464 rows), the six negative tenures included as stored or left out as impossible",
    ),
    case(
        "f9-num-price-50-to-100",
        "Which products cost somewhere between 50 and 100?",
        "question",
        "fresh9",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price").is_between(50, 100)),
        note="products.price from 50 to 100 (32 rows); no price is exactly 50 or 100, so both ends may be in or out;"
        " missing prices are not a match",
    ),
    case(
        "f9-num-customers-under-25",
        "custmers under the age of twenty five",
        "typo",
        "fresh9",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age") < 25),
        alternatives=[lambda f: f["customers"].filter(pl.col("age").is_between(0, 24))],
        note="customers.age below 25 (214 rows, the ten negative ages among them) or with the negative ages left out"
        " as impossible; missing ages are not a match",
    ),
    case(
        "f9-num-bulk-quantity",
        "morning! could you fish out the orders where someone bought 10 or more units in one go? want to see who"
        " our bulk buyers are",
        "chatty",
        "fresh9",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") >= 10),
        note="quantity of 10 and more: the ten outliers (250 to 920)",
    ),
]

TEXT = [
    case(
        "f9-text-mailed-check",
        "churn where payment_method mailed check",
        "terse",
        "fresh9",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("payment_method") == "mailed check"),
        note="payment_method 'mailed check' (754 rows), stored one way",
    ),
    case(
        "f9-text-returned-netherlands",
        "Retrieve the orders that were returned and had been sent to the Netherlands.",
        "formal",
        "fresh9",
        "filter-text",
        lambda f: f["orders"].filter((truth.status() == "returned") & (pl.col("country") == "NL")),
        note="status meaning returned ('Returned' too) and orders.country NL",
    ),
    case(
        "f9-text-settled-in-euros",
        "sales settled in the single European currency",
        "paraphrase",
        "fresh9",
        "filter-text",
        lambda f: f["orders"].filter(truth.currency() == "EUR"),
        note="the euro is currency EUR, also written 'Euro', 'eur' and '€' (6,602 orders)",
    ),
    case(
        "f9-text-berlin-or-munich",
        "Which of our customers live in Berlin or Munich?",
        "question",
        "fresh9",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("city").is_in(["Berlin", "München"])),
        note="customers.city Berlin or Munich, which is stored under its German name 'München' (189 rows)",
    ),
    case(
        "f9-text-garden-products",
        "list evrything we sell in the gardn range",
        "typo",
        "fresh9",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "garden"),
        note="category meaning Garden ('Garden', 'GARDEN', 'Gardens'): 27 products",
    ),
    case(
        "f9-text-two-year-contracts",
        "hey there, can you pull up every subscriber on a two year contract? we're reviewing our long-term deals,"
        " thanks a bunch",
        "chatty",
        "fresh9",
        "filter-text",
        lambda f: f["churn"].filter(truth.contract() == "two-year"),
        note="contract meaning two-year ('two-year' and '2 year'): 573 rows",
    ),
]

DATES = [
    case(
        "f9-date-shipped-march-2024",
        "orders w/ ship_date in 2024-03",
        "terse",
        "fresh9",
        "filter-date",
        lambda f: f["orders"].filter((pl.col("ship_date").dt.year() == 2024) & (pl.col("ship_date").dt.month() == 3)),
        note="ship_date in March 2024 (not order_date); orders not shipped are not a match",
    ),
    case(
        "f9-date-from-december-2024",
        "Return the orders placed on or after 1 December 2024.",
        "formal",
        "fresh9",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date") >= D(2024, 12, 1)),
        note="order_date from 2024-12-01 on, both ends of that day included; the twelve far-future dates (2031 to"
        " 2035) are on or after it too",
    ),
    case(
        "f9-date-weekend-orders",
        "Which orders were placed at the weekend?",
        "question",
        "fresh9",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.weekday() >= 6),
        note="order_date falling on a Saturday or a Sunday",
    ),
    case(
        "f9-date-born-in-the-eighties",
        "custmers born in the ninteen-eightys",
        "typo",
        "fresh9",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date").dt.year().is_between(1980, 1989)),
        note="birth_date from 1980-01-01 to 1989-12-31; no birth date is not a match",
    ),
    case(
        "f9-date-slow-to-ship",
        "orders that sat for a week or longer before going out",
        "paraphrase",
        "fresh9",
        "filter-date",
        lambda f: f["orders"].filter((pl.col("ship_date") - pl.col("order_date")).dt.total_days() >= 7),
        note="7 days or more from order_date to ship_date (1,087 orders, 7 being the longest gap); orders without"
        " a ship date are not a match",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f9-null-customers-without-phone",
        "hi! which customers haven't given us a phone number? want to know who we can't ring, thanks",
        "chatty",
        "fresh9",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("phone").is_null()),
        note="customers.phone missing: 60 rows (the malformed numbers are numbers, not missing)",
    ),
    case(
        "f9-null-total-charges-unrecorded",
        "Return the subscribers whose total charges have not been recorded.",
        "formal",
        "fresh9",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("total_charges").is_null()),
        note="churn.total_charges missing: 79 rows",
    ),
    case(
        "f9-bool-test-accounts",
        "Are any customers flagged as test accounts? Which ones?",
        "question",
        "fresh9",
        "filter-bool",
        lambda f: f["customers"].filter(pl.col("is_test_account")),
        note="is_test_account true: eight rows",
    ),
    case(
        "f9-null-orders-unshipped",
        "orders ship_date blank",
        "terse",
        "fresh9",
        "filter-null",
        lambda f: f["orders"].filter(pl.col("ship_date").is_null()),
        note="orders.ship_date missing: 1,567 orders",
    ),
    case(
        "f9-bool-churned-no-region",
        "churnd subscribers with no regoin",
        "typo",
        "fresh9",
        "filter-bool",
        lambda f: f["churn"].filter((pl.col("churned") == 1) & pl.col("region").is_null()),
        note="churned = 1 and region missing",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh9_shape.CASES,
    *cases_fresh9_groups.CASES,
    *cases_fresh9_joins.CASES,
    *cases_fresh9_flows.CASES,
]
