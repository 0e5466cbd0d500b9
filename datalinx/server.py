"""The FastAPI app: /v1 REST, /mcp (streamable HTTP), /chat (Chainlit), /healthz, /metrics."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import anyio
from fastapi import APIRouter, FastAPI
from fastapi.responses import PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from datalinx import __version__
from datalinx.api import (
    accounts,
    agents,
    audit,
    auth,
    connections,
    datasets,
    dbt,
    errors,
    jobs,
    pipelines,
    quality,
    tenancy,
    workers,
)
from datalinx.api.middleware import BodyLimitMiddleware, RequestContextMiddleware
from datalinx.chat_ui.mount import UPLOAD_PATH, mount_chat
from datalinx.config import Settings, get_settings
from datalinx.core.jobs import metrics as job_metrics
from datalinx.core.jobs.worker import in_process_pool
from datalinx.core.runtime import Runtime
from datalinx.logging import configure_logging
from datalinx.tools.server import McpHttpGuard, build_mcp

ROUTERS = [
    auth.router,
    tenancy.router,
    accounts.router,
    audit.router,
    jobs.router,
    workers.router,
    connections.router,
    datasets.router,
    quality.router,
    pipelines.router,
    dbt.router,
    agents.router,
]


def create_app(runtime: Runtime | None = None, settings: Settings | None = None) -> FastAPI:
    """Build the whole HTTP surface around one runtime (started here unless given)."""
    settings = runtime.settings if runtime else (settings or get_settings())
    runtime = runtime or Runtime.start(settings)
    mcp = build_mcp(runtime)
    mcp_app = mcp.streamable_http_app()
    # FastMCP reconfigures the root logger when it is created; ours goes on top.
    configure_logging(settings.log_level, json=settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(mcp.session_manager.run())
            if settings.workers_in_process:
                pool = in_process_pool(runtime)
                pool.start()
                stack.push_async_callback(anyio.to_thread.run_sync, pool.stop)
            yield

    app = FastAPI(
        title="Datalinx",
        version=__version__,
        description="Data integration and data quality platform. The same capabilities are MCP tools at /mcp.",
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    app.state.mcp = mcp
    errors.install(app)

    v1 = APIRouter(prefix="/v1")
    for router in ROUTERS:
        v1.include_router(router)
    app.include_router(v1)

    @app.get("/healthz", tags=["ops"], include_in_schema=True)
    def healthz() -> dict[str, str]:
        """Liveness and system DB reachability."""
        with runtime.db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return {"status": "ok", "version": __version__, "database": runtime.db.dialect}

    @app.get("/metrics", tags=["ops"], response_class=PlainTextResponse)
    def metrics() -> PlainTextResponse:
        """Prometheus metrics."""
        job_metrics.refresh_queue_depth(runtime)
        return PlainTextResponse(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    app.mount("/mcp", McpHttpGuard(mcp_app, runtime))
    if settings.chat_enabled:
        mount_chat(app, runtime)
    upload_limit = settings.max_upload_bytes + 1024**2
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        overrides={"POST /v1/datasets": upload_limit, f"POST {UPLOAD_PATH}": upload_limit},
    )
    app.add_middleware(RequestContextMiddleware)
    return app
