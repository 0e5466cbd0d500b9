"""The offline planner on new columns said in few words: a period named by its column ('add ship_month'), and a
true/false column said with its test ('add a column that flags ..., call it x')."""

from __future__ import annotations

from typing import Any

import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, demo, plan_steps

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _derived(dataset: str, columns: dict[str, str]) -> list[dict[str, Any]]:
    return [{"kind": "source", "dataset": dataset}, {"kind": "derive", "columns": columns}]


NAMED_PERIODS = [
    ("orders: add ship_month", "orders", {"ship_month": "month(ship_date)"}),
    ("orders: add order_year", "orders", {"order_year": "year(order_date)"}),
    ("customers, add birth_month", "customers", {"birth_month": "month(birth_date)"}),
    ("add a new column signup_year to customers", "customers", {"signup_year": "year(to_date(signup_date))"}),
    ("add order_week to orders", "orders", {"order_week": "week(order_date)"}),
    ("orders + order_quarter", "orders", {"order_quarter": "quarter(order_date)"}),
]


@pytest.mark.parametrize(("request_text", "dataset", "columns"), NAMED_PERIODS, ids=[c[0] for c in NAMED_PERIODS])
def test_a_new_column_named_for_a_date_and_a_period_is_that_period_of_the_date(
    request_text: str, dataset: str, columns: dict[str, str], demo: Demo
) -> None:
    assert plan_steps(request_text, demo) == _derived(dataset, columns)


def test_a_period_name_of_no_date_column_is_not_guessed(demo: Demo) -> None:
    planned = draft("add foo_month to orders", demo.catalog)
    assert planned.definition is None
    assert planned.not_understood


WEEKEND = "((day_of_week(order_date) = 6 or day_of_week(order_date) = 7))"
FLAGS = [
    (
        "could you add a column to churn that flags anyone paying more than 100 a month? call it high_spender",
        "churn",
        {"high_spender": "monthly_charges > 100"},
    ),
    (
        "Can you add an is_weekend column to orders saying whether the order was placed on a Saturday or Sunday?",
        "orders",
        {"is_weekend": WEEKEND},
    ),
    (
        "add a column named big_order to orders that marks orders with quantity above 10",
        "orders",
        {"big_order": "quantity > 10"},
    ),
    ("add a flag column senior to customers that is true for people over 65", "customers", {"senior": "age > 65"}),
    ("orders: add a column that marks rows with quantity over 5, named bulk", "orders", {"bulk": "quantity > 5"}),
    ("flag orders from germany as german_order", "orders", {"german_order": "country = 'DE'"}),
    (
        "mark churn rows on a two-year contract as long_contract",
        "churn",
        {"long_contract": "lower(trim(contract)) in ('two-year', '2 year')"},
    ),
    ("label orders with quantity over 5 as bulk", "orders", {"bulk": "quantity > 5"}),
    (
        "flag orders with revenue over 2 times the unit price as odd",
        "orders",
        {"odd": "total_revenue > 2 * unit_price"},
    ),
    ("add a column is_big to orders flagging orders with quantity over 10", "orders", {"is_big": "quantity > 10"}),
    (
        "orders: add is_late, true when the ship date is after 2024-06-01",
        "orders",
        {"is_late": "ship_date >= '2024-06-02'"},
    ),
    (
        "customers: add a true/false column is_german for whether the customer is from germany",
        "customers",
        {"is_german": "lower(trim(country)) in ('de', 'deutschland', 'germany', 'deu')"},
    ),
]


@pytest.mark.parametrize(("request_text", "dataset", "columns"), FLAGS, ids=[c[0] for c in FLAGS])
def test_a_column_that_flags_rows_is_their_test_and_keeps_every_row(
    request_text: str, dataset: str, columns: dict[str, str], demo: Demo
) -> None:
    assert plan_steps(request_text, demo) == _derived(dataset, columns)


def test_a_flag_column_without_a_name_is_not_guessed(demo: Demo) -> None:
    planned = draft("add a column to orders that flags orders with quantity over 5", demo.catalog)
    assert planned.not_understood
    assert planned.definition is None or all(n["kind"] != "filter" for n in planned.definition["nodes"])


