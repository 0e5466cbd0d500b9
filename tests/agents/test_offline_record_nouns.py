"""The offline planner on a dataset said with a noun for its whole set of records ('the order book', 'the customer
file'): the dataset itself, never a value of one of its columns ('book' is also the category Books)."""

from __future__ import annotations

import itertools
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline.grounding import RECORD_NOUNS
from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module

NAMES = [("order", "orders"), ("customer", "customers"), ("product", "products")]
SAID = [
    (f"{lead} {singular} {noun}", dataset)
    for (singular, dataset), noun, lead in itertools.product(NAMES, RECORD_NOUNS, ["the", "our", "show the"])
]


@pytest.mark.parametrize(("request_text", "dataset"), SAID, ids=[s[0] for s in SAID])
def test_a_dataset_said_as_its_records_is_the_dataset_unchanged(request_text: str, dataset: str, demo: Demo) -> None:
    steps = plan_steps(request_text, demo)
    assert [(s["kind"], s.get("dataset")) for s in steps] == [("source", dataset)]


def test_books_said_alone_are_still_the_category(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders for books", demo, tmp_path)
    f = demo.frames
    books = f["products"].filter(pl.col("category").str.to_lowercase() == "books")
    same_rows(output, f["orders"].join(books.select("product_id"), on="product_id", how="semi"))


def test_the_order_book_then_a_country_keeps_every_category(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("the order book, just what was sent to Britain", demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(pl.col("country") == "GB"))
