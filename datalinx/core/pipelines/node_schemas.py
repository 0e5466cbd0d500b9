"""Each node kind's output schema from its inputs' schemas, reporting what does not fit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from datalinx.core.errors import DatalinxError
from datalinx.core.pipelines import dag, expressions, sql
from datalinx.core.pipelines.casts import parse_temporal
from datalinx.core.pipelines.dag import Aggregation, Edge, SortKey
from datalinx.core.pipelines.gate import ISSUE_TYPES
from datalinx.core.pipelines.problems import did_you_mean
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL, ColumnType, Schema, common_supertype

T = ColumnType
Inputs = list[tuple[Edge, Schema]]
DIMENSIONS = ("completeness", "uniqueness", "validity", "consistency", "accuracy", "ml_readiness")
# Conversions a cast node may make: from a type to the types listed.
CASTS: dict[ColumnType, set[ColumnType]] = {
    T.STRING: {T.STRING, T.INT64, T.FLOAT64, T.BOOL, T.DATE, T.DATETIME},
    T.INT64: {T.STRING, T.INT64, T.FLOAT64, T.BOOL},
    T.FLOAT64: {T.STRING, T.INT64, T.FLOAT64},
    T.BOOL: {T.STRING, T.INT64, T.BOOL},
    T.DATE: {T.STRING, T.DATE, T.DATETIME},
    T.DATETIME: {T.STRING, T.DATE, T.DATETIME},
    T.NULL: {T.STRING, T.INT64, T.FLOAT64, T.BOOL, T.DATE, T.DATETIME},
}


def _only(inputs: Inputs) -> Schema:
    return inputs[0][1]


def _sort_keys(keys: list[SortKey], schema: Schema, report: Any, field: str) -> None:
    for index, key in enumerate(keys):
        if report.column(key.column, schema, field=f"{field}[{index}].column") and schema[key.column] == T.OTHER:
            report.problem(f"column '{key.column}' cannot be ordered", field=f"{field}[{index}]", column=key.column)


def _source(node: dag.SourceNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    return catalog.source_schema(node)


def _select(node: dag.SelectNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = _only(inputs)
    report.columns(node.columns, schema, field="columns")
    if len(set(node.columns)) != len(node.columns):
        report.problem("a column is selected twice", field="columns")
    return {name: schema[name] for name in node.columns if name in schema}


def _drop(node: dag.DropNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = _only(inputs)
    report.columns(node.columns, schema, field="columns")
    out = {name: kind for name, kind in schema.items() if name not in node.columns}
    if not out:
        report.problem("dropping every column leaves nothing", field="columns")
    return out


def _rename(node: dag.RenameNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = _only(inputs)
    report.columns(list(node.columns), schema, field="columns")
    out = {node.columns.get(name, name): kind for name, kind in schema.items()}
    if len(out) != len(schema):
        report.problem("renaming would give two columns the same name", field="columns")
    return out


def _cast(node: dag.CastNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = dict(_only(inputs))
    for name, target in node.columns.items():
        if not report.column(name, schema, field="columns"):
            continue
        wanted = T(target)
        if wanted not in CASTS.get(schema[name], set()):
            report.problem(f"cannot cast column '{name}' from {schema[name]} to {wanted}", field="columns", column=name)
        schema[name] = wanted
    return schema


def _expression_error(report: Any, exc: DatalinxError, field: str) -> None:
    report.problem(
        exc.message, field=field, column=getattr(exc, "column", None), suggestion=getattr(exc, "suggestion", None)
    )


def _filter(node: dag.FilterNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = _only(inputs)
    try:
        checked = expressions.check(expressions.parse(node.condition), schema)
    except expressions.ExpressionError as exc:
        _expression_error(report, exc, "condition")
        return schema
    if checked.type not in (T.BOOL, T.NULL):
        report.problem(f"the condition gives {checked.type}, not true or false", field="condition")
    return schema


def _derive(node: dag.DeriveNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = dict(_only(inputs))
    for name, text in node.columns.items():
        try:
            checked = expressions.check(expressions.parse(text), schema)
        except expressions.ExpressionError as exc:
            _expression_error(report, exc, f"columns.{name}")
            continue
        schema[name] = checked.type if checked.type != T.NULL else T.STRING
    return schema


def _sort(node: dag.SortNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    _sort_keys(node.by, _only(inputs), report, "by")
    return _only(inputs)


def _passthrough(node: Any, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    return _only(inputs)


def _deduplicate(node: dag.DeduplicateNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = _only(inputs)
    if node.keys is not None:
        report.columns(node.keys, schema, field="keys")
    _sort_keys(node.order_by, schema, report, "order_by")
    return schema


def _fill(node: dag.FillMissingNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = dict(_only(inputs))
    report.columns(node.partition_by, schema, field="partition_by")
    _sort_keys(node.order_by, schema, report, "order_by")
    for name, spec in node.columns.items():
        if not report.column(name, schema, field="columns"):
            continue
        kind, where = schema[name], f"columns.{name}"
        if spec.strategy in ("mean", "median"):
            if kind not in NUMERIC:
                report.problem(f"{spec.strategy} needs a numeric column; '{name}' is {kind}", field=where, column=name)
            schema[name] = T.FLOAT64
        elif spec.strategy in ("forward", "backward") and not node.order_by:
            report.problem(f"{spec.strategy} fill needs `order_by` to say which value comes before", field="order_by")
        elif spec.strategy == "constant" and not _fits(spec.value, kind):
            report.problem(
                f"the value {spec.value!r} does not fit column '{name}' of type {kind}", field=where, column=name
            )
        elif kind == T.OTHER:
            report.problem(f"column '{name}' of this type cannot be filled", field=where, column=name)
    return schema


def _fits(value: Any, kind: ColumnType) -> bool:
    """Whether a constant can fill a column of `kind` (dates as ISO text)."""
    if kind == T.STRING:
        return isinstance(value, str)
    if kind == T.BOOL:
        return isinstance(value, bool)
    if kind == T.INT64:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == T.FLOAT64:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind in TEMPORAL:
        return isinstance(value, str) and parse_temporal(value, kind) is not None
    return False


def _join(node: dag.JoinNode, inputs: Inputs, catalog: Any, report: Any) -> Schema | None:
    ports = {edge.port: schema for edge, schema in inputs}
    if set(ports) != {"left", "right"}:
        report.problem("a join's two input edges need the ports 'left' and 'right'", field="edges")
        return None
    left, right = ports["left"], ports["right"]
    ok = report.columns(node.left_keys, left, field="on" if node.on else "left_on", side="left input")
    ok = report.columns(node.right_keys, right, field="on" if node.on else "right_on", side="right input") and ok
    if not ok:
        return None
    for left_key, right_key in zip(node.left_keys, node.right_keys, strict=True):
        a, b = left[left_key], right[right_key]
        if a == T.OTHER or b == T.OTHER or (a != b and {a, b} != NUMERIC):
            report.problem(
                f"cannot join {a} column '{left_key}' with {b} column '{right_key}'",
                field="on" if node.on else "left_on",
                column=left_key,
                suggestion="cast one side first so both keys have the same type",
            )
    if node.how in ("semi", "anti"):
        return dict(left)
    out = dict(left)
    for name, kind in right.items():
        if name in node.right_keys:
            continue
        target = name if name not in out else f"{name}{node.suffix}"
        if target in out:
            report.problem(f"column '{target}' would appear twice; choose another suffix", field="suffix")
        out[target] = kind
    for left_key, right_key in zip(node.left_keys, node.right_keys, strict=True):
        out[left_key] = common_supertype(left[left_key], right[right_key]) or left[left_key]
    return out


def _union(node: dag.UnionNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    out: Schema = {}
    for edge, schema in inputs:
        for name, kind in schema.items():
            if name not in out:
                out[name] = kind
                continue
            merged = common_supertype(out[name], kind)
            if merged is None or merged == T.OTHER:
                report.problem(
                    f"column '{name}' is {out[name]} in one input and {kind} in '{edge.source}'",
                    field="edges",
                    column=name,
                    suggestion="cast the column to one type before the union",
                )
            else:
                out[name] = merged
    return out


def aggregate_type(function: str, kind: ColumnType | None) -> ColumnType | None:
    """The result type of an aggregate over a column of `kind` (None: not allowed on it)."""
    if function in ("count", "count_distinct"):
        return T.INT64 if kind != T.OTHER else None
    if function in ("sum",):
        return kind if kind in NUMERIC else None
    if function in ("mean", "median"):
        return T.FLOAT64 if kind in NUMERIC else None
    return kind if kind not in (T.OTHER, T.BOOL, None) else None  # min, max


def _aggregation(agg: Aggregation, schema: Schema, report: Any, field: str) -> ColumnType | None:
    if agg.column is None:
        return T.INT64
    if not report.column(agg.column, schema, field=f"{field}.column"):
        return None
    result = aggregate_type(agg.function, schema[agg.column])
    if result is None:
        report.problem(
            f"{agg.function} cannot be computed on column '{agg.column}' of type {schema[agg.column]}",
            field=field,
            column=agg.column,
        )
    return result


def _aggregate(node: dag.AggregateNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = _only(inputs)
    report.columns(node.group_by, schema, field="group_by")
    out: Schema = {name: schema[name] for name in node.group_by if name in schema}
    for index, agg in enumerate(node.aggregations):
        result = _aggregation(agg, schema, report, f"aggregations[{index}]")
        if agg.output in out:
            report.problem(
                f"output column '{agg.output}' appears twice; give it an alias", field=f"aggregations[{index}]"
            )
        out[agg.output] = result or T.OTHER
    return out


def _pivot(node: dag.PivotNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = _only(inputs)
    report.columns([*node.index, node.on, node.values], schema, field="index")
    out: Schema = {name: schema[name] for name in node.index if name in schema}
    if node.values in schema:
        result = _aggregation(Aggregation(function=node.function, column=node.values), schema, report, "values")
        for value in node.on_values:
            if value in out:
                report.problem(f"the pivoted value '{value}' clashes with an index column", field="on_values")
            out[value] = result or T.OTHER
    if len(set(node.on_values)) != len(node.on_values):
        report.problem("a value appears twice in on_values", field="on_values")
    return out


def _unpivot(node: dag.UnpivotNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = _only(inputs)
    report.columns(node.index, schema, field="index")
    report.columns(node.columns, schema, field="columns")
    value: ColumnType | None = T.NULL
    for name in node.columns:
        if name in schema and value is not None:
            value = common_supertype(value, schema[name])
    if value is None or value == T.OTHER:
        report.problem("the unpivoted columns need types that fit one column", field="columns")
    out: Schema = {name: schema[name] for name in node.index if name in schema}
    if node.variable_name in out or node.value_name in out or node.variable_name == node.value_name:
        report.problem(
            "variable_name and value_name must differ from each other and from the index", field="value_name"
        )
    out[node.variable_name] = T.STRING
    out[node.value_name] = value or T.OTHER
    return out


def input_names(inputs: list[Edge]) -> list[str]:
    """The table names an SQL or dbt node's inputs go by: the edge's port, else the source node's id."""
    return [edge.port or edge.source for edge in inputs]


