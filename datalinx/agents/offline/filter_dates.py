"""Row tests on dates: 'in 2024', 'since March 2023', 'before 2022-06-01', 'between Q1 and Q3 2024', 'in May'."""

from __future__ import annotations

import datetime as dt
import itertools

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.dates import RECURRING, DateRef, year_range
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.groups import periods_of_event
from datalinx.agents.offline.phrases import BRIDGE
from datalinx.agents.offline.plan import Condition, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.words import WEEKDAYS
from datalinx.core.pipelines.types import TEMPORAL

EDGE = r"(?:(?:the )?(?:start|beginning|begin|first day|end|last day|close) of (?:the year )?)?"
WHEN = EDGE + r"(?:the )?(?P<a>{D}|{Y})"
RANGE_END = r"(?:and|to|until|till|through|thru|-)"
# 'past 2025' is after it, as 'beyond 2025' is. 'no later than' is a bound from above: neither list reads 'later
# than' or 'earlier than' after 'no' or 'not'.
AFTER = (
    r"(?:(?<!no )(?<!not )(?:since|after|starting|starting from|starting in|starting on|"
    r"beginning|beginning in|later than|on or after|as of|beyond|(?<!the )past)|no earlier than|not earlier than)"
)
BEFORE = (
    r"(?:(?<!no )(?<!not )(?:before|until|till|through|up to|up until|by|prior to|earlier than|on or before|up till)"
    r"|no later than|not later than)"
)
DURING = r"(?:in|during|within|on|for|from|of|dated)"


def date_ref(item: Item) -> DateRef:
    return item.ref if isinstance(item.ref, DateRef) else year_range(int(item.ref))


def year_bound(item: Item, operator: str) -> tuple[str, dt.date] | None:
    """`operator` against a year or date as a bound on days: 'after 2023' -> '>= 2024-01-01'."""
    ref = date_ref(item)
    if ref.grain in RECURRING:
        return None
    return {
        ">": (">=", ref.end),
        ">=": (">=", ref.start),
        "<": ("<", ref.start),
        "<=": ("<", ref.end),
    }.get(operator)


def _date_column(ctx: Context, item: Item | None) -> str | bool | None:
    """The date column a mention names (False: the mention is not a date column), else the dataset's date."""
    if item is None:
        column = ctx.main_date()
        grouped = {ctx.period_dates[g] for g in ctx.groups if g in ctx.period_dates}
        span = ctx.sentence.active
        before = ctx.sentence.items[span[0] - 1].norm if span is not None and span[0] > 0 else ""
        if len(grouped) == 1 and before not in ("placed", "ordered", "made", "bought", "purchased", "created"):
            column = grouped.pop()  # 'orders per month by ship date in 2024': the date the periods are of
        if before in ("sent", "posted", "mailed") and (shipped := _ship_date(ctx)) is not None:
            column = shipped  # 'orders sent during 2024': the day they went out, not the day they were placed
            ctx.event_dates.append(column)
        if column is not None:
            ctx.note(f"dates refer to {column}")
        return column
    refs = [item.ref, *item.alternatives] if item.kind == "col" else list(item.alternatives)
    for ref in refs:
        if isinstance(ref, ColumnRef):
            facts = ctx.facts(ref)
            if facts is not None and (facts.type in TEMPORAL or (facts.type == "string" and "date" in facts.name)):
                column = ctx.use(ref)
                if item.kind == "val" or _said_by_verb(item):
                    ctx.event_dates.append(column)  # 'shipped in 2024', 'dispatched during 2024': the event's date
                return column
    return False


def _ship_date(ctx: Context) -> str | None:
    """The base's one date column of shipping, if it has exactly one ('ship_date', 'shipped_at')."""
    dates = [c for c in ctx.grounding.dataset(ctx.base).columns if "ship" in c.name and c.type in TEMPORAL]
    return dates[0].name if len(dates) == 1 else None


def _said_by_verb(item: Item) -> bool:
    """Whether a date column is named by its event's verb ('dispatched', 'sent', 'placed'), not by its name."""
    return item.kind == "col" and " " not in item.norm and (item.norm.endswith("ed") or item.norm in ("sent", "made"))


def _test(target: str, start: dt.date | None, end: dt.date | None, ref: DateRef) -> str:
    """The test that `target` (a date expression) falls within `ref`, or between `start` and `end`."""
    if ref.grain == "month_of_year":
        return f"month({target}) = {ref.month}"
    if ref.grain == "day_of_year":
        return f"month({target}) = {ref.month} and day({target}) = {ref.day}"
    parts = []
    if start is not None:
        parts.append(f"{target} >= {literal(start)}")
    if end is not None:
        parts.append(f"{target} < {literal(end)}")
    return " and ".join(parts)


