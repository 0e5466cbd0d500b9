"""Worker tokens of an org."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from datalinx.dao.models import WorkerToken
from datalinx.dao.pagination import Page, PageRequest, paginate
from datalinx.dao.scope import Scope


def create(
    session: Session,
    scope: Scope,
    *,
    name: str,
    workspace_ids: list[str],
    lookup_id: str,
    token_hash: str,
    created_by: str | None,
) -> WorkerToken:
    token = WorkerToken(
        org_id=scope.org_id,
        name=name,
        workspace_ids=workspace_ids,
        lookup_id=lookup_id,
        token_hash=token_hash,
        created_by=created_by,
    )
    session.add(token)
    session.flush()
    return token


def get(session: Session, scope: Scope, token_id: str) -> WorkerToken | None:
    query = select(WorkerToken).where(WorkerToken.org_id == scope.org_id, WorkerToken.id == token_id)
    return session.scalars(query).first()


def list_tokens(session: Session, scope: Scope, *, page: PageRequest) -> Page[WorkerToken]:
    query = select(WorkerToken).where(WorkerToken.org_id == scope.org_id)
    return paginate(session, query, sort_column=getattr(WorkerToken, page.sort), id_column=WorkerToken.id, page=page)


def find_by_lookup(session: Session, lookup_id: str) -> WorkerToken | None:
    """Authentication path: the token's public part names its row (and so its org)."""
    return session.scalars(select(WorkerToken).where(WorkerToken.lookup_id == lookup_id)).first()
