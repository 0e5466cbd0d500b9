"""Contact said as a verb: 'subscribers who've rung the helpdesk more than twice' is a test of the count of contacts
the rows hold, the column found by its name (support_calls), never by a phrase kept for one dataset."""

from __future__ import annotations

from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.filters import compare
from datalinx.agents.offline.grounding import ColumnRef, name_words
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.tokens import TIMES
from datalinx.core.datasets.facts import ColumnFacts
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
# How often, said after the number too: 'eight times or more', '3 or more times', '5+ times'.
ONWARDS = (
    r"(?P<op>or more|or over|and more|and up|and above|and over|plus|or less|or fewer|or under|and under|and below)"
)
# 'four times', 'on four separate occasions'
OCCASIONS = r"(?:times?|(?:separate |different )?occasions?)"
TIMES_SAID = (
    r"(?P<num>{N})(?: " + OCCASIONS + ")? " + ONWARDS + r"(?: " + OCCASIONS + r")?|(?P<num2>{N}) " + OCCASIONS
    + r"|(?P<word>once|twice|thrice)(?: " + ONWARDS.replace("?P<op>", "?P<op2>") + ")?"
)  # fmt: skip
# 'on four or more occasions': the 'on' read with the contact phrase it follows
HOW_OFTEN = (
    r"(?: on(?= (?:(?:more than|over|at least|at most|fewer than|less than|no more than|exactly|under) )?{N}"
    r"(?: or (?:more|fewer|less))? (?:separate |different )?occasions?))?"
    r"(?= (?:more than|over|at least|at most|fewer than|less than|no more than|exactly|under) {N}"
    r"| {N}(?: " + OCCASIONS + r")? (?:or|and|plus)| {N} " + OCCASIONS
    + r"| (?:once|twice|thrice)(?= [.?!,;]|$| or | and | but ))"
)  # fmt: skip

# 'has never once phoned the helpdesk': no contact at all, a count of zero
NEVER = r"(?:never|not once|not ever|at no point)(?: once| ever| yet)? (?:(?:have|has|had) )?"

# 'how often ... on average': the mean of the count, asked of a typical row (without it, a total or a mean?)
OFTEN = r"(?:how often|how many times|how frequently)"
AVERAGE = r"(?:on average|on avg|typically|in a typical case|per head|per person)"
ASKER = r"(?: (?:do|does|did|have|has|will|would))?"
ASKER += r"(?: (?:the |our |all |all our |a |an |each )?(?:{T}|they|people|one))?"


def read_contacts(ctx: Context) -> None:
    """'rung the helpdesk more than twice': the contact phrase read as the column counting contacts; 'how often
    subscribers ring support on average' as the mean of that column."""
    scan = ctx.sentence.scan
    scan(NEVER + CONTACT + WHOM + r"(?= [.?!,;]|$| and | or | but )", lambda m: _never_contacted(ctx, m))
    scan(CONTACT + WHOM + HOW_OFTEN, lambda m: _contacts(ctx, m))
    scan(r"(?P<col>{C}) (?:" + TIMES_SAID + r")(?= [.?!,;]|$| and | or | but )", lambda m: _times_said(ctx, m))
    said = r"(?P<said>" + CONTACT + WHOM + r"|{C})"
    scan(OFTEN + r" " + AVERAGE + ASKER + " " + said, lambda m: _average_contacts(ctx, m))
    scan(OFTEN + ASKER + " " + said + r"(?: ,)? " + AVERAGE, lambda m: _average_contacts(ctx, m))


def _contact_count(ctx: Context) -> ColumnFacts | None:
    """The one column of the base counting contacts ('support_calls'), found by its name."""
    counts = [
        c for c in ctx.grounding.dataset(ctx.base).columns if set(name_words(c.name)) & COUNTED and c.type in NUMERIC
    ]
    return counts[0] if len(counts) == 1 else None


def _contacts(ctx: Context, match: Match) -> bool:
    if any(i.norm not in WHOM_WORDS for i in match.items()[1:] if i.kind != "word" or " " in i.norm):
        return False  # 'called Anna more than twice': someone no column counts
    count = _contact_count(ctx)
    if count is None:
        return False
    ref = ColumnRef(ctx.base, count.name, count.type, 3)
    ctx.note(f"read '{match.text}' as the count {count.name}")
    ctx.sentence.fold(match.indexes[0], match.indexes[-1], match.as_column(ref))
    return False


def _never_contacted(ctx: Context, match: Match) -> bool:
    """'never once phoned the helpdesk': the count of contacts is zero."""
    if any(i.norm not in WHOM_WORDS for i in match.items()[1:] if i.kind != "word" or " " in i.norm):
        return False  # 'never called Anna': someone no column counts
    count = _contact_count(ctx)
    if count is None:
        return False
    zero = Item("num", match.text, "0", 0, start=match.sentence.items[match.indexes[0]].start)
    return compare(ctx, count.name, "=", zero, "never")


def _average_contacts(ctx: Context, match: Match) -> bool:
    count = _contact_count(ctx)
    asker = next(iter(match.items("ds")), None)
    if count is None or (asker is not None and str(asker.ref) != ctx.base):
        return False  # no count of contacts, or another dataset's people: not the rows that hold it
    said = [i for i in match.items(name="said") if i.kind != "word"]
    if any(i.kind != "col" or ctx.column(i) != count.name for i in said):
        return False  # 'how often ... on average' of something other than the contacts the rows count
    ctx.note(f"read '{match.text}' as the mean of {count.name}")
    ctx.measures.append(Measure("mean", count.name, match.text))
    return True


def _times_said(ctx: Context, match: Match) -> bool:
    """'rung support eight times or more': the count read from the contact phrase, at least (or at most) the
    number; 'called support 8 times' is exactly it."""
    item, number = match.item("col"), match.item("num") or match.item("num2")
    word = match.group("word")
    if word is not None:  # 'twice or more': the word's count, as a number item of its own
        token = next(i for i in match.items() if i.norm == word)
        number = Item("num", token.text, token.norm, TIMES[word], start=token.start, end=token.end)
    count = _contact_count(ctx)
    if item is None or number is None or count is None or ctx.column(item) != count.name:
        return False
    said = match.group("op") or match.group("op2") or ""
    operator = "=" if not said else "<=" if said.split()[-1] in ("less", "fewer", "under", "below") else ">="
    words = {"=": "exactly", ">=": "at least", "<=": "at most"}[operator]
    return compare(ctx, count.name, operator, number, words)
