"""Domain errors and validation errors as JSON answers; never a stack trace."""

from __future__ import annotations

from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from datalinx.core.errors import DatalinxError, RateLimited, Unauthenticated, field_errors

log = structlog.get_logger("datalinx.api")


def error_body(code: str, message: str, *, field: str | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if field:
        body["field"] = field
    body.update(extra)
    return {"error": body}


def describe_validation(errors: list[Any]) -> tuple[str, list[dict[str, str]]]:
    """One readable sentence and a per-field list from pydantic's errors."""
    listed = field_errors(errors, drop=("body", "query", "path", "header"), default="request")
    fields = [{"field": name, "message": message} for name, message in listed]
    return "; ".join(f"{f['field']}: {f['message']}" for f in fields), fields


def install(app: FastAPI) -> None:
    """Register the error handlers on the app."""

    @app.exception_handler(DatalinxError)
    async def _domain(request: Request, exc: DatalinxError) -> JSONResponse:
        headers = {}
        if isinstance(exc, Unauthenticated):
            headers["WWW-Authenticate"] = "Bearer"
        if isinstance(exc, RateLimited):
            headers["Retry-After"] = str(exc.retry_after)
        extra = {"problems": exc.details} if exc.details else {}
        body = error_body(exc.code, exc.message, field=exc.field, **extra)
        return JSONResponse(body, exc.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _request_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, fields = describe_validation(list(exc.errors()))
        return JSONResponse(error_body("invalid", message, fields=fields), 422)

    @app.exception_handler(ValidationError)
    async def _validation(request: Request, exc: ValidationError) -> JSONResponse:
        message, fields = describe_validation(list(exc.errors()))
        return JSONResponse(error_body("invalid", message, fields=fields), 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(exc.status_code, "error")
        return JSONResponse(error_body(code, str(exc.detail)), exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        request_id = getattr(request.state, "request_id", None)
        log.exception("request.failed", path=request.url.path)
        return JSONResponse(
            error_body(
                "internal",
                "internal error; the request id identifies it in the server logs",
                request_id=request_id,
            ),
            500,
        )
