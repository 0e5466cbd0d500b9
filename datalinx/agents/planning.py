"""Talking to the pipeline planner: one turn of a conversation in, the plan and what comes next out."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from langgraph.graph.state import CompiledStateGraph
from langgraph.types import Command
from pydantic_ai.models import Model

from datalinx.agents import mapping_planner
from datalinx.agents.drafters import Drafter, LlmDrafter, OfflineDrafter
from datalinx.agents.llm import configured_model
from datalinx.agents.pipeline_planner import PlanContext, PlanState, build_graph, plan_status
from datalinx.agents.schemas import DryRunSummary, MappingResult, PlanResult
from datalinx.core.context import Caller
from datalinx.core.conversations import manager as conversations
from datalinx.core.errors import Invalid
from datalinx.core.mapping import manager as mappings
from datalinx.core.mapping.manager import TableRef
from datalinx.core.mapping.schemas import MappingPlan
from datalinx.core.pipelines.problems import Problem

if TYPE_CHECKING:
    from datalinx.dao.db import Database

MAX_REQUEST = 5000


@cache
def _graph(db: Database) -> CompiledStateGraph:
    """The compiled planner graph of one system DB (its checkpoints live there)."""
    return build_graph().compile(checkpointer=conversations.checkpointer(db))


def drafter_for(caller: Caller, model: Model | None = None) -> Drafter:
    """The LLM drafter when a model is given or configured, else the offline planner."""
    chosen = model or configured_model(caller.runtime.settings)
    return LlmDrafter(chosen) if chosen is not None else OfflineDrafter()


def _message(state: PlanState, status: str) -> str:
    """What the planner says back, in plain words."""
    if status == "discarded":
        return "Discarded the plan."
    if status in ("saved", "running"):
        done = "Saved the pipeline" + (" and started a run; follow it with get_run" if status == "running" else "")
        return " ".join(filter(None, [f"{done}.", state.get("notice")]))
    parts = [state["notice"]] if state.get("notice") else []
    if state.get("not_understood"):
        parts.append("I could not understand: " + "; ".join(f"'{p}'" for p in state["not_understood"]) + ".")
    if state.get("problems"):
        listed = "; ".join(Problem.model_validate(p).text() for p in state["problems"])
        parts.append(f"The plan does not validate: {listed}.")
    definition = state.get("definition")
    if definition is not None and not state.get("problems"):
        explanations = state.get("explanations", {})
        steps = [f"{n['id']}: {explanations.get(n['id'], n['kind']).rstrip('.')}" for n in definition.get("nodes", [])]
        parts.append(f"Here is a plan in {len(steps)} steps: " + " -> ".join(steps) + ".")
        summary = state.get("dry_run") or {}
        if summary.get("rows"):
            last = list(summary["rows"].items())[-1]
            parts.append(f"On a sample of each source, '{last[0]}' gives {last[1]} rows.")
        elif summary.get("note"):
            parts.append(summary["note"] + ".")
        if status == "planned":
            parts.append("Reply 'save' (or 'save as NAME'), 'save and run', describe a change, or 'discard'.")
    if definition is None and not state.get("not_understood"):
        parts.append("I could not turn this into a plan.")
    return " ".join(parts)


def _result(conversation_id: str, state: PlanState, *, waiting: bool, drafter: str) -> PlanResult:
    status = plan_status(state) if waiting else state.get("status", plan_status(state))
    summary = state.get("dry_run")
    return PlanResult(
        conversation_id=conversation_id,
        status=status,  # type: ignore[arg-type]
        message=_message(state, status),
        definition=state.get("definition"),
        explanations=state.get("explanations", {}),
        not_understood=state.get("not_understood", []),
        assumptions=state.get("assumptions", []),
        problems=[Problem.model_validate(p) for p in state.get("problems", [])],
        drafter=drafter,
        attempts=state.get("attempts", 0),
        dry_run=DryRunSummary.model_validate(summary) if summary else None,
        pipeline_id=state.get("pipeline_id"),
        run_id=state.get("run_id"),
        job_id=state.get("job_id"),
    )


def plan_pipeline(
    caller: Caller, request: str, conversation_id: str | None = None, *, model: Model | None = None
) -> PlanResult:
    """One turn: a new request, a follow-up that edits the plan, or a reply to it (save, run, discard)."""
    text = (request or "").strip()
    if not text or len(text) > MAX_REQUEST:
        raise Invalid(f"the request must be 1 to {MAX_REQUEST} characters", field="request")
    if conversation_id:
        conversation = caller.run(conversations.find, conversation_id, "pipeline")
    else:
        conversation = caller.run(conversations.start, "pipeline", text[:80])
    settings = caller.runtime.settings
    drafter = drafter_for(caller, model)
    context = PlanContext(
        caller=caller,
        drafter=drafter,
        max_repairs=settings.agent_max_repairs,
        dry_run_wait_seconds=settings.agent_dry_run_wait_seconds,
    )
    graph = _graph(caller.runtime.db)
    config: Any = {"configurable": {"thread_id": conversation.id}}
    if graph.get_state(config).next:  # the plan waits for an answer: this is it
        graph.invoke(Command(resume=text), config, context=context)
    else:
        graph.invoke({"request": text, "turns": [{"role": "user", "text": text}]}, config, context=context)
    snapshot = graph.get_state(config)
    caller.run(conversations.touch, conversation.id)
    return _result(conversation.id, snapshot.values, waiting=bool(snapshot.next), drafter=drafter.name)


def create_from_prompt(caller: Caller, prompt: str, *, name: str | None, save: bool) -> PlanResult:
    """`POST /v1/pipelines` with a prompt: plan it and, when asked and the plan is complete and valid, save it."""
    result = plan_pipeline(caller, prompt)
    if not save:
        return result
    if result.status != "planned":
        raise Invalid(f"the plan was not saved: {result.message}", field="prompt")
    return plan_pipeline(caller, f"save as {name}" if name else "save", result.conversation_id)


@cache
def _mapping_graph() -> CompiledStateGraph:
    return mapping_planner.build_graph().compile()


def _mapping_message(result: MappingResult) -> str:
    plan = result.plan
    parts = [f"Mapped {len(plan.mappings)} of {len(plan.target.fields)} target fields from {plan.source}."]
    if plan.unmapped_targets:
        parts.append("Left unmapped: " + ", ".join(plan.unmapped_targets) + ".")
    if result.suggested_by_model:
        parts.append("Suggested by the model (check them): " + ", ".join(result.suggested_by_model) + ".")
    if result.problems:
        parts.append("The pipeline does not validate: " + "; ".join(p.text() for p in result.problems) + ".")
    elif result.pipeline_id:
        parts.append("Saved as a pipeline.")
    return " ".join(parts)


def plan_mapping(
    caller: Caller,
    source: TableRef,
    *,
    target: TableRef | None = None,
    schema: dict[str, Any] | str | None = None,
    output: str | None = None,
    save_as: str | None = None,
    model: Model | None = None,
) -> MappingResult:
    """Propose how `source` fills the target (a dataset, a table or a JSON schema), compile it, save when asked."""
    chosen = model or configured_model(caller.runtime.settings)
    target_schema = caller.run(mappings.target, target, schema)
    state = {
        "source": source.model_dump(exclude_none=True),
        "target": target_schema.model_dump(mode="json"),
        "output": output,
        "save_as": save_as,
    }
    final = _mapping_graph().invoke(state, context=mapping_planner.MapContext(caller=caller, model=chosen))
    result = MappingResult(
        plan=MappingPlan.model_validate(final["plan"]),
        definition=final.get("definition"),
        problems=[Problem.model_validate(p) for p in final.get("problems", [])],
        suggested_by_model=final.get("suggested", []),
        pipeline_id=final.get("pipeline_id"),
        drafter="llm" if chosen is not None else "offline",
        message="",
    )
    return result.model_copy(update={"message": _mapping_message(result)})
