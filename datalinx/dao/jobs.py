"""Jobs and their events: workspace-scoped reads for clients, compare-and-set statements for the queue.

Every queue transition is one UPDATE whose WHERE repeats the state it expects (status, lease token), so
it is atomic on SQLite (one writer at a time) and on PostgreSQL (the row lock re-checks the WHERE).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, case, func, insert, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from datalinx.dao.models import Job, JobEvent
from datalinx.dao.pagination import Page, PageRequest, paginate
from datalinx.dao.scope import Scope

JOBS = Job.__table__
EVENTS = JobEvent.__table__
CLEARED_LEASE = {"lease_owner": None, "lease_token": None, "lease_expires_at": None}


@dataclass(frozen=True)
class QueueScope:
    """Which jobs a queue may touch: all (the control plane's own workers) or one org's chosen workspaces."""

    org_id: str | None = None
    workspace_ids: frozenset[str] | None = None

    def where(self) -> list[Any]:
        clauses: list[Any] = []
        if self.org_id is not None:
            clauses.append(JOBS.c.org_id == self.org_id)
        if self.workspace_ids is not None:
            clauses.append(JOBS.c.workspace_id.in_(sorted(self.workspace_ids)))
        return clauses


# Client side: always within one workspace.


def create_job(session: Session, scope: Scope, **fields: Any) -> Job | None:
    """Insert a job, or nothing when its idempotency key is already used in the workspace (then None).

    ON CONFLICT DO NOTHING rather than a savepoint: pysqlite's savepoints would commit the caller's
    transaction early, and the job must stay in the transaction of the call that submits it.
    """
    dialect_insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        dialect_insert(JOBS)
        .values(org_id=scope.org_id, workspace_id=scope.workspace, **fields)
        .on_conflict_do_nothing(index_elements=["workspace_id", "idempotency_key"])
        .returning(JOBS.c.id)
    )
    job_id = session.connection().execute(statement).scalar()
    return None if job_id is None else session.get(Job, job_id)


def get_job(session: Session, scope: Scope, job_id: str) -> Job | None:
    query = select(Job).where(Job.org_id == scope.org_id, Job.workspace_id == scope.workspace, Job.id == job_id)
    return session.scalars(query).first()


def find_by_idempotency_key(session: Session, scope: Scope, key: str) -> Job | None:
    query = select(Job).where(
        Job.org_id == scope.org_id, Job.workspace_id == scope.workspace, Job.idempotency_key == key
    )
    return session.scalars(query).first()


def list_jobs(session: Session, scope: Scope, *, status: str | None, kind: str | None, page: PageRequest) -> Page[Job]:
    query = select(Job).where(Job.org_id == scope.org_id, Job.workspace_id == scope.workspace)
    if status:
        query = query.where(Job.status == status)
    if kind:
        query = query.where(Job.kind == kind)
    return paginate(session, query, sort_column=getattr(Job, page.sort), id_column=Job.id, page=page)


def events_after(session: Session, scope: Scope, job_id: str, *, after_id: int, limit: int) -> list[JobEvent]:
    query = (
        select(JobEvent)
        .join(Job, Job.id == JobEvent.job_id)
        .where(Job.org_id == scope.org_id, Job.workspace_id == scope.workspace, JobEvent.job_id == job_id)
        .where(JobEvent.id > after_id)
        .order_by(JobEvent.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def add_events(session: Session, events: Sequence[dict[str, Any]]) -> None:
    """Append events (job_id, org_id, type, status, attempt, progress, message, created_at) in one statement."""
    if events:
        session.connection().execute(insert(EVENTS), list(events))


# Queue side: compare-and-set statements, filtered by the queue's scope.


def lease(
    session: Session,
    scope: QueueScope,
    *,
    kinds: Sequence[str],
    limit: int,
    now: datetime,
    values: dict[str, Any],
) -> list[Row[Any]]:
    """Lease up to `limit` due jobs, highest priority first: one UPDATE over a SKIP LOCKED pick.

    The pick is a materialised CTE: as an `IN (subquery)` PostgreSQL may run it more than once and
    lease more than `limit` jobs.
    """
    due = [JOBS.c.status == "queued", JOBS.c.run_at <= now, JOBS.c.kind.in_(list(kinds)), *scope.where()]
    picked = (
        select(JOBS.c.id)
        .where(*due)
        .order_by(JOBS.c.priority.desc(), JOBS.c.run_at, JOBS.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)  # PostgreSQL; SQLite renders nothing and runs one writer at a time
        .cte("picked")
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
    statement = (
        update(JOBS)
        .where(JOBS.c.id == picked.c.id, JOBS.c.status == "queued")
        .values(attempts=JOBS.c.attempts + 1, **values)
        .returning(*JOBS.c)
    )
    rows = list(session.connection().execute(statement))
    # RETURNING follows no ORDER BY: hand the jobs out in pick order.
    return sorted(rows, key=lambda row: (-row.priority, row.run_at, row.id))


def has_due(session: Session, scope: QueueScope, *, kinds: Sequence[str], now: datetime) -> bool:
    """A cheap read before a lease: is any job due? (SQLite readers do not wait for the writer.)"""
    query = select(JOBS.c.id).where(
        JOBS.c.status == "queued", JOBS.c.run_at <= now, JOBS.c.kind.in_(list(kinds)), *scope.where()
    )
    return session.connection().execute(query.limit(1)).first() is not None


def claim(
    session: Session, scope: QueueScope, job_id: str, lease_token: str, values: dict[str, Any]
) -> Row[Any] | None:
    """Update a running job only while `lease_token` still holds its lease; None when it does not."""
    statement = (
        update(JOBS)
        .where(JOBS.c.id == job_id, JOBS.c.lease_token == lease_token, JOBS.c.status == "running", *scope.where())
        .values(**values)
        .returning(*JOBS.c)
    )
    return session.connection().execute(statement).first()


def finish_hookless(
    session: Session,
    scope: QueueScope,
    leases: Sequence[tuple[str, str]],
    *,
    kinds: Sequence[str],
    now: datetime,
) -> list[Row[Any]]:
    """Finish held jobs of kinds without a completion step in one statement (cancelled where that was asked).

    The results are stored next, with `store_results`, for the jobs that come back succeeded.
    """
    if not leases or not kinds:
        return []
    cancelled = JOBS.c.cancel_requested
    statement = (
        update(JOBS)
        .where(tuple_(JOBS.c.id, JOBS.c.lease_token).in_(list(leases)), JOBS.c.status == "running", *scope.where())
        .where(JOBS.c.kind.in_(list(kinds)))
        .values(
            status=case((cancelled, "cancelled"), else_="succeeded"),
            progress=case((cancelled, JOBS.c.progress), else_=1.0),
            error=None,
            finished_at=now,
            updated_at=now,
            **CLEARED_LEASE,
        )
        .returning(*JOBS.c)
    )
    return list(session.connection().execute(statement))


def store_results(session: Session, results: Sequence[tuple[str, dict[str, Any]]]) -> None:
    """Set the result of each (job id, result) in one executemany."""
    if results:
        statement = update(JOBS).where(JOBS.c.id == bindparam("b_id")).values(result=bindparam("b_result"))
        session.connection().execute(statement, [{"b_id": job_id, "b_result": result} for job_id, result in results])


def set_fields(session: Session, job_id: str, values: dict[str, Any]) -> None:
    """Update a job already claimed in this transaction."""
    session.connection().execute(update(JOBS).where(JOBS.c.id == job_id).values(**values))


def extend_leases(
    session: Session, scope: QueueScope, leases: Sequence[tuple[str, str]], values: dict[str, Any]
) -> list[Row[Any]]:
    """Renew the leases still held by their tokens; returns (id, cancel_requested, lease_expires_at) of those."""
    if not leases:
        return []
    statement = (
        update(JOBS)
        .where(tuple_(JOBS.c.id, JOBS.c.lease_token).in_(list(leases)), JOBS.c.status == "running", *scope.where())
        .values(**values)
        .returning(JOBS.c.id, JOBS.c.cancel_requested, JOBS.c.lease_expires_at)
    )
    return list(session.connection().execute(statement))


def expired_leases(session: Session, scope: QueueScope, *, now: datetime, limit: int) -> list[Row[Any]]:
    query = select(JOBS.c.id, JOBS.c.lease_token).where(
        JOBS.c.status == "running", JOBS.c.lease_expires_at < now, *scope.where()
    )
    return list(session.connection().execute(query.limit(limit)))


def in_scope(session: Session, scope: QueueScope, job_id: str) -> bool:
    return (
        session.connection().execute(select(JOBS.c.id).where(JOBS.c.id == job_id, *scope.where())).first() is not None
    )


def request_cancel(session: Session, scope: Scope, job_id: str, *, now: datetime) -> Row[Any] | None:
    """Cancel a queued job at once, or flag a running one; None when the job has already finished."""
    owned = [JOBS.c.id == job_id, JOBS.c.org_id == scope.org_id, JOBS.c.workspace_id == scope.workspace]
    queued = (
        update(JOBS)
        .where(*owned, JOBS.c.status == "queued")
        .values(status="cancelled", cancel_requested=True, finished_at=now, updated_at=now)
        .returning(*JOBS.c)
    )
    row = session.connection().execute(queued).first()
    if row is not None:
        return row
    running = (
        update(JOBS)
        .where(*owned, JOBS.c.status == "running")
        .values(cancel_requested=True, updated_at=now)
        .returning(*JOBS.c)
    )
    return session.connection().execute(running).first()


def count_unfinished(session: Session) -> dict[str, int]:
    """Platform-wide queue depth (queued and running), for /metrics."""
    query = select(JOBS.c.status, func.count()).where(JOBS.c.status.in_(["queued", "running"])).group_by(JOBS.c.status)
    return {status: count for status, count in session.connection().execute(query)}
