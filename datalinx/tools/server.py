"""The MCP server: one FastMCP instance with every tool, over stdio or streamable HTTP."""

from __future__ import annotations

import json
from collections import OrderedDict

import anyio
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.transport_security import TransportSecuritySettings
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from datalinx import __version__
from datalinx.core.auth import manager as auth
from datalinx.core.context import RequestMeta, record_denial
from datalinx.core.errors import DatalinxError, Unauthenticated
from datalinx.core.runtime import Runtime
from datalinx.tools.base import register_all

INSTRUCTIONS = (
    "Datalinx is a data integration and data quality platform. Tools act as the authenticated caller, "
    "inside one organisation; pass `workspace` (id or slug) to act in a workspace other than your default. "
    "Lists are paged: follow `next_cursor`. Start with `whoami` to see your roles and workspaces."
)


def _http_token(ctx: Context) -> tuple[str | None, str]:
    request = ctx.request_context.request
    if request is None:
        return None, ""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    address = request.client.host if request.client else ""
    return (token.strip() if scheme.lower() == "bearer" else None), address


def build_mcp(runtime: Runtime, *, stdio: bool = False) -> FastMCP:
    """A FastMCP server with every tool registered, authenticating per call."""
    security = TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=runtime.settings.mcp_allowed_hosts,
        allowed_origins=runtime.settings.mcp_allowed_origins,
    )
    mcp = FastMCP(
        "datalinx",
        instructions=INSTRUCTIONS,
        streamable_http_path="/",
        transport_security=security,
        log_level="WARNING",
    )
    mcp._mcp_server.version = __version__

    if stdio:
        key = runtime.settings.api_key.get_secret_value() if runtime.settings.api_key else None

        def token_source(ctx: Context) -> tuple[str | None, str]:
            return key, "stdio"
    else:
        token_source = _http_token

    register_all(mcp, runtime, token_source)
    return mcp


class McpHttpGuard:
    """Bearer auth in front of the MCP endpoint, and sessions bound to the principal that opened them."""

    MAX_SESSIONS = 10_000

    def __init__(self, app: ASGIApp, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime
        self.owners: OrderedDict[str, str] = OrderedDict()

    async def _reply(self, send: Send, status: int, code: str, message: str) -> None:
        body = json.dumps({"error": {"code": code, "message": message}}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        if status == 401:
            headers.append((b"www-authenticate", b"Bearer"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def _owner(self, token: str) -> str:
        with self.runtime.db.transaction() as session:
            principal = auth.authenticate(session, self.runtime, token)
            return f"{principal.type.value}:{principal.id}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            await self._reply(send, 401, "unauthenticated", "missing credentials: send 'Authorization: Bearer <token>'")
            return
        try:
            owner = await anyio.to_thread.run_sync(self._owner, token.strip())
        except DatalinxError as exc:
            reason = exc.message
            if isinstance(exc, Unauthenticated):
                client = scope.get("client") or ("", 0)
                meta = RequestMeta.new("mcp", client[0])
                await anyio.to_thread.run_sync(
                    lambda: record_denial(
                        self.runtime,
                        None,
                        meta,
                        action="auth.authenticate",
                        resource=None,
                        reason=reason,
                    )
                )
            await self._reply(send, exc.status_code, exc.code, exc.message)
            return
        session_id = headers.get("mcp-session-id")
        if session_id is not None and self.owners.get(session_id) != owner:
            # Another principal's session (or an unknown one) is simply not there.
            await self._reply(send, 404, "not_found", "MCP session not found")
            return

        async def bind_session(message: Message) -> None:
            if message["type"] == "http.response.start":
                for key, value in message.get("headers", []):
                    if key.lower() == b"mcp-session-id":
                        self.owners[value.decode()] = owner
                        while len(self.owners) > self.MAX_SESSIONS:
                            self.owners.popitem(last=False)
            await send(message)

        await self.app(scope, receive, bind_session)
