"""Row tests on values and flags: 'from Germany or France', 'not cancelled', 'test accounts', 'without a phone'."""

from __future__ import annotations

from typing import Any

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef, ValueRef, known_aliases
from datalinx.agents.offline.phrases import EQUALS, LIST_JOIN, NEGATION, REMOVAL
from datalinx.agents.offline.plan import Condition, equality, ident, literal
from datalinx.agents.offline.presence import (
    MISSING,
    PRESENT,
    PRESENT_BARE,
    absent_value,
    add_null,
    zero_count,
)
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.summary_forms import spent_said
from datalinx.agents.offline.words import FILLER, KEYWORDS, PEOPLE
from datalinx.core.pipelines.types import ColumnType

T = ColumnType
# 'not based in France', 'not going to Spain': a place negated through its verb
NOT_PLACED = (
    r"not (?:(?:based|located|living|residing|going|headed|heading|sent|shipped|bound) (?:in|to|for)"
    r"|on|using|(?:signed up|subscribed) (?:to|for)|(?:paid|settled|priced|charged|billed|invoiced) in"
    r"|(?:registered|signed up|listed|classed|classified|recorded|filed|marked|set up) as"
    r"|(?:take|takes|use|uses|get|gets|have|has|pay for|pays for|subscribe to|subscribes to|pick|picks|choose))"
)  # 'not on fiber': a state negated through its preposition; 'not paid in euros', 'not registered as smb
NEGATIVE = (
    rf"(?:{NEGATION}|{REMOVAL}|non|non -|not in|not from|excluding the|{NOT_PLACED}|neither|"
    rf"except for|other than the|(?:anything|everything|all|whatever) (?:but|except|besides|save))"
    r"(?: yet| get| got| be| been| being| ever| have| has| had)?"
    r"(?: (?:those|the ones|ones|anything|any|all)(?: (?:in|from|with|of|that are|which are))?)?"
)


# 'status is anything other than delivered', 'segment is everything but smb': the value a column does not hold
ANYTHING_BUT = r"(?:anything |any value |something |everything )?(?:other than|but|except|apart from) "


def _both_at_once(ctx: Context, match: Match) -> bool:
    first, second = match.item("a"), match.item("b")
    if (
        first is None
        or second is None
        or (first.ref.dataset, first.ref.column) != (second.ref.dataset, second.ref.column)
    ):
        return False
    ctx.refuse(f"{match.text} ({first.ref.column} holds one value a row)")
    return True


def _values(ctx: Context, items: list[Item], negated: bool, column: str | None = None) -> bool:
    """`column in (values)` per column named; values of one column are alternatives, of two columns both hold."""
    grouped: dict[str, list[Any]] = {}
    texts: dict[str, list[str]] = {}
    messy: dict[str, bool] = {}
    for item in items:
        ref = item.ref
        if column is not None:
            ref = next(
                (r for r in [item.ref, *item.alternatives] if isinstance(r, ValueRef) and r.column == column), ref
            )
            item.ref = ref
        name, ref = ctx.value(item)
        grouped.setdefault(name, [])
        messy[name] = messy.get(name, False) or bool(ctx.grounding.spellings.get((ref.dataset, ref.column)))
        aliases = known_aliases(str(ref.value)) if messy[name] else []  # 'USA' too, where 'US' has variants
        for value in (ref.value, *ref.variants, *aliases):
            if value not in grouped[name]:
                grouped[name].append(value)
        texts.setdefault(name, []).append(f"'{ref.value}'")
    for name, values in grouped.items():
        explanation = f"{name} is {'not ' if negated else ''}{' or '.join(texts[name])}"
        folded = messy[name]
        condition = Condition(equality(name, values, negated, folded), explanation, name, list(values), negated)
        condition.folded = folded
        ctx.plan.add_filter(condition)
    return True


def _value_list(ctx: Context, match: Match, negated: bool) -> bool:
    values = match.items("val", name="vals")
    if not values:
        return False
    owner = _owner_before(ctx, match)
    for item in values:
        if owner is not None:  # "customers in Germany" (orders joined with customers): the customers' country
            preferred = [r for r in [item.ref, *item.alternatives] if isinstance(r, ValueRef) and r.dataset == owner]
            if preferred:
                item.ref = preferred[0]
    return _values(ctx, values, negated)


