"""Computed columns asked for in words rather than arithmetic: flags ('flag orders over 1000 as big_order'), units
('unit prices in cents'), discounts and taxes ('revenue after 15% discount'), lengths of text, days between dates
('how many days did each order take to ship') and a date's period ('the quarter each order was placed in')."""

from __future__ import annotations

from datalinx.agents.offline.aggregates import _date_of, _function
from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.date_relations import _date_for_verb
from datalinx.agents.offline.derive import PERIOD_FUNCTIONS, compute
from datalinx.agents.offline.plan import Condition, combine, describe, ident, literal
from datalinx.agents.offline.renames import new_name
from datalinx.agents.offline.sentence import Item, Match
from datalinx.core.pipelines.types import NUMERIC, ColumnType

T = ColumnType
AS_A_COLUMN = (
    r"(?: ,)? (?:as|in|into) (?:an? |its own |their own )?(?:new |extra |additional |separate )?(?:column|field)"
    r"(?: of (?:its|their) own| on (?:its|their) own)?"
)
AS_COLUMN = r"(?:" + AS_A_COLUMN + r")?"
CALLED = r"(?:(?: ,)? (?:called|named|titled|labelled|labeled) (?P<name>{S}|[a-z_][a-z0-9_]*))?"  # its given name
# 'add a column with', 'orders + column:', 'include the': words that ask for a new column before naming it
ADDED = (
    r"(?:(?:\+|plus|with|add|and|include|append)(?: an?| the)?(?: new| extra)?(?: column| field)?"
    r"(?: :| with| for| of| showing| holding)? )?"
)
UNITS = {"cents": 100, "cent": 100, "pence": 100}
EXACT = {("month", "year"): "/ 12", ("year", "month"): "* 12", ("week", "day"): "* 7", ("day", "week"): "/ 7"}
TIME_UNITS = frozenset({"year", "month", "week", "day"})


FLAG_NAME = r"(?P<{group}>{{S}}|[a-z_][a-z0-9_]*)"
# words that say what a new true/false column tells: 'that flags anyone ...', 'saying whether ...'
TELLS = (
    r"(?:(?:that|which|to) )?(?:flags?|flagging|marks?|marking|says?|saying|shows?|showing|tells?|telling|indicates?"
    r"|indicating"
    r"|is true (?:for|when|if|where|wherever|whenever))(?: whether| if| when| where| for)?"
    r"|(?:that|which) (?:is |s |will be |should be )?true (?:for|when|if|where|wherever|whenever)"
    r"|(?:for|telling|showing|saying) whether|for"
)
# where a flag's tests end: the sentence, or a next step ('..., then keep orders from 2024', 'and sort by ...')
CLAUSE_END = r"(?= [.?!;]|$| (?:, )?(?:and )?(?:then|sort|keep|show|save|export|filter|limit|drop|remove|group)(?= |$))"
# the false side said after a flag's tests ('..., and false otherwise', 'else no'): what a flag is anyway
OTHERWISE = (
    r"(?P<otherwise>(?: ,)?(?: and| or| ,)? (?:(?:false|no|0) (?:otherwise|else|if not|for the rest|for all others"
    r"|for everything else|for every other {T}|for other {T})|(?:otherwise|else|if not) (?:it is |it s )?(?:false|no"
    r"|0)))?"
)
LEADS = frozenset({"anyone", "everyone", "anybody", "rows", "records", "ones", "those", "the", "all", "any", "people",
                   "them", "these", "it"})  # fmt: skip


