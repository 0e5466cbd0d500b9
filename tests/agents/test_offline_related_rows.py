"""The offline planner on rows picked by what their related rows hold: 'customers with an order above 5,000',
each checked against Polars."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import CATEGORY, GERMANY, Demo, Frames, answer, demo, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]


def _with_order(f: Frames, test: pl.Expr) -> pl.DataFrame:
    return f["customers"].join(f["orders"].filter(test), on="customer_id", how="semi")


def _bought(f: Frames, category: str, orders: pl.Expr | None = None) -> pl.DataFrame:
    """Customers with an order (of `orders`) of a product in `category`: through the orders."""
    picked = f["orders"] if orders is None else f["orders"].filter(orders)
    bought = picked.join(f["products"].filter(pl.lit(category) == CATEGORY), on="product_id", how="semi")
    return f["customers"].join(bought, on="customer_id", how="semi")


def _bought_by(f: Frames, people: pl.Expr, category: str | None = None) -> pl.DataFrame:
    """Products that customers matching `people` ordered."""
    orders = f["orders"].join(f["customers"].filter(people), on="customer_id", how="semi")
    products = f["products"] if category is None else f["products"].filter(pl.lit(category) == CATEGORY)
    return products.join(orders, on="product_id", how="semi")


CASES: list[tuple[str, Expected]] = [
    ("customers with an order over 5000", lambda f: _with_order(f, pl.col("total_revenue") > 5000)),
    ("customers who placed an order worth more than 4,000", lambda f: _with_order(f, pl.col("total_revenue") > 4000)),
    (
        "customers with at least one order with a quantity above 8",
        lambda f: _with_order(f, pl.col("quantity") > 8),
    ),
    (
        "customers who have an order above 3000 in 2024",
        lambda f: _with_order(f, (pl.col("total_revenue") > 3000) & (pl.col("order_date").dt.year() == 2024)),
    ),
    ("customers who bought toys", lambda f: _bought(f, "toy")),
    ("which customers have purchased electronics products?", lambda f: _bought(f, "electronic")),
    (
        "customers that ordered Home & Kitchen items in March 2024",
        lambda f: _bought(f, "home&kitchen", pl.col("order_date").dt.strftime("%Y-%m") == "2024-03"),
    ),
    ("products bought by customers in Germany", lambda f: _bought_by(f, GERMANY)),
    ("garden products bought by German customers", lambda f: _bought_by(f, GERMANY, "garden")),
    (
        "orders from customers in Germany, with the customer email",
        lambda f: f["orders"].join(f["customers"].filter(GERMANY).select("customer_id", "email"), on="customer_id"),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_related_rows_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_at_least_one_ranks_nothing(demo: Demo) -> None:
    """'which customers have at least one order ...' asks for a match, not for the customers with the least."""
    planned = draft("which customers have at least one order above 5,000", demo.catalog)
    assert planned.definition is not None and not planned.not_understood
    assert next(n["dataset"] for n in planned.definition["nodes"] if n["kind"] == "source") == "customers"


def test_a_unit_the_related_rows_do_not_say_is_not_guessed(demo: Demo) -> None:
    planned = draft("products with at least one order of more than 20 units", demo.catalog)
    assert planned.not_understood


@pytest.mark.parametrize(
    "request_text",
    ["customers who bought toys, with the product name", "customers who never bought toys, with the product name"],
)
def test_what_a_link_through_another_dataset_cannot_give_is_said(request_text: str, demo: Demo) -> None:
    """Columns of products per customer (each has many orders, or none): not planned as if understood."""
    assert draft(request_text, demo.catalog).not_understood


def test_a_follow_up_keeps_the_link_through_another_dataset(demo: Demo, tmp_path: Path) -> None:
    previous = draft("customers who bought garden products", demo.catalog).definition
    _, output = answer("only the enterprise ones", demo, tmp_path, previous)
    same_rows(output, _bought(demo.frames, "garden").filter(pl.col("segment") == "enterprise"))


def _top_spenders(f: Frames, n: int) -> pl.DataFrame:
    totals = f["orders"].group_by("customer_id").agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
    return totals.sort("sum_total_revenue", descending=True).head(n)


@pytest.mark.parametrize(("request_text", "n"), [("the 5 biggest spenders", 5), ("who are our top 10 spenders?", 10)])
def test_spenders_are_people_ranked_by_what_they_spent(request_text: str, n: int, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output.select("sum_total_revenue"), _top_spenders(demo.frames, n).select("sum_total_revenue"))


@pytest.mark.parametrize(
    ("request_text", "split"),
    [("churn rows from the test set", "test"), ("churn records in the training split", "train")],
)
def test_a_table_named_as_such_is_read_with_its_own_values(
    request_text: str, split: str, demo: Demo, tmp_path: Path
) -> None:
    """'churn rows from the test set': the churn rows of that split, not customers' test accounts."""
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["churn"].filter(pl.col("split") == split))


