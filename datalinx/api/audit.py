"""The audit trail (under compliance, as in the Datrix API)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from datalinx.api.deps import CallerDep, permission
from datalinx.core.audit import manager as audit
from datalinx.core.audit.schemas import AuditEventRead, AuditQuery
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.schemas import PageOut

router = APIRouter(tags=["compliance"])


@router.get("/compliance/audit-trail", openapi_extra=permission(P.AUDIT_READ))
def audit_trail(caller: CallerDep, query: Annotated[AuditQuery, Query()]) -> PageOut[AuditEventRead]:
    """Audit events of the org, newest first, filtered by actor, action, resource and time."""
    return caller.run(audit.query_trail, query)
