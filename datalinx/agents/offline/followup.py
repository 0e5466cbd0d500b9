"""Follow-ups: the earlier definition read back into a plan, then edited ('also drop test accounts', 'by month
instead', 'remove the limit')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import Grounding
from datalinx.agents.offline.phrases import DIRECTION, descending
from datalinx.agents.offline.plan import Aggregate, Condition, Dedupe, Join, Plan
from datalinx.core.pipelines import expressions

EDITABLE = frozenset(
    {"cast", "derive", "fill_missing", "deduplicate", "filter", "aggregate", "sort", "limit", "sample", "select"}
    | {"drop", "rename", "sink_dataset", "sink_file", "sink_warehouse"}
)
SWITCH = r"(?:use|take|show|compute|with|give me|(?:make|change) (?:it|that|this)(?: to)?|switch to|(?:what|how) about)"
_EQUALS = re.compile(r"^(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_]*) (=|!=) ('(?:[^']|'')*'|-?[0-9.]+|true|false)$")
_FOLDED = re.compile(r"^lower\(trim\((\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_]*)\)\)( (?:=|!=|in|not in) .*)$")
_IN = re.compile(r"^(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_]*) (in|not in) \((.*)\)$")


@dataclass
class Prior:
    plan: Plan
    datasets: list[str]


def _split(condition: str) -> list[str]:
    """Top-level `and` parts of a condition (outside brackets and quotes)."""
    parts, depth, quote, start = [], 0, "", 0
    index = 0
    while index < len(condition):
        char = condition[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and condition.startswith(" and ", index):
            parts.append(condition[start:index])
            start = index + 5
            index += 4
        index += 1
    parts.append(condition[start:])
    return [_unwrap(p.strip()) for p in parts if p.strip()]


def _unwrap(text: str) -> str:
    """A part without the brackets around all of it."""
    if text.startswith("(") and text.endswith(")") and _split(text[1:-1]) == [text[1:-1].strip()]:
        return text[1:-1].strip()
    return text


def _value(text: str) -> Any:
    if text.startswith("'"):
        return text[1:-1].replace("''", "'")
    if text in ("true", "false"):
        return text == "true"
    return float(text) if "." in text else int(text)


def condition_of(text: str) -> Condition:
    """A condition read back, with its column and values when it is `column = v` or `column in (...)`."""
    condition = _condition(text)
    condition.prior = True
    return condition


def _condition(text: str) -> Condition:
    folded = _FOLDED.match(text)
    if folded is not None:  # 'lower(trim(status)) = 'pending'': a test of spellings, read back as its values
        condition = _condition(f"{folded.group(1)}{folded.group(2)}")
        if condition.values:
            condition.expression = condition.explanation = text
            condition.folded = True
            return condition
    if (found := _EQUALS.match(text)) is not None:
        column = found.group(1).strip('"')
        return Condition(text, text, column, [_value(found.group(3))], found.group(2) == "!=")
    if (found := _IN.match(text)) is not None:
        column = found.group(1).strip('"')
        values = [_value(v.strip()) for v in re.findall(r"'(?:[^']|'')*'|[^,\s]+", found.group(3))]
        return Condition(text, text, column, values, found.group(2) == "not in")
    try:
        columns = sorted(expressions.columns(expressions.parse(text)))
    except expressions.ExpressionError:
        columns = []
    return Condition(text, text, columns[0] if len(columns) == 1 else None)


def _chain(definition: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    nodes = {n["id"]: n for n in definition.get("nodes", [])}
    readers: dict[str, list[dict[str, Any]]] = {}
    for edge in definition.get("edges", []):
        readers.setdefault(edge["source"], []).append(edge)
    inputs: dict[str, list[dict[str, Any]]] = {}
    for edge in definition.get("edges", []):
        inputs.setdefault(edge["target"], []).append(edge)
    return list(nodes.values()), inputs


def plan_of(definition: dict[str, Any], grounding: Grounding) -> Prior | None:
    """The plan a definition of this planner's shape came from; None for shapes it cannot edit."""
    nodes, inputs = _chain(definition)
    by_id = {n["id"]: n for n in nodes}
    targets: dict[str, list[str]] = {}
    for target, edges in inputs.items():
        for edge in edges:
            targets.setdefault(edge["source"], []).append(target)
    right_sides = {e["source"] for edges in inputs.values() for e in edges if e.get("port") == "right"}
    sources = [n for n in nodes if n["kind"] == "source" and n.get("dataset")]
    base = next((n for n in sources if n["id"] not in right_sides), None)
    if base is None or grounding.catalog.dataset(base["dataset"]) is None:
        return None
    plan = Plan(dataset=base["dataset"], touched=True)
    datasets = [base["dataset"]]
    current, summarised = base["id"], False
    while targets.get(current):
        if len(targets[current]) != 1:
            return None
        node = by_id[targets[current][0]]
        if node["kind"] == "join":
            join = _join(node, inputs, by_id)
            if join is None:
                return None
            (plan.lookups if summarised else plan.joins).append(join)
            datasets.append(join.dataset)
        elif node["kind"] not in EDITABLE:
            return None
        else:
            summarised = _step(plan, node, summarised)
        current = node["id"]
    return Prior(plan, datasets)


