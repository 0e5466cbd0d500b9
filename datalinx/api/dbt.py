"""The workspace's dbt project: its models, run by pipelines' `dbt_model` nodes."""

from __future__ import annotations

from fastapi import APIRouter, Response

from datalinx.api.deps import CallerDep, permission
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.pipelines import dbt_models
from datalinx.core.pipelines.dbt_models import DbtModel, DbtModelCreate, DbtModelWrite

router = APIRouter(tags=["dbt"])


@router.get("/dbt/models", openapi_extra=permission(P.PIPELINE_READ))
def list_models(caller: CallerDep) -> list[str]:
    """Names of the models in the workspace's dbt project."""
    return caller.run(dbt_models.list_models)


@router.get("/dbt/models/{name}", openapi_extra=permission(P.PIPELINE_READ))
def get_model(caller: CallerDep, name: str) -> DbtModel:
    """One model's SQL."""
    return caller.run(dbt_models.get_model, name)


@router.post("/dbt/models", status_code=201, openapi_extra=permission(P.PIPELINE_WRITE))
def create_model(caller: CallerDep, body: DbtModelCreate) -> DbtModel:
    """Add a model (one SELECT; a pipeline node's inputs are `{{ source('pipeline', '<name>') }}`)."""
    return caller.run(dbt_models.create_model, body)


@router.put("/dbt/models/{name}", openapi_extra=permission(P.PIPELINE_WRITE))
def replace_model(caller: CallerDep, name: str, body: DbtModelWrite) -> DbtModel:
    """Replace a model's SQL."""
    return caller.run(dbt_models.replace_model, name, body)


@router.delete("/dbt/models/{name}", status_code=204, openapi_extra=permission(P.PIPELINE_WRITE))
def delete_model(caller: CallerDep, name: str) -> Response:
    """Remove a model from the project."""
    caller.run(dbt_models.delete_model, name)
    return Response(status_code=204)
