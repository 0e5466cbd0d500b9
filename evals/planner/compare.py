"""Whether a pipeline's output answers a request: its rows against the expected frame, under the rules below.

1. Row counts must be equal.
2. Every expected column is matched to one output column (each output column serves at most one):
   - a column the request named (`strict_names`) only by that exact name;
   - any other expected column by the same name, or else by values: an output column holding the same values
     (as a multiset) under another name, e.g. an aggregate alias the request never gave.
   Values compare after light coercion: any two numeric types as floats; a datetime at midnight as a date;
   ISO text ('2024-03-01' or '2024-03') as a date; a date on 1 January as its year.
3. With `columns="exact"` the output has no other columns; with `"superset"` extra columns are ignored.
4. Rows compare as multisets (order ignored) unless `ordered`: then the sequence of `sort_key` values (every
   expected column when no key is given) must be the same too. Floats are equal within a relative tolerance of
   1e-6 (plus 1e-9 absolute, for sums near zero); nulls equal nulls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

import polars as pl

RELATIVE = 1e-6
ABSOLUTE = 1e-9
MAX_ASSIGNMENTS = 2_000
ColumnsMode = Literal["superset", "exact"]


@dataclass(frozen=True)
class Verdict:
    """Equal or not, and why not in a few words."""

    equal: bool
    reason: str = ""


def _numeric(dtype: pl.DataType) -> bool:
    return dtype.is_numeric() and dtype != pl.Boolean


def coerce(series: pl.Series, like: pl.DataType) -> pl.Series | None:
    """`series` in the comparable form of an expected column of type `like`, or None when it cannot be."""
    dtype = series.dtype
    if _numeric(like):
        if _numeric(dtype):
            return series.cast(pl.Float64)
        if dtype == pl.Date and like.is_integer():
            years = series.dt.year()
            on_new_year = (series.dt.month() == 1) & (series.dt.day() == 1)
            return years.cast(pl.Float64) if bool(on_new_year.fill_null(True).all()) else None
        return None
    if like == pl.Date:
        if dtype == pl.Date:
            return series
        if isinstance(dtype, pl.Datetime):
            midnight = (series.dt.time() == dt.time(0)).fill_null(True)
            return series.dt.date() if bool(midnight.all()) else None
        if dtype == pl.String:
            for suffix in ("", "-01"):
                parsed = (series + suffix).str.strptime(pl.Date, "%Y-%m-%d", strict=False)
                if parsed.null_count() == series.null_count():
                    return parsed
        return None
    if isinstance(like, pl.Datetime) and isinstance(dtype, pl.Datetime | pl.Date):
        return series.cast(pl.Datetime("us"))
    if like == pl.String and dtype in (pl.String, pl.Categorical):
        return series.cast(pl.String)
    return series if dtype == like else None


def _comparable(series: pl.Series) -> pl.Series:
    return series.cast(pl.Float64) if _numeric(series.dtype) else series


def _same(left: pl.Series, right: pl.Series) -> pl.Series:
    """Elementwise equality, nulls equal nulls, floats within tolerance."""
    if left.dtype != pl.Float64 or right.dtype != pl.Float64:
        return left.eq_missing(right)
    a, b = pl.col("a"), pl.col("b")
    close = (a - b).abs() <= pl.max_horizontal(a.abs(), b.abs()) * RELATIVE + ABSOLUTE
    same = (a.is_null() & b.is_null()) | (a.is_nan() & b.is_nan()).fill_null(False) | close.fill_null(False)
    return pl.DataFrame({"a": left, "b": right}).select(same.fill_null(False))["a"]


def _sorted_for_matching(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows in a canonical order: exact columns first, floats rounded so tiny differences do not reorder."""
    exact = [c for c, t in frame.schema.items() if t != pl.Float64]
    floats = [c for c, t in frame.schema.items() if t == pl.Float64]
    keys = [pl.col(c) for c in exact] + [pl.col(c).round(4) for c in floats]
    return frame.sort(keys, nulls_last=True, maintain_order=True) if keys and frame.height else frame