def why_uneditable(definition: dict[str, Any]) -> str:
    """Why `plan_of` cannot read a definition back, in words for the user ('it has a union step')."""
    nodes, inputs = _chain(definition)
    foreign = sorted({n["kind"] for n in nodes if n["kind"] not in EDITABLE | {"source", "join"}})
    if foreign:
        steps = f"a {foreign[0]} step" if len(foreign) == 1 else f"{', '.join(foreign[:-1])} and {foreign[-1]} steps"
        return f"it has {steps}, which I can only replace"
    readers = [e["source"] for edges in inputs.values() for e in edges]
    if len(readers) != len(set(readers)):
        return "its steps branch, and I can only edit a single chain of steps"
    return "its shape is not one I write"


def _join(node: dict[str, Any], inputs: dict[str, list[dict[str, Any]]], by_id: dict[str, Any]) -> Join | None:
    right = next((e["source"] for e in inputs.get(node["id"], []) if e.get("port") == "right"), None)
    columns: list[str] = []
    renamed: dict[str, str] = {}
    tests: list[Condition] = []
    while right is not None and by_id[right]["kind"] in ("select", "rename"):
        step = by_id[right]
        if step["kind"] == "select":
            columns = list(step["columns"])
        else:
            renamed = dict(step["columns"])
        right = inputs.get(right, [{}])[0].get("source")
    key = (node.get("on") or node.get("left_on") or [None])[0]
    right_key = (node.get("right_on") or [None])[0]
    if right is not None and by_id[right]["kind"] == "join" and node.get("how") == "semi" and key is not None:
        return _bridged(key, by_id[right], inputs, by_id)
    right, tests = _tested(right, inputs, by_id)
    summary = _summary(by_id[right], right_key or key) if right is not None else None
    if summary is not None and right is not None:  # 'whose first order was in 2024': each key's earliest date
        right = inputs.get(right, [{}])[0].get("source")
    if right is None or by_id[right]["kind"] != "source" or not by_id[right].get("dataset"):
        return None
    if key is None:
        return None
    kept = [c for c in columns if c != (right_key or key)]
    join = Join(by_id[right]["dataset"], key, node.get("how", "inner"), right_key, kept, renamed, filters=tests)
    join.summary = summary
    return join


def _summary(node: dict[str, Any], key: str | None) -> tuple[str, str | None] | None:
    """The (function, column) of an aggregate `build` writes for a join's summary, else None."""
    aggregations = node.get("aggregations") or []
    if node["kind"] != "aggregate" or node.get("group_by") != [key] or len(aggregations) != 1:
        return None
    function, column = aggregations[0].get("function"), aggregations[0].get("column")
    if function == "count" and column is None and aggregations[0].get("alias") == "count":
        return "count", None
    if function not in ("min", "max", "sum") or column is None or aggregations[0].get("alias") != column:
        return None
    return function, column


def _tested(
    node: str | None, inputs: dict[str, list[dict[str, Any]]], by_id: dict[str, Any]
) -> tuple[str | None, list[Condition]]:
    """The node above a run of filters, and their tests."""
    tests: list[Condition] = []
    while node is not None and by_id[node]["kind"] == "filter":
        tests.extend(condition_of(p) for p in _split(by_id[node]["condition"]))
        node = inputs.get(node, [{}])[0].get("source")
    return node, tests


def _bridged(
    key: str, link: dict[str, Any], inputs: dict[str, list[dict[str, Any]]], by_id: dict[str, Any]
) -> Join | None:
    """A semi join through a third dataset ('customers who bought garden products'), as `build` writes it."""
    inner = _join(link, inputs, by_id)
    left = next((e["source"] for e in inputs.get(link["id"], []) if e.get("port") == "left"), None)
    left, tests = _tested(left, inputs, by_id)
    if inner is None or inner.through is not None or left is None or by_id[left]["kind"] != "source":
        return None
    join = Join(inner.dataset, key, "semi", filters=inner.filters, through=by_id[left].get("dataset"))
    join.through_key, join.through_filters = inner.key, tests
    join.reason = f"Match {inner.dataset} through {join.through} ({key}, {inner.key})."
    return join


