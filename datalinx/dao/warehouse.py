"""The workspace warehouse: one DuckDB file per workspace, opened by one holder at a time."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

LOCK_TIMEOUT_SECONDS = 300.0


class WarehouseBusy(RuntimeError):
    """Another run held the warehouse for longer than the wait allows."""


@contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the warehouse's lock file (across threads and processes: each holder opens its own descriptor)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout
    with open(path.with_suffix(".lock"), "a+") as handle:
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WarehouseBusy(f"the warehouse {path.name} stayed busy for {timeout:.0f}s") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def connect(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the warehouse file, under its lock, closed on exit."""
    with locked(path):
        connection = duckdb.connect(str(path))
        try:
            yield connection
        finally:
            connection.close()


def table_types(path: Path, table: str) -> list[tuple[str, str]] | None:
    """(column, DuckDB type) of a main-schema table, or None when the warehouse or the table does not exist."""
    if not path.exists():
        return None
    with connect(path) as connection:
        rows = connection.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
    return [(str(name), str(kind)) for name, kind in rows] or None


def table_names(path: Path) -> list[str]:
    """Tables and views of the warehouse's main schema."""
    if not path.exists():
        return []
    with connect(path) as connection:
        rows = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
        ).fetchall()
    return [str(row[0]) for row in rows]


class TableExists(ValueError):
    """A write with if_exists='error' found its table already there."""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def export_table(path: Path, table: str, target: Path, *, limit: int | None = None) -> None:
    """Copy a warehouse table (its first `limit` rows) to a Parquet file."""
    suffix = f" LIMIT {int(limit)}" if limit is not None else ""
    target.parent.mkdir(parents=True, exist_ok=True)
    with connect(path) as connection:
        connection.execute(
            f"COPY (SELECT * FROM main.{_quote(table)}{suffix}) TO {_literal(str(target))} (FORMAT parquet)"
        )


PUBLISHED = "_datalinx_published"


def publish(path: Path, writes: list[tuple[str, Path, str]], *, job_id: str) -> dict[str, int]:
    """Write Parquet files into tables in one transaction, once per job: {table: rows now in it}.

    `writes` holds (table, Parquet file, if_exists: error | replace | append). A job whose writes are
    recorded as published is not applied twice, so a re-run after a crash changes nothing more.
    """
    with connect(path) as connection:
        connection.execute(
            f"CREATE TABLE IF NOT EXISTS {PUBLISHED} (job_id VARCHAR, tbl VARCHAR, published_at TIMESTAMP)"
        )
        done = connection.execute(f"SELECT count(*) FROM {PUBLISHED} WHERE job_id = ?", [job_id]).fetchone()
        if not (done and done[0]):
            connection.execute("BEGIN TRANSACTION")
            try:
                for table, source, if_exists in writes:
                    _write(connection, table, source, if_exists)
                    connection.execute(f"INSERT INTO {PUBLISHED} VALUES (?, ?, now())", [job_id, table])
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        counts = {}
        for table, _, _ in writes:
            row = connection.execute(f"SELECT count(*) FROM main.{_quote(table)}").fetchone()
            counts[table] = int(row[0]) if row else 0
    return counts


def _write(connection: duckdb.DuckDBPyConnection, table: str, source: Path, if_exists: str) -> None:
    exists = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?", [table]
    ).fetchone()
    reader = f"read_parquet({_literal(str(source))})"
    if exists and exists[0] and if_exists == "error":
        raise TableExists(table)
    if exists and exists[0] and if_exists == "append":
        connection.execute(f"INSERT INTO main.{_quote(table)} BY NAME SELECT * FROM {reader}")
    else:
        connection.execute(f"CREATE OR REPLACE TABLE main.{_quote(table)} AS SELECT * FROM {reader}")
