"""Column types for the Polars readers: ISO date detection in text and the user's per-column overrides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from datalinx.core.datasets.schemas import ColumnType
from datalinx.core.errors import Invalid

ROW_INDEX = "__datalinx_row__"
POLARS_TYPES: dict[str, pl.DataType] = {
    "string": pl.String(),
    "int64": pl.Int64(),
    "float64": pl.Float64(),
    "bool": pl.Boolean(),
    "date": pl.Date(),
    "datetime": pl.Datetime("us"),
}
BOOL_WORDS = {
    **dict.fromkeys(("true", "t", "yes", "y", "1"), True),
    **dict.fromkeys(("false", "f", "no", "n", "0"), False),
}
DATETIME_FORMATS = ("%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d")
DATE_FORMAT = "%Y-%m-%d"
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
ISO_DATETIME = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$"


def check_override_columns(column_types: dict[str, ColumnType], names: list[str], label: str) -> None:
    """Refuse overrides for columns the file does not have, naming them."""
    unknown = [name for name in column_types if name not in names]
    if unknown:
        raise Invalid(
            f"column_types names columns that '{label}' does not have: {', '.join(unknown)}; "
            f"its columns are {', '.join(names)}",
            field="column_types",
        )


def temporal_columns(sample: pl.DataFrame) -> dict[str, str]:
    """Text columns whose every sampled value is an ISO date or date-time in one format, with that format."""
    found: dict[str, str] = {}
    for name, dtype in sample.schema.items():
        if dtype != pl.String:
            continue
        values = sample[name].drop_nulls()
        if values.is_empty() or not values.str.contains(ISO_DATETIME).all():
            continue
        if values.str.contains(ISO_DATE).all():
            found[name] = DATE_FORMAT
            continue
        for fmt in DATETIME_FORMATS[:-1]:
            if values.str.to_datetime(fmt, time_unit="us", strict=False).null_count() == 0:
                found[name] = fmt
                break
    return found


def temporal_expr(name: str, fmt: str) -> pl.Expr:
    """A strict conversion of an ISO text column (it raises when a value further down does not fit)."""
    if fmt == DATE_FORMAT:
        return pl.col(name).str.to_date(fmt, strict=True)
    return pl.col(name).str.to_datetime(fmt, time_unit="us", strict=True)


@dataclass(frozen=True)
class Cast:
    """A lenient conversion (null where it fails) and the values that were present before it."""

    expr: pl.Expr
    present: pl.Expr


def cast_for(name: str, source: pl.DataType, target: ColumnType) -> Cast:
    """How to turn column `name` of type `source` into `target`; a present value that ends null did not fit."""
    column = pl.col(name)
    wanted = POLARS_TYPES[target]
    if target == "string":
        return Cast(column.cast(pl.String), column.is_not_null())
    if source == pl.String or isinstance(source, pl.Categorical | pl.Enum):
        text = column.cast(pl.String).str.strip_chars()
        text = pl.when(text == "").then(None).otherwise(text)
        return Cast(_from_text(text, target), text.is_not_null())
    present = column.is_not_null()
    if source == wanted:
        return Cast(column, present)
    if target == "int64" and source.is_float():
        return Cast(pl.when(column == column.round(0)).then(column.cast(pl.Int64, strict=False)), present)
    if target == "bool" and source.is_numeric():
        return Cast(pl.when(column.is_in([0, 1])).then(column == 1), present)
    if target == "date" and isinstance(source, pl.Datetime):
        return Cast(column.dt.date(), present)
    if target in ("date", "datetime") and not source.is_temporal():
        return Cast(pl.lit(None, dtype=wanted), present)  # numbers are not dates: every value is reported
    return Cast(column.cast(wanted, strict=False), present)


def _from_text(text: pl.Expr, target: ColumnType) -> pl.Expr:
    if target == "bool":
        return text.str.to_lowercase().replace_strict(BOOL_WORDS, default=None, return_dtype=pl.Boolean)
    if target == "date":
        return text.str.to_date("%Y-%m-%d", strict=False)
    if target == "datetime":
        return pl.coalesce([text.str.to_datetime(f, time_unit="us", strict=False) for f in DATETIME_FORMATS])
    return text.cast(POLARS_TYPES[target], strict=False)


def apply_overrides(
    frame: pl.LazyFrame, column_types: dict[str, ColumnType], *, label: str, row_offset: int = 0
) -> pl.LazyFrame:
    """Check every override against the data (naming the first row that does not fit), then apply them."""
    if not column_types:
        return frame
    schema = frame.collect_schema()
    casts = {name: cast_for(name, schema[name], kind) for name, kind in column_types.items()}
    for name, cast in casts.items():
        bad = _first_misfit(frame, name, cast)
        if bad is not None:
            row, value = bad
            raise Invalid(
                f"column '{name}' of '{label}', row {row + row_offset}: '{value}' cannot be read as "
                f"{column_types[name]}",
                field=name,
            )
    return frame.with_columns(cast.expr.alias(name) for name, cast in casts.items())


def _first_misfit(frame: pl.LazyFrame, name: str, cast: Cast) -> tuple[int, Any] | None:
    found = (
        frame.with_row_index(ROW_INDEX, offset=1)
        .filter(cast.present & cast.expr.is_null())
        .select(ROW_INDEX, pl.col(name).cast(pl.String))
        .head(1)
        .collect()
    )
    return None if found.is_empty() else (found.item(0, 0), found.item(0, 1))
