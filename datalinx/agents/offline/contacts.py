"""Contact said as a verb: 'subscribers who've rung the helpdesk more than twice' is a test of the count of contacts
the rows hold, the column found by its name (support_calls), never by a phrase kept for one dataset."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef, name_words
from datalinx.agents.offline.sentence import Match
from datalinx.core.pipelines.types import NUMERIC

CONTACT = (
    r"(?:rung|rang|ring|rings|ringing|called|call|calls|calling|phoned|phone|phones|phoning|contacted|contact"
    r"|contacts|contacting|reached out to|reach out to|got in touch with|get in touch with|been in touch with)"
)
# whom the rows contacted: words only, or the entities those words were read as ('customer service': @t @c)
WHOM = r"(?: (?:the |our )?(?:{T} |{C} )*(?:helpdesk|help desk|support|service desk|hotline|us|{C}|{T})(?: up)?)?"
WHOM_WORDS = frozenset({"customer", "customers", "support", "service", "help", "desk", "helpdesk", "hotline", "us",
                        "up", "the", "our", "call", "centre", "center"})  # fmt: skip
# the parts of a column's name that say it counts contacts
COUNTED = frozenset({"call", "calls", "contact", "contacts", "ticket", "tickets", "complaint", "complaints"})
HOW_OFTEN = r"(?= (?:more than|over|at least|at most|fewer than|less than|no more than|exactly|under) {N})"


def read_contacts(ctx: Context) -> None:
    """'rung the helpdesk more than twice': the contact phrase read as the column counting contacts."""
    ctx.sentence.scan(CONTACT + WHOM + HOW_OFTEN, lambda m: _contacts(ctx, m))


def _contacts(ctx: Context, match: Match) -> bool:
    if any(i.norm not in WHOM_WORDS for i in match.items()[1:] if i.kind != "word" or " " in i.norm):
        return False  # 'called Anna more than twice': someone no column counts
    counts = [
        c for c in ctx.grounding.dataset(ctx.base).columns if set(name_words(c.name)) & COUNTED and c.type in NUMERIC
    ]
    if len(counts) != 1:
        return False
    ref = ColumnRef(ctx.base, counts[0].name, counts[0].type, 3)
    ctx.note(f"read '{match.text}' as the count {counts[0].name}")
    ctx.sentence.fold(match.indexes[0], match.indexes[-1], match.as_column(ref))
    return False
