"""Rows by whether another dataset's rows name them, said by what is still to happen or what turned up:
'customers who have yet to make their first purchase' (an anti join: no order names them), 'products that turned
up on at least one order' (the verb of appearing before a semi join, read by the joins)."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.join_steps import join_said
from datalinx.agents.offline.overall import PURCHASES
from datalinx.agents.offline.sentence import Match

# 'who have yet to make', 'that are still to place', 'who have not yet made'
STILL_TO = (
    r"(?:(?:who|that|which) )?(?:(?:have|has|are|is) )?(?:yet|still) to (?:make|place|put in|do)"
    r"|(?:(?:who|that|which) )?(?:have|has) not (?:yet )?(?:made|placed|put in|done)"
)
# 'their first purchase', 'a first order', 'any order'
FIRST = r"(?:their|its|his|her|a|an|any) (?:(?:very )?(?:first|1st|single) )?(?P<t>{T})(?: yet)?"
# 'turned up on', 'shown up in', 'popped up on': a row appearing among another dataset's rows
APPEARED = (
    r"(?:(?:have|has|had) )?(?:turned|turn|turns|turning|popped|pop|pops|cropped|crop|crops|showed|shown|show|shows)"
    r" up (?:on|in)(?= (?:at least|@n\d+ or more|one or more|a single|any) )"
)


def read_yet_to(ctx: Context) -> None:
    """'customers who have yet to make their first purchase': no row of the purchases names them (read before a
    'first' picks a row); 'turned up on at least one order': the appearing the semi join reads after."""
    scan = ctx.sentence.scan
    scan(r"(?:" + STILL_TO + r") " + FIRST, lambda m: _done_by_other(ctx, m) and join_said(ctx, m, "anti"))
    scan(APPEARED, lambda m: True)


def _done_by_other(ctx: Context, match: Match) -> bool:
    item = match.item("t")  # a purchase is made: 'yet to make their first customer' names nothing done
    return item is not None and item.kind == "ds" and str(item.ref) != ctx.base and item.norm in PURCHASES
