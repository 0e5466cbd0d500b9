"""The offline planner: plain English to a pipeline DAG with no LLM, saying plainly what it did not understand.

A request is read against the catalog (typos fixed, datasets, columns and values found), clause readers take the
parts they understand, a plan is built into a chain of nodes and validated; every meaningful word no reader took is
reported in `not_understood` rather than guessed at.
"""

from __future__ import annotations

import re
from typing import Any

from datalinx.agents.offline.ages import read_ages
from datalinx.agents.offline.aggregates import read_measures
from datalinx.agents.offline.build import build
from datalinx.agents.offline.check import self_check
from datalinx.agents.offline.cleaning import read_cleaning
from datalinx.agents.offline.columns import read_columns, read_shapes
from datalinx.agents.offline.compose import finish
from datalinx.agents.offline.computed import read_computed
from datalinx.agents.offline.conditions import read_exclusions
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.derive import read_derived
from datalinx.agents.offline.fills import read_fills
from datalinx.agents.offline.filter_dates import read_dates
from datalinx.agents.offline.filters import read_comparisons
from datalinx.agents.offline.followup import edits, plan_of
from datalinx.agents.offline.groups import read_groups
from datalinx.agents.offline.having import read_having
from datalinx.agents.offline.joins import consume_datasets, read_added_back, read_described, read_joins, read_whose
from datalinx.agents.offline.members import read_unseen_members, read_value_words
from datalinx.agents.offline.ordering import read_limits, read_sorts
from datalinx.agents.offline.outputs import read_outputs
from datalinx.agents.offline.placing import read_placements, read_sorted_by
from datalinx.agents.offline.plan import Plan
from datalinx.agents.offline.presence import read_presence
from datalinx.agents.offline.questions import read_extremes, read_questions
from datalinx.agents.offline.ranking import read_late_rankings, read_rankings
from datalinx.agents.offline.rates import read_rates
from datalinx.agents.offline.reading import grounding_for, read
from datalinx.agents.offline.tenures import read_tenures
from datalinx.agents.offline.values import read_values
from datalinx.agents.offline.words import FILLER
from datalinx.agents.schemas import Draft
from datalinx.core.datasets.facts import CatalogView

__all__ = ["draft"]

READERS = (
    read_outputs,
    read_exclusions,
    read_presence,
    read_rates,
    read_described,
    read_shapes,
    read_computed,
    read_derived,
    read_questions,
    read_fills,
    read_cleaning,
    read_joins,
    read_rankings,
    read_sorts,
    read_sorted_by,
    read_groups,
    read_placements,
    read_late_rankings,
    read_limits,
    read_extremes,
    read_having,
    read_measures,
    read_tenures,
    read_ages,
    read_dates,
    read_comparisons,
    read_value_words,
    read_values,
    read_unseen_members,
    read_columns,
    read_added_back,
    read_whose,
)


def draft(request: str, catalog: CatalogView, previous: dict[str, Any] | None = None) -> Draft:
    """Plan `request` over `catalog`; `previous` is the conversation's earlier definition, which the request edits."""
    grounding, _ = grounding_for(catalog)
    prior = plan_of(previous, grounding) if previous else None
    reading = read(request, catalog, prior.datasets if prior else None)
    if reading.base is None:
        return Draft(not_understood=[_whole(request)], assumptions=reading.assumptions)
    plan = prior.plan if prior else Plan(dataset=reading.base)
    ctx = Context(reading, grounding, plan, assumptions=list(reading.assumptions))
    also, instead = _edit_words(request)
    if prior is not None:
        edits(ctx, also=also, instead=instead)
    _asides(ctx)
    for reader in READERS:
        reader(ctx)
    finish(ctx, also=also, instead=instead)
    consume_datasets(ctx)
    if prior is not None:
        ctx.sentence.scan(EDIT_WORDS, lambda m: True)
    _courtesies(ctx)
    leftovers = ctx.sentence.leftovers()
    not_understood = [*ctx.unclear, *(w for w in leftovers if w not in ctx.unclear)]
    core_missed = _leading_word_missed(ctx)
    if core_missed or (not plan.touched and (leftovers or ctx.unclear) and prior is None):
        # what the request asks for was not understood ("predict ...", "translate ..."): no plan is better than a part
        return Draft(not_understood=not_understood or [_whole(request)], assumptions=ctx.assumptions)
    definition, explanations = build(plan)
    checked, explanations, problems = self_check(definition, explanations, catalog)
    not_understood.extend(problems)
    return Draft(
        definition=checked, explanations=explanations, not_understood=not_understood, assumptions=ctx.assumptions
    )


EDIT_WORDS = r"(?:instead|rather|as well|also|too|additionally|in addition|now|then|again|actually|and)"


def _edit_words(request: str) -> tuple[bool, bool]:
    text = request.lower()
    also = re.search(r"\b(also|too|as well|additionally|in addition|plus)\b|^\s*(and|plus|with)\b", text) is not None
    instead = re.search(r"\b(instead|rather|replace the|change the|switch|now)\b", text) is not None
    return also, instead


def _asides(ctx: Context) -> None:
    """Words that restate or explain the request ('i mean'), taken first so no reader reads 'mean' as an average."""
    ctx.sentence.scan(r"(?:, )?(?:i mean|i meant|we mean|in other words)(?: ,)?", lambda m: True)
    # why the user asks ('something looks off'): no request of its own, and 'off' is no discount here
    ctx.sentence.scan(
        r"(?:, )?(?:something|it|this|that|things?) (?:looks?|seems?|is|feels?) (?:a bit |a little |very |really )?"
        r"(?:off|wrong|weird|odd|strange|fishy|suspicious|not right)",
        lambda m: True,
    )


def _courtesies(ctx: Context) -> None:
    """Words that order or hand over the work, once the clauses took what they understood."""
    scan = ctx.sentence.scan
    scan(r"(?:send|hand|pass|bring|give) (?:it |them |that )?over", lambda m: True)
    # why the rows are wanted: 'I want to check them', 'so we can review those'
    why = r"(?:check|review|inspect|verify|examine|audit|look over|go through|double check|look into)"
    scan(why + r" (?:them|it|these|those|this|that)(?: out| over)?(?= [.?!,;]|$)", lambda m: True)
    scan(r"^(?:first|firstly|first of all|to begin|to start|start by|begin by|step 1)(?: ,| :)?", lambda m: True)
    scan(r"(?:, )?(?:then|next|afterwards|after that|finally|lastly|and then)", lambda m: True)
    scan(r"(?:i|we) (?:am |are |m |re )?after(?! (?:the )?@[dy]\d+)", lambda m: True)  # "I'm after": I want


def _leading_word_missed(ctx: Context) -> bool:
    """Whether the request's first meaningful word (its verb or subject) was left unmapped."""
    for item in ctx.sentence.items:
        if item.kind in ("punct", "op") or (item.kind == "word" and item.norm in FILLER):
            continue
        return not item.consumed and item.kind == "word"
    return False


def _whole(request: str) -> str:
    text = request.strip()
    return text or "the request (it is empty)"
