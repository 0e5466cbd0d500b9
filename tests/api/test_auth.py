"""Login, tokens and API keys: the good path and every way to get it wrong."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import jwt
from fastapi.testclient import TestClient

from datalinx.core.auth.credentials import JWT_ISSUER
from datalinx.core.auth.permissions import Role
from datalinx.core.runtime import Runtime
from tests.conftest import PASSWORD, Tenant


def denied_events(client: TestClient, tenant: Tenant, action: str) -> list[dict]:
    answer = client.get(
        "/v1/compliance/audit-trail", params={"outcome": "denied", "action": action}, headers=tenant.headers()
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


def test_login_returns_a_working_token(client: TestClient, tenant: Tenant) -> None:
    answer = client.post("/v1/auth/login", json={"email": tenant.init.owner_email, "password": PASSWORD})
    assert answer.status_code == 200
    token = answer.json()["access_token"]
    me = client.get("/v1/whoami", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["org_role"] == "owner" and me["current_workspace_id"] == tenant.init.workspace_id


def test_wrong_password_is_401_and_audited(client: TestClient, tenant: Tenant) -> None:
    answer = client.post("/v1/auth/login", json={"email": tenant.init.owner_email, "password": "wrong-password"})
    assert answer.status_code == 401
    assert answer.json()["error"]["message"] == "email or password is wrong"
    unknown = client.post("/v1/auth/login", json={"email": "nobody@example.com", "password": "wrong-password"})
    assert unknown.status_code == 401 and unknown.json() == answer.json()
    # The failed login names no org (the caller is anonymous), so it is kept outside any org's trail.
    with tenant.runtime.db.transaction() as session:
        from sqlalchemy import select

        from datalinx.dao.models import AuditEvent

        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == "auth.login")).all()
        assert {r.outcome for r in rows} == {"denied"} and len(rows) == 2


def test_login_is_rate_limited_per_account(client: TestClient, tenant: Tenant) -> None:
    email = tenant.emails[Role.VIEWER]
    limit = tenant.runtime.settings.login_max_failures
    for _ in range(limit):
        assert client.post("/v1/auth/login", json={"email": email, "password": "nope-nope"}).status_code == 401
    blocked = client.post("/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) > 0
    # Another account from the same address still works.
    ok = client.post("/v1/auth/login", json={"email": tenant.init.owner_email, "password": PASSWORD})
    assert ok.status_code == 200


def _claims(tenant: Tenant, **overrides: object) -> dict[str, object]:
    token = tenant.token()
    claims = jwt.decode(token, options={"verify_signature": False})
    claims.update(overrides)
    return claims


def test_forged_tokens_are_refused(client: TestClient, tenant: Tenant, runtime: Runtime) -> None:
    key = runtime.keyring.derive("jwt")
    kid = {"kid": runtime.keyring.current_id}
    now = datetime.now(UTC)
    header = base64.urlsafe_b64encode(json.dumps({"alg": "none", "typ": "JWT", **kid}).encode()).rstrip(b"=")
    body = base64.urlsafe_b64encode(json.dumps(_claims(tenant)).encode()).rstrip(b"=")
    forged = {
        "alg=none": (header + b"." + body + b".").decode(),
        "wrong signature": jwt.encode(_claims(tenant), "not-the-key" * 4, algorithm="HS256", headers=kid),
        "wrong audience": jwt.encode(_claims(tenant, aud="someone-else"), key, algorithm="HS256", headers=kid),
        "wrong issuer": jwt.encode(_claims(tenant, iss="evil"), key, algorithm="HS256", headers=kid),
        "expired": jwt.encode(
            _claims(tenant, iat=now - timedelta(hours=2), exp=now - timedelta(hours=1)),
            key,
            algorithm="HS256",
            headers=kid,
        ),
        "garbage": "not.a.token",
    }
    for label, token in forged.items():
        answer = client.get("/v1/whoami", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 401, label
        assert answer.headers["www-authenticate"] == "Bearer"
    expired = client.get("/v1/whoami", headers={"Authorization": f"Bearer {forged['expired']}"})
    assert expired.json()["error"]["message"] == "token has expired"
    assert JWT_ISSUER == "datalinx"


def test_missing_credentials_are_401(client: TestClient) -> None:
    answer = client.get("/v1/workspaces")
    assert answer.status_code == 401
    assert "Authorization" in answer.json()["error"]["message"]


def test_api_key_works_records_last_use_and_stops_when_revoked(client: TestClient, tenant: Tenant) -> None:
    owner = tenant.headers()
    account = client.post("/v1/service-accounts", json={"name": "etl-bot", "role": "data_engineer"}, headers=owner)
    assert account.status_code == 201, account.text
    created = client.post(f"/v1/service-accounts/{account.json()['id']}/api-keys", json={"name": "ci"}, headers=owner)
    key = created.json()
    assert key["api_key"].startswith("dlx_") and key["api_key"].startswith(key["prefix"])
    bot = {"Authorization": f"Bearer {key['api_key']}"}
    me = client.get("/v1/whoami", headers=bot).json()
    assert me["type"] == "service_account" and me["name"] == "etl-bot"
    listed = client.get(f"/v1/service-accounts/{account.json()['id']}/api-keys", headers=owner).json()["items"]
    assert listed[0]["last_used_at"] is not None
    assert "api_key" not in listed[0] and "key_hash" not in json.dumps(listed)
    assert client.delete(f"/v1/api-keys/{key['id']}", headers=owner).status_code == 200
    refused = client.get("/v1/whoami", headers=bot)
    assert refused.status_code == 401 and refused.json()["error"]["message"] == "API key has been revoked"
    denied = denied_events(client, tenant, "auth.authenticate")
    assert [e["detail"]["reason"] for e in denied] == ["API key has been revoked"]


def test_tampered_api_key_is_refused(client: TestClient, tenant: Tenant) -> None:
    good = tenant.init.api_key
    tampered = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
    assert client.get("/v1/whoami", headers={"Authorization": f"Bearer {tampered}"}).status_code == 401
    assert client.get("/v1/whoami", headers={"Authorization": f"Bearer {good}"}).status_code == 200


def test_deactivated_service_account_keys_stop_working(client: TestClient, tenant: Tenant) -> None:
    owner = tenant.headers()
    account = client.post("/v1/service-accounts", json={"name": "short-lived"}, headers=owner).json()
    key = client.post(f"/v1/service-accounts/{account['id']}/api-keys", json={}, headers=owner).json()["api_key"]
    assert client.get("/v1/whoami", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    client.delete(f"/v1/service-accounts/{account['id']}", headers=owner)
    assert client.get("/v1/whoami", headers={"Authorization": f"Bearer {key}"}).status_code == 401
