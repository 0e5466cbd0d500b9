"""Job tools over MCP: read, list, cancel, and wait for a job with MCP progress notifications."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import tests.core.jobs.kinds  # noqa: F401  (registers the demo.* kinds)
from datalinx.core.auth.permissions import Role
from datalinx.core.runtime import Runtime
from tests.conftest import LiveServer, Tenant, make_settings
from tests.core.jobs.helpers import FAST, get, running_pool, small_tenant, submit, token_of
from tests.mcp_client import http_session, structured, text_of


@pytest.fixture
def runtime(tmp_path: Path, sqlite_url: str) -> Iterator[Runtime]:
    """Fast job settings, and no in-process workers unless a test starts them."""
    rt = Runtime.start(make_settings(tmp_path / "home", sqlite_url, **FAST))
    yield rt
    rt.close()


@pytest.fixture
def acme(runtime: Runtime) -> Tenant:
    return small_tenant(runtime, "Acme", roles=(Role.VIEWER,))


async def test_wait_for_job_sends_progress_notifications_until_the_job_ends(
    live_server: LiveServer, acme: Tenant
) -> None:
    job_id = submit(acme, "demo.sleep_write", {"steps": 4, "step_seconds": 0.15})
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    # the session is open before any worker runs, so a slow connect cannot let the job end before the wait begins
    async with http_session(live_server.url, token_of(acme, Role.VIEWER)) as session:
        with running_pool(acme.runtime):
            result = await session.call_tool("wait_for_job", {"job_id": job_id}, progress_callback=on_progress)
    job = structured(result)
    assert (job["status"], job["progress"]) == ("succeeded", 1.0)
    progress = [p for p, _, _ in seen]
    assert progress == sorted(progress) and progress[-1] == 1.0 and len(progress) >= 2
    assert all(total == 1.0 for _, total, _ in seen)
    assert seen[-1][2] == "step 4 of 4"


async def test_job_tools_read_list_and_cancel(live_server: LiveServer, acme: Tenant) -> None:
    job_id = submit(acme, "noop")
    async with http_session(live_server.url, token_of(acme, Role.VIEWER)) as session:
        assert structured(await session.call_tool("get_job", {"job_id": job_id}))["status"] == "queued"
        listed = structured(await session.call_tool("list_jobs", {"kind": "noop"}))
        assert [job["id"] for job in listed["items"]] == [job_id]
        refused = await session.call_tool("cancel_job", {"job_id": job_id})
        assert refused.isError and "lacks permission 'job.cancel'" in text_of(refused)
        waited = structured(await session.call_tool("wait_for_job", {"job_id": job_id, "timeout_seconds": 0}))
        assert waited["status"] == "queued"  # the wait ended; the job did not
    async with http_session(live_server.url, token_of(acme)) as session:
        assert structured(await session.call_tool("cancel_job", {"job_id": job_id}))["status"] == "cancelled"
    assert get(acme, job_id).status == "cancelled"


async def test_another_orgs_job_is_not_found_from_every_job_tool(live_server: LiveServer, acme: Tenant) -> None:
    globex = small_tenant(acme.runtime, "Globex", roles=())
    job_id = submit(acme, "noop")
    async with http_session(live_server.url, token_of(globex)) as session:
        for name in ("get_job", "cancel_job", "wait_for_job"):
            result = await session.call_tool(name, {"job_id": job_id})
            assert result.isError and "not_found" in text_of(result), f"{name}: {text_of(result)}"
        assert structured(await session.call_tool("list_jobs", {}))["items"] == []
    assert get(acme, job_id).status == "queued"
