"""Tests that relate two dates of a row: days apart ('shipped within 3 days'), the same day ('shipped on the same
day they were ordered'), one before the other ('shipped before they were ordered')."""

from __future__ import annotations

from datalinx.agents.offline.aggregates import _date_of
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.plan import Condition, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.core.pipelines.types import TEMPORAL

FLIP = {">": "<=", ">=": "<", "<": ">=", "<=": ">", "=": "!=", "!=": "="}
BEFORE_AFTER = {"before": "<", "earlier than": "<", "after": ">", "later than": ">"}


def _within(ctx: Context, match: Match) -> bool:
    """'shipped within 3 days', 'shipped more than 30 days after the order date': days between two dates."""
    later, earlier_item, number = match.item("a"), match.item("b"), match.item("n")
    end = _date_of(ctx, later)
    start = _date_of(ctx, earlier_item) if earlier_item is not None else ctx.main_date()
    if end is None or start is None or end == start or number is None:
        return False
    words = (match.group("how") or "within").strip()
    operator = {"within": "<=", "in under": "<", "in less than": "<", "less than": "<", "under": "<",
                "at most": "<=", "more than": ">", "over": ">", "after more than": ">", "at least": ">=",
                "in more than": ">"}.get(words, "<=")  # fmt: skip
    days = f"date_diff('day', {ctx.as_date(start)}, {ctx.as_date(end)})"
    ctx.plan.add_filter(
        Condition(f"{days} {operator} {literal(number.ref)}", f"{end} {words} {number.text} days of {start}", end)
    )
    ctx.note(f"counted days from {start} to {end}")
    return True


def _date_for_verb(ctx: Context, word: str) -> str | None:
    """The date a past participle stands for: 'ordered' is order_date, 'shipped' ship_date, 'placed' the row's own."""
    stems = {word.removesuffix("ed"), word.removesuffix("d"), word.removesuffix("ed")[:-1]} - {word}
    for column in ctx.grounding.dataset(ctx.base).columns:
        if column.type in TEMPORAL and column.name.removesuffix("_date").removesuffix("_at") in stems:
            return column.name
    found = [i for i in ctx.sentence.items if i.norm == word and i.kind in ("col", "val")]
    if found:
        return _date_of(ctx, found[0])
    own = ("placed", "made", "created", "submitted", "entered", "joined", "registered", "opened")
    return ctx.main_date() if word in own else None  # the row's own date


def _two_dates(ctx: Context, match: Match) -> bool:
    """'shipped on the same day they were ordered', 'shipped before they were ordered': two dates compared."""
    first = _date_of(ctx, match.item("a")) if match.item("a") else _date_for_verb(ctx, "shipped")
    other = match.item("b") or match.item("c")
    verb = match.group("verb") or ("placed" if match.group("arrived") is not None else "")  # 'they came in'
    if match.group("bare") is not None:
        ctx.note(f"read '{match.text}' as the same day each row was placed")
    second = _date_of(ctx, other) if other is not None else _date_for_verb(ctx, verb)
    if first is None or second is None or first == second:
        return False
    operator = BEFORE_AFTER.get(match.group("op") or "", "=")
    if match.group("same") in DIFFERENT:
        operator = "!="
    if bool(match.group("neg")) != bool(match.group("neg2")):
        operator = FLIP[operator]
    unit = match.group("unit") or "day"
    words = {"=": f"is in the same {unit} as", "!=": f"is not in the same {unit} as", "<": "before", ">": "after",
             ">=": "on or after", "<=": "on or before"}[operator]  # fmt: skip
    sides = [ctx.as_date(first), ctx.as_date(second)]
    if unit != "day":  # 'shipped in a different month from the one they were placed in': calendar months
        sides = [f"date_trunc('{unit}', {side})" for side in sides]
        ctx.note(f"compared the calendar {unit}s of {first} and {second}; rows missing either are left out")
    ctx.plan.add_filter(Condition(f"{sides[0]} {operator} {sides[1]}", f"{first} {words} {second}", first))
    return True


# Verbs of an order's arrival, which is the row's own date: 'the very day they came in'.
ARRIVED = r"came in|come in|arrived|got in|landed|were received|was received|were booked|was booked"
DIFFERENT = ("different", "a different", "another", "other", "an other")


