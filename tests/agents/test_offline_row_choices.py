"""The offline planner on filters, columns, rankings, distinct values and one row per group phrased as people do:
dates named by their event ('when it shipped'), counts that are none, terse column lists, checked against Polars."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]

CASES: list[tuple[str, Expected]] = [
    ("the order id alongside when it was shipped", lambda f: f["orders"].select("order_id", "ship_date")),
    (
        "show the order id, the quantity and when they were ordered",
        lambda f: f["orders"].select("order_id", "quantity", "order_date"),
    ),
    ("order id and date shipped", lambda f: f["orders"].select("order_id", "ship_date")),
    ("show me when each order shipped", lambda f: f["orders"].select("ship_date")),
    ("customer id and when they joined", lambda f: f["customers"].select("customer_id", "signup_date")),
    ("subscribers that have never called support", lambda f: f["churn"].filter(pl.col("support_calls") == 0)),
    ("churn rows with no support calls", lambda f: f["churn"].filter(pl.col("support_calls") == 0)),
    ("customers that have no email on record", lambda f: f["customers"].filter(pl.col("email").is_null())),
    ("orders where we earned more than 500", lambda f: f["orders"].filter(pl.col("total_revenue") > 500)),
    ("customers missing their email", lambda f: f["customers"].filter(pl.col("email").is_null())),
    ("what countries are our customers from", lambda f: f["customers"].select("country").unique()),
    ("orders with under 20 in revenue", lambda f: f["orders"].filter(pl.col("total_revenue") < 20)),
    (
        "rename the category column in products to product_category",
        lambda f: f["products"].rename({"category": "product_category"}),
    ),
    ("customers: the id, name and email", lambda f: f["customers"].select("customer_id", "name", "email")),
    (
        "rename the products weight field to shipping_weight",
        lambda f: f["products"].rename({"weight": "shipping_weight"}),
    ),
    ("products name price category", lambda f: f["products"].select("name", "price", "category")),
    ("which contract types do subscribers have", lambda f: f["churn"].select("contract").unique()),
    (
        "each customer's last purchase",
        lambda f: f["orders"].group_by("customer_id").agg(pl.col("order_date").max()),
    ),
    (
        "one row per product in orders, keeping the first order",
        lambda f: f["orders"].group_by("product_id").agg(pl.col("order_date").min()),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_row_choices_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


RANKINGS = [
    ("bottom 5 subscribers by tenure", "churn", "tenure_months", False, 5),
    ("top 3 people by income", "churn", "income", True, 3),
    ("top 3 accounts by age", "customers", "age", True, 3),
    ("the five cheapest products, I need to double check those", "products", "price", False, 5),
]


@pytest.mark.parametrize(("request_text", "dataset", "column", "down", "count"), RANKINGS, ids=[r[0] for r in RANKINGS])
def test_rankings_of_plain_row_nouns_rank_the_rows(
    request_text: str, dataset: str, column: str, down: bool, count: int, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    wanted = demo.frames[dataset].drop_nulls(column).sort(column, descending=down).head(count)
    assert output[column].to_list() == wanted[column].to_list()  # ties may pick other rows with the same values


def test_ranking_people_over_rows_that_carry_a_persons_key_is_refused(demo: Demo) -> None:
    planned = draft("top 5 users by revenue", demo.catalog)
    assert any("users" in part for part in planned.not_understood)


def test_an_event_with_no_date_of_its_own_is_refused_not_read_as_a_status(demo: Demo) -> None:
    planned = draft("the order id and when it was delivered", demo.catalog)
    assert any("when it was delivered" in part for part in planned.not_understood)
