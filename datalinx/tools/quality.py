"""Tools: scans, scores, issues, failing rows, column profiles and missingness."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from datalinx.core.auth.permissions import Permission as P
from datalinx.core.jobs.schemas import JobAccepted, JobRead
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
)
from datalinx.core.quality.schemas import MissingnessReport
from datalinx.core.schemas import PageOut
from datalinx.tools.base import AsyncCall, Call, Cursor, Limit, tool
from datalinx.tools.jobs import follow_job


class ScanOutcome(BaseModel):
    """What scan_dataset answers: the job, and the scan once it finished within the wait."""

    accepted: JobAccepted
    job: JobRead
    scan: ScanRead | None = None


@tool(permission=P.QUALITY_SCAN, destructive=False)
async def scan_dataset(
    call: AsyncCall,
    dataset: str,
    version: int | None = None,
    label_column: str | None = None,
    wait_seconds: Annotated[
        float, Field(ge=0, le=600, description="Wait this long for the result (0: return the job).")
    ] = 120,
) -> ScanOutcome:
    request = ScanRequest(version=version, label_column=label_column)
    accepted = await call.run(quality.start_scan, dataset, request)
    job = await follow_job(call, accepted.job_id, wait_seconds)
    scan = None
    if job.status.terminal:
        scan = await call.run(quality.get_scan, dataset, accepted.model_extra["scan_id"])  # type: ignore[index]
    return ScanOutcome(accepted=accepted, job=job, scan=scan)


@tool(permission=P.QUALITY_READ, read_only=True)
def get_quality_score(call: Call, dataset: str) -> QualityScore:
    return quality.get_score(call, dataset)


@tool(permission=P.QUALITY_READ, read_only=True)
def list_quality_issues(
    call: Call,
    dataset: str,
    severity: Literal["low", "medium", "high", "critical"] | None = None,
    type: str | None = None,
    column: str | None = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> PageOut[IssueRead]:
    query = IssueQuery(severity=severity, type=type, column=column, limit=limit, cursor=cursor)
    return quality.list_issues(call, dataset, query)


@tool(permission=P.QUALITY_READ, read_only=True)
def list_issue_rows(call: Call, dataset: str, issue_id: str, offset: int = 0, limit: int = 20) -> IssueRows:
    return quality.issue_rows(call, dataset, issue_id, offset=offset, limit=limit)


@tool(permission=P.DATASET_READ, read_only=True)
def get_column_profiles(call: Call, dataset: str, version: int | None = None) -> list[ColumnRead]:
    return quality.columns(call, dataset, version)


@tool(permission=P.QUALITY_READ, read_only=True)
def explain_missingness(call: Call, dataset: str, column: str | None = None) -> list[MissingnessReport]:
    return quality.missingness(call, dataset, column)


@tool(permission=P.QUALITY_FIX, destructive=False)
def quarantine_issue_rows(call: Call, dataset: str, issue_id: str) -> JobAccepted:
    return quarantine.quarantine_issue(call, dataset, issue_id)
