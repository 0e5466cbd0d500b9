"""Values listed once each: 'every country we've shipped orders to, just once each', 'each category of products,
once each'; the places rows were sent to said as a verb, and 'once each' said after the columns a request lists."""

from __future__ import annotations

import re

from datalinx.agents.offline.columns import COLUMNS, _distinct
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.plan import Dedupe
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import AGGREGATES

# Verbs of sending rows somewhere; 'shipped' may have been read as a status value.
SENT = frozenset({"shipped", "ship", "ships", "sent", "send", "sends", "delivered", "deliver", "delivers",
                  "dispatched", "dispatch", "posted", "mailed"})  # fmt: skip
# Names of the columns only rows that are sent somewhere hold (a ship date, a delivery status).
SENDING = re.compile(r"ship|deliver|dispatch|sent")
# Words before the places that make them the groups of a summary, not values listed once.
SUMMARISING = frozenset({*AGGREGATES, "many", "per", "by", "for", "across", "within", "in"})
EVERY = r"(?:(?:the |every |each |all |all of the |all the )(?=@c))?"
ONCE_EACH = (
    r"(?:, )?(?:(?:just|only) )?(?:once each|each once|once apiece|each just once|each only once|one time each"
    r"|each one (?:just |only )?once|every one (?:just |only )?once"
    r"|each (?:(?:combo|combination|pair|pairing|one|value) )?(?:named|listed|shown|given|mentioned)"
    r" (?:just |only )?once|each (?:combo|combination|pair|pairing) (?:just |only )?once"
    r"|(?:listed|named|shown|given|mentioned|appearing) (?:just |only )?once"
    r"|once|with no repeats|without repeats|no repeats|no duplicates|without duplicates)(?= [?.!;]|$)"
)


def read_sent_to(ctx: Context) -> None:
    """'every country we've shipped orders to', 'each country orders were sent to': the place column's values the
    rows went to, each once."""
    who = r"(?:(?:that|which) )?(?:(?:we|they|you) (?:(?:ve|have|had) )?(?:ever |already )?)?"
    verb = r"(?P<verb>@[vc]\d+|[a-z]+)"
    rows = r"(?:the |our |all |all our |any |an |a |some )?(?P<rows>{T})"
    to = r" to(?= [?.!;,]|$| (?:just |only )?once| each once| (?:with no|without|no) (?:repeats|duplicates))"
    scan = ctx.sentence.scan
    scan(EVERY + COLUMNS + " " + who + verb + r"(?: " + rows + ")?" + to, lambda m: _sent_to(ctx, m))
    been = r" (?:were|was|have been|has been|had been|got|get|are|is|ve been)(?: ever| already)? "
    scan(EVERY + COLUMNS + r" (?:(?:that|which) )?" + rows + been + verb + to, lambda m: _sent_to(ctx, m))


def _sent_to(ctx: Context, match: Match) -> bool:
    verb, rows = match.item("verb"), match.item("rows")
    said = verb.norm if verb is not None else match.group("verb") or ""
    sendable = any(SENDING.search(c.name) for c in ctx.grounding.dataset(ctx.base).columns)
    if said not in SENT or not sendable or (rows is not None and str(rows.ref) != ctx.base):
        return False  # 'the countries we shipped customers to': rows that are never sent anywhere
    others = [i.text for i in match.items("col", name="cols") if i.ref.dataset != ctx.base]
    if others:  # 'the cities we delivered orders to': a place the rows' own columns do not hold
        ctx.refuse(f"{match.text} ({', '.join(others)}: no column of {ctx.base})")
        return True
    if verb is not None:
        verb.kind = "word"  # the verb of sending, not the status value (or the ship date) of that name
    before = {i.norm for i in ctx.sentence.items[: match.indexes[0]]}
    if before & SUMMARISING:
        # 'the total revenue for each country our orders were sent to': the clause says which column groups
        _, end = match.match.span("cols")
        for index in match.indexes:
            ctx.sentence.items[index].consumed |= ctx.sentence.offsets[index] >= end
        return False
    return _distinct(ctx, match)


def read_values_present(ctx: Context) -> None:
    """'which customer IDs show up in the orders': the values the rows hold, each once."""
    ctx.sentence.scan(
        r"(?:which|what) (?:distinct |different |unique )?" + COLUMNS + r" (?:show up|shows up|appear|appears|turn up"
        r"|turns up|occur|occurs|feature|are there|come up|crop up|are used|are found|can be found|are seen) in"
        r" (?:the |our |any )?(?P<ds>{T})(?: table| data| dataset)?",
        lambda m: _present(ctx, m),
    )
    # 'every customer tier we have, each named once': the values listed, before 'every' can group by them
    held = r"(?: (?:(?:that|which) )?(?:we|you|they) (?:(?:ve|have) )?(?:have|hold|keep|use|offer|got|list|stock))?"
    ctx.sentence.scan(r"(?:every|each|all|all our|all the|all of the|our) " + COLUMNS + held + " " + ONCE_EACH,
                      lambda m: _distinct(ctx, m))  # fmt: skip


def _present(ctx: Context, match: Match) -> bool:
    dataset = match.item("ds")
    items = match.items("col", name="cols")
    if dataset is None or dataset.ref != ctx.base or any(i.ref.dataset != ctx.base for i in items):
        return False  # 'which customer ids appear in orders' asked of customers: the orders' own, not these
    return _distinct(ctx, match)


def read_each_once(ctx: Context) -> None:
    """', just once each' after the columns a request lists: each value (or each combination) once."""
    ctx.sentence.scan(ONCE_EACH, lambda m: _once_each(ctx))


def _once_each(ctx: Context) -> bool:
    if ctx.plan.distinct:
        return True
    if not ctx.plan.select or ctx.groups or ctx.measures or ctx.plan.dedupe is not None:
        return False  # once each of what? said as not understood
    ctx.plan.dedupe = Dedupe(explanation="Keep each combination of values once.")
    ctx.plan.distinct = True
    ctx.note(f"read 'once each' as the distinct values of {', '.join(ctx.plan.select)}")
    return True
