"""Pipelines over REST: create, version, validate, dry-run and run as jobs, outputs published once and atomically."""

from __future__ import annotations

import io

import duckdb
import polars as pl
import pytest
from fastapi.testclient import TestClient

from datalinx.core.auth.permissions import Role
from datalinx.dao import files
from datalinx.dao.scope import Scope
from tests.api.helpers import wait_for
from tests.conftest import Tenant

ORDERS = (
    b"order_id,customer_id,amount,status,ordered\n"
    b"1,10,12.5,shipped,2024-01-03\n2,11,99.0,pending,2024-02-10\n3,10,7.25,shipped,2024-02-11\n"
    b"4,12,,cancelled,2024-03-01\n5,11,40.0,shipped,2024-03-15\n5,11,40.0,shipped,2024-03-15\n"
)
CUSTOMERS = b"customer_id,name,country\n10,Ada,DE\n11,Bob,FR\n12,Cy,DE\n"


def upload(client: TestClient, tenant: Tenant, name: str, content: bytes) -> dict:
    answer = client.post(
        "/v1/datasets", files={"file": (f"{name}.csv", content)}, data={"name": name}, headers=tenant.headers()
    )
    assert answer.status_code == 201, answer.text
    return answer.json()


def revenue_definition(sink_name: str = "revenue", **sink: object) -> dict:
    return {
        "nodes": [
            {"id": "orders", "kind": "source", "dataset": "orders"},
            {"id": "customers", "kind": "source", "dataset": "customers"},
            {"id": "unique_orders", "kind": "deduplicate"},
            {"id": "shipped", "kind": "filter", "condition": "status = 'shipped'"},
            {"id": "joined", "kind": "join", "how": "left", "on": ["customer_id"]},
            {
                "id": "by_country",
                "kind": "aggregate",
                "group_by": ["country"],
                "aggregations": [{"function": "sum", "column": "amount", "alias": "revenue"}, {"function": "count"}],
            },
            {"id": "save", "kind": "sink_dataset", "dataset": sink_name, **sink},
            {"id": "table", "kind": "sink_warehouse", "table": f"{sink_name}_table", "if_exists": "replace"},
            {"id": "export", "kind": "sink_file", "format": "csv", "name": f"{sink_name}.csv"},
        ],
        "edges": [
            {"source": "orders", "target": "unique_orders"},
            {"source": "unique_orders", "target": "shipped"},
            {"source": "shipped", "target": "joined", "port": "left"},
            {"source": "customers", "target": "joined", "port": "right"},
            {"source": "joined", "target": "by_country"},
            {"source": "by_country", "target": "save"},
            {"source": "by_country", "target": "table"},
            {"source": "by_country", "target": "export"},
        ],
    }


@pytest.fixture
def data(client: TestClient, tenant: Tenant) -> None:
    upload(client, tenant, "orders", ORDERS)
    upload(client, tenant, "customers", CUSTOMERS)


def create(client: TestClient, tenant: Tenant, definition: dict, name: str = "revenue") -> dict:
    answer = client.post("/v1/pipelines", json={"name": name, "definition": definition}, headers=tenant.headers())
    assert answer.status_code == 201, answer.text
    return answer.json()


def start(client: TestClient, tenant: Tenant, pipeline: str, action: str = "run", **body: object) -> dict:
    answer = client.post(f"/v1/pipelines/{pipeline}/{action}", json=body, headers=tenant.headers())
    assert answer.status_code == 202, answer.text
    accepted = answer.json()
    wait_for(client, tenant, accepted["job_id"])
    return client.get(f"/v1/runs/{accepted['run_id']}/status", headers=tenant.headers()).json()


def test_run_publishes_every_sink_and_records_the_version(client: TestClient, tenant: Tenant, data: None) -> None:
    owner = tenant.headers()
    pipeline = create(client, tenant, revenue_definition())
    run = start(client, tenant, pipeline["id"])
    assert run["status"] == "succeeded", run
    assert run["version"] == 1 and run["kind"] == "run"
    outputs = {o["kind"]: o for o in client.get(f"/v1/runs/{run['id']}/output", headers=owner).json()}
    assert outputs["sink_dataset"]["rows"] == 2 and outputs["sink_dataset"]["dataset_version"] == 1
    preview = client.get("/v1/datasets/revenue/preview", headers=owner).json()
    assert sorted((r["country"], r["revenue"], r["count"]) for r in preview["rows"]) == [
        ("DE", 19.75, 2),
        ("FR", 40.0, 1),
    ]
    downloaded = client.get(outputs["sink_file"]["download_url"], headers=owner)
    assert downloaded.status_code == 200
    assert pl.read_csv(io.BytesIO(downloaded.content)).sort("country")["revenue"].to_list() == [19.75, 40.0]
    assert client.get(outputs["sink_file"]["download_url"]).status_code == 401
    scope = Scope(org_id=tenant.init.org_id, workspace_id=tenant.init.workspace_id)
    with duckdb.connect(str(files.warehouse_file(tenant.runtime.settings.home, scope)), read_only=True) as db:
        assert db.execute("SELECT sum(revenue) FROM revenue_table").fetchone() == (59.75,)
    runs = client.get(f"/v1/pipelines/{pipeline['id']}/runs", headers=owner).json()["items"]
    assert [r["id"] for r in runs] == [run["id"]]


