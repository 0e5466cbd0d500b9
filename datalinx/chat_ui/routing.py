"""Which flow a message goes to: a command, a quality question, a reply to the open plan, or a new request."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

RouteKind = Literal["help", "workspaces", "switch", "quality", "reply", "plan"]

HELP = re.compile(r"^\s*/?(help|\?|what can you do\??|commands)\s*$", re.I)
WORKSPACES = re.compile(r"^\s*/?(list\s+)?(my\s+)?workspaces\s*\??\s*$", re.I)
SWITCH = re.compile(
    r"^\s*/?(?:(?:switch|change|move)\s+(?:to\s+)?(?:the\s+)?|use\s+(?:the\s+)?|go\s+to\s+(?:the\s+)?)?"
    r"workspace\s+['\"]?(?P<ref>[\w.-]+)['\"]?\s*$",
    re.I,
)
# Questions about the data itself, not requests that merely mention a score ("keep rows where score > 80").
QUALITY = [
    re.compile(r"^\s*(how|is|are)\b.*\b(good|clean|bad|dirty|reliable|usable|healthy|ok|okay)\b", re.I),
    re.compile(r"^\s*(please\s+)?(re-?scan|scan|assess|profile)\b", re.I),
    re.compile(r"^\s*(please\s+)?(check|show|what(?:'s| is)|how(?:'s| is)|give me)\b.*\b(data )?quality\b", re.I),
    re.compile(r"\b(quality|data) (score|issues|report|problems|check)\b.*\?\s*$", re.I),
    re.compile(r"^\s*(any|what)\s+(issues|problems)\b", re.I),
]
NAMED = re.compile(
    r"\b(?:as|named|called|call it|name it)\s+['\"]?(?P<name>[A-Za-z0-9][\w .-]{0,120}?)['\"]?\s*[.!]?\s*$", re.I
)
NEW_REQUEST = re.compile(r"^\s*(new\s+(pipeline|plan|request)|start\s+over|from\s+scratch)\b\s*[:,.-]?\s*", re.I)


@dataclass(frozen=True)
class Route:
    """Where a message goes; `text` is what that flow acts on (a workspace, a reply, a request)."""

    kind: RouteKind
    text: str
    new_conversation: bool = False


def is_quality_question(text: str) -> bool:
    """Whether the message asks how good the data is (which starts a scan)."""
    return any(pattern.search(text) for pattern in QUALITY)


def route(text: str, *, plan_pending: bool, awaiting_edit: bool = False) -> Route:
    """Decide the flow for one message, given whether a plan waits for an answer (or for a described change)."""
    stripped = text.strip()
    if awaiting_edit and plan_pending and stripped:
        return Route("reply", stripped)
    if HELP.match(stripped):
        return Route("help", stripped)
    if WORKSPACES.match(stripped):
        return Route("workspaces", stripped)
    if switch := SWITCH.match(stripped):
        return Route("switch", switch.group("ref"))
    if is_quality_question(stripped):
        return Route("quality", stripped)
    fresh = NEW_REQUEST.match(stripped)
    if fresh:
        return Route("plan", stripped[fresh.end() :].strip() or stripped, new_conversation=True)
    if plan_pending:
        # With a plan open, the planner reads the message as its answer: save, run, discard, or a change.
        return Route("reply", stripped)
    return Route("plan", stripped, new_conversation=True)


def mentioned_dataset(text: str, names: Iterable[str]) -> str | None:
    """The dataset a message names (whole words, any case; the longest name wins), else None."""
    lowered = text.lower()
    for name in sorted(names, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", lowered):
            return name
    return None


def upload_name(text: str) -> str | None:
    """The name a message gives the file it carries ("… as orders_2024"), if any."""
    found = NAMED.search(text or "")
    return found.group("name").strip() if found else None