BANDS = [
    (
        "add a colum age_band to custmers: 'under 30', '30-60' or 'over 60'",
        "customers",
        "age_band",
        "case when age < 30 then 'under 30' when age >= 30 and age <= 60 then '30-60' when age > 60 then 'over 60' end",
    ),
    (
        "customers: add age_group with '<18', '18-64', '65+'",
        "customers",
        "age_group",
        "case when age < 18 then '<18' when age >= 18 and age <= 64 then '18-64' when age >= 65 then '65+' end",
    ),
    (
        "add age_band to customers with bands 'under 30', '30-60' and 'over 60'",
        "customers",
        "age_band",
        "case when age < 30 then 'under 30' when age >= 30 and age <= 60 then '30-60' when age > 60 then 'over 60' end",
    ),
    (
        "products: add a price_band column: 'under 20', '20 to 100', 'over 100'",
        "products",
        "price_band",
        "case when price < 20 then 'under 20' when price >= 20 and price <= 100 then '20 to 100'"
        " when price > 100 then 'over 100' end",
    ),
]


@pytest.mark.parametrize(("request_text", "dataset", "name", "expression"), BANDS, ids=[c[0] for c in BANDS])
def test_band_labels_say_their_own_bounds_of_the_number_the_name_is_about(
    request_text: str, dataset: str, name: str, expression: str, demo: Demo
) -> None:
    assert plan_steps(request_text, demo) == _derived(dataset, {name: expression})


def test_bands_of_no_number_are_not_guessed(demo: Demo) -> None:
    planned = draft("add a column tier to products: 'cheap', 'dear'", demo.catalog)
    assert planned.definition is None
    assert planned.not_understood


GIVEN_NAMES = [
    "each customer's given name as an extra column",
    "customers with their given name",
    "customers: add the given name",
]


@pytest.mark.parametrize("request_text", GIVEN_NAMES)
def test_a_given_name_is_the_first_word_of_the_name_not_a_name_given_to_us(request_text: str, demo: Demo) -> None:
    assert plan_steps(request_text, demo) == _derived("customers", {"first_name": "split_part(trim(name), ' ', 1)"})


FAMILY_NAMES = [
    "split off the last name of each customer into a new column",
    "pull out the surname of every customer into its own column",
    "customers with their family name",
    "add the last name of each customer as a new column",
]


@pytest.mark.parametrize("request_text", FAMILY_NAMES)
def test_a_family_name_is_the_last_word_of_the_name(request_text: str, demo: Demo) -> None:
    assert plan_steps(request_text, demo) == _derived("customers", {"last_name": "split_part(trim(name), ' ', -1)"})


def test_a_last_name_of_rows_that_are_no_people_is_not_guessed(demo: Demo) -> None:
    assert draft("add the last name of each product", demo.catalog).not_understood


def test_a_phone_number_given_to_us_is_one_on_file(demo: Demo) -> None:
    assert plan_steps("customers who have given a phone number", demo) == [
        {"kind": "source", "dataset": "customers"},
        {"kind": "filter", "condition": "phone is not null"},
    ]


def test_a_flag_is_computed_before_the_steps_said_after_it(demo: Demo) -> None:
    assert plan_steps("flag orders with revenue over 1000 as big_order and sort by revenue", demo) == [
        *_derived("orders", {"big_order": "total_revenue > 1000"}),
        {"kind": "sort", "by": [{"column": "total_revenue", "descending": False}]},
    ]


