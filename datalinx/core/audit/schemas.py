"""Audit trail models."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from datalinx.core.schemas import ListQuery


class AuditQuery(ListQuery):
    """Filters of the audit trail; `action` ending in '.' matches a prefix (e.g. 'workspace.')."""

    actor: str | None = None
    action: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    outcome: Literal["success", "denied", "failed"] | None = None
    workspace_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None


class AuditEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    created_at: datetime
    actor_type: str
    actor_id: str | None
    actor: str
    action: str
    resource_type: str | None
    resource_id: str | None
    workspace_id: str | None
    outcome: str
    request_id: str | None
    detail: dict[str, Any]
