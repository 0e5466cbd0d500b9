"""Amounts per period ('paying less than 30 a month', 'between 50 and 80 monthly'): the one numeric column kept
per that period (monthly_charges); read before groupings so 'per month' is no grouping by month."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.filters import OPERATOR, _operator, compare
from datalinx.agents.offline.grounding import ColumnRef, name_words
from datalinx.agents.offline.phrases import BRIDGE, OP
from datalinx.agents.offline.plan import Condition, ident, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.core.pipelines.types import NUMERIC

PERIODS = {"monthly": "month", "yearly": "year", "weekly": "week", "daily": "day"}
RATES = {"month": ("monthly",), "year": ("annual", "yearly", "annually"), "week": ("weekly",), "day": ("daily",)}
PER = r" (?:(?:a|an|per|each|every|/) (?P<period>month|year|week|day)|(?P<adverb>monthly|yearly|weekly|daily))"
# what a column so named holds is a year's amount, though its name says no period ('earn less than 30k a year')
YEARLY_NAMES = frozenset({"income", "incomes", "salary", "salaries", "earnings"})
# a bound said after its number: '100+ a month', '50 or more monthly'
AFTER = {"plus": ">=", "or more": ">=", "and above": ">=", "and over": ">=", "and up": ">=", "or above": ">=",
         "or less": "<=", "or fewer": "<=", "and below": "<=", "and under": "<=", "or below": "<="}  # fmt: skip


def _rated_column(ctx: Context, match: Match) -> str | bool:
    """The column kept per the match's period; False: not this reading; True: refused (said why)."""
    item = match.item("col")
    period = match.group("period") or PERIODS.get(match.group("adverb") or "", "")
    adjectives = RATES.get(period)
    if adjectives is None:
        return False
    rated = [
        ColumnRef(d, c.name, c.type, 3) for d in ctx.reading.scope for c in ctx.grounding.dataset(d).columns
        if c.type in NUMERIC and set(name_words(c.name)) & set(adjectives)
    ]  # fmt: skip
    if item is not None and item.kind == "col" and item.ref.type in NUMERIC:
        if period == "year" and set(name_words(item.ref.column)) & YEARLY_NAMES:
            return ctx.column(item) or True  # an income is a year's amount: 'a year' says what it holds already
        if all(r.column != item.ref.column for r in rated):
            return False  # 'income over 3000 a month' names its own column
    elif item is not None and item.ref.strength > 1:
        return False  # a column named outright is not the verb of paying
    if not rated:
        return False  # no column is kept per period: other readings ('orders over 100 per month' counted) stand
    if len(rated) > 1:
        ctx.refuse(f"{match.text} (more than one column holds amounts per {period})")
        return True
    column = ctx.use(rated[0])
    ctx.note(f"read '{match.text}' as a test on {column}")
    return column


def _rated(ctx: Context, match: Match) -> bool:
    """'paying less than 30 a month'."""
    number, parsed = match.item("num"), _operator(match)
    if number is None or parsed is None:
        return False
    column = _rated_column(ctx, match)
    if isinstance(column, bool):
        return column
    return compare(ctx, column, parsed[0], number, parsed[1])


def _rated_after(ctx: Context, match: Match) -> bool:
    """'paying 100+ a month', 'charged 50 or more monthly': the bound said after the number."""
    number = match.item("num")
    operator = AFTER.get(match.group("op") or "")
    if number is None or operator is None:
        return False
    column = _rated_column(ctx, match)
    if isinstance(column, bool):
        return column
    return compare(ctx, column, operator, number, "at least" if operator == ">=" else "at most")


def _rated_range(ctx: Context, match: Match) -> bool:
    """'paying between 50 and 80 a month'."""
    low, high = match.item("low"), match.item("high")
    if low is None or high is None or low.kind != "num" or high.kind != "num":
        return False
    column = _rated_column(ctx, match)
    if isinstance(column, bool):
        return column
    name = ident(column)
    expression = f"{name} >= {literal(low.ref)} and {name} <= {literal(high.ref)}"
    ctx.plan.add_filter(Condition(expression, f"{column} between {low.text} and {high.text}", column))
    return True


def rated_item(ctx: Context, match: Match, column: str, norm: str) -> Item | None:
    """The words of `match` read as `column`, the base's column kept per period (a test read of them said again as
    the column), or None when the base has no such column."""
    facts = ctx.grounding.column(ctx.base, column)
    if facts is None:
        return None
    if ctx.assumptions and ctx.assumptions[-1].endswith(f"as a test on {column}"):
        ctx.assumptions[-1] = f"read '{match.text}' as the column {column}"
    start, end = match.indexes[0], match.indexes[-1]
    items = ctx.sentence.items
    named = Item("col", match.text, norm, ColumnRef(ctx.base, column, facts.type, 3), start=items[start].start)
    named.end = items[end].end
    return named


def _rate_named(ctx: Context, match: Match) -> bool:
    """'how much they pay each month': the column kept per that period, named by the verb of paying; read as that
    column for the clauses around it (a sort key, a column to show), not consumed."""
    item = match.item("col")
    if item is None or item.kind != "col" or item.ref.strength > 1:
        return False
    column = _rated_column(ctx, match)
    if not isinstance(column, str):
        return column
    named = rated_item(ctx, match, column, item.norm)
    if named is None:
        return False
    start, end = match.indexes[0], match.indexes[-1]
    items = ctx.sentence.items
    most = match.group("most")
    if most:  # 'who pay the most per month': the rows with the most of it
        words = [Item("word", w, w, start=named.start, end=named.start) for w in ("with", "the", most)]
        items[start : end + 1] = [*words, named]
    else:
        ctx.sentence.fold(start, end, named)
    return False


def read_rates(ctx: Context) -> None:
    """Amounts and ranges of amounts per period."""
    scan = ctx.sentence.scan
    scan(r"(?:(?:who|that|which) )?(?P<col>{C}) (?:the )?(?P<most>most|least)" + PER, lambda m: _rate_named(ctx, m))
    who = r"(?:(?:do |does |did )?(?:they |it |he |she |you |we |(?:a |an |each |every |the |our )?{T} ))?"
    scan(r"(?:how much |what )?" + who + r"(?P<col>{C})(?: us| you| me)?" + PER + r"(?! (?:@[ny]\d+|" + OP + "))",
         lambda m: _rate_named(ctx, m))  # fmt: skip
    # 'charged over 30 a month': a verb of billing, which the amount kept per period answers
    said = r"(?:(?P<col>{C}) " + BRIDGE + r"|(?:charged|billed|invoiced) )?"
    scan(said + OPERATOR + r" (?P<num>{N})" + PER, lambda m: _rated(ctx, m))
    after = "(?P<op>" + "|".join(AFTER) + ")"
    scan(said + r"(?P<num>{N}) " + after + PER, lambda m: _rated_after(ctx, m))
    span = r"(?:between |from )?(?P<low>{N}) (?:and|to|-) (?P<high>{N})"
    scan(r"(?:(?P<col>{C}) )?" + span + PER, lambda m: _rated_range(ctx, m))
