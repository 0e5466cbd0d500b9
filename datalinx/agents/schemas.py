"""What planners produce: a draft DAG with an explanation per node, and what they did not understand."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Draft(BaseModel):
    """A drafter's answer to one request: a definition (or none), why each node is there, and what it left out.

    A drafter that cannot map part of the request says so in `not_understood` instead of guessing; a draft with
    anything in `not_understood` is not run as if it answered the request.
    """

    definition: dict[str, Any] | None = Field(default=None, description="A PipelineDefinition as JSON.")
    explanations: dict[str, str] = Field(default_factory=dict, description="Node id -> one sentence.")
    not_understood: list[str] = Field(default_factory=list, description="Parts of the request left unmapped.")
    assumptions: list[str] = Field(default_factory=list, description="Choices made, e.g. 'Germany' read as 'DE'.")
