"""Order and size: 'sorted by revenue descending', 'top 5 countries by revenue', 'newest first', 'first 10 rows'."""

from __future__ import annotations

from datalinx.agents.offline.aggregates import FUNCTION_WORDS, _count_of, _counted_amount, _function
from datalinx.agents.offline.choosing import SUMMARY_WORDS
from datalinx.agents.offline.context import Context, Measure, SortRequest
from datalinx.agents.offline.phrases import (
    ASCENDING,
    DESCENDING,
    DIRECTION,
    HIGH_WORDS,
    LOW_WORDS,
    alternatives,
    descending,
)
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.units import numeric_view
from datalinx.agents.offline.words import SUPERLATIVES
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL

# ('lined up from the oldest down', 'line them up by price': rows put in a line are sorted)
SORT_WORD = (
    r"(?:sorted|sort|sorting|ordered|order|ranked|rank|ranking|arranged|arrange|organized|organised|listed|list"
    r"|lined up|line up|lining up|lines up)"
)
SORT_OBJECT = (
    r"(?: them| it| this| that| these| those| everything| the (?:rows|results?|list|output)"
    r"| (?:the |all )?{T}(?: records| rows| data| entries| list| table)?)?"
)
SORT_VERB = (
    r"(?:" + SORT_WORD + SORT_OBJECT + r"|(?:line|lines|lining)" + SORT_OBJECT + r" up)"
    r"(?: (?P<dir0>" + DIRECTION[3:-1] + r"))?"
    r"(?: by| on| according to| based on| in terms of)"
)
KEY = (
    r"(?:(?:the |their |its )?(?:(?:"
    + FUNCTION_WORDS
    + r") )?(?:of )?(?:{T} )?(?:{C}|{T})(?: (?:in )?"
    + DIRECTION
    + r"| first| last)?)"
)
KEYS = (
    r"(?P<keys>"
    + KEY
    + r"(?:(?: , then by| , then| , and then by| ,| and| then| then by| and then by| and then) "
    + KEY
    + r")*)"
)
SUPERLATIVE = alternatives(SUPERLATIVES)
PRICE_SUPERLATIVES = frozenset(("most expensive", "least expensive", "cheapest", "priciest"))


def key_target(
    ctx: Context, item: Item, words: list[str], rows: str | None = None
) -> tuple[str | None, Measure | None]:
    """A key item as a column or as a measure ('number of orders' -> count); `rows`: the dataset said sorted."""
    if item.kind == "ds":
        before = len(ctx.measures)
        _count_of(ctx, str(item.ref), False, item.text)
        measure = ctx.measures.pop() if len(ctx.measures) > before else None
        return None, measure
    column = ctx.column(item)
    if column is None:
        return None, None
    function = next(
        (w for w in words if w in ("total", "sum", "average", "avg", "mean", "median", "count", "number", "many")),
        None,
    )
    if function in ("number", "many", "count") and _counted_amount(ctx, column, " ".join(words[-2:])):
        # 'by how many support calls they made': a row's count is its own value; a group's, their sum
        if not (ctx.groups or ctx.measures) and rows in (None, item.ref.dataset):
            return column, None  # ('sort the products by the number of units sold': each product's sum)
        return None, Measure("sum", column, item.text)
    if ctx.type_of(column) == "string":
        column = numeric_view(ctx, column) or column  # by weight: '250 g' before '1.00 kg'
    if function is not None:
        name = _function(function)
        return None, Measure("count_distinct" if name == "count" else name, column, item.text)
    return column, None


def _many_per_row(ctx: Context, rows: str | None, item: Item) -> bool:
    """Whether a key's column lies in a dataset holding many rows for each of the rows sorted."""
    if rows is None or item.kind != "col" or item.ref.dataset == rows:
        return False
    key = ctx.grounding.join_key(rows, item.ref.dataset)
    return key is not None and key == ctx.grounding.key_of(rows) and key != ctx.grounding.key_of(item.ref.dataset)


