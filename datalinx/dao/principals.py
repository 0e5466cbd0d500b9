"""Users, service accounts and API keys, always within one org."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from datalinx.dao.models import ApiKey, ServiceAccount, User
from datalinx.dao.pagination import Page, PageRequest, paginate
from datalinx.dao.scope import Scope


def find_user_by_email(session: Session, email: str) -> User | None:
    """Login path: emails are unique across orgs, and the user row names its org."""
    return session.scalars(select(User).where(User.email == email.lower())).first()


def get_user(session: Session, scope: Scope, user_id: str) -> User | None:
    return session.scalars(select(User).where(User.org_id == scope.org_id, User.id == user_id)).first()


def find_user(session: Session, scope: Scope, ref: str) -> User | None:
    """A user of the org by id or email."""
    query = select(User).where(User.org_id == scope.org_id)
    query = query.where(User.email == ref.lower()) if "@" in ref else query.where(User.id == ref)
    return session.scalars(query).first()


def create_user(
    session: Session, scope: Scope, *, email: str, display_name: str, password_hash: str, role: str
) -> User:
    user = User(
        org_id=scope.org_id,
        email=email.lower(),
        display_name=display_name,
        password_hash=password_hash,
        role=role,
        default_workspace_id=scope.workspace_id,
    )
    session.add(user)
    session.flush()
    return user


def list_users(session: Session, scope: Scope, *, email: str | None, role: str | None, page: PageRequest) -> Page[User]:
    query = select(User).where(User.org_id == scope.org_id)
    if email:
        query = query.where(User.email.ilike(f"%{email}%"))
    if role:
        query = query.where(User.role == role)
    return paginate(session, query, sort_column=getattr(User, page.sort), id_column=User.id, page=page)


def get_service_account(session: Session, scope: Scope, account_id: str) -> ServiceAccount | None:
    query = select(ServiceAccount).where(ServiceAccount.org_id == scope.org_id, ServiceAccount.id == account_id)
    return session.scalars(query).first()


def find_service_account(session: Session, scope: Scope, ref: str) -> ServiceAccount | None:
    """A service account of the org by id or name."""
    query = select(ServiceAccount).where(
        ServiceAccount.org_id == scope.org_id, (ServiceAccount.id == ref) | (ServiceAccount.name == ref)
    )
    return session.scalars(query).first()


def create_service_account(
    session: Session, scope: Scope, *, name: str, role: str, created_by: str | None
) -> ServiceAccount:
    account = ServiceAccount(
        org_id=scope.org_id,
        name=name,
        role=role,
        created_by=created_by,
        default_workspace_id=scope.workspace_id,
    )
    session.add(account)
    session.flush()
    return account


def list_service_accounts(
    session: Session, scope: Scope, *, name: str | None, page: PageRequest
) -> Page[ServiceAccount]:
    query = select(ServiceAccount).where(ServiceAccount.org_id == scope.org_id)
    if name:
        query = query.where(ServiceAccount.name.ilike(f"%{name}%"))
    sort = getattr(ServiceAccount, page.sort)
    return paginate(session, query, sort_column=sort, id_column=ServiceAccount.id, page=page)


def find_api_key_by_lookup(session: Session, lookup_id: str) -> ApiKey | None:
    """Authentication path: the key's public part names its row (and so its org)."""
    return session.scalars(select(ApiKey).where(ApiKey.lookup_id == lookup_id)).first()


def create_api_key(
    session: Session, scope: Scope, *, service_account_id: str, name: str, lookup_id: str, key_hash: str
) -> ApiKey:
    key = ApiKey(
        org_id=scope.org_id,
        service_account_id=service_account_id,
        name=name,
        lookup_id=lookup_id,
        key_hash=key_hash,
    )
    session.add(key)
    session.flush()
    return key


def get_api_key(session: Session, scope: Scope, key_id: str) -> ApiKey | None:
    return session.scalars(select(ApiKey).where(ApiKey.org_id == scope.org_id, ApiKey.id == key_id)).first()


def list_api_keys(session: Session, scope: Scope, *, service_account_id: str, page: PageRequest) -> Page[ApiKey]:
    query = select(ApiKey).where(ApiKey.org_id == scope.org_id, ApiKey.service_account_id == service_account_id)
    return paginate(session, query, sort_column=getattr(ApiKey, page.sort), id_column=ApiKey.id, page=page)
