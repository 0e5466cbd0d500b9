"""Tests on groups: 'countries with more than 1000 orders', 'categories whose average price is above 100'."""

from __future__ import annotations

from datalinx.agents.offline.aggregates import _function
from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.phrases import OP
from datalinx.agents.offline.plan import Condition, Join, ident, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.core.pipelines.types import NUMERIC


def _group_subject(ctx: Context, match: Match) -> bool:
    """'countries with more than 1000 orders', 'customers who placed more than 10 orders': per country, customer."""
    item = match.item("grp")
    if item is not None and item.kind == "col" and ctx.groups and ctx.column(item) in ctx.groups:
        return True  # 'by country, only countries with more than 100 customers': the grouping named again
    if item is None or ctx.groups:
        return False
    if item.kind == "ds":
        dataset = str(item.ref)
        key = ctx.grounding.key_of(dataset)
        if dataset == ctx.base or key is None or ctx.grounding.column(ctx.base, key) is None:
            return False
        what = match.item("what")
        own = what is not None and isinstance(what.ref, ColumnRef) and what.ref.dataset == dataset
        if own and not match.group("fn"):
            return False  # 'customers whose age is under 30': a test of each customer, not of a group
        ctx.groups.append(key)
        ctx.note(f"'{item.text}' grouped by {key}")
        return True
    column = ctx.column(item)
    if column is None or ctx.type_of(column) in NUMERIC:
        return False
    ctx.groups.append(column)
    return True


def _having(ctx: Context, match: Match) -> bool:
    """'countries with more than 100 orders': a test on the groups' counts or sums."""
    what, number = match.item("what"), match.item("num")
    if number is None or what is None or not ctx.groups:
        return False
    if what.kind == "ds":
        measure = Measure("count", None, what.text)
        if str(what.ref) != ctx.base:
            key = ctx.grounding.key_of(str(what.ref))
            if key is None or ctx.grounding.column(ctx.base, key) is None:
                return False
            measure = Measure("count_distinct", key, what.text)
    else:
        column = ctx.column(what)
        if column is None or ctx.type_of(column) not in NUMERIC:
            return False
        measure = Measure(_function(match.group("fn") or "total"), column, what.text)
    from datalinx.agents.offline.filters import SYMBOLS, _operator

    parsed = _operator(match)
    if parsed is None:
        return False
    ctx.measures.append(measure)
    condition = Condition(
        f"{ident(measure.output)} {parsed[0]} {literal(number.ref)}",
        f"{measure.output} {SYMBOLS.get(parsed[0], parsed[1])} {number.text}",
    )
    ctx.plan.having.append(condition)
    return True


TOTAL_WORDS = frozenset({"total", "sum", "overall", "combined"})


def _group_total(ctx: Context, match: Match) -> bool:
    """'countries with total revenue above 10000', 'products with revenue over 5000': a test on each group's sum,
    when the amount is named a total or is another dataset's than the group's."""
    group, what = match.item("grp"), match.item("what")
    if group is None or what is None or not isinstance(what.ref, ColumnRef) or what.ref.type not in NUMERIC:
        return False
    elsewhere = group.kind == "ds" and what.ref.dataset != str(group.ref)
    if what.norm.split()[0] not in TOTAL_WORDS and not elsewhere:
        if group.kind == "col" and not ctx.groups:
            # "countries with revenue above 1000": each order's revenue, or each country's total?
            ctx.refuse(f"{match.text} (each row's {what.text}, or each group's total?)")
            return True
        return False
    if ctx.grounding.is_key(what.ref.dataset, what.ref.column) or not _group_subject(ctx, match):
        return False
    return _having(ctx, match)


def _rate_test(ctx: Context, match: Match) -> bool:
    """'regions where the churn rate is above 0.3': a test on each group's share of rows where the flag holds."""
    from datalinx.agents.offline.aggregates import _rate
    from datalinx.agents.offline.filters import SYMBOLS, _operator

    number, parsed = match.item("num"), _operator(match)
    if number is None or parsed is None or not _group_subject(ctx, match) or not _rate(ctx, match):
        return False
    measure = ctx.measures[-1]
    condition = Condition(
        f"{ident(measure.output)} {parsed[0]} {literal(number.ref)}",
        f"{measure.output} {SYMBOLS.get(parsed[0], parsed[1])} {number.text}",
    )
    ctx.plan.having.append(condition)
    return True


