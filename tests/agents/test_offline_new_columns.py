"""The offline planner on new columns made from one other: a number rounded, an amount with units as a number,
each checked against Polars."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module

ROUNDED = [
    ("add a column unit_price_2 = unit price rounded to 1 decimal", "unit_price", "unit_price_2", 1),
    ("add rev_int as total revenue rounded to an integer", "total_revenue", "rev_int", 0),
    ("with products, add p = price rounded to the nearest whole number", "price", "p", 0),
]


@pytest.mark.parametrize(("request_text", "column", "name", "digits"), ROUNDED, ids=[c[0] for c in ROUNDED])
def test_a_rounded_column_is_within_half_a_step_and_on_the_step(
    request_text: str, column: str, name: str, digits: int, demo: Demo, tmp_path: Path
) -> None:
    """Rounded to its step (ties may go either way, as engines differ on them)."""
    _, output = answer(request_text, demo, tmp_path)
    step = 10**-digits
    assert (output[name] - output[column]).abs().max() <= step / 2 + 1e-9
    assert ((output[name] / step).round(0) * step - output[name]).abs().max() < 1e-6


def test_rounding_text_is_not_guessed(demo: Demo) -> None:
    assert draft("add a column e = email rounded", demo.catalog).not_understood


FACTORS = {"kg": 1.0, "g": 0.001, "lb": 0.45359237}


def _weights(f: dict[str, object], per: float) -> list[float | None]:
    """Each product's weight as a number of a unit worth `per` kg, read from its text ('250 g', '3.59 lb')."""
    import polars as pl

    products = f["products"]
    assert isinstance(products, pl.DataFrame)
    out: list[float | None] = []
    for text in products["weight"].to_list():
        amount, _, unit = (text or "").strip().lower().partition(" ")
        factor = FACTORS.get(unit.rstrip("s"))
        out.append(None if factor is None or not amount else float(amount) * factor / per)
    return out


@pytest.mark.parametrize(
    ("request_text", "name", "per"),
    [
        ("add weight_g with the weight in grams", "weight_g", 0.001),
        ("products, add the weight in pounds", "weight_pounds", 0.45359237),
    ],
)
def test_amounts_with_units_become_numbers_of_one_unit(
    request_text: str, name: str, per: float, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    for got, wanted in zip(output[name].to_list(), _weights(demo.frames, per), strict=True):
        assert (got is None and wanted is None) or abs(got - wanted) <= 1e-6 * max(1.0, abs(wanted))


def _word(f: dict[str, pl.DataFrame], dataset: str, column: str, name: str, last: bool = False) -> pl.DataFrame:
    """The first (or last) space-separated word of a text column, spaces around the text left out."""
    words = pl.col(column).str.strip_chars().str.split(" ")
    return f[dataset].with_columns((words.list.last() if last else words.list.first()).alias(name))


WORDS = [
    ("add the first name of each customer", "customers", "name", "first_name", False),
    ("customers with their forename as a separate column", "customers", "name", "first_name", False),
    ("products with the first word of the product name", "products", "name", "name_first_word", False),
    ("customers: add town_end = the last word of city", "customers", "city", "town_end", True),
]


@pytest.mark.parametrize(("request_text", "dataset", "column", "name", "last"), WORDS, ids=[c[0] for c in WORDS])
def test_a_word_of_a_text_is_a_new_column(
    request_text: str, dataset: str, column: str, name: str, last: bool, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, _word(demo.frames, dataset, column, name, last))


def test_a_word_of_a_number_is_not_guessed(demo: Demo) -> None:
    assert draft("customers with the first word of age", demo.catalog).not_understood
