"""Every evaluation case, in one list, with lookups by id and split."""

from __future__ import annotations

from collections import Counter

from evals.planner import (
    cases_flows,
    cases_fresh,
    cases_fresh2,
    cases_fresh3,
    cases_fresh4,
    cases_fresh5,
    cases_fresh6,
    cases_fresh7,
    cases_fresh8,
    cases_fresh9,
    cases_fresh10,
    cases_fresh11,
    cases_fresh12,
    cases_fresh13,
    cases_fresh14,
    cases_fresh15,
    cases_fresh16,
    cases_groups,
    cases_holdout,
    cases_rows,
    cases_shape,
)
from evals.planner.model import Case

CASES: list[Case] = [
    *cases_rows.CASES,
    *cases_shape.CASES,
    *cases_groups.CASES,
    *cases_flows.CASES,
    *cases_holdout.CASES,
    *cases_fresh.CASES,
    *cases_fresh2.CASES,
    *cases_fresh3.CASES,
    *cases_fresh4.CASES,
    *cases_fresh5.CASES,
    *cases_fresh6.CASES,
    *cases_fresh7.CASES,
    *cases_fresh8.CASES,
    *cases_fresh9.CASES,
    *cases_fresh10.CASES,
    *cases_fresh11.CASES,
    *cases_fresh12.CASES,
    *cases_fresh13.CASES,
    *cases_fresh14.CASES,
    *cases_fresh15.CASES,
    *cases_fresh16.CASES,
]


def by_id(case_id: str) -> Case:
    """The case with this id."""
    return next(c for c in CASES if c.id == case_id)


def for_split(split: str) -> list[Case]:
    """The cases of one split ('dev', 'test', 'holdout', 'fresh', 'fresh2' ... 'fresh16') or all ('all')."""
    return list(CASES) if split == "all" else [c for c in CASES if c.split == split]


def counts() -> dict[str, Counter[str]]:
    """How many cases there are per split, style and category."""
    return {
        "split": Counter(c.split for c in CASES),
        "style": Counter(c.style for c in CASES),
        "category": Counter(c.category for c in CASES),
    }