SPAN_OPERATORS = {"more than": ">", "over": ">", "longer than": ">", "at least": ">=", "less than": "<",
                  "under": "<", "fewer than": "<", "shorter than": "<", "no more than": "<=", "at most": "<=",
                  "up to": "<=", "within": "<=", "exactly": "=", "just": "=", "only": "="}  # fmt: skip
TAIL_OPERATORS = {"longer": ">=", "more": ">=", "over": ">=", "plus": ">=", "+": ">=", "less": "<=", "fewer": "<=",
                  "under": "<=", "shorter": "<="}  # fmt: skip
# how an order's leaving is said when its date is the shipping date: 'to go out', 'to be sent'
SHIPPING = ("go out", "goes out", "went out", "be sent", "get sent", "be sent out", "get sent out", "leave",
            "be dispatched", "get dispatched", "dispatch", "be shipped out", "ship out", "going out", "being sent",
            "being sent out", "getting sent", "getting sent out", "being dispatched", "leaving", "shipping",
            "shipping out", "being shipped out", "go out the door", "going out the door", "leaving the warehouse",
            "leave the warehouse")  # fmt: skip
# how an order's leaving is said as a past verb, before the date it is compared with: 'went out the door before'
LEFT = ("went out the door", "went out", "left the warehouse", "left the door", "left", "got sent out", "got sent",
        "were sent out", "was sent out", "were sent", "was sent", "got dispatched", "were dispatched",
        "was dispatched", "got shipped out", "were shipped out", "was shipped out", "shipped out")  # fmt: skip


def _span(ctx: Context, match: Match) -> bool:
    """'took a full week or longer to go out after being placed', 'took more than 5 days to ship', 'shipped two
    weeks or more after the order date': the days between two dates of a row, against a span."""
    later = match.item("a") or match.item("a2")
    verb = match.group("verb")
    end = _date_of(ctx, later) if later is not None else _date_for_verb(ctx, "shipped") if verb else None
    earlier = match.item("b")
    start = _date_of(ctx, earlier) if earlier is not None else None
    if start is None and match.group("verb2"):
        start = _date_for_verb(ctx, match.group("verb2") or "")
    start = start or (ctx.main_date() if earlier is None else None)
    if end is None or start is None or end == start:
        return False
    number = match.item("n")
    count = number.ref if number is not None else 1
    if not isinstance(count, int | float) or isinstance(count, bool):
        return False
    days = count * (7 if (match.group("unit") or "").startswith("week") else 1)
    tail = (match.group("tail") or "").split()
    operator = TAIL_OPERATORS.get(tail[-1]) if tail else SPAN_OPERATORS.get((match.group("how") or "").strip(), "=")
    if operator is None:
        return False
    between = f"date_diff('day', {ctx.as_date(start)}, {ctx.as_date(end)})"
    words = {">": "more than", ">=": "at least", "<": "less than", "<=": "at most", "=": "exactly"}[operator]
    ctx.plan.add_filter(
        Condition(f"{between} {operator} {literal(days)}", f"{end} is {words} {days} days after {start}", end)
    )
    ctx.note(f"counted days from {start} to {end}; rows missing either date are left out")
    return True


