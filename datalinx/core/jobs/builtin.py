"""Job kinds every installation has: `noop`, which does nothing (for benches and smoke tests)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from datalinx.core.auth.permissions import Permission
from datalinx.core.jobs.context import JobContext
from datalinx.core.jobs.registry import JobKind, register


class NoopPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")

    echo: Any = Field(default=None, description="Returned as the result, unchanged.")


def run_noop(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    """Do nothing and say so."""
    return {"echo": payload.get("echo")}


NOOP = register(
    JobKind(
        name="noop",
        permission=Permission.PIPELINE_RUN,
        run=run_noop,
        payload_model=NoopPayload,
        description="Does nothing; measures the queue itself.",
    )
)
