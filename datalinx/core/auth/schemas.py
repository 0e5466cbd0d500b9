"""Auth models crossing layers."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from datalinx.core.auth.permissions import Role
from datalinx.core.schemas import ListQuery


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=1024)


class LoginResult(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime
    user_id: str
    org_id: str


class WorkspaceRole(BaseModel):
    workspace_id: str
    slug: str
    name: str
    role: str


class WhoAmI(BaseModel):
    """The calling principal as it sees itself."""

    type: str
    id: str
    name: str
    org_id: str
    org_role: str
    default_workspace_id: str | None
    current_workspace_id: str | None
    permissions_in_current_workspace: list[str]
    workspaces: list[WorkspaceRole]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class UserCreate(_Input):
    email: EmailStr
    display_name: str | None = Field(default=None, max_length=200)
    password: str = Field(min_length=10, max_length=1024, description="At least 10 characters.")
    role: Role = Field(description="Org role: owners and admins reach every workspace; others only their memberships.")
    workspaces: list[str] = Field(default_factory=list, description="Workspaces (id or slug) to join with `role`.")


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    email: str
    display_name: str
    role: str
    is_active: bool
    default_workspace_id: str | None
    created_at: datetime
    last_login_at: datetime | None


class UserQuery(ListQuery):
    email: str | None = Field(default=None, description="Substring of the email.")
    role: Role | None = None


class ServiceAccountCreate(_Input):
    name: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    role: Role = Role.API_USER
    workspaces: list[str] = Field(default_factory=list, description="Workspaces (id or slug) it may reach.")


class ServiceAccountRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    role: str
    is_active: bool
    default_workspace_id: str | None
    created_at: datetime


class ServiceAccountQuery(ListQuery):
    name: str | None = None


class ApiKeyCreate(_Input):
    name: str = Field(default="default", min_length=1, max_length=200)


class ApiKeyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    service_account_id: str
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyRead):
    """The new key, with its secret shown this once."""

    api_key: str
