"""Summaries: 'total revenue by country', 'how many customers per segment', 'average age', 'orders per month'."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.phrases import OP, alternatives
from datalinx.agents.offline.plan import Aggregate, Condition, ident, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.units import numeric_view
from datalinx.agents.offline.words import AGGREGATES, TIME_UNITS
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL

FUNCTION_WORDS = (
    r"total|sum of|sum|summed|average|avg|mean|median|minimum|min|maximum|max|count of|count|number of|how many"
    r"|amount of"
)
FUNCTION = rf"(?P<fn>{FUNCTION_WORDS})"
SUPERLATIVE = (
    r"(?P<fn>highest|lowest|largest|smallest|biggest|earliest|latest|cheapest|most recent|newest|oldest|first|last)"
)
DISTINCT = r"(?P<distinct>(?:distinct|unique|different|separate) )?"
TIME = alternatives(list(TIME_UNITS))
GROUP_WORDS = (
    r"(?:grouped by|group by|group them by|group it by|group that by|group this by|broken down by|break down by"
    r"|break it down by|break that down by|break this down by|break them down by|breakdown by|split by|by|per"
    r"|for each|for every|each|across|in each|within each|for all|across all|across each)"
)
GROUP_ITEM = r"(?:(?:{C}|{T}) " + TIME + r"|{C}|{T}|" + TIME + r")"
GROUPS = (
    r"(?P<groups>" + GROUP_ITEM + r"(?:(?: and| ,|,| and by| and per| then by| then) (?:the )?" + GROUP_ITEM + r")*)"
)


def _function(word: str) -> str:
    if word in ("most recent", "newest", "last"):
        return "max"
    if word in ("oldest", "first"):
        return "min"
    word = word.split()[0]
    if word in ("how", "amount"):
        return "count"
    return AGGREGATES.get(word, "count")


def _measure(ctx: Context, match: Match) -> bool:
    what, fn = match.item("what"), match.group("fn") or ""
    if what is None:
        return False
    function = _function(fn)
    distinct = bool(match.group("distinct"))
    if what.kind == "ds":
        if function in ("mean", "median", "min", "max", "sum"):
            ctx.refuse(f"{match.text} (a summary of counts per group is not supported)")
            return True
        return _count_of(ctx, str(what.ref), distinct, match.text)
    column = ctx.column(what)
    if column is None:
        return True
    kind = ctx.type_of(column)
    if function == "count" and ctx.grounding.is_flag(what.ref.dataset, what.ref.column):
        # "how many churned subscribers": the rows where the flag holds
        truth = not what.ref.negated
        value = truth if kind == "bool" else int(truth)
        ctx.plan.add_filter(
            Condition(f"{ident(column)} = {literal(value)}", f"{column} is {literal(value)}", column, [value])
        )
        ctx.measures.append(Measure("count", None, match.text))
        return True
    if function == "count":
        is_key = column == ctx.grounding.key_of(ctx.base)
        function = "count" if is_key and not distinct else "count_distinct"
    elif function in ("sum", "mean", "median", "min", "max") and kind == "string" and numeric_view(ctx, column):
        column = numeric_view(ctx, column) or column  # "average weight": '1.00 kg', '250 g' as kilograms
    elif function in ("sum", "mean", "median") and kind not in NUMERIC:
        ctx.refuse(f"{match.text} ({column} is not a number)")
        return True
    elif function in ("min", "max") and kind not in NUMERIC and kind not in TEMPORAL:
        return False
    ctx.measures.append(Measure(function, column, match.text))
    return True


def _measures(ctx: Context, match: Match) -> bool:
    """'the minimum and maximum unit price': each function of one column."""
    what = match.item("what")
    words = re.findall(FUNCTION_WORDS + r"|highest|lowest|largest|smallest|earliest|latest", match.group("fns") or "")
    if what is None or what.kind != "col" or len(words) < 2:
        return False
    column = ctx.column(what)
    if column is None:
        return True
    for word in words:
        function = _function(word)
        if function == "count":
            function = "count_distinct"
        if function in ("sum", "mean", "median") and ctx.type_of(column) not in NUMERIC:
            ctx.refuse(f"{word} {what.text} ({column} is not a number)")
            continue
        ctx.measures.append(Measure(function, column, f"{word} {what.text}"))
    return True


def _rate(ctx: Context, match: Match) -> bool:
    """'churn rate per contract', 'percentage of customers who churned': the mean of a 0/1 flag (times 100)."""
    item = match.item("what")
    if item is None or item.kind != "col" or not ctx.grounding.is_flag(item.ref.dataset, item.ref.column):
        return False
    column = ctx.column(item)
    if column is None:
        return True
    percent = "percent" in match.text.lower() or "%" in match.text
    value = f"if({ident(column)}, 1, 0)" if ctx.type_of(column) == "bool" else ident(column)
    if item.ref.negated:
        value = f"1 - {value}"
    name = f"{column}_{'percent' if percent else 'rate'}"
    if ctx.plan.aggregate is None:
        ctx.plan.aggregate = Aggregate()
    ctx.plan.prepare[name] = f"{value} * 100.0" if percent else f"{value} * 1.0"
    ctx.plan.prepare_notes.append(
        f"Compute {name}: 1 where {column} holds, else 0{' (as percent)' if percent else ''}."
    )
    ctx.measures.append(Measure("mean", name, match.text))
    ctx.note(f"read '{match.text}' as the share of rows where {column} holds")
    return True


def _date_of(ctx: Context, item: Item | None) -> str | None:
    """A date column an item names: the column, a dataset's own date, or a value's date ('shipped')."""
    if item is None:
        return None
    if item.kind == "ds":
        facts = ctx.grounding.main_date(str(item.ref))
        return ctx.use(ColumnRef(str(item.ref), facts.name, facts.type, 3)) if facts is not None else None
    for ref in [item.ref, *item.alternatives]:
        if isinstance(ref, ColumnRef):
            facts = ctx.facts(ref)
            if facts is not None and (facts.type in TEMPORAL or "date" in facts.name):
                return ctx.use(ref)
    return None


def _duration(ctx: Context, match: Match) -> bool:
    """'the average time between order and shipping': days from one date to the other."""
    start, end = _date_of(ctx, match.item("a")), _date_of(ctx, match.item("b"))
    if start is None or end is None or start == end:
        return False
    name = f"days_{start.removesuffix('_date')}_to_{end.removesuffix('_date')}"
    ctx.plan.prepare[name] = f"date_diff('day', {ctx.as_date(start)}, {ctx.as_date(end)})"
    ctx.plan.prepare_notes.append(f"Compute {name}, the days from {start} to {end}.")
    ctx.plan.touched = True
    fn = match.group("fn")
    if fn:
        ctx.measures.append(Measure(_function(fn), name, match.text))
    ctx.note(f"measured the time in days from {start} to {end}")
    return True


def _distinct_count(ctx: Context, match: Match) -> bool:
    what = match.item("what")
    if what is None:
        return False
    if what.kind == "ds":
        return _count_of(ctx, str(what.ref), True, match.text)
    column = ctx.column(what)
    if column is not None:
        ctx.measures.append(Measure("count_distinct", column, match.text))
    return True


def _rows(ctx: Context, match: Match) -> bool:
    ctx.measures.append(Measure("count", None, match.text))
    return True


def _count_of(ctx: Context, dataset: str, distinct: bool, text: str) -> bool:
    """'number of orders': rows of the base; 'number of customers' over orders: distinct customer ids."""
    if (dataset == ctx.base or dataset in ctx.reading.nouns) and not distinct:
        ctx.measures.append(Measure("count", None, text))
        return True
    key = ctx.grounding.key_of(dataset)
    if key is not None and ctx.grounding.column(ctx.base, key) is not None:
        ctx.measures.append(Measure("count_distinct", key, text))
        return True
    if dataset == ctx.base:
        ctx.measures.append(Measure("count", None, text))
        return True
    return False


def bucket(ctx: Context, unit: str, item: Item | None) -> str | None:
    """The column a period groups by, computed from a date column: 'month' of order_date -> order_month."""
    column: str | None = None
    if item is not None and isinstance(item.ref, ColumnRef):
        facts = ctx.facts(item.ref)
        if facts is not None and (facts.type in TEMPORAL or "date" in facts.name):
            column = ctx.use(item.ref)
    column = column or ctx.main_date()
    if column is None:
        return None
    source = ctx.as_date(column)
    stem = column.removesuffix("_date").removesuffix("_at")
    name = f"{stem}_{unit}"
    expression = f"year({source})" if unit == "year" else f"date_trunc('{unit}', {source})"
    if ctx.plan.aggregate is None:
        ctx.plan.aggregate = Aggregate()
    ctx.plan.aggregate.buckets[name] = expression
    ctx.note(f"grouped {column} by {unit}" + (" (as the first day of each period)" if unit != "year" else ""))
    return name


def _continuous(ctx: Context, item: Item) -> bool:
    """A measured amount (many distinct decimals), which nobody groups by: 'by revenue' ranks or sums it."""
    facts = ctx.facts(item.ref) if isinstance(item.ref, ColumnRef) else None
    return facts is not None and facts.type == "float64" and (facts.distinct or 0) > 60


def _groups(ctx: Context, match: Match) -> bool:
    items = match.items(name="groups")
    if items and all(i.kind == "col" and _continuous(ctx, i) for i in items):
        return False
    periods = any(i.kind == "word" and i.norm in TIME_UNITS for i in items)
    pending: Item | None = _date_before(ctx, match) if periods else None
    for position, item in enumerate(items):
        following = items[position + 1] if position + 1 < len(items) else None
        before_period = following is not None and following.kind == "word" and following.norm in TIME_UNITS
        if item.kind == "col":
            if before_period:
                pending = item
                continue
            column = ctx.column(item)
            if column is not None:
                ctx.groups.append(column)
        elif item.kind == "ds" and str(item.ref) == ctx.base and not before_period:
            ctx.note(f"'{match.text}' read as one row per {item.text}, as the data already is")
        elif item.kind == "ds" and not before_period:
            key = ctx.grounding.key_of(str(item.ref))
            if key is None or ctx.grounding.column(ctx.base, key) is None:
                ctx.refuse(f"by {item.text}")
                continue
            ctx.groups.append(key)
            ctx.note(f"'{item.text}' grouped by {key}")
        elif item.kind == "word" and item.norm in TIME_UNITS:
            name = bucket(ctx, TIME_UNITS[item.norm], pending)
            pending = None
            if name is None:
                ctx.refuse(f"by {item.text} (no date column)")
            else:
                ctx.groups.append(name)
    return True


def _date_before(ctx: Context, match: Match) -> Item | None:
    """'signed up each year': the date column just before a period grouping is the one it groups."""
    index = match.indexes[0] - 1
    before = ctx.sentence.items[index] if index >= 0 else None
    if before is None or before.consumed or before.kind != "col" or not isinstance(before.ref, ColumnRef):
        return None
    facts = ctx.facts(before.ref)
    if facts is None or not (facts.type in TEMPORAL or "date" in facts.name):
        return None
    before.consumed = True
    return before


def _periodic(ctx: Context, match: Match) -> bool:
    """'monthly revenue', 'yearly orders'."""
    unit = TIME_UNITS.get(match.group("unit") or "")
    if unit is None:
        return False
    name = bucket(ctx, unit, None)
    if name is None:
        return False
    ctx.groups.append(name)
    return True


def _group_subject(ctx: Context, match: Match) -> bool:
    """'countries with more than 1000 orders', 'customers who placed more than 10 orders': per country, customer."""
    item = match.item("grp")
    if item is None or ctx.groups:
        return False
    if item.kind == "ds":
        dataset = str(item.ref)
        key = ctx.grounding.key_of(dataset)
        if dataset == ctx.base or key is None or ctx.grounding.column(ctx.base, key) is None:
            return False
        ctx.groups.append(key)
        ctx.note(f"'{item.text}' grouped by {key}")
        return True
    column = ctx.column(item)
    if column is None or ctx.type_of(column) in NUMERIC:
        return False
    ctx.groups.append(column)
    return True


def _sum(ctx: Context, match: Match) -> bool:
    """'what is the total revenue?': a number asked about as a whole is summed."""
    item = match.item("what")
    if item is None:
        return False
    column = ctx.column(item)
    if column is None or ctx.type_of(column) not in NUMERIC or ctx.grounding.is_key(ctx.base, column):
        return False
    ctx.measures.append(Measure("sum", column, match.text))
    return True


def _having(ctx: Context, match: Match) -> bool:
    """'countries with more than 100 orders': a test on the groups' counts or sums."""
    what, number = match.item("what"), match.item("num")
    if number is None or what is None or not ctx.groups:
        return False
    if what.kind == "ds":
        measure = Measure("count", None, what.text)
        if str(what.ref) != ctx.base:
            key = ctx.grounding.key_of(str(what.ref))
            if key is None or ctx.grounding.column(ctx.base, key) is None:
                return False
            measure = Measure("count_distinct", key, what.text)
    else:
        column = ctx.column(what)
        if column is None or ctx.type_of(column) not in NUMERIC:
            return False
        measure = Measure(_function(match.group("fn") or "total"), column, what.text)
    from datalinx.agents.offline.filters import SYMBOLS, _operator

    parsed = _operator(match)
    if parsed is None:
        return False
    ctx.measures.append(measure)
    condition = Condition(
        f"{ident(measure.output)} {parsed[0]} {literal(number.ref)}",
        f"{measure.output} {SYMBOLS.get(parsed[0], parsed[1])} {number.text}",
    )
    ctx.plan.having.append(condition)
    return True


