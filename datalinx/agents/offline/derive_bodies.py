"""The body of a computed column said in words of one kind: a column rounded ('price rounded to 2 decimals'), the
days between two dates ('days between order and ship date'), a period of a date ('the year of birth_date')."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.plan import ident
from datalinx.agents.offline.sentence import Item
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL

ARTICLES = frozenset({"the", "a", "an", "its", "their"})
PERIOD_FUNCTIONS = {"year": "year", "month": "month", "quarter": "quarter", "week": "week", "day": "day"}

ROUNDED_TAIL = (
    [],
    ["to", "the", "nearest", "whole", "number"],
    ["to", "nearest", "whole", "number"],
    ["to", "a", "whole", "number"],
    ["to", "the", "nearest", "integer"],
    ["to", "an", "integer"],
    ["to", "whole", "numbers"],
    ["to", "the", "nearest", "unit"],
)


def rounded(ctx: Context, items: list[Item]) -> str | None:
    """'price rounded to the nearest whole number', 'price rounded to 2 decimals': round() of a numeric column."""
    words = [i for i in items if i.kind != "punct"]
    words = words[1:] if words and words[0].kind == "word" and words[0].norm in ARTICLES else words
    if len(words) < 2 or words[0].kind != "col" or words[1].norm not in ("rounded", "round"):
        return None
    tail = [i.norm for i in words[2:]]
    digits = 0
    if tail not in ROUNDED_TAIL:
        places = words[2:]
        said = [i.norm for i in places[:1]] + [i.norm for i in places[2:]]
        decimal = said in (["to", "decimals"], ["to", "decimal", "places"], ["to", "places"], ["to", "digits"])
        if not decimal or places[1].kind != "num" or not isinstance(places[1].ref, int):
            return None
        digits = places[1].ref
    column = ctx.column(words[0])
    if column is None or ctx.type_of(column) not in NUMERIC:
        return None
    return f"round({ident(column)}, {digits})" if digits else f"round({ident(column)})"


# 'days from A to B', 'the number of days between A and B', 'how many days A to B': the words before two dates
DAYS_SAID = (["days"], ["number", "of", "days"], ["how", "many", "days"], ["whole", "days"], ["count", "of", "days"])


def days_between(ctx: Context, items: list[Item]) -> str | None:
    """'ship date minus order date (in days)', 'days from order_date to ship_date': the whole days from one date to
    another (the later named first after 'minus', last after 'from' or 'between')."""
    words = [i for i in items if i.kind != "punct" and not (i.kind == "word" and i.norm in ARTICLES)]
    said = next((len(w) for w in DAYS_SAID if [i.norm for i in words[: len(w)]] == w), 0)
    if said and len(words) == said + 4 and words[said].norm in ("from", "between"):
        first, joint, second = words[said + 1 :]
        if joint.norm not in ("to", "until", "till", "and"):
            return None
        ordered = (second, first)
    elif said and len(words) == said + 3 and words[said + 1].norm in ("to", "until", "till"):
        ordered = (words[said + 2], words[said])
    elif len(words) >= 3 and [i.norm for i in words[3:]] in ([], ["in", "days"], ["in", "whole", "days"]):
        if words[1].norm not in ("-", "minus", "less"):
            return None
        ordered = (words[0], words[2])
    else:
        return None
    columns = [ctx.column(i) if i.kind == "col" else _head_shared(ctx, i, ordered) for i in ordered]
    dates = [c for c in columns if c is not None and ctx.type_of(c) in TEMPORAL]
    if len(dates) != 2:
        return None
    end, start = (ctx.as_date(c) for c in dates)
    return f"date_diff('day', {start}, {end})"


def _head_shared(ctx: Context, item: Item, pair: tuple[Item, Item]) -> str | None:
    """'between order and ship date': a word that names a column with the other date's last word ('order date'), a
    word of that column's own name."""
    other = next((i for i in pair if i is not item and i.kind == "col"), None)
    if other is None or " " not in other.text.strip() or item.kind not in ("word", "ds"):
        return None
    word, head = item.text.lower(), other.text.lower().split()[-1]
    refs = ctx.grounding.columns_named((word, head), [ctx.base])
    return next((r.column for r in refs if word in r.column.split("_") and r.strength >= 3), None)


PERIOD_TAILS = ([], ["fell", "in"], ["falls", "in"], ["was", "in"], ["is", "in"])


def period_of(ctx: Context, items: list[Item]) -> str | None:
    """'year of birth_date', "order_date's month", 'the year order_date fell in': a period of one date column."""
    words = [i for i in items if i.kind != "punct" and not (i.kind == "word" and i.norm in ARTICLES)]
    if len(words) == 3 and words[0].norm in PERIOD_FUNCTIONS and words[1].norm == "of":
        unit, item = words[0].norm, words[2]
    elif len(words) == 2 and words[1].norm in PERIOD_FUNCTIONS:
        unit, item = words[1].norm, words[0]
    elif len(words) >= 2 and words[0].norm in PERIOD_FUNCTIONS and [i.norm for i in words[2:]] in PERIOD_TAILS[1:]:
        unit, item = words[0].norm, words[1]
    else:
        return None
    column = ctx.column(item) if item.kind == "col" else None
    if column is None or (ctx.type_of(column) not in TEMPORAL and not column.endswith("_date")):
        return None  # text of dates is read as dates; any other column has no year
    return f"{PERIOD_FUNCTIONS[unit]}({ctx.as_date(column)})"
