"""Upload a large CSV through the REST API; compare with polars read_csv + write_parquet on the same file.

Prints throughput and the server's peak memory. Usage: python bench/ingest.py [--size-mb 1024]
"""

# ruff: noqa: E402  (the sys.path fix below must run before the other imports)
from __future__ import annotations

import sys
from pathlib import Path

# bench/queue.py would shadow the standard library's `queue` for scripts run from this folder.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import os
import resource
import socket
import subprocess
import tempfile
import time

import httpx
import polars as pl

HERE = Path(__file__).resolve().parent.parent


def make_csv(path: Path, size_mb: int) -> int:
    """Write a realistic mixed-type CSV of about `size_mb` megabytes; returns its rows."""
    block_rows = 200_000
    block = pl.DataFrame(
        {
            "order_id": range(block_rows),
            "customer": [f"customer-{n % 5000:05d}" for n in range(block_rows)],
            "email": [f"user{n % 7919}@example.com" for n in range(block_rows)],
            "country": [("DE", "FR", "US", "GB", "NL")[n % 5] for n in range(block_rows)],
            "quantity": [n % 17 for n in range(block_rows)],
            "unit_price": [round((n % 1000) * 0.37, 2) for n in range(block_rows)],
            "order_date": [f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}" for n in range(block_rows)],
            "status": [("paid", "shipped", "returned")[n % 3] for n in range(block_rows)],
            "note": [("", "gift", "express delivery please")[n % 3] for n in range(block_rows)],
        }
    )
    rows = 0
    with open(path, "wb") as handle:
        block.write_csv(handle)
        rows += block_rows
        while handle.tell() < size_mb * 1024 * 1024:
            shifted = block.with_columns(pl.col("order_id") + rows)
            shifted.write_csv(handle, include_header=False)
            rows += block_rows
    return rows


def baseline(path: Path) -> tuple[float, float]:
    """Seconds and peak MB of polars read_csv + write_parquet in a fresh process."""
    code = (
        "import sys, time, resource, polars as pl\n"
        "t = time.perf_counter()\n"
        f"pl.read_csv({str(path)!r}).write_parquet({str(path)!r} + '.parquet')\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    Path(str(path) + ".parquet").unlink(missing_ok=True)
    return float(out[0]), float(out[1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def through_api(path: Path, home: Path) -> tuple[float, float, float, int]:
    """Seconds, server peak MB before and after, and rows stored, for one upload through POST /v1/datasets."""
    env = {
        **os.environ,
        "DATALINX_HOME": str(home),
        "DATALINX_LOG_LEVEL": "WARNING",
        "DATALINX_WORKERS_IN_PROCESS": "false",
    }
    env.pop("DATALINX_DATABASE_URL", None)
    cli = [sys.executable, "-m", "datalinx.cli"]
    init = subprocess.run(
        [*cli, "init", "--org", "Bench", "--email", "bench@example.com", "--password", "bench-password"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    key = next(line.split(": ", 1)[1] for line in init.stdout.splitlines() if "API key" in line)
    port = free_port()
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        idle = peak_mb(server.pid)
        started = time.perf_counter()
        with open(path, "rb") as handle:
            answer = httpx.post(
                f"{base}/v1/datasets",
                files={"file": (path.name, handle, "text/csv")},
                data={"name": "bench"},
                headers={"Authorization": f"Bearer {key}"},
                timeout=3600,
            )
        elapsed = time.perf_counter() - started
        answer.raise_for_status()
        return elapsed, idle, peak_mb(server.pid), answer.json()["rows"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=int, default=1024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="datalinx-bench-") as folder:
        csv = Path(folder) / "orders.csv"
        rows = make_csv(csv, args.size_mb)
        size_mb = csv.stat().st_size / 1024 / 1024
        base_s, base_mb = baseline(csv)
        api_s, idle_mb, api_mb, stored = through_api(csv, Path(folder) / "home")
    assert stored == rows, f"stored {stored} rows of {rows}"
    print(f"\nCSV: {size_mb:,.0f} MB, {rows:,} rows, 9 columns ({resource.getpagesize()}-byte pages)\n")
    print(f"| {'path':<44} | {'seconds':>8} | {'MB/s':>7} | {'peak MB':>8} |")
    print(f"|{'-' * 46}|{'-' * 10}|{'-' * 9}|{'-' * 10}|")
    print(f"| {'polars read_csv + write_parquet':<44} | {base_s:8.1f} | {size_mb / base_s:7.0f} | {base_mb:8.0f} |")
    print(f"| {'POST /v1/datasets (server process)':<44} | {api_s:8.1f} | {size_mb / api_s:7.0f} | {api_mb:8.0f} |")
    print(f"\nratio to the floor: {api_s / base_s:.2f}x time; server peak {api_mb:.0f} MB (idle {idle_mb:.0f} MB)")


if __name__ == "__main__":
    main()
