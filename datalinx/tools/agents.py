"""Tools: plan pipelines from plain language and mappings from a source to a target, as the caller."""

from __future__ import annotations

from typing import Annotated, Any

import anyio
from pydantic import Field

from datalinx.agents import planning
from datalinx.agents.schemas import MappingResult, PlanResult
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.context import Caller
from datalinx.core.mapping.manager import TableRef
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


@tool(permission=P.PIPELINE_READ, destructive=False)
async def plan_mapping(
    call: AsyncCall,
    source: Annotated[str, Field(description="Source dataset (id or name), or a table of `source_connection`.")],
    target: Annotated[str | None, Field(description="Target dataset (id or name) whose columns to produce.")] = None,
    target_schema: Annotated[
        dict[str, Any] | None,
        Field(
            description='Target as JSON: {"fields": [{"name", "type", "description"?, "required"?, '
            '"allowed_values"?}]}, instead of `target`.'
        ),
    ] = None,
    source_connection: Annotated[str | None, Field(description="Connection holding the source table.")] = None,
    output: Annotated[str | None, Field(description="Dataset the compiled pipeline writes.")] = None,
    save_as: Annotated[str | None, Field(description="Save the compiled pipeline under this name.")] = None,
) -> MappingResult:
    caller = caller_of(call)
    ref = TableRef(connection=source_connection, table=source) if source_connection else TableRef(dataset=source)
    target_ref = TableRef(dataset=target) if target else None
    return await anyio.to_thread.run_sync(
        lambda: planning.plan_mapping(
            caller, ref, target=target_ref, schema=target_schema, output=output, save_as=save_as
        )
    )
