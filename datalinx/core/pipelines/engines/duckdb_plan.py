"""The DuckDB engine: each node becomes a view defined by one SELECT over its inputs' views, in a sandbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from datalinx.core.pipelines import dag, expressions
from datalinx.core.pipelines.aggregates import sql_aggregate
from datalinx.core.pipelines.casts import sql_cast, sql_constant, sql_convert
from datalinx.core.pipelines.dag import Edge, SortKey
from datalinx.core.pipelines.engines.ordering import reversed_keys, tie_broken
from datalinx.core.pipelines.node_schemas import aggregate_type, input_names
from datalinx.core.pipelines.sql import cast_to, literal, quote, sandbox, scoped_view
from datalinx.core.pipelines.types import DUCKDB, ColumnType, Schema

T = ColumnType


def _typed(name: str, kind: ColumnType) -> str:
    return (
        f"CAST({quote(name)} AS {DUCKDB[kind]}) AS {quote(name)}" if kind in DUCKDB and kind != T.NULL else quote(name)
    )


def _columns(schema: Schema) -> str:
    return ", ".join(quote(n) for n in schema)


def order_by(keys: list[SortKey]) -> str:
    """An ORDER BY list: direction and null placement spelled out for every key."""
    return ", ".join(
        f"{quote(k.column)} {'DESC' if k.descending else 'ASC'} NULLS {'LAST' if k.nulls_last else 'FIRST'}"
        for k in keys
    )


class DuckdbEngine:
    """Relations are view names in one in-memory DuckDB that reads only its sources and its work folder."""

    name = "duckdb"

    def __init__(self, *, work_dir: Path, readable: list[Path] | None = None, execute: bool = True) -> None:
        self.work_dir = work_dir
        self.statements: list[str] = []
        self.connection: duckdb.DuckDBPyConnection | None = None
        if execute:
            work_dir.mkdir(parents=True, exist_ok=True)
            self.connection = sandbox(readable=readable or [], writable=work_dir)

    def _define(self, node_id: str, select: str) -> str:
        view = quote(f"n_{node_id}")
        self._run(f"CREATE VIEW {view} AS {select}")
        return view

    def _run(self, statement: str) -> None:
        self.statements.append(statement)
        if self.connection is not None:
            self.connection.execute(statement).fetchall()

    def read(self, node_id: str, path: Path, schema: Schema, limit: int | None = None) -> str:
        location = literal(path)
        casts = ", ".join(_typed(n, t) for n, t in schema.items())
        suffix = f" LIMIT {int(limit)}" if limit is not None else ""
        return self._define(node_id, f"SELECT {casts} FROM read_parquet({location}){suffix}")

    def apply(self, node: Any, inputs: list[tuple[Edge, Any]], schemas: list[Schema], output: Schema) -> str:
        if node.kind == "sql":
            names = input_names([edge for edge, _ in inputs])
            result = scoped_view(self, node.id, node.query, dict(zip(names, (r for _, r in inputs), strict=True)))
            return self._define(node.id, cast_to(result, output))
        select = getattr(self, f"_{node.kind}")(node, inputs, schemas, output)
        return self._define(node.id, select)

    # scoped_view() calls `execute` on what it is given; the engine records and runs it like its own statements.
    def execute(self, statement: str) -> None:
        self._run(statement)

    # --- one method per relational node kind: a SELECT over the input views -------------------------------------

    def _select(self, node: dag.SelectNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        return f"SELECT {_columns(output)} FROM {inputs[0][1]}"

    _drop = _select

    def _rename(self, node: dag.RenameNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        columns = ", ".join(f"{quote(n)} AS {quote(node.columns.get(n, n))}" for n in schemas[0])
        return f"SELECT {columns} FROM {inputs[0][1]}"

    def _cast(self, node: dag.CastNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        source = schemas[0]
        columns = [
            sql_cast(n, source[n], T(node.columns[n]), node.on_error) if n in node.columns else quote(n) for n in source
        ]
        return f"SELECT {', '.join(columns)} FROM {inputs[0][1]}"

    def _filter(self, node: dag.FilterNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        condition = expressions.to_sql(expressions.parse(node.condition), schemas[0])
        return f"SELECT * FROM {inputs[0][1]} WHERE {condition}"

    def _derive(self, node: dag.DeriveNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        relation, schema = inputs[0][1], dict(schemas[0])
        for name, text in node.columns.items():
            parsed = expressions.parse(text)
            value = f"CAST({expressions.to_sql(parsed, schema)} AS {DUCKDB[output[name]]}) AS {quote(name)}"
            columns = [value if n == name else quote(n) for n in schema]
            if name not in schema:
                columns.append(value)
            relation = f"(SELECT {', '.join(columns)} FROM {relation})"
            schema[name] = output[name]
        return f"SELECT * FROM {relation}"

    def _sort(self, node: dag.SortNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        return f"SELECT * FROM {inputs[0][1]} ORDER BY {order_by(node.by)}"

    def _limit(self, node: dag.LimitNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        return f"SELECT * FROM {inputs[0][1]} LIMIT {node.n} OFFSET {node.offset}"

    def _deduplicate(self, node: dag.DeduplicateNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        keys = node.keys or [n for n, t in schemas[0].items() if t != T.OTHER]
        ordering = tie_broken(node.order_by, schemas[0])
        if node.keep == "last":
            ordering = reversed_keys(ordering)
        ranked = (
            f"SELECT *, ROW_NUMBER() OVER (PARTITION BY {', '.join(quote(k) for k in keys)} "
            f"ORDER BY {order_by(ordering)}) AS __dlx_rank FROM {inputs[0][1]}"
        )
        return f"SELECT {_columns(output)} FROM ({ranked}) WHERE __dlx_rank = 1 ORDER BY {order_by(ordering)}"

    def _fill_missing(self, node: dag.FillMissingNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        schema = schemas[0]
        partition = f"PARTITION BY {', '.join(quote(c) for c in node.partition_by)}" if node.partition_by else ""
        ordering = order_by(tie_broken(node.order_by, schema))
        columns = []
        for name, kind in schema.items():
            spec = node.columns.get(name)
            column, target = quote(name), DUCKDB.get(output[name], "VARCHAR")
            if spec is None:
                columns.append(column)
                continue
            if spec.strategy == "constant":
                value = sql_constant(spec.value, kind)
            elif spec.strategy == "forward":
                frame = "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
                value = f"LAST_VALUE({column} IGNORE NULLS) OVER ({partition} ORDER BY {ordering} {frame})"
            elif spec.strategy == "backward":
                frame = "ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING"
                value = f"FIRST_VALUE({column} IGNORE NULLS) OVER ({partition} ORDER BY {ordering} {frame})"
            elif spec.strategy == "mode":
                counted = f"SELECT {column} AS v FROM {inputs[0][1]} WHERE {column} IS NOT NULL GROUP BY {column}"
                value = f"({counted} ORDER BY COUNT(*) DESC, v ASC LIMIT 1)"
            else:
                result = aggregate_type(spec.strategy, kind) or T.FLOAT64
                value = sql_aggregate(spec.strategy, column, result, over=partition)
            columns.append(f"CAST(COALESCE(CAST({column} AS {target}), {value}) AS {target}) AS {column}")
        suffix = (
            f" ORDER BY {ordering}" if any(s.strategy in ("forward", "backward") for s in node.columns.values()) else ""
        )
        return f"SELECT {', '.join(columns)} FROM {inputs[0][1]}{suffix}"

    def _join(self, node: dag.JoinNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        sides = {edge.port: (relation, schema) for (edge, relation), schema in zip(inputs, schemas, strict=True)}
        (left, left_schema), (right, right_schema) = sides["left"], sides["right"]
        condition = " AND ".join(
            f"l.{quote(a)} = r.{quote(b)}" for a, b in zip(node.left_keys, node.right_keys, strict=True)
        )
        if node.how in ("semi", "anti"):
            return f"SELECT l.* FROM {left} AS l {node.how.upper()} JOIN {right} AS r ON {condition}"
        keys = dict(zip(node.left_keys, node.right_keys, strict=True))
        columns = []
        for name in left_schema:
            if name in keys:
                columns.append(
                    f"CAST(COALESCE(l.{quote(name)}, r.{quote(keys[name])}) AS {DUCKDB[output[name]]}) AS {quote(name)}"
                )
            else:
                columns.append(f"l.{quote(name)}")
        for name in right_schema:
            if name not in node.right_keys:
                target = name if name not in left_schema else f"{name}{node.suffix}"
                columns.append(f"r.{quote(name)} AS {quote(target)}")
        how = {"inner": "INNER", "left": "LEFT", "right": "RIGHT", "full": "FULL OUTER"}[node.how]
        return f"SELECT {', '.join(columns)} FROM {left} AS l {how} JOIN {right} AS r ON {condition}"

    def _union(self, node: dag.UnionNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        parts = []
        for (_, relation), schema in zip(inputs, schemas, strict=True):
            columns = [
                _typed(n, t) if n in schema else f"CAST(NULL AS {DUCKDB.get(t, 'VARCHAR')}) AS {quote(n)}"
                for n, t in output.items()
            ]
            parts.append(f"SELECT {', '.join(columns)} FROM {relation}")
        return f" {'UNION' if node.distinct else 'UNION ALL'} ".join(parts)

    def _aggregate(self, node: dag.AggregateNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        groups = [quote(c) for c in node.group_by]
        aggs = [
            f"{sql_aggregate(a.function, quote(a.column) if a.column else None, output[a.output])} AS {quote(a.output)}"
            for a in node.aggregations
        ]
        group = f" GROUP BY {', '.join(groups)}" if groups else ""
        return f"SELECT {', '.join([*groups, *aggs])} FROM {inputs[0][1]}{group}"

    def _pivot(self, node: dag.PivotNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        key = sql_convert(quote(node.on), schemas[0][node.on], T.STRING)
        groups = [quote(c) for c in node.index]
        aggs = []
        for value in node.on_values:
            aggregate = sql_aggregate(node.function, quote(node.values), output[value], f"{key} = {literal(value)}")
            aggs.append(f"{aggregate} AS {quote(value)}")
        return f"SELECT {', '.join([*groups, *aggs])} FROM {inputs[0][1]} GROUP BY {', '.join(groups)}"

    def _unpivot(self, node: dag.UnpivotNode, inputs: list, schemas: list[Schema], output: Schema) -> str:
        value_type = DUCKDB.get(output[node.value_name], "VARCHAR")
        index = [quote(c) for c in node.index]
        parts = []
        for column in node.columns:
            selected = [
                *index,
                f"{literal(column)} AS {quote(node.variable_name)}",
                f"CAST({quote(column)} AS {value_type}) AS {quote(node.value_name)}",
            ]
            parts.append(f"SELECT {', '.join(selected)} FROM {inputs[0][1]}")
        return " UNION ALL ".join(parts)

    # --- running -------------------------------------------------------------------------------------------------

    def _conn(self) -> duckdb.DuckDBPyConnection:
        assert self.connection is not None, "this engine only records SQL"
        return self.connection

    def write_parquet(self, relation: str, path: Path) -> None:
        location = literal(path)
        self._conn().execute(f"COPY (SELECT * FROM {relation}) TO {location} (FORMAT parquet)").fetchall()

    def collect(self, relation: str, limit: int | None = None) -> pl.DataFrame:
        suffix = f" LIMIT {int(limit)}" if limit is not None else ""
        return self._conn().sql(f"SELECT * FROM {relation}{suffix}").pl()

    def count(self, relation: str) -> int:
        rows = self._conn().execute(f"SELECT COUNT(*) FROM {relation}").fetchall()
        return int(rows[0][0]) if rows else 0

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
