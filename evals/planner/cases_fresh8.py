"""The fresh8 split: requests written blind after tuning on every earlier split, fresh7 included; the filters.

No planner was run on these and none rewords a request of another split. Reshaping is in `cases_fresh8_shape.py`;
aggregates in `cases_fresh8_groups.py`; joins in `cases_fresh8_joins.py`; derived columns, fills, steps in a row,
follow-ups and refusals in `cases_fresh8_flows.py`.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import cases_fresh8_flows, cases_fresh8_groups, cases_fresh8_joins, cases_fresh8_shape, truth
from evals.planner.model import case

D = dt.date


def _in_quarter(column: str, year: int, quarter: int) -> pl.Expr:
    return (pl.col(column).dt.year() == year) & (pl.col(column).dt.quarter() == quarter)


NUMBERS = [
    case(
        "f8-num-quantity-over-100",
        "orders qty > 100",
        "terse",
        "fresh8",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") > 100),
        note="quantity strictly above 100: the ten outliers (250 to 920)",
    ),
    case(
        "f8-num-products-over-1000",
        "Return the products priced above 1,000.",
        "formal",
        "fresh8",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price") > 1000),
        note="products.price above 1,000 (ten rows, the outliers of tens of thousands among them); missing prices"
        " are not above",
    ),
    case(
        "f8-num-monthly-bill-tops-100",
        "subscribers whose monthly bill tops a hundred",
        "paraphrase",
        "fresh8",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("monthly_charges") > 100),
        note="the monthly bill is churn.monthly_charges; tops a hundred is above 100 (151 rows)",
    ),
    case(
        "f8-num-customers-65-plus",
        "Which customers are 65 or older?",
        "question",
        "fresh8",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age") >= 65),
        note="customers.age of 65 and over (428 rows); missing ages are not a match",
    ),
    case(
        "f8-num-income-under-20k",
        "chrun rows with incme under 20000",
        "typo",
        "fresh8",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("income") < 20000),
        note="churn.income strictly below 20,000 (133 rows); missing incomes are not a match",
    ),
    case(
        "f8-num-revenue-over-5k",
        "hey, could you pull the orders where total revenue was over 5k? looking at the big-ticket stuff, thx",
        "chatty",
        "fresh8",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("total_revenue") > 5000),
        note="total_revenue above 5,000 (43 orders), as stored in each order's own currency",
    ),
]

TEXT = [
    case(
        "f8-text-pending-france",
        "orders status pending, country FR",
        "terse",
        "fresh8",
        "filter-text",
        lambda f: f["orders"].filter((truth.status() == "pending") & (pl.col("country") == "FR")),
        note="status meaning pending (any case or spacing) and orders.country FR",
    ),
    case(
        "f8-text-spanish-consumers",
        "Return the customers in the consumer segment who are located in Spain.",
        "formal",
        "fresh8",
        "filter-text",
        lambda f: f["customers"].filter((pl.col("segment") == "consumer") & (truth.customer_country() == "ES")),
        note="segment consumer and customers.country meaning ES ('ES', 'es', 'Spain')",
    ),
    case(
        "f8-text-no-internet",
        "subscribers who don't take any internet package at all",
        "paraphrase",
        "fresh8",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("internet_service") == "none"),
        note="no internet package is internet_service 'none' (442 rows); the column has no missing values",
    ),
    case(
        "f8-text-toy-products",
        "Which products do we sell under toys?",
        "question",
        "fresh8",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "toy"),
        note="category meaning Toys ('Toys', 'toys', 'Toys ' with a trailing space)",
    ),
    case(
        "f8-text-paid-in-dollars",
        "ordrs payed in dollers",
        "typo",
        "fresh8",
        "filter-text",
        lambda f: f["orders"].filter(pl.col("currency") == "USD"),
        note="dollars are currency USD (2,086 orders; the only dollar currency stored)",
    ),
    case(
        "f8-text-email-example-com",
        "hi! can you grab me the customers whose email address ends in @example.com? sorting out test addresses,"
        " cheers",
        "chatty",
        "fresh8",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("email").str.ends_with("@example.com")),
        alternatives=[lambda f: f["customers"].filter(pl.col("email").str.ends_with("example.com"))],
        note="emails ending '@example.com' (502 rows); ending 'example.com' without the @ (517, the"
        " '@post.example.com' ones too) is accepted",
    ),
]

DATES = [
    case(
        "f8-date-q4-2024",
        "orders placed oct-dec 2024",
        "terse",
        "fresh8",
        "filter-date",
        lambda f: f["orders"].filter(_in_quarter("order_date", 2024, 4)),
        note="order_date from 1 October to 31 December 2024",
    ),
    case(
        "f8-date-before-july-2022",
        "Return the orders placed before 1 July 2022.",
        "formal",
        "fresh8",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date") < D(2022, 7, 1)),
        note="order_date strictly before 2022-07-01 (1,455 orders; the data starts on 2022-01-01)",
    ),
    case(
        "f8-date-monday-orders",
        "Did any orders come in on a Monday, and which ones?",
        "question",
        "fresh8",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.weekday() == 1),
        note="order_date falling on a Monday (1,440 orders)",
    ),
    case(
        "f8-date-born-before-1950",
        "custmers whos birth date is befor 1950-01-01",
        "typo",
        "fresh8",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date") < D(1950, 1, 1)),
        note="birth_date before 1 January 1950 (187 rows); no birth date is not a match",
    ),
    case(
        "f8-date-shipped-before-placed",
        "orders that went out the door before they had even been placed",
        "paraphrase",
        "fresh8",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date") < pl.col("order_date")),
        note="ship_date earlier than order_date (25 orders); orders without a ship date are not a match",
    ),
]

GAPS_AND_FLAGS = [
    case(
        "f8-null-products-without-price",
        "hey, which products don't have a price yet? need to chase the merch team about them",
        "chatty",
        "fresh8",
        "filter-null",
        lambda f: f["products"].filter(pl.col("price").is_null()),
        note="products.price missing: five rows",
    ),
    case(
        "f8-null-orders-without-product",
        "Return the orders that have no product_id recorded.",
        "formal",
        "fresh8",
        "filter-null",
        lambda f: f["orders"].filter(pl.col("product_id").is_null()),
        note="orders.product_id missing: 30 rows",
    ),
    case(
        "f8-bool-real-enterprise",
        "Which enterprise customers are real accounts rather than test ones?",
        "question",
        "fresh8",
        "filter-bool",
        lambda f: f["customers"].filter((pl.col("segment") == "enterprise") & ~pl.col("is_test_account")),
        note="segment enterprise and is_test_account false",
    ),
    case(
        "f8-null-customers-no-age",
        "customers where age is null",
        "terse",
        "fresh8",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("age").is_null()),
        note="customers.age missing: 194 rows",
    ),
    case(
        "f8-bool-train-stayed",
        "subscirbers in the train split that havent churnd",
        "typo",
        "fresh8",
        "filter-bool",
        lambda f: f["churn"].filter((pl.col("split") == "train") & (pl.col("churned") == 0)),
        note="split train and churned = 0",
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *DATES,
    *GAPS_AND_FLAGS,
    *cases_fresh8_shape.CASES,
    *cases_fresh8_groups.CASES,
    *cases_fresh8_joins.CASES,
    *cases_fresh8_flows.CASES,
]
