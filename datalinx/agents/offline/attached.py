"""How a joined column is said to be placed beside the rows: "orders, buyer's email tacked on", 'the item's name
written next to it', 'their tier bolted on'. The words say where a column goes, never which rows: read only right
after a column, and only those words are taken, so the column is still read by the joins. 'Attached' is not one:
'orders with a product id attached' tests the rows."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.sentence import Match

PLACED = r"(?:tacked|bolted|added|stuck|glued|pinned|stapled|appended|slapped|written|put|printed)"
WHERE = (
    r"(?:on|onto (?:it|them|each|each one|the end)|on (?:the end|to (?:it|them|each|each one))|on the side"
    r"|next to (?:it|them|each|each one)|beside (?:it|them|each|each one)|alongside(?: (?:it|them|each|each one))?"
    r"|by (?:it|them|its side|their side))"
)
ATTACHED = r"{C} (?P<placed>" + PLACED + " " + WHERE + r")(?= [?.!,;]|$| and )"


def read_attached(ctx: Context) -> None:
    """'buyer's email tacked on': the placing words after a column taken out, read first so no reader holds their
    places; the column stays for the joins."""
    while (found := ctx.sentence.first(ATTACHED)) is not None:
        _take_placed(found)


def _take_placed(match: Match) -> None:
    """Take out the placing words alone, leaving the column before them."""
    start, end = match.match.span("placed")
    placed = [i for i in match.indexes if start <= match.sentence.offsets[i] < end]
    first, last = placed[0], placed[-1]
    del match.sentence.items[first : last + 1]
