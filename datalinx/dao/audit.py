"""Audit events: append-only, read per org."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from datalinx.dao.models import AuditEvent
from datalinx.dao.pagination import Page, PageRequest, paginate
from datalinx.dao.scope import Scope


def append(session: Session, **fields: Any) -> AuditEvent:
    """Append one event. The org may be unknown (a forged token), so this takes no scope."""
    event = AuditEvent(**fields)
    session.add(event)
    session.flush()
    return event


def query(
    session: Session,
    scope: Scope,
    *,
    actor: str | None = None,
    action: str | None = None,
    resource_type: str | None = None,
    resource_id: str | None = None,
    outcome: str | None = None,
    workspace_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    page: PageRequest,
) -> Page[AuditEvent]:
    stmt = select(AuditEvent).where(AuditEvent.org_id == scope.org_id)
    if actor:
        stmt = stmt.where((AuditEvent.actor == actor) | (AuditEvent.actor_id == actor))
    if action:
        stmt = stmt.where(AuditEvent.action.startswith(action) if action.endswith(".") else AuditEvent.action == action)
    if resource_type:
        stmt = stmt.where(AuditEvent.resource_type == resource_type)
    if resource_id:
        stmt = stmt.where(AuditEvent.resource_id == resource_id)
    if outcome:
        stmt = stmt.where(AuditEvent.outcome == outcome)
    if workspace_id:
        stmt = stmt.where(AuditEvent.workspace_id == workspace_id)
    if since:
        stmt = stmt.where(AuditEvent.created_at >= since)
    if until:
        stmt = stmt.where(AuditEvent.created_at < until)
    return paginate(session, stmt, sort_column=AuditEvent.created_at, id_column=AuditEvent.id, page=page)
