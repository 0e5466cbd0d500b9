"""The end of an amount any one row holds: 'the largest number of support calls any one subscriber has made' is
the greatest support_calls, 'the fewest units any order has had' the least quantity, over the rows asked."""

from __future__ import annotations

from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.sentence import Match
from datalinx.core.pipelines.types import NUMERIC

ENDS = {"largest": "max", "highest": "max", "biggest": "max", "greatest": "max", "most": "max", "maximum": "max",
        "smallest": "min", "lowest": "min", "fewest": "min", "least": "min", "minimum": "min"}  # fmt: skip
# Verbs of what a row did or holds, after 'any one subscriber has': they add nothing to the amount.
DONE = r"(?: (?:ever |so far )?(?:made|had|placed|rung|logged|received|bought|ordered|got|paid|racked up|put in))?"


def read_most_any(ctx: Context) -> None:
    """'the largest number of support calls any one subscriber has made': the greatest value of the column."""
    end = r"(?P<end>" + "|".join(ENDS) + ")"
    rows = r"(?:{T}|subscribers?|customers?|clients?|users?|members?|accounts?|rows?|records?|products?|orders?)"
    pattern = (
        r"(?:the )?" + end + r" (?:number of |count of |amount of |no of )?(?P<what>{C})"
        r" (?:that |which )?(?:any|any one|any single|a single|one|any individual) " + rows
        + r"(?: (?:has|have|had|is|was))?" + DONE + r"(?= [?.!,;]|$| in | per | for | across )"
    )  # fmt: skip
    ctx.sentence.scan(pattern, lambda m: _most_any(ctx, m))


def _most_any(ctx: Context, match: Match) -> bool:
    what = match.item("what")
    column = ctx.column(what) if what is not None else None
    if column is None:
        return False
    if ctx.type_of(column) not in NUMERIC or ctx.grounding.is_key(ctx.base, column):
        ctx.refuse(f"{match.text} ({column} holds no amounts)")
        return True
    ctx.measures.append(Measure(ENDS[match.group("end")], column, match.text))
    return True
