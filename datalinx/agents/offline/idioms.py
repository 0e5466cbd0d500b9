"""Idioms whose words look like data but say something else: 'on the books' (kept as a customer, not the Books
category), 'what do we stock' (the catalogue's rows), 'in one go' after a count of units (each row is one order
already), 'real accounts rather than test ones' (one side of a flag, not both)."""

from __future__ import annotations

from dataclasses import replace

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.phrases import OP, comparison
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import of_people
from datalinx.core.pipelines.types import NUMERIC
from datalinx.core.quality.vocabulary import singular

# Words a value may share with an idiom of being kept on: 'on the books' is no category of Books.
KEPT_ON = ("books", "book", "roster", "rolls", "register")
# How a single occasion is said: 'in one go', 'in a single order', 'at one time'.
OCCASION = (
    r"(?:in (?:one|a single|a|1) (?:go|shot|hit|batch|basket|sitting|transaction|purchase|order|sale|{T})"
    r"|in (?:one|a single) (?:single )?(?:go|{T})|at one time|all at once|per {T}|on (?:one|a single) {T})"
)
ROW_NOUNS = ("order", "orders", "purchase", "purchases", "sale", "sales", "transaction", "transactions")


def read_idioms(ctx: Context) -> None:
    """Idioms read before any value or output is: a flag said with a noun of its name ('real accounts'), a noun of
    place after a country, 'north of' a number, verbs that lead to a value, 'on the books' (kept on record) and
    where an order sat ('in the warehouse')."""
    for match in list(ctx.sentence.matches(r"(?P<col>{C}) (?P<noun>[a-z]+)"))[::-1]:  # from the end: folds keep indexes
        _flag_noun(ctx, match)
    ctx.sentence.scan(r"(?P<v>{V}) (?P<noun>[a-z]+|{C})", lambda m: _place_noun(m))
    ctx.sentence.scan(r"(?P<v>{V}) of(?= {N})", lambda m: _compass(m))  # 'north of 100' where north is a region
    # 'registered as small businesses', 'priced in pounds', 'payments arrive as cheques': verbs that lead to a value
    ctx.sentence.scan(r"(?P<verb>{C}|[a-z]+(?: up| on)?) (?:as|in|under)(?= (?:the |an? )?@v\d+)", lambda m: _leads(m))
    arrive = (
        r"(?P<col>{C}) (?:arrive|arrives|arrived|come in|comes in|came in|are made|is made|were made|was made"
        r"|go through|goes through|went through|are settled|is settled|are received|is received|are sent|is sent"
        r"|are paid|is paid|get paid|are done|is done|runs|run|is running|are running)(?: in| on)?"
        r"(?: (?:as|by|with|via|through|in|using))?(?= (?:the |an? )?@v(?P<v>\d+))"
    )
    ctx.sentence.scan(arrive, lambda m: _own_value(m))
    # 'what do we stock under garden', 'the products we carry': the catalogue's rows, the verb adding no test
    ctx.sentence.scan(OFFERED + r"(?! (?:" + OP + r") {N})", lambda m: _catalogue(ctx, m))
    # 'been on the books for a year', 'customers on the books': kept on record, not the Books category
    kept = r"(?:been|still|stayed|remained|are|is|were|was|who|kept|not|{T}|years?|months?|weeks?)"
    kept += r" on (?:the|our|its|their) (?P<v>{V})"
    kept += r"(?= for | since | [.?!,;]|$)"
    ctx.sentence.scan(kept, lambda m: _kept_on(m))
    # 'all customers but the test accounts', 'every order except the cancelled ones': rows left out, no columns
    ctx.sentence.scan(ALL_BUT, lambda m: _all_but(ctx, m))
    # 'sat in the warehouse for a week': where an order waited, no output to write to
    for match in list(ctx.sentence.matches(r"(?P<verb>" + WAITED + r") " + WHERE + r"(?= for )"))[::-1]:
        verb = match.items()[0]
        ctx.sentence.fold(
            match.indexes[0], match.indexes[-1], replace(verb, text=match.text, end=match.items()[-1].end)
        )


# verbs of holding things on offer, said of the catalogue by its seller
OFFERED = (
    r"(?:(?:do|does|did) )?(?:we|you|they) (?:(?:currently|still|also|actually) )?(?:stock|stocks|stocked|carry"
    r"|carries|carried|offer|offers|offered|sell|sells|sold|have in stock|keep in stock|hold in stock)(?: in stock)?"
)


