"""Tool calls as collapsible steps, jobs followed live, and errors as plain messages (never a stack trace)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

import chainlit as cl
import structlog

from datalinx.chat_ui.session import ChatSession
from datalinx.core.errors import DatalinxError

log = structlog.get_logger("datalinx.chat")
R = TypeVar("R")
TERMINAL = frozenset({"succeeded", "failed", "cancelled"})


def error_text(exc: BaseException, request_id: str) -> str:
    """What the user reads about a failure: the domain's own message, or a request id to quote."""
    if isinstance(exc, DatalinxError):
        problems = [str(p.get("message", p)) for p in exc.details or []][:5]
        return exc.message + ("".join(f"\n- {p}" for p in problems) if problems else "")
    return f"Something went wrong (request id {request_id})."


async def tool(
    chat: ChatSession,
    operation: str,
    work: Callable[[], R],
    *,
    shown: dict[str, Any] | None = None,
    summary: Callable[[R], str] | None = None,
) -> R:
    """Run blocking `work` in a thread inside a tool step showing the operation, its arguments and the time taken."""
    failure: BaseException | None = None
    result: Any = None
    async with cl.Step(name=operation, type="tool", language="json") as step:
        step.input = json.dumps(shown or {}, default=str, indent=2)
        started = time.perf_counter()
        try:
            result = await asyncio.to_thread(work)
        except Exception as exc:  # shown in the step here, then reported once by `guarded`
            failure = exc
        seconds = time.perf_counter() - started
        step.metadata = {"seconds": round(seconds, 3)}
        if failure is None:
            step.output = f"{summary(result) if summary else 'done'} (took {seconds:.2f} s)"
        else:
            step.is_error = True
            step.output = f"{error_text(failure, chat.request_id)} (took {seconds:.2f} s)"
    if failure is not None:
        raise failure
    return result


async def call(
    chat: ChatSession,
    operation: str,
    fn: Callable[..., R],
    *args: Any,
    shown: dict[str, Any] | None = None,
    summary: Callable[[R], str] | None = None,
    **kwargs: Any,
) -> R:
    """Call one manager function as the user, in one transaction, shown as a tool step."""
    return await tool(chat, operation, partial(chat.run, fn, *args, **kwargs), shown=shown, summary=summary)


@dataclass(frozen=True)
class Progress:
    """Where a followed job stands."""

    status: str
    fraction: float | None
    message: str | None
    error: str | None = None

    @property
    def done(self) -> bool:
        return self.status in TERMINAL


async def follow(chat: ChatSession, title: str, read: Callable[[], Progress]) -> Progress:
    """Poll a job until it ends (or the follow time runs out): one step, a child step per stage it reports."""
    settings = chat.runtime.settings
    deadline = time.monotonic() + settings.chat_follow_seconds
    seen: str | None = None
    async with cl.Step(name=title, type="tool", default_open=True) as parent:
        while True:
            now = await asyncio.to_thread(read)
            if now.message and now.message != seen:
                seen = now.message
                async with cl.Step(name=now.message, type="tool", parent_id=parent.id) as stage:
                    stage.output = f"{now.status}, {_percent(now.fraction)}"
            parent.output = f"{now.status} {_percent(now.fraction)}" + (f": {now.message}" if now.message else "")
            await parent.update()
            if now.done or time.monotonic() > deadline:
                if now.error:
                    parent.is_error = True
                    parent.output = f"{now.status}: {now.error}"
                return now
            await asyncio.sleep(settings.chat_poll_seconds)


def _percent(fraction: float | None) -> str:
    return f"{round(100 * fraction)}%" if fraction is not None else ""


async def guarded(chat: ChatSession, body: Callable[[], Awaitable[None]]) -> None:
    """Run one turn; a domain error becomes its message, anything else a request id and a log line."""
    try:
        with structlog.contextvars.bound_contextvars(request_id=chat.request_id, transport="chat"):
            await body()
    except DatalinxError as exc:
        await cl.ErrorMessage(content=error_text(exc, chat.request_id)).send()
    except Exception:
        log.exception("chat.failed", request_id=chat.request_id, user_id=chat.user_id, workspace=chat.workspace)
        await cl.ErrorMessage(content=error_text(RuntimeError(), chat.request_id)).send()
