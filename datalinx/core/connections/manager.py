"""Connections: create, list, test, browse and delete; the password is a Secret and never leaves core."""

from __future__ import annotations

from pathlib import Path

from datalinx.core.auth.permissions import Permission
from datalinx.core.connections import connectors
from datalinx.core.connections.schemas import (
    ConnectionCheck,
    ConnectionCreate,
    ConnectionQuery,
    ConnectionRead,
    ConnectionSpec,
    TableRef,
)
from datalinx.core.context import Call
from datalinx.core.errors import Conflict, Invalid, NotFound
from datalinx.core.schemas import PageOut
from datalinx.core.secrets import manager as secrets
from datalinx.dao import connections as connections_dao
from datalinx.dao import files
from datalinx.dao import secrets as secrets_dao
from datalinx.dao.models import Connection, utcnow

CONNECTION_SORTS = {"created_at", "name"}
FILE_KINDS = {"sqlite", "duckdb"}


def find(call: Call, ref: str) -> Connection:
    """A connection of the current workspace by id or name, else not found."""
    connection = connections_dao.find(call.session, call.scope, ref)
    if connection is None:
        raise NotFound("connection", ref)
    return connection


def _file_path(call: Call, spec: ConnectionSpec) -> ConnectionSpec:
    """File databases must live in the workspace inbox: a connection cannot reach other files on the host."""
    if spec.kind not in FILE_KINDS:
        return spec
    if not spec.path:
        raise Invalid(f"a {spec.kind} connection needs `path`, a file in the workspace inbox", field="path")
    inbox = files.inbox_dir(call.runtime.settings.home, call.scope)
    resolved = files.inside(inbox, spec.path)
    if resolved is None:
        raise Invalid(f"path '{spec.path}' is outside the workspace inbox", field="path")
    return spec.model_copy(update={"path": str(resolved)})


def _password(call: Call, connection: Connection) -> str | None:
    if connection.secret_id is None:
        return None
    return secrets.reveal(
        session=call.session, keyring=call.runtime.keyring, scope=call.org_scope, secret_id=connection.secret_id
    )


def create_connection(call: Call, data: ConnectionCreate) -> ConnectionRead:
    """Save a connection; its password is encrypted with the master key and never returned."""
    scope = call.scope
    call.require(Permission.CONNECTION_MANAGE, resource_type="connection")
    if connections_dao.find(call.session, scope, data.name) is not None:
        raise Conflict(f"a connection named '{data.name}' already exists", field="name")
    spec = _file_path(call, data.spec())
    if spec.kind in FILE_KINDS and not Path(spec.path or "").is_file():
        raise Invalid(f"no database file '{data.path}' in the workspace inbox", field="path")
    if data.test:
        password = data.password.get_secret_value() if data.password else None
        connectors.test_connection(spec, password)  # unreachable or refused: a clear error, nothing stored
    secret_id = None
    if data.password is not None:
        secret = secrets.store(
            session=call.session,
            keyring=call.runtime.keyring,
            scope=scope,
            purpose="connection.password",
            plaintext=data.password.get_secret_value(),
        )
        secret_id = secret.id
    connection = connections_dao.create(
        call.session,
        scope,
        name=data.name,
        kind=spec.kind,
        spec=spec.model_dump(mode="json"),
        secret_id=secret_id,
        created_by=call.principal.id,
    )
    call.audit("connection.create", resource_type="connection", resource_id=connection.id, kind=spec.kind)
    return ConnectionRead.of(connection)


def list_connections(call: Call, query: ConnectionQuery) -> PageOut[ConnectionRead]:
    """Connections of the current workspace (never their passwords)."""
    scope = call.scope
    call.require(Permission.CONNECTION_READ)
    page = connections_dao.list_connections(
        call.session, scope, kind=query.kind, page=query.page_request(sorts=CONNECTION_SORTS)
    )
    return PageOut[ConnectionRead](items=[ConnectionRead.of(c) for c in page.items], next_cursor=page.next_cursor)


def get_connection(call: Call, ref: str) -> ConnectionRead:
    """One connection by id or name."""
    connection = find(call, ref)
    call.require(Permission.CONNECTION_READ)
    return ConnectionRead.of(connection)


def test_connection(call: Call, ref: str) -> ConnectionCheck:
    """Connect with the stored credentials and report; the outcome is remembered on the connection."""
    connection = find(call, ref)
    call.require(Permission.CONNECTION_READ)
    spec = ConnectionSpec.model_validate(connection.spec)
    connection.last_tested_at = utcnow()
    try:
        check = connectors.test_connection(spec, _password(call, connection))
    except Invalid as exc:
        # A failed test is an answer, not an error: say what went wrong and remember it.
        check = ConnectionCheck(ok=False, error=exc.message)
    connection.last_test_ok = check.ok
    return check


def list_tables(call: Call, ref: str) -> list[TableRef]:
    """Schemas, tables and views the connection's credentials can see."""
    connection = find(call, ref)
    call.require(Permission.CONNECTION_READ)
    return connectors.list_tables(ConnectionSpec.model_validate(connection.spec), _password(call, connection))


def delete_connection(call: Call, ref: str) -> None:
    """Delete a connection and its stored password (datasets imported from it stay)."""
    connection = find(call, ref)
    call.require(Permission.CONNECTION_MANAGE, resource_type="connection", resource_id=connection.id)
    secret_id = connection.secret_id
    connections_dao.delete_connection(call.session, call.scope, connection.id)
    if secret_id:
        secrets_dao.delete(call.session, call.org_scope, secret_id)
    call.audit("connection.delete", resource_type="connection", resource_id=connection.id)


def sample_rows(
    call: Call, ref: str, *, table: str | None, schema: str | None, query: str | None, target: Path, max_rows: int
) -> Connection:
    """The first rows of a connection's table or query written to `target` as Parquet (schema probes, previews)."""
    connection = find(call, ref)
    call.require(Permission.CONNECTION_READ)
    spec = ConnectionSpec.model_validate(connection.spec)
    connectors.export_to_parquet(
        spec, _password(call, connection), table=table, schema=schema, query=query, target=target, max_rows=max_rows
    )
    return connection
