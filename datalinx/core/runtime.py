"""The process-wide runtime: settings, system DB and master keyring, built once at start."""

from __future__ import annotations

from dataclasses import dataclass, field

from datalinx.config import Settings
from datalinx.core.auth.ratelimit import LoginLimiter
from datalinx.core.secrets.keyring import Keyring, load_keyring
from datalinx.dao.db import Database


@dataclass
class Runtime:
    settings: Settings
    db: Database
    keyring: Keyring
    login_limiter: LoginLimiter = field(default_factory=LoginLimiter)

    @classmethod
    def start(cls, settings: Settings, *, migrate: bool = True) -> Runtime:
        """Open the system DB (migrating it to head) and load or create the master key."""
        settings.home.mkdir(parents=True, exist_ok=True)
        db = Database(settings.effective_database_url)
        if migrate:
            db.migrate()
        env_key = settings.master_key.get_secret_value() if settings.master_key else None
        keyring = load_keyring(settings.home, env_key)
        limiter = LoginLimiter(
            per_account=settings.login_max_failures,
            per_address=settings.login_max_failures_per_address,
            window_seconds=settings.login_window_seconds,
        )
        return cls(settings=settings, db=db, keyring=keyring, login_limiter=limiter)

    def close(self) -> None:
        self.db.dispose()
