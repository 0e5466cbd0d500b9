"""Domain errors. Interfaces map them to HTTP codes and MCP tool errors."""

from __future__ import annotations

from typing import Any


class DatalinxError(Exception):
    """Base of every error a user may see; the message is safe to show."""

    status_code = 400
    code = "error"
    # Several problems at once (a pipeline's validation), each a dict naming what is at fault.
    details: list[dict[str, object]] | None = None

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Invalid(DatalinxError):
    """The input is wrong; the message names the field."""

    status_code = 422
    code = "invalid"


class ConnectionFailed(Invalid):
    """A customer database could not be reached or refused the login; the message never holds the password."""

    code = "connection_failed"


class Unauthenticated(DatalinxError):
    """No valid credentials were presented; `org_id` is set when the credential names an org."""

    status_code = 401
    code = "unauthenticated"

    def __init__(self, message: str, *, org_id: str | None = None) -> None:
        super().__init__(message)
        self.org_id = org_id


class Forbidden(DatalinxError):
    """The resource is visible but the principal may not do this."""

    status_code = 403
    code = "forbidden"

    def __init__(self, message: str, *, permission: str | None = None, resource: str | None = None) -> None:
        super().__init__(message)
        self.permission = permission
        self.resource = resource


class NotFound(DatalinxError):
    """The resource does not exist or is not visible to the principal."""

    status_code = 404
    code = "not_found"

    def __init__(self, kind: str, ref: str) -> None:
        super().__init__(f"{kind} '{ref}' not found")
        self.kind = kind
        self.ref = ref


class Conflict(DatalinxError):
    """The request conflicts with the current state (duplicate name, stale lease...)."""

    status_code = 409
    code = "conflict"


class TooLarge(DatalinxError):
    """The request or upload is over a size limit."""

    status_code = 413
    code = "too_large"


class QuotaExceeded(DatalinxError):
    """A workspace quota would be exceeded."""

    status_code = 413
    code = "quota_exceeded"


class RateLimited(DatalinxError):
    """Too many attempts; try again later."""

    status_code = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def field_errors(errors: list[Any], *, drop: tuple[str, ...] = (), default: str = "input") -> list[tuple[str, str]]:
    """(field, message) for each of pydantic's errors, worded for people: `a.b: is not an accepted field`."""
    found = []
    for err in errors:
        name = ".".join(str(p) for p in err.get("loc", ()) if p not in drop) or default
        if err.get("type") == "extra_forbidden":
            message = "is not an accepted field"
        else:
            message = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
        found.append((name, message))
    return found
