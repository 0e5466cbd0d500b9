"""Queue bench: no-op job throughput and pickup latency, on SQLite and PostgreSQL, with 1 and 4 workers.

    .venv/bin/python bench/queue.py [--jobs 3000] [--samples 200] [--postgres URL]

Throughput: `--jobs` no-op jobs are queued first, then an in-process pool with N runner threads drains
them; jobs/s = jobs / (time from pool start to the last job finished). Pickup latency: with the pool idle,
one job is queued at a time; latency = the job's started_at - created_at (both stamped by this process).
PostgreSQL runs in a scratch database created and dropped by the bench; it is skipped when unreachable.
"""

# ruff: noqa: E402  (the sys.path fix below must run before the other imports)
from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and its name would hide the stdlib `queue`.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, func, select, text

from datalinx.config import Settings
from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs.worker import in_process_pool
from datalinx.core.runtime import Runtime
from datalinx.core.tenancy.bootstrap import as_owner, init_platform
from datalinx.dao.models import Job
from datalinx.logging import configure_logging

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@contextmanager
def scratch_database(backend: str, home: Path, pg_url: str) -> Iterator[str]:
    """A fresh, empty system DB URL for one run."""
    if backend == "sqlite":
        yield f"sqlite:///{home / 'bench.db'}"
        return
    name = f"datalinx_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield pg_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def count_done(runtime: Runtime) -> int:
    with runtime.db.transaction() as session:
        return session.scalar(select(func.count()).select_from(Job).where(Job.status == "succeeded")) or 0


def throughput(runtime: Runtime, org: str, workers: int, count: int) -> tuple[float, float]:
    """Seconds to drain `count` queued no-op jobs with `workers` runner threads, and jobs/s."""
    before = count_done(runtime)
    with as_owner(runtime, org, workspace="default") as call:
        for _ in range(count):
            jobs.submit(call, "noop")
    pool = in_process_pool(runtime, concurrency=workers)
    started = time.perf_counter()
    pool.start()
    while count_done(runtime) < before + count:
        time.sleep(0.01)
    elapsed = time.perf_counter() - started
    pool.stop(grace_seconds=5)
    return elapsed, count / elapsed


def pickup_latency(runtime: Runtime, org: str, workers: int, samples: int) -> list[float]:
    """Milliseconds from a job's creation to its lease, one job at a time, the pool idle in between."""
    pool = in_process_pool(runtime, concurrency=workers)
    pool.start()
    time.sleep(0.2)
    latencies = []
    try:
        for _ in range(samples):
            with as_owner(runtime, org, workspace="default") as call:
                job_id = jobs.submit(call, "noop").id
            while True:
                with runtime.db.transaction() as session:
                    job = session.get(Job, job_id)
                    if job is not None and job.status == "succeeded":
                        latencies.append((job.started_at - job.created_at).total_seconds() * 1000)
                        break
                time.sleep(0.002)
            time.sleep(0.02)  # let the pool go idle again
    finally:
        pool.stop(grace_seconds=5)
    return latencies


def run(backend: str, workers: int, args: argparse.Namespace) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        with scratch_database(backend, home, args.postgres) as url:
            settings = Settings(home=home, database_url=url, log_json=False, log_level="WARNING")
            runtime = Runtime.start(settings)
            try:
                init = init_platform(runtime, org_name="Bench", email="bench@example.com", password="bench-password")
                throughput(runtime, init.org_slug, workers, min(200, args.jobs))  # warm up
                seconds, rate = throughput(runtime, init.org_slug, workers, args.jobs)
                latencies = pickup_latency(runtime, init.org_slug, workers, args.samples)
            finally:
                runtime.close()
    cuts = statistics.quantiles(latencies, n=20)
    return {
        "backend": backend,
        "workers": workers,
        "jobs": args.jobs,
        "seconds": seconds,
        "jobs_per_s": rate,
        "p50": statistics.median(latencies),
        "p95": cuts[18],
    }


def postgres_reachable(url: str) -> bool:
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=3000, help="No-op jobs per throughput run.")
    parser.add_argument("--samples", type=int, default=200, help="Jobs timed one by one for pickup latency.")
    parser.add_argument("--postgres", default=DEFAULT_PG, help="An existing PostgreSQL database to create scratch DBs.")
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], action="append", help="Only these backends.")
    args = parser.parse_args()
    configure_logging("WARNING", json=False)
    backends = args.backend or ["sqlite", "postgresql"]
    if "postgresql" in backends and not postgres_reachable(args.postgres):
        print(f"PostgreSQL not reachable at {args.postgres}: skipped", file=sys.stderr)
        backends.remove("postgresql")
    header = f"{'backend':<11}{'workers':>8}{'jobs':>7}{'seconds':>9}{'jobs/s':>9}{'pickup p50 ms':>15}{'p95 ms':>8}"
    print(header)
    print("-" * len(header))
    for backend in backends:
        for workers in (1, 4):
            row = run(backend, workers, args)
            print(
                f"{row['backend']:<11}{row['workers']:>8}{row['jobs']:>7}{row['seconds']:>9.2f}"
                f"{row['jobs_per_s']:>9.0f}{row['p50']:>15.1f}{row['p95']:>8.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
