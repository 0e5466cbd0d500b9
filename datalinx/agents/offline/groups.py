"""Groupings: 'by country', 'per month', 'for each customer', 'the train split vs the test split'."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context, Measure, SortRequest
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.phrases import alternatives
from datalinx.agents.offline.plan import Aggregate, Condition, ident, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.words import COUNTRY_CODES, TIME_UNITS
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL

TIME = r"(?:(?:calendar|fiscal) )?" + alternatives(list(TIME_UNITS))
GROUP_WORDS = (
    r"(?:grouped by|group by|group them by|group it by|group that by|group this by|broken down by|break down by"
    r"|break it down by|break that down by|break this down by|break them down by|breakdown by|split by|by|per"
    r"|for each|for every|each|across|in each|in every|within each|within every|under each|for all|across all"
    r"|across each)"
)
# "per month 2024", "per month, 2025": the months of that year
# 'by day of the week', 'per month of the year', 'by weekday': a part of a longer period, the same in each
# 'each quarter of the 2023 calendar year': the year's number said before the calendar year it is
PERIOD = (
    r"(?:weekdays?|" + TIME + r"(?: of (?:the )?" + TIME + r")?)"
    r"(?: (?:of |in |for |during |, (?={Y}(?: [?.!]|$)))?(?:(?<=of )the )?{Y}(?: calendar year)?)?"
)
# the part of the longer period each period is, as the expression function that numbers it, and how it counts
CYCLES = {
    ("day", "week"): ("day_of_week", "its day of the week, 1 = Monday"),
    ("day", "month"): ("day", "its day of the month"),
    ("day", "year"): ("day_of_year", "its day of the year"),
    ("week", "year"): ("week", "its ISO week of the year"),
    ("month", "year"): ("month", "its number in the year"),
    ("quarter", "year"): ("quarter", "its number in the year"),
}
# 'per way of paying', 'by method of payment', 'for each type of contract': the column the kind is of
# 'by number of support calls': the count a column already holds
KIND = (
    r"(?:(?:the )?(?:way|ways|method|methods|mode|means|type|types|kind|kinds|sort|form|manner|number|count|{C}) of"
    r" (?:the )?)"
)
GROUP_ITEM = r"(?:(?:{C}|{T}) " + PERIOD + r"|" + KIND + r"?{C}|{T}|" + PERIOD + r")"
GROUPS = (
    r"(?P<groups>" + GROUP_ITEM + r"(?:(?: and| ,|,| and by| and per| then by| then| crossed with| cross with)"
    r" (?:the )?" + GROUP_ITEM + r")*)"
)


def event_date(ctx: Context, item: Item | None) -> str | None:
    """The date column an item names: a date column itself, or the date of the event a value also names
    ('shipped' is a status and the event ship_date records)."""
    if item is None:
        return None
    refs = [item.ref] if item.kind == "col" else list(item.alternatives) if item.kind == "val" else []
    for ref in refs:
        if isinstance(ref, ColumnRef):
            facts = ctx.facts(ref)
            if facts is not None and (facts.type in TEMPORAL or "date" in facts.name):
                return ctx.use(ref)
    return None


def bucket(ctx: Context, unit: str, item: Item | None, within_year: bool = False) -> str | None:
    """The column a period groups by, computed from a date column: 'month' of order_date -> order_month; a period
    of one year ('each quarter of 2024') as its number in the year."""
    column = event_date(ctx, item) or ctx.main_date()
    if column is None:
        return None
    numbered = unit == "year" or (within_year and unit in ("quarter", "month"))
    name = _bucket_of(ctx, column, unit, numbered)
    if item is None or event_date(ctx, item) is None:
        ctx.default_periods.append((name, unit, numbered))  # the dataset's own date, unless another event is dated
    return name


def _bucket_of(ctx: Context, column: str, unit: str, numbered: bool) -> str:
    source = ctx.as_date(column)
    stem = column.removesuffix("_date").removesuffix("_at")
    name = f"{stem}_{unit}"
    expression = f"{unit}({source})" if numbered else f"date_trunc('{unit}', {source})"
    if ctx.plan.aggregate is None:
        ctx.plan.aggregate = Aggregate()
    ctx.plan.aggregate.buckets[name] = expression
    ctx.period_dates[name] = column
    counted = next((how for part, how in CYCLES.values() if part == unit), "its number in the year")
    form = f" (as {counted})" if numbered and unit != "year" else ""
    ctx.note(f"grouped {column} by {unit}" + (form or (" (as the first day of each period)" if not numbered else "")))
    return name


def _cycle(items: list[Item], position: int) -> tuple[str, int] | None:
    """'day of the week', 'month of year', 'weekday' at `position`: the part it numbers and how many items it is."""
    item = items[position]
    if item.norm in ("weekday", "weekdays"):
        return "day_of_week", 1
    following = [i.norm for i in items[position + 1 : position + 4]]
    width = 3 if following[:2] == ["of", "the"] else 2 if following[:1] == ["of"] else 0
    longer = TIME_UNITS.get(following[width - 1]) if width and len(following) >= width else None
    part = CYCLES.get((TIME_UNITS.get(item.norm, ""), longer or ""))
    return (part[0], width + 1) if part is not None else None


def periods_of_event(ctx: Context) -> None:
    """'monthly count of orders shipped in 2024': periods said without a date are of the one event the request
    dates by its verb (ship_date), not of the dataset's own date."""
    events = set(ctx.event_dates)
    if len(events) != 1 or not ctx.default_periods or ctx.plan.aggregate is None:
        return
    column = events.pop()
    for name, unit, numbered in ctx.default_periods:
        if name not in ctx.groups or name not in ctx.plan.aggregate.buckets:
            continue
        del ctx.plan.aggregate.buckets[name]
        ctx.period_dates.pop(name, None)
        ctx.assumptions = [a for a in ctx.assumptions if not a.startswith("grouped ") or f" by {unit}" not in a]
        renamed = _bucket_of(ctx, column, unit, numbered)
        ctx.groups = [renamed if g == name else g for g in ctx.groups]
    ctx.default_periods.clear()