# verbs of sending before a place: the place is where the rows went ('going to', 'bound for', 'headed to')
DESTINED = frozenset({"going", "goes", "went", "gone", "headed", "heading", "sent", "bound", "destined", "shipped",
                      "dispatched", "delivered", "mailed", "travelled", "traveled"})  # fmt: skip


def _owner_before(ctx: Context, match: Match) -> str | None:
    """The dataset named just before a value ('for customers in Germany'), when the plan joins it."""
    start, end = match.indexes[0], match.indexes[-1]
    after = ctx.sentence.items[end + 1] if end + 1 < len(ctx.sentence.items) else None
    if after is not None and after.kind == "ds" and str(after.ref) != ctx.base and str(after.ref) in ctx.reading.scope:
        return str(after.ref)  # "German customers"
    for item in reversed(ctx.sentence.items[max(0, start - 5) : start]):  # "customers who live in Germany"
        if item.norm in DESTINED:
            return None  # 'orders from enterprise customers going to France': where the rows went, not the owner's
        if item.kind == "ds":
            dataset = str(item.ref)
            return dataset if dataset != ctx.base and dataset in ctx.reading.scope else None
        if item.kind not in ("word",):
            return None
    return None


def _column_value(ctx: Context, match: Match) -> bool:
    """'status is shipped', 'country = "DE"', 'segment is not smb', 'internet service is none'."""
    column_item, negated = match.item("col"), bool(match.group("neg"))
    if column_item is None:
        return False
    column = ctx.column(column_item)
    if column is None:
        return True
    values = match.items("val", name="vals")
    if values:
        if not all(any(isinstance(r, ValueRef) and ctx.use(ColumnRef(r.dataset, r.column, T.STRING, 3)) == column
                       for r in [v.ref, *v.alternatives]) for v in values):  # fmt: skip
            return False
        return _values(ctx, values, negated, column_item.ref.column)
    raw = match.items(name="lit")
    if not raw:
        return False
    item = raw[0]
    kind = ctx.type_of(column)
    if item.kind == "str":
        value: Any = item.ref
    elif item.kind in ("num", "year"):
        value = item.ref
    elif item.kind == "word" and item.norm not in KEYWORDS and item.norm not in FILLER and kind == T.STRING:
        facts = ctx.grounding.column(column_item.ref.dataset, column_item.ref.column)
        if facts is None or (facts.distinct or 0) <= len(facts.top_values):
            return False  # every value of the column is known, and this word is none of them
        value = item.text
    else:
        return False
    if (kind == T.STRING) != isinstance(value, str):
        return False
    facts = ctx.grounding.column(column_item.ref.dataset, column_item.ref.column)
    if facts is not None and facts.top_values and isinstance(value, str):
        known = {str(v).lower(): v for v in facts.top_values}
        if value.lower() in known:
            value = known[value.lower()]
        elif facts.distinct is not None and facts.distinct <= len(facts.top_values):
            ctx.note(f"'{value}' is not among the values of {column}")
    condition = Condition(
        equality(column, [value], negated), f"{column} is {'not ' if negated else ''}{literal(value)}"
    )
    condition.column, condition.values, condition.negated = column, [value], negated
    ctx.plan.add_filter(condition)
    return True


def _bare_flag(ctx: Context, match: Match) -> bool:
    """'churned 1', 'is_test_account false': a flag's value said right after it, as a word or as 0 or 1."""
    said = match.item("num")
    if said is None:
        return _flag(ctx, match, True)
    if said.ref not in (0, 1) or isinstance(said.ref, bool) or said.text not in ("0", "1"):
        return False
    return _flag(ctx, match, said.ref == 1)


