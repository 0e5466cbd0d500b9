"""The pipeline planner: a LangGraph graph from a request to a checked, previewed plan the user approves.

ground (the workspace catalog) -> draft (offline or LLM) -> validate -> repair (LLM only, bounded, problems fed
back) -> dry run on a sample -> confirm (a human interrupt) -> save / run, or edit (a follow-up loops back), or
discard. The graph acts only through the managers, as the caller: what the caller's role may not do, the
planner does not do either. Each conversation's state is checkpointed in the system DB.
"""

from __future__ import annotations

import operator
import re
import time
from dataclasses import dataclass, field
from typing import Annotated, Any, TypedDict

from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime
from langgraph.types import interrupt
from pydantic import ValidationError

from datalinx.agents.drafters import Drafter
from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call, Caller
from datalinx.core.datasets import manager as datasets
from datalinx.core.datasets.facts import CatalogView
from datalinx.core.errors import DatalinxError, Forbidden
from datalinx.core.pipelines import manager as pipelines
from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.problems import Problem
from datalinx.core.pipelines.schemas import PipelineCreate, PipelineUpdate, RunRequest

APPROVE = re.compile(r"^\s*(yes|yep|ok(ay)?|sure|approve[ds]?|looks good|lgtm|go( ahead)?|do it|save|run)\b", re.I)
RUN = re.compile(r"\brun\b", re.I)
DISCARD = re.compile(r"^\s*(no thanks|discard|cancel|never ?mind|forget it|stop|abandon)\b", re.I)
SAVE_AS = re.compile(r"\b(?:as|named|called)\s+['\"]?([A-Za-z0-9][\w .-]{0,120}?)['\"]?\s*$", re.I)


class PlanState(TypedDict, total=False):
    request: str
    turns: Annotated[list[dict[str, str]], operator.add]
    definition: dict[str, Any] | None
    explanations: dict[str, str]
    not_understood: list[str]
    assumptions: list[str]
    problems: list[dict[str, Any]]
    attempts: int
    dry_run: dict[str, Any] | None
    status: str
    reply: str
    pipeline_id: str | None
    run_id: str | None
    job_id: str | None
    notice: str | None


@dataclass
class PlanContext:
    """What the nodes use but the checkpoint must not hold: the caller, the drafter, the catalog of this turn."""

    caller: Caller
    drafter: Drafter
    max_repairs: int = 3
    dry_run_wait_seconds: float = 60.0
    catalog: CatalogView | None = field(default=None)


def _can(caller: Caller, permission: Permission) -> bool:
    def check(call: Call) -> bool:
        return call.principal.can(permission, call.scope.workspace_id)

    return caller.run(check)


def ground(state: PlanState, runtime: Runtime[PlanContext]) -> dict[str, Any]:
    """Read the workspace catalog: datasets, columns, types and common values."""
    runtime.context.catalog = runtime.context.caller.run(datasets.catalog)
    return {"attempts": 0, "problems": [], "dry_run": None}


def draft(state: PlanState, runtime: Runtime[PlanContext]) -> dict[str, Any]:
    """Ask the drafter for a plan (again, with the problems of the last one, on a repair)."""
    context = runtime.context
    assert context.catalog is not None
    problems = [Problem.model_validate(p) for p in state.get("problems", [])]
    # The plan being edited (a follow-up) or repaired (the last draft that did not validate).
    made = context.drafter.draft(state["request"], context.catalog, state.get("definition"), problems)
    definition = made.definition
    if definition is None and not problems and state.get("definition") is not None:
        # a follow-up not understood leaves the plan it was to edit as it was, saying what was not understood;
        # dropping it would leave the next follow-up ('sort them by revenue') nothing to edit
        definition = state["definition"]
    return {
        "definition": definition,
        "explanations": made.explanations,
        "not_understood": made.not_understood,
        "assumptions": made.assumptions,
        "attempts": state.get("attempts", 0) + 1,
    }


def validate(state: PlanState, runtime: Runtime[PlanContext]) -> dict[str, Any]:
    """Check the draft against the workspace; every problem is kept for the repair or the answer."""
    if state.get("definition") is None:
        return {"problems": []}
    try:
        definition = PipelineDefinition.model_validate(state["definition"])
    except ValidationError as exc:
        problems = [Problem(field=".".join(map(str, e["loc"])), message=e["msg"]) for e in exc.errors()]
        return {"problems": [p.model_dump() for p in problems]}
    report = runtime.context.caller.run(pipelines.validate_pipeline, definition=definition)
    return {"problems": [p.model_dump() for p in report.problems]}


def after_validate(state: PlanState, runtime: Runtime[PlanContext]) -> str:
    if state.get("definition") is None:
        return "confirm"
    if state.get("problems"):
        context = runtime.context
        repairs_left = state.get("attempts", 0) <= context.max_repairs
        return "draft" if context.drafter.can_repair and repairs_left else "confirm"
    return "dry_run"


