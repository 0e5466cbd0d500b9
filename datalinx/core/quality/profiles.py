"""Column profiles in as few passes as Polars allows: one aggregate select, one list-form quantile call per column."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from datalinx.core.datasets.columns import dtype_name, json_safe
from datalinx.core.quality.schemas import ColumnProfile, Histogram, ValueCount
from datalinx.core.quality.semantic import (
    PLACEHOLDERS,
    infer_semantic_type,
    is_numeric,
    is_temporal,
    pattern_mask,
)

QUANTILES = (0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99)
QUANTILE_NAMES = ("p01", "p05", "p25", "p50", "p75", "p95", "p99")
HISTOGRAM_BINS = 20
TOP_VALUES = 10
PATTERN_SAMPLE = 5_000
CACHED_DISTINCT = 10_000
EXACT_DISTINCT = 10_000
FULL_COUNTS = 200_000  # frames up to this size get full value counts whatever their cardinality
SHORT = 16  # bytes; longer strings are never placeholders


def empty_expr(name: str) -> pl.Expr:
    """True where a string cell is blank or a placeholder such as 'N/A' (nulls are counted apart)."""
    return pl.col(name).str.strip_chars().str.to_lowercase().is_in(PLACEHOLDERS)


def aggregate_stats(frame: pl.DataFrame) -> dict[str, Any]:
    """Null, empty and distinct counts, min/max/mean/std, quantiles and string lengths of all columns in one select."""
    exprs: list[pl.Expr] = []
    for name, dtype in frame.schema.items():
        col = pl.col(name)
        exprs += [col.null_count().alias(f"{name}\0nulls"), col.approx_n_unique().alias(f"{name}\0distinct")]
        if is_numeric(dtype) and dtype != pl.Boolean:
            finite = col.cast(pl.Float64)
            if dtype.is_float():
                finite = finite.filter(finite.is_finite())
            exprs += [
                finite.min().alias(f"{name}\0min"),
                finite.max().alias(f"{name}\0max"),
                finite.mean().alias(f"{name}\0mean"),
                finite.std().alias(f"{name}\0std"),
                finite.quantile(list(QUANTILES)).alias(f"{name}\0quantiles"),
            ]
        elif is_temporal(dtype):
            exprs += [col.min().alias(f"{name}\0min"), col.max().alias(f"{name}\0max")]
        elif dtype == pl.String:
            length = pl.col(f"{name}\0length")
            exprs += [
                length.min().alias(f"{name}\0len_min"),
                length.mean().alias(f"{name}\0len_mean"),
                length.max().alias(f"{name}\0len_max"),
            ]
    # String lengths are computed once per column, then aggregated three ways.
    lengths = [pl.col(n).str.len_chars().alias(f"{n}\0length") for n, d in frame.schema.items() if d == pl.String]
    row = frame.lazy().with_columns(lengths).select(exprs).collect().row(0, named=True) if exprs else {}
    stats: dict[str, dict[str, Any]] = {name: {} for name in frame.columns}
    for key, value in row.items():
        name, stat = key.split("\0")
        stats[name][stat] = value
    for name in frame.columns:
        stats[name]["approximate"] = not _exact(frame, stats[name])
    return stats


def _exact(frame: pl.DataFrame, stats: dict[str, Any]) -> bool:
    return stats["distinct"] <= EXACT_DISTINCT or frame.height <= EXACT_DISTINCT


def second_pass(frame: pl.DataFrame, stats: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Exact distinct counts, blanks, histograms and full value counts, in one query once the first pass is in.

    Distinct counts are exact where cheap (few values or a small frame); blanks of low-cardinality columns come from
    their value counts, elsewhere only short strings can be placeholders so only those are stripped and compared.
    """
    exprs: list[pl.Expr] = []
    for name, dtype in frame.schema.items():
        s, col = stats[name], pl.col(name)
        if _exact(frame, s):
            exprs.append(col.n_unique().alias(f"{name}\0distinct"))
        if s["distinct"] <= CACHED_DISTINCT or frame.height <= FULL_COUNTS:
            counted = col.drop_nulls().alias("value").value_counts(sort=True, name="count")
            exprs.append(counted.implode().alias(f"{name}\0counts"))
        elif dtype == pl.String:
            short = col.filter(col.str.len_bytes() <= SHORT)
            exprs.append(short.str.strip_chars().str.to_lowercase().is_in(PLACEHOLDERS).sum().alias(f"{name}\0empty"))
        if s.get("min") is not None and dtype != pl.Boolean and (is_numeric(dtype) or is_temporal(dtype)):
            values = col.cast(pl.Date).cast(pl.Float64) if is_temporal(dtype) else col.cast(pl.Float64)
            values = values.filter(values.is_finite()) if dtype.is_float() else values
            bins = HISTOGRAM_BINS if s["max"] != s["min"] else 1
            exprs.append(values.hist(bin_count=bins, include_breakpoint=True).implode().alias(f"{name}\0hist"))
    out: dict[str, dict[str, Any]] = {name: {} for name in frame.columns}
    if exprs:
        result = frame.lazy().select(exprs).collect()
        for series in result.iter_columns():
            name, stat = series.name.split("\0")
            value = series[0]
            out[name][stat] = value.to_list() if stat == "hist" else value
    return out


