"""Joins asked in words: 'orders joined with customers', 'customers who have orders', 'products never ordered'."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.plan import Condition, Join, combine, ident, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.words import AT_LEAST, AT_MOST, GREATER, LESS, VERB_DATASETS
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL

JOIN_WORDS = (
    r"(?:join|joined|joining|merge|merged|combine|combined|enrich|enriched|match|matched|link|linked|together|along)"
)


def _dataset(ctx: Context, item: Item | None, word: str | None = None) -> str | None:
    if item is not None and item.kind == "ds":
        return str(item.ref)
    if word is not None:
        wanted = VERB_DATASETS.get(word)
        return wanted if wanted is not None and ctx.grounding.catalog.dataset(wanted) is not None else None
    return None


def _join(ctx: Context, dataset: str | None, how: str, full: bool) -> bool:
    if dataset is None or dataset == ctx.base:
        return False
    key = ctx.grounding.join_key(ctx.base, dataset)
    if key is None:
        ctx.refuse(f"join {ctx.base} with {dataset} (they share no key column)")
        return True
    join = next((j for j in ctx.plan.joins if j.dataset == dataset and j.summary is None), None)
    if join is None:
        join = Join(dataset=dataset, key=key, how=how)
        ctx.plan.joins.append(join)
    join.how = how
    words = {"left": "left join keeps every row", "inner": "only rows with a match", "semi": "rows that have a match",
             "anti": "rows that have no match"}  # fmt: skip
    join.reason = f"Join {dataset} on {key} ({words.get(how, how)})."
    if full and how in ("left", "inner"):
        for column in ctx.grounding.dataset(dataset).columns:
            if column.name != key and column.name not in join.columns:
                ctx.use(ColumnRef(dataset, column.name, column.type, 3))
    ctx.plan.touched = True
    ctx.note(f"{ctx.base} and {dataset} matched on {key}")
    return True


def _with(ctx: Context, match: Match, how: str) -> bool:
    dataset = _dataset(ctx, match.item("t"), match.group("verb"))
    if not _join(ctx, dataset, how, how in ("left", "inner")):
        return False
    when = match.item("when")
    join = next((j for j in ctx.plan.joins if j.dataset == dataset and j.summary is None), None)
    if when is not None and join is not None and not _dated(ctx, join, when):
        ctx.refuse(f"{match.text} ({dataset} has no date)")
    return True


def _bought_by_none(ctx: Context, match: Match) -> bool:
    """'products that no enterprise customer has bought': rows with no match among what those people bought (an
    anti join through the orders), not the rows bought by anyone outside the segment; the value is left to its
    reader, as the test of the people matched."""
    if not _join(ctx, _dataset(ctx, None, match.group("verb")), "anti", False):
        return False
    kept = {id(i) for i in match.items("val")}
    for item in match.items():
        item.consumed = item.consumed or id(item) not in kept
    return False


def _reduced(ctx: Context, match: Match) -> bool:
    """'customers per segment ordered in 2025': the rows matched, their grouping left for its reader."""
    if not _with(ctx, match, "semi"):
        return False
    for index in match.indexes[1:]:
        ctx.sentence.items[index].consumed = True
    return False


def _dated(ctx: Context, join: Join, when: Item) -> bool:
    """'customers who did not order in 2024': the other dataset's rows of that period are the ones matched."""
    from datalinx.agents.offline.filter_dates import date_ref

    facts = ctx.grounding.main_date(join.dataset)
    ref = date_ref(when)
    if facts is None or ref.grain == "month_of_year":
        return False
    column = ident(facts.name) if facts.type in TEMPORAL else f"to_date({ident(facts.name)})"
    expression = f"{column} >= {literal(ref.start)} and {column} < {literal(ref.end)}"
    join.filters.append(Condition(expression, f"{facts.name} in {when.text}", facts.name))
    join.reason = join.reason.removesuffix(".") + f", among {join.dataset} in {when.text}."
    ctx.note(f"'{when.text}' read as the {join.dataset}' {facts.name}")
    return True


def _once(ctx: Context, match: Match) -> bool:
    """'at least one order' is any order; 'at least 5 orders' is a count per customer, for the tests on groups."""
    count = match.item("n") or match.item("m") or match.item("k") or match.item("j")
    return count is None or count.ref == 1


PLAIN_AMOUNT = re.compile(
    r"older|younger|later|earlier|newer|heavier|lighter|longer|shorter|cheaper|expensive|costlier"
)


