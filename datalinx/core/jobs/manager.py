"""Jobs as clients see them: submit (for domain managers), read, list, follow and cancel."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call
from datalinx.core.errors import Conflict, Invalid, NotFound
from datalinx.core.jobs import execution, registry
from datalinx.core.jobs.schemas import JobAccepted, JobEventRead, JobEventsPage, JobQuery, JobRead, JobStatus
from datalinx.core.jobs.signal import SIGNAL
from datalinx.core.schemas import PageOut
from datalinx.dao import jobs as jobs_dao
from datalinx.dao.models import Job, utcnow

JOB_SORTS = {"created_at", "run_at", "priority"}


def submit(
    call: Call,
    kind: str,
    payload: dict[str, Any] | None = None,
    *,
    idempotency_key: str | None = None,
    priority: int = 0,
    delay_seconds: float = 0.0,
) -> Job:
    """Queue a job of `kind` in the call's workspace, as the caller; the same idempotency key returns the first job.

    Domain managers call this inside their own call and answer `accepted(job, scan_id=...)`; the job
    becomes visible to workers when that call's transaction commits.
    """
    registry.load(call.runtime.settings.job_modules)
    spec = registry.require(kind)
    scope = call.scope
    call.require(spec.permission, resource_type="job")
    if idempotency_key is not None and not 1 <= len(idempotency_key) <= 200:
        raise Invalid("idempotency key must be 1 to 200 characters", field="idempotency_key")
    if not -1000 <= priority <= 1000:
        raise Invalid("priority must be between -1000 and 1000", field="priority")
    if delay_seconds < 0:
        raise Invalid("delay must not be negative", field="delay_seconds")
    data = spec.validate_payload(payload or {})
    if idempotency_key is not None:
        existing = jobs_dao.find_by_idempotency_key(call.session, scope, idempotency_key)
        if existing is not None:
            return _same_request(existing, kind)
    now = utcnow()
    fields = {
        "kind": kind,
        "payload": data,
        "principal_type": call.principal.type.value,
        "principal_id": call.principal.id,
        "status": JobStatus.QUEUED.value,
        "attempts": 0,
        "progress": 0.0,
        "cancel_requested": False,
        "max_attempts": spec.max_attempts or call.runtime.settings.job_max_attempts,
        "priority": priority,
        "idempotency_key": idempotency_key,
        "request_id": call.meta.request_id,
        "run_at": now + timedelta(seconds=delay_seconds),
        "created_at": now,
        "updated_at": now,
    }
    job = jobs_dao.create_job(call.session, scope, **fields)
    if job is None:
        # Another request with the same key got there first; answer with its job.
        existing = jobs_dao.find_by_idempotency_key(call.session, scope, idempotency_key or "")
        if existing is None:
            raise Conflict("a job with this idempotency key is being submitted; retry", field="idempotency_key")
        return _same_request(existing, kind)
    jobs_dao.add_events(call.session, [execution.event(job, "queued", now=now)])
    call.audit("job.submit", resource_type="job", resource_id=job.id, kind=kind)
    SIGNAL.notify_after_commit(call.session)
    return job


def _same_request(existing: Job, kind: str) -> Job:
    if existing.kind != kind:
        raise Conflict(
            f"idempotency key was already used for a '{existing.kind}' job ({existing.id})", field="idempotency_key"
        )
    return existing


def accepted(job: Job, **domain_ids: str) -> JobAccepted:
    """The 202 answer for a started job, carrying the domain's own id (`scan_id=...`)."""
    return JobAccepted(
        job_id=job.id, status=JobStatus(job.status), kind=job.kind, events_url=f"/v1/jobs/{job.id}/events", **domain_ids
    )


def _job(call: Call, job_id: str) -> Job:
    job = jobs_dao.get_job(call.session, call.scope, job_id)
    if job is None:
        raise NotFound("job", job_id)
    return job


def get_job(call: Call, job_id: str) -> JobRead:
    """One job of the current workspace."""
    job = _job(call, job_id)
    call.require(Permission.JOB_READ, resource_type="job", resource_id=job.id)
    return JobRead.model_validate(job)


def list_jobs(call: Call, query: JobQuery) -> PageOut[JobRead]:
    """Jobs of the current workspace, newest first, filtered by status and kind."""
    scope = call.scope
    call.require(Permission.JOB_READ)
    page = jobs_dao.list_jobs(
        call.session,
        scope,
        status=query.status.value if query.status else None,
        kind=query.kind,
        page=query.page_request(sorts=JOB_SORTS),
    )
    return PageOut.of(page, JobRead)


def cancel_job(call: Call, job_id: str) -> JobRead:
    """Cancel a job: a queued one at once, a running one at its handler's next progress report."""
    job = _job(call, job_id)
    call.require(Permission.JOB_CANCEL, resource_type="job", resource_id=job.id)
    if JobStatus(job.status).terminal:
        raise Conflict(f"job '{job.id}' has already {job.status}", field="job_id")
    now = utcnow()
    row = jobs_dao.request_cancel(call.session, call.scope, job.id, now=now)
    if row is None:
        raise Conflict(f"job '{job.id}' finished while being cancelled", field="job_id")
    type_ = "cancelled" if row.status == JobStatus.CANCELLED else "cancel_requested"
    jobs_dao.add_events(call.session, [execution.event(row, type_, now=now, message=f"by {call.principal.label}")])
    call.audit("job.cancel", resource_type="job", resource_id=job.id, status=row.status)
    return JobRead.model_validate(row)


def job_events(call: Call, job_id: str, *, after_id: int = 0, limit: int = 100) -> JobEventsPage:
    """A job's events after `after_id`, and whether nothing more will come."""
    job = _job(call, job_id)
    call.require(Permission.JOB_READ, resource_type="job", resource_id=job.id)
    events = jobs_dao.events_after(call.session, call.scope, job.id, after_id=after_id, limit=limit)
    status = JobStatus(job.status)
    return JobEventsPage(
        events=[JobEventRead.model_validate(e) for e in events],
        status=status,
        done=status.terminal and len(events) < limit,
    )