def _counted(f: Frames, at_least: int) -> pl.DataFrame:
    counts = f["orders"].group_by("customer_id").agg(pl.len().alias("count"))
    return counts.filter(pl.col("count") >= at_least)


@pytest.mark.parametrize(
    ("request_text", "at_least"),
    [("which customers have made 12 or more purchases", 12), ("clients who placed 14 or more orders", 14)],
)
def test_a_count_or_more_of_related_rows_is_a_test_per_group(
    request_text: str, at_least: int, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, _counted(demo.frames, at_least))


def test_or_fewer_related_rows_is_not_guessed(demo: Demo) -> None:
    """'3 or fewer orders' includes customers with none, whom counting the orders misses: said, not planned."""
    assert draft("customers with 3 or fewer orders", demo.catalog).not_understood


def _orders_with(f: Frames, column: str) -> pl.DataFrame:
    """Orders with one customer column, looked up on customer_id (a left join, as every lookup is)."""
    return f["orders"].join(f["customers"].select("customer_id", column), on="customer_id", how="left")


LOOKED_UP = [
    ("for each sale, the town the client lives in", "city"),
    ("orders with the customer's town", "city"),
    ("every order and the segment the buyer belongs to", "segment"),
    ("orders plus the shopper's email", "email"),
]


@pytest.mark.parametrize(("request_text", "column"), LOOKED_UP, ids=[c[0] for c in LOOKED_UP])
def test_a_column_of_the_rows_owner_is_looked_up_for_each_row(
    request_text: str, column: str, demo: Demo, tmp_path: Path
) -> None:
    """'the town the buyer lives in' for every order: a customer column added to each order, not a grouping."""
    _, output = answer(request_text, demo, tmp_path)
    assert output.height == _orders_with(demo.frames, column).height
    same_rows(output.select("order_id", column), _orders_with(demo.frames, column).select("order_id", column))


def test_the_owner_named_beside_a_shared_column_picks_the_owners_one(demo: Demo, tmp_path: Path) -> None:
    """'the country the customer comes from': orders have a country too, but the words say whose."""
    _, output = answer("orders with the country the customer comes from", demo, tmp_path)
    expected = _orders_with(demo.frames, "country").rename({"country_right": "customer_country"})
    same_rows(output.select("order_id", "customer_country"), expected.select("order_id", "customer_country"))


def test_a_word_only_related_to_another_datasets_column_is_not_taken(demo: Demo) -> None:
    """'old' is about age but no noun for it: 'orders from old customers' is said, not read as a column."""
    assert draft("orders from old customers", demo.catalog).not_understood


def _per_customer_country(f: Frames, measure: pl.Expr) -> pl.DataFrame:
    """The German group of a measure of orders per the customer's country (the customers' spellings of Germany)."""
    people = f["customers"].select("customer_id", GERMANY.alias("german"))
    joined = f["orders"].join(people, on="customer_id", how="left")
    return joined.filter(pl.col("german")).select(measure)


WHOSE = [
    (
        "order count per customer country (the country from the customers table, not the one on the order)",
        pl.len().alias("count"),
    ),
    (
        "sum of quantity per customer country, taking the country on the customer record rather than the order",
        pl.col("quantity").sum().alias("sum_quantity"),
    ),
]


@pytest.mark.parametrize(("request_text", "measure"), WHOSE, ids=[c[0] for c in WHOSE])
def test_whose_column_a_request_means_is_the_one_it_reads(
    request_text: str, measure: pl.Expr, demo: Demo, tmp_path: Path
) -> None:
    """'the country on the customer record rather than the order': the customers' country, looked up per order."""
    _, output = answer(request_text, demo, tmp_path)
    german = output.filter(pl.col("customer_country") == "DE").drop("customer_country")
    same_rows(german, _per_customer_country(demo.frames, measure))