def _row_test(ctx: Context, match: Match) -> bool:
    """'at least one order above 5,000', 'an order with a quantity over 10': a test on the other dataset's rows,
    of the column named or else of the amount its rows are measured by."""
    from datalinx.agents.offline.filters import SYMBOLS, _operator

    other, number, parsed = match.item("t"), match.item("num"), _operator(match)
    if other is None or other.kind != "ds" or number is None or number.kind != "num" or parsed is None:
        return False
    if PLAIN_AMOUNT.search(match.group("op") or ""):
        return False  # 'an order older than ...' tests a date, not the amount
    dataset, item = str(other.ref), match.item("col")
    if match.group("unit"):
        # 'an order of more than 20 units': which amount of the rows the unit counts is not known here
        if _with(ctx, match, "semi"):
            ctx.refuse(f"{match.text} (which {dataset} column?)")
        return True
    if item is not None:
        refs = [r for r in [item.ref, *item.alternatives] if isinstance(r, ColumnRef) and r.dataset == dataset]
        column = refs[0].column if refs and refs[0].type in NUMERIC else None
    else:
        facts = ctx.grounding.main_measure(dataset)
        column = facts.name if facts is not None else None
    if column is None or ctx.grounding.is_key(dataset, column) or not _with(ctx, match, "semi"):
        return False
    join = next(j for j in ctx.plan.joins if j.dataset == dataset and j.summary is None)
    said = f"{column} {SYMBOLS.get(parsed[0], parsed[1])} {number.text}"
    join.filters.append(Condition(f"{ident(column)} {parsed[0]} {literal(number.ref)}", said, column))
    join.reason = join.reason.removesuffix(".") + f", among {dataset} whose {said}."
    if item is None:
        ctx.note(f"read '{match.group('op')} {number.text}' as a test on the {dataset}' {column}")
    return True


def _bridged_values(ctx: Context, match: Match) -> bool:
    """Whether every value a match names is of a dataset linked to the base only through another one."""
    values = match.items("val", name="vals")
    datasets = {v.ref.dataset for v in values}
    return bool(values) and all(ctx.grounding.bridge(ctx.base, d) is not None for d in datasets)


def _among(ctx: Context, match: Match) -> bool:
    """'at least one delivered order': the value tests the other dataset's rows."""
    from datalinx.agents.offline.values import _values

    values = match.items("val", name="vals")
    return _values(ctx, values, False) if values else True


def _keyed(ctx: Context, match: Match) -> bool:
    """'whose customer_id does not exist in customers': the key the datasets share."""
    key, other = match.item("key"), match.item("t")
    if key is None or other is None or other.kind != "ds":
        return False
    return isinstance(key.ref, ColumnRef) and ctx.grounding.join_key(ctx.base, str(other.ref)) == key.ref.column


def _verb(ctx: Context, match: Match) -> bool:
    """'how many orders did enterprise customers place': the verb of the orders' rows; the rest is read apart."""
    for item in match.items():
        if item.kind == "word" and item.norm in ("did", "do", "does", "place", "make", "buy", "purchase"):
            item.consumed = True
    return False


def _joined_for(ctx: Context, match: Match) -> bool:
    """'orders joined to products for name and category': the other dataset's columns named, joined in."""
    dataset = _dataset(ctx, match.item("t"))
    items = match.items("col", name="cols")
    if dataset is None or not items or any(i.ref.dataset != dataset for i in items):
        return False
    if not _join(ctx, dataset, "left", False):
        return False
    for item in items:
        ctx.column(item)
    return True


def _bring(ctx: Context, match: Match) -> bool:
    """'add the customer's name and segment': columns of another dataset, joined in."""
    items = match.items("col", name="cols")
    if not items or all(i.ref.dataset == ctx.base for i in items):
        return False
    following = " ".join(i.norm for i in ctx.sentence.items[match.indexes[-1] + 1 : match.indexes[-1] + 4])
    if any(following == p or following.startswith(p + " ") for p in COMPARED):
        return False  # "orders with the customer's age above 60": a test of that column, for the comparisons
    for item in items:
        ctx.column(item)
    return True


GROUPING = frozenset({"by", "per", "each", "every", "across", "within"})
COMPARED = tuple(p for p in (*GREATER, *LESS, *AT_LEAST, *AT_MOST, "between") if p not in ("from", "after", "before"))


def _described(ctx: Context, match: Match, found: list[tuple[int, int, Item]]) -> bool:
    """'the city the buyer lives in': a column of another dataset, described by that dataset's rows, joined in;
    before a comparison or after a group word the phrase becomes that column, for the clause around it to read."""
    item, other = match.item("col"), match.item("t")
    if item is None or other is None or other.kind != "ds" or str(other.ref) == ctx.base:
        return False
    refs = [r for r in [item.ref, *item.alternatives] if isinstance(r, ColumnRef) and r.dataset == str(other.ref)]
    if not refs:
        return False
    items, first, last = ctx.sentence.items, match.indexes[0], match.indexes[-1]
    before = [i.norm for i in items[max(0, first - 2) : first]]
    grouped = before[-1:] and (
        before[-1] in GROUPING or (before[-1] == "the" and before[-2:-1] and before[0] in GROUPING)
    )
    after = " ".join(i.norm for i in items[last + 1 : last + 4])
    compared = any(after == p or after.startswith(p + " ") for p in COMPARED)
    if grouped or compared:
        # 'by the country of the customer', 'with the age of the customer above 60': the phrase is that column,
        # for the groups or the comparison to read
        start, end = items[first], items[last]
        ref = ColumnRef(refs[0].dataset, refs[0].column, refs[0].type, 3)
        found.append(
            (first, match.indexes[-1], Item("col", match.text, item.norm, ref, [], False, start.start, end.end))
        )
        return False
    ctx.use(refs[0])  # the other dataset's, even where the base has a column of that name: the words say whose
    return True


