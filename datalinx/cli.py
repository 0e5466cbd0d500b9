"""The `datalinx` command: init, serve, worker, mcp, config, roles, users, api-keys, rotate-master-key."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, TypeVar

import typer

from datalinx.config import Settings, get_settings
from datalinx.core.auth.permissions import Role, role_table
from datalinx.core.errors import DatalinxError

app = typer.Typer(help="Datalinx: data integration and data quality, driven by talking to it.", no_args_is_help=True)
users_app = typer.Typer(help="Manage users.", no_args_is_help=True)
keys_app = typer.Typer(help="Manage API keys of service accounts.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(keys_app, name="api-keys")

F = TypeVar("F", bound=Callable[..., Any])

DEMO_ORG = "Demo"
DEMO_EMAIL = "owner@demo.datalinx.dev"
DEMO_PASSWORD = "datalinx-demo"


def friendly_errors(fn: F) -> F:
    """Show domain errors as one line on stderr with exit code 2, never a traceback."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DatalinxError as exc:
            field = f" (field: {exc.field})" if exc.field else ""
            typer.echo(f"error: {exc.message}{field}", err=True)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _runtime(settings: Settings | None = None):
    from datalinx.core.runtime import Runtime

    return Runtime.start(settings or get_settings())


@app.command()
@friendly_errors
def init(
    org: Annotated[str | None, typer.Option(help="Organisation name.")] = None,
    email: Annotated[str | None, typer.Option(help="Owner's email.")] = None,
    password: Annotated[str | None, typer.Option(help="Owner's password (at least 10 characters).")] = None,
    workspace: Annotated[str, typer.Option(help="First workspace's name.")] = "Default",
) -> None:
    """Create the system DB, the master key, the first org, workspace and owner; print a first API key once."""
    from datalinx.core.tenancy.bootstrap import init_platform

    interactive = sys.stdin.isatty()
    if org is None:
        org = typer.prompt("Organisation name") if interactive else None
    if email is None:
        email = typer.prompt("Owner email") if interactive else None
    if password is None:
        password = typer.prompt("Owner password", hide_input=True, confirmation_prompt=True) if interactive else None
    if not (org and email and password):
        typer.echo("error: --org, --email and --password are required when not interactive", err=True)
        raise typer.Exit(2)
    runtime = _runtime()
    result = init_platform(runtime, org_name=org, email=email, password=password, workspace_name=workspace)
    typer.echo(f"organisation: {result.org_slug}\nworkspace:    {result.workspace_slug}")
    typer.echo(f"owner login:  {result.owner_email} (the password you chose)")
    typer.echo(f"API key (shown once, service account 'cli'): {result.api_key}")


@app.command()
@friendly_errors
def serve(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to bind.")] = 8000,
    demo: Annotated[bool, typer.Option(help="Create a demo org with data on first start.")] = False,
) -> None:
    """Serve the REST API, the MCP endpoint, the chat UI and the docs."""
    import uvicorn

    from datalinx.core.tenancy.bootstrap import has_any_org, init_platform
    from datalinx.server import create_app

    runtime = _runtime()
    base = f"http://{host}:{port}"
    typer.echo(f"Datalinx data home: {runtime.settings.home}\nsystem DB: {runtime.db.dialect}")
    if demo and not has_any_org(runtime):
        result = init_platform(runtime, org_name=DEMO_ORG, email=DEMO_EMAIL, password=DEMO_PASSWORD)
        key_file = runtime.settings.home / "demo-api-key"
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(result.api_key + "\n")
        typer.echo(f"created the demo organisation; its API key is in {key_file}")
        from datalinx.core.datasets.seed import seed_demo_datasets
        from datalinx.core.tenancy.bootstrap import as_owner

        with as_owner(runtime, result.org_slug, workspace=result.workspace_slug) as call:
            seeded = seed_demo_datasets(call)
        typer.echo("demo datasets: " + ", ".join(f"{d.name} ({d.rows} rows)" for d in seeded))
    if demo:
        typer.echo(f"demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}")
        key_file = runtime.settings.home / "demo-api-key"
        if key_file.exists():
            typer.echo(f"demo API key: {key_file.read_text().strip()}")
    typer.echo(f"API:          {base}/v1  (login: POST {base}/v1/auth/login)")
    typer.echo(f"OpenAPI docs: {base}/docs")
    if runtime.settings.chat_enabled:
        typer.echo(f"chat UI:      {base}/chat  (sign in with a platform user's email and password)")
    typer.echo(f"MCP endpoint: {base}/mcp/  (streamable HTTP, 'Authorization: Bearer <API key or JWT>')")
    typer.echo(f"health:       {base}/healthz   metrics: {base}/metrics")
    settings = runtime.settings
    workers = f"{settings.worker_concurrency} in-process" if settings.workers_in_process else "none in-process"
    typer.echo(f"job workers:  {workers}; remote ones: `datalinx worker --control-plane {base}`")
    uvicorn.run(create_app(runtime), host=host, port=port, log_config=None)


