"""A price said by the verb of selling: 'priced at fifty or less', 'a single unit went for more than a grand', 'each
unit cost under 20', 'sold at 100 or more': a test of the base's own price column (its unit price when the words
say one unit), refused when the rows keep no price."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.filters import compare
from datalinx.agents.offline.grounding import name_words
from datalinx.agents.offline.phrases import OP, comparison
from datalinx.agents.offline.sentence import Match
from datalinx.core.pipelines.types import NUMERIC

# One unit of what the row sold: 'a single unit', 'each item', 'per piece' ('unit' may be read as a column).
ONE_UNIT = r"(?P<one>(?:a single|a|one|each|every|per|the) (?P<unit>unit|item|piece|{C}))"
UNIT_WORDS = frozenset({"unit", "units", "item", "items", "piece", "pieces"})
# Verbs a price is said with (which may be read as the price column itself: 'priced'); those of cost and going
# ('cost', 'went for') only after one unit: 'orders costing over 100' is their amount, read elsewhere.
PRICE_VERBS = frozenset({"priced", "listed", "retailing", "retails", "retailed"})
PRICED = (
    r"(?:(?:is |are |was |were |being )?(?P<verb>{C}|priced|listed|retailing|retails|retailed|on sale)(?: at| for)?"
    r"|sold at)"
)
COSTING = r"(?:went|goes|go|going|sold|sells|sell|selling|costing|costs|cost|costed|(?P<cverb>{C}))(?: at| for)?"
COST_VERBS = frozenset({"costing", "costs", "cost", "costed", "sold", "selling", "sells", "sell"})
ONWARDS = {"or less": "<=", "or under": "<=", "and under": "<=", "and below": "<=", "or lower": "<=",
           "or more": ">=", "or over": ">=", "and over": ">=", "and above": ">=", "and up": ">=", "plus": ">=",
           "or higher": ">="}  # fmt: skip
MONEY = r"(?: (?:(?P<money>{V})|euros?|dollars?|bucks|quid|pounds|eur|usd|each|apiece|a piece|per unit|a unit))?"
AMOUNT = (
    r"(?:(?P<op>"
    + OP
    + r") (?P<num>{N})"
    + MONEY
    + r"|(?P<num2>{N})"
    + MONEY.replace("money", "money2")
    + r" (?P<tail>"
    + "|".join(sorted(ONWARDS, key=len, reverse=True))
    + r")|(?P<num3>{N})"
    + MONEY.replace("money", "money3")
    + r"(?= [.?!,;]|$| and | or | but ))"
)


def price_column(ctx: Context, one_unit: bool) -> str | None:
    """The base's numeric price column; of several, the unit price when one unit is said."""
    columns = [
        c.name
        for c in ctx.grounding.dataset(ctx.base).columns
        if "price" in name_words(c.name) and c.type in NUMERIC and not ctx.grounding.is_key(ctx.base, c.name)
    ]
    units = [c for c in columns if "unit" in name_words(c)]
    if one_unit and units:
        return units[0]
    return columns[0] if len(columns) == 1 else None


def _verb_said(match: Match) -> bool:
    """Whether the words read as columns are the verb and the unit themselves ('priced' read as price)."""
    verb, cost, unit = match.item("verb"), match.item("cverb"), match.item("unit")
    if unit is not None and unit.kind == "col" and match.group("said") is None:
        # 'each unit cost 250': the unit and its verb read together as one column ('unit cost')
        words = set(unit.norm.split())
        return bool(words & UNIT_WORDS) and bool(words & (COST_VERBS | PRICE_VERBS | {"price"}))
    return (
        (verb is None or verb.kind != "col" or verb.norm in PRICE_VERBS)
        and (cost is None or cost.norm in COST_VERBS)
        and (unit is None or unit.kind != "col" or unit.norm in UNIT_WORDS)
    )


def _priced(ctx: Context, match: Match) -> bool:
    if not _verb_said(match):
        return False
    money = match.item("money") or match.item("money2") or match.item("money3")
    if money is not None and money.kind == "val":
        ctx.note(f"read '{money.text}' as the unit of the amount, not as a {money.ref.column} filter")
    number = match.item("num") or match.item("num2") or match.item("num3")
    said = match.group("op") or match.group("tail") or ""
    operator = comparison(said) or ONWARDS.get(said) or ("=" if match.group("num3") else None)
    if number is None or operator is None or number.kind not in ("num",):
        return False
    column = price_column(ctx, bool(match.group("one")))
    if column is None:
        ctx.refuse(f"{match.text} (the {ctx.base} keep no price)")
        return True
    words = {">": "over", ">=": "at least", "<": "under", "<=": "at most", "=": "equal to"}[operator]
    ctx.note(f"read '{match.text}' as a test of {column}")
    return compare(ctx, column, operator, number, words)


def read_prices_said(ctx: Context) -> None:
    """'priced at fifty or less', 'a single unit went for more than a grand', 'each unit cost under 20'."""
    scan = ctx.sentence.scan
    scan(ONE_UNIT + r" (?:(?P<said>" + PRICED + r"|" + COSTING + r") )?" + AMOUNT, lambda m: _priced(ctx, m))
    scan(r"(?:(?:that|which|who) )?" + PRICED + r" " + AMOUNT, lambda m: _priced(ctx, m))
