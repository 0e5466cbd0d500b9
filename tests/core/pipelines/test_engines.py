"""Every node kind on Polars and on DuckDB: the same DAG gives the same rows, types and columns on both."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from tests.core.pipelines.library import canonical, chain, make_tables, run_on, sink, src, write_tables


def dag(nodes: list[dict[str, Any]], edges: list[tuple[str, ...]]) -> dict[str, Any]:
    return {
        "nodes": nodes,
        "edges": [dict(zip(("source", "target", "port"), e, strict=False)) for e in edges],
    }


CASES: dict[str, dict[str, Any]] = {
    "select": chain(src("orders"), {"id": "s", "kind": "select", "columns": ["status", "order_id"]}, sink()),
    "drop": chain(src("customers"), {"id": "d", "kind": "drop", "columns": ["email", "vip"]}, sink()),
    "rename": chain(src("customers"), {"id": "r", "kind": "rename", "columns": {"name": "full_name"}}, sink()),
    "cast_to_null": chain(
        src("orders"),
        {
            "id": "c",
            "kind": "cast",
            "columns": {"code": "int64", "amount": "int64", "quantity": "string", "ordered_at": "date"},
            "on_error": "null",
        },
        sink(),
    ),
    "cast_text_forms": chain(
        src("orders"),
        {"id": "c", "kind": "cast", "columns": {"code": "float64", "ordered_at": "string"}, "on_error": "null"},
        sink(),
    ),
    "cast_dates_and_bools": chain(
        src("customers"),
        {"id": "c", "kind": "cast", "columns": {"signup": "string", "vip": "int64", "age": "float64"}},
        {"id": "back", "kind": "cast", "columns": {"signup": "date", "vip": "bool"}},
        sink(),
    ),
    "filter": chain(
        src("orders"), {"id": "f", "kind": "filter", "condition": "status = 'shipped' and amount > 100"}, sink()
    ),
    "filter_dates_nulls": chain(
        src("orders"),
        {"id": "f", "kind": "filter", "condition": "ordered_at >= '2023-06-01' or quantity is null"},
        sink(),
    ),
    "derive": chain(
        src("orders"),
        {
            "id": "d",
            "kind": "derive",
            "columns": {
                "total": "amount * quantity",
                "month": "date_trunc('month', ordered_at)",
                "big": "amount > 250",
                "status": "upper(coalesce(status, 'unknown'))",
                "label": "status || '-' || order_id",
            },
        },
        sink(),
    ),
    "sort_limit": chain(
        src("orders"),
        {"id": "s", "kind": "sort", "by": [{"column": "amount", "descending": True}, {"column": "order_id"}]},
        {"id": "l", "kind": "limit", "n": 25, "offset": 5},
        sink(),
    ),
    "sort_nulls_first_limit": chain(
        src("customers"),
        {"id": "s", "kind": "sort", "by": [{"column": "age", "nulls_last": False}, {"column": "customer_id"}]},
        {"id": "l", "kind": "limit", "n": 10},
        sink(),
    ),
    "sample_n": chain(src("orders"), {"id": "s", "kind": "sample", "n": 37, "seed": 9}, sink()),
    "sample_fraction": chain(src("customers"), {"id": "s", "kind": "sample", "fraction": 0.25, "seed": 1}, sink()),
    "deduplicate_all": chain(
        src("customers"),
        {"id": "p", "kind": "select", "columns": ["country", "vip"]},
        {"id": "d", "kind": "deduplicate"},
        sink(),
    ),
    "deduplicate_first_by_order": chain(
        src("orders"),
        {"id": "d", "kind": "deduplicate", "keys": ["customer_id"], "order_by": [{"column": "ordered_at"}]},
        sink(),
    ),
    "deduplicate_last_with_ties": chain(
        src("orders"), {"id": "d", "kind": "deduplicate", "keys": ["status"], "keep": "last"}, sink()
    ),
    "fill_missing_stats": chain(
        src("orders"),
        {
            "id": "f",
            "kind": "fill_missing",
            "columns": {
                "amount": {"strategy": "mean"},
                "quantity": {"strategy": "median"},
                "status": {"strategy": "mode"},
                "code": {"strategy": "constant", "value": "none"},
            },
        },
        sink(),
    ),
    "fill_missing_forward_by_partition": chain(
        src("orders"),
        {
            "id": "f",
            "kind": "fill_missing",
            "columns": {"amount": {"strategy": "forward"}, "status": {"strategy": "backward"}},
            "order_by": [{"column": "ordered_at"}],
            "partition_by": ["customer_id"],
        },
        sink(),
    ),
    "fill_missing_mean_by_group": chain(
        src("orders"),
        {
            "id": "f",
            "kind": "fill_missing",
            "columns": {"amount": {"strategy": "mean"}, "ordered_at": {"strategy": "constant", "value": "2024-01-01"}},
            "partition_by": ["status"],
        },
        sink(),
    ),
    "aggregate": chain(
        src("orders"),
        {
            "id": "a",
            "kind": "aggregate",
            "group_by": ["status"],
            "aggregations": [
                {"function": "sum", "column": "amount", "alias": "revenue"},
                {"function": "sum", "column": "quantity"},
                {"function": "mean", "column": "amount"},
                {"function": "median", "column": "quantity"},
                {"function": "min", "column": "ordered_at"},
                {"function": "max", "column": "status", "alias": "last_status"},
                {"function": "count", "alias": "rows"},
                {"function": "count", "column": "amount", "alias": "priced"},
                {"function": "count_distinct", "column": "customer_id", "alias": "buyers"},
            ],
        },
        sink(),
    ),
    "aggregate_everything": chain(
        src("orders"),
        {"id": "f", "kind": "filter", "condition": "amount > 1000000"},
        {
            "id": "a",
            "kind": "aggregate",
            "aggregations": [{"function": "sum", "column": "amount"}, {"function": "count"}],
        },
        sink(),
    ),
    "pivot": chain(
        src("orders"),
        {
            "id": "p",
            "kind": "pivot",
            "index": ["customer_id"],
            "on": "status",
            "on_values": ["shipped", "pending", "refunded"],
            "values": "amount",
            "function": "sum",
        },
        sink(),
    ),
    "pivot_count_on_numbers": chain(
        src("orders"),
        {
            "id": "p",
            "kind": "pivot",
            "index": ["status"],
            "on": "quantity",
            "on_values": ["0", "1", "2"],
            "values": "order_id",
            "function": "count",
        },
        sink(),
    ),
    "unpivot": chain(
        src("orders"),
        {"id": "u", "kind": "unpivot", "index": ["order_id"], "columns": ["amount", "quantity"]},
        sink(),
    ),
    "sql": chain(
        src("orders"),
        {
            "id": "q",
            "kind": "sql",
            "query": "SELECT status, count(*) AS n, sum(amount) AS total, 1.5 AS k FROM orders GROUP BY status",
        },
        sink(),
    ),
    "union": dag(
        [
            src("orders"),
            src("returns"),
            {"id": "neg", "kind": "derive", "columns": {"amount": "0 - amount"}},
            {"id": "u", "kind": "union"},
            sink(),
        ],
        [("orders", "u"), ("returns", "neg"), ("neg", "u"), ("u", "out")],
    ),
    "union_distinct": dag(
        [
            src("customers", "a"),
            src("customers", "b"),
            {"id": "pa", "kind": "select", "columns": ["country"]},
            {"id": "pb", "kind": "select", "columns": ["country"]},
            {"id": "u", "kind": "union", "distinct": True},
            sink(),
        ],
        [("a", "pa"), ("b", "pb"), ("pa", "u"), ("pb", "u"), ("u", "out")],
    ),
    "sql_two_inputs": dag(
        [
            src("orders"),
            src("customers"),
            {
                "id": "q",
                "kind": "sql",
                "query": "SELECT c.country, sum(o.amount) AS revenue FROM o JOIN people c USING (customer_id) "
                "GROUP BY c.country",
            },
            sink(),
        ],
        [("orders", "q", "o"), ("customers", "q", "people"), ("q", "out")],
    ),
}
for how in ("inner", "left", "right", "full", "semi", "anti"):
    CASES[f"join_{how}"] = dag(
        [src("orders"), src("customers"), {"id": "j", "kind": "join", "how": how, "on": ["customer_id"]}, sink()],
        [("orders", "j", "left"), ("customers", "j", "right"), ("j", "out")],
    )
CASES["join_different_keys_and_suffix"] = dag(
    [
        src("orders"),
        src("returns"),
        {"id": "j", "kind": "join", "how": "left", "left_on": ["order_id"], "right_on": ["order_id"], "suffix": "_ret"},
        sink(),
    ],
    [("orders", "j", "left"), ("returns", "j", "right"), ("j", "out")],
)
CASES["join_int_with_float_keys"] = dag(
    [
        src("orders"),
        src("returns"),
        {"id": "f", "kind": "derive", "columns": {"key": "amount // 10"}},
        {"id": "g", "kind": "derive", "columns": {"key": "quantity * 1.0"}},
        {"id": "j", "kind": "join", "how": "inner", "left_on": ["key"], "right_on": ["key"]},
        sink(),
    ],
    [("returns", "f"), ("orders", "g"), ("g", "j", "left"), ("f", "j", "right"), ("j", "out")],
)


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_tables(tmp_path_factory.mktemp("tables"), make_tables())


def assert_same(left: pl.DataFrame, right: pl.DataFrame, case: str) -> None:
    assert left.columns == right.columns, f"{case}: columns {left.columns} != {right.columns}"
    assert left.schema == right.schema, f"{case}: types {left.schema} != {right.schema}"
    a, b = canonical(left), canonical(right)
    assert a.height == b.height, f"{case}: {a.height} rows != {b.height}"
    for column in a.columns:
        for index, (x, y) in enumerate(zip(a[column].to_list(), b[column].to_list(), strict=True)):
            same = x == y or (isinstance(x, float) and isinstance(y, float) and math.isclose(x, y, rel_tol=1e-9))
            assert same, f"{case}: row {index} column {column}: polars {x!r} != duckdb {y!r}"


@pytest.mark.parametrize("case", sorted(CASES))
def test_polars_and_duckdb_give_the_same_output(case: str, paths: dict[str, Path], tmp_path: Path) -> None:
    polars_run = run_on("polars", CASES[case], paths, tmp_path / "polars")
    duckdb_run = run_on("duckdb", CASES[case], paths, tmp_path / "duckdb")
    assert set(polars_run.outputs) == {"out"}
    assert_same(polars_run.outputs["out"], duckdb_run.outputs["out"], case)
    assert polars_run.outputs["out"].height == polars_run.report.outputs[0].rows


def test_every_node_kind_is_in_the_library() -> None:
    from datalinx.core.pipelines.docs import EXAMPLES

    used = {node["kind"] for case in CASES.values() for node in case["nodes"]}
    # dbt models and quality gates need a workspace: tests/core/pipelines/test_dbt.py and test_gate.py run them.
    assert set(EXAMPLES) - used == {"dbt_model", "quality_gate", "sink_warehouse", "sink_file"}


CASES["derive_sees_earlier_columns"] = chain(
    src("orders"),
    {"id": "d", "kind": "derive", "columns": {"net": "amount - 1", "double_net": "net * 2", "amount": "round(amount)"}},
    sink(),
)
CASES["join_full_with_other_names_and_clashes"] = dag(
    [
        src("orders"),
        src("returns"),
        {"id": "r", "kind": "rename", "columns": {"order_id": "returned_order"}},
        {"id": "j", "kind": "join", "how": "full", "left_on": ["order_id"], "right_on": ["returned_order"]},
        sink(),
    ],
    [("returns", "r"), ("orders", "j", "left"), ("r", "j", "right"), ("j", "out")],
)
CASES["join_right_with_clashes"] = dag(
    [src("returns"), src("orders"), {"id": "j", "kind": "join", "how": "right", "on": ["order_id"]}, sink()],
    [("returns", "j", "left"), ("orders", "j", "right"), ("j", "out")],
)


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_a_value_that_does_not_cast_fails_the_run_naming_it(
    engine: str, paths: dict[str, Path], tmp_path: Path
) -> None:
    from datalinx.core.errors import Invalid

    definition = chain(src("orders"), {"id": "c", "kind": "cast", "columns": {"code": "int64"}}, sink())
    with pytest.raises(Invalid) as failed:
        run_on(engine, definition, paths, tmp_path)
    assert "in column 'code' to int64" in failed.value.message
    assert (
        "cannot cast 'x'" in failed.value.message
        or "cannot cast ''" in failed.value.message
        or "3.5" in failed.value.message
    )
    assert not (tmp_path / "outputs").exists()


def test_aggregates_match_plain_python(paths: dict[str, Path], tmp_path: Path) -> None:
    orders = pl.read_parquet(paths["orders"]).to_dicts()
    expected: dict[object, list[float]] = {}
    for row in orders:
        expected.setdefault(row["status"], [])
        if row["amount"] is not None:
            expected[row["status"]].append(row["amount"])
    out = run_on("duckdb", CASES["aggregate"], paths, tmp_path).outputs["out"]
    for row in out.to_dicts():
        amounts = expected[row["status"]]
        assert row["priced"] == len(amounts)
        assert math.isclose(row["revenue"], sum(amounts), rel_tol=1e-9) if amounts else row["revenue"] is None
        assert row["rows"] == sum(1 for o in orders if o["status"] == row["status"])


def test_deduplicate_keeps_the_first_row_by_order(paths: dict[str, Path], tmp_path: Path) -> None:
    orders = pl.read_parquet(paths["orders"])
    out = run_on("polars", CASES["deduplicate_first_by_order"], paths, tmp_path).outputs["out"]
    earliest = orders.group_by("customer_id").agg(pl.col("ordered_at").min())
    kept = out.select("customer_id", "ordered_at").sort("customer_id", nulls_last=True)
    assert kept.equals(earliest.sort("customer_id", nulls_last=True))


def test_samples_are_reproducible_and_follow_the_seed(paths: dict[str, Path], tmp_path: Path) -> None:
    first = run_on("polars", CASES["sample_n"], paths, tmp_path / "a").outputs["out"]
    again = run_on("duckdb", CASES["sample_n"], paths, tmp_path / "b").outputs["out"]
    other = dict(
        CASES["sample_n"], nodes=[dict(n, seed=10) if n["kind"] == "sample" else n for n in CASES["sample_n"]["nodes"]]
    )
    reseeded = run_on("polars", other, paths, tmp_path / "c").outputs["out"]
    assert first.height == 37 and canonical(first).equals(canonical(again))
    assert set(first["order_id"]) != set(reseeded["order_id"])


def test_dry_run_reads_the_first_rows_and_counts_every_node(paths: dict[str, Path], tmp_path: Path) -> None:
    outcome = run_on("duckdb", CASES["filter"], paths, tmp_path, dry_run=True, source_rows=50)
    rows = {n.node: n.rows for n in outcome.report.nodes}
    expected = (
        pl.read_parquet(paths["orders"]).head(50).filter((pl.col("status") == "shipped") & (pl.col("amount") > 100))
    )
    assert rows["orders"] == 50 and rows["f"] == expected.height
    assert outcome.outputs == {} and len(outcome.report.previews["out"]) == min(expected.height, 20)
