"""Encrypted secret rows; only core/secrets reads or writes them."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from datalinx.dao.models import Secret, new_id
from datalinx.dao.scope import Scope


def new(session: Session, scope: Scope, *, purpose: str) -> Secret:
    """A new secret row in the scope, ciphertext to be filled before flush."""
    secret = Secret(
        id=new_id(),
        org_id=scope.org_id,
        workspace_id=scope.workspace_id,
        purpose=purpose,
        key_id="",
        ciphertext="",
    )
    session.add(secret)
    return secret


def get(session: Session, scope: Scope, secret_id: str) -> Secret | None:
    return session.scalars(select(Secret).where(Secret.org_id == scope.org_id, Secret.id == secret_id)).first()


def delete(session: Session, scope: Scope, secret_id: str) -> None:
    secret = get(session, scope, secret_id)
    if secret is not None:
        session.delete(secret)


def all_for_rotation(session: Session) -> Iterator[Secret]:
    """Admin path (master key rotation): every secret of every org."""
    yield from session.scalars(select(Secret).with_for_update())
