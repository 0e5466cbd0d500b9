"""Finishing a plan once every clause is read: the summary's groups and measures, sort keys, renames of outputs."""

from __future__ import annotations

import re

from datalinx.agents.offline.aggregates import implied_function
from datalinx.agents.offline.cleaning import _keep, nulls_away
from datalinx.agents.offline.computed import flags_as_columns
from datalinx.agents.offline.conditions import alternatives, negated
from datalinx.agents.offline.context import Context, Measure, SortRequest
from datalinx.agents.offline.groups import spellings_folded
from datalinx.agents.offline.join_review import tests_only
from datalinx.agents.offline.null_places import place_nulls
from datalinx.agents.offline.phrases import ALPHABETICAL
from datalinx.agents.offline.plan import Aggregate, Dedupe, Join, combine
from datalinx.core.pipelines.types import NUMERIC

FUNCTION_TEXT = {"sum": "total", "mean": "average", "median": "median", "min": "lowest", "max": "highest",
                 "count": "number of rows", "count_distinct": "number of distinct"}  # fmt: skip


def _describe(measure: Measure) -> str:
    if measure.column is None:
        return "the number of rows"
    return f"the {FUNCTION_TEXT[measure.function]} {measure.column}"


def _implicit_measures(ctx: Context) -> None:
    """'revenue by country': a number mentioned beside a grouping, summed."""
    for item in ctx.sentence.live("col"):
        column = ctx.column(item)
        if column is None or column in ctx.groups or ctx.type_of(column) not in NUMERIC:
            continue
        if ctx.grounding.is_key(ctx.base, column) or ctx.grounding.is_flag(item.ref.dataset, item.ref.column):
            continue
        _implied(ctx, column, item.text)
        item.consumed = True


def _implied(ctx: Context, column: str, text: str) -> None:
    """A number named beside a grouping with no function: its sum, or its average when it is a level of each row
    ('age by segment': ages added up mean nothing)."""
    function = implied_function(ctx, column)
    ctx.measures.append(Measure(function, column, text))
    if function == "sum":
        ctx.note(f"summed {column} per group")


def _sorted_measures(ctx: Context) -> None:
    """'top 5 countries by revenue': the ranking says what to compute."""
    for request in ctx.order:
        if request.measure is not None:
            ctx.measures.append(request.measure)
        elif request.column not in (None, *ctx.groups) and ctx.type_of(str(request.column)) in NUMERIC:
            _implied(ctx, str(request.column), request.text)


def _unique(measures: list[Measure]) -> list[Measure]:
    seen: set[str] = set()
    out = []
    for measure in measures:
        if measure.output not in seen:
            seen.add(measure.output)
            out.append(measure)
    return out


def _entity_groups(ctx: Context) -> None:
    """'customers and their total spend': summaries of the base per row of a dataset the request is about."""
    if not ctx.measures and not any(r.measure or r.column for r in ctx.order):
        return
    for dataset in ctx.reading.grouped:
        if dataset == ctx.base:
            # "the average number of items per order" over orders: one row per order is the data itself, joined
            # or not ("average revenue per order for each product category"); its key would make a group per row
            continue
        key = ctx.grounding.key_of(dataset)
        if key is not None and key not in ctx.groups and ctx.grounding.column(ctx.base, key) is not None:
            ctx.groups.insert(0, key)
            ctx.note(f"one row per {key} of {dataset}")


def _summary(ctx: Context, also: bool, instead: bool) -> None:
    _entity_groups(ctx)
    prior = ctx.plan.aggregate
    if ctx.groups or ctx.measures:
        if ctx.groups:
            _implicit_measures(ctx)
        if not ctx.measures:
            _sorted_measures(ctx)
        aggregate = prior or Aggregate()
        groups = list(dict.fromkeys(ctx.groups))
        if prior is not None and prior.group_by and groups and also and not instead:
            groups = list(dict.fromkeys([*prior.group_by, *groups]))
        elif prior is not None and not groups:
            groups = prior.group_by
        aggregate.buckets = {name: text for name, text in aggregate.buckets.items() if name in groups}
        measures = _unique(ctx.measures)
        for measure in measures:
            if measure.function == "count_distinct" and measure.column in groups:
                # "how many customers placed more than 10 orders": a count of the groups, a second summary
                ctx.refuse(f"{measure.text} (a count of the groups themselves is not supported)")
        if prior is not None and prior.aggregations:
            kept = [Measure(a["function"], a.get("column"), "") for a in prior.aggregations]
            measures = _unique([*kept, *measures]) if also or not measures else measures
        if not measures:
            measures = [Measure("count", None, "")]
            ctx.note("counted rows per group")
        aggregate.group_by = groups
        aggregate.aggregations = [m.spec for m in measures]
        aggregate.explanation = _explained(measures, groups)
        ctx.plan.aggregate = aggregate
        ctx.plan.touched = True
        ctx.plan.select = None  # a summary has its own columns
    elif prior is not None and prior.aggregations:  # read back from the earlier turn, perhaps with another function
        prior.explanation = _explained(_outputs(ctx), prior.group_by)


