"""Rankings: 'top 5 countries by revenue', 'the 10 most expensive products', 'which country has the most orders'."""

from __future__ import annotations

from datalinx.agents.offline.context import Context, Measure, SortRequest
from datalinx.agents.offline.ordering import SUPERLATIVE, key_target
from datalinx.agents.offline.phrases import HIGH_WORDS, NEW_WORDS
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.units import numeric_view
from datalinx.core.pipelines.types import NUMERIC

HIGH = frozenset((*HIGH_WORDS, "most expensive", "priciest", "biggest", "greatest", "best", "heaviest"))
DATE_SUPERLATIVES = frozenset((*NEW_WORDS, "oldest", "earliest"))
PRICE_SUPERLATIVES = frozenset(("most expensive", "least expensive", "cheapest", "priciest"))


def _superlative_column(ctx: Context, word: str, item: Item | None) -> str | None:
    if item is not None and item.kind == "col":
        return ctx.column(item)
    if word in ("oldest", "youngest") and _age_column(ctx) is not None:
        return _age_column(ctx)
    if word in ("heaviest", "lightest"):
        refs = ctx.grounding.columns_named(("weight",), [ctx.base])
        if refs:
            return numeric_view(ctx, refs[0].column) or refs[0].column
    if word in DATE_SUPERLATIVES:
        return ctx.main_date()
    if word in PRICE_SUPERLATIVES:
        refs = [r for d in ctx.reading.scope for r in ctx.grounding.columns_named(("price",), [d])]
        if refs:
            return ctx.use(refs[0])
    return ctx.main_measure()


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
    down = word in HIGH or word in ("top", "last") or word in NEW_WORDS
    if word in ("first", "bottom", "worst") or match.group("how") in ("fewest", "least", "lowest", "smallest"):
        down = False
    if count is None or not isinstance(count.ref, int):
        return False
    if subject is not None and subject.kind == "col" and not ctx.groups:
        column = ctx.column(subject)
        if column is None:
            return True
        if measure_item is not None or ctx.type_of(column) not in NUMERIC:
            ctx.groups.append(column)  # "top 5 countries by revenue": per country
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
            return True
        ctx.order.append(SortRequest(column, measure, down, measure_item.text))
    elif match.group("sup"):
        column = _superlative_column(ctx, word, match.item("col"))
        if column is None:
            ctx.refuse(match.text)
            return True
        ctx.order.append(SortRequest(column, None, _down(ctx, word, column), word))
    elif word == "first" and not ctx.groups:
        ctx.plan.limit = count.ref  # "the first 20 orders": as they come
        return True
    elif word == "last" and not ctx.groups:
        column = ctx.main_date()
        if column is None:
            ctx.refuse(f"{match.text} (last by which column?)")
            return True
        ctx.note(f"'last' read as the most recent by {column}")
        ctx.order.append(SortRequest(column, None, True, word))
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
    elif subject.kind == "ds" and str(subject.ref) != ctx.base:
        key = ctx.grounding.key_of(str(subject.ref))
        if key is None or ctx.grounding.column(ctx.base, key) is None:
            return False
        ctx.groups.append(key)
        ctx.note(f"'{subject.text}' grouped by {key}")
    column, measure = key_target(ctx, what, (match.group("fnwords") or "").split())
    if what.kind == "col" and ctx.groups and measure is None and column is not None:
        numeric = ctx.type_of(column) in NUMERIC and not ctx.grounding.is_key(ctx.base, column)
        measure = Measure("sum" if numeric else "count_distinct", column, what.text)
        column = None
    ctx.order.append(SortRequest(column, measure, word in HIGH, what.text))
    count = match.item("n")
    ctx.plan.limit = count.ref if count is not None and isinstance(count.ref, int) else 1  # "which 3 countries ..."
    return True


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


def read_rankings(ctx: Context) -> None:
    """Rankings that name what they rank by; read before grouping takes their 'by'."""
    scan = ctx.sentence.scan
    fnwords = r"(?P<fnwords>(?:(?:total|average|sum of|number of|count of|the|their) )*)"
    subject = r"(?P<subject>{C}|{T})"
    by = (
        r"(?:by|in terms of|ranked by|based on|with the (?P<how>most|greatest|highest|"
        r"largest|biggest|best|fewest|least|lowest|smallest)|for) " + fnwords + r"(?:{T} )?(?P<by>{C}|{T})"
    )
    scan(r"(?P<dir>top|bottom|best|worst|first|last) (?P<n>{N}) " + subject + " " + by, lambda m: _top(ctx, m))
    scan(r"(?P<dir>top|bottom|best|worst) (?P<n>{N}) " + by, lambda m: _top(ctx, m))
    scan(r"(?:the )?(?P<n>{N}) " + subject + " " + by, lambda m: _top(ctx, m) if m.group("how") else False)
    leading = r"(?P<dir>biggest|largest|best|worst|top|leading|smallest)"
    scan(r"(?:the )?(?P<n>{N}) " + leading + " " + subject + " " + by, lambda m: _top(ctx, m))
    scan(
        r"(?:(?P<dir>top|bottom|first|last) )?(?P<n>{N}) (?P<sup>"
        + SUPERLATIVE
        + r")(?: (?P<col>{C}))?(?: "
        + subject
        + ")?",
        lambda m: _top(ctx, m),
    )
    named_superlative = r"(?P<sup>(?!(?:most|least|fewest) )" + SUPERLATIVE + ")"
    scan(named_superlative + r" (?P<n>{N})(?: (?P<col>{C}))?(?: " + subject + ")?", lambda m: _top(ctx, m))
    scan(
        r"(?:which|what) (?:(?P<n>{N}) )?" + subject + r" (?:has|had|have|with|gets|got|made|makes|generated|"
        r"generates|brings|brought|sold|sells|placed|places|bought|buys|spent|spends)(?: the)? (?P<sup>"
        + SUPERLATIVE
        + r") "
        + fnwords
        + r"(?:{T} )?(?P<by>{C}|{T})",
        lambda m: _best(ctx, m),
    )
    scan(
        r"(?:the )?"
        + subject
        + r" (?:with|having|that has|that had|who has|which has)(?: the)? (?P<sup>"
        + SUPERLATIVE
        + r") "
        + fnwords
        + r"(?:{T} )?(?P<by>{C}|{T})",
        lambda m: _best(ctx, m),
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
