"""Answering "how good is this data?": scan it, follow the job, show the score, its breakdown, issues, charts."""

from __future__ import annotations

import chainlit as cl

from datalinx.chat_ui import charts
from datalinx.chat_ui.datasets import dataset_for
from datalinx.chat_ui.session import ChatSession
from datalinx.chat_ui.steps import Progress, call, follow
from datalinx.chat_ui.tables import issues_table, score_table
from datalinx.core.jobs import manager as jobs
from datalinx.core.quality import manager as quality
from datalinx.core.quality.results import IssueQuery, IssueRead, ScanRequest
from datalinx.core.schemas import ListQuery

TOP_ISSUES = 5
ISSUES_COUNTED = 100


def job_progress(chat: ChatSession, job_id: str) -> Progress:
    """Where a job stands, read as the user (blocking)."""
    job = chat.run(jobs.get_job, job_id)
    return Progress(status=job.status.value, fraction=job.progress, message=job.progress_message, error=job.error)


def verdict(score: float) -> str:
    """A few words for a score out of 100."""
    if score >= 90:
        return "in good shape"
    if score >= 75:
        return "fair, with a few problems worth fixing"
    if score >= 50:
        return "in poor shape"
    return "in bad shape"


async def answer(chat: ChatSession, text: str) -> None:
    """Scan the dataset the question is about and show what the scan found."""
    found = await dataset_for(chat, text)
    if found is None:
        return
    dataset_id, name = found
    accepted = await call(
        chat,
        "quality.start_scan",
        quality.start_scan,
        dataset_id,
        ScanRequest(),
        shown={"dataset": name},
        summary=lambda a: f"job {a.job_id} {a.status.value}",
    )
    final = await follow(chat, f"quality scan of {name}", lambda: job_progress(chat, accepted.job_id))
    if final.status != "succeeded":
        reason = f": {final.error}" if final.error else f" (job {accepted.job_id} is still {final.status})"
        await cl.Message(content=f"The scan of **{name}** did not finish{reason}.").send()
        return
    await show_quality(chat, dataset_id, name)


async def show_quality(chat: ChatSession, dataset_id: str, name: str) -> None:
    """The latest score, its breakdown, the top issues by impact, and pictures of them."""
    shown = {"dataset": name}
    score = await call(
        chat, "quality.get_score", quality.get_score, dataset_id, shown=shown, summary=lambda s: f"{s.score:.1f}"
    )
    issues = await call(
        chat,
        "quality.list_issues",
        quality.list_issues,
        dataset_id,
        IssueQuery(limit=ISSUES_COUNTED),
        shown={**shown, "limit": ISSUES_COUNTED, "sort": "impact_score"},
        summary=lambda p: f"{len(p.items)} issues",
    )
    history = await call(
        chat,
        "quality.history",
        quality.history,
        dataset_id,
        ListQuery(limit=50),
        shown={**shown, "limit": 50},
        summary=lambda p: f"{len(p.items)} scans",
    )
    profiles = await call(
        chat,
        "quality.column_profiles",
        quality.column_profiles,
        dataset_id,
        shown=shown,
        summary=lambda p: f"{len(p)} columns",
    )
    content = [
        f"**{name}** scores **{score.score:.1f} / 100** (version {score.version}): {verdict(score.score)}.",
        "### By dimension",
        score_table(score),
        "### Top issues by impact",
        issues_table(issues.items[:TOP_ISSUES]),
    ]
    content.append(_more(issues.items, issues.next_cursor is not None))
    figures = {
        "Score history": charts.score_history_figure(history.items),
        "Column distributions": charts.distributions_figure(profiles),
        "Issues by type": charts.issue_counts_figure(issues.items),
    }
    elements = [cl.Plotly(name=title, figure=f, display="inline") for title, f in figures.items() if f is not None]
    await cl.Message(content="\n\n".join(c for c in content if c), elements=elements).send()


def _more(issues: list[IssueRead], truncated: bool) -> str:
    """A line on the issues not listed (impact is the points the score would gain if they were fixed)."""
    if len(issues) <= TOP_ISSUES:
        return "_Impact: points the score would gain if those rows were fixed._" if issues else ""
    more = len(issues) - TOP_ISSUES
    counted = f"{more}{'+' if truncated else ''} more"
    return f"_{counted} issues in the chart below. Impact: points the score would gain if those rows were fixed._"
