"""SQL written by users and agents: one SELECT, run in DuckDB with file access off and only its inputs in sight."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import duckdb

from datalinx.core.errors import Invalid
from datalinx.core.pipelines.types import DUCKDB, ColumnType, Schema

T = ColumnType
_DUCK_TYPES: dict[str, ColumnType] = {
    "VARCHAR": T.STRING,
    "BOOLEAN": T.BOOL,
    "DATE": T.DATE,
    "DOUBLE": T.FLOAT64,
    "FLOAT": T.FLOAT64,
    '"NULL"': T.NULL,
    "NULL": T.NULL,
}
_INTEGER = re.compile(r"^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|UHUGEINT)$")


def logical_type(duck_type: str) -> ColumnType:
    """The logical type of a DuckDB type name (DECIMAL and HUGEINT widen to float64 and int64)."""
    name = duck_type.upper()
    if name in _DUCK_TYPES:
        return _DUCK_TYPES[name]
    if _INTEGER.match(name):
        return T.INT64
    if name.startswith("DECIMAL"):
        return T.FLOAT64
    if name.startswith("TIMESTAMP") and "TIME ZONE" not in name:
        return T.DATETIME
    return T.OTHER


def quote(name: str) -> str:
    """A DuckDB identifier, double-quoted."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str | object) -> str:
    """A DuckDB string literal, single-quoted."""
    return "'" + str(text).replace("'", "''") + "'"


def sandbox(
    *, readable: Iterable[Path] = (), writable: Path | None = None, threads: int | None = None
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB that may touch only `readable` files and the `writable` folder, settings locked."""
    connection = duckdb.connect(":memory:")
    paths = [str(p) for p in readable]
    if paths:
        connection.execute("SET allowed_paths = $paths", {"paths": paths})
    if writable is not None:
        connection.execute("SET allowed_directories = $dirs", {"dirs": [str(writable)]})
    if threads is not None:
        connection.execute(f"SET threads = {int(threads)}")
    connection.execute("SET enable_external_access = false")
    connection.execute("SET python_enable_replacements = false")
    connection.execute("SET autoload_known_extensions = false")
    connection.execute("SET lock_configuration = true")
    return connection


def check_select(query: str, *, field: str = "query") -> str:
    """The query, if it is exactly one SELECT statement (a trailing semicolon is fine)."""
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise Invalid(f"SQL does not parse: {first_line(exc)}", field=field) from exc
    if len(statements) != 1:
        raise Invalid(f"give exactly one SELECT statement, not {len(statements)}", field=field)
    statement = statements[0]
    if statement.type != duckdb.StatementType.SELECT:
        raise Invalid(f"only SELECT statements may run here, not {statement.type.name}", field=field)
    return statement.query


def first_line(exc: Exception) -> str:
    """DuckDB's message without its type prefix and the lines of context after it."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return re.sub(r"^[A-Za-z ]+ Error: ", "", text)


def scoped_view(connection: duckdb.DuckDBPyConnection, node_id: str, query: str, inputs: dict[str, str]) -> str:
    """Define the query as a view that sees exactly `inputs` ({table name the query uses: view it reads}).

    The query's view lives in a schema of its own holding only views of its inputs: DuckDB resolves a
    view's unqualified names in its own schema, so the query cannot reach any other node by name.
    """
    schema = quote(f"s_{node_id}")
    connection.execute(f"CREATE SCHEMA {schema}")
    for name, target in inputs.items():
        connection.execute(f"CREATE VIEW {schema}.{quote(name)} AS SELECT * FROM {target}")
    connection.execute(f"CREATE VIEW {schema}.result AS {query}")
    return f"{schema}.result"


def output_schema(node_id: str, query: str, inputs: dict[str, Schema], *, field: str = "query") -> Schema:
    """The logical output schema of a SELECT over empty inputs of these schemas, in a sandbox (refuses what fails)."""
    query = check_select(query, field=field)
    connection = sandbox()
    try:
        names: dict[str, str] = {}
        for name, schema in inputs.items():
            table = quote(f"in_{name}")
            columns = ", ".join(f"{quote(c)} {DUCKDB.get(t, 'VARCHAR')}" for c, t in schema.items()) or "_ INTEGER"
            connection.execute(f"CREATE TABLE {table} ({columns})")
            names[name] = table
        try:
            view = scoped_view(connection, node_id, query, names)
            described = connection.execute(f"DESCRIBE SELECT * FROM {view}").fetchall()
        except duckdb.Error as exc:
            raise Invalid(f"SQL fails on its inputs ({', '.join(inputs)}): {first_line(exc)}", field=field) from exc
    finally:
        connection.close()
    out: Schema = {}
    for row in described:
        if row[0] in out:
            raise Invalid(f"SQL returns the column '{row[0]}' twice; give each column its own name", field=field)
        out[row[0]] = logical_type(row[1])
    return out


def cast_to(relation: str, schema: Schema) -> str:
    """SELECT every column of `relation` cast to its logical type, so engines agree on the SQL's result types."""
    columns = []
    for name, logical in schema.items():
        target = None if logical in (T.NULL, T.OTHER) else DUCKDB[logical]
        columns.append(f"CAST({quote(name)} AS {target}) AS {quote(name)}" if target else quote(name))
    return f"SELECT {', '.join(columns)} FROM {relation}"
