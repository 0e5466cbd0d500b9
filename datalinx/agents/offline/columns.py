"""Column shaping: 'only name and email', 'without the phone column', 'rename total_revenue to revenue',
'email in lower case', 'add a column total = quantity * unit_price'."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.plan import ident, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.core.pipelines import expressions
from datalinx.core.pipelines.expressions.library import FUNCTIONS
from datalinx.core.pipelines.types import ColumnType

T = ColumnType
COLUMNS = r"(?P<cols>(?:the |their |its )?{C}(?:(?: ,| and| , and| &| plus| as well as| or)(?: the| their| its)? {C})*)"
COLUMN_WORD = r"(?: columns?| fields?| attributes?)"
CASES = {
    "lower": "lower", "lowercase": "lower", "lowercased": "lower", "small": "lower",
    "upper": "upper", "uppercase": "upper", "uppercased": "upper", "capitals": "upper", "capital": "upper",
    "trim": "trim", "trimmed": "trim", "strip": "trim", "stripped": "trim",
}  # fmt: skip
OPERATOR_WORDS = {"times": "*", "multiplied": "*", "x": "*", "plus": "+", "minus": "-", "less": "-", "divided": "/",
                  "including": "+", "incl": "+",
                  "over": "/", "per": "/", "mod": "%", "modulo": "%"}  # fmt: skip
SKIPPED_WORDS = frozenset({"by", "of"})
ARTICLES = frozenset({"the", "a", "an", "its", "their"})
TAX_WORDS = frozenset({"vat", "tax", "taxes", "markup", "surcharge", "discount", "fee", "tip"})
PERIOD_FUNCTIONS = {"year": "year", "month": "month", "quarter": "quarter", "week": "week", "day": "day"}


def new_name(text: str) -> str:
    """A column name as the user wrote it, made a plain identifier: 'Order Total' -> 'order_total'."""
    cleaned = re.sub(r"[^0-9A-Za-z_]+", "_", text.strip().strip("'\"`")).strip("_")
    return cleaned or "value"


def _named(ctx: Context, match: Match, group: str = "cols") -> list[str]:
    names = []
    for item in match.items("col", name=group):
        column = ctx.column(item)
        if column is not None and column not in names:
            names.append(column)
    return names


def _select(ctx: Context, match: Match) -> bool:
    names = _named(ctx, match)
    if not names:
        return False
    if all(i.ref.dataset != ctx.base for i in match.items("col", name="cols")):
        return True  # "orders with their customers' country": the join brings it, every column stays
    adding = (match.group("verb") or "").strip() in ("add", "include")
    if ctx.plan.select_prior and ctx.plan.replacing and not adding:
        ctx.plan.select, ctx.plan.select_prior = None, False
    ctx.plan.select = [*(ctx.plan.select or []), *(n for n in names if n not in (ctx.plan.select or []))]
    ctx.plan.touched = True
    return True


def _distinct(ctx: Context, match: Match) -> bool:
    """'distinct countries of customers': each value once."""
    if not _select(ctx, match):
        return False
    from datalinx.agents.offline.plan import Dedupe

    ctx.plan.dedupe = Dedupe(explanation="Keep each combination of values once.")
    ctx.plan.distinct = True
    return True


def _drop(ctx: Context, match: Match) -> bool:
    names = _named(ctx, match)
    if not names:
        return False
    ctx.plan.drop.extend(n for n in names if n not in ctx.plan.drop)
    ctx.plan.touched = True
    return True


def _rename(ctx: Context, match: Match) -> bool:
    old, new = match.items(name="old"), match.items(name="new")
    if not old or not new:
        return False
    source = ctx.column(old[0]) if old[0].kind == "col" else old[0].ref if old[0].kind == "str" else None
    if source is None:
        return False
    target = new_name(new[0].ref if new[0].kind == "str" else ctx.sentence.request[new[0].start : new[-1].end])
    ctx.plan.rename[str(source)] = target
    ctx.plan.touched = True
    return True


def _case(ctx: Context, match: Match) -> bool:
    words = (match.group("case") or "").split()
    function = next((CASES[w] for w in words if w in CASES), None)
    names = _named(ctx, match)
    if function is None or not names:
        return False
    for name in names:
        if ctx.type_of(name) != T.STRING:
            ctx.refuse(f"{match.text} ({name} is not text)")
            continue
        ctx.plan.prepare[name] = f"{function}({ident(name)})"
        form = {"lower": "lower case", "upper": "upper case"}.get(function, "trimmed form")
        ctx.plan.prepare_notes.append(f"Write {name} in {form}.")
    ctx.plan.touched = True
    return True


def _expression(ctx: Context, items: list[Item]) -> str | None:
    """An arithmetic phrase as an expression: columns, numbers, operators and words such as 'times'."""
    parts: list[str] = []
    while items and items[-1].kind == "punct":
        items = items[:-1]
    for item in items:
        if item.kind == "col":
            column = ctx.column(item)
            if column is None:
                return None
            parts.append(ident(column))
        elif item.kind in ("num", "year") and item.text.strip().endswith("%"):
            rate = literal(item.ref / 100)
            if parts and parts[-1] in ("+", "-"):
                sign = parts.pop()
                base = parts.pop() if parts else None
                if base is None:
                    return None
                parts.append(f"{base} * (1 {sign} {rate})")
            else:
                parts.append(rate)
        elif item.kind in ("num", "year") or item.kind == "str":
            parts.append(literal(item.ref))
        elif item.kind == "op" or item.norm in ("(", ")", ","):
            parts.append(item.norm)
        elif item.kind == "word" and item.norm in OPERATOR_WORDS:
            parts.append(OPERATOR_WORDS[item.norm])
        elif (
            (item.kind == "word" and item.norm in ARTICLES)
            or (item.kind == "word" and item.norm in SKIPPED_WORDS and parts and parts[-1] in "*/+-")
            or (item.kind == "word" and item.norm in TAX_WORDS and parts and "(1 " in parts[-1])
        ):
            continue
        elif item.kind == "word" and item.norm in FUNCTIONS:
            parts.append(item.norm)
        else:
            return None
    return " ".join(parts) if parts else None


def _derive(ctx: Context, match: Match) -> bool:
    names, body = match.items(name="name"), match.items(name="expr")
    if not names or not body:
        return False
    name = new_name(names[0].ref if names[0].kind == "str" else names[0].text)
    text = _expression(ctx, body)
    if text is None:
        ctx.refuse(ctx.sentence.request[body[0].start : body[-1].end])
        return True
    try:
        checked = expressions.check(expressions.parse(text), ctx.schema())
    except expressions.ExpressionError as error:
        ctx.refuse(f"{ctx.sentence.request[body[0].start : body[-1].end]} ({error.message})")
        return True
    ctx.plan.prepare[name] = text
    ctx.plan.prepare_notes.append(f"Compute {name} = {text}.")
    ctx.plan.touched = True
    _known_later(ctx, name, checked.type)
    return True


def _period(ctx: Context, match: Match) -> bool:
    """'add the order year', 'with the month of signup_date'."""
    unit = match.group("unit") or ""
    item = match.item("col") or match.item("col2") or match.item("col3")
    column = ctx.column(item) if item is not None else ctx.main_date()
    if column is None:
        return False
    source = ctx.as_date(column)
    name = f"{column.removesuffix('_date')}_{unit}"
    ctx.plan.prepare[name] = f"{PERIOD_FUNCTIONS[unit]}({source})"
    ctx.plan.prepare_notes.append(f"Compute {name}, the {unit} of {column}.")
    ctx.plan.touched = True
    _known_later(ctx, name, T.INT64)
    return True


CONTACT = re.compile(r"e_?mail|phone|mobile|fax|address|street|postcode|zip")


def _contact(ctx: Context, match: Match) -> bool:
    """'without their contact details': the e-mail, phone and address columns."""
    names = [c.name for c in ctx.grounding.dataset(ctx.base).columns if CONTACT.search(c.name)]
    if not names:
        return False
    ctx.plan.drop.extend(n for n in names if n not in ctx.plan.drop)
    ctx.note(f"read '{match.text}' as the columns {', '.join(names)}")
    ctx.plan.touched = True
    return True


def _known_later(ctx: Context, name: str, kind: ColumnType) -> None:
    """Later mentions of a computed column's name read as that column."""
    for item in ctx.sentence.items:
        if not item.consumed and item.kind == "word" and item.norm == name.lower():
            item.kind, item.ref = "col", ColumnRef(ctx.base, name, kind, 3)


