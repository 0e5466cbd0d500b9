"""Parquet, JSON, NDJSON and Excel into Parquet through Polars, typed like CSV (ISO dates become dates)."""

from __future__ import annotations

import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

import fastexcel
import polars as pl

from datalinx.core.datasets.atomic import AtomicOutput
from datalinx.core.datasets.casting import (
    apply_overrides,
    check_override_columns,
    temporal_columns,
    temporal_expr,
)
from datalinx.core.datasets.columns import normalize_names
from datalinx.core.datasets.formats import read_sample, sniff_header, transcode
from datalinx.core.datasets.progress import Progress
from datalinx.core.datasets.schemas import DetectedFormat, IngestOptions
from datalinx.core.errors import Invalid

SAMPLE_ROWS = 10_000
# What Polars raises on bad input: its own errors, plus Rust panics, which do not derive from Exception.
READ_ERRORS = (pl.exceptions.PolarsError, pl.exceptions.PanicException, OSError, ValueError)
_FAILED_COLUMN = re.compile(r"in column '(?P<column>.*?)'")


def ingest_parquet(
    source: Path, out: AtomicOutput, detected: DetectedFormat, options: IngestOptions, *, label: str, progress: Progress
) -> DetectedFormat:
    """Re-write a Parquet file (reading every page, so damage anywhere is found) with the overrides applied."""
    with open(source, "rb") as handle:
        handle.seek(max(source.stat().st_size - 4, 0))
        if handle.read(4) != b"PAR1":
            raise Invalid(f"Parquet file '{label}' is truncated or corrupt: its footer is missing", field="file")
    progress(0.1, "reading Parquet")
    try:
        frame = _typed(pl.scan_parquet(source), options, label, "its schema")
        frame.sink_parquet(out.output)
    except READ_ERRORS as exc:
        raise Invalid(f"Parquet file '{label}' is corrupt: {_reason(exc)}", field="file") from None
    return detected


def ingest_json(
    source: Path, out: AtomicOutput, detected: DetectedFormat, options: IngestOptions, *, label: str, progress: Progress
) -> DetectedFormat:
    """Read a JSON array of objects (held in memory: JSON arrays cannot be streamed) into Parquet."""
    path = _utf8(source, out, detected, progress.stage(0.0, 0.3))
    head = read_sample(path, 4096).decode("utf-8", errors="replace").lstrip()
    if head.startswith("{"):
        raise Invalid(f"file '{label}' holds a single JSON object; expected an array of objects: [{{...}}, ...]")
    if head.startswith("[") and head[1:].lstrip()[:1] not in ("{", "]", ""):
        raise Invalid(f"element 1 of the JSON array in '{label}' is not an object; expected [{{...}}, ...]")
    progress(0.4, "reading JSON")
    try:
        frame = pl.read_json(path, infer_schema_length=None)
    except READ_ERRORS as exc:
        raise _json_error(path, label, exc) from None
    if frame.width == 0:
        raise Invalid(f"file '{label}' has no columns: its objects hold no keys", field="file")
    frame = _typed(_with_dates(frame.lazy(), frame, options.column_types), options, label, "its keys").collect()
    frame.write_parquet(out.output)
    return detected


def ingest_ndjson(
    source: Path, out: AtomicOutput, detected: DetectedFormat, options: IngestOptions, *, label: str, progress: Progress
) -> DetectedFormat:
    """Stream newline-delimited JSON into Parquet; types come from a sample and widen if later lines disagree."""
    path = _utf8(source, out, detected, progress.stage(0.0, 0.3))
    progress(0.35, "reading JSON lines")
    infer: int | None = SAMPLE_ROWS
    with open(path, "rb") as handle:
        # The first lines only: a scan would parse whole chunks, reaching lines the sample should not see.
        head = b"".join(itertools.islice(handle, SAMPLE_ROWS))
    try:
        sample = pl.read_ndjson(io.BytesIO(head), infer_schema_length=None)
    except READ_ERRORS as exc:
        raise _ndjson_error(path, label, exc) from None
    if sample.width == 0:
        raise Invalid(f"file '{label}' has no columns: its objects hold no keys", field="file")
    dates = temporal_columns(sample)
    for _ in range(sample.width + 2):
        try:
            frame = _typed(
                _with_dates(pl.scan_ndjson(path, infer_schema_length=infer), dates, options.column_types),
                options,
                label,
                "keys",
            )
            frame.sink_parquet(out.output)
            return detected
        except READ_ERRORS as exc:
            failed = _FAILED_COLUMN.search(str(exc))
            if failed is not None and failed["column"] in dates:
                del dates[failed["column"]]  # a value further down is not a date: the column stays text
            elif infer is not None and "cannot parse" in str(exc):
                infer = None  # a later line disagrees with the sampled types: infer from every line
            else:
                raise _ndjson_error(path, label, exc) from None
    raise Invalid(f"could not settle the column types of '{label}'", field="file")


