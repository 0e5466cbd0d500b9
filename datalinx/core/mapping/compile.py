"""Compile an accepted mapping plan into a pipeline: derive the target's values, keep them, give them its types."""

from __future__ import annotations

import itertools
from typing import Any, Literal

from pydantic import ValidationError

from datalinx.core.errors import Invalid
from datalinx.core.mapping.schemas import MappingPlan
from datalinx.core.mapping.transforms import ref
from datalinx.core.pipelines.dag import PipelineDefinition

TEMPORARY = "_mapped_{index}"


def _node_id(wanted: str, taken: set[str]) -> str:
    node_id = wanted
    for suffix in itertools.count(2):
        if node_id not in taken:
            break
        node_id = f"{wanted}_{suffix}"
    taken.add(node_id)
    return node_id


def _values(plan: MappingPlan) -> dict[str, str]:
    """Each target field's expression in target order; null for fields left unmapped (refused when required)."""
    values = {}
    for field in plan.target.fields:
        mapping = plan.mapping(field.name)
        if mapping is None and field.required:
            raise Invalid(f"the target field '{field.name}' is required but has no mapping", field="mappings")
        values[field.name] = mapping.expression if mapping is not None else "null"
    return values


def _in_place(plan: MappingPlan, values: dict[str, str]) -> bool:
    """Whether the targets can be derived under their own names: none overwrites a column a later one reads.

    Names are compared without case: DuckDB reads `Gender` and `gender` as one column.
    """
    source_columns = {s for m in plan.mappings for s in m.sources} | set(plan.unused_sources)
    folded = {s.lower(): s for s in source_columns}
    overwritten: set[str] = set()
    for name, expression in values.items():
        mapping = plan.mapping(name)
        if mapping is not None and overwritten & {s.lower() for s in mapping.sources}:
            return False
        if folded.get(name.lower(), name) != name:
            return False
        if name in source_columns and expression != ref(name):
            overwritten.add(name.lower())
    return True


def _source(source_node: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(source_node, dict) or source_node.get("kind") != "source":
        raise Invalid("source_node is a pipeline node of kind 'source'", field="source_node")
    return {"id": "source", **source_node}


def to_pipeline(
    plan: MappingPlan,
    *,
    source_node: dict[str, Any],
    output: dict[str, Any] | None = None,
    on_error: Literal["fail", "null"] = "null",
) -> dict[str, Any]:
    """A PipelineDefinition (as JSON) producing exactly the target's columns, in order, with the target's types.

    `on_error='null'` turns values that do not convert into nulls; 'fail' stops the run at the first one.
    """
    source = _source(source_node)
    taken = {source["id"]}
    values = _values(plan)
    types = {field.name: field.type.value for field in plan.target.fields}
    target = plan.target.name or "the target"
    nodes: list[dict[str, Any]] = [source]
    if _in_place(plan, values):
        derived = {name: expr for name, expr in values.items() if expr != ref(name)}
        kept, renames = list(values), {}
    else:
        temporary = {name: TEMPORARY.format(index=index) for index, name in enumerate(values)}
        derived = {temporary[name]: expr for name, expr in values.items()}
        kept, renames = list(temporary.values()), {tmp: name for name, tmp in temporary.items()}
    if derived:
        nodes.append(
            {"id": _node_id("map_values", taken), "kind": "derive", "columns": derived,
             "description": f"Compute the columns of {target} from {plan.source}."}
        )  # fmt: skip
    nodes.append(
        {"id": _node_id("keep_target_columns", taken), "kind": "select", "columns": kept,
         "description": f"Keep only the columns of {target}, in its order."}
    )  # fmt: skip
    if renames:
        nodes.append(
            {"id": _node_id("name_target_columns", taken), "kind": "rename", "columns": renames,
             "description": f"Give the columns the names {target} uses."}
        )  # fmt: skip
    nodes.append(
        {"id": _node_id("target_types", taken), "kind": "cast", "columns": types, "on_error": on_error,
         "description": f"Give every column the type {target} declares."}
    )  # fmt: skip
    if output is not None:
        if not isinstance(output, dict):
            raise Invalid("output is a sink node such as {'kind': 'sink_dataset', 'dataset': 'name'}", field="output")
        nodes.append({**output, "id": output.get("id") or _node_id("save", taken)})
    definition = {
        "nodes": nodes,
        "edges": [{"source": a["id"], "target": b["id"]} for a, b in itertools.pairwise(nodes)],
    }
    try:
        PipelineDefinition.model_validate(definition)
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        raise Invalid(f"the compiled pipeline is not valid at {where}: {problem['msg']}", field="output") from None
    return definition
