"""Spans counted back from now ('joined less than a year ago'): a tenure column's months when the dataset keeps
one, else refused, since the answer would depend on today's date rather than on the data."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.filters import compare
from datalinx.agents.offline.phrases import OP, comparison
from datalinx.agents.offline.plan import Condition, ident, literal
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.units import in_span, span_note, span_of
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


NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
       "ninth": 9, "tenth": 10}  # fmt: skip
NTH_WORDS = "|".join(NTH)  # a string, so the speller knows the words ('fifth' is no slip for 'fifty')
# after the span: who the time is spent with ('in their first year with us', 'as a subscriber', 'of membership')
SPENT = (
    r"(?: (?:with us|with the (?:company|business|firm)|on (?:the|our) books|as (?:a |an |our )?(?:{T}|customer|client"
    r"|member|subscriber)s?|of (?:their |its )?(?:membership|subscription|tenure|service)))?"
)


def _nth_span(ctx: Context, match: Match) -> bool:
    """'in their first year with us': a tenure within that span counted from joining ('first year': under 12
    months, 'second year': 12 up to 24); 'in their first 6 months': under 6; without a tenure column, refused."""
    unit, number, ordinal = match.group("unit") or match.group("unit2") or "", match.item("num"), match.item("n")
    column = tenure_column(ctx)
    if column is None:
        ctx.refuse(f"{match.text} (counted back from today, which the data does not say)")
        return True
    if number is not None:  # 'their first 6 months': the span said as a number, counted from the start
        span = in_span(number.ref, unit, column)
        low, high = (0, span) if isinstance(number.ref, int) and number.ref > 0 else (None, None)
    else:
        whole = in_span(1, unit, column)
        nth = NTH.get(match.group("nth") or "") or (ordinal.ref if ordinal is not None else 0)
        whole_number = isinstance(nth, int) and nth >= 1
        low, high = ((nth - 1) * whole, nth * whole) if whole is not None and whole_number else (None, None)
    if high is None or low is None:
        ctx.refuse(f"{match.text} ({span_note(column)})")
        return True
    name = ident(column)
    expression = f"{name} < {literal(high)}" if low == 0 else f"{name} >= {literal(low)} and {name} < {literal(high)}"
    ctx.note(f"read '{match.text}' as {column} " + (f"under {high}" if low == 0 else f"from {low} up to {high}"))
    ctx.plan.add_filter(Condition(expression, f"{column} within {match.text}", column))
    return True


def read_nth_spans(ctx: Context) -> None:
    """'in their first year with us', 'within their first 6 months': read before rankings take 'first 6'."""
    nth = r"(?:(?P<nth>" + NTH_WORDS + r")|(?P<n>{N}) (?:st|nd|rd|th))"
    ctx.sentence.scan(
        r"(?:still )?(?:in|within|during) (?:their|its|his|her) (?:very )?(?:"
        + nth
        + r" (?P<unit>year|month|quarter)|first (?P<num>{N}) (?P<unit2>years|months|quarters|weeks))"
        + SPENT,
        lambda m: _nth_span(ctx, m),
    )


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
