"""The offline planner on fills said in two steps, the gaps first and what goes in them after, each said many ways:
'a few customers have no city on file, could you put 'n/a' in those', 'the products with no price ..., set those to
0', 'subscribers whose income is missing given the middle income of everyone instead', 'where a subscriber has no
total charges, work one out as their monthly charges times their tenure'. Each family also holds wordings that must
be said as not understood (no such column, a value that does not fit it, a formula said with no gaps to fill)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _steps(request: str, demo: Demo) -> list[dict[str, Any]]:
    return [step for step in plan_steps(request, demo) if step["kind"] != "source"]


# the gaps said first: {rows} and {row} are the dataset's nouns, {col} the column with gaps
GAPS = ["a few {rows} have no {col} on file,", "the {rows} with no {col},", "some {rows} have no {col},",
        "where a {row} has no {col},", "{rows} whose {col} is missing,", "{rows} without a {col},",
        "for {rows} with no {col} recorded,", "hey! a few {rows} have no {col},", "{rows} with no {col}:",
        "a few {rows} are missing a {col},", "some {rows} don't have a {col},", "the {rows} that have no {col} yet,",
        "where a {row}'s {col} is blank,"]  # fmt: skip
# what goes in them: {v} the value as said
PUTS = ["could you put {v} in those for now?", "fill those in with {v}", "could you put {v} in for them?",
        "set those to {v}", "make them {v}", "use {v} for those", "give them {v}", "please set them to {v} for now",
        "just put {v} in there"]  # fmt: skip
GAPPED = [  # dataset nouns, column as said, column, a value as said, the value filled
    ("customers", "customer", "city", "city", "'n/a'", "n/a"),
    ("customers", "customer", "phone number", "phone", "'unknown'", "unknown"),
    ("products", "product", "price", "price", "0", 0.0),
    ("products", "product", "price", "price", "zero", 0.0),
    ("subscribers", "subscriber", "income", "income", "0", 0),
    ("subscribers", "subscriber", "region", "region", "'unknown'", "unknown"),
]
CONSTANT_FILLS = [
    (f"{gap.format(rows=rows, row=row, col=said)} {put.format(v=value)}", column, filled)
    for gap, put, (rows, row, said, column, value, filled) in itertools.product(GAPS, PUTS, GAPPED)
    if not (gap.endswith("'s {col} is blank,") and said == "phone number")  # "customer's phone" then 'number'
]


@pytest.mark.parametrize(("request_text", "column", "value"), CONSTANT_FILLS, ids=[c[0] for c in CONSTANT_FILLS])
def test_a_value_said_after_the_gaps_fills_them(request_text: str, column: str, value: Any, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert steps == [{"kind": "fill_missing", "columns": {column: {"strategy": "constant", "value": value}}}]


SUMMARIES = [("given the middle {col} of everyone instead", "median"), ("give them the median", "median"),
             ("set those to the average of the rest", "mean"), ("use the middle value for those", "median"),
             ("put the mean {col} in there", "mean"), ("fill them with the median of the others", "median"),
             ("could you give them the average {col} of everyone else?", "mean"),
             ("should get the typical {col}", "median"), ("should be given the median {col}", "median"),
             ("fill them with the typical value", "median")]  # fmt: skip
NUMERIC_GAPS = [("subscribers", "subscriber", "income"), ("products", "product", "price")]
SUMMARY_FILLS = [
    (f"{gap.format(rows=rows, row=row, col=column)} {said.format(col=column)}", column, strategy)
    for gap, (said, strategy), (rows, row, column) in itertools.product(GAPS, SUMMARIES, NUMERIC_GAPS)
]


@pytest.mark.parametrize(("request_text", "column", "strategy"), SUMMARY_FILLS, ids=[c[0] for c in SUMMARY_FILLS])
def test_a_summary_of_the_others_fills_the_gaps(request_text: str, column: str, strategy: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert steps == [{"kind": "fill_missing", "columns": {column: {"strategy": strategy}}}]


WORKED = ["work one out as {a} times {b}", "compute it as {a} times {b}", "could you estimate it as {a} times {b}?",
          "just use {a} times {b} instead", "calculate one as {a} multiplied by {b}"]  # fmt: skip
FACTORS = [("their monthly charges", "their tenure"), ("the monthly charges", "tenure"),
           ("monthly_charges", "tenure_months")]  # fmt: skip
TOTAL_GAPS = [gap.format(rows="subscribers", row="subscriber", col="total charges") for gap in GAPS]
WORKED_FILLS = [
    f"{gap} {worked.format(a=a, b=b)}" for gap, worked, (a, b) in itertools.product(TOTAL_GAPS, WORKED, FACTORS)
]


@pytest.mark.parametrize("request_text", WORKED_FILLS)
def test_a_value_worked_out_fills_the_gaps_and_names_no_column_it(request_text: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    expected = "coalesce(total_charges, monthly_charges * tenure_months)"
    assert steps == [{"kind": "derive", "columns": {"total_charges": expected}}]


DATE_FILLS = [f"{gap.format(rows='orders', row='order', col='ship date')} {said}"
              for gap, said in itertools.product(GAPS, ["could you just use its order date instead?",
                                                         "set it to the order date", "use the order date for those"])
              ]  # fmt: skip


@pytest.mark.parametrize("request_text", DATE_FILLS)
def test_another_column_said_after_the_gaps_fills_them(request_text: str, demo: Demo) -> None:
    steps = _steps(request_text, demo)
    assert steps == [{"kind": "derive", "columns": {"ship_date": "coalesce(ship_date, order_date)"}}]


FILL_REFUSED = [
    "customers with no colour, set those to 'red'",  # no such column
    "products without a price, set those to 'cheap'",  # text in a column of numbers
    "subscribers whose region is missing, give them the median",  # no median of text
    "compute it as monthly charges times tenure",  # no gaps said: no column 'it'
    "churn: compute that as monthly charges times tenure",
    "the products with no price are too cheap, could you set those to 0",  # 'cheap' said of them, unread
    "customers with no city, give them a call",  # no value: a call is made, not filled in
    "customers with no phone, make them a priority",
]


@pytest.mark.parametrize("request_text", FILL_REFUSED)
def test_a_fill_that_does_not_fit_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)
    planned = draft(request_text, demo.catalog)
    derived = [n for n in (planned.definition or {}).get("nodes", []) if n["kind"] == "derive"]
    assert all(not set(n["columns"]) & {"it", "that", "one"} for n in derived)


def test_put_na_in_those_fills_only_the_missing_cities(demo: Demo, tmp_path: Path) -> None:
    request = "hey! a few customers have no city on file, could you put 'n/a' in those for now?"
    _, output = answer(request, demo, tmp_path)
    expected = demo.frames["customers"].with_columns(pl.col("city").fill_null("n/a"))
    same_rows(output, expected.select("customer_id", "city"))


def test_the_middle_income_of_everyone_is_the_median_of_the_recorded_ones(demo: Demo, tmp_path: Path) -> None:
    _, output = answer(
        "subscribers whose income is missing given the middle income of everyone instead", demo, tmp_path
    )
    churn = demo.frames["churn"]
    expected = churn.with_columns(pl.col("income").fill_null(pl.col("income").median()))
    same_rows(output, expected.select("customer_ref", "income"))


def test_a_total_worked_out_keeps_the_recorded_totals(demo: Demo, tmp_path: Path) -> None:
    request = (
        "where a subscriber has no total charges on record, work one out as their monthly charges times their tenure"
    )
    _, output = answer(request, demo, tmp_path)
    churn = demo.frames["churn"]
    worked = pl.col("total_charges").fill_null(pl.col("monthly_charges") * pl.col("tenure_months"))
    same_rows(output, churn.select("customer_ref", worked.alias("total_charges")))


def test_a_price_set_to_zero_leaves_the_listed_prices(demo: Demo, tmp_path: Path) -> None:
    request = "hey! the products with no price are messing up my chart, could you set those to 0 for now? thx"
    _, output = answer(request, demo, tmp_path)
    products = demo.frames["products"]
    same_rows(output, products.select("product_id", pl.col("price").fill_null(0.0)))
