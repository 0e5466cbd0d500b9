"""Group commit of job results: under load, many jobs complete in one transaction, with no extra thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import structlog

from datalinx.core.jobs.schemas import LeasedJob

if TYPE_CHECKING:
    from datalinx.core.jobs.queue import JobQueue

log = structlog.get_logger("datalinx.worker")

BATCH = 64


class ResultBatcher:
    """Results waiting to be recorded; whichever thread arrives first records all of them, in batches."""

    def __init__(self, queue: JobQueue, *, forget: Callable[[list[str]], None], worker: str) -> None:
        self.queue = queue
        self.forget = forget
        self.worker = worker
        self._pending: list[tuple[LeasedJob, dict[str, Any]]] = []
        self._lock = threading.Lock()
        self._flushing = False

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def add(self, job: LeasedJob, result: dict[str, Any], *, linger: bool) -> None:
        """Queue a result and record what is queued, unless `linger` (more quick jobs are about to finish).

        A lingering result is recorded with the next batch, or by the next `flush` (the heartbeat's tick).
        """
        with self._lock:
            self._pending.append((job, result))
            if linger and len(self._pending) < BATCH:
                return
        self.flush()

    def flush(self) -> None:
        """Record every queued result, unless another thread is already doing so."""
        with self._lock:
            if self._flushing or not self._pending:
                return
            self._flushing = True
        while True:
            with self._lock:
                batch, self._pending = self._pending[:BATCH], self._pending[BATCH:]
                if not batch:
                    self._flushing = False
                    return
            self._record(batch)

    def _record(self, batch: list[tuple[LeasedJob, dict[str, Any]]]) -> None:
        try:
            statuses = self.queue.complete_many([(job.ref, result) for job, result in batch])
        except Exception as exc:  # the leases will expire and the jobs run again
            log.warning("worker.complete_failed", worker=self.worker, error=f"{type(exc).__name__}: {exc}")
            statuses = [None] * len(batch)
        for (job, _), status in zip(batch, statuses, strict=True):
            if status is None:
                log.warning("worker.completion_refused", worker=self.worker, job_id=job.id)
            else:
                log.debug("worker.job_done", worker=self.worker, job_id=job.id, kind=job.kind, status=status.value)
        self.forget([job.id for job, _ in batch])