def _add(ctx: Context, column: str, start: dt.date | None, end: dt.date | None, words: str, ref: DateRef) -> None:
    expression = _test(ctx.as_date(column), start, end, ref)
    ctx.plan.add_filter(Condition(expression, f"{column} {words}", column))


def _either(ctx: Context, match: Match) -> bool:
    """'in January and March 2024', 'on Christmas or New Year's day': rows within any of the dates."""
    column = _date_column(ctx, match.item("col"))
    dates = [item for item in match.items() if item.kind in ("date", "year")]
    refs = [date_ref(item) for item in dates]
    if column is False or len(refs) < 2:
        return False
    if column is None:
        ctx.refuse(f"{match.text} (no date column)")
        return True
    if len({ref.grain in RECURRING for ref in refs}) > 1:
        ctx.refuse(f"{match.text} (which year?)")
        return True
    target = ctx.as_date(str(column))
    expression = " or ".join(f"({_test(target, ref.start, ref.end, ref)})" for ref in refs)
    words = " or ".join(item.text for item in dates)
    ctx.plan.add_filter(Condition(f"({expression})", f"{column} in {words}", str(column)))
    return True


def _at_end(match: Match) -> bool:
    """'the end of 2023': the bound is the period's last day, not its first."""
    return any(w in match.text.lower().split() for w in ("end", "close", "last"))


def _handle(ctx: Context, match: Match, how: str, with_column: bool) -> bool:
    column_item = match.item("col") if with_column else None
    column = _date_column(ctx, column_item)
    if column is False:
        return False
    first = match.item("a")
    if first is None:
        return False
    if column is None:
        ctx.refuse(f"{match.text} (no date column)")
        return True
    assert isinstance(column, str)
    ref = date_ref(first)
    if how == "range":
        last = match.item("b")
        assert last is not None
        end = date_ref(last)
        if ref.grain == end.grain == "month_of_year" and ref.month and end.month:
            # 'from March to May' in any year: the months between, wrapping past December ('November to February')
            target = f"month({ctx.as_date(column)})"
            joiner = "and" if ref.month <= end.month else "or"
            expression = f"({target} >= {ref.month} {joiner} {target} <= {end.month})"
            ctx.plan.add_filter(Condition(expression, f"{column} from {first.text} to {last.text}", column))
            return True
        if ref.grain in RECURRING or end.grain in RECURRING:
            return False
        _add(ctx, column, ref.start, end.end, f"from {first.text} to {last.text}", ref)
    elif ref.grain in RECURRING:
        if how != "in":
            ctx.refuse(f"{match.text} (which year?)")
            return True
        _add(ctx, column, None, None, f"in {first.text}", ref)
    elif how == "in":
        _add(ctx, column, ref.start, ref.end, f"in {first.text}", ref)
    elif how == "after":
        word = (match.group("prep") or "since").split()[0]
        start = ref.end if word in ("after", "later", "beyond", "past") or _at_end(match) else ref.start
        _add(ctx, column, start, None, f"{word} {first.text}", ref)
    else:
        word = (match.group("prep") or "until").split()[0]
        end = ref.start if word in ("before", "prior", "earlier") and not _at_end(match) else ref.end
        _add(ctx, column, None, end, f"{word} {first.text}", ref)
    return True


DAY_NAME = r"(?:" + "|".join(WEEKDAYS) + r")s?"
WORKING_DAYS = (1, 2, 3, 4, 5)
WEEK_PARTS = {"weekend": (6, 7), "weekday": WORKING_DAYS, "working day": WORKING_DAYS, "business day": WORKING_DAYS}


