"""Verbs that add nothing to a measure already read: 'how many orders does each segment account for', 'the unit
price we've charged', and the checking the user says they are doing ('sanity-checking the price feed'). Read late,
and only once the measure they hang on is read, so a verb that asks for something is never dropped."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.sentence import Match

# 'does each segment account for': the count's own verb, after the groups it is counted by
ACCOUNT = r"(?P<verb>account for|accounts for|make up|makes up|represent|represents)(?= [?.!,;]|$)"
# 'the unit price we've charged', 'the prices they were billed': an amount said as what someone did with it
DONE_WITH = (
    r"(?:that |which )?(?:we|you|they|customers|subscribers) (?:ve |have |had |were |are |have been )?"
    r"(?P<verb>charged|billed|asked|set|recorded|invoiced)(?= [?.!,;§]|$)"
)
# the user checking figures: 'sanity-checking the price feed', 'double checking the numbers' ('checking the odd
# negatives' names rows: an aside only beside a sort, which reasons.py decides)
CHECKING = (
    r"(?<=[.?!;,] )(?:(?:i|we) (?:am |are |m |re )?)?(?:just )?(?:(?:sanity|double|cross|spot) ?)?checking"
    r" (?:the |our |my )?(?:odd |few |weird |strange )?(?:{C} )?(?:feed|feeds|figures|numbers|data|report|totals"
    r"|import|export)(?= [?.!,;]|$)"
)


def read_checking(ctx: Context) -> None:
    """'..., sanity-checking the price feed': what the user is doing, read before its column can be a measure."""
    ctx.sentence.scan(CHECKING, lambda m: True)


def read_idle_verbs(ctx: Context) -> None:
    """Verbs around a measure already read, which ask for nothing more."""
    scan = ctx.sentence.scan
    scan(ACCOUNT, lambda m: bool(ctx.measures) and bool(ctx.groups))
    scan(DONE_WITH, lambda m: _measured(ctx, m))


def _measured(ctx: Context, match: Match) -> bool:
    """Whether the item right before the verb is a column the answer measures: 'the unit price we've charged'."""
    index, items = match.indexes[0] - 1, ctx.sentence.items
    item = items[index] if index >= 0 else None
    after = items[match.indexes[-1] + 1] if match.indexes[-1] + 1 < len(items) else None
    if after is not None and after.kind != "punct" and after.norm not in ("in", "per", "for", "across", "by"):
        return False  # 'the unit price we charged more than 5 times': the verb tested, not idle
    column = ctx.column_ref(item) if item is not None and item.kind == "col" else None
    return column is not None and any(m.column == column.column for m in ctx.measures)