def _sort(ctx: Context, match: Match) -> bool:
    items = match.items(name="keys")
    words: list[str] = []
    current: list[tuple[Item, list[str]]] = []
    for item in items:
        if item.kind in ("col", "ds"):
            current.append((item, list(words)))
            words = []
        else:
            words.append(item.norm)
    tails: list[str] = []
    text = match.group("keys") or ""
    for piece in text.split("@")[1:] if "@" in text else []:
        tails.append(piece.split(" ", 1)[1] if " " in piece else "")
    for position, (item, before) in enumerate(current):
        tail = tails[position] if position < len(tails) else ""
        sorted_rows = next((str(i.ref) for i in match.items("ds") if i.start < item.start), None)
        if _many_per_row(ctx, sorted_rows, item):
            # 'sort customers by revenue': each customer has many orders, so which revenue? said, not guessed
            ctx.refuse(f"{match.text} (each of the {sorted_rows} has many {item.ref.dataset} rows: a sum of them?)")
            continue
        column, measure = key_target(ctx, item, before, sorted_rows)
        if column is None and measure is None:
            continue
        down = direction(tail, column, ctx)
        if down is None:
            down = direction(f"{match.group('dir0') or ''} {match.group('dir') or ''}", column, ctx)
        ctx.order.append(SortRequest(column, measure, bool(down), item.text, down is not None))
    return True


def _then(ctx: Context, match: Match) -> bool:
    """'newest first, and then by quantity': keys that follow the others, wherever those are read."""
    before = len(ctx.order)
    _sort(ctx, match)
    ctx.then.extend(ctx.order[before:])
    del ctx.order[before:]
    return True


def direction(text: str, column: str | None, ctx: Context) -> bool | None:
    """Descending (True), ascending (False) or unsaid (None); 'oldest first' is ascending for a date but
    descending for an age."""
    padded = f" {text.strip()} "
    for phrase in sorted((*DESCENDING, *ASCENDING), key=len, reverse=True):
        if f" {phrase} " in padded:
            down = descending(phrase)
            ages = ("oldest", "youngest", "older", "younger")
            if column is not None and ctx.type_of(column) in NUMERIC and any(a in phrase.split() for a in ages):
                down = not down
            return down
    return None


def _by_measure(ctx: Context, match: Match) -> bool:
    """'sort by count descending': the summary's measure."""
    if not (ctx.groups or ctx.measures):
        return False
    down = direction(f"{match.group('dir0') or ''} {match.group('dir') or ''}", None, ctx)
    ctx.order.append(SortRequest(None, None, bool(down), match.text, down is not None))
    return True


def _after_grouping(ctx: Context, match: Match) -> bool:
    """Whether a match follows 'by' or 'per': 'revenue by country sorted descending' sorts the summary."""
    index = match.indexes[0] - 1
    return index >= 0 and ctx.sentence.items[index].norm in ("by", "per", "each", "every")


def _direction_first(ctx: Context, match: Match) -> bool:
    """'products by descending price', 'customers from newest to oldest signup'."""
    item = match.item("col")
    column = ctx.column(item) if item is not None else None
    down = direction(match.group("dir") or "", column, ctx)
    if column is None or down is None:
        return column is None and item is not None
    ctx.order.append(SortRequest(column, None, down, match.text))
    return True


def _bare_direction(ctx: Context, match: Match) -> bool:
    """'sorted from highest to lowest': the summary's measure, or the column already sorted by."""
    down = direction(match.group("dir") or "", None, ctx)
    if down is None:
        return False
    if ctx.order:
        ctx.order[-1].descending, ctx.order[-1].explicit = down, True
        return True
    ctx.order.append(SortRequest(None, None, down, match.text))
    return True


def _summary_groups(ctx: Context) -> list[str]:
    """The columns the summary groups by: this request's, else the earlier request's."""
    return ctx.groups or (ctx.plan.aggregate.group_by if ctx.plan.aggregate is not None else [])


