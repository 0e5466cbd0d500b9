"""Measures: 'total revenue', 'how many customers', 'churn rate', 'countries with more than 100 orders'."""

from __future__ import annotations

import re

from datalinx.agents.offline.ages import age_column
from datalinx.agents.offline.amounts import amount_follows, amount_named, rows_among
from datalinx.agents.offline.choosing import PRICE_ENDS, loosely_priced
from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.plan import Aggregate, Condition, ident, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.units import numeric_view
from datalinx.agents.offline.words import AGGREGATES
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL

FUNCTION_WORDS = (
    r"total|sum of|sum|summed|average|avg|mean|median|typical|minimum|min|maximum|max|peak|count of|count|number of"
    r"|how many|amount of"
)
FUNCTION = rf"(?P<fn>{FUNCTION_WORDS})"
SUPERLATIVE = (
    r"(?P<fn>highest|lowest|largest|smallest|biggest|earliest|latest|cheapest|priciest|most recent|newest|oldest"
    r"|first|last)"
)
# The ends of a column's values, said as superlatives: 'the dearest and the cheapest price', 'earliest and latest'.
ENDS = (
    r"highest|lowest|largest|smallest|cheapest|priciest|earliest|latest|first|last|oldest|youngest|newest"
    r"|most recent"
)
DISTINCT = r"(?P<distinct>(?:distinct|unique|different|separate) )?"
# Columns whose values are levels of each row (an age, a price, a rate), not amounts that add up across rows.
LEVEL = re.compile(r"(?:^|_)(?:age|ages|tenure|price|prices|rate|rates|ratio|score|scores|percent|pct|share)(?:_|$)")


def implied_function(ctx: Context, column: str) -> str:
    """The function of a number named per group with none said: 'sum', or 'mean' for a level of each row ('age by
    segment': ages added up mean nothing), which is noted."""
    if LEVEL.search(column):
        ctx.note(f"averaged {column} per group ({column} is a level of each row, not an amount to add up)")
        return "mean"
    return "sum"


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
    said = [r for r in [what.ref, *what.alternatives] if isinstance(r, ColumnRef)]
    if fn in PRICE_ENDS and said and loosely_priced(said):
        # 'the priciest item each customer bought': the item's price, not the highest of what 'item' loosely names
        # (a money column so named, 'the cheapest unit cost', is the price itself)
        ctx.refuse(f"{match.text} (a price is meant, not {what.ref.column})")
        return True
    function = _function(fn)
    distinct = bool(match.group("distinct"))
    owners = [i for i in match.items("ds") if i is not what and str(i.ref) != ctx.base]
    if owners and what.kind == "col" and function in ("mean", "median", "min", "max"):
        # "the average customer spend": the mean of each customer's total, a summary of a summary
        ctx.refuse(f"{match.text} (a summary of each {owners[0].text}'s total is not supported)")
        return True
    if what.kind == "ds" and function in ("mean", "median", "min", "max", "sum"):
        amount = amount_named(ctx, what)  # "total sales": the amount the word also names
        if amount is None:
            ctx.refuse(f"{match.text} (a summary of counts per group is not supported)")
            return True
        ctx.measures.append(Measure(function, amount, match.text))
        return True
    if what.kind == "ds":
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
    if function == "count" and not distinct and _counted_amount(ctx, column, fn):
        # "how many units did we sell": the units are the column's values, added up, not its distinct values
        ctx.note(f"read '{match.text}' as the sum of {column}")
        ctx.measures.append(Measure("sum", column, match.text))
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
    elif fn == "peak" and kind not in NUMERIC:
        return False  # 'the peak order date' may be the busiest day, not the latest one: left unread
    ctx.measures.append(Measure(function, column, match.text))
    return True


def _counted_amount(ctx: Context, column: str, fn: str) -> bool:
    """Whether 'how many'/'number of' a whole-number column ('units', 'support calls') asks for its total."""
    counting = fn in ("how many", "number of", "total number of")
    return counting and ctx.type_of(column) == "int64" and not ctx.grounding.is_key(ctx.base, column)


def _most_counted(ctx: Context, match: Match) -> bool:
    """'the highest number of support calls': the greatest (or least) of a column that counts something."""
    what, fn = match.item("what"), match.group("fn") or ""
    if what is None or what.kind != "col" or fn not in ("highest", "lowest", "largest", "smallest", "biggest"):
        return False
    column = ctx.column(what)
    if column is None:
        return True
    if not _counted_amount(ctx, column, "number of"):
        return False
    ctx.measures.append(Measure(_function(fn), column, match.text))
    return True


