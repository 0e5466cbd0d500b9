"""What every check sees during one scan, and the candidate issues checks propose."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from datalinx.core.quality.profiles import value_counts
from datalinx.core.quality.rules import Rule
from datalinx.core.quality.schemas import ColumnProfile, Dimension, ScanConfig, Severity


@dataclass
class Candidate:
    """A possible issue: its rule decides the rows; it becomes an issue when any row fails."""

    type: str
    dimension: Dimension
    columns: list[str]
    rule: Rule
    message: str
    suggestion: str
    fix: dict[str, Any]
    severity: Severity = "medium"
    score_columns: list[str] | None = None  # columns whose score the rows count against (default: `columns`)


@dataclass
class ScanContext:
    """The frame under scan, a reproducible sample of it, the profiles and what was decided about the columns."""

    frame: pl.DataFrame
    sample: pl.DataFrame
    config: ScanConfig
    profiles: dict[str, ColumnProfile]
    label: str | None = None
    split: str | None = None
    keys: list[str] = field(default_factory=list)
    date_formats: dict[str, list[str]] = field(default_factory=dict)  # text date columns: formats, dominant first
    notes: list[str] = field(default_factory=list)
    counts: dict[str, pl.DataFrame] = field(default_factory=dict)  # full value counts, most frequent first
    derived: dict[str, Rule] = field(default_factory=dict)  # column -> the calculation rule that should produce it

    def value_counts(self, name: str) -> pl.DataFrame:
        """Non-null values of a column with their counts (columns 'value', 'count'), computed once per scan."""
        if name not in self.counts:
            self.counts[name] = value_counts(self.frame.get_column(name))
        return self.counts[name]

    @property
    def rows(self) -> int:
        """Rows in the frame."""
        return self.frame.height

    def blank_free(self) -> set[str]:
        """Text columns whose profile found no blank or placeholder values (the profile counts them exactly)."""
        return {n for n, d in self.frame.schema.items() if d == pl.String and not self.profiles[n].empty_count}

    def of_type(self, *types: str) -> list[str]:
        """Columns whose semantic type is one of `types`, in frame order."""
        return [name for name, p in self.profiles.items() if p.semantic_type in types]

    def numeric_columns(self) -> list[str]:
        """Columns stored as numbers (booleans excluded)."""
        return [
            n for n, d in self.frame.schema.items() if d.is_numeric() and self.profiles[n].semantic_type != "boolean"
        ]

    def date_columns(self) -> list[str]:
        """Columns stored as dates or datetimes."""
        return [n for n, d in self.frame.schema.items() if isinstance(d, pl.Date | pl.Datetime)]

    def features(self) -> list[str]:
        """Columns a model would learn from: not the label, split or key, not ids, not empty."""
        skip = {self.label, self.split, *self.keys}
        return [
            n
            for n, p in self.profiles.items()
            if n not in skip and p.semantic_type not in ("id", "empty") and p.distinct_count > 0
        ]
