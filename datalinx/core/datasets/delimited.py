"""CSV and TSV into Parquet through DuckDB's streaming CSV reader; errors name the line, row and column."""

from __future__ import annotations

import csv
import os
import re
import sys
from pathlib import Path

import duckdb

from datalinx.core.datasets.atomic import AtomicOutput
from datalinx.core.datasets.casting import check_override_columns
from datalinx.core.datasets.columns import normalize_names
from datalinx.core.datasets.formats import decode_sample, read_sample, sample_rows, transcode
from datalinx.core.datasets.progress import Progress, run_reporting
from datalinx.core.datasets.schemas import DetectedFormat, IngestOptions
from datalinx.core.errors import Invalid

DUCKDB_TYPES = {
    "string": "VARCHAR",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "date": "DATE",
    "datetime": "TIMESTAMP",
}
# TIME and DECIMAL stay out: detected types are the ones a user can also ask for by override.
AUTO_TYPES = ("BOOLEAN", "BIGINT", "DOUBLE", "DATE", "TIMESTAMP", "VARCHAR")
NULL_TOKENS = ("", "NA", "N/A", "NULL", "null", "#N/A")
MEMORY_LIMIT = "256MB"
ROW_GROUP_TEXT_BYTES = 24 * 1024 * 1024
_LINE = re.compile(r"CSV Error on Line: (\d+)")
_ERROR_KIND = re.compile(r"^[A-Za-z ]*Error: ")
_CONVERSION = re.compile(r'converting column "(?P<column>.*?)"\. Could not convert string "(?P<value>.*?)" to', re.S)

# Rows holding very long text would otherwise stop the diagnostic reader at 128 KiB per field.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def ingest_delimited(
    source: Path, out: AtomicOutput, detected: DetectedFormat, options: IngestOptions, *, label: str, progress: Progress
) -> DetectedFormat:
    """Parse a CSV/TSV file into Parquet at `out.output`; returns how it was read (the encoding may change)."""
    names, row_bytes = read_header(source, detected, label)
    check_override_columns(options.column_types, names, label)
    encoding = detected.encoding or "utf-8"
    parse_from = source
    parsing = progress
    if encoding == "latin-1":
        parse_from = transcode(source, out.scratch_file("source.csv"), "latin-1", progress.stage(0.0, 0.4))
        parsing = progress.stage(0.4, 1.0)
    types = {name: DUCKDB_TYPES[kind] for name, kind in options.column_types.items()}
    for _ in range(len(names) + 2):
        try:
            _copy(parse_from, out, detected, names, types, parsing, row_group_size(row_bytes))
            return detected.model_copy(update={"encoding": encoding})
        except duckdb.ConversionException as exc:
            match = _CONVERSION.search(str(exc))
            column = match["column"] if match else None
            if match is None or column in options.column_types or column not in names:
                raise _cast_error(parse_from, detected, names, options, label, exc, match) from None
            # A type guessed from the sample failed further down: the column is mixed, so it stays text.
            types[column] = "VARCHAR"
        except duckdb.InvalidInputException as exc:
            if "Invalid unicode" in str(exc) and options.encoding is None and encoding != "latin-1":
                # Only the sample was checked for UTF-8; the rest of the file turned out to be Latin-1.
                encoding = "latin-1"
                parse_from = transcode(source, out.scratch_file("source.csv"), "latin-1", progress.stage(0.0, 0.4))
                parsing = progress.stage(0.4, 1.0)
                continue
            raise _parse_error(parse_from, detected, len(names), label, exc) from None
    raise Invalid(f"could not settle the column types of '{label}'", field="file")


def read_header(path: Path, detected: DetectedFormat, label: str) -> tuple[list[str], float]:
    """Column names (or column_1..n) and bytes per row, after checking the sample's rows have as many fields."""
    sample = read_sample(path)
    complete = path.stat().st_size <= len(sample)
    text = decode_sample(sample, detected.encoding or "utf-8", complete=complete)
    rows = sample_rows(text, detected.delimiter or ",", complete=complete)
    if not rows:
        raise Invalid(f"file '{label}' has no columns: it holds only blank lines", field="file")
    first_line, first = rows[0]
    for line, row in rows[1:]:
        if len(row) != len(first):
            raise Invalid(_ragged(label, line, len(row), len(first), first_line), field="file")
    row_bytes = len(sample) / len(rows)
    if not detected.has_header:
        return [f"column_{index}" for index in range(1, len(first) + 1)], row_bytes
    return normalize_names(first, label=label, where=f"its header (line {first_line})"), row_bytes


def row_group_size(row_bytes: float) -> int:
    """Rows per Parquet row group, fewer for wide rows, so a group of text fits the memory limit."""
    # DuckDB holds a whole row group per thread while writing; past its memory limit it spills and slows 20x.
    return int(min(max(ROW_GROUP_TEXT_BYTES / max(row_bytes, 1.0), 1_024), 122_880))


def _ragged(label: str, line: int, found: int, expected: int, first_line: int = 1) -> str:
    return f"line {line} of '{label}' has {found} fields but line {first_line} has {expected}"


