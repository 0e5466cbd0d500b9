"""The DAG model described for people and models: its JSON schema, and each node kind with one example."""

from __future__ import annotations

import inspect
import typing
from functools import cache
from typing import Any

from datalinx.core.pipelines import dag
from datalinx.core.pipelines.schemas import NodeKindDoc, PipelineSchema

EXAMPLES: dict[str, dict[str, Any]] = {
    "source": {"id": "orders", "kind": "source", "dataset": "orders"},
    "select": {"id": "keep", "kind": "select", "columns": ["order_id", "customer_id", "total_revenue"]},
    "drop": {"id": "no_pii", "kind": "drop", "columns": ["email", "phone"]},
    "rename": {"id": "names", "kind": "rename", "columns": {"total_revenue": "revenue"}},
    "cast": {"id": "types", "kind": "cast", "columns": {"order_date": "date", "quantity": "int64"}, "on_error": "null"},
    "filter": {"id": "german", "kind": "filter", "condition": "country = 'DE' and total_revenue > 100"},
    "derive": {
        "id": "month",
        "kind": "derive",
        "columns": {"order_month": "date_trunc('month', order_date)", "email": "lower(trim(email))"},
    },
    "sort": {"id": "biggest", "kind": "sort", "by": [{"column": "total_revenue", "descending": True}]},
    "limit": {"id": "top10", "kind": "limit", "n": 10},
    "sample": {"id": "some", "kind": "sample", "fraction": 0.1, "seed": 42},
    "deduplicate": {
        "id": "latest",
        "kind": "deduplicate",
        "keys": ["email"],
        "keep": "last",
        "order_by": [{"column": "signup_date"}],
    },
    "fill_missing": {
        "id": "fill",
        "kind": "fill_missing",
        "columns": {"age": {"strategy": "median"}, "segment": {"strategy": "constant", "value": "unknown"}},
    },
    "join": {"id": "with_customers", "kind": "join", "how": "left", "on": ["customer_id"]},
    "union": {"id": "all_years", "kind": "union"},
    "aggregate": {
        "id": "by_country",
        "kind": "aggregate",
        "group_by": ["country"],
        "aggregations": [
            {"function": "sum", "column": "total_revenue", "alias": "revenue"},
            {"function": "count", "alias": "orders"},
        ],
    },
    "pivot": {
        "id": "wide",
        "kind": "pivot",
        "index": ["country"],
        "on": "status",
        "on_values": ["shipped", "pending"],
        "values": "total_revenue",
        "function": "sum",
    },
    "unpivot": {"id": "long", "kind": "unpivot", "index": ["product_id"], "columns": ["price", "weight_kg"]},
    "sql": {
        "id": "custom",
        "kind": "sql",
        "query": "SELECT country, count(*) AS orders FROM orders GROUP BY country",
    },
    "dbt_model": {"id": "revenue_model", "kind": "dbt_model", "model": "monthly_revenue"},
    "quality_gate": {
        "id": "gate",
        "kind": "quality_gate",
        "min_score": 80,
        "checks": [{"issue_type": "exact_duplicate", "max_rows": 0}],
    },
    "sink_dataset": {"id": "save", "kind": "sink_dataset", "dataset": "orders_clean"},
    "sink_warehouse": {"id": "to_table", "kind": "sink_warehouse", "table": "orders_clean", "if_exists": "replace"},
    "sink_file": {"id": "export", "kind": "sink_file", "format": "csv", "name": "orders.csv"},
}

INPUTS = {
    "source": "none",
    "join": "two, on edges with port 'left' and port 'right'",
    "union": "two or more, stacked in edge order",
    "sql": "one or more; each is a table named by its edge's port (or the source node id)",
    "dbt_model": "any number; each is source('pipeline', <port or source node id>) in the model",
}

EXPRESSION_HELP = (
    'Expressions (filter conditions, derived columns) are SQL-like: columns by name ("quoted" when they hold '
    "spaces), 'text', numbers, true/false/null, date '2024-01-31'; = != < <= > >=, and/or/not, in (...), "
    "between, like, is [not] null, || to join text, + - * / % //; functions such as lower, upper, trim, length, "
    "substr, split_part(text, ' ', 1), replace, contains, coalesce, if(cond, a, b), case when, round, abs, year, "
    "month, day, date_trunc, date_diff, to_date. A date column may be compared with text: order_date >= '2024-01-01'."
)


def _node_classes() -> dict[str, type]:
    union = typing.get_args(typing.get_args(dag.Node)[0])
    return {typing.get_args(cls.model_fields["kind"].annotation)[0]: cls for cls in union}


@cache
def pipeline_schema() -> PipelineSchema:
    """The schema document, built once."""
    kinds = []
    for kind, cls in _node_classes().items():
        fewest, most = dag.arity(kind)
        default = "one" if (fewest, most) == (1, 1) else f"{fewest}..{most or 'many'}"
        kinds.append(
            NodeKindDoc(
                kind=kind,
                description=inspect.cleandoc(cls.__doc__ or ""),
                inputs=INPUTS.get(kind, default),
                example=EXAMPLES[kind],
            )
        )
    return PipelineSchema(
        schema_version=dag.SCHEMA_VERSION,
        json_schema=dag.PipelineDefinition.model_json_schema(),
        node_kinds=kinds,
        expression_help=EXPRESSION_HELP,
    )
