"""Column profiles in one Polars query: counts, moments, one list-form quantile call per column, histograms."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from datalinx.core.datasets.columns import dtype_name, json_safe
from datalinx.core.quality.frames import sample_rows
from datalinx.core.quality.schemas import ColumnProfile, Histogram, ValueCount
from datalinx.core.quality.semantic import (
    BLANK,
    infer_semantic_type,
    is_numeric,
    is_temporal,
    pattern_mask,
    text_shares,
)

QUANTILES = (0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99)
QUANTILE_NAMES = ("p01", "p05", "p25", "p50", "p75", "p95", "p99")
HISTOGRAM_BINS = 20
TOP_VALUES = 10
PATTERN_SAMPLE = 5_000
QUANTILE_ROWS = 200_000
COUNTED_IN_SAMPLE = 5_000  # columns with at most this many distinct values in the 20,000-row sample are counted
FULL_COUNTS = 200_000  # frames up to this size get full value counts whatever their cardinality


def empty_expr(name: str) -> pl.Expr:
    """True where a string cell is blank or a placeholder such as 'N/A' (nulls are counted apart)."""
    return pl.col(name).str.contains(BLANK)


def _quantile_expr(name: str, dtype: pl.DataType) -> pl.Expr:
    number = pl.col(name).cast(pl.Float64)
    number = number.filter(number.is_finite()) if dtype.is_float() else number
    return number.quantile(list(QUANTILES)).alias(f"{name}\0quantiles")


def _column_exprs(name: str, dtype: pl.DataType, counted: bool, quantiles: bool) -> list[pl.Expr]:
    col = pl.col(name)
    exprs = [col.null_count().alias(f"{name}\0nulls")]
    if counted:
        exprs.append(count_values(col).implode().alias(f"{name}\0counts"))
    else:
        exprs.append(col.approx_n_unique().alias(f"{name}\0distinct"))
    if (is_numeric(dtype) and dtype != pl.Boolean) or is_temporal(dtype):
        number = col.cast(pl.Date).cast(pl.Float64) if is_temporal(dtype) else col.cast(pl.Float64)
        number = number.filter(number.is_finite()) if dtype.is_float() else number
        exprs.append(number.hist(bin_count=HISTOGRAM_BINS, include_breakpoint=True).implode().alias(f"{name}\0hist"))
        # Dates keep their type for min and max; numbers are summarised over their finite values.
        bounded = col if is_temporal(dtype) else number
        exprs += [bounded.min().alias(f"{name}\0min"), bounded.max().alias(f"{name}\0max")]
        if not is_temporal(dtype):
            exprs += [number.mean().alias(f"{name}\0mean"), number.std().alias(f"{name}\0std")]
            if quantiles:
                exprs.append(_quantile_expr(name, dtype))
    elif dtype == pl.String and not counted:  # counted text gets its lengths and blanks from its value counts
        length = pl.col(f"{name}\0length")
        exprs += [
            length.min().alias(f"{name}\0len_min"),
            length.mean().alias(f"{name}\0len_mean"),
            length.max().alias(f"{name}\0len_max"),
            empty_expr(name).sum().alias(f"{name}\0empty"),
        ]
    return exprs


def _lengths(counts: pl.DataFrame) -> dict[str, Any]:
    """Shortest, mean and longest text length from value counts, as the same query over every row gives them."""
    length, count = pl.col("value").str.len_chars().cast(pl.Int64), pl.col("count").cast(pl.Int64)
    found = counts.select(low=length.min(), high=length.max(), total=(length * count).sum(), rows=count.sum())
    low, high, total, rows = found.row(0)
    return {"len_min": low, "len_max": high, "len_mean": total / rows if rows else None}


def column_stats(frame: pl.DataFrame, sample: pl.DataFrame) -> dict[str, dict[str, Any]]:
    """Every column's counts, moments, one list-form quantile call, histogram and lengths, in one query per frame.

    Columns with few distinct values in the sample get exact value counts (and so exact distinct counts and blanks);
    the others a HyperLogLog distinct count, their top values then coming from the sample.
    """
    in_sample = sample.select(pl.all().n_unique()).row(0, named=True) if sample.width else {}
    counted = {n for n in frame.columns if frame.height <= FULL_COUNTS or in_sample[n] <= COUNTED_IN_SAMPLE}
    exact = frame.height <= QUANTILE_ROWS
    exprs = [e for n, d in frame.schema.items() for e in _column_exprs(n, d, n in counted, exact)]
    lengths = [
        pl.col(n).str.len_chars().alias(f"{n}\0length")
        for n, d in frame.schema.items()
        if d == pl.String and n not in counted
    ]
    stats: dict[str, dict[str, Any]] = {name: {} for name in frame.columns}
    if not exprs:
        return stats
    queries = [frame.lazy().with_columns(lengths).select(exprs)]
    numbers = [n for n, d in frame.schema.items() if is_numeric(d) and d != pl.Boolean]
    if not exact and numbers:
        # Quantiles select within each column: a 200,000-row sample gives them to a hundredth of a percentile at a
        # fifth of the cost (min and max stay exact).
        picked = frame.select(numbers)[sample_rows(frame.height, QUANTILE_ROWS, 0)]
        queries.append(picked.lazy().select(_quantile_expr(n, frame.schema[n]) for n in numbers))
    # Both queries at once, side by side on the cores.
    for result in pl.collect_all(queries):
        for series in result.iter_columns():
            name, stat = series.name.split("\0")
            value = series[0]
            stats[name][stat] = value.to_list() if stat == "hist" else value
    for name in frame.columns:
        s = stats[name]
        s["approximate"] = name not in counted
        if name in counted:
            s["counts"] = s["counts"].struct.unnest()
            s["distinct"] = s["counts"].height + (1 if s["nulls"] else 0)  # counted as approx_n_unique does
            if frame.schema[name] == pl.String:
                s.update(_lengths(s["counts"]))
    return stats


def value_counts(series: pl.Series) -> pl.DataFrame:
    """Non-null values and their counts, most frequent first, as columns 'value' and 'count' (whatever the name)."""
    return series.drop_nulls().rename("value").value_counts(sort=True, name="count")


def top_values(counts: pl.DataFrame, limit: int = TOP_VALUES) -> list[ValueCount]:
    """The most frequent values of a value count frame."""
    return [ValueCount(value=json_safe(value), count=int(count)) for value, count in counts.head(limit).iter_rows()]


def histogram(dtype: pl.DataType, low: Any, high: Any, bins: list[dict[str, Any]] | None) -> Histogram | None:
    """A histogram from Polars' right-edge bins and the column's range; date edges as ISO dates."""
    if not bins or low is None:
        return None
    counts = [int(b["count"]) for b in bins]
    temporal = is_temporal(dtype)
    if low == high:  # one value: Polars spreads it over a unit range around it; one bin says it plainly
        edge = json_safe(low) if temporal else round(float(low), 6)
        return Histogram(edges=[edge, edge], counts=[sum(counts)])
    right = [b["breakpoint"] for b in bins]
    if temporal:
        epoch = dt.date(1970, 1, 1)
        first = (low.date() if isinstance(low, dt.datetime) else low) - epoch
        edges = [(epoch + dt.timedelta(days=round(d))).isoformat() for d in [first.days, *right]]
        return Histogram(edges=edges, counts=counts)
    return Histogram(edges=[round(float(e), 6) for e in [low, *right]], counts=counts)


def count_values(values: pl.Expr) -> pl.Expr:
    """`value_counts` as an expression: structs {'value', 'count'}, most frequent first."""
    return values.drop_nulls().alias("value").value_counts(sort=True, name="count")


def _sample_counts(
    sample: pl.DataFrame, shaped: list[str], sampled: list[str]
) -> tuple[dict[str, pl.DataFrame], dict[str, pl.DataFrame]]:
    """In one query over the sample: value shapes ('999-999' vs '(999) 999') of `shaped`, value counts of `sampled`."""
    shapes = [count_values(pattern_mask(pl.col(n).drop_nulls().head(PATTERN_SAMPLE))).head(TOP_VALUES) for n in shaped]
    exprs = [e.implode().alias(n) for n, e in zip(shaped, shapes, strict=True)]
    exprs += [count_values(pl.col(n)).implode().alias(f"{n}\0counts") for n in sampled]
    found = sample.lazy().select(exprs).collect() if exprs else pl.DataFrame()

    def unpack(key: str) -> pl.DataFrame:
        return found.get_column(key)[0].struct.unnest()

    return {n: unpack(n) for n in shaped}, {n: unpack(f"{n}\0counts") for n in sampled}


def profile_columns(
    frame: pl.DataFrame, sample: pl.DataFrame, counts: dict[str, pl.DataFrame] | None = None
) -> list[ColumnProfile]:
    """A profile of every column; semantic types and patterns come from `sample`, counts from the whole frame.

    Full value counts of low-cardinality columns are left in `counts` for the checks that need them.
    """
    stats = column_stats(frame, sample)
    rows = frame.height
    nulls = {name: int(s["nulls"]) for name, s in stats.items()}
    distinct = {name: int(s["distinct"]) - (1 if nulls[name] else 0) for name, s in stats.items()}
    shares = text_shares(sample, [n for n, d in frame.schema.items() if d == pl.String])
    semantic = {
        name: infer_semantic_type(name, dtype, sample[name], distinct[name], rows - nulls[name], shares.get(name))
        for name, dtype in frame.schema.items()
    }
    shaped = [n for n in shares if semantic[n] != "text" and stats[n].get("len_max") is not None]
    # Counting every value of a near-unique column costs a full group-by and says little: use the sample.
    shapes, sampled = _sample_counts(sample, shaped, [n for n in frame.columns if stats[n].get("counts") is None])
    profiles = []
    for name, dtype in frame.schema.items():
        s = stats[name]
        profile = ColumnProfile(
            name=name,
            dtype=dtype_name(dtype),
            semantic_type=semantic[name],
            count=rows,
            null_count=nulls[name],
            empty_count=int(s.get("empty") or 0),
            distinct_count=distinct[name],
            distinct_approximate=bool(s["approximate"]),
        )
        if "quantiles" in s and s["quantiles"] is not None:
            profile.min, profile.max = s["min"], s["max"]
            profile.mean, profile.std = s["mean"], s["std"]
            profile.quantiles = dict(zip(QUANTILE_NAMES, s["quantiles"], strict=True))
            profile.histogram = histogram(dtype, s["min"], s["max"], s.get("hist"))
        elif is_temporal(dtype):
            profile.min, profile.max = json_safe(s["min"]), json_safe(s["max"])
            profile.date_range = (profile.min, profile.max)
            profile.histogram = histogram(dtype, s["min"], s["max"], s.get("hist"))
        if dtype == pl.String and s.get("len_max") is not None:
            profile.length = {
                "min": float(s["len_min"]),
                "mean": round(float(s["len_mean"]), 3),
                "max": float(s["len_max"]),
            }
            profile.min, profile.max = None, None
            if name in shapes:
                profile.patterns = [ValueCount(value=v, count=int(c)) for v, c in shapes[name].iter_rows()]
        full = s.get("counts") is not None
        column_counts = s["counts"] if full else sampled[name]
        if dtype == pl.String and full:
            blank = column_counts.filter(pl.col("value").str.contains(BLANK))
            profile.empty_count = int(blank.get_column("count").sum())
        if full and counts is not None:
            counts[name] = column_counts
        profile.top_values = top_values(column_counts)
        profile.top_values_sample = None if full else sample.height
        profiles.append(profile)
    return profiles
