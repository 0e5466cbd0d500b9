"""Where a workspace's files live under the data home, and the only code that lays them out."""

from __future__ import annotations

import uuid
from pathlib import Path

from datalinx.dao.scope import Scope


def workspace_dir(home: Path, scope: Scope) -> Path:
    """`<home>/orgs/<org>/workspaces/<workspace>/`: everything of one workspace, and nothing else."""
    return (home / "orgs" / scope.org_id / "workspaces" / scope.workspace).resolve()


def inside(root: Path, relative: str | Path) -> Path | None:
    """`relative` resolved under `root`, or None when it escapes (.., absolute paths, symlinks out)."""
    candidate = (root / relative).resolve()
    return candidate if candidate == root or root in candidate.parents else None


def inbox_dir(home: Path, scope: Scope) -> Path:
    """Files dropped here can be imported by name (`import_dataset` from a path)."""
    path = workspace_dir(home, scope) / "inbox"
    path.mkdir(parents=True, exist_ok=True)
    return path


def staging_file(home: Path, scope: Scope, suffix: str = "") -> Path:
    """A fresh path for an upload in flight; removed whatever happens to the upload."""
    folder = workspace_dir(home, scope) / "staging"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{uuid.uuid4().hex}{suffix}"


def dataset_dir(home: Path, scope: Scope, dataset_id: str) -> Path:
    """The folder holding a dataset's uploaded versions."""
    return workspace_dir(home, scope) / "datasets" / dataset_id


def new_version_file(home: Path, scope: Scope, dataset_id: str, version: int) -> tuple[Path, str]:
    """A new, never-used path for a dataset version: (absolute path, path relative to the workspace)."""
    path = dataset_dir(home, scope, dataset_id) / f"v{version}-{uuid.uuid4().hex[:8]}.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path, str(path.relative_to(workspace_dir(home, scope)))


def resolve(home: Path, scope: Scope, relative: str) -> Path:
    return workspace_dir(home, scope) / relative


def warehouse_file(home: Path, scope: Scope) -> Path:
    """The workspace's DuckDB warehouse: pipeline tables and dbt models."""
    return workspace_dir(home, scope) / "warehouse" / "warehouse.duckdb"


def dbt_project_dir(home: Path, scope: Scope) -> Path:
    """The workspace's dbt project (models in `models/`), run against the warehouse."""
    return workspace_dir(home, scope) / "dbt"
