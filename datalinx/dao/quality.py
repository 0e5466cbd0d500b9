"""Quality scans, their issues and the workspace's score weights."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Text, cast, delete, select
from sqlalchemy.orm import Session

from datalinx.dao.models import QualityIssue, QualityScan, QualitySettings
from datalinx.dao.pagination import Page, PageRequest, paginate
from datalinx.dao.scope import Scope


def _scans_in(scope: Scope) -> ColumnElement[bool]:
    return (QualityScan.org_id == scope.org_id) & (QualityScan.workspace_id == scope.workspace)


def _issues_in(scope: Scope) -> ColumnElement[bool]:
    return (QualityIssue.org_id == scope.org_id) & (QualityIssue.workspace_id == scope.workspace)


def create_scan(session: Session, scope: Scope, **fields: Any) -> QualityScan:
    scan = QualityScan(org_id=scope.org_id, workspace_id=scope.workspace, **fields)
    session.add(scan)
    session.flush()
    return scan


def get_scan(session: Session, scope: Scope, dataset_id: str, scan_id: str) -> QualityScan | None:
    query = select(QualityScan).where(_scans_in(scope), QualityScan.dataset_id == dataset_id, QualityScan.id == scan_id)
    return session.scalars(query).first()


def latest_scan(session: Session, scope: Scope, dataset_id: str) -> QualityScan | None:
    """The newest finished scan of a dataset."""
    query = (
        select(QualityScan)
        .where(_scans_in(scope), QualityScan.dataset_id == dataset_id, QualityScan.status == "succeeded")
        .order_by(QualityScan.finished_at.desc(), QualityScan.id.desc())
    )
    return session.scalars(query.limit(1)).first()


def latest_scores(session: Session, scope: Scope, dataset_ids: list[str]) -> dict[str, float]:
    """The newest finished score of each dataset, for lists."""
    query = (
        select(QualityScan.dataset_id, QualityScan.score)
        .where(_scans_in(scope), QualityScan.dataset_id.in_(dataset_ids), QualityScan.status == "succeeded")
        .order_by(QualityScan.finished_at.asc())
    )
    return {dataset_id: score for dataset_id, score in session.execute(query) if score is not None}


def list_scans(session: Session, scope: Scope, dataset_id: str, *, page: PageRequest) -> Page[QualityScan]:
    query = select(QualityScan).where(
        _scans_in(scope), QualityScan.dataset_id == dataset_id, QualityScan.status == "succeeded"
    )
    return paginate(session, query, sort_column=QualityScan.created_at, id_column=QualityScan.id, page=page)


def replace_issues(session: Session, scope: Scope, scan: QualityScan, issues: list[dict[str, Any]]) -> None:
    """Store a scan's issues, replacing any from an earlier attempt of the same scan."""
    session.execute(delete(QualityIssue).where(_issues_in(scope), QualityIssue.scan_id == scan.id))
    for fields in issues:
        session.add(
            QualityIssue(
                org_id=scope.org_id, workspace_id=scope.workspace, dataset_id=scan.dataset_id, scan_id=scan.id, **fields
            )
        )
    session.flush()


def list_issues(
    session: Session,
    scope: Scope,
    scan_id: str,
    *,
    severity: str | None,
    type: str | None,
    column: str | None,
    status: str | None,
    page: PageRequest,
) -> Page[QualityIssue]:
    query = select(QualityIssue).where(_issues_in(scope), QualityIssue.scan_id == scan_id)
    if severity:
        query = query.where(QualityIssue.severity == severity)
    if type:
        query = query.where(QualityIssue.type == type)
    if status:
        query = query.where(QualityIssue.status == status)
    if column:
        # Columns are few per issue: a LIKE on the JSON text narrows, the quoted name makes it exact.
        query = query.where(cast(QualityIssue.columns, Text).like(f'%"{column}"%'))
    sort = getattr(QualityIssue, page.sort)
    return paginate(session, query, sort_column=sort, id_column=QualityIssue.id, page=page)


def get_issue(session: Session, scope: Scope, dataset_id: str, issue_id: str) -> QualityIssue | None:
    query = select(QualityIssue).where(
        _issues_in(scope), QualityIssue.dataset_id == dataset_id, QualityIssue.id == issue_id
    )
    return session.scalars(query).first()


def get_settings(session: Session, scope: Scope) -> QualitySettings | None:
    query = select(QualitySettings).where(
        QualitySettings.org_id == scope.org_id, QualitySettings.workspace_id == scope.workspace
    )
    return session.scalars(query).first()


def put_settings(session: Session, scope: Scope, weights: dict[str, float]) -> QualitySettings:
    settings = get_settings(session, scope)
    if settings is None:
        settings = QualitySettings(org_id=scope.org_id, workspace_id=scope.workspace, weights=weights)
        session.add(settings)
    else:
        settings.weights = weights
    session.flush()
    return settings
