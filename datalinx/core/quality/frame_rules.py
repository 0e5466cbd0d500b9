"""Checks that need the whole frame (duplicates, conflicts, leakage, references); each returns failing row indices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import polars as pl

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


def _later_copies(frame: pl.DataFrame, exprs: list[pl.Expr]) -> np.ndarray:
    """Rows equal (on `exprs`) to an earlier row."""
    out = np.zeros(frame.height, dtype=bool)
    if not exprs or frame.height == 0:
        return out
    keyed = frame.select(exprs)
    # Row hashes are 20x faster than comparing structs; only rows sharing a hash are then compared exactly,
    # so a hash collision can never make two different rows duplicates.
    shared = np.flatnonzero(keyed.hash_rows(seed=0).is_duplicated().to_numpy())
    if shared.size:
        first = keyed[shared].select(pl.struct(pl.all()).is_first_distinct()).to_series().to_numpy()
        out[shared[~first]] = True
    return out


def exact_duplicate_mask(frame: pl.DataFrame, cache: dict[str, Any] | None = None) -> np.ndarray:
    """Rows identical in every column to an earlier row (kept in `cache` for the other checks of one pass)."""
    if cache is not None and "exact" in cache:
        return cache["exact"]
    mask = _later_copies(frame, [pl.col(c) for c in frame.columns])
    if cache is not None:
        cache["exact"] = mask
    return mask


def _exact_duplicate(frame: pl.DataFrame, rule: Rule, cache: dict[str, Any]) -> np.ndarray:
    return np.flatnonzero(exact_duplicate_mask(frame, cache))


def _near_duplicate(frame: pl.DataFrame, rule: Rule, cache: dict[str, Any]) -> np.ndarray:
    # A near duplicate matches an earlier row once text is normalised and the id columns are ignored;
    # rows that are exact copies are reported as such and not again here.
    near = _later_copies(frame, normalized(frame, rule["columns"]))
    return np.flatnonzero(near & ~exact_duplicate_mask(frame, cache))


def _duplicate_key(frame: pl.DataFrame, rule: Rule, cache: dict[str, Any]) -> np.ndarray:
    keys = [pl.col(c) for c in rule["columns"]]
    present = frame.select(pl.all_horizontal([k.is_not_null() for k in keys])).to_series().to_numpy()
    reused = _later_copies(frame, keys) & present
    return np.flatnonzero(reused & ~exact_duplicate_mask(frame, cache)) if reused.any() else np.flatnonzero(reused)


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
