"""New columns said by their name and what they hold, or by the piece of a value they keep: a named column in
capitals ('customers + name_caps = name in upper case', 'add name_caps as the name in capital letters'), the part of
an address after its @ ('a column with the bit of their email address after the @'), and a rate shown for another
period ('each subscriber's monthly charge also shown as a yearly amount')."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.derive import compute
from datalinx.agents.offline.derived_words import (
    CASE_WORDS,
    END,
    LEAD,
    OWN_COLUMN,
    OWNER,
    PERIOD_ADJECTIVES,
    RATE_WORDS,
    SAID,
    _case_column,
    _domain,
)
from datalinx.agents.offline.grounding import name_words
from datalinx.agents.offline.plan import ident
from datalinx.agents.offline.sentence import Match
from datalinx.core.pipelines.types import NUMERIC

# a new column's name, then what it is: '+ name_caps =', 'add name_caps to customers as', 'with name_caps being'
NAMED = (
    r"(?:(?:\+|plus|add|with|and|create|include) )?(?:a |an )?(?:new )?(?:column |field )?(?P<name>[a-z_][a-z0-9_]*)"
    r"(?: (?:to|in|on) (?:the )?{T})?(?: ,)? (?:=|:|as|being|holding|showing|for|with) "
)
# the piece of an address after its @ (the tokens drop the @ itself): 'the bit of their email after the @'
PIECE = (
    r"(?:the )?(?:bit|part|portion|piece|section|chunk|text|stuff|everything) (?:of )?" + OWNER
    + r"(?:{T} s )?(?P<col>{C})(?: address(?:es)?)?(?: (?:that comes|which comes|that s|coming|that follows))?"
    r" after(?: the| their| its| an)?(?: at sign| at symbol| at - sign)?"
)  # fmt: skip
# a rate's period said for the new column: 'as a yearly amount', 'as an annual figure', 'per year'
PERIODS = {"yearly": "year", "annual": "year", "annually": "year", "monthly": "month", "weekly": "week"}
PER_PERIOD = {"year": {"month": 12, "week": 52}, "month": {"year": 1 / 12}}
SHOWN = r"(?:(?:also|too|additionally) )?(?:(?:shown|given|expressed|written|converted|turned|worked out|put) )?"
AS_PERIOD = (
    r"(?:as|into|in) (?:a |an )?(?P<period>yearly|annual|monthly|weekly) (?:amount|figure|value|charge|charges|total"
    r"|sum|number|rate|cost|price|equivalent)(?: too| as well| also)?"
)


def read_derived_said(ctx: Context) -> None:
    """New columns said by name and content, by a piece of a value, or as a rate for another period."""
    scan = ctx.sentence.scan
    scan(NAMED + OWNER + r"(?P<col>{C}) " + SAID + CASE_WORDS + END, lambda m: _case_column(ctx, m))
    if "@" in ctx.sentence.request:
        scan(LEAD + "?" + PIECE + "(?:" + OWN_COLUMN + ")?" + END, lambda m: _domain(ctx, m))
    scan(OWNER + r"(?:{T} s )?(?P<col>{C}) " + SHOWN + AS_PERIOD + END, lambda m: _other_period(ctx, m))


def _other_period(ctx: Context, match: Match) -> bool:
    """'the monthly charge also shown as a yearly amount': a rate column scaled to the period said, beside it."""
    item = match.item("col")
    column = ctx.column(item) if item is not None else None
    if column is None or ctx.type_of(column) not in NUMERIC:
        return False
    parts = name_words(column)
    said = [p for p in parts if p in RATE_WORDS]
    own = PERIODS.get(said[0]) if said else None
    wanted = PERIODS[match.group("period")]
    factor = PER_PERIOD.get(wanted, {}).get(own or "")
    if own is None or factor is None:
        ctx.refuse(f"{match.text} ({column} is no amount per period to scale)")
        return True
    name = "_".join(PERIOD_ADJECTIVES[wanted] if p in RATE_WORDS else p for p in parts)
    scale = f"* {factor}" if factor >= 1 else "/ 12"
    ctx.note(f"{column} times {factor:g} for a {wanted}" if factor >= 1 else f"{column} divided by 12 for a month")
    return compute(ctx, name, f"{ident(column)} {scale}", match.text, f"Compute {name}: {column} per {wanted}.")
