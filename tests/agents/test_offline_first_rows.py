"""The offline planner on 'keep the first row': rows have no stored order the engines keep, so a first or last row
with no column to decide it is refused by name, while a first by a named column, or a dedupe with no first at all,
is planned."""

from __future__ import annotations

from pathlib import Path

import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo

__all__ = ["demo"]  # the fixture, shared with the row-test module

AS_LISTED = [
    "Could you dedupe customers on customer_id, keeping the first row of each?",
    "hey, products has a few repeated product ids, could you keep just the first row for each one?",
    "dedupe customers on email keeping the first one",
    "one row per email in customers, keep the last",
]


@pytest.mark.parametrize("request_text", AS_LISTED)
def test_a_first_row_as_listed_is_refused_by_name(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert any(w.startswith(("the first row", "the last row")) for w in planned.not_understood), planned


def test_repeated_ids_with_a_row_kept_for_each_dedupe_on_them(demo: Demo) -> None:
    planned = draft("products has a few repeated product ids, could you keep just the first row for each one?",
                    demo.catalog)  # fmt: skip
    dedupe = [n for n in planned.definition["nodes"] if n["kind"] == "deduplicate"]
    assert [d["keys"] for d in dedupe] == [["product_id"]]


def test_a_dedupe_without_a_first_is_planned(demo: Demo, tmp_path: Path) -> None:
    planned, output = answer("dedupe customers on customer_id", demo, tmp_path)
    dedupe = [n for n in planned.definition["nodes"] if n["kind"] == "deduplicate"]
    assert [d["keys"] for d in dedupe] == [["customer_id"]]
    assert output["customer_id"].n_unique() == output.height


@pytest.mark.parametrize(
    ("request_text", "keep"),
    [
        ("dedupe customers on email, keeping the earliest signup date", "first"),
        ("customers has some duplicate emails; keep the one with the latest signup date for each", "last"),
        ("dedupe customers by email, keeping the most recent signup", "last"),
        ("one row per email in customers, keep the first row by signup_date", "first"),  # 'by' orders, keys stay
        ("one row per email in customers, the latest row by signup_date", "last"),
    ],
)
def test_a_first_by_a_named_date_orders_the_dedupe(request_text: str, keep: str, demo: Demo, tmp_path: Path) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    (dedupe,) = [n for n in planned.definition["nodes"] if n["kind"] == "deduplicate"]
    assert (dedupe["keys"], dedupe["keep"]) == (["email"], keep)
    assert [k["column"] for k in dedupe["order_by"]] == ["signup_date_as_date"]
    assert output["email"].n_unique() == output.height