def _versus(ctx: Context, match: Match) -> bool:
    """'the train split vs the test split': group by the column, keeping the values compared."""
    from datalinx.agents.offline.values import _values

    values = match.items("val")
    flags = [i for i in match.items("col") if ctx.grounding.is_flag(i.ref.dataset, i.ref.column)]
    if not values and len(flags) == 2 and flags[0].ref.column == flags[1].ref.column:
        column = ctx.column(flags[0])  # "churned vs retained customers"
        if column is not None and column not in ctx.groups:
            ctx.groups.append(column)
        return column is not None
    columns = {v.ref.column for v in values}
    if len(values) < 2 or len(columns) != 1:
        return False
    name, _ = ctx.value(values[0])
    _values(ctx, values, False)
    if name not in ctx.groups:
        ctx.groups.append(name)
    return True


def _flag_groups(ctx: Context, match: Match) -> bool:
    """'customers who churned versus those who did not': per value of the flag."""
    item = match.item("a")
    if item is None or not ctx.grounding.is_flag(item.ref.dataset, item.ref.column):
        return False
    column = ctx.column(item)
    if column is not None and column not in ctx.groups:
        ctx.groups.append(column)
    return column is not None


def _variants(ctx: Context, match: Match) -> bool:
    """'some statuses are spelled differently, count those together'."""
    ctx.merge_variants = True
    return True