def value_counts(series: pl.Series) -> pl.DataFrame:
    """Non-null values and their counts, most frequent first, as columns 'value' and 'count' (whatever the name)."""
    return series.drop_nulls().rename("value").value_counts(sort=True, name="count")


def top_values(counts: pl.DataFrame, limit: int = TOP_VALUES) -> list[ValueCount]:
    """The most frequent values of a value count frame."""
    return [ValueCount(value=json_safe(value), count=int(count)) for value, count in counts.head(limit).iter_rows()]


def histogram(dtype: pl.DataType, low: Any, bins: list[dict[str, Any]] | None) -> Histogram | None:
    """A histogram from Polars' right-edge bins and the column minimum; date edges as ISO dates."""
    if not bins:
        return None
    right = [b["breakpoint"] for b in bins]
    counts = [int(b["count"]) for b in bins]
    if is_temporal(dtype):
        epoch = dt.date(1970, 1, 1)
        first = (low.date() if isinstance(low, dt.datetime) else low) - epoch
        edges = [(epoch + dt.timedelta(days=round(d))).isoformat() for d in [first.days, *right]]
        return Histogram(edges=edges, counts=counts)
    return Histogram(edges=[round(float(e), 6) for e in [low, *right]], counts=counts)


def patterns(sample: pl.Series, limit: int = TOP_VALUES) -> list[ValueCount]:
    """The most common value shapes ('999-999-9999' vs '(999) 999 9999') in a sample."""
    shapes = pl.DataFrame({"v": sample.drop_nulls().head(PATTERN_SAMPLE)}).select(pattern_mask(pl.col("v")))
    counts = value_counts(shapes.to_series()).head(limit)
    return [ValueCount(value=value, count=int(count)) for value, count in counts.iter_rows()]


def profile_columns(
    frame: pl.DataFrame, sample: pl.DataFrame, counts: dict[str, pl.DataFrame] | None = None
) -> list[ColumnProfile]:
    """A profile of every column; semantic types and patterns come from `sample`, counts from the whole frame.

    Full value counts of low-cardinality columns are left in `counts` for the checks that need them.
    """
    stats = aggregate_stats(frame)
    more = second_pass(frame, stats)
    rows = frame.height
    profiles = []
    for name, dtype in frame.schema.items():
        s = {**stats[name], **more[name]}
        nulls = int(s["nulls"])
        distinct = int(s["distinct"]) - (1 if nulls else 0)
        semantic = infer_semantic_type(name, dtype, sample.get_column(name), distinct, rows - nulls)
        profile = ColumnProfile(
            name=name,
            dtype=dtype_name(dtype),
            semantic_type=semantic,
            count=rows,
            null_count=nulls,
            empty_count=int(s.get("empty") or 0),
            distinct_count=distinct,
            distinct_approximate=bool(s["approximate"]),
        )
        if "quantiles" in s and s["quantiles"] is not None:
            profile.min, profile.max = s["min"], s["max"]
            profile.mean, profile.std = s["mean"], s["std"]
            profile.quantiles = dict(zip(QUANTILE_NAMES, s["quantiles"], strict=True))
            profile.histogram = histogram(dtype, s["min"], s.get("hist"))
        elif is_temporal(dtype):
            profile.min, profile.max = json_safe(s["min"]), json_safe(s["max"])
            profile.date_range = (profile.min, profile.max)
            profile.histogram = histogram(dtype, s["min"], s.get("hist"))
        if dtype == pl.String and s.get("len_max") is not None:
            profile.length = {
                "min": float(s["len_min"]),
                "mean": round(float(s["len_mean"]), 3),
                "max": float(s["len_max"]),
            }
            profile.min, profile.max = None, None
            if semantic not in ("text",):
                profile.patterns = patterns(sample.get_column(name))
        # Counting every value of a near-unique column costs a full group-by and says little: use the sample.
        full = s.get("counts") is not None
        column_counts = s["counts"].struct.unnest() if full else value_counts(sample.get_column(name))
        if dtype == pl.String and full:
            blank = column_counts.filter(pl.col("value").str.strip_chars().str.to_lowercase().is_in(PLACEHOLDERS))
            profile.empty_count = int(blank.get_column("count").sum())
        if full and counts is not None:
            counts[name] = column_counts
        profile.top_values = top_values(column_counts)
        profile.top_values_sample = None if full else sample.height
        profiles.append(profile)
    return profiles