def spellings_folded(ctx: Context, column: str, source: tuple[str, str] | None = None) -> str | None:
    """`column` with each spelling of a value (in any case, padded or not) written as its most common one, or None
    when the column has no known variants; `source` names the dataset's column it holds, when known."""
    if source is None and ctx.grounding.column(ctx.base, column) is not None:
        source = (ctx.base, column)
    for join in ctx.plan.joins if source is None else []:
        original = next((old for old, new in join.renamed.items() if new == column), column)
        if original in join.columns or original in join.renamed:
            source = (join.dataset, original)  # 'revenue per product category': the joined table's spellings
    variants = ctx.grounding.spellings.get(source) if source is not None else None
    if not variants:
        return None
    cases = []
    for head, members in variants.items():
        spelled = {str(v).strip().lower() for v in members}
        if "country" in column and head.strip().lower() in COUNTRY_CODES:
            spelled.add(COUNTRY_CODES[head.strip().lower()])  # 'USA' however rare
        listed = ", ".join(literal(v) for v in sorted(spelled))
        cases.append(f"when lower(trim({ident(column)})) in ({listed}) then {literal(head)}")
    return f"case {' '.join(cases)} else {ident(column)} end"


def _continuous(ctx: Context, item: Item) -> bool:
    """A measured amount (many distinct decimals), which nobody groups by: 'by revenue' ranks or sums it."""
    facts = ctx.facts(item.ref) if isinstance(item.ref, ColumnRef) else None
    return facts is not None and facts.type == "float64" and (facts.distinct or 0) > 60


def _owned_by_each_row(ctx: Context, item: Item) -> bool:
    """Whether a grouped item is the base's own row in the possessive ('each product's name'): its columns."""
    text = item.text.lower().replace("\u2019", "'")
    if not re.match(r"^[a-z_ ]+'s?(?: |$)", text):
        return False
    if item.kind == "ds":
        return str(item.ref) == ctx.base
    return item.kind == "col" and isinstance(item.ref, ColumnRef) and item.ref.dataset == ctx.base


