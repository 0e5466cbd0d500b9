"""Words that tie a summary to its groups: 'country x status' (two groups crossed), 'how many orders went to each
country' (the verb of where rows went, before the place they are grouped by)."""

from __future__ import annotations

from datalinx.agents.offline.columns import place_columns
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.each_once import SENDING
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.overall import SUMMARY_WORDS
from datalinx.agents.offline.sentence import Item, Match

# the signs of crossing two groups, as typed: 'country x status', and the multiplication sign
CROSSES = frozenset({"x", "\u00d7"})
# verbs of where a row went, before the place it is grouped by: 'went to each country', 'headed for every city'
WENT = (
    r"(?<!not )(?:going|go|goes|went|gone|headed|heading|bound|destined|travelled|traveled|mailed|dispatched)"
    r"(?: to| for)?(?= (?:§|each|every|the) )"
)
# the words between the verb and the place grouped by, read by the groups already: 'each', 'every single'
BETWEEN = frozenset({"each", "every", "all", "the", "different", "single"})


def read_crossed_groups(ctx: Context) -> None:
    """'order count, country x status': an 'x' between two columns in a summary crosses them, as 'and' between
    groups does; after a comma with no group word, the columns crossed are the groups ('by' is understood).
    Read first, so every reader sees the 'and'; with no summary or group word said, it is left unread."""
    items = ctx.sentence.items
    if not any(i.norm in SUMMARY_WORDS or i.norm in ("by", "per") for i in items):
        return  # 'country x status' with nothing summarised: no reading of it
    for position in range(1, len(items) - 1):
        before, joiner, after = items[position - 1], items[position], items[position + 1]
        if joiner.norm not in CROSSES or not (_grouped_column(before) and _grouped_column(after)):
            continue
        joiner.kind, joiner.norm = "word", "and"
        start = _list_start(items, position - 1)
        lead = items[start - 1] if start > 0 else None
        if lead is not None and lead.kind == "punct" and lead.norm in (",", ":"):
            lead.kind, lead.norm = "word", "by"  # 'order count, country x status': the groups of the count


def _grouped_column(item: Item) -> bool:
    return item.kind == "col" and isinstance(item.ref, ColumnRef)


def _list_start(items: list[Item], position: int) -> int:
    """The first column of a list crossed or joined by 'and' that ends at `position`."""
    while position >= 2 and items[position - 1].norm in ("and", *CROSSES) and _grouped_column(items[position - 2]):
        position -= 2
    return position


def read_went_to_groups(ctx: Context) -> None:
    """'how many orders went to each country': the verb says the place is where each row was sent, and the place
    column groups them. Read after the groups, for a place column of rows that ship."""
    ctx.sentence.scan(WENT, lambda m: _went_to_group(ctx, m))


def _went_to_group(ctx: Context, match: Match) -> bool:
    end = match.indexes[-1]
    following = ctx.sentence.items[end + 1 :]
    if match.text.split()[-1] not in ("to", "for"):
        if not following or following[0].norm not in ("to", "for"):
            return False  # 'went each country': no place said it went to
        following = following[1:]  # 'headed for each country': 'for each' read by the groups
    place = next((i for i in following if i.norm not in BETWEEN), None)
    if place is None or not isinstance(place.ref, ColumnRef) or place.ref.dataset != ctx.base:
        return False
    sendable = any(SENDING.search(c.name) for c in ctx.grounding.dataset(ctx.base).columns)
    places = {c.name for c in place_columns(ctx)}
    return sendable and place.ref.column in places and place.ref.column in ctx.groups
