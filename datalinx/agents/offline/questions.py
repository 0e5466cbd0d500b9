"""Questions about a dataset as a whole: 'which currencies are used?', 'what is the most expensive product?',
'what are the 5 most common cities?', 'how old is the oldest customer?', 'what share of orders were cancelled?'."""

from __future__ import annotations

from datalinx.agents.offline.columns import COLUMNS, _distinct
from datalinx.agents.offline.context import Context, Measure, SortRequest
from datalinx.agents.offline.grounding import ColumnRef, ValueRef
from datalinx.agents.offline.plan import Aggregate, equality
from datalinx.agents.offline.sentence import Match
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL

EXTREMES = {"oldest": ("min", "max"), "youngest": ("max", "min"), "first": ("min", None), "earliest": ("min", None),
            "latest": ("max", None), "last": ("max", None), "most recent": ("max", None), "newest": ("max", None),
            "highest": ("max", None), "largest": ("max", None), "biggest": ("max", None), "maximum": ("max", None),
            "lowest": ("min", None), "smallest": ("min", None), "minimum": ("min", None)}  # fmt: skip


def _common(ctx: Context, match: Match) -> bool:
    """'the 5 most common cities': the values seen most often, with their counts."""
    item, count = match.item("col"), match.item("n")
    if item is None:
        return False
    column = ctx.column(item)
    if column is None:
        return True
    ctx.groups.append(column)
    ctx.measures.append(Measure("count", None, match.text))
    rare = (match.group("how") or "").strip() in ("least", "fewest")
    ctx.order.append(SortRequest(None, None, not rare, match.text))
    ctx.plan.limit = count.ref if count is not None and isinstance(count.ref, int) else 1
    return True


def _frequent(ctx: Context, match: Match) -> bool:
    """'the ten most frequently ordered products': rows per product, the most first."""
    subject, count = match.item("subject"), match.item("n")
    if subject is None:
        return False
    if subject.kind == "ds":
        dataset = str(subject.ref)
        key = ctx.grounding.key_of(dataset)
        if dataset == ctx.base or key is None or ctx.grounding.column(ctx.base, key) is None:
            return False
        ctx.groups.append(key)
        ctx.note(f"'{subject.text}' grouped by {key}")
    else:
        column = ctx.column(subject)
        if column is None:
            return True
        ctx.groups.append(column)
    measure = Measure("count", None, match.text)
    ctx.measures.append(measure)
    ctx.order.append(SortRequest(None, measure, (match.group("how") or "most") == "most", match.text))
    ctx.plan.limit = count.ref if count is not None and isinstance(count.ref, int) else 1
    return True


def _extreme(ctx: Context, match: Match) -> bool:
    """'the most expensive product', 'the cheapest product in each category': the row at one end."""
    from datalinx.agents.offline.ranking import _down, _superlative_column

    word = (match.group("sup") or "").strip()
    subject = match.item("subject")
    if subject is not None and str(subject.ref) != ctx.base:
        return False
    column = _superlative_column(ctx, word, match.item("col"))
    if column is None:
        return False
    if ctx.type_of(column) not in (*NUMERIC, *TEMPORAL) and "date" not in column:
        ctx.refuse(f"{match.text} ({column} holds text, which has no {word})")  # 'the highest-paying subscriber'
        return True
    ctx.pick = (word, column) if ctx.pick is None else ctx.pick
    ctx.pick_down = _down(ctx, word, column)
    return True


def _aged(ctx: Context, match: Match) -> bool:
    """'how old is the oldest customer?', 'when was the first order placed?': the extreme value itself."""
    word = (match.group("sup") or "").strip()
    if match.group("age"):
        refs = ctx.grounding.columns_named(("age",), [ctx.base])
        if not refs or word not in ("oldest", "youngest"):
            return False
        column, function = refs[0].column, EXTREMES[word][1]
    else:
        column, function = ctx.main_date(), EXTREMES.get(word, (None, None))[0]
    if column is None or function is None:
        return False
    ctx.measures.append(Measure(function, column, match.text))
    return True


def _latest(ctx: Context, match: Match) -> bool:
    """'what is the latest order date?', 'what's the highest price?': one value over all rows."""
    item = match.item("col")
    word = (match.group("sup") or "").strip()
    own = match.item("own")
    if item is None or word not in EXTREMES or (own is not None and str(own.ref) != ctx.base):
        return False
    column = ctx.column(item)
    if column is None:
        return True
    if ctx.type_of(column) not in NUMERIC and ctx.type_of(column) not in TEMPORAL:
        return False
    ctx.measures.append(Measure(EXTREMES[word][0], column, match.text))
    return True


def _who(ctx: Context, match: Match) -> bool:
    """'who spent the most?': the person of the base's rows with the largest total."""
    item = match.item("by")
    key = ctx.person_key()
    if item is None or key is None:
        return False
    column = ctx.column(item)
    if column is None:
        return True
    numeric = ctx.type_of(column) in NUMERIC and not ctx.grounding.is_key(ctx.base, column)
    measure = Measure("sum" if numeric else "count_distinct", column, match.text)
    ctx.groups.append(key)
    ctx.measures.append(measure)
    ctx.order.append(SortRequest(None, measure, (match.group("how") or "most") in ("most", "highest"), match.text))
    ctx.plan.limit = 1
    ctx.note(f"'who' read as each {key}")
    return True