def _step(plan: Plan, node: dict[str, Any], summarised: bool) -> bool:
    kind = node["kind"]
    if kind == "cast":
        plan.casts.update(node["columns"])
    elif kind == "derive" and not summarised and node["id"].startswith("periods"):
        plan.aggregate = plan.aggregate or Aggregate()
        plan.aggregate.buckets.update(node["columns"])
    elif kind == "derive":
        (plan.finish if summarised else plan.prepare).update(node["columns"])
    elif kind == "fill_missing":
        plan.fills.update(node["columns"])
        plan.fill_order = list(node.get("order_by", []))
        plan.fill_groups = list(node.get("partition_by", []))
    elif kind == "deduplicate":
        plan.dedupe = Dedupe(
            node.get("keys"), node.get("keep", "first"), list(node.get("order_by", [])), "Remove duplicates."
        )
    elif kind == "filter":
        (plan.having if summarised else plan.filters).extend(condition_of(p) for p in _split(node["condition"]))
    elif kind == "aggregate":
        plan.aggregate = plan.aggregate or Aggregate()
        plan.aggregate.group_by = list(node.get("group_by", []))
        plan.aggregate.aggregations = list(node["aggregations"])
        return True
    elif kind == "sort":
        plan.sort = list(node["by"])
    elif kind == "limit":
        plan.limit = node["n"]
    elif kind == "sample":
        plan.sample = {k: v for k, v in node.items() if k in ("n", "fraction", "seed")}
    elif kind == "select":
        plan.select = list(node["columns"])
    elif kind == "drop":
        plan.drop = list(node["columns"])
    elif kind == "rename":
        plan.rename.update(node["columns"])
    else:
        plan.sinks.append({k: v for k, v in node.items() if k != "description"})
    return summarised


def _clear(ctx: Context, what: str) -> bool:
    plan = ctx.plan
    if what.startswith(("filter", "condition")):
        plan.filters, plan.having = [], []
    elif what.startswith(("limit", "top")):
        plan.limit = None
    elif what.startswith(("sort", "order")):
        plan.sort = []
    elif what.startswith(("group", "summary", "aggregat")):
        plan.aggregate, plan.having = None, []
    elif what.startswith(("dedup", "duplicate")):
        plan.dedupe = None
    elif what.startswith(("select", "column")):
        plan.select = None
    else:
        return False
    ctx.note(f"removed the earlier {what}")
    return True


def _unfilter(ctx: Context, match: Any) -> bool:
    """'drop the country filter': the earlier tests of that column go."""
    item = match.item("col")
    column = ctx.column(item) if item is not None else None
    kept = [c for c in ctx.plan.filters if column is None or c.column != column]
    if column is None or len(kept) == len(ctx.plan.filters):
        return False
    ctx.plan.filters = kept
    ctx.note(f"removed the earlier test on {column}")
    return True


def _resort(ctx: Context, match: Any) -> bool:
    """'by quantity instead': the earlier ranking, by another column."""
    item = match.item("col")
    column = ctx.column(item) if item is not None else None
    if column is None:
        return False
    ctx.plan.sort = [{**ctx.plan.sort[0], "column": column}]
    return True


def _redirect(ctx: Context, match: Any) -> bool:
    """'make it descending', 'reverse the order': the earlier sort keys in another direction, when the turn names
    no column of its own (a column's own direction is the sort readers' to take)."""
    if any(not i.consumed for i in ctx.sentence.items if i.kind == "col"):
        return False
    if any(i.norm not in ("order", "ordering") for i in match.items("ds")):
        return False  # 'the order' read as the orders dataset is the order of the rows here
    if match.group("flip"):
        ctx.plan.sort = [{**k, "descending": not k.get("descending", False)} for k in ctx.plan.sort]
    else:
        down = descending(match.group("dir") or "")
        ctx.plan.sort = [{**k, "descending": down} for k in ctx.plan.sort]
    ctx.note("changed the direction of the earlier sort")
    return True


def _superlative_end(ctx: Context, match: Any) -> bool:
    from datalinx.agents.offline.ranking import _down, fits

    word = match.group("sup") or ""
    keys = ctx.plan.sort
    if len(keys) != 1 or any(not i.consumed for i in ctx.sentence.items if i.kind == "col"):
        return False
    column = keys[0]["column"]
    if not fits(ctx, word, column):
        return False
    ctx.plan.sort = [{**keys[0], "descending": _down(ctx, word, column)}]
    ctx.note(f"read '{word}' as {column} {'descending' if ctx.plan.sort[0]['descending'] else 'ascending'}")
    return True


