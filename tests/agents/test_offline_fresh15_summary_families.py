"""The offline planner on the summary and join families fresh15 asked for, each said many ways and each wording run
on the demo data: a column's values tallied with a summary noun after it ('status breakdown of orders (counts)',
'the contract mix of subscribers'); who did what the rows record, asked of rows that are not people ('Who placed our
ten largest orders by revenue', 'the 5 most recent orders, plus who made each one'). Each family also holds
wordings that must be said as not understood."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, answer, demo, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module

Rows = Callable[[pl.DataFrame], pl.DataFrame]

# --- a column's values tallied: '<column> breakdown / mix / counts / distribution (of <rows>)' ---------------------
TALLIES = [
    ("status breakdown of orders (counts)", "orders", "status"),
    ("a status breakdown for orders", "orders", "status"),
    ("status counts of orders", "orders", "status"),
    ("order status breakdown with counts", "orders", "status"),
    ("segment breakdown of customers", "customers", "segment"),
    ("the contract mix of subscribers", "churn", "contract"),
    ("category distribution of products", "products", "category"),
]


@pytest.mark.parametrize(("request_text", "dataset", "column"), TALLIES, ids=[t[0] for t in TALLIES])
def test_a_column_said_before_a_summary_noun_counts_rows_per_value(
    request_text: str, dataset: str, column: str, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    kinds = [n["kind"] for n in planned.definition["nodes"]]
    assert "aggregate" in kinds and "select" not in kinds
    frame = demo.frames[dataset]
    counts = [c for c in output.columns if c != column]
    assert column in output.columns and len(counts) == 1
    assert output[column].n_unique() == output.height <= frame[column].n_unique()
    assert output[counts[0]].sum() == frame.height  # every row counted once, in its value's group


@pytest.mark.parametrize("request_text", ["price breakdown of products", "the revenue distribution of orders"])
def test_a_number_column_tallied_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_a_summary_noun_before_groups_leaves_the_measure_summed(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("revenue breakdown by status", demo, tmp_path)
    assert output.height <= demo.frames["orders"]["status"].n_unique()
    assert any("revenue" in c for c in output.columns)


# --- who did what the rows record: the person's name joined beside the rows -----------------------------------------
def _with_names(demo: Demo, orders: pl.DataFrame) -> pl.DataFrame:
    names = demo.frames["customers"].select("customer_id", "name")
    return orders.join(names, on="customer_id", how="left").select("order_id", "name")


def _latest(n: int, column: str) -> Rows:
    return lambda frame: frame.sort(column, descending=True, nulls_last=True).head(n)


WHO = [
    ("Who placed our ten largest orders by revenue, and what were those orders?", _latest(10, "total_revenue")),
    ("who placed the 10 largest orders by revenue", _latest(10, "total_revenue")),
    ("our ten largest orders by revenue and who placed them", _latest(10, "total_revenue")),
    ("the 3 biggest orders by revenue, along with who bought them", _latest(3, "total_revenue")),
    ("who placed each order", lambda frame: frame),
]


@pytest.mark.parametrize(("request_text", "rows"), WHO, ids=[w[0] for w in WHO])
def test_who_did_the_rows_deed_joins_the_persons_name(
    request_text: str, rows: Rows, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, _with_names(demo, rows(demo.frames["orders"])))


@pytest.mark.parametrize(
    "request_text",
    ["who placed the most orders", "who placed orders over 500", "who made more than 3 orders"],
)
def test_who_asked_of_rows_it_is_not_read_from_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- each row with a column of another dataset: 'orders, each with the buyer's email'; 'no' as number ---------------
EACH_WITH = [
    ("orders, each w/ the buyer's phone no.", "phone"),
    ("orders, each with the buyer's phone number", "phone"),
    ("orders, each with the buyer's email.", "email"),
    ("orders with the buyer's phone no.", "phone"),
    ("orders, every one with the buyer's email", "email"),
]


@pytest.mark.parametrize(("request_text", "column"), EACH_WITH, ids=[e[0] for e in EACH_WITH])
def test_each_row_with_another_datasets_column_is_joined_not_grouped(
    request_text: str, column: str, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    assert "aggregate" not in [n["kind"] for n in planned.definition["nodes"]]
    people = demo.frames["customers"].select("customer_id", column)
    expected = demo.frames["orders"].join(people, on="customer_id", how="left").select("order_id", column)
    same_rows(output, expected)


def test_no_after_a_numbered_thing_is_number_only_closing_the_phrase(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("customers, phone no and email", demo, tmp_path)
    assert set(output.columns) == {"phone", "email"}
