"""Time a full quality scan of a 1M-row, 50-column Parquet file against the floor (read + describe) and ydata-profiling.

Each measurement runs in its own subprocess so its peak memory (RSS) is its own. CPU time is shown beside the
time: on a shared machine it is the steadier of the two.
Usage: python bench/scan.py [--rows 1000000] [--skip-ydata] [--ydata-rows 100000]
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

import numpy as np
import polars as pl

HERE = Path(__file__).resolve().parent.parent
SYLLABLES = ["ka", "lo", "mi", "ren", "sta", "vo", "ter", "na", "bel", "qui", "dor", "fa", "zen", "pu", "ri", "mon"]


def _words(rng: np.random.Generator, count: int) -> np.ndarray:
    """`count` made-up words of two to four syllables."""
    parts = np.asarray(SYLLABLES)
    words = parts[rng.integers(0, len(parts), count)]
    for extra in range(3):
        more = parts[rng.integers(0, len(parts), count)]
        words = np.where(rng.random(count) < (0.9 if extra == 0 else 0.5), np.char.add(words, more), words)
    return words


def _phrases(rng: np.random.Generator, vocabulary: np.ndarray, rows: int, words: int) -> np.ndarray:
    out = vocabulary[rng.integers(0, vocabulary.size, rows)]
    for _ in range(words - 1):
        out = np.char.add(np.char.add(out, " "), vocabulary[rng.integers(0, vocabulary.size, rows)])
    return out


def make_frame(rows: int, seed: int = 0) -> pl.DataFrame:
    """50 columns: numbers, counts, categories, text, emails, phones, dates, ids, flags, with nulls in ten."""
    rng = np.random.default_rng(seed)
    n = np.arange(rows)
    cols: dict[str, object] = {"row_id": n + 1, "account_ref": [f"AC{i:08d}" for i in n]}
    for i in range(15):
        kind = i % 3
        values = [rng.normal(100, 15, rows), rng.lognormal(3, 0.7, rows), rng.uniform(0, 500, rows)][kind]
        cols[f"amount_{i}" if kind == 1 else f"metric_{i}"] = values.round(3)
    for i in range(5):
        cols[f"count_{i}"] = rng.poisson(3 + i, rows)
    cols["age"] = rng.integers(18, 90, rows)
    for i in range(10):
        levels = [f"level_{chr(97 + j)}{i}" for j in range(3 + 5 * i)]
        cols[f"category_{i}"] = np.asarray(levels)[rng.integers(0, len(levels), rows)]
    vocabulary = np.unique(_words(rng, 3_000))
    for i in range(4):
        cols[f"text_{i}"] = _phrases(rng, vocabulary, rows, 2 + i)
    frame = pl.DataFrame(cols)
    start = dt.date(2015, 1, 1)
    frame = frame.with_columns(
        pl.format(
            "{}.{}@{}.example.com", pl.col("text_0").str.split(" ").list.first(), pl.col("row_id"), pl.col("category_0")
        ).alias("email"),
        pl.format("alt{}@example.org", pl.col("row_id") * 7919 % 1_000_003).alias("email_backup"),
        pl.format("+49 {} {}", pl.col("count_0") + 150, pl.col("row_id") % 9_000_000 + 1_000_000).alias("phone"),
        pl.format(
            "({}) {}-{}", pl.col("count_1") + 200, pl.col("row_id") % 900 + 100, pl.col("row_id") % 9000 + 1000
        ).alias("phone_work"),
        *[
            (pl.lit(start) + pl.duration(days=pl.Series(rng.integers(0, 3650, rows)))).alias(f"date_{i}")
            for i in range(4)
        ],
        (pl.lit(start) + pl.duration(days=pl.Series(rng.integers(0, 3650, rows))))
        .dt.to_string("%Y-%m-%d")
        .alias("day_text"),
        pl.Series("flag_0", rng.random(rows) < 0.3),
        pl.Series("flag_1", rng.random(rows) < 0.5),
        pl.Series("flag_2", rng.random(rows) < 0.05),
        pl.format("{} {} {}", pl.col("text_3"), pl.col("category_3"), pl.col("text_2")).alias("description"),
    )
    nulls = ["metric_0", "amount_1", "metric_2", "count_0", "category_1", "category_2", "text_0", "email", "date_1"]
    frame = frame.with_columns(
        pl.when(pl.Series(rng.random(rows)) < 0.02 * (k + 1)).then(None).otherwise(pl.col(name)).alias(name)
        for k, name in enumerate(nulls)
    )
    assert frame.width == 50, frame.width
    return frame


def _peak_mb() -> float:
    """This process's peak resident memory. Not getrusage: on Linux its maxrss survives exec from the parent."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _child(kind: str, path: str, rows: int) -> None:
    """Run one measurement in this (child) process and print its result as JSON; imports are not timed."""
    extra: dict[str, object] = {}
    if kind == "floor":
        started, cpu = time.perf_counter(), time.process_time()
        frame = pl.read_parquet(path)
        frame.describe()
    elif kind == "scan":
        import sklearn.ensemble  # noqa: F401  (imported by label checks; kept out of the timing like polars)

        from datalinx.core.quality.engine import scan_parquet

        started, cpu = time.perf_counter(), time.process_time()
        report = scan_parquet(Path(path))
        extra = {"issues": len(report.issues), "score": report.score, "timings": report.timings, "notes": report.notes}
    else:
        import pandas as pd
        from ydata_profiling import ProfileReport

        started, cpu = time.perf_counter(), time.process_time()
        sample = pl.read_parquet(path).head(rows)
        # Column by column through NumPy: polars' to_pandas() needs pyarrow, which is not a project dependency.
        frame = pd.DataFrame({name: sample.get_column(name).to_numpy() for name in sample.columns})
        ProfileReport(frame, minimal=True, progress_bar=False).to_json()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": _peak_mb(), **extra}))