def _limit(ctx: Context, match: Any) -> bool:
    item = match.item("n")
    if item is None or not isinstance(item.ref, int):
        return False
    ctx.plan.limit = item.ref
    return True


def _function(ctx: Context, match: Any) -> bool:
    """'use the median instead': the earlier summary's measures with another function."""
    from datalinx.agents.offline.aggregates import _function as function_of

    aggregate = ctx.plan.aggregate
    function = function_of(match.group("fn") or "")
    if aggregate is None or function == "count":
        return False
    changed = []
    for aggregation in aggregate.aggregations:
        if aggregation.get("column") and aggregation["function"] != "count":
            old = f"{aggregation['function']}_{aggregation['column']}"
            aggregation["function"] = function
            changed.append((old, f"{function}_{aggregation['column']}"))
    ctx.plan.sort = [{**k, "column": dict(changed).get(k["column"], k["column"])} for k in ctx.plan.sort]
    return bool(changed)


def edits(ctx: Context, *, also: bool, instead: bool) -> None:
    """Edits that remove parts of the earlier plan; new clauses then add to it or replace their kind."""
    ctx.plan.replacing = not also
    ctx.plan.select_prior = ctx.plan.select is not None
    parts = (
        r"(?P<what>filters?|conditions?|limit|top|sorting|sort|order|ordering|"
        r"grouping|group by|summary|aggregation|deduplication|duplicates "
        r"removal|selection|column selection)"
    )
    verbs = r"(?:remove|drop|delete|undo|clear|forget|cancel|without|no|skip|get rid of|lose)"
    ctx.sentence.scan(verbs + r"(?: the| that| any)? " + parts, lambda m: _clear(ctx, m.group("what") or ""))
    ctx.sentence.scan(
        r"(?:do not|dont|don't) (?P<what>sort|group|limit|filter|dedupe)", lambda m: _clear(ctx, m.group("what") or "")
    )
    tests = r"(?:filter|filters|condition|conditions|restriction|test|criterion|criteria|constraint)"
    ctx.sentence.scan(verbs + r"(?: the| that| any)? (?P<col>{C}) " + tests, lambda m: _unfilter(ctx, m))
    if ctx.plan.sort and ctx.plan.aggregate is None:
        resort = r"(?:sort |sorted |order |ordered |rank |ranked )?by (?:the )?(?P<col>{C})(?= instead| now|$| rather)"
        ctx.sentence.scan(resort, lambda m: _resort(ctx, m))
    if ctx.plan.sort:
        turn = r"(?:(?:make|change|switch|turn|sort|order|put|have|show) (?:it|that|this|them|those|the (?:order|sort|"
        turn += r"sorting|list|rows))?(?: (?:to|in|into|as))? )?"
        flip = r"(?P<flip>(?:reverse|flip|invert) (?:it|that|this|them|the (?:order|sort|sorting|direction|{T}))"
        flip += r"|(?:the )?other way (?:round|around))"
        ctx.sentence.scan(
            turn + rf"(?:(?P<dir>{DIRECTION})(?: order)?|{flip})(?: instead| now| please)?", lambda m: _redirect(ctx, m)
        )
        # 'show the cheapest instead': a superlative that fits the earlier key says its end
        ends = r"(?P<sup>cheapest|priciest|most expensive|least expensive|highest|lowest|largest|smallest|biggest"
        ends += r"|oldest|youngest|newest|latest|earliest|most recent)"
        ctx.sentence.scan(
            r"(?:(?:show|give|list|get|take|want|use|keep|make it|switch to) )?(?:me |us )?(?:the )?" + ends
            + r"(?: ones?)?(?= instead| rather)",
            lambda m: _superlative_end(ctx, m),
        )  # fmt: skip
    if ctx.plan.limit is not None:
        change = (
            r"(?:make it|make that|change it to|change that to|change the limit to|"
            r"set the limit to|show|give me|instead)"
        )
        ctx.sentence.scan(
            change + r"(?: the)?(?: top| first)? (?P<n>{N})(?: instead)?(?: rows)?", lambda m: _limit(ctx, m)
        )
    if ctx.plan.aggregate is not None:
        names = "median|mean|average|sum|total|maximum|max|minimum|min"
        function = SWITCH + f"(?: the)? (?P<fn>{names})(?: instead(?: of(?: the)? (?:{names}))?)?" + r"(?! @c)"
        ctx.sentence.scan(function, lambda m: _function(ctx, m))
    del instead
