"""The queue interface every worker uses, and its implementation on the system DB (the control plane).

In-process workers call `DbQueue` directly; remote workers call the same methods over HTTP
(`HttpQueue`), which the control plane answers with a `DbQueue` scoped to the worker token.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from datetime import timedelta
from typing import Any, ClassVar, Protocol

import anyio
import structlog

from datalinx.core.errors import Conflict, NotFound
from datalinx.core.jobs import execution, registry
from datalinx.core.jobs.schemas import JobStatus, LeasedJob, LeaseRef, LeaseState
from datalinx.core.jobs.signal import SIGNAL, QueueSignal
from datalinx.core.runtime import Runtime
from datalinx.dao import jobs as jobs_dao
from datalinx.dao.jobs import CLEARED_LEASE, QueueScope
from datalinx.dao.models import utcnow

log = structlog.get_logger("datalinx.jobs")


class JobQueue(Protocol):
    """What a worker needs from the queue, whether it sits next to the system DB or across HTTP."""

    def lease(self, *, worker: str, limit: int, kinds: Sequence[str], wait_seconds: float = 0.0) -> list[LeasedJob]:
        """Lease up to `limit` due jobs, waiting up to `wait_seconds` for one."""
        ...

    def heartbeat(self, leases: Sequence[LeaseRef]) -> list[LeaseState]:
        """Extend the leases still held; say which are lost or asked to cancel."""
        ...

    def progress(self, lease: LeaseRef, fraction: float, message: str | None) -> LeaseState:
        """Record progress (and extend the lease); Conflict when the lease is no longer held."""
        ...

    def complete(self, lease: LeaseRef, result: dict[str, Any]) -> JobStatus:
        """Store the result and mark the job succeeded; Conflict when the lease is no longer held."""
        ...

    def complete_many(self, items: Sequence[tuple[LeaseRef, dict[str, Any]]]) -> list[JobStatus | None]:
        """`complete` for several jobs at once; None for a lease no longer held."""
        ...

    def fail(self, lease: LeaseRef, error: str, *, retryable: bool = True, cancelled: bool = False) -> JobStatus:
        """Record a failure: retry later with backoff, or fail (or cancel) for good."""
        ...

    def secret(self, lease: LeaseRef, secret_id: str) -> str:
        """The plaintext of a secret of the leased job's workspace (the control plane holds the master key)."""
        ...

    def release(self, leases: Sequence[LeaseRef]) -> list[str]:
        """Give leases back unrun (shutdown): the jobs return to the queue without spending an attempt."""
        ...

    def wake(self) -> None:
        """Interrupt a lease call waiting in this process."""
        ...


