"""A plan as a PipelineDefinition: one chain of nodes in a fixed order, each with a one-sentence explanation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
        if plan.fill_groups:
            fill["partition_by"] = plan.fill_groups
        described = [f"{c} with {_fill_text(s)}" for c, s in plan.fills.items()]
        within = f" within each {_listing(plan.fill_groups)}" if plan.fill_groups else ""
        steps.append((fill, f"Fill missing {_listing(described)}{within}."))
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


@dataclass
class _Graph:
    """The definition being built: nodes with unique ids, the edges between them, and a sentence per node."""

    taken: set[str] = field(default_factory=set)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    explanations: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, spec: dict[str, Any], explanation: str, *inputs: str) -> str:
        """A node named after `name` (made unique) reading `inputs` in order (a join's left, then right); its id."""
        node = node_id(name, self.taken)
        self.nodes.append({"id": node, **spec})
        self.explanations[node] = explanation
        ports = ("left", "right") if len(inputs) == 2 else (None,) * len(inputs)
        for source, port in zip(inputs, ports, strict=True):
            self.edges.append({"source": source, "target": node, **({"port": port} if port else {})})
        return node

    def source(self, dataset: str) -> str:
        return self.add(dataset, {"kind": "source", "dataset": dataset}, f"Read dataset {dataset}.")

    def tested(self, dataset: str, filters: list[Any], current: str) -> str:
        """`current` with only the rows of `dataset` that pass `filters` (itself when there are none)."""
        if not filters:
            return current
        condition = {"kind": "filter", "condition": combine(filters)}
        return self.add(f"{dataset}_rows", condition, f"Keep {dataset} rows where {describe(filters)}.", current)


def _join(plan: Plan, join: Join, current: str, graph: _Graph) -> str:
    """The nodes joining `join`'s dataset (its columns picked, clashing names renamed) to `current`; the join's id."""
    right = graph.source(join.dataset)
    if join.summary is not None:
        function, column = join.summary
        by = join.right_key or join.key
        if column is None:  # 'orders of customers with more than 3 orders': each key's rows counted
            aggregation, explanation = {"function": "count", "alias": "count"}, f"Count the rows of each {by}."
        else:
            aggregation = {"function": function, "column": column, "alias": column}
            word = {"min": "earliest", "max": "latest"}.get(function, function)
            explanation = f"Take the {word} {column} of each {by} in {join.dataset}."
        spec: dict[str, Any] = {"kind": "aggregate", "group_by": [by], "aggregations": [aggregation]}
        right = graph.add(f"{join.dataset}_{function}", spec, explanation, right)
    right = graph.tested(join.dataset, join.filters, right)
    if join.through is not None and join.through_key is not None:
        right = _bridged(join, right, graph)
    key = join.right_key or join.key
    keep = [key, *(c for c in join.columns if c != key)]
    spec = {"kind": "select", "columns": keep}
    right = graph.add(f"{join.dataset}_columns", spec, f"Take {_listing(keep)} from {join.dataset}.", right)
    if join.renamed:
        pairs = [f"{old} to {new}" for old, new in join.renamed.items()]
        explanation = f"Rename {_listing(pairs)} so they do not clash with {plan.dataset}."
        spec = {"kind": "rename", "columns": dict(join.renamed)}
        right = graph.add(f"{join.dataset}_names", spec, explanation, right)
    spec = {"kind": "join", "how": join.how}
    if join.right_key and join.right_key != join.key:
        spec.update(left_on=[join.key], right_on=[join.right_key])
    else:
        spec["on"] = [join.key]
    explanation = join.reason or f"Join {join.dataset} on {join.key} ({join.how} join)."
    return graph.add(f"with_{join.dataset}", spec, explanation, current, right)


def _bridged(join: Join, right: str, graph: _Graph) -> str:
    """The rows of `join.through` that match the (tested) rows of `join.dataset`: what the base is matched with."""
    assert join.through is not None and join.through_key is not None
    keys = {"kind": "select", "columns": [join.through_key]}
    picked = graph.add(f"{join.dataset}_keys", keys, f"Take {join.through_key} from {join.dataset}.", right)
    bridge = graph.tested(join.through, join.through_filters, graph.source(join.through))
    spec = {"kind": "join", "how": "semi", "on": [join.through_key]}
    explanation = f"Keep the {join.through} rows whose {join.through_key} is among those {join.dataset}."
    return graph.add(f"{join.through}_of_{join.dataset}", spec, explanation, bridge, picked)


def _append(chain: NodeList, current: str, graph: _Graph) -> str:
    """Each step of `chain` as a node reading the one before, from `current` on; the last one's id."""
    for spec, explanation in chain:
        step = dict(spec)
        current = graph.add(step.pop("id"), step, explanation, current)
    return current


def build(plan: Plan) -> tuple[dict[str, Any], dict[str, str]]:
    """The definition and an explanation per node."""
    graph = _Graph()
    current = graph.source(plan.dataset)
    for join in plan.joins:
        current = _join(plan, join, current, graph)
    chain = _steps(plan)
    if plan.lookups:
        current = _append(chain, current, graph)
        for join in plan.lookups:
            current = _join(plan, join, current, graph)
        chain = _sorted(plan)  # a join keeps no order: sort the summary's rows again
    _append([*chain, *_shaping(plan)], current, graph)
    return {"schema_version": 1, "nodes": graph.nodes, "edges": graph.edges}, graph.explanations
