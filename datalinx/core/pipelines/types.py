"""Column types as pipelines see them: six logical types every engine agrees on, and `other` for the rest."""

from __future__ import annotations

from enum import StrEnum

import polars as pl


class ColumnType(StrEnum):
    """The logical type of a pipeline column. Engines map these to their own types the same way."""

    STRING = "string"
    INT64 = "int64"
    FLOAT64 = "float64"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    # A literal null, before it meets a column: compatible with every type.
    NULL = "null"
    # Anything else (lists, structs, binary, times, durations): carried through, not computed on.
    OTHER = "other"


T = ColumnType
NUMERIC = frozenset({T.INT64, T.FLOAT64})
TEMPORAL = frozenset({T.DATE, T.DATETIME})
# Types a cast node may produce.
CASTABLE = (T.STRING, T.INT64, T.FLOAT64, T.BOOL, T.DATE, T.DATETIME)

Schema = dict[str, ColumnType]

POLARS: dict[ColumnType, pl.DataType] = {
    T.STRING: pl.String(),
    T.INT64: pl.Int64(),
    T.FLOAT64: pl.Float64(),
    T.BOOL: pl.Boolean(),
    T.DATE: pl.Date(),
    T.DATETIME: pl.Datetime("us"),
    T.NULL: pl.Null(),
}

DUCKDB: dict[ColumnType, str] = {
    T.STRING: "VARCHAR",
    T.INT64: "BIGINT",
    T.FLOAT64: "DOUBLE",
    T.BOOL: "BOOLEAN",
    T.DATE: "DATE",
    T.DATETIME: "TIMESTAMP",
    T.NULL: "INTEGER",
}

_INTEGERS = (pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32)


def of_polars(dtype: pl.DataType) -> ColumnType:
    """The logical type of a Polars dtype (narrow integers and floats widen; text-like types are strings)."""
    if isinstance(dtype, _INTEGERS):
        return T.INT64
    if isinstance(dtype, pl.Float32 | pl.Float64 | pl.Decimal):
        return T.FLOAT64
    if isinstance(dtype, pl.String | pl.Categorical | pl.Enum):
        return T.STRING
    if isinstance(dtype, pl.Boolean):
        return T.BOOL
    if isinstance(dtype, pl.Date):
        return T.DATE
    if isinstance(dtype, pl.Datetime):
        return T.DATETIME
    if isinstance(dtype, pl.Null):
        return T.NULL
    return T.OTHER


def of_name(name: str) -> ColumnType:
    """The logical type of a stored column's type name (`ColumnInfo.dtype`: int32, datetime[UTC], decimal(9,2)...)."""
    if name in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32"):
        return T.INT64
    if name in ("float32", "float64") or name.startswith("decimal("):
        return T.FLOAT64
    if name in ("string", "categorical"):
        return T.STRING
    if name == "bool":
        return T.BOOL
    if name == "date":
        return T.DATE
    if name == "datetime" or name.startswith("datetime["):
        return T.DATETIME
    if name == "null":
        return T.NULL
    return T.OTHER


def normalize(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Cast a source's columns to their logical types, so every engine starts from the same values."""
    schema = frame.collect_schema()
    casts = []
    for name, dtype in schema.items():
        logical = of_polars(dtype)
        if logical in (T.OTHER, T.NULL):
            continue
        if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
            casts.append(pl.col(name).dt.convert_time_zone("UTC").dt.replace_time_zone(None).cast(POLARS[logical]))
        elif dtype != POLARS[logical]:
            casts.append(pl.col(name).cast(POLARS[logical]))
    return frame.with_columns(casts) if casts else frame


def common_supertype(left: ColumnType, right: ColumnType) -> ColumnType | None:
    """The type two values meet at (union columns, comparison operands, if/else branches), or None."""
    if left == right:
        return left
    if left == T.NULL:
        return right
    if right == T.NULL:
        return left
    if {left, right} == NUMERIC:
        return T.FLOAT64
    if {left, right} == TEMPORAL:
        return T.DATETIME
    return None
