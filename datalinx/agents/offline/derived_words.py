"""New columns said by what they hold rather than by a formula: an amount per unit ('how much revenue each unit
brought in'), an address's domain ('each customer's email domain as a column of its own'), a text in capitals as a
column beside it ('a column with each name written in capital letters') and a figure explained after 'i.e.' ('a
column for what they pay in a year, i.e. twelve times the monthly figure')."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.derive import _expression, compute
from datalinx.agents.offline.grounding import ColumnRef, name_words
from datalinx.agents.offline.phrases import arithmetic
from datalinx.agents.offline.plan import ident
from datalinx.agents.offline.renames import new_name
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.words import FILLER
from datalinx.core.pipelines.types import NUMERIC, ColumnType

T = ColumnType
# 'as a column of its own', 'in a separate column', 'as its own field': the thing said is wanted as a new column
OWN_COLUMN = (
    r"(?: ,)? (?:as|in|into) (?:an? |its own |their own |a separate |an extra |a new )?(?:new |extra |additional "
    r"|separate )?(?:column|field)(?: of (?:its|their) own| on (?:its|their) own| by itself)?"
)


def _lead(column_said: bool) -> str:
    """Words asking for a new column before its content: 'add a column with', 'with an extra column showing',
    'include'; with `column_said`, the word column (or field) must be among them."""
    column = (
        r" (?:column|field)(?: (?:called|named) (?P<name>{S}|[a-z_][a-z0-9_]*))?(?: (?:to|in|on) (?:the )?(?P<into2>{T}"
        r"|{C}))?(?: (?:showing|holding|with|for|of|giving|containing|that shows|that holds|that gives|which shows"
        r"|which holds|saying|telling))?"
    )
    return (
        r"(?:(?:add|include|append|with|plus|give (?:each|every) {T})(?: to (?:the )?(?P<into>{T}|{C}))?(?: an?| the)?"
        r"(?: new| extra| additional| separate)?(?:" + column + (r") )" if column_said else r")? )")
    )


def _elsewhere(ctx: Context, match: Match) -> bool:
    """Whether the column is said to go to another dataset than the base ('add a column to churn' read of orders)."""
    for said in (match.item("into"), match.item("into2")):
        if (
            said is not None
            and (said.ref if said.kind == "ds" else ctx.grounding.dataset_words.get(said.norm)) != ctx.base
        ):
            return True
    return False


LEAD, COLUMN_LEAD = _lead(False), _lead(True)
OWNER = r"(?:(?:the|each|every|their|its|his|her) )?(?:{T} )?"
INTO = r"(?: (?:to|in|on|for) (?:the )?{T}(?: table| data| dataset)?)?"
END = INTO + r"(?= [.?!,;]|$| and | then )"
UNIT_WORDS = frozenset({"unit", "units", "item", "items", "piece", "pieces"})
CASES = {"upper": "upper", "capital": "upper", "capitals": "upper", "uppercase": "upper", "uppercased": "upper",
         "caps": "upper", "block": "upper", "lower": "lower", "lowercase": "lower", "lowercased": "lower",
         "small": "lower", "title": None, "proper": None, "sentence": None}  # fmt: skip
CASE_WORDS = (
    r"(?P<case>(?:in |to |into |as )?(?:all )?(?:capital letters|capitals|caps|block capitals|block letters"
    r"|upper case|uppercase|upper - case|lower case|lowercase|lower - case|small letters|title case|proper case"
    r"|sentence case)|upper cased|uppercased|upper - cased|lower cased|lowercased|lower - cased|capitalised"
    r"|capitalized)"
)
SAID = r"(?:(?:written|spelled|spelt|put|set|shown|converted|turned|changed|made) )?"
# what a figure is, said after its description: 'i.e. twelve times ...', 'that is ...', 'namely ...'
MEANING = r"(?: ,)? (?:i\.e(?: \.)?|ie|i \. e(?: \.)?|that is|namely|meaning|which is|computed as|calculated as)(?: ,)?"
PERIOD_ADJECTIVES = {"year": "yearly", "month": "monthly", "week": "weekly", "day": "daily"}
RATE_WORDS = frozenset(PERIOD_ADJECTIVES.values()) | {"annual"}


def _per_unit(ctx: Context, match: Match) -> bool:
    """'revenue per unit', 'how much revenue each unit brought in': an amount divided by the row's count of units."""
    if _elsewhere(ctx, match):
        return False
    amount, units = match.item("col"), match.item("unit")
    if amount is None or units is None or units.kind != "col" or units.norm not in UNIT_WORDS:
        return False
    numerator, denominator = ctx.column(amount), ctx.column(units)
    if numerator is None or denominator is None:
        return True
    shared = numerator == denominator or "unit" in name_words(numerator)  # 'unit price per unit' is no share
    if shared or {ctx.type_of(numerator), ctx.type_of(denominator)} - set(NUMERIC):
        ctx.refuse(f"{match.text} (no amount to share among the {units.text}s)")
        return True
    name = _given(match) or f"{numerator.removeprefix('total_')}_per_unit"
    ctx.note(f"divided {numerator} by {denominator}; empty where {denominator} is 0")
    text = f"{ident(numerator)} / nullif({ident(denominator)}, 0)"
    return compute(ctx, name, text, match.text, f"Compute {name}: {numerator} per unit of {denominator}.")