def _share(ctx: Context, match: Match) -> bool:
    """'the share of cancelled orders', 'what percentage of orders were delivered': rows with the value, as part."""
    values = match.items("val", name="vals")
    if not values:
        return False
    grouped: dict[str, list[object]] = {}
    messy: set[str] = set()
    for item in values:
        column, ref = ctx.value(item)
        assert isinstance(ref, ValueRef)
        grouped.setdefault(column, []).extend([ref.value, *ref.variants])
        if ctx.grounding.spellings.get((ref.dataset, ref.column)):
            messy.add(column)
    test = " and ".join(equality(c, spellings, folded=c in messy) for c, spellings in grouped.items())
    percent = "percent" in match.text.lower() or "%" in match.text
    name = "_".join(str(values[0].ref.value).split()).lower() + ("_percent" if percent else "_share")
    ctx.plan.prepare[name] = f"if({test}, {100.0 if percent else 1.0}, 0.0)"
    ctx.plan.prepare_notes.append(f"Compute {name}: {'100' if percent else '1'} where {test}, else 0.")
    ctx.plan.aggregate = ctx.plan.aggregate or Aggregate()
    ctx.measures.append(Measure("mean", name, match.text))
    ctx.note(f"read '{match.text}' as the share of rows where {test}")
    return True


def read_questions(ctx: Context) -> None:
    scan = ctx.sentence.scan
    used = (
        r"(?:used|there|in use|available|present|exist|existing|appear|occur|we "
        r"have|do we have|we ship to|we sell|we use|are in the data)"
    )
    scan(
        r"(?:what|which) (?:are |is )?(?:the |all )?(?:different |distinct |"
        r"unique |possible )?" + COLUMNS + r" (?:are |is |do |does )?(?:we )?" + used,
        lambda m: _distinct(ctx, m),
    )
    scan(
        r"(?:what|which) (?:are |is )?(?:the )?(?:different |distinct |unique |"
        r"possible )?" + COLUMNS + r"(?: (?:are|is))? (?:there|possible)",
        lambda m: _distinct(ctx, m),
    )
    frequently = (
        r"(?P<how>most|least) (?:(?:frequently|often|commonly)(?: (?:ordered|bought|sold|purchased|used|chosen))?"
        r"|ordered)"
    )
    scan(
        r"(?:the )?(?:(?:top )?(?P<n>{N}) )?(?:the )?" + frequently + r" (?P<subject>{T}|{C})",
        lambda m: _frequent(ctx, m),
    )
    scan(
        r"(?:which|what) (?:(?P<n>{N}) )?(?P<subject>{T}|{C}) (?:were|was|are|is|got|get|have been|has been) "
        r"ordered the (?P<how>most|least)(?: often| frequently| times)?",
        lambda m: _frequent(ctx, m),
    )
    common = r"(?P<how>most|least) (?:common|frequent|popular|used)"
    scan(r"(?:the )?(?:(?:top )?(?P<n>{N}) )?" + common + r" (?P<col>{C})", lambda m: _common(ctx, m))
    scan(
        r"how (?P<age>old|{C}) (?:is|are|was|were) (?:the )?(?P<sup>oldest|youngest)(?: {T})?", lambda m: _aged(ctx, m)
    )
    scan(
        r"when (?:was|were|did|is) (?:the |our )?(?P<sup>first|earliest|last|"
        r"latest|most recent|newest) (?:{T})(?: (?:placed|made|created|recorded|"
        r"happen|happened|signed up|registered))?",
        lambda m: _aged(ctx, m),
    )
    question = r"(?:what is|what s|whats|what was|what are|what were|what|tell me|give me|show me|show|find)"
    superlative = (
        r"(?P<sup>oldest|youngest|first|earliest|latest|last|most recent|newest|"
        r"highest|largest|biggest|maximum|lowest|smallest|minimum)"
    )
    own = r"(?:(?P<own>{T}) )?"  # 'what's the largest order revenue?': the base's own rows
    scan(question + r"(?: the)? " + superlative + r" " + own + r"(?P<col>{C})(?! @t\d+)", lambda m: _latest(ctx, m))
    scan(r"who (?:has |have |had )?(?P<by>{C})(?: the)? (?P<how>most|least|highest|lowest)", lambda m: _who(ctx, m))
    share = r"(?:percentage|percent|%|share|proportion|fraction|ratio|rate)"
    vals = r"(?P<vals>{V}(?: (?:,|or|and) {V})*)"
    scan(r"(?:the )?" + share + r" of (?:(?:all|the) )?" + vals + r"(?: {T})?", lambda m: _share(ctx, m))
    that = (
        r"(?:(?:that|which|who) )?(?:(?:are|were|is|was|got|get|have been|has been|ended up|end up|wound up) )?"
        r"(?:being )?"
    )
    scan(r"(?:the )?" + share + r" of (?:(?:all|the) )?{T} " + that + vals, lambda m: _share(ctx, m))
    # 'out of all our orders, what fraction ended up returned?': the rows named first, their share asked after
    whole = r"(?:out )?of (?:all |the |all the )?(?:our |your )?{T} ,? (?:what |which )?(?:the )?"
    scan(r"^" + whole + share + r"(?: of them)? " + that + vals, lambda m: _share(ctx, m))


def read_extremes(ctx: Context) -> None:
    """'the most expensive product' (after rankings with a count took theirs)."""
    from datalinx.agents.offline.ordering import SUPERLATIVE

    scan = ctx.sentence.scan
    # not "the largest order revenue": a measure of the column, read with the aggregates
    scan(
        r"(?:the )?(?P<sup>" + SUPERLATIVE + r")(?: (?P<col>{C}))? (?P<subject>{T})(?! {C})", lambda m: _extreme(ctx, m)
    )
    # 'now the cheapest thing in each range': the rows said by a plain noun, one per group
    scan(r"(?:the )?(?P<sup>" + SUPERLATIVE + r")(?: (?P<col>{C}))? (?:thing|one|item)(?! {C})",
         lambda m: bool(ctx.groups) and _extreme(ctx, m))  # fmt: skip


__all__ = ["ColumnRef", "read_extremes", "read_questions"]