def _flag(ctx: Context, match: Match, value: bool) -> bool:
    """A true/false column: 'test accounts' -> is_test_account = true; 'not churned' -> churned = 0."""
    item = match.item("col")
    if item is None or not isinstance(item.ref, ColumnRef):
        return False
    if not ctx.grounding.is_flag(item.ref.dataset, item.ref.column):
        return False
    word = (match.group("truth") or "").strip()
    if word in ("false", "no", "0", "not"):
        value = not value
    if item.ref.negated:
        value = not value
    column = ctx.column(item)
    if column is None:
        return True
    literal_value: Any = value if ctx.type_of(column) == T.BOOL else int(value)
    ctx.plan.add_filter(
        Condition(
            f"{ident(column)} = {literal(literal_value)}",
            f"{column} is {literal(literal_value)}",
            column,
            [literal_value],
        )
    )
    return True


CLAUSE_WORDS = frozenset({"who", "that", "which", "whose", "where", "have", "has", "had", "are", "is", "were", "was",
                          "did", "do", "does", "been", "being", "got"})  # fmt: skip


def read_removed_after(ctx: Context) -> None:
    """'count customers by segment, test accounts excluded', 'cancelled orders left out': rows removed by a test
    said before the removal; read before groupings, so the flag is no group."""
    removed = r"(?:(?:are|is|being|been|get|got) )?(?:excluded|removed|left out|filtered out|taken out|dropped|omitted)"
    lead, rows = r"(?:with |only )?(?:the |any |all )?", r"(?: (?:{T}|ones|rows|records))? "
    vals = r"(?P<vals>{V}(?:" + LIST_JOIN + r"{V})*)"
    ctx.sentence.scan(lead + r"(?P<col>{C})" + rows + removed, lambda m: _flag(ctx, m, False))
    ctx.sentence.scan(lead + vals + rows + removed, lambda m: _value_list(ctx, m, True))


def _shown(match: Match) -> bool:
    """'subscribers with how old they are': a column named to be shown, no test of its presence."""
    from datalinx.agents.offline.columns import said_as_shown

    item = match.item("col")
    return item is not None and said_as_shown(item)


def _in_column_list(ctx: Context, match: Match) -> bool:
    """Whether a lone flag is one of a list of columns ('customer_ref, tenure and churned') or said as shown
    ('whether they churned'): a column, not a test."""
    items, index = ctx.sentence.items, match.indexes[-1]
    if items[index].text.lower().startswith("whether "):
        return True
    links = ("and", ",", "&", "plus")

    def column_at(at: int, step: int) -> bool:
        while 0 <= at < len(items) and items[at].norm in ("the", "their", "its", "his", "her"):
            at += step
        return 0 <= at < len(items) and items[at].kind == "col" and not items[at].consumed

    before = match.indexes[0] - 1
    if before >= 0 and items[before].norm in CLAUSE_WORDS:
        return False  # 'subscribers who churned, their region': said of the rows
    if before >= 1 and items[before].norm in links and column_at(before - 1, -1):
        return True
    after = index + 1
    return after < len(items) - 1 and items[after].norm in links and column_at(after + 1, 1)


def _happened(ctx: Context, match: Match, happened: bool = False) -> bool:
    """'never shipped' ('have been shipped' when `happened`): the date of the event the value also names is
    missing (or there), not the value's own test ('shipped' is a status and the event ship_date records)."""
    item = match.item("vals")
    if item is None or not item.text.lower().endswith("ed"):
        return False
    dated = [r for r in item.alternatives if isinstance(r, ColumnRef) and r.type in ("date", "datetime")]
    if not dated:
        return False
    column = ctx.use(dated[0])
    ctx.note(f"read '{match.text}' as {column} {'present' if happened else 'missing'}")
    test, said = ("is not null", "is present") if happened else ("is null", "is missing")
    ctx.plan.add_filter(Condition(f"{ident(column)} {test}", f"{column} {said}", column))
    return True


def _verb(ctx: Context, match: Match) -> bool:
    item = match.item("vals")
    if item is None or not item.text.lower().endswith("ed"):
        return False
    ctx.note(f"read '{item.text} to' as a destination, not as a {item.ref.column} test")
    return True