def _explained(measures: list[Measure], groups: list[str]) -> str:
    what = ", ".join(_describe(m) for m in measures)
    return f"Compute {what}" + (f" per {', '.join(groups)}." if groups else " over all rows.")


def _lookups(ctx: Context) -> None:
    """'top 3 products by revenue with their names': a grouped dataset's columns, neither grouped, summed nor tested,
    are joined to the summary's rows by its key rather than to the rows summed."""
    aggregate = ctx.plan.aggregate
    if aggregate is None or not aggregate.group_by:
        return
    used = {*aggregate.group_by, *aggregate.buckets, *(a.get("column") for a in aggregate.aggregations)}
    tests = " ".join([combine(ctx.plan.filters), *ctx.plan.prepare.values(), *ctx.plan.fills, *ctx.plan.casts])
    for join in list(ctx.plan.joins):
        if join.how != "left" or join.key not in aggregate.group_by or join.filters:
            continue
        needed = [c for c in join.columns if _needed(join.renamed.get(c, c), used, tests)]
        shown = [c for c in join.columns if c not in needed]
        if not shown:
            continue
        lookup = Join(join.dataset, join.key, "left", join.right_key, shown)
        lookup.renamed = {c: n for c, n in join.renamed.items() if c in shown}
        names = [lookup.renamed.get(c, c) for c in shown]
        lookup.reason = f"Add {', '.join(names)} of {join.dataset} to each {join.key} of the summary (left join)."
        ctx.plan.lookups.append(lookup)
        join.columns, join.renamed = needed, {c: n for c, n in join.renamed.items() if c in needed}
        if not needed:
            ctx.plan.joins.remove(join)  # "top 3 products by revenue with their names": only shown


def _needed(column: str, used: set[str | None], tests: str) -> bool:
    """Whether the summary groups, sums or tests a column before it is made."""
    return column in used or re.search(rf"\b{re.escape(column)}\b", tests) is not None


def _outputs(ctx: Context) -> list[Measure]:
    aggregate = ctx.plan.aggregate
    if aggregate is None:
        return []
    return [Measure(a["function"], a.get("column"), "") for a in aggregate.aggregations]


def _sort(ctx: Context) -> None:
    if not ctx.order:
        place_nulls(ctx, [])  # 'products with no price first': blanks placed in no order are unclear
        return
    aggregate = ctx.plan.aggregate
    keys = []
    for request in ctx.order:
        column = request.column
        if aggregate is not None:
            measures = _outputs(ctx)
            if request.measure is not None:
                if request.measure.output not in [m.output for m in measures]:
                    aggregate.aggregations.append(request.measure.spec)
                column = request.measure.output
            elif column in aggregate.group_by:
                pass
            elif column is None and request.generic and len(measures) > 1:
                ctx.refuse(f"{request.text} (which of {len(measures)} measures?)")
                continue
            elif column is None and _alphabetical(request.text):
                texts = [g for g in aggregate.group_by if ctx.type_of(g) == "string" and g not in aggregate.buckets]
                if len(texts) != 1:  # an order only text has, of a summary with no one text group
                    ctx.refuse(f"{request.text} (which group is ordered so?)")
                    continue
                column = texts[0]  # 'total revenue by country A to Z': by the country
            elif column is None:
                column = measures[0].output if measures else None
            else:
                matching = [m for m in measures if m.column == column]
                if not matching and ctx.type_of(column) in NUMERIC:
                    aggregate.aggregations.append({"function": "sum", "column": column})
                    matching = [Measure("sum", column, "")]
                column = matching[0].output if matching else None
        elif request.measure is not None:
            ctx.refuse(f"sort by {request.text} (that needs a summary)")
            continue
        if column is None:
            column = ctx.main_measure()
        if column is None:
            ctx.refuse(f"sort by {request.text}")
            continue
        if aggregate is None and "date" in column and ctx.type_of(column) == "string":
            ctx.refuse(f"sort by {request.text} ({column} holds dates as text, in several spellings)")
            continue
        same = [k for k in keys if k["column"] == column]
        if not same:
            keys.append({"column": column, "descending": request.descending})
        elif request.explicit:
            same[0]["descending"] = request.descending  # "by order date, newest first"
    place_nulls(ctx, keys)
    ctx.plan.sort = keys
    if keys:
        ctx.plan.touched = True


def _alphabetical(text: str) -> bool:
    """Whether an order is said as one only text has ('A to Z')."""
    padded = f" {text.lower()} "
    return any(f" {phrase} " in padded for phrase in ALPHABETICAL)


