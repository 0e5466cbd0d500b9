"""Tools: jobs (read, list, cancel, wait with progress) and remote worker tokens."""

from __future__ import annotations

from typing import Annotated

import anyio
from pydantic import Field

from datalinx.core.auth.permissions import Permission as P
from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs import tokens
from datalinx.core.jobs.schemas import (
    JobQuery,
    JobRead,
    JobStatus,
    WorkerTokenCreate,
    WorkerTokenCreated,
    WorkerTokenRead,
)
from datalinx.core.schemas import ListQuery, PageOut
from datalinx.tools.base import AsyncCall, Call, Cursor, Limit, tool

WAIT_POLL_SECONDS = 0.25
JobId = Annotated[str, Field(description="The job's id, as returned when it was started.")]


@tool(permission=P.JOB_READ, read_only=True)
def get_job(call: Call, job_id: JobId) -> JobRead:
    return jobs.get_job(call, job_id)


@tool(permission=P.JOB_READ, read_only=True)
def list_jobs(
    call: Call,
    status: JobStatus | None = None,
    kind: str | None = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> PageOut[JobRead]:
    return jobs.list_jobs(call, JobQuery(status=status, kind=kind, limit=limit, cursor=cursor))


@tool(permission=P.JOB_CANCEL, idempotent=True)
def cancel_job(call: Call, job_id: JobId) -> JobRead:
    return jobs.cancel_job(call, job_id)


async def follow_job(call: AsyncCall, job_id: str, timeout_seconds: float = 60.0) -> JobRead:
    """Follow a job until it ends or `timeout_seconds` pass, sending MCP progress notifications on the way.

    A long tool starts its job with `await call.run(manager.start, ...)`, then `return await follow_job(...)`.
    """
    deadline = anyio.current_time() + timeout_seconds
    reported: tuple[float, str | None] | None = None
    while True:
        job = await call.run(jobs.get_job, job_id)
        if (job.progress, job.progress_message) != reported:
            reported = (job.progress, job.progress_message)
            message = job.progress_message or job.status.value
            await call.ctx.report_progress(job.progress, 1.0, message)
        if job.status.terminal or anyio.current_time() >= deadline:
            return job
        await anyio.sleep(min(WAIT_POLL_SECONDS, max(deadline - anyio.current_time(), 0)))


@tool(permission=P.JOB_READ, read_only=True, title="Wait for job")
async def wait_for_job(
    call: AsyncCall,
    job_id: JobId,
    timeout_seconds: Annotated[float, Field(ge=0, le=600, description="Longest wait; the job keeps running.")] = 60,
) -> JobRead:
    return await follow_job(call, job_id, timeout_seconds)


@tool(permission=P.WORKER_MANAGE, destructive=False)
def create_worker_token(call: Call, name: str, workspaces: list[str]) -> WorkerTokenCreated:
    return tokens.create_worker_token(call, WorkerTokenCreate(name=name, workspaces=workspaces))


@tool(permission=P.WORKER_MANAGE, read_only=True)
def list_worker_tokens(call: Call, limit: Limit = 20, cursor: Cursor = None) -> PageOut[WorkerTokenRead]:
    return tokens.list_worker_tokens(call, ListQuery(limit=limit, cursor=cursor))


@tool(permission=P.WORKER_MANAGE, idempotent=True)
def revoke_worker_token(call: Call, worker_token_id: str) -> WorkerTokenRead:
    return tokens.revoke_worker_token(call, worker_token_id)
