"""Queue metrics on /metrics: depth by status, durations and failures by kind."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

from datalinx.core.runtime import Runtime
from datalinx.dao import jobs as jobs_dao

QUEUE_DEPTH = Gauge("datalinx_jobs", "Jobs waiting or running, by status", ["status"])
DURATION = Histogram(
    "datalinx_job_duration_seconds",
    "Time from a job's last start to its end, by kind",
    ["kind", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600),
)
FAILURES = Counter("datalinx_job_failures_total", "Jobs failed for good, by kind", ["kind"])
RETRIES = Counter("datalinx_job_retries_total", "Failed attempts scheduled again, by kind", ["kind"])


def refresh_queue_depth(runtime: Runtime) -> None:
    """Read the queue depth from the system DB (called when /metrics is scraped)."""
    with runtime.db.transaction() as session:
        counts = jobs_dao.count_unfinished(session)
    for status in ("queued", "running"):
        QUEUE_DEPTH.labels(status).set(counts.get(status, 0))