def read_groups(ctx: Context) -> None:
    """Group-by phrases first (they decide whether superlatives summarise), then the measures."""
    scan = ctx.sentence.scan
    versus = r"(?:vs|versus|compared to|compared with|against)"
    side = r"(?:the )?{V}(?: {C})?"
    scan(
        r"(?:for |between )?" + side + f" {versus} " + side + r"(?: (?:{C}|{T}|ones|rows))?", lambda m: _versus(ctx, m)
    )
    flag = r"(?:the )?{C}(?: {T}| ones)?"
    others = (
        r"(?:those|the ones|the others|others|the rest|people|{T}) (?:who|that|"
        r"which) (?:did not|do not|does not|have not|has not|were not|are not|"
        r"did n't|never)(?: do| did)?"
    )
    scan(
        r"(?:for |between )?(?P<a>{C})(?: {T}| ones)? (?:vs|versus|compared to|compared with|against|and) " + others,
        lambda m: _flag_groups(ctx, m),
    )
    scan(r"(?:for |between )?" + flag + f" (?:{versus}|and) " + flag, lambda m: _versus(ctx, m))
    spelled = (
        r"(?:spelled|spelt|written|typed|entered|capitalised|capitalized) "
        r"(?:differently|in different ways|in several ways|inconsistently)"
    )
    together = (
        r"(?:count|group|treat|combine|merge|put|add|sum|take)(?: up)? (?:those|"
        r"them|these|the variants|all spellings)(?: up)? (?:together|as one|the "
        r"same|as the same)"
    )
    scan(
        r"(?:some |the )?(?:{C} )?(?:are |is |may be |might be )?" + spelled + r"(?: ,|,)?(?: so)? " + together,
        lambda m: _variants(ctx, m),
    )
    normalise = r"(?:normalise|normalize|standardise|standardize|unify|harmonise|harmonize|clean up|clean|fix|tidy)"
    scan(
        normalise + r"(?: the| all)?(?: {C})?(?: spellings?| values| variants| names| labels| categories)?",
        lambda m: _variants(ctx, m),
    )
    scan(
        r"(?:ignoring|ignore|regardless of|merging|merge|combining|combine|"
        r"grouping|group|counting|count|treating|treat|folding|fold) (?:the |"
        r"all )?(?:spelling|case|spelling variants|variants|different spellings|"
        r"spellings)(?: variants| differences)?(?: of (?:a |the |each "
        r")?{C})?(?: together| as one| as the same)?",
        lambda m: _variants(ctx, m),
    )
    scan(GROUP_WORDS + " (?:the )?" + GROUPS, lambda m: _groups(ctx, m))
    scan(r"(?P<unit>daily|weekly|monthly|quarterly|yearly|annual)", lambda m: _periodic(ctx, m))