def test_both_engines_write_the_same_dataset(client: TestClient, tenant: Tenant, data: None) -> None:
    create(client, tenant, revenue_definition("by_polars"), name="a")
    create(client, tenant, revenue_definition("by_duckdb"), name="b")
    assert start(client, tenant, "a", engine="polars")["status"] == "succeeded"
    assert start(client, tenant, "b", engine="duckdb")["status"] == "succeeded"
    frames = [
        pl.DataFrame(client.get(f"/v1/datasets/{name}/preview", headers=tenant.headers()).json()["rows"]).sort(
            "country"
        )
        for name in ("by_polars", "by_duckdb")
    ]
    assert frames[0].equals(frames[1])


def test_dry_run_previews_rows_per_node_and_writes_nothing(client: TestClient, tenant: Tenant, data: None) -> None:
    create(client, tenant, revenue_definition())
    run = start(client, tenant, "revenue", "dry-run", sample_rows=3)
    assert run["status"] == "succeeded", run
    report = run["report"]
    rows = {n["node"]: n["rows"] for n in report["nodes"]}
    assert rows["orders"] == 3 and rows["unique_orders"] == 3 and rows["shipped"] == 2
    assert report["previews"]["save"] and report["sinks"]["save"] == {
        "country": "string",
        "revenue": "float64",
        "count": "int64",
    }
    assert client.get("/v1/datasets/revenue", headers=tenant.headers()).status_code == 404
    assert client.get(f"/v1/runs/{run['id']}/output", headers=tenant.headers()).json() == []


def test_invalid_definition_is_refused_with_every_problem_and_nothing_saved(
    client: TestClient, tenant: Tenant, data: None
) -> None:
    definition = revenue_definition()
    definition["nodes"][3]["condition"] = "stauts = 'shipped'"
    definition["nodes"][5]["group_by"] = ["contry"]
    definition["edges"].append({"source": "nowhere", "target": "save"})
    answer = client.post("/v1/pipelines", json={"name": "bad", "definition": definition}, headers=tenant.headers())
    assert answer.status_code == 422
    error = answer.json()["error"]
    found = [(p.get("node"), p.get("field"), p.get("column")) for p in error["problems"]]
    assert found == [(None, "edges[8]", None), ("shipped", "condition", "stauts"), ("by_country", "group_by", "contry")]
    assert "did you mean 'status'?" in error["message"]
    assert client.get("/v1/pipelines", headers=tenant.headers()).json()["items"] == []


def test_validate_reports_columns_and_sql_without_saving(client: TestClient, tenant: Tenant, data: None) -> None:
    report = client.post("/v1/pipelines/validate", json=revenue_definition(), headers=tenant.headers()).json()
    assert report["valid"] and report["order"][0] in ("orders", "customers")
    assert report["schemas"]["joined"] == {
        "order_id": "int64",
        "customer_id": "int64",
        "amount": "float64",
        "status": "string",
        "ordered": "date",
        "name": "string",
        "country": "string",
    }
    assert 'CREATE VIEW "n_shipped" AS SELECT * FROM "n_unique_orders" WHERE' in report["sql"]


def test_update_makes_a_new_version_and_runs_record_it(client: TestClient, tenant: Tenant, data: None) -> None:
    pipeline = create(client, tenant, revenue_definition())
    changed = revenue_definition()
    changed["nodes"][3]["condition"] = "status in ('shipped', 'pending')"
    answer = client.put(f"/v1/pipelines/{pipeline['id']}", json={"definition": changed}, headers=tenant.headers())
    assert answer.json()["version"] == 2
    old = client.get(f"/v1/pipelines/{pipeline['id']}", params={"version": 1}, headers=tenant.headers()).json()
    assert old["definition"]["nodes"][3]["condition"] == "status = 'shipped'"
    run = start(client, tenant, pipeline["id"], version=1)
    assert run["version"] == 1 and run["status"] == "succeeded"
    run = start(client, tenant, pipeline["id"])
    assert run["version"] == 2
    versions = client.get("/v1/datasets/revenue/versions", headers=tenant.headers()).json()["items"]
    assert [v["version"] for v in versions] == [2, 1]


