"""A scripted OpenAI-compatible chat server on loopback, so the real HTTP client path of the LLM drafter runs."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse


@dataclass
class ScriptedLLM:
    """Answers each chat completion with the next scripted output (as a call of the tool the client offered)."""

    outputs: list[dict[str, Any]]
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/v1/chat/completions")
        async def complete(request: Request) -> JSONResponse:
            body = await request.json()
            self.requests.append(body)
            if not self.outputs:
                return JSONResponse({"error": {"message": "script exhausted"}}, status_code=500)
            tool = body["tools"][0]["function"]["name"]
            call = {"id": f"call_{uuid.uuid4().hex[:8]}", "type": "function",
                    "function": {"name": tool, "arguments": json.dumps(self.outputs.pop(0))}}  # fmt: skip
            return JSONResponse(
                {
                    "id": f"chatcmpl-{uuid.uuid4().hex[:8]}",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": body["model"],
                    "choices": [
                        {
                            "index": 0,
                            "finish_reason": "tool_calls",
                            "message": {"role": "assistant", "content": None, "tool_calls": [call]},
                        }
                    ],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
                }
            )

        return app

    def user_prompts(self) -> list[str]:
        """The last user message of every request received."""
        prompts = []
        for body in self.requests:
            users = [m for m in body["messages"] if m["role"] == "user"]
            content = users[-1]["content"]
            prompts.append(content if isinstance(content, str) else json.dumps(content))
        return prompts


@contextmanager
def serve(llm: ScriptedLLM) -> Iterator[ScriptedLLM]:
    """Run the scripted server on a free loopback port for the duration."""
    server = uvicorn.Server(uvicorn.Config(llm.app(), host="127.0.0.1", port=0, log_config=None))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("scripted LLM server did not start")
        time.sleep(0.02)
    llm.url = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}/v1"
    try:
        yield llm
    finally:
        server.should_exit = True
        thread.join(timeout=10)
