"""Computed columns: arithmetic in words ('quantity times unit price', 'price plus 19% VAT'), case and spaces
('email in lower case'), and parts of dates ('add the order year')."""

from __future__ import annotations

from datalinx.agents.offline.columns import COLUMNS, _named
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.derive_bodies import ARTICLES, PERIOD_FUNCTIONS, days_between, period_of, rounded
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.plan import ident, literal
from datalinx.agents.offline.renames import new_name
from datalinx.agents.offline.sentence import Item, Match
from datalinx.core.pipelines import expressions
from datalinx.core.pipelines.expressions.library import FUNCTIONS
from datalinx.core.pipelines.types import TEMPORAL, ColumnType

T = ColumnType
CASES = {
    "lower": "lower", "lowercase": "lower", "lowercased": "lower", "small": "lower",
    "upper": "upper", "uppercase": "upper", "uppercased": "upper", "capitals": "upper", "capital": "upper",
    "caps": "upper",
    "trim": "trim", "trimmed": "trim", "strip": "trim", "stripped": "trim",
}  # fmt: skip
OPERATOR_WORDS = {"times": "*", "multiplied": "*", "x": "*", "plus": "+", "minus": "-", "less": "-", "divided": "/",
                  "including": "+", "incl": "+",
                  "over": "/", "per": "/", "mod": "%", "modulo": "%"}  # fmt: skip
SKIPPED_WORDS = frozenset({"by", "of"})
TAX_WORDS = frozenset({"vat", "tax", "taxes", "markup", "surcharge", "discount", "fee", "tip"})


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
    for item in _own_units_unsaid(ctx, items):
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


UNIT_SUFFIXES = frozenset({"years", "months", "weeks", "days", "hours", "minutes", "cents", "calls", "units"})


def _own_units_unsaid(ctx: Context, items: list[Item]) -> list[Item]:
    """The items without 'in months' after a column that holds months ('the tenure in months' is tenure_months): the
    unit its name gives, said again; another unit ('tenure in years') is left, and makes no expression."""
    kept: list[Item] = []
    for at, item in enumerate(items):
        before = items[at - 1] if at else None
        after = items[at + 1] if at + 1 < len(items) else None
        if item.kind == "word" and item.norm == "in" and before is not None and before.kind == "col" and after:
            column = ctx.column(before)
            if column is not None and after.norm in UNIT_SUFFIXES and column.endswith("_" + after.norm):
                continue
        if kept and kept[-1].kind == "col" and item.norm in UNIT_SUFFIXES and items[at - 1].norm == "in":
            column = ctx.column(kept[-1])
            if column is not None and column.endswith("_" + item.norm):
                continue
        kept.append(item)
    return kept


def _derive(ctx: Context, match: Match) -> bool:
    names, body = match.items(name="name"), match.items(name="expr")
    if not names or not body:
        return False
    for dataset in (match.item("ds"), match.item("into")):
        if dataset is not None and dataset.kind == "col" and dataset.norm != ctx.base:
            return False  # 'add a column x to churn': a dataset's name, not a column's
    if any(item.kind != "str" and item.norm in NOT_NAMES for item in names):
        return False  # 'with every blank total charge counted as zero' says which values change; it names no column
    name = new_name(names[0].ref if names[0].kind == "str" else names[0].text)
    if name.lower() in PRONOUNS:
        return False  # 'compute it as A times B' fills a column said before; it names none
    text = days_between(ctx, body) or rounded(ctx, body) or period_of(ctx, body) or _expression(ctx, body)
    if text is None:
        ctx.refuse(ctx.sentence.request[body[0].start : body[-1].end])
        return True
    return compute(ctx, name, text, ctx.sentence.request[body[0].start : body[-1].end])


# Words that pick out some values of a column, not a new column's name: 'with each missing income counted as zero'.
NOT_NAMES = frozenset(
    {"every", "each", "all", "any", "blank", "blanks", "missing", "empty", "null", "nulls", "unknown"}
)
PRONOUNS = frozenset({"it", "them", "that", "this", "those", "these", "one", "ones", "they", "its", "their"})
SEPARATORS = {"space": " ", "comma": ", ", "hyphen": "-"}


def _joined_text(ctx: Context, match: Match) -> bool:
    """Two columns' values written one after the other, the separator said between them."""
    names, first, second, said = match.items(name="name"), match.item("a"), match.item("b"), match.items(name="sep")
    into = match.item("into")
    if len(names) != 1 or first is None or second is None or len(said) != 1:
        return False
    if into is not None and into.kind == "col" and into.norm != ctx.base:
        return False  # 'add a column x to churn': a dataset's name, not a column's
    columns = [ctx.column(first), ctx.column(second)]
    if None in columns:
        return True
    separator = str(said[0].ref) if said[0].kind == "str" else SEPARATORS[said[0].norm]
    name = new_name(names[0].ref if names[0].kind == "str" else names[0].text)
    text = f"concat({ident(str(columns[0]))}, {literal(separator)}, {ident(str(columns[1]))})"
    note = f"Compute {name}: {columns[0]}, then {literal(separator)}, then {columns[1]} (an empty one left out)."
    return compute(ctx, name, text, match.text, note)


