"""Encrypts stored credentials with the master key (AES-256-GCM) and rotates that key."""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.orm import Session

from datalinx.core.errors import Invalid, NotFound
from datalinx.core.secrets.keyring import Keyring, generate_key, write_keyring
from datalinx.dao import secrets as secrets_dao
from datalinx.dao.models import Secret, utcnow
from datalinx.dao.scope import Scope


def encrypt(keyring: Keyring, plaintext: str, *, context: str) -> tuple[str, str]:
    """Encrypt `plaintext` bound to `context` (the row's identity); returns (key id, ciphertext)."""
    nonce = os.urandom(12)
    sealed = AESGCM(keyring.current).encrypt(nonce, plaintext.encode(), context.encode())
    return keyring.current_id, base64.b64encode(nonce + sealed).decode()


def decrypt(keyring: Keyring, key_id: str, ciphertext: str, *, context: str) -> str:
    """Decrypt a value sealed by `encrypt`; a wrong key or tampered text is refused."""
    if key_id not in keyring.keys:
        raise Invalid(f"secret was encrypted with key {key_id}, which is not in the keyring")
    raw = base64.b64decode(ciphertext)
    try:
        return AESGCM(keyring.keys[key_id]).decrypt(raw[:12], raw[12:], context.encode()).decode()
    except InvalidTag as exc:
        raise Invalid("secret failed authentication: wrong key or tampered data") from exc


def _context(secret: Secret) -> str:
    return f"{secret.org_id}:{secret.id}:{secret.purpose}"


def store(*, session: Session, keyring: Keyring, scope: Scope, purpose: str, plaintext: str) -> Secret:
    """Store a new encrypted secret in the scope; returns the row (never the plaintext)."""
    secret = secrets_dao.new(session, scope, purpose=purpose)
    secret.key_id, secret.ciphertext = encrypt(keyring, plaintext, context=_context(secret))
    session.flush()
    return secret


def _get(session: Session, scope: Scope, secret_id: str) -> Secret:
    secret = secrets_dao.get(session, scope, secret_id)
    if secret is None:
        raise NotFound("secret", secret_id)
    return secret


def reveal(*, session: Session, keyring: Keyring, scope: Scope, secret_id: str) -> str:
    """The plaintext of a secret in the scope, for use inside core only."""
    secret = _get(session, scope, secret_id)
    return decrypt(keyring, secret.key_id, secret.ciphertext, context=_context(secret))


def replace(*, session: Session, keyring: Keyring, scope: Scope, secret_id: str, plaintext: str) -> None:
    """Replace a secret's plaintext."""
    secret = _get(session, scope, secret_id)
    secret.key_id, secret.ciphertext = encrypt(keyring, plaintext, context=_context(secret))
    secret.updated_at = utcnow()


def reencrypt_all(*, session: Session, keyring: Keyring) -> int:
    """Re-encrypt every stored secret with the keyring's current key; returns how many."""
    count = 0
    for secret in secrets_dao.all_for_rotation(session):
        plaintext = decrypt(keyring, secret.key_id, secret.ciphertext, context=_context(secret))
        secret.key_id, secret.ciphertext = encrypt(keyring, plaintext, context=_context(secret))
        secret.updated_at = utcnow()
        count += 1
    session.flush()
    return count


def rotation_keyring(keyring: Keyring) -> Keyring:
    """A keyring with a fresh current key that still holds the old ones, persisted before use."""
    if keyring.path is None:
        raise Invalid(
            "the master key comes from DATALINX_MASTER_KEY: put a new key first in that variable "
            "('NEW,OLD'), run rotate-master-key, then drop OLD",
            field="master_key",
        )
    rotated = Keyring.from_text(generate_key() + "," + keyring.to_text(), path=keyring.path)
    write_keyring(keyring.path, rotated.to_text())
    return rotated


def retire_old_keys(keyring: Keyring) -> Keyring:
    """Keep only the current key, once nothing is encrypted with the others."""
    retired = Keyring(keys={keyring.current_id: keyring.current}, current_id=keyring.current_id, path=keyring.path)
    if keyring.path is not None:
        write_keyring(keyring.path, retired.to_text())
    return retired
