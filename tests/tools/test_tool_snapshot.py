"""The tool list (names, descriptions, schemas, annotations) is a contract: drift fails here.

After an intended change, regenerate with DATALINX_UPDATE_SNAPSHOT=1 and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from datalinx.core.runtime import Runtime
from datalinx.tools.server import build_mcp

SNAPSHOT = Path(__file__).parent / "tool_snapshot.json"


async def current_tools(runtime: Runtime) -> list[dict[str, object]]:
    server = build_mcp(runtime)
    tools = await server.list_tools()
    return [
        {
            "name": tool.name,
            "title": tool.title,
            "description": tool.description,
            "annotations": tool.annotations.model_dump(exclude_none=True) if tool.annotations else None,
            "inputSchema": tool.inputSchema,
            "outputSchema": tool.outputSchema,
        }
        for tool in sorted(tools, key=lambda t: t.name)
    ]


async def test_tool_list_matches_committed_snapshot(runtime: Runtime) -> None:
    tools = await current_tools(runtime)
    if os.environ.get("DATALINX_UPDATE_SNAPSHOT") == "1":
        SNAPSHOT.write_text(json.dumps(tools, indent=2, sort_keys=True) + "\n")
    committed = json.loads(SNAPSHOT.read_text())
    assert [t["name"] for t in tools] == [t["name"] for t in committed], "tools were added or removed"
    for now, then in zip(tools, committed, strict=True):
        assert now == then, f"tool '{now['name']}' drifted from tests/tools/tool_snapshot.json"


async def test_descriptions_are_plain_documentation(runtime: Runtime) -> None:
    for tool in await current_tools(runtime):
        text = str(tool["description"])
        assert 40 <= len(text) <= 1200, tool["name"]
        assert "<" not in text and "ignore previous" not in text.lower(), tool["name"]
        assert "workspace" in tool["inputSchema"]["properties"], f"{tool['name']} lacks the workspace argument"


async def test_read_only_server_hides_mutating_tools(runtime: Runtime) -> None:
    runtime.settings.mcp_read_only = True
    names = {tool["name"]: tool for tool in await current_tools(runtime)}
    assert "list_workspaces" in names and "create_workspace" not in names
    assert all(tool["annotations"]["readOnlyHint"] for tool in names.values())
