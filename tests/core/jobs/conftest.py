"""Job tests run with short leases and polls, and register the test-only job kinds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import tests.core.jobs.kinds  # noqa: F401  (registers the demo.* kinds)
from datalinx.core.runtime import Runtime
from tests.conftest import Tenant, make_settings
from tests.core.jobs.helpers import FAST, small_tenant
from tests.core.jobs.kinds import RECORDS


@pytest.fixture
def runtime(tmp_path: Path, sqlite_url: str) -> Iterator[Runtime]:
    """A runtime on SQLite with fast job settings (overrides the shared fixture in this folder)."""
    rt = Runtime.start(make_settings(tmp_path / "home", sqlite_url, **FAST))
    yield rt
    rt.close()


@pytest.fixture
def any_runtime(tmp_path: Path, system_db_url: str) -> Iterator[Runtime]:
    """A runtime with fast job settings on each system DB backend in turn."""
    rt = Runtime.start(make_settings(tmp_path / "home", system_db_url, **FAST))
    with rt.db.engine.begin() as connection:
        RECORDS.create(connection, checkfirst=True)
    yield rt
    with rt.db.engine.begin() as connection:
        RECORDS.drop(connection, checkfirst=True)
    rt.close()


@pytest.fixture
def acme(any_runtime: Runtime) -> Tenant:
    """Org 'Acme' with an owner, a data engineer and a viewer, on each backend in turn."""
    return small_tenant(any_runtime, "Acme")
