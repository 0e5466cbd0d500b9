"""Rankings: 'top 5 countries by revenue', 'the 10 most expensive products', 'which country has the most orders'."""

from __future__ import annotations

import re

from datalinx.agents.offline.aggregates import implied_function
from datalinx.agents.offline.choosing import loosely_priced
from datalinx.agents.offline.context import Context, Measure, SortRequest
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.ordering import SUPERLATIVE, key_target
from datalinx.agents.offline.phrases import HIGH_WORDS, NEW_WORDS, alternatives
from datalinx.agents.offline.plan import Condition
from datalinx.agents.offline.sentence import Item, Match, compile_pattern
from datalinx.agents.offline.units import numeric_view
from datalinx.agents.offline.words import SUPERLATIVES, TIME_UNITS
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL
from datalinx.core.quality.vocabulary import singular

HIGH = frozenset((*HIGH_WORDS, "most expensive", "priciest", "biggest", "greatest", "best", "heaviest"))
PERIOD_HIGH = frozenset((*HIGH, "top", "busiest", "strongest", "most"))
DATE_SUPERLATIVES = frozenset((*NEW_WORDS, "oldest", "earliest"))
PRICE_SUPERLATIVES = frozenset(("most expensive", "least expensive", "cheapest", "priciest"))


def _superlative_column(ctx: Context, word: str, item: Item | None) -> str | None:
    """The column a superlative orders by: the one said, or the one its word implies ('oldest': the age)."""
    if item is not None and item.kind == "col":
        if word in PRICE_SUPERLATIVES and loosely_priced([item.ref, *item.alternatives]):
            return None  # 'orders, the priciest item first': an item's price is meant, not the highest quantity
        return ctx.column(item)
    if word in ("oldest", "youngest") and _age_column(ctx) is not None:
        return _age_column(ctx)
    if word in ("heaviest", "lightest"):
        refs = ctx.grounding.columns_named(("weight",), [ctx.base])
        if refs:
            return numeric_view(ctx, refs[0].column) or refs[0].column
    if word in DATE_SUPERLATIVES:
        column = ctx.main_date()  # dates held as text (several spellings) do not sort as dates
        return column if column is not None and ctx.type_of(column) in TEMPORAL else None
    if word in PRICE_SUPERLATIVES:
        refs = [r for d in ctx.reading.scope for r in ctx.grounding.columns_named(("price",), [d])]
        if refs:
            return ctx.use(refs[0])
    return ctx.main_measure()


# Superlatives of size or price: they order any amount ('monthly charges, priciest first').
MAGNITUDES = frozenset(
    {"highest", "lowest", "largest", "smallest", "biggest", "greatest", "most", "least", "fewest", "top", "bottom"}
    | PRICE_SUPERLATIVES
)


def fits(ctx: Context, word: str, column: str) -> bool:
    """Whether a superlative can say the direction of a sort already keyed on `column`: amounts take size words,
    dates the words of time, and a word with a column of its own ('heaviest': weight) only that column."""
    kind = ctx.type_of(column)
    if word in MAGNITUDES or word in LENGTHS:
        return kind in NUMERIC
    if word in ("oldest", "youngest") and _age_column(ctx) == column:
        return True
    if word in DATE_SUPERLATIVES:
        return kind in TEMPORAL
    if word in ("heaviest", "lightest"):
        return _superlative_column(ctx, word, None) == column
    return False


def _age_column(ctx: Context) -> str | None:
    refs = ctx.grounding.columns_named(("age",), [ctx.base])
    return refs[0].column if refs and refs[0].type in NUMERIC else None


def _down(ctx: Context, word: str, column: str | None) -> bool:
    """Whether a superlative ranks from the top: 'oldest' customers by age come first, oldest orders by date last."""
    if word in ("oldest", "youngest") and column is not None and ctx.type_of(column) in NUMERIC:
        return word == "oldest"
    return word in HIGH or word in ("top", "last") or word in NEW_WORDS or word == "youngest"


