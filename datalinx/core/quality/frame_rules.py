"""Checks that need the whole frame (duplicates, conflicts, leakage, references); each returns failing row indices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import polars as pl

from datalinx.core.quality.frames import sample_rows

Rule = dict[str, Any]


def normalized(frame: pl.DataFrame, columns: list[str]) -> list[pl.Expr]:
    """Columns with text case-folded and spaces removed, so 'Anna  Smith ' and 'anna smith' compare equal."""
    exprs = []
    for name in columns:
        col = pl.col(name)
        if frame.schema[name] == pl.String:
            # Dropping spaces (a literal replace) is 4x cheaper than collapsing runs of them with a regex.
            col = col.str.to_lowercase().str.replace_all(" ", "", literal=True).str.strip_chars()
        elif frame.schema[name].is_float():
            col = col.round(6)
        exprs.append(col.alias(name))
    return exprs


def _repeated(hashes: pl.Series) -> np.ndarray:
    """Positions of hashes that occur more than once: sorting them is 4x faster than Polars' is_duplicated."""
    ordered = np.sort(hashes.to_numpy())
    repeats = ordered[1:][ordered[1:] == ordered[:-1]]
    if repeats.size == 0:
        return np.empty(0, dtype=np.int64)
    return np.flatnonzero(hashes.is_in(pl.Series(np.unique(repeats)).implode()).to_numpy())


def _keyed(frame: pl.DataFrame, columns: list[str], rows: np.ndarray | None, normalize: bool) -> pl.DataFrame:
    picked = frame.select(columns) if rows is None else frame.select(columns)[rows]
    return picked.select(normalized(picked, columns)) if normalize else picked


def _later_copies(
    frame: pl.DataFrame, columns: list[str], *, rows: np.ndarray | None = None, normalize: bool = False
) -> np.ndarray:
    """Indices of the rows (of `rows`, sorted, if given) equal on `columns` to an earlier one of them.

    With `normalize`, text compares case-folded and without spaces and floats to six decimals.
    """
    scope = np.arange(frame.height) if rows is None else np.asarray(rows, dtype=np.int64)
    gather = None if rows is None else scope  # None: every row, in place
    if not columns or scope.size == 0:
        return np.empty(0, dtype=np.int64)
    # Numbers, dates and flags hash cheaply, and only rows sharing their hash can repeat one another: text is
    # gathered, normalised and hashed for those rows alone (on wide frames most rows drop out here).
    quick = [c for c in columns if frame.schema[c] != pl.String]
    if quick and len(quick) < len(columns):
        scope = gather = scope[_repeated(_keyed(frame, quick, gather, normalize).hash_rows(seed=0))]
        if scope.size == 0:
            return scope
    keyed = _keyed(frame, columns, gather, normalize)
    # Row hashes are 20x faster than comparing structs; only rows sharing a hash are then compared exactly,
    # so a hash collision can never make two different rows duplicates.
    shared = _repeated(keyed.hash_rows(seed=0))
    if shared.size == 0:
        return np.empty(0, dtype=np.int64)
    first = keyed[shared].select(pl.struct(pl.all()).is_first_distinct()).to_series().to_numpy()
    return scope[shared[~first]]


def exact_duplicate_mask(frame: pl.DataFrame, cache: dict[str, Any] | None = None) -> np.ndarray:
    """Rows identical in every column to an earlier row (kept in `cache` for the other checks of one pass)."""
    if cache is not None and "exact" in cache:
        return cache["exact"]
    mask = np.zeros(frame.height, dtype=bool)
    mask[_later_copies(frame, frame.columns)] = True
    if cache is not None:
        cache["exact"] = mask
    return mask


def _exact_duplicate(frame: pl.DataFrame, rule: Rule, cache: dict[str, Any]) -> np.ndarray:
    return np.flatnonzero(exact_duplicate_mask(frame, cache))


def _near_duplicate(frame: pl.DataFrame, rule: Rule, cache: dict[str, Any]) -> np.ndarray:
    # A near duplicate matches an earlier row once text is normalised and the id columns are ignored;
    # rows that are exact copies are reported as such and not again here. On large frames both compare the rows
    # of one reproducible sample (`rule["sample"]`) among themselves.
    sample = rule.get("sample")
    rows = sample_rows(frame.height, sample["size"], sample["seed"]) if sample else None
    near = _later_copies(frame, rule["columns"], rows=rows, normalize=True)
    if near.size == 0:
        return near
    if rows is None:
        return near[~exact_duplicate_mask(frame, cache)[near]]
    return np.setdiff1d(near, _later_copies(frame, frame.columns, rows=rows), assume_unique=True)


def _duplicate_key(frame: pl.DataFrame, rule: Rule, cache: dict[str, Any]) -> np.ndarray:
    keys = rule["columns"]
    reused = _later_copies(frame, keys)
    if reused.size == 0:
        return reused
    present = frame.select(keys)[reused].select(pl.all_horizontal(pl.all().is_not_null())).to_series().to_numpy()
    reused = reused[present]
    return reused[~exact_duplicate_mask(frame, cache)[reused]]


def _label_conflict(frame: pl.DataFrame, rule: Rule, cache: dict[str, Any]) -> np.ndarray:
    # Rows whose features equal an earlier row's but whose label differs from the first such row's label.
    label = rule["label"]
    first = frame.select(pl.col(label).first().over(pl.struct(rule["features"])).alias("first"), pl.col(label))
    differs = (first.get_column("first") != first.get_column(label)).fill_null(False)
    return np.flatnonzero(differs.to_numpy())


def _leakage(frame: pl.DataFrame, rule: Rule, cache: dict[str, Any]) -> np.ndarray:
    # Evaluation rows whose features also appear in a training row: the model has seen them.
    is_train = (pl.col(rule["split"]).cast(pl.String).str.to_lowercase() == rule["train"]).fill_null(False)
    key = pl.struct(normalized(frame, rule["features"]))
    marks = frame.select(is_train.alias("train"), key.alias("key"))
    seen = marks.filter(pl.col("train")).get_column("key").unique()
    leaked = marks.select(~pl.col("train") & pl.col("key").is_in(seen.implode())).to_series()
    return np.flatnonzero(leaked.to_numpy())


def _orphan_reference(frame: pl.DataFrame, rule: Rule, cache: dict[str, Any]) -> np.ndarray:
    reference = pl.scan_parquet(rule["reference"]).select(pl.col(rule["reference_column"]).alias("k")).collect()
    keys = reference.get_column("k").drop_nulls().unique().cast(frame.schema[rule["column"]], strict=False)
    col = pl.col(rule["column"])
    orphan = frame.select(col.is_not_null() & ~col.is_in(keys.implode())).to_series()
    return np.flatnonzero(orphan.to_numpy())


def _class_excess(frame: pl.DataFrame, rule: Rule, cache: dict[str, Any]) -> np.ndarray:
    # The majority-class rows beyond the size of the smallest class: the rows a downsampling fix would drop.
    label = frame.get_column(rule["label"])
    rows = np.flatnonzero((label == rule["value"]).fill_null(False).to_numpy())
    return rows[rule["keep"] :]


FRAME_CHECKS: dict[str, Callable[[pl.DataFrame, Rule, dict[str, Any]], np.ndarray]] = {
    "exact_duplicate": _exact_duplicate,
    "near_duplicate": _near_duplicate,
    "duplicate_key": _duplicate_key,
    "label_conflict": _label_conflict,
    "leakage": _leakage,
    "orphan_reference": _orphan_reference,
    "class_excess": _class_excess,
}