@app.command()
@friendly_errors
def worker(
    control_plane: Annotated[
        str | None, typer.Option(help="Control plane URL, e.g. http://cp:8000 (default: DATALINX_CONTROL_PLANE_URL).")
    ] = None,
    concurrency: Annotated[
        int | None, typer.Option(min=1, max=256, help="Jobs run at once (default: DATALINX_WORKER_CONCURRENCY).")
    ] = None,
    name: Annotated[str | None, typer.Option(help="This worker's name in leases (default: host:pid:random).")] = None,
) -> None:
    """Run a remote data-plane worker: it polls the control plane with DATALINX_WORKER_TOKEN, never the system DB."""
    from datalinx.core.jobs import registry
    from datalinx.core.jobs.remote import HttpQueue
    from datalinx.core.jobs.worker import WorkerPool
    from datalinx.logging import configure_logging

    settings = get_settings()
    url = control_plane or settings.control_plane_url
    if not url:
        typer.echo("error: pass --control-plane URL or set DATALINX_CONTROL_PLANE_URL", err=True)
        raise typer.Exit(2)
    if settings.worker_token is None:
        typer.echo("error: set DATALINX_WORKER_TOKEN to a dlxw_ worker token (POST /v1/worker-tokens)", err=True)
        raise typer.Exit(2)
    configure_logging(settings.log_level, json=settings.log_json)
    registry.load(settings.job_modules)
    queue = HttpQueue(url, settings.worker_token.get_secret_value())
    pool = WorkerPool(
        queue,
        home=settings.home,
        concurrency=concurrency or settings.worker_concurrency,
        wait_seconds=settings.worker_long_poll_seconds,
        grace_seconds=settings.worker_shutdown_grace_seconds,
        name=name,
    )
    typer.echo(f"worker {pool.name}: control plane {url}, data home {settings.home}, kinds {pool.kinds}", err=True)
    try:
        status = pool.run_until_signalled()
    finally:
        queue.close()
    raise typer.Exit(status)


@app.command()
@friendly_errors
def mcp() -> None:
    """Serve the MCP tools over stdio, authenticated by DATALINX_API_KEY."""
    from datalinx.logging import configure_logging
    from datalinx.tools.server import build_mcp

    runtime = _runtime()
    if runtime.settings.api_key is None:
        typer.echo("error: set DATALINX_API_KEY to a dlx_ API key", err=True)
        raise typer.Exit(2)
    server = build_mcp(runtime, stdio=True)
    configure_logging("WARNING", json=True)
    server.run("stdio")


@app.command()
def config() -> None:
    """Print the effective settings, secrets masked."""
    typer.echo(json.dumps(get_settings().masked(), indent=2, default=str))


EVALS = ("quality", "planner", "mapping")