def _measure_direction(ctx: Context, match: Match) -> bool:
    """'sorted from the highest rate down': the summary's measure, from its top or its bottom."""
    if not (_summary_groups(ctx) or ctx.measures):
        return False
    high, down = match.group("sup") in HIGH_WORDS, match.group("way") in ("down", "downward", "downwards")
    if high != down:
        return False  # 'from the highest up' says no direction
    ctx.order.append(SortRequest(None, None, down, match.text, generic=True))
    return True


def _extreme_group(ctx: Context, match: Match) -> bool:
    """'the country with the highest total': the one group whose measure is the largest (or smallest)."""
    subject = match.item("subject")
    groups = _summary_groups(ctx)
    column = subject.ref.column if subject is not None and subject.kind == "col" else None
    if column is None or column not in groups or len(groups) != 1:
        return False
    ctx.use(subject.ref)
    ctx.order.append(SortRequest(None, None, match.group("sup") in HIGH_WORDS, match.text, generic=True))
    ctx.plan.limit = 1
    return True


def _limit(ctx: Context, match: Match) -> bool:
    count = match.item("n")
    if count is None or not isinstance(count.ref, int) or count.ref < 0:
        return False
    if ctx.year_as_count(count, match.text):
        return True
    if match.group("random") or "sample" in match.text.lower():
        ctx.plan.sample = {"n": count.ref, "seed": 0}
        ctx.note("a random sample with seed 0, the same rows on every run")
    else:
        ctx.plan.limit = count.ref
    return True


def _order_as_noun(ctx: Context, match: Match) -> bool:
    """'average revenue per order by country': 'order' the row of orders, not the verb of sorting."""
    start = match.indexes[0]
    word = ctx.sentence.items[start].norm
    before = ctx.sentence.items[start - 1].norm if start else ""
    return word in ("order", "orders") and before in ("per", "each", "every", "an", "a", "one", "the", "an average")


def _in_order_of(match: Match) -> bool:
    """Whether the dataset word of 'in order of' was typed as 'order', the word of sorting."""
    item = match.item("ord")
    return item is not None and item.text.lower() == "order"


def _per_own_row(ctx: Context, match: Match) -> bool:
    """'average revenue per order by country' over orders: per order is per row, as the data already is."""
    if ctx.grounding.dataset_words.get("order") != ctx.base:
        return False
    ctx.note(f"'{match.text}' read as one row per order, as the data already is")
    return True


