"""Split an issue's rows off: a clean new version of the dataset, and the rows with their reasons set aside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
from pydantic import BaseModel, ConfigDict

from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call
from datalinx.core.datasets import ingest
from datalinx.core.datasets import manager as datasets
from datalinx.core.datasets.schemas import IngestResult
from datalinx.core.errors import Invalid, NotFound
from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs.context import JobContext, write_atomic
from datalinx.core.jobs.registry import JobKind, register
from datalinx.core.jobs.schemas import JobAccepted, JobRead
from datalinx.core.quality import rows as issue_rows
from datalinx.core.quality.manager import issue_report
from datalinx.core.quality.schemas import IssueReport
from datalinx.dao import datasets as datasets_dao
from datalinx.dao import quality as quality_dao

CLEAN, QUARANTINE = "clean.parquet", "quarantine.parquet"


class QuarantinePayload(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dataset_id: str
    issue_id: str
    path: str
    issue: dict[str, Any]


def _write(frame: pl.DataFrame, target: Path) -> IngestResult:
    import io

    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    write_atomic(target, buffer.getvalue())
    return IngestResult(rows=frame.height, columns=ingest.column_infos(target), size_bytes=target.stat().st_size)


def split(source: Path, issue: IssueReport) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The rows an issue does not touch, and the ones it does with `_row`, `_reason` and `_issue` columns."""
    failing = issue_rows.issue_rows(source, issue)
    frame = pl.read_parquet(source).with_row_index("_row")
    marked = pl.col("_row").is_in(pl.Series(failing.tolist(), dtype=frame["_row"].dtype).implode())
    held = frame.filter(marked)
    reasons = [issue_rows.reason(issue.rule, row) for row in held.drop("_row").iter_rows(named=True)]
    held = held.with_columns(pl.Series("_reason", reasons, dtype=pl.String), pl.lit(issue.type).alias("_issue"))
    return frame.filter(~marked).drop("_row"), held


def run_quarantine(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    """Data plane: recompute the issue's rows from its rule and write both halves into the job's folder."""
    data = QuarantinePayload.model_validate(payload)
    ctx.progress(0.1, "finding the issue's rows")
    kept, held = split(ctx.path(data.path), IssueReport.model_validate(data.issue))
    ctx.progress(0.7, "writing the clean version and the quarantine")
    clean = _write(kept, ctx.job_dir / CLEAN)
    quarantined = _write(held, ctx.job_dir / QUARANTINE)
    return {
        "clean": clean.model_dump(mode="json"),
        "quarantine": quarantined.model_dump(mode="json"),
        "folder": f"jobs/{ctx.job_id}",
    }


def complete_quarantine(call: Call, job: JobRead, result: dict[str, Any]) -> None:
    """Control plane: the clean half becomes the dataset's next version; the rest goes to `<name>-quarantine`."""
    data = QuarantinePayload.model_validate(job.payload)
    if datasets_dao.version_by_job(call.session, call.scope, job.id) is not None:
        return
    dataset = datasets_dao.get(call.session, call.scope, data.dataset_id)
    if dataset is None:
        raise Invalid("the dataset was deleted meanwhile", field="dataset")
    source = {"quarantine_of_issue": data.issue_id, "issue_type": data.issue["type"]}
    folder = result["folder"]
    clean = IngestResult.model_validate(result["clean"])
    datasets.add_version(
        call,
        dataset,
        clean,
        datasets.absolute(call, f"{folder}/{CLEAN}"),
        f"{folder}/{CLEAN}",
        source=source,
        job_id=job.id,
    )
    name = f"{dataset.name}-quarantine"
    holding = datasets_dao.find(call.session, call.scope, name) or datasets.create_dataset(call, name)
    held = IngestResult.model_validate(result["quarantine"])
    relative = f"{folder}/{QUARANTINE}"
    datasets.add_version(call, holding, held, datasets.absolute(call, relative), relative, source=source)
    issue = quality_dao.get_issue(call.session, call.scope, dataset.id, data.issue_id)
    if issue is not None:
        issue.status = "resolved"
    call.audit(
        "quality.quarantine", resource_type="dataset", resource_id=dataset.id, issue_id=data.issue_id, rows=held.rows
    )


QUARANTINE_KIND = register(
    JobKind(
        name="quality.quarantine",
        permission=Permission.QUALITY_FIX,
        run=run_quarantine,
        complete=complete_quarantine,
        payload_model=QuarantinePayload,
        max_attempts=2,
        description="Split an issue's rows into a quarantine dataset, leaving a clean new version.",
    )
)


def quarantine_issue(call: Call, dataset_ref: str, issue_id: str) -> JobAccepted:
    """Queue the split of an issue's rows into `<dataset>-quarantine` (with the reason per row) and a clean version."""
    dataset = datasets.find(call, dataset_ref)
    call.require(Permission.QUALITY_FIX, resource_type="dataset", resource_id=dataset.id)
    issue = quality_dao.get_issue(call.session, call.scope, dataset.id, issue_id)
    if issue is None:
        raise NotFound("issue", issue_id)
    scan = quality_dao.get_scan(call.session, call.scope, dataset.id, issue.scan_id)
    assert scan is not None and scan.report is not None
    if scan.version != dataset.current_version:
        raise Invalid(
            f"the issue was found in version {scan.version}; the dataset is now at {dataset.current_version}: "
            "scan it again",
            field="issue_id",
        )
    version = datasets_dao.get_version(call.session, call.scope, dataset.id, scan.version)
    assert version is not None
    report = issue_report(scan, issue).model_dump(mode="json")
    payload = {"dataset_id": dataset.id, "issue_id": issue.id, "path": version.path, "issue": report}
    job = jobs.submit(call, QUARANTINE_KIND.name, payload)
    return jobs.accepted(job, dataset_id=dataset.id, issue_id=issue.id)
