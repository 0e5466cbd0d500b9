"""Row tests on numbers and text: 'total revenue over 100', 'between 2 and 5 items', 'email ends with .de'."""

from __future__ import annotations

import re
from typing import Any

from datalinx.agents.offline.ages import age_column
from datalinx.agents.offline.amounts import read_figures
from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.filter_dates import year_bound
from datalinx.agents.offline.idioms import lasted
from datalinx.agents.offline.phrases import BRIDGE, OP, comparison
from datalinx.agents.offline.plan import Condition, ident, literal
from datalinx.agents.offline.relations import read_relations
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.tokens import TIMES
from datalinx.agents.offline.units import SPANS, in_span, in_unit, numeric_view, span_note, span_of
from datalinx.agents.offline.words import PEOPLE, PERSONS
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL

UNIT = (
    r"(?: (?P<unit>{V}|years old|years {C}|years|year old|year {C}|old|"
    r"units|items|pieces|kg|kgs|kilos|kilograms|g|grams|lb|lbs|pounds|oz|ounces|months?|weeks?|days?|year|calls|times|"
    r"(?:separate |different )?occasions|"
    r"percent|%"
    r"|bucks|quid|euros|dollars|eur|usd))?"
)
NUMBER = r"(?:(?:the |a )?(?:value|amount|level|figure|threshold|sum|total) of )?(?P<num>{N}|{D})" + UNIT
OPERATOR = rf"(?P<neg>not )?(?P<op>{OP})"
COUNTED_UNITS = frozenset({"units", "items", "pieces"})  # what a whole-number column counts, never an amount
SYMBOLS = {">": "over", ">=": "at least", "<": "under", "<=": "at most", "=": "equal to", "!=": "not equal to"}
FLIP = {">": "<=", ">=": "<", "<": ">=", "<=": ">", "=": "!=", "!=": "="}
AGE_WORDS = {"older": ">", "younger": "<"}
DATED_WORDS = {"older": "<", "younger": ">"}  # of a date: older is earlier
WEIGHT_WORDS = {"heavier": ">", "lighter": "<"}
PRICE_WORDS = {"cheaper": "<", "less expensive": "<", "more expensive": ">", "pricier": ">", "costlier": ">"}


def number_of(item: Item | None) -> Any:
    return item.ref if item is not None else None


def compare(ctx: Context, column: str, operator: str, item: Item, words: str, unit: str | None = None) -> bool:
    """Add `column <operator> value`; a year against a date column becomes a date bound."""
    kind = ctx.type_of(column)
    value = item.ref
    date_like = kind in TEMPORAL or (kind == "string" and "date" in column)
    if item.kind == "date" or (date_like and item.kind == "year"):
        if not date_like:
            return False
        target = ctx.as_date(column)
        bound = year_bound(item, operator)
        if bound is None:
            return False
        op, day = bound
        ctx.plan.add_filter(Condition(f"{target} {op} {literal(day)}", f"{column} {words} {item.text}", column))
        return True
    if kind not in NUMERIC and item.kind in ("num", "year") and not unit and _code_prefix(ctx, column) is not None:
        # 'orders with id over 5000' over codes such as 'O000013': the number the code holds
        prefix = _code_prefix(ctx, column)
        number = f"to_number(substr({ident(column)}, {len(prefix or '') + 1}, length({ident(column)})))"
        ctx.note(f"{column} holds codes ('{prefix}' and digits); compared the number in each code")
        ctx.plan.add_filter(Condition(f"{number} {operator} {literal(value)}", f"{column} {words} {item.text}", column))
        return True
    if kind not in NUMERIC:
        converted = numeric_view(ctx, column)  # "heavier than 2 kg" over '1.00 kg', '250 g', '3.59 lb'
        if converted is None:
            if item.kind in ("num", "year") and ctx.grounding.is_key(ctx.base, column):
                ctx.refuse(f"{words} {item.text} ({column} holds text codes, not numbers)")
                return True
            return False
        column, value = converted, in_unit(ctx, value, unit, column)
    spanned = in_span(value, unit, column)
    ageless = SPANS.get((unit or "").lower()) == "year" and span_of(column) is None and column != age_column(ctx)
    if spanned is None or ageless:  # 'cheaper than 2 years': a span of a column that counts none
        ctx.refuse(f"{words} {item.text} {unit} ({span_note(column)})")
        return True
    said = item.text
    if spanned != value:
        ctx.note(f"read '{item.text} {unit}' as {literal(spanned)} {span_of(column)}s of {column}")
        value, said = spanned, literal(spanned)  # 'less than a year': tenure_months less than 12
    condition = Condition(f"{ident(column)} {operator} {literal(value)}", f"{column} {words} {said}", column)
    if operator == "=":
        condition.values = [value]
    ctx.plan.add_filter(condition)
    return True


