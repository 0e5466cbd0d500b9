"""The scan job: the engine runs on a worker over the version's Parquet; the control plane stores the report."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict

from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call
from datalinx.core.datasets import manager as datasets
from datalinx.core.errors import Invalid
from datalinx.core.jobs.context import JobContext
from datalinx.core.jobs.registry import JobKind, register
from datalinx.core.jobs.schemas import JobRead
from datalinx.core.quality.schemas import ScanConfig, ScanReport
from datalinx.dao import quality as quality_dao
from datalinx.dao.models import utcnow

REPORT = "report.json"


class ScanPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scan_id: str
    dataset_id: str
    path: str
    config: dict[str, Any]


def run_scan(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    """Data plane: scan the version's Parquet and write the report into the job's folder."""
    from datalinx.core.quality import engine

    data = ScanPayload.model_validate(payload)
    source = ctx.path(data.path)
    if not source.is_file():
        raise Invalid(f"the dataset version file is missing: {data.path}", field="path")
    report = engine.scan_parquet(source, config=ScanConfig.model_validate(data.config), progress=ctx.progress)
    ctx.write_output(REPORT, report.model_dump_json())
    return {"report": f"jobs/{ctx.job_id}/{REPORT}", "score": report.score, "issues": len(report.issues)}


def complete_scan(call: Call, job: JobRead, result: dict[str, Any]) -> None:
    """Control plane: store the report, the score and the issues on the scan (again on a re-run: replaced)."""
    data = ScanPayload.model_validate(job.payload)
    scan = quality_dao.get_scan(call.session, call.scope, data.dataset_id, data.scan_id)
    if scan is None:  # the dataset was deleted meanwhile, and its scans with it
        return
    report = ScanReport.model_validate(json.loads(datasets.absolute(call, result["report"]).read_text()))
    scan.report = json.loads(report.model_dump_json())
    scan.score = report.score
    scan.dimensions = {d.dimension: d.score for d in report.dimensions}
    scan.status = "succeeded"
    scan.finished_at = utcnow()
    quality_dao.replace_issues(
        call.session,
        call.scope,
        scan,
        [
            {
                "type": issue.type,
                "dimension": issue.dimension,
                "columns": issue.columns,
                "severity": issue.severity,
                "affected_rows": issue.affected_rows,
                "impact_score": issue.impact,
                "message": issue.message,
                "suggestion": issue.suggestion,
                "fix": issue.fix,
                "rule": issue.rule,
                "examples": json.loads(json.dumps(issue.examples, default=str)),
            }
            for issue in report.issues
        ],
    )


SCAN = register(
    JobKind(
        name="quality.scan",
        permission=Permission.QUALITY_SCAN,
        run=run_scan,
        complete=complete_scan,
        payload_model=ScanPayload,
        max_attempts=2,
        description="Scan a dataset version: profiles, dimension scores, issues ranked by impact, missingness.",
    )
)
