"""Quality: scans, scores, history, issues and their rows, missingness, weights."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse

from datalinx.api.deps import CallerDep, permission, temporary_download
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.jobs.schemas import JobAccepted
from datalinx.core.quality import manager as quality
from datalinx.core.quality import quarantine
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
from datalinx.core.quality.schemas import MissingnessReport
from datalinx.core.schemas import ListQuery, PageOut

router = APIRouter(tags=["quality"])


@router.post("/datasets/{dataset}/scan", status_code=202, openapi_extra=permission(P.QUALITY_SCAN))
def scan_dataset(caller: CallerDep, dataset: str, body: ScanRequest | None = None) -> JobAccepted:
    """Start a quality scan of a dataset version (a job; follow it by `job_id` or read the scan by `scan_id`)."""
    return caller.run(quality.start_scan, dataset, body or ScanRequest())


@router.get("/datasets/{dataset}/scan/{scan_id}", openapi_extra=permission(P.QUALITY_READ))
def get_scan(caller: CallerDep, dataset: str, scan_id: str) -> ScanRead:
    """A scan's state and, once done, its score and breakdown."""
    return caller.run(quality.get_scan, dataset, scan_id)


@router.get("/datasets/{dataset}/columns", openapi_extra=permission(P.DATASET_READ))
def list_columns(caller: CallerDep, dataset: str, version: int | None = None) -> list[ColumnRead]:
    """Columns of a version: name, type, null count, and the full profile once scanned."""
    return caller.run(quality.columns, dataset, version)


@router.get("/quality/{dataset}/score", openapi_extra=permission(P.QUALITY_READ))
def get_score(caller: CallerDep, dataset: str) -> QualityScore:
    """The current quality score with its breakdown per dimension and per column."""
    return caller.run(quality.get_score, dataset)


@router.get("/quality/{dataset}/history", openapi_extra=permission(P.QUALITY_READ))
def score_history(caller: CallerDep, dataset: str, query: Annotated[ListQuery, Query()]) -> PageOut[ScorePoint]:
    """Quality score over versions and time."""
    return caller.run(quality.history, dataset, query)


@router.get("/quality/{dataset}/issues", openapi_extra=permission(P.QUALITY_READ))
def list_issues(caller: CallerDep, dataset: str, query: Annotated[IssueQuery, Query()]) -> PageOut[IssueRead]:
    """Issues sorted by impact; filter by severity, type, column or status."""
    return caller.run(quality.list_issues, dataset, query)


@router.get("/quality/{dataset}/issues/{issue_id}/rows", openapi_extra=permission(P.QUALITY_READ))
def issue_rows(caller: CallerDep, dataset: str, issue_id: str, offset: int = 0, limit: int = 50) -> IssueRows:
    """The rows an issue affects, with the reason per row, paged."""
    return caller.run(quality.issue_rows, dataset, issue_id, offset=offset, limit=limit)


@router.get("/quality/{dataset}/issues/{issue_id}/rows.csv", openapi_extra=permission(P.QUALITY_READ))
def download_issue_rows(caller: CallerDep, dataset: str, issue_id: str) -> FileResponse:
    """Download every row an issue affects as CSV, with the reason per row."""
    return temporary_download(
        f"issue-{issue_id}.csv",
        "text/csv",
        lambda target: caller.run(quality.issue_rows_csv, dataset, issue_id, target),
    )


@router.post(
    "/quality/{dataset}/issues/{issue_id}/quarantine", status_code=202, openapi_extra=permission(P.QUALITY_FIX)
)
def quarantine_issue(caller: CallerDep, dataset: str, issue_id: str) -> JobAccepted:
    """Split an issue's rows into `<dataset>-quarantine` (with reasons), leaving a clean new version (a job)."""
    return caller.run(quarantine.quarantine_issue, dataset, issue_id)


@router.get("/quality/{dataset}/missingness", openapi_extra=permission(P.QUALITY_READ))
def missingness(caller: CallerDep, dataset: str, column: str | None = None) -> list[MissingnessReport]:
    """Why values are missing: MCAR, MAR or suspected MNAR per column, with the evidence."""
    return caller.run(quality.missingness, dataset, column)


@router.put("/quality/settings/weights", openapi_extra=permission(P.QUALITY_FIX))
def set_weights(caller: CallerDep, body: WeightsUpdate) -> dict[str, float]:
    """Set the workspace's dimension weights for the quality score."""
    return caller.run(quality.set_weights, body)


@router.get("/quality/settings/weights", openapi_extra=permission(P.QUALITY_READ))
def get_weights(caller: CallerDep) -> dict[str, float]:
    """The workspace's dimension weights (documented defaults unless changed)."""
    return caller.run(quality.read_weights)
