"""The offline planner on fresh13's summaries, joins and follow-ups, each family said many ways: a measure 'per
order' beside the groups of a joined table (per row of the base, never one group per order); a summary 'over the
entire churn dataset'; 'country x status' crossing two groups; orders that 'went to each country'; 'new' accounts
'opened' per calendar year; and a value 'logged' after 'with a'. Each wording runs on the demo data and gives the
rows of a plain wording (or of polars itself); each family also holds wordings that must stay not understood."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _same_as(request: str, plain: str, demo: Demo, work: Path) -> pl.DataFrame:
    """The rows `request` gives on the demo data, checked to be those of the plainer wording `plain`."""
    _, said = answer(request, demo, work)
    _, expected = answer(plain, demo, work)
    assert_frame_equal(said, expected, check_row_order=False, check_dtypes=False)
    return said


def _turns(turns: list[str], demo: Demo, work: Path) -> pl.DataFrame:
    """The rows of the last turn, each turn editing the one before."""
    previous = None
    for turn in turns:
        planned, output = answer(turn, demo, work, previous)
        previous = planned.definition
    return output


def _aggregate(request: str, demo: Demo) -> dict[str, Any]:
    steps = plan_steps(request, demo)
    return next(s for s in steps if s["kind"] == "aggregate")


# --- a measure 'per order' beside groups: per row of the base, never one group per order ------------------------
PER_ORDER_JOINED = [
    ("average revenue per order for each product category", "average revenue by product category"),
    ("avrage revenu per ordr for each prodcut category", "average revenue by product category"),
    ("the mean revenue per order for every product category", "mean revenue per product category"),
    ("median quantity per order for each product category", "median quantity by product category"),
    ("average revenue per order for each customer segment", "average revenue by customer segment"),
    ("total quantity per order in each customer segment", "total quantity by customer segment"),
]


@pytest.mark.parametrize(("request_text", "plain"), PER_ORDER_JOINED)
def test_per_order_beside_a_joined_group_is_per_row(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    output = _same_as(request_text, plain, demo, tmp_path)
    assert "order_id" not in _aggregate(request_text, demo)["group_by"]
    assert output.height < 20, "one row per order is no summary per group"


PER_ORDER_OWN = [
    ("average revenue per order for each country", "average revenue by country"),
    ("mean quantity per order for every status", "mean quantity by status"),
    ("the average revenue per order, per country", "average revenue per country"),
]


@pytest.mark.parametrize(("request_text", "plain"), PER_ORDER_OWN)
def test_per_order_beside_an_own_group_is_per_row(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, plain, demo, tmp_path)
    assert "order_id" not in _aggregate(request_text, demo)["group_by"]


def test_a_key_named_as_a_column_still_groups(demo: Demo) -> None:
    assert _aggregate("total quantity per order_id", demo)["group_by"] == ["order_id"]


def test_per_customer_over_orders_still_groups_by_the_customer(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("total revenue per customer", demo, tmp_path)
    revenue = pl.col("total_revenue").sum().alias("sum_total_revenue")
    same_rows(output, demo.frames["orders"].group_by("customer_id").agg(revenue))


# --- a summary 'over the entire churn dataset' -------------------------------------------------------------------
WHOLE_TABLE = [
    "Compute the mean of the monthly charges over the entire churn dataset.",
    "mean monthly charges across the whole churn table",
    "the average of monthly charges for the full churn data",
    "average monthly charge over our entire churn dataset",
]


@pytest.mark.parametrize("request_text", WHOLE_TABLE)
def test_over_the_entire_table_is_one_figure(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["churn"].select(pl.col("monthly_charges").mean().alias("mean_monthly_charges")))


def test_the_entire_table_summed(demo: Demo, tmp_path: Path) -> None:
    _same_as("total revenue over the entire orders table", "total revenue of all orders", demo, tmp_path)


def test_the_entire_other_table_is_not_understood(demo: Demo) -> None:
    refused("the average monthly charge over the entire orders dataset", demo)


def test_the_entire_table_with_nothing_summarised_is_not_understood(demo: Demo) -> None:
    refused("the revenue over the entire orders dataset", demo)


# --- 'country x status': two groups crossed ----------------------------------------------------------------------
CROSSED = [
    ("order count, country x status", "order count by country and status"),
    ("order count by country \u00d7 status", "order count by country and status"),
    ("how many orders, country x status", "order count by country and status"),
    ("number of orders per country x status", "order count by country and status"),
    ("total revenue by country x status", "total revenue by country and status"),
    ("count of orders: country x status", "order count by country and status"),
]


@pytest.mark.parametrize(("request_text", "plain"), CROSSED)
def test_an_x_between_columns_crosses_the_groups(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, plain, demo, tmp_path)


def test_three_columns_crossed(demo: Demo) -> None:
    groups = _aggregate("number of orders per country x status x currency", demo)["group_by"]
    assert groups == ["country", "status", "currency"]


@pytest.mark.parametrize("request_text", ["orders country x status", "orders, country x status"])
def test_an_x_with_nothing_summarised_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- orders that 'went to each country': the destination grouped -------------------------------------------------
WENT = [
    "how many orders went to each country",
    "hey! can you tell me how many orders went to each country? sizing up the EU expansion, cheers",
    "how many orders headed to each country",
    "number of orders going to each country",
    "the number of orders that went to each country",
]


@pytest.mark.parametrize("request_text", WENT)
def test_orders_that_went_to_each_country_are_counted_per_country(
    request_text: str, demo: Demo, tmp_path: Path
) -> None:
    _same_as(request_text, "number of orders per country", demo, tmp_path)


def test_revenue_headed_for_each_country(demo: Demo, tmp_path: Path) -> None:
    _same_as("total revenue of orders headed for each country", "total revenue per country", demo, tmp_path)


@pytest.mark.parametrize(
    "request_text",
    ["how many orders went to each segment", "how many customers went to each country",
     "how many orders went each country"],
)  # fmt: skip
def test_going_to_what_is_no_place_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'new' accounts 'opened' per period --------------------------------------------------------------------------
SIGNUPS = [
    ("Roughly how many new customer accounts were opened per calendar year?", "how many customers signed up per year"),
    ("how many accounts were opened per year", "how many customers signed up per year"),
    ("how many new customers per year", "how many customers signed up per year"),
    ("new signups per month", "signups per month"),
    ("number of customer accounts created each quarter", "customers per signup quarter"),
    ("how many brand new customers joined each year", "how many customers signed up per year"),
]


@pytest.mark.parametrize(("request_text", "plain"), SIGNUPS)
def test_new_accounts_per_period_count_the_signups(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, plain, demo, tmp_path)


def test_accounts_opened_in_a_year_test_the_signup(demo: Demo, tmp_path: Path) -> None:
    _same_as("customers whose accounts were opened in 2021", "customers who signed up in 2021", demo, tmp_path)


@pytest.mark.parametrize(
    "request_text",
    ["how many new customers per country", "new orders per month", "average age of new customers per year",
     "how many new customers in 2023"],
)  # fmt: skip
def test_new_with_no_period_of_starting_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- a value 'logged' after 'with a' ------------------------------------------------------------------------------
def test_with_a_value_logged_tests_it_is_there(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("customers with an email captured", demo, tmp_path)
    same_rows(output, demo.frames["customers"].filter(pl.col("email").is_not_null()))


def test_with_the_column_kept_is_still_not_a_test(demo: Demo) -> None:
    refused("customers with the email kept", demo)


# --- 'prod' for product -------------------------------------------------------------------------------------------
PRODS = [
    ("orders with prod name attached", "orders with product name attached"),
    ("orders with the prod category", "orders with the product category"),
    ("average price per prod category", "average price per product category"),
    ("list of prods", "list of products"),
]


@pytest.mark.parametrize(("request_text", "plain"), PRODS)
def test_prod_is_short_for_product(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, plain, demo, tmp_path)


# --- the biggest order 'measured in revenue' ----------------------------------------------------------------------
MEASURED_IN = [
    ("the biggest order, measured by revenue, in each country", "the biggest order by revenue in each country"),
    ("for each customer, their biggest order as measured by quantity",
     "for each customer, their biggest order by quantity"),
    ("the largest order judged by revenue for every status", "the largest order by revenue for every status"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "plain"), MEASURED_IN)
def test_measured_in_says_which_column_decides(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, plain, demo, tmp_path)


def test_the_biggest_order_per_segment_holds_the_largest_revenue(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("the single biggest order, measured in revenue, within every customer segment", demo, tmp_path)
    people = demo.frames["customers"].select("customer_id", "segment").unique()
    joined = demo.frames["orders"].join(people, on="customer_id", how="left")
    largest = joined.group_by("segment").agg(pl.col("total_revenue").max())
    same_rows(output.select("segment", "total_revenue"), largest)


def test_measured_in_what_is_no_column_is_not_understood(demo: Demo) -> None:
    refused("the biggest order, measured in happiness, within every customer segment", demo)


# --- 'load' a dataset, then edit it -------------------------------------------------------------------------------
LOADED = ["Load the orders dataset.", "load orders", "import the orders table", "read in the orders data",
          "please load up the orders"]  # fmt: skip


@pytest.mark.parametrize("request_text", LOADED)
def test_loading_a_dataset_is_its_rows(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["orders"])


def test_a_loaded_dataset_is_edited_by_the_turns_after(demo: Demo, tmp_path: Path) -> None:
    turns = ["Load the orders dataset.", "Restrict it to orders whose destination is France.",
             "Then compute the total quantity for each order status."]  # fmt: skip
    output = _turns(turns, demo, tmp_path)
    _, expected = answer("total quantity per status of orders to France", demo, tmp_path)
    assert_frame_equal(output, expected, check_row_order=False, check_dtypes=False)


@pytest.mark.parametrize("request_text", ["open orders", "open the orders", "load revenue"])
def test_open_or_load_before_no_dataset_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- customers 'yet to make their first purchase': an anti join ---------------------------------------------------
YET_TO = [
    "Any customers who have yet to make their first purchase?",
    "customers who have not yet placed an order",
    "which customers are still to make their first order",
    "customers who have yet to make a purchase",
    "customers that have yet to place their very first order",
]


@pytest.mark.parametrize("request_text", YET_TO)
def test_yet_to_make_a_first_purchase_is_no_order(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    orders = demo.frames["orders"].select("customer_id")
    same_rows(output, demo.frames["customers"].join(orders, on="customer_id", how="anti"))


@pytest.mark.parametrize(
    "request_text", ["orders that have yet to make their first customer", "customers who have yet to make an order x"]
)
def test_yet_to_make_what_is_no_purchase_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- products that 'turned up on' an order: a semi join -----------------------------------------------------------
TURNED_UP = [
    ("the catalogue items that have turned up on at least one order headed for the Netherlands",
     "products that appear on at least one order to the Netherlands"),
    ("products that have shown up in at least one order", "products that appear on at least one order"),
    ("products that have popped up on one or more orders", "products that appear on at least one order"),
    ("products which turned up on at least one order to Germany",
     "products that appear on at least one order to Germany"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "plain"), TURNED_UP)
def test_turned_up_on_an_order_is_a_semi_join(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, plain, demo, tmp_path)


def test_the_products_on_a_dutch_order(demo: Demo, tmp_path: Path) -> None:
    request = "the catalogue items that have turned up on at least one order headed for the Netherlands"
    _, output = answer(request, demo, tmp_path)
    dutch = demo.frames["orders"].filter(pl.col("country") == "NL").select("product_id")
    same_rows(output, demo.frames["products"].join(dutch, on="product_id", how="semi"))


def test_turned_up_alone_is_not_understood(demo: Demo) -> None:
    refused("products that turned up late", demo)
