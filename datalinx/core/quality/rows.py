"""Failing rows of an issue, as JSON-safe dicts with their row number and a short reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from datalinx.core.datasets.columns import json_safe
from datalinx.core.errors import Invalid
from datalinx.core.quality.rules import Rule, evaluate, read_for
from datalinx.core.quality.schemas import IssueReport

MAX_LIMIT = 1_000
EXAMPLE_COLUMNS = 12


def _value(row: dict[str, Any], name: str) -> str:
    return repr(row.get(name))


def reason(rule: Rule, row: dict[str, Any]) -> str:
    """Why one row fails a rule, in a few words with its values."""
    check, c = rule["check"], rule.get("column", "")
    cols = rule.get("columns") or []
    v = _value(row, c) if c else ""
    texts = {
        "missing": lambda: f"'{c}' is empty",
        "invalid_format": lambda: f"'{c}'={v} is not a valid {rule.get('format')}",
        "type_mismatch": lambda: f"'{c}'={v} is not a number",
        "date_format": lambda: f"'{c}'={v} is not written as {rule.get('format')}",
        "invalid_date": lambda: f"'{c}'={v} is not a date",
        "future_date": lambda: f"'{c}'={v} is after {rule.get('after')}",
        "negative_value": lambda: f"'{c}'={v} is negative",
        "not_finite": lambda: f"'{c}'={v} is not a finite number",
        "outlier": lambda: f"'{c}'={v} is outside [{rule['low']:.4g}, {rule['high']:.4g}]",
        "format_family": lambda: f"'{c}'={v} is not in the column's usual format",
        "category_variant": lambda: f"'{c}'={v} is a variant of {rule['mapping'].get(row.get(c))!r}",
        "unit_mismatch": lambda: f"'{c}'={v} is not in {rule.get('unit')}",
        "order_violation": lambda: f"'{cols[0]}'={_value(row, cols[0])} is after '{cols[1]}'={_value(row, cols[1])}",
        "age_mismatch": lambda: f"'{cols[0]}'={_value(row, cols[0])} does not fit '{cols[1]}'={_value(row, cols[1])}",
        "product_mismatch": lambda: f"'{cols[0]}'={_value(row, cols[0])} is not '{cols[1]}' x '{cols[2]}'",
        "sum_mismatch": lambda: f"'{cols[0]}'={_value(row, cols[0])} is not '{cols[1]}' + '{cols[2]}'",
        "test_record": lambda: "looks like a test or dummy record",
        "whitespace": lambda: f"'{c}'={v} has leading, trailing or doubled spaces",
        "dominant_value": lambda: f"'{c}' holds its dominant value {v}",
        "exact_duplicate": lambda: "repeats an earlier row exactly",
        "near_duplicate": lambda: "repeats an earlier row up to case and spaces",
        "duplicate_key": lambda: f"key {', '.join(_value(row, k) for k in cols)} is used by an earlier row",
        "label_conflict": lambda: f"same features as an earlier row but '{rule['label']}'={_value(row, rule['label'])}",
        "leakage": lambda: f"'{rule['split']}'={_value(row, rule['split'])} row also present in the training split",
        "orphan_reference": lambda: f"'{c}'={v} is not in {rule.get('reference_column')} of the reference",
        "class_excess": lambda: f"'{rule['label']}'={rule['value']!r} beyond the size of the smallest class",
        "rows": lambda: (
            f"'{rule.get('label')}'={_value(row, rule.get('label', ''))} looks wrong to {rule.get('method')}"
        ),
    }
    return texts[check]() if check in texts else check


def rows_of(frame: pl.DataFrame, rows: np.ndarray, rule: Rule, columns: list[str] | None = None) -> list[dict]:
    """The given rows of a frame as JSON-safe dicts with `_row` and `_reason`."""
    if rows.size == 0:
        return []
    picked = frame[rows] if columns is None else frame.select(columns)[rows]
    full = frame[rows] if columns is not None else picked
    out = []
    for number, row, whole in zip(rows.tolist(), picked.iter_rows(named=True), full.iter_rows(named=True), strict=True):
        shaped = {"_row": number, "_reason": reason(rule, whole)}
        shaped.update({k: json_safe(v) for k, v in row.items()})
        out.append(shaped)
    return out


def examples(frame: pl.DataFrame, rows: np.ndarray, rule: Rule, columns: list[str], count: int = 5) -> list[dict]:
    """Up to `count` failing rows showing the issue's columns (and a few more when it spans the whole row)."""
    shown = list(dict.fromkeys(c for c in columns if c in frame.columns))[:EXAMPLE_COLUMNS]
    return rows_of(frame, rows[:count], rule, shown)


def issue_rows(path: Path, issue: IssueReport) -> np.ndarray:
    """Every failing row index of an issue, recomputed from its rule on the Parquet file."""
    (rows,) = evaluate(read_for(Path(path), issue.rule), [issue.rule])
    return rows


def failing_rows(path: Path, issue: IssueReport, *, offset: int = 0, limit: int = 100) -> list[dict]:
    """One page of an issue's rows, recomputed from its rule on the Parquet file: `_row`, `_reason` and every column."""
    if offset < 0:
        raise Invalid("offset must not be negative", field="offset")
    if not 1 <= limit <= MAX_LIMIT:
        raise Invalid(f"limit must be between 1 and {MAX_LIMIT}", field="limit")
    page = issue_rows(path, issue)[offset : offset + limit]
    if page.size == 0:
        return []
    picked = (
        pl.scan_parquet(path)
        .with_row_index("_row")
        .filter(pl.col("_row").cast(pl.Int64).is_in(pl.Series(page.tolist(), dtype=pl.Int64).implode()))
        .collect()
    )
    out = []
    for row in picked.iter_rows(named=True):
        number = row.pop("_row")
        shaped = {"_row": number, "_reason": reason(issue.rule, row)}
        shaped.update({k: json_safe(v) for k, v in row.items()})
        out.append(shaped)
    return out
