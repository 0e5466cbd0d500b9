"""Login and whoami."""

from __future__ import annotations

from fastapi import APIRouter, Request

from datalinx.api.deps import CallerDep, RuntimeDep, request_meta
from datalinx.core.auth import manager as auth
from datalinx.core.auth.schemas import LoginRequest, LoginResult, WhoAmI
from datalinx.core.context import record_denial
from datalinx.core.errors import Unauthenticated
from datalinx.core.tenancy import manager as tenancy

router = APIRouter(tags=["auth"])


@router.post("/auth/login", openapi_extra={"x-permission": []})
def login(body: LoginRequest, request: Request, runtime: RuntimeDep) -> LoginResult:
    """Exchange an email and password for a JWT access token."""
    meta = request_meta(request)
    try:
        with runtime.db.transaction() as session:
            return auth.login(session, runtime, email=body.email, password=body.password, address=meta.address)
    except Unauthenticated as exc:
        record_denial(runtime, None, meta, action="auth.login", resource=f"user:{body.email}", reason=exc.message)
        raise


@router.get("/whoami", openapi_extra={"x-permission": []})
def whoami(caller: CallerDep) -> WhoAmI:
    """The caller, its org role, workspaces and permissions in the current workspace."""
    return caller.run(tenancy.whoami)
