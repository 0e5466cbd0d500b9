"""Users, service accounts and their API keys, managed within one org."""

from __future__ import annotations

from datalinx.core.auth import credentials
from datalinx.core.auth.permissions import ORG_WIDE_ROLES, ROLE_RANK, Permission, Role
from datalinx.core.auth.principal import PrincipalType
from datalinx.core.auth.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyRead,
    ServiceAccountCreate,
    ServiceAccountQuery,
    ServiceAccountRead,
    UserCreate,
    UserQuery,
    UserRead,
)
from datalinx.core.context import Call, resolve_workspace
from datalinx.core.errors import Conflict, Forbidden, NotFound
from datalinx.core.schemas import ListQuery, PageOut
from datalinx.dao import principals as principals_dao
from datalinx.dao import tenancy as tenancy_dao
from datalinx.dao.models import ApiKey, ServiceAccount, utcnow

USER_SORTS = {"created_at", "email"}
ACCOUNT_SORTS = {"created_at", "name"}


def check_can_grant(call: Call, role: Role) -> None:
    """Nobody grants a role above their own; only owners make owners."""
    mine = call.principal.org_role
    if ROLE_RANK[role] < ROLE_RANK[mine] or (role is Role.OWNER and mine is not Role.OWNER):
        raise Forbidden(f"a {mine} cannot grant the role '{role}'", permission="member.manage")


def _join_workspaces(call: Call, principal_id: str, kind: PrincipalType, role: Role, refs: list[str]) -> str | None:
    """Add memberships in each named workspace; returns the first one's id (the default)."""
    first: str | None = None
    for ref in refs:
        workspace = resolve_workspace(call.session, call.principal, ref)
        assert workspace is not None
        tenancy_dao.add_member(
            call.session,
            call.org_scope.in_workspace(workspace.id),
            principal_id=principal_id,
            principal_type=kind.value,
            role=role.value,
        )
        first = first or workspace.id
    return first


def list_users(call: Call, query: UserQuery) -> PageOut[UserRead]:
    """Users of the caller's org."""
    call.require(Permission.USER_READ)
    page = principals_dao.list_users(
        call.session,
        call.org_scope,
        email=query.email,
        role=query.role.value if query.role else None,
        page=query.page_request(sorts=USER_SORTS),
    )
    return PageOut.of(page, UserRead)


def create_user(call: Call, data: UserCreate) -> UserRead:
    """A new user of the caller's org, optionally joined to workspaces."""
    call.require(Permission.USER_MANAGE, resource_type="user")
    check_can_grant(call, data.role)
    if principals_dao.find_user_by_email(call.session, data.email) is not None:
        raise Conflict(f"a user with email '{data.email}' already exists", field="email")
    user = principals_dao.create_user(
        call.session,
        call.org_scope,
        email=data.email,
        display_name=data.display_name or data.email.split("@")[0],
        password_hash=credentials.hash_password(data.password),
        role=data.role.value,
    )
    refs = data.workspaces if data.role not in ORG_WIDE_ROLES else []
    user.default_workspace_id = _join_workspaces(call, user.id, PrincipalType.USER, data.role, refs) or (
        call.workspace.id if call.workspace and data.role in ORG_WIDE_ROLES else None
    )
    call.audit("user.create", resource_type="user", resource_id=user.id, email=user.email, role=user.role)
    return UserRead.model_validate(user)


def list_service_accounts(call: Call, query: ServiceAccountQuery) -> PageOut[ServiceAccountRead]:
    """Service accounts of the caller's org."""
    call.require(Permission.SERVICE_ACCOUNT_READ)
    page = principals_dao.list_service_accounts(
        call.session, call.org_scope, name=query.name, page=query.page_request(sorts=ACCOUNT_SORTS)
    )
    return PageOut.of(page, ServiceAccountRead)


def _account(call: Call, account_id: str) -> ServiceAccount:
    account = principals_dao.find_service_account(call.session, call.org_scope, account_id)
    if account is None:
        raise NotFound("service account", account_id)
    return account


