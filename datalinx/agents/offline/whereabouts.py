"""Questions of where the rows are: 'where do our customers live', 'where are our subscribers based'."""

from __future__ import annotations

from datalinx.agents.offline.columns import place_columns, show_distinct
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.sentence import Match

WHO = r"(?:(?:our|the|all|your) )?(?:{T}|subscribers|customers|clients|users|members|people|they)"
WHERE = (
    r"where (?:do|does|did|are|is|were|was) " + WHO + r"(?: (?:live|lives|living|come from|based|located|from"
    r"|reside|resident))?(?= [?.!;]|$)"
)


def read_whereabouts(ctx: Context) -> None:
    """'where do our customers live': the one place column's values, each once; with several (city and country)
    which one is meant is asked rather than guessed."""
    ctx.sentence.scan(WHERE, lambda m: _where(ctx, m))


def _where(ctx: Context, match: Match) -> bool:
    places = [c.name for c in place_columns(ctx)]
    if len(places) == 1:
        show_distinct(ctx, places[0], match.text)
    else:
        which = f" (by {' or '.join(places)}?)" if places else " (no column of places)"
        ctx.refuse(match.text + which)
    return True
