"""Columns of another dataset said by whose they are: 'the city the buyer lives in', 'the country of the customer',
'add the customer's name and segment', 'orders joined to products for name and category'."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.join_steps import FASTEN, JOIN_WORDS, add_join, dataset_named, fold_found
from datalinx.agents.offline.matches import read_first_related
from datalinx.agents.offline.parties import read_parties
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.words import AT_LEAST, AT_MOST, GREATER, LESS


def _joined_for(ctx: Context, match: Match) -> bool:
    """'orders joined to products for name and category': the other dataset's columns named, joined in."""
    dataset = dataset_named(ctx, match.item("t"))
    items = match.items("col", name="cols")
    if dataset is None or not items or any(i.ref.dataset != dataset for i in items):
        return False
    if not add_join(ctx, dataset, "left", False):
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


def _described(ctx: Context, match: Match, found: list[tuple[int, int, Item]], placed: bool = False) -> bool:
    """'the city the buyer lives in': a column of another dataset, described by that dataset's rows, joined in;
    before a comparison or after a group word the phrase becomes that column, for the clause around it to read
    (`placed`: only there)."""
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
        if grouped and ref.dataset in ctx.reading.grouped:
            ctx.reading.grouped.remove(ref.dataset)  # 'by the country of the buyer': per country, not per buyer
        return False
    if placed:
        return False
    ctx.use(refs[0])  # the other dataset's, even where the base has a column of that name: the words say whose
    return True


def _named_by(ctx: Context, match: Match, found: list[tuple[int, int, Item]]) -> bool:
    """'each product (by its name)', 'per customer by name': another dataset's rows, each said by a column of its own
    (not its key), as that column, for the groups to read."""
    other, item = match.item("t"), match.item("col")
    if other is None or other.kind != "ds" or item is None or str(other.ref) == ctx.base:
        return False
    dataset = str(other.ref)
    refs = [r for r in [item.ref, *item.alternatives] if isinstance(r, ColumnRef) and r.dataset == dataset]
    if not refs or ctx.grounding.is_key(dataset, refs[0].column) or dataset not in ctx.reading.grouped:
        return False  # 'sort each customer by their age' groups nothing
    ref = ColumnRef(dataset, refs[0].column, refs[0].type, 3)
    found.append((match.indexes[0], match.indexes[-1], match.as_column(ref)))
    ctx.reading.grouped.remove(dataset)  # one group per name, not per product and name
    return False


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
    read_parties(ctx)
    found: list[tuple[int, int, Item]] = []
    ctx.sentence.scan(
        r"(?:the |their |its |his |her )?(?P<col>{C}) (?:that |which |where |in which )?(?:the |their |its |his |her )?"
        r"(?P<t>{T}) (?:lives|live|lived|is based|are based|was based|resides|reside|is located|comes|come|came"
        r"|is from|are from|belongs|belong)(?: in| from| to)?",
        lambda m: _described(ctx, m, found),
    )
    fold_found(ctx, found)
    read_first_related(ctx)
    # "sum of revenue grouped by the buyers segment": the buyers' column, for the groups to read
    ctx.sentence.scan(
        r"(?:the |their |its )?(?P<t>{T})(?: 's| s)? (?P<col>{C})(?! {C}| {T})",
        lambda m: _described(ctx, m, found, placed=True),
    )
    fold_found(ctx, found)
    # "how much revenue did each product (by its name) make": the groups are the products' names
    ctx.sentence.scan(
        r"(?:(?<=each )|(?<=every )|(?<=per ))(?P<t>{T}) (?:\( )?(?:by|under) (?:its |their |the )?(?P<col>{C})"
        r"(?: \))?",
        lambda m: _named_by(ctx, m, found),
    )
    fold_found(ctx, found)
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
    fold_found(ctx, found)
    # 'its catalogue price': a column of the products, said where it is kept
    ctx.sentence.scan(r"(?:catalogue|catalog) (?P<col>{C})", lambda m: _called(ctx, m, found))
    fold_found(ctx, found)
    # "for each order, the country of the customer": the other dataset's column, though the base has one too
    ctx.sentence.scan(
        r"(?:(?:add|attach|append|include|bring in|pull in|" + FASTEN + r") )?(?:the |their |its )?(?P<col>{C}) of "
        r"(?:the |their |its |each |every |that |this )?(?P<t>{T})(?! {C}| {T})",
        lambda m: _described(ctx, m, found),
    )
    fold_found(ctx, found)
    # "orders with the customer town", "add the buyer's nation and age": columns named after their dataset's rows
    owned = (
        r"(?:with|plus|\+|add|adding|include|including|attach|attaching|" + FASTEN + r")"
        r" (?:the |their |its |each |every )?"
        r"(?P<t>{T})(?: 's| s)? (?P<col>{C})"
    )
    more = r"(?P<more>(?:(?: ,| and| , and| &| plus| as well as)(?: the| their| its| his| her)? {C})+)(?! {C}| {T})"
    ctx.sentence.scan(owned + more, lambda m: _described_with_more(ctx, m, found))
    ctx.sentence.scan(owned + r"(?! {C}| {T})", lambda m: _described(ctx, m, found))
    fold_found(ctx, found)


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


def read_brought(ctx: Context) -> None:
    """'the price from the catalogue', 'orders joined to products for name and category', 'add the customer's name':
    another dataset's columns asked for, joined in."""
    from datalinx.agents.offline.columns import COLUMNS

    scan = ctx.sentence.scan
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