def _top(ctx: Context, match: Match) -> bool:
    """'top 5 countries by revenue', 'the 10 most expensive products', 'bottom 3 segments by number of orders'."""
    count, subject, measure_item = match.item("n"), match.item("subject"), match.item("by")
    word = (match.group("dir") or match.group("sup") or match.group("how") or "top").strip()
    if word == "top" and match.group("sup"):
        word = (match.group("sup") or "").strip()  # 'top 3 oldest customers': the superlative says the key
    down = word in HIGH or word in ("top", "last") or word in NEW_WORDS
    if word in ("first", "bottom", "worst") or match.group("how") in ("fewest", "least", "lowest", "smallest"):
        down = False
    if count is None or not isinstance(count.ref, int):
        return False
    if subject is not None and subject.kind == "ds" and str(subject.ref) == ctx.base and count.ref > 1:
        ctx.ranked_rows = match.text
    doer = next((i for i in (match.item("col"), subject) if _doers(i)), None)
    if doer is not None and measure_item is None:
        # 'the 5 biggest spenders': the people whose rows add up to the most of the amount, not the biggest rows
        key, column = ctx.person_key(), ctx.column(doer)
        if key is None or column is None or ctx.type_of(column) not in NUMERIC or ctx.groups:
            ctx.refuse(match.text)
            return True
        ctx.groups.append(key)
        ctx.order.append(SortRequest(None, Measure("sum", column, match.text), down, word))
        ctx.note(f"read '{doer.text}' as each {key}, by their total {column}")
        ctx.plan.limit = count.ref
        return True
    if subject is not None and subject.kind == "col" and not ctx.groups:
        column = ctx.column(subject)
        if column is None:
            return True
        if measure_item is not None or ctx.type_of(column) not in NUMERIC:
            ctx.groups.append(column)  # "top 5 countries by revenue": per country
        elif not match.group("sup") and not ctx.grounding.is_key(ctx.base, column):
            # 'the top 5 incomes', 'the top 3 earners': the rows highest in the amount named, not in another
            ctx.order.append(SortRequest(column, None, down, word))
            ctx.plan.limit = count.ref
            return True
    elif subject is not None and subject.kind == "ds" and str(subject.ref) != ctx.base and not ctx.groups:
        key = ctx.grounding.key_of(str(subject.ref))
        if key is None or ctx.grounding.column(ctx.base, key) is None:
            return False
        ctx.groups.append(key)
        ctx.note(f"'{subject.text}' grouped by {key}")
    if measure_item is not None:
        words = (match.group("fnwords") or "").split()
        column, measure = key_target(ctx, measure_item, words)
        if column is None and measure is None:
            if measure_item.kind == "ds":  # "the 5 customers with the most orders", read over customers
                ctx.refuse(f"{match.text} (counting {measure_item.text} per row of {ctx.base})")
            return True
        ctx.order.append(SortRequest(column, measure, down, measure_item.text))
    elif match.group("sup"):
        column = _superlative_column(ctx, word, match.item("col"))
        if column is None:
            ctx.refuse(match.text)
            return True
        ctx.order.append(SortRequest(column, None, _down(ctx, word, column), word))
    elif word == "first" and not ctx.groups:
        if not ctx.year_as_count(count, match.text):
            ctx.plan.limit = count.ref  # "the first 20 orders": as they come
        return True
    elif word == "last" and not ctx.groups:
        column = ctx.main_date()
        if column is None:
            ctx.refuse(f"{match.text} (last by which column?)")
            return True
        ctx.note(f"'last' read as the most recent by {column}")
        ctx.order.append(SortRequest(column, None, True, word))
    elif not ctx.groups and _summarised(ctx) is not None:
        ctx.order.append(_summarised(ctx) or SortRequest(None, None, down, word))
        ctx.order[-1].descending = down
    elif not ctx.groups and word == "top" and (ctx.order or ctx.plan.sort):
        # 'sort by price asc -> top 3': the top of the order already asked, not the largest by another key
        ctx.note(f"'{match.text}' read as the first {count.ref} rows in the order asked")
    elif not ctx.groups:
        column = ctx.main_measure()
        if column is None:
            ctx.plan.limit = count.ref
            return True
        ctx.note(f"ranked by {column}")
        ctx.order.append(SortRequest(column, None, down, word))
    else:
        ctx.order.append(SortRequest(None, None, down, word))  # by the first measure
    ctx.plan.limit = count.ref
    return True


def _doers(item: Item | None) -> bool:
    """Whether an amount's column was named by the people who make it: 'spenders' (of spend), 'earners'."""
    if item is None or item.kind != "col":
        return False
    text = item.text.lower()
    return text.endswith(("ers", "er")) and text != item.norm and item.norm.startswith(text.removesuffix("s")[:-2])


