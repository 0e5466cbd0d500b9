"""The chat in a real browser: an owner's whole afternoon, and a viewer who may look but not run.

One browser session per test (they are the slow part of the suite); screenshots of every step are kept in
`test-output/chat/<test name>/`.
"""

from __future__ import annotations

import re
from pathlib import Path

from datalinx.core.auth.permissions import Role
from datalinx.core.datasets import manager as datasets
from datalinx.core.datasets.schemas import DatasetQuery
from datalinx.core.pipelines import manager as pipelines
from datalinx.core.pipelines.schemas import PipelineQuery
from datalinx.core.tenancy import manager as tenancy
from datalinx.core.tenancy.bootstrap import as_owner
from datalinx.core.tenancy.schemas import WorkspaceCreate
from datalinx.dao import files
from tests.chat_ui.conftest import REQUEST, ChatPage, orders_csv
from tests.conftest import LiveServer, Tenant


def _datasets(tenant: Tenant) -> dict[str, int | None]:
    with as_owner(tenant.runtime, tenant.slug, workspace=tenant.workspace) as call:
        return {d.name: d.rows for d in datasets.list_datasets(call, DatasetQuery(limit=100)).items}


def test_owner_uploads_scans_plans_approves_and_watches_the_run(
    live_server: LiveServer, tenant: Tenant, planner: str, chat_page: ChatPage, tmp_path: Path
) -> None:
    with as_owner(tenant.runtime, tenant.slug) as call:
        tenancy.create_workspace(call, WorkspaceCreate(name="Analytics", slug="analytics"))
    upload = tmp_path / "orders.csv"
    upload.write_bytes(orders_csv())
    chat = chat_page

    chat.sign_in(tenant.emails[Role.OWNER])
    chat.shot("signed-in")

    chat.send(files=[upload])
    chat.see(re.compile(r"Created dataset orders from orders\.csv: 42 rows x 5 columns"))
    chat.shot("dataset-created")
    assert _datasets(tenant) == {"orders": 42}

    chat.send("how good is this data?")
    chat.see(re.compile(r"orders scores \d+\.\d / 100"))
    chat.see("Top issues by impact")
    chat.see("exact duplicate")
    chat.shot("quality")
    chat.charts(at_least=3)  # score history, column distributions, issues by type
    chat.shot("quality-charts")

    chat.send(REQUEST)
    chat.see("Preview (dry run on a sample)")
    chat.charts(at_least=4)  # the plan's diagram
    chat.shot("plan")

    chat.press("Approve")
    chat.see("The run succeeded.")
    chat.see(re.compile(r"dataset big_orders version 1: \d+ rows"))
    chat.shot("run-finished")
    rows = _datasets(tenant)["big_orders"]
    assert rows is not None and 0 < rows < 42

    chat.send("workspace analytics")
    chat.see("Now in workspace analytics as owner.")
    chat.shot("switched-workspace")
    chat.send("how good is this data?")
    chat.see("This workspace has no datasets yet")
    chat.shot("other-workspace")


def test_viewer_cannot_run_a_pipeline_and_is_told_why(
    live_server: LiveServer, tenant: Tenant, planner: str, chat_page: ChatPage
) -> None:
    with as_owner(tenant.runtime, tenant.slug, workspace=tenant.workspace) as call:
        staged = files.staging_file(tenant.runtime.settings.home, call.scope, ".csv")
        staged.write_bytes(orders_csv())
        datasets.upload(call, staged=staged, filename="orders.csv", name="orders", dataset_ref=None, options=None)
        staged.unlink()
    chat = chat_page

    chat.sign_in(tenant.emails[Role.VIEWER])
    chat.see("as viewer")
    chat.shot("signed-in")

    chat.send(REQUEST)
    chat.see("your role may not run pipelines, so there is no preview")
    chat.shot("plan-without-preview")

    chat.press("Approve")
    chat.see(re.compile(r"Not done\. .*lacks permission 'pipeline\.(write|run)'"))
    chat.shot("refused")
    with as_owner(tenant.runtime, tenant.slug, workspace=tenant.workspace) as call:
        assert pipelines.list_pipelines(call, PipelineQuery()).items == []
    assert "big_orders" not in _datasets(tenant)
