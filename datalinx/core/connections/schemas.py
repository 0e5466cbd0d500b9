"""Models of connections to customer databases: the spec (never the password), checks and tables."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

from datalinx.core.schemas import ListQuery

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


# --- Saved connections, as the interfaces show them --------------------------------------------------------------


class ConnectionCreate(BaseModel):
    """A connection to save: where, who, and the password (encrypted at rest, never returned)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    kind: ConnectionKind
    host: str | None = Field(default=None, max_length=255)
    port: int | None = Field(default=None, ge=1, le=65535)
    database: str | None = Field(default=None, max_length=255)
    username: str | None = Field(default=None, max_length=255)
    password: SecretStr | None = None
    path: str | None = Field(default=None, description="For sqlite and duckdb: a file in the workspace inbox.")
    options: dict[str, str] = Field(default_factory=dict)
    test: bool = Field(default=True, description="Connect once before saving; refuse to save when that fails.")

    def spec(self) -> ConnectionSpec:
        """The spec part (everything but the name, password and test flag)."""
        return ConnectionSpec.model_validate(self.model_dump(exclude={"name", "password", "test"}))


class ConnectionRead(BaseModel):
    """A saved connection; `has_password` tells whether one is stored, never what it is."""

    id: str
    name: str
    kind: str
    host: str | None
    port: int | None
    database: str | None
    username: str | None
    path: str | None
    has_password: bool
    created_at: datetime
    last_tested_at: datetime | None
    last_test_ok: bool | None

    @classmethod
    def of(cls, row: Any) -> ConnectionRead:
        spec = row.spec
        return cls(
            id=row.id,
            name=row.name,
            kind=row.kind,
            host=spec.get("host"),
            port=spec.get("port"),
            database=spec.get("database"),
            username=spec.get("username"),
            path=spec.get("path"),
            has_password=row.secret_id is not None,
            created_at=row.created_at,
            last_tested_at=row.last_tested_at,
            last_test_ok=row.last_test_ok,
        )


class ConnectionQuery(ListQuery):
    kind: ConnectionKind | None = None
