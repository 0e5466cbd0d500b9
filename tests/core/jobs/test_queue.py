"""The queue on both system DB backends: leasing, leases, retries, cancellation, idempotency."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from datalinx.core.auth.permissions import Role
from datalinx.core.errors import Conflict, Invalid
from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs.queue import DbQueue
from datalinx.core.jobs.schemas import JobStatus, LeaseRef
from datalinx.dao.models import Job, JobEvent, utcnow
from tests.conftest import Tenant
from tests.core.jobs.helpers import as_role, get, running_pool, submit, wait_for_status, wait_until
from tests.core.jobs.kinds import RECORDS

KINDS = ["noop", "demo.sleep_write", "demo.record", "demo.fail"]


def event_types(tenant: Tenant, job_id: str) -> list[str]:
    with as_role(tenant) as call:
        return [e.type for e in jobs.job_events(call, job_id).events]


def backdate(tenant: Tenant, job_id: str, **fields: object) -> None:
    """Move a job's clock fields into the past, standing in for time passing."""
    with tenant.runtime.db.transaction() as session:
        session.execute(update(Job).where(Job.id == job_id).values(**fields))


def test_noop_job_runs_to_success(acme: Tenant) -> None:
    job_id = submit(acme, "noop", {"echo": {"hello": "world"}})
    with running_pool(acme.runtime):
        job = wait_for_status(acme, job_id, "succeeded")
    assert job.result == {"echo": {"hello": "world"}}
    assert (job.attempts, job.progress, job.error) == (1, 1.0, None)
    assert event_types(acme, job_id) == ["queued", "started", "succeeded"]


def test_two_workers_never_run_the_same_job_at_once(acme: Tenant) -> None:
    with as_role(acme) as call:
        job_ids = {jobs.submit(call, "demo.record").id for _ in range(120)}
    with running_pool(acme.runtime, concurrency=3), running_pool(acme.runtime, concurrency=3):
        wait_until(lambda: len(_finished(acme)) == len(job_ids), what="all jobs to finish")
    finished = _finished(acme)
    assert {status for status, _ in finished.values()} == {"succeeded"}
    # Every job ran once: one attempt, one marker file created exclusively, one row under a unique key.
    assert {attempts for _, attempts in finished.values()} == {1}
    with acme.runtime.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(RECORDS)) == len(job_ids)


def _finished(tenant: Tenant) -> dict[str, tuple[str, int]]:
    with tenant.runtime.db.transaction() as session:
        rows = session.execute(select(Job.id, Job.status, Job.attempts).where(Job.status != "queued"))
        return {job_id: (status, attempts) for job_id, status, attempts in rows if status != "running"}


def test_failed_attempts_are_retried_with_backoff_then_fail_with_the_error_kept(acme: Tenant) -> None:
    acme.runtime.settings.job_retry_base_seconds = 30.0
    queue = DbQueue(acme.runtime)
    job_id = submit(acme, "demo.fail")
    for attempt, delay in [(1, 30.0), (2, 60.0)]:
        (leased,) = queue.lease(worker="w", limit=5, kinds=KINDS)
        assert leased.attempt == attempt
        before = utcnow()
        assert queue.fail(leased.ref, f"boom {attempt}") is JobStatus.QUEUED
        job = get(acme, job_id)
        assert (job.status, job.error) == ("queued", f"boom {attempt}")
        assert job.run_at >= before + timedelta(seconds=delay)  # exponential: 30 s, then 60 s
        assert queue.lease(worker="w", limit=5, kinds=KINDS) == []  # not due yet
        backdate(acme, job_id, run_at=utcnow() - timedelta(seconds=1))
    (leased,) = queue.lease(worker="w", limit=5, kinds=KINDS)
    assert queue.fail(leased.ref, "boom 3") is JobStatus.FAILED
    job = get(acme, job_id)
    assert (job.status, job.attempts, job.error) == ("failed", 3, "boom 3")
    assert job.finished_at is not None
    assert event_types(acme, job_id) == ["queued", "started", "retry", "started", "retry", "started", "failed"]


