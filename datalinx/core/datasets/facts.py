"""Facts about datasets for planners: columns with logical types, null counts and their most common values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
from pydantic import BaseModel, Field

from datalinx.core.datasets.columns import json_safe
from datalinx.core.pipelines.types import ColumnType, normalize, of_polars

TOP_VALUES = 25
SAMPLE_ROWS = 50_000
# Columns with at most this many distinct values (in the sample) list them all as `top_values`.
FEW_VALUES = 60


class ColumnFacts(BaseModel):
    """One column: logical type, nulls, distinct values (in a sample), and its most common values."""

    name: str
    type: ColumnType
    nulls: int = 0
    distinct: int | None = Field(default=None, description="Distinct values in the sample read.")
    top_values: list[Any] = Field(default_factory=list, description="Most common values first (text-like columns).")
    examples: list[Any] = Field(default_factory=list, description="A few values, for any type.")


class DatasetFacts(BaseModel):
    """One dataset as a planner sees it."""

    name: str
    rows: int
    columns: list[ColumnFacts]

    def column(self, name: str) -> ColumnFacts | None:
        return next((c for c in self.columns if c.name == name), None)

    @property
    def schema_map(self) -> dict[str, ColumnType]:
        return {c.name: c.type for c in self.columns}


class CatalogView(BaseModel):
    """Every dataset of a workspace a planner may use."""

    datasets: list[DatasetFacts] = Field(default_factory=list)

    def dataset(self, name: str) -> DatasetFacts | None:
        return next((d for d in self.datasets if d.name == name), None)


def facts_from_parquet(
    name: str, path: Path, *, rows: int | None = None, sample_rows: int = SAMPLE_ROWS
) -> DatasetFacts:
    """Facts of a Parquet file, read from its first `sample_rows` rows (types as pipelines see them)."""
    frame = normalize(pl.scan_parquet(path)).head(sample_rows).collect()
    total = rows if rows is not None else int(pl.scan_parquet(path).select(pl.len()).collect().item())
    columns = []
    for column in frame.columns:
        series = frame[column]
        kind = of_polars(series.dtype)
        facts = ColumnFacts(name=column, type=kind, nulls=int(series.null_count()))
        if kind != ColumnType.OTHER:
            values = series.drop_nulls()
            facts.distinct = int(values.n_unique())
            facts.examples = [json_safe(v) for v in values.head(3).to_list()]
            if kind in (ColumnType.STRING, ColumnType.BOOL) or facts.distinct <= FEW_VALUES:
                listed = facts.distinct if facts.distinct <= FEW_VALUES else TOP_VALUES
                counts = values.value_counts(sort=True).head(listed)
                facts.top_values = [json_safe(v) for v in counts[column].to_list()]
        columns.append(facts)
    return DatasetFacts(name=name, rows=total, columns=columns)
