"""The planner graph with an LLM drafter (pydantic-ai's function model): repair loop, confirm, save, run, resume."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from datalinx.agents import planning
from datalinx.core.auth.permissions import Role
from datalinx.core.context import Caller, RequestMeta
from datalinx.core.runtime import Runtime
from tests.conftest import Tenant
from tests.core.jobs.helpers import running_pool
from tests.samples import Resources

ORDERS = b"order_id,customer_id,amount,country\n1,10,12.5,DE\n2,11,99.0,FR\n3,10,7.25,DE\n4,12,,DE\n"


def plan(*nodes: dict[str, Any], explanations: dict[str, str] | None = None) -> dict[str, Any]:
    edges = [{"source": a["id"], "target": b["id"]} for a, b in itertools.pairwise(nodes)]
    return {"definition": {"nodes": list(nodes), "edges": edges}, "explanations": explanations or {}}


class Script:
    """A model that answers each request with the next scripted draft, and keeps the prompts it was sent."""

    def __init__(self, *drafts: dict[str, Any]) -> None:
        self.drafts = list(drafts)
        self.prompts: list[str] = []

    def __call__(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        request = messages[-1]
        self.prompts.append("\n".join(str(p.content) for p in request.parts if p.part_kind == "user-prompt"))
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, self.drafts.pop(0))])

    @property
    def model(self) -> FunctionModel:
        return FunctionModel(self)


def caller_for(tenant: Tenant, role: Role = Role.OWNER) -> Caller:
    return Caller(tenant.runtime, tenant.token(role), tenant.workspace, RequestMeta.new("test"))


@pytest.fixture
def orders(runtime: Runtime, tenant: Tenant) -> str:
    return Resources(tenant).dataset_from(ORDERS)


def test_repair_loop_fixes_a_wrong_column_and_a_type_error(runtime: Runtime, tenant: Tenant, orders: str) -> None:
    source = {"id": "orders", "kind": "source", "dataset": orders}
    script = Script(
        plan(source, {"id": "de", "kind": "filter", "condition": "contry = 'DE'"}),
        plan(source, {"id": "de", "kind": "filter", "condition": "country = 'DE' and amount > 'ten'"}),
        plan(source, {"id": "de", "kind": "filter", "condition": "country = 'DE' and amount > 10"}),
    )
    with running_pool(runtime):
        result = planning.plan_pipeline(caller_for(tenant), "German orders over 10", model=script.model)
    assert result.status == "planned", result.message
    assert result.attempts == 3 and result.drafter == "llm"
    assert "did you mean 'country'?" in script.prompts[1]
    assert "amount" in script.prompts[2] and "string" in script.prompts[2]
    assert result.dry_run is not None and result.dry_run.rows["de"] == 1
    assert result.dry_run.previews["de"] == [{"order_id": 1, "customer_id": 10, "amount": 12.5, "country": "DE"}]


def test_repairs_are_bounded_and_the_answer_says_what_is_wrong(runtime: Runtime, tenant: Tenant, orders: str) -> None:
    source = {"id": "orders", "kind": "source", "dataset": orders}
    broken = plan(source, {"id": "x", "kind": "select", "columns": ["nope"]})
    runtime.settings.agent_max_repairs = 1
    result = planning.plan_pipeline(caller_for(tenant), "something", model=Script(broken, broken).model)
    assert result.status == "invalid" and result.attempts == 2
    assert "unknown column 'nope'" in result.message and result.problems[0].column == "nope"


def test_approve_saves_and_runs_and_the_conversation_survives_a_restart(
    runtime: Runtime, tenant: Tenant, orders: str
) -> None:
    source = {"id": "orders", "kind": "source", "dataset": orders}
    first = plan(source, {"id": "big", "kind": "filter", "condition": "amount > 10"})
    second = plan(
        source,
        {"id": "big", "kind": "filter", "condition": "amount > 10"},
        {"id": "save", "kind": "sink_dataset", "dataset": "big_orders"},
    )
    script = Script(first, second)
    with running_pool(runtime):
        started = planning.plan_pipeline(caller_for(tenant), "orders over ten", model=script.model)
        planning._graph.cache_clear()  # a restart: a new graph and saver read the conversation back from the DB
        edited = planning.plan_pipeline(
            caller_for(tenant), "and save it as big_orders", started.conversation_id, model=script.model
        )
        assert edited.status == "planned" and [n["id"] for n in edited.definition["nodes"]][-1] == "save"
        assert "Edit this current plan" in script.prompts[1] and '"amount > 10"' in script.prompts[1]
        saved = planning.plan_pipeline(caller_for(tenant), "save and run as Big orders", started.conversation_id)
    assert saved.status == "running" and saved.pipeline_id and saved.run_id


def test_a_viewer_gets_a_plan_but_no_dry_run_and_cannot_save(runtime: Runtime, tenant: Tenant, orders: str) -> None:
    source = {"id": "orders", "kind": "source", "dataset": orders}
    script = Script(plan(source, {"id": "top", "kind": "limit", "n": 2}))
    viewer = caller_for(tenant, Role.VIEWER)
    result = planning.plan_pipeline(viewer, "first two orders", model=script.model)
    assert result.status == "planned" and result.dry_run is not None and result.dry_run.status == "skipped"
    refused = planning.plan_pipeline(viewer, "save", result.conversation_id)
    assert refused.status == "planned" and "lacks permission 'pipeline.write'" in refused.message


def test_another_users_conversation_is_not_found(runtime: Runtime, tenant: Tenant, orders: str) -> None:
    from datalinx.core.errors import NotFound

    source = {"id": "orders", "kind": "source", "dataset": orders}
    runtime.settings.agent_dry_run_wait_seconds = 0  # no workers here: answer without waiting for the dry run
    result = planning.plan_pipeline(caller_for(tenant), "orders", model=Script(plan(source)).model)
    assert result.dry_run is not None and "still queued" in (result.dry_run.note or "")
    with pytest.raises(NotFound):
        planning.plan_pipeline(caller_for(tenant, Role.DATA_ENGINEER), "save", result.conversation_id)


def test_the_configured_endpoint_is_called_over_http_and_repairs_two_drafts(
    runtime: Runtime, tenant: Tenant, orders: str
) -> None:
    from tests.agents.scripted_llm import ScriptedLLM, serve

    source = {"id": "orders", "kind": "source", "dataset": orders}
    outputs = [
        plan(source, {"id": "by", "kind": "aggregate", "group_by": ["contry"],
                      "aggregations": [{"function": "sum", "column": "amount", "alias": "total"}]}),
        plan(source, {"id": "by", "kind": "aggregate", "group_by": ["country"],
                      "aggregations": [{"function": "sum", "column": "country", "alias": "total"}]}),
        plan(source, {"id": "by", "kind": "aggregate", "group_by": ["country"],
                      "aggregations": [{"function": "sum", "column": "amount", "alias": "total"}]},
             explanations={"by": "Sum the amounts per country."}),
    ]  # fmt: skip
    with serve(ScriptedLLM(outputs)) as llm, running_pool(runtime):
        runtime.settings.llm_base_url = llm.url
        runtime.settings.llm_model = "scripted-model"
        result = planning.plan_pipeline(caller_for(tenant), "total amount per country")
    assert result.drafter == "llm" and result.status == "planned", result.message
    assert len(llm.requests) == 3 and llm.requests[0]["model"] == "scripted-model"
    prompts = llm.user_prompts()
    assert "did you mean 'country'?" in prompts[1]
    assert "sum cannot be computed on column 'country' of type string" in prompts[2]
    assert result.explanations == {"by": "Sum the amounts per country."}
    assert sorted(r["total"] for r in result.dry_run.previews["by"]) == [19.75, 99.0]


def test_a_follow_up_not_understood_keeps_the_plan_it_was_to_edit(
    runtime: Runtime, tenant: Tenant, orders: str
) -> None:
    runtime.settings.agent_dry_run_wait_seconds = 0  # no workers here: answer without waiting for the dry run
    started = planning.plan_pipeline(caller_for(tenant), "rows where amount > 10")  # the offline drafter
    assert started.status == "planned", started.message
    filtered = started.definition["nodes"]
    unclear = planning.plan_pipeline(caller_for(tenant), "and frobnicate the widgets", started.conversation_id)
    assert unclear.status == "partial" and unclear.not_understood
    assert unclear.definition["nodes"] == filtered  # the earlier plan stands, so the next follow-up can edit it
    sorted_ = planning.plan_pipeline(caller_for(tenant), "sort them by amount, biggest first", started.conversation_id)
    kinds = [n["kind"] for n in sorted_.definition["nodes"]]
    assert "filter" in kinds and "sort" in kinds