def test_the_base_column_named_as_the_one_meant_is_kept(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("revenue by country, using the country on the order rather than the customer", demo, tmp_path)
    expected = demo.frames["orders"].group_by("country").agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
    same_rows(output, expected)


def test_a_clarification_the_plan_contradicts_is_said(demo: Demo) -> None:
    """'per customer country, using the country on the order': the two say different things, so it is said."""
    request = "revenue per customer country, using the country on the order rather than the customer record"
    assert draft(request, demo.catalog).not_understood


def _first_dated(f: Frames, latest: bool, test: pl.Expr) -> pl.DataFrame:
    """Customers whose earliest (or latest) order_date passes the test: each customer_id's date, then the rows."""
    date = pl.col("order_date").max() if latest else pl.col("order_date").min()
    firsts = f["orders"].group_by("customer_id").agg(date).filter(test)
    return f["customers"].join(firsts, on="customer_id", how="semi")


MARCH = pl.col("order_date").is_between(dt.date(2024, 3, 1), dt.date(2024, 3, 31))
FIRSTS = [
    ("customers whose last order was in March 2024", True, MARCH),
    ("clients whose most recent purchase was before 2024", True, pl.col("order_date") < dt.date(2024, 1, 1)),
    ("customers whose earliest order came after 2024", False, pl.col("order_date") >= dt.date(2025, 1, 1)),
    ("which customers had their first order during 2025?", False, pl.col("order_date").dt.year() == 2025),
]


@pytest.mark.parametrize(("request_text", "latest", "test"), FIRSTS, ids=[c[0] for c in FIRSTS])
def test_a_first_or_last_related_row_is_each_keys_earliest_or_latest_date(
    request_text: str, latest: bool, test: pl.Expr, demo: Demo, tmp_path: Path
) -> None:
    """'whose first order was in 2024': each customer's earliest order date falls in 2024, not any order's."""
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, _first_dated(demo.frames, latest, test))


def test_a_first_related_row_and_any_related_row_are_two_tests(demo: Demo, tmp_path: Path) -> None:
    request = "customers whose first order was in 2024 and who have an order above 500"
    _, output = answer(request, demo, tmp_path)
    first = _first_dated(demo.frames, False, pl.col("order_date").dt.year() == 2024)
    same_rows(output, first.join(_with_order(demo.frames, pl.col("total_revenue") > 500), on="customer_id", how="semi"))


def test_a_follow_up_keeps_the_first_related_row_test(demo: Demo, tmp_path: Path) -> None:
    previous = draft("customers whose first order was in 2024", demo.catalog).definition
    _, output = answer("only the enterprise ones", demo, tmp_path, previous)
    first = _first_dated(demo.frames, False, pl.col("order_date").dt.year() == 2024)
    same_rows(output, first.filter(pl.col("segment") == "enterprise"))


def test_a_first_related_row_in_a_month_of_no_year_is_said(demo: Demo) -> None:
    assert draft("customers whose first order was in March", demo.catalog).not_understood


def test_the_owners_column_named_after_a_group_word_is_the_group(demo: Demo, tmp_path: Path) -> None:
    """'count of orders by city of the customer': grouped by the customers' city, not one count of all orders."""
    _, output = answer("count of orders by city of the customer", demo, tmp_path)
    expected = _orders_with(demo.frames, "city").group_by("city").agg(pl.len().alias("count"))
    same_rows(output, expected)


def test_the_owners_column_before_a_comparison_is_the_one_tested(demo: Demo, tmp_path: Path) -> None:
    """'orders with the age of the customer above 60': the customers' age is tested, not the orders' amount."""
    _, output = answer("orders with the age of the customer above 60", demo, tmp_path)
    same_rows(output.select("order_id"), _orders_with(demo.frames, "age").filter(pl.col("age") > 60).select("order_id"))


def test_the_owners_column_of_a_name_both_have_is_looked_up(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("for each order, the country of the customer", demo, tmp_path)
    expected = _orders_with(demo.frames, "country").rename({"country_right": "customer_country"})
    same_rows(output.select("order_id", "customer_country"), expected.select("order_id", "customer_country"))
