"""The quality scan: profile a Parquet file, find issues per dimension, score them, and explain its missing values."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np
import polars as pl
from threadpoolctl import threadpool_limits

from datalinx.core.datasets.columns import dtype_name
from datalinx.core.errors import Invalid
from datalinx.core.quality import missingness, ml
from datalinx.core.quality.context import Candidate, ScanContext
from datalinx.core.quality.dimensions import accuracy, completeness, consistency, relations, uniqueness, validity
from datalinx.core.quality.frame_rules import exact_duplicate_mask
from datalinx.core.quality.frames import analysable, sample_rows
from datalinx.core.quality.profiles import QUANTILE_ROWS, profile_columns
from datalinx.core.quality.rows import examples, failing_rows
from datalinx.core.quality.rules import evaluate, parse_dates
from datalinx.core.quality.schemas import IssueReport, MissingnessReport, ScanConfig, ScanReport, Severity
from datalinx.core.quality.score import Scored, score

__all__ = ["failing_rows", "scan_frame", "scan_parquet"]

PROFILE_SAMPLE = 20_000  # rows used to infer semantic types, patterns, formats and cross-column rules
SEVERITIES: tuple[Severity, ...] = ("low", "medium", "high", "critical")
Progress = Callable[[float, str], None]


class _Clock:
    """Seconds per stage, and progress reports as stages finish."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress, self.started = progress, time.perf_counter()
        self.timings: dict[str, float] = {}
        self.last = self.started

    def done(self, stage: str, fraction: float, message: str) -> None:
        """Record the time since the last stage and report progress."""
        now = time.perf_counter()
        self.timings[stage] = round(now - self.last, 4)
        self.last = now
        if self.progress:
            self.progress(fraction, message)


def scan_parquet(path: Path, *, config: ScanConfig | None = None, progress: Progress | None = None) -> ScanReport:
    """Scan one Parquet file: profiles, issues with impact and rules, dimension and column scores, missingness."""
    if progress:
        progress(0.0, f"reading {Path(path).name}")
    started = time.perf_counter()
    try:
        frame = pl.read_parquet(path)
    except (OSError, pl.exceptions.PolarsError) as error:
        raise Invalid(f"cannot read Parquet file {Path(path).name}: {error}", field="path") from error
    report = scan_frame(frame, config=config, progress=progress)
    report.timings = {"read": round(time.perf_counter() - started - report.timings["total"], 4), **report.timings}
    report.timings["total"] = round(time.perf_counter() - started, 4)
    return report


def scan_frame(
    frame: pl.DataFrame, *, config: ScanConfig | None = None, progress: Progress | None = None
) -> ScanReport:
    """Scan an in-memory frame (what `scan_parquet` does once the file is read)."""
    config = config or ScanConfig()
    _check_config(frame, config)
    clock = _Clock(progress)
    original = frame.schema
    frame = analysable(frame)
    if progress:
        progress(0.05, f"{frame.height:,} rows read; profiling {frame.width} columns")
    sample = frame[sample_rows(frame.height, PROFILE_SAMPLE, config.seed)]
    # Work that does not wait for the profiles runs on a background thread beside the main one (Polars, NumPy and
    # SciPy release the GIL, and the main thread alone leaves a core idle much of the time): first the exact
    # duplicates, which need nothing, then the missingness tests and near duplicates, which need the profiles.
    shared: dict[str, np.ndarray] = {}
    # One BLAS thread for the whole scan (a process-wide setting, so set once here): the missingness tests' matrix
    # products run beside Polars, and OpenBLAS threads waiting for a busy core made them 5x slower.
    with threadpool_limits(1), ThreadPoolExecutor(max_workers=1, thread_name_prefix="quality-background") as pool:
        duplicates = pool.submit(exact_duplicate_mask, frame, shared)
        counts: dict[str, pl.DataFrame] = {}
        profiles = {p.name: p for p in profile_columns(frame, sample, counts)}
        for name, profile in profiles.items():
            profile.dtype = dtype_name(original[name])  # the stored type, not the stand-in the checks read
        ctx = ScanContext(frame=frame, sample=sample, config=config, profiles=profiles, counts=counts)
        if frame.height > QUANTILE_ROWS:
            ctx.notes.append(f"quantiles estimated on a {QUANTILE_ROWS:,}-row sample (minimum and maximum exact)")
        ctx.keys = uniqueness.key_columns(ctx)
        ctx.label, ctx.split = ml.detect_label(ctx), ml.detect_split(ctx)
        validity.date_formats(ctx)
        _date_ranges(ctx)
        clock.done("profile", 0.3, "profiles done; looking for issues")
        missing = pool.submit(_timed, missingness.analyse, ctx)
        found = _find_issues(ctx, clock, pool, duplicates, shared)
        reports, seconds = missing.result()
    scores = score(
        [Scored(c.dimension, c.score_columns or c.columns, rows) for c, rows in found],
        rows=frame.height,
        columns=frame.columns,
        weights=config.weights,
        has_label=ctx.label is not None,
    )
    issues = [_issue(ctx, c, rows, impact) for (c, rows), impact in zip(found, scores.impacts, strict=True)]
    issues.sort(key=lambda i: (-i.impact, -i.affected_rows, i.id))
    clock.done("score", 1.0, f"scan finished: {len(issues)} issues")
    clock.timings["missingness"] = seconds
    clock.timings["total"] = round(time.perf_counter() - clock.started, 4)
    return ScanReport(
        rows=frame.height,
        columns=frame.width,
        score=scores.score,
        dimensions=scores.dimensions,
        column_scores=scores.columns,
        profiles=list(profiles.values()),
        issues=issues,
        missingness=reports,
        label_column=ctx.label,
        split_column=ctx.split,
        key_columns=ctx.keys,
        timings=clock.timings,
        notes=list(dict.fromkeys(ctx.notes)),
        config=config,
    )


