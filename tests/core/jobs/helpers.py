"""Shared by the job tests: fast queue settings, acting as a role, submitting, waiting for a state."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from datalinx.core.auth import accounts
from datalinx.core.auth.permissions import Role
from datalinx.core.auth.schemas import UserCreate
from datalinx.core.context import Call, RequestMeta, open_call
from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs.schemas import JobRead
from datalinx.core.jobs.worker import WorkerPool, in_process_pool
from datalinx.core.runtime import Runtime
from datalinx.core.tenancy.bootstrap import as_owner, init_platform
from tests.conftest import PASSWORD, Tenant

T = TypeVar("T")

# Short leases and polls so crash and retry tests take seconds; workers only where a test starts them.
FAST: dict[str, Any] = {
    "workers_in_process": False,
    "job_lease_seconds": 1.0,
    "worker_poll_seconds": 0.05,
    "worker_long_poll_seconds": 0.5,
    "job_retry_base_seconds": 0.05,
    "worker_shutdown_grace_seconds": 2.0,
}


def small_tenant(runtime: Runtime, name: str, roles: tuple[Role, ...] = (Role.DATA_ENGINEER, Role.VIEWER)) -> Tenant:
    """Like `make_tenant`, with users for a few roles only (each password hash costs time on purpose)."""
    slug = name.lower()
    init = init_platform(runtime, org_name=name, email=f"owner@{slug}.example.com", password=PASSWORD)
    tenant = Tenant(runtime=runtime, init=init, emails={Role.OWNER: init.owner_email})
    with as_owner(runtime, init.org_slug, workspace=init.workspace_slug) as call:
        for role in roles:
            email = f"{role.value}@{slug}.example.com"
            data = UserCreate(email=email, password=PASSWORD, role=role, workspaces=[init.workspace_slug])
            accounts.create_user(call, data)
            tenant.emails[role] = email
    return tenant


_tokens: dict[tuple[int, str, Role], str] = {}


def token_of(tenant: Tenant, role: Role = Role.OWNER) -> str:
    """The tenant's JWT for `role`, logged in once per test runtime (a password check is slow on purpose)."""
    key = (id(tenant.runtime), tenant.init.org_id, role)
    if key not in _tokens:
        _tokens[key] = tenant.token(role)
    return _tokens[key]


@contextmanager
def as_role(tenant: Tenant, role: Role = Role.OWNER, workspace: str | None = None) -> Iterator[Call]:
    """A Call as the tenant's user holding `role`, in its first workspace unless told."""
    meta = RequestMeta.new("test")
    token = token_of(tenant, role)
    with open_call(tenant.runtime, token=token, workspace=workspace or tenant.workspace, meta=meta) as call:
        yield call


def submit(tenant: Tenant, kind: str, payload: dict[str, Any] | None = None, **options: Any) -> str:
    """Queue a job as the tenant's owner (or `role=`); returns its id once committed."""
    role = options.pop("role", Role.OWNER)
    with as_role(tenant, role) as call:
        return jobs.submit(call, kind, payload, **options).id


def get(tenant: Tenant, job_id: str) -> JobRead:
    with as_role(tenant) as call:
        return jobs.get_job(call, job_id)


def wait_until(check: Callable[[], T | None], *, timeout: float = 20.0, what: str = "condition") -> T:
    """Poll `check` until it returns something truthy; a safety net, not a timing assertion."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def wait_for_status(tenant: Tenant, job_id: str, *statuses: str, timeout: float = 20.0) -> JobRead:
    def reached() -> JobRead | None:
        job = get(tenant, job_id)
        return job if job.status in statuses else None

    return wait_until(reached, timeout=timeout, what=f"job {job_id} to reach {statuses}")


@contextmanager
def running_pool(runtime: Runtime, *, concurrency: int = 2, name: str | None = None) -> Iterator[WorkerPool]:
    """An in-process worker pool on the system DB, stopped at the end."""
    pool = in_process_pool(runtime, concurrency=concurrency, name=name)
    pool.start()
    try:
        yield pool
    finally:
        pool.stop(grace_seconds=0)
