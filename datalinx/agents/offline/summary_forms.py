"""Summaries said in shorthand: the groups first and an arrow to the measure ('internet service -> peak monthly
charge', 'contract → average tenure', 'country and segment -> how many customers'); what each of another dataset's
rows spent, said by its verb ('what every customer has spent with us in total'); a question of the busiest
periods the request then answers with a count per period ('which days of the week keep us busiest? a count of
orders per weekday would do')."""

from __future__ import annotations

from datalinx.agents.offline.aggregates import FUNCTION_WORDS, SUPERLATIVE
from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.sentence import Match
from datalinx.core.pipelines.types import NUMERIC

# the arrow as typed: '->' (two marks), '→', '-->'
ARROW = r"(?:- >|- - >|→|⟶)"
# what may follow the arrow: a measure's word ('peak', 'average', 'how many', 'highest')
MEASURED = r"(?:the |our )?(?:" + FUNCTION_WORDS + r"|" + SUPERLATIVE.replace("(?P<fn>", "(?:") + r")(?![^ ])"


def read_arrow_groups(ctx: Context) -> None:
    """'internet service -> peak monthly charge': the columns before the arrow are the groups of the measure after
    it ('segment, country → number of customers'); an arrow to anything but a measure is left unread."""
    ctx.sentence.scan(
        r"^(?P<groups>{C}(?:(?: ,| and| &| , and) {C})*) " + ARROW + r"(?= " + MEASURED + r")",
        lambda m: _arrow_groups(ctx, m),
    )


def _arrow_groups(ctx: Context, match: Match) -> bool:
    columns = [ctx.column(item) for item in match.items("col", "groups")]
    if not columns or any(column is None for column in columns):
        return False
    ctx.groups.extend(column for column in columns if column is not None and column not in ctx.groups)
    return True


# amounts said by the verb of spending or earning: after 'has' they are its perfect tense, no test of a value
SPENT = frozenset({"spent", "paid", "earned", "made", "generated", "brought in", "spent with us", "paid us"})


def read_spent_by_each(ctx: Context) -> None:
    """'what every customer has spent with us in total', 'what each customer paid altogether': the amount the verb
    names, summed per row of the dataset said (by its key in the base); only verbs of spending or earning."""
    ctx.sentence.scan(
        r"what (?:every|each|each and every) (?P<rows>{T}) (?:has |have |had )?(?P<col>{C})(?: with us| to us)?"
        r"(?: in total| in all| all told| altogether| overall)?(?= [?.!,;]|$)",
        lambda m: _spent_by_each(ctx, m),
    )


def _spent_by_each(ctx: Context, match: Match) -> bool:
    rows, item = match.item("rows"), match.item("col")
    if rows is None or item is None or not spent_said(match) or not isinstance(item.ref, ColumnRef):
        return False
    key = ctx.grounding.key_of(str(rows.ref))
    if str(rows.ref) == ctx.base or key is None or ctx.grounding.column(ctx.base, key) is None:
        return False
    column = ctx.column(item)
    if column is None or ctx.type_of(column) not in NUMERIC:
        return False
    ctx.groups.append(key)
    ctx.note(f"'{rows.text}' grouped by {key}")
    ctx.measures.append(Measure("sum", column, match.text))
    return True


def spent_said(match: Match) -> bool:
    """'what each customer has spent': 'has spent' is what they spent, not whether an amount is on record."""
    item = match.item("col")
    return item is not None and match.item("col2") is None and item.text.lower() in SPENT


# the periods a 'busiest' question asks of, and how the planner names their groups
BUSY_PERIODS = {
    "_day_of_week": r"days? of the week|weekdays?|week days?",
    "_month": r"months?",
    "_quarter": r"quarters?",
    "_year": r"years?",
}


def read_busiest_answered(ctx: Context) -> None:
    """'which days of the week keep us busiest? a count of orders per weekday would do': the question, said before
    the count of rows per those periods the request asks for, is what that count answers; asked alone it is left
    unread (a ranking of the periods is not guessed from it)."""
    counted = any(m.function == "count" and m.column is None for m in ctx.measures)
    for suffix, periods in BUSY_PERIODS.items():
        if not counted or not any(group.endswith(suffix) for group in ctx.groups):
            continue
        ctx.sentence.scan(
            r"(?:which|what) (?:" + periods + r") (?:keep us|keeps us|are|is|were|was|get|gets|tend to be)"
            r"(?: the)? (?:busiest|most busy)(?= [?.!]|$)",
            lambda m: True,
        )
