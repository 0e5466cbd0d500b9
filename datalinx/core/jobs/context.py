"""What a job handler sees: its own workspace's folder, outputs keyed by the job id, and progress reports."""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from datalinx.core.errors import Invalid
from datalinx.core.jobs.schemas import LeasedJob, LeaseState
from datalinx.dao import files
from datalinx.dao.scope import Scope


class JobStopped(Exception):
    """Raised inside a handler at a progress report when it must stop; the worker handles it."""


class JobCancelled(JobStopped):
    """Cancellation was asked for this job."""


class LeaseLost(JobStopped):
    """The lease is no longer ours (expired and re-leased, or released at shutdown)."""


def write_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file and a rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return path


Reporter = Callable[[float, str | None], LeaseState]


@dataclass
class JobContext:
    """A handler's only door to the world: its workspace folder, its workspace's secrets, progress reports."""

    job: LeasedJob
    home: Path
    reporter: Reporter
    stop_reason: Callable[[], JobStopped | None] = lambda: None
    secrets: Callable[[str], str] | None = None
    min_report_interval: float = 0.05
    _last_report: float = field(default=0.0, init=False)

    @property
    def job_id(self) -> str:
        return self.job.id

    @property
    def attempt(self) -> int:
        return self.job.attempt

    @property
    def workspace_dir(self) -> Path:
        return files.workspace_dir(self.home, Scope(org_id=self.job.org_id, workspace_id=self.job.workspace_id))

    @property
    def job_dir(self) -> Path:
        """This job's own folder: outputs keyed by the job id live here."""
        return self.workspace_dir / "jobs" / self.job.id

    def path(self, relative: str | Path) -> Path:
        """A path inside the job's workspace; anything that escapes it is refused."""
        candidate = files.inside(self.workspace_dir, relative)
        if candidate is None:
            raise Invalid(f"path '{relative}' is outside the job's workspace", field="path")
        return candidate

    def write_output(self, name: str, data: bytes | str) -> Path:
        """Write an output file in the job's folder atomically; a re-run overwrites it rather than adding one."""
        if "/" in name or "\\" in name or name.startswith("."):
            raise Invalid(f"output name '{name}' must be a plain file name", field="name")
        payload = data.encode() if isinstance(data, str) else data
        return write_atomic(self.job_dir / name, payload)

    def secret(self, secret_id: str) -> str:
        """A stored credential of the job's workspace (a connection password), handed over under the lease."""
        if self.secrets is None:
            raise Invalid("this worker cannot fetch secrets", field="secret_id")
        return self.secrets(secret_id)

    def check(self) -> None:
        """Raise JobCancelled or LeaseLost when the worker learned the job must stop."""
        reason = self.stop_reason()
        if reason is not None:
            raise reason

    def progress(self, fraction: float, message: str | None = None) -> None:
        """Report progress (0..1); stops the handler here when the job was cancelled or its lease lost."""
        self.check()
        fraction = min(max(float(fraction), 0.0), 1.0)
        now = time.monotonic()
        if now - self._last_report < self.min_report_interval and fraction < 1.0:
            return
        self._last_report = now
        state = self.reporter(fraction, message)
        if not state.held:
            raise LeaseLost(f"job {self.job.id} is no longer leased by this worker")
        if state.cancel_requested:
            raise JobCancelled(f"job {self.job.id} was cancelled")
