"""Frames every check can read (types Polars cannot aggregate get stand-ins) and reproducible row samples."""

from __future__ import annotations

import numpy as np
import polars as pl

NESTED = (pl.List, pl.Array, pl.Struct)


def _stand_in(name: str, dtype: pl.DataType) -> pl.Expr | None:
    col = pl.col(name)
    if isinstance(dtype, pl.Categorical | pl.Enum | pl.Time | pl.Null):
        return col.cast(pl.String)
    if isinstance(dtype, pl.Decimal):
        return col.cast(pl.Float64)
    if isinstance(dtype, pl.Duration):
        return col.dt.total_microseconds().cast(pl.Float64) / 1e6  # seconds
    if dtype == pl.Binary:
        return col.bin.encode("hex")
    if isinstance(dtype, NESTED):
        if "binary" in str(dtype).lower():
            # Polars cannot write binary inside nested values as JSON; a hash still tells equal values apart.
            return col.hash().cast(pl.String)
        return pl.when(col.is_null()).then(None).otherwise(pl.struct(col).struct.json_encode())
    if dtype == pl.Object:
        return col.map_elements(str, return_dtype=pl.String)
    return None


def analysable(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with categoricals, decimals, times, durations, binary and nested values as text or numbers."""
    changes = [expr.alias(name) for name, dtype in frame.schema.items() if (expr := _stand_in(name, dtype)) is not None]
    return frame.with_columns(changes) if changes else frame


def sample_rows(rows: int, size: int, seed: int) -> np.ndarray:
    """A sorted, reproducible sample of row indices (all rows when the frame is small)."""
    if rows <= size:
        return np.arange(rows)
    return np.sort(np.random.default_rng(seed).choice(rows, size=size, replace=False))