def _called(ctx: Context, match: Match, found: list[tuple[int, int, Item]]) -> bool:
    """'what the product is called': the one name column of that dataset, as a column item; 'the catalogue
    price': the products' column, as one item."""
    other, named = match.item("t"), match.item("col")
    if named is not None:
        products = ctx.grounding.dataset_words.get("products")
        refs = [r for r in [named.ref, *named.alternatives] if isinstance(r, ColumnRef) and r.dataset == products]
        if not refs:
            return False
        ref = ColumnRef(refs[0].dataset, refs[0].column, refs[0].type, 3)
    else:
        if match.group("they") is not None:  # 'which five products ..., and what are they called?'
            other = next((i for i in ctx.sentence.items[: match.indexes[0]] if i.kind == "ds"), None)
            other = other if other is not None and str(other.ref) != ctx.base else None
        if other is None or other.kind != "ds":
            return False
        columns = ctx.grounding.dataset(str(other.ref)).columns
        names = [c for c in columns if c.name == "name" or c.name.endswith("_name")]
        if len(names) != 1:
            return False
        ref = ColumnRef(str(other.ref), names[0].name, names[0].type, 3)
        if match.group("they") is not None:
            ctx.use(ref)  # nothing else said of them: the names are shown
            return True
    found.append((match.indexes[0], match.indexes[-1], match.as_column(ref)))
    return False


def _paid_in(ctx: Context, match: Match, found: list[tuple[int, int, Item]]) -> bool:
    """'the money each order was paid in': the base's currency column, as a column item."""
    what, other = match.item("what"), match.item("t")
    if what is None or what.norm not in ("money", "currency", "currencies", "cash"):
        return False
    if other is not None and (other.kind != "ds" or str(other.ref) != ctx.base):
        return False
    column = ctx.grounding.column(ctx.base, "currency")
    if column is None:
        return False
    ref = ColumnRef(ctx.base, column.name, column.type, 3)
    found.append((match.indexes[0], match.indexes[-1], match.as_column(ref)))
    return False


def _fold(ctx: Context, found: list[tuple[int, int, Item]]) -> None:
    for first, last, item in sorted(found, key=lambda f: f[0], reverse=True):
        ctx.sentence.fold(first, last, item)
    found.clear()


FIRST_WORDS = {"first": "min", "earliest": "min", "oldest": "min", "very first": "min", "last": "max",
               "latest": "max", "most recent": "max", "newest": "max", "final": "max", "very last": "max"}  # fmt: skip
PERIOD_OPERATORS = {"in": "in", "during": "in", "within": "in", "before": "<", "after": ">", "since": ">=",
                    "on or after": ">=", "on or before": "<=", "prior to": "<", "earlier than": "<",
                    "later than": ">"}  # fmt: skip


def _first_related(ctx: Context, match: Match) -> bool:
    """'customers whose first order was in 2024': each key's earliest (or latest) date among the other dataset's
    rows, tested, and the base's rows with a key that passes (a semi join)."""
    from datalinx.agents.offline.filter_dates import RECURRING, date_ref

    other, when = match.item("t"), match.item("when")
    if other is None or other.kind != "ds" or when is None or str(other.ref) == ctx.base:
        return False
    dataset, function = str(other.ref), FIRST_WORDS[match.group("which") or "first"]
    facts = ctx.grounding.main_date(dataset)
    key = ctx.grounding.join_key(ctx.base, dataset)
    if key is None or facts is None:
        return False
    ref = date_ref(when)
    operator = PERIOD_OPERATORS[match.group("op") or "in"]
    bounds = {"in": [(">=", ref.start), ("<", ref.end)], "<": [("<", ref.start)], ">": [(">=", ref.end)],
              ">=": [(">=", ref.start)], "<=": [("<", ref.end)]}[operator]  # fmt: skip
    if facts.type not in TEMPORAL or ref.grain in RECURRING:
        why = f"{facts.name} is not a date column" if facts.type not in TEMPORAL else f"{when.text} of which year?"
        ctx.refuse(f"{match.text} ({why})")
        return True
    column = ident(facts.name)
    expression = " and ".join(f"{column} {op} {literal(day)}" for op, day in bounds)
    word = {"min": "earliest", "max": "latest"}[function]
    join = Join(dataset=dataset, key=key, how="semi", summary=(function, facts.name))
    join.filters.append(Condition(expression, f"the {word} {facts.name} {match.group('op') or 'in'} {when.text}"))
    join.reason = (
        f"Keep the {ctx.base} whose {word} {facts.name} in {dataset} is {match.group('op') or 'in'} {when.text}."
    )
    ctx.plan.joins.append(join)
    ctx.plan.touched = True
    ctx.note(f"'{match.group('which')} {other.text}' read as the {word} {facts.name} of each {key} in {dataset}")
    return True


def _described_with_more(ctx: Context, match: Match, found: list[tuple[int, int, Item]]) -> bool:
    """'the buyer's email and age': the first column as `_described` reads it, the others listed after it brought
    too, when they are all the named dataset's."""
    other = match.item("t")
    if other is None or other.kind != "ds":
        return False
    listed = [[r for r in [i.ref, *i.alternatives] if isinstance(r, ColumnRef)] for i in match.items("col", "more")]
    theirs = [next((r for r in refs if r.dataset == str(other.ref)), None) for refs in listed]
    if any(ref is None for ref in theirs) or not _described(ctx, match, found):
        return False
    for ref in theirs:
        if ref is not None:
            ctx.use(ref)
    return True


