"""Stored credentials: authenticated encryption under the master key, and key rotation."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from datalinx.core.errors import Invalid
from datalinx.core.runtime import Runtime
from datalinx.core.secrets import manager as secrets
from datalinx.core.secrets.keyring import KEY_FILE, Keyring, generate_key, load_keyring
from datalinx.dao.models import Secret
from datalinx.dao.scope import Scope
from tests.conftest import Tenant


def test_keyring_file_is_created_once_with_mode_0600(tmp_path: Path) -> None:
    first = load_keyring(tmp_path, None)
    assert stat.S_IMODE(os.stat(tmp_path / KEY_FILE).st_mode) == 0o600
    assert load_keyring(tmp_path, None).current == first.current


def test_environment_key_wins_and_is_validated(tmp_path: Path) -> None:
    key = generate_key()
    assert load_keyring(tmp_path, key).current_id == Keyring.from_text(key).current_id
    assert not (tmp_path / KEY_FILE).exists()
    with pytest.raises(Invalid, match="32 bytes"):
        load_keyring(tmp_path, "c2hvcnQ=")


def test_secret_round_trip_and_never_stored_in_clear(any_runtime: Runtime, tenant_on_any: Tenant) -> None:
    scope = Scope(org_id=tenant_on_any.init.org_id, workspace_id=tenant_on_any.init.workspace_id)
    with any_runtime.db.transaction() as session:
        row = secrets.store(
            session=session, keyring=any_runtime.keyring, scope=scope, purpose="connection", plaintext="pa55-w0rd!"
        )
        secret_id = row.id
        assert "pa55" not in row.ciphertext
    with any_runtime.db.transaction() as session:
        plain = secrets.reveal(session=session, keyring=any_runtime.keyring, scope=scope, secret_id=secret_id)
        assert plain == "pa55-w0rd!"


def test_other_org_cannot_reveal(any_runtime: Runtime, tenant_on_any: Tenant) -> None:
    scope = Scope(org_id=tenant_on_any.init.org_id)
    with any_runtime.db.transaction() as session:
        secret_id = secrets.store(
            session=session, keyring=any_runtime.keyring, scope=scope, purpose="llm", plaintext="sk-test"
        ).id
    from datalinx.core.errors import NotFound

    with any_runtime.db.transaction() as session, pytest.raises(NotFound):
        secrets.reveal(session=session, keyring=any_runtime.keyring, scope=Scope(org_id="other"), secret_id=secret_id)


def test_tampered_or_moved_ciphertext_is_refused(runtime: Runtime) -> None:
    key_id, sealed = secrets.encrypt(runtime.keyring, "hunter2", context="org:1:connection")
    with pytest.raises(Invalid, match="tampered"):
        secrets.decrypt(runtime.keyring, key_id, sealed, context="org:2:connection")
    flipped = sealed[:-4] + ("AAAA" if not sealed.endswith("AAAA") else "BBBB")
    with pytest.raises(Invalid):
        secrets.decrypt(runtime.keyring, key_id, flipped, context="org:1:connection")


def test_rotation_reencrypts_everything_and_retires_the_old_key(runtime: Runtime, tenant: Tenant) -> None:
    scope = Scope(org_id=tenant.init.org_id)
    with runtime.db.transaction() as session:
        ids = [
            secrets.store(session=session, keyring=runtime.keyring, scope=scope, purpose="p", plaintext=f"v{n}").id
            for n in range(3)
        ]
    old_id = runtime.keyring.current_id
    rotated = secrets.rotation_keyring(runtime.keyring)
    assert old_id in rotated.keys and rotated.current_id != old_id
    with runtime.db.transaction() as session:
        assert secrets.reencrypt_all(session=session, keyring=rotated) == 3
    final = secrets.retire_old_keys(rotated)
    reloaded = load_keyring(runtime.settings.home, None)
    assert set(reloaded.keys) == {final.current_id} != {old_id}
    with runtime.db.transaction() as session:
        assert {row.key_id for row in session.scalars(select(Secret))} == {final.current_id}
        values = [secrets.reveal(session=session, keyring=reloaded, scope=scope, secret_id=i) for i in ids]
    assert values == ["v0", "v1", "v2"]


def test_rotation_refuses_an_environment_key_with_instructions(tmp_path: Path) -> None:
    with pytest.raises(Invalid, match="NEW,OLD"):
        secrets.rotation_keyring(load_keyring(tmp_path, generate_key()))
