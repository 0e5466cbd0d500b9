"""Settings: every one has an embedded default; the environment (prefix DATALINX_) overrides."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """The effective configuration of one Datalinx process."""

    model_config = SettingsConfigDict(env_prefix="DATALINX_", extra="ignore")

    home: Path = Field(default=Path("./.datalinx"), description="Data folder: system DB, keys, datasets.")
    database_url: str | None = Field(default=None, description="System DB URL; default is a SQLite file in HOME.")
    master_key: SecretStr | None = Field(
        default=None,
        description="Base64 master key(s), comma separated, first current; default: a keyring file in HOME.",
    )
    jwt_ttl_minutes: int = Field(default=60, ge=1, le=60 * 24 * 30)
    jwt_audience: str = "datalinx"
    max_body_bytes: int = Field(default=1_048_576, ge=1024, description="Largest JSON request body.")
    login_max_failures: int = Field(default=5, ge=1, description="Failed logins per account per window.")
    login_max_failures_per_address: int = Field(default=20, ge=1)
    login_window_seconds: int = Field(default=300, ge=1)
    mcp_read_only: bool = Field(default=False, description="Expose only read-only tools over MCP.")
    mcp_allowed_hosts: list[str] = Field(
        default_factory=lambda: ["127.0.0.1:*", "localhost:*", "[::1]:*", "testserver"]
    )
    mcp_allowed_origins: list[str] = Field(
        default_factory=lambda: ["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"]
    )
    api_key: SecretStr | None = Field(default=None, description="API key used by `datalinx mcp` over stdio.")
    max_upload_bytes: int = Field(default=2 * 1024**3, ge=1024, description="Largest file one upload may carry.")
    workspace_storage_bytes: int = Field(
        default=20 * 1024**3, ge=1024, description="Storage quota of one workspace (all dataset versions)."
    )
    log_level: str = "INFO"
    log_json: bool = True
    workers_in_process: bool = Field(default=True, description="`datalinx serve` runs a worker pool in-process.")
    worker_concurrency: int = Field(default=2, ge=1, le=256, description="Jobs one worker process runs at once.")
    worker_poll_seconds: float = Field(default=0.5, gt=0, le=60, description="Idle wait between queue polls.")
    worker_long_poll_seconds: float = Field(
        default=5.0, ge=0, le=60, description="How long a remote worker's lease request waits for a job."
    )
    worker_shutdown_grace_seconds: float = Field(
        default=10.0, ge=0, description="On shutdown, time running jobs get to finish before their leases are released."
    )
    worker_token: SecretStr | None = Field(default=None, description="`dlxw_` token used by `datalinx worker`.")
    control_plane_url: str | None = Field(default=None, description="Control plane URL for `datalinx worker`.")
    job_lease_seconds: float = Field(
        default=30.0, ge=0.2, le=3600, description="A lease not renewed by a heartbeat for this long expires."
    )
    job_max_attempts: int = Field(default=3, ge=1, le=100, description="Default attempts for a job kind.")
    job_retry_base_seconds: float = Field(default=2.0, ge=0, description="First retry delay; doubles per attempt.")
    job_retry_max_seconds: float = Field(default=300.0, ge=0, description="Longest retry delay.")
    llm_base_url: str | None = Field(
        default=None, description="OpenAI-compatible endpoint for the planners; none: the offline planner."
    )
    llm_model: str | None = Field(default=None, description="Model name at the LLM endpoint.")
    llm_api_key: SecretStr | None = Field(default=None, description="Key for the LLM endpoint.")
    llm_timeout_seconds: float = Field(default=60.0, gt=0, le=600, description="Longest wait for one LLM answer.")
    agent_max_repairs: int = Field(default=3, ge=0, le=10, description="Drafts an LLM may revise after validation.")
    agent_dry_run_wait_seconds: float = Field(
        default=60.0, ge=0, le=600, description="How long a planner waits for its dry run before answering."
    )
    chat_enabled: bool = Field(default=True, description="Serve the Chainlit chat UI at /chat beside the API.")
    chat_session_hours: int = Field(
        default=12, ge=1, le=24 * 30, description="How long a chat sign-in lasts before the password is asked again."
    )
    chat_poll_seconds: float = Field(default=0.5, gt=0, le=10, description="How often the chat polls a job it follows.")
    chat_follow_seconds: float = Field(
        default=900.0, ge=1, le=24 * 3600, description="Longest time the chat follows one job before handing its id."
    )
    chat_allowed_origins: list[str] = Field(
        default_factory=list, description="Other origins allowed to call the chat (CORS); the chat itself needs none."
    )
    job_modules: list[str] = Field(
        default_factory=list, description="Extra modules to import so they register job kinds (JSON list)."
    )

    @field_validator("home", mode="after")
    @classmethod
    def _absolute_home(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @property
    def effective_database_url(self) -> str:
        """The system DB URL, defaulting to a SQLite file inside HOME."""
        return self.database_url or f"sqlite:///{self.home / 'datalinx.db'}"

    def masked(self) -> dict[str, Any]:
        """Settings as a dict with every secret masked, for `datalinx config`."""
        shown: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                value = "********" if value.get_secret_value() else ""
            elif name == "database_url" and value and "@" in value and ":" in value.split("@")[0]:
                scheme_user, rest = value.split("@", 1)
                value = scheme_user.rsplit(":", 1)[0] + ":********@" + rest
            elif isinstance(value, Path):
                value = str(value)
            shown[name] = value
        shown["effective_database_url"] = shown["database_url"] if self.database_url else self.effective_database_url
        return shown


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
