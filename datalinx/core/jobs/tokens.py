"""Worker tokens: what a remote worker presents instead of system-DB credentials (`dlxw_`, shown once, hashed)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from datalinx.core.auth import credentials
from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call, RequestMeta, record_denial, resolve_workspace
from datalinx.core.errors import NotFound, Unauthenticated
from datalinx.core.jobs.schemas import WorkerTokenCreate, WorkerTokenCreated, WorkerTokenRead
from datalinx.core.runtime import Runtime
from datalinx.core.schemas import ListQuery, PageOut
from datalinx.dao import worker_tokens as tokens_dao
from datalinx.dao.jobs import QueueScope
from datalinx.dao.models import WorkerToken, utcnow

WORKER_TOKEN_PREFIX = "dlxw_"
LAST_USED_RESOLUTION = timedelta(seconds=60)


@dataclass(frozen=True)
class WorkerIdentity:
    """An authenticated remote worker: its token, its org and the workspaces it may serve."""

    token_id: str
    org_id: str
    name: str
    workspace_ids: frozenset[str]

    @property
    def queue_scope(self) -> QueueScope:
        return QueueScope(org_id=self.org_id, workspace_ids=self.workspace_ids)


def new_worker_token() -> tuple[str, str, str]:
    """A new worker token: (full token shown once, public lookup id, hash to store)."""
    lookup_id = secrets.token_hex(6)
    full = f"{WORKER_TOKEN_PREFIX}{lookup_id}_{secrets.token_urlsafe(32)}"
    return full, lookup_id, credentials.hash_api_key(full)


def split_worker_token(token: str) -> str | None:
    """The lookup id of a well-formed worker token, else None."""
    if not token.startswith(WORKER_TOKEN_PREFIX):
        return None
    lookup_id, _, secret = token[len(WORKER_TOKEN_PREFIX) :].partition("_")
    return lookup_id if lookup_id and secret else None


def _read(token: WorkerToken) -> WorkerTokenRead:
    return WorkerTokenRead(
        id=token.id,
        name=token.name,
        prefix=f"{WORKER_TOKEN_PREFIX}{token.lookup_id}",
        workspace_ids=list(token.workspace_ids),
        created_by=token.created_by,
        created_at=token.created_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
    )


def create_worker_token(call: Call, data: WorkerTokenCreate) -> WorkerTokenCreated:
    """A worker token serving the named workspaces; the token is in this answer only."""
    call.require(Permission.WORKER_MANAGE, resource_type="worker_token")
    workspace_ids: list[str] = []
    for ref in data.workspaces:
        workspace = resolve_workspace(call.session, call.principal, ref)
        if workspace is not None and workspace.id not in workspace_ids:
            workspace_ids.append(workspace.id)
    full, lookup_id, token_hash = new_worker_token()
    token = tokens_dao.create(
        call.session,
        call.org_scope,
        name=data.name,
        workspace_ids=workspace_ids,
        lookup_id=lookup_id,
        token_hash=token_hash,
        created_by=call.principal.id,
    )
    call.audit("worker_token.create", resource_type="worker_token", resource_id=token.id, workspaces=workspace_ids)
    return WorkerTokenCreated(**_read(token).model_dump(), token=full)


def list_worker_tokens(call: Call, query: ListQuery) -> PageOut[WorkerTokenRead]:
    """Worker tokens of the caller's org (never their secrets)."""
    call.require(Permission.WORKER_MANAGE)
    page = tokens_dao.list_tokens(call.session, call.org_scope, page=query.page_request(sorts={"created_at", "name"}))
    return PageOut[WorkerTokenRead](items=[_read(t) for t in page.items], next_cursor=page.next_cursor)


def revoke_worker_token(call: Call, token_id: str) -> WorkerTokenRead:
    """Revoke a worker token: its next request is refused and its leases expire back to the queue."""
    token = tokens_dao.get(call.session, call.org_scope, token_id)
    if token is None:
        raise NotFound("worker token", token_id)
    call.require(Permission.WORKER_MANAGE, resource_type="worker_token", resource_id=token.id)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
    call.audit("worker_token.revoke", resource_type="worker_token", resource_id=token.id)
    return _read(token)


def authenticate_worker(runtime: Runtime, token: str | None, meta: RequestMeta) -> WorkerIdentity:
    """The worker behind a `dlxw_` bearer token; a refusal is written to the audit trail."""
    try:
        with runtime.db.transaction() as session:
            lookup_id = split_worker_token(token or "")
            if lookup_id is None:
                raise Unauthenticated("a worker token ('Authorization: Bearer dlxw_...') is required")
            row = tokens_dao.find_by_lookup(session, lookup_id)
            if row is None or not credentials.api_key_matches(row.token_hash, token or ""):
                raise Unauthenticated("worker token is not valid")
            if row.revoked_at is not None:
                raise Unauthenticated("worker token has been revoked")
            now = utcnow()
            if row.last_used_at is None or now - row.last_used_at > LAST_USED_RESOLUTION:
                row.last_used_at = now
            return WorkerIdentity(
                token_id=row.id, org_id=row.org_id, name=row.name, workspace_ids=frozenset(row.workspace_ids)
            )
    except Unauthenticated as exc:
        record_denial(runtime, None, meta, action="worker.authenticate", resource=None, reason=exc.message)
        raise
