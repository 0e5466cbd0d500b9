"""Connections to customer databases, and imports from them or from the inbox."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from datalinx.api.deps import CallerDep, permission
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

router = APIRouter(tags=["connections"])


@router.post("/connections", status_code=201, openapi_extra=permission(P.CONNECTION_MANAGE))
def create_connection(caller: CallerDep, body: ConnectionCreate) -> ConnectionRead:
    """Save a connection (tested first unless `test` is false); the password is encrypted and never returned."""
    return caller.run(connections.create_connection, body)


@router.get("/connections", openapi_extra=permission(P.CONNECTION_READ))
def list_connections(caller: CallerDep, query: Annotated[ConnectionQuery, Query()]) -> PageOut[ConnectionRead]:
    """Connections of the workspace."""
    return caller.run(connections.list_connections, query)


@router.get("/connections/{connection}", openapi_extra=permission(P.CONNECTION_READ))
def get_connection(caller: CallerDep, connection: str) -> ConnectionRead:
    """One connection by id or name."""
    return caller.run(connections.get_connection, connection)


@router.post("/connections/{connection}/test", openapi_extra=permission(P.CONNECTION_READ))
def test_connection(caller: CallerDep, connection: str) -> ConnectionCheck:
    """Connect with the stored credentials; answers ok or what went wrong."""
    return caller.run(connections.test_connection, connection)


@router.get("/connections/{connection}/tables", openapi_extra=permission(P.CONNECTION_READ))
def list_connection_tables(caller: CallerDep, connection: str) -> list[TableRef]:
    """Schemas, tables and views visible to the connection's credentials."""
    return caller.run(connections.list_tables, connection)


@router.delete("/connections/{connection}", status_code=204, openapi_extra=permission(P.CONNECTION_MANAGE))
def delete_connection(caller: CallerDep, connection: str) -> Response:
    """Delete a connection and its stored password."""
    caller.run(connections.delete_connection, connection)
    return Response(status_code=204)


@router.post("/datasets/import", status_code=202, openapi_extra=permission(P.DATASET_WRITE))
def import_dataset(caller: CallerDep, body: imports.ImportRequest) -> JobAccepted:
    """Import an inbox file, a connection table or a query as a dataset (a job; follow it by `job_id`)."""
    return caller.run(imports.import_dataset, body)