def _domain(ctx: Context, match: Match) -> bool:
    """'each customer's email domain as a column of its own': the part of an address after its @."""
    if _elsewhere(ctx, match):
        return False
    item = match.item("col")
    column = ctx.column(item) if item is not None else None
    if column is None:
        return item is not None
    if not _addresses(ctx, column):
        ctx.refuse(f"{match.text} ({column} holds no addresses)")
        return True
    name = _given(match) or ("domain" if column == "email" else f"{column}_domain")
    ctx.note(f"the domain is the part of {column} after its @; empty where {column} has no @")
    text = f"split_part({ident(column)}, '@', 2)"
    return compute(ctx, name, text, match.text, f"Compute {name}: the part of {column} after the @.")


def _addresses(ctx: Context, column: str) -> bool:
    """Whether a column of the base holds addresses (most of its common values have an @)."""
    facts = ctx.grounding.column(ctx.base, column)
    held = [v for v in facts.top_values if isinstance(v, str)] if facts is not None else []
    return ctx.type_of(column) == T.STRING and bool(held) and sum("@" in v for v in held) >= 0.8 * len(held)


def _domain_group(ctx: Context, match: Match) -> bool:
    """'customers by email domain': the domain computed, and read as the column the grouping names."""
    item = match.item("col")
    column = ctx.column(item) if item is not None else None
    if column is None or item is None or not _addresses(ctx, column):
        return False
    name = f"{column}_domain"
    compute(ctx, name, f"split_part({ident(column)}, '@', 2)", match.text, f"Compute {name}: the part after the @.")
    ctx.note(f"the domain is the part of {column} after its @; empty where {column} has no @")
    start, end = match.match.span("domain")
    inside = [i for i in match.indexes if start <= match.sentence.offsets[i] < end]
    ref = ColumnRef(ctx.base, name, T.STRING, 3)
    words = ctx.sentence.request[ctx.sentence.items[inside[0]].start : ctx.sentence.items[inside[-1]].end]
    folded = Item("col", words, name, ref, start=ctx.sentence.items[inside[0]].start)
    folded.end = ctx.sentence.items[inside[-1]].end
    ctx.sentence.fold(inside[0], inside[-1], folded)
    return False  # the grouping reads the domain as its column


def _case_column(ctx: Context, match: Match) -> bool:
    """'a column with each name written in capital letters': the text in that case, beside the column as stored."""
    if _elsewhere(ctx, match):
        return False
    item, said = match.item("col"), (match.group("case") or "").split()
    words = [w for w in said if w in CASES]
    column = ctx.column(item) if item is not None else None
    if column is None or not words:
        return column is None and item is not None
    function = CASES[words[0]]
    if function is None or ctx.type_of(column) != T.STRING:
        reason = "no such case can be written" if function is None else f"{column} is not text"
        ctx.refuse(f"{match.text} ({reason})")
        return True
    name = _given(match) or f"{column}_{function}"
    form = {"lower": "lower case", "upper": "capital letters"}[function]
    return compute(ctx, name, f"{function}({ident(column)})", match.text, f"Compute {name}: {column} in {form}.")


def _explained(ctx: Context, match: Match) -> bool:
    """'a column for what they pay in a year, i.e. twelve times the monthly figure': the formula after 'i.e.', named
    by the description before it."""
    if _elsewhere(ctx, match):
        return False
    body = match.items(name="expr")
    text = _expression(ctx, body) if body else None
    if text is None:
        return False
    columns = [i.ref.column for i in body if i.kind == "col"]
    name = _given(match) or _name_for(match.items(name="what"), columns)
    return compute(ctx, name, text, match.text)