def read_sorts(ctx: Context) -> None:
    """Sort orders asked with a verb ('sorted by', 'order by'), and 'by X, oldest first' without a summary."""
    scan = ctx.sentence.scan
    scan(r"per (?:order|orders)(?= by )", lambda m: _per_own_row(ctx, m))
    scan(SORT_VERB + " " + KEYS + r"(?: (?P<dir>" + DIRECTION[3:-1] + r"))?",
         lambda m: not _order_as_noun(ctx, m) and _sort(ctx, m))  # fmt: skip
    # 'put the orders in order of ship date': 'order' here is the sorting, not the dataset
    scan(r"(?:(?:put|place|arrange|have|get|list|show) (?:the |all )?(?:{T} )?)?in (?P<ord>{T}) of " + KEYS
         + r"(?: (?P<dir>" + DIRECTION[3:-1] + r"))?", lambda m: _in_order_of(m) and _sort(ctx, m))  # fmt: skip
    sorted_after = r"(?P<keys>{C}) (?:sorted|ordered|listed|ranked|arranged)(?: (?P<dir>" + DIRECTION[3:-1] + r"))"
    scan(sorted_after, lambda m: False if _after_grouping(ctx, m) else _sort(ctx, m))
    scan(  # "alphabetically by name": a direction and its column, before 'by name' can group
        r"(?P<dir>" + DIRECTION[3:-1] + r") by (?:the )?(?P<col>{C})",
        lambda m: _direction_first(ctx, m),
    )
    # "newest first and then by quantity": after a placement, 'then by' orders ties, it does not group
    after_placement = r"(?:(?<=first )|(?<=last )|(?<=top ))(?:, )?(?:and )?then by "
    scan(after_placement + KEYS + r"(?: (?P<dir>" + DIRECTION[3:-1] + r"))?", lambda m: _then(ctx, m))
    summarising = any(i.norm in SUMMARY_WORDS for i in ctx.sentence.items if i.kind == "word")
    # 'orders by country A to Z, and within each country ...', 'orders by country alphabetically and then by
    # revenue': the rows themselves in an order, a direction said with their first key
    scan(r"(?P<rows>{T}) by " + KEYS + r"(?: ,)?(?: (?P<dir>" + DIRECTION[3:-1] + r"))?(?= (?:, )?(?:and )?(?:then )?"
         r"(?:within|inside|in) (?:each|every) |(?: [,.?!;])*$)",
         lambda m: _rows_first(ctx, m) and not _size_of_label(ctx, m) and _sort(ctx, m))  # fmt: skip
    # '..., then within each region by monthly charges highest first': the keys that order inside a sorted key
    scan(r"(?:within|inside|in) (?:each|every) (?P<g>{C}) (?:, )?by " + KEYS + r"(?: ,)?(?: (?P<dir>"
         + DIRECTION[3:-1] + r"))?", lambda m: _inside_sorted(ctx, m) and _sort(ctx, m))  # fmt: skip
    if not summarising:  # "orders by date, oldest first": with nothing to summarise, 'by' orders
        by_keys = r"(?:(?:{T}|{V}) )?by " + KEYS + r"(?: ,)? (?P<dir>" + DIRECTION[3:-1] + r")"
        scan(by_keys, lambda m: not _amount_before(ctx, m) and not _size_of_label(ctx, m) and _sort(ctx, m))
    # 'by tenure, and within equal tenure, by charges': where the first key ties, which the keys after it order
    tied = r"(?:equal|the same|same|identical|tied|matching)"
    scan(
        r"(?:within|for|among|amongst|between|with|on) " + tied + r" (?P<col>{C})(?: values?)?"
        r"|(?:where|when|if) (?:the )?(?P<col2>{C}) (?:is|are) " + tied,
        lambda m: _ties_of(ctx, m.item("col") or m.item("col2")),
    )


MAGNITUDE = frozenset(
    {"highest", "largest", "biggest", "most", "high", "big", "lowest", "smallest", "least", "fewest", "low", "small"}
)


def _size_of_label(ctx: Context, match: Match) -> bool:
    """Whether 'by <label>, biggest first' puts sizes on a name: 'customers by city, biggest first' ranks the cities
    by how many rows each has (read where 'by' groups), never the names from Z to A."""
    if not MAGNITUDE.intersection((match.group("dir") or "").split()):
        return False
    keys = [i for i in match.items(name="keys") if i.kind == "col"]
    column = ctx.column(keys[0]) if len(keys) == 1 else None
    if column is None or ctx.type_of(column) in (*NUMERIC, *TEMPORAL):
        return False
    return numeric_view(ctx, column) is None


def _amount_before(ctx: Context, match: Match) -> bool:
    """Whether an amount stands right before 'by': 'total revenue by country A to Z' is a summary per country."""
    index = match.indexes[0] - 1
    item = ctx.sentence.items[index] if index >= 0 else None
    if item is None or item.kind != "col" or match.items("ds") or match.items("val")[:1] or ctx.order:
        return False  # 'sorted by quantity, and for the same quantity by unit price': a second key
    if any(i.kind in ("col", "ds") for i in ctx.sentence.items[:index]):
        return False
    column = ctx.column_ref(item)
    return column is not None and column.type in NUMERIC and not ctx.grounding.is_key(column.dataset, column.column)


def _inside_sorted(ctx: Context, match: Match) -> bool:
    """Whether the key said to hold the others ('within each region') is sorted by already."""
    item = match.item("g")
    column = ctx.column(item) if item is not None else None
    return column is not None and any(request.column == column for request in ctx.order)


