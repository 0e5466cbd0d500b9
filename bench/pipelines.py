"""Time a dedupe + join + aggregate pipeline on the Polars engine against the same logic hand-written in Polars.

The orders (with ~5% exact duplicate rows) are deduplicated, joined to customers, filtered, given a month and summed
per country and month, then written to Parquet by a sink. The DuckDB engine runs the same DAG (for information).
Each measurement runs in its own subprocess so its peak memory (RSS) is its own; runs take turns and medians show.
Usage: python bench/pipelines.py [--rows 10000000] [--customers 1000000] [--how inner|left] [--repeat 3]
"""

# ruff: noqa: E402  (the sys.path fix below must run before the other imports)
from __future__ import annotations

import sys
from pathlib import Path

# bench/queue.py would shadow the standard library's `queue` for scripts run from this folder.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import datetime as dt
import json
import subprocess
import tempfile
import time
from typing import Any

import numpy as np
import polars as pl
from polars.testing import assert_frame_equal

HERE = Path(__file__).resolve().parent.parent
STATUSES = ["shipped", "pending", "cancelled", "returned", "delivered"]
SEGMENTS = ["consumer", "small_business", "enterprise", "public"]
COUNTRIES = [f"{a}{b}" for a in "ABCDEFGH" for b in "XYZQW"]  # 40 codes
KINDS = ["hand", "polars", "duckdb"]
LABELS = {
    "hand": "hand-written Polars (lazy, sink_parquet)",
    "polars": "datalinx DAG on the Polars engine",
    "duckdb": "datalinx DAG on the DuckDB engine",
}


def make_orders(rows: int, customers: int, seed: int = 0) -> pl.DataFrame:
    """`rows` orders, about 5% of them exact copies of another row, shuffled; some amounts null."""
    rng = np.random.default_rng(seed)
    distinct = rows - rows // 20
    start = int(dt.datetime(2022, 1, 1, tzinfo=dt.UTC).timestamp()) * 1_000_000
    amount = rng.lognormal(3.5, 1.0, distinct).round(2)
    frame = pl.DataFrame(
        {
            "order_id": np.arange(1, distinct + 1, dtype=np.int64),
            # A few customers have no row in the customers table: the inner join drops their orders.
            "customer_id": rng.integers(1, int(customers * 1.02) + 1, distinct, dtype=np.int64),
            "amount": pl.Series(amount).set(pl.Series(rng.random(distinct) < 0.03), None),
            "status": pl.Series(rng.integers(0, len(STATUSES), distinct)).replace_strict(
                dict(enumerate(STATUSES)), return_dtype=pl.String
            ),
            "ordered_at": pl.Series(start + rng.integers(0, 3 * 365 * 86_400, distinct) * 1_000_000).cast(
                pl.Datetime("us")
            ),
        }
    )
    copies = frame[rng.integers(0, distinct, rows - distinct)]
    return pl.concat([frame, copies])[rng.permutation(rows)]


def make_customers(rows: int, seed: int = 1) -> pl.DataFrame:
    """Customers 1..`rows` with a country (1% unknown) and a segment."""
    rng = np.random.default_rng(seed)
    country = pl.Series(rng.integers(0, len(COUNTRIES), rows)).replace_strict(
        dict(enumerate(COUNTRIES)), return_dtype=pl.String
    )
    return pl.DataFrame(
        {
            "customer_id": np.arange(1, rows + 1, dtype=np.int64),
            "country": country.set(pl.Series(rng.random(rows) < 0.01), None),
            "segment": pl.Series(rng.integers(0, len(SEGMENTS), rows)).replace_strict(
                dict(enumerate(SEGMENTS)), return_dtype=pl.String
            ),
        }
    )


def definition(how: str) -> dict[str, Any]:
    """The pipeline as a datalinx DAG."""
    nodes = [
        {"id": "orders", "kind": "source", "dataset": "orders"},
        {"id": "customers", "kind": "source", "dataset": "customers"},
        {"id": "unique_orders", "kind": "deduplicate"},
        {"id": "with_customer", "kind": "join", "how": how, "on": ["customer_id"]},
        {"id": "not_cancelled", "kind": "filter", "condition": "status != 'cancelled'"},
        {"id": "with_month", "kind": "derive", "columns": {"month": "date_trunc('month', ordered_at)"}},
        {
            "id": "by_country_month",
            "kind": "aggregate",
            "group_by": ["country", "month"],
            "aggregations": [
                {"function": "sum", "column": "amount", "alias": "revenue"},
                {"function": "mean", "column": "amount", "alias": "mean_amount"},
                {"function": "count", "alias": "orders"},
            ],
        },
        {"id": "out", "kind": "sink_dataset", "dataset": "revenue_by_country_month"},
    ]
    edges = [
        ("orders", "unique_orders", None),
        ("unique_orders", "with_customer", "left"),
        ("customers", "with_customer", "right"),
        ("with_customer", "not_cancelled", None),
        ("not_cancelled", "with_month", None),
        ("with_month", "by_country_month", None),
        ("by_country_month", "out", None),
    ]
    return {"nodes": nodes, "edges": [{"source": s, "target": t, "port": p} for s, t, p in edges]}


