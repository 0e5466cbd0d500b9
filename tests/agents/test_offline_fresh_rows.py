"""Row and shape requests in fresh wordings: a range said 'somewhere between ... ends included', a rename arrow
('quantity->qty'), 'keep everything else' after a drop, a swapped three-letter typo ('adn'); each checked against
the rows Polars gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]

CASES: list[tuple[str, Expected]] = [
    (
        "subscribers whose monthly charges are somewhere between 50 and 70? ends included",
        lambda f: f["churn"].filter(pl.col("monthly_charges").is_between(50, 70)),
    ),
    (
        "orders with quantity anywhere between 2 and 4, both ends included",
        lambda f: f["orders"].filter(pl.col("quantity").is_between(2, 4)),
    ),
    (
        "customers whose age is between 30 and 40 including both ends",
        lambda f: f["customers"].filter(pl.col("age").is_between(30, 40)),
    ),
    (
        "products priced somewhere between 10 and 20, endpoints inclusive",
        lambda f: f["products"].filter(pl.col("price").is_between(10, 20)),
    ),
    (
        "customers in france adn germany",
        lambda f: f["customers"].filter(
            folded("country").is_in(["fr", "fra", "france", "de", "deu", "deutschland", "germany"])
        ),
    ),
    ("show teh orders over 500", lambda f: f["orders"].filter(pl.col("total_revenue") > 500)),
]

SHAPES: list[tuple[str, Expected]] = [
    ("orders: rename quantity->qty, unit_price->price_each",
     lambda f: f["orders"].rename({"quantity": "qty", "unit_price": "price_each"})),
    ("rename quantity => qty and unit_price -> price_each in orders",
     lambda f: f["orders"].rename({"quantity": "qty", "unit_price": "price_each"})),
    ("churn: rename customer_ref->ref", lambda f: f["churn"].rename({"customer_ref": "ref"})),
    ("drop email, phone adn city from custmers", lambda f: f["customers"].drop("email", "phone", "city")),
    ("remove email adn phone from customers", lambda f: f["customers"].drop("email", "phone")),
    ("from orders, can you get rid of the unit price and currency columns? keep everything else",
     lambda f: f["orders"].drop("unit_price", "currency")),
    ("drop the phone column from customers but keep all the rest", lambda f: f["customers"].drop("phone")),
    ("remove currency from orders and leave the other columns as is", lambda f: f["orders"].drop("currency")),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fresh_row_wordings_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


@pytest.mark.parametrize(("request_text", "expected"), SHAPES, ids=[c[0] for c in SHAPES])
def test_fresh_shape_wordings_give_exactly_the_columns_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    wanted = expected(demo.frames)
    assert output.columns == wanted.columns
    same_rows(output, wanted)


@pytest.mark.parametrize(
    "request_text",
    [
        "subscribers with monthly charges between 50 and 70, ends excluded",
        "orders from 2024-01-01 to 2024-01-31, ends excluded",
    ],
)
def test_a_range_with_its_ends_excluded_is_reported_not_read_as_inclusive(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert any("excluded" in part for part in planned.not_understood)
