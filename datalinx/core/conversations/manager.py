"""Conversations: start one, find one of the caller's own, list and delete them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call
from datalinx.core.errors import NotFound
from datalinx.core.schemas import ListQuery, PageOut
from datalinx.dao import conversations as conversations_dao
from datalinx.dao.checkpoints import SqlCheckpointSaver
from datalinx.dao.db import Database
from datalinx.dao.models import Conversation, utcnow

Kind = Literal["pipeline", "mapping"]
SORTS = {"created_at", "updated_at"}
# Seeing a plan needs the catalog it is built from.
READ: dict[str, Permission] = {"pipeline": Permission.PIPELINE_READ, "mapping": Permission.PIPELINE_READ}


class ConversationRead(BaseModel):
    """A conversation as its owner sees it."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    kind: str
    title: str
    created_at: datetime
    updated_at: datetime


class ConversationQuery(ListQuery):
    sort: str = "updated_at"
    kind: Kind | None = Field(default=None, description="pipeline or mapping conversations only.")


def start(call: Call, kind: Kind, title: str) -> Conversation:
    """A new conversation of the caller in the current workspace."""
    call.require(READ[kind])
    return conversations_dao.create(
        call.session,
        call.scope,
        principal_type=call.principal.type.value,
        principal_id=call.principal.id,
        kind=kind,
        title=title.strip()[:300] or kind,
    )


def find(call: Call, conversation_id: str, kind: Kind | None = None) -> Conversation:
    """One of the caller's own conversations in this workspace; anyone else's is not found.

    Conversations are personal, so the permission is checked before the lookup: nobody learns of another's.
    """
    call.require(READ[kind or "pipeline"])
    found = conversations_dao.get(call.session, call.scope, call.principal.id, conversation_id)
    if found is None or (kind is not None and found.kind != kind):
        raise NotFound("conversation", conversation_id)
    return found


def touch(call: Call, conversation_id: str) -> ConversationRead:
    """Mark a conversation as just used."""
    found = find(call, conversation_id)
    found.updated_at = utcnow()
    return ConversationRead.model_validate(found)


def list_conversations(call: Call, query: ConversationQuery) -> PageOut[ConversationRead]:
    """The caller's conversations in this workspace, most recent first."""
    call.require(READ[query.kind or "pipeline"])
    page = conversations_dao.list_conversations(
        call.session, call.scope, call.principal.id, kind=query.kind, page=query.page_request(sorts=SORTS)
    )
    return PageOut.of(page, ConversationRead)


def delete(call: Call, conversation_id: str) -> None:
    """Forget a conversation and its saved state."""
    found = find(call, conversation_id)
    conversations_dao.delete_conversation(call.session, call.scope, call.principal.id, found.id)
    call.audit("conversation.delete", resource_type="conversation", resource_id=found.id)


def checkpointer(db: Database) -> SqlCheckpointSaver:
    """Where planner graphs keep each conversation's state: the system DB."""
    return SqlCheckpointSaver(db)
