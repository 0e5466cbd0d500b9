"""Amounts and counts a request names indirectly: a dataset's word for its amount ('total sales'), the amount
after a grouping ('how much did each customer spend'), rows counted by their values ('the number of cancellations'),
an amount by its count of digits ('earning six figures')."""

from __future__ import annotations

from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.plan import Condition, ident, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.words import NUMBER_WORDS
from datalinx.core.pipelines.types import NUMERIC


def amount_named(ctx: Context, item: Item) -> str | None:
    """The one amount of the base a dataset's word also names ('sales': total_revenue), or None."""
    refs = ctx.grounding.columns_named(tuple(item.norm.split()), [ctx.base])
    amounts = {r.column for r in refs if r.type in NUMERIC and not ctx.grounding.is_key(ctx.base, r.column)}
    if str(item.ref) != ctx.base or len(amounts) != 1:
        return None
    return ctx.use(next(r for r in refs if r.column in amounts))


def amount_follows(ctx: Context, match: Match) -> bool:
    """Whether an amount the grouping's implicit sum will take comes later in the request."""
    after = match.indexes[-1]
    return any(
        index > after and not item.consumed and item.kind == "col" and item.ref.type in NUMERIC
        for index, item in enumerate(ctx.sentence.items)
    )


def rows_among(ctx: Context, match: Match) -> bool:
    """'the number of cancellations': the rows holding the values."""
    from datalinx.agents.offline.values import _values

    ctx.measures.append(Measure("count", None, match.text))
    return _values(ctx, match.items("val", name="vals"), False)


def figures(ctx: Context, match: Match) -> bool:
    """'earning six figures', 'a five-figure income': an amount of that many digits, from 10^(n-1) up to 10^n."""
    item = match.item("col") or match.item("col2")
    said = match.item("n")
    digits = said.ref if said is not None else NUMBER_WORDS.get(match.group("word") or "")
    if item is None or not isinstance(digits, int) or not 2 <= digits <= 12:
        return False
    column = ctx.column(item)
    if column is None:
        return True
    if ctx.type_of(column) not in NUMERIC or ctx.grounding.is_key(ctx.base, column):
        ctx.refuse(f"{match.text} ({column} is no amount)")
        return True
    low, high = 10 ** (digits - 1), 10**digits
    name = ident(column)
    ctx.note(f"read '{match.text}' as {column} from {low:,} up to (not including) {high:,}")
    explanation = f"{column} has {digits} figures"
    ctx.plan.add_filter(Condition(f"{name} >= {literal(low)} and {name} < {literal(high)}", explanation, column))
    return True
