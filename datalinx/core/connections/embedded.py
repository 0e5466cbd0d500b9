"""SQLite and DuckDB files, opened read-only (SQLite `mode=ro`, DuckDB `read_only` without file access)."""

from __future__ import annotations

import re
import sqlite3
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from datalinx.core.connections.batches import ColumnPlan, ResultSet, to_text
from datalinx.core.connections.schemas import ConnectionSpec, TableRef
from datalinx.core.connections.sql import table_sql, write_refused
from datalinx.core.errors import ConnectionFailed, Invalid

_DUCKDB_TYPES: dict[str, pl.DataType] = {
    "BOOLEAN": pl.Boolean(),
    "TINYINT": pl.Int8(),
    "SMALLINT": pl.Int16(),
    "INTEGER": pl.Int32(),
    "BIGINT": pl.Int64(),
    "HUGEINT": pl.Int128(),
    "UTINYINT": pl.UInt8(),
    "USMALLINT": pl.UInt16(),
    "UINTEGER": pl.UInt32(),
    "UBIGINT": pl.UInt64(),
    "FLOAT": pl.Float32(),
    "DOUBLE": pl.Float64(),
    "VARCHAR": pl.String(),
    "DATE": pl.Date(),
    "TIMESTAMP": pl.Datetime("us"),
    "TIMESTAMP WITH TIME ZONE": pl.Datetime("us", "UTC"),
    "TIME": pl.Time(),
    "INTERVAL": pl.Duration("us"),
    "BLOB": pl.Binary(),
}
_DECIMAL = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")


def _existing_file(spec: ConnectionSpec) -> Path:
    path = Path(spec.path or "")
    if not path.is_file():
        raise ConnectionFailed(f"database file '{spec.path}' does not exist", field="path")
    return path


class SqliteSource:
    """A SQLite file opened read-only; column types come from the values (SQLite has no fixed ones)."""

    def __init__(self, spec: ConnectionSpec) -> None:
        self.spec = spec
        path = _existing_file(spec)
        uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
        try:
            # Batches may be fetched on a worker thread: the connection is used by one thread at a time.
            self.connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self.connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise ConnectionFailed(f"file '{spec.path}' is not a SQLite database ({exc})", field="path") from None

    def server_version(self) -> str:
        return f"SQLite {sqlite3.sqlite_version}"

    def ping(self) -> None:
        self.connection.execute("SELECT 1").fetchone()

    def list_tables(self) -> list[TableRef]:
        rows = self.connection.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' "
            "ESCAPE '\\' ORDER BY name"
        ).fetchall()
        return [TableRef(schema=None, name=name, kind=kind) for kind, name in rows]

    def table_sql(self, table: str, schema: str | None) -> str:
        return table_sql(table, schema)

    def estimate_rows(self, table: str, schema: str | None) -> int | None:
        return None  # SQLite keeps no row estimate; counting would read the whole table

    def run(self, sql: str, batch_rows: int) -> ResultSet:
        try:
            cursor = self.connection.execute(sql)
        except (sqlite3.Error, sqlite3.Warning) as exc:
            raise _sqlite_error(self.spec, exc) from None
        columns = [ColumnPlan(d[0], None) for d in cursor.description or []]
        return ResultSet(columns=columns, batches=self._batches(cursor, batch_rows))

    def _batches(self, cursor: sqlite3.Cursor, batch_rows: int) -> Iterator[list[tuple[Any, ...]]]:
        try:
            while rows := cursor.fetchmany(batch_rows):
                yield rows
        except sqlite3.Error as exc:
            raise _sqlite_error(self.spec, exc) from None
        finally:
            cursor.close()

    def close(self) -> None:
        self.connection.close()


def _sqlite_error(spec: ConnectionSpec, exc: Exception) -> Invalid:
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return write_refused(spec.describe())
    if "no such table" in text:
        return Invalid(f"{text} in the {spec.describe()}", field="table")
    return Invalid(f"the {spec.describe()} refused the query: {text}", field="query")


class DuckdbSource:
    """A DuckDB file opened read-only, with file system access off so a query cannot read or write other files."""

    def __init__(self, spec: ConnectionSpec) -> None:
        self.spec = spec
        path = _existing_file(spec)
        try:
            self.connection = duckdb.connect(
                str(path), read_only=True, config={"enable_external_access": False, "threads": 2}
            )
        except duckdb.Error as exc:
            text = str(exc)
            if "lock" in text.lower():
                message = f"database file '{spec.path}' is locked by another process that is writing to it"
            else:
                message = f"file '{spec.path}' is not a DuckDB database this version can open"
            raise ConnectionFailed(message, field="path") from None

    def server_version(self) -> str:
        return f"DuckDB {duckdb.__version__}"

    def ping(self) -> None:
        self.connection.execute("SELECT 1").fetchone()

    def list_tables(self) -> list[TableRef]:
        rows = self.connection.execute(
            "SELECT schema_name, table_name, 'table', estimated_size FROM duckdb_tables() WHERE NOT internal "
            "UNION ALL SELECT schema_name, view_name, 'view', NULL FROM duckdb_views() WHERE NOT internal "
            "ORDER BY 1, 2"
        ).fetchall()
        return [TableRef(schema=s, name=n, kind=k, estimated_rows=e) for s, n, k, e in rows]

    def table_sql(self, table: str, schema: str | None) -> str:
        return table_sql(table, schema)

    def estimate_rows(self, table: str, schema: str | None) -> int | None:
        row = self.connection.execute(
            "SELECT estimated_size FROM duckdb_tables() WHERE table_name = ? AND schema_name = coalesce(?, 'main')",
            [table, schema],
        ).fetchone()
        return int(row[0]) if row and row[0] else None

    def run(self, sql: str, batch_rows: int) -> ResultSet:
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql)
        except duckdb.Error as exc:
            cursor.close()
            raise _duckdb_error(self.spec, exc) from None
        columns = [_duckdb_plan(name, str(kind)) for name, kind, *_ in cursor.description or []]
        return ResultSet(columns=columns, batches=self._batches(cursor, batch_rows))

    def _batches(self, cursor: duckdb.DuckDBPyConnection, batch_rows: int) -> Iterator[list[tuple[Any, ...]]]:
        try:
            while rows := cursor.fetchmany(batch_rows):
                yield rows
        except duckdb.Error as exc:
            raise _duckdb_error(self.spec, exc) from None
        finally:
            cursor.close()

    def close(self) -> None:
        self.connection.close()


def _duckdb_plan(name: str, kind: str) -> ColumnPlan:
    if kind in _DUCKDB_TYPES:
        return ColumnPlan(name, _DUCKDB_TYPES[kind])
    decimal = _DECIMAL.fullmatch(kind)
    if decimal:
        return ColumnPlan(name, pl.Decimal(int(decimal[1]), int(decimal[2])))
    return ColumnPlan(name, pl.String(), to_text)  # UUID, JSON, lists, structs, maps: their text form


def _duckdb_error(spec: ConnectionSpec, exc: duckdb.Error) -> Invalid:
    text = str(exc).split("\n", 1)[0]
    if "read-only" in text:
        return write_refused(spec.describe())
    if isinstance(exc, duckdb.PermissionException):
        return Invalid("the query tried to read or write files outside the database, which is refused", field="query")
    if isinstance(exc, duckdb.CatalogException) and "does not exist" in text:
        return Invalid(f"{text} in the {spec.describe()}", field="table")
    return Invalid(f"the {spec.describe()} refused the query: {text}", field="query")
