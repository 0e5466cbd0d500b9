"""Models of pipelines, their versions and runs, as they cross between interfaces, managers and workers."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.problems import Problem
from datalinx.core.schemas import ListQuery

EngineName = Literal["polars", "duckdb"]


class PipelineCreate(BaseModel):
    """A new pipeline from a definition, from a template and its parameters, or from a request in plain words."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200, description="Required unless `prompt`.")
    description: str | None = Field(default=None, max_length=2000)
    definition: PipelineDefinition | None = None
    template: str | None = Field(
        default=None, description="Template id from the template list, instead of a definition."
    )
    parameters: dict[str, Any] = Field(default_factory=dict, description="The template's parameters.")
    prompt: str | None = Field(
        default=None, max_length=5000, description="What the pipeline should do, in plain words: the planner drafts it."
    )
    save: bool = Field(default=False, description="With `prompt`: save the plan when it is complete and valid.")

    @model_validator(mode="after")
    def _one_source(self) -> PipelineCreate:
        given = [f for f in ("definition", "template", "prompt") if getattr(self, f) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of `definition`, `template` or `prompt`")
        if self.parameters and self.template is None:
            raise ValueError("`parameters` belong to a template")
        if self.prompt is None and self.name is None:
            raise ValueError("`name` is required with a definition or a template")
        if self.save and self.prompt is None:
            raise ValueError("`save` belongs to a `prompt`")
        return self


class PipelineUpdate(BaseModel):
    """A change: a new definition makes a new version; name and description change in place."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    definition: PipelineDefinition | None = None


class PipelineRead(BaseModel):
    """A pipeline with its current (or asked-for) version's definition."""

    id: str
    name: str
    description: str | None
    version: int = Field(description="Version of the definition shown.")
    current_version: int
    definition: dict[str, Any] = Field(description="Nodes and edges; the model is in GET /v1/pipelines/schema.")
    template: str | None = None
    created_by: str | None
    created_at: datetime
    updated_at: datetime


class PipelineQuery(ListQuery):
    name: str | None = Field(default=None, description="Substring of the pipeline name.")


class ValidationReport(BaseModel):
    """What validation found: problems (none when valid), warnings, the run order and each node's columns."""

    valid: bool
    problems: list[Problem]
    warnings: list[Problem]
    order: list[str]
    schemas: dict[str, dict[str, str] | None] = Field(description="Output columns and types per node.")
    sql: str | None = Field(default=None, description="The DAG compiled to DuckDB SQL views, when valid.")


class RunRequest(BaseModel):
    """Options of a run or dry run."""

    model_config = ConfigDict(extra="forbid")

    version: int | None = Field(default=None, ge=1, description="Pipeline version; the current one when absent.")
    engine: EngineName = Field(default="polars", description="Engine that runs the relational steps.")
    sample_rows: int = Field(default=1000, ge=1, le=100_000, description="Dry runs: rows read from each source.")
    idempotency_key: str | None = Field(default=None, max_length=200)


class NodeStats(BaseModel):
    node: str
    kind: str
    rows: int | None = Field(default=None, description="Rows out of the node (dry runs).")
    columns: dict[str, str] = Field(default_factory=dict)


class GateResult(BaseModel):
    node: str
    passed: bool
    score: float | None = None
    dimensions: dict[str, float] = Field(default_factory=dict)
    reasons: list[str] = Field(default_factory=list, description="Why the gate failed.")


class OutputFile(BaseModel):
    """An output a run wrote into its job folder, before the control plane publishes it."""

    node: str
    kind: str
    path: str = Field(description="Relative to the job folder.")
    rows: int


class RunReport(BaseModel):
    """What a run or dry run did, node by node."""

    engine: str = "polars"
    dry_run: bool = False
    nodes: list[NodeStats] = Field(default_factory=list)
    gates: list[GateResult] = Field(default_factory=list)
    previews: dict[str, list[dict[str, Any]]] = Field(default_factory=dict, description="First rows per sink.")
    sinks: dict[str, dict[str, str]] = Field(default_factory=dict, description="Output schema per sink (dry runs).")
    outputs: list[OutputFile] = Field(default_factory=list)


class RunOutput(BaseModel):
    """One published output of a run."""

    node: str
    kind: str
    rows: int
    dataset_id: str | None = None
    dataset_version: int | None = None
    table: str | None = None
    file_name: str | None = None
    download_url: str | None = Field(default=None, description="GET it with the same credentials.")


class RunRead(BaseModel):
    """A run or dry run: its job, the version it ran, and once done its report and outputs."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    pipeline_id: str | None = Field(description="None for the dry run of a draft that was never saved.")
    version: int = Field(description="Pipeline version run; 0 for a draft.")
    kind: Literal["run", "dry_run"]
    engine: str
    status: str
    job_id: str | None
    progress: float | None = None
    progress_message: str | None = None
    report: RunReport | None = None
    outputs: list[RunOutput] = Field(default_factory=list)
    error: str | None = None
    created_by: str | None = None
    created_at: datetime
    finished_at: datetime | None = None


class RunQuery(ListQuery):
    kind: Literal["run", "dry_run"] | None = None
    status: str | None = None


class TemplateParameter(BaseModel):
    name: str
    description: str
    default: Any = None
    required: bool = False


class TemplateRead(BaseModel):
    """A starter pipeline: what it does, its parameters, and the definition it makes with the defaults."""

    id: str
    name: str
    description: str
    parameters: list[TemplateParameter]
    example: dict[str, Any] = Field(description="The definition the defaults make.")


class NodeKindDoc(BaseModel):
    kind: str
    description: str
    inputs: str
    example: dict[str, Any]


class PipelineSchema(BaseModel):
    """The DAG model as JSON schema, and each node kind with one example."""

    schema_version: int
    json_schema: dict[str, Any]
    node_kinds: list[NodeKindDoc]
    expression_help: str
