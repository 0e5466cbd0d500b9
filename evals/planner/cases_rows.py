"""Cases that keep some rows: numbers, text values (as people name them), dates, missing values and flags."""

from __future__ import annotations

import datetime as dt

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case

D = dt.date


def _signup_2024(f: Frames) -> pl.DataFrame:
    return f["customers"].filter(truth.signup_day().dt.year() == 2024)


def _iso_signup_2024(f: Frames) -> pl.DataFrame:
    return f["customers"].filter(truth.iso_signup_day().dt.year() == 2024)


def _firma_emails(f: Frames) -> pl.DataFrame:
    return f["customers"].filter(pl.col("email").str.to_lowercase().str.ends_with("@firma.example.de"))


NUMBERS = [
    case(
        "num-revenue-over-500",
        "orders with total_revenue > 500",
        "terse",
        "test",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("total_revenue") > 500),
    ),
    case(
        "num-quantity-at-least-3",
        "Hey! Could you pull up all the orders where somebody bought 3 or more items at once? Thanks a lot",
        "chatty",
        "dev",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") >= 3),
    ),
    case(
        "num-price-between",
        "Please list the products whose price is between 20 and 50, inclusive.",
        "formal",
        "dev",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price").is_between(20, 50)),
    ),
    case(
        "num-support-calls",
        "subscribers in the churn tabel with more then 5 suport calls",
        "typo",
        "test",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("support_calls") > 5),
    ),
    case(
        "num-negative-quantity",
        "Which orders have a negative quantity?",
        "question",
        "dev",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") < 0),
    ),
    case(
        "num-cheap-plans",
        "churn subscribers paying less than 30 a month",
        "paraphrase",
        "test",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("monthly_charges") < 30),
    ),
    case(
        "num-customers-over-65",
        "customers older than 65",
        "paraphrase",
        "test",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age") > 65),
    ),
]

TEXT = [
    case(
        "text-orders-germany",
        "orders from Germany",
        "paraphrase",
        "dev",
        "filter-text",
        lambda f: f["orders"].filter(pl.col("country") == "DE"),
        note="orders.country holds ISO codes",
    ),
    case(
        "text-orders-uk-france",
        "all orders from the UK or France",
        "paraphrase",
        "test",
        "filter-text",
        lambda f: f["orders"].filter(pl.col("country").is_in(["GB", "FR"])),
    ),
    case(
        "text-enterprise",
        "enterprise customers",
        "terse",
        "test",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("segment") == "enterprise"),
    ),
    case(
        "text-customers-germany",
        "customers in Germany",
        "paraphrase",
        "test",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "DE"),
        note="customers.country mixes codes with 'Germany', 'Deutschland', 'de', 'DE ' (all in the top values)",
    ),
    case(
        "text-delivered",
        "I only care about delivered orders, can you filter to those?",
        "chatty",
        "dev",
        "filter-text",
        lambda f: f["orders"].filter(truth.status() == "delivered"),
        note="status also holds 'Delivered', 'DELIVERED' and 'delivred' (all in the top values)",
    ),
    case(
        "text-cancelled",
        "cancelld orders",
        "typo",
        "test",
        "filter-text",
        lambda f: f["orders"].filter(truth.status() == "cancelled"),
        note="'canceled' is stored too",
    ),
    case(
        "text-credit-card",
        "churn customers who pay by card",
        "paraphrase",
        "test",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("payment_method") == "credit card"),
    ),
    case(
        "text-fibre",
        "fibre internet subscribers",
        "terse",
        "dev",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("internet_service") == "fiber"),
    ),
    case(
        "text-munich",
        "customers living in Munich",
        "paraphrase",
        "dev",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("city") == "München"),
        note="stored under its German name",
    ),
    case(
        "text-email-domain",
        "Which customers have an email address at firma.example.de?",
        "question",
        "test",
        "filter-text",
        _firma_emails,
        alternatives=[lambda f: f["customers"].filter(pl.col("email").str.ends_with("@firma.example.de"))],
        note="domains are case-insensitive and a few emails are upper case; the catalog cannot show it",
    ),
    case(
        "text-month-to-month",
        "Can you show me everyone in the churn data on a month to month contract?",
        "chatty",
        "test",
        "filter-text",
        lambda f: f["churn"].filter(truth.contract() == "month-to-month"),
        note="'M2M', 'Month-to-month' and 'month to month' are stored too",
    ),
    case(
        "text-garden",
        "garden prodcuts",
        "typo",
        "test",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "garden"),
        note="'Gardens' and 'GARDEN' are stored too",
    ),
    case(
        "text-euro",
        "Which orders were paid in euros?",
        "question",
        "dev",
        "filter-text",
        lambda f: f["orders"].filter(truth.currency() == "EUR"),
        note="'eur', 'Euro' and '€' are stored too",
    ),
]

