"""Jobs and remote workers over REST: reads, cancel, SSE events, worker tokens and the worker protocol."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

import tests.core.jobs.kinds  # noqa: F401  (registers the demo.* kinds)
from datalinx.core.auth.permissions import Role
from datalinx.core.errors import Unauthenticated
from datalinx.core.jobs.remote import HttpQueue
from datalinx.core.jobs.worker import WorkerPool
from datalinx.core.runtime import Runtime
from datalinx.core.secrets import manager as secrets
from datalinx.dao.scope import Scope
from tests.conftest import LiveServer, Tenant, make_settings
from tests.core.jobs.helpers import FAST, get, running_pool, small_tenant, submit, token_of, wait_for_status

WORKER = "/v1/worker"


@pytest.fixture
def runtime(tmp_path: Path, sqlite_url: str) -> Iterator[Runtime]:
    """Fast job settings, and no in-process workers unless a test starts them."""
    rt = Runtime.start(make_settings(tmp_path / "home", sqlite_url, **FAST))
    yield rt
    rt.close()


@pytest.fixture
def acme(runtime: Runtime) -> Tenant:
    return small_tenant(runtime, "Acme", roles=(Role.DATA_ENGINEER, Role.VIEWER, Role.ANNOTATOR))


@pytest.fixture
def globex(runtime: Runtime) -> Tenant:
    return small_tenant(runtime, "Globex", roles=())


def auth(tenant: Tenant, role: Role = Role.OWNER) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_of(tenant, role)}"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def worker_token(client: TestClient, tenant: Tenant, workspaces: list[str] | None = None) -> str:
    body = {"name": "edge-1", "workspaces": workspaces or [tenant.workspace]}
    answer = client.post("/v1/worker-tokens", json=body, headers=auth(tenant))
    assert answer.status_code == 201, answer.text
    return answer.json()["token"]


def test_members_list_read_and_cancel_jobs(client: TestClient, acme: Tenant) -> None:
    ids = [submit(acme, "noop", {"echo": n}) for n in range(3)]
    failing = submit(acme, "demo.fail")
    page = client.get("/v1/jobs", params={"limit": 2}, headers=auth(acme, Role.VIEWER)).json()
    assert [job["id"] for job in page["items"]] == [failing, ids[2]]
    rest = client.get("/v1/jobs", params={"limit": 2, "cursor": page["next_cursor"]}, headers=auth(acme)).json()
    assert [job["id"] for job in rest["items"]] == [ids[1], ids[0]] and rest["next_cursor"] is None
    only = client.get("/v1/jobs", params={"kind": "demo.fail", "status": "queued"}, headers=auth(acme)).json()
    assert [job["id"] for job in only["items"]] == [failing]
    job = client.get(f"/v1/jobs/{ids[0]}", headers=auth(acme, Role.VIEWER)).json()
    assert (job["status"], job["payload"], job["kind"]) == ("queued", {"echo": 0}, "noop")
    answer = client.post(f"/v1/jobs/{ids[0]}/cancel", headers=auth(acme, Role.DATA_ENGINEER))
    assert answer.status_code == 200 and answer.json()["status"] == "cancelled"
    assert client.post(f"/v1/jobs/{ids[0]}/cancel", headers=auth(acme)).status_code == 409


def test_viewer_can_read_jobs_but_cannot_cancel_them(client: TestClient, acme: Tenant) -> None:
    job_id = submit(acme, "noop")
    assert client.get(f"/v1/jobs/{job_id}", headers=auth(acme, Role.VIEWER)).status_code == 200
    answer = client.post(f"/v1/jobs/{job_id}/cancel", headers=auth(acme, Role.VIEWER))
    assert answer.status_code == 403 and "job.cancel" in answer.json()["error"]["message"]
    assert get(acme, job_id).status == "queued"
    answer = client.get(f"/v1/jobs/{job_id}", headers=auth(acme, Role.ANNOTATOR))
    assert answer.status_code == 403 and "job.read" in answer.json()["error"]["message"]


def test_another_orgs_job_is_not_found_on_every_job_route(client: TestClient, acme: Tenant, globex: Tenant) -> None:
    job_id = submit(acme, "noop")
    intruder = auth(globex)
    for method, path in [
        ("GET", f"/v1/jobs/{job_id}"),
        ("POST", f"/v1/jobs/{job_id}/cancel"),
        ("GET", f"/v1/jobs/{job_id}/events"),
    ]:
        answer = client.request(method, path, headers=intruder)
        assert answer.status_code == 404, f"{method} {path}: {answer.text}"
    assert client.get("/v1/jobs", headers=intruder).json()["items"] == []
    assert get(acme, job_id).status == "queued"


def test_bad_list_filters_name_the_field(client: TestClient, acme: Tenant) -> None:
    for params, field in [({"status": "done"}, "status"), ({"sort": "kind"}, "sort"), ({"limit": 0}, "limit")]:
        answer = client.get("/v1/jobs", params=params, headers=auth(acme))
        assert answer.status_code == 422, params
        assert field in answer.text


def sse_events(lines: Iterator[str]) -> Iterator[dict[str, str]]:
    """Parse a text/event-stream into events (`event`, `id`, `data`)."""
    event: dict[str, str] = {}
    for line in lines:
        if not line:
            if event:
                yield event
            event = {}
        elif not line.startswith(":"):
            name, _, value = line.partition(": ")
            event[name] = value


def test_job_events_stream_as_server_sent_events_until_the_job_ends(live_server: LiveServer, acme: Tenant) -> None:
    job_id = submit(acme, "demo.sleep_write", {"steps": 3, "step_seconds": 0.06})
    url = f"{live_server.url}/v1/jobs/{job_id}/events"
    with running_pool(acme.runtime), httpx.stream("GET", url, headers=auth(acme, Role.VIEWER), timeout=30) as answer:
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/event-stream")
        events = list(sse_events(answer.iter_lines()))
    types = [e["event"] for e in events]
    assert types == ["queued", "started", "progress", "progress", "progress", "succeeded", "end"]
    progress = [json.loads(e["data"])["progress"] for e in events if e["event"] == "progress"]
    assert progress == pytest.approx([1 / 3, 2 / 3, 1.0])
    assert json.loads(events[-1]["data"]) == {"status": "succeeded"}
    # A client that reconnects names the last event it saw and gets only the rest.
    resume = {**auth(acme), "Last-Event-ID": events[2]["id"]}
    with httpx.stream("GET", url, headers=resume, timeout=30) as answer:
        assert [e["event"] for e in sse_events(answer.iter_lines())] == ["progress", "progress", "succeeded", "end"]


def test_admins_create_list_and_revoke_worker_tokens(client: TestClient, acme: Tenant) -> None:
    created = client.post(
        "/v1/worker-tokens", json={"name": "edge-1", "workspaces": [acme.workspace]}, headers=auth(acme)
    ).json()
    assert created["token"].startswith("dlxw_") and created["prefix"] in created["token"]
    assert created["workspace_ids"] == [acme.init.workspace_id]
    listed = client.get("/v1/worker-tokens", headers=auth(acme)).json()["items"]
    assert [t["id"] for t in listed] == [created["id"]] and "token" not in listed[0]
    assert created["token"] not in json.dumps(listed)
    body = {"name": "sneaky", "workspaces": [acme.workspace]}
    answer = client.post("/v1/worker-tokens", json=body, headers=auth(acme, Role.DATA_ENGINEER))
    assert answer.status_code == 403 and "worker.manage" in answer.json()["error"]["message"]
    lease = {"worker": "w", "kinds": ["noop"]}
    assert client.post(f"{WORKER}/lease", json=lease, headers=bearer(created["token"])).status_code == 200
    revoked = client.delete(f"/v1/worker-tokens/{created['id']}", headers=auth(acme)).json()
    assert revoked["revoked_at"] is not None
    answer = client.post(f"{WORKER}/lease", json=lease, headers=bearer(created["token"]))
    assert answer.status_code == 401 and "revoked" in answer.json()["error"]["message"]


def test_bad_worker_token_input_names_the_field(client: TestClient, acme: Tenant) -> None:
    for body, field in [
        ({"name": "edge", "workspaces": []}, "workspaces"),
        ({"name": "edge", "workspaces": ["nowhere"]}, "workspace"),
        ({"name": "edge", "workspaces": [acme.workspace], "admin": True}, "admin"),
    ]:
        answer = client.post("/v1/worker-tokens", json=body, headers=auth(acme))
        assert answer.status_code in (404, 422) and field in answer.text, answer.text
    assert client.get("/v1/worker-tokens", headers=auth(acme)).json()["items"] == []


def test_a_worker_runs_a_job_over_http_and_only_its_own_lease(client: TestClient, acme: Tenant) -> None:
    headers = bearer(worker_token(client, acme))
    with acme.runtime.db.transaction() as session:
        scope = Scope(org_id=acme.init.org_id, workspace_id=acme.init.workspace_id)
        keyring = acme.runtime.keyring
        secret_id = secrets.store(session=session, keyring=keyring, scope=scope, purpose="db", plaintext="pw").id
        unnamed = secrets.store(session=session, keyring=keyring, scope=scope, purpose="db", plaintext="no").id
    job_id = submit(acme, "demo.uses_secret", {"echo": 1, "secret_id": secret_id})
    leased = client.post(
        f"{WORKER}/lease", json={"worker": "w", "kinds": ["demo.uses_secret"], "limit": 5}, headers=headers
    )
    (job,) = leased.json()["jobs"]
    assert (job["id"], job["attempt"], job["payload"]) == (job_id, 1, {"echo": 1, "secret_id": secret_id})
    lease_token = job["lease_token"]
    beat = client.post(
        f"{WORKER}/heartbeat", json={"leases": [{"job_id": job_id, "lease_token": lease_token}]}, headers=headers
    )
    assert beat.json()["states"][0]["held"] is True
    report = {"lease_token": lease_token, "progress": 0.5, "message": "half"}
    assert client.post(f"{WORKER}/jobs/{job_id}/progress", json=report, headers=headers).status_code == 200
    ask = {"lease_token": lease_token, "secret_id": secret_id}
    assert client.post(f"{WORKER}/jobs/{job_id}/secret", json=ask, headers=headers).json() == {"value": "pw"}
    ask_unnamed = {"lease_token": lease_token, "secret_id": unnamed}
    assert client.post(f"{WORKER}/jobs/{job_id}/secret", json=ask_unnamed, headers=headers).status_code == 404
    stale = {"lease_token": "someone-elses", "result": {"forged": True}}
    answer = client.post(f"{WORKER}/jobs/{job_id}/complete", json=stale, headers=headers)
    assert answer.status_code == 409
    complete = f"{WORKER}/jobs/{job_id}/complete"
    done = client.post(complete, json={"lease_token": lease_token, "result": {"n": 1}}, headers=headers)
    assert done.json() == {"job_id": job_id, "status": "succeeded"}
    assert get(acme, job_id).result == {"n": 1}
    # The lease ended with the job: its token completes nothing more and fetches no secret.
    assert client.post(complete, json={"lease_token": lease_token}, headers=headers).status_code == 409
    assert client.post(f"{WORKER}/jobs/{job_id}/secret", json=ask, headers=headers).status_code == 409


def test_a_worker_token_reaches_only_its_workspaces(client: TestClient, acme: Tenant, globex: Tenant) -> None:
    side = client.post("/v1/workspaces", json={"name": "Side"}, headers=auth(acme)).json()
    headers = bearer(worker_token(client, acme, workspaces=[side["id"]]))
    mine = submit(acme, "noop")
    theirs = submit(globex, "noop")
    answer = client.post(f"{WORKER}/lease", json={"worker": "w", "kinds": ["noop"], "limit": 10}, headers=headers)
    assert answer.json()["jobs"] == []
    for job_id in (mine, theirs):
        report = {"lease_token": "x", "progress": 0.5}
        assert client.post(f"{WORKER}/jobs/{job_id}/progress", json=report, headers=headers).status_code == 404


def test_principal_and_worker_credentials_do_not_mix(client: TestClient, acme: Tenant) -> None:
    token = worker_token(client, acme)
    lease = {"worker": "w", "kinds": ["noop"]}
    answer = client.post(f"{WORKER}/lease", json=lease, headers=auth(acme))
    assert answer.status_code == 401 and "worker token" in answer.json()["error"]["message"]
    assert client.get("/v1/jobs", headers=bearer(token)).status_code == 401
    assert client.post(f"{WORKER}/lease", json={"worker": "w", "kinds": []}, headers=bearer(token)).status_code == 422


def test_metrics_show_queue_depth_durations_and_failures(client: TestClient, acme: Tenant) -> None:
    submit(acme, "noop")
    submit(acme, "noop")
    done = submit(acme, "noop")
    with running_pool(acme.runtime, concurrency=1):
        wait_for_status(acme, done, "succeeded")
    text = client.get("/metrics").text
    assert 'datalinx_jobs{status="queued"} 0.0' in text
    assert 'datalinx_job_duration_seconds_count{kind="noop",status="succeeded"}' in text
    assert "datalinx_job_failures_total" in text


def test_a_remote_worker_whose_token_is_refused_stops_with_an_error(live_server: LiveServer, tmp_path: Path) -> None:
    queue = HttpQueue(live_server.url, "dlxw_0000_not-a-token")
    pool = WorkerPool(queue, home=tmp_path, concurrency=1, wait_seconds=0.1, grace_seconds=0)
    assert pool.run_until_signalled() == 1
    assert isinstance(pool.fatal, Unauthenticated)
    queue.close()