def _named(ctx: Context, match: Match) -> bool:
    """'customers named "Lukas Weber"': the dataset's name column."""
    refs = ctx.grounding.columns_named(("name",), [ctx.base])
    pieces = match.items(name="who")
    if not refs or not pieces:
        return False
    before = ctx.sentence.items[match.indexes[0] - 1] if match.indexes[0] else None
    if before is not None and before.kind == "col" and before.ref.column != refs[0].column:
        # 'a city called Berlin': a value of that column (tested as such), not a customer's name; one it does not
        # hold ('a city called Springfield') is said
        said = [pieces[0].ref, *pieces[0].alternatives] if pieces[0].kind == "val" else []
        if any(getattr(r, "column", None) == before.ref.column for r in said):
            return False
        ctx.refuse(f"{before.text} {match.text} (no {before.ref.column} of {ctx.base} is called that)")
        return True
    first = pieces[0]
    column = ctx.use(refs[0])
    if first.kind == "word" and first.text[:1].isupper():
        # 'customers named Smith': a part of the name
        text = ctx.sentence.request[first.start : pieces[-1].end]
        ctx.note(f"read 'named {text}' as {column} containing '{text}'")
        ctx.plan.add_filter(
            Condition(f"contains({ident(column)}, {literal(text)})", f"{column} contains '{text}'", column)
        )
        return True
    value = first.ref.value if first.kind == "val" else first.ref if first.kind == "str" else None
    if value is None:
        return False
    ctx.plan.add_filter(Condition(equality(column, [value]), f"{column} is {literal(value)}", column, [value]))
    return True


# The end of a person's full name a word names: 'surname Jansen' ends the name, 'first name Emma' starts it.
LAST_PARTS = ("surname", "surnames", "lastname", "familyname", "last", "family", "second")
FIRST_PARTS = ("forename", "firstname", "givenname", "first", "given", "christian")
NAME_PART = (
    r"(?P<part>surname|surnames|lastname|familyname|forename|firstname|givenname"
    r"|(?:last|family|second|first|given|christian) (?P<col>{C}))"
)


def _name_part(ctx: Context, match: Match) -> bool:
    """A word at the end (surname) or start (first name) of a person's full name, in any case."""
    # 'customers with the surname Jansen', 'whose first name is Emma' (no names in docstrings: they are words read)
    item, who = match.item("col"), match.items(name="who")
    if item is not None:
        ref = ctx.column_ref(item)
        if ref is None or ref.dataset != ctx.base or "name" not in ref.column.split("_"):
            return False
    else:
        refs = ctx.grounding.columns_named(("name",), [ctx.base])
        ref = refs[0] if refs and refs[0].strength == 3 else None
    if not any(word in ctx.base.lower() for word in PEOPLE):
        return False  # a product's name has no surname
    columns = [c.name for c in ctx.grounding.dataset(ctx.base).columns]
    split = [c for c in columns if any(w in c for w in ("first", "last", "surname", "given", "family"))]
    if ref is None or ref.type != T.STRING or split or not who:
        return False  # no full-name column, or the name is kept in parts: not a part of one
    piece = who[0]
    text = str(piece.ref) if piece.kind == "str" else piece.text
    if piece.kind == "word" and (piece.norm in FILLER or piece.norm in KEYWORDS or not piece.text.isalpha()):
        return False
    column, word = ctx.use(ref), text.strip().lower()
    name = f"lower(trim({ident(column)}))"
    last = (match.group("part") or "").split()[0] in LAST_PARTS
    if last:
        test = f"({name} = {literal(word)} or ends_with({name}, {literal(' ' + word)}))"
        said = f"{column} ends with the word '{text}'"
    else:
        test = f"({name} = {literal(word)} or starts_with({name}, {literal(word + ' ')}))"
        said = f"{column} starts with the word '{text}'"
    ctx.note(f"read '{match.text}' as {said}, in any case")
    ctx.plan.add_filter(Condition(test, said, column))
    return True


