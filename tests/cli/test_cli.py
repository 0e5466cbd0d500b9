"""The `datalinx` command as an operator uses it: real subprocesses on a real data home."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest


def run(
    home: Path, *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("DATALINX_DATABASE_URL", "DATALINX_MASTER_KEY")}
    environment.update({"DATALINX_HOME": str(home), "DATALINX_LOG_JSON": "false", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "datalinx.cli", *args],
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    done = run(home, "init", "--org", "Acme Corp", "--email", "ops@acme.example.com", "--password", "long-enough-pw")
    assert done.returncode == 0, done.stderr
    assert re.search(r"API key \(shown once, service account 'cli'\): dlx_\w+", done.stdout)
    return home


def test_init_creates_db_key_and_refuses_a_second_time(home: Path) -> None:
    assert (home / "datalinx.db").exists() and (home / "master.key").exists()
    again = run(home, "init", "--org", "Acme Corp", "--email", "x@acme.example.com", "--password", "long-enough-pw")
    assert again.returncode == 2
    assert again.stderr.strip() == "error: organisation 'acme-corp' already exists (field: org)"
    assert "Traceback" not in again.stderr


def test_init_without_answers_when_not_interactive_fails_clearly(tmp_path: Path) -> None:
    done = run(tmp_path / "h", "init", stdin="")
    assert done.returncode == 2 and "--org, --email and --password are required" in done.stderr


def test_config_masks_secrets(home: Path) -> None:
    done = run(
        home,
        "config",
        env={"DATALINX_MASTER_KEY": "c2VjcmV0", "DATALINX_DATABASE_URL": "postgresql+psycopg://u:hunter2@db/x"},
    )
    shown = json.loads(done.stdout)
    assert shown["master_key"] == "********"
    assert "hunter2" not in done.stdout and shown["database_url"] == "postgresql+psycopg://u:********@db/x"
    assert shown["home"] == str(home.resolve())


def test_users_and_api_keys_from_the_command_line(home: Path) -> None:
    made = run(
        home,
        "users",
        "create",
        "--email",
        "ana@acme.example.com",
        "--password",
        "long-enough-pw",
        "--role",
        "data_engineer",
        "--workspace",
        "default",
    )
    assert made.returncode == 0, made.stderr
    assert "created user ana@acme.example.com (data_engineer)" in made.stdout
    key = run(home, "api-keys", "create", "nightly-etl", "--role", "api_user")
    assert key.returncode == 0, key.stderr
    key_id = re.search(r"key id: (\S+)", key.stdout).group(1)  # type: ignore[union-attr]
    revoked = run(home, "api-keys", "revoke", key_id)
    assert revoked.returncode == 0 and "revoked dlx_" in revoked.stdout
    missing = run(home, "api-keys", "revoke", "no-such-key")
    assert missing.returncode == 2 and "api key 'no-such-key' not found" in missing.stderr


def test_rotate_master_key_keeps_secrets_readable(home: Path) -> None:
    from datalinx.config import Settings
    from datalinx.core.runtime import Runtime
    from datalinx.core.secrets import manager as secrets
    from datalinx.dao.scope import Scope

    runtime = Runtime.start(Settings(home=home))
    with runtime.db.transaction() as session:
        from sqlalchemy import select

        from datalinx.dao.models import Org

        org_id = session.scalars(select(Org.id)).one()
        secret_id = secrets.store(
            session=session, keyring=runtime.keyring, scope=Scope(org_id=org_id), purpose="pg", plaintext="s3cret"
        ).id
    before = runtime.keyring.current_id
    runtime.close()
    done = run(home, "rotate-master-key")
    assert done.returncode == 0, done.stderr
    assert "re-encrypted 1 secret(s)" in done.stdout
    after = Runtime.start(Settings(home=home))
    assert after.keyring.current_id != before and len(after.keyring.keys) == 1
    with after.db.transaction() as session:
        assert (
            secrets.reveal(session=session, keyring=after.keyring, scope=Scope(org_id=org_id), secret_id=secret_id)
            == "s3cret"
        )
    after.close()
