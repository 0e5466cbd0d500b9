"""A valid request for every REST route and every MCP tool, used by the tenancy and role walks.

Each sample builds fresh resources in the target org, so it can be called once per role.
A new route or tool must get a sample here: the walks fail until it has one.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from datalinx.core.auth import accounts
from datalinx.core.auth.permissions import Permission, Role, role_allows
from datalinx.core.auth.schemas import ApiKeyCreate, ServiceAccountCreate
from datalinx.core.connections import manager as connections
from datalinx.core.connections.schemas import ConnectionCreate
from datalinx.core.context import RequestMeta, open_call
from datalinx.core.conversations import manager as conversations
from datalinx.core.datasets import manager as datasets
from datalinx.core.jobs import manager as jobs
from datalinx.core.jobs import tokens
from datalinx.core.jobs.schemas import WorkerTokenCreate
from datalinx.core.pipelines import dbt_models
from datalinx.core.pipelines import manager as pipelines
from datalinx.core.pipelines.dbt_models import DbtModelCreate
from datalinx.core.pipelines.schemas import PipelineCreate, RunRequest
from datalinx.core.quality import manager as quality
from datalinx.core.quality.results import IssueQuery, ScanRequest
from datalinx.core.schemas import ListQuery
from datalinx.core.tenancy import manager as tenancy
from datalinx.core.tenancy.bootstrap import as_owner
from datalinx.core.tenancy.schemas import MemberAdd, WorkspaceCreate
from datalinx.dao import files
from datalinx.dao.scope import Scope
from tests.conftest import Tenant


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@dataclass
class Resources:
    """Makes resources in one tenant's first workspace, acting as its owner.

    `role` is the role the walk is acting as, for resources that belong to the caller (conversations).
    """

    tenant: Tenant
    cache: dict[str, str] = field(default_factory=dict)
    role: Role | None = None

    def _owner(self):
        return as_owner(self.tenant.runtime, self.tenant.slug, workspace=self.tenant.workspace)

    @property
    def workspace_id(self) -> str:
        return self.tenant.init.workspace_id

    @property
    def scope(self) -> Scope:
        return Scope(org_id=self.tenant.init.org_id, workspace_id=self.workspace_id)

    def side_workspace(self) -> str:
        """A second workspace, where fresh service accounts live until added to the first."""
        if "side" not in self.cache:
            with self._owner() as call:
                self.cache["side"] = tenancy.create_workspace(call, WorkspaceCreate(name=unique("side"))).id
        return self.cache["side"]

    def service_account(self) -> str:
        """A fresh service account, not a member of the first workspace."""
        side = self.side_workspace()
        with self._owner() as call:
            data = ServiceAccountCreate(name=unique("robot"), role=Role.API_USER, workspaces=[side])
            return accounts.create_service_account(call, data).id

    def member(self) -> str:
        """A fresh member of the first workspace."""
        account = self.service_account()
        with self._owner() as call:
            return tenancy.add_member(call, MemberAdd(principal=account, role=Role.VIEWER)).id

    def api_key(self) -> str:
        account = self.service_account()
        with self._owner() as call:
            return accounts.create_api_key(call, account, ApiKeyCreate(name="walk")).id

    def queued_job(self) -> str:
        """A no-op job due in an hour, so it is still queued (and cancellable) when the sample runs."""
        with self._owner() as call:
            return jobs.submit(call, "noop", delay_seconds=3600).id

    def finished_job(self) -> str:
        """A job that has ended (cancelled), so following its events ends at once."""
        job_id = self.queued_job()
        with self._owner() as call:
            jobs.cancel_job(call, job_id)
        return job_id

    def inbox_file(self) -> str:
        """A small CSV in the workspace inbox, for imports."""
        name = f"{unique('drop')}.csv"
        inbox = files.inbox_dir(self.tenant.runtime.settings.home, self.scope)
        (inbox / name).write_bytes(SAMPLE_CSV)
        return name

    def dataset(self) -> str:
        """A fresh dataset with one version."""
        return self.dataset_from(SAMPLE_CSV)

    def dataset_from(self, content: bytes) -> str:
        home = self.tenant.runtime.settings.home
        staged = files.staging_file(home, self.scope, ".csv")
        staged.write_bytes(content)
        with self._owner() as call:
            made = datasets.upload(
                call, staged=staged, filename="walk.csv", name=unique("ds"), dataset_ref=None, options=None
            )
        staged.unlink()
        return made.id

    def scanned(self) -> str:
        """A dataset with a finished scan (scanned once per walk: scans take a moment)."""
        if "scanned" not in self.cache:
            self.cache["scanned"] = self.fresh_scanned()
        return self.cache["scanned"]

    def fresh_scanned(self) -> str:
        """A new dataset with a finished scan, for samples that change the dataset."""
        dataset = self.dataset_from(QUALITY_CSV)
        with self._owner() as call:
            scan_id = quality.start_scan(call, dataset, ScanRequest()).model_extra["scan_id"]  # type: ignore[index]
        deadline = time.monotonic() + 120
        while True:
            with self._owner() as call:
                state = quality.get_scan(call, dataset, scan_id).status
            if state == "succeeded":
                return dataset
            assert state in ("queued", "running") and time.monotonic() < deadline, f"scan ended {state}"
            time.sleep(0.1)

    def issue_of(self, dataset: str) -> str:
        with self._owner() as call:
            return quality.list_issues(call, dataset, IssueQuery(limit=1)).items[0].id

    def fresh_issue(self) -> tuple[str, str]:
        dataset = self.fresh_scanned()
        return dataset, self.issue_of(dataset)

    def scan_of(self, dataset: str) -> str:
        with self._owner() as call:
            return quality.history(call, dataset, ListQuery(limit=1)).items[0].scan_id

    def issue(self) -> str:
        return self.issue_of(self.scanned())

    def connection(self) -> str:
        """A fresh SQLite connection to a file in the inbox."""
        if "sqlite" not in self.cache:
            inbox = files.inbox_dir(
                self.tenant.runtime.settings.home, Scope(self.tenant.init.org_id, self.workspace_id)
            )
            with sqlite3.connect(inbox / "walk.sqlite") as db:
                db.execute("CREATE TABLE IF NOT EXISTS people (id INTEGER, name TEXT)")
                db.execute("INSERT INTO people VALUES (1, 'Ada')")
            self.cache["sqlite"] = "walk.sqlite"
        with self._owner() as call:
            data = ConnectionCreate(name=unique("conn"), kind="sqlite", path="walk.sqlite")
            return connections.create_connection(call, data).id

    def definition(self) -> dict[str, Any]:
        """A small valid DAG over a fresh dataset: select two columns, write a CSV file."""
        return {
            "nodes": [
                {"id": "src", "kind": "source", "dataset": self.dataset()},
                {"id": "keep", "kind": "select", "columns": ["id", "name"]},
                {"id": "export", "kind": "sink_file", "format": "csv", "name": "walk.csv"},
            ],
            "edges": [{"source": "src", "target": "keep"}, {"source": "keep", "target": "export"}],
        }

    def pipeline(self) -> str:
        """A fresh, valid pipeline."""
        with self._owner() as call:
            return pipelines.create_pipeline(call, PipelineCreate(name=unique("pl"), definition=self.definition())).id

    def finished_run(self) -> str:
        """A run that succeeded, with a file output (run once per walk)."""
        if "run" not in self.cache:
            pipeline = self.pipeline()
            with self._owner() as call:
                run_id = pipelines.start_run(call, pipeline, RunRequest(), dry_run=False).model_extra["run_id"]  # type: ignore[index]
            deadline = time.monotonic() + 120
            while True:
                with self._owner() as call:
                    state = pipelines.get_run(call, run_id).status
                if state == "succeeded":
                    break
                assert state in ("queued", "running", "publishing") and time.monotonic() < deadline, f"run {state}"
                time.sleep(0.1)
            self.cache["run"] = run_id
        return self.cache["run"]

    def dbt_model(self) -> str:
        """A fresh model in the workspace's dbt project."""
        name = unique("model").replace("-", "_")
        with self._owner() as call:
            dbt_models.create_model(call, DbtModelCreate(name=name, sql="select 1 as one"))
        return name

    def conversation(self) -> str:
        """A conversation of the walk's acting user (the owner's when that role may not have one)."""
        role = self.role if self.role and role_allows(self.role, Permission.PIPELINE_READ) else Role.OWNER
        meta = RequestMeta.new("test")
        with open_call(
            self.tenant.runtime, token=self.tenant.token(role), workspace=self.tenant.workspace, meta=meta
        ) as call:
            return conversations.start(call, "pipeline", "walk").id

    def worker_token(self) -> str:
        with self._owner() as call:
            data = WorkerTokenCreate(name=unique("worker"), workspaces=[self.workspace_id])
            return tokens.create_worker_token(call, data).id


