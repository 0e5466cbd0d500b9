"""Classify one planned draft against its case: correct, an explicit failure, or wrong (a confident bad pipeline)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

from datalinx.agents.schemas import Draft
from evals.planner.compare import Verdict, compare
from evals.planner.data import DemoData
from evals.planner.execute import PlanRejected, final_output
from evals.planner.model import Case

Classification = Literal["correct", "explicit_failure", "wrong", "refused", "answered"]
SCORED = ("correct", "explicit_failure", "wrong")


@dataclass(frozen=True)
class Judgement:
    """What became of one case, and why in a few words."""

    classification: Classification
    reason: str = ""


def explicit(draft: Draft) -> str | None:
    """Why the draft counts as saying 'I could not understand', or None when it answers with confidence."""
    if draft.not_understood:
        return "not understood: " + "; ".join(draft.not_understood)
    if draft.definition is None:
        return "no definition"
    return None


def judge_output(case: Case, output: pl.DataFrame, frames: dict[str, pl.DataFrame]) -> Verdict:
    """The output against the expected answer, then against each accepted alternative."""
    assert case.expected is not None
    first: Verdict | None = None
    for expectation in (case.expected, *case.alternatives):
        verdict = compare(
            output,
            expectation(frames),
            ordered=case.ordered,
            sort_key=case.sort_key,
            columns=case.columns,
            strict_names=case.strict_names,
        )
        if verdict.equal:
            return verdict
        first = first or verdict
    assert first is not None
    return first


def _run(definition: dict[str, Any], data: DemoData, engine: str) -> pl.DataFrame | str:
    """The final output, or why the definition did not get that far."""
    try:
        return final_output(definition, data.paths, engine=engine)
    except PlanRejected as exc:
        return f"invalid pipeline: {exc}"
    except Exception as exc:  # a confident pipeline that fails to run is wrong, whatever the error
        return f"run failed: {type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"


def classify(case: Case, draft: Draft | BaseException, data: DemoData, engine: str = "polars") -> Judgement:
    """Score a planner's final answer to a case (an exception it raised counts as a wrong answer)."""
    if isinstance(draft, BaseException):
        reason = f"planner raised {type(draft).__name__}: {draft}"
        return Judgement("answered" if case.refusal else "wrong", reason)
    failure = explicit(draft)
    if case.refusal:
        if failure is not None:
            return Judgement("refused", failure)
        return Judgement("answered", "a pipeline with nothing marked as not understood")
    if failure is not None:
        return Judgement("explicit_failure", failure)
    assert draft.definition is not None
    output = _run(draft.definition, data, engine)
    if isinstance(output, str):
        return Judgement("wrong", output)
    verdict = judge_output(case, output, data.frames)
    return Judgement("correct") if verdict.equal else Judgement("wrong", verdict.reason)
