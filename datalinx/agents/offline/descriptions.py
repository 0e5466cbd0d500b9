"""Columns said by what they hold, in a list of columns: 'for each order its number, which item it was and how many
were bought' (order_id, product_id, quantity); each phrase is read as the column it describes."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import PEOPLE

# Where a phrase stands in a list of columns: after a comma, 'and', or 'its'/'their' of a list's start.
LISTED = r"(?:(?<=, )|(?<=: )|(?<=and )|(?<=just )|(?<=only ))"
WAS = r"(?:it|they) (?:was|were|is|are)"
BOUGHT = r"(?:bought|ordered|purchased|sold)"


def read_column_descriptions(ctx: Context) -> None:
    """Phrases in a list that describe a column of the base: its key, the thing each row is of, how many."""
    scan = ctx.sentence.scan
    scan(LISTED + r"(?:its|their) (?:number|id)(?= ,| and|$| [?.!;])", lambda m: _fold(ctx, m, _own_key(ctx)))
    scan(LISTED + r"which (?P<thing>{T}|{C}|item|product|article) " + WAS + r"(?= ,| and|$| [?.!;])",
         lambda m: _fold(ctx, m, _thing_key(ctx, m)))  # fmt: skip
    scan(LISTED + r"how many (?:(?:were|was|got|they) )?" + BOUGHT + r"(?= ,| and|$| [?.!;])",
         lambda m: _fold(ctx, m, _counted(ctx)))  # fmt: skip


def _own_key(ctx: Context) -> str | None:
    """The key of the base's rows, when the request names them each ('for each order')."""
    named = ctx.sentence.first(r"(?:each|every|per) (?:single )?{T}")
    item = named.items("ds")[0] if named is not None and named.items("ds") else None
    return ctx.grounding.key_of(ctx.base) if item is not None and str(item.ref) == ctx.base else None


def _thing_key(ctx: Context, match: Match) -> str | None:
    """The base's key to the dataset a row is of: named ('which product'), or the one such that holds no people."""
    thing = match.item("thing")
    if thing is not None and thing.kind == "col" and thing.norm not in ("item", "article", "product", "thing"):
        return None
    if thing is not None and thing.kind == "ds":
        candidates = [str(thing.ref)]
    else:
        candidates = [d.name for d in ctx.grounding.catalog.datasets if not any(p in d.name for p in PEOPLE)]
    keys = [
        key
        for name in candidates
        if name != ctx.base and (key := ctx.grounding.key_of(name)) and ctx.grounding.column(ctx.base, key) is not None
    ]
    return keys[0] if len(keys) == 1 else None


def _counted(ctx: Context) -> str | None:
    refs = ctx.grounding.columns_named(("quantity",), [ctx.base])
    return refs[0].column if len(refs) == 1 else None


def _fold(ctx: Context, match: Match, column: str | None) -> bool:
    """The match read as one column item, for the list readers after; nothing read when no column fits."""
    facts = ctx.grounding.column(ctx.base, column) if column is not None else None
    if facts is None or column is None:
        return False
    ref = ColumnRef(ctx.base, column, facts.type, 3)
    match.sentence.fold(match.indexes[0], match.indexes[-1], match.as_column(ref))
    return False  # the folded item is left for the readers of column lists