def compute(ctx: Context, name: str, text: str, words: str, note: str = "") -> bool:
    """Compute `name` = `text` before the other steps, or say (after `words`) why it does not fit the data."""
    try:
        checked = expressions.check(expressions.parse(text), ctx.schema())
    except expressions.ExpressionError as error:
        ctx.refuse(f"{words} ({error.message})")
        return True
    ctx.plan.prepare[name] = text
    ctx.plan.prepare_notes.append(note or f"Compute {name} = {text}.")
    ctx.plan.touched = True
    _known_later(ctx, name, checked.type)
    return True


def _spelled_alike(ctx: Context, match: Match) -> bool:
    """A new column holding each value of another in its main spelling ('M2M' and 'month to month' alike)."""
    from datalinx.agents.offline.groups import spellings_folded

    into, item = match.item("into"), match.item("col")
    if into is not None and into.kind == "col" and ctx.grounding.dataset_words.get(into.norm) != ctx.base:
        return False  # 'to <column>' names no dataset: not this clause
    column = ctx.column(item) if item is not None else None
    if column is None:
        return False
    name = new_name(match.group("name") or "")
    folded = spellings_folded(ctx, column)
    if folded is None:
        ctx.refuse(f"{match.text} ({column} has no spellings to bring together)")
        return True
    return compute(ctx, name, folded, match.text, f"Compute {name}: each {column} in its main spelling.")


def _period(ctx: Context, match: Match) -> bool:
    """'add the order year', 'with the month of signup_date'."""
    unit = match.group("unit") or ""
    item = match.item("col") or match.item("col2") or match.item("col3")
    column = ctx.column(item) if item is not None else ctx.main_date()
    if column is None:
        return False
    if ctx.type_of(column) not in TEMPORAL and not column.endswith("_date"):
        ctx.refuse(f"{match.text} ({column} holds no dates)")  # 'the month of the status': no month to take
        return True
    return _add_period(ctx, f"{column.removesuffix('_date')}_{unit}", unit, column)


def _period_example(ctx: Context, match: Match) -> bool:
    """An example date beside a period column the plan adds: its form if of that grain, else said as unclear."""
    item = match.item("d")
    grain = getattr(item.ref, "grain", None) if item is not None else None
    periods = {u for u, f in PERIOD_FUNCTIONS.items() if any(e.startswith(f + "(") for e in ctx.plan.prepare.values())}
    if periods and grain not in periods:
        ctx.refuse(f"{match.text} (an example of another period than the {', '.join(sorted(periods))} asked)")
    elif grain in periods and grain != "year":  # '2024-03' is a month of the calendar, not the third of any year
        opening = PERIOD_FUNCTIONS[grain] + "("
        for name, expression in ctx.plan.prepare.items():
            if expression.startswith(opening):
                ctx.plan.prepare[name] = f"date_trunc('{grain}', {expression[len(opening) : -1]})"
    return bool(periods)


def _period_named(ctx: Context, match: Match) -> bool:
    """'add ship_month', 'orders: add order_year': a new column whose name is a date column's and a period's."""
    name = match.group("name") or ""
    stem, _, unit = name.rpartition("_")
    if ctx.grounding.column(ctx.base, name) is not None:
        return False  # a column the rows already have
    named_date = ctx.grounding.column(ctx.base, f"{stem}_date")  # text of dates is read as dates
    own = ctx.grounding.column(ctx.base, stem)
    column = named_date or (own if own is not None and own.type in TEMPORAL else None)
    return column is not None and _add_period(ctx, name, unit, column.name)


def _add_period(ctx: Context, name: str, unit: str, column: str) -> bool:
    source = ctx.as_date(column)
    ctx.plan.prepare[name] = f"{PERIOD_FUNCTIONS[unit]}({source})"
    ctx.plan.prepare_notes.append(f"Compute {name}, the {unit} of {column}.")
    ctx.plan.touched = True
    _known_later(ctx, name, T.INT64)
    return True


WEIGHT_UNITS = r"(?P<unit>kilograms|kilogram|kilos|kilo|kgs|kg|grams|gram|g|pounds|pound|lbs|lb|ounces|ounce|oz|{V})"


