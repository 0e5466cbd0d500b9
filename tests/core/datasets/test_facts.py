"""What a planner is told of a column: every value when it has few, its commonest when it has many."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from datalinx.core.datasets.facts import FEW_VALUES, TOP_VALUES, ColumnFacts, facts_from_parquet


def _facts_of(frame: pl.DataFrame, tmp_path: Path, column: str) -> ColumnFacts:
    path = tmp_path / "data.parquet"
    frame.write_parquet(path)
    found = facts_from_parquet("data", path).column(column)
    assert found is not None
    return found


def test_a_column_with_few_values_lists_every_one_of_them(tmp_path: Path) -> None:
    cities = [f"city {i:02d}" for i in range(TOP_VALUES + 7)]  # more than the commonest shown, fewer than 'few'
    rows = [c for i, c in enumerate(cities) for _ in range(len(cities) - i)]  # the rarest appears once
    facts = _facts_of(pl.DataFrame({"city": rows}), tmp_path, "city")
    assert facts.distinct == len(cities)
    assert sorted(facts.top_values) == cities
    assert facts.top_values[0] == "city 00"  # commonest first


def test_a_column_with_many_values_lists_its_commonest(tmp_path: Path) -> None:
    names = [f"name {i:03d}" for i in range(FEW_VALUES + 40)]
    rows = names + ["name 000"] * 5
    facts = _facts_of(pl.DataFrame({"name": rows}), tmp_path, "name")
    assert facts.distinct == len(names)
    assert len(facts.top_values) == TOP_VALUES
    assert facts.top_values[0] == "name 000"
