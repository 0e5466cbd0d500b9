"""Datasets over REST: streamed uploads, versions, metadata, preview, download, delete, quotas, bad files."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
from fastapi.testclient import TestClient

from datalinx.core.auth.permissions import Role
from tests.conftest import Tenant

CSV = b"id,name,amount,signed_up\n1,Ada,10.5,2024-01-02\n2,Bob,,2024-02-03\n3,Cy,7.25,2024-03-04\n"


def upload(
    client: TestClient,
    tenant: Tenant,
    content: bytes,
    filename: str = "people.csv",
    role: Role = Role.OWNER,
    **fields: str,
):
    return client.post(
        "/v1/datasets", files={"file": (filename, io.BytesIO(content))}, data=fields, headers=tenant.headers(role)
    )


def workspace_files(tenant: Tenant) -> list[Path]:
    root = tenant.runtime.settings.home / "orgs" / tenant.init.org_id / "workspaces" / tenant.init.workspace_id
    return sorted(p for p in (root / "datasets").rglob("*") if p.is_file()) if (root / "datasets").exists() else []


def test_upload_describe_preview_and_download(client: TestClient, tenant: Tenant) -> None:
    answer = upload(client, tenant, CSV)
    assert answer.status_code == 201, answer.text
    dataset = answer.json()
    assert (dataset["name"], dataset["rows"], dataset["column_count"], dataset["current_version"]) == (
        "people",
        3,
        4,
        1,
    )
    owner = tenant.headers()
    columns = client.get(f"/v1/datasets/{dataset['id']}/columns", headers=owner).json()
    assert [(c["name"], c["dtype"], c["null_count"]) for c in columns] == [
        ("id", "int64", 0),
        ("name", "string", 0),
        ("amount", "float64", 1),
        ("signed_up", "date", 0),
    ]
    preview = client.get("/v1/datasets/people/preview", params={"limit": 2}, headers=owner).json()
    assert preview["rows"] == [
        {"id": 1, "name": "Ada", "amount": 10.5, "signed_up": "2024-01-02"},
        {"id": 2, "name": "Bob", "amount": None, "signed_up": "2024-02-03"},
    ]
    parquet = client.get(f"/v1/datasets/{dataset['id']}/download", headers=owner)
    assert parquet.status_code == 200
    frame = pl.read_parquet(io.BytesIO(parquet.content))
    assert frame["name"].to_list() == ["Ada", "Bob", "Cy"]
    csv = client.get(f"/v1/datasets/{dataset['id']}/download", params={"format": "csv"}, headers=owner)
    assert csv.status_code == 200 and csv.text.splitlines()[0] == "id,name,amount,signed_up"


def test_new_version_keeps_the_old_one_readable(client: TestClient, tenant: Tenant) -> None:
    first = upload(client, tenant, CSV).json()
    second = upload(client, tenant, b"id,name\n9,Zed\n", dataset=first["id"])
    assert second.status_code == 201 and second.json()["current_version"] == 2
    owner = tenant.headers()
    versions = client.get(f"/v1/datasets/{first['id']}/versions", headers=owner).json()["items"]
    assert [v["version"] for v in versions] == [2, 1]
    old = client.get(f"/v1/datasets/{first['id']}/preview", params={"version": 1}, headers=owner).json()
    assert len(old["rows"]) == 3
    assert client.get(f"/v1/datasets/{first['id']}/preview", params={"version": 7}, headers=owner).status_code == 404


def test_list_filters_and_pages(client: TestClient, tenant: Tenant) -> None:
    for name in ("orders", "customers", "order-lines"):
        assert upload(client, tenant, CSV, name=name).status_code == 201
    listed = client.get(
        "/v1/datasets", params={"name": "order", "sort": "name", "order": "asc"}, headers=tenant.headers()
    )
    assert [d["name"] for d in listed.json()["items"]] == ["order-lines", "orders"]


def test_duplicate_name_is_409_and_stores_nothing(client: TestClient, tenant: Tenant) -> None:
    upload(client, tenant, CSV)
    before = workspace_files(tenant)
    again = upload(client, tenant, CSV)
    assert again.status_code == 409 and again.json()["error"]["field"] == "name"
    assert workspace_files(tenant) == before


def test_bad_files_are_422_and_leave_nothing(client: TestClient, tenant: Tenant) -> None:
    cases = {
        "empty.csv": b"",
        "ragged.csv": b"a,b\n1,2\n3,4,5\n6,7\n",
        "dupes.csv": b"a,a\n1,2\n",
        "binary.csv": bytes(range(256)) * 20,
        "broken.parquet": b"PAR1" + b"\x00" * 50,
    }
    for filename, content in cases.items():
        answer = upload(client, tenant, content, filename=filename)
        assert answer.status_code == 422, f"{filename}: {answer.status_code} {answer.text}"
        assert answer.json()["error"]["message"], filename
    ragged = upload(client, tenant, cases["ragged.csv"], filename="ragged.csv").json()["error"]["message"]
    assert "line 3" in ragged
    assert "'a'" in upload(client, tenant, cases["dupes.csv"], filename="dupes.csv").json()["error"]["message"]
    assert workspace_files(tenant) == []
    assert client.get("/v1/datasets", headers=tenant.headers()).json()["items"] == []
    staging = (
        tenant.runtime.settings.home / "orgs" / tenant.init.org_id / "workspaces" / tenant.init.workspace_id / "staging"
    )
    assert not any(staging.iterdir())


def test_not_multipart_or_no_file_is_422(client: TestClient, tenant: Tenant) -> None:
    answer = client.post("/v1/datasets", json={"name": "x"}, headers=tenant.headers())
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "file"
    no_file = client.post(
        "/v1/datasets", data={"name": "x"}, files={"other": ("a.txt", b"x")}, headers=tenant.headers()
    )
    assert no_file.status_code == 422


def test_quotas_refuse_before_storing(client: TestClient, tenant: Tenant) -> None:
    tenant.runtime.settings.max_upload_bytes = 2048
    big = b"id,text\n" + b"".join(b"%d,%s\n" % (n, b"x" * 40) for n in range(200))
    answer = upload(client, tenant, big, filename="big.csv")
    assert answer.status_code == 413
    tenant.runtime.settings.max_upload_bytes = 10 * 1024**2
    first = upload(client, tenant, CSV, name="first")
    assert first.status_code == 201
    tenant.runtime.settings.workspace_storage_bytes = first.json()["size_bytes"] + len(CSV) // 2
    full = upload(client, tenant, CSV, name="second")
    assert full.status_code == 413 and "quota" in full.json()["error"]["message"]
    assert [d["name"] for d in client.get("/v1/datasets", headers=tenant.headers()).json()["items"]] == ["first"]


def test_viewer_cannot_upload_or_delete(client: TestClient, tenant: Tenant) -> None:
    assert upload(client, tenant, CSV, role=Role.VIEWER).status_code == 403
    dataset = upload(client, tenant, CSV).json()
    assert client.delete(f"/v1/datasets/{dataset['id']}", headers=tenant.headers(Role.VIEWER)).status_code == 403
    assert client.get(f"/v1/datasets/{dataset['id']}", headers=tenant.headers(Role.VIEWER)).status_code == 200


def test_delete_removes_rows_and_files_and_is_audited(client: TestClient, tenant: Tenant) -> None:
    dataset = upload(client, tenant, CSV).json()
    upload(client, tenant, CSV, dataset=dataset["id"])
    assert len(workspace_files(tenant)) == 2
    owner = tenant.headers()
    assert client.delete(f"/v1/datasets/{dataset['id']}", headers=owner).status_code == 204
    assert client.get(f"/v1/datasets/{dataset['id']}", headers=owner).status_code == 404
    assert workspace_files(tenant) == []
    trail = client.get("/v1/compliance/audit-trail", params={"resource_id": dataset["id"]}, headers=owner).json()
    assert [e["action"] for e in trail["items"]] == ["dataset.delete", "dataset.upload", "dataset.upload"]
