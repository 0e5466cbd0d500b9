"""Previews are JSON-safe, column facts are right, exports are atomic and faithful."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from datalinx.core.datasets.ingest import column_infos, export, read_preview
from datalinx.core.errors import Invalid


@pytest.fixture
def parquet(tmp_path: Path) -> Path:
    frame = pl.DataFrame(
        {
            "day": [dt.date(2024, 1, 1), dt.date(2024, 1, 2), None],
            "at": [dt.datetime(2024, 1, 1, 9, 30), None, None],
            "amount": pl.Series([Decimal("1.10"), Decimal("2.00"), None], dtype=pl.Decimal(10, 2)),
            "ratio": [float("nan"), 1.5, None],
            "tags": [["a", "b"], [], None],
            "blob": [b"\x00\x01", None, None],
        }
    )
    path = tmp_path / "data.parquet"
    frame.write_parquet(path)
    return path


def test_preview_values_are_json_safe(parquet: Path) -> None:
    rows = read_preview(parquet, limit=2)
    json.dumps(rows, allow_nan=False)
    assert rows[0] == {
        "day": "2024-01-01",
        "at": "2024-01-01T09:30:00",
        "amount": "1.10",
        "ratio": "NaN",
        "tags": ["a", "b"],
        "blob": "AAE=",
    }


def test_preview_window_and_bounds(parquet: Path) -> None:
    assert [r["day"] for r in read_preview(parquet, limit=5, offset=1)] == ["2024-01-02", None]
    assert read_preview(parquet, limit=5, offset=10) == []
    with pytest.raises(Invalid) as caught:
        read_preview(parquet, limit=5, offset=-1)
    assert caught.value.field == "offset"


def test_column_infos_give_stable_type_names_and_null_counts(parquet: Path) -> None:
    assert [(c.name, c.dtype, c.null_count) for c in column_infos(parquet)] == [
        ("day", "date", 1),
        ("at", "datetime", 2),
        ("amount", "decimal(10,2)", 1),
        ("ratio", "float64", 1),
        ("tags", "list[string]", 1),
        ("blob", "binary", 2),
    ]


def test_export_csv_encodes_nested_values_as_json(parquet: Path, tmp_path: Path) -> None:
    target = export(parquet, "csv", tmp_path / "out" / "data.csv")
    lines = target.read_text().splitlines()
    assert lines[0] == "day,at,amount,ratio,tags,blob"
    assert '"[""a"",""b""]"' in lines[1]
    assert sorted(p.name for p in target.parent.iterdir()) == ["data.csv"]


def test_export_parquet_is_a_faithful_copy(parquet: Path, tmp_path: Path) -> None:
    target = export(parquet, "parquet", tmp_path / "copy.parquet")
    assert pl.read_parquet(target).equals(pl.read_parquet(parquet))


def test_export_refuses_other_formats(parquet: Path, tmp_path: Path) -> None:
    with pytest.raises(Invalid) as caught:
        export(parquet, "xml", tmp_path / "x.xml")  # type: ignore[arg-type]
    assert caught.value.field == "format"