def read_date_relations(ctx: Context) -> None:
    """Two dates of a row compared: days apart, the same day, one before the other."""
    scan = ctx.sentence.scan
    how = r"(?:(?P<how>" + "|".join(sorted(SPAN_OPERATORS, key=len, reverse=True)) + r") )?"
    span = (
        how + r"(?:(?P<n>{N})|a|an|one) (?:full |whole |complete |entire |good )?(?P<unit>days?|weeks?)"
        r"(?P<tail> or (?:longer|more|over|less|fewer|under|shorter)| plus| \+)?"
    )
    start = (
        r"(?: (?:after|from|since) (?:being |they were |it was |(?:the|their|its) )?"
        r"(?:(?P<b>{C}|{V}|{T})|(?P<verb2>placed|ordered|made|created|bought|purchased)))?"
    )
    event = (
        r"(?:(?:be |get |being )?(?P<a>{C}|{V})|(?P<verb>" + "|".join(sorted(SHIPPING, key=len, reverse=True)) + r"))"
    )
    took = (
        r"(?:took|take|takes|taking|needed|needs|need|required|requires|spent|(?:(?:sat|waited|lingered|languished"
        r"|stayed|sit|sits|wait|waits|were sitting|was sitting|were waiting|was waiting)(?: around| about| there)?"
        r"(?: for)?))"
    )
    scan(r"(?:(?:that|which) )?" + took + r" " + span + r" (?:to|before|before they|before it|until|until they"
         r"|until it) " + event + start, lambda m: _span(ctx, m))  # fmt: skip
    scan(r"(?P<a2>{V}|{C}) " + span + r" (?:after|later than) (?:being |they were |it was |(?:the|their|its) )?"
         r"(?:(?P<b>{C}|{V}|{T})|(?P<verb2>placed|ordered|made|created|bought|purchased))",
         lambda m: _span(ctx, m))  # fmt: skip
    how = (
        r"(?P<how>within|in under|in less than|less than|under|at most|more "
        r"than|over|after more than|at least|in more than)"
    )
    scan(
        r"(?P<a>{V}|{C}) " + how + r" (?P<n>{N}) days?(?: (?:of|after|from|since) (?:the )?(?P<b>{C}|{T}))?",
        lambda m: _within(ctx, m),
    )
    participle = (
        r"(?:they|it|the {T}) (?:(?:were|was|got|had been|had|have been|has been)(?: even| actually| ever| yet)?"
        r"(?: been)? (?:(?P<c>{C}|{V})|(?P<verb>[a-z]+))|(?P<arrived>" + ARRIVED + r"))"
    )
    left = "|".join(sorted(LEFT, key=len, reverse=True))
    scan(
        r"(?P<neg>(?:not|never) )?(?P<a>{V}|{C}) (?P<neg2>not )?(?:on |in |during )?(?:the |that )?(?:(?P<same>same"
        r"|very same|exact same|very|exact|a different|different|another|an other|other) )?(?:calendar )?"
        r"(?P<unit>day|week|month|quarter|year) "
        r"(?:(?:as|from|than|to) (?:the |their |its )?(?P<b>{C}|{V}|{T})|(?:(?:as|from|than|to) )?(?:the one )?"
        r"(?:that |when |as |in which )?" + participle + "(?: in)?)",
        lambda m: _two_dates(ctx, m),
    )
    # 'orders that went out the same day': the same day as the row's own date, said no other way
    scan(
        r"(?P<neg>(?:not|never) )?(?P<a>{V}|{C}) (?:on )?(?:the |that )(?P<same>same|very same|exact same) "
        r"(?P<unit>day)(?P<arrived>)(?P<bare>)(?= [.?!,;]|$| and | or | but )",
        lambda m: _two_dates(ctx, m),
    )
    scan(
        r"(?P<neg>(?:not|never) )?(?:(?P<a>{V}|{C})|(?P<left>" + left + r"))(?: the (?:door|warehouse|building))?"
        r" (?:even |already )?"
        r"(?P<op>before|after|earlier than|later than) " + participle,
        lambda m: _two_dates(ctx, m),
    )


def _event_column(ctx: Context, match: Match, found: list[tuple[int, int, Item]]) -> bool:
    """'when it shipped', 'when they were ordered' among columns asked for: the date of that event, as a column."""
    item = match.item("c")
    name = _date_of(ctx, item) if item is not None else _date_for_verb(ctx, match.group("verb") or "")
    facts = ctx.grounding.column(ctx.base, name) if name is not None else None
    if facts is None or (facts.type not in TEMPORAL and "date" not in facts.name):
        ctx.refuse(f"{match.text} (no date of that is recorded)")  # 'when it was delivered': a status, no date
        return True
    ref = ColumnRef(ctx.base, facts.name, facts.type, 3)
    found.append((match.indexes[0], match.indexes[-1], match.as_column(ref)))
    ctx.note(f"read '{match.text}' as the column {facts.name}")
    return False  # the phrase becomes the column, for the clause that lists it


