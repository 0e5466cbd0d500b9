"""Pipelines in plain words: the planner's plan as a diagram and a preview, Approve / Edit / Discard, the run live."""

from __future__ import annotations

from typing import Any

import chainlit as cl

from datalinx.agents import planning
from datalinx.agents.pipeline_planner import APPROVE as APPROVAL
from datalinx.agents.schemas import PlanResult
from datalinx.chat_ui.diagrams import dag_figure
from datalinx.chat_ui.session import PENDING, ChatSession
from datalinx.chat_ui.steps import Progress, call, follow, tool
from datalinx.chat_ui.tables import nodes_table, records_table
from datalinx.core.pipelines import manager as pipelines
from datalinx.core.pipelines.schemas import RunRead

APPROVE, EDIT, DISCARD = "approve_plan", "edit_plan", "discard_plan"
PREVIEW_ROWS = 10


async def ask_planner(chat: ChatSession, text: str, *, new_conversation: bool) -> PlanResult:
    """One turn with the planner, as the user: a new request, or a reply in the open conversation."""
    open_plan = None if new_conversation else chat.plan
    conversation = open_plan.conversation_id if open_plan else None
    # An approval of a waiting, complete plan ends the planner's conversation (saved, or refused with the reason).
    waiting = open_plan is not None and chat.plan_waiting and open_plan.status == "planned"
    approval = waiting and bool(APPROVAL.match(text))
    result = await tool(
        chat,
        "agents.plan_pipeline",
        lambda: planning.plan_pipeline(chat.caller(), text, conversation),
        shown={"request": text, "conversation_id": conversation},
        summary=lambda r: f"{r.status} ({r.drafter} planner, {r.attempts} drafts)",
    )
    chat.plan, chat.awaiting_edit = result, False
    chat.plan_waiting = result.status in PENDING and not approval
    return result


def plan_markdown(result: PlanResult) -> str:
    """The planner's answer: what it says, each step explained, what it assumed or missed, the dry-run preview."""
    parts = [result.message]
    if result.definition:
        rows = result.dry_run.rows if result.dry_run else {}
        parts += ["### Steps", nodes_table(result.definition, result.explanations, rows)]
    if result.assumptions:
        parts.append("**Assumed:** " + "; ".join(result.assumptions))
    if result.not_understood:
        parts.append("**Not understood:** " + "; ".join(f"'{p}'" for p in result.not_understood))
    if result.problems:
        parts.append("**Problems:**\n" + "\n".join(f"- {p.text()}" for p in result.problems))
    summary = result.dry_run
    if summary is not None and summary.previews:
        parts.append("### Preview (dry run on a sample)")
        for node, records in summary.previews.items():
            counted = summary.rows.get(node)
            parts.append(f"**{node}**" + (f": {counted} rows" if counted is not None else ""))
            parts.append(records_table(records, limit=PREVIEW_ROWS))
    elif summary is not None and summary.note:
        parts.append(f"_Preview: {summary.note}._")
    return "\n\n".join(parts)


def plan_actions(result: PlanResult) -> list[cl.Action]:
    """Approve only a complete, valid plan; any open plan can be edited or discarded."""
    payload = {"conversation_id": result.conversation_id}
    actions = [
        cl.Action(name=EDIT, payload=payload, label="Edit", icon="pencil", tooltip="Describe a change"),
        cl.Action(name=DISCARD, payload=payload, label="Discard", icon="trash-2", tooltip="Drop this plan"),
    ]
    if result.status == "planned":
        approve = cl.Action(name=APPROVE, payload=payload, label="Approve", icon="check", tooltip="Save and run it")
        actions.insert(0, approve)
    return actions


async def show(chat: ChatSession, result: PlanResult) -> None:
    """Show a planner turn: an open plan with its diagram and buttons, or what was saved, run or discarded."""
    await _close_buttons(chat)
    if result.status == "discarded":
        await cl.Message(content=result.message).send()
        return
    if result.status == "running" and result.run_id:
        await cl.Message(content="Saved the pipeline and started a run; here is its progress.").send()
        await follow_run(chat, result)
        return
    if result.status in ("saved", "running"):
        await cl.Message(content=result.message).send()
        return
    elements: list[Any] = []
    if result.definition:
        elements.append(cl.Plotly(name="Plan diagram", figure=dag_figure(result.definition, result.explanations)))
    message = cl.Message(content=plan_markdown(result), elements=elements, actions=plan_actions(result))
    await message.send()
    chat.plan_message = message


