"""The offline planner on computed columns said in words: a period of a date column written many ways ('year of
birth_date', "order_date's month", 'the quarter ship_date fell in'), run on both engines; a period of a column that
holds no dates is said as not understood."""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo

__all__ = ["demo"]  # the fixture, shared with the row-test module

PERIODS = ["year", "month", "quarter"]
DATES = [("orders", "order_date"), ("orders", "ship_date"), ("customers", "signup_date"), ("customers", "birth_date")]
PERIOD_FORMS = ["{unit} of {col}", "the {unit} of {col}", "{col}'s {unit}", "the {unit} {col} fell in"]
PERIOD_CASES = [
    (f"{dataset}: add {column.removesuffix('_date')}_p = {form.format(unit=unit, col=column)}", unit, column)
    for (dataset, column), unit, form in product(DATES, PERIODS, PERIOD_FORMS)
]


@pytest.mark.parametrize(("request_text", "unit", "column"), PERIOD_CASES, ids=[c[0] for c in PERIOD_CASES])
def test_a_period_of_a_date_said_in_words_is_computed(
    request_text: str, unit: str, column: str, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    derives = [n for n in planned.definition["nodes"] if n["kind"] == "derive"]
    name = f"{column.removesuffix('_date')}_p"
    assert len(derives) == 1
    assert derives[0]["columns"][name].startswith(f"{unit}(") and column in derives[0]["columns"][name]
    assert output[name].drop_nulls().len() > 0


NOT_DATES = [("customers", "name"), ("customers", "country"), ("orders", "quantity"), ("products", "price")]
REFUSED_PERIODS = [
    f"{dataset}: add p = {form.format(unit=unit, col=column)}"
    for (dataset, column), unit, form in product(NOT_DATES, ["year", "month"], PERIOD_FORMS[:3])
]


@pytest.mark.parametrize("request_text", REFUSED_PERIODS)
def test_a_period_of_a_column_holding_no_dates_is_said(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.not_understood, planned.definition
