"""Datasets and their versions, always within one workspace."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Text, cast, delete, func, select
from sqlalchemy.orm import Session

from datalinx.dao.models import Dataset, DatasetVersion
from datalinx.dao.pagination import Page, PageRequest, paginate
from datalinx.dao.scope import Scope


def _in(scope: Scope) -> ColumnElement[bool]:
    return (Dataset.org_id == scope.org_id) & (Dataset.workspace_id == scope.workspace)


def create(session: Session, scope: Scope, **fields: Any) -> Dataset:
    dataset = Dataset(org_id=scope.org_id, workspace_id=scope.workspace, **fields)
    session.add(dataset)
    session.flush()
    return dataset


def get(session: Session, scope: Scope, dataset_id: str) -> Dataset | None:
    return session.scalars(select(Dataset).where(_in(scope), Dataset.id == dataset_id)).first()


def find(session: Session, scope: Scope, ref: str) -> Dataset | None:
    """A dataset by id or by name."""
    query = select(Dataset).where(_in(scope), (Dataset.id == ref) | (Dataset.name == ref))
    return session.scalars(query).first()


def name_taken(session: Session, scope: Scope, name: str) -> bool:
    return session.scalar(select(func.count()).select_from(Dataset).where(_in(scope), Dataset.name == name)) > 0


def list_datasets(
    session: Session, scope: Scope, *, name: str | None, status: str | None, tag: str | None, page: PageRequest
) -> Page[Dataset]:
    query = select(Dataset).where(_in(scope))
    if name:
        query = query.where(Dataset.name.ilike(f"%{name}%"))
    if status:
        query = query.where(Dataset.status == status)
    if tag:
        # Tags are few per dataset: filter after a cheap LIKE on the JSON text, exact match below.
        query = query.where(cast(Dataset.tags, Text).like(f'%"{tag}"%'))
    return paginate(session, query, sort_column=getattr(Dataset, page.sort), id_column=Dataset.id, page=page)


def delete_dataset(session: Session, scope: Scope, dataset_id: str) -> None:
    session.execute(
        delete(DatasetVersion).where(DatasetVersion.org_id == scope.org_id, DatasetVersion.dataset_id == dataset_id)
    )
    session.execute(delete(Dataset).where(_in(scope), Dataset.id == dataset_id))


def add_version(session: Session, scope: Scope, dataset: Dataset, **fields: Any) -> DatasetVersion:
    version = DatasetVersion(org_id=scope.org_id, workspace_id=scope.workspace, dataset_id=dataset.id, **fields)
    session.add(version)
    session.flush()
    return version


def get_version(session: Session, scope: Scope, dataset_id: str, number: int) -> DatasetVersion | None:
    query = select(DatasetVersion).where(
        DatasetVersion.org_id == scope.org_id,
        DatasetVersion.workspace_id == scope.workspace,
        DatasetVersion.dataset_id == dataset_id,
        DatasetVersion.version == number,
    )
    return session.scalars(query).first()


def version_by_job(session: Session, scope: Scope, job_id: str) -> DatasetVersion | None:
    query = select(DatasetVersion).where(DatasetVersion.org_id == scope.org_id, DatasetVersion.job_id == job_id)
    return session.scalars(query).first()


def list_versions(session: Session, scope: Scope, dataset_id: str, *, page: PageRequest) -> Page[DatasetVersion]:
    query = select(DatasetVersion).where(
        DatasetVersion.org_id == scope.org_id,
        DatasetVersion.workspace_id == scope.workspace,
        DatasetVersion.dataset_id == dataset_id,
    )
    sort = getattr(DatasetVersion, page.sort)
    return paginate(session, query, sort_column=sort, id_column=DatasetVersion.id, page=page)


def stored_bytes(session: Session, scope: Scope) -> int:
    """Bytes of every dataset version in the workspace (the storage quota counts these)."""
    query = select(func.coalesce(func.sum(DatasetVersion.size_bytes), 0)).where(
        DatasetVersion.org_id == scope.org_id, DatasetVersion.workspace_id == scope.workspace
    )
    return int(session.scalar(query) or 0)