def _summarised(ctx: Context) -> SortRequest | None:
    """In a follow-up to a summary ('now only the top 1'), the ranking is by the summary's measure: the one it is
    sorted by, else its only one (several and none sorted: which is asked). None when there is no earlier summary."""
    aggregate = ctx.plan.aggregate
    if aggregate is None or not aggregate.aggregations:
        return None
    measures = [Measure(a["function"], a.get("column"), "") for a in aggregate.aggregations]
    sorted_by = [m for m in measures if any(k.get("column") == m.output for k in ctx.plan.sort[:1])]
    if sorted_by:
        ctx.note(f"ranked by {sorted_by[0].output}, as before")
        return SortRequest(None, sorted_by[0], True, "top")
    return SortRequest(None, None, True, "top", generic=True)


SUMMARY_WORDS = {"total": "sum", "sum": "sum", "average": "mean", "mean": "mean", "count": "count",
                 "number": "count", "median": "median"}  # fmt: skip


def _best_of_summary(ctx: Context, match: Match) -> bool:
    """A follow-up to a summary: 'which status has the smallest total?', 'which 2 countries have the highest
    figure': the groups at one end of the summary's measure."""
    aggregate, subject = ctx.plan.aggregate, match.item("subject")
    if aggregate is None or not aggregate.aggregations or subject is None or ctx.groups:
        return False
    if subject.kind == "col":
        named = ctx.column(subject)
    else:
        named = ctx.grounding.key_of(str(subject.ref)) if str(subject.ref) != ctx.base else None
    if named is None or named not in aggregate.group_by:
        return False
    count = match.item("n")
    if count is not None and not isinstance(count.ref, int):
        return False
    measures = [Measure(a["function"], a.get("column"), "") for a in aggregate.aggregations]
    function = SUMMARY_WORDS.get(match.group("fn") or "")
    chosen = [m for m in measures if function is None or m.function == function]
    if len(chosen) != 1:
        ctx.refuse(f"{match.text} (which of the measures?)")
        return True
    word = (match.group("sup") or "").strip()
    ctx.order.append(SortRequest(None, chosen[0], word in HIGH, match.text))
    ctx.plan.limit = count.ref if count is not None else 1
    ctx.note(f"ranked by {chosen[0].output}, the summary's measure")
    return True


def _best(ctx: Context, match: Match) -> bool:
    """'which country has the most orders', 'the product with the highest price': one row, the extreme."""
    subject, what = match.item("subject"), match.item("by")
    word = (match.group("sup") or "").strip()
    if subject is None or what is None:
        return False
    if subject.kind == "col":
        column = ctx.column(subject)
        if column is None:
            return True
        if ctx.grounding.key_of(ctx.base) != column:
            ctx.groups.append(column)
            # 'which region has the highest average income': a region, so the rows with none are no answer
            ctx.plan.add_filter(Condition.present(column))
    elif subject.kind == "ds" and str(subject.ref) == ctx.base and _per_group_after(ctx, match):
        return _best_per_group(ctx, match, what, word)
    elif subject.kind == "ds" and str(subject.ref) == ctx.base and (ctx.groups or _grouped_later(ctx)):
        # 'for each service, the subscriber with the highest charges': a row per group, not the top group's sum
        ctx.refuse(f"{match.text} (one row per group is not planned this way; say 'keep the one with the highest ...')")
        return True
    elif subject.kind == "ds" and str(subject.ref) != ctx.base:
        key = ctx.grounding.key_of(str(subject.ref))
        if key is None or ctx.grounding.column(ctx.base, key) is None:
            return False
        ctx.groups.append(key)
        ctx.note(f"'{subject.text}' grouped by {key}")
    return _rank_groups(ctx, match, what, word in HIGH)


def _among(ctx: Context, match: Match) -> bool:
    """'which two cities have the most enterprise customers': the rows counted are those holding the values."""
    from datalinx.agents.offline.values import _values

    values = match.items("val", name="vals")
    return not values or _values(ctx, values, False)


# Words between a grouping and the row kept of each group that ask for nothing else.
KEEP_WORDS = frozenset(
    {"keep", "keeping", "retain", "just", "only", "could", "can", "would", "you", "please", "i", "we", "want", "need"}
    | {"the", "one"}
    | {"give", "me", "us", "show", "list", "find", "get", "pull", "return", "then", "type", "types"}
)


