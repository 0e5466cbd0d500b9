"""Tools: users, service accounts and API keys."""

from __future__ import annotations

from datalinx.core.auth import accounts
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.auth.permissions import Role
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
from datalinx.core.schemas import ListQuery, PageOut
from datalinx.tools.base import Call, Cursor, Limit, tool


@tool(permission=P.USER_READ, read_only=True)
def list_users(
    call: Call, email: str | None = None, role: Role | None = None, limit: Limit = 20, cursor: Cursor = None
) -> PageOut[UserRead]:
    return accounts.list_users(call, UserQuery(email=email, role=role, limit=limit, cursor=cursor))


@tool(permission=P.USER_MANAGE, destructive=False)
def create_user(
    call: Call,
    email: str,
    password: str,
    role: Role,
    display_name: str | None = None,
    workspaces: list[str] | None = None,
) -> UserRead:
    data = UserCreate(email=email, password=password, role=role, display_name=display_name, workspaces=workspaces or [])
    return accounts.create_user(call, data)


@tool(permission=P.SERVICE_ACCOUNT_READ, read_only=True)
def list_service_accounts(
    call: Call, name: str | None = None, limit: Limit = 20, cursor: Cursor = None
) -> PageOut[ServiceAccountRead]:
    return accounts.list_service_accounts(call, ServiceAccountQuery(name=name, limit=limit, cursor=cursor))


@tool(permission=P.SERVICE_ACCOUNT_MANAGE, destructive=False)
def create_service_account(
    call: Call, name: str, role: Role = Role.API_USER, workspaces: list[str] | None = None
) -> ServiceAccountRead:
    data = ServiceAccountCreate(name=name, role=role, workspaces=workspaces or [])
    return accounts.create_service_account(call, data)


@tool(permission=P.SERVICE_ACCOUNT_MANAGE, idempotent=True)
def deactivate_service_account(call: Call, service_account: str) -> ServiceAccountRead:
    return accounts.deactivate_service_account(call, service_account)


@tool(permission=P.SERVICE_ACCOUNT_MANAGE, destructive=False)
def create_api_key(call: Call, service_account: str, name: str = "default") -> ApiKeyCreated:
    return accounts.create_api_key(call, service_account, ApiKeyCreate(name=name))


@tool(permission=P.SERVICE_ACCOUNT_READ, read_only=True)
def list_api_keys(call: Call, service_account: str, limit: Limit = 20, cursor: Cursor = None) -> PageOut[ApiKeyRead]:
    return accounts.list_api_keys(call, service_account, ListQuery(limit=limit, cursor=cursor))


@tool(permission=P.SERVICE_ACCOUNT_MANAGE, idempotent=True)
def revoke_api_key(call: Call, api_key_id: str) -> ApiKeyRead:
    return accounts.revoke_api_key(call, api_key_id)
