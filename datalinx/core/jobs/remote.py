"""The queue over HTTP, for data-plane workers that hold a worker token and never the system DB's credentials."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import httpx

from datalinx.core.errors import Conflict, DatalinxError, Forbidden, Invalid, NotFound, Unauthenticated
from datalinx.core.jobs.schemas import (
    HeartbeatAnswer,
    HeartbeatRequest,
    JobCompletion,
    JobFailure,
    JobStatus,
    LeaseBatch,
    LeasedJob,
    LeaseRef,
    LeaseRequest,
    LeaseState,
    ProgressReport,
    ReleaseAnswer,
    ReleaseRequest,
    SecretRequest,
    SecretValue,
    WorkerAck,
)

WORKER_API = "/v1/worker"
RETRY_PAUSES = (0.5, 1.0, 2.0)


def _raise_for(response: httpx.Response, ref: str) -> None:
    """Turn the control plane's error answers back into domain errors."""
    if response.is_success:
        return
    try:
        message = response.json()["error"]["message"]
    except (ValueError, KeyError, TypeError):
        message = response.text[:500] or response.reason_phrase
    status = response.status_code
    if status == 401:
        raise Unauthenticated(message)
    if status == 403:
        raise Forbidden(message)
    if status == 404:
        raise NotFound("job", ref)
    if status == 409:
        raise Conflict(message)
    if status == 422:
        raise Invalid(message)
    error = DatalinxError(f"control plane answered {status}: {message}")
    error.status_code = status
    raise error


class HttpQueue:
    """`JobQueue` over the control plane's /v1/worker API."""

    def __init__(self, base_url: str, token: str, *, timeout: float = 30.0, transport: Any = None) -> None:
        self.timeout = timeout
        self.client = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={"Authorization": f"Bearer {token}", "User-Agent": "datalinx-worker"},
            timeout=timeout,
            transport=transport,
        )

    def _post(self, path: str, body: Any, *, ref: str = "", timeout: float | None = None, retry: bool = True) -> Any:
        """POST to the worker API; a dropped connection is retried a few times (a repeat has no further effect)."""
        for pause in (*RETRY_PAUSES, None):
            try:
                response = self.client.post(
                    WORKER_API + path,
                    content=body.model_dump_json(),
                    headers={"Content-Type": "application/json"},
                    timeout=timeout or self.timeout,
                )
                break
            except httpx.TransportError:
                if pause is None or not retry:
                    raise
                time.sleep(pause)
        _raise_for(response, ref)
        return response.json()

    def _ack(self, path: str, body: Any, *, ref: str) -> JobStatus:
        return WorkerAck.model_validate(self._post(path, body, ref=ref)).status

    def lease(self, *, worker: str, limit: int, kinds: Sequence[str], wait_seconds: float = 0.0) -> list[LeasedJob]:
        request = LeaseRequest(worker=worker, limit=limit, kinds=list(kinds), wait_seconds=wait_seconds)
        # Not retried here: the worker's lease loop retries with its own backoff.
        answer = self._post("/lease", request, timeout=self.timeout + wait_seconds, retry=False)
        return LeaseBatch.model_validate(answer).jobs

    def heartbeat(self, leases: Sequence[LeaseRef]) -> list[LeaseState]:
        answer = self._post("/heartbeat", HeartbeatRequest(leases=list(leases)))
        return HeartbeatAnswer.model_validate(answer).states

    def progress(self, lease: LeaseRef, fraction: float, message: str | None) -> LeaseState:
        report = ProgressReport(lease_token=lease.lease_token, progress=fraction, message=message)
        return LeaseState.model_validate(self._post(f"/jobs/{lease.job_id}/progress", report, ref=lease.job_id))

    def complete(self, lease: LeaseRef, result: dict[str, Any]) -> JobStatus:
        return self._ack(
            f"/jobs/{lease.job_id}/complete",
            JobCompletion(lease_token=lease.lease_token, result=result),
            ref=lease.job_id,
        )

    def complete_many(self, items: Sequence[tuple[LeaseRef, dict[str, Any]]]) -> list[JobStatus | None]:
        statuses: list[JobStatus | None] = []
        for lease, result in items:
            try:
                statuses.append(self.complete(lease, result))
            except (Conflict, NotFound):
                statuses.append(None)
        return statuses

    def fail(self, lease: LeaseRef, error: str, *, retryable: bool = True, cancelled: bool = False) -> JobStatus:
        failure = JobFailure(
            lease_token=lease.lease_token, error=error[:10_000], retryable=retryable, cancelled=cancelled
        )
        return self._ack(f"/jobs/{lease.job_id}/fail", failure, ref=lease.job_id)

    def secret(self, lease: LeaseRef, secret_id: str) -> str:
        request = SecretRequest(lease_token=lease.lease_token, secret_id=secret_id)
        return SecretValue.model_validate(self._post(f"/jobs/{lease.job_id}/secret", request, ref=lease.job_id)).value

    def release(self, leases: Sequence[LeaseRef]) -> list[str]:
        return ReleaseAnswer.model_validate(self._post("/release", ReleaseRequest(leases=list(leases)))).released

    def wake(self) -> None:
        """A waiting lease ends on the control plane's side within its wait."""

    def close(self) -> None:
        self.client.close()
