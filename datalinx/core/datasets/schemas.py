"""Models of the data plane's file ingest: options, what was detected, what was written."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from datalinx.core.schemas import ListQuery

FileFormat = Literal["csv", "tsv", "parquet", "json", "ndjson", "excel"]
TextEncoding = Literal["utf-8", "utf-8-sig", "latin-1"]
ColumnType = Literal["string", "int64", "float64", "bool", "date", "datetime"]


class IngestOptions(BaseModel):
    """Overrides for what ingest would otherwise detect; every field is optional."""

    model_config = ConfigDict(extra="forbid")

    format: FileFormat | None = Field(default=None, description="File format; detected from the content when absent.")
    delimiter: str | None = Field(default=None, description="Field delimiter of a CSV/TSV file, one character.")
    encoding: TextEncoding | None = Field(default=None, description="Text encoding of a CSV/TSV/JSON file.")
    has_header: bool | None = Field(default=None, description="Whether the first CSV/TSV line holds column names.")
    column_types: dict[str, ColumnType] = Field(
        default_factory=dict, description="Type per column name, overriding detection: string, int64, float64, ..."
    )
    sheet: str | None = Field(default=None, description="Excel sheet to read; the first sheet when absent.")

    @field_validator("delimiter")
    @classmethod
    def _one_character(cls, value: str | None) -> str | None:
        if value is not None and (len(value) != 1 or value in '"\r\n'):
            raise ValueError("delimiter must be a single character other than a quote or a line break")
        return value


class DetectedFormat(BaseModel):
    """How a file was read: its format and, for text formats, delimiter, encoding and header."""

    format: FileFormat
    delimiter: str | None = None
    encoding: TextEncoding | None = None
    has_header: bool | None = None


class ColumnInfo(BaseModel):
    """One column of a stored dataset: name, type as a stable readable string, and its null count."""

    name: str
    dtype: str = Field(description="Type: string, int64, float64, bool, date, datetime, decimal(p,s), list[...], ...")
    null_count: int


class IngestResult(BaseModel):
    """What an ingest or a connection export wrote: rows, columns, Parquet size and how the source was read."""

    rows: int
    columns: list[ColumnInfo]
    size_bytes: int
    detected: DetectedFormat | None = Field(default=None, description="How a file was read; absent for databases.")


# --- The dataset registry, as the interfaces show it -------------------------------------------------------------


class DatasetVersionRead(BaseModel):
    """One immutable version of a dataset."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    dataset_id: str
    version: int
    rows: int
    columns: list[ColumnInfo]
    size_bytes: int
    source: dict[str, Any]
    job_id: str | None
    created_at: datetime


class DatasetRead(BaseModel):
    """A dataset with the figures of its current version."""

    id: str
    name: str
    description: str | None
    status: str
    tags: list[str]
    current_version: int
    rows: int | None
    column_count: int | None
    size_bytes: int | None
    quality_score: float | None = Field(default=None, description="Score of the latest scan, once scanned.")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, dataset: Any, current: Any | None, quality_score: float | None = None) -> DatasetRead:
        return cls(
            id=dataset.id,
            name=dataset.name,
            description=dataset.description,
            status=dataset.status,
            tags=list(dataset.tags or []),
            current_version=dataset.current_version,
            rows=current.rows if current else None,
            column_count=len(current.columns) if current else None,
            size_bytes=current.size_bytes if current else None,
            quality_score=quality_score,
            created_at=dataset.created_at,
            updated_at=dataset.updated_at,
        )


class DatasetQuery(ListQuery):
    name: str | None = Field(default=None, description="Substring of the dataset name.")
    status: Literal["ready", "importing", "failed"] | None = None
    tag: str | None = None


class VersionQuery(ListQuery):
    sort: str = "version"


class DatasetPreview(BaseModel):
    """A window of rows of one version."""

    dataset_id: str
    version: int
    total_rows: int
    offset: int
    columns: list[ColumnInfo]
    rows: list[dict[str, Any]]