def _copy(
    path: Path,
    out: AtomicOutput,
    detected: DetectedFormat,
    names: list[str],
    types: dict[str, str],
    progress: Progress,
    row_group: int,
) -> None:
    args = [
        _literal(str(path)),
        f"delim={_literal(detected.delimiter or ',')}",
        "quote='\"'",
        "escape='\"'",
        f"header={'true' if detected.has_header else 'false'}",
        "names=[" + ", ".join(_literal(name) for name in names) + "]",
        "strict_mode=true",
        "encoding='utf-8'",
        "nullstr=[" + ", ".join(_literal(token) for token in NULL_TOKENS) + "]",
        "auto_type_candidates=[" + ", ".join(_literal(kind) for kind in AUTO_TYPES) + "]",
        "dateformat='%Y-%m-%d'",  # only ISO dates become dates: 01/02/2024 is ambiguous and stays text
    ]
    if types:
        args.append("types={" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in types.items()) + "}")
    target = f"{_literal(str(out.output))} (FORMAT parquet, ROW_GROUP_SIZE {row_group})"
    sql = f"COPY (SELECT * FROM read_csv({', '.join(args)})) TO {target}"
    config = {
        "threads": max(1, min(4, os.cpu_count() or 1)),
        "memory_limit": MEMORY_LIMIT,
        "temp_directory": str(out.scratch_file("duckdb")),
    }
    connection = duckdb.connect(config=config)
    try:
        connection.execute("SET enable_progress_bar = true")
        connection.execute("SET enable_progress_bar_print = false")
        run_reporting(
            lambda: connection.execute(sql) and None,
            poll=lambda: connection.query_progress() / 100,
            progress=progress,
            message="reading rows",
            stop=connection.interrupt,
        )
    finally:
        connection.close()


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _cast_error(
    path: Path,
    detected: DetectedFormat,
    names: list[str],
    options: IngestOptions,
    label: str,
    exc: duckdb.Error,
    match: re.Match[str] | None,
) -> Invalid:
    if match is None or match["column"] not in names:
        return Invalid(f"could not read '{label}': {_first_line(exc, path, label)}", field="file")
    column, value = match["column"], match["value"]
    wanted = options.column_types.get(column, "the detected type")
    found = _find_value(path, detected, names.index(column), value)
    if found is None:
        line = _LINE.search(str(exc))
        where = f"line {line[1]}" if line else "a row"
        return Invalid(f"column '{column}' of '{label}', {where}: '{value}' cannot be read as {wanted}", field=column)
    row, line_number = found
    return Invalid(
        f"column '{column}' of '{label}', row {row} (line {line_number}): '{value}' cannot be read as {wanted}",
        field=column,
    )


def _find_value(path: Path, detected: DetectedFormat, index: int, value: str) -> tuple[int, int] | None:
    """The first data row (1-based) and its line where column `index` holds `value`."""
    with open(path, encoding="utf-8-sig", newline="", errors="replace") as handle:
        reader = csv.reader(handle, delimiter=detected.delimiter or ",")
        line, row_number, header_pending = 1, 0, bool(detected.has_header)
        for row in reader:
            if row and row != [""]:
                if header_pending:
                    header_pending = False
                else:
                    row_number += 1
                    if index < len(row) and row[index].strip() == value.strip():
                        return row_number, line
            line = reader.line_num + 1
    return None


def _parse_error(path: Path, detected: DetectedFormat, width: int, label: str, exc: duckdb.Error) -> Invalid:
    problem = locate_problem(path, detected.delimiter or ",", width, label)
    if problem is not None:
        return Invalid(problem, field="file")
    line = _LINE.search(str(exc))
    where = f" at line {line[1]}" if line else ""
    return Invalid(f"could not read '{label}' as {detected.format.upper()}{where}: {_first_line(exc, path, label)}")


def locate_problem(path: Path, delimiter: str, width: int, label: str) -> str | None:
    """Read the file strictly, row by row, and describe the first malformed row with its line."""
    lines = _DecodedLines(path)
    line = 1
    try:
        reader = csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True, strict=True)
        for row in reader:
            if row and row != [""] and len(row) != width:
                return _ragged(label, line, len(row), width)
            line = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            return f"line {line} of '{label}' opens a quoted value that is never closed (is the file truncated?)"
        return f"line {line} of '{label}' is malformed: {exc}"
    except UnicodeDecodeError:
        return f"line {lines.count} of '{label}' is not valid UTF-8 (set the encoding to latin-1 if that is what it is)"
    finally:
        lines.close()
    return None


class _DecodedLines:
    """A file's lines decoded one at a time, so a decoding error is known by its line number."""

    def __init__(self, path: Path) -> None:
        self._handle = open(path, "rb")  # noqa: SIM115 - closed by close()
        self.count = 0

    def __iter__(self) -> _DecodedLines:
        return self

    def __next__(self) -> str:
        raw = next(self._handle)
        self.count += 1
        return raw.decode("utf-8-sig" if self.count == 1 else "utf-8")

    def close(self) -> None:
        self._handle.close()


def _first_line(exc: Exception, path: Path, label: str) -> str:
    """DuckDB's first message line, with our file paths replaced by the name the user knows."""
    text = str(exc).split("\n", 1)[0].replace(str(path), label)
    return _ERROR_KIND.sub("", text).strip()