def _per_group_after(ctx: Context, match: Match) -> bool:
    """Whether groups are said right after the match ('the order with the highest revenue in each country') or just
    before it ('for each country, the order with the lowest revenue')."""
    items = ctx.sentence.items
    after = [i.norm for i in items[match.indexes[-1] + 1 : match.indexes[-1] + 3]]
    before = [i for i in items[: match.indexes[0]] if i.kind != "punct"]
    while before and before[-1].kind == "word" and before[-1].norm in KEEP_WORDS:
        before.pop()  # 'for each service, could you keep just the subscriber with ...'
    if len(before) >= 2 and before[-2].norm in ("each", "every", "per") and before[-1].kind in ("col", "ds"):
        return True
    return after[:1] == ["per"] or (
        after[:1] in (["in"], ["for"], ["from"], ["within"]) and after[1:] in (["each"], ["every"])
    )


def _best_per_group(ctx: Context, match: Match, what: Item, word: str) -> bool:
    """The row of each group at one end of a column of its own; an end of a summary ('the most orders') is asked."""
    column = ctx.column(what) if what.kind == "col" else None
    if column is None or ctx.type_of(column) not in (*NUMERIC, *TEMPORAL):
        ctx.refuse(f"{match.text} in each group (a ranking within each group)")
        return True
    ctx.pick, ctx.pick_down = (word, column), _down(ctx, word, column)
    return True


def _one_per_group(ctx: Context, match: Match) -> bool:
    """'for each service keep the one with the highest charges': the row of each group at that end."""
    what = match.item("by")
    if what is None or ctx.plan.dedupe is not None or not (ctx.groups or _grouped_later(ctx)):
        return False
    return _best_per_group(ctx, match, what, (match.group("sup") or "").strip())


def _grouped_later(ctx: Context) -> bool:
    """Whether a grouping of the base's columns is said elsewhere in the request ('for each internet service')."""
    from datalinx.agents.offline.groups import GROUP_WORDS

    return ctx.sentence.first(GROUP_WORDS + r" (?:the )?{C}") is not None


def _rank_groups(ctx: Context, match: Match, what: Item | None, down: bool) -> bool:
    """The groups read so far ranked by what the match names (none: their rows counted), the first one or n kept."""
    count = match.item("n")
    if count is not None and not isinstance(count.ref, int):
        return False
    if what is None:
        column, measure = None, Measure("count", None, match.text)
    else:
        column, measure = key_target(ctx, what, (match.group("fnwords") or "").split())
    if what is not None and what.kind == "col" and ctx.groups and measure is None and column is not None:
        numeric = ctx.type_of(column) in NUMERIC and not ctx.grounding.is_key(ctx.base, column)
        # 'the highest tenure': the average tenure of each
        measure = Measure(implied_function(ctx, column) if numeric else "count_distinct", column, what.text)
        column = None
    ctx.order.append(SortRequest(column, measure, down, what.text if what is not None else match.text))
    if count is None and _asked_of_many(match):
        said = _subject_said(match)
        ctx.note(f"'which {said}' with no number: every one ranked, the first at the top (say 'which 3' for a top 3)")
        return True
    ctx.plan.limit = count.ref if count is not None else 1  # "which 3 countries had the most orders"
    return True


# Plurals that end in no 's'; and words ending in 's' that are one thing ('status', 'address', 'analysis').
PLURALS = frozenset({"people", "folks", "children", "men", "women", "staff", "data"})
SINGULAR_ENDS = ("ss", "us", "is", "ness")


def _asked_of_many(match: Match) -> bool:
    """'which customers brought in the most': a plural asked with no number, so a ranking of them all, not the one
    at the top ('which customer' keeps one)."""
    said = _subject_said(match)
    if not said or not re.match(r"(?:in )?(?:which|what) ", match.text.lower()):
        return False
    word = said.lower().split()[-1]
    return word in PLURALS or (word.endswith("s") and not word.endswith(SINGULAR_ENDS))


def _subject_said(match: Match) -> str:
    subject = match.item("subject")
    return subject.text if subject is not None else match.group("unit") or ""


