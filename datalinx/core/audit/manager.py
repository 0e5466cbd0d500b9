"""The audit trail: who did what to which resource, when, with what outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from datalinx.core.audit.schemas import AuditEventRead, AuditQuery
from datalinx.core.auth.permissions import Permission
from datalinx.core.auth.principal import Principal
from datalinx.core.schemas import PageOut
from datalinx.dao import audit as audit_dao

if TYPE_CHECKING:
    from datalinx.core.context import Call

_SECRET_WORDS = ("password", "secret", "token", "api_key", "key_hash", "credential")


def _clean(detail: dict[str, Any]) -> dict[str, Any]:
    """Drop anything that looks secret before it reaches the trail."""
    return {k: ("********" if any(w in k.lower() for w in _SECRET_WORDS) else v) for k, v in detail.items()}


def record(
    session: Session,
    *,
    principal: Principal | None,
    workspace_id: str | None,
    action: str,
    resource_type: str | None,
    resource_id: str | None,
    outcome: str,
    request_id: str | None,
    detail: dict[str, Any] | None = None,
    org_id: str | None = None,
) -> None:
    """Append one audit event (`org_id` names the org of an anonymous caller's credential)."""
    audit_dao.append(
        session,
        org_id=principal.org_id if principal else org_id,
        workspace_id=workspace_id,
        actor_type=principal.type.value if principal else "anonymous",
        actor_id=principal.id if principal else None,
        actor=principal.name if principal else "anonymous",
        action=action,
        resource_type=resource_type,
        resource_id=resource_id,
        outcome=outcome,
        request_id=request_id,
        detail=_clean(detail or {}),
    )


def query_trail(call: Call, query: AuditQuery) -> PageOut[AuditEventRead]:
    """Audit events of the caller's org, newest first, filtered."""
    call.require(Permission.AUDIT_READ)
    page = audit_dao.query(
        call.session,
        call.org_scope,
        actor=query.actor,
        action=query.action,
        resource_type=query.resource_type,
        resource_id=query.resource_id,
        outcome=query.outcome,
        workspace_id=query.workspace_id,
        since=query.since,
        until=query.until,
        page=query.page_request(sorts={"created_at"}),
    )
    return PageOut.of(page, AuditEventRead)