def read_described(ctx: Context) -> None:
    """'the town the buyer lives in', 'the country their customer comes from', 'the segment the client belongs
    to': a column of the dataset the clause names (read before the clause could list the base's values)."""
    found: list[tuple[int, int, Item]] = []
    ctx.sentence.scan(
        r"(?:the |their |its |his |her )?(?P<col>{C}) (?:that |which |where |in which )?(?:the |their |its |his |her )?"
        r"(?P<t>{T}) (?:lives|live|lived|is based|are based|was based|resides|reside|is located|comes|come|came"
        r"|is from|are from|belongs|belong)(?: in| from| to)?",
        lambda m: _described(ctx, m, found),
    )
    _fold(ctx, found)
    # "customers whose first order was in 2024", "clients whose most recent purchase was before 2025"
    which = "(?P<which>" + "|".join(sorted(FIRST_WORDS, key=len, reverse=True)) + ")"
    period = "(?P<op>" + "|".join(sorted(PERIOD_OPERATORS, key=len, reverse=True)) + ")"
    ctx.sentence.scan(
        r"(?:whose|where their|with their|with a|with an|(?:(?:who|that|which) )?(?:had|made|placed|did) their) "
        + which
        + r"(?: ever)? (?P<t>{T})(?: (?:was|were|is|came|happened|took place|was placed|was made|got placed|fell"
        r"|falls|dates from|is dated))? " + period + r" (?:the )?(?P<when>{Y}|{D})",
        lambda m: _first_related(ctx, m),
    )
    # "with what the product is called": the name column of the rows named, for the clause around it to read
    ctx.sentence.scan(
        r"what (?:the |their |its |each |every )?(?P<t>{T}) (?:is|are|was|were|gets|get) (?:called|named)",
        lambda m: _called(ctx, m, found),
    )
    ctx.sentence.scan(
        r"(?<=, )(?:and )?what (?:are|were|is|was) (?P<they>they|those|these|each one|each of them) (?:called|named)",
        lambda m: _called(ctx, m, found),
    )
    # "by the money each order was paid in": the base's currency, said as what the rows were paid in
    ctx.sentence.scan(
        r"(?:the )?(?P<what>{C}) (?:that |which )?(?:each |every |the |an? |their |its )?(?:{T} |they |it )?"
        r"(?:was|were|is|are|got|gets|get|has been|have been) (?:paid|billed|charged|settled|priced|placed) in",
        lambda m: _paid_in(ctx, m, found),
    )
    _fold(ctx, found)
    # 'its catalogue price': a column of the products, said where it is kept
    ctx.sentence.scan(r"(?:catalogue|catalog) (?P<col>{C})", lambda m: _called(ctx, m, found))
    _fold(ctx, found)
    # "for each order, the country of the customer": the other dataset's column, though the base has one too
    ctx.sentence.scan(
        r"(?:the |their |its )?(?P<col>{C}) of (?:the |their |its |each |every |that |this )?(?P<t>{T})(?! {C}| {T})",
        lambda m: _described(ctx, m, found),
    )
    _fold(ctx, found)
    # "orders with the customer town", "add the buyer's nation and age": columns named after their dataset's rows
    owned = (
        r"(?:with|plus|\+|add|adding|include|including|attach|attaching|" + FASTEN + r")"
        r" (?:the |their |its |each |every )?"
        r"(?P<t>{T})(?: 's| s)? (?P<col>{C})"
    )
    more = r"(?P<more>(?:(?: ,| and| , and| &| plus| as well as)(?: the| their| its| his| her)? {C})+)(?! {C}| {T})"
    ctx.sentence.scan(owned + more, lambda m: _described_with_more(ctx, m, found))
    ctx.sentence.scan(owned + r"(?! {C}| {T})", lambda m: _described(ctx, m, found))
    _fold(ctx, found)


# plain verbs for adding columns to rows: 'tack the buyer's age onto each order'
# "never bought a single thing": nothing at all, said after the verb
ANYTHING = (
    r"(?: anything| any| at all| ever| (?:a |one |even a |even one )?single(?: thing| item| product| one)?"
    r"| one thing| a thing| even one thing)?"
)
FASTEN = r"tack on|tack|tacking|stick on|stick|glue on|glue"
RECORD = r"(?: record| records| row| rows| table| data| dataset| side| file| profile| one| ones| 's| s)?"


def _whose(ctx: Context, match: Match) -> bool:
    """'using the country on the customer record rather than the order': which dataset's column of a name both
    have the request means. Taken when the plan reads that one; said when it reads the other."""
    item, owner, other = match.item("col"), match.item("t"), match.item("u")
    if item is None or other is None or other.kind != "ds":
        return False
    named = [r for r in [item.ref, *item.alternatives] if isinstance(r, ColumnRef)]
    if owner is not None:
        named = [r for r in named if r.dataset == str(owner.ref)] if owner.kind == "ds" else []
    elif len({r.dataset for r in named}) > 1 or not named or named[0].strength < 3:
        return False  # 'using the country, not the order's': whose it is the words do not say
    if not named or named[0].dataset == str(other.ref):
        return False
    ref, rejected = named[0], str(other.ref)
    if ctx.grounding.column(rejected, ref.column) is None:
        return False
    if _reads(ctx, ref.dataset, ref.column) and not _reads(ctx, rejected, ref.column):
        ctx.note(f"{ref.column} is the {ref.dataset}' one, not the {rejected}'")
        return True
    ctx.refuse(f"{match.text} (the plan reads another {ref.column})")
    return True


