"""Column shaping: 'only name and email', 'without the phone column', 'rename total_revenue to revenue',
'email in lower case', 'add a column total = quantity * unit_price'."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.date_relations import read_event_columns
from datalinx.agents.offline.descriptions import check_columns_said
from datalinx.agents.offline.grounding import ColumnRef, name_words
from datalinx.agents.offline.renames import read_renames
from datalinx.agents.offline.sentence import Item, Match
from datalinx.core.datasets.facts import ColumnFacts
from datalinx.core.pipelines.types import NUMERIC, ColumnType

T = ColumnType
COLUMNS = (
    r"(?P<cols>(?:the |their |its )?{C}(?:(?: ,| and| , and| &| \+| /| plus| as well as| or)(?: the| their| its)?"
    r" {C})*)"
)
COLUMN_WORD = r"(?: columns?| fields?| attributes?)"
# how columns are said to be gone after they are named: 'with the age column removed'
GONE = r"(?:removed|dropped|deleted|taken out|left out|stripped out|cut out|omitted|hidden|gone|excluded)"
NARROW = (  # 'cut the products table down to', 'trim it to', 'cut churn back to'
    r"(?:trim|cut|pare|narrow|slim|reduce|restrict|shrink|whittle)(?: it| this| that| them)?(?: the)?(?: {T})?"
    r"(?: table| data| dataset| columns)?(?: down| back)? to "
)


def _named(ctx: Context, match: Match, group: str = "cols") -> list[str]:
    if _arithmetic(ctx, match.items(name=group)):
        return []
    names = []
    for item in match.items("col", name=group):
        column = ctx.column(item)
        if column is not None and column not in names:
            names.append(column)
    return names


def _arithmetic(ctx: Context, items: list[Item]) -> bool:
    """Whether a '+' or '/' in a list of columns stands between two amounts: 'revenue / quantity' is a ratio."""
    for before, sign, after in zip(items, items[1:], items[2:], strict=False):
        if sign.norm in ("+", "/") and before.kind == after.kind == "col":
            refs = [ctx.column_ref(before), ctx.column_ref(after)]
            if all(r is not None and r.type in NUMERIC for r in refs):
                return True
    return False


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


def said_as_shown(item: Item) -> bool:
    """Whether a column is named by a clause that shows it ('how old they are', 'whether they churned')."""
    return item.text.lower().startswith(("how ", "whether "))


def _with_own(ctx: Context, match: Match, kept: list[str]) -> bool:
    """'subscribers who churned, with their monthly charges': the rows' own columns said as coming with them; shown
    beside the columns picked, or (none picked) every column stays, these among them."""
    items = match.items("col", name="cols")
    if not match.group("own") and not (items and said_as_shown(items[0])):
        return False  # 'products with a price': a test of presence, read elsewhere
    if ctx.plan.select or any(i.ref.dataset != ctx.base for i in items):
        return _select(ctx, match)
    names = _named(ctx, match)
    if not names:
        return False
    kept.extend(names)
    ctx.plan.touched = True
    return True


def _owned(ctx: Context, match: Match) -> bool:
    """'each product's code, its name and price': the base's own columns, its rows' possessive first."""
    items = match.items("col", name="cols")
    first = items[0].text.lower().replace("\u2019", "'") if items else ""
    owner = first.split("'")[0] if "'" in first else ""
    rows = match.item("owner")  # "each subscriber's reference, contract and monthly charge": the rows said apart
    owned = ctx.grounding.dataset_words.get(owner) == ctx.base or (rows is not None and str(rows.ref) == ctx.base)
    if not owned or any(i.ref.dataset != ctx.base for i in items):
        return False
    return _select(ctx, match)


