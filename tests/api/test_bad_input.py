"""Bad input gets a clear 4xx naming the field, and changes nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from datalinx.core.auth.permissions import Role
from tests.conftest import Tenant


def workspace_count(client: TestClient, tenant: Tenant) -> int:
    return len(client.get("/v1/workspaces", params={"limit": 100}, headers=tenant.headers()).json()["items"])


def test_unknown_workspace_header_is_404(client: TestClient, tenant: Tenant) -> None:
    answer = client.get("/v1/members", headers={**tenant.headers(), "X-Datalinx-Workspace": "atlantis"})
    assert answer.status_code == 404
    assert answer.json()["error"]["message"] == "workspace 'atlantis' not found"


def test_workspace_header_takes_id_or_slug(client: TestClient, tenant: Tenant) -> None:
    for ref in (tenant.init.workspace_id, tenant.init.workspace_slug):
        me = client.get("/v1/whoami", headers={**tenant.headers(), "X-Datalinx-Workspace": ref}).json()
        assert me["current_workspace_id"] == tenant.init.workspace_id


def test_unknown_fields_are_refused_and_change_nothing(client: TestClient, tenant: Tenant) -> None:
    before = workspace_count(client, tenant)
    answer = client.post(
        "/v1/workspaces", json={"name": "Sneaky", "org_id": "someone-else", "role": "owner"}, headers=tenant.headers()
    )
    assert answer.status_code == 422
    fields = {f["field"] for f in answer.json()["error"]["fields"]}
    assert fields == {"org_id", "role"}
    assert workspace_count(client, tenant) == before


def test_malformed_json_is_422(client: TestClient, tenant: Tenant) -> None:
    answer = client.post(
        "/v1/workspaces", content=b'{"name": "broken', headers={**tenant.headers(), "content-type": "application/json"}
    )
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "invalid"


def test_missing_and_invalid_fields_are_named(client: TestClient, tenant: Tenant) -> None:
    answer = client.post("/v1/users", json={"email": "not-an-email", "password": "short"}, headers=tenant.headers())
    assert answer.status_code == 422
    fields = {f["field"] for f in answer.json()["error"]["fields"]}
    assert fields == {"email", "password", "role"}


def test_oversize_body_is_413(client: TestClient, tenant: Tenant) -> None:
    limit = tenant.runtime.settings.max_body_bytes
    answer = client.post("/v1/workspaces", json={"name": "x" * (limit + 10)}, headers=tenant.headers())
    assert answer.status_code == 413
    assert str(limit) in answer.json()["error"]["message"]


def test_page_size_over_maximum_is_422(client: TestClient, tenant: Tenant) -> None:
    answer = client.get("/v1/workspaces", params={"limit": 101}, headers=tenant.headers())
    assert answer.status_code == 422
    assert answer.json()["error"]["fields"][0]["field"] == "limit"


def test_bad_sort_and_cursor_are_named(client: TestClient, tenant: Tenant) -> None:
    sort = client.get("/v1/workspaces", params={"sort": "password"}, headers=tenant.headers())
    assert sort.status_code == 422 and sort.json()["error"]["field"] == "sort"
    cursor = client.get("/v1/workspaces", params={"cursor": "bm90LWEtY3Vyc29y"}, headers=tenant.headers())
    assert cursor.status_code == 422 and cursor.json()["error"]["field"] == "cursor"
    unknown = client.get("/v1/workspaces", params={"colour": "red"}, headers=tenant.headers())
    assert unknown.status_code == 422


def test_cursor_pagination_walks_every_item_once(client: TestClient, tenant: Tenant) -> None:
    for number in range(24):
        assert (
            client.post("/v1/workspaces", json={"name": f"Team {number:02d}"}, headers=tenant.headers()).status_code
            == 201
        )
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 10, "sort": "name", "order": "asc", **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/workspaces", params=params, headers=tenant.headers()).json()
        seen += [w["name"] for w in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == sorted(seen) and len(seen) == len(set(seen)) == 25


def test_duplicate_slug_is_409_naming_the_field(client: TestClient, tenant: Tenant) -> None:
    answer = client.post("/v1/workspaces", json={"name": "Default again", "slug": "default"}, headers=tenant.headers())
    assert answer.status_code == 409
    assert answer.json()["error"]["field"] == "slug"


def test_admin_cannot_grant_owner(client: TestClient, tenant: Tenant) -> None:
    body = {"email": "climber@example.com", "password": "long-enough-pw", "role": "owner"}
    answer = client.post("/v1/users", json=body, headers=tenant.headers(Role.ADMIN))
    assert answer.status_code == 403
    assert client.get("/v1/users", params={"email": "climber"}, headers=tenant.headers()).json()["items"] == []


def test_denied_call_is_audited_with_its_actor(client: TestClient, tenant: Tenant) -> None:
    before = workspace_count(client, tenant)
    answer = client.post("/v1/workspaces", json={"name": "Not mine"}, headers=tenant.headers(Role.VIEWER))
    assert answer.status_code == 403
    assert answer.json()["error"]["message"] == "role 'viewer' lacks permission 'workspace.create' in this organisation"
    trail = client.get("/v1/compliance/audit-trail", params={"outcome": "denied"}, headers=tenant.headers()).json()[
        "items"
    ]
    assert trail[0]["actor"] == tenant.emails[Role.VIEWER]
    assert trail[0]["action"] == "workspace.create"
    assert trail[0]["request_id"] == answer.headers["x-request-id"]
    assert workspace_count(client, tenant) == before


def test_unexpected_errors_show_no_stack_trace(client: TestClient, tenant: Tenant, monkeypatch) -> None:
    from datalinx.core.tenancy import manager

    def explode(call, query):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(manager, "list_workspaces", explode)
    answer = TestClient(client.app, raise_server_exceptions=False).get("/v1/workspaces", headers=tenant.headers())
    assert answer.status_code == 500
    assert "secret internals" not in answer.text and "Traceback" not in answer.text
    assert answer.json()["error"]["request_id"]
