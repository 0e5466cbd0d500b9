"""Browser fixtures for the chat: Debian's Chromium driven by Playwright, a page helper, screenshots per step.

Screenshots go to `test-output/chat/<test name>/` at the top of the checkout (gitignored), one per step.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from datalinx.core.runtime import Runtime
from tests.conftest import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "chat"
WAIT_MS = 180_000  # scans, dry runs and runs share two cores with the rest of the suite
REQUEST = "orders with amount over 10, save as big_orders"
ORDER_COLUMNS = {"order_id": "int64", "customer": "string", "email": "string", "amount": "float64", "country": "string"}


def orders_csv(rows: int = 40) -> bytes:
    """Orders with problems a scan finds: a duplicate row, missing amounts, a bad email, an outlier."""
    lines = ["order_id,customer,email,amount,country"]
    for number in range(1, rows + 1):
        amount = "" if number % 9 == 0 else f"{(number * 7) % 23 + 0.5}"
        email = "bad-email" if number == 5 else f"c{number % 11}@example.com"
        lines.append(f"{number},c{number % 11},{email},{amount},{'DE' if number % 3 else 'FR'}")
    lines.append("7,c7,c7@example.com,3000,DE")  # an outlier
    lines.append(lines[3])  # an exact duplicate
    return ("\n".join(lines) + "\n").encode()


def offline_planner_handles_request() -> bool:
    """Whether the offline planner turns REQUEST into a complete plan (it is still being written)."""
    try:
        from datalinx.agents import offline
        from datalinx.core.datasets.facts import CatalogView, ColumnFacts, DatasetFacts

        columns = [ColumnFacts(name=n, type=t) for n, t in ORDER_COLUMNS.items()]  # type: ignore[arg-type]
        catalog = CatalogView(datasets=[DatasetFacts(name="orders", rows=42, columns=columns)])
        draft = offline.draft(REQUEST, catalog, None)
    except Exception:
        return False
    nodes = (draft.definition or {}).get("nodes", [])
    return bool(nodes) and not draft.not_understood and nodes[-1].get("kind") == "sink_dataset"


SCRIPTED_PLAN = {
    "definition": {
        "nodes": [
            {"id": "orders", "kind": "source", "dataset": "orders"},
            {"id": "big", "kind": "filter", "condition": "amount > 10"},
            {"id": "save", "kind": "sink_dataset", "dataset": "big_orders"},
        ],
        "edges": [{"source": "orders", "target": "big"}, {"source": "big", "target": "save"}],
    },
    "explanations": {
        "orders": "Read dataset orders.",
        "big": "Keep rows where amount is over 10.",
        "save": "Save the result as dataset big_orders.",
    },
}


@pytest.fixture
def planner(runtime: Runtime) -> Iterator[str]:
    """The offline planner when it handles REQUEST, else a scripted OpenAI-compatible LLM answering with a plan."""
    if offline_planner_handles_request():
        yield "offline"
        return
    from tests.agents.scripted_llm import ScriptedLLM, serve

    with serve(ScriptedLLM([SCRIPTED_PLAN for _ in range(4)])) as llm:
        runtime.settings.llm_base_url, runtime.settings.llm_model = llm.url, "scripted-model"
        yield "llm"


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """A headless Chromium (Debian's) with a fresh profile; skipped where it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 2000},
        )
        try:
            yield context
        finally:
            context.close()


class ChatPage:
    """The chat as a person uses it: sign in, type, attach files, press buttons; a screenshot per step."""

    def __init__(self, page: Any, base_url: str, folder: Path) -> None:
        from playwright.sync_api import expect

        self.page, self.base_url, self.folder, self.expect = page, base_url, folder, expect
        self.shots = 0
        page.set_default_timeout(WAIT_MS)

    def shot(self, name: str) -> Path:
        self.shots += 1
        path = self.folder / f"{self.shots:02d}-{name}.png"
        self.page.screenshot(path=str(path))
        return path

    def sign_in(self, email: str, password: str = PASSWORD) -> None:
        self.page.goto(self.base_url + "/chat/")
        self.page.fill("#email", email)
        self.page.fill("#password", password)
        self.shot("sign-in")
        self.page.click("button[type=submit]")
        self.see("You are in workspace")

    def send(self, text: str = "", files: list[Path] | None = None) -> None:
        if files:
            self.page.set_input_files("#upload-button-input", [str(f) for f in files])
        if text:
            self.page.fill("#chat-input", text)
        self.expect(self.page.locator("#chat-submit")).to_be_enabled(timeout=WAIT_MS)
        self.page.click("#chat-submit")

    def see(self, text: str | re.Pattern[str]) -> Any:
        """Wait until the text shows (the newest occurrence), and return it."""
        found = self.page.get_by_text(text).last
        self.expect(found).to_be_visible(timeout=WAIT_MS)
        return found

    def press(self, label: str) -> None:
        self.page.get_by_role("button", name=label).last.click()

    def charts(self, at_least: int) -> None:
        """Wait until at least that many Plotly charts are drawn, and scroll to the newest."""
        charts = self.page.locator(".js-plotly-plot")
        self.expect(charts.nth(at_least - 1)).to_be_visible(timeout=WAIT_MS)
        charts.last.scroll_into_view_if_needed()


@pytest.fixture
def chat_page(browser: Any, live_server: Any, request: pytest.FixtureRequest) -> ChatPage:
    folder = SCREENSHOTS / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return ChatPage(browser.new_page(), live_server.url, folder)