def _catalogue(ctx: Context, match: Match) -> bool:
    """Whether the base is a catalogue of things (neither people nor events with dates), which 'we stock' names;
    after a column ('every category we offer') the verb says whose values those are, read with them."""
    start = match.indexes[0]
    if start > 0 and ctx.sentence.items[start - 1].kind == "col":
        return False
    people = of_people(ctx.base)
    return not people and ctx.grounding.main_date(ctx.base) is None


ALL_BUT = (
    r"(?:(?:all|every)(?: of)?(?: the| our)? {T}|everyone|everybody|all the people) (?:,? )?(?:but|except|except for"
    r"|apart from|other than"
    r"|save for|excluding|bar) (?:the |those |any )?(?:ones |rows |people )?(?:(?:who|that|which) (?:are |were |have "
    r"|has |had )?)?(?:(?P<col>{C})|(?P<vals>{V}(?: (?:,|or|and) {V})*))(?: ones| accounts| rows| {T})?"
)


def _all_but(ctx: Context, match: Match) -> bool:
    """Every row but those a flag or a value names: the flag false, or the values left out."""
    from datalinx.agents.offline.values import _flag, _value_list

    item = match.item("col")
    if item is not None:
        flagged = isinstance(item.ref, ColumnRef) and ctx.grounding.is_flag(item.ref.dataset, item.ref.column)
        return flagged and "_" not in item.text and _flag(ctx, match, False)
    return _value_list(ctx, match, True)


def _flag_noun(ctx: Context, match: Match) -> None:
    """'real accounts', 'genuine account': a flag's word and a noun of its own name, read as the flag."""
    item, noun = match.item("col"), match.group("noun") or ""
    if item is None or not isinstance(item.ref, ColumnRef):
        return
    if not ctx.grounding.is_flag(item.ref.dataset, item.ref.column):
        return
    if singular(noun) not in item.ref.column.split("_") or singular(noun) in item.norm.split():
        return
    folded = match.as_column(item.ref, item.norm, item.alternatives)
    ctx.sentence.fold(match.indexes[0], match.indexes[-1], folded)


# Nouns for where a row is or goes, said after a country: 'American addresses' are addresses in the US.
PLACE_NOUNS = frozenset({"address", "addresses", "destination", "destinations", "location", "locations", "soil",
                         "shores", "postcodes", "postcode", "zip codes"})  # fmt: skip
PLACE_COLUMNS = ("country", "city", "region", "state", "town")


def _place_noun(match: Match) -> bool:
    """'American addresses', 'French destinations': the place's value alone; the noun adds nothing to its test."""
    value, noun = match.item("v"), match.items()[-1]
    column = str(getattr(value.ref, "column", "")) if value is not None else ""
    if noun.norm in PLACE_NOUNS and any(part in column.split("_") for part in PLACE_COLUMNS):
        noun.consumed = True
    return False


# Verbs that lead only to a currency: 'denominated in pounds' (never 'denominated in Germany').
MONEY_VERBS = frozenset({"denominated", "transacted", "made out"})
# Verbs a request may say before the value a row holds, which a column of dates or amounts is also named by:
# 'registered as' (signup_date), 'priced in' (unit_price); or that is no column ('denominated in').
LEAD_VERBS = frozenset({"registered", "signed up", "signed on", "joined", "enrolled", "listed", "classed", "classified",
                        "recorded", "filed", "priced", "paid", "charged", "billed", "invoiced", "settled", "marked",
                        "set up", "onboarded", *MONEY_VERBS})  # fmt: skip


def _leads(match: Match) -> bool:
    """A verb read as a column ('registered' as signup_date) that leads to a value of another column: a verb."""
    verb = match.sentence.items[match.indexes[0]]
    said = match.group("verb") or ""
    following = match.sentence.items[match.indexes[-1] + 1 :]
    value = next((i for i in following if i.kind == "val"), None)
    if value is None or (verb.norm if verb.kind == "col" else said) not in LEAD_VERBS:
        return False
    if said in MONEY_VERBS and "currency" not in value.ref.column:
        return False
    start = match.indexes[0]
    if start > 0 and match.sentence.items[start - 1].norm == "not":  # 'not registered as smb': the value negated
        verb.kind, verb.ref, verb.alternatives = "word", None, []
        return False
    if verb.kind != "col":
        before = match.indexes[0] - 1
        items = match.sentence.items
        while before >= 0 and items[before].norm in ("is", "are", "was", "were", "been", "being", "be"):
            before -= 1
        named = items[before] if before >= 0 else None
        owner = named is not None and named.kind == "col" and isinstance(named.ref, ColumnRef)
        return not (owner and (named.ref.dataset, named.ref.column) == (value.ref.dataset, value.ref.column))
    if not isinstance(verb.ref, ColumnRef):
        return False
    own = (verb.ref.dataset, verb.ref.column) == (value.ref.dataset, value.ref.column)
    return not own  # 'status marked as shipped' is the value's own column, read with it