def _best_period(ctx: Context, match: Match) -> bool:
    """'which month had the most orders', 'the year with the highest revenue', 'top 3 months by revenue', 'the
    busiest month': periods of the rows' date (or of the event named) ranked by what they hold."""
    from datalinx.agents.offline.filter_dates import _add, date_ref
    from datalinx.agents.offline.groups import bucket

    unit = TIME_UNITS.get(match.group("unit") or "")
    what, event, year = match.item("by"), match.item("ev"), match.item("yr")
    if unit is None or (what is not None and what.kind == "ds" and str(what.ref) != ctx.base):
        return False
    name = bucket(ctx, unit, event)
    if name is None:
        return False
    ctx.groups.append(name)
    if year is not None:  # 'which quarter of 2024': the periods of that year
        ref = date_ref(year)
        _add(ctx, ctx.period_dates[name], ref.start, ref.end, f"in {year.text}", ref)
    word = (match.group("sup") or match.group("dir") or "").strip()
    return _rank_groups(ctx, match, None if what is not None and what.kind == "ds" else what, word in PERIOD_HIGH)


def _simple(ctx: Context, match: Match) -> bool:
    """'highest revenue first', 'newest first', 'alphabetically'."""
    word = (match.group("sup") or "").strip()
    item = match.item("col")
    if item is None and (ctx.groups or ctx.measures):
        ctx.order.append(SortRequest(None, None, _down(ctx, word, None), word))  # the summary's measure
        return True
    column = _superlative_column(ctx, word, item)
    if column is None:
        return False
    ctx.order.append(SortRequest(column, None, _down(ctx, word, column), word))
    return True


def _span(ctx: Context, match: Match) -> bool:
    """'from most to least expensive': the price, from the end said first; 'from most to most' says nothing."""
    if match.group("end") == match.group("other"):
        return False
    column = _superlative_column(ctx, f"{match.group('end')} expensive", None)
    if column is None:
        return False
    ctx.order.append(SortRequest(column, None, match.group("end") == "most", match.text))
    return True


# Plain nouns for a dataset's rows: 'the five subscribers with the highest monthly charges'.
ROW_NOUNS = (
    r"(?:{T}|subscribers|customers|clients|users|members|people|accounts|rows|records|entries|ones|items|products"
    r"|orders)"
)
PLAIN_ROWS = r"subscribers|clients|users|members|people|accounts|rows|records|entries|ones|items"
LENGTHS = {"longest": True, "shortest": False}
# verbs of a row's own making: 'the orders placed most recently' are ranked by the dataset's main date
MADE = r"(?:placed|made|created|recorded|added|entered|logged|submitted)"
EVENT_ENDS = {"earliest": False, "first": False, "soonest": False, "latest": True, "last": True, "most recently": True}


def _row_noun(ctx: Context, match: Match) -> bool:
    """Whether the match's row noun names the rows being ranked (a dataset noun must be the base's)."""
    noun = match.item("rows")
    return noun is None or str(noun.ref) == ctx.base or str(noun.ref) in ctx.reading.nouns


def _top_rows(ctx: Context, match: Match) -> bool:
    """'top 20 subscribers by income': the base's own rows ranked, unless they are rows of a person's."""
    key = ctx.person_key()
    if key not in (None, ctx.grounding.key_of(ctx.base)) and (match.group("noun") or "") not in (
        "rows",
        "records",
        "entries",
        "ones",
        "items",
    ):
        ctx.refuse(f"{match.text} (one row per {key}, or the rows of {ctx.base}?)")  # 'top 5 users by revenue'
        return True
    return _top(ctx, match)


def _counted(ctx: Context, match: Match) -> bool:
    """'the five subscribers with the highest monthly charges', 'which three have the shortest tenure'."""
    count, item = match.item("n"), match.item("col")
    if count is None or not isinstance(count.ref, int) or item is None or not _row_noun(ctx, match) or ctx.groups:
        return False
    column = ctx.column(item)
    if column is None:
        return True
    view = numeric_view(ctx, column) if ctx.type_of(column) == "string" else None  # weights: '250 g', '1.2 kg'
    if view is None and ctx.type_of(column) not in (*NUMERIC, *TEMPORAL):
        ctx.refuse(f"{match.text} ({column} holds text, not amounts or dates)")
        return True
    column = view or column
    word = (match.group("sup") or "").strip()
    down = LENGTHS[word] if word in LENGTHS else _down(ctx, word, column)
    ctx.order.append(SortRequest(column, None, down, match.text))
    ctx.plan.limit = count.ref
    return True


