"""The offline planner on fills said as what a gap should show: 'products with no price listed should show 0
instead', 'blank income should be 0', 'show N/A where city is missing'; each is one fill_missing step, checked
against Polars, while 'products with no price' stays a test of the rows."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo

__all__ = ["demo"]  # the fixture, shared with the row-test module

# (request, dataset, column, the value in its gaps)
SAID: list[tuple[str, str, str, object]] = [
    ("products with no price listed should show 0 instead", "products", "price", 0.0),
    ("customers with no city should read 'unknown'", "customers", "city", "unknown"),
    ("show N/A where city is missing in customers", "customers", "city", "N/A"),
    ("blank income in churn should be 0", "churn", "income", 0),
    ("missing prices should be 0", "products", "price", 0.0),
    ("where the price is missing, show 0", "products", "price", 0.0),
]


@pytest.mark.parametrize(("request_text", "dataset", "column", "value"), SAID, ids=[s[0] for s in SAID])
def test_what_a_gap_should_show_is_a_fill(
    request_text: str, dataset: str, column: str, value: object, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    steps = [n for n in planned.definition["nodes"] if n["kind"] not in ("source", "sink_dataset")]
    assert [(n["kind"], n["columns"]) for n in steps] == [
        ("fill_missing", {column: {"strategy": "constant", "value": value}})
    ]
    wanted = demo.frames[dataset].with_columns(pl.col(column).fill_null(value))
    assert sorted(output[column].cast(pl.String).to_list()) == sorted(wanted[column].cast(pl.String).to_list())


def test_rows_without_a_value_and_nothing_to_show_stay_a_test(demo: Demo) -> None:
    planned = draft("products with no price", demo.catalog)
    steps = [n for n in planned.definition["nodes"] if n["kind"] not in ("source", "sink_dataset")]
    assert [(n["kind"], n.get("condition")) for n in steps] == [("filter", "price is null")]