def _flag_column(ctx: Context, match: Match) -> bool:
    """'add a column to churn that flags anyone paying more than 100 a month, call it high_spender': the tests said
    inside become a true/false column, read by their own readers and moved out of the filters at the end."""
    said = [*match.items(name="name"), *match.items(name="name2"), *match.items(name="name3")]
    names = [i for i in said if i.norm not in ("flag", "boolean", "column", "field", "indicator", "marker")]
    if len(names) > 1 or (not names and not match.group("kind") and " whether " not in f" {match.text} "):
        return False  # a flag with no name is one said to be true/false ('a yes/no column telling whether ...')
    calling = match.item("call")
    if calling is not None and calling.norm not in ("call", "name", "label"):
        return False
    dataset = match.item("into") or match.item("ds")
    if dataset is not None and dataset.kind == "col" and dataset.norm != ctx.base:
        return False  # 'add a column to churn': the dataset's name, read as a column's too
    start, end = match.sentence.offsets, match.match.span("cond")
    tested = [i for i in match.indexes if end[0] <= start[i] < end[1]]
    while tested and _leads(ctx, ctx.sentence.items[tested[0]]):
        tested = tested[1:]
    if not tested:
        return False
    for index in match.indexes:
        if index not in tested:
            ctx.sentence.items[index].consumed = True  # the tests are left for their readers
    name = new_name(names[0].ref if names[0].kind == "str" else names[0].text) if names else ""
    ctx.flags.append((tested[0], tested[-1], name))
    if match.group("otherwise"):
        ctx.false_otherwise.add(name)
    ctx.plan.touched = True
    return False


def _leads(ctx: Context, item: Item) -> bool:
    """Whether an item only leads into a flag's tests: 'anyone', 'the rows', the base's own name."""
    return item.norm in LEADS or (item.kind == "ds" and item.ref == ctx.base)


def flags_as_columns(ctx: Context) -> None:
    """The tests read inside a flag's words ('that flags ...') make its column instead of keeping rows."""
    for start, end, name in ctx.flags:
        inside = [c for c in ctx.plan.filters if c.span is not None and start <= c.span[0] and c.span[1] <= end]
        words = ctx.sentence.request[ctx.sentence.items[start].start : ctx.sentence.items[end].end]
        related = [j for j in ctx.plan.joins if j.how in ("semi", "anti") or j.filters or j.through_filters]
        name = name or _flag_name(inside)
        if not inside or related:
            ctx.refuse(f"{words} (as a true/false column {name})")
            continue
        for condition in inside:
            ctx.plan.filters.remove(condition)
        text, note = combine(inside), f"Compute {name}: true where {describe(inside)}."
        if name in ctx.false_otherwise:  # 'and false otherwise': a row the tests cannot be told of is false too
            text, note = f"coalesce({text}, false)", f"{note[:-1]}, false otherwise (a missing value included)."
        compute(ctx, name, text, words, note)


def _flag_name(inside: list[Condition]) -> str:
    """A name for a flag said with none, from its test: 'whether they have a phone number' is has_phone."""
    columns = {c.column for c in inside}
    column = columns.pop() if len(columns) == 1 else None
    if column is None:
        return "flag"
    if len(inside) == 1 and inside[0].expression.endswith("is not null"):
        return f"has_{column}"
    if len(inside) == 1 and inside[0].expression.endswith("is null"):
        return f"no_{column}"
    return f"{column}_flag"


def _unit(ctx: Context, match: Match) -> bool:
    """'unit prices in cents': an amount times the unit's factor, as a new column."""
    item, unit = match.item("col"), match.group("unit") or ""
    column = ctx.column(item) if item is not None else None
    if column is None or ctx.type_of(column) not in NUMERIC:
        return False
    ctx.note(f"{column} is read as whole currency units")
    return compute(ctx, f"{column}_{unit}", f"{ident(column)} * {literal(UNITS[unit])}", match.text)


def _duration_unit(ctx: Context, match: Match) -> bool:
    """'tenure in years': a column whose name gives its time unit ('tenure_months'), in another exact unit."""
    item, unit = match.item("col"), (match.group("tunit") or "").removesuffix("s")
    column = ctx.column(item) if item is not None else None
    if column is None or ctx.type_of(column) not in NUMERIC:
        return False
    stem, _, held = column.rpartition("_")
    held = held.removesuffix("s")
    if not stem or held not in TIME_UNITS or held == unit:
        return False
    factor = EXACT.get((held, unit))
    if factor is None:
        ctx.refuse(f"{match.text} (a {held} is no whole number of {unit}s)")
        return True
    return compute(ctx, f"{stem}_{unit}s", f"{ident(column)} {factor}", match.text)


