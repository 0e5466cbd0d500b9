"""A range's ends said to be in it, after a range of dates read already: 'from 1 January to 30 June 2023, both
days included', '... both dates inclusive', '... including both end dates', '... inclusive of both days'. A range
read from its two ends holds them already, so the words add nothing; with no such range they are left unread."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.sentence import Match

# 'both days', 'the end dates', 'the first and last day', 'both ends'
ENDS = (
    r"(?:both |the |both the )?(?:days|dates|end dates|end days|ends|endpoints|end points|bounds|limits"
    r"|boundaries|first and last (?:days?|dates?)|(?:end )?(?P<col>{C}))"
)
SAID = (
    r"(?:with )?" + ENDS + r" (?:included|inclusive|counted|included too|inclusive too)"
    r"|(?:including|inclusive of|counting) " + ENDS.replace("(?P<col>", "(?P<col2>")
)


def read_range_ends(ctx: Context) -> None:
    """'both days included' after a range of dates from one day to another."""
    ctx.sentence.scan(SAID, lambda m: _of_dates(m) and _date_range_read(ctx))


def _of_dates(match: Match) -> bool:
    """Whether a column said as the ends ('both dates' read as order_date) is one of dates."""
    item = match.item("col") or match.item("col2")
    return item is None or "date" in str(getattr(item.ref, "column", ""))


def _date_range_read(ctx: Context) -> bool:
    """Whether a test from one date to another was read (its words hold 'from ... to ...')."""
    for condition in ctx.plan.filters:
        column, words = condition.column, condition.explanation
        dated = column is not None and ctx.type_of(column) is not None and "date" in column
        if dated and " from " in f" {words} " and " to " in words:
            return True
    return False
