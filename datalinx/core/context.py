"""One call into core: the principal, its workspace, one transaction, and the audit trail."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import structlog
from sqlalchemy.orm import Session

from datalinx.core.audit import manager as audit
from datalinx.core.auth import manager as auth
from datalinx.core.auth.permissions import ORG_PERMISSIONS, Permission
from datalinx.core.auth.principal import Principal
from datalinx.core.errors import Forbidden, Invalid, NotFound, Unauthenticated
from datalinx.core.runtime import Runtime
from datalinx.dao import tenancy as tenancy_dao
from datalinx.dao.models import Workspace
from datalinx.dao.scope import Scope

log = structlog.get_logger("datalinx.call")
R = TypeVar("R")


@dataclass(frozen=True)
class RequestMeta:
    """Where a call came from, for logs and the audit trail."""

    request_id: str
    address: str = ""
    transport: str = "rest"

    @classmethod
    def new(cls, transport: str, address: str = "") -> RequestMeta:
        return cls(request_id=uuid.uuid4().hex, address=address, transport=transport)


@dataclass
class Call:
    """What every manager function receives: who, where, and the open transaction."""

    runtime: Runtime
    session: Session
    principal: Principal
    workspace: Workspace | None
    meta: RequestMeta

    @property
    def org_scope(self) -> Scope:
        return Scope(org_id=self.principal.org_id)

    @property
    def scope(self) -> Scope:
        """The org + workspace scope; a workspace must have been chosen."""
        if self.workspace is None:
            raise Invalid(
                "no workspace selected: send the X-Datalinx-Workspace header or the `workspace` argument",
                field="workspace",
            )
        return Scope(org_id=self.principal.org_id, workspace_id=self.workspace.id)

    def require(
        self, permission: Permission, *, resource_type: str | None = None, resource_id: str | None = None
    ) -> None:
        """Raise Forbidden (audited) unless the principal holds `permission` here."""
        workspace_id = self.workspace.id if self.workspace else None
        if self.principal.can(permission, workspace_id):
            return
        if permission in ORG_PERMISSIONS or self.workspace is None:
            where, role = "this organisation", self.principal.org_role
        else:
            where, role = f"workspace '{self.workspace.slug}'", self.principal.role_in(workspace_id)
        raise Forbidden(
            f"role '{role}' lacks permission '{permission}' in {where}",
            permission=str(permission),
            resource=f"{resource_type}:{resource_id}" if resource_type else None,
        )

    def audit(self, action: str, *, resource_type: str, resource_id: str | None, **detail: Any) -> None:
        """Record a successful mutation in the same transaction as the change itself."""
        audit.record(
            self.session,
            principal=self.principal,
            workspace_id=self.workspace.id if self.workspace else None,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            outcome="success",
            request_id=self.meta.request_id,
            detail=detail,
        )


def resolve_workspace(session: Session, principal: Principal, ref: str | None) -> Workspace | None:
    """The workspace named by id or slug (or the principal's default); invisible ones are not found."""
    scope = Scope(org_id=principal.org_id)
    if ref is None or ref == "":
        default = principal.default_workspace_id
        if default is None or principal.role_in(default) is None:
            return None
        return tenancy_dao.find_workspace(session, scope, default)
    workspace = tenancy_dao.find_workspace(session, scope, ref)
    if workspace is None or principal.role_in(workspace.id) is None:
        raise NotFound("workspace", ref)
    return workspace


@contextmanager
def open_call(
    runtime: Runtime,
    *,
    token: str | None,
    workspace: str | None,
    meta: RequestMeta,
    principal: Principal | None = None,
) -> Iterator[Call]:
    """Authenticate, pick the workspace, and run the body in one transaction.

    A denial (bad credentials or a missing permission) rolls the transaction back and is
    written to the audit trail in a transaction of its own, so it is kept.
    """
    known: Principal | None = principal
    try:
        with runtime.db.transaction() as session:
            if known is None:
                if not token:
                    raise Unauthenticated("missing credentials: send 'Authorization: Bearer <token or API key>'")
                known = auth.authenticate(session, runtime, token)
            else:
                known = auth.load_principal(
                    session, principal_type=known.type, principal_id=known.id, org_id=known.org_id
                )
            chosen = resolve_workspace(session, known, workspace)
            with structlog.contextvars.bound_contextvars(org_id=known.org_id, principal=known.label):
                yield Call(runtime=runtime, session=session, principal=known, workspace=chosen, meta=meta)
    except Forbidden as exc:
        record_denial(
            runtime,
            known,
            meta,
            action=exc.permission or "forbidden",
            resource=exc.resource,
            reason=exc.message,
        )
        raise
    except Unauthenticated as exc:
        record_denial(
            runtime, known, meta, action="auth.authenticate", resource=None, reason=exc.message, org_id=exc.org_id
        )
        raise


def record_denial(
    runtime: Runtime,
    principal: Principal | None,
    meta: RequestMeta,
    *,
    action: str,
    resource: str | None,
    reason: str,
    org_id: str | None = None,
) -> None:
    resource_type, _, resource_id = (resource or "").partition(":")
    log.warning("call.denied", action=action, reason=reason, request_id=meta.request_id)
    with runtime.db.transaction() as session:
        audit.record(
            session,
            principal=principal,
            workspace_id=None,
            action=action,
            resource_type=resource_type or None,
            resource_id=resource_id or None,
            outcome="denied",
            request_id=meta.request_id,
            detail={"reason": reason, "transport": meta.transport, "address": meta.address},
            org_id=org_id,
        )


class Caller:
    """One caller's credentials and chosen workspace; `run` calls one manager function in one transaction.

    Routes get one per request; agents and the chat UI hold one to act as their user step by step.
    """

    def __init__(self, runtime: Runtime, token: str | None, workspace: str | None, meta: RequestMeta) -> None:
        self.runtime = runtime
        self.token = token
        self.workspace = workspace
        self.meta = meta

    def call(self) -> AbstractContextManager[Call]:
        return open_call(self.runtime, token=self.token, workspace=self.workspace, meta=self.meta)

    def run(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        with self.call() as call:
            return fn(call, *args, **kwargs)
