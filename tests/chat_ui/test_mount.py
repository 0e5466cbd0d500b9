"""The chat mounted in the app: once per process, its folder under the data home, sign-in over HTTP, errors."""

from __future__ import annotations

import os
from pathlib import Path

import jwt
from fastapi.testclient import TestClient

from datalinx.chat_ui import get_runtime
from datalinx.chat_ui.mount import UPLOAD_PATH, auth_secret
from datalinx.core.auth.permissions import Role
from datalinx.core.errors import Invalid, NotFound
from datalinx.core.runtime import Runtime
from datalinx.server import create_app
from tests.conftest import PASSWORD, Tenant


def test_the_chat_is_served_by_every_app_built_in_the_process(runtime: Runtime) -> None:
    for _ in range(2):
        with TestClient(create_app(runtime)) as client:
            page = client.get("/chat/")
            assert page.status_code == 200 and "<title>Datalinx</title>" in page.text
            config = client.get("/chat/auth/config").json()
            assert config["requireLogin"] and config["passwordAuth"]
            assert client.get("/healthz").status_code == 200
    assert get_runtime() is runtime
    root = Path(os.environ["CHAINLIT_APP_ROOT"])
    assert root.name == "chat" and root != Path.cwd()
    assert (root / ".chainlit" / "config.toml").read_text().count('name = "Datalinx"') == 1


def test_the_cookie_secret_comes_from_the_master_key(runtime: Runtime) -> None:
    create_app(runtime)
    assert os.environ["CHAINLIT_AUTH_SECRET"] == auth_secret(runtime) == runtime.keyring.derive("chainlit-auth").hex()
    assert auth_secret(runtime) != runtime.keyring.derive("jwt").hex()


def test_signing_in_sets_a_cookie_naming_the_user_without_secrets(runtime: Runtime, tenant: Tenant) -> None:
    with TestClient(create_app(runtime)) as client:
        refused = client.post("/chat/login", data={"username": tenant.emails[Role.VIEWER], "password": "wrong"})
        assert refused.status_code == 401
        signed = client.post("/chat/login", data={"username": tenant.emails[Role.VIEWER].upper(), "password": PASSWORD})
        assert signed.status_code == 200
        cookie = client.cookies.get("access_token")
    assert cookie
    claims = jwt.decode(cookie, auth_secret(runtime), algorithms=["HS256"])
    assert claims["identifier"] == tenant.emails[Role.VIEWER]
    assert set(claims["metadata"]) == {"user_id", "org_id"}
    assert PASSWORD not in cookie and "access_token" not in str(claims)


def test_chat_uploads_may_be_as_large_as_dataset_uploads(runtime: Runtime) -> None:
    runtime.settings.max_body_bytes = 2048
    with TestClient(create_app(runtime)) as client:
        big = b"x" * 10_000
        assert client.post("/v1/auth/login", content=big).status_code == 413
        answer = client.post(UPLOAD_PATH, params={"session_id": "none"}, files={"file": ("a.csv", big)})
        assert answer.status_code != 413


def test_errors_read_as_the_domains_message_or_a_request_id(runtime: Runtime) -> None:
    create_app(runtime)  # Chainlit is imported by the mount, with its folder under the data home
    from datalinx.chat_ui.steps import error_text

    assert error_text(NotFound("dataset", "orders"), "r1") == "dataset 'orders' not found"
    problem = Invalid("the plan does not validate")
    problem.details = [{"message": "unknown column 'contry'"}]
    assert error_text(problem, "r1") == "the plan does not validate\n- unknown column 'contry'"
    assert error_text(KeyError("secret internals"), "abc123") == "Something went wrong (request id abc123)."
