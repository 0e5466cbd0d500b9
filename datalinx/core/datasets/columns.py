"""Columns as users see them: checked names, stable type names, and values safe to put in JSON."""

from __future__ import annotations

import base64
import datetime as dt
import math
from decimal import Decimal
from typing import Any

import polars as pl

from datalinx.core.errors import Invalid

_SIMPLE: dict[type[pl.DataType], str] = {
    pl.Int8: "int8",
    pl.Int16: "int16",
    pl.Int32: "int32",
    pl.Int64: "int64",
    pl.Int128: "int128",
    pl.UInt8: "uint8",
    pl.UInt16: "uint16",
    pl.UInt32: "uint32",
    pl.UInt64: "uint64",
    pl.Float32: "float32",
    pl.Float64: "float64",
    pl.Boolean: "bool",
    pl.String: "string",
    pl.Categorical: "categorical",
    pl.Enum: "categorical",
    pl.Date: "date",
    pl.Time: "time",
    pl.Duration: "duration",
    pl.Binary: "binary",
    pl.Null: "null",
    pl.Object: "object",
}


def dtype_name(dtype: pl.DataType) -> str:
    """A readable type name that stays the same across Polars versions: int64, string, list[date], ..."""
    if isinstance(dtype, pl.Datetime):
        return f"datetime[{dtype.time_zone}]" if dtype.time_zone else "datetime"
    if isinstance(dtype, pl.Decimal):
        return f"decimal({dtype.precision},{dtype.scale})"
    if isinstance(dtype, pl.List):
        return f"list[{dtype_name(dtype.inner)}]"
    if isinstance(dtype, pl.Array):
        return f"array[{dtype_name(dtype.inner)}, {dtype.size}]"
    if isinstance(dtype, pl.Struct):
        return "struct{" + ", ".join(f"{f.name}: {dtype_name(f.dtype)}" for f in dtype.fields) + "}"
    return _SIMPLE.get(dtype.base_type(), str(dtype).lower())


def normalize_names(names: list[str], *, label: str, where: str) -> list[str]:
    """Trim column names, name blank ones `column_<n>`, and refuse duplicates (letter case ignored), naming them."""
    cleaned = [str(name).strip() if name is not None else "" for name in names]
    if not cleaned:
        raise Invalid(f"file '{label}' has no columns", field="file")
    cleaned = [name or f"column_{index}" for index, name in enumerate(cleaned, start=1)]
    seen: dict[str, list[str]] = {}
    for name in cleaned:
        seen.setdefault(name.lower(), []).append(name)
    duplicates = [" / ".join(dict.fromkeys(group)) for group in seen.values() if len(group) > 1]
    if duplicates:
        # SQL engines downstream treat names case-insensitively, so 'Email' and 'email' would collide there.
        raise Invalid(
            f"file '{label}' has duplicate column names in {where}: {', '.join(repr(d) for d in duplicates)}",
            field="file",
        )
    return cleaned


def json_safe(value: Any) -> Any:
    """A value JSON can carry: dates as ISO strings, decimals as strings, bytes as base64, NaN as a string."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    if isinstance(value, dt.date | dt.time):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dict):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    return str(value)
