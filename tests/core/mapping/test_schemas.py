"""Target schemas as users write them: type names people use, and clear errors naming the field at fault."""

from __future__ import annotations

import pytest

from datalinx.core.datasets.facts import ColumnFacts, DatasetFacts
from datalinx.core.errors import Invalid
from datalinx.core.mapping.schemas import FieldMapping, MappingPlan, parse_target_schema, target_from_facts
from datalinx.core.pipelines.types import ColumnType


def test_type_names_people_write_read_as_logical_types() -> None:
    schema = parse_target_schema(
        '{"fields": [{"name": "n", "type": "integer"}, {"name": "x", "type": "Double"}, {"name": "t", "type": "text"}]}'
    )
    assert [f.type for f in schema.fields] == [ColumnType.INT64, ColumnType.FLOAT64, ColumnType.STRING]


def test_unknown_type_names_the_field_and_lists_the_types() -> None:
    with pytest.raises(Invalid) as caught:
        parse_target_schema({"fields": [{"name": "id", "type": "int"}, {"name": "amount", "type": "money"}]})
    assert "fields[1] ('amount').type" in caught.value.message
    assert "'money' is not a column type" in caught.value.message and "float64" in caught.value.message
    assert caught.value.field == "fields[1] ('amount').type"


def test_extra_key_in_a_field_is_refused_by_name() -> None:
    with pytest.raises(Invalid) as caught:
        parse_target_schema({"fields": [{"name": "email", "type": "string", "nullable": True}]})
    assert "fields[0] ('email').nullable: is not an accepted field" in caught.value.message


def test_field_without_a_name_is_reported() -> None:
    with pytest.raises(Invalid) as caught:
        parse_target_schema({"fields": [{"type": "string"}]})
    assert "fields[0].name: Field required" in caught.value.message


def test_names_that_differ_only_in_case_clash() -> None:
    with pytest.raises(Invalid, match="'ID' and 'id' clash"):
        parse_target_schema({"fields": [{"name": "ID", "type": "int"}, {"name": "id", "type": "int"}]})


def test_text_that_is_not_json_says_where() -> None:
    with pytest.raises(Invalid, match=r"not valid JSON: .* at line 2"):
        parse_target_schema('{"fields": [\n  {"name": "a", }]}')


def test_schema_without_fields_is_refused() -> None:
    with pytest.raises(Invalid, match="fields: Field required"):
        parse_target_schema({"name": "empty"})


def test_plan_must_account_for_every_target_field() -> None:
    target = parse_target_schema({"fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}]})
    mapping = FieldMapping(target="a", sources=["x"], transform="direct", expression="x", confidence=0.9)
    with pytest.raises(ValueError, match="neither mapped nor listed as unmapped: b"):
        MappingPlan(source="s", target=target, mappings=[mapping])
    with pytest.raises(ValueError, match="'c', which is not a field of the target"):
        MappingPlan(source="s", target=target, mappings=[mapping.model_copy(update={"target": "c"})])


def test_lookup_mapping_needs_its_table_and_constants_read_nothing() -> None:
    with pytest.raises(ValueError, match="`lookup` is given for a lookup transform"):
        FieldMapping(target="a", sources=["x"], transform="lookup", expression="x", confidence=0.5)
    with pytest.raises(ValueError, match="a constant reads no source columns"):
        FieldMapping(target="a", sources=["x"], transform="constant", expression="'EUR'", confidence=0.5)


def test_target_taken_from_a_dataset_keeps_its_columns_and_types() -> None:
    facts = DatasetFacts(
        name="orders",
        rows=3,
        columns=[ColumnFacts(name="order_id", type=ColumnType.STRING), ColumnFacts(name="n", type=ColumnType.INT64)],
    )
    schema = target_from_facts(facts)
    assert schema.name == "orders"
    assert [(f.name, f.type) for f in schema.fields] == [("order_id", "string"), ("n", "int64")]