UNIT_WORDS = frozenset({"months", "month", "years", "year", "days", "day", "weeks", "eur", "usd", "euros", "dollars",
                        "kg", "grams", "units", "percent", "%", "in months", "in years", "in days"})  # fmt: skip


def _aside(ctx: Context, match: Match) -> bool:
    """'tenure (months)': a unit in brackets after the column it describes."""
    before, *aside = match.items()
    words = [i.norm for i in aside if i.kind == "word"]
    named = set(before.ref.column.lower().split("_"))
    if words and all(w in named or w in UNIT_WORDS or w == "in" for w in words):
        for item in aside:
            item.consumed = True  # the column stays for the clause that uses it
    return False


def read_shapes(ctx: Context) -> None:
    """Renames, case changes, computed columns and columns dropped by name: read before row tests."""
    scan = ctx.sentence.scan
    scan(r"{C} \( (?:in )?[a-z%]+ \)", lambda m: _aside(ctx, m))
    old = r"(?P<old>{C}|{S})"
    new = r"(?P<new>{S}|{C}|{V}|{T}|[^ @§,;]+)"
    pair = old + r"(?: column)? (?:to|as|into|->|=>|>) " + new
    scan(r"(?:rename|relabel)(?: the)?(?: column)? " + pair, lambda m: _rename(ctx, m))
    naming = r"(?:change|set|update|switch|make)(?: the)? (?:name|header|label|title|@c\d+) of(?: the)?(?: column)? "
    scan(naming + pair, lambda m: _rename(ctx, m))
    if ctx.plan.rename:
        scan(r"(?:and|,|, and|and also)(?: rename)?(?: the)? " + pair, lambda m: _rename(ctx, m))
    scan(r"(?:call|name|label)(?: the)?(?: column)? " + old + r"(?: column)? (?:as )?" + new, lambda m: _rename(ctx, m))
    body = (
        r"(?P<expr>[^§;]+?)(?= , | ; | then | and then | and (?:sort|order|keep|"
        r"show|save|export|filter|only|limit|drop|remove|group)| (?:to|for|in|"
        r"on|of|from) (?:the |all |every )?{T}|$)"
    )
    name = r"(?P<name>{S}|(?:(?:{C}|[a-z_][a-z0-9_]*) ){0,3}?(?:{C}|[a-z_][a-z0-9_]*))"
    scan(
        r"(?:add|create|compute|calculate|derive|make|include|with|append|"
        r"plus)(?: a| an| the)?(?: new)?(?: column| field| col)?(?: called| "
        r"named)? " + name + r" (?:=|as|equal to|equals|which is|that is|being|defined as|computed "
        r"as|:) " + body,
        lambda m: _derive(ctx, m),
    )
    scan(r"(?:where )?(?P<name>[a-z_][a-z0-9_]*) = " + body, lambda m: _derive(ctx, m))
    # "price including 19% VAT as price_with_vat": the expression first, its name after
    operand = r"(?:the |its |their )?(?:{C}|{N})"
    joined = r"(?: (?:times|multiplied by|plus|minus|divided by|over|including|incl|with|\*|\+|-|/) " + operand + r")+"
    reverse = r"(?:add |compute |calculate |show |make |create )?(?P<expr>" + operand + joined
    scan(
        reverse + r"(?: vat| tax| taxes)?) (?:as|called|named|into|in a column(?: called| "
        r"named)?) (?P<name>{S}|[a-z_][a-z0-9_]*)",
        lambda m: _derive(ctx, m),
    )
    cases = (
        r"(?P<case>lower case|lowercase|lower cased|lowercased|upper case|"
        r"uppercase|upper cased|uppercased|capitals|capital letters|small "
        r"letters|lower - case|upper - case)"
    )
    scan(COLUMNS + r" (?:in |to |as |into )?(?:all )?" + cases, lambda m: _case(ctx, m))
    scan(
        r"(?P<case>lowercase|uppercase|lower case|upper case|trim|strip)(?: "
        r"whitespace| spaces| the spaces)?(?: from| in| of| on)?(?: the| all)? " + COLUMNS,
        lambda m: _case(ctx, m),
    )
    scan(COLUMNS + r" (?P<case>trimmed|stripped)", lambda m: _case(ctx, m))
    scan(
        r"(?:add|with|include|show|plus|give {T})(?: the| a| an)?(?: new)?(?: (?:column|"
        r"field)(?: with| for| containing| holding| of| showing)?(?: the)?)? "
        r"(?:{T} |(?P<col>{C}) )?(?P<unit>year|month|quarter|week|day)(?: of(?: "
        r"the)? (?P<col2>{C}))?(?: column| field)?"
        r"(?: (?:they|it|he|she|when|that|in which)(?: were| was)? (?P<col3>{C}))?",
        lambda m: _period(ctx, m),
    )
    drop = (
        r"(?:drop|remove|delete|hide|omit|exclude|excluding|without|minus|leave "
        r"out|get rid of|except|but not|apart from|no)"
    )
    contact = r"(?:contact|personal|private|pii|identifying) (?:details|info|information|data|columns|fields)"
    scan(drop + r"(?: the| their| any| all)? " + contact, lambda m: _contact(ctx, m))
    scan(drop + r"(?: the| their)? " + COLUMNS + COLUMN_WORD, lambda m: _drop(ctx, m))
    scan(drop + r"(?: the| their)?" + COLUMN_WORD + r" " + COLUMNS, lambda m: _drop(ctx, m))
    scan(
        r"(?:all|every|everything)(?: the)?(?: (?:from|of|in))?(?: the)?(?: {T})?(?: columns?| fields?)?(?: "
        r"but| except| apart from| other than| without| minus) " + COLUMNS,
        lambda m: _drop(ctx, m),
    )