def _rows_of_busy_groups(ctx: Context, match: Match) -> bool:
    """'orders of customers with more than 3 orders': the base's own rows, of the keys whose rows are counted and
    tested first (a semi join with each key's count), not the counts themselves."""
    rows, group, counted = match.item("rows"), match.item("grp"), match.item("what")
    number = match.item("num") or match.item("n2")
    if rows is None or group is None or counted is None or number is None:
        return False
    column = _own_amount(ctx, counted)
    if str(rows.ref) != ctx.base or (str(counted.ref) != ctx.base and column is None) or str(group.ref) == ctx.base:
        return False
    key = ctx.grounding.key_of(str(group.ref))
    if key is None or ctx.grounding.column(ctx.base, key) is None:
        return False
    from datalinx.agents.offline.filters import SYMBOLS, _operator

    parsed = (">=", "at least") if match.group("more") else _operator(match)
    if parsed is None:
        return False
    after = ctx.sentence.items[match.indexes[-1] + 1 : match.indexes[-1] + 3]
    if any(i.kind in ("date", "year") for i in after):
        # 'orders of customers with more than 3 orders in 2024': the count of that year's orders, or all of theirs?
        ctx.refuse(f"{match.text} {after[-1].text} (which rows are counted, and which are shown?)")
        return True
    join = Join(dataset=ctx.base, key=key, how="semi", summary=("count", None) if column is None else ("sum", column))
    said = f"{SYMBOLS.get(parsed[0], parsed[1])} {number.text}"
    tested = "count" if column is None else ident(column)
    join.filters.append(Condition(f"{tested} {parsed[0]} {literal(number.ref)}", f"the {tested} {said}"))
    join.reason = f"Keep the {ctx.base} of each {key} with {said} {counted.text} (semi join)."
    ctx.plan.joins.append(join)
    ctx.plan.touched = True
    ctx.note(f"'{match.text}': the {ctx.base} rows of each {key} with {said} of them")
    kept = {id(i) for i in [*match.items("val", name="said"), *match.items("val", name="place")]}
    for item in match.items():
        item.consumed = item.consumed or id(item) not in kept  # 'german customers': the test left for its reader
    return False


def _said_total(match: Match) -> bool:
    """Whether the amount tested is said to be a total ('total revenue', 'combined quantity'), not each row's."""
    what = match.item("what")
    return match.group("total") is not None or (what is not None and what.norm.split()[0] in TOTAL_WORDS)


def _own_amount(ctx: Context, item: Item) -> str | None:
    """The base's own amount an item names ('revenue' of the orders), summed per group; None for anything else."""
    if item.kind != "col" or not isinstance(item.ref, ColumnRef) or item.ref.dataset != ctx.base:
        return None
    ref = item.ref
    amount = ref.type in NUMERIC and not ctx.grounding.is_key(ref.dataset, ref.column)
    return ref.column if amount and not ctx.grounding.is_flag(ref.dataset, ref.column) else None


def _unread_busy_groups(ctx: Context, match: Match) -> bool:
    """'orders of customers who ... with more than 3 orders', 'orders from customers with total revenue over 1000':
    with more said than a value of the customers, or the amount said otherwise, refused, as the count or total per
    customer would answer another question."""
    rows, group, counted = match.item("rows"), match.item("grp"), match.item("what")
    if rows is None or group is None or counted is None or str(rows.ref) != ctx.base or str(group.ref) == ctx.base:
        return False
    if str(counted.ref) != ctx.base and _own_amount(ctx, counted) is None:
        return False
    ctx.refuse(f"{match.text} (the {ctx.base} of groups tested on their count or total, with more said of them)")
    return True


