"""Org, workspaces and members."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from datalinx.api.deps import CallerDep, permission
from datalinx.core.auth.permissions import Permission as P
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

router = APIRouter(tags=["tenancy"])


@router.get("/org", openapi_extra=permission(P.ORG_READ))
def get_org(caller: CallerDep) -> OrgRead:
    """The caller's organisation."""
    return caller.run(tenancy.get_org)


@router.get("/workspaces", openapi_extra=permission(P.WORKSPACE_READ))
def list_workspaces(caller: CallerDep, query: Annotated[WorkspaceQuery, Query()]) -> PageOut[WorkspaceRead]:
    """Workspaces the caller can reach."""
    return caller.run(tenancy.list_workspaces, query)


@router.post("/workspaces", status_code=201, openapi_extra=permission(P.WORKSPACE_CREATE))
def create_workspace(caller: CallerDep, body: WorkspaceCreate) -> WorkspaceRead:
    """Create a workspace."""
    return caller.run(tenancy.create_workspace, body)


@router.get("/workspaces/{workspace}", openapi_extra=permission(P.WORKSPACE_READ))
def get_workspace(caller: CallerDep, workspace: str) -> WorkspaceRead:
    """One workspace by id or slug."""
    return caller.run(tenancy.get_workspace, workspace)


@router.patch("/workspaces/{workspace}", openapi_extra=permission(P.WORKSPACE_MANAGE))
def update_workspace(caller: CallerDep, workspace: str, body: WorkspaceUpdate) -> WorkspaceRead:
    """Rename or re-describe a workspace."""
    return caller.run(tenancy.update_workspace, workspace, body)


@router.get("/members", openapi_extra=permission(P.MEMBER_READ))
def list_members(caller: CallerDep, query: Annotated[MemberQuery, Query()]) -> PageOut[MemberRead]:
    """Members of the current workspace."""
    return caller.run(tenancy.list_members, query)


@router.post("/members", status_code=201, openapi_extra=permission(P.MEMBER_MANAGE))
def add_member(caller: CallerDep, body: MemberAdd) -> MemberRead:
    """Give a user or service account a role in the current workspace."""
    return caller.run(tenancy.add_member, body)


@router.patch("/members/{member_id}", openapi_extra=permission(P.MEMBER_MANAGE))
def update_member(caller: CallerDep, member_id: str, body: MemberUpdate) -> MemberRead:
    """Change a member's role."""
    return caller.run(tenancy.update_member, member_id, body)


@router.delete("/members/{member_id}", status_code=204, openapi_extra=permission(P.MEMBER_MANAGE))
def remove_member(caller: CallerDep, member_id: str) -> Response:
    """Remove a member from the current workspace."""
    caller.run(tenancy.remove_member, member_id)
    return Response(status_code=204)