def dry_run(state: PlanState, runtime: Runtime[PlanContext]) -> dict[str, Any]:
    """Run the plan on a sample of each source and keep rows per node and the first rows of each end."""
    context = runtime.context
    if not _can(context.caller, Permission.PIPELINE_RUN):
        return {"dry_run": {"status": "skipped", "note": "your role may not run pipelines, so there is no preview"}}
    definition = PipelineDefinition.model_validate(state["definition"])
    accepted = context.caller.run(pipelines.dry_run_draft, definition, RunRequest())
    run_id = accepted.model_extra["run_id"]  # type: ignore[index]
    deadline = time.monotonic() + context.dry_run_wait_seconds
    while True:
        run = context.caller.run(pipelines.get_run, run_id)
        if run.status in ("succeeded", "failed", "cancelled") or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    summary: dict[str, Any] = {"run_id": run_id, "status": run.status, "note": run.error}
    if run.report is not None:
        summary["rows"] = {n.node: n.rows for n in run.report.nodes}
        summary["columns"] = {n.node: n.columns for n in run.report.nodes}
        summary["previews"] = run.report.previews
    elif run.status not in ("failed", "cancelled"):
        summary["note"] = f"the dry run is still {run.status}; follow it with get_run('{run_id}')"
    return {"dry_run": summary}


def plan_status(state: PlanState) -> str:
    if state.get("definition") is None:
        return "not_understood"
    if state.get("problems"):
        return "invalid"
    if (state.get("dry_run") or {}).get("status") == "failed":
        return "invalid"
    return "partial" if state.get("not_understood") else "planned"


def confirm(state: PlanState, runtime: Runtime[PlanContext]) -> dict[str, Any]:
    """Wait for the user: approve (save, or save and run), change something, or discard."""
    status = plan_status(state)
    reply = interrupt({"status": status, "definition": state.get("definition")})
    return {"reply": str(reply), "turns": [{"role": "user", "text": str(reply)}]}


def after_confirm(state: PlanState) -> str:
    reply = state.get("reply", "")
    if DISCARD.match(reply):
        return "discard"
    if APPROVE.match(reply) and plan_status(state) in ("planned",):
        return "save"
    return "edit"


def edit(state: PlanState) -> dict[str, Any]:
    """A follow-up: the reply becomes the request that edits the current plan."""
    return {"request": state["reply"], "run_id": None, "job_id": None, "notice": None}


def save(state: PlanState, runtime: Runtime[PlanContext]) -> dict[str, Any]:
    """Save the plan as a pipeline (named by 'save as ...' or after the request), and run it when asked."""
    caller, reply = runtime.context.caller, state.get("reply", "")
    named = SAVE_AS.search(reply)
    base = named.group(1).strip() if named else _name_from(state.get("turns", []))
    definition = PipelineDefinition.model_validate(state["definition"])
    try:
        if state.get("pipeline_id"):  # saved earlier in this conversation: the edit is its next version
            made = caller.run(pipelines.update_pipeline, state["pipeline_id"], PipelineUpdate(definition=definition))
        else:
            made = caller.run(
                pipelines.create_pipeline, PipelineCreate(name=_free_name(caller, base), definition=definition)
            )
    except Forbidden as exc:
        return {"status": "planned", "notice": f"Not saved: {exc.message}."}
    update: dict[str, Any] = {"status": "saved", "pipeline_id": made.id, "notice": None}
    if RUN.search(reply):
        try:
            accepted = caller.run(pipelines.start_run, made.id, RunRequest(), dry_run=False)
        except DatalinxError as exc:
            return {**update, "notice": f"Saved, but not run: {exc.message}."}
        update.update(status="running", run_id=accepted.model_extra["run_id"], job_id=accepted.job_id)  # type: ignore[index]
    return update


def discard(state: PlanState) -> dict[str, Any]:
    return {"status": "discarded", "definition": None}


def _name_from(turns: list[dict[str, str]]) -> str:
    first = next((t["text"] for t in turns if t["role"] == "user"), "plan")
    words = re.findall(r"[A-Za-z0-9]+", first.lower())[:6]
    return "-".join(words) or "plan"


def _free_name(caller: Caller, base: str) -> str:
    """`base`, or `base-2`, `base-3`... when the name is taken."""

    def taken(call: Call, name: str) -> bool:
        try:
            pipelines.find(call, name)
        except DatalinxError:
            return False
        return True

    name, number = base[:190], 1
    while caller.run(taken, name):
        number += 1
        name = f"{base[:185]}-{number}"
    return name


def build_graph() -> StateGraph:
    """The planner's graph, to compile with a checkpointer."""
    graph = StateGraph(PlanState, context_schema=PlanContext)
    for name, step in {
        "ground": ground,
        "draft": draft,
        "validate": validate,
        "dry_run": dry_run,
        "confirm": confirm,
        "edit": edit,
        "save": save,
        "discard": discard,
    }.items():
        graph.add_node(name, step)
    graph.add_edge(START, "ground")
    graph.add_edge("ground", "draft")
    graph.add_edge("draft", "validate")
    graph.add_conditional_edges("validate", after_validate, ["draft", "dry_run", "confirm"])
    graph.add_edge("dry_run", "confirm")
    graph.add_conditional_edges("confirm", after_confirm, ["save", "edit", "discard"])
    graph.add_edge("edit", "ground")
    graph.add_edge("save", END)
    graph.add_edge("discard", END)
    return graph