def _rate(ctx: Context, match: Match) -> bool:
    """'revenue after 15% discount', 'price with 20% VAT': the amount less or plus a share of itself."""
    item, rate, kind = match.item("col"), match.item("rate"), (match.group("kind") or "").lower()
    column = ctx.column(item) if item is not None else None
    if column is None or rate is None or not rate.text.strip().endswith("%") or ctx.type_of(column) not in NUMERIC:
        return False
    if _defined(ctx, match):
        return False  # 'a column p equal to the price plus 19% VAT': the definition reads it
    lowers = kind in ("discount", "off", "rebate", "reduction")
    if not lowers and (match.group("how") or "") in ("less", "minus", "net of"):
        ctx.refuse(f"{match.text} (taken off the amount, or the amount before it was added?)")
        return True
    factor = literal(1 - rate.ref / 100 if lowers else 1 + rate.ref / 100)
    name = f"discounted_{column}" if lowers else f"{column}_with_{kind}"
    return compute(ctx, name, f"{ident(column)} * {factor}", match.text)


def _defined(ctx: Context, match: Match) -> bool:
    """Whether the match is the right side of a named definition ('x equal to ...', 'x = ...')."""
    before = [i for i in ctx.sentence.items[: match.indexes[0]] if i.norm not in ("the", "its", "their")]
    return bool(before) and before[-1].norm in ("=", "to", "as", "equals", "being", "is")


def _length(ctx: Context, match: Match) -> bool:
    """'how many characters long is each name', 'the length of the email': characters in a text."""
    item = match.item("col")
    column = ctx.column(item) if item is not None else None
    if column is None or ctx.type_of(column) != T.STRING:
        return False
    return compute(ctx, f"{column}_length", f"length({ident(column)})", match.text)


def _days_to(ctx: Context, match: Match) -> bool:
    """'how many days did each order take to ship': days from the row's own date to the other one."""
    said = match.item("b")
    refs = [said.ref, *said.alternatives] if said is not None and said.kind == "col" else []
    if refs and not any(getattr(ref, "dataset", None) == ctx.base for ref in refs):
        return False  # 'customers with how long it took to ship': the rows' own date is not the other's start
    end, start = _date_of(ctx, said), ctx.main_date()
    first = match.indexes[0]
    if end is None or start is None or end == start or (first and ctx.sentence.items[first - 1].kind == "num"):
        return False  # 'more than 5 days to ship' is a test on the days, read elsewhere
    verb = (match.group("verb") or end.removesuffix("_date")).lower()
    ctx.note(f"counted days from {start} to {end}; empty where {end} is missing")
    name = f"days_to_{verb}"
    compute(ctx, name, f"date_diff('day', {ctx.as_date(start)}, {ctx.as_date(end)})", match.text)
    # 'on average, how long does it take to ship', 'the median days to ship': that function of the days
    fn = match.group("fn") or ("average" if match.group("pre") else None)
    after = None if fn else ctx.sentence.first(r"(?<= )(?:on average|on avg)(?= [?.!,;]|$)")
    if after is not None:
        fn = "average"
        after.consume()
    if fn:
        ctx.measures.append(Measure(_function(fn), name, match.text))
    return True


def _period_of(ctx: Context, match: Match) -> bool:
    """'the quarter each order was placed in', 'the year each customer signed up': a part of the row's date."""
    item, verb = match.item("col"), match.group("verb")
    column = _date_of(ctx, item) if item is not None else _date_for_verb(ctx, verb) if verb else None
    if column is None:
        return False
    unit = match.group("unit") or ""
    text = f"{PERIOD_FUNCTIONS[unit]}({ctx.as_date(column)})"
    return compute(ctx, _given_name(match) or f"{column.removesuffix('_date')}_{unit}", text, match.text)


def _given_name(match: Match) -> str | None:
    """The name the request gives the new column ('..., called order_year'), if any."""
    names = match.items(name="name")
    return new_name(names[0].ref if names[0].kind == "str" else names[0].text) if names else None