def test_deleted_source_refuses_the_run_before_queueing(client: TestClient, tenant: Tenant, data: None) -> None:
    create(client, tenant, revenue_definition())
    assert client.delete("/v1/datasets/customers", headers=tenant.headers()).status_code == 204
    answer = client.post("/v1/pipelines/revenue/run", json={}, headers=tenant.headers())
    assert answer.status_code == 422
    assert answer.json()["error"]["problems"][0] == {"node": "customers", "message": "dataset 'customers' not found"}
    assert client.get("/v1/jobs", params={"kind": "pipeline.run"}, headers=tenant.headers()).json()["items"] == []


def test_sinks_that_would_overwrite_are_refused(client: TestClient, tenant: Tenant, data: None) -> None:
    answer = client.post(
        "/v1/pipelines",
        json={"name": "x", "definition": revenue_definition("orders", if_exists="error")},
        headers=tenant.headers(),
    )
    assert answer.status_code == 422 and "dataset 'orders' exists" in answer.json()["error"]["message"]
    definition = revenue_definition()
    definition["nodes"][7]["if_exists"] = "error"
    create(client, tenant, definition)
    assert start(client, tenant, "revenue")["status"] == "succeeded"
    answer = client.post("/v1/pipelines/revenue/run", json={}, headers=tenant.headers())
    assert answer.status_code == 422
    assert "warehouse table 'revenue_table' exists" in answer.json()["error"]["message"]


def test_a_failing_run_leaves_no_output(client: TestClient, tenant: Tenant, data: None) -> None:
    definition = revenue_definition()
    definition["nodes"].insert(3, {"id": "strict", "kind": "cast", "columns": {"status": "int64"}})
    definition["edges"][1] = {"source": "unique_orders", "target": "strict"}
    definition["edges"].insert(2, {"source": "strict", "target": "shipped"})
    definition["nodes"][4]["condition"] = "status = 1"
    create(client, tenant, definition)
    run = start(client, tenant, "revenue")
    assert run["status"] == "failed"
    assert "cannot cast 'shipped' in column 'status' to int64" in run["error"]
    assert "Traceback" not in run["error"]
    assert client.get("/v1/datasets/revenue", headers=tenant.headers()).status_code == 404
    assert client.get(f"/v1/runs/{run['id']}/output", headers=tenant.headers()).status_code == 409


def test_idempotency_key_returns_the_first_run(client: TestClient, tenant: Tenant, data: None) -> None:
    create(client, tenant, revenue_definition())
    first = client.post("/v1/pipelines/revenue/run", json={"idempotency_key": "k1"}, headers=tenant.headers()).json()
    again = client.post("/v1/pipelines/revenue/run", json={"idempotency_key": "k1"}, headers=tenant.headers()).json()
    assert again["run_id"] == first["run_id"] and again["job_id"] == first["job_id"]
    wait_for(client, tenant, first["job_id"])
    runs = client.get("/v1/pipelines/revenue/runs", headers=tenant.headers()).json()["items"]
    assert len(runs) == 1


def test_viewer_reads_but_cannot_run_or_change(client: TestClient, tenant: Tenant, data: None) -> None:
    create(client, tenant, revenue_definition())
    viewer = tenant.headers(Role.VIEWER)
    assert client.get("/v1/pipelines/revenue", headers=viewer).status_code == 200
    refused = client.post("/v1/pipelines/revenue/run", json={}, headers=viewer)
    assert refused.status_code == 403 and "pipeline.run" in refused.json()["error"]["message"]
    assert client.put("/v1/pipelines/revenue", json={"name": "x"}, headers=viewer).status_code == 403


def test_bad_run_options_name_the_field(client: TestClient, tenant: Tenant, data: None) -> None:
    create(client, tenant, revenue_definition())
    answer = client.post("/v1/pipelines/revenue/run", json={"engine": "spark-ish"}, headers=tenant.headers())
    assert answer.status_code == 422 and answer.json()["error"]["fields"][0]["field"] == "engine"
    answer = client.post("/v1/pipelines/revenue/dry-run", json={"sample_rows": 0}, headers=tenant.headers())
    assert answer.status_code == 422 and answer.json()["error"]["fields"][0]["field"] == "sample_rows"
    answer = client.get("/v1/pipelines/revenue", params={"version": 9}, headers=tenant.headers())
    assert answer.status_code == 404


def test_schema_documents_every_node_kind_with_a_valid_example(client: TestClient, tenant: Tenant) -> None:
    from datalinx.core.pipelines.dag import PipelineDefinition

    schema = client.get("/v1/pipelines/schema", headers=tenant.headers()).json()
    kinds = {k["kind"]: k for k in schema["node_kinds"]}
    assert len(kinds) == 23 and {"source", "join", "pivot", "sql", "dbt_model", "quality_gate"} <= set(kinds)
    for doc in kinds.values():
        PipelineDefinition.model_validate({"nodes": [doc["example"]]})
        assert doc["description"]
    assert "discriminator" in str(schema["json_schema"])
