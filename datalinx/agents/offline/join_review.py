"""Joins read once the plan is: whose column of a name both datasets have ('the country on the customer record, not
the order'), a join whose columns are only tested turned into a semi join, and the datasets the plan reads consumed."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.plan import Condition, combine, ident
from datalinx.agents.offline.sentence import Match

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
    # 'Within the churn data, rename ...': where the request works, said before it; the dataset is read as any other
    ctx.sentence.scan(r"(?:within|inside)(?: the| our)?(?= {T}(?: data| table| dataset| file)?(?: [,:;]|$))",
                      lambda m: True)  # fmt: skip
    if ctx.plan.aggregate is not None:
        used |= {d for d in ctx.reading.grouped if ctx.grounding.key_of(d) in ctx.plan.aggregate.group_by}
    for item in ctx.sentence.live("ds"):
        if item.ref in used:
            item.consumed = True
