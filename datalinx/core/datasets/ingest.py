"""File ingest: any supported file in, one Parquet file out (atomically); previews, column facts and exports."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, Protocol

import polars as pl

from datalinx.core.datasets.atomic import AtomicOutput, atomic_output
from datalinx.core.datasets.columns import dtype_name, json_safe
from datalinx.core.datasets.delimited import ingest_delimited
from datalinx.core.datasets.formats import detect_format, resolve_format
from datalinx.core.datasets.progress import Progress
from datalinx.core.datasets.readers import ingest_excel, ingest_json, ingest_ndjson, ingest_parquet
from datalinx.core.datasets.schemas import ColumnInfo, DetectedFormat, FileFormat, IngestOptions, IngestResult
from datalinx.core.errors import Invalid

__all__ = ["column_infos", "detect_format", "export", "ingest_file", "read_preview", "row_count"]


class _Reader(Protocol):
    def __call__(
        self,
        source: Path,
        out: AtomicOutput,
        detected: DetectedFormat,
        options: IngestOptions,
        *,
        label: str,
        progress: Progress,
    ) -> DetectedFormat: ...


READERS: dict[FileFormat, _Reader] = {
    "csv": ingest_delimited,
    "tsv": ingest_delimited,
    "parquet": ingest_parquet,
    "json": ingest_json,
    "ndjson": ingest_ndjson,
    "excel": ingest_excel,
}


def ingest_file(
    source: Path,
    target: Path,
    *,
    original_name: str | None = None,
    options: IngestOptions | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> IngestResult:
    """Parse a CSV, TSV, JSON, NDJSON, Parquet or Excel file into Parquet at `target`; on error leave nothing."""
    options = options or IngestOptions()
    label = original_name or source.name
    report = Progress(progress)
    report(0.0, f"detecting the format of {label}")
    detected = resolve_format(source, original_name, options)
    with atomic_output(target) as out:
        detected = READERS[detected.format](
            source, out, detected, options, label=label, progress=report.stage(0.02, 0.97)
        )
        columns = column_infos(out.output)
        if not columns:
            raise Invalid(f"file '{label}' has no columns", field="file")
        rows = row_count(out.output)
    report(1.0, f"{rows} rows read from {label}")
    return IngestResult(rows=rows, columns=columns, size_bytes=target.stat().st_size, detected=detected)


def column_infos(parquet: Path) -> list[ColumnInfo]:
    """Name, type and null count of every column of a Parquet file."""
    frame = pl.scan_parquet(parquet)
    schema = frame.collect_schema()
    if not schema:
        return []
    nulls = frame.select(pl.all().null_count()).collect().row(0)
    return [
        ColumnInfo(name=name, dtype=dtype_name(dtype), null_count=int(count))
        for (name, dtype), count in zip(schema.items(), nulls, strict=True)
    ]


def row_count(parquet: Path) -> int:
    """Rows in a Parquet file (from its metadata)."""
    return int(pl.scan_parquet(parquet).select(pl.len()).collect().item())


def read_preview(parquet: Path, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    """Rows `offset` to `offset + limit` as JSON-safe dicts (dates as ISO strings, decimals as strings)."""
    if limit < 0:
        raise Invalid("limit must not be negative", field="limit")
    if offset < 0:
        raise Invalid("offset must not be negative", field="offset")
    frame = pl.scan_parquet(parquet).slice(offset, limit).collect()
    return [{name: json_safe(value) for name, value in row.items()} for row in frame.iter_rows(named=True)]


def export(parquet: Path, fmt: Literal["csv", "parquet"], target: Path) -> Path:
    """Write a dataset file as CSV or Parquet at `target`, atomically; in CSV nested values are JSON, bytes base64."""
    if fmt not in ("csv", "parquet"):
        raise Invalid(f"cannot export as '{fmt}'; choose csv or parquet", field="format")
    with atomic_output(target) as out:
        if fmt == "parquet":
            shutil.copyfile(parquet, out.output)
        else:
            frame = pl.scan_parquet(parquet)
            schema = frame.collect_schema()
            nested = [name for name, dtype in schema.items() if dtype.is_nested()]
            binary = [name for name, dtype in schema.items() if dtype == pl.Binary]
            # CSV has no nested values: wrap each in a one-field struct, encode it, and keep the inner JSON.
            encoded = [
                pl.struct(pl.col(name).alias("v")).struct.json_encode().str.slice(5).str.head(-1).alias(name)
                for name in nested
            ]
            encoded += [pl.col(name).bin.encode("base64") for name in binary]
            frame.with_columns(encoded).sink_csv(out.output)
    return target