class DbQueue:
    """The queue on the system DB, limited to `scope` (everything for the control plane's own workers)."""

    # When each (system DB, scope) has its expired leases looked for next; shared by a process's queues.
    _next_reclaim: ClassVar[dict[tuple[str, QueueScope], float]] = {}

    def __init__(self, runtime: Runtime, scope: QueueScope | None = None, signal: QueueSignal = SIGNAL) -> None:
        self.runtime = runtime
        self.scope = scope or QueueScope()
        self.signal = signal
        self.settings = runtime.settings
        self._busy = False  # the last lease came back full: skip the cheap "anything due?" read
        registry.load(self.settings.job_modules)

    @property
    def lease_duration(self) -> timedelta:
        return timedelta(seconds=self.settings.job_lease_seconds)

    def lease(self, *, worker: str, limit: int, kinds: Sequence[str], wait_seconds: float = 0.0) -> list[LeasedJob]:
        generation = self.signal.generation
        jobs = self._lease_once(worker, limit, kinds)
        if jobs or wait_seconds <= 0:
            return jobs
        # Wait for a job queued in this process (or for `wake`), then look once more.
        self.signal.wait(generation, wait_seconds)
        return self._lease_once(worker, limit, kinds)

    async def lease_async(
        self, *, worker: str, limit: int, kinds: Sequence[str], wait_seconds: float = 0.0
    ) -> list[LeasedJob]:
        """`lease` for an event loop (the remote workers' long poll): waits without holding a thread."""
        deadline = time.monotonic() + wait_seconds
        while True:
            generation = self.signal.generation
            jobs = await anyio.to_thread.run_sync(lambda: self._lease_once(worker, limit, kinds))
            remaining = deadline - time.monotonic()
            if jobs or remaining <= 0:
                return jobs
            await self.signal.wait_async(generation, min(remaining, self.settings.worker_poll_seconds))

    def _lease_once(self, worker: str, limit: int, kinds: Sequence[str]) -> list[LeasedJob]:
        self.reclaim_expired()
        known = [kind for kind in kinds if registry.get(kind) is not None]
        if not known:
            return []
        now = utcnow()
        if not self._busy:
            with self.runtime.db.transaction() as session:
                if not jobs_dao.has_due(session, self.scope, kinds=known, now=now):
                    return []
        token = secrets.token_urlsafe(24)
        values = {
            "status": JobStatus.RUNNING.value,
            "lease_owner": worker[:200],
            "lease_token": token,
            "lease_expires_at": now + self.lease_duration,
            "started_at": now,
            "updated_at": now,
        }
        with self.runtime.db.transaction() as session:
            rows = jobs_dao.lease(session, self.scope, kinds=known, limit=limit, now=now, values=values)
            granted = execution.authorize(self.runtime, session, rows, now=now)
            jobs_dao.add_events(session, [execution.event(row, "started", now=now) for row in granted])
        self._busy = len(rows) == limit
        return [execution.leased(row, self.settings.job_lease_seconds) for row in granted]

    def heartbeat(self, leases: Sequence[LeaseRef]) -> list[LeaseState]:
        now = utcnow()
        values = {"lease_expires_at": now + self.lease_duration}
        with self.runtime.db.transaction() as session:
            rows = jobs_dao.extend_leases(session, self.scope, [(r.job_id, r.lease_token) for r in leases], values)
        held = {row.id: row for row in rows}
        return [
            LeaseState(
                job_id=ref.job_id,
                held=ref.job_id in held,
                cancel_requested=bool(held[ref.job_id].cancel_requested) if ref.job_id in held else False,
                lease_expires_at=held[ref.job_id].lease_expires_at if ref.job_id in held else None,
            )
            for ref in leases
        ]

    def _claim(self, session: Any, lease: LeaseRef, values: dict[str, Any]) -> Any:
        row = jobs_dao.claim(session, self.scope, lease.job_id, lease.lease_token, values)
        if row is not None:
            return row
        if not jobs_dao.in_scope(session, self.scope, lease.job_id):
            raise NotFound("job", lease.job_id)
        raise Conflict(f"job '{lease.job_id}' is not leased with this token (the lease expired or was re-leased)")

    def progress(self, lease: LeaseRef, fraction: float, message: str | None) -> LeaseState:
        now = utcnow()
        values = {
            "progress": fraction,
            "progress_message": message,
            "lease_expires_at": now + self.lease_duration,
            "updated_at": now,
        }
        with self.runtime.db.transaction() as session:
            row = self._claim(session, lease, values)
            jobs_dao.add_events(
                session, [execution.event(row, "progress", now=now, message=message, progress=fraction)]
            )
        return LeaseState(
            job_id=row.id, held=True, cancel_requested=row.cancel_requested, lease_expires_at=row.lease_expires_at
        )

    def complete(self, lease: LeaseRef, result: dict[str, Any]) -> JobStatus:
        (status,) = self.complete_many([(lease, result)], refusals="raise")
        assert status is not None
        return status

    def complete_many(
        self, items: Sequence[tuple[LeaseRef, dict[str, Any]]], *, refusals: str = "none"
    ) -> list[JobStatus | None]:
        """Complete several jobs: those without a completion step in one transaction, the rest one by one.

        A lease no longer held answers None (or raises Conflict/NotFound with `refusals="raise"`).
        """
        now = utcnow()
        finished: dict[str, JobStatus] = {}
        try:
            with self.runtime.db.transaction() as session:
                leases = [(lease.job_id, lease.lease_token) for lease, _ in items]
                kinds = registry.without_completion()
                rows = jobs_dao.finish_hookless(session, self.scope, leases, kinds=kinds, now=now)
                finished = {row.id: JobStatus(row.status) for row in rows}
                results = [
                    (lease.job_id, result) for lease, result in items if finished.get(lease.job_id) == "succeeded"
                ]
                jobs_dao.store_results(session, results)
                execution.finished(session, rows, now=now)
        except Exception:
            log.exception("job.batch_complete_failed", jobs=len(items))
            finished = {}
        statuses: list[JobStatus | None] = []
        for lease, result in items:
            if lease.job_id in finished:
                statuses.append(finished[lease.job_id])
                continue
            try:
                statuses.append(self._complete_one(lease, result))
            except (Conflict, NotFound):
                if refusals == "raise":
                    raise
                statuses.append(None)
        return statuses

    def _complete_one(self, lease: LeaseRef, result: dict[str, Any]) -> JobStatus:
        now = utcnow()
        try:
            with self.runtime.db.transaction() as session:
                row = self._claim(session, lease, {"updated_at": now})
                return execution.finish_success(self.runtime, session, row, result, now=now)
        except (Conflict, NotFound):
            raise
        except Exception as exc:
            # The domain's completion step failed: the job fails like a handler error would.
            log.exception("job.complete_failed", job_id=lease.job_id)
            return self.fail(lease, f"completing the job failed: {type(exc).__name__}: {exc}")

    def fail(self, lease: LeaseRef, error: str, *, retryable: bool = True, cancelled: bool = False) -> JobStatus:
        now = utcnow()
        with self.runtime.db.transaction() as session:
            row = self._claim(session, lease, {"updated_at": now})
            status = execution.finish_failure(
                session, row, error, retryable=retryable, cancelled=cancelled, now=now, settings=self.settings
            )
            if status is JobStatus.QUEUED:
                self.signal.notify_after_commit(session)
        return status

    def secret(self, lease: LeaseRef, secret_id: str) -> str:
        with self.runtime.db.transaction() as session:
            row = self._claim(session, lease, {"updated_at": utcnow()})
            return execution.reveal_secret(self.runtime, session, row, secret_id)

    def release(self, leases: Sequence[LeaseRef]) -> list[str]:
        now = utcnow()
        released = []
        with self.runtime.db.transaction() as session:
            for lease in leases:
                row = jobs_dao.claim(session, self.scope, lease.job_id, lease.lease_token, {"updated_at": now})
                if row is None:
                    continue
                values = {"status": "queued", "attempts": max(row.attempts - 1, 0), "run_at": now, **CLEARED_LEASE}
                jobs_dao.set_fields(session, row.id, values)
                jobs_dao.add_events(session, [execution.event(row, "released", now=now, status=JobStatus.QUEUED)])
                released.append(row.id)
            self.signal.notify_after_commit(session)
        return released

    def reclaim_expired(self, *, force: bool = False) -> int:
        """Return jobs whose lease expired to the queue (or fail/cancel them); runs at most every lease/4."""
        key = (self.runtime.db.url, self.scope)
        if not force and time.monotonic() < self._next_reclaim.get(key, 0.0):
            return 0
        self._next_reclaim[key] = time.monotonic() + max(self.settings.job_lease_seconds / 4, 0.05)
        now = utcnow()
        with self.runtime.db.transaction() as session:
            expired = jobs_dao.expired_leases(session, self.scope, now=now, limit=500)
            for job_id, token in expired:
                row = jobs_dao.claim(session, self.scope, job_id, token, {"updated_at": now})
                if row is not None:
                    execution.expire(session, row, now=now)
            if expired:
                self.signal.notify_after_commit(session)
        return len(expired)

    def wake(self) -> None:
        self.signal.notify()
