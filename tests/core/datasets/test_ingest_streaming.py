"""Long reads: progress from the caller's thread, cancellation that cleans up, types that settle late."""

from __future__ import annotations

import threading
from pathlib import Path

import polars as pl
import pytest

from datalinx.core.datasets.ingest import ingest_file
from tests.core.datasets.writers import leftovers


class Cancelled(Exception):
    """What a job's progress report raises when the job was cancelled."""


def test_cancelling_mid_parse_stops_and_leaves_nothing(tmp_path: Path) -> None:
    rows = 3_000_000
    frame = pl.DataFrame({"id": pl.int_range(0, rows, eager=True)})
    frame.with_columns(name=pl.lit("customer ") + pl.col("id").cast(pl.String), amount=pl.col("id") / 7).write_csv(
        tmp_path / "big.csv"
    )
    threads: set[str] = set()

    def report(fraction: float, message: str) -> None:
        threads.add(threading.current_thread().name)
        if message == "reading rows":
            raise Cancelled

    with pytest.raises(Cancelled):
        ingest_file(tmp_path / "big.csv", tmp_path / "out" / "data.parquet", progress=report)
    assert leftovers(tmp_path / "out") == []
    assert threads == {threading.current_thread().name}, "progress must be reported on the caller's thread"


def test_ndjson_types_widen_when_later_lines_disagree(tmp_path: Path) -> None:
    lines = [f'{{"code": {i}, "day": "2024-01-{i % 28 + 1:02d}"}}' for i in range(12_000)]
    lines.append('{"code": "A-1", "day": "soon"}')
    (tmp_path / "rows.ndjson").write_text("\n".join(lines) + "\n")
    result = ingest_file(tmp_path / "rows.ndjson", tmp_path / "out.parquet")
    assert [(c.name, c.dtype) for c in result.columns] == [("code", "string"), ("day", "string")]
    assert pl.read_parquet(tmp_path / "out.parquet").row(-1) == ("A-1", "soon")


def test_ndjson_dates_are_typed_like_csv(tmp_path: Path) -> None:
    (tmp_path / "rows.ndjson").write_text('{"day": "2024-01-02", "at": "2024-01-02T03:04:05"}\n')
    result = ingest_file(tmp_path / "rows.ndjson", tmp_path / "out.parquet")
    assert [c.dtype for c in result.columns] == ["date", "datetime"]


def test_row_groups_shrink_for_wide_rows() -> None:
    from datalinx.core.datasets.delimited import row_group_size

    assert row_group_size(120) == 122_880  # narrow rows: DuckDB's default
    assert row_group_size(4_000) < 10_000  # a 600-column row: small groups, or DuckDB spills and crawls
    assert row_group_size(10_000_000) == 1_024
