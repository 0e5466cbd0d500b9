"""The Polars engine: each node becomes a step of one lazy plan, run streaming where Polars can."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from datalinx.core.pipelines import dag, expressions
from datalinx.core.pipelines.aggregates import polars_aggregate
from datalinx.core.pipelines.casts import polars_cast, polars_constant, polars_convert
from datalinx.core.pipelines.dag import Edge, SortKey
from datalinx.core.pipelines.engines.ordering import tie_broken
from datalinx.core.pipelines.node_schemas import input_names
from datalinx.core.pipelines.sql import cast_to, sandbox, scoped_view
from datalinx.core.pipelines.types import POLARS, ColumnType, Schema, normalize

T = ColumnType
# Nodes whose result does not depend on their inputs' row order and whose own order is unspecified (a join's, as
# Polars says; groups, as from SQL's GROUP BY): they read a deduplicated input without the sort that ordered it.
ORDER_BLIND = frozenset({"join", "aggregate", "pivot"})
# Nodes that pass rows through in order whatever their values: over such an input they are built over its unsorted
# rows too, for an order-blind node further on. Not a cast that fails on a bad value: it names the first one.
ROW_WISE = frozenset({"select", "drop", "rename", "filter", "derive"})


def _row_wise(node: Any) -> bool:
    return node.kind in ROW_WISE or (node.kind == "cast" and node.on_error == "null")


def _conform(frame: pl.LazyFrame, output: Schema) -> pl.LazyFrame:
    """The output columns in order, each of its logical type."""
    return frame.select(
        [pl.col(n).cast(POLARS[t]) if t in POLARS and t != T.NULL else pl.col(n) for n, t in output.items()]
    )


def _sort(frame: pl.LazyFrame, keys: list[SortKey]) -> pl.LazyFrame:
    return frame.sort(
        [k.column for k in keys],
        descending=[k.descending for k in keys],
        nulls_last=[k.nulls_last for k in keys],
        maintain_order=True,
    )


class PolarsEngine:
    """Relations are LazyFrames; SQL nodes run in a DuckDB sandbox over their collected inputs."""

    name = "polars"

    def __init__(self, *, work_dir: Path) -> None:
        self.work_dir = work_dir
        # id of a relation ending in an ordering sort -> (that relation, the same rows without the sort).
        self._unordered: dict[int, tuple[pl.LazyFrame, pl.LazyFrame]] = {}

    def _same_rows(self, ordered: pl.LazyFrame, unordered: pl.LazyFrame) -> pl.LazyFrame:
        """`ordered`, remembered as holding the rows of `unordered` in a set order."""
        self._unordered[id(ordered)] = (ordered, unordered)
        return ordered

    def _unordered_rows(self, relation: pl.LazyFrame) -> pl.LazyFrame:
        """The relation before a sort that only ordered its rows (the relation itself when there is none)."""
        known = self._unordered.get(id(relation))
        return known[1] if known is not None and known[0] is relation else relation

    def read(self, node_id: str, path: Path, schema: Schema, limit: int | None = None) -> pl.LazyFrame:
        frame = normalize(pl.scan_parquet(path)).select(list(schema))
        return frame.head(limit) if limit is not None else frame

    def apply(self, node: Any, inputs: list[tuple[Edge, Any]], schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        build = getattr(self, f"_{node.kind}")
        if node.kind in ORDER_BLIND:
            return build(node, [(edge, self._unordered_rows(r)) for edge, r in inputs], schemas, output)
        relation = build(node, inputs, schemas, output)
        if _row_wise(node) and (rows := self._unordered_rows(inputs[0][1])) is not inputs[0][1]:
            return self._same_rows(relation, build(node, [(inputs[0][0], rows)], schemas, output))
        return relation

    # --- one method per relational node kind ---------------------------------------------------------------------

    def _select(self, node: dag.SelectNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        return inputs[0][1].select(node.columns)

    def _drop(self, node: dag.DropNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        return inputs[0][1].drop(node.columns)

    def _rename(self, node: dag.RenameNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        return inputs[0][1].rename(node.columns)

    def _cast(self, node: dag.CastNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        source = schemas[0]
        casts = [polars_cast(name, source[name], T(target), node.on_error) for name, target in node.columns.items()]
        return inputs[0][1].with_columns(casts)

    def _filter(self, node: dag.FilterNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        return inputs[0][1].filter(expressions.to_polars(expressions.parse(node.condition), schemas[0]))

    def _derive(self, node: dag.DeriveNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        frame, schema = inputs[0][1], dict(schemas[0])
        for name, text in node.columns.items():
            parsed = expressions.parse(text)
            frame = frame.with_columns(expressions.to_polars(parsed, schema).alias(name))
            schema[name] = output[name] if name in output else expressions.check(parsed, schema).type
        return _conform(frame, output)

    def _sort(self, node: dag.SortNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        return _sort(inputs[0][1], node.by)

    def _limit(self, node: dag.LimitNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        return inputs[0][1].slice(node.offset, node.n)

    def _deduplicate(self, node: dag.DeduplicateNode, inputs: list, schemas: list[Schema], output: Schema) -> Any:
        orderable = [n for n, t in schemas[0].items() if t != T.OTHER]
        keys, ordering = node.keys or orderable, tie_broken(node.order_by, schemas[0])
        if set(keys) >= set(orderable):
            # Whole-row duplicates tie on every sort key, so the stable sort kept them in input order and `keep`
            # picks the first (last) seen: deduplicating first keeps the same rows, and sorting them after gives
            # the same order, as no two kept rows tie. Order-blind nodes read the rows before that sort.
            kept = inputs[0][1].unique(subset=keys, keep=node.keep)
            return self._same_rows(_sort(kept, ordering), kept)
        return _sort(inputs[0][1], ordering).unique(subset=keys, keep=node.keep, maintain_order=True)

    def _fill_missing(self, node: dag.FillMissingNode, inputs: list, schemas: list[Schema], output: Schema) -> Any:
        frame, schema = inputs[0][1], schemas[0]
        window = node.partition_by or None
        if any(spec.strategy in ("forward", "backward") for spec in node.columns.values()):
            frame = _sort(frame, tie_broken(node.order_by, schema))
        fills = []
        for name, spec in node.columns.items():
            column, target = pl.col(name), POLARS[output[name]]
            if spec.strategy == "constant":
                filled = column.fill_null(polars_constant(spec.value, schema[name]))
            elif spec.strategy in ("forward", "backward"):
                filler = column.forward_fill() if spec.strategy == "forward" else column.backward_fill()
                filled = filler.over(window) if window else filler
            else:
                value = (
                    column.drop_nulls().mode().min()
                    if spec.strategy == "mode"
                    else polars_aggregate(spec.strategy, column)
                )
                filled = column.cast(target).fill_null((value.over(window) if window else value).cast(target))
            fills.append(filled.cast(target).alias(name))
        return frame.with_columns(fills)

    def _join(self, node: dag.JoinNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        sides = {edge.port: (relation, schema) for (edge, relation), schema in zip(inputs, schemas, strict=True)}
        (left, left_schema), (right, right_schema) = sides["left"], sides["right"]
        key_casts_left, key_casts_right = [], []
        for left_key, right_key in zip(node.left_keys, node.right_keys, strict=True):
            if left_schema[left_key] != right_schema[right_key]:  # int with float: both sides as float
                key_casts_left.append(pl.col(left_key).cast(pl.Float64))
                key_casts_right.append(pl.col(right_key).cast(pl.Float64))
        if key_casts_left:
            left, right = left.with_columns(key_casts_left), right.with_columns(key_casts_right)
        joined = left.join(
            right,
            left_on=node.left_keys,
            right_on=node.right_keys,
            how=node.how,
            suffix=node.suffix,
            coalesce=True,
            nulls_equal=False,
        )
        return _conform(joined, output)

    def _union(self, node: dag.UnionNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        parts = []
        for (_, relation), schema in zip(inputs, schemas, strict=True):
            columns = [
                pl.col(n).cast(POLARS[t]) if n in schema else pl.lit(None, dtype=POLARS[t]).alias(n)
                for n, t in output.items()
            ]
            parts.append(relation.select(columns))
        stacked = pl.concat(parts, how="vertical")
        return stacked.unique(maintain_order=True) if node.distinct else stacked

    def _aggregate(self, node: dag.AggregateNode, inputs: list, schemas: list[Schema], output: Schema) -> Any:
        aggs = [
            polars_aggregate(a.function, pl.col(a.column) if a.column else None).alias(a.output)
            for a in node.aggregations
        ]
        frame = inputs[0][1]
        # Groups come in no set order, as from SQL's GROUP BY: keeping them in first-seen order costs time.
        grouped = frame.group_by(node.group_by).agg(aggs) if node.group_by else frame.select(aggs)
        return _conform(grouped, output)

    def _pivot(self, node: dag.PivotNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        key = polars_convert(pl.col(node.on), schemas[0][node.on], T.STRING)
        aggs = [
            polars_aggregate(node.function, pl.col(node.values).filter(key == value)).alias(value)
            for value in node.on_values
        ]
        return _conform(inputs[0][1].group_by(node.index).agg(aggs), output)

    def _unpivot(self, node: dag.UnpivotNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        value_type = POLARS.get(output[node.value_name])
        frame = inputs[0][1]
        if value_type is not None:
            frame = frame.with_columns([pl.col(c).cast(value_type) for c in node.columns])
        melted = frame.unpivot(
            on=node.columns, index=node.index, variable_name=node.variable_name, value_name=node.value_name
        )
        return _conform(melted, output)

    def _sql(self, node: dag.SqlNode, inputs: list, schemas: list[Schema], output: Schema) -> pl.LazyFrame:
        connection = sandbox()
        try:
            names = input_names([edge for edge, _ in inputs])
            views = {}
            for name, (_, relation) in zip(names, inputs, strict=True):
                connection.register(f"in_{name}", relation.collect())
                views[name] = f'"in_{name}"'
            result = scoped_view(connection, node.id, node.query, views)
            frame = connection.sql(cast_to(result, output)).pl()
        finally:
            connection.close()
        return frame.lazy()

    # --- running -------------------------------------------------------------------------------------------------

    def write_parquet(self, relation: pl.LazyFrame, path: Path) -> None:
        relation.sink_parquet(path)

    def collect(self, relation: pl.LazyFrame, limit: int | None = None) -> pl.DataFrame:
        return (relation.head(limit) if limit is not None else relation).collect()

    def count(self, relation: pl.LazyFrame) -> int:
        return int(relation.select(pl.len()).collect().item())

    def close(self) -> None:
        return None
