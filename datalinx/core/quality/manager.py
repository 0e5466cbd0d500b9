"""Quality: start scans, read scores, history, issues, failing rows, profiles, missingness and weights."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call
from datalinx.core.datasets import manager as datasets
from datalinx.core.errors import Invalid, NotFound
from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs.schemas import JobAccepted
from datalinx.core.quality.results import (
    ColumnRead,
    IssueQuery,
    IssueRead,
    IssueRows,
    QualityScore,
    ScanRead,
    ScanRequest,
    ScorePoint,
    WeightsUpdate,
)
from datalinx.core.quality.schemas import DEFAULT_WEIGHTS, ColumnProfile, IssueReport, MissingnessReport
from datalinx.core.schemas import ListQuery, PageOut
from datalinx.dao import quality as quality_dao
from datalinx.dao.models import QualityIssue, QualityScan

ISSUE_SORTS = {"impact_score", "affected_rows", "created_at"}
ROWS_MAX = 500


def weights(call: Call) -> dict[str, float]:
    """The workspace's score weights: documented defaults, overridden per workspace."""
    stored = quality_dao.get_settings(call.session, call.scope)
    return {**DEFAULT_WEIGHTS, **(stored.weights if stored else {})}


def set_weights(call: Call, data: WeightsUpdate) -> dict[str, float]:
    """Change the workspace's score weights (applies to scans from now on)."""
    scope = call.scope
    call.require(Permission.QUALITY_FIX, resource_type="quality_settings", resource_id=scope.workspace_id)
    unknown = sorted(set(data.weights) - set(DEFAULT_WEIGHTS))
    if unknown:
        raise Invalid(f"unknown dimension(s) {unknown}; choose from {sorted(DEFAULT_WEIGHTS)}", field="weights")
    if any(value < 0 for value in data.weights.values()) or not any({**weights(call), **data.weights}.values()):
        raise Invalid("weights must be non-negative and not all zero", field="weights")
    merged = {**weights(call), **data.weights}
    quality_dao.put_settings(call.session, scope, merged)
    call.audit("quality.weights", resource_type="workspace", resource_id=scope.workspace_id, weights=merged)
    return merged


def start_scan(call: Call, dataset_ref: str, request: ScanRequest) -> JobAccepted:
    """Queue a scan of a dataset version; answers with the job and the scan id."""
    found = datasets.find(call, dataset_ref)
    call.require(Permission.QUALITY_SCAN, resource_type="dataset", resource_id=found.id)
    dataset, version, _ = datasets.version_path(call, found.id, request.version)
    names = {c["name"] for c in version.columns}
    for field in ("label_column", "split_column"):
        value = getattr(request, field)
        if value is not None and value not in names:
            raise Invalid(f"column '{value}' is not in dataset '{dataset.name}'", field=field)
    missing = sorted(set(request.key_columns or []) - names)
    if missing:
        raise Invalid(f"key columns {missing} are not in dataset '{dataset.name}'", field="key_columns")
    scan = quality_dao.create_scan(
        call.session,
        call.scope,
        dataset_id=dataset.id,
        version=version.version,
        status="queued",
        dimensions={},
        created_by=call.principal.id,
    )
    config: dict[str, Any] = {"weights": weights(call)}
    config.update(request.model_dump(include={"label_column", "split_column", "key_columns"}, exclude_none=True))
    payload = {"scan_id": scan.id, "dataset_id": dataset.id, "path": version.path, "config": config}
    job = jobs.submit(call, "quality.scan", payload, idempotency_key=request.idempotency_key)
    if job.payload.get("scan_id") != scan.id:  # the idempotency key named an earlier scan
        call.session.delete(scan)
        return jobs.accepted(job, scan_id=job.payload["scan_id"], dataset_id=dataset.id)
    scan.job_id = job.id
    call.audit("quality.scan", resource_type="dataset", resource_id=dataset.id, scan_id=scan.id)
    return jobs.accepted(job, scan_id=scan.id, dataset_id=dataset.id)


def _scan_read(scan: QualityScan) -> ScanRead:
    report = scan.report or {}
    return ScanRead(
        id=scan.id,
        dataset_id=scan.dataset_id,
        version=scan.version,
        job_id=scan.job_id,
        status=scan.status,
        score=scan.score,
        dimensions=scan.dimensions or {},
        issue_count=len(report["issues"]) if "issues" in report else None,
        rows=report.get("rows"),
        notes=report.get("notes", []),
        timings=report.get("timings", {}),
        error=scan.error,
        created_at=scan.created_at,
        finished_at=scan.finished_at,
    )


def get_scan(call: Call, dataset_ref: str, scan_id: str) -> ScanRead:
    """One scan: queued, running (see its job), succeeded with a score, or failed with the reason."""
    dataset = datasets.find(call, dataset_ref)
    call.require(Permission.QUALITY_READ)
    scan = quality_dao.get_scan(call.session, call.scope, dataset.id, scan_id)
    if scan is None:
        raise NotFound("scan", scan_id)
    read = _scan_read(scan)
    if scan.status == "queued" and scan.job_id:
        # Until its job completes, a scan's state is its job's (a failed job never reaches `complete`).
        job = jobs.get_job(call, scan.job_id)
        read = read.model_copy(update={"status": job.status.value, "error": job.error})
    return read


def _latest(call: Call, dataset_ref: str) -> QualityScan:
    dataset = datasets.find(call, dataset_ref)
    call.require(Permission.QUALITY_READ)
    scan = quality_dao.latest_scan(call.session, call.scope, dataset.id)
    if scan is None or scan.report is None:
        raise NotFound("quality scan of dataset", dataset_ref)
    return scan


