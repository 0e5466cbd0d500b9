"""Control-plane steps of a job's life: the permission re-check at lease time and every way a job ends."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy.orm import Session

from datalinx.config import Settings
from datalinx.core.audit import manager as audit
from datalinx.core.auth import manager as auth
from datalinx.core.auth.permissions import Role
from datalinx.core.auth.principal import Principal, PrincipalType
from datalinx.core.context import Call, RequestMeta
from datalinx.core.errors import NotFound, Unauthenticated
from datalinx.core.jobs import metrics, registry
from datalinx.core.jobs.schemas import JobRead, JobStatus, LeasedJob
from datalinx.core.runtime import Runtime
from datalinx.core.secrets import manager as secrets
from datalinx.dao import jobs as jobs_dao
from datalinx.dao import secrets as secrets_dao
from datalinx.dao import tenancy as tenancy_dao
from datalinx.dao.jobs import CLEARED_LEASE
from datalinx.dao.scope import Scope

log = structlog.get_logger("datalinx.jobs")

Row = Any  # a row of the jobs table as returned by the queue's statements


def event(
    row: Row,
    type_: str,
    *,
    now: datetime,
    message: str | None = None,
    status: JobStatus | None = None,
    progress: float | None = None,
) -> dict[str, Any]:
    """A job_events row describing `row` at this moment."""
    return {
        "job_id": row.id,
        "org_id": row.org_id,
        "type": type_,
        "status": (status or JobStatus(row.status)).value,
        "attempt": row.attempts,
        "progress": row.progress if progress is None else progress,
        "message": message,
        "created_at": now,
    }


def leased(row: Row, lease_seconds: float) -> LeasedJob:
    return LeasedJob(
        id=row.id,
        org_id=row.org_id,
        workspace_id=row.workspace_id,
        kind=row.kind,
        payload=row.payload or {},
        attempt=row.attempts,
        max_attempts=row.max_attempts,
        lease_token=row.lease_token,
        lease_expires_at=row.lease_expires_at,
        lease_seconds=lease_seconds,
    )


def _load_principal(session: Session, row: Row) -> Principal | None:
    try:
        return auth.load_principal(
            session, principal_type=PrincipalType(row.principal_type), principal_id=row.principal_id, org_id=row.org_id
        )
    except Unauthenticated:
        return None


def _denial(principal: Principal | None, row: Row) -> str | None:
    """Why the job's principal may not run it now, or None when it may."""
    kind = registry.get(row.kind)
    if kind is None:
        return f"job kind '{row.kind}' is not known to the control plane"
    if principal is None:
        return "the account that submitted the job is inactive or deleted"
    if principal.can(kind.permission, row.workspace_id):
        return None
    role = principal.role_in(row.workspace_id)
    if role is None:
        return f"{principal.label} is no longer a member of the job's workspace (needs '{kind.permission}')"
    return f"role '{role}' lacks permission '{kind.permission}' in the job's workspace"


def deny(session: Session, row: Row, principal: Principal | None, reason: str, *, now: datetime) -> None:
    """Fail the job for good with a permission error, and write the denial to the audit trail."""
    error = f"permission denied: {reason}"
    values = {"status": JobStatus.FAILED.value, "error": error, "finished_at": now, "updated_at": now}
    jobs_dao.set_fields(session, row.id, {**values, **CLEARED_LEASE})
    jobs_dao.add_events(session, [event(row, "failed", now=now, message=error, status=JobStatus.FAILED)])
    actor = principal or Principal(
        type=PrincipalType(row.principal_type),
        id=row.principal_id,
        org_id=row.org_id,
        name=row.principal_id,
        org_role=Role.VIEWER,
    )
    kind = registry.get(row.kind)
    audit.record(
        session,
        principal=actor,
        workspace_id=row.workspace_id,
        action=str(kind.permission) if kind else "job.run",
        resource_type="job",
        resource_id=row.id,
        outcome="denied",
        request_id=row.request_id,
        detail={"reason": reason, "kind": row.kind, "attempt": row.attempts, "transport": "worker"},
    )
    metrics.FAILURES.labels(row.kind).inc()
    log.warning("job.denied", job_id=row.id, kind=row.kind, reason=reason)


def authorize(runtime: Runtime, session: Session, rows: list[Row], *, now: datetime) -> list[Row]:
    """Re-load each job's principal and re-check its kind's permission in the job's workspace.

    Jobs whose principal may no longer run them fail here, before any worker sees them.
    """
    principals: dict[tuple[str, str, str], Principal | None] = {}
    granted = []
    for row in rows:
        key = (row.principal_type, row.principal_id, row.org_id)
        if key not in principals:
            principals[key] = _load_principal(session, row)
        reason = _denial(principals[key], row)
        if reason is None:
            granted.append(row)
        else:
            deny(session, row, principals[key], reason, now=now)
    return granted


def job_call(runtime: Runtime, session: Session, row: Row, principal: Principal) -> Call:
    """A Call acting as the job's principal in the job's workspace, inside the queue's transaction."""
    workspace = tenancy_dao.find_workspace(session, Scope(org_id=row.org_id), row.workspace_id)
    meta = RequestMeta(request_id=row.request_id or RequestMeta.new("worker").request_id, transport="worker")
    return Call(runtime=runtime, session=session, principal=principal, workspace=workspace, meta=meta)


def referenced_secrets(payload: dict[str, Any]) -> set[str]:
    """Secret ids the job's own payload names (`secret_id` / `secret_ids`): the only ones its worker may see."""
    named = {payload.get("secret_id")} | set(payload.get("secret_ids") or [])
    return {str(value) for value in named if value}


