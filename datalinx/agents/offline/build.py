"""A plan as a PipelineDefinition: one chain of nodes in a fixed order, each with a one-sentence explanation."""

from __future__ import annotations

import re
from typing import Any

from datalinx.agents.offline.plan import Join, Plan, combine, describe

NodeList = list[tuple[dict[str, Any], str]]


def node_id(text: str, taken: set[str]) -> str:
    """An identifier from any text, unique among `taken`."""
    base = re.sub(r"[^A-Za-z0-9_]+", "_", text).strip("_") or "node"
    if not re.match(r"[A-Za-z_]", base):
        base = f"n_{base}"
    base = base[:50]
    candidate, count = base, 2
    while candidate in taken:
        candidate, count = f"{base}_{count}", count + 1
    taken.add(candidate)
    return candidate


def _listing(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


def _steps(plan: Plan) -> NodeList:
    """The chain after the source (and joins), in the order that keeps each step's meaning."""
    steps: NodeList = []
    if plan.casts:
        steps.append(
            (
                {"kind": "cast", "columns": dict(plan.casts), "on_error": "null", "id": "types"},
                f"Convert {_listing(list(plan.casts))} to {_listing(sorted(set(plan.casts.values())))}; "
                "values that do not convert become empty.",
            )
        )
    if plan.prepare:
        notes = "; ".join(plan.prepare_notes) or f"Compute {_listing(list(plan.prepare))}."
        steps.append(({"kind": "derive", "columns": dict(plan.prepare), "id": "compute"}, notes))
    if plan.fills:
        fill: dict[str, Any] = {"kind": "fill_missing", "columns": dict(plan.fills), "id": "fill"}
        if plan.fill_order:
            fill["order_by"] = plan.fill_order
        described = [f"{c} with {_fill_text(s)}" for c, s in plan.fills.items()]
        steps.append((fill, f"Fill missing {_listing(described)}."))
    if plan.dedupe is not None and not plan.distinct:
        dedupe: dict[str, Any] = {"kind": "deduplicate", "keep": plan.dedupe.keep, "id": "dedupe"}
        if plan.dedupe.keys:
            dedupe["keys"] = plan.dedupe.keys
        if plan.dedupe.order_by:
            dedupe["order_by"] = plan.dedupe.order_by
        steps.append((dedupe, plan.dedupe.explanation))
    if plan.filters:
        steps.append(({"kind": "filter", "condition": combine(plan.filters), "id": "keep"}, _keep(plan.filters)))
    if plan.aggregate is not None:
        if plan.aggregate.buckets:
            buckets = {"kind": "derive", "columns": dict(plan.aggregate.buckets), "id": "periods"}
            steps.append((buckets, f"Compute {_listing(list(plan.aggregate.buckets))} to group by."))
        aggregate = {
            "kind": "aggregate",
            "group_by": plan.aggregate.group_by,
            "aggregations": plan.aggregate.aggregations,
            "id": "summary",
        }
        steps.append((aggregate, plan.aggregate.explanation))
    if plan.having:
        steps.append(({"kind": "filter", "condition": combine(plan.having), "id": "keep_groups"}, _keep(plan.having)))
    steps.extend(_ranked(plan))
    return steps


def _sorted(plan: Plan) -> NodeList:
    if not plan.sort:
        return []
    keys = [f"{k['column']} ({'highest' if k.get('descending') else 'lowest'} first)" for k in plan.sort]
    return [({"kind": "sort", "by": plan.sort, "id": "order"}, f"Sort by {_listing(keys)}.")]


def _ranked(plan: Plan) -> NodeList:
    steps = _sorted(plan)
    if plan.sample is not None:
        steps.append(({"kind": "sample", **plan.sample, "id": "sample"}, "Take a reproducible random sample."))
    if plan.limit is not None:
        steps.append(({"kind": "limit", "n": plan.limit, "id": "first"}, f"Keep the first {plan.limit} rows."))
    return steps


def _shaping(plan: Plan) -> NodeList:
    steps: NodeList = []
    if plan.finish:
        steps.append(
            (
                {"kind": "derive", "columns": dict(plan.finish), "id": "tidy"},
                "Rewrite " + _listing(list(plan.finish)) + ".",
            )
        )
    if plan.select:
        steps.append(({"kind": "select", "columns": plan.select, "id": "columns"}, f"Keep {_listing(plan.select)}."))
    if plan.distinct and plan.dedupe is not None:
        steps.append(
            ({"kind": "deduplicate", "keep": "first", "id": "distinct"}, "Keep each combination of values once.")
        )
    if plan.drop:
        steps.append(({"kind": "drop", "columns": plan.drop, "id": "remove"}, f"Remove {_listing(plan.drop)}."))
    if plan.rename:
        pairs = [f"{old} to {new}" for old, new in plan.rename.items()]
        steps.append(({"kind": "rename", "columns": dict(plan.rename), "id": "names"}, f"Rename {_listing(pairs)}."))
    for sink in plan.sinks:
        steps.append((dict(sink), _sink_text(sink)))
    return steps


def _fill_text(spec: dict[str, Any]) -> str:
    if spec["strategy"] == "constant":
        return repr(spec["value"])
    return {"mode": "the most common value", "forward": "the previous value", "backward": "the next value"}.get(
        spec["strategy"], f"the {spec['strategy']}"
    )


def _keep(conditions: Any) -> str:
    return f"Keep rows where {describe(conditions)}."


def _sink_text(sink: dict[str, Any]) -> str:
    if sink["kind"] == "sink_dataset":
        return f"Save the result as dataset '{sink['dataset']}'."
    if sink["kind"] == "sink_file":
        return f"Export the result as {sink['format']} file {sink['name']}."
    return f"Write the result to warehouse table {sink['table']}."


def _join(
    plan: Plan,
    join: Join,
    current: str,
    taken: set[str],
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    explanations: dict[str, str],
) -> str:
    """The nodes joining `join`'s dataset (its columns picked, clashing names renamed) to `current`; the join's id."""
    right = node_id(join.dataset, taken)
    nodes.append({"id": right, "kind": "source", "dataset": join.dataset})
    explanations[right] = f"Read dataset {join.dataset}."
    if join.summary is not None:
        function, column = join.summary
        summed = node_id(f"{join.dataset}_{function}", taken)
        aggregation = {"function": function, "column": column, "alias": column}
        by = join.right_key or join.key
        nodes.append({"id": summed, "kind": "aggregate", "group_by": [by], "aggregations": [aggregation]})
        word = {"min": "earliest", "max": "latest"}.get(function, function)
        explanations[summed] = f"Take the {word} {column} of each {by} in {join.dataset}."
        edges.append({"source": right, "target": summed})
        right = summed
    if join.filters:
        tested = node_id(f"{join.dataset}_rows", taken)
        nodes.append({"id": tested, "kind": "filter", "condition": combine(join.filters)})
        explanations[tested] = f"Keep {join.dataset} rows where {describe(join.filters)}."
        edges.append({"source": right, "target": tested})
        right = tested
    if join.through is not None and join.through_key is not None:
        right = _bridged(join, right, taken, nodes, edges, explanations)
    key = join.right_key or join.key
    keep = [key, *(c for c in join.columns if c != key)]
    picked = node_id(f"{join.dataset}_columns", taken)
    nodes.append({"id": picked, "kind": "select", "columns": keep})
    explanations[picked] = f"Take {_listing(keep)} from {join.dataset}."
    edges.append({"source": right, "target": picked})
    right = picked
    if join.renamed:
        renamed = node_id(f"{join.dataset}_names", taken)
        nodes.append({"id": renamed, "kind": "rename", "columns": dict(join.renamed)})
        pairs = [f"{old} to {new}" for old, new in join.renamed.items()]
        explanations[renamed] = f"Rename {_listing(pairs)} so they do not clash with {plan.dataset}."
        edges.append({"source": right, "target": renamed})
        right = renamed
    joined = node_id(f"with_{join.dataset}", taken)
    spec: dict[str, Any] = {"id": joined, "kind": "join", "how": join.how}
    if join.right_key and join.right_key != join.key:
        spec.update(left_on=[join.key], right_on=[join.right_key])
    else:
        spec["on"] = [join.key]
    nodes.append(spec)
    explanations[joined] = join.reason or f"Join {join.dataset} on {join.key} ({join.how} join)."
    edges.append({"source": current, "target": joined, "port": "left"})
    edges.append({"source": right, "target": joined, "port": "right"})
    return joined


def _bridged(
    join: Join,
    right: str,
    taken: set[str],
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    explanations: dict[str, str],
) -> str:
    """The rows of `join.through` that match the (tested) rows of `join.dataset`: what the base is matched with."""
    assert join.through is not None and join.through_key is not None
    picked = node_id(f"{join.dataset}_keys", taken)
    nodes.append({"id": picked, "kind": "select", "columns": [join.through_key]})
    explanations[picked] = f"Take {join.through_key} from {join.dataset}."
    edges.append({"source": right, "target": picked})
    bridge = node_id(join.through, taken)
    nodes.append({"id": bridge, "kind": "source", "dataset": join.through})
    explanations[bridge] = f"Read dataset {join.through}."
    if join.through_filters:
        tested = node_id(f"{join.through}_rows", taken)
        nodes.append({"id": tested, "kind": "filter", "condition": combine(join.through_filters)})
        explanations[tested] = f"Keep {join.through} rows where {describe(join.through_filters)}."
        edges.append({"source": bridge, "target": tested})
        bridge = tested
    linked = node_id(f"{join.through}_of_{join.dataset}", taken)
    nodes.append({"id": linked, "kind": "join", "how": "semi", "on": [join.through_key]})
    explanations[linked] = f"Keep the {join.through} rows whose {join.through_key} is among those {join.dataset}."
    edges.append({"source": bridge, "target": linked, "port": "left"})
    edges.append({"source": picked, "target": linked, "port": "right"})
    return linked


def _append(
    chain: NodeList,
    current: str,
    taken: set[str],
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    explanations: dict[str, str],
) -> str:
    """Each step of `chain` as a node reading the one before, from `current` on; the last one's id."""
    for spec, explanation in chain:
        spec = dict(spec)
        spec["id"] = node_id(spec["id"], taken)
        nodes.append({"id": spec.pop("id"), **spec})
        explanations[nodes[-1]["id"]] = explanation
        edges.append({"source": current, "target": nodes[-1]["id"]})
        current = nodes[-1]["id"]
    return current


def build(plan: Plan) -> tuple[dict[str, Any], dict[str, str]]:
    """The definition and an explanation per node."""
    taken: set[str] = set()
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    explanations: dict[str, str] = {}
    current = node_id(plan.dataset, taken)
    nodes.append({"id": current, "kind": "source", "dataset": plan.dataset})
    explanations[current] = f"Read dataset {plan.dataset}."
    for join in plan.joins:
        current = _join(plan, join, current, taken, nodes, edges, explanations)
    chain = _steps(plan)
    if plan.lookups:
        current = _append(chain, current, taken, nodes, edges, explanations)
        for join in plan.lookups:
            current = _join(plan, join, current, taken, nodes, edges, explanations)
        chain = _sorted(plan)  # a join keeps no order: sort the summary's rows again
    _append([*chain, *_shaping(plan)], current, taken, nodes, edges, explanations)
    return {"schema_version": 1, "nodes": nodes, "edges": edges}, explanations
