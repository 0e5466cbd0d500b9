"""A worker pool: lease jobs for free slots, run handlers on threads, heartbeat, and shut down gracefully.

The same pool runs inside `datalinx serve` (on a `DbQueue`) and as `datalinx worker` (on an `HttpQueue`).
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from queue import SimpleQueue
from typing import TYPE_CHECKING

import structlog

from datalinx.core.errors import Conflict, DatalinxError, Forbidden, Invalid, NotFound, Unauthenticated
from datalinx.core.jobs import registry
from datalinx.core.jobs.completion import ResultBatcher
from datalinx.core.jobs.context import JobCancelled, JobContext, JobStopped, LeaseLost
from datalinx.core.jobs.schemas import LeasedJob, LeaseState

if TYPE_CHECKING:  # a remote worker never imports the system DB's side of the queue
    from datalinx.core.jobs.queue import JobQueue
    from datalinx.core.runtime import Runtime

log = structlog.get_logger("datalinx.worker")

PERMANENT_ERRORS = (Invalid, NotFound, Forbidden)
QUICK_HANDLER_SECONDS = 0.02
MAX_PREFETCH = 100


def default_name() -> str:
    """host:pid:random, so a lease names the process holding it."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


@dataclass
class _Running:
    job: LeasedJob
    cancel_requested: bool = False
    lost: bool = False


