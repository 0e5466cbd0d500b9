"""Planners: plain-language requests to pipeline plans, conversations with them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from datalinx.agents import planning
from datalinx.agents.schemas import MappingResult, PlanResult
from datalinx.api.deps import CallerDep, permission
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.conversations import manager as conversations
from datalinx.core.conversations.manager import ConversationQuery, ConversationRead
from datalinx.core.mapping.manager import TableRef
from datalinx.core.schemas import PageOut

router = APIRouter(tags=["agents"])


class PlanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    request: str = Field(min_length=1, max_length=5000, description="What you want, or a reply to the last plan.")
    conversation_id: str | None = Field(default=None, description="Continue this conversation (follow-ups, 'save').")


@router.post("/agents/pipeline-plans", openapi_extra=permission(P.PIPELINE_READ))
def plan_pipeline(caller: CallerDep, body: PlanRequest) -> PlanResult:
    """One turn with the pipeline planner: a request, a change to the plan, or 'save' / 'save and run' / 'discard'."""
    return planning.plan_pipeline(caller, body.request, body.conversation_id)


@router.get("/conversations", openapi_extra=permission(P.PIPELINE_READ))
def list_conversations(caller: CallerDep, query: Annotated[ConversationQuery, Query()]) -> PageOut[ConversationRead]:
    """Your conversations with the planners in this workspace, most recent first."""
    return caller.run(conversations.list_conversations, query)


@router.delete("/conversations/{conversation_id}", status_code=204, openapi_extra=permission(P.PIPELINE_READ))
def delete_conversation(caller: CallerDep, conversation_id: str) -> Response:
    """Forget one of your conversations."""
    caller.run(conversations.delete, conversation_id)
    return Response(status_code=204)


class MappingRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: TableRef
    target: TableRef | None = Field(default=None, description="A dataset or table whose columns to produce.")
    target_schema: dict[str, Any] | None = Field(default=None, description="Or the target written as JSON.")
    output: str | None = Field(default=None, max_length=200, description="Dataset the compiled pipeline writes.")
    save_as: str | None = Field(default=None, max_length=200, description="Save the compiled pipeline so.")


@router.post("/agents/mapping-plans", openapi_extra=permission(P.PIPELINE_READ))
def plan_mapping(caller: CallerDep, body: MappingRequest) -> MappingResult:
    """Map a source's columns onto a target schema, with a confidence per field, compiled into a pipeline."""
    return planning.plan_mapping(
        caller, body.source, target=body.target, schema=body.target_schema, output=body.output, save_as=body.save_as
    )
