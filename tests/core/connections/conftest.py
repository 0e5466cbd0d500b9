"""Real databases for connector tests: a throwaway PostgreSQL schema, a MariaDB table, SQLite and DuckDB files."""

from __future__ import annotations

import os
import socket
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import psycopg
import pymysql
import pytest

from datalinx.core.connections.schemas import ConnectionSpec

PG = {"host": "127.0.0.1", "port": 5432, "dbname": "test", "user": "postgres"}
MYSQL = {"host": "127.0.0.1", "port": 3306, "user": "root", "password": "", "database": "test"}


def _reachable(connect: object) -> str | None:
    try:
        connect()  # type: ignore[operator]
    except Exception as exc:  # any failure means: skip, with the reason
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return None


PG_SKIP = _reachable(lambda: psycopg.connect(**PG, connect_timeout=3).close())
MYSQL_SKIP = _reachable(lambda: pymysql.connect(**MYSQL, connect_timeout=3).close())


@dataclass
class Database:
    """A connection spec and the schema (or table prefix) the test owns."""

    spec: ConnectionSpec
    schema: str


@pytest.fixture
def postgres() -> Iterator[Database]:
    """Schema `dl_<random>` with `people` (5 rows), a view, a sequence and a table whose name holds a quote."""
    if PG_SKIP:
        pytest.skip(f"PostgreSQL not reachable at 127.0.0.1:5432: {PG_SKIP}")
    schema = f"dl_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(**PG, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        admin.execute(
            f'CREATE TABLE "{schema}".people (id int PRIMARY KEY, name text, joined date, score numeric(5,2), '
            "active boolean, seen timestamp)"
        )
        admin.execute(
            f"""INSERT INTO "{schema}".people VALUES
            (1, 'Ada', '2020-01-02', 1.50, true, '2024-01-01 10:00'), (2, 'Bo', NULL, 2.25, false, NULL),
            (3, 'Cé', '2021-03-04', NULL, NULL, '2024-02-02 00:00:01'), (4, NULL, '2022-05-06', 4.00, true, NULL),
            (5, 'Eve', '2023-07-08', 5.75, false, '2024-03-03 23:59:59')"""
        )
        admin.execute(f'CREATE VIEW "{schema}".adults AS SELECT id, name FROM "{schema}".people WHERE id > 2')
        admin.execute(f'CREATE SEQUENCE "{schema}".ticket')
        admin.execute(f'CREATE TABLE "{schema}"."odd ""name""" (x int)')
        admin.execute(f'INSERT INTO "{schema}"."odd ""name""" VALUES (42)')
        admin.execute(f'ANALYZE "{schema}".people')
    yield Database(ConnectionSpec(kind="postgresql", host="127.0.0.1", database="test", username="postgres"), schema)
    with psycopg.connect(**PG, autocommit=True) as admin:
        admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def mariadb() -> Iterator[Database]:
    """Table `dl_<random>` in database `test` with 5 rows."""
    if MYSQL_SKIP:
        pytest.skip(f"MariaDB not reachable at 127.0.0.1:3306: {MYSQL_SKIP}")
    table = f"dl_{uuid.uuid4().hex[:8]}"
    connection = pymysql.connect(**MYSQL, autocommit=True)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE `{table}` (id int PRIMARY KEY, name varchar(50), joined date, score decimal(5,2), "
            "seen datetime, raw varbinary(8))"
        )
        cursor.execute(
            f"""INSERT INTO `{table}` VALUES (1, 'Ada', '2020-01-02', 1.50, '2024-01-01 10:00:00', x'00ff'),
            (2, 'Bo', NULL, 2.25, NULL, NULL), (3, 'Cé', '2021-03-04', NULL, '2024-02-02 00:00:01', x'01'),
            (4, NULL, '2022-05-06', 4.00, NULL, NULL), (5, 'Eve', '2023-07-08', 5.75, '2024-03-03 23:59:59', NULL)"""
        )
        cursor.execute(f"ANALYZE TABLE `{table}`")
    yield Database(ConnectionSpec(kind="mysql", host="127.0.0.1", database="test", username="root"), table)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS `{table}`")
    connection.close()


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    """A SQLite file whose `events.amount` holds ints, then a float, then text (SQLite allows it)."""
    path = tmp_path / "shop.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, amount, note TEXT)")
    rows = [(i, i, f"n{i}") for i in range(1, 6)] + [(6, 6.5, None), (7, "seven", "last")]
    connection.executemany("INSERT INTO events VALUES (?, ?, ?)", rows)
    connection.execute("CREATE VIEW big AS SELECT * FROM events WHERE id > 5")
    connection.commit()
    connection.close()
    return path


@pytest.fixture
def duckdb_file(tmp_path: Path) -> Path:
    """A DuckDB file with typed columns (decimal, timestamp, list, blob) and a view."""
    path = tmp_path / "warehouse.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute(
        "CREATE TABLE sales AS SELECT range AS id, (range * 1.25)::DECIMAL(10,2) AS amount, "
        "DATE '2024-01-01' + range::INT AS day, TIMESTAMP '2024-01-01 08:00:00' AS at, range % 2 = 0 AS even, "
        "[range, range + 1] AS pair, 'x'::BLOB AS raw FROM range(7)"
    )
    connection.execute("CREATE VIEW even_sales AS SELECT * FROM sales WHERE even")
    connection.close()
    return path


@pytest.fixture
def closed_port() -> int:
    """A loopback port with nothing listening on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A loopback port that accepts TCP connections and never says a word (a hung server)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield int(server.getsockname()[1])
    server.close()


def file_digest(path: Path) -> bytes:
    """The file's bytes and modification time, to prove a read changed nothing."""
    return path.read_bytes() + str(os.stat(path).st_mtime_ns).encode()
