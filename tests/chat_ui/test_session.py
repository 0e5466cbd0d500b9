"""The chat's identity: password sign-in, fresh tokens from the session cookie's user, acting as that user."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from datalinx.chat_ui.session import ChatSession, fresh_token, sign_in
from datalinx.core.auth import manager as auth
from datalinx.core.auth.permissions import Role
from datalinx.core.errors import NotFound, Unauthenticated
from datalinx.core.runtime import Runtime
from datalinx.core.tenancy import manager as tenancy
from datalinx.dao import principals as principals_dao
from datalinx.dao.scope import Scope
from tests.conftest import PASSWORD, Tenant
from tests.core.jobs.helpers import small_tenant


@pytest.fixture
def tenant(runtime: Runtime) -> Tenant:
    """An org with an owner, a data engineer and a viewer (fewer password hashes than the shared fixture)."""
    return small_tenant(runtime, "Acme")


@pytest.fixture
def other_tenant(runtime: Runtime) -> Tenant:
    return small_tenant(runtime, "Globex", roles=())


def chat_for(tenant: Tenant, role: Role) -> ChatSession:
    signed = sign_in(tenant.runtime, email=tenant.emails[role], password=PASSWORD, address="10.0.0.9")
    return ChatSession(tenant.runtime, signed.user_id, signed.org_id, tenant.emails[role], address="10.0.0.9")


def test_a_session_token_authenticates_as_the_signed_in_user(runtime: Runtime, tenant: Tenant) -> None:
    chat = chat_for(tenant, Role.DATA_ENGINEER)
    issued = fresh_token(runtime, user_id=chat.user_id, org_id=chat.org_id)
    with runtime.db.transaction() as session:
        principal = auth.authenticate(session, runtime, issued.access_token)
    assert (principal.id, principal.org_id, principal.name) == (
        chat.user_id,
        chat.org_id,
        tenant.emails[Role.DATA_ENGINEER],
    )
    assert issued.expires_at > datetime.now(UTC)


def test_a_deactivated_user_gets_no_new_token(runtime: Runtime, tenant: Tenant) -> None:
    chat = chat_for(tenant, Role.VIEWER)
    with runtime.db.transaction() as session:
        principals_dao.get_user(session, Scope(org_id=chat.org_id), chat.user_id).is_active = False
    with pytest.raises(Unauthenticated, match="inactive"):
        fresh_token(runtime, user_id=chat.user_id, org_id=chat.org_id)


def test_another_orgs_id_pair_gets_no_token(runtime: Runtime, tenant: Tenant, other_tenant: Tenant) -> None:
    ours, theirs = chat_for(tenant, Role.OWNER), chat_for(other_tenant, Role.OWNER)
    with pytest.raises(Unauthenticated):
        fresh_token(runtime, user_id=ours.user_id, org_id=theirs.org_id)


def test_a_wrong_password_is_refused(runtime: Runtime, tenant: Tenant) -> None:
    with pytest.raises(Unauthenticated, match="email or password is wrong"):
        sign_in(runtime, email=tenant.emails[Role.OWNER], password="nope", address="10.0.0.9")


def test_the_chat_acts_as_its_user_in_the_chosen_workspace(runtime: Runtime, tenant: Tenant) -> None:
    chat = chat_for(tenant, Role.VIEWER)
    chat.workspace = tenant.workspace
    me = chat.run(tenancy.whoami)
    assert me.name == tenant.emails[Role.VIEWER]
    assert "pipeline.run" not in me.permissions_in_current_workspace
    assert chat.caller().meta.transport == "chat" and chat.caller().meta.address == "10.0.0.9"
    with pytest.raises(NotFound):
        chat.caller(workspace="not-ours").run(tenancy.whoami)


def test_each_turn_has_its_own_request_id_and_a_token_near_expiry_is_replaced(runtime: Runtime, tenant: Tenant) -> None:
    chat = chat_for(tenant, Role.OWNER)
    first = chat.new_turn().request_id
    assert chat.caller().meta.request_id == first != chat.new_turn().request_id
    token = chat.token
    chat.refresh()
    assert chat.token == token  # still fresh
    chat.token_expires = datetime.now(UTC)
    chat.refresh()
    assert chat.token is not None and chat.token != token


def test_switching_workspace_forgets_the_old_workspaces_dataset_and_plan(runtime: Runtime, tenant: Tenant) -> None:
    chat = chat_for(tenant, Role.OWNER)
    chat.use_dataset("d1", "orders")
    chat.awaiting_edit, chat.plan_waiting = True, True
    chat.use_workspace("analytics")
    assert (chat.workspace, chat.dataset_id, chat.plan, chat.plan_waiting, chat.awaiting_edit) == (
        "analytics",
        None,
        None,
        False,
        False,
    )
