"""The parties to the rows, said by their part rather than by name: the people who bought ('the customers home
country', 'the country of whoever bought': their own place column, not where an order was sent) and the thing bought
('the name of the item that was bought': the products' column)."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.join_steps import fold_found
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.words import PEOPLE

PLACE = re.compile(r"country|city|town|region|address|postcode|zip")
BOUGHT = r"(?:bought|ordered|purchased|sold|paid for|placed|made)"
WHOEVER = (
    r"(?:whoever|whomever|the (?:person|people|one|ones|customer|customers) (?:who|that)|those who|everyone who"
    r"|who)(?: has| have| had)? " + BOUGHT + r"(?: it| them| each one| the order| the orders| each order"
    r"| the purchase)?(?! {C}| {T})"
)
THINGS = frozenset({"item", "items", "article", "articles", "thing", "things", "goods"})
ITEM = (
    r"(?:the |each |every |that |this |its |their )?(?P<what>{C}|item|items|article|articles|thing|things|goods)"
    r"(?: (?:that|which) (?:was|were|got|is|are|has been|have been) " + BOUGHT + r"| " + BOUGHT + r")?(?! {C}| {T})"
)


def _people(dataset: str) -> bool:
    return any(word in dataset.lower() for word in PEOPLE)


def _linked(ctx: Context, dataset: str) -> bool:
    return dataset == ctx.base or ctx.grounding.join_key(ctx.base, dataset) is not None


def _one(refs: list[ColumnRef]) -> ColumnRef | None:
    """The one column of `refs`, made certain; none when they name no column or more than one."""
    if len({(r.dataset, r.column) for r in refs}) != 1:
        return None  # whose column is meant the words do not say
    return ColumnRef(refs[0].dataset, refs[0].column, refs[0].type, 3)


def _refs(item: Item | None) -> list[ColumnRef]:
    if item is None or item.kind != "col":
        return []
    return [r for r in [item.ref, *item.alternatives] if isinstance(r, ColumnRef)]


def _people_column(ctx: Context, item: Item | None, place: bool) -> ColumnRef | None:
    """The column of the people's dataset (the base or one it joins) that `item` may name (`place`: a place)."""
    refs = [r for r in _refs(item) if _people(r.dataset) and _linked(ctx, r.dataset)]
    refs = [r for r in refs if not ctx.grounding.is_key(r.dataset, r.column) and (PLACE.search(r.column) or not place)]
    return _one(refs)


def _item_column(ctx: Context, item: Item | None) -> ColumnRef | None:
    """The column `item` may name of the one dataset of things (not people) the base joins, else of the base when
    its rows are things ('each item's name' over products)."""
    refs = [r for r in _refs(item) if not _people(r.dataset) and not ctx.grounding.is_key(r.dataset, r.column)]
    joined = [r for r in refs if r.dataset != ctx.base and _linked(ctx, r.dataset)]
    return _one(joined or [r for r in refs if r.dataset == ctx.base and not _people(ctx.base)])


def _thing_column(ctx: Context, match: Match, found: list[tuple[int, int, Item]], owned: bool = True) -> bool:
    """The thing's column, or said unclear when no dataset of things holds it ('customers with the item name':
    not the customer's name); unless `owned` ('the item's price'), only another dataset's ('items went out' is the
    base's units and its shipping date, two columns)."""
    ref = _item_column(ctx, match.item("col"))
    if not owned and (ref is None or ref.dataset == ctx.base):
        return False
    if ref is None:
        ctx.refuse(f"{match.text} (no dataset of items with that column joins the {ctx.base})")
        return True
    return _as(ctx, match, found, ref)


def _as(ctx: Context, match: Match, found: list[tuple[int, int, Item]], ref: ColumnRef | None) -> bool:
    item = match.item("col")
    if ref is not None and item is not None:
        found.append((match.indexes[0], match.indexes[-1], match.as_column(ref, item.norm)))
    return False


def _thing(match: Match) -> bool:
    """Whether the match names the thing bought by a word for things ('item', said as a column or not)."""
    what = match.item("what")
    said = what.norm if what is not None else (match.group("what") or "")
    return said in THINGS


def _led_by_thing(match: Match) -> bool:
    item = match.item("col")
    return item is not None and len(item.norm.split()) > 1 and item.norm.split()[0] in THINGS


def read_parties(ctx: Context) -> None:
    """'home country', 'the country of whoever bought', 'the name of the item that was bought': the party's column,
    as one item for the clause around it to read (a group, a column brought in, a test)."""
    found: list[tuple[int, int, Item]] = []
    scan = ctx.sentence.scan
    scan(r"home (?P<col>{C})", lambda m: _as(ctx, m, found, _people_column(ctx, m.item("col"), True)))
    fold_found(ctx, found)
    scan(r"(?P<col>{C}) of " + WHOEVER, lambda m: _as(ctx, m, found, _people_column(ctx, m.item("col"), False)))
    scan(r"(?P<col>{C}) of " + ITEM, lambda m: _thing(m) and _thing_column(ctx, m, found))
    # "the item name": one column's words, led by the word for the thing
    scan(r"(?P<col>{C})", lambda m: _led_by_thing(m) and _thing_column(ctx, m, found))
    # "the item's price", "the item category": the thing's column, said after the word for it
    scan(r"(?P<what>{C}|item|items|article|articles|thing|things)(?P<own> 's| s)? (?P<col>{C})(?! {C}| {T})",
         lambda m: _thing(m) and _thing_column(ctx, m, found, owned=m.group("own") is not None))  # fmt: skip
    fold_found(ctx, found)
    # 'each sale shown alongside the name of ...': the verb of showing, before what brings the columns
    shown = r"(?:shown|displayed|listed|presented|printed)"
    scan(shown + r"(?= (?:alongside|next to|along with|together with|beside|with) )", lambda m: True)
