"""Connections over REST and imports as jobs: SQLite and PostgreSQL sources, read-only, passwords never shown."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from datalinx.core.auth.permissions import Role
from datalinx.dao import files
from datalinx.dao.scope import Scope
from tests.api.helpers import wait_for
from tests.conftest import PG_SKIP_REASON, PG_URL, Tenant


def inbox(tenant: Tenant):
    return files.inbox_dir(tenant.runtime.settings.home, Scope(tenant.init.org_id, tenant.init.workspace_id))


@pytest.fixture
def sqlite_source(tenant: Tenant) -> str:
    path = inbox(tenant) / "shop.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, spend REAL)")
        db.executemany("INSERT INTO customers VALUES (?, ?, ?)", [(n, f"c{n}", n * 1.5) for n in range(1, 251)])
    return "shop.sqlite"


def test_sqlite_connection_lists_and_imports_a_table(client: TestClient, tenant: Tenant, sqlite_source: str) -> None:
    owner = tenant.headers()
    made = client.post("/v1/connections", json={"name": "shop", "kind": "sqlite", "path": sqlite_source}, headers=owner)
    assert made.status_code == 201, made.text
    assert made.json()["has_password"] is False
    tables = client.get("/v1/connections/shop/tables", headers=owner).json()
    assert [(t["schema"], t["name"], t["kind"]) for t in tables] == [(None, "customers", "table")]
    assert client.post("/v1/connections/shop/test", headers=owner).json()["ok"] is True
    started = client.post("/v1/datasets/import", json={"connection": "shop", "table": "customers"}, headers=owner)
    assert started.status_code == 202, started.text
    accepted = started.json()
    assert wait_for(client, tenant, accepted["job_id"])["status"] == "succeeded"
    dataset = client.get(f"/v1/datasets/{accepted['dataset_id']}", headers=owner).json()
    assert (dataset["name"], dataset["rows"], dataset["column_count"]) == ("customers", 250, 3)
    preview = client.get(f"/v1/datasets/{accepted['dataset_id']}/preview", params={"limit": 1}, headers=owner).json()
    assert preview["rows"] == [{"id": 1, "name": "c1", "spend": 1.5}]


def test_query_import_and_write_attempt_refused(client: TestClient, tenant: Tenant, sqlite_source: str) -> None:
    owner = tenant.headers()
    client.post("/v1/connections", json={"name": "shop", "kind": "sqlite", "path": sqlite_source}, headers=owner)
    good = client.post(
        "/v1/datasets/import",
        json={"connection": "shop", "query": "SELECT id, spend FROM customers WHERE spend > 300", "name": "big"},
        headers=owner,
    ).json()
    assert wait_for(client, tenant, good["job_id"])["status"] == "succeeded"
    assert client.get("/v1/datasets/big", headers=owner).json()["rows"] == 50
    bad = client.post(
        "/v1/datasets/import",
        json={"connection": "shop", "query": "DELETE FROM customers", "name": "evil"},
        headers=owner,
    ).json()
    failed = wait_for(client, tenant, bad["job_id"])
    assert failed["status"] == "failed" and failed["attempts"] == 1
    with sqlite3.connect(inbox(tenant) / sqlite_source) as db:
        assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 250
    assert client.get("/v1/datasets/evil", headers=owner).status_code == 404


def test_inbox_import_and_paths_outside_it(client: TestClient, tenant: Tenant) -> None:
    owner = tenant.headers()
    (inbox(tenant) / "drop.csv").write_text("a,b\n1,x\n2,y\n")
    accepted = client.post("/v1/datasets/import", json={"path": "drop.csv"}, headers=owner).json()
    assert wait_for(client, tenant, accepted["job_id"])["status"] == "succeeded"
    assert client.get("/v1/datasets/drop", headers=owner).json()["rows"] == 2
    for path in ("../../../../etc/passwd", "/etc/passwd", "missing.csv"):
        answer = client.post("/v1/datasets/import", json={"path": path, "name": "x"}, headers=owner)
        assert answer.status_code == 422 and answer.json()["error"]["field"] == "path", path
    outside = client.post(
        "/v1/connections", json={"name": "sys", "kind": "sqlite", "path": "../../../../datalinx.db"}, headers=owner
    )
    assert outside.status_code == 422 and "outside the workspace inbox" in outside.json()["error"]["message"]


def test_unreachable_server_is_a_clear_error_and_nothing_is_saved(client: TestClient, tenant: Tenant) -> None:
    owner = tenant.headers()
    body = {
        "name": "nowhere",
        "kind": "postgresql",
        "host": "127.0.0.1",
        "port": 1,
        "database": "x",
        "username": "u",
        "password": "hunter2-secret",
    }
    answer = client.post("/v1/connections", json=body, headers=owner)
    assert answer.status_code == 422
    assert "hunter2" not in answer.text and "127.0.0.1:1" in answer.json()["error"]["message"]
    assert client.get("/v1/connections", headers=owner).json()["items"] == []


def test_password_is_stored_encrypted_and_never_returned(client: TestClient, tenant: Tenant) -> None:
    owner = tenant.headers()
    body = {
        "name": "later",
        "kind": "postgresql",
        "host": "127.0.0.1",
        "port": 1,
        "database": "x",
        "username": "u",
        "password": "hunter2-secret",
        "test": False,
    }
    made = client.post("/v1/connections", json=body, headers=owner)
    assert made.status_code == 201 and made.json()["has_password"] is True and "hunter2" not in made.text
    listed = client.get("/v1/connections", headers=owner)
    assert "hunter2" not in listed.text
    check = client.post("/v1/connections/later/test", headers=owner).json()
    assert check["ok"] is False and "hunter2" not in check["error"]
    with tenant.runtime.db.transaction() as session:
        from sqlalchemy import select

        from datalinx.dao.models import Secret

        assert all("hunter2" not in s.ciphertext for s in session.scalars(select(Secret)))
    assert (
        client.post("/v1/connections", json={**body, "name": "v"}, headers=tenant.headers(Role.VIEWER)).status_code
        == 403
    )


@pytest.mark.skipif(PG_SKIP_REASON is not None, reason=PG_SKIP_REASON or "")
def test_postgres_table_imports_through_a_job(client: TestClient, tenant: Tenant) -> None:
    table = f"people_{uuid.uuid4().hex[:8]}"
    engine = create_engine(PG_URL)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE TABLE {table} (id int, name text, joined date)"))
        connection.execute(
            text(f"INSERT INTO {table} SELECT g, 'p' || g, date '2024-01-01' + g FROM generate_series(1, 1200) g")
        )
    try:
        owner = tenant.headers()
        body = {
            "name": "pg",
            "kind": "postgresql",
            "host": "127.0.0.1",
            "port": 5432,
            "database": "test",
            "username": "postgres",
            "password": "unused-with-trust-auth",
        }
        assert client.post("/v1/connections", json=body, headers=owner).status_code == 201
        names = {t["name"] for t in client.get("/v1/connections/pg/tables", headers=owner).json()}
        assert table in names
        accepted = client.post(
            "/v1/datasets/import", json={"connection": "pg", "table": table, "schema": "public"}, headers=owner
        ).json()
        assert wait_for(client, tenant, accepted["job_id"])["status"] == "succeeded"
        columns = client.get(f"/v1/datasets/{table}/columns", headers=owner).json()
        assert [(c["name"], c["dtype"]) for c in columns] == [("id", "int32"), ("name", "string"), ("joined", "date")]
        assert client.get(f"/v1/datasets/{table}", headers=owner).json()["rows"] == 1200
    finally:
        with engine.begin() as connection:
            connection.execute(text(f"DROP TABLE {table}"))
        engine.dispose()
