"""Rows fetched in batches become Parquet: one part file per batch, merged by a streaming pass at the end."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import polars as pl

from datalinx.core.connections.schemas import TableRef
from datalinx.core.datasets.atomic import AtomicOutput
from datalinx.core.datasets.columns import normalize_names
from datalinx.core.datasets.progress import Progress

Converter = Callable[[Any], Any]


@dataclass
class ColumnPlan:
    """How one result column becomes Polars: a fixed type (None: inferred from the values) and a converter."""

    name: str
    dtype: pl.DataType | None
    convert: Converter | None = None


@dataclass
class ResultSet:
    """A running query: its columns, then its rows in batches."""

    columns: list[ColumnPlan]
    batches: Iterator[list[tuple[Any, ...]]]
    estimated_rows: int | None = None


class Source(Protocol):
    """An open, read-only session on a customer database."""

    def server_version(self) -> str:
        """The product and version the server reports, e.g. 'PostgreSQL 15.20'."""
        ...

    def ping(self) -> None:
        """Run a trivial query, proving the login works."""
        ...

    def list_tables(self) -> list[TableRef]:
        """Tables and views this session may read."""
        ...

    def table_sql(self, table: str, schema: str | None) -> str:
        """`SELECT *` of one table, its names quoted in this dialect."""
        ...

    def estimate_rows(self, table: str, schema: str | None) -> int | None:
        """The server's cheap row estimate for a table, when it keeps one."""
        ...

    def run(self, sql: str, batch_rows: int) -> ResultSet:
        """Start a query; its rows come in batches of `batch_rows` (mapped errors raise Invalid)."""
        ...

    def close(self) -> None:
        """End the session."""
        ...


def to_text(value: Any) -> Any:
    """Any value as text: JSON for lists and mappings, str() for the rest."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, default=str, ensure_ascii=False)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    return str(value)


@dataclass
class BatchWriter:
    """Writes batches as part files under the scratch folder and merges them into `out.output`."""

    columns: list[ColumnPlan]
    out: AtomicOutput
    parts: list[str] = field(default_factory=list)
    inferred: dict[str, pl.DataType] = field(default_factory=dict)
    rows: int = 0

    def __post_init__(self) -> None:
        normalize_names([c.name for c in self.columns], label="the query result", where="its columns")

    def add(self, batch: list[tuple[Any, ...]]) -> None:
        """Convert one batch and write it as a part file."""
        values = list(zip(*batch, strict=True)) if batch else [() for _ in self.columns]
        series = [self._series(plan, list(column)) for plan, column in zip(self.columns, values, strict=True)]
        path = self.out.scratch_file(f"part-{len(self.parts):06d}.parquet")
        pl.DataFrame(series).write_parquet(path)
        self.parts.append(str(path))
        self.rows += len(batch)

    def finish(self) -> None:
        """Merge the parts into one Parquet file, casting each to the widest type its column took."""
        schema = {plan.name: plan.dtype or _final(self.inferred.get(plan.name)) for plan in self.columns}
        if not self.parts:
            pl.DataFrame(schema=schema).write_parquet(self.out.output)
            return
        if len(self.parts) == 1 and all(pl.read_parquet_schema(self.parts[0])[n] == d for n, d in schema.items()):
            os.replace(self.parts[0], self.out.output)
            return
        frames = [pl.scan_parquet(part).cast(schema) for part in self.parts]  # type: ignore[arg-type]
        pl.concat(frames, how="vertical").sink_parquet(self.out.output)

    def _series(self, plan: ColumnPlan, values: list[Any]) -> pl.Series:
        if plan.convert is not None:
            values = [None if v is None else plan.convert(v) for v in values]
        if plan.dtype is not None:
            return pl.Series(plan.name, values, dtype=plan.dtype)
        dtype = _infer(values)
        self.inferred[plan.name] = _widen(self.inferred.get(plan.name, pl.Null()), dtype)
        if dtype == pl.String:
            values = [to_text(v) for v in values]
        return pl.Series(plan.name, values, dtype=dtype)


def write_batches(result: ResultSet, out: AtomicOutput, progress: Progress, max_rows: int | None = None) -> int:
    """Stream a result set (its first `max_rows` rows) into Parquet at `out.output`; returns the row count."""
    writer = BatchWriter(result.columns, out)
    for batch in result.batches:
        if max_rows is not None and writer.rows + len(batch) >= max_rows:
            writer.add(batch[: max_rows - writer.rows])
            break
        writer.add(batch)
        if result.estimated_rows:
            progress(min(writer.rows / result.estimated_rows, 0.99), f"{writer.rows} rows read")
        else:
            progress(0.0, f"{writer.rows} rows read")
    progress(0.99, f"writing {writer.rows} rows")
    writer.finish()
    return writer.rows


def _infer(values: Iterable[Any]) -> pl.DataType:
    kinds = {type(v) for v in values if v is not None}
    if not kinds:
        return pl.Null()
    if kinds <= {bool}:
        return pl.Boolean()
    if kinds <= {int}:
        return pl.Int64()
    if kinds <= {int, float}:
        return pl.Float64()
    if kinds <= {bytes}:
        return pl.Binary()
    return pl.String()


def _widen(previous: pl.DataType, current: pl.DataType) -> pl.DataType:
    """The type two batches of one inferred column share: integers meet floats as floats, else text."""
    if previous == pl.Null or previous == current:
        return current
    if current == pl.Null:
        return previous
    if {previous, current} <= {pl.Int64(), pl.Float64()}:
        return pl.Float64()
    return pl.String()


def _final(dtype: pl.DataType | None) -> pl.DataType:
    """An all-null inferred column is stored as text; mixed bytes and numbers too."""
    if dtype is None or dtype == pl.Null:
        return pl.String()
    return dtype