def _event_order(ctx: Context, match: Match) -> bool:
    """'the four orders that were shipped earliest': ranked by the date of the event the verb names."""
    count, item = match.item("n"), next(iter(match.items(name="event")), None)
    noun = match.item("rows")
    size = count.ref if count is not None else 1 if noun is not None and singular(noun.norm) == noun.norm else None
    if not isinstance(size, int) or item is None or not _row_noun(ctx, match) or ctx.groups:
        return False  # without a number, only one row: 'the most recently placed order'
    if item.kind == "word":  # 'placed', 'made': the row's own making, dated by the dataset's main date
        column = ctx.main_date()
        if column is None or ctx.type_of(column) not in TEMPORAL:
            return False
        ctx.note(f"read '{item.text}' as the date {column}")
    else:
        refs = [item.ref, *item.alternatives] if item.kind == "col" else item.alternatives
        dated = [r for r in refs if isinstance(r, ColumnRef) and r.type in TEMPORAL]
        if not dated:
            return False
        column = ctx.use(dated[0])
        ctx.note(f"read '{item.text}' as the date {column}; rows without one come last")
    ctx.order.append(SortRequest(column, None, EVENT_ENDS[match.group("end") or "first"], match.text))
    ctx.plan.limit = size
    return True


def _read_counted(ctx: Context) -> None:
    """Rankings of a number of rows named by a plain noun, by a column or by when something happened."""
    scan = ctx.sentence.scan
    rows = r"(?:(?:the|which|what|our) )?(?P<n>{N}) (?P<rows>" + ROW_NOUNS + r")"
    having = r"(?:with|having|that have|who have|which have|that has|who has|which has|have|has|had|that had|who had"
    having += r"|carry|carries|that carry|which carry|bear|bears|come with|comes with)"  # 'carry the highest price'
    sup = r"(?P<sup>" + alternatives([*SUPERLATIVES, *LENGTHS]) + r")"
    scan(rows + " " + having + r"(?: the| their)? " + sup + r" (?P<col>{C})", lambda m: _counted(ctx, m))
    lengths = r"(?P<sup>" + alternatives(list(LENGTHS)) + r")"
    scan(
        r"(?:(?:the|top) )?(?P<n>{N}) " + lengths + r" (?P<col>{C})(?: (?P<rows>" + ROW_NOUNS + "))?",
        lambda m: _counted(ctx, m),
    )
    were = r"(?: (?:that|which|who))?(?: (?:were|was|got|have been|had been|are|is))?"
    end = r"(?P<end>" + alternatives(list(EVENT_ENDS)) + r")"
    event = r"(?P<event>{V}|{C}|" + MADE + ")"
    scan(rows + were + " " + event + " " + end, lambda m: _counted(ctx, m) or _event_order(ctx, m))
    # 'the three most recently placed orders', 'the 5 earliest shipped orders': the end said before the event
    scan(r"(?:the )?(?:(?P<n>{N}) )?" + end + " " + event + r" (?P<rows>" + ROW_NOUNS + ")",
         lambda m: _event_order(ctx, m))  # fmt: skip


def _year_after(ctx: Context, match: Match) -> bool:
    """Moves the year said between a ranking's rows and its 'by' to the end of the ranking; consumes nothing."""
    start, end = match.match.span("when")
    sentence = ctx.sentence
    moved = [i for i in match.indexes if start <= sentence.offsets[i] < end]
    rest = compile_pattern(r"(?P<by>{C}|{T})").search(sentence.render(), end)
    if not moved or rest is None:
        return False
    last = next(i for i, offset in sentence.offsets.items() if offset == rest.start())
    items = sentence.items
    sentence.items[:] = [*items[: moved[0]], *items[moved[-1] + 1 : last + 1], *items[moved[0] : moved[-1] + 1],
                         *items[last + 1 :]]  # fmt: skip
    return False


