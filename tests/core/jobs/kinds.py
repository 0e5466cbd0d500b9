"""Job kinds registered only by tests (and by worker processes the tests start, via DATALINX_JOB_MODULES)."""

from __future__ import annotations

import json
import os
import time
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Column, Integer, MetaData, String, Table

from datalinx.core.auth.permissions import Permission
from datalinx.core.jobs.context import JobContext
from datalinx.core.jobs.registry import JobKind, register

if TYPE_CHECKING:  # remote worker processes import this module: keep it light
    from datalinx.core.context import Call
    from datalinx.core.jobs.schemas import JobRead

# A domain table of the kind later domains add: one row per job, unique on the job id.
RECORDS = Table(
    "test_job_records",
    MetaData(),
    Column("job_id", String(36), primary_key=True),
    Column("attempt", Integer, nullable=False),
)


class SleepWritePayload(BaseModel):
    model_config = ConfigDict(extra="forbid")

    steps: int = Field(default=10, ge=1, le=1000)
    step_seconds: float = Field(default=0.05, ge=0, le=10)


def sleep_write(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    """Sleep in steps reporting progress, then write one output file keyed by the job id."""
    steps, pause = payload["steps"], payload["step_seconds"]
    for step in range(steps):
        time.sleep(pause)
        ctx.progress((step + 1) / steps, f"step {step + 1} of {steps}")
    output = ctx.write_output("output.json", json.dumps({"job_id": ctx.job_id, "attempt": ctx.attempt}))
    return {"output": str(output.relative_to(ctx.workspace_dir)), "attempt": ctx.attempt}


def record_run(ctx: JobContext) -> None:
    """Leave a marker that only the first run of a job can create: a second run of the same job fails."""
    marker = ctx.job_dir / "ran"
    marker.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))


def run_record(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    record_run(ctx)
    return {"attempt": ctx.attempt}


def complete_record(call: Call, job: JobRead, result: dict[str, Any]) -> None:
    """Persist the domain row in the completion transaction; a second completion would break the key."""
    call.session.execute(RECORDS.insert().values(job_id=job.id, attempt=job.attempts))


def always_fail(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    raise RuntimeError(f"boom on attempt {ctx.attempt}")


SLEEP_WRITE = register(
    JobKind(
        name="demo.sleep_write",
        permission=Permission.PIPELINE_RUN,
        run=sleep_write,
        payload_model=SleepWritePayload,
        max_attempts=3,
    )
)
RECORD = register(
    JobKind(name="demo.record", permission=Permission.PIPELINE_RUN, run=run_record, complete=complete_record)
)
FAIL = register(JobKind(name="demo.fail", permission=Permission.PIPELINE_RUN, run=always_fail, max_attempts=3))


def read_named_secret(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    """Fetch the secret the payload names (through the lease), and say only whether it was there."""
    return {"found": bool(ctx.secret(payload["secret_id"]))}


USES_SECRET = register(JobKind(name="demo.uses_secret", permission=Permission.PIPELINE_RUN, run=read_named_secret))
