"""What the interfaces show of scans, scores and issues (the engine's own models are in schemas.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from datalinx.core.schemas import ListQuery


class ScanRequest(BaseModel):
    """Options of one scan; everything is detected when absent."""

    model_config = ConfigDict(extra="forbid")

    version: int | None = Field(default=None, ge=1, description="Dataset version; default the current one.")
    label_column: str | None = Field(default=None, description="ML label column; detected by name when absent.")
    split_column: str | None = Field(default=None, description="Train/test split column; detected when absent.")
    key_columns: list[str] | None = Field(default=None, description="Columns that identify a row.")
    idempotency_key: str | None = None


class ScanRead(BaseModel):
    """A scan: its state, and when finished its score, breakdown and counts."""

    id: str
    dataset_id: str
    version: int
    job_id: str | None
    status: str
    score: float | None
    dimensions: dict[str, float]
    issue_count: int | None = None
    rows: int | None = None
    notes: list[str] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict)
    error: str | None = None
    created_at: datetime
    finished_at: datetime | None


class QualityScore(BaseModel):
    """The latest score of a dataset with its breakdown per dimension and per column."""

    dataset_id: str
    scan_id: str
    version: int
    score: float
    dimensions: list[dict[str, Any]]
    columns: list[dict[str, Any]]
    weights: dict[str, float]
    scanned_at: datetime | None


class ScorePoint(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    scan_id: str = Field(validation_alias="id")
    version: int
    score: float | None
    dimensions: dict[str, float]
    created_at: datetime


class IssueRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    scan_id: str
    type: str
    dimension: str
    columns: list[str]
    severity: str
    affected_rows: int
    impact_score: float
    status: str
    message: str
    suggestion: str
    fix: dict[str, Any]
    examples: list[dict[str, Any]]


class IssueQuery(ListQuery):
    sort: str = "impact_score"
    severity: Literal["low", "medium", "high", "critical"] | None = None
    type: str | None = None
    column: str | None = None
    status: Literal["open", "resolved", "ignored"] | None = None


class IssueRows(BaseModel):
    """A page of the rows one issue affects, each with its 0-based `_row` and the `_reason`."""

    issue_id: str
    total: int
    offset: int
    rows: list[dict[str, Any]]


class WeightsUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weights: dict[str, float] = Field(description="Weight per dimension; missing dimensions keep their default.")


class ColumnRead(BaseModel):
    """A column of a dataset version, with its full profile once the version has been scanned."""

    name: str
    dtype: str
    null_count: int
    profile: dict[str, Any] | None = None
