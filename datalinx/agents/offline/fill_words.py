"""Fills said in two steps, the gaps first and then what goes in them: 'a few customers have no city on file, could
you put 'n/a' in those?', 'the products with no price ..., set those to 0', 'subscribers whose income is missing
given the middle income of everyone instead', 'where a subscriber has no total charges, work one out as their monthly
charges times their tenure'. Words between the two ('are messing up my chart') are left for their own readers."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.fills import HOW, STRATEGIES, _fill, _in_gaps
from datalinx.agents.offline.phrases import arithmetic
from datalinx.agents.offline.reasons import TROUBLES
from datalinx.agents.offline.sentence import Match

# words that are a value to fill with, unquoted: 'set them to unknown', 'make them zero'
PLAIN_VALUES = frozenset({"zero", "unknown", "none", "nothing", "tbd", "tbc", "na", "blank", "empty", "other"})
MISSING = r"(?:missing|empty|blank|null|unknown|absent|not (?:set|known|filled in|recorded|given))"
ON_FILE = r"(?: (?:on file|on record|recorded|listed|given|set|entered|filled in|in the data|yet|at all))?"
SOME = r"(?:(?:a few|some|several|many|certain|the|any|all|a handful of|a number of|those|our) )?"
DATASET_ROWS = r"{{T}}(?: rows| records| entries| lines)?"  # 'some customer rows'
# the rows whose column has gaps, said before what fills them; {g} is the group the column is read as
GAPS = tuple(
    form + ON_FILE
    for form in (
        r"(?:where|when|if|wherever|whenever|for) (?:an? |the |any |some )?{{T}} (?:has|have|had) no (?P<{g}>{{C}})",
        SOME + DATASET_ROWS + r" (?:have|has|had) no (?P<{g}>{{C}})",
        SOME
        + DATASET_ROWS
        + r" (?:with no|without|lacking|missing|with a missing|with missing|with an empty|with empty)"
        r" (?:an? |the )?(?P<{g}>{{C}})",
        SOME + DATASET_ROWS + r" (?:whose|where the|where their) (?P<{g}>{{C}}) (?:is|are|was|were) " + MISSING,
        SOME + DATASET_ROWS + r" (?:(?:that|which|who) )?(?:are|is) missing (?:an? |the |their |its )?(?P<{g}>{{C}})",
        SOME
        + DATASET_ROWS
        + r" (?:(?:that|which|who) )?(?:do not|does not|did not|not) have (?:an? |the |any )?(?P<{g}>{{C}})",
        SOME + DATASET_ROWS + r" (?:that|which|who) (?:have|has|had) no (?P<{g}>{{C}})",
        r"(?:where|when|if|wherever|whenever|for) (?:an? |the |any )?(?:{{T}} (?:s )?)?(?P<{g}>{{C}})"
        r" (?:is|are|was|were) " + MISSING + r"(?: (?:in|of|from) (?:the )?{{T}}(?: data| table| dataset)?)?",
    )
)
# what was said of the rows in between, up to a comma: left unconsumed for the readers of chatter
ASIDE = r"(?: (?P<aside>(?:are|is|keep|keeps) (?![@§])[^ ]+(?: (?![@§,;.?!])[^ ]+){0,5}))?"
TROUBLE = r"(?:are|is|keep|keeps) " + TROUBLES + r" (?:my|our|the|their|his|her) [a-z]+(?: [a-z]+)?"
POLITE = r"(?:(?:could|can|would|will|you|please|just|simply|then|so|maybe|kindly) )*"
THOSE = (
    r"(?:those|them|these|it|there|(?:the|those|these) (?:blanks|gaps|holes|empty ones|missing ones)|those ones"
    r"|their place)"
)
LATER = r"(?: (?:instead|for now|for the moment|for the time being|in there|there|in its place|in their place))*"
# the others' summary: 'the middle income of everyone', 'the average of the rest'
OTHERS = (
    r"(?: (?:of|among|across|for) (?:everyone|everybody|all|the rest|the others|others|the other (?:rows|ones|{T})"
    r"|all the others|all (?:the )?{T})(?: else)?(?: s)?)?"
)
VALUE = HOW + OTHERS
THE = r"(?:the |an? |its |their )?"
PUT = (
    r"(?:put|write|enter|insert|use|show|plug in|fill in) " + THE + VALUE + r" (?:in|into|for|as|in for) " + THOSE,
    r"(?:set|make|fill|change|turn|default|plug|patch) "
    + THOSE
    + r"(?: in| up)? (?:to|with|as|into|to be) "
    + THE
    + VALUE,
    r"(?:give|assign|make) " + THOSE + " " + THE + VALUE,
    # 'label those 'UNKNOWN'', 'mark them as n/a', 'tag them unknown': the gaps named by the value that fills them
    r"(?:label|mark|tag|class|classify|code|call) (?:all )?" + THOSE + r"(?: (?:as|with))? " + THE + VALUE,
    r"(?:given|assigned|set to|filled with|filled in with) " + THE + VALUE,
    r"(?:use|take|plug in|fill in with|(?:put|drop|pop|stick|slot|bung|pencil) in) "
    + THE
    + VALUE
    + r"(?: (?:for|in) "
    + THOSE
    + r")?",
    r"(?:should|must|can|could|will|would|need to|ought to)(?: just| simply| instead)? (?:get|be given|receive|take"
    r"|be set to|be filled with|be filled in with|show|have) " + THE + VALUE,
)
WORK_OUT = (
    r"(?:work|figure|estimate|compute|calculate|derive|make up|fill|approximate) (?:one|it|them|that|those|the value"
    r"|a value|the figure|a figure|the number|the missing ones?)(?: out)? (?:as|from|by|using|to be|with) ",
    r"(?:use|take|put in|plug in) ",
)


def _left_aside(match: Match) -> None:
    """Consume the match except what was said in between, which other readers (or none) read; how the gaps trouble
    the user ('are messing up my chart') asks for nothing and is taken along."""
    aside = match.items(name="aside")
    if re.fullmatch(TROUBLE, match.group("aside") or ""):
        aside = []
    for index in match.indexes:
        item = match.sentence.items[index]
        if all(item is not other for other in aside):
            item.consumed = True


def _filled(ctx: Context, match: Match) -> bool:
    """A value, a summary of the others or another column in the gaps of the column said before; a bare word is a
    value only when it is one of a fill's own ('unknown', 'zero'): 'give them a call' fills nothing."""
    said = match.items(name="how")
    word = said[0].norm.split()[0] if said and said[0].kind == "word" else None
    if word is not None and word not in STRATEGIES and word not in PLAIN_VALUES and match.group("how") != "n / a":
        return False
    if _fill(ctx, match):
        _left_aside(match)
    return False


def _worked_out(ctx: Context, match: Match) -> bool:
    """'..., work one out as their monthly charges times their tenure': a computed value in the gaps."""
    if _in_gaps(ctx, match):
        _left_aside(match)
    return False


def read_fill_words(ctx: Context) -> None:
    """Gaps said first and what fills them after; read before filters take 'with no price' as a test."""
    scan = ctx.sentence.scan
    between = ASIDE + r"(?: ,| :| ;| -)? " + POLITE
    for gaps in GAPS:
        for verb in WORK_OUT:
            body = arithmetic("expr", operator=True)
            scan(gaps.format(g="col") + between + verb + body + LATER, lambda m: _worked_out(ctx, m))
        for verb in PUT:
            scan(gaps.format(g="cols") + between + verb + LATER, lambda m: _filled(ctx, m))
