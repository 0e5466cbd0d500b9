"""Who the user is in the chat and which workspace they act in: the welcome, the switcher, the list."""

from __future__ import annotations

import chainlit as cl
from chainlit.input_widget import Select

from datalinx.chat_ui.session import ChatSession
from datalinx.chat_ui.steps import call, tool
from datalinx.chat_ui.tables import markdown_table
from datalinx.core.auth.schemas import WhoAmI
from datalinx.core.tenancy import manager as tenancy

SETTING = "workspace"
HELP = """Here is what I can do:
- **Drop a file** (CSV, Excel, Parquet, JSON) into the message box to create a dataset ("… as NAME" names it).
- Ask **"how good is this data?"** (or "scan orders") for the score, each dimension, the top issues and charts.
- **Describe a pipeline** in plain words, e.g. "keep rows where amount is over 10 and save as big_orders".
  You get its diagram and a preview on a sample; **Approve** saves and runs it, **Edit** changes it.
- **workspaces** lists yours; **workspace NAME** switches (so does the settings button by the message box)."""


def current(me: WhoAmI) -> tuple[str | None, str | None]:
    """The (slug, role) of the workspace `me` was resolved in."""
    for workspace in me.workspaces:
        if workspace.workspace_id == me.current_workspace_id:
            return workspace.slug, workspace.role
    return None, None


async def _switcher(me: WhoAmI, slug: str | None) -> None:
    """The workspace picker in Chainlit's chat settings, set to the current workspace."""
    if not me.workspaces:
        return
    items = {f"{w.name} ({w.role})": w.slug for w in me.workspaces}
    await cl.ChatSettings([Select(id=SETTING, label="Workspace", items=items, initial_value=slug)]).send()


async def welcome(chat: ChatSession) -> None:
    """Greet the user with their workspace and role, and set up the switcher."""
    me = await call(chat, "tenancy.whoami", tenancy.whoami, summary=lambda m: f"{len(m.workspaces)} workspaces")
    slug, role = current(me)
    if slug is None and me.workspaces:  # no default workspace: start in the first one
        slug, role = me.workspaces[0].slug, me.workspaces[0].role
    chat.workspace = slug
    await _switcher(me, slug)
    if slug is None:
        where = "You have no workspace yet: ask an admin to add you to one."
    else:
        where = f"You are in workspace **{slug}** as **{role}**."
    await cl.Message(content=f"Hello {me.name}. {where}\n\n{HELP}").send()


async def list_workspaces(chat: ChatSession) -> None:
    """The workspaces the user can reach, with their role in each."""
    me = await call(chat, "tenancy.whoami", tenancy.whoami, summary=lambda m: f"{len(m.workspaces)} workspaces")
    if not me.workspaces:
        await cl.Message(content="You cannot reach any workspace yet.").send()
        return
    rows = [
        [w.slug, w.name, w.role, "← current" if w.workspace_id == me.current_workspace_id else ""]
        for w in me.workspaces
    ]
    table = markdown_table(["workspace", "name", "your role", ""], rows)
    await cl.Message(content=f"{table}\n\nSwitch with **workspace NAME** or the settings button.").send()


async def switch(chat: ChatSession, ref: str) -> None:
    """Move to another workspace the user can reach (an unknown or foreign one is simply not found)."""
    if ref == chat.workspace:
        await cl.Message(content=f"You are already in workspace **{ref}**.").send()
        return
    me = await tool(
        chat,
        "tenancy.whoami",
        lambda: chat.caller(workspace=ref).run(tenancy.whoami),
        shown={"workspace": ref},
        summary=lambda m: f"role {current(m)[1]}",
    )
    slug, role = current(me)
    assert slug is not None  # a named workspace resolves or is not found
    chat.use_workspace(slug)
    await _switcher(me, slug)
    await cl.Message(content=f"Now in workspace **{slug}** as **{role}**.").send()


async def help_message() -> None:
    await cl.Message(content=HELP).send()
