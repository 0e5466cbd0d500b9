"""Admin paths run from the command line: first org, and acting as an org's owner."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import BaseModel
from sqlalchemy import select

from datalinx.core.auth import accounts, credentials
from datalinx.core.auth.permissions import Role
from datalinx.core.auth.principal import Principal, PrincipalType
from datalinx.core.auth.schemas import ApiKeyCreate, ServiceAccountCreate
from datalinx.core.context import Call, RequestMeta, open_call
from datalinx.core.errors import Conflict, Invalid, NotFound
from datalinx.core.runtime import Runtime
from datalinx.core.tenancy.schemas import slugify
from datalinx.dao import principals as principals_dao
from datalinx.dao import tenancy as tenancy_dao
from datalinx.dao.models import Org, User
from datalinx.dao.scope import Scope


class InitResult(BaseModel):
    org_id: str
    org_slug: str
    workspace_id: str
    workspace_slug: str
    owner_email: str
    api_key: str


def init_platform(
    runtime: Runtime, *, org_name: str, email: str, password: str, workspace_name: str = "Default"
) -> InitResult:
    """Create an org with a first workspace, its owner, and a `cli` service account with one API key."""
    if len(password) < 10:
        raise Invalid("password must be at least 10 characters", field="password")
    org_slug = slugify(org_name)
    with runtime.db.transaction() as session:
        if tenancy_dao.org_slug_taken(session, org_slug):
            raise Conflict(f"organisation '{org_slug}' already exists", field="org")
        if principals_dao.find_user_by_email(session, email) is not None:
            raise Conflict(f"a user with email '{email}' already exists", field="email")
        org = tenancy_dao.create_org(session, name=org_name, slug=org_slug)
        scope = Scope(org_id=org.id)
        workspace = tenancy_dao.create_workspace(
            session, scope, name=workspace_name, slug=slugify(workspace_name), description=None
        )
        owner = principals_dao.create_user(
            session,
            scope.in_workspace(workspace.id),
            email=email,
            display_name=email.split("@")[0],
            password_hash=credentials.hash_password(password),
            role=Role.OWNER.value,
        )
        principal = Principal(
            type=PrincipalType.USER, id=owner.id, org_id=org.id, name=owner.email, org_role=Role.OWNER
        )
        call = Call(runtime, session, principal, workspace, RequestMeta.new("cli"))
        call.audit("org.create", resource_type="org", resource_id=org.id, slug=org_slug)
        account = accounts.create_service_account(call, ServiceAccountCreate(name="cli", role=Role.ADMIN))
        key = accounts.create_api_key(call, account.id, ApiKeyCreate(name="first key"))
        return InitResult(
            org_id=org.id,
            org_slug=org.slug,
            workspace_id=workspace.id,
            workspace_slug=workspace.slug,
            owner_email=owner.email,
            api_key=key.api_key,
        )


def has_any_org(runtime: Runtime) -> bool:
    with runtime.db.transaction() as session:
        return session.scalars(select(Org.id).limit(1)).first() is not None


@contextmanager
def as_owner(runtime: Runtime, org_slug: str | None, *, workspace: str | None = None) -> Iterator[Call]:
    """A Call acting as the first owner of an org (the only org when none is named), for CLI admin."""
    with runtime.db.transaction() as session:
        orgs = list(session.scalars(select(Org) if org_slug is None else select(Org).where(Org.slug == org_slug)))
        if not orgs:
            raise NotFound("organisation", org_slug or "(any)")
        if len(orgs) > 1:
            raise Invalid("several organisations exist: name one with --org", field="org")
        query = select(User).where(User.org_id == orgs[0].id, User.role == Role.OWNER.value, User.is_active)
        owner = session.scalars(query.order_by(User.created_at)).first()
        if owner is None:
            raise NotFound("owner of organisation", orgs[0].slug)
        principal = Principal(
            type=PrincipalType.USER, id=owner.id, org_id=owner.org_id, name=owner.email, org_role=Role.OWNER
        )
    with open_call(runtime, token=None, workspace=workspace, meta=RequestMeta.new("cli"), principal=principal) as call:
        yield call
