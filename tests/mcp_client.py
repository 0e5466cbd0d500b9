"""Real MCP clients from the `mcp` SDK, over streamable HTTP and over stdio."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.types import CallToolResult


@asynccontextmanager
async def http_session(base_url: str, token: str, **headers: str) -> AsyncIterator[ClientSession]:
    """An initialised MCP session against `<base_url>/mcp/` with a bearer token."""
    client = httpx.AsyncClient(headers={"Authorization": f"Bearer {token}", **headers}, timeout=30)
    transport = streamable_http_client(f"{base_url}/mcp/", http_client=client)
    async with client, transport as (read, write, _), ClientSession(read, write) as session:
        await session.initialize()
        yield session


@asynccontextmanager
async def stdio_session(home: Path, database_url: str, api_key: str) -> AsyncIterator[ClientSession]:
    """An initialised MCP session with `datalinx mcp` run as a subprocess over stdio."""
    env = {
        **os.environ,
        "DATALINX_HOME": str(home),
        "DATALINX_DATABASE_URL": database_url,
        "DATALINX_API_KEY": api_key,
    }
    params = StdioServerParameters(command=sys.executable, args=["-m", "datalinx.cli", "mcp"], env=env)
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        yield session


def text_of(result: CallToolResult) -> str:
    return " ".join(getattr(block, "text", "") for block in result.content)


def structured(result: CallToolResult) -> Any:
    assert not result.isError, text_of(result)
    return result.structuredContent