class WorkerPool:
    """`concurrency` runner threads fed by one leasing thread, with one heartbeat thread renewing leases."""

    def __init__(
        self,
        queue: JobQueue,
        *,
        home: Path,
        concurrency: int,
        wait_seconds: float,
        grace_seconds: float,
        name: str | None = None,
        kinds: Sequence[str] | None = None,
    ) -> None:
        self.queue = queue
        self.home = home
        self.concurrency = concurrency
        self.wait_seconds = wait_seconds
        self.grace_seconds = grace_seconds
        self.name = name or default_name()
        self.kinds = list(kinds) if kinds is not None else registry.names()
        self.fatal: Exception | None = None
        self._handler_seconds: float | None = None  # moving average of recent handler run times
        self._work: SimpleQueue[LeasedJob | None] = SimpleQueue()
        self._results = ResultBatcher(queue, forget=self._forget, worker=self.name)
        self._running: dict[str, _Running] = {}
        self._changed = threading.Condition()
        self._stopping = threading.Event()
        self._heartbeat_stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        """Start the leasing, heartbeat and runner threads."""
        targets = [(self._dispatch, "lease"), (self._heartbeat, "heartbeat")]
        targets += [(self._runner, f"run-{n}") for n in range(self.concurrency)]
        for target, label in targets:
            thread = threading.Thread(target=target, name=f"datalinx-worker-{label}", daemon=True)
            thread.start()
            self._threads.append(thread)
        log.info("worker.started", worker=self.name, concurrency=self.concurrency, kinds=self.kinds)

    def stop(self, grace_seconds: float | None = None) -> None:
        """Stop leasing, give running jobs `grace_seconds` to finish, then release the rest to the queue."""
        grace = self.grace_seconds if grace_seconds is None else grace_seconds
        self._stopping.set()
        self.queue.wake()
        if self._threads:
            self._threads[0].join(timeout=self.wait_seconds + 10)
        deadline = time.monotonic() + grace
        with self._changed:
            while self._running and time.monotonic() < deadline:
                self._changed.wait(deadline - time.monotonic())
            leftover = list(self._running.values())
        for entry in leftover:
            entry.lost = True
        if leftover:
            try:
                self.queue.release([entry.job.ref for entry in leftover])
            except Exception:
                log.exception("worker.release_failed", worker=self.name)
        for _ in range(self.concurrency):
            self._work.put(None)
        self._heartbeat_stop.set()
        for thread in self._threads[1:]:
            thread.join(timeout=1.0)
        log.info("worker.stopped", worker=self.name, released=len(leftover))

    def run_until_signalled(self) -> int:
        """Run until SIGTERM or SIGINT (then shut down gracefully); exit status 1 on a fatal error."""
        stop = threading.Event()
        previous = {signum: signal.signal(signum, lambda *_: stop.set()) for signum in (signal.SIGTERM, signal.SIGINT)}
        try:
            self.start()
            while not stop.wait(0.2) and self.fatal is None:
                pass
            self.stop()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        return 1 if self.fatal is not None else 0

    @property
    def running(self) -> list[str]:
        """Ids of the jobs running now."""
        with self._changed:
            return list(self._running)

    @property
    def capacity(self) -> int:
        """Jobs to hold at once: one per runner, plus a prefetch while handlers prove quick.

        Prefetching short jobs saves a lease round trip per job; a slow job would make the ones
        prefetched behind it wait, so the prefetch stops as soon as handlers take longer.
        """
        return self.concurrency + (min(self.concurrency * 16, MAX_PREFETCH) if self._quick else 0)

    @property
    def _quick(self) -> bool:
        return self._handler_seconds is not None and self._handler_seconds < QUICK_HANDLER_SECONDS

    def _dispatch(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            with self._changed:
                wanted = self.capacity - len(self._running)
                if wanted <= 0:
                    self._changed.wait(0.2)
                    continue
            try:
                jobs = self.queue.lease(
                    worker=self.name, limit=wanted, kinds=self.kinds, wait_seconds=self.wait_seconds
                )
                failures = 0
            except Unauthenticated as exc:
                log.error("worker.unauthenticated", worker=self.name, error=exc.message)
                self.fatal = exc
                jobs = []
                self._stopping.set()
            except Exception as exc:
                failures += 1
                log.warning("worker.lease_failed", worker=self.name, error=f"{type(exc).__name__}: {exc}")
                jobs = []
                self._stopping.wait(min(0.2 * 2**failures, 5.0))
            if jobs and self._stopping.is_set():
                self._release_unstarted(jobs)
                return
            with self._changed:
                for job in jobs:
                    self._running[job.id] = _Running(job)
            for job in jobs:
                self._work.put(job)

    def _release_unstarted(self, jobs: list[LeasedJob]) -> None:
        try:
            self.queue.release([job.ref for job in jobs])
        except Exception:
            log.exception("worker.release_failed", worker=self.name)

    def _heartbeat_interval(self) -> float:
        """A third of the shortest lease running (the control plane sets their length), or a short idle tick."""
        with self._changed:
            leases = [entry.job.lease_seconds for entry in self._running.values()]
        return max(min(leases) / 3, 0.05) if leases else 0.2

    def _heartbeat(self) -> None:
        next_beat = time.monotonic() + self._heartbeat_interval()
        while not self._heartbeat_stop.wait(0.05 if self._results.pending else min(self._heartbeat_interval(), 0.2)):
            self._results.flush()
            if time.monotonic() < next_beat:
                continue
            next_beat = time.monotonic() + self._heartbeat_interval()
            with self._changed:
                entries = list(self._running.values())
            if not entries:
                continue
            try:
                states = self.queue.heartbeat([entry.job.ref for entry in entries])
            except Exception as exc:
                log.warning("worker.heartbeat_failed", worker=self.name, error=f"{type(exc).__name__}: {exc}")
                continue
            for entry, state in zip(entries, states, strict=True):
                entry.lost = entry.lost or not state.held
                entry.cancel_requested = entry.cancel_requested or state.cancel_requested

    def _runner(self) -> None:
        while True:
            job = self._work.get()
            if job is None:
                return
            handed_over = False
            try:
                with structlog.contextvars.bound_contextvars(job_id=job.id, org_id=job.org_id, kind=job.kind):
                    handed_over = self._execute(job)
            except Exception:
                log.exception("worker.job_crashed", worker=self.name, job_id=job.id)
            finally:
                if not handed_over:
                    self._forget([job.id])

    def _forget(self, job_ids: list[str]) -> None:
        with self._changed:
            for job_id in job_ids:
                self._running.pop(job_id, None)
            self._changed.notify_all()

    def _execute(self, job: LeasedJob) -> bool:
        """Run one job's handler; True when its result was handed over for completion."""
        entry = self._running[job.id]
        kind = registry.get(job.kind)
        if kind is None:
            self._report_failure(job, f"worker {self.name} cannot run job kind '{job.kind}'", retryable=True)
            return False
        ctx = JobContext(job=job, home=self.home, reporter=lambda f, m: self._report(entry, f, m))
        ctx.stop_reason = lambda: self._stop_reason(entry)
        ctx.secrets = lambda secret_id: self.queue.secret(job.ref, secret_id)
        started = time.monotonic()
        try:
            ctx.check()
            result = kind.run(ctx, dict(job.payload))
            if not isinstance(result, dict):
                raise TypeError(f"handler of '{job.kind}' returned {type(result).__name__}, not a dict")
        except JobCancelled as exc:
            self._report_failure(job, str(exc), retryable=False, cancelled=True)
            return False
        except LeaseLost as exc:
            log.warning("worker.lease_lost", worker=self.name, job_id=job.id, reason=str(exc))
            return False
        except Exception as exc:
            message = exc.message if isinstance(exc, DatalinxError) else f"{type(exc).__name__}: {exc}"
            self._report_failure(job, message, retryable=not isinstance(exc, PERMANENT_ERRORS))
            return False
        finally:
            elapsed = time.monotonic() - started
            average = self._handler_seconds
            self._handler_seconds = elapsed if average is None else 0.8 * average + 0.2 * elapsed
        self._results.add(job, result, linger=self._quick and not self._work.empty())
        return True

    def _report_failure(self, job: LeasedJob, error: str, *, retryable: bool, cancelled: bool = False) -> None:
        try:
            status = self.queue.fail(job.ref, error, retryable=retryable, cancelled=cancelled)
            log.info(
                "worker.job_done", worker=self.name, job_id=job.id, kind=job.kind, status=status.value, error=error
            )
        except (Conflict, NotFound) as exc:
            log.warning("worker.failure_refused", worker=self.name, job_id=job.id, reason=str(exc))

    def _report(self, entry: _Running, fraction: float, message: str | None) -> LeaseState:
        try:
            state = self.queue.progress(entry.job.ref, fraction, message)
        except (Conflict, NotFound):
            entry.lost = True
            return LeaseState(job_id=entry.job.id, held=False)
        except Exception as exc:  # the control plane is unreachable for now: keep working, the heartbeat decides
            log.warning("worker.progress_failed", job_id=entry.job.id, error=f"{type(exc).__name__}: {exc}")
            return LeaseState(job_id=entry.job.id, held=not entry.lost, cancel_requested=entry.cancel_requested)
        entry.cancel_requested = entry.cancel_requested or state.cancel_requested
        return state

    def _stop_reason(self, entry: _Running) -> JobStopped | None:
        if entry.lost:
            return LeaseLost(f"job {entry.job.id} is no longer leased by worker {self.name}")
        if entry.cancel_requested:
            return JobCancelled(f"job {entry.job.id} was cancelled")
        return None


def in_process_pool(runtime: Runtime, *, concurrency: int | None = None, name: str | None = None) -> WorkerPool:
    """The pool `datalinx serve` runs: straight on the system DB, every org's jobs."""
    from datalinx.core.jobs.queue import DbQueue

    settings = runtime.settings
    return WorkerPool(
        DbQueue(runtime),
        home=settings.home,
        concurrency=concurrency or settings.worker_concurrency,
        wait_seconds=settings.worker_poll_seconds,
        grace_seconds=settings.worker_shutdown_grace_seconds,
        name=name,
    )
