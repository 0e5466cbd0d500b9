"""What the offline planner does not understand it says, and it reads typos and follow-ups as meant."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import GERMANY, Demo, Expected, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module

NONSENSE = [
    "make me a sandwich",
    "What is each customer's favourite colour?",
    "predict which customers will churn next month",
    "how many employees do we have",
    "Join the orders with the suppliers table",
    "hello",
    "",
]


@pytest.mark.parametrize("request_text", NONSENSE)
def test_requests_with_nothing_to_map_get_no_definition(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.definition is None
    assert planned.not_understood


@pytest.mark.parametrize(
    ("request_text", "unmapped"),
    [
        ("customers sorted by their vibe", "vibe"),
        ("orders from Atlantis", "Atlantis"),
        ("revenue last week", "last week"),
        ("show the profit margin per product", "profit margin"),
        ("what's the weather in Berlin", "weather"),
        ("orders from yesterday", "yesterday"),
        ("customers without a city or a phone", "both missing, or either?"),
        ("orders placed on black friday", "black friday"),
        ("subscribers paying by cheque", "could be 'electronic check' or 'mailed check'"),
        ("subscribers earning low six figures", "approximate"),
        ("every combination of payment method and internet service", "combination"),
        ("subscribers in the north-east or south-east", "north-east"),
        ("subscribers in the north- or south-east", "south-east"),
        ("the highest-paying subscriber per region", "payment_method holds text"),
        ("the oldest customer in each segment", "by age, or by signup_date?"),
    ],
)
def test_the_part_not_understood_is_named(request_text: str, unmapped: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert any(unmapped in part for part in planned.not_understood), planned.not_understood


def test_an_ambiguous_column_is_said_not_guessed(demo: Demo) -> None:
    planned = draft("average charges per region", demo.catalog)
    assert any("monthly_charges" in part and "total_charges" in part for part in planned.not_understood)


def test_a_column_of_a_dataset_that_cannot_be_joined_is_not_borrowed(demo: Demo) -> None:
    planned = draft("orders with a contract of two years", demo.catalog)
    assert planned.not_understood


def test_the_same_request_gives_the_same_draft(demo: Demo) -> None:
    first = draft("top 5 customers by revenue in 2024, sorted descending", demo.catalog)
    second = draft("top 5 customers by revenue in 2024, sorted descending", demo.catalog)
    assert first == second


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("custmers from germny", lambda f: f["customers"].filter(GERMANY)),
        ("ordres shiped in 2024", lambda f: f["orders"].filter(pl.col("ship_date").dt.year() == 2024)),
        ("produts cheaper then 10", lambda f: f["products"].filter(pl.col("price") < 10)),
        (
            "totl revnue by countyr",
            lambda f: f["orders"].group_by("country").agg(pl.col("total_revenue").sum().alias("sum_total_revenue")),
        ),
        (
            "averge age per segmnt",
            lambda f: f["customers"].group_by("segment").agg(pl.col("age").mean().alias("mean_age")),
        ),
    ],
    ids=["germny", "shiped", "then", "totl-revnue", "segmnt"],
)
def test_typos_are_read_as_the_words_they_resemble(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))
    assert any(note.startswith("read '") for note in planned.assumptions)


def turns(requests: list[str], demo: Demo, tmp_path: Path) -> pl.DataFrame:
    """A conversation: each request edits the definition the one before it drafted."""
    previous = None
    for request in requests[:-1]:
        previous = draft(request, demo.catalog, previous).definition
        assert previous is not None
    return answer(requests[-1], demo, tmp_path, previous)[1]


def test_also_adds_a_test_to_the_earlier_plan(demo: Demo, tmp_path: Path) -> None:
    output = turns(["customers from Germany", "also drop test accounts"], demo, tmp_path)
    same_rows(output, demo.frames["customers"].filter(GERMANY & ~pl.col("is_test_account")))


def test_a_new_value_of_the_same_column_replaces_the_old_one(demo: Demo, tmp_path: Path) -> None:
    output = turns(["orders from Germany", "now France instead"], demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(pl.col("country") == "FR"))


def test_group_by_month_instead_keeps_the_measure(demo: Demo, tmp_path: Path) -> None:
    output = turns(["total revenue by country", "group by month instead"], demo, tmp_path)
    orders = demo.frames["orders"]
    expected = orders.group_by(pl.col("order_date").dt.truncate("1mo").alias("order_month")).agg(
        pl.col("total_revenue").sum().alias("sum_total_revenue")
    )
    same_rows(output, expected)
    assert "country" not in output.columns


def test_break_it_down_further_adds_a_grouping(demo: Demo, tmp_path: Path) -> None:
    output = turns(
        ["Average monthly charges per internet service.", "Break that down by region as well."], demo, tmp_path
    )
    expected = (
        demo.frames["churn"]
        .group_by("internet_service", "region")
        .agg(pl.col("monthly_charges").mean().alias("mean_monthly_charges"))
    )
    same_rows(output, expected)


def test_the_median_instead_changes_the_function(demo: Demo, tmp_path: Path) -> None:
    output = turns(["average age per segment", "use the median instead"], demo, tmp_path)
    same_rows(output, demo.frames["customers"].group_by("segment").agg(pl.col("age").median().alias("median_age")))


def test_make_it_twenty_changes_the_limit_and_keeps_the_order(demo: Demo, tmp_path: Path) -> None:
    output = turns(["top 10 orders by revenue", "make it 20"], demo, tmp_path)
    assert output.height == 20
    assert output["total_revenue"].to_list() == sorted(output["total_revenue"].to_list(), reverse=True)


def test_only_delivered_ones_narrows_the_earlier_rows(demo: Demo, tmp_path: Path) -> None:
    output = turns(["orders in 2024", "and only the delivered ones"], demo, tmp_path)
    orders = demo.frames["orders"]
    delivered = folded("status").is_in(["delivered", "delivred"])
    same_rows(output, orders.filter((pl.col("order_date").dt.year() == 2024) & delivered))


def test_a_follow_up_can_save_the_earlier_result(demo: Demo, tmp_path: Path) -> None:
    previous = draft("customers in France", demo.catalog).definition
    planned = draft("save the result as french_customers", demo.catalog, previous)
    assert planned.not_understood == []
    assert planned.definition is not None
    assert planned.definition["nodes"][-1]["dataset"] == "french_customers"
