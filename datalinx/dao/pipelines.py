"""Pipelines, their versions and their runs, always within one workspace."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from datalinx.dao.models import Pipeline, PipelineRun, PipelineVersion
from datalinx.dao.pagination import Page, PageRequest, paginate
from datalinx.dao.scope import Scope


def _in(scope: Scope) -> ColumnElement[bool]:
    return (Pipeline.org_id == scope.org_id) & (Pipeline.workspace_id == scope.workspace)


def _runs_in(scope: Scope) -> ColumnElement[bool]:
    return (PipelineRun.org_id == scope.org_id) & (PipelineRun.workspace_id == scope.workspace)


def create(session: Session, scope: Scope, **fields: Any) -> Pipeline:
    pipeline = Pipeline(org_id=scope.org_id, workspace_id=scope.workspace, **fields)
    session.add(pipeline)
    session.flush()
    return pipeline


def find(session: Session, scope: Scope, ref: str) -> Pipeline | None:
    """A pipeline by id or by name."""
    query = select(Pipeline).where(_in(scope), (Pipeline.id == ref) | (Pipeline.name == ref))
    return session.scalars(query).first()


def name_taken(session: Session, scope: Scope, name: str, *, other_than: str | None = None) -> bool:
    query = select(Pipeline.id).where(_in(scope), Pipeline.name == name)
    if other_than is not None:
        query = query.where(Pipeline.id != other_than)
    return session.scalars(query.limit(1)).first() is not None


def list_pipelines(session: Session, scope: Scope, *, name: str | None, page: PageRequest) -> Page[Pipeline]:
    query = select(Pipeline).where(_in(scope))
    if name:
        query = query.where(Pipeline.name.ilike(f"%{name}%"))
    return paginate(session, query, sort_column=getattr(Pipeline, page.sort), id_column=Pipeline.id, page=page)


def delete_pipeline(session: Session, scope: Scope, pipeline_id: str) -> None:
    session.execute(delete(PipelineRun).where(_runs_in(scope), PipelineRun.pipeline_id == pipeline_id))
    session.execute(
        delete(PipelineVersion).where(
            PipelineVersion.org_id == scope.org_id,
            PipelineVersion.workspace_id == scope.workspace,
            PipelineVersion.pipeline_id == pipeline_id,
        )
    )
    session.execute(delete(Pipeline).where(_in(scope), Pipeline.id == pipeline_id))


def add_version(session: Session, scope: Scope, pipeline: Pipeline, **fields: Any) -> PipelineVersion:
    version = PipelineVersion(org_id=scope.org_id, workspace_id=scope.workspace, pipeline_id=pipeline.id, **fields)
    session.add(version)
    session.flush()
    return version


def get_version(session: Session, scope: Scope, pipeline_id: str, number: int) -> PipelineVersion | None:
    query = select(PipelineVersion).where(
        PipelineVersion.org_id == scope.org_id,
        PipelineVersion.workspace_id == scope.workspace,
        PipelineVersion.pipeline_id == pipeline_id,
        PipelineVersion.version == number,
    )
    return session.scalars(query).first()


def create_run(session: Session, scope: Scope, **fields: Any) -> PipelineRun:
    run = PipelineRun(org_id=scope.org_id, workspace_id=scope.workspace, **fields)
    session.add(run)
    session.flush()
    return run


def get_run(session: Session, scope: Scope, run_id: str) -> PipelineRun | None:
    return session.scalars(select(PipelineRun).where(_runs_in(scope), PipelineRun.id == run_id)).first()


def run_by_job(session: Session, scope: Scope, job_id: str) -> PipelineRun | None:
    return session.scalars(select(PipelineRun).where(_runs_in(scope), PipelineRun.job_id == job_id)).first()


def list_runs(
    session: Session, scope: Scope, pipeline_id: str, *, kind: str | None, status: str | None, page: PageRequest
) -> Page[PipelineRun]:
    query = select(PipelineRun).where(_runs_in(scope), PipelineRun.pipeline_id == pipeline_id)
    if kind:
        query = query.where(PipelineRun.kind == kind)
    if status:
        query = query.where(PipelineRun.status == status)
    return paginate(session, query, sort_column=getattr(PipelineRun, page.sort), id_column=PipelineRun.id, page=page)
