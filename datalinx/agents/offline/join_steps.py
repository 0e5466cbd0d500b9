"""The steps every join reading shares: the dataset a clause names, the join added to the plan on the key two datasets
share, and the period of the other dataset's rows it matches."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.plan import Condition, Join, ident, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.words import VERB_DATASETS
from datalinx.core.pipelines.types import TEMPORAL

JOIN_WORDS = (
    r"(?:join|joined|joining|merge|merged|combine|combined|enrich|enriched|match|matched|link|linked|together|along)"
)

OTHER = r"(?P<t>{T})"
# 'in 2025', 'sometime in 2025', 'at some point during March 2024': the period the other dataset's rows are of
SOMETIME = r"(?: sometime| some time| at some point| at any point| at any time| anytime| any time)?"
WHEN = r"(?:" + SOMETIME + r" (?:in|during)(?: the)? (?P<when>{Y}|{D}))?"
ARTICLE = r"(?: the| their| its| a| an| any| some| matching| existing| known| valid| corresponding| related)*"
# plain verbs for adding columns to rows: 'tack the buyer's age onto each order'
# "never bought a single thing": nothing at all, said after the verb
ANYTHING = (
    r"(?: anything| any| at all| ever| (?:a |one |even a |even one )?single(?: thing| item| product| one)?"
    r"| one thing| a thing| even one thing)?"
)
FASTEN = r"tack on|tack|tacking|stick on|stick|glue on|glue"


def dataset_named(ctx: Context, item: Item | None, word: str | None = None) -> str | None:
    if item is not None and item.kind == "ds":
        return str(item.ref)
    if word is not None:
        wanted = VERB_DATASETS.get(word)
        return wanted if wanted is not None and ctx.grounding.catalog.dataset(wanted) is not None else None
    return None


def add_join(ctx: Context, dataset: str | None, how: str, full: bool) -> bool:
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


def join_said(ctx: Context, match: Match, how: str) -> bool:
    dataset = dataset_named(ctx, match.item("t"), match.group("verb"))
    if not add_join(ctx, dataset, how, how in ("left", "inner")):
        return False
    when = match.item("when")
    join = next((j for j in ctx.plan.joins if j.dataset == dataset and j.summary is None), None)
    if when is not None and join is not None and not _dated(ctx, join, when):
        ctx.refuse(f"{match.text} ({dataset} has no date)")
    return True


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


def join_how(ctx: Context, match: Match, how: str) -> bool:
    """'keep orders even if the customer is not found' (left), 'only orders whose product is known' (inner)."""
    item = match.item("t")
    dataset = str(item.ref) if item is not None and item.kind == "ds" else None
    if dataset is None and item is not None and item.kind == "col":
        dataset = item.ref.dataset
    if dataset is None or dataset == ctx.base:
        return False
    return add_join(ctx, dataset, how, False)


def fold_found(ctx: Context, found: list[tuple[int, int, Item]]) -> None:
    """Each phrase found read as the one item found for it, from the end so earlier indexes hold."""
    for first, last, item in sorted(found, key=lambda f: f[0], reverse=True):
        ctx.sentence.fold(first, last, item)
    found.clear()