def _formula(ctx: Context, match: Match) -> bool:
    """'an extra column showing quantity times unit price': the arithmetic as a new column, named by its parts."""
    if _elsewhere(ctx, match):
        return False
    body = match.items(name="expr")
    if any(i.norm == "over" for i in body):
        return False  # 'a column for quantity over 5' may be a test ('more than'), not a division
    text = _expression(ctx, body) if body else None
    if text is None:
        return False
    words = {
        "*": "times",
        "/": "per",
        "+": "plus",
        "-": "minus",
        "x": "times",
        "multiplied": "times",
        "divided": "per",
        "over": "per",
    }
    parts = [
        i.ref.column if i.kind == "col" else words.get(i.norm, i.norm)
        for i in body
        if i.kind != "punct" and i.norm not in ("the", "its", "their", "by", "a", "an")
    ]
    return compute(ctx, _given(match) or new_name("_".join(map(str, parts))), text, match.text)


def _name_for(described: list[Item], columns: list[str]) -> str:
    """A column's name from what it is said to hold: a rate's column for another period ('what they pay in a year' of
    monthly_charges: yearly_charges), else the description's own words."""
    words = [i.norm for i in described if i.kind != "punct"]
    period = next((w for w in reversed(words) if w in PERIOD_ADJECTIVES), None)
    for column in columns if period else []:
        parts = name_words(column)
        if set(parts) & RATE_WORDS:
            return "_".join(PERIOD_ADJECTIVES[period] if p in RATE_WORDS else p for p in parts)
    kept = [i.text if i.kind == "word" else i.norm for i in described if i.kind != "punct" and i.norm not in FILLER]
    return new_name("_".join(kept)) if kept else "value"


def _given(match: Match) -> str | None:
    names = match.items(name="name") or match.items(name="name2")
    return new_name(names[0].ref if names[0].kind == "str" else names[0].text) if names else None


def read_derived_words(ctx: Context) -> None:
    """New columns said by what they hold, read before filters (which would read 'email domain as' as a domain)."""
    scan = ctx.sentence.scan
    per = r"(?P<col>{C}) (?:per|for each|for every|a|each) (?P<unit>{C})(?: sold| bought| ordered)?"
    hyphened = r"(?:the )?per(?: -)? (?P<unit>{C}) (?P<col>{C})"  # 'the per-unit revenue'
    brought = (
        r"(?:how much |the )?(?P<col>{C}) (?:each|every|a|one|per) (?P<unit>{C}) (?:brought in|brings in|made|makes"
        r"|earned|earns|was worth|is worth|came to|comes to|fetched|fetches)"
    )
    for phrase in (per, brought, hyphened):
        scan(LEAD + "?" + OWNER + phrase + OWN_COLUMN + INTO, lambda m: _per_unit(ctx, m))
        scan(LEAD + OWNER + phrase + END, lambda m: _per_unit(ctx, m))
    domain = (
        r"(?:(?:{T} s|(?:each|every|the|their|its) {T} s) )?"
        + OWNER
        + r"(?P<col>{C})(?: address)? domains?(?: names?)?"
    )
    domain_of = r"(?:the )?domains?(?: names?)? (?:of|in|from) " + OWNER + r"(?:{T} s )?(?P<col>{C})(?: address)?"
    domain += r"(?: (?:of|for) (?:each|every|the|all) {T})?"  # 'the email domain of each customer'
    for phrase in (domain, domain_of):
        scan(LEAD + "?" + phrase + OWN_COLUMN + INTO + r"(?: (?:called|named) (?P<name2>{S}|[a-z_][a-z0-9_]*))?",
             lambda m: _domain(ctx, m))  # fmt: skip
        scan(LEAD + phrase + END, lambda m: _domain(ctx, m))
    grouping = r"(?:by|per|for each|for every|grouped by|split by|broken down by|across)"
    for phrase in (OWNER + r"(?P<col>{C})(?: address)? domains?(?: names?)?", domain_of):
        scan(grouping + r" (?P<domain>" + phrase + ")", lambda m: _domain_group(ctx, m))
    cased = OWNER + r"(?P<col>{C}) " + SAID + CASE_WORDS
    scan(COLUMN_LEAD + cased + r"(?:" + OWN_COLUMN + r")?" + INTO, lambda m: _case_column(ctx, m))
    scan(LEAD + "?" + cased + OWN_COLUMN + INTO, lambda m: _case_column(ctx, m))
    formula = arithmetic("expr", operator=True)
    scan(COLUMN_LEAD + formula + r"(?:" + OWN_COLUMN + r")?" + END, lambda m: _formula(ctx, m))
    scan(LEAD + "?" + formula + OWN_COLUMN + END, lambda m: _formula(ctx, m))
    what = r"(?P<what>(?:what|how much|the|their|its|each)(?: (?!§)[^ ]+){1,8}?)"
    scan(LEAD + what + MEANING + " " + arithmetic("expr", operator=True) + END, lambda m: _explained(ctx, m))