async def _close_buttons(chat: ChatSession) -> None:
    """The buttons of the last plan go once it has been answered."""
    if chat.plan_message is not None:
        await chat.plan_message.remove_actions()
        chat.plan_message = None


async def approve(chat: ChatSession) -> None:
    """Approve the open plan: the planner saves and runs it as the user, or says why it may not."""
    if not chat.plan_waiting:
        await cl.Message(content="This plan is not waiting for approval any more: edit it or ask again.").send()
        return
    result = await ask_planner(chat, "save and run", new_conversation=False)
    if result.status != "planned":
        await show(chat, result)
        return
    # Not saved (a missing permission, say): the planner's conversation ended, the plan can still be changed.
    await _close_buttons(chat)
    edit_only = [a for a in plan_actions(result) if a.name != APPROVE]
    refusal = result.message.split(" Here is a plan", 1)[0]  # the planner's notice, without the plan again
    message = cl.Message(
        content=f"**Not done.** {refusal} The plan is unchanged: edit it or discard it.", actions=edit_only
    )
    await message.send()
    chat.plan_message = message


async def edit(chat: ChatSession) -> None:
    """Ask what should change; the next message goes to the planner as a follow-up in this conversation."""
    chat.awaiting_edit = True
    await cl.Message(content="What should change? Describe it, e.g. *also drop the email column*.").send()


async def discard(chat: ChatSession) -> None:
    """Discard the plan: the planner's conversation is told, when it still waits for an answer."""
    if chat.plan_waiting:
        await show(chat, await ask_planner(chat, "discard", new_conversation=False))
        return
    await _close_buttons(chat)
    chat.close_plan()
    await cl.Message(content="Discarded the plan.").send()


def run_progress(chat: ChatSession, run_id: str) -> Progress:
    """Where a run stands (its job's state until it is published), read as the user (blocking)."""
    run = chat.run(pipelines.get_run, run_id)
    return Progress(status=run.status, fraction=run.progress, message=run.progress_message, error=run.error)


def outcome_text(run: RunRead, definition: dict[str, Any] | None) -> str:
    """What a finished run did: its outputs (datasets, tables, files), its failed gates, or why it failed."""
    if run.status != "succeeded":
        return f"The run **{run.status}**" + (f": {run.error}" if run.error else f"; follow it with run id `{run.id}`.")
    names = {str(n.get("id")): n for n in (definition or {}).get("nodes", [])}
    lines = []
    for output in run.outputs:
        if output.dataset_id:
            dataset = names.get(output.node, {}).get("dataset", output.dataset_id)
            lines.append(f"- dataset **{dataset}** version {output.dataset_version}: {output.rows} rows")
        elif output.table:
            lines.append(f"- warehouse table **{output.table}**: {output.rows} rows")
        elif output.file_name:
            lines.append(f"- file **{output.file_name}**: {output.rows} rows")
    gates = [g for g in (run.report.gates if run.report else []) if not g.passed]
    lines += [f"- quality gate **{g.node}** failed: {'; '.join(g.reasons)}" for g in gates]
    return "The run **succeeded**." + ("\n\n" + "\n".join(lines) if lines else " It wrote nothing.")


async def follow_run(chat: ChatSession, result: PlanResult) -> None:
    """Follow the run the approval started, live, then say what it produced."""
    run_id = result.run_id
    assert run_id is not None
    await follow(chat, f"pipeline run {run_id[:8]}", lambda: run_progress(chat, run_id))
    run = await call(chat, "pipelines.get_run", pipelines.get_run, run_id, shown={"run_id": run_id},
                     summary=lambda r: r.status)  # fmt: skip
    await cl.Message(content=outcome_text(run, result.definition)).send()