def test_a_failing_handler_ends_failed_after_its_kinds_attempts(acme: Tenant) -> None:
    job_id = submit(acme, "demo.fail")
    with running_pool(acme.runtime):
        job = wait_for_status(acme, job_id, "failed")
    assert (job.attempts, job.max_attempts) == (3, 3)
    assert job.error == "RuntimeError: boom on attempt 3"


def test_cancelling_a_queued_job_ends_it_at_once(acme: Tenant) -> None:
    job_id = submit(acme, "noop")
    with as_role(acme, Role.DATA_ENGINEER) as call:
        job = jobs.cancel_job(call, job_id)
    assert (job.status, job.cancel_requested) == ("cancelled", True)
    assert DbQueue(acme.runtime).lease(worker="w", limit=5, kinds=KINDS) == []
    with pytest.raises(Conflict), as_role(acme) as call:
        jobs.cancel_job(call, job_id)


def test_cancelling_a_running_job_stops_its_handler_at_the_next_progress_report(acme: Tenant) -> None:
    job_id = submit(acme, "demo.sleep_write", {"steps": 200, "step_seconds": 0.02})
    with running_pool(acme.runtime):
        wait_until(lambda: get(acme, job_id).progress > 0, what="the handler to report progress")
        with as_role(acme) as call:
            job = jobs.cancel_job(call, job_id)
        assert (job.status, job.cancel_requested) == ("running", True)
        job = wait_for_status(acme, job_id, "cancelled")
    assert job.progress < 1.0 and job.result is None
    assert not list((acme.runtime.settings.home / "orgs").glob("**/output.json"))
    types = event_types(acme, job_id)
    assert "cancel_requested" in types and types[-1] == "cancelled"


def test_the_same_idempotency_key_returns_the_first_job(acme: Tenant) -> None:
    first = submit(acme, "noop", idempotency_key="nightly-2026-11-23")
    assert submit(acme, "noop", idempotency_key="nightly-2026-11-23") == first
    assert submit(acme, "noop", idempotency_key="nightly-2026-11-24") != first
    with pytest.raises(Conflict) as raised:
        submit(acme, "demo.fail", idempotency_key="nightly-2026-11-23")
    assert raised.value.field == "idempotency_key"


def test_concurrent_submissions_with_one_key_make_one_job(acme: Tenant) -> None:
    first_inserted, answers = threading.Event(), []

    def second() -> None:
        first_inserted.wait()
        answers.append(submit(acme, "noop", idempotency_key="once"))

    thread = threading.Thread(target=second)
    thread.start()
    with as_role(acme) as call:
        answers.append(jobs.submit(call, "noop", idempotency_key="once").id)
        first_inserted.set()
        time.sleep(0.2)  # the second submission now waits on the first one's insert
    thread.join(timeout=30)
    assert len(answers) == 2 and answers[0] == answers[1]


def test_a_job_is_queued_in_the_transaction_of_the_call_that_submits_it(acme: Tenant) -> None:
    with pytest.raises(RuntimeError), as_role(acme) as call:
        jobs.submit(call, "noop", idempotency_key="k")
        jobs.submit(call, "noop")
        raise RuntimeError("the domain's own step failed")
    with acme.runtime.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 0
        assert session.scalar(select(func.count()).select_from(JobEvent)) == 0


def test_bad_input_names_the_field_and_queues_nothing(acme: Tenant) -> None:
    cases = [
        (("nope", {}), {}, "kind"),
        (("noop", {"surprise": 1}), {}, "payload.surprise"),
        (("demo.sleep_write", {"steps": 0}), {}, "payload.steps"),
        (("noop", {}), {"priority": 5000}, "priority"),
        (("noop", {}), {"idempotency_key": ""}, "idempotency_key"),
    ]
    for (kind, payload), options, field in cases:
        with pytest.raises(Invalid) as raised, as_role(acme) as call:
            jobs.submit(call, kind, payload, **options)
        assert raised.value.field == field
    with acme.runtime.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 0