def _measured_after(ctx: Context, match: Match) -> bool:
    """'for each segment, revenue': a number column after the comma is the measure; the comma ends the groups."""
    measured = match.item("m")
    ref = measured.ref if measured is not None else None
    if not isinstance(ref, ColumnRef) or ctx.grounding.is_key(ref.dataset, ref.column):
        return False
    facts = ctx.grounding.column(ref.dataset, ref.column)
    if facts is not None and facts.type in NUMERIC:
        for comma in match.items(name="comma"):
            comma.consumed = True
    return False


def _groups(ctx: Context, match: Match) -> bool:
    items = match.items(name="groups")
    if items and all(i.kind == "col" and _continuous(ctx, i) for i in items):
        return False
    if items and all(i.kind == "ds" for i in items) and _done_by(ctx, match):
        return False  # "orders placed by customers in ...": who placed them, not a grouping
    every = re.match(r"(?:for |in |within |under |across )?(?:each|every|all)\b", match.text.lower()) is not None
    if items and every and _owned_by_each_row(ctx, items[0]):
        return False  # "each product's name and price": the columns of every row, not a grouping
    if items and every and items[0].text.lower().startswith(("with ", "w/ ")):
        return False  # "orders, each with the buyer's email": what every row gets beside it, not a grouping
    periods = any(i.kind == "word" and (i.norm in TIME_UNITS or i.norm.startswith("weekday")) for i in items)
    if periods and _day_of_period(ctx, match):
        return False
    pending: Item | None = _date_before(ctx, match) if periods else None
    dated: Item | None = None  # the date column of the last period
    cycled = 0  # items of 'day of the week' left to pass
    for position, item in enumerate(items):
        if cycled:
            cycled -= 1
            continue
        cycle = _cycle(items, position) if item.kind == "word" else None
        if cycle is not None:
            dated, cycled = pending, cycle[1] - 1
            column = event_date(ctx, pending) or ctx.main_date()
            pending = None
            if column is None:
                ctx.refuse(f"by {item.text} (no date column)")
            else:
                ctx.groups.append(_bucket_of(ctx, column, cycle[0], True))
            continue
        following = items[position + 1] if position + 1 < len(items) else None
        before_period = following is not None and following.kind == "word" and following.norm in TIME_UNITS
        if item.kind == "col":
            if before_period:
                pending = item
                continue
            if following is not None and following.norm == "of":
                kind_of = next((i for i in items[position + 1 :] if i.kind == "col"), None)
                if kind_of is None or not isinstance(item.ref, ColumnRef) or not isinstance(kind_of.ref, ColumnRef):
                    return False
                if (item.ref.dataset, item.ref.column) != (kind_of.ref.dataset, kind_of.ref.column):
                    return False  # 'by revenue of country': no kind of one column
                continue
            if not periods and _dates_the_periods(ctx, item):
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
        elif item.kind == "year":
            _year(ctx, item, dated)
        elif item.kind == "word" and item.norm in TIME_UNITS and _year_said_before(items, position):
            continue  # 'of the 2023 calendar year': the year the periods are in, not a grouping of its own
        elif item.kind == "word" and item.norm in TIME_UNITS:
            dated = pending
            name = bucket(ctx, TIME_UNITS[item.norm], pending, _of_a_year(items[position + 1 :]))
            pending = None
            if name is None:
                ctx.refuse(f"by {item.text} (no date column)")
            else:
                ctx.groups.append(name)
    return True


def _year_said_before(items: list[Item], position: int) -> bool:
    """Whether a 'year' at `position` follows the year's number ('2023 calendar year', '2023 year')."""
    before = [i for i in items[:position] if i.norm != "calendar"]
    return items[position].norm == "year" and bool(before) and before[-1].kind == "year"


def _day_of_period(ctx: Context, match: Match) -> bool:
    """'on the 15th of each month', 'the first day of every month': a day within any month, not a grouping."""
    index = match.indexes[0]
    before = [i.norm for i in ctx.sentence.items[max(0, index - 3) : index]]
    if not before or before[-1] != "of" or match.items()[0].norm not in ("each", "every"):
        return False
    ordinal = ("st", "nd", "rd", "th", "day", "first", "second", "third", "fourth", "fifth", "tenth", "fifteenth")
    return len(before) >= 2 and before[-2] in ordinal