def _paired(ctx: Context, match: Match) -> bool:
    """'each customer's id together with their signup': columns of the base's rows, one row each as they are."""
    items = match.items("col", name="cols")
    if any(i.ref.dataset != ctx.base for i in items):
        return False  # another dataset's column per row would be a summary or a join
    start = match.indexes[0]
    if start and ctx.sentence.items[start - 1].norm in ("who", "that", "which", "whom"):
        return False  # 'subscribers who churned with their charges': a test on the rows, then what each shows
    owner = ctx.grounding.dataset_words.get(items[0].norm.split()[0]) if len(items[0].norm.split()) > 1 else None
    per_row = ctx.grounding.key_of(ctx.base) == items[0].ref.column or owner == ctx.base
    amounts = any(i.ref.type in NUMERIC and not ctx.grounding.is_key(ctx.base, i.ref.column) for i in items[1:])
    if not per_row and (match.group("each") or amounts):
        # 'each country together with its city', 'countries with their revenue': a summary, not a row's columns
        ctx.refuse(f"{match.text} (one row per {items[0].text}, but which of its values?)")
        return True
    return _select(ctx, match)


def _beside_groups(ctx: Context, match: Match) -> bool:
    """'... by total spend, show their name': columns of the dataset each group is a row of, shown beside it."""
    items = match.items("col", name="cols")
    if not items or any(i.ref.dataset not in ctx.reading.grouped or i.ref.dataset == ctx.base for i in items):
        return False
    for item in items:
        ctx.column(item)
    return True


def _distinct(ctx: Context, match: Match) -> bool:
    """'distinct countries of customers': each value once."""
    if not _select(ctx, match):
        return False
    from datalinx.agents.offline.plan import Dedupe

    ctx.plan.dedupe = Dedupe(explanation="Keep each combination of values once.")
    ctx.plan.distinct = True
    return True


def _distinct_of_some(ctx: Context, match: Match) -> bool:
    """Each value once, of rows a test inside the question said; the question's words after the test are read."""
    start, end = match.match.span("tail")
    tail = [i for i, at in match.sentence.offsets.items() if start <= at < end]
    if not _distinct(ctx, match):
        return False
    for index in tail:
        ctx.sentence.items[index].consumed = True
    return True


def _distinct_named(ctx: Context, match: Match) -> bool:
    """'lowercase the emails and list the unique ones': each value of the column named just before, once."""
    earlier = [i for i in ctx.sentence.items[: match.indexes[0]] if i.kind == "col"]
    if not earlier or ctx.plan.select or ctx.plan.dedupe is not None:
        return False
    column = ctx.column(earlier[-1])
    if column is None:
        return False
    show_distinct(ctx, column, match.text)
    return True


def show_distinct(ctx: Context, column: str, text: str) -> None:
    """The plan answers each value of `column` once; `text` is the request's words read so."""
    from datalinx.agents.offline.plan import Dedupe

    ctx.plan.select = [column]
    ctx.plan.dedupe = Dedupe(explanation=f"Keep each {column} once.")
    ctx.plan.distinct = ctx.plan.touched = True
    ctx.note(f"read '{text}' as the distinct values of {column}")


def _drop(ctx: Context, match: Match) -> bool:
    names = _named(ctx, match)
    if not names:
        return False
    ctx.plan.drop.extend(n for n in names if n not in ctx.plan.drop)
    ctx.plan.touched = True
    return True


def _said_column(match: Match) -> bool:
    """Whether the columns of a match are said as columns: 'the column saying ...', 'the field that holds ...'."""
    said = match.items("col", name="cols")
    return bool(said) and all(re.match(r"(?:the |that |this )?(?:column|field) ", i.text.lower()) for i in said)


def _columns_out(ctx: Context, match: Match) -> bool:
    """'take the age column out': columns dropped; a flag ('take the test accounts out') only when said a column."""
    return (not _flags_among(ctx, match) or match.group("word") is not None) and _drop(ctx, match)


def _flags_among(ctx: Context, match: Match) -> bool:
    """Whether a match's columns hold a yes-or-no column, whose name may say rows ('the test accounts')."""
    return any(ctx.grounding.is_flag(i.ref.dataset, i.ref.column) for i in match.items("col", name="cols"))


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


PLACE_PARTS = ("city", "town", "country", "region", "state", "address", "location", "place")


def place_columns(ctx: Context) -> list[ColumnFacts]:
    """The base's columns that hold a place, by their names ('city', 'country', 'ship_region')."""
    return [c for c in ctx.grounding.dataset(ctx.base).columns if set(name_words(c.name)) & set(PLACE_PARTS)]


