"""The MCP tool decorator: cautious annotations, descriptions from files, principal injected."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, TypeVar

import anyio
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import Field, ValidationError

from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Call, RequestMeta, open_call
from datalinx.core.errors import DatalinxError, field_errors
from datalinx.core.runtime import Runtime
from datalinx.dao.pagination import MAX_LIMIT

DESCRIPTIONS = Path(__file__).parent / "descriptions"
R = TypeVar("R")


@dataclass(frozen=True)
class ToolSpec:
    """One tool: the function taking a Call, and what it promises about side effects."""

    name: str
    fn: Callable[..., Any]
    permission: Permission | None
    read_only: bool
    destructive: bool
    idempotent: bool
    title: str

    @property
    def description(self) -> str:
        return _description(self.name)


TOOLS: dict[str, ToolSpec] = {}


@dataclass(frozen=True)
class AsyncCall:
    """What an `async def` tool gets instead of a Call: managers run as the caller, and the MCP context."""

    runtime: Runtime
    token: str | None
    workspace: str | None
    meta: RequestMeta
    ctx: Context

    async def run(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Call one manager function in a transaction of its own, as the caller, off the event loop."""

        def in_thread() -> R:
            with open_call(self.runtime, token=self.token, workspace=self.workspace, meta=self.meta) as call:
                return fn(call, *args, **kwargs)

        return await anyio.to_thread.run_sync(in_thread)


WorkspaceRef = Annotated[
    str | None, Field(description="Workspace id or slug to act in; default: the caller's default workspace.")
]
Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")]
Cursor = Annotated[str | None, Field(description="`next_cursor` from the previous page, to continue the list.")]


@cache
def _description(name: str) -> str:
    path = DESCRIPTIONS / f"{name}.md"
    if not path.exists():
        raise RuntimeError(f"tool '{name}' has no description file at {path}")
    return path.read_text().strip()


def tool(
    *,
    permission: Permission | None,
    read_only: bool = False,
    destructive: bool = True,
    idempotent: bool = False,
    title: str | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare an MCP tool. Defaults are cautious: mutating, destructive, not idempotent."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        name = fn.__name__
        if name in TOOLS:
            raise RuntimeError(f"tool '{name}' is declared twice")
        TOOLS[name] = ToolSpec(
            name=name,
            fn=fn,
            permission=permission,
            read_only=read_only,
            destructive=destructive and not read_only,
            idempotent=idempotent or read_only,
            title=title or name.replace("_", " ").capitalize(),
        )
        return fn

    return register


def describe_error(exc: Exception) -> str:
    """A tool error message a model can act on: what went wrong and which field."""
    if isinstance(exc, ValidationError):
        return "invalid: " + "; ".join(f"{field}: {message}" for field, message in field_errors(list(exc.errors())))
    assert isinstance(exc, DatalinxError)
    suffix = f" (field: {exc.field})" if exc.field else ""
    return f"{exc.code}: {exc.message}{suffix}"


TokenSource = Callable[[Context], tuple[str | None, str]]


def bind(spec: ToolSpec, runtime: Runtime, token_source: TokenSource) -> Callable[..., Any]:
    """The function FastMCP registers: the spec's parameters plus `workspace`, run as the caller."""
    resolved = typing.get_type_hints(spec.fn, include_extras=True)
    signature = inspect.signature(spec.fn)
    signature = signature.replace(
        parameters=[p.replace(annotation=resolved.get(p.name, p.annotation)) for p in signature.parameters.values()],
        return_annotation=resolved.get("return", signature.return_annotation),
    )
    params = [p for name, p in signature.parameters.items() if name != "call"]
    workspace = inspect.Parameter(
        "workspace",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=WorkspaceRef,
    )
    ctx_param = inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=Context)
    params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in params]

    async def run_tool(**kwargs: Any) -> Any:
        ctx: Context = kwargs.pop("ctx")
        workspace_ref = kwargs.pop("workspace", None)
        token, address = token_source(ctx)
        meta = RequestMeta.new("mcp", address)

        def in_thread() -> Any:
            with open_call(runtime, token=token, workspace=workspace_ref, meta=meta) as call:
                return spec.fn(call, **kwargs)

        try:
            if inspect.iscoroutinefunction(spec.fn):
                return await spec.fn(AsyncCall(runtime, token, workspace_ref, meta, ctx), **kwargs)
            return await anyio.to_thread.run_sync(in_thread)
        except (DatalinxError, ValidationError) as exc:
            raise ToolError(describe_error(exc)) from exc

    run_tool.__name__ = spec.name
    run_tool.__doc__ = spec.description
    run_tool.__signature__ = signature.replace(parameters=[*params, workspace, ctx_param])  # type: ignore[attr-defined]
    hints = {p.name: p.annotation for p in params}
    hints.update(workspace=WorkspaceRef, ctx=Context, **{"return": signature.return_annotation})
    run_tool.__annotations__ = hints
    return run_tool


def register_all(mcp: FastMCP, runtime: Runtime, token_source: TokenSource) -> None:
    """Register every declared tool (only read-only ones when the server is read-only)."""
    from datalinx.tools import catalog  # noqa: F401  (imports every tool module)

    for spec in TOOLS.values():
        if runtime.settings.mcp_read_only and not spec.read_only:
            continue
        mcp.add_tool(
            bind(spec, runtime, token_source),
            name=spec.name,
            title=spec.title,
            description=spec.description,
            annotations=ToolAnnotations(
                title=spec.title,
                readOnlyHint=spec.read_only,
                destructiveHint=spec.destructive,
                idempotentHint=spec.idempotent,
                openWorldHint=False,
            ),
            meta={"permission": str(spec.permission) if spec.permission else None},
            structured_output=True,
        )


__all__ = ["TOOLS", "AsyncCall", "Call", "Cursor", "Limit", "ToolSpec", "register_all", "tool"]
