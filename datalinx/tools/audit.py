"""Tools: the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from datalinx.core.audit import manager as audit
from datalinx.core.audit.schemas import AuditEventRead, AuditQuery
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.schemas import PageOut
from datalinx.tools.base import Call, Cursor, Limit, tool


@tool(permission=P.AUDIT_READ, read_only=True)
def query_audit_trail(
    call: Call,
    actor: str | None = None,
    action: str | None = None,
    resource_type: str | None = None,
    resource_id: str | None = None,
    outcome: Literal["success", "denied", "failed"] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> PageOut[AuditEventRead]:
    query = AuditQuery(
        actor=actor,
        action=action,
        resource_type=resource_type,
        resource_id=resource_id,
        outcome=outcome,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
    )
    return audit.query_trail(call, query)
