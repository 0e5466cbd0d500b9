"""Joins asked in words: 'orders joined with customers', 'customers who have orders', 'products never ordered'."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.plan import Join
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.words import VERB_DATASETS

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
    join = next((j for j in ctx.plan.joins if j.dataset == dataset), None)
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
    return _join(ctx, _dataset(ctx, match.item("t"), match.group("verb")), how, how in ("left", "inner"))


def _bring(ctx: Context, match: Match) -> bool:
    """'add the customer's name and segment': columns of another dataset, joined in."""
    items = match.items("col", name="cols")
    if not items or all(i.ref.dataset == ctx.base for i in items):
        return False
    for item in items:
        ctx.column(item)
    return True


def _how(ctx: Context, match: Match, how: str) -> bool:
    """'keep orders even if the customer is not found' (left), 'only orders whose product is known' (inner)."""
    item = match.item("t")
    dataset = str(item.ref) if item is not None and item.kind == "ds" else None
    if dataset is None and item is not None and item.kind == "col":
        dataset = item.ref.dataset
    if dataset is None or dataset == ctx.base:
        return False
    return _join(ctx, dataset, how, False)


def read_joins(ctx: Context) -> None:
    scan = ctx.sentence.scan
    unknown = (
        r"(?:with|having|that have|that has|whose|for)(?: an?| the)? (?:unknown|"
        r"missing|invalid|nonexistent|non existent|orphaned|orphan|unmatched) "
        r"(?P<t>{T})"
    )
    scan(unknown, lambda m: _with(ctx, m, "anti"))
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
        r"(?:add|bring in|bring|include|attach|append|pull in|with|plus)(?: the| their| its| his| her)?"
        r"(?: corresponding| matching| respective| related| associated| relevant)? " + COLUMNS,
        lambda m: _bring(ctx, m),
    )
    other = r"(?P<t>{T})"
    article = r"(?: the| their| its| a| an| any| some| matching| existing| known| valid| corresponding| related)*"
    scan(
        r"(?:who|that|which|with)? ?(?:have|has|had|having)(?: never| not| "
        r"no)(?: placed| made)?" + article + " " + other,
        lambda m: _with(ctx, m, "anti"),
    )
    scan(r"(?:without|with no|no)" + article + " " + other, lambda m: _with(ctx, m, "anti"))
    never = r"(?:never|not|not yet|did not|do not|does not|have not|has not|had not)"
    verbs = r"(?:placed|place|made|make|ordered|order|bought|buy|purchased|purchase|had|have|has|got|get)"
    scan(
        r"(?:who|that|which) " + never + r"(?: ever)? " + verbs + article + " " + other, lambda m: _with(ctx, m, "anti")
    )
    scan(
        r"(?:whose|where the|with an?|with) "
        + other
        + r" (?:is |was |are )?(?:unknown|missing|not found|not known|not in the "
        r"\S+|does not exist|do not exist|not existing|absent)",
        lambda m: _with(ctx, m, "anti"),
    )
    scan(
        r"(?:with|having|who have|that have|who has|that has|who placed|that "
        r"placed|who made|that made)(?: at least (?:one|@n\d+)| (?:one|@n\d+) or more| any| some| "
        r"an?) " + other,
        lambda m: _with(ctx, m, "semi"),
    )
    scan(
        r"(?:who|that|which)? ?(?:were |was |have |has )?(?:never|not|not yet) "
        r"(?:been )?(?P<verb>ordered|bought|purchased|sold)",
        lambda m: _with(ctx, m, "anti"),
    )
    scan(
        r"(?:who|that|which) (?:have|has|had)(?: placed| made)?" + article + " " + other,
        lambda m: _with(ctx, m, "semi"),
    )
    scan(
        r"(?:with|having)(?: at least (?:one|@n\d+)| a| an| some| any)? (?:matching|"
        r"existing|known|valid|corresponding) " + other,
        lambda m: _with(ctx, m, "semi"),
    )
    scan(
        r"(?:who|that|which) (?:were |was |have |has )?(?:been "
        r")?(?P<verb>ordered|bought|purchased|sold)(?: at least once)?",
        lambda m: _with(ctx, m, "semi"),
    )
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


def consume_datasets(ctx: Context) -> None:
    """Mentions of the datasets the plan reads are understood: they named what to read."""
    used = {ctx.base, *(j.dataset for j in ctx.plan.joins), *ctx.reading.nouns}
    if ctx.plan.aggregate is not None:
        used |= {d for d in ctx.reading.grouped if ctx.grounding.key_of(d) in ctx.plan.aggregate.group_by}
    for item in ctx.sentence.live("ds"):
        if item.ref in used:
            item.consumed = True