def _own_rows(ctx: Context, match: Match) -> bool:
    """'for every purchase, ...': the comma ends the groups (the base's rows as they are, or another dataset's
    key); what follows is what each gets ('for each customer, total revenue' sums, it does not group by it)."""
    item = match.item("groups")
    return item is not None and item.kind == "ds" and _groups(ctx, match)


def _of_a_year(following: list[Item]) -> bool:
    """Whether a period is a part of one year ('each quarter of 2024'), not a span of dates ('per month 2024')."""
    if following[1:2] and following[1].norm == "the":
        following = following[1:]  # 'each quarter of the 2023 calendar year'
    return len(following) >= 2 and following[0].norm in ("of", "the") and following[1].kind == "year"


def _done_by(ctx: Context, match: Match) -> bool:
    """Whether a 'by' follows a participle ('placed by', 'bought by'): the doer of the rows, not their groups."""
    index = match.indexes[0]
    first = ctx.sentence.items[index]
    back = index - 1  # 'placed in 2024 by': the rows' period said between
    while back > 0 and (ctx.sentence.items[back].kind in ("year", "date") or ctx.sentence.items[back].norm in PERIODS):
        back -= 1
    before = ctx.sentence.items[back] if back >= 0 and back < index else None
    done = ("placed", "made", "bought", "purchased", "ordered")
    return first.norm == "by" and before is not None and before.norm in done


PERIODS = frozenset({"in", "during", "from", "since"})


def _year(ctx: Context, item: Item, dated: Item | None) -> None:
    """'per month 2024': the rows of that year, by the date the periods are of."""
    from datalinx.agents.offline.filter_dates import _add, date_ref

    column = event_date(ctx, dated) if dated is not None else ctx.main_date()
    if column is None:
        ctx.refuse(f"{item.text} (no date column)")
        return
    ctx.note(f"dates refer to {column}")
    ref = date_ref(item)
    _add(ctx, column, ref.start, ref.end, f"in {item.text}", ref)


def _date_of_item(ctx: Context, item: Item) -> str | None:
    """The date column an item names, or None."""
    if not isinstance(item.ref, ColumnRef):
        return None
    facts = ctx.facts(item.ref)
    return item.ref.column if facts is not None and (facts.type in TEMPORAL or "date" in facts.name) else None


def _date_before(ctx: Context, match: Match) -> Item | None:
    """'signed up each year': the date column just before a period grouping is the one it groups."""
    index = match.indexes[0] - 1
    if (
        index >= 1
        and ctx.sentence.items[index].norm in ("on", "in", "during")
        and ctx.sentence.items[index - 1].kind == "val"
    ):
        index -= 1  # 'orders shipped on each weekday', 'shipped in each month'
    before = ctx.sentence.items[index] if index >= 0 else None
    if before is None or before.consumed or before.kind not in ("col", "val"):
        return None
    if before.kind == "val":
        # 'orders (that were) shipped each month', 'the quantity shipped in each year': the event of the rows (or
        # of the amount) named, not 'shipped orders'
        back = index - 1
        while back >= 0 and ctx.sentence.items[back].norm in ("were", "was", "that", "which", "got", "been", "being"):
            back -= 1
        named = ctx.sentence.items[back] if back >= 0 else None
        amount = named is not None and named.kind == "col" and named.ref.type in NUMERIC
        if named is None or (named.kind != "ds" and not amount):
            return None
    column = event_date(ctx, before)
    if column is None:
        return None
    if before.kind == "val":
        ctx.note(f"read '{before.text}' as the date {column}; rows without one are left out")
        ctx.plan.add_filter(Condition.present(column))
    before.consumed = True
    return before


