"""Joins asked in words: 'orders joined with customers', 'with their customer details', 'customer 42'; the readers of
rows matched in another dataset and of its columns brought in are called here, in the order they must read."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.described import read_brought
from datalinx.agents.offline.join_steps import ARTICLE, JOIN_WORDS, OTHER, join_said
from datalinx.agents.offline.matches import read_kept_or_dropped, read_matches
from datalinx.agents.offline.plan import Condition, ident, literal
from datalinx.agents.offline.sentence import Match
from datalinx.core.pipelines.types import NUMERIC


def _one_by_key(ctx: Context, match: Match) -> bool:
    """'customer 42', 'product no 7': the one row of a dataset its whole-number key names, the base's rows of it."""
    dataset, number = match.item("t"), match.item("num")
    if dataset is None or number is None or not isinstance(number.ref, int) or isinstance(number.ref, bool):
        return False
    if dataset.text.lower().endswith("s"):
        return False  # 'customers 18 or older', 'orders 5': no row named by its key
    key = ctx.grounding.key_of(str(dataset.ref))
    facts = ctx.grounding.column(ctx.base, key) if key is not None else None
    if key is None or facts is None or facts.type not in NUMERIC:
        return False
    ctx.note(f"read '{match.text}' as {key} {number.ref}")
    ctx.plan.add_filter(Condition(f"{ident(key)} = {literal(number.ref)}", f"{key} is {number.ref}", key, [number.ref]))
    return True


def read_joins(ctx: Context) -> None:
    """Joins and the rows they keep, said in words, read in this order: a row by its key, the rows kept or dropped,
    the columns brought in, the rows matched, then plain join words."""
    scan = ctx.sentence.scan
    after = r"(?= [?.!,;]| (?:with|and show|show|then|,|{T}|order|ordered|buy|bought|purchase|purchased)\b|$)"
    scan(r"(?P<t>{T}) (?:(?:number|no|#|id|with id|nr) )?(?P<num>{N})" + after, lambda m: _one_by_key(ctx, m))
    read_kept_or_dropped(ctx)
    read_brought(ctx)
    read_matches(ctx)
    scan(JOIN_WORDS + r" (?:the )?{T} (?:and|with|to|on) (?:the )?" + OTHER, lambda m: join_said(ctx, m, "left"))
    scan(
        JOIN_WORDS + r"(?: them| it| this)?(?: with| to| and| on| against| onto| by)?" + ARTICLE + " " + OTHER,
        lambda m: join_said(ctx, m, "left"),
    )
    scan(
        r"(?:with|and|plus|including)(?: all)?(?: of)? (?:their|its|the|his|"
        r"her) " + OTHER + r"(?: (?:details|data|info|information|columns))?",
        lambda m: join_said(ctx, m, "left"),
    )


def read_added_back(ctx: Context) -> None:
    """'look up the product name from products and add it': the pronoun is the columns just joined in."""
    if any(j.columns for j in ctx.plan.joins):
        ctx.sentence.scan(
            r"(?:and )?(?:add|attach|append|include|put) (?:it|them|that|those|these)(?: in| on| too| as well)?",
            lambda m: True,
        )
