"""Every format in every encoding reads back the same rows and types."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from datalinx.core.datasets.ingest import column_infos, ingest_file
from datalinx.core.datasets.schemas import IngestOptions
from tests.core.datasets.writers import write_text_format

TEXT_CASES = [
    (fmt, encoding) for fmt in ("csv", "tsv", "json", "ndjson") for encoding in ("utf-8", "utf-8-sig", "latin-1")
]
EXPECTED_TYPES = ["int64", "float64", "bool", "string", "date", "datetime"]


@pytest.mark.parametrize(("fmt", "encoding"), TEXT_CASES)
def test_text_format_round_trips_in_each_encoding(
    tmp_path: Path, reference: pl.DataFrame, fmt: str, encoding: str
) -> None:
    source = write_text_format(reference, fmt, tmp_path / f"people.{fmt}", encoding)  # type: ignore[arg-type]
    target = tmp_path / "out" / "data.parquet"
    result = ingest_file(source, target, original_name=source.name)
    assert result.detected is not None
    assert (result.detected.format, result.detected.encoding) == (fmt, encoding)
    back = pl.read_parquet(target)
    assert back.equals(reference), back
    assert [c.dtype for c in result.columns] == EXPECTED_TYPES
    assert [c.null_count for c in result.columns] == [1, 1, 1, 1, 1, 2]
    assert result.rows == 4
    assert result.size_bytes == target.stat().st_size


@pytest.mark.parametrize("delimiter", [";", "|"])
def test_semicolon_and_pipe_delimiters_are_detected(tmp_path: Path, reference: pl.DataFrame, delimiter: str) -> None:
    source = write_text_format(reference, "csv", tmp_path / "people.csv", "utf-8", delimiter=delimiter)
    result = ingest_file(source, tmp_path / "data.parquet")
    assert result.detected is not None and result.detected.delimiter == delimiter
    assert pl.read_parquet(tmp_path / "data.parquet").equals(reference)


def test_parquet_round_trips(tmp_path: Path, reference: pl.DataFrame) -> None:
    reference.write_parquet(tmp_path / "people.parquet")
    result = ingest_file(tmp_path / "people.parquet", tmp_path / "out.parquet")
    assert result.detected is not None and result.detected.format == "parquet"
    assert pl.read_parquet(tmp_path / "out.parquet").equals(reference)


def test_excel_round_trips_and_reads_a_named_sheet(tmp_path: Path, reference: pl.DataFrame) -> None:
    path = tmp_path / "people.xlsx"
    reference.write_excel(path, worksheet="people")
    result = ingest_file(path, tmp_path / "out.parquet", options=IngestOptions(sheet="people"))
    assert result.detected is not None and result.detected.format == "excel"
    assert pl.read_parquet(tmp_path / "out.parquet").equals(reference)
    assert [c.dtype for c in column_infos(tmp_path / "out.parquet")] == EXPECTED_TYPES


def test_content_wins_over_a_misleading_extension(tmp_path: Path, reference: pl.DataFrame) -> None:
    reference.write_parquet(tmp_path / "people.csv")
    result = ingest_file(tmp_path / "people.csv", tmp_path / "out.parquet")
    assert result.detected is not None and result.detected.format == "parquet"


def test_file_without_header_gets_numbered_column_names(tmp_path: Path) -> None:
    (tmp_path / "raw.csv").write_text("1,2.5,2020-01-01\n2,3.5,2020-01-02\n")
    result = ingest_file(tmp_path / "raw.csv", tmp_path / "out.parquet")
    assert result.detected is not None and result.detected.has_header is False
    assert [(c.name, c.dtype) for c in result.columns] == [
        ("column_1", "int64"),
        ("column_2", "float64"),
        ("column_3", "date"),
    ]


def test_mixed_values_late_in_a_column_keep_it_as_text(tmp_path: Path) -> None:
    lines = ["code,amount"] + [f"{i},{i}.5" for i in range(30_000)] + ["A-17,1.0"]
    (tmp_path / "codes.csv").write_text("\n".join(lines) + "\n")
    result = ingest_file(tmp_path / "codes.csv", tmp_path / "out.parquet")
    assert [c.dtype for c in result.columns] == ["string", "float64"]
    assert pl.read_parquet(tmp_path / "out.parquet")["code"][-1] == "A-17"


def test_latin1_bytes_after_the_sample_switch_the_encoding(tmp_path: Path) -> None:
    body = "".join(f"{i},plain\n" for i in range(40_000)).encode() + "40000,Andrés\n".encode("latin-1")
    (tmp_path / "late.csv").write_bytes(b"id,name\n" + body)
    result = ingest_file(tmp_path / "late.csv", tmp_path / "out.parquet")
    assert result.detected is not None and result.detected.encoding == "latin-1"
    assert pl.read_parquet(tmp_path / "out.parquet")["name"][-1] == "Andrés"


def test_column_type_overrides_are_applied(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("zip,flag,day,amount\n01234,yes,2024-01-02,3\n99999,no,2024-02-03,4\n")
    options = IngestOptions(column_types={"zip": "string", "flag": "bool", "amount": "float64", "day": "string"})
    result = ingest_file(tmp_path / "t.csv", tmp_path / "out.parquet", options=options)
    assert [c.dtype for c in result.columns] == ["string", "bool", "string", "float64"]
    assert pl.read_parquet(tmp_path / "out.parquet").row(0) == ("01234", True, "2024-01-02", 3.0)


def test_overrides_apply_to_json_too(tmp_path: Path) -> None:
    (tmp_path / "t.json").write_text('[{"n": "7", "when": "2024-01-02 03:04:05", "ok": "Y"}]')
    options = IngestOptions(column_types={"n": "int64", "when": "datetime", "ok": "bool"})
    result = ingest_file(tmp_path / "t.json", tmp_path / "out.parquet", options=options)
    assert [c.dtype for c in result.columns] == ["int64", "datetime", "bool"]


def test_progress_is_reported_from_zero_to_one(tmp_path: Path, reference: pl.DataFrame) -> None:
    source = write_text_format(reference, "csv", tmp_path / "p.csv", "latin-1")
    seen: list[float] = []
    ingest_file(source, tmp_path / "out.parquet", progress=lambda fraction, message: seen.append(fraction))
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)
