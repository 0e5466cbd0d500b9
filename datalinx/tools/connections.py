"""Tools: connections and imports."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import SecretStr

from datalinx.core.auth.permissions import Permission as P
from datalinx.core.connections import manager as connections
from datalinx.core.connections.schemas import (
    ConnectionCheck,
    ConnectionCreate,
    ConnectionQuery,
    ConnectionRead,
    TableRef,
)
from datalinx.core.datasets import imports
from datalinx.core.jobs.schemas import JobAccepted
from datalinx.core.schemas import PageOut
from datalinx.tools.base import Call, Cursor, Limit, tool


@tool(permission=P.CONNECTION_MANAGE, destructive=False)
def create_connection(
    call: Call,
    name: str,
    kind: Literal["postgresql", "mysql", "sqlite", "duckdb"],
    host: str | None = None,
    port: int | None = None,
    database: str | None = None,
    username: str | None = None,
    password: str | None = None,
    path: str | None = None,
    options: dict[str, str] | None = None,
    test: bool = True,
) -> ConnectionRead:
    data = ConnectionCreate(
        name=name,
        kind=kind,
        host=host,
        port=port,
        database=database,
        username=username,
        password=SecretStr(password) if password is not None else None,
        path=path,
        options=options or {},
        test=test,
    )
    return connections.create_connection(call, data)


@tool(permission=P.CONNECTION_READ, read_only=True)
def list_connections(
    call: Call, kind: str | None = None, limit: Limit = 20, cursor: Cursor = None
) -> PageOut[ConnectionRead]:
    return connections.list_connections(call, ConnectionQuery(kind=kind, limit=limit, cursor=cursor))


@tool(permission=P.CONNECTION_READ, read_only=True)
def test_connection(call: Call, connection: str) -> ConnectionCheck:
    return connections.test_connection(call, connection)


@tool(permission=P.CONNECTION_READ, read_only=True)
def list_connection_tables(call: Call, connection: str) -> list[TableRef]:
    return connections.list_tables(call, connection)


@tool(permission=P.CONNECTION_MANAGE)
def delete_connection(call: Call, connection: str) -> dict[str, str]:
    connections.delete_connection(call, connection)
    return {"deleted": connection}


@tool(permission=P.DATASET_WRITE, destructive=False)
def import_dataset(
    call: Call,
    name: str | None = None,
    dataset: str | None = None,
    path: str | None = None,
    connection: str | None = None,
    table: str | None = None,
    schema: str | None = None,
    query: str | None = None,
    options: dict[str, Any] | None = None,
) -> JobAccepted:
    request = imports.ImportRequest.model_validate(
        {
            "name": name,
            "dataset": dataset,
            "path": path,
            "connection": connection,
            "table": table,
            "schema": schema,
            "query": query,
            "options": options,
        }
    )
    return imports.import_dataset(call, request)
