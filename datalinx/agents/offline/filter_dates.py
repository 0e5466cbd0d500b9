"""Row tests on dates: 'in 2024', 'since March 2023', 'before 2022-06-01', 'between Q1 and Q3 2024', 'in May'."""

from __future__ import annotations

import datetime as dt

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
# 'no later than' is a bound from above: neither list reads 'later than' or 'earlier than' after 'no' or 'not'.
AFTER = (
    r"(?:(?<!no )(?<!not )(?:since|after|starting|starting from|starting in|starting on|"
    r"beginning|beginning in|later than|on or after|as of)|no earlier than|not earlier than)"
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
        if column is not None:
            ctx.note(f"dates refer to {column}")
        return column
    refs = [item.ref, *item.alternatives] if item.kind == "col" else list(item.alternatives)
    for ref in refs:
        if isinstance(ref, ColumnRef):
            facts = ctx.facts(ref)
            if facts is not None and (facts.type in TEMPORAL or (facts.type == "string" and "date" in facts.name)):
                column = ctx.use(ref)
                if item.kind == "val":
                    ctx.event_dates.append(column)  # 'shipped in 2024': the event's date
                return column
    return False


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
        start = ref.end if word in ("after", "later") or _at_end(match) else ref.start
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
    if not match.group("prep") and not all(w.endswith("s") for w in named if w not in ("or", "and", "on", "a", "an")):
        return False  # 'since monday', 'this weekend': a day relative to today, which the planner does not know
    words = (match.group("days") or "").split()
    days = sorted({WEEKDAYS[w.removesuffix("s")] for w in words if w.removesuffix("s") in WEEKDAYS})
    part = match.group("part")
    if part:
        days = list(WEEK_PARTS[part.replace("week day", "weekday").removesuffix("s")])
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


def read_dates(ctx: Context) -> None:
    """Every date test; a mention without a column refers to the dataset's own date."""
    scan = ctx.sentence.scan
    subject = r"(?P<col>{C}|{V}) " + BRIDGE + HAPPENED
    forms = [
        (
            "after",
            r"(?:in |from |since )?"
            + WHEN
            + r" (?:or later|or after|and later|and after|or newer|and beyond|or more recent)",
        ),
        ("before", r"(?:in |from )?" + WHEN + r" (?:or earlier|or before|and earlier|and before|or older)"),
        ("after", r"(?:from|starting) " + WHEN + r" (?:on|onwards|onward|forward|forwards|and later|or later)"),
        ("range", r"(?:between|from) " + WHEN + f" {RANGE_END} " + r"(?P<b>{D}|{Y})"),
        ("range", WHEN + r" (?:-|to|through|thru) (?P<b>{D}|{Y})"),
        ("after", f"(?P<prep>{AFTER}) " + WHEN),
        ("before", f"(?P<prep>{BEFORE}) " + WHEN),
        ("in", f"(?:{DURING} )?(?:the )?(?:year |month )?" + WHEN),
    ]
    listed = r"(?:(?:in|during|on|for) (?:the )?)?(?<!between )(?<!from )(?P<a>{D})(?: (?:,|and|or|, and|, or) {D})+"
    years = r"(?:in|during|for) (?:the years? )?(?P<a>{Y})(?: (?:,|and|or|, and|, or) {Y})+"
    for form in (listed, years):
        scan(subject + form, lambda m: _either(ctx, m))
        scan(form, lambda m: _either(ctx, m))
    for how, form in forms:
        scan(subject + form, lambda m, how=how: _handle(ctx, m, how, True))
        bare = r"(?:(?:is|are|was|were|dated) )?" + form
        scan(bare if how != "in" else f"(?:dated )?{DURING} (?:the )?(?:year |month )?" + WHEN,
             lambda m, how=how: _handle(ctx, m, how, False))  # fmt: skip
    week = (
        r"(?:(?P<prep>on|during|over|at) )?(?:a |an |the )?(?:(?P<days>"
        + DAY_NAME
        + r"(?: (?:or|and|,|, or|, and)(?: on)?"
        r"(?: a| an)? " + DAY_NAME + r")*)|(?P<part>weekends?|weekdays?|week days?|working days?|business days?))"
    )
    scan(r"(?P<col>{C}|{V}) (?:(?:is|are|was|were) )?" + week, lambda m: _weekdays(ctx, m))
    scan(week, lambda m: _weekdays(ctx, m))
    scan(r"(?P<a>{D})", lambda m: _handle(ctx, m, "in", False))
    scan(
        r"(?:only|just|what about|how about|and|now|instead|rather) (?:for |in )?(?:the year )?(?P<a>{Y})",
        lambda m: _handle(ctx, m, "in", False),
    )
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
    scan(r"(?P<a>{Y}|{D}) (?P<col>{C})", lambda m: _handle(ctx, m, "in", True))
    scan(r"(?P<a>{Y})(?= (?P<col>{C}))", lambda m: _year_of_amount(ctx, m))
    periods_of_event(ctx)
