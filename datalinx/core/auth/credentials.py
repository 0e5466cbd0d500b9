"""Passwords (argon2), JWT access tokens and `dlx_` API keys."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from datalinx.core.errors import Unauthenticated
from datalinx.core.secrets.keyring import Keyring

API_KEY_PREFIX = "dlx_"
JWT_ALGORITHM = "HS256"
JWT_ISSUER = "datalinx"

_hasher = PasswordHasher()
# Verified when the email is unknown, so a miss costs the same time as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def issue_jwt(keyring: Keyring, *, subject: str, org_id: str, audience: str, ttl_minutes: int) -> tuple[str, datetime]:
    """A signed access token for a user; returns it with its expiry."""
    now = datetime.now(UTC)
    expires = now + timedelta(minutes=ttl_minutes)
    claims = {
        "sub": subject,
        "org": org_id,
        "typ": "access",
        "iss": JWT_ISSUER,
        "aud": audience,
        "iat": now,
        "nbf": now,
        "exp": expires,
        "jti": secrets.token_hex(8),
        "kid": keyring.current_id,
    }
    token = jwt.encode(claims, keyring.derive("jwt"), algorithm=JWT_ALGORITHM, headers={"kid": keyring.current_id})
    return token, expires


def decode_jwt(keyring: Keyring, token: str, *, audience: str) -> dict[str, Any]:
    """Verify a token's signature (algorithm pinned), expiry, issuer and audience."""
    try:
        key_id = jwt.get_unverified_header(token).get("kid")
        if key_id not in keyring.keys:
            raise Unauthenticated("token was signed with an unknown key")
        return jwt.decode(
            token,
            keyring.derive("jwt", key_id),
            algorithms=[JWT_ALGORITHM],
            audience=audience,
            issuer=JWT_ISSUER,
            options={"require": ["exp", "iat", "sub", "aud", "iss"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise Unauthenticated("token has expired") from exc
    except jwt.InvalidAudienceError as exc:
        raise Unauthenticated("token is for another audience") from exc
    except jwt.PyJWTError as exc:
        raise Unauthenticated("token is not valid") from exc


def new_api_key() -> tuple[str, str, str]:
    """A new API key: (full key shown once, public lookup id, hash to store)."""
    lookup_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    full = f"{API_KEY_PREFIX}{lookup_id}_{secret}"
    return full, lookup_id, hash_api_key(full)


def hash_api_key(full_key: str) -> str:
    # API keys carry 256 random bits, so a fast hash is as safe as a slow one here.
    return hashlib.sha256(full_key.encode()).hexdigest()


def split_api_key(token: str) -> str | None:
    """The lookup id of a well-formed API key, else None."""
    if not token.startswith(API_KEY_PREFIX):
        return None
    body = token[len(API_KEY_PREFIX) :]
    lookup_id, _, secret = body.partition("_")
    return lookup_id if lookup_id and secret else None


def api_key_matches(stored_hash: str, presented: str) -> bool:
    return hmac.compare_digest(stored_hash, hash_api_key(presented))
