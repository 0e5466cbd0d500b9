"""The Chainlit chat UI: people talk to Datalinx here, acting through the same managers as REST and MCP.

Chainlit's app is a process-wide singleton, so the runtime it serves is handed over here (by `create_app`)
rather than built by the chat module itself; importing this package does not import Chainlit.
"""

from __future__ import annotations

from datalinx.core.runtime import Runtime

_runtime: Runtime | None = None


def set_runtime(runtime: Runtime) -> None:
    """Hand the running runtime to the chat (the latest app built in this process wins)."""
    global _runtime
    _runtime = runtime


def get_runtime() -> Runtime:
    """The runtime the chat acts on; set before the chat is mounted."""
    if _runtime is None:
        raise RuntimeError("the chat UI has no runtime: datalinx.chat_ui.set_runtime() was not called")
    return _runtime
