"""What planners produce: a draft DAG with an explanation per node, and what they did not understand."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from datalinx.core.mapping.schemas import MappingPlan
from datalinx.core.pipelines.problems import Problem


class Draft(BaseModel):
    """A drafter's answer to one request: a definition (or none), why each node is there, and what it left out.

    A drafter that cannot map part of the request says so in `not_understood` instead of guessing; a draft with
    anything in `not_understood` is not run as if it answered the request.
    """

    definition: dict[str, Any] | None = Field(default=None, description="A PipelineDefinition as JSON.")
    explanations: dict[str, str] = Field(default_factory=dict, description="Node id -> one sentence.")
    not_understood: list[str] = Field(default_factory=list, description="Parts of the request left unmapped.")
    assumptions: list[str] = Field(default_factory=list, description="Choices made, e.g. 'Germany' read as 'DE'.")


class DryRunSummary(BaseModel):
    """What the dry run of a plan showed: rows out of each node, first rows reaching each end, output columns."""

    run_id: str | None = None
    status: str
    rows: dict[str, int | None] = Field(default_factory=dict, description="Node id -> rows out of it.")
    previews: dict[str, list[dict[str, Any]]] = Field(default_factory=dict)
    columns: dict[str, dict[str, str]] = Field(default_factory=dict, description="Node id -> output columns.")
    note: str | None = None


PlanStatus = Literal["planned", "partial", "not_understood", "invalid", "saved", "running", "discarded"]


class PlanResult(BaseModel):
    """One turn of a planning conversation: the plan as it stands and what happens next."""

    conversation_id: str
    status: PlanStatus
    message: str = Field(description="What the planner says to the user, in plain words.")
    definition: dict[str, Any] | None = None
    explanations: dict[str, str] = Field(default_factory=dict)
    not_understood: list[str] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    drafter: str = Field(description="offline or llm")
    attempts: int = Field(default=0, description="Drafts made this turn (repairs included).")
    dry_run: DryRunSummary | None = None
    pipeline_id: str | None = None
    run_id: str | None = Field(default=None, description="The real run started when the plan was approved to run.")
    job_id: str | None = None


class MappingResult(BaseModel):
    """A mapping plan for a source onto a target, the pipeline it compiles to, and what is left to decide."""

    plan: MappingPlan
    definition: dict[str, Any] | None = Field(default=None, description="The plan as a pipeline definition.")
    problems: list[Problem] = Field(default_factory=list, description="Why the compiled pipeline does not validate.")
    suggested_by_model: list[str] = Field(default_factory=list, description="Target fields the LLM filled.")
    pipeline_id: str | None = Field(default=None, description="The saved pipeline, when `save_as` was given.")
    drafter: str
    message: str
