"""Pipelines through a real MCP client: schema, create, validate, dry run with progress, run, outputs."""

from __future__ import annotations

from datalinx.core.auth.permissions import Role
from datalinx.core.tenancy.bootstrap import as_owner
from tests.conftest import LiveServer, Tenant
from tests.mcp_client import http_session, structured, text_of
from tests.samples import Resources

CSV = b"id,name,score\n1,Ada,3.5\n2,Bob,4.0\n3,Cy,\n"


def definition(dataset: str) -> dict:
    return {
        "nodes": [
            {"id": "people", "kind": "source", "dataset": dataset},
            {"id": "scored", "kind": "filter", "condition": "score is not null"},
            {"id": "upper", "kind": "derive", "columns": {"name": "upper(name)"}},
            {"id": "save", "kind": "sink_dataset", "dataset": "scored_people"},
        ],
        "edges": [
            {"source": "people", "target": "scored"},
            {"source": "scored", "target": "upper"},
            {"source": "upper", "target": "save"},
        ],
    }


async def test_a_pipeline_from_schema_to_output_over_mcp(live_server: LiveServer, tenant: Tenant) -> None:
    dataset = Resources(tenant).dataset_from(CSV)
    seen: list[str | None] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append(message)

    async with http_session(live_server.url, tenant.token(Role.DATA_ENGINEER)) as session:
        schema = structured(await session.call_tool("get_pipeline_schema", {}))
        assert {k["kind"] for k in schema["node_kinds"]} >= {"source", "filter", "sink_dataset"}
        draft = definition(dataset)
        draft["nodes"][1]["condition"] = "scroe is not null"
        report = structured(await session.call_tool("validate_pipeline", {"definition": draft}))
        assert not report["valid"] and report["problems"][0]["column"] == "scroe"
        refused = await session.call_tool("create_pipeline", {"name": "people", "definition": draft})
        assert refused.isError and "did you mean 'score'?" in text_of(refused)
        made = structured(
            await session.call_tool("create_pipeline", {"name": "people", "definition": definition(dataset)})
        )
        dry = structured(
            await session.call_tool("dry_run_pipeline", {"pipeline": "people"}, progress_callback=on_progress)
        )
        assert dry["run"]["status"] == "succeeded"
        assert dry["run"]["report"]["previews"]["save"] == [
            {"id": 1, "name": "ADA", "score": 3.5},
            {"id": 2, "name": "BOB", "score": 4.0},
        ]
        assert len(seen) >= 2, seen
        ran = structured(await session.call_tool("run_pipeline", {"pipeline": made["id"]}))
        assert ran["run"]["status"] == "succeeded"
        outputs = structured(await session.call_tool("get_run_output", {"run_id": ran["run"]["id"]}))
        assert outputs["result"][0]["rows"] == 2 and outputs["result"][0]["dataset_version"] == 1
        runs = structured(await session.call_tool("list_runs", {"pipeline": "people"}))
        assert [r["kind"] for r in runs["items"]] == ["run", "dry_run"]


async def test_bad_arguments_get_clear_tool_errors(live_server: LiveServer, tenant: Tenant) -> None:
    async with http_session(live_server.url, tenant.token()) as session:
        unknown_kind = await session.call_tool(
            "create_pipeline", {"name": "x", "definition": {"nodes": [{"id": "a", "kind": "explode"}]}}
        )
        assert unknown_kind.isError and "explode" in text_of(unknown_kind) and "Traceback" not in text_of(unknown_kind)
        missing = await session.call_tool("get_pipeline", {"pipeline": "nope"})
        assert missing.isError and "not_found: pipeline 'nope' not found" in text_of(missing)
        both = await session.call_tool(
            "create_pipeline", {"name": "x", "template": "clean_customers", "definition": definition("d")}
        )
        assert both.isError and "exactly one of `definition`, `template` or `prompt`" in text_of(both)


async def test_viewer_agent_cannot_run_a_pipeline(live_server: LiveServer, tenant: Tenant) -> None:
    dataset = Resources(tenant).dataset_from(CSV)
    with as_owner(tenant.runtime, tenant.slug, workspace=tenant.workspace) as call:
        from datalinx.core.pipelines import manager
        from datalinx.core.pipelines.schemas import PipelineCreate

        manager.create_pipeline(call, PipelineCreate(name="people", definition=definition(dataset)))
    async with http_session(live_server.url, tenant.token(Role.VIEWER)) as session:
        assert structured(await session.call_tool("get_pipeline", {"pipeline": "people"}))["name"] == "people"
        refused = await session.call_tool("run_pipeline", {"pipeline": "people"})
        assert refused.isError and "lacks permission 'pipeline.run'" in text_of(refused)
