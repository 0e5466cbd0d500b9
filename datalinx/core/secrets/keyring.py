"""The master keyring: a current key that encrypts and older keys that still decrypt."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from datalinx.core.errors import Invalid

KEY_FILE = "master.key"


def _key_id(key: bytes) -> str:
    return hashlib.sha256(b"datalinx-key-id" + key).hexdigest()[:16]


def _decode(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip().encode())
    except ValueError as exc:
        raise Invalid("master key is not valid base64", field="master_key") from exc
    if len(key) != 32:
        raise Invalid("master key must decode to 32 bytes", field="master_key")
    return key


def generate_key() -> str:
    """A new random master key, base64 encoded."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


@dataclass(frozen=True)
class Keyring:
    """Keys by id; `current_id` names the one that encrypts."""

    keys: dict[str, bytes]
    current_id: str
    path: Path | None = None

    @property
    def current(self) -> bytes:
        return self.keys[self.current_id]

    def derive(self, purpose: str, key_id: str | None = None) -> bytes:
        """A sub-key for one purpose (JWT signing, hashing), derived with HKDF."""
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=f"datalinx:{purpose}".encode())
        return hkdf.derive(self.keys[key_id or self.current_id])

    @classmethod
    def from_text(cls, text: str, path: Path | None = None) -> Keyring:
        """Keys written comma separated, the first one current."""
        keys = [_decode(part) for part in text.split(",") if part.strip()]
        if not keys:
            raise Invalid("master key is empty", field="master_key")
        return cls(keys={_key_id(k): k for k in keys}, current_id=_key_id(keys[0]), path=path)

    def to_text(self) -> str:
        ordered = [self.current] + [k for i, k in self.keys.items() if i != self.current_id]
        return ",".join(base64.urlsafe_b64encode(k).decode() for k in ordered)


def write_keyring(path: Path, keyring_text: str) -> None:
    """Write the keyring file atomically with mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(json.dumps({"keys": keyring_text}))
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def load_keyring(home: Path, env_value: str | None) -> Keyring:
    """The keyring from DATALINX_MASTER_KEY, else from HOME/master.key, created on first start."""
    if env_value:
        return Keyring.from_text(env_value)
    path = home / KEY_FILE
    if not path.exists():
        write_keyring(path, generate_key())
    data = json.loads(path.read_text())
    return Keyring.from_text(data["keys"], path=path)