def _weekdays(ctx: Context, match: Match) -> bool:
    """'on a Saturday or Sunday', 'at the weekend', 'on weekdays': days of the week."""
    item = match.item("col")
    column = _date_column(ctx, item)
    if column is False:
        return False
    if column is None:
        ctx.refuse(f"{match.text} (no date column)")
        return True
    named = (match.group("days") or match.group("part") or "").replace(",", " ").split()
    plural = all(w.endswith("s") for w in named if w not in ("or", "and", "on", "a", "an"))
    if not match.group("prep") and not match.group("falls") and not plural:
        return False  # 'since monday', 'this weekend': a day relative to today, which the planner does not know
    words = (match.group("days") or "").split()
    days = sorted({WEEKDAYS[w.removesuffix("s")] for w in words if w.removesuffix("s") in WEEKDAYS})
    part = match.group("part")
    if part:
        days = list(WEEK_PARTS[part.replace("week day", "weekday").removesuffix("s")])
    if match.group("neg"):  # 'the ship date is not a weekend': the other days
        days = [d for d in range(1, 8) if d not in days]
    if not days:
        return False
    target = f"day_of_week({ctx.as_date(column)})"
    expression = " or ".join(f"{target} = {day}" for day in days)
    if len(days) > 1:
        expression = f"({expression})"
    ctx.plan.add_filter(Condition(expression, f"{column} falls on {part or match.group('days')}", column))
    ctx.note("days of the week count from 1, Monday")
    return True


# words a year may follow when it dates the amount after it ('show me 2024 revenue'), not when it is a number
# compared ('more than 2000 revenue')
BEFORE_YEAR = frozenset({"the", "our", "my", "me", "show", "list", "get", "give", "what", "whats", "s", "is", "was",
                         "of", "for", "and", "see", "compare", "report", "just", "only", "overall"})  # fmt: skip


def year_of_amount(ctx: Context, item: Item, amount: Item | None, measured: bool = False) -> bool:
    """Whether a year that leads an amount ('2025 revenue', 'our 2023 quantity') dates the rows, and if so its test
    on the dataset's own date; `measured`: the year follows the measure's word ('average 2023 quantity')."""
    index = ctx.sentence.items.index(item)
    before = ctx.sentence.items[index - 1] if index > 0 else None
    if not measured and before is not None and before.kind != "punct" and before.norm not in BEFORE_YEAR:
        return False
    if amount is None or amount.kind != "col" or not isinstance(amount.ref, ColumnRef):
        return False
    facts = ctx.facts(amount.ref)
    if facts is None or facts.type in TEMPORAL or "date" in facts.name or ctx.grounding.is_key(facts.name, facts.name):
        return False
    column = ctx.main_date()
    if column is None:
        return False
    ctx.note(f"read '{item.text} {amount.text}' as the {amount.text} of the rows with {column} in {item.text}")
    ref = date_ref(item)
    _add(ctx, column, ref.start, ref.end, f"in {item.text}", ref)
    return True


def _year_of_amount(ctx: Context, match: Match) -> bool:
    item = match.item("a")
    return item is not None and year_of_amount(ctx, item, match.item("col"))


HAPPENED = r"(?:(?:took|takes|take) place |happened |happens |occurred |occurs )?"  # 'whose signup took place in'


def _restated(ctx: Context, match: Match) -> bool:
    """'the summer of 2024? June to August is fine': months that only spell out a period the request names."""
    first, last = match.item("a"), match.item("b") or match.item("a")
    if first is None or last is None:
        return False
    months = [date_ref(first), date_ref(last)]
    if any(ref.grain != "month_of_year" for ref in months):
        return False
    for item in ctx.sentence.items:
        ref = item.ref if item.kind == "date" else None
        if not isinstance(ref, DateRef) or ref.grain in RECURRING or item in (first, last):
            continue
        ending = ref.end - dt.timedelta(days=1)
        if (ref.start.month, ref.start.day, ending.month) == (months[0].month, 1, months[1].month):
            ctx.note(f"read '{match.text}' as spelling out {item.text}")
            return True
    return False


def _days_restated(ctx: Context, match: Match) -> bool:
    """'between Christmas and New Year's Eve 2024, so 25 to 31 December': days spelling out a range already named."""
    first, last, month = match.item("first"), match.item("last"), match.item("a")
    if first is None or last is None or month is None or date_ref(month).grain != "month_of_year":
        return False
    days = (date_ref(month).month, first.ref), (date_ref(month).month, last.ref)
    for start, end in _named_ranges(ctx, match):
        if ((start.month, start.day), (end.month, end.day)) == days:
            ctx.note(f"read '{match.text}' as spelling out the days from {start} to {end}")
            return True
    return False


def _named_ranges(ctx: Context, match: Match) -> list[tuple[dt.date, dt.date]]:
    """The first and last days of each range of two dated items before the match ('between X and Y')."""
    dated = [
        item.ref
        for item in ctx.sentence.items[: match.indexes[0]]
        if item.kind == "date" and isinstance(item.ref, DateRef) and item.ref.grain not in RECURRING
    ]
    return [(a.start, b.end - dt.timedelta(days=1)) for a, b in itertools.pairwise(dated)]


