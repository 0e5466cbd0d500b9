"""Quality over REST: a scan as a job, then score, history, issues by impact, failing rows, profiles, missingness."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from datalinx.core.auth.permissions import Role
from datalinx.core.datasets.seed import seed_demo_datasets
from datalinx.core.tenancy.bootstrap import as_owner
from tests.api.helpers import wait_for
from tests.conftest import Tenant


@pytest.fixture
def scanned(client: TestClient, tenant: Tenant) -> dict:
    """The demo customers dataset, scanned once."""
    with as_owner(tenant.runtime, tenant.slug, workspace=tenant.workspace) as call:
        seed_demo_datasets(call)
    started = client.post("/v1/datasets/customers/scan", json={}, headers=tenant.headers())
    assert started.status_code == 202, started.text
    accepted = started.json()
    assert wait_for(client, tenant, accepted["job_id"])["status"] == "succeeded"
    return accepted


def test_scan_gives_score_breakdown_and_history(client: TestClient, tenant: Tenant, scanned: dict) -> None:
    owner = tenant.headers()
    scan = client.get(f"/v1/datasets/customers/scan/{scanned['scan_id']}", headers=owner).json()
    assert scan["status"] == "succeeded" and 0 <= scan["score"] <= 100 and scan["issue_count"] > 0
    score = client.get("/v1/quality/customers/score", headers=owner).json()
    assert score["score"] == scan["score"]
    assert {d["dimension"] for d in score["dimensions"]} >= {"completeness", "uniqueness", "validity", "consistency"}
    assert {c["column"] for c in score["columns"]} >= {"email", "phone"}
    history = client.get("/v1/quality/customers/history", headers=owner).json()["items"]
    assert [p["scan_id"] for p in history] == [scanned["scan_id"]]
    listed = client.get("/v1/datasets", params={"name": "customers"}, headers=owner).json()["items"][0]
    assert listed["quality_score"] == scan["score"]


def test_issues_sort_by_impact_and_rows_page(client: TestClient, tenant: Tenant, scanned: dict) -> None:
    owner = tenant.headers()
    issues = client.get("/v1/quality/customers/issues", params={"limit": 100}, headers=owner).json()["items"]
    impacts = [i["impact_score"] for i in issues]
    assert impacts == sorted(impacts, reverse=True)
    types = {i["type"] for i in issues}
    assert {"invalid_email", "exact_duplicate"} & types, types
    email = next(i for i in issues if "email" in i["columns"] and i["type"] == "invalid_email")
    first = client.get(f"/v1/quality/customers/issues/{email['id']}/rows", params={"limit": 3}, headers=owner).json()
    assert first["total"] == email["affected_rows"] and len(first["rows"]) == min(3, email["affected_rows"])
    assert all("_row" in row and row["_reason"] for row in first["rows"])
    rest = client.get(
        f"/v1/quality/customers/issues/{email['id']}/rows", params={"offset": 3, "limit": 500}, headers=owner
    ).json()
    rows = [r["_row"] for r in first["rows"] + rest["rows"]]
    assert len(rows) == len(set(rows)) == email["affected_rows"]
    only_email = client.get("/v1/quality/customers/issues", params={"column": "email"}, headers=owner).json()["items"]
    assert only_email and all("email" in i["columns"] for i in only_email)


def test_columns_carry_profiles_and_missingness_is_explained(client: TestClient, tenant: Tenant, scanned: dict) -> None:
    owner = tenant.headers()
    columns = client.get("/v1/datasets/customers/columns", headers=owner).json()
    email = next(c for c in columns if c["name"] == "email")
    assert email["profile"]["semantic_type"] == "email"
    reports = client.get("/v1/quality/customers/missingness", headers=owner).json()
    assert reports and all(r["mechanism"] in ("MCAR", "MAR", "MNAR") for r in reports)
    assert all(r["suspected"] == (r["mechanism"] == "MNAR") for r in reports)


def test_weights_are_validated_and_viewers_cannot_scan(client: TestClient, tenant: Tenant, scanned: dict) -> None:
    owner = tenant.headers()
    bad = client.put("/v1/quality/settings/weights", json={"weights": {"beauty": 2}}, headers=owner)
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "weights"
    good = client.put("/v1/quality/settings/weights", json={"weights": {"validity": 3}}, headers=owner)
    assert good.status_code == 200 and good.json()["validity"] == 3
    assert client.post("/v1/datasets/customers/scan", json={}, headers=tenant.headers(Role.VIEWER)).status_code == 403
    assert client.get("/v1/quality/customers/score", headers=tenant.headers(Role.VIEWER)).status_code == 200
    wrong = client.post("/v1/datasets/customers/scan", json={"label_column": "nope"}, headers=owner)
    assert wrong.status_code == 422 and wrong.json()["error"]["field"] == "label_column"


def test_unscanned_dataset_has_no_score_and_delete_removes_scans(
    client: TestClient, tenant: Tenant, scanned: dict
) -> None:
    owner = tenant.headers()
    assert client.get("/v1/quality/orders/score", headers=owner).status_code == 404
    assert client.delete("/v1/datasets/customers", headers=owner).status_code == 204
    assert client.get("/v1/quality/customers/score", headers=owner).status_code == 404
    with tenant.runtime.db.transaction() as session:
        from sqlalchemy import func, select

        from datalinx.dao.models import QualityIssue, QualityScan

        assert session.scalar(select(func.count()).select_from(QualityScan)) == 0
        assert session.scalar(select(func.count()).select_from(QualityIssue)) == 0


def test_issue_rows_download_and_quarantine(client: TestClient, tenant: Tenant, scanned: dict) -> None:
    owner = tenant.headers()
    issues = client.get("/v1/quality/customers/issues", params={"type": "invalid_email"}, headers=owner).json()["items"]
    issue = issues[0]
    csv = client.get(f"/v1/quality/customers/issues/{issue['id']}/rows.csv", headers=owner)
    assert csv.status_code == 200
    lines = csv.text.strip().splitlines()
    assert lines[0].startswith("_row,") and "_reason" in lines[0] and len(lines) == issue["affected_rows"] + 1
    before = client.get("/v1/datasets/customers", headers=owner).json()
    started = client.post(f"/v1/quality/customers/issues/{issue['id']}/quarantine", headers=owner)
    assert started.status_code == 202, started.text
    assert wait_for(client, tenant, started.json()["job_id"])["status"] == "succeeded"
    after = client.get("/v1/datasets/customers", headers=owner).json()
    assert after["current_version"] == before["current_version"] + 1
    assert after["rows"] == before["rows"] - issue["affected_rows"]
    held = client.get("/v1/datasets/customers-quarantine/preview", params={"limit": 500}, headers=owner).json()
    assert len(held["rows"]) == issue["affected_rows"] and all(r["_reason"] for r in held["rows"])
    assert {r["_issue"] for r in held["rows"]} == {"invalid_email"}
    stale = client.post(f"/v1/quality/customers/issues/{issues[0]['id']}/quarantine", headers=owner)
    assert stale.status_code == 422 and "scan it again" in stale.json()["error"]["message"]
    assert (
        client.post(
            f"/v1/quality/customers/issues/{issue['id']}/quarantine", headers=tenant.headers(Role.VIEWER)
        ).status_code
        == 403
    )