def _find_issues(
    ctx: ScanContext, clock: _Clock, pool: ThreadPoolExecutor, duplicates: Future, shared: dict[str, np.ndarray]
) -> list[tuple[Candidate, np.ndarray]]:
    """Every check's candidates, evaluated in one pass; label errors last (they skip label conflicts' rows)."""
    candidates: list[Candidate] = []
    for module in (completeness, uniqueness, validity, consistency, relations, accuracy, ml):
        candidates += module.detect(ctx)
    clock.done("detect", 0.35, f"{len(candidates)} checks to run")
    # Near duplicates work on their own sample: queue them behind the missingness tests on the background thread.
    aside = [c for c in candidates if c.rule["check"] == "near_duplicate"]
    rest = [c for c in candidates if c.rule["check"] != "near_duplicate"]
    later = pool.submit(evaluate, ctx.frame, [c.rule for c in aside])
    duplicates.result()  # the exact-duplicate mask, started first, is in `shared` for both duplicate checks
    rows = evaluate(ctx.frame, [c.rule for c in rest], cache=shared, blank_free=ctx.blank_free())
    found = list(zip(rest, rows, strict=True))
    found += list(zip(aside, later.result(), strict=True))
    clock.done("checks", 0.7, "checks done")
    if ctx.label and ctx.config.label_errors:
        conflicts = [rows for c, rows in found if c.type == "label_conflict"]
        errors = ml.label_errors(ctx, np.concatenate(conflicts) if conflicts else np.empty(0, dtype=np.int64))
        if errors is not None:
            errors.rule["label"] = ctx.label
            found.append((errors, np.asarray(errors.rule["rows"], dtype=np.int64)))
        clock.done("label_errors", 0.85, "label errors checked")
    return [(c, rows) for c, rows in found if rows.size]


def _timed(function: Callable[[ScanContext], list[MissingnessReport]], ctx: ScanContext) -> tuple[list, float]:
    started = time.perf_counter()
    return function(ctx), round(time.perf_counter() - started, 4)


def _check_config(frame: pl.DataFrame, config: ScanConfig) -> None:
    """Refuse, before any work, a configuration naming columns or reference files that do not exist."""
    columns = set(frame.columns)
    named = {"label_column": [config.label_column], "split_column": [config.split_column]}
    named["key_columns"] = list(config.key_columns or [])
    named["foreign_keys"] = [fk.column for fk in config.foreign_keys]
    for field, names in named.items():
        for name in names:
            if name is not None and name not in columns:
                raise Invalid(f"{field}: no column named '{name}'", field=field)
    for fk in config.foreign_keys:
        try:
            referenced = pl.read_parquet_schema(fk.reference)
        except (OSError, pl.exceptions.PolarsError) as error:
            raise Invalid(f"foreign_keys: cannot read {fk.reference}: {error}", field="foreign_keys") from error
        if fk.reference_column not in referenced:
            raise Invalid(f"foreign_keys: {fk.reference} has no column '{fk.reference_column}'", field="foreign_keys")


def _date_ranges(ctx: ScanContext) -> None:
    for name, formats in ctx.date_formats.items():
        parsed = ctx.sample.select(parse_dates(name, formats).alias("d")).to_series().drop_nulls()
        if parsed.len():
            ctx.profiles[name].date_range = (parsed.min().isoformat(), parsed.max().isoformat())  # type: ignore[union-attr]


def _severity(base: Severity, fraction: float) -> Severity:
    level = SEVERITIES.index(base)
    if fraction > 0.05:
        level += 1
    if fraction > 0.25 and base == "high":
        level += 1
    return SEVERITIES[min(level, len(SEVERITIES) - 1)]


def _issue(ctx: ScanContext, candidate: Candidate, rows: np.ndarray, impact: float) -> IssueReport:
    fraction = rows.size / max(ctx.rows, 1)
    digest = hashlib.sha1(json.dumps([candidate.type, candidate.rule], sort_keys=True, default=str).encode())
    return IssueReport(
        id=f"{candidate.type}-{digest.hexdigest()[:8]}",
        type=candidate.type,
        dimension=candidate.dimension,
        columns=candidate.columns,
        severity=_severity(candidate.severity, fraction),
        affected_rows=int(rows.size),
        affected_fraction=round(fraction, 6),
        message=f"{rows.size:,} rows ({fraction:.2%}): {candidate.message}",
        examples=examples(ctx.frame, rows, candidate.rule, candidate.columns),
        impact=impact,
        fix=candidate.fix,
        suggestion=candidate.suggestion,
        rule=candidate.rule,
    )