def _reads(ctx: Context, dataset: str, column: str) -> bool:
    """Whether the plan reads `dataset`'s `column`: the base's among what it groups or keeps, another's joined in."""
    if dataset != ctx.base:
        return any(j.dataset == dataset and column in j.columns for j in ctx.plan.joins)
    return column in [*ctx.groups, *(ctx.plan.select or []), *(c.column for c in ctx.plan.filters)]


def read_whose(ctx: Context) -> None:
    """'(the country from the customers table, not the one on the order)': whose column, once the plan is read."""
    tail = r"(?: ,)? (?:rather than|instead of|and not|not|but not) (?:that of |those of |the one |the ones |that )?"
    scan = ctx.sentence.scan
    scan(
        r"(?:, )?(?:using |use |taking |take |with |based on |going by |from |meaning |i mean |that is )?(?:the )?"
        r"(?P<col>{C}) (?:on|in|from|of|stored on|stored in|recorded on|recorded in|as recorded on|held on|as on)"
        r" (?:the |each |their |its )?(?P<t>{T})" + RECORD + tail + r"(?:on |in |from |of )?(?:the |each |their |its )?"
        r"(?P<u>{T})" + RECORD,
        lambda m: _whose(ctx, m),
    )
    scan(
        r"(?:, )?(?:using |use |taking |take |with |based on |going by |from |meaning |that is )(?:the )?"
        r"(?P<col>{C})" + tail + r"(?:on |in |from |of )?(?:the |each |their |its )?(?P<u>{T})" + RECORD,
        lambda m: _whose(ctx, m),
    )


def _how(ctx: Context, match: Match, how: str) -> bool:
    """'keep orders even if the customer is not found' (left), 'only orders whose product is known' (inner)."""
    item = match.item("t")
    dataset = str(item.ref) if item is not None and item.kind == "ds" else None
    if dataset is None and item is not None and item.kind == "col":
        dataset = item.ref.dataset
    if dataset is None or dataset == ctx.base:
        return False
    return _join(ctx, dataset, how, False)


def _catalogued(ctx: Context, match: Match) -> bool:
    """'the product's price from the catalogue': where a column of the products is kept, said; the column is left
    for the reader that brings it."""
    item, owner = match.item("col"), match.item("t")
    products = ctx.grounding.dataset_words.get("products")
    if item is None or not isinstance(item.ref, ColumnRef) or item.ref.dataset != products:
        return False
    if owner is not None and owner.ref != products:
        return False
    for said in match.items(name="where"):
        said.consumed = True
    return False


def _one_by_key(ctx: Context, match: Match) -> bool:
    """'customer 42', 'product no 7': the one row of a dataset its whole-number key names, the base's rows of it."""
    dataset, number = match.item("t"), match.item("num")
    if dataset is None or number is None or not isinstance(number.ref, int) or isinstance(number.ref, bool):
        return False
    if dataset.text.lower().endswith("s"):
        return False  # 'customers 18 or older', 'orders 5': no row named by its key
    key = ctx.grounding.key_of(str(dataset.ref))
    facts = ctx.grounding.column(ctx.base, key) if key is not None else None
    if key is None or facts is None or facts.type not in NUMERIC:
        return False
    ctx.note(f"read '{match.text}' as {key} {number.ref}")
    ctx.plan.add_filter(Condition(f"{ident(key)} = {literal(number.ref)}", f"{key} is {number.ref}", key, [number.ref]))
    return True