def _code_prefix(ctx: Context, column: str) -> str | None:
    """The letters every sampled value of a key column starts with before its digits ('O' of 'O000013'), or None."""
    if not ctx.grounding.is_key(ctx.base, column):
        return None
    facts = ctx.grounding.column(ctx.base, column)
    values = [v for v in (facts.top_values if facts is not None else []) if isinstance(v, str)]
    found = {re.fullmatch(r"([A-Za-z]*)(\d+)", v) for v in values}
    if not values or None in found:
        return None
    prefixes = {m.group(1) for m in found if m is not None}
    return prefixes.pop() if len(prefixes) == 1 else None


def _operator(match: Match) -> tuple[str, str] | None:
    text = match.group("op") or ""
    equal = ("=", "==", "equals", "equal to", "is equal to", "exactly", "is exactly", "precisely")
    operator = comparison(text) or ("=" if text in equal else None)
    if operator is None:
        return None
    if match.group("neg"):
        return FLIP[operator], f"not {text}"
    return operator, text


def _unit(ctx: Context, match: Match) -> None:
    unit = match.item("unit")
    if unit is not None and unit.kind == "val":
        ctx.note(f"read '{unit.text}' as the unit of the amount, not as a {unit.ref.column} filter")


def _with_column(ctx: Context, match: Match) -> bool:
    column_item, number = match.item("col"), match.item("num")
    parsed = _operator(match)
    if column_item is None or number is None or parsed is None:
        return False
    if _not_its_test(ctx, column_item, number, parsed[1]):
        return False
    column = ctx.column(column_item)
    if column is None:
        return True
    _unit(ctx, match)
    return compare(ctx, column, parsed[0], number, parsed[1], match.group("unit"))


def _not_equal(ctx: Context, match: Match) -> bool:
    item, number = match.item("col"), match.item("num")
    if item is None or number is None or number.kind != "num" or item.kind != "col" or item.ref.type not in NUMERIC:
        return False
    column = ctx.column(item)
    return column is None or compare(ctx, column, "!=", number, "not equal to")


def _counted_by_verb(ctx: Context, match: Match) -> bool:
    """Whether the verb before a count column is the count's own ('called' of support_calls); then its test."""
    item, verb = match.item("col"), match.group("verb") or ""
    if item is None or item.kind != "col" or ctx.grounding.column(item.ref.dataset, item.ref.column) is None:
        return False
    counted = item.ref.column.split("_")[-1]
    stems = {verb.removesuffix("ed"), verb.removesuffix("d"), verb.removesuffix("ed")[:-1]} - {"", verb}
    if len(counted) < 4 or not counted.endswith("s") or not any(counted.startswith(s) for s in stems):
        return False
    return item.ref.type in NUMERIC and _with_column(ctx, match)


def _not_its_test(ctx: Context, item: Item, number: Item, words: str) -> bool:
    """Whether a number test cannot be on the column before it: a flag ('churners under 30' is no test of a 0/1
    column), or an age word said of a column that is no age and no date ('churners older than 60')."""
    if item.kind != "col":
        return False
    ref = item.ref
    if ctx.grounding.is_flag(ref.dataset, ref.column) and number.ref not in (0, 1):
        return True
    ages = ctx.grounding.columns_named(("age",), [ref.dataset])
    facts = ctx.grounding.column(ref.dataset, ref.column)
    dated = (facts is not None and facts.type in TEMPORAL) or "date" in ref.column
    return any(w in words for w in AGE_WORDS) and not dated and ref not in ages


