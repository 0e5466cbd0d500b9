"""The mapping planner: a LangGraph graph from a source and a target schema to a mapping plan and its pipeline.

ground (the source's facts, the target's fields) -> propose (the deterministic matcher) -> refine (an LLM, when
one is configured, suggests mappings only for the target fields left unmapped) -> compile (the plan as a
pipeline, validated) -> save (when asked and valid). The matcher's mappings are never replaced by the model's;
the model's are kept only when the compiled pipeline still validates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypedDict

from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime
from pydantic import BaseModel, Field
from pydantic_ai import Agent
from pydantic_ai.models import Model

from datalinx.agents.drafters import describe_catalog
from datalinx.core.context import Caller
from datalinx.core.datasets.facts import CatalogView, DatasetFacts
from datalinx.core.mapping import manager as mappings
from datalinx.core.mapping.matcher import propose as match
from datalinx.core.mapping.schemas import FieldMapping, MappingPlan, TargetSchema
from datalinx.core.pipelines import manager as pipelines
from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.docs import EXPRESSION_HELP
from datalinx.core.pipelines.schemas import PipelineCreate

MODEL_CONFIDENCE_CAP = 0.8


class MapState(TypedDict, total=False):
    source: dict[str, Any]
    target: dict[str, Any]
    output: str | None
    save_as: str | None
    plan: dict[str, Any]
    definition: dict[str, Any] | None
    problems: list[dict[str, Any]]
    suggested: list[str]
    pipeline_id: str | None
    notice: str | None


@dataclass
class MapContext:
    caller: Caller
    model: Model | None = None
    facts: DatasetFacts | None = None


class Suggestions(BaseModel):
    """The model's mappings for target fields the matcher left unmapped."""

    mappings: list[FieldMapping] = Field(default_factory=list)


def propose(state: MapState, runtime: Runtime[MapContext]) -> dict[str, Any]:
    """Read the source's facts and match its columns to the target's fields."""
    context = runtime.context
    source = mappings.TableRef.model_validate(state["source"])
    context.facts = context.caller.run(mappings.facts, source)
    plan = match(context.facts, TargetSchema.model_validate(state["target"]))
    return {"plan": plan.model_dump(mode="json"), "suggested": []}


def refine(state: MapState, runtime: Runtime[MapContext]) -> dict[str, Any]:
    """Ask the model for the fields left unmapped; keep only mappings that read existing source columns."""
    context = runtime.context
    plan = MappingPlan.model_validate(state["plan"])
    if context.model is None or not plan.unmapped_targets or context.facts is None:
        return {}
    fields = [f.model_dump(exclude_none=True) for f in plan.target.fields if f.name in plan.unmapped_targets]
    agent = Agent(context.model, output_type=Suggestions, retries=2, instructions=(
        "Suggest how to fill target fields from source columns, only where the source truly holds that "
        f"information; leave a field out rather than guess. Expressions: {EXPRESSION_HELP}"
    ))  # fmt: skip
    catalog = describe_catalog(CatalogView(datasets=[context.facts]))
    answer = agent.run_sync(f"Source:\n{catalog}\n\nTarget fields to fill:\n{fields}").output
    columns = {c.name for c in context.facts.columns}
    added = []
    for mapping in answer.mappings:
        if mapping.target in plan.unmapped_targets and set(mapping.sources) <= columns:
            reason = f"suggested by the model: {mapping.reason}".strip()
            capped = min(mapping.confidence, MODEL_CONFIDENCE_CAP)
            plan.mappings.append(mapping.model_copy(update={"confidence": capped, "reason": reason}))
            plan.unmapped_targets.remove(mapping.target)
            added.append(mapping.target)
    return {"plan": plan.model_dump(mode="json"), "suggested": added}


def compile_plan(state: MapState, runtime: Runtime[MapContext]) -> dict[str, Any]:
    """The plan as a pipeline, validated; the model's suggestions go when they break it."""
    caller = runtime.context.caller
    source = mappings.TableRef.model_validate(state["source"])
    plan = MappingPlan.model_validate(state["plan"])
    definition, report = caller.run(mappings.compile_plan, plan, source, output=state.get("output"))
    if report.problems and state.get("suggested"):
        kept = [m for m in plan.mappings if m.target not in state["suggested"]]
        plan = plan.model_copy(
            update={"mappings": kept, "unmapped_targets": plan.unmapped_targets + state["suggested"]}
        )
        plan.warnings.append("the model's suggestions did not validate and were left out")
        definition, report = caller.run(mappings.compile_plan, plan, source, output=state.get("output"))
        state = {**state, "suggested": []}
    return {
        "plan": plan.model_dump(mode="json"),
        "definition": definition,
        "problems": [p.model_dump() for p in report.problems],
        "suggested": state.get("suggested", []),
    }


def save(state: MapState, runtime: Runtime[MapContext]) -> dict[str, Any]:
    """Save the compiled pipeline under `save_as` when asked and valid."""
    if not state.get("save_as") or state.get("problems") or state.get("definition") is None:
        return {}
    definition = PipelineDefinition.model_validate(state["definition"])
    data = PipelineCreate(name=state["save_as"], definition=definition, description="A mapping plan.")
    return {"pipeline_id": runtime.context.caller.run(pipelines.create_pipeline, data).id}


def build_graph() -> StateGraph:
    """The mapping planner's graph."""
    graph = StateGraph(MapState, context_schema=MapContext)
    for name, step in {"propose": propose, "refine": refine, "compile": compile_plan, "save": save}.items():
        graph.add_node(name, step)
    graph.add_edge(START, "propose")
    graph.add_edge("propose", "refine")
    graph.add_edge("refine", "compile")
    graph.add_edge("compile", "save")
    graph.add_edge("save", END)
    return graph
