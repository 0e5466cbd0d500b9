"""Spans counted back from now ('joined less than a year ago'): a tenure column's months when the dataset keeps
one, else refused, since the answer would depend on today's date rather than on the data."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.filters import compare
from datalinx.agents.offline.phrases import OP, comparison
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.units import span_of
from datalinx.core.pipelines.types import NUMERIC

STARTED = (
    r"(?:joined|signed up|signed on|registered|subscribed|enrolled|started|came on board|"
    r"became (?:a |our )?(?:customer|client|member|subscriber)s?)"
)


def tenure_column(ctx: Context) -> str | None:
    """The base's numeric column counting how long a row has been a customer ('tenure_months'), or None."""
    refs = ctx.grounding.columns_named(("tenure",), [ctx.base])
    column = ctx.use(refs[0]) if refs else None
    return column if column is not None and ctx.type_of(column) in NUMERIC and span_of(column) else None


def _ago(ctx: Context, match: Match) -> bool:
    """'joined less than a year ago': a tenure shorter than a year; without a tenure column, refused."""
    number, words = match.item("num"), (match.group("op") or "").strip()
    operator = comparison(words) or ("=" if words in EXACTLY else None)
    if number is None or operator is None:
        return False
    column = tenure_column(ctx)
    if column is None:
        ctx.refuse(f"{match.text} (counted back from today, which the data does not say)")
        return True
    ctx.note(f"read '{match.text}' as {column}: how long each row has been with us")
    return compare(ctx, column, operator, number, words, match.group("unit"))


EXACTLY = ("exactly", "precisely")
STAYED = (
    r"(?:stayed|stuck around|been around|(?:been )?(?:a |our )?(?:customer|client|member|subscriber)s?(?: with us)?"
    r"|been (?:a |an |our )?{T}(?: with us)?"
    r"|been subscribed|(?:been )?with us|(?:been )?with the (?:company|business|firm)|(?:been )?on board"
    r"|been signed up|(?:been )?on (?:the|our) (?:books|roster|rolls)|(?:been )?signed up with us|been around)"
)


def _stayed(ctx: Context, match: Match) -> bool:
    """'stuck with us for more than four years': the time stayed, said with the flag of staying (not churned)."""
    item = match.item("col")
    if item is not None and (item.kind != "col" or not ctx.grounding.is_flag(item.ref.dataset, item.ref.column)):
        return False
    return _ago(ctx, match)


def read_tenures(ctx: Context) -> None:
    """'signed up more than 2 years ago', 'became a customer less than 6 months ago', 'stuck with us for more than
    four years'."""
    ctx.sentence.scan(
        r"(?:(?P<col>{C})|" + STAYED + r")(?: with us)? for (?P<op>" + OP + r"|exactly|precisely) (?P<num>{N}) "
        r"(?P<unit>years?|months?|weeks?)",
        lambda m: _stayed(ctx, m),
    )
    # 'with more than a year on the books', 'under six months as a customer': the time kept, said after it
    kept = r"(?:on (?:the|our) (?:books|roster|rolls)|with us|as (?:a |an |our )?(?:{T}|customer|client|member)s?)"
    ctx.sentence.scan(r"(?P<op>" + OP + r") (?P<num>{N}) (?P<unit>years?|months?|weeks?) " + kept,
                      lambda m: _ago(ctx, m))  # fmt: skip
    ctx.sentence.scan(
        r"(?:{C} |" + STARTED + r" )(?:with us )?(?P<op>" + OP + r") (?P<num>{N}) "
        r"(?P<unit>years?|months?|weeks?|days?|quarters?) ago",
        lambda m: _ago(ctx, m),
    )
