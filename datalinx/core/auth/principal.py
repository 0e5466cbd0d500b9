"""The one principal type for users, service accounts and worker tokens."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from datalinx.core.auth.permissions import ORG_PERMISSIONS, ORG_WIDE_ROLES, Permission, Role, role_allows


class PrincipalType(StrEnum):
    USER = "user"
    SERVICE_ACCOUNT = "service_account"


@dataclass(frozen=True)
class Principal:
    """Who is calling: their org, org role and role in each workspace they can reach."""

    type: PrincipalType
    id: str
    org_id: str
    name: str
    org_role: Role
    workspace_roles: dict[str, Role] = field(default_factory=dict)
    default_workspace_id: str | None = None
    credential_id: str | None = None

    @property
    def label(self) -> str:
        return f"{self.type.value}:{self.name}"

    def role_in(self, workspace_id: str | None) -> Role | None:
        """The principal's role in a workspace, or None when it cannot reach it."""
        if workspace_id is None:
            return None
        if self.org_role in ORG_WIDE_ROLES:
            return self.org_role
        return self.workspace_roles.get(workspace_id)

    def can(self, permission: Permission, workspace_id: str | None = None) -> bool:
        """Whether the principal holds `permission` in the org or in the given workspace."""
        if permission in ORG_PERMISSIONS:
            return role_allows(self.org_role, permission)
        role = self.role_in(workspace_id)
        return role is not None and role_allows(role, permission)
