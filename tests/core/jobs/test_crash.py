"""Real worker processes killed mid-job: the job is leased again and completes once in effect."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs import tokens
from datalinx.core.jobs.schemas import JobRead, WorkerTokenCreate
from datalinx.core.runtime import Runtime
from datalinx.dao.models import Job
from tests.conftest import LiveServer, Tenant
from tests.core.jobs.helpers import as_role, get, small_tenant, submit, wait_for_status, wait_until

REPO = Path(__file__).resolve().parents[3]
SLOW_JOB = {"steps": 10, "step_seconds": 0.1}


class Processes:
    """Worker processes started by a test, all stopped at its end."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.started: list[subprocess.Popen[bytes]] = []

    def start(self, name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        log = open(self.logs / f"{name}.log", "wb")  # noqa: SIM115  (closed with the process)
        process = subprocess.Popen(
            [sys.executable, "-m", "datalinx.cli", *args], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        self.started.append(process)
        return process

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    running = Processes(tmp_path)
    yield running
    running.stop_all()


def base_env(runtime: Runtime) -> dict[str, str]:
    """What every worker process shares with the control plane: the data home and the job settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATALINX_")}
    env.update(
        DATALINX_HOME=str(runtime.settings.home),
        DATALINX_JOB_MODULES=json.dumps(["tests.core.jobs.kinds"]),
        DATALINX_JOB_LEASE_SECONDS="1",
        DATALINX_WORKER_POLL_SECONDS="0.05",
        DATALINX_WORKER_LONG_POLL_SECONDS="0.5",
        DATALINX_WORKER_SHUTDOWN_GRACE_SECONDS="0",
        DATALINX_LOG_JSON="false",
    )
    return env


def running_on(tenant: Tenant, job_id: str, pids: dict[int, subprocess.Popen[bytes]]) -> int:
    """Wait until the job is running mid-way on one of `pids`; returns that pid."""

    def holder() -> int | None:
        with tenant.runtime.db.transaction() as session:
            job = session.get(Job, job_id)
            owner = job.lease_owner if job and job.status == "running" and job.progress > 0 else None
        for pid in pids:
            if owner and f":{pid}:" in owner:
                return pid
        return None

    return wait_until(holder, what=f"job {job_id} to be running on one of {sorted(pids)}")


def outputs(tenant: Tenant, job: JobRead) -> list[Path]:
    job_dir = tenant.runtime.settings.home / "orgs" / tenant.init.org_id / "workspaces" / job.workspace_id / "jobs"
    return sorted((job_dir / job.id).iterdir())


def assert_completed_once(tenant: Tenant, job_id: str) -> None:
    job = wait_for_status(tenant, job_id, "succeeded", "failed", timeout=30)
    assert (job.status, job.attempts) == ("succeeded", 2), job.error
    files = outputs(tenant, job)
    assert [f.name for f in files] == ["output.json"]
    assert json.loads(files[0].read_text()) == {"job_id": job_id, "attempt": 2}
    with as_role(tenant) as call:
        types = [e.type for e in jobs.job_events(call, job_id).events]
    assert types.count("started") == 2 and types.count("succeeded") == 1 and "lease_expired" in types


def test_killed_workers_jobs_complete_once_on_other_workers(
    runtime: Runtime, live_server: LiveServer, processes: Processes
) -> None:
    tenant = small_tenant(runtime, "Acme", roles=())
    with as_role(tenant) as call:
        worker_token = tokens.create_worker_token(call, WorkerTokenCreate(name="crash", workspaces=[tenant.workspace]))

    # 1. An in-process worker (`datalinx serve`, on the system DB) is killed mid-job.
    serve_env = {**base_env(runtime), "DATALINX_DATABASE_URL": runtime.db.url, "DATALINX_WORKER_CONCURRENCY": "1"}
    server = processes.start("serve", ["serve", "--port", "0"], serve_env)
    first = submit(tenant, "demo.sleep_write", SLOW_JOB)
    running_on(tenant, first, {server.pid: server})
    server.send_signal(signal.SIGKILL)
    server.wait(timeout=10)

    # 2. Remote workers, which only know the control plane's URL and a worker token, pick it up.
    remote_env = {
        **base_env(runtime),
        "DATALINX_WORKER_TOKEN": worker_token.token,
        "DATALINX_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:9/unreachable",  # never used
    }
    args = ["worker", "--control-plane", live_server.url, "--concurrency", "1"]
    remotes = {p.pid: p for p in (processes.start(f"remote-{n}", args, remote_env) for n in (1, 2))}
    assert_completed_once(tenant, first)

    # 3. A remote worker is killed mid-job; the other one finishes it.
    second = submit(tenant, "demo.sleep_write", SLOW_JOB)
    victim = running_on(tenant, second, remotes)
    remotes.pop(victim).send_signal(signal.SIGKILL)
    assert_completed_once(tenant, second)

    # 4. SIGTERM: the surviving worker gives its running job back to the queue and exits cleanly.
    third = submit(tenant, "demo.sleep_write", {"steps": 1000, "step_seconds": 0.05})
    (survivor,) = remotes.values()
    running_on(tenant, third, remotes)
    survivor.send_signal(signal.SIGTERM)
    assert survivor.wait(timeout=15) == 0
    job = get(tenant, third)
    assert (job.status, job.attempts) == ("queued", 0)
