"""Mappings in a workspace: read a source's facts and a target's schema, and compile a plan into a pipeline."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from datalinx.core.auth.permissions import Permission
from datalinx.core.connections import manager as connections
from datalinx.core.context import Call
from datalinx.core.datasets import manager as datasets
from datalinx.core.datasets.facts import DatasetFacts, facts_from_parquet
from datalinx.core.errors import Invalid
from datalinx.core.mapping.compile import to_pipeline
from datalinx.core.mapping.schemas import MappingPlan, TargetSchema, parse_target_schema, target_from_facts
from datalinx.core.pipelines import manager as pipelines
from datalinx.core.pipelines.dag import IDENTIFIER, PipelineDefinition
from datalinx.core.pipelines.schemas import ValidationReport
from datalinx.dao import files, warehouse

SAMPLE_ROWS = 5000


class TableRef(BaseModel):
    """A dataset, a connection's table, or a table of the workspace warehouse."""

    model_config = ConfigDict(extra="forbid")

    dataset: str | None = Field(default=None, description="Dataset id or name.")
    version: int | None = Field(default=None, ge=1)
    connection: str | None = Field(default=None, description="Connection id or name (with `table`).")
    table: str | None = None
    table_schema: str | None = None
    warehouse_table: str | None = Field(default=None, pattern=IDENTIFIER)

    @model_validator(mode="after")
    def _one(self) -> TableRef:
        if sum(x is not None for x in (self.dataset, self.connection, self.warehouse_table)) != 1:
            raise ValueError("name exactly one of `dataset`, `connection` (+ `table`) or `warehouse_table`")
        if self.connection is not None and self.table is None:
            raise ValueError("a connection needs the `table` to read")
        return self

    @property
    def label(self) -> str:
        return self.dataset or self.warehouse_table or f"{self.connection}.{self.table}"

    def source_node(self) -> dict[str, Any]:
        """The pipeline source node reading this table."""
        fields = self.model_dump(exclude_none=True)
        return {"id": "source", "kind": "source", **fields}


def facts(call: Call, ref: TableRef) -> DatasetFacts:
    """Columns, types and common values of a dataset or table (tables from a sample of their first rows)."""
    call.require(Permission.DATASET_READ)
    if ref.dataset is not None:
        return datasets.facts(call, ref.dataset, ref.version)
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "sample.parquet"
        if ref.connection is not None:
            connections.sample_rows(
                call, ref.connection, table=ref.table, schema=ref.table_schema, query=None, target=sample,
                max_rows=SAMPLE_ROWS,
            )  # fmt: skip
        else:
            database = files.warehouse_file(call.runtime.settings.home, call.scope)
            if warehouse.table_types(database, ref.warehouse_table or "") is None:
                raise Invalid(f"the workspace warehouse has no table '{ref.warehouse_table}'", field="warehouse_table")
            warehouse.export_table(database, ref.warehouse_table or "", sample, limit=SAMPLE_ROWS)
        return facts_from_parquet(ref.label, sample)


def target(call: Call, ref: TableRef | None, schema: dict[str, Any] | str | None) -> TargetSchema:
    """The target: a schema written as JSON, or the columns of a dataset or table."""
    call.require(Permission.PIPELINE_READ)  # a mapping plan is a pipeline in the making
    if (ref is None) == (schema is None):
        raise Invalid("give the target as a dataset or table, or as a schema written as JSON", field="target")
    if schema is not None:
        return parse_target_schema(schema)
    assert ref is not None
    return target_from_facts(facts(call, ref))


def compile_plan(
    call: Call, plan: MappingPlan, source: TableRef, *, output: str | None = None
) -> tuple[dict[str, Any], ValidationReport]:
    """The plan as a pipeline definition (writing dataset `output` when given), validated against the workspace."""
    call.require(Permission.PIPELINE_READ)
    sink = {"id": "save", "kind": "sink_dataset", "dataset": output} if output else None
    definition = to_pipeline(plan, source_node=source.source_node(), output=sink)
    report = pipelines.validate_pipeline(call, definition=PipelineDefinition.model_validate(definition))
    return definition, report
