"""One person's chat: who they are, the token they act with, their workspace and where the conversation stands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from datalinx.agents.schemas import PlanResult
from datalinx.core.auth import manager as auth
from datalinx.core.auth.schemas import LoginResult
from datalinx.core.context import Caller, RequestMeta
from datalinx.core.runtime import Runtime

R = TypeVar("R")
# A token this close to its expiry is replaced before the next call.
REFRESH_MARGIN = timedelta(minutes=5)
PENDING = frozenset({"planned", "partial", "invalid", "not_understood"})


def sign_in(runtime: Runtime, *, email: str, password: str, address: str) -> LoginResult:
    """Check a platform user's password (rate limited like every sign-in) in one transaction."""
    with runtime.db.transaction() as session:
        return auth.login(session, runtime, email=email, password=password, address=address)


def fresh_token(runtime: Runtime, *, user_id: str, org_id: str) -> LoginResult:
    """A new access token for a signed-in user who is still active."""
    with runtime.db.transaction() as session:
        return auth.session_token(session, runtime, user_id=user_id, org_id=org_id)


@dataclass
class ChatSession:
    """What the chat keeps per browser session; every action goes through `run`, as this user."""

    runtime: Runtime
    user_id: str
    org_id: str
    email: str
    address: str = ""
    workspace: str | None = None
    token: str | None = None
    token_expires: datetime | None = None
    dataset_id: str | None = None
    dataset_name: str | None = None
    plan: PlanResult | None = None
    plan_waiting: bool = False  # the planner's conversation waits at its confirm step
    plan_message: Any = None  # the chat message carrying the open plan's buttons
    awaiting_edit: bool = False
    request_id: str = ""

    def new_turn(self) -> RequestMeta:
        """A fresh request id for one user message or button press (logs and audit events carry it)."""
        meta = RequestMeta.new("chat", self.address)
        self.request_id = meta.request_id
        return meta

    def refresh(self) -> None:
        """Re-issue the access token when there is none or it is about to expire (the user must still be active)."""
        now = datetime.now(UTC)
        if self.token and self.token_expires and self.token_expires - now > REFRESH_MARGIN:
            return
        issued = fresh_token(self.runtime, user_id=self.user_id, org_id=self.org_id)
        self.token, self.token_expires = issued.access_token, issued.expires_at

    def caller(self, workspace: str | None = None) -> Caller:
        """The user's caller in their workspace (or another one, to check a switch), for this turn."""
        self.refresh()
        if not self.request_id:
            self.new_turn()
        meta = RequestMeta(request_id=self.request_id, address=self.address, transport="chat")
        return Caller(self.runtime, self.token, workspace if workspace is not None else self.workspace, meta)

    def run(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Call one manager function as the user, in one transaction (blocking: run it in a thread)."""
        return self.caller().run(fn, *args, **kwargs)

    def use_workspace(self, slug: str) -> None:
        """Switch workspace: the dataset and plan of the old one do not carry over."""
        self.workspace = slug
        self.dataset_id = self.dataset_name = None
        self.close_plan()

    def use_dataset(self, dataset_id: str, name: str) -> None:
        self.dataset_id, self.dataset_name = dataset_id, name

    def close_plan(self) -> None:
        self.plan, self.plan_waiting, self.plan_message, self.awaiting_edit = None, False, None, False

    def plan_is_open(self, conversation_id: str) -> bool:
        """Whether a button of the plan in `conversation_id` still answers the open plan."""
        return self.plan is not None and self.plan.conversation_id == conversation_id

    @property
    def pending_plan(self) -> PlanResult | None:
        """The plan waiting for an answer (approve, change or discard), if any."""
        return self.plan if self.plan is not None and self.plan.status in PENDING else None
