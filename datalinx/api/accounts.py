"""Users, service accounts and API keys."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from datalinx.api.deps import CallerDep, permission
from datalinx.core.auth import accounts
from datalinx.core.auth.permissions import Permission as P
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

router = APIRouter(tags=["accounts"])


@router.get("/users", openapi_extra=permission(P.USER_READ))
def list_users(caller: CallerDep, query: Annotated[UserQuery, Query()]) -> PageOut[UserRead]:
    """Users of the caller's org."""
    return caller.run(accounts.list_users, query)


@router.post("/users", status_code=201, openapi_extra=permission(P.USER_MANAGE))
def create_user(caller: CallerDep, body: UserCreate) -> UserRead:
    """Create a user in the caller's org."""
    return caller.run(accounts.create_user, body)


@router.get("/service-accounts", openapi_extra=permission(P.SERVICE_ACCOUNT_READ))
def list_service_accounts(
    caller: CallerDep, query: Annotated[ServiceAccountQuery, Query()]
) -> PageOut[ServiceAccountRead]:
    """Service accounts of the caller's org."""
    return caller.run(accounts.list_service_accounts, query)


@router.post("/service-accounts", status_code=201, openapi_extra=permission(P.SERVICE_ACCOUNT_MANAGE))
def create_service_account(caller: CallerDep, body: ServiceAccountCreate) -> ServiceAccountRead:
    """Create a service account."""
    return caller.run(accounts.create_service_account, body)


@router.get("/service-accounts/{account_id}", openapi_extra=permission(P.SERVICE_ACCOUNT_READ))
def get_service_account(caller: CallerDep, account_id: str) -> ServiceAccountRead:
    """One service account."""
    return caller.run(accounts.get_service_account, account_id)


@router.delete("/service-accounts/{account_id}", openapi_extra=permission(P.SERVICE_ACCOUNT_MANAGE))
def deactivate_service_account(caller: CallerDep, account_id: str) -> ServiceAccountRead:
    """Deactivate a service account and so all of its keys."""
    return caller.run(accounts.deactivate_service_account, account_id)


@router.post(
    "/service-accounts/{account_id}/api-keys",
    status_code=201,
    openapi_extra=permission(P.SERVICE_ACCOUNT_MANAGE),
)
def create_api_key(caller: CallerDep, account_id: str, body: ApiKeyCreate) -> ApiKeyCreated:
    """Create an API key; the key is shown in this answer only."""
    return caller.run(accounts.create_api_key, account_id, body)


@router.get("/service-accounts/{account_id}/api-keys", openapi_extra=permission(P.SERVICE_ACCOUNT_READ))
def list_api_keys(caller: CallerDep, account_id: str, query: Annotated[ListQuery, Query()]) -> PageOut[ApiKeyRead]:
    """A service account's keys (prefix and dates, never the secret)."""
    return caller.run(accounts.list_api_keys, account_id, query)


@router.delete("/api-keys/{key_id}", openapi_extra=permission(P.SERVICE_ACCOUNT_MANAGE))
def revoke_api_key(caller: CallerDep, key_id: str) -> ApiKeyRead:
    """Revoke an API key."""
    return caller.run(accounts.revoke_api_key, key_id)
