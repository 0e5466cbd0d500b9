"""The planner checks its own draft with pipeline validation; a step that does not validate is taken out and said."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from datalinx.core.datasets.facts import CatalogView
from datalinx.core.errors import NotFound
from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.types import Schema
from datalinx.core.pipelines.validation import validate

ATTEMPTS = 6


class FactsCatalog:
    """Validation's view of a CatalogView: source schemas from the facts; no dbt models, no warehouse tables."""

    def __init__(self, catalog: CatalogView) -> None:
        self.catalog = catalog

    def source_schema(self, node: Any) -> Schema:
        facts = self.catalog.dataset(node.dataset) if node.dataset else None
        if facts is None:
            raise NotFound("dataset", str(node.dataset or node.warehouse_table or node.connection))
        return facts.schema_map

    def dbt_models(self) -> set[str]:
        return set()

    def dataset_exists(self, name: str) -> bool:
        return self.catalog.dataset(name) is not None

    def warehouse_schema(self, table: str) -> Schema | None:
        return None


def _without(definition: dict[str, Any], node: str) -> dict[str, Any]:
    """The chain with one single-input node taken out, its reader fed by its input."""
    inputs = [e for e in definition["edges"] if e["target"] == node]
    outputs = [e for e in definition["edges"] if e["source"] == node]
    edges = [e for e in definition["edges"] if node not in (e["source"], e["target"])]
    if len(inputs) == 1:
        edges += [{**e, "source": inputs[0]["source"]} for e in outputs]
    nodes = [n for n in definition["nodes"] if n["id"] != node]
    return {**definition, "nodes": nodes, "edges": edges}


def self_check(
    definition: dict[str, Any], explanations: dict[str, str], catalog: CatalogView
) -> tuple[dict[str, Any] | None, dict[str, str], list[str]]:
    """The definition with failing steps removed, their explanations dropped, and what was wrong with each."""
    problems: list[str] = []
    adapter = FactsCatalog(catalog)
    for _ in range(ATTEMPTS):
        try:
            model = PipelineDefinition.model_validate(definition)
        except ValidationError as error:
            problems.append(f"the draft is not a valid pipeline ({error.errors()[0]['msg']})")
            return None, {}, problems
        result = validate(model, adapter)
        if result.valid:
            return definition, {k: v for k, v in explanations.items() if k in result.order}, problems
        failing = next((p.node for p in result.problems if p.node), None)
        kinds = {n["id"]: n["kind"] for n in definition["nodes"]}
        problems.extend(
            f"{explanations.get(p.node or '', p.node or 'the pipeline')} ({p.message})"
            for p in result.problems
            if p.node == failing
        )
        if failing is None or kinds.get(failing) in ("source", "join"):
            return None, {}, problems
        definition = _without(definition, failing)
    return None, {}, problems