def read_flag_columns(ctx: Context) -> None:
    """New true/false columns said with their tests ('add a column that flags ...'), read before the tests are."""
    ctx.sentence.scan(
        r"(?:(?:add|create|include|append|make|with|plus)(?: to (?:the )?(?P<into>{T}|{C}))?(?: a| an| the)?|a|an)"
        r"(?: new| extra)?(?: (?P<kind>true / false|yes / no|boolean))?(?: " + FLAG_NAME.format(group="name") + r")?"
        r"(?: column| field| flag| indicator| marker)"
        r"(?: (?:called |named )?(?!(?:that|which|to|for|saying|showing|telling|in|on)(?= ))"
        + FLAG_NAME.format(group="name2")
        + r")?"
        r"(?: (?:to|in|on|for) (?:the )?(?P<ds>{T}|{C})(?: table| dataset| data)?)?(?: ,| :)? (?:"
        + TELLS
        + r"|true (?:when|if|where|whenever))"
        r" (?P<cond>(?:(?!@s\d+)[^§;?.!])+?)" + OTHERWISE + r"(?: [?.!,])?"
        r"(?: (?:and )?(?:(?P<call>{C}|call|name|label) (?:it|this|that|the column)|called|named|as) "
        + FLAG_NAME.format(group="name3")
        + r")?"
        + CLAUSE_END,
        lambda m: _flag_column(ctx, m),
    )
    # 'add is_late, true when ...': no word for a column, so only its truth says it is one
    ctx.sentence.scan(
        r"(?:add|create|include|append) "
        + FLAG_NAME.format(group="name")
        + r"(?: (?:to|in|on|for) (?:the )?(?P<ds>{T}|{C}))?"
        r"(?: ,)?(?: (?:that|which) is| being)? true (?:when|if|for|where|whenever) (?P<cond>(?:(?!@s\d+)[^§;?.!])+?)"
        + OTHERWISE
        + CLAUSE_END,
        lambda m: _flag_column(ctx, m),
    )
    # 'mark which customers are over 65 with a true/false column': the rows the tests pick, flagged with no name
    ctx.sentence.scan(
        r"(?:flag|mark|tag|label) (?:which|what|those|the|all the|every|each|any) (?:(?:{T}|ones|rows) )?(?:(?:are|is"
        r"|who are|that are|which are|who re) )?(?P<cond>(?:(?!@s\d+)[^§;?.!])+?) (?:with|in|using|via|as) "
        r"(?:a |an )?(?:new |separate |extra )?(?P<kind>true / false|yes / no|boolean|true or false|yes or no)"
        r"(?: (?:column|field|flag|value))?" + CLAUSE_END,
        lambda m: _flag_column(ctx, m),
    )
    # 'flag orders from germany as german_order': the rows the tests pick, flagged rather than kept
    ctx.sentence.scan(
        r"(?:flag|mark|tag|label) (?P<cond>(?:(?!@s\d+)[^§;?.!])+?) (?:as|with) "
        + FLAG_NAME.format(group="name3")
        + r"(?: \( (?:true / false|yes / no|boolean) \)| true / false| yes / no)?(?= [.?!;,]|$| and | then )",
        lambda m: _flag_column(ctx, m),
    )


