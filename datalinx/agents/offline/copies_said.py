"""Whole-row copies told as how they came in, then one of each asked for: 'some orders got loaded twice, identical
rows and all. could you keep just one of each?', 'a few customers were imported two times, keep one copy of each';
and the trouble the copies make, said beside them ('finance keeps double counting')."""

from __future__ import annotations

from datalinx.agents.offline.cleaning import _dedupe
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.reasons import TEAMS
from datalinx.agents.offline.sentence import Match

# rows told as put in more than once: 'some orders got loaded twice', 'a few rows were imported two times'
LOADED = (
    r"(?:(?:some|a few|several|many|a couple of|a handful of|the|our|certain) )?(?:of (?:the |our )?)?"
    r"(?P<rows>{T}|rows|records|entries|lines) (?:got|get|were|was|have been|has been|had been|are|is|seem to have been"
    r"|ve been) (?:accidentally |mistakenly |somehow )?(?:loaded|imported|entered|inserted|added|copied|ingested"
    r"|synced|uploaded|pulled in|brought in|written|saved|recorded|duplicated)(?: in)?"
    r"(?: (?:twice|two times|more than once|double|in twice))?"
)
# the copies said to match in full: ', identical rows and all', ', exact copies', ', every column the same'
IDENTICAL = (
    r"(?:, )?(?:(?:identical|duplicate|exact) (?:rows|copies|records|duplicates)(?: and all)?|exact copies"
    r"|identical in every (?:column|field|way)|every (?:column|field) the same|the exact same rows?)"
)
# one of each kept: 'keep just one of each', 'leave only a single copy of each', 'keep one copy apiece'
ONE_EACH = (
    r"(?:keep|leave|retain|give me|want)(?: (?:just|only))? (?:one|1|@n\d+|a single(?: copy| row| one)?)(?: copy| row)?"
    r" (?:of each|of them|of each one|each|apiece|per copy)(?: (?:please|pls))?(?= [?.!;,]|$| and | so | thanks)"
)  # ('keep one of each per customer' says more than the copies: left unread)
# the trouble they make: 'finance keeps double counting', 'the sales team is counting them twice'
DOUBLE_COUNTED = (
    r"(?:(?:the |our )?(?:[a-z]+ )?(?:team|folks|people|dept|department)|" + TEAMS + r"|we|they|i|everyone|people)"
    r" (?:keeps?|keep on|keeps on|is|are|have been|has been|ve been|s|re|end up|ends up)? ?"
    r"(?:double[- ]?counting|double counting|counting (?:them|it|these|those|things) twice)"
    r"(?: (?:them|it|these|those|revenue|the revenue|the totals|things))?"
)


def read_copies_told(ctx: Context) -> None:
    """Copies told as loaded twice and one of each asked for: the rows that repeat every column, removed. The
    telling alone asks nothing ('some orders got loaded twice' is left unread), nor does 'keep one of each' alone."""
    scan = ctx.sentence.scan
    told = ctx.sentence.first(LOADED + r"(?= [?.!;,]|$| and | so )")
    if told is None or not _twice(told) or ctx.sentence.first(ONE_EACH) is None:
        return
    rows = told.item("rows")
    if rows is not None and rows.kind == "ds" and str(rows.ref) != ctx.base:
        return  # 'some customers got loaded twice' asked of the orders: another dataset's rows
    if not scan(ONE_EACH, lambda m: _one(ctx, m)):
        return
    scan(LOADED, lambda m: _twice(m))
    scan(IDENTICAL, lambda m: True)
    scan(DOUBLE_COUNTED, lambda m: True)


def _one(ctx: Context, match: Match) -> bool:
    """Whether the number of copies kept, when read as a number ('just one'), is one."""
    numbers = match.items("num")
    return all(str(n.ref) in ("1", "1.0") or n.text.lower() in ("one", "1") for n in numbers) and _dedupe(ctx, match)


def _twice(match: Match) -> bool:
    """Whether the rows were told to be put in more than once ('loaded twice', or 'duplicated')."""
    words = match.text.lower()
    return any(w in words for w in ("twice", "two times", "more than once", "double", "duplicated"))