def _spanned(ctx: Context, match: Match) -> bool:
    """Whether the match's column counts a time span and its amount is one ('for over 2 years')."""
    item = match.item("col")
    unit = (match.group("unit") or "").lower()
    return item is not None and item.kind == "col" and span_of(item.ref.column) is not None and unit in SPANS


def _implicit(ctx: Context, match: Match) -> bool:
    """'orders over 100': the dataset's amount; '30 years old' or 'older than 30': its age column."""
    number, parsed = match.item("num"), _operator(match)
    if number is None or parsed is None:
        return False
    unit = match.group("unit") or ""
    summary = ctx.plan.aggregate.aggregations if ctx.plan.aggregate is not None else []
    # 'median income per region for subscribers over 40': an age said of the rows, not a test on the summary
    whole = not unit and number.kind == "num" and isinstance(number.ref, int)
    aged = whole and 0 < number.ref < 100
    people = aged and _said_of_people(ctx, match) and ctx.grounding.columns_named(("age",), [ctx.base])
    # 'throw out prices over 10,000, then the average per category': rows left out before the summary
    excluded = any(start <= match.indexes[0] <= end for start, end in ctx.negations)
    summarised = (summary or (ctx.groups and ctx.measures)) and not excluded
    if summarised and not unit and number.kind == "num" and not people:
        # "only countries with more than 100": a test on the summary, not on the rows
        output = (
            ctx.measures[0].output
            if ctx.measures
            else Measure(summary[0]["function"], summary[0].get("column"), "").output
        )
        condition = Condition(
            f"{ident(output)} {parsed[0]} {literal(number.ref)}", f"{output} {parsed[1]} {number.text}"
        )
        ctx.plan.having.append(condition)
        ctx.plan.touched = True
        return True
    if _times(ctx, match):  # 'ordered more than twice': how often something happened, which no amount says
        ctx.refuse(f"{match.text} (a count of what?)")
        return True
    if unit.lower() in SPANS and lasted(match):  # 'customers for more than 5 years': how long, not how old
        ctx.refuse(f"for {match.text} (how long what lasted?)")
        return True
    column = age_column(ctx) if "old" in unit or unit.startswith("year") else None
    column = column or _column_carried(ctx, match)
    if column is None and number.kind == "date":
        column = ctx.main_date()
    agelike = whole and 0 < number.ref < 130
    if column is None and agelike and ctx.main_measure() and ctx.grounding.columns_named(("age",), [ctx.base]):
        # rows of people with an amount too: 'churners under 30' are people by age, 'under 30' alone is unclear
        if not _said_of_people(ctx, match) or number.ref >= 100:
            ctx.refuse(f"{match.text} (age or {ctx.main_measure()}?)")
            return True
        column = age_column(ctx)
    if column is None and agelike and _said_of_people(ctx, match):
        column = _age_of_named(ctx, match)  # "orders from customers under 30": the customers' age
        if column is None and not ctx.grounding.columns_named(("age",), [ctx.base]):
            ctx.refuse(f"{match.text} (the age of people {ctx.base} do not hold)")  # no amount of the rows
            return True
    column = column or ctx.main_measure()
    if column is None and agelike:
        column = age_column(ctx)  # "customers over 50": people, by age
    if column is None:
        ctx.refuse(f"{match.text} (which column?)")
        return True
    if unit.lower() in COUNTED_UNITS and not str(ctx.type_of(column)).startswith("int"):
        ctx.refuse(f"{match.text} (a count of what?)")  # 'products with more than 3 items': no price of 3
        return True
    ctx.note(f"read '{match.text}' as a test on {column}")
    _unit(ctx, match)
    return compare(ctx, column, parsed[0], number, parsed[1], match.group("unit"))


