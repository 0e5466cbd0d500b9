"""What every route needs: the caller's credentials, workspace and request id, opened as a Call."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

from fastapi import Depends, Header, Request
from fastapi.responses import FileResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.background import BackgroundTask

from datalinx.core.auth.permissions import Permission
from datalinx.core.context import Caller, RequestMeta
from datalinx.core.runtime import Runtime

P = ParamSpec("P")
R = TypeVar("R")

bearer = HTTPBearer(auto_error=False, description="A JWT from /v1/auth/login or a `dlx_` API key.")


def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def request_meta(request: Request, transport: str = "rest") -> RequestMeta:
    request_id = getattr(request.state, "request_id", None)
    address = request.client.host if request.client else ""
    meta = RequestMeta.new(transport, address)
    return RequestMeta(request_id=request_id or meta.request_id, address=address, transport=transport)


def get_caller(
    request: Request,
    runtime: RuntimeDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    x_datalinx_workspace: Annotated[
        str | None, Header(description="Workspace id or slug; default: the caller's default workspace.")
    ] = None,
) -> Caller:
    token = credentials.credentials if credentials else None
    return Caller(runtime, token, x_datalinx_workspace, request_meta(request))


CallerDep = Annotated[Caller, Depends(get_caller)]


def permission(*permissions: Permission) -> dict[str, Any]:
    """OpenAPI extension naming the permission a route needs (read by docs and the role-table test)."""
    return {"x-permission": [str(p) for p in permissions]}


def temporary_download(filename: str, media_type: str, write: Callable[[Path], object]) -> FileResponse:
    """Write a file into a fresh temporary folder with `write(path)` and send it; the folder goes after sending."""
    folder = Path(tempfile.mkdtemp(prefix="datalinx-download-"))
    target = folder / filename
    try:
        write(target)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        target, media_type=media_type, filename=filename, background=BackgroundTask(shutil.rmtree, folder, True)
    )
