"""Sources resolved for a run: what each source node reads, and turning each into a Parquet file on the worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from datalinx.core.connections import connectors
from datalinx.core.connections.schemas import ConnectionSpec
from datalinx.core.errors import Invalid
from datalinx.core.pipelines import dbt
from datalinx.core.pipelines.runner import file_schema
from datalinx.core.pipelines.sql import logical_type
from datalinx.core.pipelines.types import Schema
from datalinx.dao import warehouse


class ResolvedSource(BaseModel):
    """A source node as the control plane resolved it: a dataset version's file, a connection, or a warehouse table."""

    model_config = ConfigDict(extra="forbid")

    node: str
    dataset_id: str | None = None
    dataset_version: int | None = None
    path: str | None = None
    connection_id: str | None = None
    connection: ConnectionSpec | None = None
    secret_id: str | None = None
    table: str | None = None
    table_schema: str | None = None
    query: str | None = None
    warehouse_table: str | None = None


def prepare(
    source: ResolvedSource,
    *,
    resolve: Callable[[str], Path],
    secret: Callable[[str], str],
    work: Path,
    warehouse_db: Path,
    max_rows: int | None,
) -> Path:
    """The source as a Parquet file: a dataset's own file, or a connection's or warehouse table's rows copied."""
    if source.path is not None:
        path = resolve(source.path)
        if not path.is_file():
            raise Invalid(f"the file of source '{source.node}' is missing: {source.path}", field="definition")
        return path
    target = work / "sources" / f"{source.node}.parquet"
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.connection is not None:
        password = secret(source.secret_id) if source.secret_id else None
        connectors.export_to_parquet(
            source.connection,
            password,
            table=source.table,
            schema=source.table_schema,
            query=source.query,
            target=target,
            max_rows=max_rows,
        )
        return target
    assert source.warehouse_table is not None
    if warehouse.table_types(warehouse_db, source.warehouse_table) is None:
        raise Invalid(f"the warehouse has no table '{source.warehouse_table}'", field="definition")
    warehouse.export_table(warehouse_db, source.warehouse_table, target, limit=max_rows)
    return target


def warehouse_schema(warehouse_db: Path, table: str) -> Schema | None:
    """A warehouse table's logical schema, or None when it does not exist."""
    types = warehouse.table_types(warehouse_db, table)
    return None if types is None else {name: logical_type(kind) for name, kind in types}


class FileCatalog:
    """The catalog a worker validates against: sources already turned into files, the workspace's dbt project."""

    def __init__(self, files: dict[str, Path], dbt_project: Path) -> None:
        self.files = files
        self.dbt_project = dbt_project

    def source_schema(self, node: Any) -> Schema:
        return file_schema(self.files[node.id])

    def dbt_models(self) -> set[str]:
        return set(dbt.list_models(self.dbt_project))

    def dataset_exists(self, name: str) -> bool:
        return False  # the control plane checked before queueing, and checks again when publishing

    def warehouse_schema(self, table: str) -> Schema | None:
        return None  # publishing checks it, and knows a re-run's own earlier write
