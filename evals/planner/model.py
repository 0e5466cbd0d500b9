"""One evaluation case: the request (one or more turns), how it is phrased, and how its answer is judged."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

import polars as pl

from evals.planner.compare import ColumnsMode

Style = Literal["terse", "chatty", "typo", "paraphrase", "formal", "question"]
Split = Literal[
    "dev",
    "test",
    "holdout",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "fresh10",
    "fresh11",
    "fresh12",
    "fresh13",
    "fresh14",
    "fresh15",
    "fresh16",
]
Frames = dict[str, pl.DataFrame]
Expectation = Callable[[Frames], pl.DataFrame]


@dataclass(frozen=True)
class Case:
    """A request and its independently computed answer; `expected` None means a planner should refuse it.

    `alternatives` are other answers that are equally right because the request leaves a choice open the data
    makes visible (keep orders without a customer or not; whole-row duplicates of a key removed first or not).
    """

    id: str
    turns: tuple[str, ...]
    style: Style
    split: Split
    category: str
    expected: Expectation | None
    ordered: bool = False
    sort_key: tuple[str, ...] = ()
    columns: ColumnsMode = "superset"
    strict_names: frozenset[str] = frozenset()
    alternatives: tuple[Expectation, ...] = ()
    note: str = ""

    @property
    def request(self) -> str:
        """The last turn, whose result is scored."""
        return self.turns[-1]

    @property
    def refusal(self) -> bool:
        return self.expected is None

    @property
    def text(self) -> str:
        """Every turn, for reports."""
        return " -> ".join(self.turns)


def case(
    case_id: str,
    request: str | list[str],
    style: Style,
    split: Split,
    category: str,
    expected: Expectation | None,
    *,
    ordered: bool = False,
    sort_key: Iterable[str] = (),
    columns: ColumnsMode = "superset",
    strict_names: Iterable[str] = (),
    alternatives: Iterable[Expectation] = (),
    note: str = "",
) -> Case:
    """A case from plain arguments; a list of requests is a conversation scored on its last turn."""
    turns = (request,) if isinstance(request, str) else tuple(request)
    key = tuple(sort_key)
    return Case(
        id=case_id,
        turns=turns,
        style=style,
        split=split,
        category=category,
        expected=expected,
        ordered=ordered or bool(key),
        sort_key=key,
        columns=columns,
        strict_names=frozenset(strict_names),
        alternatives=tuple(alternatives),
        note=note,
    )


def refusal(case_id: str, request: str | list[str], style: Style, split: Split, note: str) -> Case:
    """A request the data cannot answer (or that is not a pipeline at all): a good planner says so."""
    return case(case_id, request, style, split, "refusal", None, note=note)