def ingest_excel(
    source: Path, out: AtomicOutput, detected: DetectedFormat, options: IngestOptions, *, label: str, progress: Progress
) -> DetectedFormat:
    """Read one sheet of an Excel workbook (the first unless `sheet` is given) into Parquet."""
    try:
        workbook = fastexcel.read_excel(source)
        sheets = workbook.sheet_names
        sheet = options.sheet if options.sheet is not None else (sheets[0] if sheets else None)
        if sheet is None:
            raise Invalid(f"Excel file '{label}' has no sheets", field="file")
        if sheet not in sheets:
            raise Invalid(
                f"Excel file '{label}' has no sheet '{sheet}'; its sheets are {', '.join(sheets)}", field="sheet"
            )
        head = workbook.load_sheet(sheet, header_row=None, n_rows=50).to_polars()
        if head.height == 0 or head.width == 0:
            raise Invalid(f"sheet '{sheet}' of Excel file '{label}' is empty", field="file")
        rows = [[_cell_text(value) for value in row] for row in head.rows()]
        has_header = options.has_header if options.has_header is not None else sniff_header(rows)
        progress(0.2, f"reading sheet {sheet}")
        frame = pl.read_excel(source, sheet_name=sheet, has_header=has_header, infer_schema_length=SAMPLE_ROWS)
    except Invalid:
        raise
    except (*READ_ERRORS, fastexcel.FastExcelError) as exc:
        raise Invalid(f"Excel file '{label}' is corrupt or not a workbook: {_reason(exc)}", field="file") from None
    names = rows[0] if has_header else [f"column_{index}" for index in range(1, frame.width + 1)]
    frame.columns = normalize_names(names[: frame.width], label=label, where=f"the header of sheet '{sheet}'")
    # Excel holds milliseconds; microseconds keep one datetime type across every format.
    frame = frame.with_columns(pl.col(pl.Datetime).dt.cast_time_unit("us"))
    frame = _typed(_with_dates(frame.lazy(), frame, options.column_types), options, label, "its header").collect()
    frame.write_parquet(out.output)
    return detected.model_copy(update={"has_header": has_header})


def _typed(frame: pl.LazyFrame, options: IngestOptions, label: str, where: str) -> pl.LazyFrame:
    """Checked column names, then the user's overrides."""
    names = list(frame.collect_schema())
    cleaned = normalize_names(names, label=label, where=where)
    if cleaned != names:
        frame = frame.rename(dict(zip(names, cleaned, strict=True)))
    check_override_columns(options.column_types, cleaned, label)
    return apply_overrides(frame, options.column_types, label=label)


def _with_dates(frame: pl.LazyFrame, sample: pl.DataFrame | dict[str, str], skip: dict[str, Any]) -> pl.LazyFrame:
    """Convert text columns holding ISO dates or date-times, as the CSV reader does (overridden ones aside)."""
    formats = temporal_columns(sample) if isinstance(sample, pl.DataFrame) else sample
    formats = {name: fmt for name, fmt in formats.items() if name not in skip}
    return (
        frame.with_columns(temporal_expr(name, fmt).alias(name) for name, fmt in formats.items()) if formats else frame
    )


def _utf8(source: Path, out: AtomicOutput, detected: DetectedFormat, progress: Progress) -> Path:
    """The file itself when it is plain UTF-8, else a UTF-8 copy (Latin-1 converted, BOM dropped)."""
    if detected.encoding in (None, "utf-8"):
        return source
    return transcode(source, out.scratch_file("source.json"), detected.encoding, progress)


def _json_error(path: Path, label: str, exc: BaseException) -> Invalid:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        return Invalid(f"line {error.lineno}, column {error.colno} of '{label}': {error.msg}", field="file")
    except UnicodeDecodeError:
        return Invalid(f"file '{label}' is not valid UTF-8; set the encoding to latin-1 if it is that", field="file")
    if not isinstance(document, list):
        return Invalid(f"file '{label}' holds a JSON {type(document).__name__}; expected an array of objects")
    for index, element in enumerate(document, start=1):
        if not isinstance(element, dict):
            kind = "null" if element is None else type(element).__name__
            return Invalid(f"element {index} of the JSON array in '{label}' is a {kind}, not an object", field="file")
    return Invalid(f"could not read JSON file '{label}': {_reason(exc)}", field="file")


def _ndjson_error(path: Path, label: str, exc: BaseException) -> Invalid:
    number = 0
    with open(path, encoding="utf-8", errors="strict") as handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as error:
                    return Invalid(f"line {number} of '{label}' is not valid JSON: {error.msg} (column {error.colno})")
                if not isinstance(value, dict):
                    kind = "null" if value is None else type(value).__name__
                    return Invalid(f"line {number} of '{label}' holds a JSON {kind}, not an object", field="file")
        except UnicodeDecodeError:
            return Invalid(f"line {number + 1} of '{label}' is not valid UTF-8; set the encoding to latin-1")
    return Invalid(f"could not read JSON lines file '{label}': {_reason(exc)}", field="file")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _reason(exc: BaseException) -> str:
    """The first line of a library's error, which is the part that explains it."""
    return str(exc).strip().split("\n", 1)[0][:300] or type(exc).__name__
