"""The offline planner on columns of another dataset said in everyday words: 'the buyer's name and how old they
are', 'the product's price from the catalogue'."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, plan_steps, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _looked_up(base: str, other: str, key: str, columns: list[str]) -> list[dict[str, Any]]:
    """The base's rows with `columns` of `other` brought by `key` (a left join)."""
    return [
        {"kind": "source", "dataset": base},
        {"kind": "source", "dataset": other},
        {"kind": "select", "columns": [key, *columns]},
        {"kind": "join", "how": "left", "on": [key]},
    ]


AGES = [
    ("each order alongside the buyer's name and how old they are", ["name", "age"]),
    ("orders with the customer's name and how old they are", ["name", "age"]),
    ("orders next to the client's email and how old they are", ["email", "age"]),
]


@pytest.mark.parametrize(("request_text", "columns"), AGES, ids=[c[0] for c in AGES])
def test_how_old_they_are_is_the_age_of_the_rows_people(request_text: str, columns: list[str], demo: Demo) -> None:
    assert plan_steps(request_text, demo) == _looked_up("orders", "customers", "customer_id", columns)


def test_how_old_each_row_is_is_its_own_age(demo: Demo) -> None:
    assert plan_steps("customers: name and how old each customer is", demo) == [
        {"kind": "source", "dataset": "customers"},
        {"kind": "select", "columns": ["name", "age"]},
    ]


CATALOGUE = [
    (
        "for each order could you pull in the product's price from the catalogue? want to compare it to the unit price",
        "price",
    ),
    ("orders with the category from the product catalog", "category"),
    ("orders with the price from the catalogue", "price"),
]


