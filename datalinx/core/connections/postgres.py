"""PostgreSQL through psycopg: a read-only session, server-side cursors, types from the result's OIDs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import polars as pl
import psycopg
from psycopg import errors as pg_errors
from psycopg.postgres import types as pg_types

from datalinx.core.connections.batches import ColumnPlan, ResultSet, to_text
from datalinx.core.connections.schemas import ConnectionSpec, TableRef
from datalinx.core.connections.sql import quote_identifier, table_sql, write_refused
from datalinx.core.errors import ConnectionFailed, Invalid

CONNECT_TIMEOUT = 5
# libpq options a user may set; `options` itself is left out because it could switch read-only off.
ALLOWED_OPTIONS = frozenset({"sslmode", "sslrootcert", "sslcert", "sslkey", "target_session_attrs", "connect_timeout"})
_TYPES: dict[str, pl.DataType] = {
    "int2": pl.Int16(),
    "int4": pl.Int32(),
    "int8": pl.Int64(),
    "oid": pl.Int64(),
    "float4": pl.Float32(),
    "float8": pl.Float64(),
    "bool": pl.Boolean(),
    "text": pl.String(),
    "varchar": pl.String(),
    "bpchar": pl.String(),
    "name": pl.String(),
    "date": pl.Date(),
    "timestamp": pl.Datetime("us"),
    "timestamptz": pl.Datetime("us", "UTC"),
    "time": pl.Time(),
    "interval": pl.Duration("us"),
    "bytea": pl.Binary(),
}
_TABLES = """
SELECT n.nspname, c.relname, c.relkind, c.reltuples::bigint
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
  AND has_table_privilege(c.oid, 'SELECT')
ORDER BY 1, 2
"""


class PostgresSource:
    """A read-only PostgreSQL session."""

    def __init__(self, spec: ConnectionSpec, password: str | None) -> None:
        self.spec = spec
        unknown = sorted(set(spec.options) - ALLOWED_OPTIONS)
        if unknown:
            raise Invalid(
                f"unknown postgresql option(s) {', '.join(unknown)}; allowed: {', '.join(sorted(ALLOWED_OPTIONS))}",
                field="options",
            )
        params: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT, **spec.options}
        try:
            self.connection = psycopg.connect(
                host=spec.host,
                port=spec.effective_port,
                dbname=spec.database,
                user=spec.username,
                password=password or None,
                application_name="datalinx",
                options="-c default_transaction_read_only=on",
                **params,
            )
            # Belt and braces: the session default, and the session characteristics, both read-only.
            self.connection.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            self.connection.commit()
        except psycopg.Error as exc:
            raise _connect_error(spec, exc, password, int(params["connect_timeout"])) from None

    def server_version(self) -> str:
        return f"PostgreSQL {self.connection.info.parameter_status('server_version')}"

    def ping(self) -> None:
        self.connection.execute("SELECT 1").fetchone()
        self.connection.rollback()

    def list_tables(self) -> list[TableRef]:
        rows = self.connection.execute(_TABLES).fetchall()
        self.connection.rollback()
        return [
            TableRef(
                schema=schema,
                name=name,
                kind="view" if kind in ("v", "m") else "table",
                estimated_rows=estimate if estimate is not None and estimate >= 0 and kind not in ("v",) else None,
            )
            for schema, name, kind, estimate in rows
        ]

    def table_sql(self, table: str, schema: str | None) -> str:
        return table_sql(table, schema)

    def estimate_rows(self, table: str, schema: str | None) -> int | None:
        qualified = f"{quote_identifier(schema)}.{quote_identifier(table)}" if schema else quote_identifier(table)
        try:
            row = self.connection.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [qualified]
            )
            value = row.fetchone()
        except psycopg.Error:
            value = None
        self.connection.rollback()
        return int(value[0]) if value and value[0] is not None and value[0] > 0 else None

    def run(self, sql: str, batch_rows: int) -> ResultSet:
        cursor = self.connection.cursor(name="datalinx_export")
        cursor.itersize = batch_rows
        try:
            cursor.execute(sql)
        except psycopg.Error as exc:
            self.connection.rollback()
            raise _query_error(self.spec, exc) from None
        columns = [_plan(column) for column in cursor.description or []]
        return ResultSet(columns=columns, batches=self._batches(cursor, batch_rows))

    def _batches(self, cursor: psycopg.ServerCursor[Any], batch_rows: int) -> Iterator[list[tuple[Any, ...]]]:
        try:
            while rows := cursor.fetchmany(batch_rows):
                yield rows
        except psycopg.Error as exc:
            raise _query_error(self.spec, exc) from None
        finally:
            cursor.close()
            self.connection.rollback()

    def close(self) -> None:
        self.connection.close()


def _plan(column: psycopg.Column) -> ColumnPlan:
    info = pg_types.get(column.type_code)
    name = info.name if info else ""
    if info is not None and column.type_code == getattr(info, "array_oid", None):
        return ColumnPlan(column.name, pl.String(), to_text)  # arrays as JSON text
    if name == "numeric":
        if column.precision and column.precision <= 38:
            return ColumnPlan(column.name, pl.Decimal(column.precision, column.scale or 0))
        return ColumnPlan(column.name, pl.Float64(), float)
    if name in ("json", "jsonb"):
        return ColumnPlan(column.name, pl.String(), lambda v: json.dumps(v, default=str, ensure_ascii=False))
    if name in _TYPES:
        return ColumnPlan(column.name, _TYPES[name])
    return ColumnPlan(column.name, pl.String(), to_text)  # uuid, inet, enums, ranges...: their text form


def _connect_error(spec: ConnectionSpec, exc: psycopg.Error, password: str | None, timeout: int) -> ConnectionFailed:
    text = str(exc)
    where = spec.describe()
    user = spec.username or "(default user)"
    if "Connection refused" in text:
        message = f"cannot reach the {where}: the connection was refused (is the server running, is the port right?)"
    elif "timeout expired" in text:
        message = f"cannot reach the {where}: no answer within {timeout} s"
    elif "could not translate host name" in text or "Name or service not known" in text:
        message = f"cannot reach the {where}: host '{spec.host}' is unknown"
    elif "password authentication failed" in text:
        message = f"login to the {where} refused for user '{user}': wrong password"
    elif "no password supplied" in text:
        message = f"the {where} asks a password for user '{user}' and none was given"
    elif "role" in text and "does not exist" in text:
        message = f"login to the {where} refused: user '{user}' does not exist"
    elif "database" in text and "does not exist" in text:
        message = f"database '{spec.database}' does not exist on the {where}"
    else:
        first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
        message = f"cannot connect to the {where}: {first}"
    if password:
        message = message.replace(password, "***")
    return ConnectionFailed(message, field="connection")


def _query_error(spec: ConnectionSpec, exc: psycopg.Error) -> Invalid:
    if isinstance(exc, pg_errors.ReadOnlySqlTransaction):
        return write_refused(spec.describe())
    if isinstance(exc, pg_errors.UndefinedTable):
        return Invalid(f"{_first_line(exc)} on the {spec.describe()}", field="table")
    return Invalid(f"the {spec.describe()} refused the query: {_first_line(exc)}", field="query")


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
