"""Connections to customer databases and files, within one workspace."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from datalinx.dao.models import Connection
from datalinx.dao.pagination import Page, PageRequest, paginate
from datalinx.dao.scope import Scope


def _in(scope: Scope) -> ColumnElement[bool]:
    return (Connection.org_id == scope.org_id) & (Connection.workspace_id == scope.workspace)


def create(session: Session, scope: Scope, **fields: Any) -> Connection:
    connection = Connection(org_id=scope.org_id, workspace_id=scope.workspace, **fields)
    session.add(connection)
    session.flush()
    return connection


def find(session: Session, scope: Scope, ref: str) -> Connection | None:
    """A connection by id or name."""
    query = select(Connection).where(_in(scope), (Connection.id == ref) | (Connection.name == ref))
    return session.scalars(query).first()


def list_connections(session: Session, scope: Scope, *, kind: str | None, page: PageRequest) -> Page[Connection]:
    query = select(Connection).where(_in(scope))
    if kind:
        query = query.where(Connection.kind == kind)
    return paginate(session, query, sort_column=getattr(Connection, page.sort), id_column=Connection.id, page=page)


def delete_connection(session: Session, scope: Scope, connection_id: str) -> None:
    session.execute(delete(Connection).where(_in(scope), Connection.id == connection_id))