def read_joins(ctx: Context) -> None:
    scan = ctx.sentence.scan
    after = r"(?= [?.!,;]| (?:with|and show|show|then|,|{T}|order|ordered|buy|bought|purchase|purchased)\b|$)"
    scan(r"(?P<t>{T}) (?:(?:number|no|#|id|with id|nr) )?(?P<num>{N})" + after, lambda m: _one_by_key(ctx, m))
    unknown = (
        r"(?:with|having|that have|that has|whose|for)(?: an?| the)? (?:unknown|"
        r"missing|invalid|nonexistent|non existent|orphaned|orphan|unmatched) "
        r"(?P<t>{T})"
    )
    scan(unknown, lambda m: _with(ctx, m, "anti"))
    scan(
        r"(?:did|do|does) (?:(?:each|every|all|the|our|their) )?(?:{V} )?(?:{T}|{C}|{T} {C}) "
        r"(?:place|make|buy|purchase)",
        lambda m: _verb(ctx, m),
    )
    from datalinx.agents.offline.columns import COLUMNS

    found = r"(?:found|known|present|there|matched|available|existing|exist|exists|listed|in the \S+|on file)"
    keep = r"keep(?:ing)?(?: all| every)?(?: the)? (?:{T}|rows|records|lines)(?: rows)?"
    scan(
        keep + r" (?:even if|even when|even though|if|when|where|whose|with)(?: the| "
        r"their| a| its)? (?P<t>{T}|{C}) (?:is |was |are |were )?(?:not|missing|"
        r"unknown|absent)(?: " + found + ")?",
        lambda m: _how(ctx, m, "left"),
    )
    scan(
        r"(?:only|just)(?: the)? (?:{T}|rows|records|those|ones) (?:whose|with "
        r"a|with an|that have a|where the|with|having a)(?: the)? (?P<t>{T}|"
        r"{C}) (?:is |are |was )?(?:in the (?:catalogue|catalog|table|list|"
        r"dataset|data)|found|known|present|listed|existing|exists|matches|"
        r"valid)",
        lambda m: _how(ctx, m, "inner"),
    )
    scan(
        r"(?:that|which) (?:no|not a|not one) (?:single )?(?:@v\d+ )+{T} (?:has |have |had |ever )*"
        r"(?P<verb>bought|ordered|purchased)",
        lambda m: _bought_by_none(ctx, m),
    )
    # 'if the customer isn't in our list, leave that order out' (inner), '..., keep the order anyway' (left)
    absent = (
        r"(?:is |are |was |were |does |do )?(?:not|never) (?:be )?(?:found|known|listed|there|matched|on file|match"
        r"|exist|exists|in (?:our|the) (?:list|data|table|records|system|database|file|catalogue|catalog|{T})|in {T})"
    )
    missed = r"(?:if|when|where|whenever|in case) (?:the |a |an |its |their |that )?(?P<t>{T}|{C}) " + absent
    rows = r"(?: that| the| those| this| such| these)?(?: {T}| rows?| ones?| it| them| records?| lines?)?"
    drop = r"(?:leave|drop|skip|remove|exclude|ignore|throw|take|cut)" + rows + r"(?: out| away)?"
    kept = r"keep" + rows + r"(?: anyway| too| all the same| regardless| as well)?"
    scan(missed + r"(?: ,)? (?:(?:just|then|please|simply) )?" + drop, lambda m: _how(ctx, m, "inner"))
    scan(missed + r"(?: ,)? (?:(?:just|still|please) )?" + kept, lambda m: _how(ctx, m, "left"))
    # "how many orders came from customers in each city": the rows' origin said with a verb, read as 'from'
    scan(
        r"(?:(?:that|which) )?(?:came|come|comes|coming|have come|has come)(?: in)?"
        r"(?= from (?:our |the |all |their )?(?:{V} ){0,2}{T})",
        lambda m: True,
    )
    catalogue = r"(?P<where>from (?:the |our )?(?:product |(?P<t>{T}) )?(?:catalogue|catalog))"
    scan(r"(?P<col>{C}) " + catalogue, lambda m: _catalogued(ctx, m))
    # "orders joined to products for name and category": the join, for the columns named only
    scan(
        r"(?:(?:{T} )?" + JOIN_WORDS + r"|" + JOIN_WORDS + r" (?:the )?{T}) (?:to|with|onto|and|on) (?:the )?(?P<t>{T})"
        r"(?: ,)? (?:for|to get|to pull in|to bring in|to add|to pick up|to look up) " + COLUMNS + r"(?! {C}| {T})",
        lambda m: _joined_for(ctx, m),
    )
    scan(
        r"(?:add|bring in|bring|include|attach|append|pull in|" + FASTEN + r"|with|plus|\+"
        r"|(?:, )?and what (?:is|are|s|was|were))(?: the| their| its| his| her| each| every)?"
        r"(?: corresponding| matching| respective| related| associated| relevant)? " + COLUMNS,
        lambda m: _bring(ctx, m),
    )
    other = r"(?P<t>{T})"
    when = r"(?: (?:in|during)(?: the)? (?P<when>{Y}|{D}))?"
    article = r"(?: the| their| its| a| an| any| some| matching| existing| known| valid| corresponding| related)*"
    scan(
        r"(?:who|that|which|with)? ?(?:have|has|had|having)(?: never| not| "
        r"no)(?: placed| made)?" + article + " " + other,
        lambda m: _with(ctx, m, "anti"),
    )
    got = r"(?:(?:that|which|who) (?:have |has |had )?(?:received|got|gotten|saw|seen|attracted|drew|drawn) )?"
    scan(got + r"(?:without|with no|no)" + article + " " + other + when, lambda m: _with(ctx, m, "anti"))
    never = (
        r"(?:never|not|not yet|did not|do not|does not|have not|has not|had not|didnt|dont|doesnt|havent|hasnt"
        r"|hadnt|did n't|do n't|does n't|have n't|has n't)"
    )
    verbs = r"(?:placed|place|made|make|ordered|order|bought|buy|purchased|purchase|had|have|has|got|get)"
    scan(
        r"(?:who|that|which) " + never + r"(?: ever)? " + verbs + article + " " + other + when,
        lambda m: _with(ctx, m, "anti"),
    )
    scan(
        r"(?:who|that|which) " + never + r"(?: ever)? " + other + ANYTHING + when,
        lambda m: _with(ctx, m, "anti"),
    )  # "customers who did not order anything in 2024": 'order' names the orders
    scan(
        r"(?:who|that|which) " + never + r"(?: ever)? (?P<verb>buy|purchase)" + ANYTHING + when,
        lambda m: _with(ctx, m, "anti"),
    )
    scan(
        r"(?:whose|where the|where their|where its) (?P<key>{C}) (?:does not|do not|doesnt|dont|does n't|is not|"
        r"cannot be|can not be|is never)(?: exist| appear| found| listed| present| known)? in (?:the )?"
        + other
        + r"(?: table| dataset| data| list)?",
        lambda m: _keyed(ctx, m) and _with(ctx, m, "anti"),
    )
    scan(
        r"(?:whose|where the|with an?|with) "
        + other
        + r" (?:is |was |are )?(?:unknown|missing|not found|not known|not in the "
        r"\S+|does not exist|do not exist|not existing|absent)",
        lambda m: _with(ctx, m, "anti"),
    )
    # "customers with at least one order above 5,000": the orders tested before they are matched
    from datalinx.agents.offline.filters import OPERATOR

    tested = (
        r"(?: (?:that|which) (?:is|was|were|are|came to|comes to))?(?: (?:worth|valued at|of|totaling|totalling"
        r"|amounting to|with an? (?:value|total|amount) of|with (?:an? |the |its )?(?P<col>{C})(?: of)?))? "
        + OPERATOR
        + r" (?P<num>{N})(?: (?P<unit>(?!(?:in|during|and|or|but|with|who|that|which|,|\.|\?)(?= |$))\S+))?"
    )
    scan(
        r"(?:(?:with|having|who have|that have|who has|that has|(?:who|that|which)(?: has| have| had)?"
        r" (?:placed|made|bought))(?: at least (?:one|a single|(?P<n>@n\d+))| (?:one|a single|(?P<m>@n\d+)) or more"
        r"| any| some| an?)|at least (?:one|a single|(?P<k>@n\d+))|(?:one|(?P<j>@n\d+)) or more) "
        + other
        + tested
        + when,
        lambda m: _once(ctx, m) and _row_test(ctx, m),
    )
    scan(
        r"(?:with|having|who have|that have|who has|that has|(?:who|that|which)(?: has| have| had)? (?:placed|made)"
        r")(?: at least (?:one|(?P<n>@n\d+))| (?:one|(?P<m>@n\d+)) or more| any| some| an?) " + other + when,
        lambda m: _once(ctx, m) and _with(ctx, m, "semi"),
    )
    # "customers that have returned at least one order": the value between read on its own
    scan(
        r"(?:at least (?:one|a single|(?P<n>@n\d+))|(?:one|(?P<m>@n\d+)) or more) (?P<vals>{V} )?" + other + when,
        lambda m: _once(ctx, m) and _with(ctx, m, "semi") and _among(ctx, m),
    )
    scan(
        r"(?:who|that|which)? ?(?:were |was |have |has )?(?:never|not|not yet) "
        r"(?:been )?(?P<verb>ordered|bought|purchased|sold)" + ANYTHING + when,
        lambda m: _with(ctx, m, "anti"),
    )
    scan(
        r"(?:who|that|which) (?:have|has|had)(?: placed| made)?" + article + " " + other + when,
        lambda m: _with(ctx, m, "semi"),
    )
    scan(
        r"(?:with|having)(?: at least (?:one|@n\d+)| a| an| some| any)? (?:matching|"
        r"existing|known|valid|corresponding) " + other,
        lambda m: _with(ctx, m, "semi"),
    )
    # "customers who bought garden products in 2024": the values are the products', the period the orders'
    scan(
        r"(?:(?:who|that|which) )?(?:have |has |had )?(?P<verb>ordered|bought|purchased)"
        r"(?: anything| something| any| some)?(?: from| in| of)?(?: the| a| an)?(?P<vals>(?: {V}){1,3})"
        r"(?: {C}| {T}| items| things| stuff| goods| articles)? (?:in|during) (?P<when>{Y}|{D})",
        lambda m: _bridged_values(ctx, m) and _with(ctx, m, "semi") and _among(ctx, m),
    )
    scan(
        r"(?:who|that|which) (?:were |was |have |has )?(?:been "
        r")?(?P<verb>ordered|bought|purchased|sold)(?: something| anything)?(?: at least once)?" + when,
        lambda m: _with(ctx, m, "semi"),
    )
    scan(r"(?P<verb>ordered|bought|purchased|sold) at least once" + when, lambda m: _with(ctx, m, "semi"))
    # 'how many customers per segment ordered in 2025': the relative word left out, the verb dated
    dated = r" (?:in|during) (?P<when>{Y}|{D})"
    scan(r"(?:{C}|{T}) (?P<verb>ordered|bought|purchased)(?: something| anything)?" + dated, lambda m: _reduced(ctx, m))
    scan(
        r"(?:only|just) (?:those |the ones |rows )?(?:that|which|who)? "
        r"?(?:match|matching|found in|present in|appearing in|in)" + article + " " + other,
        lambda m: _with(ctx, m, "inner"),
    )
    scan(JOIN_WORDS + r" (?:the )?{T} (?:and|with|to|on) (?:the )?" + other, lambda m: _with(ctx, m, "left"))
    scan(
        JOIN_WORDS + r"(?: them| it| this)?(?: with| to| and| on| against| onto| by)?" + article + " " + other,
        lambda m: _with(ctx, m, "left"),
    )
    scan(
        r"(?:with|and|plus|including)(?: all)?(?: of)? (?:their|its|the|his|"
        r"her) " + other + r"(?: (?:details|data|info|information|columns))?",
        lambda m: _with(ctx, m, "left"),
    )


