"""The fresh11 split: requests written blind after tuning on every earlier split, fresh10 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh11_shape.py`;
aggregates in `cases_fresh11_groups.py`; joins in `cases_fresh11_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh11_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh11_flows, cases_fresh11_groups, cases_fresh11_joins, cases_fresh11_shape, truth
from evals.planner.model import case

D = dt.date

NUMBERS = [
    case(
        "f11-num-subscribers-under-twenty-five",
        "churn folks younger than twenty-five",
        "terse",
        "fresh11",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("age") < 25),
        note="churn.age below 25, twenty-five itself left out; no churn age is negative or missing",
    ),
    case(
        "f11-num-monthly-fee-above-ninety",
        "Return every subscriber whose monthly charge is in excess of ninety.",
        "formal",
        "fresh11",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("monthly_charges") > 90),
        note="churn.monthly_charges above 90, the outliers among them; missing charges are not a match",
    ),
    case(
        "f11-num-quantity-three-or-fewer",
        "ordrs with a quantiy of thre or les",
        "typo",
        "fresh11",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") <= 3),
        alternatives=[lambda f: f["orders"].filter(pl.col("quantity").is_between(1, 3))],
        note="orders.quantity of 3 and below, the negative quantities (down to -4) kept as stored or left out as"
        " impossible; no quantity is zero or missing",
    ),
    case(
        "f11-num-never-phoned-helpdesk",
        "Who among the subscribers has never once phoned the helpdesk?",
        "question",
        "fresh11",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("support_calls") == 0),
        note="the helpdesk is support: support_calls equal to 0",
    ),
    case(
        "f11-num-merch-north-of-two-thousand",
        "merchandise costing north of two thousand",
        "paraphrase",
        "fresh11",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price") > 2000),
        note="products.price above 2,000: only the four outlier prices (51,803.98 to 77,555.40); missing prices are"
        " not a match",
    ),
    case(
        "f11-num-tiny-baskets",
        "morning all, can you dig out the orders that came to less than ten in total? hunting for tiny baskets,"
        " many thanks",
        "chatty",
        "fresh11",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("total_revenue") < 10),
        alternatives=[lambda f: f["orders"].filter(pl.col("total_revenue").is_between(0, 10, closed="left"))],
        note="orders.total_revenue below 10 in each order's own currency, the negative revenues kept as stored or"
        " left out as refunds rather than baskets",
    ),
]

TEXT = [
    case(
        "f11-text-mailed-cheque",
        "churn, paid by cheque in the post",
        "terse",
        "fresh11",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("payment_method") == "mailed check"),
        note="payment_method 'mailed check' (the British 'cheque'), stored one way",
    ),
    case(
        "f11-text-shipped-in-dollars",
        "Retrieve the shipped orders that were invoiced in US dollars.",
        "formal",
        "fresh11",
        "filter-text",
        lambda f: f["orders"].filter((truth.status() == "shipped") & (pl.col("currency") == "USD")),
        note="status meaning shipped ('Shipped' too) and currency USD (stored one way)",
    ),
    case(
        "f11-text-small-firms-spain",
        "small and mid-sized business accounts located in Spain",
        "paraphrase",
        "fresh11",
        "filter-text",
        lambda f: f["customers"].filter((pl.col("segment") == "smb") & (truth.customer_country() == "ES")),
        note="small and mid-sized businesses are segment smb; Spain is customers.country ES in any of its"
        " spellings ('es', 'Spain' too)",
    ),
    case(
        "f11-text-dutch-returns",
        "Which orders heading to the Netherlands were sent back?",
        "question",
        "fresh11",
        "filter-text",
        lambda f: f["orders"].filter((truth.status() == "returned") & (pl.col("country") == "NL")),
        note="sent back is status returned ('Returned' too) and orders.country NL",
    ),
    case(
        "f11-text-spanish-cities",
        "custmers livng in sevila or madird",
        "typo",
        "fresh11",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("city").is_in(["Sevilla", "Madrid"])),
        note="customers.city Sevilla (the local spelling of Seville) or Madrid, each stored one way",
    ),
    case(
        "f11-text-electronics-line",
        "hello! could you grab every item in our electronics line? planning a tech sale for next month, ta very much",
        "chatty",
        "fresh11",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "electronic"),
        note="category meaning Electronics (stored one way, 31 products), matched as typed or folded",
    ),
]

DATES = [
    case(
        "f11-date-second-half-2024",
        "orders, h2 of 2024",
        "terse",
        "fresh11",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2024, 7, 1), D(2024, 12, 31))),
        note="order_date from 2024-07-01 to 2024-12-31",
    ),
    case(
        "f11-date-shipped-march-2023",
        "Kindly list all orders dispatched in the month of March 2023.",
        "formal",
        "fresh11",
        "filter-date",
        lambda f: f["orders"].filter((pl.col("ship_date").dt.year() == 2023) & (pl.col("ship_date").dt.month() == 3)),
        note="ship_date (not order_date) in March 2023, whatever the status",
    ),
    case(
        "f11-date-placed-saturday",
        "Which orders did we receive on Saturdays?",
        "question",
        "fresh11",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.weekday() == 6),
        note="order_date falling on a Saturday",
    ),
    case(
        "f11-date-born-after-1990",
        "peple born aftr ninteen-ninety in the custmer list",
        "typo",
        "fresh11",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date") >= D(1991, 1, 1)),
        alternatives=[lambda f: f["customers"].filter(pl.col("birth_date") > D(1990, 1, 1))],
        note="born after the year 1990 (from 1991-01-01), or after its first day; missing birth dates are not a match",
    ),
    case(
        "f11-date-dispatched-before-placed",
        "orders whose dispatch date comes ahead of the day they were placed",
        "paraphrase",
        "fresh11",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date") < pl.col("order_date")),
        note="ship_date earlier than order_date (a data quirk: 25 orders); unshipped orders are not a match",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f11-null-no-phone",
        "hiya, which customers have no phone number on file? want to tidy up the call list before Friday, cheers",
        "chatty",
        "fresh11",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("phone").is_null()),
        note="customers.phone missing (60 rows)",
    ),
    case(
        "f11-null-total-charges-unrecorded",
        "Please identify every subscriber for whom no cumulative charge figure exists.",
        "formal",
        "fresh11",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("total_charges").is_null()),
        note="churn.total_charges missing (79 rows)",
    ),
    case(
        "f11-null-shipped-without-product",
        "Have any shipped orders gone out without a product id attached?",
        "question",
        "fresh11",
        "filter-null",
        lambda f: f["orders"].filter((truth.status() == "shipped") & pl.col("product_id").is_null()),
        note="status meaning shipped ('Shipped' too) and product_id missing: five orders",
    ),
    case(
        "f11-null-consumer-without-city",
        "customers: consumer seg, no city",
        "terse",
        "fresh11",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("city").is_null() & (pl.col("segment") == "consumer")),
        note="customers.city missing and segment consumer",
    ),
    case(
        "f11-bool-test-accounts",
        "onyl the tst acounts from custmers",
        "typo",
        "fresh11",
        "filter-bool",
        lambda f: f["customers"].filter(pl.col("is_test_account")),
        note="is_test_account true (8 rows)",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh11_shape.CASES,
    *cases_fresh11_groups.CASES,
    *cases_fresh11_joins.CASES,
    *cases_fresh11_flows.CASES,
]