def _age_of_named(ctx: Context, match: Match) -> str | None:
    """The age of the other dataset of people named just before a test ('orders from customers under 30'), or of
    the one dataset of people in scope when they are only 'people' ('orders by people who are over 60')."""
    before = _people_before(ctx, match)
    if before is None or str(before.ref) == ctx.base:
        return None
    named = [str(before.ref)] if before.kind == "ds" else [d for d in ctx.reading.scope if d != ctx.base]
    refs = [r for d in named for r in ctx.grounding.columns_named(("age",), [d]) if r.type in NUMERIC]
    return ctx.use(refs[0]) if len({r.dataset for r in refs}) == 1 else None


def _times(ctx: Context, match: Match) -> bool:
    """Whether the match's number counts occasions: 'twice', 'once', '3 times'."""
    after = match.indexes[-1] + 1
    following = ctx.sentence.items[after].norm if after < len(ctx.sentence.items) else ""
    number = match.item("num")
    unit = (match.group("unit") or "").split(" ")[-1]
    occasions = ("times", "time", "occasions", "occasion")
    return number is not None and (number.norm in TIMES or following in occasions or unit in occasions)


def _column_carried(ctx: Context, match: Match) -> str | None:
    """'a unit price under 5 or over 500': a test right after another one, joined by 'or'/'and', is of its column."""
    start = match.indexes[0]
    link = ctx.sentence.items[start - 1] if start > 0 else None
    if link is None or link.norm not in ("or", "and", "but", ","):
        return None
    for condition in ctx.plan.filters:
        if condition.span is not None and condition.span[1] == start - 2 and condition.column is not None:
            return condition.column if ctx.type_of(condition.column) in NUMERIC else None
    return None


def _people_before(ctx: Context, match: Match) -> Item | None:
    """The item naming people just before a test, past a 'who are' ('customers who are over 60'): the dataset
    ('subscribers'), the word 'people' or a flag said of them; or None."""
    start = match.indexes[0]
    items = ctx.sentence.items
    if start > 1 and items[start - 2].norm in ("who", "that") and items[start - 1].norm in ("are", "is", "were"):
        start -= 2
    before = items[start - 1] if start > 0 else None
    if before is None:
        return None
    if before.kind == "ds":
        return before if any(p in before.norm for p in PEOPLE) or before.norm in PERSONS else None
    if before.kind == "word" and before.norm in PERSONS:
        return before
    flagged = before.kind == "col" and ctx.grounding.is_flag(before.ref.dataset, before.ref.column)
    return before if flagged else None


def _said_of_people(ctx: Context, match: Match) -> bool:
    """Whether the test is said of people: 'subscribers over 40', 'churners under 30', 'people who are over 60'."""
    return _people_before(ctx, match) is not None


def _word_comparison(ctx: Context, match: Match) -> bool:
    """'older than 30', 'cheaper than 20', 'more expensive than 100'."""
    word, number = match.group("word") or "", match.item("num")
    if number is None:
        return False
    if word in AGE_WORDS and number.kind in ("year", "date"):
        # 'orders older than 2022': dated before it; of people it could be their birth or their signup
        people = ctx.grounding.columns_named(("age",), [ctx.base])
        column = None if people else ctx.main_date()
        operator = DATED_WORDS[word]
    elif word in AGE_WORDS:
        column = age_column(ctx)
        operator = AGE_WORDS[word]
    elif word in WEIGHT_WORDS:
        refs = [r for d in ctx.reading.scope for r in ctx.grounding.columns_named(("weight",), [d])]
        column = ctx.use(refs[0]) if refs else None
        operator = WEIGHT_WORDS[word]
    else:
        refs = [r for d in ctx.reading.scope for r in ctx.grounding.columns_named(("price",), [d])]
        column = ctx.use(refs[0]) if refs else ctx.main_measure()
        operator = PRICE_WORDS[word]
    if column is None:
        ctx.refuse(match.text)
        return True
    if match.group("neg"):
        operator = FLIP[operator]
    words = f"{'not ' if match.group('neg') else ''}{word} than"
    return compare(ctx, column, operator, number, words, match.group("unit"))