def _measure_among(ctx: Context, match: Match) -> bool:
    """'total delivered revenue', 'how many SMB customers': the measure, over the rows holding the values between."""
    from datalinx.agents.offline.values import _values

    values = match.items("val", name="vals")
    if not values or not _measure(ctx, match):
        return False
    return _values(ctx, values, False)


def _of_age(ctx: Context, word: str, column: str) -> str | None:
    """'youngest' and 'oldest': the least and greatest age, or the latest and earliest date; else nothing."""
    if ctx.type_of(column) in TEMPORAL:
        return "max" if word == "youngest" else "min"
    if ctx.type_of(column) in NUMERIC and column == age_column(ctx):
        return "min" if word == "youngest" else "max"
    return None


def _said_again(ctx: Context, match: Match) -> bool:
    """The word names the one measure asked for ('average' of a mean)."""
    return len(ctx.measures) == 1 and ctx.measures[0].function == _function(match.group("fn") or "")


def _measures(ctx: Context, match: Match) -> bool:
    """'the minimum and maximum unit price': each function of one column."""
    what = match.item("what")
    words = re.findall(rf"{FUNCTION_WORDS}|{ENDS}", match.group("fns") or "")
    if what is None or what.kind != "col" or len(words) < 2:
        return False
    column = ctx.column(what)
    if column is None:
        return True
    for word in words:
        function = _function(word)
        if word in ("youngest", "oldest"):
            function = _of_age(ctx, word, column)
            if function is None:
                ctx.refuse(f"{word} {what.text} ({column} is not an age or a date)")
                continue
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


def _consume_after(match: Match, *names: str) -> bool:
    """The items of named groups said after the match (in its lookahead), consumed with it."""
    sentence = match.sentence
    for name in names:
        if match.group(name) is None:
            continue
        start, end = match.match.span(name)
        for index, offset in sentence.offsets.items():
            if start <= offset < end:
                sentence.items[index].consumed = True
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
    if fn and _function(fn) != "count":  # 'how many days from A to B', 'the number of days': the days themselves
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


def _measure_of_year(ctx: Context, match: Match) -> bool:
    from datalinx.agents.offline.filter_dates import year_of_amount

    year = match.item("yr")
    if year is None or not year_of_amount(ctx, year, match.item("what"), measured=True):
        return False
    return _measure(ctx, match)


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


def _main_amount(ctx: Context, match: Match) -> bool:
    column = ctx.main_measure()
    if column is None:
        return False
    ctx.measures.append(Measure("sum", column, match.text))
    ctx.note(f"read '{match.text}' as the total of {column}")
    return True


def _said_total(ctx: Context, match: Match) -> bool:
    item = match.item("what")
    said = item.text.lower().split()[0] if item is not None else ""
    return said in ("total", "sum") and item is not None and item.ref.column.startswith(said) and _sum(ctx, match)


def _total_alone(ctx: Context, match: Match) -> bool:
    """'the total revenue we invoiced': a total column named with nothing else is one sum over the rows."""
    if not _said_total(ctx, match):
        return False
    ctx.note(f"read '{match.text}' as the sum of {ctx.measures[-1].column} over every row")
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


REMOVALS = frozenset({"exclude", "excluding", "remove", "removing", "drop", "dropping", "without", "deduplicate"})


def _remaining(ctx: Context, match: Match) -> bool:
    """Whether 'remaining' follows the counted rows, after steps that remove some (not a state no column holds)."""
    start = match.indexes[0]
    before = ctx.sentence.items[start - 1] if start > 0 else None
    removed = ctx.plan.dedupe is not None or any(i.norm in REMOVALS for i in ctx.sentence.items[:start])
    return before is not None and before.consumed and before.kind == "ds" and removed


