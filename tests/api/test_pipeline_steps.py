"""Pipeline steps that reach beyond one engine: dbt models, quality gates, warehouse and connection sources,
templates on the demo data, and a run stopped half way."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from datalinx.core.datasets.seed import seed_demo_datasets
from datalinx.core.jobs.context import JobCancelled, JobContext
from datalinx.core.jobs.schemas import LeasedJob, LeaseState
from datalinx.core.pipelines import jobs as pipeline_jobs
from datalinx.core.tenancy.bootstrap import as_owner
from datalinx.dao import files
from datalinx.dao.scope import Scope
from tests.api.helpers import wait_for
from tests.api.test_pipelines import CUSTOMERS, ORDERS, create, revenue_definition, start, upload
from tests.conftest import Tenant

MODEL = """
select c.country, sum(o.amount) as revenue, count(*) as orders
from {{ source('pipeline', 'orders') }} o join {{ source('pipeline', 'customers') }} c using (customer_id)
group by c.country
"""


@pytest.fixture
def data(client: TestClient, tenant: Tenant) -> None:
    upload(client, tenant, "orders", ORDERS)
    upload(client, tenant, "customers", CUSTOMERS)


def scope_of(tenant: Tenant) -> Scope:
    return Scope(org_id=tenant.init.org_id, workspace_id=tenant.init.workspace_id)


def dbt_definition(model: str = "revenue_by_country") -> dict:
    return {
        "nodes": [
            {"id": "orders", "kind": "source", "dataset": "orders"},
            {"id": "customers", "kind": "source", "dataset": "customers"},
            {"id": "model", "kind": "dbt_model", "model": model},
            {"id": "big", "kind": "filter", "condition": "revenue > 10"},
            {"id": "save", "kind": "sink_dataset", "dataset": "dbt_revenue"},
        ],
        "edges": [
            {"source": "orders", "target": "model"},
            {"source": "customers", "target": "model"},
            {"source": "model", "target": "big"},
            {"source": "big", "target": "save"},
        ],
    }


def test_dbt_model_runs_in_a_pipeline_against_the_workspace_warehouse(
    client: TestClient, tenant: Tenant, data: None
) -> None:
    owner = tenant.headers()
    saved = client.post("/v1/dbt/models", json={"name": "revenue_by_country", "sql": MODEL}, headers=owner)
    assert saved.status_code == 201, saved.text
    assert client.get("/v1/dbt/models", headers=owner).json() == ["revenue_by_country"]
    create(client, tenant, dbt_definition(), name="dbt")
    dry = start(client, tenant, "dbt", "dry-run")
    assert dry["status"] == "succeeded", dry
    warehouse = files.warehouse_file(tenant.runtime.settings.home, scope_of(tenant))
    assert not warehouse.exists(), "a dry run must not touch the warehouse"
    run = start(client, tenant, "dbt")
    assert run["status"] == "succeeded", run
    rows = client.get("/v1/datasets/dbt_revenue/preview", headers=owner).json()["rows"]
    assert sorted((r["country"], r["revenue"], r["orders"]) for r in rows) == [("DE", 19.75, 3), ("FR", 179.0, 3)]
    with duckdb.connect(str(warehouse), read_only=True) as db:
        assert db.execute("SELECT count(*) FROM main.revenue_by_country").fetchone() == (2,)
    schemas = {n["node"]: n["columns"] for n in run["report"]["nodes"]}
    assert schemas["big"] == {"country": "string", "revenue": "float64", "orders": "int64"}


def test_dbt_models_cannot_read_files_and_a_missing_model_is_named(
    client: TestClient, tenant: Tenant, data: None, tmp_path: Path
) -> None:
    owner = tenant.headers()
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    sneaky = f"select * from read_csv('{secret}')"
    assert client.post("/v1/dbt/models", json={"name": "sneaky", "sql": sneaky}, headers=owner).status_code == 201
    create(client, tenant, dbt_definition("sneaky"), name="sneaky")
    run = start(client, tenant, "sneaky")
    assert run["status"] == "failed" and "dbt model 'sneaky' failed" in run["error"]
    assert "disabled" in run["error"] or "Permission" in run["error"], run["error"]
    answer = client.post("/v1/pipelines", json={"name": "x", "definition": dbt_definition("revenu")}, headers=owner)
    assert answer.status_code == 422 and "the dbt project has no model 'revenu'" in answer.text


def test_quality_gate_stops_a_run_and_a_dry_run_reports_it(client: TestClient, tenant: Tenant, data: None) -> None:
    definition = {
        "nodes": [
            {"id": "orders", "kind": "source", "dataset": "orders"},
            {"id": "gate", "kind": "quality_gate", "checks": [{"issue_type": "exact_duplicate", "max_rows": 0}]},
            {"id": "save", "kind": "sink_dataset", "dataset": "gated"},
        ],
        "edges": [{"source": "orders", "target": "gate"}, {"source": "gate", "target": "save"}],
    }
    create(client, tenant, definition, name="gated")
    dry = start(client, tenant, "gated", "dry-run")
    assert dry["status"] == "succeeded"
    gate = dry["report"]["gates"][0]
    assert not gate["passed"] and "1 rows with exact_duplicate" in gate["reasons"][0]
    run = start(client, tenant, "gated")
    assert run["status"] == "failed" and "quality gate 'gate' stopped the run" in run["error"]
    assert client.get("/v1/datasets/gated", headers=tenant.headers()).status_code == 404
    definition["nodes"].insert(1, {"id": "dedupe", "kind": "deduplicate"})
    definition["edges"] = [
        {"source": "orders", "target": "dedupe"},
        {"source": "dedupe", "target": "gate"},
        {"source": "gate", "target": "save"},
    ]
    client.put("/v1/pipelines/gated", json={"definition": definition}, headers=tenant.headers())
    assert start(client, tenant, "gated")["status"] == "succeeded"


def test_warehouse_table_and_connection_table_as_sources(client: TestClient, tenant: Tenant, data: None) -> None:
    owner = tenant.headers()
    create(client, tenant, revenue_definition(), name="first")
    assert start(client, tenant, "first")["status"] == "succeeded"
    inbox = files.inbox_dir(tenant.runtime.settings.home, scope_of(tenant))
    with sqlite3.connect(inbox / "crm.sqlite") as db:
        db.execute("CREATE TABLE targets (country TEXT, target REAL)")
        db.executemany("INSERT INTO targets VALUES (?, ?)", [("DE", 10.0), ("FR", 100.0)])
    made = client.post("/v1/connections", json={"name": "crm", "kind": "sqlite", "path": "crm.sqlite"}, headers=owner)
    assert made.status_code == 201, made.text
    definition = {
        "nodes": [
            {"id": "revenue", "kind": "source", "warehouse_table": "revenue_table"},
            {"id": "targets", "kind": "source", "connection": "crm", "table": "targets"},
            {"id": "joined", "kind": "join", "on": ["country"]},
            {"id": "hit", "kind": "derive", "columns": {"reached": "revenue >= target"}},
            {"id": "save", "kind": "sink_dataset", "dataset": "targets_reached"},
        ],
        "edges": [
            {"source": "revenue", "target": "joined", "port": "left"},
            {"source": "targets", "target": "joined", "port": "right"},
            {"source": "joined", "target": "hit"},
            {"source": "hit", "target": "save"},
        ],
    }
    create(client, tenant, definition, name="second")
    assert start(client, tenant, "second", engine="duckdb")["status"] == "succeeded"
    rows = client.get("/v1/datasets/targets_reached/preview", headers=owner).json()["rows"]
    assert sorted((r["country"], r["reached"]) for r in rows) == [("DE", True), ("FR", False)]


@pytest.mark.parametrize("template", ["clean_customers", "revenue_by_month", "train_test_split"])
def test_templates_run_on_the_demo_data(client: TestClient, tenant: Tenant, template: str) -> None:
    with as_owner(tenant.runtime, tenant.slug, workspace=tenant.workspace) as call:
        seed_demo_datasets(call)
    owner = tenant.headers()
    templates = {t["id"]: t for t in client.get("/v1/pipelines/templates", headers=owner).json()}
    assert set(templates) == {"clean_customers", "revenue_by_month", "train_test_split"}
    made = client.post("/v1/pipelines", json={"name": template, "template": template}, headers=owner)
    assert made.status_code == 201, made.text
    run = start(client, tenant, template)
    assert run["status"] == "succeeded", run
    outputs = client.get(f"/v1/runs/{run['id']}/output", headers=owner).json()
    assert outputs and all(o["rows"] > 0 for o in outputs)
    if template == "train_test_split":
        train, test = (
            client.get(f"/v1/datasets/churn_{s}/download", params={"format": "csv"}, headers=owner).text
            for s in ("train", "test")
        )
        train_keys = {line.split(",")[0] for line in train.splitlines()[1:]}
        test_keys = {line.split(",")[0] for line in test.splitlines()[1:]}
        assert not train_keys & test_keys and len(test_keys) > 0.15 * (len(train_keys) + len(test_keys))
    bad = client.post(
        "/v1/pipelines", json={"name": "x", "template": template, "parameters": {"colour": 1}}, headers=owner
    )
    assert bad.status_code == 422 and "colour" in bad.json()["error"]["message"]


def test_a_run_cancelled_half_way_publishes_nothing(client: TestClient, tenant: Tenant, data: None) -> None:
    definition = revenue_definition()
    definition["nodes"][7]["if_exists"] = "error"
    create(client, tenant, definition)
    accepted = client.post("/v1/pipelines/revenue/run", json={}, headers=tenant.headers()).json()
    job = client.get(f"/v1/jobs/{accepted['job_id']}", headers=tenant.headers()).json()
    wait_for(client, tenant, accepted["job_id"])  # the pool ran it; now run the same payload and stop it half way
    reports: list[str] = []

    def reporter(fraction: float, message: str | None) -> LeaseState:
        reports.append(message or "")
        return LeaseState(job_id="again", held=True, cancel_requested=len(reports) > 8)

    leased = LeasedJob(
        id="again-job",
        org_id=tenant.init.org_id,
        workspace_id=tenant.init.workspace_id,
        kind="pipeline.run",
        payload=job["payload"],
        attempt=1,
        max_attempts=1,
        lease_token="t",
        lease_expires_at=datetime.now(UTC) + timedelta(minutes=5),
        lease_seconds=300,
    )
    ctx = JobContext(job=leased, home=tenant.runtime.settings.home, reporter=reporter, min_report_interval=0)
    with pytest.raises(JobCancelled):
        pipeline_jobs.run_pipeline(ctx, job["payload"])
    assert any("save" in r for r in reports), reports
    assert not (ctx.job_dir / "outputs").exists() and not (ctx.job_dir / "files").exists()