def _dates_the_periods(ctx: Context, item: Item | None) -> bool:
    """'orders per month by ship date', '..., based on the ship date': the date the periods are of, not a group of
    its own (the periods of the dataset's own date are moved to it; those of it already, said again, stay)."""
    date = _date_of_item(ctx, item) if item is not None else None
    if item is None or date is None:
        return False
    if date in ctx.period_dates.values():
        return ctx.column(item) is not None
    if not ctx.default_periods:
        return False
    main = ctx.main_date()
    if any(c.column == main and not c.prior for c in ctx.plan.filters):
        ctx.refuse(f"{item.text} (the periods' dates were read as {main} already)")
        return True
    ctx.event_dates.append(ctx.column(item) or "")
    periods_of_event(ctx)
    return True


def _period_sort(ctx: Context, match: Match, sorts: list[tuple[list[int], str, bool, str]]) -> bool:
    """'total the revenue per month and sort by month': noted, the periods grouped elsewhere in the request; left
    for the groups to read 'by month', then sorted by that period (see `_sort_by_periods`)."""
    unit = TIME_UNITS.get((match.group("unit") or "").split()[-1])
    said = [i for n, i in enumerate(ctx.sentence.items) if n not in match.indexes and TIME_UNITS.get(i.norm) == unit]
    if unit is not None and said:
        verbs = [n for n in match.indexes if ctx.sentence.items[n].norm not in TIME_UNITS]
        sorts.append((verbs, unit, (match.group("dir") or "") in ("descending", "desc"), match.text))
    return False


def _sort_by_periods(ctx: Context, sorts: list[tuple[list[int], str, bool, str]]) -> None:
    """The periods a sort noted by `_period_sort` names, once they are grouped: the sort is by that bucket."""
    buckets = ctx.plan.aggregate.buckets if ctx.plan.aggregate is not None else {}
    for verbs, unit, descending, text in sorts:
        names = sorted({g for g in ctx.groups if g in buckets and g.endswith(f"_{unit}")})
        if len(names) != 1:
            continue
        for index in verbs:
            ctx.sentence.items[index].consumed = True
        ctx.order.append(SortRequest(names[0], None, descending, text))


def _periodic(ctx: Context, match: Match) -> bool:
    """'monthly revenue', 'yearly orders', 'monthly signups' (the periods of the date named)."""
    unit = TIME_UNITS.get(match.group("unit") or "")
    dated = match.item("col")
    if unit is None or (dated is not None and _date_of_item(ctx, dated) is None):
        return False
    name = bucket(ctx, unit, dated)
    if name is None:
        return False
    ctx.groups.append(name)
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


def _both_sides(ctx: Context, match: Match) -> bool:
    """'how many churned and how many stayed': a count per value of the flag."""
    first, second = match.item("a"), match.item("b")
    if first is None or second is None or not ctx.grounding.is_flag(first.ref.dataset, first.ref.column):
        return False
    if (first.ref.dataset, first.ref.column) != (second.ref.dataset, second.ref.column):
        return False
    if first.ref.negated == second.ref.negated:
        return False
    column = ctx.column(first)
    if column is not None and column not in ctx.groups:
        ctx.groups.append(column)
        ctx.measures.append(Measure("count", None, match.text))
    return column is not None


def _value_counts(ctx: Context, match: Match) -> bool:
    """'status counts for orders', 'category frequencies': how many rows hold each value of the column."""
    item = match.item("col")
    column = ctx.column(item) if item is not None and item.kind == "col" else None
    if column is None or ctx.groups or ctx.measures:
        return False
    ctx.groups.append(column)
    ctx.measures.append(Measure("count", None, match.text))
    return True


def _within_sorted(ctx: Context, match: Match) -> bool:
    item = match.item("col")
    if item is None or item.kind != "col":
        return False
    column = item.ref.column
    if any(request.column == column for request in ctx.order):
        return True  # the rows are sorted by it already: what follows orders them within each
    others = [i for i in ctx.sentence.live("col") if i is not item and i.ref.column == column]
    if column in ctx.groups or others:
        ctx.refuse(f"within each {item.text} (a grouping said twice, or the order within each {item.text}?)")
        return True
    return False


