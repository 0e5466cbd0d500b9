"""Rows said to be new in a count per period: 'how many new customers per year', 'new accounts opened each month'.
Counted by the period of the date each row started on (a signup date), every row is new in its own period."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import EVENT_DATES, ColumnRef
from datalinx.agents.offline.sentence import Match

COUNTS = frozenset({"count", "count_distinct"})


def read_new_rows(ctx: Context) -> None:
    """'new' before the rows counted, or before the start they are counted by, in a count per period of the rows'
    start date: what the periods already say. Read after the groups and measures."""
    ctx.sentence.scan(r"(?:brand )?new(?= )", lambda m: _new_in_period(ctx, m))


def _new_in_period(ctx: Context, match: Match) -> bool:
    following = ctx.sentence.items[match.indexes[-1] + 1]
    ref = following.ref
    if following.kind not in ("ds", "col") or (following.kind == "ds" and str(ref) != ctx.base):
        return False
    if following.kind == "col" and not (isinstance(ref, ColumnRef) and _starts_rows(ref.column)):
        return False  # 'new revenue per month': no start said, so which revenue is new is not known
    periods = [ctx.period_dates[g] for g in ctx.groups if g in ctx.period_dates]
    if not periods or not all(_starts_rows(column) for column in periods):
        return False  # 'new customers per country': new since when is not said
    return all(m.function in COUNTS for m in ctx.measures)  # 'the new customers' average age': not a count


def _starts_rows(column: str) -> bool:
    """Whether a date column records when each row began: signup_date, created_at, opened_on."""
    return re.search(EVENT_DATES, column) is not None and "placed" not in column
