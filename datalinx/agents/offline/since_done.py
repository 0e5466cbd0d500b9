"""'Since' said of a change, not of a date: 'the ones who have since churned', 'customers who had since left'. Read
first and only between 'have' and a done verb (a value, or a word ending -ed), so 'since 2023' stays a date."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.core.pipelines.types import TEMPORAL

SINCE_DONE = r"(?:have|has|had|have all|has now) (?P<since>since)(?= (?:@v\d+|@c\d+|[a-z]+ed|left|quit|gone)(?: |$))"


def read_since_done(ctx: Context) -> None:
    """'who have since churned': the 'since' taken out, leaving 'who have churned' for the tests."""
    sentence = ctx.sentence
    for found in list(sentence.matches(SINCE_DONE))[::-1]:  # from the end, so earlier places hold
        start, end = found.match.span("since")
        taken = [i for i in found.indexes if start <= sentence.offsets[i] < end]
        after = sentence.items[taken[-1] + 1]
        if after.kind == "col" and (not isinstance(after.ref, ColumnRef) or after.ref.type in TEMPORAL):
            continue  # 'who have since signed up': a date's column, whose 'since' may be a date's
        del sentence.items[taken[0] : taken[-1] + 1]
