"""Tools: plan pipelines (and later mappings) from plain language, as the caller."""

from __future__ import annotations

from typing import Annotated

import anyio
from pydantic import Field

from datalinx.agents import planning
from datalinx.agents.schemas import PlanResult
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.context import Caller
from datalinx.tools.base import AsyncCall, tool


def caller_of(call: AsyncCall) -> Caller:
    """The tool's caller as the planners act: step by step, each manager call in its own transaction."""
    return Caller(call.runtime, call.token, call.workspace, call.meta)


@tool(permission=P.PIPELINE_READ, destructive=False)
async def plan_pipeline(
    call: AsyncCall,
    request: Annotated[str, Field(min_length=1, max_length=5000, description="What you want, in plain words.")],
    conversation_id: Annotated[
        str | None, Field(description="Continue this conversation: change the plan, or reply 'save' / 'discard'.")
    ] = None,
) -> PlanResult:
    caller = caller_of(call)
    return await anyio.to_thread.run_sync(lambda: planning.plan_pipeline(caller, request, conversation_id))
