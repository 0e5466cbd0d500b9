"""Org, workspace and membership models: inputs forbid extra fields, reads list what they expose."""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from datalinx.core.auth.permissions import Role
from datalinx.core.schemas import ListQuery

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def slugify(text: str) -> str:
    """A URL-safe slug from a display name."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:63] or "workspace"


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class OrgRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    slug: str
    created_at: datetime


class WorkspaceCreate(Input):
    name: str = Field(min_length=1, max_length=200)
    slug: str | None = Field(default=None, description="Lowercase letters, digits and dashes; default from name.")
    description: str | None = Field(default=None, max_length=2000)

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str | None) -> str | None:
        if value is not None and not SLUG.match(value):
            raise ValueError("slug must be lowercase letters, digits and dashes, starting with a letter or digit")
        return value


class WorkspaceUpdate(Input):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=2000)


class WorkspaceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    slug: str
    description: str | None
    created_at: datetime


class WorkspaceQuery(ListQuery):
    name: str | None = Field(default=None, description="Substring of the workspace name.")


class MemberAdd(Input):
    principal: str = Field(min_length=1, description="A user's email or id, or a service account's name or id.")
    role: Role


class MemberUpdate(Input):
    role: Role


class MemberRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    workspace_id: str
    principal_id: str
    principal_type: str
    role: str
    created_at: datetime


class MemberQuery(ListQuery):
    role: Role | None = None
