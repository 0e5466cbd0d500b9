"""Models of connections to customer databases: the spec (never the password), checks and tables."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ConnectionKind = Literal["postgresql", "mysql", "sqlite", "duckdb"]
SERVER_KINDS: frozenset[str] = frozenset({"postgresql", "mysql"})
FILE_KINDS: frozenset[str] = frozenset({"sqlite", "duckdb"})
DEFAULT_PORTS: dict[str, int] = {"postgresql": 5432, "mysql": 3306}


class ConnectionSpec(BaseModel):
    """Where a database is and who to connect as; the password travels separately and is never part of it."""

    model_config = ConfigDict(extra="forbid")

    kind: ConnectionKind
    host: str | None = Field(default=None, max_length=255, description="Server host (postgresql, mysql).")
    port: int | None = Field(default=None, ge=1, le=65535, description="Server port; the kind's default when absent.")
    database: str | None = Field(default=None, max_length=255, description="Database name (postgresql, mysql).")
    username: str | None = Field(default=None, max_length=255, description="User to connect as (postgresql, mysql).")
    path: str | None = Field(default=None, description="Database file (sqlite, duckdb).")
    options: dict[str, str] = Field(default_factory=dict, description="Driver options such as sslmode.")

    @model_validator(mode="after")
    def _fields_for_kind(self) -> ConnectionSpec:
        if self.kind in SERVER_KINDS:
            if not self.host:
                raise ValueError(f"host is required for a {self.kind} connection")
            if self.path:
                raise ValueError(f"path is only for sqlite and duckdb connections, not {self.kind}")
        elif not self.path:
            raise ValueError(f"path is required for a {self.kind} connection")
        elif self.host or self.port or self.database or self.username:
            raise ValueError(f"a {self.kind} connection takes only a path, not host, port, database or username")
        return self

    @property
    def effective_port(self) -> int | None:
        """The port to connect to: the given one or the kind's default."""
        return self.port or DEFAULT_PORTS.get(self.kind)

    def describe(self) -> str:
        """Where this connection points, for messages (no credentials)."""
        if self.kind in FILE_KINDS:
            return f"{self.kind} file '{self.path}'"
        return f"{self.kind} server at {self.host}:{self.effective_port}"


class ConnectionCheck(BaseModel):
    """Outcome of a connection test: reachable and logged in, the server's version and how long it took."""

    ok: bool
    server_version: str | None = None
    latency_ms: float | None = None
    error: str | None = Field(default=None, description="Why the test failed, when it did.")


class TableRef(BaseModel):
    """A table or view a connection can read."""

    schema_name: str | None = Field(default=None, alias="schema", description="Schema (or database) holding it.")
    name: str
    kind: Literal["table", "view"]
    estimated_rows: int | None = Field(default=None, description="The server's cheap row estimate, when it has one.")

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)