def hand_written(orders: Path, customers: Path, how: str, out: Path) -> None:
    """The same pipeline as one would write it directly in Polars."""
    (
        pl.scan_parquet(orders)
        .unique()
        .join(pl.scan_parquet(customers), on="customer_id", how=how)
        .filter(pl.col("status") != "cancelled")
        .with_columns(pl.col("ordered_at").dt.truncate("1mo").alias("month"))
        .group_by("country", "month")
        .agg(
            pl.col("amount").sum().alias("revenue"),
            pl.col("amount").mean().alias("mean_amount"),
            pl.len().cast(pl.Int64).alias("orders"),
        )
        .sink_parquet(out)
    )


def run_dag(engine: str, orders: Path, customers: Path, how: str, out: Path) -> None:
    """Validate and run the DAG on `engine` as the server would, then move the sink's output to `out`."""
    from datalinx.core.pipelines.local import execute

    work = out.with_suffix(".work")
    report = execute(definition(how), {"orders": orders, "customers": customers}, work, engine=engine)
    (work / report.outputs[0].path).replace(out)


def _peak_mb() -> float:
    """This process's peak resident memory. Not getrusage: on Linux its maxrss survives exec from the parent."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _child(kind: str, folder: Path, how: str) -> None:
    """Run one measurement in this (child) process and print its result as JSON; imports are not timed."""
    # Every child imports the same modules before the clock starts, so no timing includes them.
    import duckdb  # noqa: F401

    from datalinx.core.pipelines import runner, validation  # noqa: F401
    from datalinx.core.pipelines.engines import duckdb_plan, polars_plan  # noqa: F401

    orders, customers, out = folder / "orders.parquet", folder / "customers.parquet", folder / f"out_{kind}.parquet"
    started, cpu = time.perf_counter(), time.process_time()
    if kind == "hand":
        hand_written(orders, customers, how, out)
    else:
        run_dag(kind, orders, customers, how, out)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    rows = pl.scan_parquet(out).select(pl.len()).collect().item()
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mb": _peak_mb(), "rows": rows}))


def _run(kind: str, folder: Path, how: str) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--folder", str(folder), "--how", how]
    done = subprocess.run(command, capture_output=True, text=True, cwd=HERE)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(folder: Path, how: str, repeat: int) -> dict[str, dict]:
    """Run the measurements in turns (hand, polars, duckdb, hand...) so a busy moment hits all; medians per kind."""
    runs: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for _ in range(repeat):
        for kind in KINDS:
            result = _run(kind, folder, how)
            if "error" in result:
                return {k: result for k in KINDS}
            runs[kind].append(result)
    out = {}
    for kind in KINDS:
        ordered = sorted(runs[kind], key=lambda run: run["seconds"])
        out[kind] = {**ordered[len(ordered) // 2], "runs": [round(run["seconds"], 2) for run in runs[kind]]}
    return out


def check_outputs(folder: Path) -> None:
    """Every engine's output holds the hand-written rows (sums and means equal up to rounding)."""
    keys = ["country", "month"]
    expected = pl.read_parquet(folder / "out_hand.parquet").sort(keys, nulls_last=True)
    for kind in KINDS[1:]:
        got = pl.read_parquet(folder / f"out_{kind}.parquet").sort(keys, nulls_last=True)
        assert_frame_equal(got, expected, check_exact=False, rel_tol=1e-9)
    print(f"outputs checked equal: {expected.height:,} rows of {', '.join(expected.columns)}")


def table(title: str, results: dict[str, dict]) -> None:
    """Print measurements with their ratio to the hand-written Polars run (CPU seconds: all threads, less noisy)."""
    hand = results["hand"]
    header = f"{'what':<44} {'seconds':>8} {'peak RSS MB':>12} {'x hand-written':>15} {'CPU s':>7}  runs (s)"
    print(f"\n{title}\n{header}")
    for kind in KINDS:
        result = results[kind]
        if "error" in result:
            print(f"{LABELS[kind]:<44} failed: {result['error']}")
            continue
        ratio = result["seconds"] / hand["seconds"] if "seconds" in hand else float("nan")
        runs = ", ".join(str(r) for r in result.get("runs", []))
        figures = f"{result['seconds']:>8.2f} {result['peak_mb']:>12.0f} {ratio:>15.2f} {result['cpu_seconds']:>7.1f}"
        print(f"{LABELS[kind]:<44} {figures}  {runs}")


def main() -> None:
    """Generate the files, run each measurement, check the outputs agree, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000_000, help="orders, duplicates included")
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--how", choices=["inner", "left"], default="inner", help="how orders join customers")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is shown")
    parser.add_argument("--child")
    parser.add_argument("--folder")
    args = parser.parse_args()
    if args.child:
        _child(args.child, Path(args.folder), args.how)
        return
    with tempfile.TemporaryDirectory(prefix="datalinx-bench-") as folder:
        started = time.perf_counter()
        make_orders(args.rows, args.customers).write_parquet(Path(folder) / "orders.parquet")
        make_customers(args.customers).write_parquet(Path(folder) / "customers.parquet")
        size = sum(p.stat().st_size for p in Path(folder).glob("*.parquet")) / 2**20
        print(
            f"generated {args.rows:,} orders and {args.customers:,} customers, {size:.0f} MB Parquet"
            f" in {time.perf_counter() - started:.1f} s"
        )
        results = measure(Path(folder), args.how, args.repeat)
        if "error" not in results["hand"]:
            check_outputs(Path(folder))
        table(f"{args.rows:,} orders, {args.how} join, {args.repeat} runs each", results)
        print("\naim: the Polars engine within 1.2x the hand-written Polars")


if __name__ == "__main__":
    main()