def read_values(ctx: Context) -> None:
    """Flags, missing values, values named with or without their column."""
    scan = ctx.sentence.scan
    vals = r"(?P<vals>{V}(?:" + LIST_JOIN + r"{V})*)"
    scan(
        r"(?:(?:with|whose|having|who have|that have|who has|that has|has|have|of) )?(?:the |a |their |his |her )?"
        + NAME_PART
        + r"(?: (?:is|was|of|=|equal to|being|reads|spelt|spelled))?(?: the)? (?P<who>{S}|{V}|[a-z][a-z'\-]+)",
        lambda m: _name_part(ctx, m),
    )
    scan(r"(?:named|called) (?P<who>{V}|{S}|[A-Za-z][a-z]+(?: [A-Za-z][a-z]+)?)", lambda m: _named(ctx, m))
    # 'cancelled yet shipped': two values of one column said to hold together, which no row can; asked, not guessed
    scan(r"(?P<a>{V}) (?:,? ?(?:yet|but|and yet|and still|but still|though|while|whilst|although) )(?:still |also )?"
         r"(?:(?:been|be|is|are|was|were|got|get) )?(?P<b>{V})", lambda m: _both_at_once(ctx, m))  # fmt: skip
    # null tests: "non-empty X" before "empty X"
    scan(
        r"(?:(?:with|having|has|have) )?(?:a |an )?(?:known|non empty|non null|"
        r"non blank|non missing|not empty|not null|not missing|not blank|"
        r"present|valid) (?P<col>{C})",
        lambda m: add_null(ctx, m, False),
    )
    scan(
        r"(?P<col>{C}) (?:(?:is|are|was|were|that is|which is) )?" + MISSING + r"(?: values?)?",
        lambda m: add_null(ctx, m, True),
    )
    scan(
        r"(?:(?:with|having|has|have) )?(?:a |an |the )?" + MISSING + r" (?P<col>{C})(?: values?)?",
        lambda m: add_null(ctx, m, True),
    )
    scan(
        r"(?:without|with no|no|lacking|lacks|lack|having no|has no|have no|do "
        r"not have|does not have|not have|not having|missing)(?: a| an| any| "
        r"the| their| its)? (?P<col>{C})(?! (?:columns?|fields?))",
        lambda m: _flag(ctx, m, False) or zero_count(ctx, m) or absent_value(ctx, m) or add_null(ctx, m, True),
    )
    scan(r"(?P<col>{C}) (?:is|are|was|were) " + PRESENT, lambda m: add_null(ctx, m, False))
    scan(r"(?P<col>{C}) " + PRESENT_BARE, lambda m: add_null(ctx, m, False))
    scan(
        r"(?:(?:with|having|has|have) )?(?:a |an )?(?:known|non empty|non null|"
        r"non - empty|non - null|non missing|present|valid) (?P<col>{C})",
        lambda m: add_null(ctx, m, False),
    )
    # flags
    marked = r"(?P<truth>not )?(?:flagged|marked|labelled|labeled|tagged) as (?:a |an )?(?P<col>{C})"
    scan(marked, lambda m: _flag(ctx, m, True))
    scan(r"(?P<col>{C}) " + EQUALS + r" (?P<truth>true|false|yes|no|1|0)", lambda m: _flag(ctx, m, True))
    # terse 'churned 1', 'is_test_account false': a flag and its value with nothing between, ending a clause
    scan(r"(?P<col>{C}) (?:(?P<truth>true|false|yes|no)|(?P<num>{N}))(?= [?.!;,]|$)", lambda m: _bare_flag(ctx, m))
    scan(NEGATIVE + r"(?: the| any| all)? (?P<col>{C})(?! (?:columns?|fields?))", lambda m: _flag(ctx, m, False))
    pertaining = (
        r"(?: records| rows| entries| data)(?: pertaining to| relating to| related to| belonging to| for| of| from)"
    )
    scan(
        NEGATIVE + r"(?: the| any| all)?" + pertaining + r"(?: the| any)? (?P<col>{C})", lambda m: _flag(ctx, m, False)
    )
    who = r"(?: the| any| all)? (?:{T} |those |people |ones )?(?:who|that|which) (?:have |has |had |are |were |is )?"
    scan(
        r"(?:exclude|excluding|remove|drop|without|except|not|filter out|ignore|skip)" + who + r"(?P<col>{C})",
        lambda m: _flag(ctx, m, False),
    )
    # 'take the cancelled orders out', 'leave test accounts out': the rows holding them go
    out = r"(?:take|leave|keep|throw|filter|cut|strip|knock|pull|cross|weed)(?: the| any| all)? "
    scan(out + vals + r"(?: {T}| ones| rows| records)? out", lambda m: _value_list(ctx, m, True))
    scan(out + r"(?P<col>{C})(?: {T})? out", lambda m: _flag(ctx, m, False))
    # column = value
    scan(
        r"(?P<col>{C}) (?:(?:is|are|was|were|of|equals|equal to|=|==|:|by|with|via|using|through|over|the|a|an"
        r"|called|named|labelled|labeled|known as) "
        r")*(?P<neg>not |!= |"
        + ANYTHING_BUT
        + r")?(?:(?:is|=|in) )?(?:the )?"
        + vals
        + r"(?: (?:type|kind|one|ones|variety|category|option|plan|connection|method|service))?",
        lambda m: _column_value(ctx, m),
    )
    scan(
        r"(?P<col>{C}) (?P<neg>is not |are not |!= |not )?(?:is |are |= |== |"
        r"equals |equal to )(?P<lit>{S}|{N}|[^ @§]+)",
        lambda m: _column_value(ctx, m),
    )
    scan(r"(?P<col>{C}) (?P<lit>{S})", lambda m: _column_value(ctx, m))
    # 'have been shipped', 'already shipped': the event has happened, whatever the status says now
    scan(
        r"(?:(?:have|has|had)(?: already)?(?: been)?|already(?: been)?) (?P<vals>{V})(?! @c)",
        lambda m: _happened(ctx, m, happened=True),
    )
    # 'shipped to Italy': a status word used as a verb before a destination
    scan(r"(?P<vals>{V})(?= to (?:@v\d+|the @v\d+))", lambda m: _verb(ctx, m))
    scan(
        r"(?<!not )(?:going|go|goes|went|gone|headed|heading|sent|bound|destined|travelled|traveled|delivered|mailed"
        r"|dispatched|ship|ships|shipping) (?:to|for)(?= (?:the )?@v\d+)",
        lambda m: True,
    )
    # 'who left us while on a monthly plan': the state they were in, said with 'while'
    scan(
        r"(?:while|whilst|when) (?:(?:they|he|she) (?:were|was) |being )?(?:on|in|using|with)"
        r"(?= (?:a |an |the )?@v\d+)",
        lambda m: True,
    )
    # 'products that fall under Home & Kitchen', 'listed under Toys': 'under' a text value is no comparison
    scan(
        r"(?:(?:fall|falls|fell|falling|come|comes|sit|sits|belong|belongs|listed|filed|classed|classified|sorted"
        r"|grouped|categorised|categorized|are|is) )?(?:under|within)(?= (?:the |our |your |their )?@v\d+)",
        lambda m: True,
    )
    # 'never shipped': a value that is also an event with its own date (ship_date) means the date is missing
    scan(
        r"(?:never|not yet|have not|has not|had not|not)(?: been| yet| ever| " r"get| got| be)? (?P<vals>{V})(?: yet)?",
        lambda m: _happened(ctx, m),
    )
    # values with their column after them: 'fiber internet', 'delivered status'
    scan(r"(?P<neg>" + NEGATIVE + r" )?(?:the |any |all )?" + vals + r" (?P<col>{C})", lambda m: _column_value(ctx, m))
    # values alone
    scan(NEGATIVE + r"(?: the| any| all)? " + vals + r"(?: (?P<tail>{C}|{T}))?", lambda m: _value_list(ctx, m, True))
    # 'counting only delivered orders', 'considering just toys': the rows a summary takes
    only = r"(?:(?:counting|considering|including|taking|using|looking at) )?(?:only|just)"
    scan(r"(?:(?:" + only + r"|all|include|including|add|plus|with) )?" + vals, lambda m: _value_list(ctx, m, False))
    scan(
        r"(?:(?:only|just) )?(?:the )?(?P<col>{C})(?! (?:columns?|fields?))",
        lambda m: not _in_column_list(ctx, m) and _flag(ctx, m, True),
    )
    having = r"(?:with|having|has|have|that have|who have|which have|that has|which has|who has)"
    scan(
        having
        + r"(?:(?: a| an| some| any)? (?P<col>{C})(?= (?:and|or|,|;|\.|\?|!)|$)"
        + r"|(?: a| an| some| any) (?P<col2>{C}))",
        lambda m: (
            not _shown(m) and not spent_said(m) and (absent_value(ctx, m, present=True) or add_null(ctx, m, False))
        ),
    )
