"""How a plan and a run read in the chat: the markdown, the buttons offered, what a finished run says."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import pytest

from datalinx.agents.schemas import DryRunSummary, PlanResult
from datalinx.core.pipelines.problems import Problem
from datalinx.core.pipelines.schemas import GateResult, RunOutput, RunRead, RunReport
from datalinx.core.runtime import Runtime

DEFINITION: dict[str, Any] = {
    "nodes": [
        {"id": "orders", "kind": "source", "dataset": "orders"},
        {"id": "big", "kind": "filter", "condition": "amount > 10"},
        {"id": "save", "kind": "sink_dataset", "dataset": "big_orders"},
    ],
    "edges": [{"source": "orders", "target": "big"}, {"source": "big", "target": "save"}],
}


@pytest.fixture
def chat_pipelines(runtime: Runtime) -> Iterator[ModuleType]:
    """The chat's pipeline flow module (it imports Chainlit, which the mount sets up under the data home)."""
    from datalinx.server import create_app

    create_app(runtime)
    from datalinx.chat_ui import pipelines

    yield pipelines


def result(status: str, **extra: Any) -> PlanResult:
    return PlanResult(conversation_id="c1", status=status, message="Here is a plan.", drafter="offline", **extra)  # type: ignore[arg-type]


def test_a_planned_result_shows_steps_preview_and_all_three_buttons(chat_pipelines: ModuleType) -> None:
    dry_run = DryRunSummary(status="succeeded", rows={"orders": 6, "big": 4, "save": 4}, previews={"save": [{"a": 1}]})
    planned = result("planned", definition=DEFINITION, explanations={"big": "Keep big orders."}, dry_run=dry_run)
    text = chat_pipelines.plan_markdown(planned)
    assert text.startswith("Here is a plan.\n\n### Steps")
    assert "| 2 | big | filter | Keep big orders. | 4 |" in text
    assert "### Preview (dry run on a sample)\n\n**save**: 4 rows\n\n| a |" in text
    actions = chat_pipelines.plan_actions(planned)
    assert [a.label for a in actions] == ["Approve", "Edit", "Discard"]
    assert {a.payload["conversation_id"] for a in actions} == {"c1"}


def test_an_incomplete_plan_says_what_is_missing_and_cannot_be_approved(chat_pipelines: ModuleType) -> None:
    partial = result(
        "invalid",
        definition=DEFINITION,
        not_understood=["by region"],
        assumptions=["'Germany' read as 'DE'"],
        problems=[Problem(node="big", field="condition", message="unknown column 'amout'", suggestion="amount?")],
        dry_run=DryRunSummary(status="skipped", note="your role may not run pipelines, so there is no preview"),
    )
    text = chat_pipelines.plan_markdown(partial)
    assert "**Not understood:** 'by region'" in text and "**Assumed:** 'Germany' read as 'DE'" in text
    assert "- node 'big' (condition): unknown column 'amout'; amount?" in text
    assert text.endswith("_Preview: your role may not run pipelines, so there is no preview._")
    assert [a.label for a in chat_pipelines.plan_actions(partial)] == ["Edit", "Discard"]


def test_a_finished_run_names_what_it_wrote_and_its_failed_gates(chat_pipelines: ModuleType) -> None:
    report = RunReport(gates=[GateResult(node="gate", passed=False, reasons=["score 71 < 80"])])
    run = run_read(
        "succeeded",
        report=report,
        outputs=[
            RunOutput(node="save", kind="sink_dataset", rows=4, dataset_id="d1", dataset_version=2),
            RunOutput(node="export", kind="sink_file", rows=4, file_name="big.csv"),
        ],
    )
    text = chat_pipelines.outcome_text(run, DEFINITION)
    assert text.splitlines()[0] == "The run **succeeded**."
    assert "- dataset **big_orders** version 2: 4 rows" in text and "- file **big.csv**: 4 rows" in text
    assert "- quality gate **gate** failed: score 71 < 80" in text
    failed = chat_pipelines.outcome_text(run_read("failed", error="source 'orders' not found"), DEFINITION)
    assert failed == "The run **failed**: source 'orders' not found"


def run_read(status: str, **extra: Any) -> RunRead:
    return RunRead(
        id="r1", pipeline_id="p1", version=1, kind="run", engine="polars", status=status, job_id="j1",
        created_at=datetime.now(UTC), **extra,
    )  # fmt: skip