@pytest.mark.parametrize(("request_text", "column"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_the_catalogue_is_where_the_products_columns_come_from(request_text: str, column: str, demo: Demo) -> None:
    assert plan_steps(request_text, demo) == _looked_up("orders", "products", "product_id", [column])


def test_a_column_no_catalogue_holds_is_not_taken_from_it(demo: Demo) -> None:
    assert "catalogue" in draft("orders with the country from the catalogue", demo.catalog).not_understood


def test_a_reason_naming_a_column_the_summary_does_not_keep_is_said(demo: Demo) -> None:
    planned = draft("total revenue per country, want to compare it to the unit price", demo.catalog)
    assert planned.not_understood


def _picked_by(condition: str) -> list[dict[str, Any]]:
    """The orders whose customer passes `condition` (a semi join, each order once)."""
    return [
        {"kind": "source", "dataset": "orders"},
        {"kind": "source", "dataset": "customers"},
        {"kind": "filter", "condition": condition},
        {"kind": "select", "columns": ["customer_id"]},
        {"kind": "join", "how": "semi", "on": ["customer_id"]},
    ]


PEOPLE_TESTS = [
    ("ordres from custmers under 30", "age < 30"),
    ("orders of clients over 65", "age > 65"),
    ("orders from customers aged under 30", "age < 30"),
    ("orders from customers whose age is under 30", "age < 30"),
    ("orders from customers with age under 30", "age < 30"),
    ("orders placed by people who are under 25", "age < 25"),
    ("purchases by people over 65", "age > 65"),
    ("orders from customers who are over 70", "age > 70"),
    ("sales made by folks that are under 40", "age < 40"),
    # 'people who signed up': the verb of the people's own date
    (
        "orders by people who signed up in 2023",
        "(to_date(signup_date) >= '2023-01-01' and to_date(signup_date) < '2024-01-01')",
    ),
    ("purchases made by people who signed up before 2020", "to_date(signup_date) < '2020-01-01'"),
    ("orders placed by people who joined before 2021", "to_date(signup_date) < '2021-01-01'"),
]


@pytest.mark.parametrize(("request_text", "condition"), PEOPLE_TESTS, ids=[c[0] for c in PEOPLE_TESTS])
def test_a_test_said_of_the_customers_picks_the_orders_of_those_customers(
    request_text: str, condition: str, demo: Demo
) -> None:
    assert plan_steps(request_text, demo) == _picked_by(condition)


def _one_customers_orders(f: Frames) -> pl.DataFrame:
    orders = f["orders"].filter(pl.col("customer_id") == 42)
    return orders.join(f["products"].select("product_id", "name"), on="product_id", how="left").select("name")


ONE_BY_KEY = [
    "What did customer 42 order? Show the product names.",
    "orders of customer 42 with the product names",
    "orders from customer 42, show the product names",
]


@pytest.mark.parametrize("request_text", ONE_BY_KEY)
def test_a_dataset_word_and_a_number_is_the_one_row_its_key_names(
    request_text: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, _one_customers_orders(demo.frames))


def test_a_plural_before_a_number_is_no_key(demo: Demo) -> None:
    planned = draft("orders of customers 18 or older", demo.catalog)
    assert planned.definition is not None and "customer_id = 18" not in str(planned.definition)


AGELESS_PEOPLE = ["products bought by people over 60", "products people under 30 bought"]


@pytest.mark.parametrize("request_text", AGELESS_PEOPLE)
def test_an_age_of_people_the_rows_do_not_hold_is_no_test_of_their_amount(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.definition is None and planned.not_understood, planned.definition


UNITS = [
    "hey, could you work out how many units we've sold in each product category?",
    "how many units were sold per category",
    "how many items we sold in each category",
]


@pytest.mark.parametrize("request_text", UNITS)
def test_how_many_units_per_category_sums_the_orders_quantity_by_the_products_category(
    request_text: str, demo: Demo
) -> None:
    steps = plan_steps(request_text, demo)
    assert steps[:4] == _looked_up("orders", "products", "product_id", ["category"])
    assert steps[-1] == {
        "kind": "aggregate",
        "group_by": ["category"],
        "aggregations": [{"function": "sum", "column": "quantity"}],
    }


def _buyers_of(condition: str, aggregation: dict[str, Any]) -> list[dict[str, Any]]:
    """One summary over the customers with an order of a product that passes `condition` (two semi joins)."""
    return [
        {"kind": "source", "dataset": "customers"},
        {"kind": "source", "dataset": "products"},
        {"kind": "filter", "condition": condition},
        {"kind": "select", "columns": ["product_id"]},
        {"kind": "source", "dataset": "orders"},
        {"kind": "join", "how": "semi", "on": ["product_id"]},
        {"kind": "select", "columns": ["customer_id"]},
        {"kind": "join", "how": "semi", "on": ["customer_id"]},
        {"kind": "aggregate", "group_by": [], "aggregations": [aggregation]},
    ]


BUYERS = [
    ("What's the average age of the customers who've bought electronics?", "lower(trim(category)) = 'electronics'"),
    ("average age of customers who bought garden products", "lower(trim(category)) in ('garden', 'gardens')"),
    ("mean age of the clients that purchased toys", "lower(trim(category)) = 'toys'"),
]


@pytest.mark.parametrize(("request_text", "condition"), BUYERS, ids=[c[0] for c in BUYERS])
def test_a_summary_of_the_customers_who_bought_a_kind_of_product_counts_each_customer_once(
    request_text: str, condition: str, demo: Demo
) -> None:
    assert plan_steps(request_text, demo) == _buyers_of(condition, {"function": "mean", "column": "age"})


LISTED = [
    ("show every order with the shopper's email and age", ["email", "age"]),
    ("every order, plus the client's email and age", ["email", "age"]),
    ("orders, add the buyer's segment and age", ["segment", "age"]),
    ("orders, add the buyer's city, segment and age", ["city", "segment", "age"]),
    ("orders with the buyer's email, city and segment", ["email", "city", "segment"]),
]


@pytest.mark.parametrize(("request_text", "columns"), LISTED, ids=[c[0] for c in LISTED])
def test_every_column_listed_after_the_buyers_is_the_buyers(request_text: str, columns: list[str], demo: Demo) -> None:
    assert plan_steps(request_text, demo) == _looked_up("orders", "customers", "customer_id", columns)


def test_a_listed_column_the_rows_share_is_the_buyers_under_its_own_name(demo: Demo) -> None:
    steps = plan_steps("orders, add the buyer's city and country", demo)
    assert steps[2:4] == [
        {"kind": "select", "columns": ["customer_id", "city", "country"]},
        {"kind": "rename", "columns": {"country": "customer_country"}},
    ]


JOINED_FOR = [
    # the join said with a verb, then only the columns it is for: 'for name/category', 'to get the email'
    ("orders merged with products for name and category", "orders", "products", "product_id", ["name", "category"]),
    ("join orders with products to get name and category", "orders", "products", "product_id", ["name", "category"]),
    ("join the orders to products for category", "orders", "products", "product_id", ["category"]),
    ("orders linked to products for price/weight", "orders", "products", "product_id", ["price", "weight"]),
    # columns attached to the rows said after 'to': 'to their orders', 'onto each order'
    ("add every customer's email to their orders", "orders", "customers", "customer_id", ["email"]),
    ("attach the customer email to orders", "orders", "customers", "customer_id", ["email"]),
    ("attach every customer's phone to their orders", "orders", "customers", "customer_id", ["phone"]),
]


@pytest.mark.parametrize(
    ("request_text", "base", "other", "key", "columns"), JOINED_FOR, ids=[c[0] for c in JOINED_FOR]
)
def test_a_join_for_named_columns_brings_only_those_columns(
    request_text: str, base: str, other: str, key: str, columns: list[str], demo: Demo
) -> None:
    assert plan_steps(request_text, demo) == _looked_up(base, other, key, columns)


def test_a_join_for_columns_the_other_dataset_lacks_is_not_a_lookup_of_them(demo: Demo) -> None:
    planned = draft("orders joined to products for the signup date", demo.catalog)
    assert any("signup date" in word for word in planned.not_understood), planned.not_understood
