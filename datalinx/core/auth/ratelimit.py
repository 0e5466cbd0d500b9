"""Login attempt limiting per account and per client address (sliding window, in memory)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

from datalinx.core.errors import RateLimited


class LoginLimiter:
    """Counts failed logins; too many in the window answers 429 until the window passes."""

    def __init__(self, per_account: int = 5, per_address: int = 20, window_seconds: int = 300) -> None:
        self.per_account = per_account
        self.per_address = per_address
        self.window = window_seconds
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        stamps = self._failures[key]
        while stamps and stamps[0] <= now - self.window:
            stamps.popleft()
        return stamps

    def check(self, account: str, address: str) -> None:
        """Raise RateLimited when the account or the address has failed too often lately."""
        now = time.monotonic()
        with self._lock:
            for key, limit in (
                (f"account:{account}", self.per_account),
                (f"address:{address}", self.per_address),
            ):
                stamps = self._recent(key, now)
                if len(stamps) >= limit:
                    retry = int(stamps[0] + self.window - now) + 1
                    raise RateLimited("too many failed login attempts; try again later", retry_after=retry)

    def failed(self, account: str, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._failures[f"account:{account}"].append(now)
            self._failures[f"address:{address}"].append(now)

    def succeeded(self, account: str) -> None:
        with self._lock:
            self._failures.pop(f"account:{account}", None)
