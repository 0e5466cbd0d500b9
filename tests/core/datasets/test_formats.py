"""Format detection: magic bytes and content first, extension second; encodings, delimiters and headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from datalinx.core.datasets.formats import detect_format, sniff_header
from datalinx.core.errors import Invalid


def _detect(tmp_path: Path, name: str, content: bytes) -> tuple[str, str | None, str | None, bool | None]:
    (tmp_path / name).write_bytes(content)
    found = detect_format(tmp_path / name, name)
    return found.format, found.delimiter, found.encoding, found.has_header


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.csv", b"id,name\n1,Ann\n2,Bob\n", ("csv", ",", "utf-8", True)),
        ("a.txt", b"id;name\n1;Ann\n2;Bob\n", ("csv", ";", "utf-8", True)),
        ("a.tsv", b"id\tname\n1\tAnn\n", ("tsv", "\t", "utf-8", True)),
        ("a.csv", b"id|name|note\n1|Ann|a, b\n", ("csv", "|", "utf-8", True)),
        ("a.csv", b"\xef\xbb\xbfid,name\n1,Ann\n", ("csv", ",", "utf-8-sig", True)),
        ("a.csv", "id,name\n1,Zoë\n".encode("latin-1"), ("csv", ",", "latin-1", True)),
        ("upload", b'[{"a": 1}]', ("json", None, "utf-8", None)),
        ("upload", b'{"a": 1}\n{"a": 2}\n', ("ndjson", None, "utf-8", None)),
        ("rows.json", b'{"a": 1}\n{"a": 2}\n', ("ndjson", None, "utf-8", None)),
        ("upload", b"PAR1" + bytes(20), ("parquet", None, None, None)),
        ("a.csv", b"1,2.5,2020-01-01\n2,3.5,2020-01-02\n", ("csv", ",", "utf-8", False)),
    ],
)
def test_detects_format_delimiter_encoding_and_header(
    tmp_path: Path, name: str, content: bytes, expected: tuple[str, str | None, str | None, bool | None]
) -> None:
    assert _detect(tmp_path, name, content) == expected


def test_a_delimited_extension_wins_over_a_bracket_at_the_start(tmp_path: Path) -> None:
    assert _detect(tmp_path, "tags.csv", b"[tag],count\n[a],1\n")[:2] == ("csv", ",")


def test_json_extension_without_json_content_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Invalid, match="does not hold JSON"):
        _detect(tmp_path, "data.json", b"a,b\n1,2\n")


def test_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("data.csv", "a,b\n1,2\n")
    with pytest.raises(Invalid, match="ZIP archive"):
        detect_format(tmp_path / "a.zip", "data.csv")


def test_utf16_is_refused_with_advice(tmp_path: Path) -> None:
    with pytest.raises(Invalid, match="UTF-16"):
        _detect(tmp_path, "a.csv", "a,b\n1,2\n".encode("utf-16"))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["name", "age"], ["Ann", "31"], ["Bob", "42"]], True),
        ([["1", "2"], ["3", "4"]], False),
        ([["country", "2019", "2020"], ["DE", "1.5", "2.5"]], True),
        ([["Ann", "31"], ["Bob", "42"]], False),
        ([["code", "label"], ["AB", "first"], ["CD", "second"]], True),
        ([["only", "header"]], True),
    ],
)
def test_header_heuristic(rows: list[list[str]], expected: bool) -> None:
    assert sniff_header(rows) is expected
