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


def _one_amount(match: Match) -> bool:
    """Whether the groups `col` and `col2` name the same column ('earn ... income')."""
    first, second = match.item("col"), match.item("col2")
    refs = [(i.ref.dataset, i.ref.column) for i in (first, second) if i is not None and i.kind == "col"]
    return len(refs) == 2 and refs[0] == refs[1]


def read_figures(ctx: Context) -> None:
    """'six figures': an amount by its digits; 'low six figures' is only approximate."""
    scan = ctx.sentence.scan
    count = r"(?:(?P<n>{N})|(?P<word>" + "|".join(w for w, n in NUMBER_WORDS.items() if 2 <= n <= 12) + "))"
    scan(r"(?:low|mid|high|upper|lower|the low|the mid|the high) " + count + r"[ -]figures?",
         lambda m: not ctx.refuse(f"{m.text} (approximate)"))  # fmt: skip
    yearly = r"(?: (?:a|per|each) year| annually| per annum| yearly)?"
    # 'earn a six-figure income', 'bring home a five-figure salary': the verb and the noun name the one amount
    scan(r"(?P<col>{C}) (?:a |an )?" + count + r"[ -]?figures? (?P<col2>{C})",
         lambda m: _one_amount(m) and figures(ctx, m))  # fmt: skip
    scan(r"(?P<col>{C}) (?:is |are )?(?:of |in |with |into )?(?:the )?(?:a |an )?" + count + " figures?" + yearly,
         lambda m: figures(ctx, m))  # fmt: skip
    scan(r"(?:a |an )?" + count + r" figures? (?P<col2>{C})", lambda m: figures(ctx, m))
