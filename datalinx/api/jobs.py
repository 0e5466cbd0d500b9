"""Jobs: read, list, cancel, and follow a job's events as Server-Sent Events."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated

import anyio
from fastapi import APIRouter, Header, Query
from fastapi.responses import StreamingResponse

from datalinx.api.deps import CallerDep, permission
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.errors import DatalinxError
from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs.schemas import JobEventsPage, JobQuery, JobRead
from datalinx.core.schemas import PageOut

router = APIRouter(tags=["jobs"])

EVENTS_POLL_SECONDS = 0.25
KEEPALIVE_SECONDS = 15.0


@router.get("/jobs", openapi_extra=permission(P.JOB_READ))
def list_jobs(caller: CallerDep, query: Annotated[JobQuery, Query()]) -> PageOut[JobRead]:
    """Jobs of the current workspace, newest first."""
    return caller.run(jobs.list_jobs, query)


@router.get("/jobs/{job_id}", openapi_extra=permission(P.JOB_READ))
def get_job(caller: CallerDep, job_id: str) -> JobRead:
    """One job: status, progress, attempts, result or error."""
    return caller.run(jobs.get_job, job_id)


@router.post("/jobs/{job_id}/cancel", openapi_extra=permission(P.JOB_CANCEL))
def cancel_job(caller: CallerDep, job_id: str) -> JobRead:
    """Cancel a queued job now, or a running one at its next progress report."""
    return caller.run(jobs.cancel_job, job_id)


def _sse(page: JobEventsPage) -> str:
    return "".join(f"id: {e.id}\nevent: {e.type}\ndata: {e.model_dump_json()}\n\n" for e in page.events)


@router.get(
    "/jobs/{job_id}/events",
    openapi_extra=permission(P.JOB_READ),
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "One SSE event per job event."}},
)
async def job_events(
    caller: CallerDep,
    job_id: str,
    after: Annotated[int, Query(ge=0, description="Only events after this event id.")] = 0,
    last_event_id: Annotated[int | None, Header(ge=0, description="Resume after this event id (SSE).")] = None,
) -> StreamingResponse:
    """Follow a job's events (queued, started, progress, retry, succeeded...) until it ends."""
    start = max(after, last_event_id or 0)

    def events_after(after_id: int) -> JobEventsPage:
        return caller.run(jobs.job_events, job_id, after_id=after_id)

    first = await anyio.to_thread.run_sync(events_after, start)

    async def stream() -> AsyncIterator[str]:
        page, last, quiet = first, start, 0.0
        while True:
            if page.events:
                yield _sse(page)
                last, quiet = page.events[-1].id, 0.0
            if page.done:
                yield f"event: end\ndata: {page.model_dump_json(include={'status'})}\n\n"
                return
            await anyio.sleep(EVENTS_POLL_SECONDS)
            quiet += EVENTS_POLL_SECONDS
            if quiet >= KEEPALIVE_SECONDS:
                yield ": keepalive\n\n"
                quiet = 0.0
            try:
                page = await anyio.to_thread.run_sync(events_after, last)
            except DatalinxError as exc:
                yield f"event: error\ndata: {json.dumps({'code': exc.code, 'message': exc.message})}\n\n"
                return

    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)
