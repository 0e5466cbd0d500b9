"""Remote workers: token administration, and the worker protocol (lease, heartbeat, progress, complete).

The protocol routes take a `dlxw_` worker token instead of a principal's credentials; the worker is
confined to its token's workspaces, and a lease can only be reported on with its own lease token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials

from datalinx.api.deps import CallerDep, RuntimeDep, bearer, permission, request_meta
from datalinx.core.auth.permissions import Permission as P
from datalinx.core.jobs import tokens
from datalinx.core.jobs.queue import DbQueue
from datalinx.core.jobs.schemas import (
    HeartbeatAnswer,
    HeartbeatRequest,
    JobCompletion,
    JobFailure,
    LeaseBatch,
    LeaseRef,
    LeaseRequest,
    LeaseState,
    ProgressReport,
    ReleaseAnswer,
    ReleaseRequest,
    SecretRequest,
    SecretValue,
    WorkerAck,
    WorkerTokenCreate,
    WorkerTokenCreated,
    WorkerTokenRead,
)
from datalinx.core.jobs.tokens import WorkerIdentity
from datalinx.core.schemas import ListQuery, PageOut

router = APIRouter(tags=["workers"])


@router.post("/worker-tokens", status_code=201, openapi_extra=permission(P.WORKER_MANAGE))
def create_worker_token(caller: CallerDep, body: WorkerTokenCreate) -> WorkerTokenCreated:
    """Create a remote worker token for chosen workspaces; the token is shown in this answer only."""
    return caller.run(tokens.create_worker_token, body)


@router.get("/worker-tokens", openapi_extra=permission(P.WORKER_MANAGE))
def list_worker_tokens(caller: CallerDep, query: Annotated[ListQuery, Query()]) -> PageOut[WorkerTokenRead]:
    """Worker tokens of the caller's org (never their secrets)."""
    return caller.run(tokens.list_worker_tokens, query)


@router.delete("/worker-tokens/{token_id}", openapi_extra=permission(P.WORKER_MANAGE))
def revoke_worker_token(caller: CallerDep, token_id: str) -> WorkerTokenRead:
    """Revoke a worker token."""
    return caller.run(tokens.revoke_worker_token, token_id)


@dataclass(frozen=True)
class RemoteWorker:
    """An authenticated worker and the queue limited to its workspaces."""

    identity: WorkerIdentity
    queue: DbQueue

    def owner(self, worker: str) -> str:
        return f"{self.identity.name}/{worker}"


async def get_worker(
    request: Request,
    runtime: RuntimeDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> RemoteWorker:
    """The worker behind the request's `dlxw_` token (401 otherwise)."""
    token = credentials.credentials if credentials else None
    meta = request_meta(request, "worker")
    identity = await anyio.to_thread.run_sync(lambda: tokens.authenticate_worker(runtime, token, meta))
    return RemoteWorker(identity=identity, queue=DbQueue(runtime, identity.queue_scope))


WorkerDep = Annotated[RemoteWorker, Depends(get_worker)]
WORKER_AUTH = {"x-auth": "worker-token"}


@router.post("/worker/lease", openapi_extra=WORKER_AUTH)
async def lease(worker: WorkerDep, body: LeaseRequest) -> LeaseBatch:
    """Lease due jobs of the worker's workspaces, waiting up to `wait_seconds` for one."""
    owner = worker.owner(body.worker)
    jobs = await worker.queue.lease_async(
        worker=owner, limit=body.limit, kinds=body.kinds, wait_seconds=body.wait_seconds
    )
    return LeaseBatch(jobs=jobs)


@router.post("/worker/heartbeat", openapi_extra=WORKER_AUTH)
def heartbeat(worker: WorkerDep, body: HeartbeatRequest) -> HeartbeatAnswer:
    """Extend the worker's leases; says which were lost and which jobs were asked to cancel."""
    return HeartbeatAnswer(states=worker.queue.heartbeat(body.leases))


@router.post("/worker/jobs/{job_id}/progress", openapi_extra=WORKER_AUTH)
def progress(worker: WorkerDep, job_id: str, body: ProgressReport) -> LeaseState:
    """Report a leased job's progress; 409 when the lease token no longer holds the job."""
    return worker.queue.progress(LeaseRef(job_id=job_id, lease_token=body.lease_token), body.progress, body.message)


@router.post("/worker/jobs/{job_id}/complete", openapi_extra=WORKER_AUTH)
def complete(worker: WorkerDep, job_id: str, body: JobCompletion) -> WorkerAck:
    """Complete a leased job with its result; 409 when the lease token no longer holds the job."""
    status = worker.queue.complete(LeaseRef(job_id=job_id, lease_token=body.lease_token), body.result)
    return WorkerAck(job_id=job_id, status=status)


@router.post("/worker/jobs/{job_id}/fail", openapi_extra=WORKER_AUTH)
def fail(worker: WorkerDep, job_id: str, body: JobFailure) -> WorkerAck:
    """Report a failed attempt (retried with backoff while attempts remain) or a stop after cancellation."""
    ref = LeaseRef(job_id=job_id, lease_token=body.lease_token)
    status = worker.queue.fail(ref, body.error, retryable=body.retryable, cancelled=body.cancelled)
    return WorkerAck(job_id=job_id, status=status)


@router.post("/worker/jobs/{job_id}/secret", openapi_extra=WORKER_AUTH)
def secret(worker: WorkerDep, job_id: str, body: SecretRequest) -> SecretValue:
    """A secret of a leased job's workspace (a connection password); 409 when the lease is no longer held."""
    return SecretValue(value=worker.queue.secret(LeaseRef(job_id=job_id, lease_token=body.lease_token), body.secret_id))


@router.post("/worker/release", openapi_extra=WORKER_AUTH)
def release(worker: WorkerDep, body: ReleaseRequest) -> ReleaseAnswer:
    """Give leases back unrun (worker shutdown); the jobs return to the queue."""
    return ReleaseAnswer(released=worker.queue.release(body.leases))
