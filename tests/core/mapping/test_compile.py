"""Compiled plans: valid pipelines that give exactly the target's columns and types, the same on Polars and DuckDB."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from datalinx.core.errors import Invalid
from datalinx.core.mapping.apply import apply_plan, run_definition
from datalinx.core.mapping.compile import to_pipeline
from datalinx.core.mapping.matcher import propose
from datalinx.core.mapping.schemas import FieldMapping, MappingPlan
from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.local import FilesCatalog
from datalinx.core.pipelines.types import of_polars
from datalinx.core.pipelines.validation import validate
from tests.core.mapping.frames import crm, facts_of, field, target

CUSTOMER = target(
    field("first_name"),
    field("last_name"),
    field("full_name"),
    field("email"),
    field("phone"),
    field("birth_date", "date"),
    field("country_code", allowed_values=["DE", "FR"]),
    field("quantity", "int64"),
    field("newsletter", "bool"),
    field("loyalty_tier"),
    name="customer_master",
)


def direct(target_name: str, source: str) -> FieldMapping:
    return FieldMapping(target=target_name, sources=[source], transform="direct", expression=source, confidence=1)


def both_engines(plan: MappingPlan, path: Path, work: Path) -> pl.DataFrame:
    """The plan's output, checked to be the same on both engines."""
    polars = apply_plan(plan, path, work / "polars", engine="polars")
    duckdb = apply_plan(plan, path, work / "duckdb", engine="duckdb")
    assert polars.equals(duckdb)
    return polars


def test_compiled_plan_validates_and_ends_in_the_given_sink(tmp_path: Path) -> None:
    facts, path = facts_of(crm(), tmp_path)
    plan = propose(facts, CUSTOMER)
    definition = to_pipeline(
        plan, source_node={"kind": "source", "dataset": "source"}, output={"kind": "sink_dataset", "dataset": "master"}
    )
    model = PipelineDefinition.model_validate(definition)
    validation = validate(model, FilesCatalog({"source": path}))
    assert validation.problems == []
    kinds = [n.kind for n in model.nodes]
    assert kinds[0] == "source" and kinds[-1] == "sink_dataset" and kinds[-2] == "cast"
    assert validation.schemas["save"] == {f.name: f.type for f in CUSTOMER.fields}


def test_every_transform_gives_the_target_columns_and_types_alike_on_both_engines(tmp_path: Path) -> None:
    facts, path = facts_of(crm(), tmp_path)
    plan = propose(facts, CUSTOMER)
    assert {m.transform for m in plan.mappings} >= {"direct", "cast", "concat", "date_format", "lookup"}
    output = both_engines(plan, path, tmp_path)
    assert [(name, of_polars(dtype)) for name, dtype in output.schema.items()] == [
        (f.name, f.type) for f in CUSTOMER.fields
    ]
    first = output.row(0, named=True)
    assert first["full_name"] == "Ada Lovelace" and first["birth_date"] == dt.date(1950, 1, 1)
    assert first["country_code"] == "DE" and first["quantity"] == 0 and first["newsletter"] is False
    assert output["loyalty_tier"].null_count() == output.height
    assert output.filter(pl.col("last_name") == "de Vries")["full_name"].to_list()[0] == "Lea de Vries"


def test_split_names_run_alike_on_both_engines(tmp_path: Path) -> None:
    names = ["Ada Lovelace", " Mary Ann Smith ", "Cher", None, "Émile Zola", "Alan Turing", "Grace Hopper"]
    facts, path = facts_of(pl.DataFrame({"name": names}), tmp_path)
    plan = propose(facts, target(field("first_name"), field("last_name")))
    assert [m.transform for m in plan.mappings] == ["split", "split"]
    output = both_engines(plan, path, tmp_path)
    assert output.rows()[:5] == [
        ("Ada", "Lovelace"),
        ("Mary", "Ann Smith"),
        ("Cher", None),
        (None, None),
        ("Émile", "Zola"),
    ]


def test_a_required_field_left_unmapped_refuses_to_compile(tmp_path: Path) -> None:
    facts, _ = facts_of(pl.DataFrame({"x": [1]}), tmp_path)
    plan = propose(facts, target(field("order_id", required=True)))
    with pytest.raises(Invalid, match="'order_id' is required but has no mapping"):
        to_pipeline(plan, source_node={"kind": "source", "dataset": "source"})


