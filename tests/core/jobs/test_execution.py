"""Execution-time checks: the principal is re-loaded before running and before completing; handlers stay home."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from datalinx.core.audit import manager as audit
from datalinx.core.audit.schemas import AuditQuery
from datalinx.core.auth.permissions import Role
from datalinx.core.errors import Conflict, Invalid, NotFound
from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs.context import JobCancelled, JobContext, LeaseLost, write_atomic
from datalinx.core.jobs.queue import DbQueue
from datalinx.core.jobs.schemas import JobStatus, LeasedJob, LeaseState
from datalinx.core.secrets import manager as secrets
from datalinx.core.tenancy import manager as tenancy
from datalinx.core.tenancy.schemas import MemberQuery, MemberUpdate, WorkspaceCreate
from datalinx.dao.models import utcnow
from datalinx.dao.scope import Scope
from tests.conftest import Tenant
from tests.core.jobs.helpers import as_role, get, running_pool, submit, wait_for_status
from tests.core.jobs.kinds import RECORDS


def membership(tenant: Tenant, role: Role) -> str:
    """The member id of the tenant's user holding `role` in its first workspace."""
    with as_role(tenant) as call:
        members = tenancy.list_members(call, MemberQuery(role=role)).items
    (member,) = members
    return member.id


def denials(tenant: Tenant, job_id: str) -> list[tuple[str, str, str]]:
    with as_role(tenant) as call:
        events = audit.query_trail(call, AuditQuery(resource_id=job_id, outcome="denied")).items
    return [(e.action, e.actor, e.detail["reason"]) for e in events]


def test_a_member_removed_after_submitting_gets_a_failed_job_with_a_permission_error(acme: Tenant) -> None:
    job_id = submit(acme, "demo.sleep_write", {"steps": 1, "step_seconds": 0}, role=Role.DATA_ENGINEER)
    with as_role(acme) as call:
        tenancy.remove_member(call, membership(acme, Role.DATA_ENGINEER))
    with running_pool(acme.runtime):
        job = wait_for_status(acme, job_id, "failed")
    assert job.attempts == 1 and (job.error or "").startswith("permission denied:")
    assert "no longer a member of the job's workspace" in (job.error or "")
    ((action, actor, reason),) = denials(acme, job_id)
    assert (action, actor) == ("pipeline.run", acme.emails[Role.DATA_ENGINEER])
    assert "no longer a member" in reason
    assert not list((acme.runtime.settings.home / "orgs").glob("**/output.json"))  # the handler never ran


def test_completion_rechecks_the_permission_before_persisting_domain_rows(acme: Tenant) -> None:
    job_id = submit(acme, "demo.record", role=Role.DATA_ENGINEER)
    queue = DbQueue(acme.runtime)
    (leased,) = queue.lease(worker="w", limit=1, kinds=["demo.record"])
    with as_role(acme) as call:
        tenancy.update_member(call, membership(acme, Role.DATA_ENGINEER), MemberUpdate(role=Role.VIEWER))
    assert queue.complete(leased.ref, {"attempt": 1}) is JobStatus.FAILED
    job = get(acme, job_id)
    assert job.error == "permission denied: role 'viewer' lacks permission 'pipeline.run' in the job's workspace"
    assert len(denials(acme, job_id)) == 1
    with acme.runtime.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(RECORDS)) == 0


def test_domain_rows_are_written_in_the_completion_transaction(acme: Tenant) -> None:
    job_id = submit(acme, "demo.record")
    queue = DbQueue(acme.runtime)
    (leased,) = queue.lease(worker="w", limit=1, kinds=["demo.record"])
    assert queue.complete(leased.ref, {"attempt": 1}) is JobStatus.SUCCEEDED
    with acme.runtime.db.transaction() as session:
        assert session.execute(select(RECORDS.c.job_id, RECORDS.c.attempt)).all() == [(job_id, 1)]


def store_secret(tenant: Tenant, workspace_id: str | None, plaintext: str) -> str:
    with tenant.runtime.db.transaction() as session:
        scope = Scope(org_id=tenant.init.org_id, workspace_id=workspace_id)
        return secrets.store(
            session=session, keyring=tenant.runtime.keyring, scope=scope, purpose="test", plaintext=plaintext
        ).id


