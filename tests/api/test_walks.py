"""Walk every REST route: another org's resources are 404; the role table decides 403 for each role."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from datalinx.core.auth.permissions import Permission, Role, role_allows
from tests.conftest import Tenant
from tests.samples import PUBLIC_ROUTES, ROUTE_SAMPLES, Request, Resources


def v1_routes(client: TestClient) -> dict[str, list[str] | None]:
    """Every /v1 operation from the app's OpenAPI document, with the permission it declares."""
    routes: dict[str, list[str] | None] = {}
    for path, operations in client.app.openapi()["paths"].items():  # type: ignore[attr-defined]
        if path.startswith("/v1/"):
            for method, operation in operations.items():
                routes[f"{method.upper()} {path}"] = operation.get("x-permission")
    assert len(routes) > 20, "the walk found too few routes to be a walk"
    return routes


def send(client: TestClient, key: str, request: Request, headers: dict[str, str]):
    method, template = key.split(" ", 1)
    if request.files is not None:
        return client.request(
            method, template.format(**request.path), files=request.files, data=request.form, headers=headers
        )
    return client.request(
        method, template.format(**request.path), json=request.body, params=request.query, headers=headers
    )


def test_every_route_has_a_sample_and_a_declared_permission(client: TestClient) -> None:
    routes = v1_routes(client)
    missing = sorted(set(routes) - set(ROUTE_SAMPLES) - PUBLIC_ROUTES)
    assert not missing, f"add samples for these routes to tests/samples.py: {missing}"
    for key, declared in routes.items():
        if key in PUBLIC_ROUTES:
            continue
        assert declared is not None, f"{key} does not declare its permission"
        assert all(p in Permission._value2member_map_ for p in declared), key


def test_other_org_gets_404_on_every_route(client: TestClient, tenant: Tenant, other_tenant: Tenant) -> None:
    victim = Resources(tenant)
    intruder = other_tenant.headers(Role.OWNER)
    victim_ids = {tenant.init.workspace_id, tenant.init.org_id}
    for key in sorted(set(v1_routes(client)) - PUBLIC_ROUTES):
        request = ROUTE_SAMPLES[key](victim)
        # 1. Naming the victim's workspace: not found, whatever the route.
        answer = send(client, key, request, {**intruder, "X-Datalinx-Workspace": tenant.init.workspace_id})
        assert answer.status_code == 404, f"{key} with another org's workspace: {answer.status_code} {answer.text}"
        # 2. In the intruder's own workspace, with the victim's resource ids in the path: not found.
        answer = send(client, key, request, intruder)
        if request.path:
            assert answer.status_code == 404, f"{key} with another org's ids: {answer.status_code} {answer.text}"
        else:
            assert answer.status_code < 500, f"{key}: {answer.status_code} {answer.text}"
            leaked = victim_ids & set(json.dumps(answer.json()).replace('"', " ").split())
            assert not leaked, f"{key} leaked {leaked}"


@pytest.mark.parametrize("role", list(Role))
def test_role_table_decides_every_route(client: TestClient, tenant: Tenant, role: Role) -> None:
    resources = Resources(tenant, role=role)
    headers = tenant.headers(role)
    for key, declared in sorted(v1_routes(client).items()):
        if key in PUBLIC_ROUTES or declared is None:
            continue
        allowed = all(role_allows(role, Permission(p)) for p in declared)
        answer = send(client, key, ROUTE_SAMPLES[key](resources), headers)
        if allowed:
            assert answer.status_code < 400, f"{role} on {key}: {answer.status_code} {answer.text}"
        else:
            assert answer.status_code == 403, f"{role} on {key}: {answer.status_code} {answer.text}"
            assert declared[0] in answer.json()["error"]["message"]