@app.command("eval")
def run_evals(
    which: str = typer.Argument("all", help="quality, planner, mapping or all"),
    show_failures: bool = typer.Option(False, "--show-failures", help="List the cases a planner got wrong."),
) -> None:
    """Run the evaluations of a source checkout (evals/) and print their tables."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    chosen = EVALS if which == "all" else (which,)
    if any(name not in EVALS for name in chosen):
        typer.echo(f"error: choose one of {', '.join(EVALS)} or all", err=True)
        raise typer.Exit(2)
    if not (root / "evals").is_dir():
        typer.echo(f"error: no evals/ folder beside the datalinx package ({root}): use a source checkout", err=True)
        raise typer.Exit(2)
    status = 0
    for name in chosen:
        typer.echo(f"== {name} ==")
        extra = ["--show-failures"] if show_failures and name == "planner" else []
        status |= subprocess.call([sys.executable, "-m", f"evals.{name}", *extra], cwd=root)
    raise typer.Exit(status)


@app.command()
def roles() -> None:
    """Print the role table: which role holds which permission."""
    names = [r.value for r in Role]
    width = max(len(p) for p, _ in role_table())
    typer.echo("permission".ljust(width) + "  " + "  ".join(names))
    for permission, holders in role_table():
        marks = "  ".join(("x" if name in holders else "-").center(len(name)) for name in names)
        typer.echo(permission.ljust(width) + "  " + marks)


@users_app.command("create")
@friendly_errors
def users_create(
    email: Annotated[str, typer.Option(help="The new user's email.")],
    password: Annotated[str, typer.Option(help="At least 10 characters.", prompt=True, hide_input=True)],
    role: Annotated[Role, typer.Option(help="Organisation role.")] = Role.VIEWER,
    workspace: Annotated[list[str] | None, typer.Option(help="Workspace to join (repeatable).")] = None,
    org: Annotated[str | None, typer.Option(help="Organisation slug (needed when several exist).")] = None,
) -> None:
    """Create a user, acting as the org's owner."""
    from datalinx.core.auth import accounts
    from datalinx.core.auth.schemas import UserCreate
    from datalinx.core.tenancy.bootstrap import as_owner

    data = UserCreate(email=email, password=password, role=role, workspaces=workspace or [])
    with as_owner(_runtime(), org) as call:
        user = accounts.create_user(call, data)
    typer.echo(f"created user {user.email} ({user.role}) id={user.id}")


@keys_app.command("create")
@friendly_errors
def api_keys_create(
    service_account: Annotated[str, typer.Argument(help="Service account name or id; created when missing.")],
    role: Annotated[Role, typer.Option(help="Role of a new service account.")] = Role.API_USER,
    workspace: Annotated[str | None, typer.Option(help="Workspace of a new service account.")] = None,
    org: Annotated[str | None, typer.Option(help="Organisation slug (needed when several exist).")] = None,
) -> None:
    """Create an API key (shown once) for a service account."""
    from datalinx.core.auth import accounts
    from datalinx.core.auth.schemas import ApiKeyCreate, ServiceAccountCreate
    from datalinx.core.errors import NotFound
    from datalinx.core.tenancy.bootstrap import as_owner

    with as_owner(_runtime(), org, workspace=workspace) as call:
        try:
            account = accounts.get_service_account(call, service_account)
        except NotFound:
            account = accounts.create_service_account(call, ServiceAccountCreate(name=service_account, role=role))
        key = accounts.create_api_key(call, account.id, ApiKeyCreate(name="cli"))
    typer.echo(f"API key for '{account.name}' (shown once): {key.api_key}\nkey id: {key.id}")


@keys_app.command("revoke")
@friendly_errors
def api_keys_revoke(
    key_id: Annotated[str, typer.Argument(help="The key's id.")],
    org: Annotated[str | None, typer.Option(help="Organisation slug (needed when several exist).")] = None,
) -> None:
    """Revoke an API key."""
    from datalinx.core.auth import accounts
    from datalinx.core.tenancy.bootstrap import as_owner

    with as_owner(_runtime(), org) as call:
        key = accounts.revoke_api_key(call, key_id)
    typer.echo(f"revoked {key.prefix} ({key.id})")


@app.command("rotate-master-key")
@friendly_errors
def rotate_master_key() -> None:
    """Re-encrypt every stored credential under a new master key, then retire the old key."""
    from datalinx.core.secrets import manager as secrets

    runtime = _runtime()
    keyring = runtime.keyring
    if keyring.path is not None:
        keyring = secrets.rotation_keyring(keyring)
    elif len(keyring.keys) == 1:
        secrets.rotation_keyring(keyring)  # explains how to rotate a key given by the environment
    with runtime.db.transaction() as session:
        count = secrets.reencrypt_all(session=session, keyring=keyring)
    if keyring.path is not None:
        secrets.retire_old_keys(keyring)
    typer.echo(f"re-encrypted {count} secret(s) under key {keyring.current_id}")
    typer.echo("access tokens signed with the old key are no longer valid; users log in again")


if __name__ == "__main__":
    app()