def _in_unit(ctx: Context, match: Match) -> bool:
    """'add weight_kg holding each weight in kilograms as a number': amounts written with units, as numbers of one."""
    from datalinx.agents.offline.units import FAMILIES, family_of, numeric_view

    item, unit = match.item("col"), (match.group("unit") or "").lower()
    if match.item("unit") is not None:
        unit = match.item("unit").text.lower()  # 'pounds' is a currency's value too
    if item is None or item.kind != "col" or item.ref.dataset != ctx.base:
        return False
    family = family_of(ctx, item.ref.column)
    if family is None or unit not in FAMILIES[family]:
        return False
    named = match.item("name")
    said = match.group("name")
    name = new_name(named.ref if named is not None and named.kind == "str" else said or f"{item.ref.column}_{unit}")
    before = dict(ctx.plan.prepare)
    view = numeric_view(ctx, item.ref.column)
    if view is None:
        return False
    expression = ctx.plan.prepare[view] if view not in before else ident(view)
    if view not in before and name != view:
        del ctx.plan.prepare[view]
    factor = FAMILIES[family][unit]
    ctx.plan.prepare[name] = expression if factor == 1 else f"({expression}) / {literal(factor)}"
    ctx.plan.prepare_notes.append(f"Compute {name}, each {item.ref.column} as a number of {unit}.")
    ctx.plan.touched = True
    _known_later(ctx, name, T.FLOAT64)
    return True


def _known_later(ctx: Context, name: str, kind: ColumnType) -> None:
    """Later mentions of a computed column's name read as that column."""
    for item in ctx.sentence.items:
        if not item.consumed and item.kind == "word" and item.norm == name.lower():
            item.kind, item.ref = "col", ColumnRef(ctx.base, name, kind, 3)


