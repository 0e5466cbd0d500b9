"""Authentication: bearer tokens (JWT or API key) to a Principal; password login."""

from __future__ import annotations

from sqlalchemy.orm import Session

from datalinx.core.auth import credentials
from datalinx.core.auth.permissions import Role
from datalinx.core.auth.principal import Principal, PrincipalType
from datalinx.core.auth.schemas import LoginResult
from datalinx.core.errors import Unauthenticated
from datalinx.core.runtime import Runtime
from datalinx.dao import principals as principals_dao
from datalinx.dao import tenancy as tenancy_dao
from datalinx.dao.models import utcnow
from datalinx.dao.scope import Scope


def load_principal(session: Session, *, principal_type: PrincipalType, principal_id: str, org_id: str) -> Principal:
    """Re-read a principal and its workspace roles from the system DB; inactive answers 401."""
    scope = Scope(org_id=org_id)
    if principal_type is PrincipalType.USER:
        row = principals_dao.get_user(session, scope, principal_id)
        name = row.email if row else ""
    else:
        row = principals_dao.get_service_account(session, scope, principal_id)
        name = row.name if row else ""
    if row is None or not row.is_active:
        raise Unauthenticated("credentials belong to an inactive or deleted account", org_id=org_id)
    roles = {m.workspace_id: Role(m.role) for m in tenancy_dao.memberships_of(session, scope, principal_id)}
    return Principal(
        type=principal_type,
        id=row.id,
        org_id=row.org_id,
        name=name,
        org_role=Role(row.role),
        workspace_roles=roles,
        default_workspace_id=row.default_workspace_id,
    )


def authenticate(session: Session, runtime: Runtime, token: str) -> Principal:
    """The principal behind a bearer token: an API key (`dlx_…`) or a JWT access token."""
    lookup_id = credentials.split_api_key(token)
    if lookup_id is not None:
        key = principals_dao.find_api_key_by_lookup(session, lookup_id)
        if key is None or not credentials.api_key_matches(key.key_hash, token):
            raise Unauthenticated("API key is not valid")
        if key.revoked_at is not None:
            raise Unauthenticated("API key has been revoked", org_id=key.org_id)
        if key.expires_at is not None and key.expires_at <= utcnow():
            raise Unauthenticated("API key has expired", org_id=key.org_id)
        key.last_used_at = utcnow()
        principal = load_principal(
            session,
            principal_type=PrincipalType.SERVICE_ACCOUNT,
            principal_id=key.service_account_id,
            org_id=key.org_id,
        )
        return _with_credential(principal, key.id)
    claims = credentials.decode_jwt(runtime.keyring, token, audience=runtime.settings.jwt_audience)
    if claims.get("typ") != "access" or not claims.get("org"):
        raise Unauthenticated("token is not an access token")
    return load_principal(
        session, principal_type=PrincipalType.USER, principal_id=str(claims["sub"]), org_id=str(claims["org"])
    )


def _with_credential(principal: Principal, credential_id: str) -> Principal:
    return Principal(
        type=principal.type,
        id=principal.id,
        org_id=principal.org_id,
        name=principal.name,
        org_role=principal.org_role,
        workspace_roles=principal.workspace_roles,
        default_workspace_id=principal.default_workspace_id,
        credential_id=credential_id,
    )


def login(session: Session, runtime: Runtime, *, email: str, password: str, address: str) -> LoginResult:
    """Check a password (rate limited per account and address) and issue an access token."""
    account = email.strip().lower()
    runtime.login_limiter.check(account, address)
    user = principals_dao.find_user_by_email(session, account)
    ok = credentials.verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.is_active:
        runtime.login_limiter.failed(account, address)
        raise Unauthenticated("email or password is wrong")
    runtime.login_limiter.succeeded(account)
    user.last_login_at = utcnow()
    return _access_token(runtime, user_id=user.id, org_id=user.org_id)


def session_token(session: Session, runtime: Runtime, *, user_id: str, org_id: str) -> LoginResult:
    """A fresh access token for an active user already signed in elsewhere (the chat UI's session cookie)."""
    principal = load_principal(session, principal_type=PrincipalType.USER, principal_id=user_id, org_id=org_id)
    return _access_token(runtime, user_id=principal.id, org_id=principal.org_id)


def _access_token(runtime: Runtime, *, user_id: str, org_id: str) -> LoginResult:
    token, expires = credentials.issue_jwt(
        runtime.keyring,
        subject=user_id,
        org_id=org_id,
        audience=runtime.settings.jwt_audience,
        ttl_minutes=runtime.settings.jwt_ttl_minutes,
    )
    return LoginResult(access_token=token, expires_at=expires, user_id=user_id, org_id=org_id)