def read_measures(ctx: Context) -> None:
    scan = ctx.sentence.scan
    having = (
        r"(?:with|having|that have|who have|which have|that had|who had|who "
        r"placed|that placed|who made|who bought|where|whose|that made)"
    )
    scan(
        r"(?P<grp>{C}|{T})(?= "
        + having
        + r" (?:(?:a|an|the) )?(?:(?:total|average|sum of|mean|median|number of) )?"
        + r"(?:(?:@c\d+|@t\d+) )?(?:(?:is|are|of) )?(?:not )?(?:"
        + OP
        + r") @[ny]\d+)",
        lambda m: _group_subject(ctx, m),
    )
    scan(
        having
        + r" (?:(?:a|an|the) )?(?P<fn>total|average|sum of|mean|median|minimum|maximum) (?P<what>{C}) "
        + r"(?:(?:is|are|of) )?(?P<neg>not )?(?P<op>"
        + OP
        + r") (?P<num>{N})",
        lambda m: _having(ctx, m),
    )
    if ctx.groups:
        scan(
            having + r" (?:(?:a|an|the) )?(?:(?P<fn>total|average|sum of) )?(?:of "
            r")?(?P<neg>not )?(?P<op>" + OP + r") (?P<num>{N}) (?:{T} )?(?P<what>{T}|{C})",
            lambda m: _having(ctx, m),
        )
    span = (
        r"(?:time|days|number of days|duration|delay|gap|lag|interval|wait|how long it takes|how long it took|how long)"
    )
    ends = r" (?:between|from) (?:the )?(?P<a>{C}|{T}|{V}) (?:and|to|until|till) (?:the )?(?P<b>{C}|{T}|{V})"
    scan(r"(?:(?P<fn>" + FUNCTION_WORDS + r") )?(?:the )?" + span + ends, lambda m: _duration(ctx, m))
    share = r"(?:percentage|percent|%|share|proportion|fraction|ratio|rate)"
    scan(
        r"(?:the )?" + share + r" of (?:(?:all|the) )?(?:{T} )?(?:(?:who|that|which) )?(?:(?:are|were|"
        r"is|have|has) )?(?P<what>{C})",
        lambda m: _rate(ctx, m),
    )
    scan(r"(?P<what>{C}) " + share, lambda m: _rate(ctx, m))
    words = FUNCTION_WORDS + (r"|highest|lowest|largest|smallest|earliest|latest" if ctx.groups else "")
    several = rf"(?P<fns>(?:{words})(?:(?: ,| and| , and| as well as| or|,) (?:the )?(?:{words}))+)"
    scan(several + r" (?:of )?(?:the |all )?(?:{T} )?(?P<what>{C})", lambda m: _measures(ctx, m))
    scan(r"(?:the )?(?:distinct|unique) (?:number|count) of (?P<what>{C}|{T})", lambda m: _distinct_count(ctx, m))
    counting = r"(?P<fn>how many|number of|count of|count|amount of|total number of|total count of)"
    scan(counting + r" (?:the |all |our )?" + DISTINCT + r"(?P<what>{T})", lambda m: _measure(ctx, m))
    rows = (
        r"(?:subscribers|customers|people|users|clients|members|accounts|rows|"
        r"records|entries|of them|ones|them|those|these|it|everything)"
    )
    scan(
        r"(?:how many times|number of times|how often)(?: (?:they|it|each|"
        r"one))?(?: (?:were|was|has been|have been|got|is|are))?(?: (?:ordered|"
        r"bought|sold|purchased|placed))?",
        lambda m: _rows(ctx, m),
    )
    scan(r"^count(?: the| all| up)?(?= (?:@[tvc]\d+|§))", lambda m: _rows(ctx, m))
    scan(
        r"(?:how many|number of|count of|count the|total number of|count)(?: " + rows + r")?(?! @)",
        lambda m: _rows(ctx, m),
    )
    scan(
        FUNCTION
        + r" (?:of )?(?:the |all |our )?(?:number of |amount of |count of )?"
        + DISTINCT
        + r"(?:{T} )?(?P<what>{C}|{T})",
        lambda m: _measure(ctx, m),
    )
    question = r"(?:what is|what s|whats|what was|what were|what are|how much|calculate|compute|sum up|tell me|add up)"
    scan(
        question + r"(?: the| our| all| in)?(?: overall| combined| entire| grand)? (?P<what>{C})",
        lambda m: _sum(ctx, m),
    )
    scan(r"(?:overall|combined|entire|grand total|aggregate|cumulative) (?P<what>{C})", lambda m: _sum(ctx, m))
    scan(
        r"how much (?:money )?(?:did|do|does|have|has|had|was|were)? ?(?:(?:{T}|"
        r"{V}|in|from|the|our|all|we|they) ){0,4}(?P<what>{C})",
        lambda m: _sum(ctx, m),
    )
    if ctx.groups or ctx.reading.grouped:
        scan(SUPERLATIVE + r" (?:of )?(?:the )?(?:{T} )?(?P<what>{C})", lambda m: _measure(ctx, m))
