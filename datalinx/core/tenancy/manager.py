"""Orgs, workspaces and members: who can reach which workspace, with which role."""

from __future__ import annotations

from datalinx.core.auth.accounts import check_can_grant
from datalinx.core.auth.permissions import ORG_WIDE_ROLES, Permission
from datalinx.core.auth.principal import PrincipalType
from datalinx.core.auth.schemas import WhoAmI, WorkspaceRole
from datalinx.core.context import Call, resolve_workspace
from datalinx.core.errors import Conflict, Invalid, NotFound
from datalinx.core.schemas import PageOut
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
    slugify,
)
from datalinx.dao import principals as principals_dao
from datalinx.dao import tenancy as tenancy_dao
from datalinx.dao.models import Workspace

WORKSPACE_SORTS = {"created_at", "name", "slug"}
MEMBER_SORTS = {"created_at", "role"}


def whoami(call: Call) -> WhoAmI:
    """The calling principal, its roles and what it may do in the current workspace."""
    principal = call.principal
    visible = None if principal.org_role in ORG_WIDE_ROLES else set(principal.workspace_roles)
    rows = tenancy_dao.list_workspaces(
        call.session,
        call.org_scope,
        only_ids=visible,
        name=None,
        page=WorkspaceQuery(limit=100).page_request(sorts={"created_at"}),
    ).items
    current = call.workspace.id if call.workspace else None
    return WhoAmI(
        type=principal.type.value,
        id=principal.id,
        name=principal.name,
        org_id=principal.org_id,
        org_role=principal.org_role.value,
        default_workspace_id=principal.default_workspace_id,
        current_workspace_id=current,
        permissions_in_current_workspace=sorted(p.value for p in Permission if principal.can(p, current)),
        workspaces=[
            WorkspaceRole(workspace_id=w.id, slug=w.slug, name=w.name, role=str(principal.role_in(w.id))) for w in rows
        ],
    )


def get_org(call: Call) -> OrgRead:
    """The caller's organisation."""
    call.require(Permission.ORG_READ)
    org = tenancy_dao.get_org(call.session, call.org_scope)
    if org is None:
        raise NotFound("org", call.principal.org_id)
    return OrgRead.model_validate(org)


def list_workspaces(call: Call, query: WorkspaceQuery) -> PageOut[WorkspaceRead]:
    """Workspaces the caller can reach (all of them for owners and admins)."""
    principal = call.principal
    visible = None if principal.org_role in ORG_WIDE_ROLES else set(principal.workspace_roles)
    page = tenancy_dao.list_workspaces(
        call.session,
        call.org_scope,
        only_ids=visible,
        name=query.name,
        page=query.page_request(sorts=WORKSPACE_SORTS),
    )
    return PageOut.of(page, WorkspaceRead)


def _visible_workspace(call: Call, ref: str) -> Workspace:
    workspace = resolve_workspace(call.session, call.principal, ref)
    assert workspace is not None  # a non-empty ref resolves or raises
    return workspace


def get_workspace(call: Call, ref: str) -> WorkspaceRead:
    """One workspace by id or slug."""
    workspace = _visible_workspace(call, ref)
    call.workspace = workspace
    call.require(Permission.WORKSPACE_READ)
    return WorkspaceRead.model_validate(workspace)


def create_workspace(call: Call, data: WorkspaceCreate) -> WorkspaceRead:
    """A new workspace in the caller's org."""
    call.require(Permission.WORKSPACE_CREATE, resource_type="workspace")
    slug = data.slug or slugify(data.name)
    if tenancy_dao.workspace_slug_taken(call.session, call.org_scope, slug):
        raise Conflict(f"a workspace with slug '{slug}' already exists", field="slug")
    workspace = tenancy_dao.create_workspace(
        call.session, call.org_scope, name=data.name, slug=slug, description=data.description
    )
    call.workspace = workspace
    call.audit("workspace.create", resource_type="workspace", resource_id=workspace.id, slug=slug)
    return WorkspaceRead.model_validate(workspace)


def update_workspace(call: Call, ref: str, data: WorkspaceUpdate) -> WorkspaceRead:
    """Rename or re-describe a workspace."""
    workspace = _visible_workspace(call, ref)
    call.workspace = workspace
    call.require(Permission.WORKSPACE_MANAGE, resource_type="workspace", resource_id=workspace.id)
    changes = data.model_dump(exclude_unset=True)
    for name, value in changes.items():
        setattr(workspace, name, value)
    call.audit("workspace.update", resource_type="workspace", resource_id=workspace.id, fields=sorted(changes))
    return WorkspaceRead.model_validate(workspace)


def list_members(call: Call, query: MemberQuery) -> PageOut[MemberRead]:
    """Members of the current workspace and their roles."""
    scope = call.scope
    call.require(Permission.MEMBER_READ)
    page = tenancy_dao.list_members(
        call.session,
        scope,
        role=query.role.value if query.role else None,
        page=query.page_request(sorts=MEMBER_SORTS),
    )
    return PageOut.of(page, MemberRead)


def add_member(call: Call, data: MemberAdd) -> MemberRead:
    """Give a user or service account of the org a role in the current workspace."""
    scope = call.scope
    call.require(Permission.MEMBER_MANAGE, resource_type="workspace", resource_id=scope.workspace_id)
    check_can_grant(call, data.role)
    user = principals_dao.find_user(call.session, call.org_scope, data.principal)
    account = None if user else principals_dao.find_service_account(call.session, call.org_scope, data.principal)
    if user is None and account is None:
        raise NotFound("user or service account", data.principal)
    principal_id = user.id if user else account.id  # type: ignore[union-attr]
    kind = PrincipalType.USER if user else PrincipalType.SERVICE_ACCOUNT
    if tenancy_dao.find_member(call.session, scope, principal_id) is not None:
        raise Conflict(f"'{data.principal}' is already a member of this workspace", field="principal")
    member = tenancy_dao.add_member(
        call.session, scope, principal_id=principal_id, principal_type=kind.value, role=data.role.value
    )
    call.audit(
        "member.add",
        resource_type="member",
        resource_id=member.id,
        principal_id=principal_id,
        role=data.role.value,
    )
    return MemberRead.model_validate(member)


def _member(call: Call, member_id: str):
    member = tenancy_dao.get_member(call.session, call.scope, member_id)
    if member is None:
        raise NotFound("member", member_id)
    return member


def update_member(call: Call, member_id: str, data: MemberUpdate) -> MemberRead:
    """Change a member's role in the current workspace."""
    member = _member(call, member_id)
    call.require(Permission.MEMBER_MANAGE, resource_type="member", resource_id=member_id)
    check_can_grant(call, data.role)
    if member.principal_id == call.principal.id:
        raise Invalid("you cannot change your own role", field="role")
    member.role = data.role.value
    call.audit("member.update", resource_type="member", resource_id=member_id, role=data.role.value)
    return MemberRead.model_validate(member)


def remove_member(call: Call, member_id: str) -> None:
    """Remove a member from the current workspace."""
    member = _member(call, member_id)
    call.require(Permission.MEMBER_MANAGE, resource_type="member", resource_id=member_id)
    tenancy_dao.delete_member(call.session, call.scope, member.id)
    call.audit("member.remove", resource_type="member", resource_id=member_id, principal_id=member.principal_id)
