"""Row tests that relate things: a column to another or to arithmetic of others, dates days apart, text
shapes ('ends with .de', 'at the domain example.com') and signs ('a negative quantity')."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.date_relations import FLIP, read_date_relations
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.phrases import BRIDGE, OP, arithmetic, comparison
from datalinx.agents.offline.plan import Condition, ident, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL


def _text(ctx: Context, match: Match) -> bool:
    """'email ends with .de', 'name contains "son"'."""
    column_item = match.item("col")
    pieces = match.items(name="val")
    if column_item is None or not pieces:
        return False
    column = ctx.column(column_item)
    if column is None:
        return True
    if ctx.type_of(column) != "string":
        return False
    first, last = pieces[0], pieces[-1]
    text = first.ref if first.kind == "str" else ctx.sentence.request[first.start : last.end]
    if first.kind == "val" and len(pieces) == 1:
        text = first.text
    if ctx.sentence.request[max(0, first.start - 1) : first.start] == "@" and not str(text).startswith("@"):
        text = f"@{text}"  # 'ends in @example.com', as typed
    how = match.group("how") or ""
    ending = how.startswith(("end", "finish"))
    function = "starts_with" if how.startswith(("start", "begin")) else "ends_with" if ending else "contains"
    target = ident(column)
    facts = ctx.facts(column_item.ref) if isinstance(column_item.ref, ColumnRef) else None
    capitals = any(isinstance(v, str) and v != v.lower() for v in (facts.top_values if facts else []))
    if first.kind != "str" and str(text).isalpha() and str(text).islower() and capitals:
        target = f"lower({target})"  # 'name mentions shoes' of 'Running Shoes': a word typed in lower case, any case
        ctx.note(f"compared '{text}' with {column} in any case")
    expression = f"{function}({target}, {literal(str(text))})"
    negated = bool(match.group("neg"))
    if negated:
        expression = f"not {expression}"
    words = {"starts_with": "starts with", "ends_with": "ends with", "contains": "contains"}[function]
    ctx.plan.add_filter(Condition(expression, f"{column} {'does not ' if negated else ''}{words} '{text}'", column))
    return True


def _domain(ctx: Context, match: Match) -> bool:
    """'customers with the email domain example.com': addresses ending in @example.com."""
    item, pieces = match.item("col"), match.items(name="val")
    if item is None or not pieces:
        return False
    column = ctx.column(item)
    if column is None or ctx.type_of(column) != "string":
        return column is None
    text = ctx.sentence.request[pieces[0].start : pieces[-1].end].strip().lstrip("@")
    expression = f"ends_with(lower({ident(column)}), {literal('@' + text.lower())})"
    ctx.plan.add_filter(Condition(expression, f"{column} is at the domain {text}", column))
    return True


def _address_domain(ctx: Context, match: Match) -> bool:
    """'an email address at firma.example.de', 'firma.example.de emails': a column of addresses, by domain."""
    item = match.item("col")
    facts = ctx.facts(item.ref) if item is not None and item.kind == "col" else None
    held = [v for v in facts.top_values if isinstance(v, str)] if facts is not None else []
    if not held or sum("@" in v for v in held) < 0.8 * len(held):
        return False
    pieces = match.items(name="val")
    text = ctx.sentence.request[pieces[0].start : pieces[-1].end].strip().lstrip("@") if pieces else ""
    if not re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", text.lower()):
        return False  # a value that is no host name
    return _domain(ctx, match)


def _domain_default(ctx: Context, match: Match) -> bool:
    if match.item("col") is not None:
        return _domain(ctx, match)
    refs = ctx.grounding.columns_named(("email",), [ctx.base])
    pieces = match.items(name="val")
    if not refs or not pieces:
        return False
    column = ctx.use(refs[0])
    text = ctx.sentence.request[pieces[0].start : pieces[-1].end].strip().lstrip("@")
    expression = f"ends_with(lower({ident(column)}), {literal('@' + text.lower())})"
    ctx.plan.add_filter(Condition(expression, f"{column} is at the domain {text}", column))
    return True


RELATION = (
    r"(?P<neg>not )?(?P<op>" + OP + r"|before|after|earlier than|later than|precedes|precede|preceded|predates|"
    r"predate|(?:comes?|came|falls?|fell) (?:before|after|ahead of|earlier than|later than)|is ahead of"
    r"|follows|follow|followed|equal to|equals|=|!=|different from"
    r"|does not match|do not match|does not equal|not equal to|differs from|matches|match|the same as|same as)"
)
TEMPORAL_WORDS = {
    "before": "<",
    "earlier than": "<",
    "after": ">",
    "later than": ">",
    "precedes": "<",
    "ahead of": "<",
    "is ahead of": "<",
    "precede": "<",
    "preceded": "<",
    "predates": "<",
    "predate": "<",
    "follows": ">",
    "follow": ">",
    "followed": ">",
}
MOVES = frozenset({"come", "comes", "came", "fall", "falls", "fell"})
UNEQUAL = ("!=", "different from", "does not match", "do not match", "does not equal", "not equal to", "differs from")


def _columns(ctx: Context, match: Match) -> bool:
    """'ship date is before the order date', 'revenue is not equal to quantity times unit price'."""
    from datalinx.agents.offline.derive import _expression

    left_item, right = match.item("col"), match.items(name="rhs")
    if left_item is None or not right or not any(i.kind == "col" for i in right):
        return False
    left = ctx.column(left_item)
    expression = _expression(ctx, right)
    if left is None or expression is None:
        return left is None
    text = (match.group("op") or "").strip()
    operator = TEMPORAL_WORDS.get(text.split(" ", 1)[-1] if text.split()[0] in MOVES else text) or comparison(text)
    if operator is None:
        operator = "!=" if text in UNEQUAL else "="
    if match.group("neg"):
        operator = FLIP[operator]
    name = ident(left)
    others = [i for i in right if i.kind == "col"]
    if operator in ("=", "!=") and ctx.type_of(left) == "string" and len(others) == 1 and expression.isidentifier():
        # 'the country differs from the customer's country': each side in its main spelling ('Germany' is DE)
        ref = others[0].ref if isinstance(others[0].ref, ColumnRef) else None
        source = (ref.dataset, ref.column) if ref is not None else None
        name, expression = _spelled(ctx, left, name, None), _spelled(ctx, expression, expression, source)
    if operator in ("=", "!=") and ctx.type_of(left) == "float64":
        # amounts computed from others differ by rounding: equal means within half a cent
        condition = f"abs({name} - ({expression})) {'>' if operator == '!=' else '<='} 0.005"
    else:
        condition = f"{name} {operator} {expression}"
    words = {
        "<": "before" if ctx.type_of(left) in TEMPORAL else "below",
        ">": "after" if ctx.type_of(left) in TEMPORAL else "above",
    }
    explanation = f"{left} {words.get(operator, operator)} {ctx.sentence.request[right[0].start : right[-1].end]}"
    ctx.plan.add_filter(Condition(condition, explanation, left))
    return True


def _spelled(ctx: Context, column: str, otherwise: str, source: tuple[str, str] | None) -> str:
    from datalinx.agents.offline.groups import spellings_folded

    return spellings_folded(ctx, column, source) or otherwise


SIGNS = {"negative": "<", "positive": ">", "non negative": ">=", "nonnegative": ">=", "non - negative": ">=",
         "zero": "=", "below zero": "<", "above zero": ">", "under zero": "<", "over zero": ">", "less than zero": "<",
         "greater than zero": ">", "non positive": "<=", "non - positive": "<="}  # fmt: skip
SIGN = (
    r"(?P<sign>non - negative|non negative|nonnegative|non - positive|non "
    r"positive|negative|positive|zero|below zero|above zero|under zero|over "
    r"zero|less than zero|greater than zero)"
)


def _sign(ctx: Context, match: Match) -> bool:
    """'a negative quantity', 'quantity below zero'."""
    item = match.item("col")
    if item is None:
        return False
    column = ctx.column(item)
    if column is None:
        return True
    if ctx.type_of(column) not in NUMERIC:
        return False
    sign = match.group("sign") or ""
    operator = SIGNS[sign]
    if match.group("neg"):
        operator = FLIP[operator]
    condition = Condition(
        f"{ident(column)} {operator} 0", f"{column} is {'not ' if match.group('neg') else ''}{sign}", column
    )
    ctx.plan.add_filter(condition)
    return True


def _scoped(ctx: Context, item: Item | None, dataset: str) -> str | None:
    """The column of `dataset` an item's words name: 'price' of the order itself, 'list price' of its product."""
    if item is None or item.kind != "col":
        return None
    refs = [r for r in [item.ref, *item.alternatives] if isinstance(r, ColumnRef) and r.dataset == dataset]
    refs = refs or ctx.grounding.columns_named(tuple(item.norm.split()), [dataset])
    numeric = [r for r in refs if r.type in NUMERIC]
    return ctx.use(numeric[0]) if numeric else None