def read_derived(ctx: Context) -> None:
    """Computed columns: 'add a column total = quantity * unit_price', 'email in lower case', 'add the order year'."""
    from datalinx.agents.offline.labels import read_labels
    from datalinx.agents.offline.name_parts import read_name_parts

    read_labels(ctx)  # before the arithmetic, which would read "x that is 'a' when ..." as a formula
    read_name_parts(ctx)
    scan = ctx.sentence.scan
    # 'add a contract_clean column to churn that spells the contract type the same way everywhere'
    scan(
        r"(?:add|create|make|include|append)(?: a| an)?(?: new)?(?: column| field)? (?P<name>[a-z_][a-z0-9_]*)"
        r"(?: column| field)?(?: (?:to|in|on) (?:the )?(?P<into>{T}|{C})(?: data| table| dataset)?)? (?:that|which)"
        r" (?:spells|writes|gives|puts) (?:the |each |every )?(?P<col>{C}) (?:the same way(?: everywhere)?|consistently"
        r"|uniformly|in one spelling|in a single spelling|in its main spelling)",
        lambda m: _spelled_alike(ctx, m),
    )
    # 'a column label that joins the product_id and name with ' - ' between them': texts one after the other
    head = (
        r"(?:add|create|make|include|append|with)(?: a| an)?(?: new)?(?: column| field)?(?: called| named)?"
        r" (?P<name>{S}|[a-z_][a-z0-9_]*)(?: column| field)?(?: (?:to|in|on|for) (?:the )?(?P<into>{T}|{C})"
        r"(?: data| table| dataset)?)?(?: ,| :)?"
    )
    parts = r"(?:the |each |its |their )?(?P<a>{C}) (?:and|with|to|plus|\+) (?:the |its |their )?(?P<b>{C})"
    glue = r"(?:joins|combines|concatenates|glues|puts together|merges|join|combine|concatenate|combining|joining)"
    between = r"(?: between(?: them| the two| both)?| in between| in the middle)?"
    apart = r" (?:with|using|separated by|by) (?:a |an )?(?P<sep>{S}|space|comma|hyphen)" + between
    scan(head + r" (?:(?:that|which) )?" + glue + " " + parts + apart, lambda m: _joined_text(ctx, m))
    scan(
        head + r" " + parts + r" (?:joined|combined|concatenated|glued|merged)" + apart, lambda m: _joined_text(ctx, m)
    )
    # 'add weight_kg holding each weight in kilograms as a number': read before a name said 'as' a formula; the name
    # is never a joining word ('with each weight ...')
    named = r"(?: (?!(?:to|in|on|for|with|of|holding|showing|giving|containing|each|every|the|its|their)(?= ))"
    named += r"(?P<name>{S}|[a-z_][a-z0-9_]*))?"
    holding = r"(?: (?:holding|containing|showing|giving|with|that holds|which holds|that has|that gives|for))?"
    number = r"(?: (?:as (?:a )?)?(?:plain |simple |bare |single )?numbers?)?"
    scan(
        r"(?:add|create|include|append|compute|with)(?: a| an| the)?(?: new)?(?: column| field)?(?: called| named)?"
        + named
        + r"(?: (?:to|in|on|for) (?:the )?{T})?(?: ,)?"
        + holding
        + r"(?: each| the| every| its)? (?P<col>{C}) (?:in|as|converted to|in terms of) "
        + WEIGHT_UNITS
        + number,
        lambda m: _in_unit(ctx, m),
    )
    body = (
        r"(?P<expr>[^§;]+?)(?= , (?!in (?:whole )?days\b)| ; | then | and then | and (?:sort|order|keep|"
        r"show|save|export|filter|only|limit|drop|remove|group)| (?:to|for|in|"
        r"on|of|from) (?:the |all |every )?{T}|$)"
    )
    name = r"(?P<name>{S}|(?:(?:{C}|[a-z_][a-z0-9_]*) ){0,3}?(?:{C}|[a-z_][a-z0-9_]*))"
    scan(
        r"(?:add|create|compute|calculate|derive|make|include|with|append|"
        r"plus)(?: to (?:the )?(?P<into>{T}|{C}))?(?: a| an| the)?(?: new)?(?: column| field| col)?(?: called| "
        r"named)? " + name + r"(?: (?:to|in|on|for) (?:the )?(?P<ds>{T}|{C})(?: table| dataset| data)?)?(?: ,)?"
        r" (?:=|as|equal to|equals|which is|that is|being|defined as|(?:computed|calculated|worked out|derived|figured)"
        r" as|given by|:|i\.e(?: \.)?(?: ,)?|ie|i \. e(?: \.)?(?: ,)?|namely|meaning) " + body,
        lambda m: _derive(ctx, m),
    )
    scan(r"(?:where )?(?P<name>[a-z_][a-z0-9_]*) = " + body, lambda m: _derive(ctx, m))
    # 'products + price_cents (price x 100)': a new column's name, then its formula in brackets
    scan(
        r"(?:\+|plus|add|with|and) (?:a |an )?(?:new )?(?:column |field )?(?P<name>[a-z_][a-z0-9_]*)"
        r" \( (?:= )?(?P<expr>[^§;()]+?) \)",
        lambda m: _derive(ctx, m),
    )
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
        r"uppercase|upper cased|uppercased|(?:block )?capitals|(?:block )?capital letters|small "
        r"letters|lower - case|upper - case|all caps|caps)"
    )
    # 'every name written out in capital letters': how the column's text is written
    written = r"(?:(?:written|spelled|spelt|shown|displayed|printed|put|converted|turned|set)(?: out)? )?"
    scan(r"(?:every |each |all )?" + COLUMNS + r" " + written + r"(?:in |to |as |into )?(?:all )?" + cases,
         lambda m: _case(ctx, m))  # fmt: skip
    scan(
        r"(?P<case>lowercase|uppercase|lower case|upper case|trim|strip)(?: "
        r"whitespace| spaces| the spaces)?(?: from| in| of| on)?(?: the| all)? " + COLUMNS,
        lambda m: _case(ctx, m),
    )
    scan(COLUMNS + r" (?P<case>trimmed|stripped)", lambda m: _case(ctx, m))
    scan(
        r"(?:add|create|include|append|with|plus|\+)(?: a| an| the)?(?: new)?(?: column| field)?(?: called| named)?"
        r" (?P<name>[a-z][a-z0-9_]*_(?:year|month|quarter|week|day))(?: column| field)?",
        lambda m: _period_named(ctx, m),
    )
    # 'tag every order with its year', 'stamp each customer with the month of their signup_date'
    scan(
        r"(?:tag|label|mark|stamp|annotate)(?: each| every| all(?: of)?(?: the)?| the| our)? {T} with (?:its|their"
        r"|the)(?: own)? (?:(?P<col>{C}) )?(?P<unit>year|month|quarter|week)"
        r"(?: of(?: the| its| their)? (?P<col2>{C}))?",
        lambda m: _period(ctx, m),
    )
    scan(
        r"(?:add|with|include|show|plus|give {T}|(?:also |too )?(?:carry|carries|bear|bears|gain|gains|come with"
        r"|comes with)|also (?:get|gets|have|has))(?: the| a| an)?(?: new| extra| additional)?(?: (?:column|"
        r"field)(?: (?:to|in|on) (?:the )?{T})?(?: with| for| containing| holding| of| showing| giving)?(?: the)?)? "
        r"(?:{T} |(?P<col>{C}) )?(?P<unit>year|month|quarter|week|day)(?: of(?: "
        r"the)? (?P<col2>{C}))?(?: column| field)?"
        r"(?: (?:they|it|he|she|when|that|in which)(?: were| was)? (?P<col3>{C}))?",
        lambda m: _period(ctx, m),
    )
    # 'the month each order was placed in, like 2024-03': a date of the period's grain shows its form, picks nothing
    example = r"(?:, )?(?:like|e\.g(?: \.)?|eg|for example|for instance|such as)(?: ,)? (?P<d>{D})"
    scan(example, lambda m: _period_example(ctx, m))
