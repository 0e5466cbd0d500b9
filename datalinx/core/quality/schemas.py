"""Quality scan models: the configuration a scan takes and the JSON-safe report it returns."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Dimension = Literal["completeness", "uniqueness", "validity", "consistency", "accuracy", "ml_readiness"]
DIMENSIONS: tuple[Dimension, ...] = (
    "completeness",
    "uniqueness",
    "validity",
    "consistency",
    "accuracy",
    "ml_readiness",
)
Severity = Literal["low", "medium", "high", "critical"]
Mechanism = Literal["MCAR", "MAR", "MNAR"]
SemanticType = Literal[
    "id", "numeric", "categorical", "text", "email", "phone", "url", "datetime", "date_string", "boolean",
    "postal_code", "currency", "measure", "empty",
]  # fmt: skip

# Documented defaults: validity and completeness weigh most because they break downstream code outright;
# ML readiness only counts when a label column exists (the weights are renormalised over the dimensions scored).
DEFAULT_WEIGHTS: dict[str, float] = {
    "completeness": 0.20,
    "uniqueness": 0.15,
    "validity": 0.20,
    "consistency": 0.15,
    "accuracy": 0.15,
    "ml_readiness": 0.15,
}


class ForeignKey(BaseModel):
    """A column whose values must exist in a column of another Parquet file."""

    model_config = ConfigDict(extra="forbid")

    column: str
    reference: str = Field(description="Path of the Parquet file holding the referenced keys.")
    reference_column: str


class ScanConfig(BaseModel):
    """What a scan looks at; every field has a default so `ScanConfig()` scans anything."""

    model_config = ConfigDict(extra="forbid")

    weights: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_WEIGHTS), description="Weight per dimension in the overall score."
    )
    label_column: str | None = Field(
        default=None,
        description="Target column; auto-detected by name (label, target, churned...) when low-cardinality.",
    )
    detect_label: bool = Field(default=True, description="Look for a label column when none is given.")
    split_column: str | None = Field(default=None, description="Train/test split column; auto-detected by name.")
    key_columns: list[str] | None = Field(default=None, description="Columns meant to identify a row; auto if None.")
    foreign_keys: list[ForeignKey] = Field(default_factory=list)
    sample_size: int = Field(default=200_000, ge=1_000, description="Rows for the near-duplicate check when larger.")
    missingness_sample_size: int = Field(
        default=100_000, ge=1_000, description="Rows for the missingness tests (plenty for their power) when larger."
    )
    ml_sample_size: int = Field(default=20_000, ge=500, description="Rows for out-of-fold label-error predictions.")
    label_errors: bool = Field(default=True, description="Look for mislabelled rows with out-of-fold models.")
    reference_date: dt.date = Field(default_factory=dt.date.today, description="'Today' for future-date checks.")
    outlier_fence: float = Field(
        default=3.0, gt=0, description="Outliers lie beyond p95 + k * (p95 - p50) or below p05 - k * (p50 - p05)."
    )
    significance: float = Field(default=0.01, gt=0, lt=1, description="False discovery rate of the missingness tests.")
    seed: int = 0

    @field_validator("weights")
    @classmethod
    def _known_dimensions(cls, weights: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(weights) - set(DIMENSIONS))
        if unknown:
            raise ValueError(f"unknown dimensions {unknown}; known: {list(DIMENSIONS)}")
        if any(weight < 0 for weight in weights.values()):
            raise ValueError("weights must not be negative")
        return {**DEFAULT_WEIGHTS, **weights}


class ValueCount(BaseModel):
    """One value and how often it occurs."""

    value: Any
    count: int


class Histogram(BaseModel):
    """Bin edges (one more than counts) and counts."""

    edges: list[Any]
    counts: list[int]


class ColumnProfile(BaseModel):
    """What one column holds."""

    name: str
    dtype: str
    semantic_type: SemanticType
    count: int
    null_count: int
    empty_count: int = Field(description="Blank strings and placeholders such as 'N/A' (not counted as nulls).")
    distinct_count: int
    distinct_approximate: bool = Field(
        default=False, description="HyperLogLog estimate (columns with many distinct values)."
    )
    min: Any = None
    max: Any = None
    mean: float | None = None
    std: float | None = None
    quantiles: dict[str, Any] = Field(
        default_factory=dict, description="p01, p05, p25, p50, p75, p95, p99 (from 200,000 rows when larger)."
    )
    histogram: Histogram | None = None
    top_values: list[ValueCount] = Field(default_factory=list)
    top_values_sample: int | None = Field(
        default=None, description="Rows the top values were counted on, when a sample (many distinct values)."
    )
    length: dict[str, float] | None = Field(default=None, description="min, mean and max string length.")
    patterns: list[ValueCount] = Field(default_factory=list, description="Pattern families, e.g. '999-999-9999'.")
    date_range: tuple[Any, Any] | None = None


class DimensionScore(BaseModel):
    """One dimension's score for the dataset or a column."""

    dimension: Dimension
    score: float
    weight: float
    affected_rows: int = 0


class ColumnScore(BaseModel):
    """A column's overall score and its score per dimension."""

    column: str
    score: float
    dimensions: dict[str, float]


class IssueReport(BaseModel):
    """One problem found: where, how many rows, how bad, what fixing it is worth, and how to find its rows again."""

    id: str
    type: str
    dimension: Dimension
    columns: list[str]
    severity: Severity
    affected_rows: int
    affected_fraction: float
    message: str
    examples: list[dict[str, Any]] = Field(default_factory=list, description="Up to 5 example rows (with `_row`).")
    impact: float = Field(default=0.0, description="Points the dataset score would gain if these rows were fixed.")
    fix: dict[str, Any] = Field(default_factory=dict, description="Machine-readable fix: {'fix': 'drop_duplicates'}.")
    suggestion: str = ""
    rule: dict[str, Any] = Field(description="Serialisable check that recomputes the issue's rows (see failing_rows).")


class MissingPredictor(BaseModel):
    """A column whose values are associated with another column being null."""

    column: str
    test: str
    statistic: float
    p_value: float
    p_adjusted: float
    effect: float = Field(description="Cramér's V for categoricals, |AUC - 0.5| * 2 for numerics.")


class MissingnessReport(BaseModel):
    """How a column's nulls are distributed and the mechanism that most likely produced them."""

    column: str
    null_count: int
    null_fraction: float
    mechanism: Mechanism
    suspected: bool = Field(description="True for MNAR, which data alone cannot prove.")
    predictors: list[MissingPredictor] = Field(default_factory=list)
    missing_with: list[str] = Field(default_factory=list, description="Columns null in (nearly) the same rows.")
    evidence: list[str] = Field(default_factory=list)
    rows_tested: int = 0


class ScanReport(BaseModel):
    """Everything a scan found, compact enough to store as JSON."""

    rows: int
    columns: int
    score: float
    dimensions: list[DimensionScore]
    column_scores: list[ColumnScore]
    profiles: list[ColumnProfile]
    issues: list[IssueReport]
    missingness: list[MissingnessReport]
    label_column: str | None = None
    split_column: str | None = None
    key_columns: list[str] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict, description="Seconds per stage.")
    notes: list[str] = Field(default_factory=list)
    config: ScanConfig