def read_columns(ctx: Context) -> None:
    """Columns kept or removed: read after row tests took the columns they test."""
    scan = ctx.sentence.scan
    scan(r"(?:drop|remove|delete|hide|omit|leave out|get rid of)(?: the| their)? " + COLUMNS, lambda m: _drop(ctx, m))
    if ctx.groups or ctx.measures:
        return
    scan(
        r"(?:the )?(?:distinct|unique|different) (?:values of |values in )?(?:the )?" + COLUMNS,
        lambda m: _distinct(ctx, m),
    )
    verb = (
        r"(?P<verb>only|just|show|display|list|give|return|select|keep|include|get|fetch|with|pull|see|view|output|add)"
    )
    scan(
        verb + r"(?: me| us)?(?: only| just)?(?: the| their| its)? " + COLUMNS + r"(?:" + COLUMN_WORD + ")?",
        lambda m: _select(ctx, m),
    )
    scan(COLUMNS + r"(?: only|" + COLUMN_WORD + r" only)", lambda m: _select(ctx, m))
    scan(COLUMNS + r" (?:of|for|from) (?:the |all |every )?{T}", lambda m: _select(ctx, m))
    scan(r"(?:we|i) (?:do not|dont|no longer) need (?:it|that|them|this|those)(?: anymore| any more)?", lambda m: True)
    if not ctx.plan.touched:  # nothing else asked: columns named on their own are the ones to show
        scan(COLUMNS + r"(?= @t\d+|$)", lambda m: _select(ctx, m))
        scan(r"^(?:the )?" + COLUMNS, lambda m: _select(ctx, m))
