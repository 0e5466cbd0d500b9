"""Shared by the REST tests: follow a job over the API until it ends."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from tests.conftest import Tenant


def wait_for(client: TestClient, tenant: Tenant, job_id: str, timeout: float = 120) -> dict:
    """The job as `GET /v1/jobs/{id}` shows it once it succeeded, failed or was cancelled."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}", headers=tenant.headers()).json()
        if job["status"] in ("succeeded", "failed", "cancelled"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")
