"""Rankings of rows said with a test between the rows and the amount: 'which ten subscribers on month-to-month
contracts pay the highest monthly charges?'; the test is left for the value readers, the ranking read here."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.phrases import alternatives
from datalinx.agents.offline.ranking import LENGTHS, ROW_NOUNS, _counted
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import SUPERLATIVES

# Verbs of holding an amount, said of the rows ranked: 'pay', 'are charged', 'have'.
HOLDING = frozenset({"pay", "pays", "paid", "paying", "earn", "earns", "earned", "spend", "spends", "spent", "have",
                     "has", "had", "get", "gets", "got", "bring", "brings", "with", "having"})  # fmt: skip
# What may stand between the rows and the verb: a test on values ('on month-to-month contracts', 'in the north').
BETWEEN = r"(?P<mid>(?: (?:on|in|with|from|of|at|the|a|an|@v\d+|@c\d+|@t\d+)){1,6}?)"


def read_ranked_rows(ctx: Context) -> None:
    """'which ten subscribers on month-to-month contracts pay the highest monthly charges': N rows by the amount."""
    rows = r"(?:(?:the|which|what|our) )?(?P<n>{N}) (?P<rows>" + ROW_NOUNS + r")"
    verb = r"(?:(?:who|that|which) )?(?P<verb>@c\d+|[a-z]+)(?P<charged> charged| billed)?"
    sup = r"(?P<sup>" + alternatives([*SUPERLATIVES, *LENGTHS]) + r")"
    pattern = rows + BETWEEN + " " + verb + r" (?:the |their )?" + sup + r" (?P<col>{C})"
    ctx.sentence.scan(pattern, lambda m: _ranked(ctx, m))


def _ranked(ctx: Context, match: Match) -> bool:
    """The ranking, consuming its own words only: the test between them is read by the readers of values."""
    verb = match.item("verb")
    said = (verb.text if verb is not None else match.group("verb") or "").lower()
    if said not in HOLDING and not (said in ("are", "is") and match.group("charged")):
        return False
    if not any(i.kind == "val" for i in match.items(name="mid")) or not _counted(ctx, match):
        return False
    start, end = match.match.span("mid")
    for index in match.indexes:
        if not start <= ctx.sentence.offsets[index] < end:
            ctx.sentence.items[index].consumed = True
    return False
