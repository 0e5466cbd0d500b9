"""The workspace's dbt project: list, read, save and delete its models (SQL files run by `dbt_model` nodes)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call
from datalinx.core.errors import Conflict, Invalid, NotFound
from datalinx.core.jobs.context import write_atomic
from datalinx.core.pipelines import dbt
from datalinx.dao import files

MAX_MODEL_BYTES = 256 * 1024


class DbtModel(BaseModel):
    """One model: its name and SQL (Jinja allowed; inputs are `{{ source('pipeline', '<name>') }}`)."""

    name: str
    sql: str


class DbtModelWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sql: str = Field(min_length=1, max_length=MAX_MODEL_BYTES)


class DbtModelCreate(DbtModelWrite):
    name: str = Field(min_length=1, max_length=63, description="Model name: letters, digits, underscores.")


def _project(call: Call) -> Path:
    return files.dbt_project_dir(call.runtime.settings.home, call.scope)


def list_models(call: Call) -> list[str]:
    """Names of the models in the workspace's dbt project."""
    call.require(Permission.PIPELINE_READ)
    return dbt.list_models(_project(call))


def get_model(call: Call, name: str) -> DbtModel:
    """One model's SQL."""
    call.require(Permission.PIPELINE_READ)
    path = dbt.model_file(_project(call), name)
    if not path.is_file():
        raise NotFound("dbt model", name)
    return DbtModel(name=name, sql=path.read_text())


def create_model(call: Call, data: DbtModelCreate) -> DbtModel:
    """Add a model; pipelines run it through a `dbt_model` node."""
    call.require(Permission.PIPELINE_WRITE, resource_type="dbt_model", resource_id=data.name)
    if dbt.model_file(_project(call), data.name).is_file():
        raise Conflict(f"a dbt model named '{data.name}' exists; replace it with PUT", field="name")
    return _write(call, data.name, data)


def replace_model(call: Call, name: str, data: DbtModelWrite) -> DbtModel:
    """Replace an existing model's SQL."""
    call.require(Permission.PIPELINE_WRITE, resource_type="dbt_model", resource_id=name)
    if not dbt.model_file(_project(call), name).is_file():
        raise NotFound("dbt model", name)
    return _write(call, name, data)


def save_model(call: Call, name: str, data: DbtModelWrite) -> DbtModel:
    """Create or replace a model (the tool's single step)."""
    call.require(Permission.PIPELINE_WRITE, resource_type="dbt_model", resource_id=name)
    return _write(call, name, data)


def _write(call: Call, name: str, data: DbtModelWrite) -> DbtModel:
    path = dbt.model_file(_project(call), name)
    if ";" in data.sql.strip().rstrip(";"):
        raise Invalid("a dbt model is one SELECT; remove the statements after the first ';'", field="sql")
    write_atomic(path, data.sql.strip().rstrip(";").encode())
    call.audit("dbt_model.save", resource_type="dbt_model", resource_id=name)
    return DbtModel(name=name, sql=path.read_text())


def delete_model(call: Call, name: str) -> None:
    """Remove a model from the project."""
    call.require(Permission.PIPELINE_WRITE, resource_type="dbt_model", resource_id=name)
    path = dbt.model_file(_project(call), name)
    if not path.is_file():
        raise NotFound("dbt model", name)
    path.unlink()
    call.audit("dbt_model.delete", resource_type="dbt_model", resource_id=name)