def _between(ctx: Context, match: Match) -> bool:
    low, high, column_item = match.item("low"), match.item("high"), match.item("col")
    if low is None or high is None:
        return False
    _unit(ctx, match)
    column = ctx.column(column_item) if column_item is not None else ctx.main_measure()
    if column is None:
        if column_item is None:
            ctx.refuse(f"{match.text} (which column?)")
        return True
    if low.kind in ("date", "year") and ctx.type_of(column) not in NUMERIC:
        return False
    if ctx.type_of(column) not in NUMERIC:
        return False
    unit = match.group("unit")
    bounds = [in_span(low.ref, unit, column), in_span(high.ref, unit, column)]  # 'tenure of 1 to 2 years'
    if None in bounds or bounds[0] > bounds[1]:  # 'between a hundred and fifty': no row is in it, as said
        ctx.refuse(f"{match.text} ({span_note(column) if None in bounds else 'the low end is above the high end'})")
        return True
    name = ident(column)
    condition = Condition(
        f"{name} >= {literal(bounds[0])} and {name} <= {literal(bounds[1])}",
        f"{column} between {low.text} and {high.text}",
        column,
    )
    ctx.plan.add_filter(condition)
    return True


def read_comparisons(ctx: Context) -> None:
    """Every numeric, text and age/price comparison in the request."""
    scan = ctx.sentence.scan
    read_relations(ctx)
    # 'roughly between 100 and 200', 'about 30': a bound only approximate, which no test can hold as said
    approximate = (
        r"(?<!how )(?<!what )(?:roughly|approximately|approx|about|around|circa|more or less|somewhere around)"
    )
    scan(approximate + r" (?:between (?:{N}) and (?:{N})|{N})", lambda m: not ctx.refuse(f"{m.text} (approximate)"))
    read_figures(ctx)

    unit = r"(?: (?P<unit>{V}|years old|years|months|weeks|days|euros|dollars|units|items|kg|percent))?"
    scan(
        r"(?P<col>{C}) "
        + BRIDGE
        + r"(?:(?:is|are) )?(?:somewhere |anywhere )?between (?P<low>{N}) and (?P<high>{N})"
        + unit,
        lambda m: _between(ctx, m),
    )
    span = r"(?:(?:anywhere |somewhere )?from )?(?P<low>{N}) (?:to|-|through|until|up to|and up to) (?P<high>{N})"
    scan(
        r"(?:in |within )?(?:the |a )?(?P<low>{N}) (?:-|to) (?P<high>{N})(?: (?P<col>{C}))? (?:range|bracket|band)",
        lambda m: _between(ctx, m),
    )
    scan(r"(?P<col>{C}) (?:(?:is|are|ranging|ranges|of|between) )?" + span + unit, lambda m: _between(ctx, m))
    scan(r"between (?P<low>{N}) and (?P<high>{N})" + unit + r"(?: (?P<col>{C}))?", lambda m: _between(ctx, m))
    # 'ends included': what a range read above means already
    ends = r"(?:both |the )?(?:ends|endpoints|end points|bounds|limits|boundaries)"
    scan(
        r"(?:with )?" + ends + r" (?:included|inclusive)|(?:including|inclusive of) " + ends,
        lambda m: any(" between " in c.explanation for c in ctx.plan.filters),
    )
    # 'called support at least 3 times': a count column (support_calls) said with its own verb before it
    scan(r"(?P<verb>[a-z]+) (?:the |a )?(?P<col>{C}) " + OPERATOR + " " + NUMBER, lambda m: _counted_by_verb(ctx, m))
    scan(r"(?P<col>{C}) " + BRIDGE + OPERATOR + " " + NUMBER, lambda m: _with_column(ctx, m))
    # 'been with us for at least five years': a span column, 'for' its amount
    spanned = rf"(?P<neg>not )?(?P<op>{OP}|exactly|precisely)"  # 'for exactly two years'
    scan(r"(?P<col>{C}) for " + spanned + " " + NUMBER, lambda m: _spanned(ctx, m) and _with_column(ctx, m))
    scan(
        r"(?P<col>{C}) (?:(?:is|are|of) )?(?P<neg>not )?(?P<op>=|==|equals|equal to|is equal to|exactly|is exactly) "
        + NUMBER,
        lambda m: _with_column(ctx, m),
    )
    # 'quantity isn't 1': a number the column does not hold
    scan(r"(?P<col>{C}) (?:(?:is|are|was|were|does|do) )?not (?:equal to |equals? )?(?P<num>{N})(?! (?:-|to) )",
         lambda m: _not_equal(ctx, m))  # fmt: skip
    scan(OPERATOR + r" (?P<num>{N}) (?P<col>{C})", lambda m: _with_column(ctx, m))
    scan(OPERATOR + " " + NUMBER + r" (?:in|of|worth of) (?:the )?(?P<col>{C})", lambda m: _with_column(ctx, m))
    scan(r"(?P<op>exactly) (?P<num>{N}) (?P<col>{C})", lambda m: _with_column(ctx, m))
    of_column = r" (?:the |an? )?(?P<col>{C}) of (?P<num>{N})"  # 'over the age of 50'
    scan(OPERATOR + of_column, lambda m: _with_column(ctx, m))
    beyond = r"(?P<op>or more|or less|or fewer|and above|and over|and up|plus|and below|and under)"
    scan(r"(?P<num>{N}) (?P<col>{C}) " + beyond, lambda m: _trailing(ctx, m))  # '3 items or more'
    scan(r"(?:with|having|that have|who have|which have|that made|who made) (?P<num>{N}) (?P<col>{C})",
         lambda m: _counted(ctx, m))  # fmt: skip
    scan(
        r"(?P<num>{N}) (?P<op>or more|or less|or fewer|and above|and over|and "
        r"up|plus|and below|and under) (?P<col>{C})",
        lambda m: _trailing(ctx, m),
    )
    scan(
        r"(?P<col>{C}) "
        + BRIDGE
        + r"(?P<num>{N}) (?P<op>or more|or less|or fewer|and above|and over|and up|plus|and below|and under)",
        lambda m: _trailing(ctx, m),
    )
    # 'orders with quantity 1', 'subscribers with support_calls 0': a number right after the column it is of
    after = r"(?:(?<=with )|(?<=having )|(?<=where )|(?<=whose ))"
    scan(after + r"(?:a |an )?(?P<col>{C}) (?:of )?(?P<num>{N})(?! (?:-|to|or|and|through) )",
         lambda m: _column_number(ctx, m))  # fmt: skip
    words = r"(?P<word>older|younger|cheaper|less expensive|more expensive|pricier|costlier|heavier|lighter)"
    scan(r"(?P<neg>not )?" + words + r" than (?P<num>{N})" + UNIT, lambda m: _word_comparison(ctx, m))
    scan(r"(?:aged |age )?" + OPERATOR + " " + NUMBER, lambda m: _implicit(ctx, m))


