"""Job models crossing layers: what clients read, what workers exchange with the control plane."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from datalinx.core.schemas import ListQuery


class JobStatus(StrEnum):
    """A job's life: queued -> running -> succeeded | failed | cancelled (running may go back to queued)."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def terminal(self) -> bool:
        return self in TERMINAL


TERMINAL = frozenset({JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED})


class JobAccepted(BaseModel):
    """The answer (202) of every endpoint that starts a job; domains add their own id (`scan_id`, `run_id`...)."""

    model_config = ConfigDict(extra="allow")

    job_id: str
    status: JobStatus
    kind: str
    events_url: str = Field(description="Server-Sent Events stream of the job's progress.")


class JobRead(BaseModel):
    """A job as its workspace's members see it."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    workspace_id: str
    kind: str
    status: JobStatus
    payload: dict[str, Any]
    principal_type: str
    principal_id: str
    attempts: int
    max_attempts: int
    priority: int
    idempotency_key: str | None
    cancel_requested: bool
    progress: float
    progress_message: str | None
    result: dict[str, Any] | None
    error: str | None
    run_at: datetime
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class JobQuery(ListQuery):
    status: JobStatus | None = Field(default=None, description="Only jobs in this status.")
    kind: str | None = Field(default=None, max_length=100, description="Only jobs of this kind.")


class JobEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    job_id: str
    type: str
    status: JobStatus
    attempt: int
    progress: float | None
    message: str | None
    created_at: datetime


class JobEventsPage(BaseModel):
    """Events after a given event id, and whether the job has reached its end."""

    events: list[JobEventRead]
    status: JobStatus
    done: bool


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class LeaseRef(_Input):
    """Names one lease: the job and the token handed out when it was leased."""

    job_id: str = Field(max_length=36)
    lease_token: str = Field(min_length=1, max_length=64)


class LeasedJob(BaseModel):
    """Everything a worker needs to run a job, and nothing about the system DB."""

    id: str
    org_id: str
    workspace_id: str
    kind: str
    payload: dict[str, Any]
    attempt: int
    max_attempts: int
    lease_token: str
    lease_expires_at: datetime
    lease_seconds: float = Field(description="How long a lease lasts without a heartbeat.")

    @property
    def ref(self) -> LeaseRef:
        return LeaseRef(job_id=self.id, lease_token=self.lease_token)


class LeaseState(BaseModel):
    """What a heartbeat or progress report learns: is the lease still ours, was cancellation asked."""

    job_id: str
    held: bool
    cancel_requested: bool = False
    lease_expires_at: datetime | None = None


class LeaseRequest(_Input):
    worker: str = Field(min_length=1, max_length=120, description="The worker's name, for `lease_owner`.")
    limit: int = Field(default=1, ge=1, le=100, description="Most jobs to lease at once.")
    kinds: list[str] = Field(min_length=1, max_length=200, description="Job kinds this worker can run.")
    wait_seconds: float = Field(default=0.0, ge=0, le=60, description="How long to wait for a job when none is due.")


class LeaseBatch(BaseModel):
    jobs: list[LeasedJob]


class HeartbeatRequest(_Input):
    leases: list[LeaseRef] = Field(max_length=1000)


class HeartbeatAnswer(BaseModel):
    states: list[LeaseState]


class ProgressReport(_Input):
    lease_token: str = Field(min_length=1, max_length=64)
    progress: float = Field(ge=0, le=1, description="Fraction done, 0 to 1.")
    message: str | None = Field(default=None, max_length=500)


class JobCompletion(_Input):
    lease_token: str = Field(min_length=1, max_length=64)
    result: dict[str, Any] = Field(default_factory=dict)


class JobFailure(_Input):
    lease_token: str = Field(min_length=1, max_length=64)
    error: str = Field(min_length=1, max_length=10_000)
    retryable: bool = Field(default=True, description="False fails the job at once, whatever attempts remain.")
    cancelled: bool = Field(default=False, description="The handler stopped because cancellation was asked.")


class SecretRequest(_Input):
    lease_token: str = Field(min_length=1, max_length=64)
    secret_id: str = Field(min_length=1, max_length=36)


class SecretValue(BaseModel):
    """A secret's plaintext, for the worker holding the job's lease only."""

    value: str


class ReleaseRequest(_Input):
    leases: list[LeaseRef] = Field(max_length=1000)


class WorkerTokenCreate(_Input):
    name: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    workspaces: list[str] = Field(min_length=1, max_length=1000, description="Workspaces (id or slug) it serves.")


class WorkerTokenRead(BaseModel):
    id: str
    name: str
    prefix: str
    workspace_ids: list[str]
    created_by: str | None
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class WorkerTokenCreated(WorkerTokenRead):
    """The new worker token, with its secret shown this once."""

    token: str


class WorkerAck(BaseModel):
    """The control plane's answer to a completion or failure: where the job now stands."""

    job_id: str
    status: JobStatus


class ReleaseAnswer(BaseModel):
    released: list[str]