def _owner_date(ctx: Context, match: Match) -> ColumnRef | None:
    """ "the buyer's tier and the date they joined": the date of another dataset's rows, named just before as their
    owner ('the buyer's'), whose event the verb is (a word for that date: 'joined' for signup_date)."""
    from datalinx.agents.offline.words import CONCEPTS

    verb = " ".join(w for w in (match.group("verb"), "up" if match.text.endswith(" up") else None) if w)
    owners = [
        str(i.ref) if i.kind == "ds" else i.ref.dataset
        for i in ctx.sentence.items[: match.indexes[0]]
        if (i.kind == "ds" and i.ref != ctx.base)
        or (i.kind == "col" and isinstance(i.ref, ColumnRef) and i.ref.dataset != ctx.base)
    ]
    if not owners or ctx.grounding.join_key(ctx.base, owners[-1]) is None:
        return None
    dataset = owners[-1]
    concepts = [c for c, words in CONCEPTS.items() if verb in words]
    for column in ctx.grounding.dataset(dataset).columns:
        dated = column.type in TEMPORAL or "date" in column.name
        if dated and any(c in column.name for c in concepts):
            return ColumnRef(dataset, column.name, column.type, 3)
    return None


def _bare_date(match: Match) -> bool:
    item = match.item("date")
    return match.group("day") is not None or (item is not None and item.norm in ("date", "day"))


def _compared(ctx: Context, match: Match) -> bool:
    """Whether a date said by its event ('the day they were placed') stands where a date is compared to."""
    before = [i.norm for i in ctx.sentence.items[max(0, match.indexes[0] - 2) : match.indexes[0]]]
    compared = ("before", "after", "than", "precedes", "follows")
    return bool(before) and (before[-1] in compared or before == ["ahead", "of"])


def _own_date(ctx: Context, verb: str) -> ColumnRef | None:
    """'the day they were placed': the base's date of the event the verb names."""
    name = _date_for_verb(ctx, verb)
    facts = ctx.grounding.column(ctx.base, name) if name is not None else None
    return ColumnRef(ctx.base, facts.name, facts.type, 3) if facts is not None and facts.type in TEMPORAL else None


def read_owned_dates(ctx: Context) -> None:
    """'each sale with the buyer's tier and the date they joined': the date of the owner's event as its column, read
    before the joins list the owner's columns."""
    been = r"(?: (?:was|were|got|had been|has been|have been|is|are))?"
    dated = r"(?:the )?(?:(?P<date>{C})|(?P<day>day)) (?:it|they|he|she)" + been + r" (?P<verb>[a-z]+)(?: up)?"
    dated += r"(?= [?.!;,]|$| and | beside)"
    found: list[tuple[int, int, Item]] = []
    for match in ctx.sentence.matches(dated):
        owned = _owner_date(ctx, match) if _bare_date(match) else None
        if owned is None and _bare_date(match) and _compared(ctx, match):
            owned = _own_date(ctx, match.group("verb") or "")
        if owned is not None:
            found.append((match.indexes[0], match.indexes[-1], match.as_column(owned)))
            ctx.note(f"read '{match.text}' as the column {owned.dataset}.{owned.column}")
    for first, last, item in reversed(found):
        ctx.sentence.fold(first, last, item)


def read_event_columns(ctx: Context) -> None:
    """Dates named by their event where columns are listed: 'the order id and when it shipped'."""
    event = r"(?:(?P<c>{C}|{V})|(?P<verb>[a-z]+ed))"
    been = r"(?: (?:was|were|got|had been|has been|have been|is|are))?"
    found: list[tuple[int, int, Item]] = []
    end = r"(?= [?.!;,]|$| and )"
    who = r"(?:it|they|each one|(?:the |each |every |an? )?{T})"
    ctx.sentence.scan(r"when " + who + been + " " + event + end, lambda m: _event_column(ctx, m, found))
    # 'the date shipped', 'the date it was ordered': the bare word 'date' and the event whose date it is
    dated = r"(?:the )?(?P<date>{C})(?: (?:it|they))?" + been + " " + event + end
    ctx.sentence.scan(dated, lambda m: _bare_date(m) and _event_column(ctx, m, found))
    for first, last, item in reversed(found):
        ctx.sentence.fold(first, last, item)