SAMPLE_CSV = b"id,name,score\n1,Ada,3.5\n2,Bob,4.0\n"
# Small, with problems a scan finds (a bad email, a duplicate row, a gap), so issue routes have an issue.
QUALITY_CSV = (
    b"id,email,age,city\n1,ada@example.com,34,Berlin\n2,bob@example,41,berlin\n3,cy@example.com,,Paris\n"
    b"4,di@example.com,29,Paris\n4,di@example.com,29,Paris\n5,ed@example.com,230,Rome\n"
)


@dataclass(frozen=True)
class Request:
    path: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None
    query: dict[str, Any] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] | None = None
    form: dict[str, str] | None = None


RouteSample = Callable[[Resources], Request]
ToolSample = Callable[[Resources], dict[str, Any]]

ROUTE_SAMPLES: dict[str, RouteSample] = {
    "GET /v1/whoami": lambda r: Request(),
    "GET /v1/org": lambda r: Request(),
    "GET /v1/workspaces": lambda r: Request(),
    "POST /v1/workspaces": lambda r: Request(body={"name": unique("ws")}),
    "GET /v1/workspaces/{workspace}": lambda r: Request(path={"workspace": r.workspace_id}),
    "PATCH /v1/workspaces/{workspace}": lambda r: Request(
        path={"workspace": r.workspace_id}, body={"description": "walked"}
    ),
    "GET /v1/members": lambda r: Request(),
    "POST /v1/members": lambda r: Request(body={"principal": r.service_account(), "role": "viewer"}),
    "PATCH /v1/members/{member_id}": lambda r: Request(path={"member_id": r.member()}, body={"role": "api_user"}),
    "DELETE /v1/members/{member_id}": lambda r: Request(path={"member_id": r.member()}),
    "GET /v1/users": lambda r: Request(),
    "POST /v1/users": lambda r: Request(
        body={"email": f"{unique('u')}@example.com", "password": "long-enough-pw", "role": "viewer"}
    ),
    "GET /v1/service-accounts": lambda r: Request(),
    "POST /v1/service-accounts": lambda r: Request(body={"name": unique("sa"), "role": "api_user"}),
    "GET /v1/service-accounts/{account_id}": lambda r: Request(path={"account_id": r.service_account()}),
    "DELETE /v1/service-accounts/{account_id}": lambda r: Request(path={"account_id": r.service_account()}),
    "POST /v1/service-accounts/{account_id}/api-keys": lambda r: Request(
        path={"account_id": r.service_account()}, body={"name": "k"}
    ),
    "GET /v1/service-accounts/{account_id}/api-keys": lambda r: Request(path={"account_id": r.service_account()}),
    "DELETE /v1/api-keys/{key_id}": lambda r: Request(path={"key_id": r.api_key()}),
    "GET /v1/compliance/audit-trail": lambda r: Request(),
    "GET /v1/jobs": lambda r: Request(query={"status": "queued"}),
    "GET /v1/jobs/{job_id}": lambda r: Request(path={"job_id": r.queued_job()}),
    "POST /v1/jobs/{job_id}/cancel": lambda r: Request(path={"job_id": r.queued_job()}),
    "GET /v1/jobs/{job_id}/events": lambda r: Request(path={"job_id": r.finished_job()}),
    "GET /v1/worker-tokens": lambda r: Request(),
    "POST /v1/worker-tokens": lambda r: Request(body={"name": unique("worker"), "workspaces": [r.workspace_id]}),
    "DELETE /v1/worker-tokens/{token_id}": lambda r: Request(path={"token_id": r.worker_token()}),
    "POST /v1/datasets": lambda r: Request(files={"file": ("walk.csv", SAMPLE_CSV)}, form={"name": unique("up")}),
    "GET /v1/datasets": lambda r: Request(),
    "GET /v1/datasets/{dataset}": lambda r: Request(path={"dataset": r.dataset()}),
    "DELETE /v1/datasets/{dataset}": lambda r: Request(path={"dataset": r.dataset()}),
    "GET /v1/datasets/{dataset}/columns": lambda r: Request(path={"dataset": r.dataset()}),
    "GET /v1/datasets/{dataset}/versions": lambda r: Request(path={"dataset": r.dataset()}),
    "GET /v1/datasets/{dataset}/preview": lambda r: Request(path={"dataset": r.dataset()}),
    "GET /v1/datasets/{dataset}/download": lambda r: Request(path={"dataset": r.dataset()}, query={"format": "csv"}),
    "POST /v1/datasets/import": lambda r: Request(body={"path": r.inbox_file(), "name": unique("imp")}),
    "POST /v1/datasets/{dataset}/scan": lambda r: Request(path={"dataset": r.dataset()}, body={}),
    "GET /v1/datasets/{dataset}/scan/{scan_id}": lambda r: Request(
        path={"dataset": r.scanned(), "scan_id": r.scan_of(r.scanned())}
    ),
    "GET /v1/quality/{dataset}/score": lambda r: Request(path={"dataset": r.scanned()}),
    "GET /v1/quality/{dataset}/history": lambda r: Request(path={"dataset": r.scanned()}),
    "GET /v1/quality/{dataset}/issues": lambda r: Request(path={"dataset": r.scanned()}),
    "GET /v1/quality/{dataset}/issues/{issue_id}/rows": lambda r: Request(
        path={"dataset": r.scanned(), "issue_id": r.issue()}
    ),
    "GET /v1/quality/{dataset}/missingness": lambda r: Request(path={"dataset": r.scanned()}),
    "GET /v1/quality/{dataset}/issues/{issue_id}/rows.csv": lambda r: Request(
        path={"dataset": r.scanned(), "issue_id": r.issue()}
    ),
    "POST /v1/quality/{dataset}/issues/{issue_id}/quarantine": lambda r: Request(
        path=dict(zip(("dataset", "issue_id"), r.fresh_issue(), strict=True))
    ),
    "GET /v1/quality/settings/weights": lambda r: Request(),
    "PUT /v1/quality/settings/weights": lambda r: Request(body={"weights": {"validity": 1.5}}),
    "GET /v1/connections": lambda r: Request(),
    "POST /v1/connections": lambda r: Request(
        body={"name": unique("c"), "kind": "sqlite", "path": (r.connection() and r.cache["sqlite"])}
    ),
    "GET /v1/connections/{connection}": lambda r: Request(path={"connection": r.connection()}),
    "DELETE /v1/connections/{connection}": lambda r: Request(path={"connection": r.connection()}),
    "POST /v1/connections/{connection}/test": lambda r: Request(path={"connection": r.connection()}),
    "GET /v1/connections/{connection}/tables": lambda r: Request(path={"connection": r.connection()}),
    "GET /v1/pipelines/schema": lambda r: Request(),
    "GET /v1/pipelines/templates": lambda r: Request(),
    "POST /v1/pipelines/validate": lambda r: Request(body=r.definition()),
    "POST /v1/pipelines": lambda r: Request(body={"name": unique("pl"), "definition": r.definition()}),
    "GET /v1/pipelines": lambda r: Request(),
    "GET /v1/pipelines/{pipeline}": lambda r: Request(path={"pipeline": r.pipeline()}),
    "PUT /v1/pipelines/{pipeline}": lambda r: Request(path={"pipeline": r.pipeline()}, body={"description": "walked"}),
    "DELETE /v1/pipelines/{pipeline}": lambda r: Request(path={"pipeline": r.pipeline()}),
    "POST /v1/pipelines/{pipeline}/validate": lambda r: Request(path={"pipeline": r.pipeline()}),
    "POST /v1/pipelines/{pipeline}/run": lambda r: Request(path={"pipeline": r.pipeline()}, body={}),
    "POST /v1/pipelines/{pipeline}/dry-run": lambda r: Request(path={"pipeline": r.pipeline()}, body={}),
    "GET /v1/pipelines/{pipeline}/runs": lambda r: Request(path={"pipeline": r.pipeline()}),
    "GET /v1/runs/{run_id}/status": lambda r: Request(path={"run_id": r.finished_run()}),
    "GET /v1/runs/{run_id}/output": lambda r: Request(path={"run_id": r.finished_run()}),
    "GET /v1/runs/{run_id}/files/{name}": lambda r: Request(path={"run_id": r.finished_run(), "name": "walk.csv"}),
    "GET /v1/dbt/models": lambda r: Request(),
    "POST /v1/dbt/models": lambda r: Request(body={"name": unique("m").replace("-", "_"), "sql": "select 1 as one"}),
    "GET /v1/dbt/models/{name}": lambda r: Request(path={"name": r.dbt_model()}),
    "PUT /v1/dbt/models/{name}": lambda r: Request(path={"name": r.dbt_model()}, body={"sql": "select 2 as two"}),
    "DELETE /v1/dbt/models/{name}": lambda r: Request(path={"name": r.dbt_model()}),
    "POST /v1/agents/pipeline-plans": lambda r: Request(body={"request": f"show the first 5 rows of {r.dataset()}"}),
    "POST /v1/agents/mapping-plans": lambda r: Request(
        body={
            "source": {"dataset": r.dataset()},
            "target_schema": {"fields": [{"name": "full_name", "type": "string"}]},
        }
    ),
    "GET /v1/conversations": lambda r: Request(),
    "DELETE /v1/conversations/{conversation_id}": lambda r: Request(path={"conversation_id": r.conversation()}),
}