def _place_column(ctx: Context, match: Match) -> bool:
    """'where they live' where columns are listed: the one column of the base that holds a place; with several
    (city and country) it is asked about, not guessed."""
    places = place_columns(ctx)
    if len(places) != 1:
        named = " or ".join(c.name for c in places) or "no place column"
        ctx.refuse(f"{match.text} ({named}?)")
        return True
    ref = ColumnRef(ctx.base, places[0].name, places[0].type, 3)
    ctx.note(f"read '{match.text}' as the column {places[0].name}")
    ctx.sentence.fold(match.indexes[0], match.indexes[-1], match.as_column(ref))
    return False


def _age_said(ctx: Context, match: Match) -> bool:
    """'name and how old they are' where columns are listed: the age column of the first dataset in scope with one."""
    said = match.item("old")
    if said is not None and said.norm != "old":
        return False
    refs = (r for name in ctx.reading.scope for r in ctx.grounding.columns_named(("age",), [name]))
    ref = next(refs, None)
    if ref is None:
        return False
    ctx.note(f"read '{match.text}' as the column {ref.column}")
    ctx.sentence.fold(match.indexes[0], match.indexes[-1], match.as_column(ref))
    return False


def read_shapes(ctx: Context) -> None:
    """Renames, case changes, computed columns and columns dropped by name: read before row tests."""
    scan = ctx.sentence.scan
    read_event_columns(ctx)
    # 'name and where they live': the place the rows are at, as a column
    where = r"where (?:it|they|he|she|each one|(?:the |each |every )?{T}) (?:live|lives|reside|resides|are based"
    where += r"|is based|are located|is located|are from|is from|come from|comes from|went|go|goes|was sent"
    where += r"|were sent|was shipped|were shipped|shipped to|ships to|is going|was delivered|were delivered)"
    where += r"(?= [?.!;,]|$| and )"
    scan(where, lambda m: _place_column(ctx, m))
    who = r"(?:it|they|he|she|each one|(?:the |each |every )?{T})"
    scan(r"how (?P<old>old|{C}) " + who + r" (?:is|are|was|were)(?= [?.!;,]|$| and )", lambda m: _age_said(ctx, m))
    scan(r"{C} \( (?:in )?[a-z%]+ \)", lambda m: _aside(ctx, m))
    read_renames(ctx)
    narrow = NARROW + r"(?:just |only )?(?:the )?(?:columns? |fields? )?"
    scan(narrow + COLUMNS + COLUMN_WORD + r"?(?= [?.!;,]|$)", lambda m: _select(ctx, m))
    paired = r"(?: (?:together with|along with|alongside|next to|beside|with(?= their| its))(?: their| its| the)? {C})+"
    paired += r"(?:(?: ,| and| , and)(?: their| its| the)? {C})*"
    scan(r"(?P<each>(?:each|every) )?(?P<cols>{C}" + paired + r")(?= [?.!;,]|$)", lambda m: _paired(ctx, m))
    drop = (
        r"(?:drop|remove|delete|hide|omit|exclude|excluding|without|minus|leave "
        r"out|get rid of|except|but not|apart from|no)"
    )
    contact = r"(?:contact|personal|private|pii|identifying) (?:details|info|information|data|columns|fields)"
    scan(drop + r"(?: the| their| any| all)? " + contact, lambda m: _contact(ctx, m))
    scan(drop + r"(?: the| their)? " + COLUMNS + COLUMN_WORD, lambda m: _drop(ctx, m))
    # 'minus their weight information', 'drop the phone details': a column said by what it tells ('without phone
    # information' may be the rows with none, so only verbs that take columns away)
    taken = r"(?:drop|remove|delete|hide|omit|minus|leave out|get rid of|strip out|take out)"
    scan(taken + r"(?: the| their| its)? " + COLUMNS + r" (?:info|information|details|data)(?= [?.!;,]|$| and )",
         lambda m: _drop(ctx, m))  # fmt: skip
    # 'minus the column saying whether ...': a column said by what it holds is a column, never rows left out
    scan(drop + r" (?P<cols>{C})", lambda m: _said_column(m) and _drop(ctx, m))
    # 'take the age and income columns out of churn', 'strip out the phone column': a phrasal verb of removing
    # ('take the test accounts out' is of rows: a flag not said to be a column is left to the row tests)
    out = r"(?:take|taking|strip|cut|pull|knock)"
    scan(out + r"(?: the| their)? " + COLUMNS + r"(?P<word>" + COLUMN_WORD + r")? out(?: of)?",
         lambda m: _columns_out(ctx, m))  # fmt: skip
    scan(out + r" out(?: the| their)? " + COLUMNS + r"(?P<word>" + COLUMN_WORD + ")?", lambda m: _columns_out(ctx, m))
    scan(drop + r"(?: the| their)?" + COLUMN_WORD + r" " + COLUMNS, lambda m: _drop(ctx, m))
    # 'the customer table with the birth_date and age columns removed': columns said as columns, then taken away
    scan(r"(?:with|having|and|but|,)(?: the| their| its)? " + COLUMNS + COLUMN_WORD + r" (?:(?:now|all) )?"
         + GONE + r"(?= [?.!;,]|$| and )", lambda m: _drop(ctx, m))  # fmt: skip
    scan(
        r"(?:all|every|everything)(?: the)?(?: (?:from|of|in))?(?: the)?(?: {T})?(?: columns?| fields?)?(?: "
        r"but| except| apart from| other than| without| minus) " + COLUMNS,
        # 'every customer except the test ones': rows left out, unless the flag is named as the column it is
        lambda m: (
            _columns_out(ctx, m)
            if m.items("ds") and not any(i.text == i.ref.column and "_" in i.text for i in m.items("col", name="cols"))
            else _drop(ctx, m)
        ),
    )