def read_having(ctx: Context) -> None:
    """The groups a test on their counts or sums keeps; names the grouping when only the test does."""
    scan = ctx.sentence.scan
    having = (
        r"(?:with|having|that have|who have|which have|that had|who had|(?:who|that|which)(?: have| has| had)? "
        r"(?:placed|made|bought)|where|whose|have|has|had)"
    )
    # 'orders of customers with more than 3 orders', 'orders from customers who placed 5 or more orders'
    owner = r"(?P<rows>{T}) (?:(?:of|from|for|by|placed by|made by|belonging to)(?: the| our| all| those)?|whose) "
    counted = (
        having + r" (?:(?:a total of|in total) )?(?:(?P<neg>not )?(?P<op>" + OP + r") (?P<num>{N})"
        r"|(?P<n2>{N}) (?P<more>or more)) (?:(?:in|of) )?(?P<what>{T}|{C})"
    )
    scan(
        owner + r"(?P<said>(?:@v\d+ )*)(?P<grp>{T}) (?P<place>(?:in|from|based in|living in) @v\d+ )?" + counted,
        lambda m: _rows_of_busy_groups(ctx, m),
    )
    # 'orders from customers whose total revenue is above 1000': each customer's total, said before the test
    summed = (
        having + r" (?:(?:a|an|the|their) )?(?P<total>(?:total|combined|overall) )?(?P<what>{C}) (?:(?:is|are|of) )?"
        r"(?P<neg>not )?(?P<op>" + OP + r") (?P<num>{N})"
    )
    scan(
        owner + r"(?P<said>(?:@v\d+ )*)(?P<grp>{T}) (?P<place>(?:in|from|based in|living in) @v\d+ )?" + summed,
        lambda m: _said_total(m) and _rows_of_busy_groups(ctx, m),
    )
    around = r"(?:[^ ]+ ){0,3}?(?P<grp>{T}) (?:[^ ]+ ){0,4}?"
    scan(owner + around + counted, lambda m: _unread_busy_groups(ctx, m))
    scan(owner + around + summed, lambda m: _unread_busy_groups(ctx, m))
    scan(
        r"(?P<grp>{C}|{T}) "
        + having
        + r" (?:(?:a|an|the) )?(?P<what>{C}) (?:(?:is|are|of) )?(?P<neg>not )?(?P<op>"
        + OP
        + r") (?P<num>{N})",
        lambda m: _group_total(ctx, m),
    )
    scan(
        r"(?P<grp>{C}|{T}) " + having + r" (?:(?:a|an|the) )?(?P<what>{C}) (?:rate|share|ratio|percentage|percent) "
        r"(?:(?:is|are|of) )?(?P<neg>not )?(?P<op>" + OP + r") (?P<num>{N})",
        lambda m: _rate_test(ctx, m),
    )
    scan(
        r"(?P<grp>{C}|{T})(?= "
        + having
        + r" (?:(?:a|an|the) )?(?:(?P<fn>total|average|sum of|mean|median|number of) )?"
        + r"(?:(?P<what>@c\d+|@t\d+) )?(?:(?:is|are|of) )?(?:not )?(?:"
        + OP
        + r") @[ny]\d+)",
        lambda m: _group_subject(ctx, m),
    )
    scan(
        having
        + r" (?:(?:a|an|the) )?(?P<fn>total|average|sum of|mean|median|minimum|maximum) (?P<what>{C}) "
        + r"(?:(?:is|are|of) )?(?P<neg>not )?(?P<op>"
        + OP
        + r") (?P<num>{N})",
        lambda m: _having(ctx, m),
    )
    # "customers who placed 15 or more orders": a count of at least one, so no group without rows is missed
    placed = r"(?:" + having + r"|(?:have |has |had )?(?:placed|made|bought))"
    scan(r"(?P<grp>{T})(?= " + placed + r" @n\d+ or more @t\d+)", lambda m: _group_subject(ctx, m))
    if ctx.groups:
        scan(
            placed + r" (?P<num>{N}) (?P<op>or more) (?P<what>{T})",
            lambda m: _having(ctx, m),
        )  # "customers who placed 15 or more orders"
        scan(
            having + r" (?:(?:a|an|the) )?(?:(?P<fn>total|average|sum of) )?(?:of "
            r")?(?P<neg>not )?(?P<op>" + OP + r") (?P<num>{N}) (?:{T} )?(?P<what>{T}|{C})",
            lambda m: _having(ctx, m),
        )
