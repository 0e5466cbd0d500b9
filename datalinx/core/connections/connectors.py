"""Customer databases, read-only: test a connection, list its tables, stream a table or query into Parquet."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from datalinx.core.connections.batches import Source, write_batches
from datalinx.core.connections.schemas import ConnectionCheck, ConnectionSpec, TableRef
from datalinx.core.connections.sql import check_query
from datalinx.core.datasets.atomic import atomic_output
from datalinx.core.datasets.ingest import column_infos
from datalinx.core.datasets.progress import Progress
from datalinx.core.datasets.schemas import IngestResult
from datalinx.core.errors import Invalid

__all__ = ["export_to_parquet", "list_tables", "open_source", "test_connection"]


@contextmanager
def open_source(spec: ConnectionSpec, password: str | None) -> Iterator[Source]:
    """A read-only session on the database `spec` points at, closed on exit."""
    source: Source
    if spec.kind == "postgresql":
        from datalinx.core.connections.postgres import PostgresSource

        source = PostgresSource(spec, password)
    elif spec.kind == "mysql":
        from datalinx.core.connections.mysql import MysqlSource

        source = MysqlSource(spec, password)
    elif spec.kind == "sqlite":
        from datalinx.core.connections.embedded import SqliteSource

        source = SqliteSource(spec)
    else:
        from datalinx.core.connections.embedded import DuckdbSource

        source = DuckdbSource(spec)
    try:
        yield source
    finally:
        source.close()


def test_connection(spec: ConnectionSpec, password: str | None) -> ConnectionCheck:
    """Connect, log in and run one trivial query; ConnectionFailed says which step failed (never the password)."""
    started = time.perf_counter()
    with open_source(spec, password) as source:
        source.ping()
        version = source.server_version()
    latency_ms = round((time.perf_counter() - started) * 1000, 1)
    return ConnectionCheck(ok=True, server_version=version, latency_ms=latency_ms)


def list_tables(spec: ConnectionSpec, password: str | None) -> list[TableRef]:
    """Tables and views the connection's credentials can read, with the server's row estimate when it has one."""
    with open_source(spec, password) as source:
        return source.list_tables()


def export_to_parquet(
    spec: ConnectionSpec,
    password: str | None,
    *,
    table: str | None = None,
    schema: str | None = None,
    query: str | None = None,
    target: Path,
    progress: Callable[[float, str], None] | None = None,
    batch_rows: int = 50_000,
    max_rows: int | None = None,
) -> IngestResult:
    """Stream a table (its name quoted) or a read-only query into Parquet at `target`, in batches, atomically.

    With `max_rows`, only that many rows are read (a dry run's sample, a schema probe).
    """
    if (table is None) == (query is None):
        raise Invalid("give either a table or a query to export", field="table" if table is None else "query")
    if batch_rows < 1:
        raise Invalid("batch_rows must be at least 1", field="batch_rows")
    report = Progress(progress)
    report(0.0, f"connecting to the {spec.describe()}")
    with open_source(spec, password) as source:
        if table is not None:
            sql, estimate = source.table_sql(table, schema), source.estimate_rows(table, schema)
        else:
            sql, estimate = check_query(query or ""), None
        with atomic_output(target) as out:
            result = source.run(sql, min(batch_rows, max_rows) if max_rows else batch_rows)
            result.estimated_rows = estimate
            rows = write_batches(result, out, report.stage(0.05, 0.98), max_rows)
            columns = column_infos(out.output)
    report(1.0, f"{rows} rows read from the {spec.describe()}")
    return IngestResult(rows=rows, columns=columns, size_bytes=target.stat().st_size)
