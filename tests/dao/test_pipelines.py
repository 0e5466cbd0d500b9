"""Pipelines, versions and runs stay in their workspace and run end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

from datalinx.core.datasets import manager as datasets
from datalinx.core.pipelines import manager as pipelines
from datalinx.core.pipelines.schemas import PipelineCreate, PipelineQuery, PipelineUpdate, RunQuery, RunRequest
from datalinx.core.runtime import Runtime
from datalinx.core.tenancy.bootstrap import as_owner
from datalinx.dao import files
from datalinx.dao import pipelines as pipelines_dao
from datalinx.dao.pagination import PageRequest
from datalinx.dao.scope import Scope
from tests.conftest import Tenant, make_tenant
from tests.core.jobs.helpers import running_pool, wait_until


def definition() -> dict:
    return {
        "nodes": [
            {"id": "people", "kind": "source", "dataset": "people"},
            {"id": "adults", "kind": "filter", "condition": "age >= 18"},
            {"id": "save", "kind": "sink_dataset", "dataset": "adults"},
        ],
        "edges": [{"source": "people", "target": "adults"}, {"source": "adults", "target": "save"}],
    }


def test_pipelines_run_and_stay_in_their_workspace(any_runtime: Runtime, tenant_on_any: Tenant) -> None:
    other = make_tenant(any_runtime, "Globex")
    tenant = tenant_on_any
    scope = Scope(org_id=tenant.init.org_id, workspace_id=tenant.init.workspace_id)
    staged = files.staging_file(any_runtime.settings.home, scope, ".csv")
    staged.write_text("name,age\nAda,36\nBo,12\nCy,19\n")
    with as_owner(any_runtime, tenant.slug, workspace=tenant.workspace) as call:
        datasets.upload(call, staged=staged, filename="people.csv", name="people", dataset_ref=None, options=None)
        made = pipelines.create_pipeline(call, PipelineCreate(name="adults", definition=definition()))
        changed = definition()
        changed["nodes"][1]["condition"] = "age >= 21"
        assert pipelines.update_pipeline(call, made.id, PipelineUpdate(definition=changed)).version == 2
        run_id = pipelines.start_run(call, made.id, RunRequest(version=1), dry_run=False).model_extra["run_id"]
    with running_pool(any_runtime):

        def finished() -> str | None:
            with as_owner(any_runtime, tenant.slug, workspace=tenant.workspace) as call:
                state = pipelines.get_run(call, run_id).status
            return state if state in ("succeeded", "failed") else None

        assert wait_until(finished, timeout=60, what="the run") == "succeeded"
    with as_owner(any_runtime, tenant.slug, workspace=tenant.workspace) as call:
        outputs = pipelines.run_output(call, run_id)
        assert [(o.kind, o.rows) for o in outputs] == [("sink_dataset", 2)]
        assert [r.version for r in pipelines.list_runs(call, made.id, RunQuery()).items] == [1]
        assert [p.name for p in pipelines.list_pipelines(call, PipelineQuery()).items] == ["adults"]
    theirs = Scope(org_id=other.init.org_id, workspace_id=other.init.workspace_id)
    with any_runtime.db.transaction() as session:
        assert pipelines_dao.find(session, theirs, made.id) is None
        assert pipelines_dao.find(session, theirs, "adults") is None
        assert pipelines_dao.get_run(session, theirs, run_id) is None
        assert pipelines_dao.get_version(session, theirs, made.id, 1) is None
        assert pipelines_dao.list_pipelines(session, theirs, name=None, page=PageRequest()).items == []