def read_measures(ctx: Context) -> None:
    scan = ctx.sentence.scan
    span = (
        r"(?:time|days|number of days|duration|delay|gap|lag|interval|wait|how long it takes|how long it took|how long)"
    )
    ends = r" (?:between|from) (?:the )?(?P<a>{C}|{T}|{V}) (?:and|to|until|till) (?:the )?(?P<b>{C}|{T}|{V})"
    added = r"(?:(?:add|include|append)(?: a| an)?(?: new| extra)?(?: column| field)?(?: with| for| of| showing)? )?"
    scan(added + r"(?:(?P<fn>" + FUNCTION_WORDS + r") )?(?:the )?" + span + ends, lambda m: _duration(ctx, m))
    share = r"(?:percentage|percent|%|share|proportion|fraction|ratio|rate)"
    scan(
        r"(?:the )?"
        + share
        + r" of (?:(?:all|the|our|your|all our|all the|all of our|all of the) )?(?:(?:{T}|subscribers|customers|people"
        r"|users|clients|rows|records|members|accounts) )?(?:(?:who|that|which) )?(?:(?:are|were|is|have|has) )?"
        r"(?P<what>{C})",
        lambda m: _rate(ctx, m),
    )
    scan(r"(?P<what>{C}) " + share, lambda m: _rate(ctx, m))
    # "what fraction of the subscribers on each payment method ended up leaving": the groups between, read apart
    scan(
        r"(?:the )?" + share + r" of (?:(?:all|the|our|all our|all the) )?(?:{T}|subscribers|customers|people|users"
        r"|clients|members|accounts)(?=(?: (?:on|in|with|for|per|by|across|from|of))?(?: §)+"
        r"(?P<tail> (?:who|that|which))?(?P<verb>(?: (?:ended up|end up|eventually|finally|went on to|in the end"
        r"|have|has|had|did|were|was|are))*) (?P<what>{C})(?= [?.!,;]|$))",
        lambda m: _rate(ctx, m) and _consume_after(m, "tail", "verb", "what"),
    )
    words = FUNCTION_WORDS + (r"|highest|lowest|largest|smallest|earliest|latest" if ctx.groups else "")
    several = rf"(?P<fns>(?:{words})(?:(?: ,| and| , and| as well as| or|,| \+| &| plus) (?:the )?(?:{words}))+)"
    scan(several + r" (?:of )?(?:the |all )?(?:{T} )?(?P<what>{C})", lambda m: _measures(ctx, m))
    both = rf"(?P<fns>(?:{ENDS})(?: and| ,| , and| or| to)(?: the)? (?:{ENDS}))"
    scan(r"(?:the )?" + both + r" (?:of )?(?:the |all )?(?:{T} )?(?P<what>{C})", lambda m: _measures(ctx, m))
    scan(r"(?:the )?(?:distinct|unique) (?:number|count) of (?P<what>{C}|{T})", lambda m: _distinct_count(ctx, m))
    counting = r"(?P<fn>how many|number of|count of|count|amount of|total number of|total count of)"
    among = r"(?:the |all |our )?(?P<vals>(?:{V} ){1,2})"
    scan(counting + " " + among + r"(?P<what>{T})", lambda m: _measure_among(ctx, m))
    scan(counting + r" (?:the |all |our )?(?P<vals>{V}(?: {V})?)(?! @[tc])", lambda m: rows_among(ctx, m))
    scan(FUNCTION + r"(?: up)? (?:of )?" + among + r"(?P<what>{C})", lambda m: _measure_among(ctx, m))
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
        r"(?:how many|number of|count of|count the|total number of|count)(?: "
        + rows
        + r")?(?! (?:@|distinct|unique|different))",
        lambda m: _rows(ctx, m),
    )
    if ctx.groups:
        # 'the highest number of support calls in each region': the greatest count a row holds, per group
        scan(
            r"(?:the )?" + SUPERLATIVE + r" (?:number|count) of (?:{T} )?(?P<what>{C})",
            lambda m: _most_counted(ctx, m),
        )
    # 'total 2024 revenue', 'the average 2023 quantity': the measure over the rows of that year
    scan(FUNCTION + r" (?:of )?(?:the |our )?(?P<yr>{Y}) (?P<what>{C})", lambda m: _measure_of_year(ctx, m))
    scan(
        FUNCTION
        + r"(?: up)? (?:of )?(?:the |all |our )?(?:number of |amount of |count of )?"
        + DISTINCT
        + r"(?:{T} )?(?P<what>{C}|{T})",
        lambda m: _measure(ctx, m),
    )
    question = (
        r"(?:what is|what s|whats|what was|what were|what are|what(?= (?:our|the) )|how much|calculate|compute|sum up"
        r"|tell me|add up)"
    )
    scan(
        question + r"(?: the| our| all| in)?(?: overall| combined| entire| grand)? (?P<what>{C})",
        lambda m: _sum(ctx, m),
    )
    scan(r"(?:overall|combined|entire|grand total|aggregate|cumulative) (?P<what>{C})", lambda m: _sum(ctx, m))
    # 'what did they bring in each month?': the amount the rows are usually summed by
    scan(
        r"what (?:did|do|does) (?:they|it|these|those|we|the {T}) (?:bring|make|earn|take|generate)(?: in| us)?",
        lambda m: _main_amount(ctx, m),
    )
    # 'total revenue in Germany': a request opening with a total column's own name asks for its total
    # ('the total revenue of orders placed by ...' too, but not 'of each order', which asks for every row's own)
    scan(r"^(?:the |our )?(?P<what>{C})(?= (?:in|for|from|across|over|during|of(?! §| (?:each|every|individual|single"
         r"|the individual)\b)) )", lambda m: _said_total(ctx, m))  # fmt: skip
    # 'the total revenue we invoiced', 'the total charges of all subscribers': the total column said alone is its sum
    earned = r"(?:invoiced|billed|made|earned|charged|collected|booked|generated|received|took in|brought in|got)"
    whole = r"(?: (?:we|you|they) (?:have |ve )?" + earned + r"| (?:of|across|over) (?:all )?(?:the |our )?{T})?"
    scan(r"^(?:the |our )?(?P<what>{C})" + whole + r"(?=(?: [?.!])*$)", lambda m: _total_alone(ctx, m))
    # 'what all our subscribers pay per month, added together', 'monthly charges of every subscriber summed up'
    everyone = r"(?: (?:of|for|from|across|over) (?:all |every |each |our |all our |all of our |all the |the )?{T})?"
    added = r"(?:added together|added up|summed up|summed together|summed|totalled up|totaled up|totalled|totaled)"
    scan(r"(?P<what>{C})" + everyone + r"(?: ,)? " + added + r"(?= [?.!,;]|$)", lambda m: _sum(ctx, m))
    # 'revenue summed per country': the groups read already, the sum is theirs
    per = r"(?= (?:per|by|for each|for every|in each|across each|within each|§) )"
    scan(r"(?P<what>{C}) " + added + per, lambda m: bool(ctx.groups) and _sum(ctx, m))
    # 'what do the churned subscribers' total charges add up to?': the column's values, added up
    scan(r"(?P<what>{C}) (?:add|adds|added|sum|sums|total|totals) (?:up )?to(?= [?.!]|$)", lambda m: _sum(ctx, m))
    scan(
        r"how much (?:money )?(?:did|do|does|have|has|had|was|were)? ?(?:(?:{T}|"
        r"{V}|in|from|the|our|all|we|they) ){0,4}(?P<what>{C})",
        lambda m: _sum(ctx, m),
    )
    if ctx.measures:
        # 'the churn rate in the train data and in the test data': the measure for each value said on its own
        from datalinx.agents.offline.groups import _versus

        part = (
            r"(?:in|for|among|within|across) (?:the )?{V}(?: {C}| data| set| rows| split| group| ones| {T}| users"
            r"| customers| subscribers| people| clients| members| accounts| records)?"
        )
        scan(part + r"(?: ,)? (?:and|as well as|versus|vs) " + part, lambda m: _versus(ctx, m))
    if any(m.function == "sum" for m in ctx.measures):
        # 'how much money we lost to returns': the amount of the rows the value names, lost (or made) on them
        scan(
            r"(?:we |they |the company |the business )?(?:have |has |had )?(?:lost|lose|loses|losing|forfeited|made"
            r"|make|earned|earn|got|get|took|take) (?:out )?(?:to|on|through|via|from|due to|because of|with)"
            r"(?= @v\d+)",
            lambda m: True,
        )
    if ctx.groups:
        # "how much did each customer spend": the grouping read first, the amount after it is summed per group
        scan(r"how much(?: money)?(?: did| do| does| have| has| had)?(?= §)", lambda m: amount_follows(ctx, m))
    if any(m.function == "sum" for m in ctx.measures):
        # 'add up how many units were ordered': the verb of the sum the count of units already is
        scan(r"(?:add|sum|total) up(?= §)", lambda m: True)
    if ctx.measures:
        # 'exclude test accounts, remove duplicates, and count the customers remaining': the rows the steps keep
        scan(r"(?:remaining|that remain|that are left|left over)(?= [?.!,;]| §|$)", lambda m: _remaining(ctx, m))
    if ctx.measures and ctx.order:
        # 'rank the countries from highest to lowest average': the measure named again after the ends of the order
        scan(r"(?<=§ )(?P<fn>average|avg|mean|median|total|sum)(?= [?.!,;]|$)", lambda m: _said_again(ctx, m))
    if ctx.measures:
        # "how many orders do we have in total?": the measure is already over every row (or every group)
        scan(r"(?:in total|in all|all told|all together|altogether|in aggregate)", lambda m: True)
    if ctx.groups or ctx.reading.grouped:
        scan(
            SUPERLATIVE + r" (?:of )?(?:the )?(?:(?:single|individual) )?(?:{T} )?(?P<what>{C})",
            lambda m: _measure(ctx, m),
        )
