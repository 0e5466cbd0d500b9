"""The offline planner on the values rows are in, each once: 'the different areas our subscribers are in' (region),
'the countries our customers are in', 'where are our subscribers based'; and 'where do our customers live', with a
city and a country to choose from, asked rather than guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module

# (request, dataset, column listed once per value)
DISTINCT: list[tuple[str, str, list[str]]] = [
    ("the different areas our subscribers are in", "churn", ["region"]),
    ("the countries our customers are in", "customers", ["country"]),
    ("which regions do we have subscribers in", "churn", ["region"]),
    ("the cities our customers are based in", "customers", ["city"]),
    ("the countries our customers are located in", "customers", ["country"]),
    ("list the unique regions of churn", "churn", ["region"]),
    ("where are our subscribers based?", "churn", ["region"]),
    ("where do our orders come from", "orders", ["country"]),
    ("which countries do our customers come from", "customers", ["country"]),
    ("what cities do customers live in", "customers", ["city"]),
    # pairs found in the rows, said as pairings that occur
    ("every pairing of how subscribers pay and what kind of internet they have that actually occurs", "churn",
     ["payment_method", "internet_service"]),
    ("every combination of contract and region that occurs", "churn", ["contract", "region"]),
    ("all the pairs of segment and country that occur in customers", "customers", ["segment", "country"]),
    # 'distinct' closing the columns it is of
    ("customers: country, unique", "customers", ["country"]),
    ("orders status, distinct", "orders", ["status"]),
    ("products category and weight - distinct values", "products", ["category", "weight"]),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset", "columns"), DISTINCT, ids=[d[0] for d in DISTINCT])
def test_the_values_rows_are_in_are_listed_once(
    request_text: str, dataset: str, columns: list[str], demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    steps = [(n["kind"], n.get("columns")) for n in planned.definition["nodes"] if n["kind"] != "source"]
    assert steps == [("select", columns), ("deduplicate", None)]
    same_rows(output, demo.frames[dataset].select(columns).unique())
    assert output.columns == columns


def test_where_people_live_with_a_city_and_a_country_is_asked(demo: Demo) -> None:
    planned = draft("where do our customers live", demo.catalog)
    assert planned.definition is None
    assert planned.not_understood == ["where do our customers live (by country or city?)"]
