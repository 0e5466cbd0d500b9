"""Orders that every engine resolves the same way: the asked-for keys, then every other column as a tie-breaker."""

from __future__ import annotations

from datalinx.core.pipelines.dag import SortKey
from datalinx.core.pipelines.types import ColumnType, Schema


def tie_broken(keys: list[SortKey], schema: Schema) -> list[SortKey]:
    """`keys`, then the remaining orderable columns ascending, so no two distinct rows tie."""
    named = {k.column for k in keys}
    rest = [SortKey(column=n) for n, t in schema.items() if n not in named and t != ColumnType.OTHER]
    return [*keys, *rest]


def reversed_keys(keys: list[SortKey]) -> list[SortKey]:
    """The opposite order (the last row first), nulls moving to the other end too."""
    return [SortKey(column=k.column, descending=not k.descending, nulls_last=not k.nulls_last) for k in keys]
