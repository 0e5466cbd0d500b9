"""Validation before running: every problem at once, each naming its node, field and column, with suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.local import checked
from datalinx.core.pipelines.problems import InvalidPipeline
from tests.core.pipelines.library import chain, make_tables, sink, src, write_tables


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_tables(tmp_path_factory.mktemp("tables"), make_tables(rows=50))


def problems(definition: dict, paths: dict[str, Path]) -> list[dict]:
    _, validation = checked(definition, paths)
    return [p.model_dump(exclude_none=True) for p in validation.problems]


def test_unknown_column_is_named_with_the_closest_one(paths: dict[str, Path]) -> None:
    found = problems(chain(src("orders"), {"id": "s", "kind": "select", "columns": ["custmer_id"]}, sink()), paths)
    assert found == [
        {
            "node": "s",
            "field": "columns",
            "column": "custmer_id",
            "message": "unknown column 'custmer_id' in the input",
            "suggestion": "did you mean 'customer_id'?",
        }
    ]


def test_every_problem_is_reported_at_once_not_just_the_first(paths: dict[str, Path]) -> None:
    definition = {
        "nodes": [
            src("orders"),
            {"id": "a", "kind": "select", "columns": ["nope"]},
            {"id": "b", "kind": "drop", "columns": ["also_nope"]},
            {"id": "c", "kind": "sort", "by": [{"column": "ammount"}]},
            sink("x"),
            sink("y"),
            sink("z"),
        ],
        "edges": [
            {"source": "orders", "target": "a"},
            {"source": "orders", "target": "b"},
            {"source": "orders", "target": "c"},
            {"source": "a", "target": "x"},
            {"source": "b", "target": "y"},
            {"source": "c", "target": "z"},
        ],
    }
    found = problems(definition, paths)
    assert [(p["node"], p["column"]) for p in found] == [("a", "nope"), ("b", "also_nope"), ("c", "ammount")]
    assert found[2]["suggestion"] == "did you mean 'amount'?"


def test_a_problem_upstream_is_not_repeated_downstream(paths: dict[str, Path]) -> None:
    definition = chain(
        src("orders"),
        {"id": "a", "kind": "select", "columns": ["missing"]},
        {"id": "b", "kind": "select", "columns": ["missing"]},
        sink(),
    )
    assert [p["node"] for p in problems(definition, paths)] == ["a"]


def test_cycle_is_reported_with_its_nodes(paths: dict[str, Path]) -> None:
    definition = {
        "nodes": [src("orders"), {"id": "a", "kind": "union"}, {"id": "b", "kind": "limit", "n": 1}, sink()],
        "edges": [
            {"source": "orders", "target": "a"},
            {"source": "b", "target": "a"},
            {"source": "a", "target": "b"},
            {"source": "b", "target": "out"},
        ],
    }
    found = problems(definition, paths)
    assert len(found) == 1 and "cycle" in found[0]["message"]
    assert "a, b" in found[0]["message"] and "out" in found[0]["message"]


def test_dangling_edge_names_the_missing_node_and_a_likely_one(paths: dict[str, Path]) -> None:
    definition = chain(src("orders"), sink())
    definition["edges"].append({"source": "ordrs", "target": "out"})
    found = problems(definition, paths)
    assert found[0]["field"] == "edges[1]"
    assert "'ordrs', which does not exist" in found[0]["message"]
    assert found[0]["suggestion"] == "did you mean 'orders'?"


def test_inputs_must_fit_each_kind(paths: dict[str, Path]) -> None:
    definition = {
        "nodes": [src("orders"), {"id": "j", "kind": "join", "on": ["order_id"]}, sink()],
        "edges": [{"source": "orders", "target": "j", "port": "left"}, {"source": "j", "target": "out"}],
    }
    assert problems(definition, paths)[0]["message"] == "a join node takes exactly 2 inputs, it has 1"


def test_join_needs_left_and_right_ports(paths: dict[str, Path]) -> None:
    definition = {
        "nodes": [src("orders"), src("customers"), {"id": "j", "kind": "join", "on": ["customer_id"]}, sink()],
        "edges": [
            {"source": "orders", "target": "j"},
            {"source": "customers", "target": "j"},
            {"source": "j", "target": "out"},
        ],
    }
    assert "ports 'left' and 'right'" in problems(definition, paths)[0]["message"]


def test_join_on_incompatible_keys_suggests_a_cast(paths: dict[str, Path]) -> None:
    definition = {
        "nodes": [
            src("orders"),
            src("customers"),
            {"id": "j", "kind": "join", "left_on": ["status"], "right_on": ["customer_id"]},
            sink(),
        ],
        "edges": [
            {"source": "orders", "target": "j", "port": "left"},
            {"source": "customers", "target": "j", "port": "right"},
            {"source": "j", "target": "out"},
        ],
    }
    found = problems(definition, paths)
    assert found[0]["message"] == "cannot join string column 'status' with int64 column 'customer_id'"
    assert "cast" in found[0]["suggestion"]


def test_type_mismatch_in_an_expression_names_the_column(paths: dict[str, Path]) -> None:
    definition = chain(src("orders"), {"id": "f", "kind": "filter", "condition": "lower(quantity) = 'x'"}, sink())
    found = problems(definition, paths)
    assert found[0]["node"] == "f" and found[0]["field"] == "condition"
    assert "quantity" in found[0]["message"] and "int64" in found[0]["message"]


def test_a_condition_must_be_true_or_false(paths: dict[str, Path]) -> None:
    definition = chain(src("orders"), {"id": "f", "kind": "filter", "condition": "amount + 1"}, sink())
    assert problems(definition, paths)[0]["message"] == "the condition gives float64, not true or false"


def test_aggregate_type_rules(paths: dict[str, Path]) -> None:
    definition = chain(
        src("orders"),
        {
            "id": "a",
            "kind": "aggregate",
            "group_by": ["status"],
            "aggregations": [{"function": "sum", "column": "status"}],
        },
        sink(),
    )
    assert problems(definition, paths)[0]["message"] == "sum cannot be computed on column 'status' of type string"


def test_sql_that_reads_files_or_other_nodes_is_refused(paths: dict[str, Path]) -> None:
    for query in (
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM customers",
        "SELECT * FROM main.n_orders",
        "DELETE FROM orders",
        "SELECT 1; SELECT 2",
    ):
        found = problems(chain(src("orders"), {"id": "q", "kind": "sql", "query": query}, sink()), paths)
        assert len(found) == 1 and found[0]["node"] == "q" and found[0]["field"] == "query", query


def test_sql_output_columns_are_known_before_running(paths: dict[str, Path]) -> None:
    definition = chain(
        src("orders"),
        {
            "id": "q",
            "kind": "sql",
            "query": "SELECT status, sum(amount) AS total, count(*) AS n FROM orders GROUP BY 1",
        },
        sink(),
    )
    _, validation = checked(definition, paths)
    assert validation.valid
    assert validation.schemas["q"] == {"status": "string", "total": "float64", "n": "int64"}


def test_deduplicate_without_order_is_deterministic_and_allowed(paths: dict[str, Path]) -> None:
    definition = chain(src("orders"), {"id": "d", "kind": "deduplicate", "keys": ["status"]}, sink())
    assert problems(definition, paths) == []


def test_sink_that_would_overwrite_a_dataset_is_refused(paths: dict[str, Path]) -> None:
    definition = chain(
        src("orders"), {"id": "out", "kind": "sink_dataset", "dataset": "customers", "if_exists": "error"}
    )
    found = problems(definition, paths)
    assert found[0]["field"] == "dataset" and "exists" in found[0]["message"]


def test_unknown_source_dataset_is_not_found(paths: dict[str, Path]) -> None:
    found = problems(chain(src("nowhere"), sink()), paths)
    assert found == [{"node": "nowhere", "message": "dataset 'nowhere' not found"}]


def test_model_refuses_unknown_fields_and_kinds() -> None:
    with pytest.raises(ValidationError) as refused:
        PipelineDefinition.model_validate(
            {"nodes": [{"id": "a", "kind": "source", "dataset": "x", "colour": "red"}, {"id": "b", "kind": "explode"}]}
        )
    text = str(refused.value)
    assert "colour" in text and "explode" in text


def test_invalid_pipeline_error_lists_every_problem(paths: dict[str, Path]) -> None:
    definition = chain(src("orders"), {"id": "s", "kind": "select", "columns": ["x", "y"]}, sink())
    _, validation = checked(definition, paths)
    with pytest.raises(InvalidPipeline) as raised:
        validation.raise_for_problems()
    assert raised.value.message.startswith("the pipeline has 2 problems: node 's' (columns): unknown column 'x'")
    assert [d["column"] for d in raised.value.details or []] == ["x", "y"]


def test_columns_differing_only_in_case_are_refused(paths: dict[str, Path]) -> None:
    definition = chain(src("orders"), {"id": "d", "kind": "derive", "columns": {"Status": "upper(status)"}}, sink())
    found = problems(definition, paths)
    assert found[0]["node"] == "d" and found[0]["column"] == "Status"
    assert "differ only in letter case" in found[0]["message"]
