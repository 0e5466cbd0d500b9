"""Validation before anything runs: the DAG's shape, then each node's schema in order; all problems at once."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any, Protocol

from datalinx.core.errors import DatalinxError
from datalinx.core.pipelines import node_schemas
from datalinx.core.pipelines.dag import SINK_KINDS, Edge, PipelineDefinition, arity
from datalinx.core.pipelines.problems import InvalidPipeline, Problem, did_you_mean
from datalinx.core.pipelines.types import Schema

PASS_THROUGH = frozenset({"filter", "sort", "limit", "sample", "deduplicate", "quality_gate", *SINK_KINDS})


class Catalog(Protocol):
    """What validation needs to know about the workspace: source schemas, dbt models, existing outputs."""

    def source_schema(self, node: Any) -> Schema:
        """The columns a source node reads; raises a DatalinxError when it cannot be read."""
        ...

    def dbt_models(self) -> set[str]:
        """Names of the models in the workspace's dbt project."""
        ...

    def dataset_exists(self, name: str) -> bool:
        """Whether the workspace has a dataset of that name."""
        ...

    def warehouse_schema(self, table: str) -> Schema | None:
        """Columns of a table of the workspace warehouse, or None when there is no such table."""
        ...


@dataclass
class Reporter:
    """Collects one node's problems; a node with any has no output schema, and nothing downstream is checked."""

    node: str | None
    problems: list[Problem] = field(default_factory=list)

    def problem(
        self, message: str, *, field: str | None = None, column: str | None = None, suggestion: str | None = None
    ) -> None:
        self.problems.append(
            Problem(node=self.node, field=field, column=column, message=message, suggestion=suggestion)
        )

    def column(self, name: str, schema: Schema, *, field: str, side: str = "input") -> bool:
        """Whether `name` is a column of `schema`; reports it (with the closest name) when not."""
        if name in schema:
            return True
        self.problem(
            f"unknown column '{name}' in the {side}", field=field, column=name, suggestion=did_you_mean(name, schema)
        )
        return False

    def columns(self, names: list[str], schema: Schema, *, field: str, side: str = "input") -> bool:
        return all([self.column(name, schema, field=field, side=side) for name in names])


@dataclass
class Validation:
    """The outcome: problems (empty when valid), warnings, the order nodes run in and each node's output schema."""

    problems: list[Problem]
    warnings: list[Problem]
    order: list[str]
    schemas: dict[str, Schema | None]

    @property
    def valid(self) -> bool:
        return not self.problems

    def raise_for_problems(self) -> None:
        if self.problems:
            raise InvalidPipeline(self.problems)


def _structure(definition: PipelineDefinition, report: Reporter) -> tuple[dict[str, list[Edge]], set[str]]:
    """Unique ids, edges between existing nodes, inputs within each kind's arity; also the nodes found broken."""
    ids = [n.id for n in definition.nodes]
    seen: set[str] = set()
    broken: set[str] = set()
    for node_id in ids:
        if node_id in seen:
            report.problem(f"two nodes have the id '{node_id}'; ids must be unique", field="nodes")
            broken.add(node_id)
        seen.add(node_id)
    known = set(ids)
    inputs: dict[str, list[Edge]] = {node_id: [] for node_id in ids}
    for index, edge in enumerate(definition.edges):
        dangling = [end for end in (edge.source, edge.target) if end not in known]
        for end in dangling:
            report.problem(
                f"edge {edge.source} -> {edge.target} names the node '{end}', which does not exist",
                field=f"edges[{index}]",
                suggestion=did_you_mean(end, known),
            )
        if edge.source == edge.target and not dangling:
            report.problem(f"edge {edge.source} -> {edge.target} feeds a node into itself", field=f"edges[{index}]")
        if not dangling:
            inputs[edge.target].append(edge)
    for node in definition.nodes:
        fewest, most = arity(node.kind)
        count = len(inputs.get(node.id, []))
        if count < fewest or (most is not None and count > most):
            wanted = (
                f"exactly {fewest}" if fewest == most else f"at least {fewest}" if most is None else f"{fewest}-{most}"
            )
            Reporter(node.id, report.problems).problem(
                f"a {node.kind} node takes {wanted} input{'s' if most != 1 else ''}, it has {count}", field="edges"
            )
            broken.add(node.id)
        if node.kind in SINK_KINDS and any(e.source == node.id for e in definition.edges):
            Reporter(node.id, report.problems).problem(
                "a sink is an end point; nothing may read from it", field="edges"
            )
    return inputs, broken