def read_columns(ctx: Context) -> None:
    """Columns kept or removed: read after row tests took the columns they test."""
    scan = ctx.sentence.scan
    scan(r"(?:drop|remove|delete|hide|omit|leave out|get rid of)(?: the| their)? " + COLUMNS, lambda m: _drop(ctx, m))
    # 'exclude the telephone number and the date of birth from the customer records': columns no row test took,
    # ended there; a yes-or-no column ('exclude churned') would be rows left out, so it is left to be said
    excluded = r"(?:exclude|excluding|omitting)(?: the| their)? " + COLUMNS + r"(?= [?.!;,]|$| from | in | of )"
    scan(excluded, lambda m: not _flags_among(ctx, m) and _drop(ctx, m))
    if ctx.plan.drop:  # 'keep everything else': the columns a drop leaves, which it keeps already
        rest = r"(?:all |all of )?the (?:rest|others|other (?:columns|fields))|(?:everything|all|anything)(?: else)?"
        scan(r"(?:and |but )?(?:keep|leave|retain)(?: in)? (?:" + rest + r")(?: as (?:it is|is))?", lambda m: True)
    verb = (
        r"(?P<verb>only|just|show|display|list|give|return|select|keep|include|get|fetch|with|pull|see|view|output|add"
        r"|retain)"
    )
    only = r"(?: only| just| nothing (?:but|except|other than|apart from|besides|beyond))?"  # "keep nothing but"
    shown = verb + r"(?: me| us)?" + only + r"(?: the| their| its)?(?:" + COLUMN_WORD + r")? " + COLUMNS
    if ctx.groups or ctx.measures:
        scan(shown + r"(?:" + COLUMN_WORD + r")?(?: too| as well| also)?", lambda m: _beside_groups(ctx, m))
        check_columns_said(ctx)
        return
    scan(
        r"(?:the )?(?:distinct|unique|different) (?:values of |values in )?(?:the )?" + COLUMNS,
        lambda m: _distinct(ctx, m),
    )
    tuple_words = r"pair|pairs|combination|combinations|combo|combos|tuple|tuples|set|sets"
    tuples = rf"(?:{tuple_words})"
    scan(r"(?:distinct|unique|different) " + tuples + r" of (?:the )?" + COLUMNS, lambda m: _distinct(ctx, m))
    # 'every pairing of A and B that actually occurs': the pairs found in the rows (not every pair there could be)
    found = (
        r"(?:occur|occurs|exist|exists|appear|appears|show up|shows up|turn up|turns up|are there|there are|we have)"
    )
    pairings = r"(?:every|each|all|all the|which|what|the) (?:pairings?|mix|mixes|" + tuple_words + r") of (?:the )?"
    scan(pairings + COLUMNS + r" (?:that |which )?(?:actually |really |ever )?" + found, lambda m: _distinct(ctx, m))
    scan(r"(?:the |a )?set of (?:distinct |unique |different )?(?:the )?" + COLUMNS, lambda m: _distinct(ctx, m))
    # 'churn contract types, distinct', 'churn payment_method values, deduped': the word after the columns it applies
    # to, closing the request
    once = r"(?:distinct|unique|deduplicated|deduped|de (?:- )?duplicated|de (?:- )?duped)"
    scan(r"(?:^(?:{T} )?(?:(?::|-|,) )?|(?<=[:;] ))" + COLUMNS
         + r"(?: values| entries)?(?: ,| :| -)? " + once + r"(?: values| ones| only)?"
         r"(?=(?: [.?!])*$)", lambda m: _distinct(ctx, m))  # fmt: skip
    scan(r"(?:the )?(?:distinct|unique|different) (?P<ones>ones|values)", lambda m: _distinct_named(ctx, m))
    # "which payment methods do subscribers use": the values a question asks the rows' choice of, each once
    who = r"(?:(?:our|the|all|your) )?(?:{T}|subscribers|customers|clients|users|members|people|they|we)"
    chosen = (
        r"(?:use|have|pick|choose|prefer|opt for|go for|pay with|pay by|ship to|sell to|deliver to|send to|come from"
        r"|live in|reside in|shop from|belong to)"
    )
    adverb = r"(?: (?:actually|really|currently|even|all|ever|usually|normally|typically|now))?"
    scan(
        r"(?:which|what) " + COLUMNS + r" (?:do|does|did) " + who + adverb + " " + chosen,
        lambda m: _distinct(ctx, m),
    )
    # 'which cities do our German customers live in': the rows said with a value a row test took already
    rows = r"(?:{T}|subscribers|customers|clients|users|members|people)"
    valued = r"(?:(?:our|the|all|your) )?(?:(?:§ )+" + rows + r"(?: §)*|" + rows + r"(?: §)+)"
    scan(
        r"(?:which|what) " + COLUMNS + r" (?:do|does|did)(?= (?P<tail>" + valued + adverb + " " + chosen + r"))",
        lambda m: _distinct_of_some(ctx, m),
    )
    # "what customer segments are there": the values, each once
    scan(
        r"(?:which|what) " + COLUMNS + r" (?:are|is) there" + adverb + r"(?: in (?:the )?{T})?",
        lambda m: _distinct(ctx, m),
    )
    scan(r"(?:which|what) " + COLUMNS + r" (?:are|is|were|was) " + who + r" (?:from|in|based in)(?= [?.!;]|$)",
         lambda m: _distinct(ctx, m))  # fmt: skip
    # 'in which towns and cities are our customers based', 'from what countries do they come': the place fronted
    placed = r"(?: (?:based|located|situated|found|living|live|residing|reside|come|coming))?"
    scan(r"(?:in|from) (?:which|what) " + COLUMNS + r" (?:are|is|were|was|do|does|did) " + who + placed
         + r"(?= [?.!;]|$)", lambda m: _distinct(ctx, m))  # fmt: skip
    # "the countries our customers come from": the values a relative clause describes, each once
    relative = (
        r" (?:that |which )?(?:our |the |all )?(?:{T} )?(?:(?:are|is|were|was) )?(?:come|comes|came|live|lives|ship"
        r"|ships|go|belong|are|is|were|was|based|located) (?:from|in|to)"
    )
    scan(r"(?:the )?" + COLUMNS + relative + r"(?= [?.!;]|$)", lambda m: _distinct(ctx, m))
    if ctx.plan.distinct:  # "that occurs in orders", "our orders come from"
        scan(r"(?:that|which) (?:occur|occurs|appear|appears|exist|exists|show up|shows up)(?= in )", lambda m: True)
        # 'the different countries orders ship to': the clause after values listed once says whose they are
        scan(relative.removeprefix(" ") + r"(?= [?.!;]|$)", lambda m: True)
    # "each product's code, its name and what it costs": the columns of every row, named through their owner
    owned = r"(?: the| their| its| what it| what they| how much it| how much they)?"
    scan(
        r"(?:"
        + verb
        + r" )?(?:me |us )?(?:each|every) (?:(?P<owner>{T}) )?(?P<cols>{C}(?:(?: ,| and| , and| &| plus)"
        + owned
        + r" {C})*)",
        lambda m: _owned(ctx, m),
    )
    kept: list[str] = []  # 'with their email' before the columns picked ('names ... with their email')
    scan(r"(?:along |together )?with (?:(?P<own>their|its) )?" + COLUMNS.replace("(?:the |their |its )?", "", 1),
         lambda m: _with_own(ctx, m, kept))  # fmt: skip
    scan(shown + r"(?:" + COLUMN_WORD + ")?", lambda m: _select(ctx, m))
    # terse 'products name price only': columns listed with nothing between them, closing the request
    scan(r"(?P<cols>{C}(?: {C})+)(?: only|" + COLUMN_WORD + r" only)(?= [?.!;]|$)", lambda m: _select(ctx, m))
    scan(COLUMNS + r"(?: only|" + COLUMN_WORD + r" only)", lambda m: _select(ctx, m))
    scan(r"(?:need|want|require)(?: only| just)?(?: the)? " + COLUMNS + COLUMN_WORD, lambda m: _select(ctx, m))
    # 'I only need the id, the category and the weight, could you ...': the list closing its clause
    scan(r"(?:need|want|require)(?: only| just)?(?: the)? " + COLUMNS + r"(?= [,.?!;]|$)", lambda m: _select(ctx, m))
    # "names and emails of our French customers": the value's test was read already
    owner = r" (?:of|for|from)(?= (?:the |all |every |our |its |their )?(?:(?:§|{V}) )*(?:{T}|§))"
    scan(COLUMNS + owner, lambda m: _select(ctx, m))
    # 'products: name, price and category, cheapest first', 'subscribers who churned: customer_ref and region',
    # 'test accounts and their email': the columns closing a request, after its tests or its order
    end = r"(?=(?: [,.?!;]| §)*$)"
    scan(r"^(?:{T}|§) (?::|-) (?:just |only )?(?:the |their |its )?" + COLUMNS + end, lambda m: _select(ctx, m))
    if ctx.plan.touched or ctx.order:
        start = r"(?:(?<=[:,;] )(?:just |only )?(?:the |their |its )?|(?<= and )(?:their|its) )"
        scan(start + COLUMNS + end, lambda m: _select(ctx, m))
    if ctx.plan.select:  # 'could you cut it down to those?': the narrowing to the columns just listed
        scan(r"(?:and )?" + NARROW + r"(?:just |only )?(?:those|these|them)(?: columns?| fields?| ones| only)?",
             lambda m: True)  # fmt: skip
    if not ctx.plan.touched:  # nothing else asked: columns named on their own are the ones to show
        terse = r"^(?:{T} )?(?P<cols>{C}(?: {C})+)(?= [.?!]$|$)"  # 'customers name email phone'
        scan(terse, lambda m: _select(ctx, m))
        scan(COLUMNS + r"(?= @t\d+| [.?!]$|$)", lambda m: _select(ctx, m))
        scan(r"^(?:the )?" + COLUMNS, lambda m: _select(ctx, m))
    if ctx.plan.select:  # "and no other columns", "nothing else": after the columns listed on their own
        nothing_else = (
            r"(?:(?:, )?and )?(?:(?:no|nothing) (?:other|else|more)(?: columns?| fields?| than that| besides)?"
            r"|(?:drop|remove|discard|hide|lose) (?:everything else|all the rest|the rest(?: of the columns)?"
            r"|all others))"
        )
        scan(nothing_else, lambda m: True)
    if ctx.plan.select and kept:
        ctx.plan.select = [*ctx.plan.select, *(n for n in kept if n not in ctx.plan.select)]
    elif kept:
        ctx.note(f"kept every column of the rows, {', '.join(kept)} among them")
    check_columns_said(ctx)
