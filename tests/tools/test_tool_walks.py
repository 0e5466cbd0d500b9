"""Walk every MCP tool: another org's resources are not found; the role table decides refusals."""

from __future__ import annotations

import json

from datalinx.core.auth.permissions import Permission, Role, role_allows
from datalinx.tools.base import TOOLS
from tests.conftest import LiveServer, Tenant
from tests.mcp_client import http_session, text_of
from tests.samples import TOOL_SAMPLES, Resources

# Arguments naming one resource: another org's value must be "not found".
RESOURCE_ARGUMENTS = {
    "workspace_ref",
    "member_id",
    "service_account",
    "api_key_id",
    "dataset",
    "connection",
    "job_id",
    "worker_token_id",
    "issue_id",
    "pipeline",
    "run_id",
}


async def test_every_tool_has_a_sample(live_server: LiveServer, tenant: Tenant) -> None:
    async with http_session(live_server.url, tenant.token()) as session:
        listed = {tool.name for tool in (await session.list_tools()).tools}
    assert listed == set(TOOLS)
    missing = sorted(listed - set(TOOL_SAMPLES))
    assert not missing, f"add samples for these tools to tests/samples.py: {missing}"


async def test_other_org_gets_not_found_from_every_tool(
    live_server: LiveServer, tenant: Tenant, other_tenant: Tenant
) -> None:
    victim = Resources(tenant)
    victim_ids = {tenant.init.workspace_id, tenant.init.org_id}
    async with http_session(live_server.url, other_tenant.token()) as session:
        for name in sorted(TOOLS):
            args = TOOL_SAMPLES[name](victim)
            result = await session.call_tool(name, {**args, "workspace": tenant.init.workspace_id})
            assert result.isError and "not_found" in text_of(result), f"{name}: {text_of(result)}"
            result = await session.call_tool(name, args)
            if set(args) & RESOURCE_ARGUMENTS:
                assert result.isError and "not_found" in text_of(result), f"{name}: {text_of(result)}"
            elif not result.isError:
                leaked = victim_ids & set(json.dumps(result.structuredContent).replace('"', " ").split())
                assert not leaked, f"{name} leaked {leaked}"


async def test_role_table_decides_every_tool(live_server: LiveServer, tenant: Tenant) -> None:
    resources = Resources(tenant)
    for role in Role:
        resources.role = role
        async with http_session(live_server.url, tenant.token(role)) as session:
            for name, spec in sorted(TOOLS.items()):
                allowed = spec.permission is None or role_allows(role, Permission(spec.permission))
                result = await session.call_tool(name, TOOL_SAMPLES[name](resources))
                if allowed:
                    assert not result.isError, f"{role} on {name}: {text_of(result)}"
                else:
                    assert (
                        result.isError
                        and f"forbidden: role '{role}' lacks permission '{spec.permission}'" in text_of(result)
                    ), f"{role} on {name}: {text_of(result)}"
