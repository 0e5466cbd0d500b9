"""Orgs, workspaces and memberships. Org creation is the only unscoped write."""

from __future__ import annotations

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from datalinx.dao.models import Org, Workspace, WorkspaceMember
from datalinx.dao.pagination import Page, PageRequest, paginate
from datalinx.dao.scope import Scope


def create_org(session: Session, *, name: str, slug: str) -> Org:
    """Admin path (`datalinx init`): a new org."""
    org = Org(name=name, slug=slug)
    session.add(org)
    session.flush()
    return org


def org_slug_taken(session: Session, slug: str) -> bool:
    return session.scalar(select(func.count()).select_from(Org).where(Org.slug == slug)) > 0


def get_org(session: Session, scope: Scope) -> Org | None:
    return session.get(Org, scope.org_id)


def create_workspace(session: Session, scope: Scope, *, name: str, slug: str, description: str | None) -> Workspace:
    workspace = Workspace(org_id=scope.org_id, name=name, slug=slug, description=description)
    session.add(workspace)
    session.flush()
    return workspace


def find_workspace(session: Session, scope: Scope, ref: str) -> Workspace | None:
    """A workspace of the org by id or slug."""
    query = select(Workspace).where(Workspace.org_id == scope.org_id, or_(Workspace.id == ref, Workspace.slug == ref))
    return session.scalars(query).first()


def workspace_slug_taken(session: Session, scope: Scope, slug: str) -> bool:
    query = select(func.count()).select_from(Workspace).where(Workspace.org_id == scope.org_id, Workspace.slug == slug)
    return session.scalar(query) > 0


def list_workspaces(
    session: Session, scope: Scope, *, only_ids: set[str] | None, name: str | None, page: PageRequest
) -> Page[Workspace]:
    query = select(Workspace).where(Workspace.org_id == scope.org_id)
    if only_ids is not None:
        query = query.where(Workspace.id.in_(only_ids))
    if name:
        query = query.where(Workspace.name.ilike(f"%{name}%"))
    return paginate(session, query, sort_column=getattr(Workspace, page.sort), id_column=Workspace.id, page=page)


def memberships_of(session: Session, scope: Scope, principal_id: str) -> list[WorkspaceMember]:
    query = select(WorkspaceMember).where(
        WorkspaceMember.org_id == scope.org_id, WorkspaceMember.principal_id == principal_id
    )
    return list(session.scalars(query))


def add_member(session: Session, scope: Scope, *, principal_id: str, principal_type: str, role: str) -> WorkspaceMember:
    member = WorkspaceMember(
        org_id=scope.org_id,
        workspace_id=scope.workspace,
        principal_id=principal_id,
        principal_type=principal_type,
        role=role,
    )
    session.add(member)
    session.flush()
    return member


def get_member(session: Session, scope: Scope, member_id: str) -> WorkspaceMember | None:
    query = select(WorkspaceMember).where(
        WorkspaceMember.org_id == scope.org_id,
        WorkspaceMember.workspace_id == scope.workspace,
        WorkspaceMember.id == member_id,
    )
    return session.scalars(query).first()


def find_member(session: Session, scope: Scope, principal_id: str) -> WorkspaceMember | None:
    query = select(WorkspaceMember).where(
        WorkspaceMember.org_id == scope.org_id,
        WorkspaceMember.workspace_id == scope.workspace,
        WorkspaceMember.principal_id == principal_id,
    )
    return session.scalars(query).first()


def list_members(session: Session, scope: Scope, *, role: str | None, page: PageRequest) -> Page[WorkspaceMember]:
    query = select(WorkspaceMember).where(
        WorkspaceMember.org_id == scope.org_id, WorkspaceMember.workspace_id == scope.workspace
    )
    if role:
        query = query.where(WorkspaceMember.role == role)
    sort = getattr(WorkspaceMember, page.sort)
    return paginate(session, query, sort_column=sort, id_column=WorkspaceMember.id, page=page)


def delete_member(session: Session, scope: Scope, member_id: str) -> None:
    session.execute(
        delete(WorkspaceMember).where(
            WorkspaceMember.org_id == scope.org_id,
            WorkspaceMember.workspace_id == scope.workspace,
            WorkspaceMember.id == member_id,
        )
    )
