"""Bad input gives Invalid naming the line, row or column, and leaves nothing at the target."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

from datalinx.core.datasets.ingest import ingest_file
from datalinx.core.datasets.schemas import IngestOptions
from datalinx.core.errors import Invalid
from tests.core.datasets.writers import leftovers


def _refused(tmp_path: Path, name: str, content: bytes, options: IngestOptions | None = None) -> Invalid:
    source = tmp_path / name
    source.write_bytes(content)
    out = tmp_path / "out"
    with pytest.raises(Invalid) as caught:
        ingest_file(source, out / "data.parquet", original_name=name, options=options)
    assert leftovers(out) == [], "a failed ingest must leave nothing behind"
    return caught.value


def test_empty_file(tmp_path: Path) -> None:
    assert "'empty.csv' is empty" in _refused(tmp_path, "empty.csv", b"").message


def test_file_of_blank_lines_has_no_columns(tmp_path: Path) -> None:
    assert "no columns" in _refused(tmp_path, "blank.csv", b"\n\r\n\n").message


def test_json_objects_without_keys_have_no_columns(tmp_path: Path) -> None:
    assert "no columns" in _refused(tmp_path, "empty.json", b"[{}, {}]").message


def test_duplicate_column_names_are_named(tmp_path: Path) -> None:
    error = _refused(tmp_path, "dup.csv", b"id,email,name,Email\n1,a@x.io,A,b@x.io\n")
    assert "duplicate column names" in error.message and "'email / Email'" in error.message


def test_ragged_row_in_the_sample_names_its_line(tmp_path: Path) -> None:
    error = _refused(tmp_path, "ragged.csv", b"a,b,c\n1,2,3\n4,5\n6,7,8\n")
    assert "line 3" in error.message and "2 fields" in error.message


def test_ragged_row_far_down_names_its_line(tmp_path: Path) -> None:
    body = b"".join(b"%d,x\n" % i for i in range(40_000))
    error = _refused(tmp_path, "late.csv", b"id,name\n" + body + b"40000,x,extra\n")
    assert "line 40002" in error.message and "3 fields" in error.message


def test_truncated_csv_names_the_line_of_the_open_quote(tmp_path: Path) -> None:
    body = b"".join(b'%d,"note %d"\n' % (i, i) for i in range(40_000))
    error = _refused(tmp_path, "cut.csv", b"id,note\n" + body + b'40000,"this note was cut off')
    assert "line 40002" in error.message and "never closed" in error.message


def test_binary_file_named_csv(tmp_path: Path) -> None:
    noise = bytes((i * 7919 + 13) % 256 for i in range(4096))
    assert "binary" in _refused(tmp_path, "data.csv", noise).message


def test_image_named_csv_says_what_it_is(tmp_path: Path) -> None:
    assert "PNG image" in _refused(tmp_path, "data.csv", b"\x89PNG\r\n\x1a\n" + bytes(200)).message


def test_truncated_parquet(tmp_path: Path, reference: pl.DataFrame) -> None:
    reference.write_parquet(tmp_path / "good.parquet")
    content = (tmp_path / "good.parquet").read_bytes()
    assert "footer" in _refused(tmp_path, "cut.parquet", content[: len(content) // 2]).message


def test_parquet_damaged_inside(tmp_path: Path, reference: pl.DataFrame) -> None:
    reference.write_parquet(tmp_path / "good.parquet", compression="uncompressed")
    content = bytearray((tmp_path / "good.parquet").read_bytes())
    footer_length = int.from_bytes(content[-8:-4], "little")
    content[-8 - footer_length : -8] = os.urandom(footer_length)  # the footer's schema becomes noise
    assert "corrupt" in _refused(tmp_path, "bad.parquet", bytes(content)).message


def test_truncated_excel(tmp_path: Path, reference: pl.DataFrame) -> None:
    reference.write_excel(tmp_path / "good.xlsx")
    content = (tmp_path / "good.xlsx").read_bytes()
    assert "Excel file 'cut.xlsx'" in _refused(tmp_path, "cut.xlsx", content[: len(content) // 2]).message


def test_missing_excel_sheet_lists_the_sheets(tmp_path: Path, reference: pl.DataFrame) -> None:
    reference.write_excel(tmp_path / "good.xlsx", worksheet="people")
    error = _refused(tmp_path, "book.xlsx", (tmp_path / "good.xlsx").read_bytes(), IngestOptions(sheet="orders"))
    assert "no sheet 'orders'" in error.message and "people" in error.message and error.field == "sheet"


def test_truncated_json_names_line_and_column(tmp_path: Path) -> None:
    error = _refused(tmp_path, "cut.json", b'[\n{"a": 1},\n{"a": 2,')
    assert "line 3" in error.message and "column" in error.message


def test_json_single_object_is_refused(tmp_path: Path) -> None:
    assert "single JSON object" in _refused(tmp_path, "one.json", b'{\n  "a": 1\n}\n').message


def test_json_array_of_numbers_is_refused(tmp_path: Path) -> None:
    assert "element 1" in _refused(tmp_path, "nums.json", b"[1, 2, 3]").message


def test_malformed_ndjson_line_is_named(tmp_path: Path) -> None:
    error = _refused(tmp_path, "rows.ndjson", b'{"a": 1}\n{"a": 2\n{"a": 3}\n')
    assert "line 2" in error.message


def test_csv_override_that_does_not_fit_names_column_and_row(tmp_path: Path) -> None:
    content = b"name,age\nAda,36\n\nBob,41\nCy,forty\n"
    error = _refused(tmp_path, "people.csv", content, IngestOptions(column_types={"age": "int64"}))
    assert "column 'age'" in error.message and "row 3 (line 5)" in error.message and "'forty'" in error.message
    assert error.field == "age"


def test_json_override_that_does_not_fit_names_column_and_row(tmp_path: Path) -> None:
    content = b'[{"day": "2024-01-01"}, {"day": "yesterday"}]'
    error = _refused(tmp_path, "days.json", content, IngestOptions(column_types={"day": "date"}))
    assert "column 'day'" in error.message and "row 2" in error.message


def test_override_of_an_unknown_column(tmp_path: Path) -> None:
    error = _refused(tmp_path, "t.csv", b"a,b\n1,2\n", IngestOptions(column_types={"c": "int64"}))
    assert error.field == "column_types" and "c" in error.message


def test_forced_utf8_on_latin1_names_the_line(tmp_path: Path) -> None:
    content = "a,b\n1,x\n2,Café\n".encode("latin-1")
    assert "line 3" in _refused(tmp_path, "t.csv", content, IngestOptions(encoding="utf-8")).message


def test_failure_keeps_an_earlier_version_intact(tmp_path: Path) -> None:
    (tmp_path / "good.csv").write_text("a\n1\n")
    target = tmp_path / "out" / "data.parquet"
    ingest_file(tmp_path / "good.csv", target)
    (tmp_path / "bad.csv").write_text("a,b\n1\n")
    with pytest.raises(Invalid):
        ingest_file(tmp_path / "bad.csv", target)
    assert leftovers(tmp_path / "out") == ["data.parquet"]
    assert pl.read_parquet(target)["a"].to_list() == [1]
