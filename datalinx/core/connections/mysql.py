"""MySQL and MariaDB through PyMySQL: a read-only session, unbuffered cursors, types from the result."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import polars as pl
import pymysql
import pymysql.cursors
from pymysql.constants import FIELD_TYPE

from datalinx.core.connections.batches import ColumnPlan, ResultSet, to_text
from datalinx.core.connections.schemas import ConnectionSpec, TableRef
from datalinx.core.connections.sql import table_sql, write_refused
from datalinx.core.errors import ConnectionFailed, Invalid

CONNECT_TIMEOUT = 5
ALLOWED_OPTIONS = frozenset({"charset", "connect_timeout", "ssl_ca", "ssl_cert", "ssl_key", "ssl_verify_cert"})
BINARY_CHARSET = 63
_INTEGERS = {FIELD_TYPE.TINY, FIELD_TYPE.SHORT, FIELD_TYPE.LONG, FIELD_TYPE.INT24, FIELD_TYPE.LONGLONG, FIELD_TYPE.YEAR}
_TEXT = {
    FIELD_TYPE.VARCHAR,
    FIELD_TYPE.VAR_STRING,
    FIELD_TYPE.STRING,
    FIELD_TYPE.TINY_BLOB,
    FIELD_TYPE.MEDIUM_BLOB,
    FIELD_TYPE.LONG_BLOB,
    FIELD_TYPE.BLOB,
}
_FIXED: dict[int, pl.DataType] = {
    FIELD_TYPE.FLOAT: pl.Float32(),
    FIELD_TYPE.DOUBLE: pl.Float64(),
    FIELD_TYPE.DATE: pl.Date(),
    FIELD_TYPE.NEWDATE: pl.Date(),
    FIELD_TYPE.DATETIME: pl.Datetime("us"),
    FIELD_TYPE.TIMESTAMP: pl.Datetime("us"),
    FIELD_TYPE.TIME: pl.Duration("us"),  # MySQL TIME is a duration (it may exceed 24 hours)
}
_WRITE_REFUSED = 1792  # ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
_NO_TABLE = 1146
_TABLES = """
SELECT table_schema, table_name, table_type, table_rows FROM information_schema.tables
WHERE table_type IN ('BASE TABLE', 'VIEW') AND {where}
ORDER BY table_schema, table_name
"""


class MysqlSource:
    """A read-only MySQL/MariaDB session."""

    def __init__(self, spec: ConnectionSpec, password: str | None) -> None:
        self.spec = spec
        unknown = sorted(set(spec.options) - ALLOWED_OPTIONS)
        if unknown:
            raise Invalid(
                f"unknown mysql option(s) {', '.join(unknown)}; allowed: {', '.join(sorted(ALLOWED_OPTIONS))}",
                field="options",
            )
        options: dict[str, Any] = {"charset": "utf8mb4", "connect_timeout": CONNECT_TIMEOUT, **spec.options}
        options["connect_timeout"] = int(options["connect_timeout"])
        try:
            # PyMySQL leaves multi-statements off, so a query cannot smuggle a second statement in.
            self.connection = pymysql.connect(
                host=spec.host,
                port=spec.effective_port or 3306,
                user=spec.username or "root",
                password=password or "",
                database=spec.database,
                autocommit=False,
                **options,
            )
            with self.connection.cursor() as cursor:
                cursor.execute("SET SESSION TRANSACTION READ ONLY")
        except pymysql.Error as exc:
            raise _connect_error(spec, exc, password, options["connect_timeout"]) from None

    def server_version(self) -> str:
        version = self.connection.get_server_info()
        if "MariaDB" in version:
            return "MariaDB " + version.removeprefix("5.5.5-")  # MariaDB's prefix for old MySQL clients
        return f"MySQL {version}"

    def ping(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchall()

    def list_tables(self) -> list[TableRef]:
        where = "table_schema = %s" if self.spec.database else "table_schema NOT IN %s"
        argument: Any = self.spec.database or ("mysql", "information_schema", "performance_schema", "sys")
        with self.connection.cursor() as cursor:
            cursor.execute(_TABLES.format(where=where), [argument])
            rows = cursor.fetchall()
        return [
            TableRef(
                schema=schema,
                name=name,
                kind="view" if kind == "VIEW" else "table",
                estimated_rows=int(estimate) if estimate is not None and kind != "VIEW" else None,
            )
            for schema, name, kind, estimate in rows
        ]

    def table_sql(self, table: str, schema: str | None) -> str:
        return table_sql(table, schema, quote="`")

    def estimate_rows(self, table: str, schema: str | None) -> int | None:
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT table_rows FROM information_schema.tables WHERE table_name = %s AND table_schema = %s",
                [table, schema or self.spec.database],
            )
            row = cursor.fetchone()
        return int(row[0]) if row and row[0] else None

    def run(self, sql: str, batch_rows: int) -> ResultSet:
        cursor = self.connection.cursor(pymysql.cursors.SSCursor)
        try:
            cursor.execute(sql)
        except pymysql.Error as exc:
            cursor.close()
            raise _query_error(self.spec, exc) from None
        fields = cursor._result.fields if cursor._result else []  # the only place PyMySQL keeps the charset
        columns = [_plan(d, f.charsetnr) for d, f in zip(cursor.description or [], fields, strict=True)]
        return ResultSet(columns=columns, batches=self._batches(cursor, batch_rows))

    def _batches(self, cursor: pymysql.cursors.SSCursor, batch_rows: int) -> Iterator[list[tuple[Any, ...]]]:
        try:
            while rows := cursor.fetchmany(batch_rows):
                yield list(rows)
        except pymysql.Error as exc:
            raise _query_error(self.spec, exc) from None
        finally:
            cursor.close()

    def close(self) -> None:
        self.connection.close()


def _plan(description: tuple[Any, ...], charset: int) -> ColumnPlan:
    name, code, _, size, _, scale, _ = description
    if code in _INTEGERS:
        return ColumnPlan(name, pl.Int64())
    if code in (FIELD_TYPE.NEWDECIMAL, FIELD_TYPE.DECIMAL):
        precision = (size or 0) - 1 - (1 if scale else 0)  # the display size counts the sign and the point
        if 0 < precision <= 38:
            return ColumnPlan(name, pl.Decimal(precision, scale or 0))
        return ColumnPlan(name, pl.Float64(), float)
    if code in _FIXED:
        return ColumnPlan(name, _FIXED[code], None if code != FIELD_TYPE.DATE else _valid_date)
    if code in _TEXT and charset == BINARY_CHARSET:
        return ColumnPlan(name, pl.Binary(), bytes)
    if code == FIELD_TYPE.BIT:
        return ColumnPlan(name, pl.Int64(), lambda v: int.from_bytes(v, "big"))
    return ColumnPlan(name, pl.String(), to_text)  # text, JSON, ENUM, SET, GEOMETRY as text


def _valid_date(value: Any) -> Any:
    """MySQL's zero dates ('0000-00-00') come back as text: they mean no date."""
    return None if isinstance(value, str) else value


