"""Columns of another dataset said as each row's own: 'add each order's product category onto the orders table',
'attach every order's product name', 'put each order's customer city on it'."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.join_steps import FASTEN
from datalinx.agents.offline.sentence import Item, Match

ADD = r"(?P<verb>add|attach|append|bring in|pull in|put|" + FASTEN + r")"


def read_rows_owning(ctx: Context) -> None:
    """'add each order's product category': the base's rows said as the owners of a column another dataset keeps;
    the owner words are dropped so the column is added as asked ('add the product category'). A column the base
    keeps itself ('add each order's status') is left to the other readers."""
    pattern = ADD + r" (?:each|every|the|all)? ?(?P<rows>{T})(?: 's| s)?(?= (?P<col>{C}))"
    for match in list(ctx.sentence.matches(pattern))[::-1]:  # from the end, so folding keeps earlier indexes
        if _rows_owning(ctx, match):
            first, last = ctx.sentence.items[match.indexes[0]], ctx.sentence.items[match.indexes[-1]]
            verb = match.group("verb") or "add"
            said = Item("word", match.text, verb, None, [], False, first.start, last.end)
            ctx.sentence.fold(match.indexes[0], match.indexes[-1], said)  # the verb, read with the column after it


def _rows_owning(ctx: Context, match: Match) -> bool:
    rows, column = match.item("rows"), match.item("col")
    if rows is None or column is None or str(rows.ref) != ctx.base or not isinstance(column.ref, ColumnRef):
        return False
    return column.ref.dataset != ctx.base and ctx.grounding.join_key(ctx.base, column.ref.dataset) is not None
