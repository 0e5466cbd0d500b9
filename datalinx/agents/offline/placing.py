"""Sort orders said by where rows go: 'from cheapest to priciest', 'newest on top', 'put the biggest ones first',
'and orders from the same day from biggest to smallest'."""

from __future__ import annotations

from datalinx.agents.offline.choosing import SUMMARY_WORDS
from datalinx.agents.offline.context import Context, SortRequest
from datalinx.agents.offline.phrases import alternatives
from datalinx.agents.offline.ranking import LENGTHS, MAGNITUDES, _down, _superlative_column, fits
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.units import numeric_view, span_of
from datalinx.agents.offline.words import SUPERLATIVES
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL

SUPERLATIVE = alternatives([*SUPERLATIVES, *LENGTHS, "dearest"])
ROWS = r"(?: ones| rows| records| items| entries| {T})"
TOP = r"(?:first|on top|at the top|at the start|up top)"
BOTTOM = r"(?:last(?! (?:@[ny]\d+|(?:days?|weeks?|months?|quarters?|years?)(?![^ ])))|at the bottom|at the end)"
SAME_PERIOD = r"(?:day|date|month|year)"
# what a length of time is said of after its superlative: 'the longest-standing ones', 'the longest-serving'
STANDING = r"(?:(?:(?<=longest)|(?<=shortest)) (?:standing|serving|tenured|running|lasting|lived|established))?"


def _end(ctx: Context, word: str, column: str | None) -> bool:
    """Whether a superlative puts the high end first; a length ('longest') the most time."""
    return LENGTHS[word] if word in LENGTHS else _down(ctx, word, column)


def _fits(ctx: Context, word: str, column: str) -> bool:
    """Whether a superlative can end a sort keyed on `column`; a length only a column counting time ('tenure')."""
    return fits(ctx, word, column) and (word not in LENGTHS or span_of(column) is not None)


def _key(ctx: Context, match: Match, word: str) -> SortRequest | None:
    """The sort a superlative asks for: its column (named or implied) and which end comes first."""
    word = "priciest" if word == "dearest" else word
    item = match.item("col")
    if word in LENGTHS:  # 'the longest ones first': only of a column counting time, named or sorted by already
        column = ctx.column(item) if item is not None else None
        fitting = column is not None and _fits(ctx, word, column)
        return SortRequest(column, None, _end(ctx, word, column), match.text) if fitting else None
    if item is None and (ctx.groups or ctx.measures or ctx.plan.aggregate is not None):
        return SortRequest(None, None, _down(ctx, word, None), match.text)  # the summary's measure
    if item is None and word in ("most", "least", "fewest"):
        return None  # 'most first' alone: most of what? a count read later, not the main amount
    column = _superlative_column(ctx, word, item)
    if column is None:
        return None
    return SortRequest(column, None, _down(ctx, word, column), match.text)


def _span(ctx: Context, match: Match) -> bool:
    """'from cheapest to priciest': the first word says which end comes first; the two must be opposites."""
    first, last = ("priciest" if w == "dearest" else w for w in (match.group("sup") or "", match.group("to") or ""))
    request = _key(ctx, match, first)
    if request is None or _end(ctx, first, request.column) == _end(ctx, last, request.column):
        return False
    ctx.order.append(request)
    return True


def _top(ctx: Context, match: Match, *, last: bool = False) -> bool:
    """'put the biggest ones first', 'the newest are on top'; with `last`, 'the cheapest at the bottom'."""
    word = "priciest" if (match.group("sup") or "") == "dearest" else match.group("sup") or ""
    previous = ctx.order[-1] if ctx.order else None
    named = match.item("col")
    if (
        (named is None or (previous is not None and ctx.column(named) == previous.column))
        and previous is not None
        and previous.column is not None
        and not previous.explicit
        and _fits(ctx, word, previous.column)
    ):
        # 'sort the subscribers by monthly charges, priciest first': the end of the key already asked for
        previous.descending, previous.explicit = _end(ctx, word, previous.column) != last, True
        return True
    if named is None and previous is not None and previous.measure is not None and not previous.explicit:
        # 'sort the customers by how many orders they placed, most first': the end of the measure asked for
        if not (word in MAGNITUDES or word in LENGTHS):
            return False
        previous.descending, previous.explicit = _end(ctx, word, None) != last, True
        return True
    request = _key(ctx, match, word)
    if request is None:
        return False
    request.descending = request.descending != last
    ctx.order.append(request)
    return True


def _tie(ctx: Context, match: Match) -> bool:
    """'and orders from the same day ...': what follows orders rows the earlier date key leaves tied."""
    return bool(ctx.order) and ctx.order[-1].column is not None and ctx.type_of(ctx.order[-1].column) in TEMPORAL