def _placed_by(ctx: Context, match: Match) -> bool:
    rows = match.item("a")
    if rows is None or str(rows.ref) != ctx.base:
        return False
    ctx.sentence.items[match.indexes[-1]].consumed = True  # 'by' only: the people and their test are read later
    return False


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
    # 'the mean income of subscribers who churned with that of subscribers who did not'
    scan(r"(?:who|that) (?P<a>{C}) (?:with|to|against|and|vs|versus) (?:that|those) of " + others,
         lambda m: _flag_groups(ctx, m))  # fmt: skip
    scan(r"(?:for |between )?" + flag + f" (?:{versus}|and) (?:non (?:- )?)?" + flag, lambda m: _versus(ctx, m))
    if ctx.groups:
        scan(r"^(?:compare|compared|contrast)(?= )", lambda m: True)  # the groups are what is compared
    counted = (
        r"(?:how many|the number of|number of|count of|count)(?: (?:{T}|of them|people|ones|rows|subscribers"
        r"|customers|users|clients|members|accounts))?"
    )
    side = r"(?:(?:who|that) )?(?:(?:have|has|had|are|were) )?"
    scan(
        counted + " " + side + r"(?P<a>{C})(?: ,| and| , and| vs| versus)(?: " + counted + r")? " + side + "(?P<b>{C})",
        lambda m: _both_sides(ctx, m),
    )
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
    scan(
        r"(?:the )?(?:value )?(?P<col>{C}) (?:value )?(?:counts|frequencies)(?! of)",
        lambda m: _value_counts(ctx, m),
    )
    # 'sorted by country, and within each country by revenue': the order within each, no grouping
    scan(r"(?:, )?(?:and )?within (?:each|every|the same|a given) (?P<col>{C})", lambda m: _within_sorted(ctx, m))
    # 'orders by customers over 60': the people who placed the rows, tested after; no grouping by them
    scan(r"(?P<a>{T}) by(?= (?:the |our |all )?{T} (?:over|under|older|younger|aged|above|below|between|who|that"
         r"|which|from|in|with|without|living|based) )", lambda m: _placed_by(ctx, m))  # fmt: skip
    # "for every purchase, the town the buyer lives in": one row per row of the base, then what each row gets
    scan(r"(?:for each|for every|for all|each|every) (?P<groups>{T})(?= ,)", lambda m: _own_rows(ctx, m))
    # "for each segment, revenue": what is measured after the comma, not a second group
    scan(r"(?:for each|for every|each|every) (?:the )?(?:{C}|{T})(?P<comma> ,)(?= (?:the |their |its |total )?"
         r"(?P<m>{C})(?: [?.!]|$))", lambda m: _measured_after(ctx, m))  # fmt: skip
    # 'month by month for 2024': the period said twice
    # 'for each combination of contract type and payment method', 'by both split and churned': the pairs are the groups
    pairs = (
        r"(?:both (?:the )?)?(?:(?:combination|combinations|pair|pairs|pairing|pairings|mix|combo|combos) of"
        r" (?:the )?)?"
    )
    sorts: list[tuple[list[int], str, bool, str]] = []
    scan(
        r"(?:and )?(?:sort|sorted|order|ordered|sorting|ordering)(?: (?:them|it|the results?|everything))? by (?:the )?"
        r"(?P<unit>" + TIME + r")(?: (?P<dir>ascending|descending|asc|desc|chronologically))?(?= [?.!,;]|$)",
        lambda m: _period_sort(ctx, m, sorts),
    )
    scan(
        r"(?:" + TIME + r" (?=by " + TIME + r"))?" + GROUP_WORDS + " (?:the )?" + pairs + GROUPS,
        lambda m: _groups(ctx, m),
    )
    _sort_by_periods(ctx, sorts)
    # '..., based on the ship date': the date the periods were read as of already, said again
    scan(r"(?:, )?(?:based on|according to|going by|by|using) (?:the )?(?P<col>{C})(?= [?.!]|$)",
         lambda m: _dates_the_periods(ctx, m.item("col")))  # fmt: skip
    periodic = r"(?P<unit>daily|weekly|monthly|quarterly|yearly|annual)"
    scan(periodic + r" (?P<col>{C})", lambda m: _periodic(ctx, m))
    scan(periodic, lambda m: _periodic(ctx, m))