def get_service_account(call: Call, account_id: str) -> ServiceAccountRead:
    """One service account by id or name."""
    account = _account(call, account_id)
    call.require(Permission.SERVICE_ACCOUNT_READ)
    return ServiceAccountRead.model_validate(account)


def create_service_account(call: Call, data: ServiceAccountCreate) -> ServiceAccountRead:
    """A new service account (create its API keys next)."""
    call.require(Permission.SERVICE_ACCOUNT_MANAGE, resource_type="service_account")
    check_can_grant(call, data.role)
    if principals_dao.find_service_account(call.session, call.org_scope, data.name) is not None:
        raise Conflict(f"a service account named '{data.name}' already exists", field="name")
    account = principals_dao.create_service_account(
        call.session, call.org_scope, name=data.name, role=data.role.value, created_by=call.principal.id
    )
    refs = data.workspaces or ([call.workspace.id] if call.workspace else [])
    refs = refs if data.role not in ORG_WIDE_ROLES else []
    joined = _join_workspaces(call, account.id, PrincipalType.SERVICE_ACCOUNT, data.role, refs)
    account.default_workspace_id = joined or (call.workspace.id if call.workspace else None)
    call.audit("service_account.create", resource_type="service_account", resource_id=account.id, role=account.role)
    return ServiceAccountRead.model_validate(account)


def deactivate_service_account(call: Call, account_id: str) -> ServiceAccountRead:
    """Deactivate a service account: all of its keys stop working at once."""
    account = _account(call, account_id)
    call.require(Permission.SERVICE_ACCOUNT_MANAGE, resource_type="service_account", resource_id=account.id)
    account.is_active = False
    call.audit("service_account.deactivate", resource_type="service_account", resource_id=account.id)
    return ServiceAccountRead.model_validate(account)


def _key_read(key: ApiKey) -> ApiKeyRead:
    return ApiKeyRead(
        id=key.id,
        service_account_id=key.service_account_id,
        name=key.name,
        prefix=f"{credentials.API_KEY_PREFIX}{key.lookup_id}",
        created_at=key.created_at,
        last_used_at=key.last_used_at,
        revoked_at=key.revoked_at,
    )


def create_api_key(call: Call, account_id: str, data: ApiKeyCreate) -> ApiKeyCreated:
    """A new API key for a service account; the key is in this answer only."""
    account = _account(call, account_id)
    call.require(Permission.SERVICE_ACCOUNT_MANAGE, resource_type="service_account", resource_id=account.id)
    full, lookup_id, key_hash = credentials.new_api_key()
    key = principals_dao.create_api_key(
        call.session,
        call.org_scope,
        service_account_id=account.id,
        name=data.name,
        lookup_id=lookup_id,
        key_hash=key_hash,
    )
    call.audit("api_key.create", resource_type="api_key", resource_id=key.id, service_account_id=account.id)
    return ApiKeyCreated(**_key_read(key).model_dump(), api_key=full)


def list_api_keys(call: Call, account_id: str, query: ListQuery) -> PageOut[ApiKeyRead]:
    """A service account's API keys (never their secrets)."""
    account = _account(call, account_id)
    call.require(Permission.SERVICE_ACCOUNT_READ)
    page = principals_dao.list_api_keys(
        call.session,
        call.org_scope,
        service_account_id=account.id,
        page=query.page_request(sorts={"created_at"}),
    )
    return PageOut[ApiKeyRead](items=[_key_read(k) for k in page.items], next_cursor=page.next_cursor)


def revoke_api_key(call: Call, key_id: str) -> ApiKeyRead:
    """Revoke an API key; it is refused from the next request on."""
    key = principals_dao.get_api_key(call.session, call.org_scope, key_id)
    if key is None:
        raise NotFound("api key", key_id)
    call.require(Permission.SERVICE_ACCOUNT_MANAGE, resource_type="api_key", resource_id=key.id)
    if key.revoked_at is None:
        key.revoked_at = utcnow()
    call.audit("api_key.revoke", resource_type="api_key", resource_id=key.id)
    return _key_read(key)