def test_a_leased_job_reads_only_the_secrets_it_names_in_its_workspace(acme: Tenant) -> None:
    mine = store_secret(acme, acme.init.workspace_id, "s3cret")
    org_wide = store_secret(acme, None, "org-wide")
    unnamed = store_secret(acme, acme.init.workspace_id, "not-named-by-the-job")
    with as_role(acme) as call:
        side = tenancy.create_workspace(call, WorkspaceCreate(name="Side")).id
    elsewhere = store_secret(acme, side, "not-yours")
    queue = DbQueue(acme.runtime)
    submit(acme, "demo.record", {"secret_ids": [mine, org_wide, elsewhere]})
    (leased,) = queue.lease(worker="w", limit=1, kinds=["demo.record"])
    assert queue.secret(leased.ref, mine) == "s3cret"
    assert queue.secret(leased.ref, org_wide) == "org-wide"
    with pytest.raises(NotFound):
        queue.secret(leased.ref, elsewhere)
    with pytest.raises(NotFound):
        queue.secret(leased.ref, unnamed)
    queue.complete(leased.ref, {})
    with pytest.raises(Conflict):
        queue.secret(leased.ref, mine)


def leased_job(org_id: str = "org-1", workspace_id: str = "ws-1") -> LeasedJob:
    return LeasedJob(
        id="job-1",
        org_id=org_id,
        workspace_id=workspace_id,
        kind="noop",
        payload={},
        attempt=1,
        max_attempts=3,
        lease_token="t",
        lease_expires_at=utcnow(),
        lease_seconds=30,
    )


def test_a_handler_reaches_only_its_own_workspace_folder(tmp_path: Path) -> None:
    ctx = JobContext(job=leased_job(), home=tmp_path, reporter=lambda f, m: LeaseState(job_id="job-1", held=True))
    assert ctx.workspace_dir == (tmp_path / "orgs" / "org-1" / "workspaces" / "ws-1").resolve()
    assert ctx.path("inbox/a.csv") == ctx.workspace_dir / "inbox" / "a.csv"
    for outside in ("../ws-2/secret.csv", "/etc/passwd", "inbox/../../ws-2"):
        with pytest.raises(Invalid):
            ctx.path(outside)
    for bad_name in ("../escape.json", ".hidden", "a/b.json"):
        with pytest.raises(Invalid):
            ctx.write_output(bad_name, "x")


def test_outputs_are_keyed_by_the_job_id_and_rewritten_whole(tmp_path: Path) -> None:
    ctx = JobContext(job=leased_job(), home=tmp_path, reporter=lambda f, m: LeaseState(job_id="job-1", held=True))
    first = ctx.write_output("result.json", '{"try": 1}')
    second = ctx.write_output("result.json", '{"try": 2}')
    assert first == second == ctx.workspace_dir / "jobs" / "job-1" / "result.json"
    assert second.read_text() == '{"try": 2}'
    assert [p.name for p in second.parent.iterdir()] == ["result.json"]  # no temporary files left behind
    assert write_atomic(tmp_path / "deep" / "file.bin", b"\x00").read_bytes() == b"\x00"


def test_progress_reports_stop_a_handler_whose_job_was_cancelled_or_lost(tmp_path: Path) -> None:
    answers = iter(
        [LeaseState(job_id="job-1", held=True, cancel_requested=True), LeaseState(job_id="job-1", held=False)]
    )
    ctx = JobContext(job=leased_job(), home=tmp_path, reporter=lambda f, m: next(answers), min_report_interval=0)
    with pytest.raises(JobCancelled):
        ctx.progress(0.1)
    with pytest.raises(LeaseLost):
        ctx.progress(0.2)


def test_starting_endpoints_answer_job_accepted_with_their_own_id(acme: Tenant) -> None:
    with as_role(acme) as call:
        job = jobs.submit(call, "noop")
        answer = jobs.accepted(job, scan_id="scan-42")
    assert answer.model_dump() == {
        "job_id": job.id,
        "status": JobStatus.QUEUED,
        "kind": "noop",
        "events_url": f"/v1/jobs/{job.id}/events",
        "scan_id": "scan-42",
    }
