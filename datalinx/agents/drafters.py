"""The draft step of the planner graph: the offline planner, or an LLM asked for a definition as structured output."""

from __future__ import annotations

import json
from typing import Any, Protocol

from pydantic import BaseModel, Field
from pydantic_ai import Agent
from pydantic_ai.models import Model

from datalinx.agents.schemas import Draft
from datalinx.core.datasets.facts import CatalogView
from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.docs import EXAMPLES, EXPRESSION_HELP
from datalinx.core.pipelines.problems import Problem

TOP_VALUES_SHOWN = 8


class Drafter(Protocol):
    """Turns a request (and, on a repair, the last draft's problems) into a Draft."""

    name: str
    can_repair: bool

    def draft(
        self, request: str, catalog: CatalogView, previous: dict[str, Any] | None, problems: list[Problem]
    ) -> Draft: ...


class OfflineDrafter:
    """The deterministic planner: the same request gives the same plan, and it says what it did not understand."""

    name = "offline"
    can_repair = False

    def draft(
        self, request: str, catalog: CatalogView, previous: dict[str, Any] | None, problems: list[Problem]
    ) -> Draft:
        from datalinx.agents import offline

        return offline.draft(request, catalog, previous)


class LlmDraft(BaseModel):
    """What the model must answer with: a definition in the pipeline model, and its reasons."""

    definition: PipelineDefinition
    explanations: dict[str, str] = Field(default_factory=dict, description="Node id -> one sentence for the user.")
    not_understood: list[str] = Field(
        default_factory=list, description="Parts of the request you could not express; never guess instead."
    )
    assumptions: list[str] = Field(default_factory=list, description="Choices you made, e.g. a value you matched.")


INSTRUCTIONS = f"""You turn a data team's request into a pipeline definition for Datalinx.
A definition has `nodes` (each with a unique `id` and a `kind`) and `edges` (source -> target; joins take two
edges with port 'left' and 'right'). Start from `source` nodes reading datasets of the catalog, by name. Use only
columns that exist at that point of the DAG, with their real names. Add a sink only if the user asks to save
or export. Explain each node in one sentence. If part of the request cannot be expressed, list it in
not_understood instead of guessing. {EXPRESSION_HELP}
Node kinds with an example each: {json.dumps(EXAMPLES, separators=(",", ":"))}"""


def describe_catalog(catalog: CatalogView) -> str:
    """The catalog in few words: datasets, rows, columns with types and their common values."""
    lines = []
    for dataset in catalog.datasets:
        columns = []
        for column in dataset.columns:
            values = f" e.g. {column.top_values[:TOP_VALUES_SHOWN]}" if column.top_values else ""
            columns.append(f"{column.name} ({column.type}){values}")
        lines.append(f"- {dataset.name} ({dataset.rows} rows): " + "; ".join(columns))
    return "\n".join(lines) or "(the workspace has no datasets)"


def prompt(request: str, catalog: CatalogView, previous: dict[str, Any] | None, problems: list[Problem]) -> str:
    """The user message: catalog, request, the plan being edited, and what was wrong with the last draft."""
    parts = [f"Catalog:\n{describe_catalog(catalog)}", f"Request: {request}"]
    if previous is not None:
        parts.append(f"Edit this current plan to satisfy the request:\n{json.dumps(previous)}")
    if problems:
        listed = "\n".join(f"- {p.text()}" for p in problems)
        parts.append(f"Your last draft did not validate. Fix every one of these problems:\n{listed}")
    return "\n\n".join(parts)


class LlmDrafter:
    """Asks an OpenAI-compatible model for structured output in the pipeline model; validation errors come back."""

    name = "llm"
    can_repair = True

    def __init__(self, model: Model) -> None:
        self.agent = Agent(model, output_type=LlmDraft, instructions=INSTRUCTIONS, retries=2)

    def draft(
        self, request: str, catalog: CatalogView, previous: dict[str, Any] | None, problems: list[Problem]
    ) -> Draft:
        answer = self.agent.run_sync(prompt(request, catalog, previous, problems)).output
        return Draft(
            definition=answer.definition.model_dump(mode="json", exclude_none=True),
            explanations=answer.explanations,
            not_understood=answer.not_understood,
            assumptions=answer.assumptions,
        )
