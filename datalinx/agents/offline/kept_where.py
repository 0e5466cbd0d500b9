"""Where rows are kept, said beside what picks them, which adds no test of its own: 'what books do we have in
the catalogue' or 'garden items in our product range' (the catalogue is the products' rows, over a dataset of
things), and 'customers on our books since 2019' or 'on the books since before 2020' (kept on record since a
date: the date read against the rows' own date; 'since before' a date is before it)."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import of_people

# 'in the catalogue', 'from our catalog', 'in the product range', 'on our product list'
CATALOGUE = (
    r"(?:in|from|on|within|across) (?:the|our|your) (?:(?:product|products|item|items|{T}) )?"
    r"(?:catalogue|catalog|range|list|listings|inventory)"
)
# 'been on our books since', 'on the books since', 'on the roster since'
ON_RECORD = r"(?:(?:been|are|is|were|was|stayed|remained) )?on (?:the|our|its|their) (?:books|roster|rolls|records)"


def read_kept_where(ctx: Context) -> None:
    """'in the catalogue' over a dataset of things; 'on our books since ...' beside a date read already."""
    scan = ctx.sentence.scan
    scan(
        CATALOGUE + r"(?= [?.!,;]|$)", lambda m: _of_things(ctx) and all(str(i.ref) == ctx.base for i in m.items("ds"))
    )
    scan(ON_RECORD + r"(?: since)?(?= (?:before )?§)", lambda m: _since_read(ctx, m))


def _of_things(ctx: Context) -> bool:
    """Whether the base is a catalogue of things: neither people nor events with a date of their own."""
    people = of_people(ctx.base)
    return bool(ctx.base) and not people and ctx.grounding.main_date(ctx.base) is None


def _since_read(ctx: Context, match: Match) -> bool:
    """'on our books since 2019': the people's rows, whose own date the date after 'since' was read against."""
    people = of_people(ctx.base)
    own = ctx.grounding.main_date(ctx.base)
    return people and own is not None and any(c.column == own.name for c in ctx.plan.filters)