def _counted(ctx: Context, match: Match) -> bool:
    """'orders with two items', 'churn rows with 3 support calls': a whole number of a count column."""
    column_item, number = match.item("col"), match.item("num")
    if column_item is None or number is None or not isinstance(number.ref, int) or number.kind != "num":
        return False
    if column_item.kind != "col" or column_item.ref.type != "int64" or column_item.ref.dataset != ctx.base:
        return False
    column = ctx.column(column_item)
    return column is None or compare(ctx, column, "=", number, "equal to")


def _column_number(ctx: Context, match: Match) -> bool:
    column_item, number = match.item("col"), match.item("num")
    if column_item is None or number is None or number.kind != "num" or column_item.kind != "col":
        return False
    if column_item.ref.type not in NUMERIC or ctx.grounding.is_key(column_item.ref.dataset, column_item.ref.column):
        return False
    column = ctx.column(column_item)
    return column is None or compare(ctx, column, "=", number, "equal to")


def _trailing(ctx: Context, match: Match) -> bool:
    column_item, number = match.item("col"), match.item("num")
    if column_item is None or number is None:
        return False
    if _not_its_test(ctx, column_item, number, ""):
        return False
    column = ctx.column(column_item)
    if column is None:
        return True
    text = match.group("op") or ""
    operator = ">=" if text in ("or more", "and above", "and over", "and up", "plus") else "<="
    return compare(ctx, column, operator, number, "at least" if operator == ">=" else "at most")