def _connect_error(spec: ConnectionSpec, exc: pymysql.Error, password: str | None, timeout: int) -> ConnectionFailed:
    code = exc.args[0] if exc.args and isinstance(exc.args[0], int) else None
    text = str(exc.args[1]) if len(exc.args) > 1 else str(exc)
    where = spec.describe()
    user = spec.username or "root"
    if code == 2003 and "timed out" in text:
        message = f"cannot reach the {where}: no answer within {timeout} s"
    elif code == 2003:
        message = f"cannot reach the {where}: the connection was refused (is the server running, is the port right?)"
    elif code == 2005 or "Name or service not known" in text:
        message = f"cannot reach the {where}: host '{spec.host}' is unknown"
    elif code in (1045, 1698):
        message = f"login to the {where} refused for user '{user}': wrong password or unknown user"
    elif code == 1049:
        message = f"database '{spec.database}' does not exist on the {where}"
    elif code == 1044:
        message = f"user '{user}' may not use database '{spec.database}' on the {where}"
    else:
        message = f"cannot connect to the {where}: {text}"
    if password:
        message = message.replace(password, "***")
    return ConnectionFailed(message, field="connection")


def _query_error(spec: ConnectionSpec, exc: pymysql.Error) -> Invalid:
    code = exc.args[0] if exc.args and isinstance(exc.args[0], int) else None
    text = str(exc.args[1]) if len(exc.args) > 1 else str(exc)
    if code == _WRITE_REFUSED:
        return write_refused(spec.describe())
    if code == _NO_TABLE:
        return Invalid(f"{text} on the {spec.describe()}", field="table")
    return Invalid(f"the {spec.describe()} refused the query: {text}", field="query")
