"""Every scoped DAO query stays inside its org (and workspace), on SQLite and PostgreSQL."""

from __future__ import annotations

from datalinx.core.runtime import Runtime
from datalinx.dao import audit as audit_dao
from datalinx.dao import principals as principals_dao
from datalinx.dao import tenancy as tenancy_dao
from datalinx.dao.pagination import PageRequest
from datalinx.dao.scope import Scope
from tests.conftest import Tenant, make_tenant


def test_daos_never_cross_orgs(any_runtime: Runtime, tenant_on_any: Tenant) -> None:
    other = make_tenant(any_runtime, "Globex")
    mine = Scope(org_id=tenant_on_any.init.org_id)
    theirs = Scope(org_id=other.init.org_id)
    page = PageRequest(limit=100)
    with any_runtime.db.transaction() as session:
        assert tenancy_dao.find_workspace(session, theirs, tenant_on_any.init.workspace_id) is None
        assert tenancy_dao.find_workspace(session, theirs, "default").id == other.init.workspace_id
        assert tenancy_dao.find_workspace(session, mine, "default").id == tenant_on_any.init.workspace_id
        my_users = {u.email for u in principals_dao.list_users(session, mine, email=None, role=None, page=page).items}
        assert my_users and all(e.endswith("@acme.example.com") for e in my_users)
        owner = principals_dao.find_user(session, mine, tenant_on_any.init.owner_email)
        assert owner is not None and principals_dao.get_user(session, theirs, owner.id) is None
        events = audit_dao.query(session, theirs, page=page).items
        assert events and all(e.org_id == other.init.org_id for e in events)
        members = tenancy_dao.list_members(
            session, theirs.in_workspace(tenant_on_any.init.workspace_id), role=None, page=page
        )
        assert members.items == []


def test_member_queries_stay_in_their_workspace(any_runtime: Runtime, tenant_on_any: Tenant) -> None:
    scope = Scope(org_id=tenant_on_any.init.org_id)
    with any_runtime.db.transaction() as session:
        second = tenancy_dao.create_workspace(session, scope, name="Second", slug="second", description=None)
        first_members = tenancy_dao.list_members(
            session, scope.in_workspace(tenant_on_any.init.workspace_id), role=None, page=PageRequest(limit=100)
        ).items
        assert len(first_members) == 5  # owners and admins reach every workspace without a row
        assert tenancy_dao.get_member(session, scope.in_workspace(second.id), first_members[0].id) is None


def test_timestamps_come_back_timezone_aware(any_runtime: Runtime, tenant_on_any: Tenant) -> None:
    with any_runtime.db.transaction() as session:
        workspace = tenancy_dao.find_workspace(session, Scope(org_id=tenant_on_any.init.org_id), "default")
        assert workspace.created_at.tzinfo is not None