def _taken(ctx: Context, match: Match) -> bool:
    """'every order we took in May', 'the orders we received over the summer': the rows' own date (placed)."""
    said = [i for i in match.items("val") if i.text.lower() not in TAKING]
    if said:
        return False  # 'which orders did we ... Books': a value, not the verb of taking them in
    for index in match.indexes:
        if ctx.sentence.items[index].kind != "ds":
            ctx.sentence.items[index].consumed = True
    return False  # the dataset stays for the readers that place it


# verbs of taking rows in that are also values of a column ('did we book': no Books category)
TAKING = frozenset({"book", "booked", "log", "logged", "record", "recorded", "take", "took", "get", "got"})
DAY_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "tenth": 10, "fifteenth": 15,
                "twentieth": 20}  # fmt: skip


def _day_of_month(ctx: Context, match: Match) -> bool:
    """'placed on the first day of a month', 'on the 15th of each month': the day of the month, in any month."""
    column = _date_column(ctx, match.item("col"))
    if column is False:
        return False
    if column is None:
        ctx.refuse(f"{match.text} (no date column)")
        return True
    number = match.item("n")
    day = int(number.ref) if number is not None else DAY_ORDINALS.get(match.group("nth") or "")
    if day is None or not 1 <= day <= 31:
        return False
    target = ctx.as_date(str(column))
    ctx.plan.add_filter(Condition(f"day({target}) = {day}", f"{column} falls on day {day} of its month", str(column)))
    return True