def read_added_back(ctx: Context) -> None:
    """'look up the product name from products and add it': the pronoun is the columns just joined in."""
    if any(j.columns for j in ctx.plan.joins):
        ctx.sentence.scan(
            r"(?:and )?(?:add|attach|append|include|put) (?:it|them|that|those|these)(?: in| on| too| as well)?",
            lambda m: True,
        )


SAID_OF = frozenset({"who", "that", "which", "whose", "with", "having", "are", "is", "were", "was", "aged", "a", "an"})


def _said_of(ctx: Context, condition: Condition, dataset: str) -> bool:
    """Whether a test follows the name of `dataset`'s rows ('customers under 30', 'clients aged over 65')."""
    if condition.span is None or condition.any_of:
        return False
    index = condition.span[0] - 1
    while index >= 0 and ctx.sentence.items[index].norm in SAID_OF:
        index -= 1
    before = ctx.sentence.items[index] if index >= 0 else None
    return before is not None and before.kind == "ds" and str(before.ref) == dataset


def tests_only(ctx: Context) -> None:
    """'orders from customers in Germany': a joined dataset whose columns are only tested picks the base's rows
    (a semi join, each row once) rather than adding its columns and repeating rows it matches twice."""
    plan = ctx.plan
    # "customers who bought garden products": the match with any order is implied by the products' through them;
    # "products never bought by enterprise customers": no such match (an anti join through the orders)
    bridges = [
        j
        for j in plan.joins
        if j.how in ("semi", "anti") and not j.columns and any(o.through == j.dataset for o in plan.joins)
    ]
    joins = [j for j in plan.joins if j not in bridges]
    if plan.lookups or plan.dedupe is not None or len(joins) != 1 or len({b.how for b in bridges}) > 1:
        return
    how = bridges[0].how if bridges and joins[0].through is not None else "semi"
    join = joins[0]
    if plan.aggregate is not None and join.through is None:
        return  # a summary over a direct join stays as planned; one through a bridge could not bring columns
    names = {join.renamed.get(c, c): c for c in join.columns if c != join.key}
    if join.how not in ("left", "semi") or not names:
        return
    elsewhere = [*(plan.select or []), *plan.drop, *plan.rename, *(s.get("column") for s in plan.sort)]
    computed = " ".join([*plan.prepare.values(), *plan.finish.values(), *plan.fills, *plan.casts])
    if plan.aggregate is not None:  # 'the average age of customers who bought electronics': its tests only pick
        summary = plan.aggregate
        elsewhere += [*summary.group_by, *(str(a.get("column")) for a in summary.aggregations)]
        computed = " ".join([computed, *summary.buckets.values()])
    if any(n in elsewhere or re.search(rf"\b{re.escape(n)}\b", computed) for n in names):
        return
    tested, kept = [], []
    for condition in plan.filters:
        mentioned = {n for n in names if re.search(rf"\b{re.escape(n)}\b", combine([condition]))}
        valued = bool(condition.values) and not condition.any_of  # 'in Germany'; 'with the segment' shows it
        valued = valued or _said_of(ctx, condition, join.dataset)  # 'customers under 30': which customers
        if mentioned and valued and _only_names(combine([condition]), mentioned, ctx):
            tested.append(condition)
        else:
            kept.append(condition)
    if not tested or any(re.search(rf"\b{re.escape(n)}\b", combine(kept)) for n in names):
        return
    if any(not re.search(rf"\b{re.escape(n)}\b", combine(tested)) for n in names):
        return  # "..., with the customer email": a column asked for is shown, so the join adds it
    for condition in tested:
        for name, original in names.items():
            condition.expression = re.sub(rf"\b{re.escape(name)}\b", ident(original), condition.expression)
        condition.column = names.get(condition.column or "", condition.column)
    plan.filters, join.filters, join.columns, join.renamed, join.how = kept, tested, [], {}, how
    for bridge in bridges:
        join.through_filters.extend(bridge.filters)
        plan.joins.remove(bridge)
    which = "a matching" if how == "semi" else "no matching"
    join.reason = f"Keep the {ctx.base} rows with {which} {join.dataset} row ({how} join on {join.key})."


def _only_names(expression: str, names: set[str], ctx: Context) -> bool:
    """Whether every column an expression reads is one of `names` (none of the base's own)."""
    base = {c.name for c in ctx.grounding.dataset(ctx.base).columns} - names
    return not any(re.search(rf"\b{re.escape(c)}\b", expression) for c in base)


def consume_datasets(ctx: Context) -> None:
    """Mentions of the datasets the plan reads are understood: they named what to read."""
    used = {ctx.base, *(j.dataset for j in ctx.plan.joins), *ctx.reading.nouns}
    if ctx.plan.aggregate is not None:
        used |= {d for d in ctx.reading.grouped if ctx.grounding.key_of(d) in ctx.plan.aggregate.group_by}
    for item in ctx.sentence.live("ds"):
        if item.ref in used:
            item.consumed = True
