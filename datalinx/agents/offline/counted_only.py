"""A test said with the verb of what is counted: 'counting only orders from 2023', 'including only the shipped
ones', 'considering just active subscribers'. The verb adds nothing to the 'only' that follows it, which the tests
read: it is taken out first, and only right before 'only' or 'just', so a verb that asks for a count stays."""

from __future__ import annotations

from datalinx.agents.offline.context import Context

COUNTED_ONLY = (
    r"(?P<verb>counting|including|considering|taking in|looking at|covering|using)"
    r"(?= (?:only|just|solely|purely|exclusively) [^ ?.!,;§])"
)


def read_counted_only(ctx: Context) -> None:
    """'counting only orders from 2023': the verb before 'only' taken out, read first so no reader holds its place."""
    sentence = ctx.sentence
    while (found := sentence.first(COUNTED_ONLY)) is not None:
        start, end = found.match.span("verb")
        taken = [i for i in found.indexes if start <= sentence.offsets[i] < end]
        del sentence.items[taken[0] : taken[-1] + 1]
