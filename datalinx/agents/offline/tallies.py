"""A column's values tallied, said with the column before a summary noun: 'status breakdown of orders (counts)',
'a segment breakdown for customers', 'the contract mix of subscribers', 'category distribution of products',
'status counts of orders': how many rows hold each value. The noun on its own is filler, so without this reader the
column alone was listed; a number column so said ('price breakdown of products') is said as not understood, as
what it would summarise is not said."""

from __future__ import annotations

from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.sentence import Match
from datalinx.core.pipelines.types import NUMERIC

NOUN = r"(?:breakdown|break down|tally|tallies|distribution|mix|counts|split|spread)"
# '(counts)', 'with counts', 'as counts', 'by count': the tally said again
COUNTS = r"(?: \( (?:counts?|totals?|numbers?) \)| (?:with|as|in|by) (?:the )?(?:counts?|numbers?))?"
TALLY = (
    r"(?:(?:a|an|the|our) )?(?P<col>{C}) "
    + NOUN
    + r"(?: (?:of|for|across|among|in) (?:the |our |all )?{T})?"
    + COUNTS
    + r"(?= [?.!,;]|$)"
)


def read_tallies(ctx: Context) -> None:
    """'status breakdown of orders', 'the segment mix for customers (counts)': rows counted per value."""
    ctx.sentence.scan(TALLY, lambda m: _tallied(ctx, m))


def _tallied(ctx: Context, match: Match) -> bool:
    item = match.item("col")
    ref = ctx.column_ref(item) if item is not None and item.kind == "col" else None
    if ref is None or ref.dataset != ctx.base or ctx.groups or ctx.measures or ctx.plan.aggregate is not None:
        return False
    if ref.type in NUMERIC or ctx.grounding.is_key(ref.dataset, ref.column):
        ctx.refuse(f"{match.text} (counted per value, or summed?)")
        return True
    column = ctx.use(ref)
    ctx.groups.append(column)
    ctx.measures.append(Measure("count", None, match.text))
    return True
