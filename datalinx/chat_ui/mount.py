"""Mount the Chainlit app under /chat of a FastAPI app, once per process, with its files under the data home.

Chainlit reads its folder (`CHAINLIT_APP_ROOT`: `.chainlit/`, `chainlit.md`, `.files/`) when it is first imported
and keeps one app per process; the first mount sets it up (as `chainlit.utils.mount_chainlit` does), later ones
(another `create_app` in the same process, as tests do) only mount that same app again.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from datalinx import chat_ui
from datalinx.config import Settings
from datalinx.core.runtime import Runtime

PATH = "/chat"
UPLOAD_PATH = f"{PATH}/project/file"  # Chainlit's file upload route: bodies as large as an upload may be
APP_FILE = Path(__file__).with_name("app.py")
CONFIG_VERSION = "2.12.0"

client_address: ContextVar[str] = ContextVar("chat_client_address", default="")
_lock = threading.Lock()
_chainlit_app: ASGIApp | None = None

README = """# Datalinx chat

- **Drop a file** (CSV, Excel, Parquet, JSON) into the message box to create a dataset.
- Ask **"how good is this data?"** to scan it: the score, each dimension, the top issues and charts.
- **Describe a pipeline** in plain words ("keep rows where amount is over 10 and save as big_orders"):
  you see its diagram, a preview on a sample, and Approve / Edit / Discard buttons.
- Type **workspaces** to list yours, **workspace NAME** to switch (or use the settings button).
"""


def chat_root(settings: Settings) -> Path:
    """The chat's own folder under the data home (Chainlit writes its config and uploads there)."""
    return settings.home / "chat"


def _config_toml(settings: Settings) -> str:
    """Chainlit's config: our name, the upload limit, sign-ins that last `chat_session_hours`."""
    max_mb = max(1, settings.max_upload_bytes // 1024**2)
    return f"""[project]
allow_origins = {json.dumps(settings.chat_allowed_origins)}
session_timeout = 3600
user_session_timeout = {settings.chat_session_hours * 3600}
cache = false

[features]
unsafe_allow_html = false
latex = false
edit_message = false

[features.spontaneous_file_upload]
enabled = true
accept = ["*/*"]
max_files = 5
max_size_mb = {max_mb}

[features.mcp]
enabled = false

[UI]
name = "Datalinx"
description = "Talk to your data platform."
cot = "tool_call"
default_theme = "light"

[meta]
generated_by = "{CONFIG_VERSION}"
"""


def _prepare_folder(settings: Settings) -> Path:
    root = chat_root(settings)
    (root / ".chainlit").mkdir(parents=True, exist_ok=True)
    (root / ".chainlit" / "config.toml").write_text(_config_toml(settings))
    (root / "chainlit.md").write_text(README)
    return root


def auth_secret(runtime: Runtime) -> str:
    """Chainlit's cookie-signing secret, derived from the platform master key (rotating the key signs users out)."""
    return runtime.keyring.derive("chainlit-auth").hex()


class ClientAddress:
    """Remember the caller's address for the request, so password sign-ins are rate limited per address."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client: Any = scope.get("client")
        token = client_address.set(client[0] if client else "")
        try:
            await self.app(scope, receive, send)
        finally:
            client_address.reset(token)


def _load_chainlit(settings: Settings) -> ASGIApp:
    """Import Chainlit with its folder under the data home and load the chat module (first call only)."""
    global _chainlit_app
    with _lock:
        if _chainlit_app is None:
            logging.getLogger("chainlit").setLevel(logging.WARNING)  # it logs each file it creates
            root = _prepare_folder(settings)
            os.environ["CHAINLIT_APP_ROOT"] = str(root)
            # Chainlit loads a `.env` of the working directory on import; point it at one that does not exist.
            os.environ["CHAINLIT_ENV_FILE"] = str(root / ".env")
            os.environ["CHAINLIT_ROOT_PATH"] = PATH
            from chainlit.auth import ensure_jwt_secret
            from chainlit.config import config, load_module
            from chainlit.server import app as chainlit_app

            # What `chainlit.utils.mount_chainlit` does, less its path-check middleware: under a mount only /chat
            # paths reach Chainlit anyway, and that BaseHTTPMiddleware turns every request a browser abandons into
            # a logged "No response returned" error.
            config.run.debug = False
            config.run.module_name = str(APP_FILE)
            load_module(config.run.module_name)
            ensure_jwt_secret()
            _chainlit_app = chainlit_app
        return _chainlit_app


def mount_chat(app: FastAPI, runtime: Runtime) -> None:
    """Serve the chat at /chat of `app`, acting on `runtime`; safe to call for every app built in a process."""
    chat_ui.set_runtime(runtime)
    os.environ["CHAINLIT_AUTH_SECRET"] = auth_secret(runtime)
    app.mount(PATH, ClientAddress(_load_chainlit(runtime.settings)))