def test_a_stale_lease_token_is_refused(acme: Tenant) -> None:
    queue = DbQueue(acme.runtime)
    job_id = submit(acme, "noop")
    (first,) = queue.lease(worker="a", limit=1, kinds=KINDS)
    assert queue.heartbeat([first.ref])[0].held
    backdate(acme, job_id, lease_expires_at=utcnow() - timedelta(seconds=1))
    assert queue.reclaim_expired(force=True) == 1
    (second,) = queue.lease(worker="b", limit=1, kinds=KINDS)
    assert (second.id, second.attempt) == (job_id, 2)
    for stale_call in (
        lambda: queue.progress(first.ref, 0.5, "late"),
        lambda: queue.complete(first.ref, {}),
        lambda: queue.fail(first.ref, "late"),
    ):
        with pytest.raises(Conflict):
            stale_call()
    assert queue.heartbeat([first.ref])[0].held is False
    assert queue.complete(second.ref, {"ok": True}) is JobStatus.SUCCEEDED
    assert get(acme, job_id).result == {"ok": True}


def test_an_expired_lease_on_the_last_attempt_fails_the_job(acme: Tenant) -> None:
    queue = DbQueue(acme.runtime)
    job_id = submit(acme, "demo.fail")
    for _ in range(3):
        queue.lease(worker="lost", limit=1, kinds=KINDS)
        backdate(acme, job_id, lease_expires_at=utcnow() - timedelta(seconds=1))
        queue.reclaim_expired(force=True)
    job = get(acme, job_id)
    assert (job.status, job.attempts) == ("failed", 3)
    assert "stopped renewing its lease" in (job.error or "")


def test_heartbeats_and_progress_extend_the_lease(acme: Tenant) -> None:
    queue = DbQueue(acme.runtime)
    submit(acme, "noop")
    (leased,) = queue.lease(worker="w", limit=1, kinds=KINDS)
    (state,) = queue.heartbeat([leased.ref])
    assert state.held and state.lease_expires_at is not None and state.lease_expires_at >= leased.lease_expires_at
    state = queue.progress(leased.ref, 0.25, "a quarter")
    assert state.held and not state.cancel_requested
    job = get(acme, leased.id)
    assert (job.progress, job.progress_message) == (0.25, "a quarter")


def test_releasing_a_lease_returns_the_job_without_spending_an_attempt(acme: Tenant) -> None:
    queue = DbQueue(acme.runtime)
    job_id = submit(acme, "noop")
    (leased,) = queue.lease(worker="w", limit=1, kinds=KINDS)
    assert queue.release([leased.ref, LeaseRef(job_id=job_id, lease_token="not-ours")]) == [job_id]
    job = get(acme, job_id)
    assert (job.status, job.attempts) == ("queued", 0)


def test_stopping_a_pool_releases_the_jobs_still_running(acme: Tenant) -> None:
    job_id = submit(acme, "demo.sleep_write", {"steps": 500, "step_seconds": 0.02})
    with running_pool(acme.runtime) as pool:
        wait_until(lambda: job_id in pool.running, what="the job to start")
    job = get(acme, job_id)
    assert (job.status, job.attempts) == ("queued", 0)
    assert event_types(acme, job_id)[-1] == "released"


def test_higher_priority_jobs_are_leased_first(acme: Tenant) -> None:
    low = submit(acme, "noop", priority=-1)
    high = submit(acme, "noop", priority=10)
    normal = submit(acme, "noop")
    leased = DbQueue(acme.runtime).lease(worker="w", limit=3, kinds=KINDS)
    assert [job.id for job in leased] == [high, normal, low]


def test_a_worker_only_gets_the_kinds_it_can_run(acme: Tenant) -> None:
    submit(acme, "demo.fail")
    queue = DbQueue(acme.runtime)
    assert queue.lease(worker="w", limit=1, kinds=["noop", "not-known-here"]) == []
    assert len(queue.lease(worker="w", limit=1, kinds=["demo.fail"])) == 1


def test_every_transition_is_an_event(acme: Tenant) -> None:
    job_id = submit(acme, "demo.sleep_write", {"steps": 3, "step_seconds": 0.06})
    with running_pool(acme.runtime):
        wait_for_status(acme, job_id, "succeeded")
    with acme.runtime.db.transaction() as session:
        events = list(session.scalars(select(JobEvent).where(JobEvent.job_id == job_id).order_by(JobEvent.id)))
    assert [e.type for e in events] == ["queued", "started", "progress", "progress", "progress", "succeeded"]
    assert [e.progress for e in events if e.type == "progress"] == pytest.approx([1 / 3, 2 / 3, 1.0])