def _named_inputs(inputs: Inputs, report: Any) -> dict[str, Schema]:
    names = input_names([edge for edge, _ in inputs])
    if len(set(names)) != len(names):
        report.problem("two inputs have the same table name; give the edges distinct ports", field="edges")
    return dict(zip(names, (schema for _, schema in inputs), strict=True))


def _sql(node: dag.SqlNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    return sql.output_schema(node.id, node.query, _named_inputs(inputs, report))


def _dbt(node: dag.DbtModelNode, inputs: Inputs, catalog: Any, report: Any) -> Schema | None:
    _named_inputs(inputs, report)
    models = catalog.dbt_models()
    if node.model not in models:
        hint = did_you_mean(node.model, models) or (
            "the workspace's dbt project has no models yet" if not models else None
        )
        report.problem(f"the dbt project has no model '{node.model}'", field="model", suggestion=hint)
    return None


def _gate(node: dag.QualityGateNode, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    for name in node.min_dimensions:
        if name not in DIMENSIONS:
            report.problem(
                f"unknown dimension '{name}'", field="min_dimensions", suggestion=did_you_mean(name, DIMENSIONS)
            )
    schema = _only(inputs)
    for index, check in enumerate(node.checks):
        if check.issue_type not in ISSUE_TYPES:
            report.problem(
                f"unknown issue type '{check.issue_type}'",
                field=f"checks[{index}].issue_type",
                suggestion=did_you_mean(check.issue_type, ISSUE_TYPES),
            )
        if check.column is not None:
            report.column(check.column, schema, field=f"checks[{index}].column")
    return schema


def _sink_dataset(node: dag.DatasetSink, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    if node.if_exists == "error" and catalog.dataset_exists(node.dataset):
        report.problem(
            f"dataset '{node.dataset}' exists and if_exists is 'error'",
            field="dataset",
            suggestion="set if_exists to 'new_version' to add a version, or choose a new name",
        )
    return _only(inputs)


def _sink_warehouse(node: dag.WarehouseSink, inputs: Inputs, catalog: Any, report: Any) -> Schema:
    schema = _only(inputs)
    existing = catalog.warehouse_schema(node.table)
    if existing is not None and node.if_exists == "error":
        report.problem(
            f"warehouse table '{node.table}' exists and if_exists is 'error'",
            field="table",
            suggestion="set if_exists to 'replace' or 'append', or choose a new table name",
        )
    if existing is not None and node.if_exists == "append" and existing != schema:
        report.problem(
            f"appending needs the same columns and types as table '{node.table}' ({_describe(existing)}); "
            f"the input has {_describe(schema)}",
            field="table",
        )
    return schema


def _describe(schema: Schema) -> str:
    return ", ".join(f"{name} {kind}" for name, kind in schema.items())


Rule = Callable[[Any, Inputs, Any, Any], Schema | None]
RULES: dict[str, Rule] = {
    "source": _source,
    "select": _select,
    "drop": _drop,
    "rename": _rename,
    "cast": _cast,
    "filter": _filter,
    "derive": _derive,
    "sort": _sort,
    "limit": _passthrough,
    "sample": _passthrough,
    "deduplicate": _deduplicate,
    "fill_missing": _fill,
    "join": _join,
    "union": _union,
    "aggregate": _aggregate,
    "pivot": _pivot,
    "unpivot": _unpivot,
    "sql": _sql,
    "dbt_model": _dbt,
    "quality_gate": _gate,
    "sink_dataset": _sink_dataset,
    "sink_warehouse": _sink_warehouse,
    "sink_file": _passthrough,
}


def output_schema(node: Any, inputs: Inputs, catalog: Any, report: Any) -> Schema | None:
    """The node's output columns and types (None for a dbt model, known only once it runs)."""
    return RULES[node.kind](node, inputs, catalog, report)
