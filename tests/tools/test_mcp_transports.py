"""The MCP server driven by the SDK's own client, over streamable HTTP and over stdio."""

from __future__ import annotations

import httpx

from datalinx.core.auth.permissions import Role
from tests.conftest import LiveServer, Tenant
from tests.mcp_client import http_session, stdio_session, structured, text_of


async def test_http_client_lists_tools_and_calls_whoami(live_server: LiveServer, tenant: Tenant) -> None:
    async with http_session(live_server.url, tenant.token()) as session:
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        assert {"whoami", "list_workspaces", "query_audit_trail"} <= set(tools)
        assert tools["list_workspaces"].annotations.readOnlyHint is True
        assert tools["revoke_api_key"].annotations.readOnlyHint is False
        me = structured(await session.call_tool("whoami", {}))
        assert me["name"] == tenant.init.owner_email
        assert me["org_role"] == "owner"


async def test_http_tool_accepts_api_key_and_workspace_argument(live_server: LiveServer, tenant: Tenant) -> None:
    async with http_session(live_server.url, tenant.init.api_key) as session:
        created = structured(await session.call_tool("create_workspace", {"name": "Research"}))
        assert created["slug"] == "research"
        me = structured(await session.call_tool("whoami", {"workspace": "research"}))
        assert me["current_workspace_id"] == created["id"]
        missing = await session.call_tool("whoami", {"workspace": "no-such-space"})
        assert missing.isError and "not found" in text_of(missing)


async def test_http_tool_error_names_the_field(live_server: LiveServer, tenant: Tenant) -> None:
    async with http_session(live_server.url, tenant.token()) as session:
        bad = await session.call_tool("create_workspace", {"name": "X", "slug": "Not A Slug"})
        assert bad.isError
        assert "slug" in text_of(bad)
        denied = await session.call_tool("list_users", {"limit": 1000})
        assert denied.isError and "limit" in text_of(denied)


async def test_http_viewer_is_refused_a_mutating_tool(live_server: LiveServer, tenant: Tenant) -> None:
    async with http_session(live_server.url, tenant.token(Role.VIEWER)) as session:
        result = await session.call_tool("create_workspace", {"name": "Nope"})
        assert result.isError and "forbidden" in text_of(result) and "workspace.create" in text_of(result)


def test_mcp_http_requires_bearer_token(live_server: LiveServer) -> None:
    answer = httpx.post(f"{live_server.url}/mcp/", json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    forged = httpx.post(
        f"{live_server.url}/mcp/",
        json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
        headers={"Authorization": "Bearer dlx_0000_nope"},
    )
    assert forged.status_code == 401


def test_mcp_http_rejects_foreign_origin(live_server: LiveServer, tenant: Tenant) -> None:
    body = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}},
    }
    answer = httpx.post(
        f"{live_server.url}/mcp/",
        json=body,
        headers={
            "Authorization": f"Bearer {tenant.token()}",
            "Origin": "http://evil.example.com",
            "Accept": "application/json, text/event-stream",
        },
    )
    assert answer.status_code == 403


async def test_mcp_session_is_bound_to_its_principal(live_server: LiveServer, tenant: Tenant) -> None:
    owner_token = tenant.token()
    viewer_token = tenant.token(Role.VIEWER)
    init = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}},
    }
    accept = {"Accept": "application/json, text/event-stream"}
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        opened = await client.post("/mcp/", json=init, headers={**accept, "Authorization": f"Bearer {owner_token}"})
        assert opened.status_code == 200
        session_id = opened.headers["mcp-session-id"]
        hijack = await client.post(
            "/mcp/",
            json={"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
            headers={**accept, "Authorization": f"Bearer {viewer_token}", "mcp-session-id": session_id},
        )
        assert hijack.status_code == 404


async def test_stdio_client_with_api_key(runtime, tenant: Tenant) -> None:
    async with stdio_session(runtime.settings.home, runtime.settings.effective_database_url, tenant.init.api_key) as s:
        tools = (await s.list_tools()).tools
        assert "whoami" in {t.name for t in tools}
        me = structured(await s.call_tool("whoami", {}))
        assert me["type"] == "service_account" and me["name"] == "cli"
        page = structured(await s.call_tool("list_workspaces", {}))
        assert [w["slug"] for w in page["items"]] == ["default"]