def _differs(ctx: Context, match: Match) -> bool:
    """'orders sold at a different price than the product's list price': a column against another dataset's."""
    other, rhs = match.item("t"), match.item("rhs")
    named = rhs.ref.dataset if rhs is not None and isinstance(rhs.ref, ColumnRef) else ctx.base
    dataset = str(other.ref) if other is not None and other.kind == "ds" else named
    left, right = _scoped(ctx, match.item("col"), ctx.base), _scoped(ctx, rhs, dataset)
    if left is None or right is None or left == right:
        return False
    operator = {"higher": ">", "greater": ">", "bigger": ">", "lower": "<", "smaller": "<"}.get(
        match.group("op") or "", "!="
    )
    if operator == "!=" and ctx.type_of(left) == "float64":
        expression = f"abs({ident(left)} - {ident(right)}) > 0.005"  # prices differ beyond rounding
    else:
        expression = f"{ident(left)} {operator} {ident(right)}"
    ctx.plan.add_filter(Condition(expression, f"{left} {operator} {right}", left))
    return True


def read_relations(ctx: Context) -> None:
    """Tests between columns, days apart, text shapes and signs: read before plain comparisons."""
    scan = ctx.sentence.scan
    scan(
        r"(?:(?:sold|priced|bought|charged|paid|ordered) )?(?:at |for )?(?:a |an )?(?P<op>different|other|higher"
        r"|greater|bigger|lower|smaller) (?P<col>{C}) (?:than|from|to) (?:the |its |their )?(?:(?P<t>{T}) )?"
        r"(?P<rhs>{C})",
        lambda m: _differs(ctx, m),
    )
    read_date_relations(ctx)
    scan(
        r"(?P<col>{C}) (?:address )?domain(?: name)? (?:is |of |= |: )?(?P<val>\S+(?: \. \S+)*)",
        lambda m: _domain(ctx, m),
    )
    scan(
        r"(?:at|on|from|with) (?:the )?domain (?P<val>\S+(?: \. \S+)*)(?: (?P<col>{C}))?",
        lambda m: _domain_default(ctx, m),
    )
    host = r"(?P<val>[a-z0-9-]+(?:\.[a-z0-9-]+)+|{V})"  # a value too: '@example.com' may be stored as one
    at = r" (?:(?:is|are) )?(?:at|@|on|from|under|with)(?: the)? "
    scan(r"(?P<col>{C})" + at + host + r"(?: domain(?: name)?)?", lambda m: _address_domain(ctx, m))
    scan(host + r" (?P<col>{C})", lambda m: _address_domain(ctx, m))
    scan(r"(?P<col>{C}) " + BRIDGE + RELATION + r" " + arithmetic("rhs"), lambda m: _columns(ctx, m))
    how = (
        r"(?P<how>starts with|starting with|start with|begins with|beginning "
        r"with|begin with|ends with|ending with|end with|ends in|ending in|end in|finishes with|finishing with"
        r"|finish with|finishes in|finishing in|finish in|finishes on|ends on|contains|containing|mentions|mention"
        r"|mentioning|begins in|begin in|beginning in|starts in|starting in|"
        r"contain|includes|including|include|like)"
    )
    said = r"(?:the (?:word|words|letter|letters|text|string|phrase|characters?|prefix|suffix|ending|name) )?"
    value = said + r"(?P<val>{S}|{V}|\. \S+|@ \S+|(?!the )\S+)"
    text_test = r"(?P<col>{C}) (?:(?:that|which|is|are) )?(?P<neg>(?:does not|do not|not) )?" + how + " " + value
    scan(text_test, lambda m: _text(ctx, m))
    # 'products with Shoes in the name': a piece of text inside a text column
    inside = r"(?:with|having|that have|who have|which have|that has|with the word) (?P<val>{S}|[a-z][^ @§]*)"
    scan(inside + r" (?:in|inside) (?:the|their|its) (?P<col>{C})", lambda m: _text(ctx, m))
    scan(r"(?P<neg>not )?(?:a |an )?" + SIGN + r" (?P<col>{C})(?: values?)?", lambda m: _sign(ctx, m))
    scan(r"(?P<col>{C}) " + BRIDGE + r"(?P<neg>not )?" + SIGN, lambda m: _sign(ctx, m))
    # 'the silly prices (negative or over 10,000)', 'prices that are negative': the test said after the column
    said = r"(?:(?:\(|:|-) )?(?:(?:that|which) (?:are|is|were|was) |(?:i e|ie|e g|eg) )?"
    scan(r"(?P<col>{C}) " + said + r"(?P<neg>not )?" + SIGN, lambda m: _sign(ctx, m))
