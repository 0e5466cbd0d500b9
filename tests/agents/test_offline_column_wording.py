"""Columns to show said in everyday words: a flag named in a list of columns is shown, not tested; a column
described by a clause ('whether they churned', 'how long they have been with us'); a key by the role its name ends
in ('their reference')."""

from __future__ import annotations

from pathlib import Path

import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo

__all__ = ["demo"]  # the fixture, shared with the row-test module

SHOWN: list[tuple[str, list[str]]] = [
    ("show customer_ref, tenure_months and churned for each subscriber", ["customer_ref", "tenure_months", "churned"]),
    ("subscribers: customer_ref, tenure, churned", ["customer_ref", "tenure_months", "churned"]),
    ("churned, customer_ref and region", ["churned", "customer_ref", "region"]),
    ("customer_ref and whether they churned", ["customer_ref", "churned"]),
    ("each subscriber's region and whether or not they churned", ["region", "churned"]),
    ("for each subscriber, whether they churned", ["churned"]),
    (
        "for each subscriber just their reference, how long they've been with us and whether they left",
        ["customer_ref", "tenure_months", "churned"],
    ),
    ("subscribers: reference, how long they have been with us", ["customer_ref", "tenure_months"]),
    ("just each subscriber's ref and tenure", ["customer_ref", "tenure_months"]),
    # columns said by what they hold, and a count of them that must match
    ("subscribers: the customer ref, how they pay and what kind of contract they have",
     ["customer_ref", "payment_method", "contract"]),
    ("just three things from churn: customer_ref, how they pay and what kind of internet they have",
     ["customer_ref", "payment_method", "internet_service"]),
    ("just three things from orders: when each one shipped, how much it was worth and which country it went to",
     ["ship_date", "total_revenue", "country"]),
    ("orders: the order id, how much it was worth and which country it went to",
     ["order_id", "total_revenue", "country"]),
    ("just three things from orders: ship date, revenue and country", ["ship_date", "total_revenue", "country"]),
    ("orders: the order id, when it shipped and where it went", ["order_id", "ship_date", "country"]),
    ("products: name, what it costs and which category it is in", ["name", "price", "category"]),
    ("customers: name and which city they live in", ["name", "city"]),
    # a column's name typed with a slip in one of its parts
    ("show churn custmer_ref and tenure_montsh only", ["customer_ref", "tenure_months"]),
    ("orders: ordr_id, totl_revenue", ["order_id", "total_revenue"]),
    # the list closing its clause, then a narrowing back to it
    ("for the customers table I only need the name, the city and the email, could you trim it to those?",
     ["name", "city", "email"]),
    ("for orders I just want the order_id and the status, please cut it down to those", ["order_id", "status"]),
    ("in products I need the id and the price.", ["product_id", "price"]),
    # terse: the columns listed with nothing between them, then 'only'
    ("customers name email city only", ["name", "email", "city"]),
    ("orders status quantity only", ["status", "quantity"]),
    ("orders quantity unit_price columns only", ["quantity", "unit_price"]),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "columns"), SHOWN, ids=[s[0] for s in SHOWN])
def test_columns_said_in_words_are_shown_for_every_row(
    request_text: str, columns: list[str], demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    assert output.columns == columns
    dataset = planned.definition["nodes"][0]["dataset"]  # type: ignore[index]
    assert output.height == demo.frames[dataset].height  # a flag in the list is shown, no row is tested away
    assert [n["kind"] for n in planned.definition["nodes"]] == ["source", "select"]  # type: ignore[index]


TESTED: list[tuple[str, int]] = [
    ("churned subscribers", 1),
    ("subscribers who churned, their customer_ref, churned and region", 1),
    ("subscribers that did not churn: customer_ref, churned", 0),
]


def test_a_count_of_columns_that_does_not_match_the_list_is_said(demo: Demo) -> None:
    planned = draft("two things from customers: name and email and age", demo.catalog)
    assert any("columns were read" in part for part in planned.not_understood)


@pytest.mark.parametrize(("request_text", "value"), TESTED, ids=[t[0] for t in TESTED])
def test_a_flag_said_of_the_rows_still_tests_them(request_text: str, value: int, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    churn = demo.frames["churn"]
    assert output.height == churn.filter(churn["churned"] == value).height
    assert set(output["churned"].to_list()) == {value}


def test_columns_closing_a_request_after_its_tests_are_the_ones_shown(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders over 500, just order_id and total_revenue", demo, tmp_path)
    orders = demo.frames["orders"]
    assert output.columns == ["order_id", "total_revenue"]
    assert output.height == orders.filter(orders["total_revenue"] > 500).height


def test_columns_closing_a_request_after_its_order_are_the_ones_shown(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("products: name, price and category, cheapest first", demo, tmp_path)
    assert output.columns == ["name", "price", "category"]
    prices = [p for p in output["price"].to_list() if p is not None]
    assert prices == sorted(prices)


def test_their_columns_after_a_test_are_shown(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("customers who are test accounts and their email", demo, tmp_path)
    customers = demo.frames["customers"]
    assert output.columns == ["email"]
    assert output.height == customers.filter(customers["is_test_account"]).height


def test_a_flag_described_with_an_article_is_shown(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("name, email and whether it is a test account for each customer", demo, tmp_path)
    assert output.columns == ["name", "email", "is_test_account"]
    assert output.height == demo.frames["customers"].height


def test_their_own_columns_said_with_the_rows_keep_every_column(demo: Demo, tmp_path: Path) -> None:
    planned, output = answer(
        "I need a list of the subscribers who churned, ideally with their monthly charges", demo, tmp_path
    )
    churn = demo.frames["churn"]
    assert output.columns == churn.columns
    assert output.height == churn.filter(churn["churned"] == 1).height
    assert any("monthly_charges" in a for a in planned.assumptions)


def test_their_own_columns_join_the_columns_picked(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("names of customers in Berlin with their email", demo, tmp_path)
    customers = demo.frames["customers"]
    assert output.columns == ["name", "email"]
    assert output.height == customers.filter(customers["city"] == "Berlin").height


def test_with_their_column_after_a_test_is_no_test_of_presence(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders over 1000 with their quantity", demo, tmp_path)
    orders = demo.frames["orders"]
    assert output.height == orders.filter(orders["total_revenue"] > 1000).height  # rows without a quantity stay


def test_a_column_said_by_a_clause_after_with_is_shown_not_tested(demo: Demo, tmp_path: Path) -> None:
    planned, output = answer("list subscribers with how old they are and their contract", demo, tmp_path)
    assert output.height == demo.frames["churn"].height  # rows without an age stay: no test of presence
    assert {"age", "contract"} <= set(output.columns)
    assert all(n["kind"] != "filter" for n in planned.definition["nodes"])  # type: ignore[index]