def _by_then_end(ctx: Context, match: Match) -> bool:
    """'products by weight, heaviest first': the column to sort by, and the end its superlative puts first."""
    item = match.item("col")
    word = match.group("sup") or ""
    if item is None or ctx.groups or ctx.measures:
        return False
    column = ctx.column(item)
    if column is None:
        return True
    view = numeric_view(ctx, column) if ctx.type_of(column) == "string" else None  # '250 g' before '1.00 kg'
    if view is None and ctx.type_of(column) not in (*NUMERIC, *TEMPORAL):
        return False  # 'by country, largest first': a superlative of a name orders nothing
    column = view or column
    if word in LENGTHS and not _fits(ctx, word, column):
        return False  # 'products by price, longest first': no length of time
    ctx.order.append(SortRequest(column, None, _end(ctx, word, column), match.text))
    return True


def read_sorted_by(ctx: Context) -> None:
    """'X by column, <superlative> first' with nothing to summarise: 'by' orders, before it can group."""
    ends = {w for phrase in SUPERLATIVES for w in phrase.split()}
    if any(i.norm in SUMMARY_WORDS and i.norm not in ends for i in ctx.sentence.items if i.kind == "word"):
        return  # 'total revenue by country, biggest first' groups
    pattern = (
        r"(?:^|(?:{T}|{V})(?: ,)? )by (?:the )?(?P<col>{C})(?: ,)? (?:the )?(?P<sup>"
        + SUPERLATIVE
        + r")"
        + ROWS
        + "? "
        + TOP
    )
    ctx.sentence.scan(pattern, lambda m: _by_then_end(ctx, m))


def read_placements(ctx: Context) -> None:
    """Sort orders said by the ends rows go to, in the order the request says them."""
    scan = ctx.sentence.scan
    column = r"(?: (?:by |in )?(?:the )?(?P<col>{C}))?"
    going = r"(?:(?:go|goes|going|run|runs|running|sorted|ordered|listed|arranged|organised|organized|ranked) )?"
    span = going + r"from (?:the )?(?P<sup>" + SUPERLATIVE + r")" + ROWS + r"? (?:down |up |all the way )?to (?:the )?"
    span += r"(?P<to>" + SUPERLATIVE
    span += r")" + ROWS + "?" + column
    # 'from the fewest items bought to the most': the column said at the first end
    named = going + r"from (?:the )?(?P<sup>" + SUPERLATIVE + r") (?P<col>{C})(?: (?:bought|sold|ordered|purchased))?"
    named += r" (?:down |up )?to (?:the )?(?P<to>" + SUPERLATIVE + r")(?: ones)?"
    top = (
        r"(?:(?:put|place|show|list|have|with|keep|get) )?(?:the )?(?P<sup>"
        + SUPERLATIVE
        + r")"
        + STANDING
        + r"(?: (?P<col>{C}))?"
        + ROWS
        + r"?(?: (?:are|is|come|comes|go|goes|sit|sits|appear|appears|shown|listed))? "
        + TOP
    )
    bottom = top.replace(TOP, BOTTOM)
    tie = (
        r"(?:and |, )?(?:{T}|ones|rows|those|the ones|records) (?:from|on|of|with|placed on) the same "
        + SAME_PERIOD
        + r"(?: (?:should|are|is))?"
    )
    handlers = ((span, _span), (named, _span), (top, _top), (bottom, lambda c, m: _top(c, m, last=True)), (tie, _tie))
    found = [(m.indexes[0], m, handle) for pattern, handle in handlers for m in ctx.sentence.matches(pattern)]
    for _, match, handle in sorted(found, key=lambda entry: entry[0]):
        if any(ctx.sentence.items[i].consumed for i in match.indexes):
            continue
        ctx.sentence.active = (match.indexes[0], match.indexes[-1])
        try:
            if handle(ctx, match):
                match.consume()
        finally:
            ctx.sentence.active = None
    if ctx.order:  # the verb that asked for the order: 'sort orders so the newest are on top'
        # 'rank the countries from highest to lowest': the groups themselves said as what is ranked
        scan(r"(?:sort|order|arrange|rank) (?:the |all )?(?P<col>{C})(?= §)", lambda m: _groups_ranked(ctx, m))
        scan(r"(?:sort|order|arrange|rank)(?: the)?(?: {T}| them| it| the rows)?(?: so(?: that)?)?", lambda m: True)


def _groups_ranked(ctx: Context, match: Match) -> bool:
    """The column after the verb is one the rows are grouped by."""
    item = match.item("col")
    ref = ctx.column_ref(item) if item is not None else None
    return ref is not None and ref.dataset == ctx.base and ref.column in ctx.groups