def get_score(call: Call, dataset_ref: str) -> QualityScore:
    """The latest score with its breakdown per dimension and per column."""
    scan = _latest(call, dataset_ref)
    report = scan.report or {}
    return QualityScore(
        dataset_id=scan.dataset_id,
        scan_id=scan.id,
        version=scan.version,
        score=scan.score or 0.0,
        dimensions=report.get("dimensions", []),
        columns=report.get("column_scores", []),
        weights=report.get("config", {}).get("weights", DEFAULT_WEIGHTS),
        scanned_at=scan.finished_at,
    )


def history(call: Call, dataset_ref: str, query: ListQuery) -> PageOut[ScorePoint]:
    """Scores over versions and time, newest first."""
    dataset = datasets.find(call, dataset_ref)
    call.require(Permission.QUALITY_READ)
    page = quality_dao.list_scans(call.session, call.scope, dataset.id, page=query.page_request(sorts={"created_at"}))
    return PageOut.of(page, ScorePoint)


def list_issues(call: Call, dataset_ref: str, query: IssueQuery) -> PageOut[IssueRead]:
    """Issues of the latest scan, highest impact first, filtered by severity, type, column or status."""
    scan = _latest(call, dataset_ref)
    page = quality_dao.list_issues(
        call.session,
        call.scope,
        scan.id,
        severity=query.severity,
        type=query.type,
        column=query.column,
        status=query.status,
        page=query.page_request(sorts=ISSUE_SORTS),
    )
    return PageOut.of(page, IssueRead)


def issue_report(scan: QualityScan, issue: QualityIssue) -> IssueReport:
    """The engine's report of a stored issue, from its scan (matched by type and rule)."""
    assert scan.report is not None
    found = next(i for i in scan.report["issues"] if i["rule"] == issue.rule and i["type"] == issue.type)
    return IssueReport.model_validate(found)


def _issue_source(call: Call, dataset_ref: str, issue_id: str) -> tuple[Path, IssueReport, int]:
    """The Parquet file an issue was found in, the engine's report of it, and its row count."""
    dataset = datasets.find(call, dataset_ref)
    call.require(Permission.QUALITY_READ)
    issue = quality_dao.get_issue(call.session, call.scope, dataset.id, issue_id)
    if issue is None:
        raise NotFound("issue", issue_id)
    scan = quality_dao.get_scan(call.session, call.scope, dataset.id, issue.scan_id)
    assert scan is not None and scan.report is not None
    _, _, path = datasets.version_path(call, dataset.id, scan.version)
    return path, issue_report(scan, issue), issue.affected_rows


def issue_rows(call: Call, dataset_ref: str, issue_id: str, *, offset: int, limit: int) -> IssueRows:
    """The rows one issue affects, paged, each with its row number and reason."""
    from datalinx.core.quality import engine

    if not 1 <= limit <= ROWS_MAX:
        raise Invalid(f"limit must be between 1 and {ROWS_MAX}", field="limit")
    if offset < 0:
        raise Invalid("offset must not be negative", field="offset")
    path, report, total = _issue_source(call, dataset_ref, issue_id)
    rows = engine.failing_rows(path, report, offset=offset, limit=limit)
    return IssueRows(issue_id=issue_id, total=total, offset=offset, rows=rows)


def issue_rows_csv(call: Call, dataset_ref: str, issue_id: str, target: Path) -> Path:
    """Every row one issue affects, with `_row` and `_reason`, written as CSV to `target`."""
    from datalinx.core.quality.quarantine import split

    path, report, _ = _issue_source(call, dataset_ref, issue_id)
    _, held = split(path, report)
    held.write_csv(target)
    return target


def column_profiles(call: Call, dataset_ref: str) -> list[ColumnProfile]:
    """Full column profiles from the latest scan."""
    scan = _latest(call, dataset_ref)
    return [ColumnProfile.model_validate(p) for p in (scan.report or {}).get("profiles", [])]


def missingness(call: Call, dataset_ref: str, column: str | None = None) -> list[MissingnessReport]:
    """For each column with nulls: MCAR, MAR or (suspected) MNAR, with the evidence."""
    scan = _latest(call, dataset_ref)
    reports = [MissingnessReport.model_validate(m) for m in (scan.report or {}).get("missingness", [])]
    if column is not None:
        reports = [r for r in reports if r.column == column]
        if not reports:
            raise NotFound("missing values in column", column)
    return reports


def columns(call: Call, dataset_ref: str, version: int | None = None) -> list[ColumnRead]:
    """Columns of a version (name, type, nulls) with the full profile from its latest scan, when there is one."""
    dataset, row, _ = datasets.version_path(call, dataset_ref, version)
    scan = quality_dao.latest_scan(call.session, call.scope, dataset.id)
    profiles: dict[str, dict[str, Any]] = {}
    if (
        scan is not None
        and scan.version == row.version
        and scan.report
        and call.principal.can(Permission.QUALITY_READ, call.scope.workspace_id)
    ):
        profiles = {p["name"]: p for p in scan.report.get("profiles", [])}
    return [ColumnRead(**c, profile=profiles.get(c["name"])) for c in row.columns]


def read_weights(call: Call) -> dict[str, float]:
    """The weights, for readers."""
    call.scope  # noqa: B018  (a workspace must be chosen)
    call.require(Permission.QUALITY_READ)
    return weights(call)