def read_computed(ctx: Context) -> None:
    """Computed columns in words; each may say it is wanted 'as a new column'."""
    scan = ctx.sentence.scan
    units = ADDED + r"(?:the |their |its )?(?P<col>{C}) in (?P<unit>cents?|pence)"
    scan(units + AS_COLUMN, lambda m: _unit(ctx, m))
    durations = ADDED + r"(?:the |their |its )?(?P<col>{C}) in (?P<tunit>years|months|weeks|days)"
    scan(durations + AS_COLUMN, lambda m: _duration_unit(ctx, m))
    # 'add a column showing how many years each subscriber has been with us': the span said as a question of it
    counted = (
        r"(?:add|include|append|with|show|give)(?: an?| the)?(?: new| extra)?(?: column| field)?(?: showing| with"
        r"| holding| giving| of| for| saying| telling)? how many (?P<tunit>years|months|weeks|days) (?:(?:each|every"
        r"|the|a|our) )?(?:{T} |they |it |he |she )?(?:(?:has|have|had|is|are|was|were) )?(?:(?:been|stayed|spent) )?"
        r"(?P<col>{C})(?: (?:to|in|for) (?:the )?{T}(?: data| table| dataset)?)?"
    )
    scan(counted + r"(?= [?.!;,]|$| and )", lambda m: _duration_unit(ctx, m))
    scan(
        ADDED + r"(?:the )?(?P<col>{C}) "
        r"(?P<how>after|with|less|minus|net of|including|incl|plus) (?:an? |the )?(?P<rate>{N}) "
        r"(?P<kind>discount|off|rebate|reduction|tax|taxes|vat|markup|surcharge|fee|fees|tip)" + AS_COLUMN,
        lambda m: _rate(ctx, m),
    )
    each = r"(?:each |every |the |a |an |their |its )?"
    scan(
        r"(?:how many (?:characters|letters|chars)(?: long)?|how long) (?:is|are) "
        + each
        + r"(?P<col>{C})"
        + AS_COLUMN,
        lambda m: _length(ctx, m),
    )
    scan(ADDED + r"(?:the )?(?P<col>{C}) (?:lengths?|character counts?)" + AS_COLUMN, lambda m: _length(ctx, m))
    scan(
        ADDED
        + r"(?:the )?(?:length|number of (?:characters|letters|chars)|character count|char count) (?:of|in) "
        + each
        + r"(?P<col>{C})"
        + AS_COLUMN,
        lambda m: _length(ctx, m),
    )
    scan(
        r"how (?:many days|long) (?:did|does|do|will|would) (?:it take )?" + each + r"(?:{T} )?(?:take )?to "
        r"(?P<b>{C}|{V})(?: (?:it|them))?(?: \?| \.)?(?: (?:add|include|keep|put|show) (?:that|it|this|those|them)"
        + AS_A_COLUMN
        + ")?",
        lambda m: _days_to(ctx, m),
    )
    takes = (
        r"(?:it takes|it took|it usually takes|it normally takes|does it take|did it take|does it usually take"
        r"|does it normally take|do we take|did we take|do they take|did they take)(?: us| them| you)?"
    )
    scan(
        r"(?:(?P<pre>on average|on avg)(?: ,)? )?(?:the )?(?:(?P<fn>average|avg|mean|median|typical) )?"
        r"(?:(?:time|days|number of days|delay|wait|lead time|turnaround)(?: (?:it takes|taken|needed))?"
        r"|how (?:long|many days) " + takes + r") to (?P<b>{C}|{V})",
        lambda m: _days_to(ctx, m),
    )
    scan(
        r"(?:the )?(?P<fn>average|avg|mean|median|typical) (?P<b>{C}) (?:time|delay|lag|lead time|turnaround)",
        lambda m: _days_to(ctx, m),
    )
    scan(
        r"(?:(?:have|get|see|add|show|include|give me) )?(?:the |a |an )?(?P<unit>year|month|quarter|week|day) "
        r"(?:that |when |in which )?(?:each|every|the) {T} (?:was |were |got |had )?(?:(?P<col>{C}|{V})|"
        r"(?P<verb>[a-z]+))(?: in| on)?" + AS_A_COLUMN + CALLED,
        lambda m: _period_of(ctx, m),
    )
    # 'can each order get an extra field saying what month it was placed in', 'a column with the year they joined'
    scan(
        r"(?:(?:get|gets|have|has|with|add|include|given) )?(?:an? |the )?(?:new |extra |additional |separate )?"
        r"(?:column|field|col) (?:(?:that |which )?(?:says|saying|shows|showing|gives|giving|tells|telling|holds"
        r"|holding|with|for|of|containing)) (?:the |what |which |in what |in which )?(?P<unit>year|month|quarter|week)"
        r"(?: of)? (?:(?:it|they|each one|each|the {T}) )?(?:was |were |got |had )?"
        r"(?:(?:the |its |their )?(?P<col>{C}|{V})(?: (?:is|was|falls|fell))?|(?P<verb>[a-z]+))(?: in| on)?" + CALLED,
        lambda m: _period_of(ctx, m),
    )
    scan(
        r"(?:what|which|in what|in which) (?P<unit>year|month|quarter|week) (?:was|were|did) (?:each|every) {T} "
        r"(?:(?P<col>{C}|{V})|(?P<verb>[a-z]+))(?: in| on)?" + AS_COLUMN,
        lambda m: _period_of(ctx, m),
    )
    # 'add a column with the tenure in years to churn': the dataset the new column goes to, its name also read as a
    # column's ('churn' as churned), said after the column it gets
    if ctx.plan.prepare:
        scan(r"(?<=§ )(?:to|into) (?:the )?(?P<into>{C})(?: data| table| dataset)?(?= [?.!;,]|$)",
             lambda m: _base_named(ctx, m))  # fmt: skip


def _base_named(ctx: Context, match: Match) -> bool:
    """Whether the column item is the base dataset said by its own name."""
    item = match.item("into")
    return item is not None and item.text.lower() == ctx.base.lower()
