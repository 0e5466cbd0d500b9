from fastapi.testclient import TestClient

from tests.conftest import Tenant


def test_owner_sees_own_workspace(client: TestClient, tenant: Tenant) -> None:
    answer = client.get("/v1/workspaces", headers=tenant.headers())
    assert answer.status_code == 200
    assert [w["slug"] for w in answer.json()["items"]] == ["default"]