def _topological(definition: PipelineDefinition, inputs: dict[str, list[Edge]], report: Reporter) -> list[str]:
    """Nodes in an order where each comes after its inputs; a cycle is reported with the nodes on it."""
    pending = {node_id: len({e.source for e in edges}) for node_id, edges in inputs.items()}
    readers: dict[str, list[str]] = {node_id: [] for node_id in inputs}
    for node_id, edges in inputs.items():
        for source in {e.source for e in edges}:
            readers[source].append(node_id)
    ready = deque(n.id for n in definition.nodes if pending.get(n.id) == 0)
    order: list[str] = []
    while ready:
        node_id = ready.popleft()
        if node_id in order:
            continue
        order.append(node_id)
        for reader in readers[node_id]:
            pending[reader] -= 1
            if pending[reader] == 0:
                ready.append(reader)
    stuck = [n.id for n in definition.nodes if n.id not in order]
    if stuck:
        report.problem(f"the edges form a cycle through {', '.join(stuck)}; a pipeline must be acyclic", field="edges")
    return order


def _same_but_case(schema: Schema, report: Reporter) -> None:
    """SQL engines match names case-insensitively: two columns differing only in case would be confused."""
    seen: dict[str, str] = {}
    for name in schema:
        other = seen.setdefault(name.casefold(), name)
        if other != name:
            report.problem(
                f"columns '{other}' and '{name}' differ only in letter case, which SQL engines cannot tell apart",
                column=name,
                suggestion="give one of them another name",
            )


def validate(definition: PipelineDefinition, catalog: Catalog) -> Validation:
    """Check the whole definition and report every problem found, not just the first."""
    report = Reporter(None)
    warnings: list[Problem] = []
    inputs, broken = _structure(definition, report)
    schemas: dict[str, Schema | None] = {}
    ids = [n.id for n in definition.nodes]
    if len(set(ids)) != len(ids):  # edges would be ambiguous
        return Validation(report.problems, warnings, [], schemas)
    order = _topological(definition, inputs, report)
    if len(order) < len(definition.nodes):
        return Validation(report.problems, warnings, [], schemas)
    unknown_upstream: set[str] = set()
    for node_id in order:
        node = definition.node(node_id)
        edges = inputs[node_id]
        upstream = [(edge, schemas.get(edge.source)) for edge in edges]
        if node_id in broken or any(schema is None for _, schema in upstream):
            schemas[node_id] = None
            if any(edge.source in unknown_upstream for edge, _ in upstream):
                unknown_upstream.add(node_id)
            continue
        node_report = Reporter(node_id)
        try:
            schema = node_schemas.output_schema(
                node, [(e, s) for e, s in upstream if s is not None], catalog, node_report
            )
        except DatalinxError as exc:
            node_report.problem(exc.message, field=exc.field)
            schema = None
        if schema is not None:
            _same_but_case(schema, node_report)
        if node_report.problems:
            report.problems.extend(node_report.problems)
            # A step that passes its input through still tells what comes out, so later steps are checked too.
            schema = schema if node.kind in PASS_THROUGH else None
        elif schema is None:  # a dbt model: its columns are known once it has run
            unknown_upstream.add(node_id)
            warnings.append(
                Problem(node=node_id, message="columns after this node are checked when it runs (dbt decides them)")
            )
        schemas[node_id] = schema
    if not any(definition.node(n).kind in SINK_KINDS for n in order):
        warnings.append(Problem(message="no sink: a run would write nothing (a dry run still previews the result)"))
    return Validation(report.problems, warnings, order, schemas)
