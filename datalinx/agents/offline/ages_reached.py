"""Ages said by reaching them: "customers who haven't hit 30 yet", 'who have yet to turn 40', 'not yet 18' (under
that age); 'who have turned 65', "who've reached 50" (that age or over). Read of people only, and only where the
number ends the clause ('who have reached 30 orders' is a count of orders, left to other readers)."""

from __future__ import annotations

from datalinx.agents.offline.ages import age_column
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.plan import Condition, ident
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import of_people
from datalinx.core.pipelines.types import NUMERIC

REACHED = r"(?:hit|turned|reached|got to|made it to)"
REACH = r"(?:hit|turn|reach|get to|make it to)"
AGE = r"(?: the age of| age)? (?P<num>{N})(?: years(?: old| of age)?)?(?: yet)?(?= [?.!,;]|$| (?:and|or|but) )"
WHO = r"(?:(?:who|that) )?"


def read_ages_reached(ctx: Context) -> None:
    """Under an age not yet reached, at or over one reached."""
    scan = ctx.sentence.scan
    scan(WHO + r"(?:(?:have|has) )?not (?:yet )?" + REACHED + AGE, lambda m: _reached(ctx, m, "<"))
    scan(WHO + r"(?:(?:have|has|are|is) )?(?:yet|still) to " + REACH + AGE, lambda m: _reached(ctx, m, "<"))
    scan(WHO + r"(?:are |is )?not yet(?: aged)?" + AGE, lambda m: _reached(ctx, m, "<"))
    scan(WHO + r"(?:have|has|had) (?:already )?" + REACHED + AGE, lambda m: _reached(ctx, m, ">="))


def _reached(ctx: Context, match: Match, operator: str) -> bool:
    """The base's people's age against the number: an age of years, a whole number a person may be."""
    number = match.item("num")
    if number is None or number.kind != "num" or not isinstance(number.ref, int) or not 1 <= number.ref <= 120:
        return False
    if not of_people(ctx.base):
        return False
    column = age_column(ctx)
    if column is None or ctx.type_of(column) not in NUMERIC:
        ctx.refuse(f"{match.text} (no age column)")
        return True
    ctx.note(f"read '{match.text}' as {column} {operator} {number.ref}")
    ctx.plan.add_filter(
        Condition(f"{ident(column)} {operator} {number.ref}", f"{column} {operator} {number.text}", column)
    )
    return True
