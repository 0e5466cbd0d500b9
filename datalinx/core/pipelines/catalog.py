"""The workspace as validation sees it from the control plane: datasets, connections, warehouse and dbt models."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from datalinx.core.connections import manager as connections
from datalinx.core.context import Call
from datalinx.core.datasets import manager as datasets
from datalinx.core.errors import Invalid
from datalinx.core.pipelines import dbt
from datalinx.core.pipelines.dag import SourceNode
from datalinx.core.pipelines.runner import file_schema
from datalinx.core.pipelines.sources import ResolvedSource, warehouse_schema
from datalinx.core.pipelines.types import Schema, of_name
from datalinx.dao import datasets as datasets_dao
from datalinx.dao import files

PROBE_ROWS = 200


class WorkspaceCatalog:
    """Answers validation's questions for the caller's workspace, and resolves sources for a run."""

    def __init__(self, call: Call) -> None:
        self.call = call
        self.home = call.runtime.settings.home
        self.scope = call.scope
        self._schemas: dict[str, Schema] = {}
        self.resolved: dict[str, ResolvedSource] = {}

    @property
    def warehouse_db(self) -> Path:
        return files.warehouse_file(self.home, self.scope)

    def source_schema(self, node: Any) -> Schema:
        if node.id not in self._schemas:
            self._schemas[node.id] = self._read(node)
        return self._schemas[node.id]

    def _read(self, node: SourceNode) -> Schema:
        if node.dataset is not None:
            dataset, version, _ = datasets.version_path(self.call, node.dataset, node.version)
            self.resolved[node.id] = ResolvedSource(
                node=node.id, dataset_id=dataset.id, dataset_version=version.version, path=version.path
            )
            return {column["name"]: of_name(column["dtype"]) for column in version.columns}
        if node.connection is not None:
            with tempfile.TemporaryDirectory() as folder:
                probe = Path(folder) / "probe.parquet"
                found = connections.sample_rows(
                    self.call,
                    node.connection,
                    table=node.table,
                    schema=node.table_schema,
                    query=node.query,
                    target=probe,
                    max_rows=PROBE_ROWS,
                )
                schema = file_schema(probe)
            self.resolved[node.id] = ResolvedSource(
                node=node.id,
                connection_id=found.id,
                connection=found.spec,
                secret_id=found.secret_id,
                table=node.table,
                table_schema=node.table_schema,
                query=node.query,
            )
            return schema
        assert node.warehouse_table is not None
        schema = warehouse_schema(self.warehouse_db, node.warehouse_table)
        if schema is None:
            raise Invalid(f"the workspace warehouse has no table '{node.warehouse_table}'", field="warehouse_table")
        self.resolved[node.id] = ResolvedSource(node=node.id, warehouse_table=node.warehouse_table)
        return schema

    def dbt_models(self) -> set[str]:
        return set(dbt.list_models(files.dbt_project_dir(self.home, self.scope)))

    def dataset_exists(self, name: str) -> bool:
        return datasets_dao.find(self.call.session, self.scope, name) is not None

    def warehouse_schema(self, table: str) -> Schema | None:
        return warehouse_schema(self.warehouse_db, table)
