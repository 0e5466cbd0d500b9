"""Plan every case with a planner, time it, score it, and summarise per split and per style."""

from __future__ import annotations

import importlib
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from datalinx.agents.schemas import Draft
from datalinx.core.datasets.facts import CatalogView
from evals.planner.data import DemoData
from evals.planner.model import Case
from evals.planner.score import Judgement, classify, explicit

Planner = Callable[[str, CatalogView, dict[str, Any] | None], Draft]
DEFAULT_PLANNER = "datalinx.agents.offline:draft"
# The bars issue S6 sets for a planner.
MIN_ACCURACY = 0.85
MAX_WRONG = 0.03
MAX_MEDIAN_MS = 200.0


class PlannerUnavailable(Exception):
    """The planner named on the command line cannot be imported."""


@dataclass(frozen=True)
class Outcome:
    """One case: its judgement and how long each planner call took."""

    case: Case
    judgement: Judgement
    planning_ms: tuple[float, ...]


@dataclass
class Summary:
    """Counts and timings over a group of outcomes."""

    scored: int = 0
    correct: int = 0
    explicit: int = 0
    wrong: int = 0
    refusals: int = 0
    refused: int = 0
    timings: list[float] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.scored if self.scored else 0.0

    @property
    def wrong_share(self) -> float:
        return self.wrong / self.scored if self.scored else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.timings) if self.timings else 0.0

    @property
    def p95_ms(self) -> float:
        if len(self.timings) < 2:
            return self.median_ms
        return statistics.quantiles(self.timings, n=20, method="inclusive")[-1]

    def meets_bars(self) -> bool:
        return self.accuracy >= MIN_ACCURACY and self.wrong_share <= MAX_WRONG and self.median_ms < MAX_MEDIAN_MS


def load_planner(spec: str) -> Planner:
    """The callable named 'module:function'; PlannerUnavailable with a readable reason when it is not there."""
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise PlannerUnavailable(f"'{spec}' is not of the form module:function")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise PlannerUnavailable(f"cannot import '{module_name}' ({exc.msg})") from exc
    planner = getattr(module, attribute, None)
    if not callable(planner):
        raise PlannerUnavailable(f"'{module_name}' has no callable '{attribute}'")
    return planner


def plan(case: Case, planner: Planner, catalog: CatalogView) -> tuple[Draft | BaseException, tuple[float, ...]]:
    """Ask the planner each turn in order (each with the previous turn's definition); the last answer and timings.
    A turn the planner says it did not understand ends the conversation with that answer: its user, told so, would
    say it again rather than go on to the next turn."""
    previous: dict[str, Any] | None = None
    answer: Draft | BaseException = Draft()
    timings: list[float] = []
    for turn in case.turns:
        started = time.perf_counter()
        try:
            answer = planner(turn, catalog, previous)
            answer = answer if isinstance(answer, Draft) else Draft.model_validate(answer)
        except Exception as exc:  # scored as a wrong answer, with the error as the reason
            return exc, (*timings, (time.perf_counter() - started) * 1000)
        timings.append((time.perf_counter() - started) * 1000)
        if explicit(answer) is not None:
            break
        previous = answer.definition
    return answer, tuple(timings)


def run(cases: list[Case], planner: Planner, data: DemoData, engine: str = "polars") -> list[Outcome]:
    """Plan, execute and score every case."""
    outcomes = []
    for case in cases:
        answer, timings = plan(case, planner, data.catalog)
        outcomes.append(Outcome(case=case, judgement=classify(case, answer, data, engine), planning_ms=timings))
    return outcomes


def summarise(outcomes: list[Outcome]) -> Summary:
    """Counts over the scored cases, refusals apart, and every planner call's time."""
    summary = Summary()
    for outcome in outcomes:
        summary.timings.extend(outcome.planning_ms)
        kind = outcome.judgement.classification
        if outcome.case.refusal:
            summary.refusals += 1
            summary.refused += kind == "refused"
            continue
        summary.scored += 1
        summary.correct += kind == "correct"
        summary.explicit += kind == "explicit_failure"
        summary.wrong += kind == "wrong"
    return summary