def _rows_first(ctx: Context, match: Match) -> bool:
    """Whether a match starts with the base's rows, with no column or summary word said before them."""
    rows = match.item("rows")
    before = ctx.sentence.items[: match.indexes[0]]
    said = any(i.kind in ("col", "ds") or i.norm in SUMMARY_WORDS for i in before)
    keys = match.items(name="keys")
    first = next((i for i, item in enumerate(keys) if item.kind in ("col", "ds")), None)
    after_first = [k for k in keys[first + 1 :] if k.kind in ("col", "ds")][:1] if first is not None else []
    upto = keys.index(after_first[0]) if after_first else len(keys)
    # the first key's own direction: 'by country A to Z, then ...' orders; 'by country, then by age' may group
    directed = first is not None and direction(" ".join(k.norm for k in keys[first + 1 : upto]), None, ctx) is not None
    directed = directed or (len([k for k in keys if k.kind in ("col", "ds")]) == 1 and match.group("dir") is not None)
    return rows is not None and str(rows.ref) == ctx.base and not said and directed


def _ties_of(ctx: Context, item: Item | None) -> bool:
    """Whether a column said to tie is a sort key other than the last, so the keys after it order its ties."""
    column = ctx.column(item) if item is not None else None
    keys = [k.column for k in ctx.order]
    return column is not None and column in keys[:-1]


def read_limits(ctx: Context) -> None:
    """Directions on their own, row limits and samples."""
    scan = ctx.sentence.scan
    scan(  # 'arrange the result in descending order of revenue': the verb with its direction first
        r"(?:" + SORT_WORD + SORT_OBJECT + r" )?(?:by |in )?(?P<dir>" + DIRECTION[3:-1] + r") (?:by |of )?(?:the )?"
        r"(?P<col>{C})",
        lambda m: _direction_first(ctx, m),
    )
    scan(SORT_WORD + SORT_OBJECT + r" (?P<dir>" + DIRECTION[3:-1] + r")", lambda m: _bare_direction(ctx, m))
    measure_words = r"(?:the )?(?:count|counts|number|numbers|total|totals|sum|average|mean|result|amount|value)"
    summary_word = r"(?:count|number|total|sum|average|mean|rate|share|percentage|result|amount|value|figure)"
    extreme = r"(?P<sup>" + alternatives([*HIGH_WORDS, *LOW_WORDS]) + ")"
    scan(
        r"(?:" + SORT_WORD + SORT_OBJECT + r" )?from (?:the )?" + extreme + r"(?: " + summary_word + r")?"
        r" (?P<way>down|downward|downwards|up|upward|upwards)",
        lambda m: _measure_direction(ctx, m),
    )
    scan(
        r"(?:the )?(?P<subject>{C}) (?:with|having|that has|that had|which has|which had)(?: the)? "
        + extreme
        + " "
        + summary_word,
        lambda m: _extreme_group(ctx, m),
    )
    scan(
        SORT_VERB + " " + measure_words + r"(?: of (?:rows|{T}))?(?: (?P<dir>" + DIRECTION[3:-1] + r"))?",
        lambda m: _by_measure(ctx, m),
    )
    scan(
        r"(?P<dir>" + DIRECTION[3:-1] + r")",
        lambda m: _bare_direction(ctx, m) if ctx.order or ctx.measures or ctx.groups else False,
    )
    # 'customers lined up from the oldest down to the youngest': the verb of an order already read
    scan(r"(?:lined|lining|lines|line)(?: them| it| these| those| everything)? up", lambda m: bool(ctx.order))
    scan(
        r"(?:limit(?: it| the result| the results| the output)?(?: to)?|only|"
        r"just|keep|show|return) (?P<n>@n\d+)(?P<random> "
        r"random)?(?: (?:rows|records|results|entries|lines))?",
        lambda m: _limit(ctx, m),
    )
    scan(r"(?P<n>{N})(?P<random> random)? (?:rows|records|results|entries|lines)", lambda m: _limit(ctx, m))
    scan(
        r"(?:show|list|give|return|get|fetch|display)(?: me| us)?(?: the)? (?P<n>{N})(?P<random> random)?(?= @t\d+)",
        lambda m: _limit(ctx, m),
    )
    scan(r"(?:a )?(?P<random>random )?sample of (?P<n>{N})(?: (?:rows|records|{T}))?", lambda m: _limit(ctx, m))
