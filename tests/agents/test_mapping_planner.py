"""The mapping planner: match a source to a target, compile and validate the pipeline, LLM only for the gaps."""

from __future__ import annotations

import sqlite3

import pytest
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from datalinx.agents import planning
from datalinx.core.datasets import manager as datasets
from datalinx.core.errors import Invalid
from datalinx.core.mapping.manager import TableRef
from datalinx.core.pipelines import manager as pipelines
from datalinx.core.pipelines.schemas import RunRequest
from datalinx.core.runtime import Runtime
from datalinx.dao import files
from datalinx.dao.scope import Scope
from tests.agents.test_pipeline_planner import caller_for
from tests.conftest import Tenant
from tests.core.jobs.helpers import running_pool, wait_until
from tests.samples import Resources

CRM = (
    b"FName,LName,E-Mail,Tel,DOB,fav\n"
    b"Ada,Lovelace,ada@example.com,+44 20 1234,1815-12-10,tea\n"
    b"Alan,Turing,alan@example.com,+44 20 9876,1912-06-23,chess\n"
)
TARGET = {
    "name": "contacts",
    "fields": [
        {"name": "first_name", "type": "string", "required": True},
        {"name": "last_name", "type": "string"},
        {"name": "email", "type": "string"},
        {"name": "phone", "type": "string"},
        {"name": "birth_date", "type": "date"},
        {"name": "hobby", "type": "string", "description": "What the person likes doing."},
    ],
}


def llm_suggesting(*mappings: dict) -> FunctionModel:
    def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, {"mappings": list(mappings)})])

    return FunctionModel(answer)


@pytest.fixture
def crm(runtime: Runtime, tenant: Tenant) -> str:
    return Resources(tenant).dataset_from(CRM)


def test_offline_mapping_compiles_to_a_pipeline_that_runs(runtime: Runtime, tenant: Tenant, crm: str) -> None:
    result = planning.plan_mapping(
        caller_for(tenant), TableRef(dataset=crm), schema=TARGET, output="contacts", save_as="crm-to-contacts"
    )
    mapped = {m.target: (m.sources, m.transform) for m in result.plan.mappings}
    assert mapped["first_name"] == (["FName"], "direct") and mapped["birth_date"][0] == ["DOB"]
    assert result.plan.unmapped_targets == ["hobby"] and result.drafter == "offline"
    assert result.problems == [] and result.pipeline_id is not None
    assert "Left unmapped: hobby" in result.message
    caller = caller_for(tenant)
    with running_pool(runtime):
        run_id = caller.run(pipelines.start_run, result.pipeline_id, RunRequest(), dry_run=False).model_extra["run_id"]
        wait_until(lambda: caller.run(pipelines.get_run, run_id).status == "succeeded", timeout=60, what="the run")
    preview = caller.run(datasets.preview, "contacts", version=None, limit=5, offset=0)
    assert [c.name for c in preview.columns] == [f["name"] for f in TARGET["fields"]]
    assert preview.rows[0]["email"] == "ada@example.com" and preview.rows[0]["hobby"] is None


def test_the_llm_fills_only_the_gaps_and_bad_suggestions_are_dropped(
    runtime: Runtime, tenant: Tenant, crm: str
) -> None:
    model = llm_suggesting(
        {"target": "hobby", "sources": ["fav"], "transform": "direct", "expression": "fav", "confidence": 0.95,
         "reason": "fav holds what they like"},
        {"target": "first_name", "sources": ["LName"], "transform": "direct", "expression": "LName",
         "confidence": 1.0, "reason": "should never replace the matcher's choice"},
    )  # fmt: skip
    result = planning.plan_mapping(caller_for(tenant), TableRef(dataset=crm), schema=TARGET, model=model)
    by_target = {m.target: m for m in result.plan.mappings}
    assert result.suggested_by_model == ["hobby"] and result.plan.unmapped_targets == []
    assert by_target["hobby"].confidence == 0.8 and by_target["hobby"].reason.startswith("suggested by the model")
    assert by_target["first_name"].sources == ["FName"]
    nowhere = llm_suggesting(
        {"target": "hobby", "sources": ["nope"], "transform": "direct", "expression": "nope", "confidence": 0.9}
    )
    result = planning.plan_mapping(caller_for(tenant), TableRef(dataset=crm), schema=TARGET, model=nowhere)
    assert result.suggested_by_model == [] and result.plan.unmapped_targets == ["hobby"]


def test_a_connection_table_maps_onto_an_existing_dataset(runtime: Runtime, tenant: Tenant, crm: str) -> None:
    inbox = files.inbox_dir(runtime.settings.home, Scope(tenant.init.org_id, tenant.init.workspace_id))
    with sqlite3.connect(inbox / "crm.sqlite") as db:
        db.execute("CREATE TABLE people (first TEXT, last TEXT, mail TEXT)")
        db.execute("INSERT INTO people VALUES ('Grace', 'Hopper', 'grace@example.com')")
    from datalinx.core.connections import manager as connections
    from datalinx.core.connections.schemas import ConnectionCreate

    caller = caller_for(tenant)
    caller.run(connections.create_connection, ConnectionCreate(name="crm", kind="sqlite", path="crm.sqlite"))
    result = planning.plan_mapping(caller, TableRef(connection="crm", table="people"), target=TableRef(dataset=crm))
    mapped = {m.target: m.sources for m in result.plan.mappings}
    assert mapped["FName"] == ["first"] and mapped["LName"] == ["last"] and mapped["E-Mail"] == ["mail"]
    assert result.problems == []


def test_a_bad_target_schema_names_the_field(runtime: Runtime, tenant: Tenant, crm: str) -> None:
    bad = {"fields": [{"name": "amount", "type": "money"}]}
    with pytest.raises(Invalid) as refused:
        planning.plan_mapping(caller_for(tenant), TableRef(dataset=crm), schema=bad)
    assert "fields[0] ('amount').type" in refused.value.message
    with pytest.raises(Invalid):
        planning.plan_mapping(caller_for(tenant), TableRef(dataset=crm))
