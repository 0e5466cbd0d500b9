"""The offline planner across phrasings: chatty, formal and question styles, 'or' between tests, exclusions,
amounts with units, shares and follow-up edits, each checked against Polars."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import (
    CONTRACT,
    Demo,
    Frames,
    answer,
    as_one_spelling,
    demo,
    folded,
    same_rows,
)

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]


def _kilograms(frame: pl.DataFrame) -> pl.Series:
    number = frame["weight"].str.extract(r"([0-9.]+)").cast(pl.Float64)
    unit = frame["weight"].str.extract(r"([a-z]+)\s*$")
    factor = unit.replace_strict({"kg": 1.0, "g": 0.001, "lb": 0.45359237, "lbs": 0.45359237}, default=None)
    return number * factor


CASES: list[tuple[str, Expected]] = [
    (
        "orders over 1000 or with quantity above 10",
        lambda f: f["orders"].filter((pl.col("total_revenue") > 1000) | (pl.col("quantity") > 10)),
    ),
    ("customers under 30 or over 70", lambda f: f["customers"].filter((pl.col("age") < 30) | (pl.col("age") > 70))),
    (
        "First remove orders with a negative quantity, then compute total revenue by month.",
        lambda f: (
            f["orders"]
            .filter(~(pl.col("quantity") < 0).fill_null(False))
            .group_by(pl.col("order_date").dt.truncate("1mo").alias("order_month"))
            .agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
        ),
    ),
    ("products heavier than 2 kg", lambda f: f["products"].filter(_kilograms(f["products"]) > 2)),
    (
        "What percentage of orders were delivered?",
        lambda f: f["orders"].select(
            (folded("status").is_in(["delivered", "delivred"]).cast(pl.Float64) * 100).mean().alias("pct")
        ),
    ),
    (
        "What is the churn rate per contract?",
        lambda f: (
            as_one_spelling(f["churn"], "contract", CONTRACT)
            .group_by("contract")
            .agg(pl.col("churned").cast(pl.Float64).mean().alias("rate"))
        ),
    ),
    ("Which product sold the most units?", lambda f: _most(f["orders"], "product_id", "quantity")),
    ("Who spent the most?", lambda f: _most(f["orders"], "customer_id", "total_revenue")),
    (
        "Please list the products whose price is between 20 and 50, inclusive.",
        lambda f: f["products"].filter(pl.col("price").is_between(20, 50)),
    ),
    (
        "Kindly exclude records pertaining to test accounts and report the count of customers per segment.",
        lambda f: f["customers"].filter(~pl.col("is_test_account")).group_by("segment").agg(pl.len().alias("count")),
    ),
    (
        "Return the subset of orders whose total revenue lies between 100 and 200, inclusive.",
        lambda f: f["orders"].filter(pl.col("total_revenue").is_between(100, 200)),
    ),
    ("yo can u show me orders from the uk", lambda f: f["orders"].filter(pl.col("country") == "GB")),
    (
        "the average time between order and shipping",
        lambda f: f["orders"].select((pl.col("ship_date") - pl.col("order_date")).dt.total_days().mean().alias("days")),
    ),
    (
        "How many distinct customers placed orders?",
        lambda f: f["orders"].select(pl.col("customer_id").n_unique().alias("count_distinct_customer_id")),
    ),
    ("Which orders were returned?", lambda f: f["orders"].filter(folded("status") == "returned")),
    ("unshipped orders", lambda f: f["orders"].filter(pl.col("ship_date").is_null())),
    # a key named with another noun for its rows: customer_id is the client's or buyer's id
    ("orders: keep only the client id and the order id", lambda f: f["orders"].select("customer_id", "order_id")),
    ("orders, just the buyer id and the total revenue", lambda f: f["orders"].select("customer_id", "total_revenue")),
]


def _most(frame: pl.DataFrame, key: str, column: str) -> pl.DataFrame:
    totals = frame.group_by(key).agg(pl.col(column).sum().alias(f"sum_{column}"))
    return totals.sort(f"sum_{column}", descending=True, nulls_last=True).head(1)


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_phrasings_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    wanted = expected(demo.frames)
    measure = wanted.columns[-1]
    if measure not in output.columns:  # an aggregate's output name the request never gave: compare the values
        output = output.rename({output.columns[-1]: measure})
    same_rows(output, wanted)


def test_a_follow_up_can_drop_an_earlier_test(demo: Demo, tmp_path: Path) -> None:
    previous = draft("orders from Germany over 500", demo.catalog).definition
    _, output = answer("drop the country filter", demo, tmp_path, previous)
    same_rows(output, demo.frames["orders"].filter(pl.col("total_revenue") > 500))


def test_a_follow_up_re_ranks_by_another_column(demo: Demo, tmp_path: Path) -> None:
    previous = draft("top 10 orders by revenue", demo.catalog).definition
    _, output = answer("by quantity instead", demo, tmp_path, previous)
    assert output.height == 10
    assert output["quantity"].to_list() == sorted(output["quantity"].to_list(), reverse=True)


def test_a_follow_up_keeps_a_range_when_it_adds_the_other_end(demo: Demo, tmp_path: Path) -> None:
    previous = draft("orders over 100", demo.catalog).definition
    _, output = answer("and under 200", demo, tmp_path, previous)
    same_rows(output, demo.frames["orders"].filter((pl.col("total_revenue") > 100) & (pl.col("total_revenue") < 200)))


# an earlier pipeline the planner cannot read back (written by hand, or by an LLM): two order files unioned
UNIONED = {
    "schema_version": 1,
    "nodes": [
        {"id": "first", "kind": "source", "dataset": "orders"},
        {"id": "second", "kind": "source", "dataset": "orders"},
        {"id": "both", "kind": "union"},
    ],
    "edges": [{"source": "first", "target": "both"}, {"source": "second", "target": "both"}],
}


@pytest.mark.parametrize("request_text", ["also only the delivered ones", "by month instead", "remove the limit"])
def test_an_edit_of_a_pipeline_it_cannot_read_back_is_refused_not_planned_without_its_steps(
    request_text: str, demo: Demo
) -> None:
    planned = draft(request_text, demo.catalog, UNIONED)
    assert planned.definition is None
    assert planned.not_understood == [
        "how to edit the earlier pipeline: it has a union step, which I can only replace; say the whole request again"
    ]


def test_a_request_that_stands_on_its_own_after_such_a_pipeline_is_planned_afresh_and_says_so(
    demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer("customers older than 60", demo, tmp_path, UNIONED)
    assert planned.assumptions[0].startswith("This plan starts afresh rather than editing the earlier pipeline")
    same_rows(output, demo.frames["customers"].filter(pl.col("age") > 60))


def test_a_leading_unknown_verb_gets_no_definition(demo: Demo) -> None:
    planned = draft("forecast revenue per country for next year", demo.catalog)
    assert planned.definition is None
    assert any("forecast" in part.lower() for part in planned.not_understood)