# Routes that need no credentials at all.
PUBLIC_ROUTES = {"POST /v1/auth/login"}

# The remote worker protocol takes a worker token, not a principal; tests/api/test_jobs.py covers it.
PUBLIC_ROUTES |= {
    "POST /v1/worker/lease",
    "POST /v1/worker/heartbeat",
    "POST /v1/worker/release",
    "POST /v1/worker/jobs/{job_id}/progress",
    "POST /v1/worker/jobs/{job_id}/complete",
    "POST /v1/worker/jobs/{job_id}/fail",
    "POST /v1/worker/jobs/{job_id}/secret",
}

TOOL_SAMPLES: dict[str, ToolSample] = {
    "whoami": lambda r: {},
    "get_org": lambda r: {},
    "list_workspaces": lambda r: {},
    "get_workspace": lambda r: {"workspace_ref": r.workspace_id},
    "create_workspace": lambda r: {"name": unique("ws")},
    "update_workspace": lambda r: {"workspace_ref": r.workspace_id, "description": "walked"},
    "list_members": lambda r: {},
    "add_member": lambda r: {"principal": r.service_account(), "role": "viewer"},
    "update_member_role": lambda r: {"member_id": r.member(), "role": "api_user"},
    "remove_member": lambda r: {"member_id": r.member()},
    "list_users": lambda r: {},
    "create_user": lambda r: {"email": f"{unique('u')}@example.com", "password": "long-enough-pw", "role": "viewer"},
    "list_service_accounts": lambda r: {},
    "create_service_account": lambda r: {"name": unique("sa")},
    "deactivate_service_account": lambda r: {"service_account": r.service_account()},
    "create_api_key": lambda r: {"service_account": r.service_account()},
    "list_api_keys": lambda r: {"service_account": r.service_account()},
    "revoke_api_key": lambda r: {"api_key_id": r.api_key()},
    "query_audit_trail": lambda r: {},
    "list_datasets": lambda r: {},
    "get_dataset": lambda r: {"dataset": r.dataset()},
    "preview_dataset": lambda r: {"dataset": r.dataset(), "limit": 5},
    "list_dataset_versions": lambda r: {"dataset": r.dataset()},
    "delete_dataset": lambda r: {"dataset": r.dataset()},
    "import_dataset": lambda r: {"path": r.inbox_file(), "name": unique("imp")},
    "create_connection": lambda r: {
        "name": unique("c"),
        "kind": "sqlite",
        "path": r.connection() and r.cache["sqlite"],
    },
    "list_connections": lambda r: {},
    "scan_dataset": lambda r: {"dataset": r.dataset(), "wait_seconds": 0},
    "get_quality_score": lambda r: {"dataset": r.scanned()},
    "list_quality_issues": lambda r: {"dataset": r.scanned()},
    "list_issue_rows": lambda r: {"dataset": r.scanned(), "issue_id": r.issue()},
    "get_column_profiles": lambda r: {"dataset": r.scanned()},
    "explain_missingness": lambda r: {"dataset": r.scanned()},
    "quarantine_issue_rows": lambda r: dict(zip(("dataset", "issue_id"), r.fresh_issue(), strict=True)),
    "test_connection": lambda r: {"connection": r.connection()},
    "list_connection_tables": lambda r: {"connection": r.connection()},
    "delete_connection": lambda r: {"connection": r.connection()},
    "get_job": lambda r: {"job_id": r.queued_job()},
    "list_jobs": lambda r: {"status": "queued"},
    "cancel_job": lambda r: {"job_id": r.queued_job()},
    "wait_for_job": lambda r: {"job_id": r.finished_job(), "timeout_seconds": 5},
    "create_worker_token": lambda r: {"name": unique("worker"), "workspaces": [r.workspace_id]},
    "list_worker_tokens": lambda r: {},
    "revoke_worker_token": lambda r: {"worker_token_id": r.worker_token()},
    "get_pipeline_schema": lambda r: {},
    "list_pipeline_templates": lambda r: {},
    "create_pipeline": lambda r: {"name": unique("pl"), "definition": r.definition()},
    "get_pipeline": lambda r: {"pipeline": r.pipeline()},
    "list_pipelines": lambda r: {},
    "update_pipeline": lambda r: {"pipeline": r.pipeline(), "description": "walked"},
    "delete_pipeline": lambda r: {"pipeline": r.pipeline()},
    "validate_pipeline": lambda r: {"pipeline": r.pipeline()},
    "dry_run_pipeline": lambda r: {"pipeline": r.pipeline(), "wait_seconds": 0},
    "run_pipeline": lambda r: {"pipeline": r.pipeline(), "wait_seconds": 0},
    "list_runs": lambda r: {"pipeline": r.pipeline()},
    "get_run": lambda r: {"run_id": r.finished_run()},
    "get_run_output": lambda r: {"run_id": r.finished_run()},
    "list_dbt_models": lambda r: {},
    "save_dbt_model": lambda r: {"name": unique("m").replace("-", "_"), "sql": "select 1 as one"},
    "plan_pipeline": lambda r: {"request": f"show the first 5 rows of {r.dataset()}"},
    "plan_mapping": lambda r: {
        "source": r.dataset(),
        "target_schema": {"fields": [{"name": "name", "type": "string"}]},
    },
}