def read_dates(ctx: Context) -> None:
    """Every date test; a mention without a column refers to the dataset's own date."""
    scan = ctx.sentence.scan
    fine = r"(?: (?:is|are|would be|will be|works|is what i mean) ?(?:fine|ok|okay|good|enough|great|perfect)?)?"
    # ', so 25 to 31 December': the days of a range the request names with its year
    scan(
        r"(?:so|i mean|ie|i e|i\.e(?: \.)?|that is|meaning) (?:from )?(?P<first>{N}) (?:to|through|thru|-|until|till) "
        r"(?P<last>{N}) (?P<a>{D})" + fine,
        lambda m: _days_restated(ctx, m),
    )
    scan(
        r"(?:(?:so|i mean|ie|i e|that is|meaning|or) )?(?P<a>{D})(?: (?:to|through|thru|-|until|till) (?P<b>{D}))?"
        + fine,
        lambda m: _restated(ctx, m),
    )
    took = r"(?:took|received|got|booked|logged|recorded|took in|processed|handled)"
    took_asked = r"(?:take|receive|get|book|log|record|take in|process|handle)"  # 'which orders did we receive'
    scan(
        r"{T} (?:(?:that|which) )?(?:(?:we|you|they) "
        + took
        + r"|(?:did|do) (?:we|you|they) (?:"
        + took_asked
        + r"|@v\d+))"
        r"(?= (?:in|during|over|on|since|before|after|between|from|throughout|@[dy]\d+))",
        lambda m: _taken(ctx, m),
    )
    nth = r"(?:(?P<nth>" + "|".join(DAY_ORDINALS) + r")|(?P<n>{N})(?: (?:st|nd|rd|th))?)"
    monthly = (
        r"(?:on |of |in )?(?:the )?" + nth + r"(?: day)? (?:of|in) (?:a|the|each|every|any|some|its|their) "
        r"(?:given |calendar )?month(?: of the year)?"
    )
    # 'an order date that is the 1st of its month'
    scan(r"(?P<col>{C}|{V}) (?:that |which )?" + BRIDGE + HAPPENED + monthly, lambda m: _day_of_month(ctx, m))
    scan(monthly, lambda m: _day_of_month(ctx, m))
    over = r"(?:over|throughout|across) (?:the |all of |the whole of |the course of )?(?P<a>{D})"
    scan(r"(?P<col>{C}|{V}) " + BRIDGE + HAPPENED + over, lambda m: _handle(ctx, m, "in", True))
    scan(over, lambda m: _handle(ctx, m, "in", False))
    # 'opened an account with us in March': who the event was with says nothing of its date
    subject = r"(?P<col>{C}|{V}) (?:with (?:us|the company|our company) )?" + BRIDGE + HAPPENED
    forms = [
        (
            "after",
            r"(?:in |from |since )?(?:the year )?"
            + WHEN
            + r" (?:or later|or after|and later|and after|or newer|and beyond|or more recent)",
        ),
        (
            "before",
            r"(?:in |from )?(?:the year )?" + WHEN + r" (?:or earlier|or before|and earlier|and before|or older)",
        ),
        ("after", r"(?:from|starting) " + WHEN + r" (?:on|onwards|onward|forward|forwards|and later|or later)"),
        ("range", r"(?:between|from) " + WHEN + f" {RANGE_END} " + r"(?P<b>{D}|{Y})"),
        ("range", WHEN + r" (?:-|to|through|thru) (?P<b>{D}|{Y})"),
        ("after", f"(?P<prep>{AFTER}) (?:the year )?" + WHEN),  # 'born after the year 1990'
        ("before", f"(?P<prep>{BEFORE}) (?:the year )?" + WHEN),
        ("in", f"(?:{DURING} )?(?:the )?(?:year |month |month of )?" + WHEN),  # 'in the month of March 2023'
    ]
    listed = r"(?:(?:in|during|on|for) (?:the )?)?(?<!between )(?<!from )(?P<a>{D})(?: (?:,|and|or|, and|, or) {D})+"
    years = r"(?:in|during|for) (?:the years? )?(?P<a>{Y})(?: (?:,|and|or|, and|, or) {Y})+"
    for form in (listed, years):
        scan(subject + form, lambda m: _either(ctx, m))
        scan(form, lambda m: _either(ctx, m))
    for how, form in forms:
        scan(subject + form, lambda m, how=how: _handle(ctx, m, how, True))
        bare = r"(?:(?:is|are|was|were|dated) )?" + form
        scan(bare if how != "in" else f"(?:dated )?{DURING} (?:the )?(?:year |month |month of )?" + WHEN,
             lambda m, how=how: _handle(ctx, m, how, False))  # fmt: skip
    week = (
        r"(?:(?P<prep>on|during|over|at) )?(?:a |an |the )?(?:(?P<days>"
        + DAY_NAME
        + r"(?: (?:or|and|,|, or|, and)(?: on)?"
        r"(?: a| an)? " + DAY_NAME + r")*)|(?P<part>weekends?|weekdays?|week days?|working days?|business days?))"
    )
    falls = r"(?:(?P<falls>is|are|was|were|falls|fell|fall|lands|landed|land)(?P<neg> not)? )?"
    scan(r"(?P<col>{C}|{V}) " + falls + week, lambda m: _weekdays(ctx, m))
    scan(r"(?P<falls>it|they) (?:is|are|was|were|falls|fell|fall|lands|landed|land)(?P<neg> not)? " + week,
         lambda m: _weekdays(ctx, m))  # fmt: skip
    scan(week, lambda m: _weekdays(ctx, m))
    scan(r"(?P<a>{D})", lambda m: _handle(ctx, m, "in", False))
    scan(
        r"(?:only|just|what about|how about|and|now|instead|rather) (?:for |in )?(?:the year )?(?P<a>{Y})",
        lambda m: _handle(ctx, m, "in", False),
    )
    # 'orders, 2023 only', '2023 alone': the year said before the word that narrows to it
    scan(r"(?P<a>{Y}) (?:only|alone)(?= [?.!,;]|$)", lambda m: _handle(ctx, m, "in", False))
    scan(
        r"(?:restrict|limit|narrow|cut|filter)(?: it| that| this| them| the results?| everything)?(?: down)? to "
        r"(?:the |just |only )?(?:year |month )?(?P<a>{Y}|{D})",
        lambda m: _handle(ctx, m, "in", False),
    )
    if any(c.expression.startswith("month(") for c in ctx.plan.filters):
        scan(
            r"(?:,? )?(?:of |in |for )?(?:any|every|each|all|whatever|regardless of|"
            r"irrespective of|no matter) (?:the )?(?:year|years)",
            lambda m: True,
        )
    scan(r"(?P<a>{Y})(?= {T})", lambda m: _handle(ctx, m, "in", False))
    # 'only the 2023 ones', 'just the 2024 ones': the year said before the pronoun standing for the rows
    # (a lone year only: 'the 2023 ones and the 2024 ones' is either year, left unread rather than both at once)
    scan(r"(?:(?:only|just) )?the (?P<a>{Y})(?= ones(?![^ ]))",
         lambda m: len(ctx.sentence.live("year")) == 1 and _handle(ctx, m, "in", False))  # fmt: skip
    scan(r"(?P<a>{Y}|{D}) (?P<col>{C})", lambda m: _handle(ctx, m, "in", True))
    scan(r"(?P<a>{Y})(?= (?P<col>{C}))", lambda m: _year_of_amount(ctx, m))
    periods_of_event(ctx)
