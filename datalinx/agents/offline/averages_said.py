"""An amount asked 'on average' apart from its words: 'what do they pay a month on average', 'On average, what
does a subscriber pay us each month?' (the mean of the one amount said, which nothing else summarises)."""

from __future__ import annotations

from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.sentence import Match
from datalinx.core.pipelines.types import NUMERIC

ON_AVERAGE = (
    r"(?:(?:^|(?<=[.?!,;:] )|(?<=[.?!,;:] and ))(?:on average|on avg)(?: ,)?|(?<= )(?:on average|on avg))"
    r"(?= [?.!,;]|$| (?:how|what|which))"
)


def read_on_average(ctx: Context) -> None:
    """'on average' at a clause's edge: the mean of the one numeric column left unread; with none or several, or
    beside another average, it stays unread."""
    ctx.sentence.scan(ON_AVERAGE, lambda m: _averaged(ctx, m))


def _averaged(ctx: Context, match: Match) -> bool:
    numeric = [i for i in ctx.sentence.live("col") if i.ref.type in NUMERIC and i.ref.dataset == ctx.base]
    if len(numeric) != 1 or any(m.function in ("mean", "median") for m in ctx.measures):
        return False
    items, start = ctx.sentence.items, match.indexes[0]
    at = items.index(numeric[0])
    after = items[at + 1] if at + 1 < len(items) else None
    # the amount just before ('pay a month on average'), or closing the question 'on average' opens; never one a
    # test follows ('quantity over 5 on average')
    if at != start - 1 and not (at > match.indexes[-1] and (after is None or after.norm in ("?", ".", "!"))):
        return False
    column = ctx.column(numeric[0])
    if column is None:
        return False
    ctx.measures.append(Measure("mean", column, f"{numeric[0].text} {match.text}"))
    numeric[0].consumed = True
    ctx.note(f"read '{match.text}' as the mean of {column}")
    return True
