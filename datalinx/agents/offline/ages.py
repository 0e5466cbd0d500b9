"""Ages said in words: the scope's age column, and decades of life ('in their twenties', 'in their 40s')."""

from __future__ import annotations

import re
from typing import Any

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.dates import decade_word
from datalinx.agents.offline.plan import Condition, ident
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import NUMBER_WORDS
from datalinx.core.pipelines.types import NUMERIC


def age_column(ctx: Context) -> str | None:
    """The age column of the first dataset in scope that has one."""
    for name in ctx.reading.scope:
        refs = ctx.grounding.columns_named(("age",), [name])
        if refs:
            return ctx.use(refs[0])
    return None


def _decade(ctx: Context, match: Match) -> bool:
    """'in their twenties', 'in their 30s': an age from the decade's first year to its last."""
    word, number = match.group("decade"), match.item("num") or match.item("dated")
    low: Any = decade_word(word or "") or (number.ref if number is not None else None)
    if number is not None and number.kind == "date":  # '40s' read as the 1940s
        low = int(number.text[:-1]) if re.fullmatch(r"\d0s", number.text) else None
    if not isinstance(low, int) or low % 10 or not 10 <= low <= 90:
        return False
    column = age_column(ctx)
    if column is None or ctx.type_of(column) not in NUMERIC:
        ctx.refuse(f"{match.text} (no age column)")
        return True
    condition = Condition(f"{ident(column)} >= {low} and {ident(column)} <= {low + 9}", f"{column} {low}-{low + 9}")
    condition.column = column
    ctx.plan.add_filter(condition)
    return True


def _something(ctx: Context, match: Match) -> bool:
    """'aged thirty-something', 'who are 40-something': an age anywhere in that decade."""
    word, number = match.group("tens") or match.group("joined"), match.item("num")
    low = NUMBER_WORDS.get(word or "") if number is None else number.ref
    if not isinstance(low, int) or low % 10 or not 20 <= low <= 90:
        return False
    start = match.indexes[0]
    before = ctx.sentence.items[start - 1] if start > 0 else None
    people = before is not None and before.kind == "ds" and str(before.ref) != ctx.base  # 'orders from customers ...'
    column = age_column(ctx) if people or ctx.grounding.columns_named(("age",), [ctx.base]) else None
    if column is None or ctx.type_of(column) not in NUMERIC:
        ctx.refuse(f"{match.text} (no age of the {ctx.base})")  # 'orders that are forty something'
        return True
    if any(i.ref.column != column for i in match.items("col")):
        return False  # 'income thirty-something' names another column
    ctx.note(f"read '{match.text}' as {column} from {low} to {low + 9}")
    condition = Condition(f"{ident(column)} >= {low} and {ident(column)} <= {low + 9}", f"{column} {low}-{low + 9}")
    condition.column = column
    ctx.plan.add_filter(condition)
    return True


def _open_ended(ctx: Context, match: Match) -> bool:
    """'65 or older', '18 and younger': the age at that bound or beyond it."""
    number = match.item("num")
    if number is None or not isinstance(number.ref, int | float):
        return False
    column = age_column(ctx)
    if any(i.ref.column != column for i in match.items("col")):
        return False  # 'income 50 or older' names another column
    if column is None:
        ctx.refuse(f"{match.text} (no age column)")
        return True
    operator = ">=" if match.group("dir") in ("older", "over", "above", "more") else "<="
    expression = f"{ident(column)} {operator} {number.ref}"
    ctx.plan.add_filter(Condition(expression, f"{column} {operator} {number.text}", column))
    return True


def read_ages(ctx: Context) -> None:
    """Ages by decade and open-ended ('65 or older'), read before dates so 'in their 40s' is no decade of years."""
    ctx.sentence.scan(
        r"(?:aged |{C} )?(?P<num>{N})(?: years old| years| {C})? (?:or|and) (?P<dir>older|younger)",
        lambda m: _open_ended(ctx, m),
    )
    # 'aged 40 or over': said as an age, the bound's words need not be of age
    ctx.sentence.scan(
        r"(?:aged|{C}) (?P<num>{N})(?: years old| years)? (?:or|and) (?P<dir>over|above|more|under|below|less)",
        lambda m: _open_ended(ctx, m),
    )
    # 'aged thirty-something', 'who are 40-something', 'thirtysomething year olds': said as an age, the decade
    tens = "|".join(w for w, n in NUMBER_WORDS.items() if n % 10 == 0 and 20 <= n <= 90)
    something = (
        r"(?:(?P<tens>" + tens + r") something|(?P<joined>" + tens + r")something|(?P<num>{N})(?: -)? something)"
    )
    aged = r"(?:aged|{C}|(?:who|that) (?:are|is|was|were)) " + something + r"(?: years? olds?| years old)?"
    ctx.sentence.scan(aged, lambda m: _something(ctx, m))
    ctx.sentence.scan(something + r" (?:years? olds?|years old|years? {C}|{C})", lambda m: _something(ctx, m))
    decades = r"(?P<decade>[a-z]+(?:ies|ys))"  # a decade word, misspelt 'twentys' too
    owner = r"in (?:their|there|his|her|my|your|our) (?:" + decades + r"|(?P<num>{N}) s|(?P<dated>{D}))"
    ctx.sentence.scan(owner, lambda m: _decade(ctx, m))