def frames_equal(left: pl.DataFrame, right: pl.DataFrame) -> bool:
    """Same columns in the same order, rows equal position by position (under the tolerance)."""
    if left.columns != right.columns or left.height != right.height:
        return False
    return all(bool(_same(left[c], right[c]).all()) for c in left.columns)


def _values_match(output: pl.Series, expected: pl.Series) -> bool:
    coerced = coerce(output, expected.dtype)
    if coerced is None:
        return False
    return bool(_same(_comparable(coerced).sort(nulls_last=True), _comparable(expected).sort(nulls_last=True)).all())


def _candidates(output: pl.DataFrame, expected: pl.DataFrame, strict: frozenset[str]) -> dict[str, list[str]]:
    """For each expected column, the output columns that could be it: the same name first, then by values."""
    found: dict[str, list[str]] = {}
    for name in expected.columns:
        column = expected[name]
        named = [name] if name in output.columns and _values_match(output[name], column) else []
        others = [] if name in strict else [c for c in output.columns if c != name and _values_match(output[c], column)]
        found[name] = named + others
    return found


def _assignments(candidates: dict[str, list[str]]) -> Iterator[dict[str, str]]:
    """Every one-to-one choice of output column per expected column (named ones tried first)."""
    names = sorted(candidates, key=lambda n: len(candidates[n]))

    def extend(index: int, chosen: dict[str, str]) -> Iterator[dict[str, str]]:
        if index == len(names):
            yield dict(chosen)
            return
        for column in candidates[names[index]]:
            if column not in chosen.values():
                chosen[names[index]] = column
                yield from extend(index + 1, chosen)
                del chosen[names[index]]

    yield from extend(0, {})


def _picked(output: pl.Series, expected: pl.Series) -> pl.Series:
    coerced = coerce(output, expected.dtype)
    assert coerced is not None  # candidates are only columns that coerce
    return _comparable(coerced).alias(expected.name)


def _rows_equal(picked: pl.DataFrame, expected: pl.DataFrame, ordered: bool, sort_key: Sequence[str]) -> bool:
    if ordered:
        key = list(sort_key) or expected.columns
        if not frames_equal(picked.select(key), expected.select(key)):
            return False
        if not sort_key:
            return True
    return frames_equal(_sorted_for_matching(picked), _sorted_for_matching(expected))


def _missing_reason(name: str, output: pl.DataFrame, expected: pl.DataFrame, strict: frozenset[str]) -> str:
    if name not in output.columns and name in strict:
        return f"no output column named '{name}' (the request names it)"
    if name not in output.columns:
        return f"no output column holds the values of '{name}'"
    got = output[name].drop_nulls().head(3).to_list()
    want = expected[name].drop_nulls().head(3).to_list()
    return f"column '{name}' differs (e.g. {got} where {want} was expected)"


def compare(
    output: pl.DataFrame,
    expected: pl.DataFrame,
    *,
    ordered: bool = False,
    sort_key: Sequence[str] = (),
    columns: ColumnsMode = "superset",
    strict_names: frozenset[str] = frozenset(),
) -> Verdict:
    """Whether `output` holds the rows and columns of `expected` under the rules of this module."""
    if output.height != expected.height:
        return Verdict(False, f"{output.height} rows, expected {expected.height}")
    candidates = _candidates(output, expected, strict_names)
    for name, found in candidates.items():
        if not found:
            return Verdict(False, _missing_reason(name, output, expected, strict_names))
    if columns == "exact" and output.width != expected.width:
        return Verdict(False, f"columns {output.columns}, expected only {expected.columns}")
    comparable = expected.with_columns(_comparable(expected[c]) for c in expected.columns)
    for tried, assignment in enumerate(_assignments(candidates)):
        if tried >= MAX_ASSIGNMENTS:
            break
        picked = pl.DataFrame([_picked(output[assignment[n]], expected[n]) for n in expected.columns])
        if _rows_equal(picked, comparable, ordered, sort_key):
            return Verdict(True)
    differs = "the row order differs" if ordered else "the rows differ"
    return Verdict(False, f"every column's values occur, but {differs}")