def read_rankings(ctx: Context) -> None:
    """Rankings that name what they rank by; read before grouping takes their 'by'."""
    _read_counted(ctx)
    scan = ctx.sentence.scan
    # 'sort the product list from most to least expensive': the end said first gives the direction, the adjective
    # after both the column
    sort = r"(?:(?:sort|sorted|order|ordered|rank|ranked|list|listed|arrange|arranged|put)(?: the| our| all)?(?: {T})?"
    scan(sort + r"(?: list)? )?from (?:the )?(?P<end>most|least) to (?:the )?(?P<other>most|least)"
         r" (?:expensive|costly|pricey)(?: (?:one|ones|{T}))?", lambda m: _span(ctx, m))  # fmt: skip
    fnwords = r"(?P<fnwords>(?:(?:total|average|sum of|number of|count of|the|their) )*)"
    subject = r"(?P<subject>{C}|{T})"
    by = (
        r"(?:by|in terms of|ranked by|based on|(?:with|having|who have|that have|which have|who had|that had) the "
        r"(?P<how>most|greatest|highest|"
        r"largest|biggest|best|fewest|least|lowest|smallest)|for) "
        + fnwords
        + r"(?P<vals>(?:{V} ){1,2})?(?:{T} )?(?P<by>{C}|{T})"
    )
    unit = r"(?P<unit>" + alternatives([u for u in TIME_UNITS if u not in ("daily", "weekly", "monthly", "date")]) + ")"
    most = r"(?P<sup>most|highest|biggest|largest|greatest|best|fewest|least|lowest|smallest|worst)"
    verbs = r"(?:had|has|have|saw|sees|got|gets|made|makes|generated|brought in|brings in|with|did|was|were|came with)"
    scan(
        r"(?:in )?(?:which|what|the) " + unit + r"(?: of (?:the year|(?P<yr>{Y})))? " + verbs + r"(?: the)? "
        + most + " " + fnwords + r"(?P<by>{C}|{T})(?: (?P<ev>{C}|{V}))?",
        lambda m: _best_period(ctx, m),
    )  # fmt: skip
    scan(r"(?P<dir>top|bottom|best|worst) (?P<n>{N}) " + unit + r" (?:by|for|in terms of) " + fnwords
         + r"(?P<by>{C}|{T})", lambda m: _best_period(ctx, m))  # fmt: skip
    scan(r"(?:the )?(?P<sup>busiest|quietest|slowest|strongest|weakest|best|worst) " + unit + r"(?: of (?P<yr>{Y}))?"
         + r"(?: (?:for|by|in terms of) " + fnwords + r"(?P<by>{C}|{T}))?", lambda m: _best_period(ctx, m))  # fmt: skip
    # 'the 4 biggest orders of 2024 by revenue': the year is a row test of its own, read after the ranking
    scan(r"(?:top|bottom|best|worst|first|last|biggest|largest|smallest|(?:the )?{N}) (?:\S+ )?" + subject
         + r" (?P<when>(?:of|in|from|during) {Y})(?= " + by + ")", lambda m: _year_after(ctx, m))  # fmt: skip
    scan(
        r"(?P<dir>top|bottom|best|worst|first|last) (?P<n>{N}) " + subject + " " + by,
        lambda m: _top(ctx, m) and _among(ctx, m),
    )
    scan(r"(?P<dir>top|bottom|best|worst) (?P<n>{N}) " + by, lambda m: _top(ctx, m) and _among(ctx, m))
    scan(
        r"(?P<dir>top|bottom|best|worst) (?P<n>{N}) (?P<noun>" + PLAIN_ROWS + ") " + by,
        lambda m: _top_rows(ctx, m) and _among(ctx, m),
    )
    scan(
        r"(?:the )?(?P<n>{N}) " + subject + " " + by, lambda m: bool(m.group("how")) and _top(ctx, m) and _among(ctx, m)
    )
    # 'the five subscribers who have been billed the most over their whole time with us': the amount as a verb
    whole = r"(?: (?:overall|in total|all told|to date|so far|ever|over (?:their|its|the) (?:whole |entire )?"
    whole += r"(?:time|lifetime|tenure|life)(?: with us)?))?"
    scan(r"(?:the )?(?P<n>{N}) " + subject + r" (?:who|that|which) (?:have |has |had )?(?P<by>{C})(?: the)?"
         r" (?P<how>most|least)" + whole + r"(?= [?.!,;]|$)", lambda m: _top(ctx, m))  # fmt: skip
    leading = r"(?P<dir>biggest|largest|best|worst|top|leading|smallest)"
    scan(r"(?:the )?(?P<n>{N}) " + leading + " " + subject + " " + by, lambda m: _top(ctx, m) and _among(ctx, m))
    scan(
        r"(?:(?P<dir>top|bottom|first|last) )?(?P<n>{N}) (?P<sup>"
        + SUPERLATIVE
        + r")(?: (?P<col>{C}))?(?: "
        + subject
        + ")?",
        lambda m: _top(ctx, m),
    )
    # 'which 8 products are the cheapest?': the ranking asked as a question about its rows
    scan(r"(?:which|what) (?P<n>{N}) " + subject + r" (?:are|is|were|was|come out as|rank as) (?:the )?(?P<sup>"
         + SUPERLATIVE + r")(?: (?P<col>{C}))?(?: (?:ones|of them|of all))?(?= [?.!,;]|$)",
         lambda m: _top(ctx, m))  # fmt: skip
    named_superlative = r"(?P<sup>(?!(?:most|least|fewest) )" + SUPERLATIVE + ")"
    scan(named_superlative + r" (?P<n>{N})(?: (?P<col>{C}))?(?: " + subject + ")?", lambda m: _top(ctx, m))
    scan(
        r"(?:which|what) (?:(?P<n>{N}) )?" + subject + r" (?:has|had|have|with|gets|got|shows|show|is|are|comes|come"
        r"|ends up|end up)(?: with)?(?: the)? (?P<sup>"
        + SUPERLATIVE
        + r")(?: (?P<fn>"
        + "|".join(SUMMARY_WORDS)
        + r")(?: (?:value|figure|amount|one))?| (?:value|figure|amount|one|result))?(?= [?.!]|$)",
        lambda m: _best_of_summary(ctx, m),
    )
    scan(
        r"(?:which|what) (?:(?P<n>{N}) )?"
        + subject
        + r" (?:(?:has|have|had) (?=(?:\S+ ){1,2}(?:the )?(?:"  # 'has placed the most': the auxiliary of the verb
        + SUPERLATIVE
        + r")))?(?:has|had|have|with|gets|got|made|makes|generated|"
        r"generates|brings|brought|sold|sells|placed|places|bought|buys|spent|spends|earned|earns|(?:brought|brings"
        r"|bring|pulled|pulls|took|takes|raked|rakes) in)(?: us| for us| me| you)?(?: the)? (?P<sup>"
        + SUPERLATIVE
        + r") "
        + fnwords
        + r"(?P<vals>(?:{V} ){1,2})?(?:{T} )?(?P<by>{C}|{T})",
        lambda m: _best(ctx, m) and _among(ctx, m),
    )
    scan(
        r"(?:the )?"
        + subject
        + r" (?:with|having|that has|that had|who has|which has)(?: the)? (?P<sup>"
        + SUPERLATIVE
        + r") "
        + fnwords
        + r"(?P<vals>(?:{V} ){1,2})?(?:{T} )?(?P<by>{C}|{T})",
        lambda m: _best(ctx, m) and _among(ctx, m),
    )
    # 'per service, keep the one with the highest charges': a whole row of each group, not the highest value
    scan(
        r"(?:keep|keeping|retain|retaining)(?: just| only)? (?:the )?(?:one|row|record|entry) (?:with|having|that has)"
        r"(?: the)? (?P<sup>" + SUPERLATIVE + r") " + fnwords + r"(?P<by>{C})",
        lambda m: _one_per_group(ctx, m),
    )
    scan(
        r"(?:which|what|the) " + subject + r" (?:has |had |have )?(?P<by>{C})(?: the)? (?P<sup>most|least|highest|"
        r"lowest)(?: money| overall| in total)?",
        lambda m: _best(ctx, m),
    )


def read_late_rankings(ctx: Context) -> None:
    """Rankings by the summary or the dataset's amount ('top 5'), and 'highest revenue first'."""
    scan = ctx.sentence.scan
    subject = r"(?P<subject>{C}|{T})"
    scan(r"(?P<dir>top|bottom|first|last) (?P<n>{N})(?: " + subject + ")?", lambda m: _top(ctx, m))
    scan(r"(?P<sup>" + SUPERLATIVE + r")(?: (?P<col>{C}))?(?: {T})? first", lambda m: _simple(ctx, m))
    # 'sorted from cheapest', 'starting with the newest ones'
    start = r"(?:(?:sorted|ordered|sort|order|ranked|listed) )?(?:from|starting with|starting from|beginning with)"
    summary = r"(?! (?:rate|total|count|number|share|average|amount|value|figure|sum|result)\b)"  # read elsewhere
    scan(start + r" (?:the )?(?P<sup>" + SUPERLATIVE + r")" + summary + r"(?: (?P<col>{C}))?(?: (?:one|ones|{T}))?"
         r"(?: (?:up|down|onwards|on))?", lambda m: _simple(ctx, m))  # fmt: skip
