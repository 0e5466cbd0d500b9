"""dbt models of a workspace, run with dbt-duckdb against its warehouse (or a scratch copy for dry runs).

Each run builds a project of its own in the job folder: the workspace's models copied in, the node's inputs
declared as `source('pipeline', <name>)` and loaded as tables of schema `pipeline`, a profile pointing at the
target DuckDB with file access switched off. dbt runs in a subprocess so the DuckDB file is closed when it ends.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from datalinx.core.errors import Invalid
from datalinx.core.pipelines.sql import literal
from datalinx.dao import warehouse

MODEL_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
INPUT_SCHEMA = "pipeline"
TIMEOUT_SECONDS = 900
DRY_RUN_COPY_LIMIT = 512 * 1024**2


def models_dir(project: Path) -> Path:
    return project / "models"


def list_models(project: Path) -> list[str]:
    """Names of the `.sql` models in a dbt project folder."""
    folder = models_dir(project)
    return sorted(p.stem for p in folder.rglob("*.sql")) if folder.is_dir() else []


def model_file(project: Path, name: str) -> Path:
    """Where a model's SQL lives; refuses names dbt would not accept."""
    if not MODEL_NAME.match(name):
        raise Invalid("a model name is letters, digits and underscores, starting with a letter", field="name")
    return models_dir(project) / f"{name}.sql"


def _project_yaml(models_path: str) -> str:
    return json.dumps(
        {
            "name": "datalinx_workspace",
            "version": "1.0.0",
            "config-version": 2,
            "profile": "datalinx",
            "model-paths": [models_path],
            "models": {"datalinx_workspace": {"+materialized": "table"}},
        }
    )


def _profile_yaml(database: Path) -> str:
    output = {
        "type": "duckdb",
        "path": str(database),
        "threads": 1,
        "settings": {"enable_external_access": False, "autoload_known_extensions": False},
    }
    return json.dumps({"datalinx": {"target": "run", "outputs": {"run": output}}})


def _sources_yaml(names: list[str]) -> str:
    source = {"name": INPUT_SCHEMA, "schema": INPUT_SCHEMA, "tables": [{"name": n} for n in names]}
    return json.dumps({"version": 2, "sources": [source]})


def _target(workspace_db: Path, work: Path, dry_run: bool) -> Path:
    """The DuckDB a model writes to: the warehouse, or for a dry run a copy of it (when small) or a new file."""
    if not dry_run:
        return workspace_db
    scratch = work / "scratch.duckdb"
    if workspace_db.exists() and workspace_db.stat().st_size <= DRY_RUN_COPY_LIMIT:
        shutil.copy(workspace_db, scratch)
    return scratch


def _load_inputs(database: Path, inputs: dict[str, Path]) -> None:
    connection = duckdb.connect(str(database))
    try:
        connection.execute(f"CREATE SCHEMA IF NOT EXISTS {INPUT_SCHEMA}")
        for name, path in inputs.items():
            connection.execute(
                f'CREATE OR REPLACE TABLE {INPUT_SCHEMA}."{name}" AS SELECT * FROM read_parquet({literal(path)})'
            )
    finally:
        connection.close()


def _invoke(project: Path, model: str) -> None:
    env = {
        **os.environ,
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_PROFILES_DIR": str(project),
        "DBT_LOG_PATH": str(project / "logs"),
        "DBT_TARGET_PATH": str(project / "target"),
        "DBT_USE_COLORS": "false",
    }
    command = [sys.executable, "-c", "from dbt.cli.main import cli; cli()", "run", "--select", model,
               "--project-dir", str(project), "--quiet", "--no-partial-parse"]  # fmt: skip
    try:
        done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as exc:
        raise Invalid(f"dbt model '{model}' ran for over {TIMEOUT_SECONDS}s and was stopped", field="model") from exc
    if done.returncode != 0:
        lines = [line.strip() for line in (done.stdout + "\n" + done.stderr).splitlines() if line.strip()]
        detail = " | ".join(lines[-6:]) or f"exit code {done.returncode}"
        raise Invalid(f"dbt model '{model}' failed: {detail}", field="model")


def run_model(
    *, workspace_project: Path, workspace_db: Path, work: Path, model: str, inputs: dict[str, Path], dry_run: bool
) -> Path:
    """Run one model over `inputs` ({source table name: Parquet file}); its table comes back as Parquet."""
    if model not in list_models(workspace_project):
        raise Invalid(f"the workspace's dbt project has no model '{model}'", field="model")
    project = work / "dbt"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(models_dir(workspace_project), project / "models")
    (project / "models" / "_datalinx_pipeline_sources.yml").write_text(_sources_yaml(list(inputs)))
    output = work / f"dbt_{model}.parquet"
    with warehouse.locked(workspace_db):
        database = _target(workspace_db, work, dry_run)
        (project / "dbt_project.yml").write_text(_project_yaml("models"))
        (project / "profiles.yml").write_text(_profile_yaml(database))
        _load_inputs(database, inputs)
        _invoke(project, model)
        connection = duckdb.connect(str(database))
        try:
            connection.execute(f'COPY (SELECT * FROM main."{model}") TO {literal(output)} (FORMAT parquet)')
        finally:
            connection.close()
    return output