def test_targets_named_like_columns_others_read_are_derived_under_temporary_names(tmp_path: Path) -> None:
    frame = pl.DataFrame({"first_name": ["Ada"], "last_name": ["Lovelace"]})
    _, path = facts_of(frame, tmp_path)
    swapped = [direct("first_name", "last_name"), direct("last_name", "first_name")]
    plan = MappingPlan(source="source", target=target(field("first_name"), field("last_name")), mappings=swapped)
    definition = to_pipeline(plan, source_node={"kind": "source", "dataset": "source"})
    assert "rename" in [n["kind"] for n in definition["nodes"]]
    assert both_engines(plan, path, tmp_path).rows() == [("Lovelace", "Ada")]


def test_a_target_named_like_a_column_in_another_case_runs_alike_on_duckdb(tmp_path: Path) -> None:
    frame = pl.DataFrame({"Gender": ["male", "Female", "diverse"]})
    facts, path = facts_of(frame, tmp_path)
    plan = propose(facts, target(field("gender", allowed_values=["M", "F"])))
    assert plan.mapping("gender").transform == "lookup"
    assert both_engines(plan, path, tmp_path)["gender"].to_list() == ["M", "F", None]


def test_values_that_do_not_convert_fail_the_run_when_asked(tmp_path: Path) -> None:
    frame = pl.DataFrame({"qty": ["1", "2", "x"]})
    _, path = facts_of(frame, tmp_path)
    mapping = FieldMapping(target="quantity", sources=["qty"], transform="cast", expression="qty", confidence=0.9)
    plan = MappingPlan(source="source", target=target(field("quantity", "int64")), mappings=[mapping])
    assert apply_plan(plan, path, tmp_path / "lenient")["quantity"].to_list() == [1, 2, None]
    with pytest.raises(Invalid, match="cannot cast 'x' in column 'quantity'"):
        apply_plan(plan, path, tmp_path / "strict", on_error="fail")


def test_the_source_node_must_be_a_source() -> None:
    plan = MappingPlan(source="s", target=target(field("a")), unmapped_targets=["a"])
    with pytest.raises(Invalid, match="source_node is a pipeline node of kind 'source'"):
        to_pipeline(plan, source_node={"kind": "sink_dataset", "dataset": "x"})


def test_without_an_output_the_pipeline_ends_at_the_cast_for_a_sink_to_follow(tmp_path: Path) -> None:
    facts, path = facts_of(pl.DataFrame({"amt": [1.5, 2.0]}), tmp_path)
    plan = propose(facts, target(field("amount", "float64")))
    definition = to_pipeline(plan, source_node={"id": "raw", "kind": "source", "dataset": "source"})
    outputs = run_definition(
        {**definition, "nodes": [*definition["nodes"], {"id": "out", "kind": "sink_dataset", "dataset": "o"}],
         "edges": [*definition["edges"], {"source": definition["nodes"][-1]["id"], "target": "out"}]},
        {"source": path},
        tmp_path / "work",
    )  # fmt: skip
    assert outputs["out"]["amount"].to_list() == [1.5, 2.0]


def test_local_number_and_date_formats_convert_alike_on_both_engines(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            "gross_amt": ["12,50", "3", "7,05"],
            "ord_dt": ["31/01/2024", "2024-02-29", "1/3/2023"],
            "created": ["2024-01-31 10:15", "2023-12-01 08:00", None],
            "weight": ["1.20 kg", "0.5 kg", "12 kg"],
        }
    )
    facts, path = facts_of(frame, tmp_path)
    fields = (field("gross_amount", "float64"), field("order_date", "date"), field("created_at", "datetime"))
    plan = propose(facts, target(*fields, field("weight_kg", "float64")))
    assert "coalesce(to_date" in plan.mapping("order_date").expression
    output = both_engines(plan, path, tmp_path)
    assert output["gross_amount"].to_list() == [12.5, 3.0, 7.05]
    assert output["order_date"].to_list() == [dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2023, 3, 1)]
    assert output["created_at"].to_list() == [dt.datetime(2024, 1, 31, 10, 15), dt.datetime(2023, 12, 1, 8), None]
    assert output["weight_kg"].to_list() == [1.2, 0.5, 12.0]
