"""Conversations with planners: each belongs to one principal in one workspace."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from datalinx.dao.models import AgentCheckpoint, AgentWrite, Conversation
from datalinx.dao.pagination import Page, PageRequest, paginate
from datalinx.dao.scope import Scope


def _mine(scope: Scope, principal_id: str) -> ColumnElement[bool]:
    return (
        (Conversation.org_id == scope.org_id)
        & (Conversation.workspace_id == scope.workspace)
        & (Conversation.principal_id == principal_id)
    )


def create(session: Session, scope: Scope, **fields: Any) -> Conversation:
    conversation = Conversation(org_id=scope.org_id, workspace_id=scope.workspace, **fields)
    session.add(conversation)
    session.flush()
    return conversation


def get(session: Session, scope: Scope, principal_id: str, conversation_id: str) -> Conversation | None:
    query = select(Conversation).where(_mine(scope, principal_id), Conversation.id == conversation_id)
    return session.scalars(query).first()


def list_conversations(
    session: Session, scope: Scope, principal_id: str, *, kind: str | None, page: PageRequest
) -> Page[Conversation]:
    query = select(Conversation).where(_mine(scope, principal_id))
    if kind:
        query = query.where(Conversation.kind == kind)
    sort = getattr(Conversation, page.sort)
    return paginate(session, query, sort_column=sort, id_column=Conversation.id, page=page)


def delete_conversation(session: Session, scope: Scope, principal_id: str, conversation_id: str) -> None:
    if get(session, scope, principal_id, conversation_id) is None:
        return
    session.execute(delete(AgentWrite).where(AgentWrite.thread_id == conversation_id))
    session.execute(delete(AgentCheckpoint).where(AgentCheckpoint.thread_id == conversation_id))
    session.execute(delete(Conversation).where(_mine(scope, principal_id), Conversation.id == conversation_id))