def reveal_secret(runtime: Runtime, session: Session, row: Row, secret_id: str) -> str:
    """A secret the job's payload names, of the job's org and workspace (or the whole org); others are not found."""
    scope = Scope(org_id=row.org_id)
    stored = secrets_dao.get(session, scope, secret_id)
    if secret_id not in referenced_secrets(row.payload or {}):
        raise NotFound("secret", secret_id)
    if stored is None or stored.workspace_id not in (None, row.workspace_id):
        raise NotFound("secret", secret_id)
    log.info("job.secret_revealed", job_id=row.id, secret_id=secret_id, worker=row.lease_owner)
    return secrets.reveal(session=session, keyring=runtime.keyring, scope=scope, secret_id=secret_id)


def _duration(row: Row, now: datetime) -> float:
    return max((now - row.started_at).total_seconds(), 0.0) if row.started_at else 0.0


def finish_success(runtime: Runtime, session: Session, row: Row, result: dict[str, Any], *, now: datetime) -> JobStatus:
    """Mark a claimed job succeeded (or cancelled, if that was asked meanwhile), running its kind's `complete`."""
    if row.cancel_requested:
        values = {"status": JobStatus.CANCELLED.value, "finished_at": now}
        jobs_dao.set_fields(session, row.id, {**values, **CLEARED_LEASE})
        jobs_dao.add_events(session, [event(row, "cancelled", now=now, status=JobStatus.CANCELLED)])
        return JobStatus.CANCELLED
    kind = registry.get(row.kind)
    if kind is not None and kind.complete is not None:
        principal = _load_principal(session, row)
        reason = _denial(principal, row)
        if reason is not None:
            deny(session, row, principal, reason, now=now)
            return JobStatus.FAILED
        assert principal is not None
        done = JobRead.model_validate({**row._mapping, "status": JobStatus.SUCCEEDED, "result": result})
        kind.complete(job_call(runtime, session, row, principal), done, result)
    values = {"status": JobStatus.SUCCEEDED.value, "result": result, "progress": 1.0, "error": None, "finished_at": now}
    jobs_dao.set_fields(session, row.id, {**values, **CLEARED_LEASE})
    jobs_dao.add_events(session, [event(row, "succeeded", now=now, status=JobStatus.SUCCEEDED, progress=1.0)])
    metrics.DURATION.labels(row.kind, "succeeded").observe(_duration(row, now))
    return JobStatus.SUCCEEDED


def finished(session: Session, rows: list[Row], *, now: datetime) -> None:
    """Record the end of jobs already finished in the table (`rows` hold their new state)."""
    jobs_dao.add_events(session, [event(row, row.status, now=now) for row in rows])
    for row in rows:
        if row.status == JobStatus.SUCCEEDED:
            metrics.DURATION.labels(row.kind, row.status).observe(_duration(row, now))


def retry_delay(attempt: int, settings: Settings) -> float:
    """Exponential backoff: base * 2^(attempt-1), capped, plus up to 10% jitter."""
    delay = min(settings.job_retry_base_seconds * 2 ** max(attempt - 1, 0), settings.job_retry_max_seconds)
    return delay * (1 + random.random() / 10)


def finish_failure(
    session: Session, row: Row, error: str, *, retryable: bool, cancelled: bool, now: datetime, settings: Settings
) -> JobStatus:
    """Record a failed attempt: cancelled, queued again after a backoff, or failed with the error kept."""
    if cancelled or row.cancel_requested:
        status, type_, values = JobStatus.CANCELLED, "cancelled", {"finished_at": now}
        message = "stopped at the handler's next progress report" if cancelled else error
    elif retryable and row.attempts < row.max_attempts:
        delay = retry_delay(row.attempts, settings)
        status, type_, values = JobStatus.QUEUED, "retry", {"run_at": now + timedelta(seconds=delay), "error": error}
        message = f"attempt {row.attempts} of {row.max_attempts} failed: {error}; retrying in {delay:.2f}s"
        metrics.RETRIES.labels(row.kind).inc()
    else:
        status, type_, values = JobStatus.FAILED, "failed", {"finished_at": now, "error": error}
        message = error
        metrics.FAILURES.labels(row.kind).inc()
        metrics.DURATION.labels(row.kind, "failed").observe(_duration(row, now))
    jobs_dao.set_fields(session, row.id, {"status": status.value, **values, **CLEARED_LEASE})
    jobs_dao.add_events(session, [event(row, type_, now=now, message=message, status=status)])
    log.info("job.attempt_failed", job_id=row.id, kind=row.kind, status=status.value, error=error[:200])
    return status


def expire(session: Session, row: Row, *, now: datetime) -> None:
    """A claimed job whose lease expired: back to the queue, or failed when no attempt is left."""
    owner = row.lease_owner or "a worker"
    if row.cancel_requested:
        status, values, message = JobStatus.CANCELLED, {"finished_at": now}, f"lease held by {owner} expired"
    elif row.attempts >= row.max_attempts:
        error = f"the worker ({owner}) stopped renewing its lease on attempt {row.attempts}; no attempts left"
        status, values, message = JobStatus.FAILED, {"finished_at": now, "error": error}, error
        metrics.FAILURES.labels(row.kind).inc()
    else:
        status, values = JobStatus.QUEUED, {"run_at": now}
        message = f"lease held by {owner} expired; returned to the queue"
    jobs_dao.set_fields(session, row.id, {"status": status.value, **values, **CLEARED_LEASE})
    jobs_dao.add_events(session, [event(row, "lease_expired", now=now, message=message, status=status)])
    log.warning("job.lease_expired", job_id=row.id, owner=owner, status=status.value)
