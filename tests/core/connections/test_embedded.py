"""SQLite and DuckDB files: opened read-only, files unchanged, types kept or inferred."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from datalinx.core.connections import connectors
from datalinx.core.connections.schemas import ConnectionSpec
from datalinx.core.errors import ConnectionFailed, Invalid
from tests.core.connections.conftest import file_digest


def _spec(kind: str, path: Path) -> ConnectionSpec:
    return ConnectionSpec(kind=kind, path=str(path))  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["sqlite", "duckdb"])
def test_missing_file(kind: str, tmp_path: Path) -> None:
    with pytest.raises(ConnectionFailed) as caught:
        connectors.test_connection(_spec(kind, tmp_path / "nope.db"), None)
    assert "does not exist" in caught.value.message and "nope.db" in caught.value.message


@pytest.mark.parametrize("kind", ["sqlite", "duckdb"])
def test_file_that_is_not_a_database(kind: str, tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("just some text, not a database\n" * 100)
    with pytest.raises(ConnectionFailed, match="is not a"):
        connectors.test_connection(_spec(kind, tmp_path / "notes.db"), None)


def test_sqlite_tables_and_export_with_widening_types(sqlite_file: Path, tmp_path: Path) -> None:
    spec = _spec("sqlite", sqlite_file)
    assert connectors.test_connection(spec, None).server_version.startswith("SQLite")  # type: ignore[union-attr]
    assert [(t.name, t.kind) for t in connectors.list_tables(spec, None)] == [("big", "view"), ("events", "table")]
    result = connectors.export_to_parquet(spec, None, table="events", target=tmp_path / "e.parquet", batch_rows=3)
    frame = pl.read_parquet(tmp_path / "e.parquet")
    # Batches of 3: integers, then integers with 6.5 (floats), then 'seven': the column widened to text,
    # each batch keeping the text of the type it was read as.
    assert [c.dtype for c in result.columns] == ["int64", "string", "string"]
    assert frame["amount"].to_list() == ["1", "2", "3", "4.0", "5.0", "6.5", "seven"]
    numbers = connectors.export_to_parquet(
        spec, None, query="SELECT amount FROM events WHERE id <= 6", target=tmp_path / "n.parquet", batch_rows=3
    )
    assert [c.dtype for c in numbers.columns] == ["float64"]


def test_sqlite_writes_are_refused_and_the_file_is_unchanged(sqlite_file: Path, tmp_path: Path) -> None:
    before = file_digest(sqlite_file)
    spec = _spec("sqlite", sqlite_file)
    with pytest.raises(Invalid, match="starts with 'DELETE'"):
        connectors.export_to_parquet(spec, None, query="DELETE FROM events", target=tmp_path / "x.parquet")
    with connectors.open_source(spec, None) as source, pytest.raises(Invalid, match="read-only"):
        source.run("DELETE FROM events", 10)
    assert file_digest(sqlite_file) == before


def test_duckdb_tables_and_typed_export(duckdb_file: Path, tmp_path: Path) -> None:
    spec = _spec("duckdb", duckdb_file)
    tables = {t.name: t for t in connectors.list_tables(spec, None)}
    assert (tables["sales"].kind, tables["sales"].estimated_rows) == ("table", 7)
    assert tables["even_sales"].kind == "view"
    result = connectors.export_to_parquet(spec, None, table="sales", target=tmp_path / "s.parquet", batch_rows=3)
    assert [c.dtype for c in result.columns] == [
        "int64",
        "decimal(10,2)",
        "date",
        "datetime",
        "bool",
        "string",
        "binary",
    ]
    assert pl.read_parquet(tmp_path / "s.parquet")["pair"][0] == "[0, 1]"
    assert result.rows == 7


def test_duckdb_refuses_writes_and_outside_files(duckdb_file: Path, tmp_path: Path) -> None:
    before = file_digest(duckdb_file)
    spec = _spec("duckdb", duckdb_file)
    with connectors.open_source(spec, None) as source, pytest.raises(Invalid, match="read-only"):
        source.run("INSERT INTO sales (id) VALUES (99)", 10)
    with pytest.raises(Invalid, match="files outside the database"):
        connectors.export_to_parquet(
            spec, None, query="SELECT * FROM read_csv('/etc/hostname')", target=tmp_path / "x.parquet"
        )
    assert file_digest(duckdb_file) == before


def test_export_needs_exactly_one_of_table_and_query(sqlite_file: Path, tmp_path: Path) -> None:
    spec = _spec("sqlite", sqlite_file)
    with pytest.raises(Invalid):
        connectors.export_to_parquet(spec, None, target=tmp_path / "x.parquet")
    with pytest.raises(Invalid):
        connectors.export_to_parquet(spec, None, table="events", query="SELECT 1", target=tmp_path / "x.parquet")


def test_empty_result_still_writes_its_columns(sqlite_file: Path, tmp_path: Path) -> None:
    result = connectors.export_to_parquet(
        _spec("sqlite", sqlite_file), None, query="SELECT id, note FROM events WHERE 0", target=tmp_path / "e.parquet"
    )
    assert result.rows == 0 and [c.name for c in result.columns] == ["id", "note"]


def test_duplicate_result_column_names_are_refused(sqlite_file: Path, tmp_path: Path) -> None:
    with pytest.raises(Invalid, match="duplicate column names"):
        connectors.export_to_parquet(
            _spec("sqlite", sqlite_file), None, query="SELECT id, id FROM events", target=tmp_path / "d.parquet"
        )
    assert not (tmp_path / "d.parquet").exists()
