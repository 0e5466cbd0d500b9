"""The Chainlit callbacks: sign-in, chat start, messages, the workspace setting and the plan's buttons.

Chainlit loads this file by path (see `mount.py`); everything it does goes through the flows of this package,
as the signed-in user.
"""

from __future__ import annotations

import asyncio
from typing import Any

import chainlit as cl
import structlog

from datalinx.chat_ui import datasets as chat_datasets
from datalinx.chat_ui import get_runtime, pipelines, quality, workspaces
from datalinx.chat_ui.mount import client_address
from datalinx.chat_ui.routing import is_quality_question, route
from datalinx.chat_ui.session import ChatSession, sign_in
from datalinx.chat_ui.steps import guarded
from datalinx.core.errors import DatalinxError

log = structlog.get_logger("datalinx.chat")


@cl.password_auth_callback
async def password_sign_in(username: str, password: str) -> cl.User | None:
    """Check the platform password; the cookie then carries the user's id and org (never a password or token)."""
    runtime = get_runtime()
    email = username.strip().lower()
    try:
        result = await asyncio.to_thread(sign_in, runtime, email=email, password=password, address=client_address.get())
    except DatalinxError as exc:
        log.info("chat.sign_in_refused", reason=exc.message)
        return None
    return cl.User(identifier=email, display_name=email, metadata={"user_id": result.user_id, "org_id": result.org_id})


def _address() -> str:
    environ: dict[str, Any] = getattr(cl.context.session, "environ", None) or {}
    client = (environ.get("asgi.scope") or {}).get("client")
    return client[0] if client else ""


async def _open() -> ChatSession | None:
    """The chat session of a signed-in user, with a fresh access token (an inactive user is told to sign in)."""
    user = cl.user_session.get("user")
    metadata = getattr(user, "metadata", None) or {}
    if not metadata.get("user_id") or not metadata.get("org_id"):
        await cl.ErrorMessage(content="Please sign in again.").send()
        return None
    chat = ChatSession(
        runtime=get_runtime(),
        user_id=str(metadata["user_id"]),
        org_id=str(metadata["org_id"]),
        email=user.identifier,
        address=_address(),
    )
    chat.new_turn()
    try:
        await asyncio.to_thread(chat.refresh)
    except DatalinxError as exc:
        await cl.ErrorMessage(content=f"{exc.message}; please sign in again.").send()
        return None
    cl.user_session.set("chat", chat)
    return chat


async def _chat() -> ChatSession | None:
    chat = cl.user_session.get("chat")
    return chat if isinstance(chat, ChatSession) else await _open()


@cl.on_chat_start
async def start() -> None:
    chat = await _open()
    if chat is not None:
        await guarded(chat, lambda: workspaces.welcome(chat))


@cl.on_chat_resume
async def resume(thread: Any) -> None:
    chat = await _open()
    if chat is not None:
        await guarded(chat, lambda: workspaces.welcome(chat))


async def handle(chat: ChatSession, message: cl.Message) -> None:
    """One message: files become datasets; the text is a command, a quality question, a reply or a request."""
    text = (message.content or "").strip()
    uploads = [e for e in message.elements or [] if getattr(e, "path", None)]
    if uploads:
        await chat_datasets.upload(chat, uploads, text)
        if is_quality_question(text):
            await quality.answer(chat, text)
        return
    if not text:
        return
    where = route(text, plan_pending=chat.pending_plan is not None, awaiting_edit=chat.awaiting_edit)
    if where.kind == "help":
        await workspaces.help_message()
    elif where.kind == "workspaces":
        await workspaces.list_workspaces(chat)
    elif where.kind == "switch":
        await workspaces.switch(chat, where.text)
    elif where.kind == "quality":
        await quality.answer(chat, where.text)
    else:
        result = await pipelines.ask_planner(chat, where.text, new_conversation=where.new_conversation)
        await pipelines.show(chat, result)


@cl.on_message
async def on_message(message: cl.Message) -> None:
    chat = await _chat()
    if chat is not None:
        chat.new_turn()
        await guarded(chat, lambda: handle(chat, message))


@cl.on_settings_update
async def on_settings(settings: dict[str, Any]) -> None:
    chat = await _chat()
    chosen = settings.get(workspaces.SETTING)
    if chat is not None and chosen and chosen != chat.workspace:
        chat.new_turn()
        await guarded(chat, lambda: workspaces.switch(chat, str(chosen)))


async def _plan_button(action: cl.Action, answer: Any) -> None:
    """A button of a plan: it answers that plan only while it is the open one."""
    chat = await _chat()
    if chat is None:
        return
    chat.new_turn()
    if not chat.plan_is_open(str(action.payload.get("conversation_id"))):
        await action.remove()
        await cl.Message(content="That plan is no longer open; describe what you need and I will plan it again.").send()
        return
    await guarded(chat, lambda: answer(chat))


@cl.action_callback(pipelines.APPROVE)
async def on_approve(action: cl.Action) -> None:
    await _plan_button(action, pipelines.approve)


@cl.action_callback(pipelines.EDIT)
async def on_edit(action: cl.Action) -> None:
    await _plan_button(action, pipelines.edit)


@cl.action_callback(pipelines.DISCARD)
async def on_discard(action: cl.Action) -> None:
    await _plan_button(action, pipelines.discard)