def _own_value(match: Match) -> bool:
    """'payments arrive as paper cheques': a column said with a verb of its value, the value being its own."""
    column = match.item("col")
    value = match.sentence.items[int(match.group("v") or 0)]
    if column is None or not isinstance(column.ref, ColumnRef) or value.kind != "val":
        return False
    return (column.ref.dataset, column.ref.column) == (value.ref.dataset, value.ref.column)


def _compass(match: Match) -> bool:
    """'north of a hundred': a comparison word, though a value of some column ('north' of region) is spelt so."""
    item = match.item("v")
    if item is not None and comparison(f"{item.norm} of") is not None:
        item.kind, item.ref, item.alternatives = "word", None, []
    return False


WAITED = r"(?:sat|waited|lingered|languished|stayed|sitting|waiting)"
WHERE = r"(?:in|on|at) (?:the|our) (?:warehouse|shelf|shelves|queue|backlog|depot|dock|loading dock)"


def _kept_on(match: Match) -> bool:
    item = match.item("v")
    if item is not None and item.norm in KEPT_ON:
        item.kind, item.ref, item.alternatives = "word", None, []
    return False


def read_occasions(ctx: Context) -> None:
    """'10 or more units in one go': the count is of one row already, so the words add nothing to its test."""
    ctx.sentence.scan(OCCASION, lambda m: _of_a_count(ctx, m))


def _of_a_count(ctx: Context, match: Match) -> bool:
    start = match.indexes[0]
    named = [i for i in match.items("ds")]
    if any(i.norm not in ROW_NOUNS or str(i.ref) != ctx.base for i in named):
        return False  # 'in one order' of the rows themselves, not of another dataset
    for condition in ctx.plan.filters:
        column, span = condition.column, condition.span
        if column is None or span is None or not 0 <= start - span[1] <= 3:
            continue
        if ctx.type_of(column) in NUMERIC and str(ctx.type_of(column)).startswith("int"):
            return True
    return False


SIDE = r"(?: (?:accounts?|ones?|rows?|records?|entries|{T}))?"


def read_one_side(ctx: Context) -> None:
    """'real accounts rather than test ones', 'stayed instead of churned': one side of a flag, said against the
    other; read as that side alone, where each word names the flag the other way round."""
    pattern = (
        r"(?P<col>{C})" + SIDE + r" (?:, )?(?:rather than|instead of|as opposed to|and not|but not|not|, not)"
        r" (?:the |any |those |some )?(?P<other>{C})" + SIDE
    )
    ctx.sentence.scan(pattern, lambda m: _one_side(ctx, m))


def _one_side(ctx: Context, match: Match) -> bool:
    from datalinx.agents.offline.values import _flag

    first, other = match.item("col"), match.item("other")
    if first is None or other is None or not isinstance(first.ref, ColumnRef) or not isinstance(other.ref, ColumnRef):
        return False
    same = (first.ref.dataset, first.ref.column) == (other.ref.dataset, other.ref.column)
    if not same or not ctx.grounding.is_flag(first.ref.dataset, first.ref.column):
        return False
    if bool(first.ref.negated) == bool(other.ref.negated):
        ctx.refuse(f"{match.text} (both sides name the same {first.ref.column})")
        return True
    return _flag(ctx, match, True)


NARROWED = (
    r"(?:narrow|narrowed|restrict|restricted|limit|limited|cut|trim|whittle|pare)(?: it| that| this| them| these"
    r"| those| the results?| the list| everything)?(?: down)? to(?= (?:just |only )?(?:the ones|those|ones|the rows"
    r"|rows|the {T}|{T}))"
)


def read_narrowed(ctx: Context) -> None:
    """'narrow that to the ones placed in 2023': the rows a test after it keeps, the words adding nothing to it."""
    ctx.sentence.scan(NARROWED, lambda m: _tested_after(ctx, m))


def _tested_after(ctx: Context, match: Match) -> bool:
    end = match.indexes[-1]
    return any(c.span is not None and 0 < c.span[0] - end <= 4 for c in ctx.plan.filters)


def lasted(match: Match) -> bool:
    """Whether a span of time is said after 'for' ('for more than 5 years'): how long something lasted."""
    start, items = match.indexes[0], match.sentence.items
    return start > 0 and items[start - 1].norm == "for" and not items[start - 1].consumed