BARE_BOUNDS = [
    (
        "add an age_group column to customers: 'young' under 30, 'old' otherwise",
        "customers",
        {"age_group": "case when age < 30 then 'young' else 'old' end"},
    ),
    (
        "products: add a price_tier column, 'premium' over 100 and 'standard' otherwise",
        "products",
        {"price_tier": "case when price > 100 then 'premium' else 'standard' end"},
    ),
    (
        "customers: add age_group with 'senior' at least 65, else 'adult'",
        "customers",
        {"age_group": "case when age >= 65 then 'senior' else 'adult' end"},
    ),
    # a bound in a span ('12 months', '2 years') is in the column's own unit, and 'to churn' names the rows
    (
        "Can you add a tenure_band column to churn: 'new' under 12 months, 'established' otherwise?",
        "churn",
        {"tenure_band": "case when tenure_months < 12 then 'new' else 'established' end"},
    ),
    (
        "add tenure_band to churn: 'long' for 2 years or more, 'short' otherwise",
        "churn",
        {"tenure_band": "case when tenure_months >= 24 then 'long' else 'short' end"},
    ),
    (
        "add a column loyalty to churn: 'veteran' when tenure is over 3 years, else 'recent'",
        "churn",
        {"loyalty": "case when tenure_months > 36 then 'veteran' else 'recent' end"},
    ),
]


JOINED_TEXTS = [
    (
        "Add a column label to products that joins the product_id and name with ' - ' between them.",
        "products",
        {"label": "concat(product_id, ' - ', name)"},
    ),
    (
        "add a column place to customers that combines city and country separated by a comma",
        "customers",
        {"place": "concat(city, ', ', country)"},
    ),
    (
        "customers: add full_label, name and city joined with ' / '",
        "customers",
        {"full_label": "concat(name, ' / ', city)"},
    ),
    (
        "add a column tag to orders that joins order_id and status with a space",
        "orders",
        {"tag": "concat(order_id, ' ', status)"},
    ),
]


@pytest.mark.parametrize(("request_text", "dataset", "columns"), JOINED_TEXTS, ids=[c[0] for c in JOINED_TEXTS])
def test_two_columns_joined_by_a_separator_are_written_one_after_the_other(
    request_text: str, dataset: str, columns: dict[str, str], demo: Demo
) -> None:
    assert plan_steps(request_text, demo) == _derived(dataset, columns)


def test_two_columns_joined_with_no_separator_said_are_not_guessed(demo: Demo) -> None:
    assert draft("add a column label that joins product_id and name", demo.catalog).not_understood


def test_a_span_bound_of_a_number_that_counts_no_span_is_not_guessed(demo: Demo) -> None:
    assert draft(
        "add a column size to orders: 'big' if quantity over 3 months, else 'small'", demo.catalog
    ).not_understood


@pytest.mark.parametrize(("request_text", "dataset", "columns"), BARE_BOUNDS, ids=[c[0] for c in BARE_BOUNDS])
def test_a_label_may_be_followed_by_its_bound_alone(
    request_text: str, dataset: str, columns: dict[str, str], demo: Demo
) -> None:
    assert plan_steps(request_text, demo) == _derived(dataset, columns)


YEAR_2024 = "(order_date >= '2024-01-01' and order_date < '2025-01-01')"
FLAG_THEN_STEP = [
    (
        "add a column big to orders that flags orders with quantity over 10, then keep orders from 2024",
        {"big": "quantity > 10"},
        {"kind": "filter", "condition": YEAR_2024},
    ),
    (
        "add a column big to orders that flags orders with quantity over 10 and keep those from 2024",
        {"big": "quantity > 10"},
        {"kind": "filter", "condition": YEAR_2024},
    ),
    (
        "add is_late, true when ship date is after 2024-06-01, and keep orders from germany",
        {"is_late": "ship_date >= '2024-06-02'"},
        {"kind": "filter", "condition": "country = 'DE'"},
    ),
]


@pytest.mark.parametrize(("request_text", "columns", "step"), FLAG_THEN_STEP, ids=[c[0] for c in FLAG_THEN_STEP])
def test_a_step_said_after_a_flag_is_no_part_of_its_test(
    request_text: str, columns: dict[str, str], step: dict[str, Any], demo: Demo
) -> None:
    assert plan_steps(request_text, demo) == [*_derived("orders", columns), step]


def test_a_flag_of_values_listed_with_commas_holds_them_all(demo: Demo) -> None:
    request = "add a column in_emea to orders that flags orders from germany, france or spain"
    assert plan_steps(request, demo) == _derived("orders", {"in_emea": "country in ('DE', 'FR', 'ES')"})