DATES = [
    case(
        "date-orders-2024",
        "orders in 2024",
        "terse",
        "dev",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.year() == 2024),
    ),
    case(
        "date-since-march-2023",
        "could you get me every order placed since March 2023?",
        "chatty",
        "test",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date") >= D(2023, 3, 1)),
    ),
    case(
        "date-before-june-2022",
        "Return all orders dated before 2022-06-01.",
        "formal",
        "test",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date") < D(2022, 6, 1)),
    ),
    case(
        "date-q1-2024",
        "orders from the first quarter of 2024",
        "paraphrase",
        "test",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").is_between(D(2024, 1, 1), D(2024, 3, 31))),
    ),
    case(
        "date-after-june-2025",
        "are there any orders dated after the end of June 2025? show me them",
        "question",
        "test",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date") > D(2025, 6, 30)),
    ),
    case(
        "date-signup-2024",
        "show me the customers that signed up in 2024 please",
        "chatty",
        "dev",
        "filter-date",
        _signup_2024,
        alternatives=[_iso_signup_2024],
        note="signup_date is text: mostly YYYY-MM-DD, 50 rows DD/MM/YYYY, 'Month D, YYYY' or Y.M.D",
    ),
    case(
        "date-born-before-1950",
        "custmers born befor 1950",
        "typo",
        "dev",
        "filter-date",
        lambda f: f["customers"].filter(pl.col("birth_date") < D(1950, 1, 1)),
    ),
    case(
        "date-same-day-shipping",
        "Which orders shipped on the same day they were ordered?",
        "question",
        "test",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("ship_date") == pl.col("order_date")),
    ),
    case(
        "date-december",
        "orders placed in December, any year",
        "paraphrase",
        "dev",
        "filter-date",
        lambda f: f["orders"].filter(pl.col("order_date").dt.month() == 12),
    ),
]

NULLS_AND_FLAGS = [
    case(
        "null-no-phone",
        "customers without a phone number",
        "paraphrase",
        "dev",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("phone").is_null()),
    ),
    case(
        "null-not-shipped",
        "Which orders have no ship date yet?",
        "question",
        "dev",
        "filter-null",
        lambda f: f["orders"].filter(pl.col("ship_date").is_null()),
    ),
    case(
        "null-price-missing",
        "products missing a price",
        "terse",
        "test",
        "filter-null",
        lambda f: f["products"].filter(pl.col("price").is_null()),
    ),
    case(
        "null-income-known",
        "Retrieve the churn records where income is known.",
        "formal",
        "test",
        "filter-null",
        lambda f: f["churn"].filter(pl.col("income").is_not_null()),
    ),
    case(
        "null-no-city",
        "cusotmers with no city",
        "typo",
        "dev",
        "filter-null",
        lambda f: f["customers"].filter(pl.col("city").is_null()),
    ),
    case(
        "bool-test-accounts",
        "which customers are test accounts?",
        "question",
        "dev",
        "filter-bool",
        lambda f: f["customers"].filter(pl.col("is_test_account")),
    ),
    case(
        "bool-real-customers",
        "please get rid of the test accounts in customers, I only want real people",
        "chatty",
        "test",
        "filter-bool",
        lambda f: f["customers"].filter(~pl.col("is_test_account")),
    ),
    case(
        "bool-churned",
        "churned subscribers",
        "terse",
        "test",
        "filter-bool",
        lambda f: f["churn"].filter(pl.col("churned") == 1),
        note="churned is 0/1",
    ),
    case(
        "bool-train-stayed",
        "Provide the training-split records of subscribers who did not churn.",
        "formal",
        "dev",
        "filter-bool",
        lambda f: f["churn"].filter((pl.col("split") == "train") & (pl.col("churned") == 0)),
    ),
]

CASES = [*NUMBERS, *TEXT, *DATES, *NULLS_AND_FLAGS]