def _run(kind: str, path: Path, rows: int) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--path", str(path), "--rows", str(rows)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=HERE)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(kinds: list[str], path: Path, rows: int = 0, repeat: int = 1) -> list[dict]:
    """Run the measurements in turns (floor, scan, floor, scan...) so a busy moment hits both; medians per kind."""
    runs: dict[str, list[dict]] = {kind: [] for kind in kinds}
    for _ in range(repeat):
        for kind in kinds:
            result = _run(kind, path, rows)
            if "error" in result:
                return [result for _ in kinds]
            runs[kind].append(result)
    out = []
    for kind in kinds:
        ordered = sorted(runs[kind], key=lambda run: run["seconds"])
        cpu = sorted(run["cpu"] for run in runs[kind])[len(ordered) // 2]
        out.append({**ordered[len(ordered) // 2], "cpu": cpu, "runs": [round(run["seconds"], 2) for run in runs[kind]]})
    return out


def ydata_available() -> str | None:
    """None when ydata-profiling imports in this interpreter, else why not."""
    done = subprocess.run([sys.executable, "-c", "import ydata_profiling"], capture_output=True, text=True)
    return None if done.returncode == 0 else (done.stderr.strip().splitlines() or ["import failed"])[-1]


def table(title: str, results: list[tuple[str, dict]]) -> None:
    """Print measurements with their ratio to the first one (the floor), in time and in CPU time."""
    floor = results[0][1]
    header = f"{'what':<44} {'seconds':>8} {'peak RSS MB':>12} {'x floor':>8} {'CPU s':>7} {'x floor':>8}  runs (s)"
    print(f"\n{title}\n{header}")
    for label, result in results:
        if "error" in result:
            print(f"{label:<44} failed: {result['error']}")
            continue
        ratio = result["seconds"] / floor["seconds"] if "seconds" in floor else float("nan")
        cpu_ratio = result["cpu"] / floor["cpu"] if "cpu" in floor else float("nan")
        runs = ", ".join(str(r) for r in result.get("runs", []))
        print(
            f"{label:<44} {result['seconds']:>8.2f} {result['peak_mb']:>12.0f} {ratio:>8.2f} "
            f"{result['cpu']:>7.2f} {cpu_ratio:>8.2f}  {runs}"
        )


def main() -> None:
    """Generate the file, run each measurement, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--ydata-rows", type=int, default=100_000)
    parser.add_argument("--skip-ydata", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the floor and the scan; the median is shown")
    parser.add_argument("--child")
    parser.add_argument("--path")
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.path, args.rows)
        return
    with tempfile.TemporaryDirectory(prefix="datalinx-bench-") as folder:
        path = Path(folder) / "wide.parquet"
        started = time.perf_counter()
        frame = make_frame(args.rows)
        frame.write_parquet(path)
        size = path.stat().st_size / 2**20
        print(
            f"generated {args.rows:,} rows x 50 columns, {size:.0f} MB Parquet in {time.perf_counter() - started:.1f} s"
        )
        floor, scan = measure(["floor", "scan"], path, repeat=args.repeat)
        table(
            f"{args.rows:,} rows",
            [("floor: polars read + describe()", floor), ("datalinx scan_parquet (full scan)", scan)],
        )
        if "timings" in scan:
            print("scan stages (s):", ", ".join(f"{k} {v:.2f}" for k, v in scan["timings"].items()))
            print("scan notes:", "; ".join(scan["notes"]), f"| {scan['issues']} issues, score {scan['score']}")
        if args.skip_ydata:
            print("the first rows and ydata-profiling not run: skipped (--skip-ydata)")
        else:
            # ydata-profiling would take minutes on the full file: compare all three on the same first rows instead.
            rows = min(args.ydata_rows, args.rows)
            small = Path(folder) / "sample.parquet"
            frame.head(rows).write_parquet(small)
            del frame
            small_floor, small_scan = measure(["floor", "scan"], small, repeat=args.repeat)
            results = [
                ("floor: polars read + describe()", small_floor),
                ("datalinx scan_parquet (full scan)", small_scan),
            ]
            why = ydata_available()
            if why is None:
                (ydata,) = measure(["ydata"], small, rows)
                results.append(("ydata-profiling, minimal mode", ydata))
            table(f"the first {rows:,} rows of the same data (ydata-profiling runs once)", results)
            if why is not None:
                print(f"ydata-profiling not run: {why}")
        print("\naim: scan within 3x the floor and under 15 s, peak memory under 2 GB")


if __name__ == "__main__":
    main()