def _renames(ctx: Context) -> None:
    """A rename of a summarised column names the summary's output: 'call the total revenue "revenue"'."""
    aggregate = ctx.plan.aggregate
    if aggregate is None or not ctx.plan.rename:
        return
    renamed: dict[str, str] = {}
    for old, new in ctx.plan.rename.items():
        outputs = [m.output for m in _outputs(ctx)]
        if old in aggregate.group_by or old in outputs:
            renamed[old] = new
            continue
        matching = [m for m in _outputs(ctx) if m.column == old]
        if matching:
            renamed[matching[0].output] = new
        else:
            ctx.refuse(f"rename {old} (not in the summary)")
    ctx.plan.rename = renamed


def _picked(ctx: Context) -> None:
    """'for every product, its first order': one row per group, not a summary."""
    if ctx.pick is None:
        return
    which, column = ctx.pick
    keys = [g for g in ctx.groups if ctx.plan.aggregate is None or g not in ctx.plan.aggregate.buckets]
    if ctx.measures:
        ctx.refuse(f"the {which} (of what?)")
        return
    if not keys and ctx.pick_down is not None and column is not None:
        # "the most expensive product": the one row at that end
        ctx.order.append(SortRequest(column, None, ctx.pick_down, which))
        ctx.plan.limit = 1
        return
    if not keys:
        ctx.refuse(f"the {which} (of what?)")
        return
    if column is None and which == "oldest" and ctx.grounding.columns_named(("age",), [ctx.base]):
        # 'the oldest customer in each segment': the eldest, or the one longest with us?
        ctx.refuse(f"the {which} (by age, or by {ctx.main_date() or 'date'}?)")
        return
    ctx.plan.dedupe = Dedupe(
        keys=[_one_spelling(ctx, k) for k in keys], explanation=f"Keep one row per {', '.join(keys)}."
    )
    ctx.groups = []
    _keep(ctx, which, column)
    if ctx.pick_down is not None:
        ctx.plan.dedupe.keep = "last" if ctx.pick_down else "first"
        nulls_away(ctx.plan.dedupe)


def _one_spelling(ctx: Context, column: str) -> str:
    """A key of one row per group whose values have spelling variants ('Books', 'BOOKS'): a helper column with each
    written one way, so a group is the thing meant; the rows keep their own spelling and the helper is dropped."""
    expression = spellings_folded(ctx, column)
    if expression is None:
        return column
    helper = f"{column}_as_one"
    ctx.plan.prepare[helper] = expression
    ctx.plan.prepare_notes.append(f"Write each spelling of a {column} value one way, to keep one row per {column}.")
    if ctx.plan.select is None:
        ctx.plan.drop.append(helper)
    ctx.note(f"spelling variants of {column} taken as one {column}")
    return helper


def _merge_variants(ctx: Context) -> None:
    """Spellings of one value grouped as its most common spelling ('M2M' as 'month-to-month'): one group per thing
    meant, whether or not the request says so."""
    merged = []
    groups = ctx.groups or (ctx.plan.aggregate.group_by if ctx.plan.aggregate else [])
    counted = [m.column for m in ctx.measures if m.function == "count_distinct" and m.column is not None]
    for column in dict.fromkeys([*groups, *counted]):  # "how many distinct countries": DE and Germany are one
        expression = None if column in ctx.plan.prepare else spellings_folded(ctx, column)
        if expression is None:
            continue
        ctx.plan.prepare[column] = expression
        ctx.plan.prepare_notes.append(f"Write each spelling of a {column} value as its most common spelling.")
        merged.append(column)
    if merged:
        ctx.note(f"spelling variants of {', '.join(merged)} counted together")
    elif ctx.merge_variants:
        ctx.refuse("spelling variants (none known for the grouped columns)")


def finish(ctx: Context, *, also: bool = False, instead: bool = False) -> None:
    alternatives(ctx)  # first: 'remove prices that are negative or over 10,000' leaves out rows passing either test
    negated(ctx)
    flags_as_columns(ctx)
    _picked(ctx)
    _merge_variants(ctx)
    if ctx.ranked_rows and ctx.groups:  # "the 3 biggest orders for each customer": a list within each group
        ctx.refuse(f"{ctx.ranked_rows} within each {', '.join(ctx.groups)} (a top list per group)")
    _summary(ctx, also, instead)
    ctx.order.extend(ctx.then)
    _lookups(ctx)
    _sort(ctx)
    _renames(ctx)
    tests_only(ctx)
    for join in ctx.plan.joins:
        if join.through is not None and (join.how not in ("semi", "anti") or join.columns):
            # each customer has many orders: columns of their products are no one value per customer
            ctx.refuse(f"columns of {join.dataset} for each row of {ctx.base} (linked only through {join.through})")
        elif join.how == "semi" and join.columns and join.summary is None:
            # 'orders with the customer's segment, only orders with a known customer': the matched rows keep the
            # columns asked for, which a semi join would drop
            join.how = "inner"
            join.reason = f"Join {join.dataset} on {join.key} (only rows with a match, with its columns)."
        elif join.how == "anti" and join.columns:
            ctx.refuse(f"columns of {join.dataset} for the {ctx.base} that have none (no match)")
