"""Tools: whoami, org, workspaces and members."""

from __future__ import annotations

from datalinx.core.auth.permissions import Permission as P
from datalinx.core.auth.permissions import Role
from datalinx.core.auth.schemas import WhoAmI
from datalinx.core.schemas import PageOut
from datalinx.core.tenancy import manager as tenancy
from datalinx.core.tenancy.schemas import (
    MemberAdd,
    MemberQuery,
    MemberRead,
    MemberUpdate,
    OrgRead,
    WorkspaceCreate,
    WorkspaceQuery,
    WorkspaceRead,
    WorkspaceUpdate,
)
from datalinx.tools.base import Call, Cursor, Limit, tool


@tool(permission=None, read_only=True)
def whoami(call: Call) -> WhoAmI:
    return tenancy.whoami(call)


@tool(permission=P.ORG_READ, read_only=True)
def get_org(call: Call) -> OrgRead:
    return tenancy.get_org(call)


@tool(permission=P.WORKSPACE_READ, read_only=True)
def list_workspaces(
    call: Call, name: str | None = None, limit: Limit = 20, cursor: Cursor = None
) -> PageOut[WorkspaceRead]:
    return tenancy.list_workspaces(call, WorkspaceQuery(name=name, limit=limit, cursor=cursor))


@tool(permission=P.WORKSPACE_READ, read_only=True)
def get_workspace(call: Call, workspace_ref: str) -> WorkspaceRead:
    return tenancy.get_workspace(call, workspace_ref)


@tool(permission=P.WORKSPACE_CREATE, destructive=False)
def create_workspace(call: Call, name: str, slug: str | None = None, description: str | None = None) -> WorkspaceRead:
    return tenancy.create_workspace(call, WorkspaceCreate(name=name, slug=slug, description=description))


@tool(permission=P.WORKSPACE_MANAGE, destructive=False, idempotent=True)
def update_workspace(
    call: Call, workspace_ref: str, name: str | None = None, description: str | None = None
) -> WorkspaceRead:
    changes = {k: v for k, v in {"name": name, "description": description}.items() if v is not None}
    return tenancy.update_workspace(call, workspace_ref, WorkspaceUpdate(**changes))


@tool(permission=P.MEMBER_READ, read_only=True)
def list_members(call: Call, role: Role | None = None, limit: Limit = 20, cursor: Cursor = None) -> PageOut[MemberRead]:
    return tenancy.list_members(call, MemberQuery(role=role, limit=limit, cursor=cursor))


@tool(permission=P.MEMBER_MANAGE, destructive=False)
def add_member(call: Call, principal: str, role: Role) -> MemberRead:
    return tenancy.add_member(call, MemberAdd(principal=principal, role=role))


@tool(permission=P.MEMBER_MANAGE, idempotent=True)
def update_member_role(call: Call, member_id: str, role: Role) -> MemberRead:
    return tenancy.update_member(call, member_id, MemberUpdate(role=role))


@tool(permission=P.MEMBER_MANAGE, idempotent=True)
def remove_member(call: Call, member_id: str) -> dict[str, str]:
    tenancy.remove_member(call, member_id)
    return {"removed": member_id}
