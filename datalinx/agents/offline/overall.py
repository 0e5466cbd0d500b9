"""A summary said to be over every row: 'the average order value across all our orders', 'the total revenue over
every order', 'just the one number': no grouping, one figure."""

from __future__ import annotations

from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import AGGREGATES
from datalinx.core.pipelines.types import NUMERIC

SUMMARY_WORDS = frozenset({*AGGREGATES, "many", "much"})
# 'over the entire churn dataset', 'across our whole orders table': every row of the table named
WHOLE = r"(?:the|our) (?:whole|entire|full|complete)"
ALL_ROWS = (
    r"(?:across|over|for|among|from) (?:all|every|each and every|the whole of|all of|" + WHOLE + r")"
    r"(?: (?:the|our))? (?P<rows>{T})(?: (?:dataset|table|data|file|list|set))?"
    r"(?: (?:combined|together|put together|taken together))?"
)
# the figure a summary with no groups already is: 'just the one number', 'as a single figure', 'just need the
# number', 'a single figure is fine'; after rows never counted ('customers in Germany, just need the number') it is
# a count the planner did not read, left unread
FIGURE = r"(?:number|figure|count|total|value|result|answer)"
ONE_NUMBER = (
    r"(?:, )?(?:(?:(?:i|we) )?(?:just|only) (?:need|want) (?:the|a|one) (?:single |one )?"
    + FIGURE
    + r"|(?:a|one) (?:single )?(?:number|figure) (?:is|will do|would do)(?: fine| enough| ok| okay)?"
    r"|(?:as |in )?(?:just |only )?(?:the |a |one )?(?:one|single) "
    + FIGURE
    + r"|(?:just |only )(?:the |a |one )"
    + FIGURE
    + r"|(?:just |only )?(?:one|a) (?:number|figure))(?: please| pls)?(?= [?.!;,]|$| thanks)"
)


# every date the data holds: 'across the whole history', 'over all time' (no test of the dates, when none is said)
WHOLE_SPAN = (
    r"(?:, )?(?:(?:across|over|for|in|through|throughout|covering) (?:the |our |all (?:of )?(?:the |our )?)?(?:whole"
    r" |entire |full |complete )?(?:history|time range|timeline|lifetime|period|dataset|data)|(?:across |over |for "
    r"|in )?all (?:time|history)|since (?:the beginning|forever|day one))(?= [?.!;,]|$)"
)
# every row counted together: 'all told', 'in total', 'overall' after a summary with no groups
ALL_TOLD = r"(?:, )?(?:all told|in total|overall|altogether|all in all|in all|all together|combined)(?= [?.!;,]|$)"
# each row one purchase: 'bought 10 or more units in one go' over orders asks nothing more of the rows
ONE_GO = r"(?:in (?:one|a single) (?:go|order|purchase|transaction|sale|@t\d+)|at once)(?= [?.!;,]|$)"
DATED = frozenset({"date", "year", "month"})  # items that name a time: a span of the history
PURCHASES = frozenset({"order", "orders", "purchase", "purchases", "sale", "sales", "transaction", "transactions"})


def read_over_all_rows(ctx: Context) -> None:
    """'across all our orders' in a summary: the measure over every row of the base, which is no grouping; 'across
    the whole history' where no date is said: no test of the dates."""
    ctx.sentence.scan(r"(?:(?P<what>{C}) )?" + ALL_ROWS, lambda m: _over_all_rows(ctx, m))
    ctx.sentence.scan(WHOLE_SPAN, lambda m: not any(i.kind in DATED for i in ctx.sentence.items))


def read_all_told(ctx: Context) -> None:
    """'all told' after a summary with no groups: the one figure it is; 'in one go' after a test of a purchase's
    rows: each row is one purchase already. Read after the measures (so 'in total' asks a sum first) and the tests."""
    if ctx.measures and not ctx.groups:
        ctx.sentence.scan(ALL_TOLD, lambda m: True)
    said = next((i for i in ctx.sentence.items if i.kind == "ds" and str(i.ref) == ctx.base), None)
    if said is not None and said.norm in PURCHASES and ctx.plan.filters and not (ctx.groups or ctx.measures):
        ctx.sentence.scan(ONE_GO, lambda m: all(i.norm in PURCHASES for i in m.items() if i.kind == "ds"))


def _over_all_rows(ctx: Context, match: Match) -> bool:
    rows, what = match.item("rows"), match.item("what")
    if rows is None or str(rows.ref) != ctx.base or ctx.groups:
        return False
    said = what.text.lower().split()[0] if what is not None else ""
    column = ctx.column(what) if what is not None and said in ("total", "sum") else None
    if column is not None and ctx.type_of(column) in NUMERIC:
        ctx.measures.append(Measure("sum", column, match.text))  # 'the total revenue across all orders': its sum
        return True
    if not any(i.norm in SUMMARY_WORDS for i in ctx.sentence.items):
        return False  # no summary asked: 'across all orders' is read with the rest
    _, start = match.match.span("what") if what is not None else (0, -1)
    for index in match.indexes:
        ctx.sentence.items[index].consumed |= ctx.sentence.offsets[index] > start
    return False


def read_one_number(ctx: Context) -> None:
    """'just the one number', 'as a single figure' after a summary with no groups: the figure it already is."""
    if ctx.measures and not ctx.groups:
        ctx.sentence.scan(ONE_NUMBER, lambda m: "total" not in m.text.split() or _totalled(ctx))


def _totalled(ctx: Context) -> bool:
    """Whether 'just the total' is the figure asked: a count or a sum, not an average ('the average price, just the
    total' says another measure)."""
    return all(m.function in ("count", "count_distinct", "sum") for m in ctx.measures)
