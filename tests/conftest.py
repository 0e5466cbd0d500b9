"""Shared fixtures: a system DB per test (SQLite always, PostgreSQL when reachable), orgs, roles, clients."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from datalinx.config import Settings
from datalinx.core.auth import accounts
from datalinx.core.auth.permissions import Role
from datalinx.core.auth.schemas import UserCreate
from datalinx.core.runtime import Runtime
from datalinx.core.tenancy.bootstrap import InitResult, as_owner, init_platform
from datalinx.dao.db import Database
from datalinx.dao.models import Base

PG_URL = os.environ.get("DATALINX_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PASSWORD = "correct-horse-battery"


def _postgres_reachable() -> str | None:
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:  # any failure means: skip, with the reason
        return f"PostgreSQL not reachable at {PG_URL}: {type(exc).__name__}"


PG_SKIP_REASON = _postgres_reachable()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file copied for each test (migrating once is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "system.db"
    Database(f"sqlite:///{path}").migrate()
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, migrated once."""
    if PG_SKIP_REASON:
        pytest.skip(PG_SKIP_REASON)
    name = f"datalinx_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_URL.rsplit("/", 1)[0] + f"/{name}"
    db = Database(url)
    db.migrate()
    db.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_postgres(url: str) -> None:
    engine = create_engine(url)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def system_db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """The system DB URL, once per backend: tests using it run on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "system.db"
        shutil.copy(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    url = request.getfixturevalue("postgres_url")
    _truncate_postgres(url)
    yield url
    _truncate_postgres(url)


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "system.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def make_settings(home: Path, database_url: str, **overrides: object) -> Settings:
    return Settings(home=home, database_url=database_url, log_json=False, **overrides)  # type: ignore[arg-type]


@pytest.fixture
def runtime(tmp_path: Path, sqlite_url: str) -> Iterator[Runtime]:
    """A runtime on a fresh SQLite system DB (the embedded default)."""
    rt = Runtime.start(make_settings(tmp_path / "home", sqlite_url))
    yield rt
    rt.close()


@pytest.fixture
def any_runtime(tmp_path: Path, system_db_url: str) -> Iterator[Runtime]:
    """A runtime on each system DB backend in turn."""
    rt = Runtime.start(make_settings(tmp_path / "home", system_db_url))
    yield rt
    rt.close()


@dataclass
class Tenant:
    """One org with its first workspace, its owner and a user per role (members of that workspace)."""

    runtime: Runtime
    init: InitResult
    emails: dict[Role, str] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.init.org_slug

    @property
    def workspace(self) -> str:
        return self.init.workspace_slug

    def token(self, role: Role = Role.OWNER) -> str:
        """A fresh JWT for this tenant's user holding `role`."""
        from datalinx.core.auth import manager as auth

        with self.runtime.db.transaction() as session:
            return auth.login(
                session, self.runtime, email=self.emails[role], password=PASSWORD, address="test"
            ).access_token

    def headers(self, role: Role = Role.OWNER) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(role)}"}


def make_tenant(runtime: Runtime, name: str) -> Tenant:
    slug = name.lower()
    init = init_platform(runtime, org_name=name, email=f"owner@{slug}.example.com", password=PASSWORD)
    tenant = Tenant(runtime=runtime, init=init, emails={Role.OWNER: init.owner_email})
    with as_owner(runtime, init.org_slug, workspace=init.workspace_slug) as call:
        for role in Role:
            if role is Role.OWNER:
                continue
            email = f"{role.value}@{slug}.example.com"
            accounts.create_user(
                call, UserCreate(email=email, password=PASSWORD, role=role, workspaces=[init.workspace_slug])
            )
            tenant.emails[role] = email
    return tenant


@pytest.fixture
def tenant(runtime: Runtime) -> Tenant:
    """Org 'Acme' with a user for every role."""
    return make_tenant(runtime, "Acme")


@pytest.fixture
def other_tenant(runtime: Runtime) -> Tenant:
    """A second org, 'Globex', on the same platform: it must never see Acme's resources."""
    return make_tenant(runtime, "Globex")


@pytest.fixture
def client(runtime: Runtime) -> Iterator[TestClient]:
    """The whole HTTP app (REST + MCP) around the test runtime."""
    from datalinx.server import create_app

    with TestClient(create_app(runtime)) as test_client:
        yield test_client


@dataclass
class LiveServer:
    """The app served by uvicorn on a free loopback port, in a thread."""

    url: str
    runtime: Runtime


@pytest.fixture
def live_server(runtime: Runtime) -> Iterator[LiveServer]:
    import threading
    import time

    import uvicorn

    from datalinx.server import create_app

    config = uvicorn.Config(create_app(runtime), host="127.0.0.1", port=0, log_config=None, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield LiveServer(url=f"http://127.0.0.1:{port}", runtime=runtime)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def tenant_on_any(any_runtime: Runtime) -> Tenant:
    """Org 'Acme' on each system DB backend in turn."""
    return make_tenant(any_runtime, "Acme")
