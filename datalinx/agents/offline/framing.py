"""The framing around a request that asks for nothing: a greeting and the ask before it ('hi there, could you
pull'), hedges and thanks after it ('if possible', 'cheers'), and reasons said with it (read by `reasons`). They are
taken off the request's two ends before the datasets are chosen, so no word of them ('we're reviewing churn', 'for a
customer call') is read as a dataset, column or test. Patterns are over the words as typed, lower-cased."""

from __future__ import annotations

import re

from datalinx.agents.offline.grounding import Grounding
from datalinx.agents.offline.reasons import PURPOSES, said_reason
from datalinx.agents.offline.tokens import Token, fold

OPENER = (
    r"(?:(?:hi|hey|hello|hiya|heya|howdy|yo|sup|wassup|morning|afternoon|evening|greetings"
    r"|good (?:morning|afternoon|evening)"
    r"|dear [a-z]+)(?: there| all| team| everyone| folks| guys| you| again)?|quick (?:one|question|q|qn|ask|favou?r)"
    r"|(?:ok|okay|right|alright) so|ok|okay|so|um|hmm|sorry to bother you|happy (?:monday|friday|new year|holidays)"
    r"|(?:i )?hope (?:you're|you are|you|all is|everything is|you've|you have|you had)(?: been| doing| having| had)?"
    r" (?:well|good|great|fine|a good (?:weekend|week|day|break|holiday|trip|one)))"
    r"(?: :\)| :-\)| [,:;!.-])*"
)
NAMED_OPENER = r"(?:hi|hey|hello|morning|dear|thanks) [a-z]+ [,:!-]"  # 'Hi Sam,': a greeting and a name
LEAD_HEDGE = r"(?:i think|i guess|i believe|ideally|honestly|basically|if possible ,|if you can ,)"
MODAL = (
    r"(?:would you be able to|are you able to|(?:could|can|would|will) you(?: possibly| please| maybe| kindly)?"
    r"(?: please)?(?: mind)?|(?:do|would) you mind|mind|please|kindly|(?:is there )?any chance (?:you could|you can|of)"
    r"|(?:i was |i am |i'm |just )?wondering if you could|i wonder if you could|would it be possible to"
    r"|is it possible to|(?:i|we) (?:need|want|would like|'d like|d like) you to|i'd like you to|we'd like you to"
    r"|(?:i|we) (?:need|want|would like|would love|have) to|(?:i'd|we'd|id) (?:like|love) to|can (?:i|we) ask you to"
    r"|could (?:i|we) ask you to|help me|can we|could we|let's|lets|pls|plz|do you think you could|think you could"
    r"|(?:is there )?(?:a|any) way (?:to|you could)|could you quickly|can you quickly)"
)
# verbs that only fetch, which no reader reads; after an ask, 'get', 'find', 'have' and 'see' too ('show', 'list'
# and 'give' stay: readers of columns know them); never 'pull in' (a join) or 'get rid of'
ODD_FETCH = (
    r"(?:pull(?:ing)?(?: up| out)?|grab(?:bing)?|getting|fetch(?:ing)?|dig(?:ging)? (?:out|up)|finding|listing"
    r"|showing|giving|look(?:ing)? up|bring(?:ing)? up|dredge up|fish out|send(?:ing)? (?:me|us)"
    r"|put(?:ting)? together(?: a list of| a table of)?|open(?:ing)? up)"
)
# 'open' alone fetches only a dataset said with its article after an ask ('can you open the churn data'); 'open
# orders' may be a status
FETCH = (
    rf"(?:{ODD_FETCH}|get|find|have|see|state|open(?= (?:the|our|my|up)\b))(?: me| us)?"
    r"(?! (?:rid|in|into|back|together|of|off|on)\b)"
)
STATED = (
    r"(?:(?:i|we) (?:really )?(?:need|want|would like|'d like|would love|'d love)"
    r"|(?:i'd|we'd|id) (?:really )?(?:like|love)"
    r"|(?:i am|we are|i'm|we're|im) (?:after|looking for|hoping for|interested in)"
    r"|(?:can|could|may) (?:i|we))"
)
ASK = rf"(?:(?:{MODAL}|{STATED})(?: {FETCH})?|{ODD_FETCH}(?: me| us)?)(?! (?:rid|in|into|of|to|together|back)\b)"
SIGN_OFF = (
    r"(?:tia|(?:thanks|thank you|thank u|thx|thnx|thanx|tks|ty|ta|cheers)(?: (?:a lot|a bunch|a million|so much"
    r"|very much|heaps"
    r"|loads|in advance|again|mate|all|team|kindly|!))*|many thanks|much appreciated|(?:i )?appreciate it|appreciated"
    r"|much obliged|(?:no rush|no hurry|no worries|no pressure)(?: at all)?|(?:best|kind|warm)? ?regards|best"
    r"|you're a star|legend|you rock|please|asap(?: please| pls)?|long story(?: short)?|just curious|out of curiosity"
    r"|(?:can|could|would) you (?:help|do that|do this|manage that)(?: with (?:that|this))?|is (?:that|this)"
    r" (?:doable|possible|ok|okay)|would (?:that|this) be (?:possible|ok|okay)|possible|doable|any chance)"
)
THANKS_SAID = r"(?:thanks|thank you|thx|cheers|many thanks|much appreciated)(?: (?:a lot|so much|in advance))?"
HEDGE = (
    r"(?:if (?:at all )?possible|if you (?:can|could)|if (?:that's|that is|it's|it is) (?:possible|ok|okay|alright"
    r"|fine|easy|doable|not too much (?:trouble|hassle|work)|no trouble)|if (?:that|it) works|if it's not a hassle"
    r"|when(?:ever)? you (?:get|have|got) (?:a )?(?:chance|sec|second|minute|moment|time)|whenever you can"
    r"|if you (?:don't|do not) mind|if you have (?:the )?time|at your convenience|when convenient|no worries if not"
    r"|ideally|i think|i guess|if that makes sense|please|pls|plz)"
)
PAUSES = frozenset({",", ";", ":", ".", "!", "?", "-", "--", "\u2013", "\u2014"})


def unframe(tokens: list[Token], grounding: Grounding, request: str) -> tuple[list[Token], list[str]]:
    """The tokens of the ask without its framing, and the reasons said with it that name data (said, not guessed)."""
    words = [re.sub(r"\s", "_", fold(t.text).replace("\u2019", "'")) for t in tokens]  # one word per token
    unclear: list[str] = []
    start, opened = _framed_start(words), _framed_start(words, asking=False)
    # a reason said first: "I'm working on a churn analysis, could you get me ...", 'getting ready for the review, ...'
    pause = next((i for i in range(start, len(tokens)) if words[i] in PAUSES and _spaced(tokens, i)), None)
    if pause is not None and any(
        _said_for_nothing(words[at:pause], tokens[at:pause], grounding, request, unclear, tokens[pause + 1 :], True)
        for at in dict.fromkeys((start, opened))
    ):
        start = _framed_start(words, pause + 1)
    end = len(tokens)
    while end > start:
        cut = _framed_end(words, tokens, start, end, grounding, request, unclear)
        if cut is None:
            break
        end = cut
    core = tokens[start:end]
    if not any(t.kind in ("word", "number", "quoted", "date", "month") for t in core):
        return tokens, []  # nothing but framing ('hello', 'thanks!'): the request as it is, to be said unclear
    return core, unclear


def _framed_start(words: list[str], start: int = 0, asking: bool = True) -> int:
    """Where the ask begins: after greetings, leading hedges and (when `asking`) the words that ask."""
    for pattern in (NAMED_OPENER, OPENER, LEAD_HEDGE, OPENER, ASK) if asking else (NAMED_OPENER, OPENER, LEAD_HEDGE):
        while (length := _match_length(pattern, words[start:])) is not None:
            start += length
    return start


def _framed_end(
    words: list[str], tokens: list[Token], start: int, end: int, grounding: Grounding, request: str, unclear: list[str]
) -> int | None:
    """Where the ask ends if its last clause (after a pause, or a hedge or reason at its very end) is framing."""
    last = end
    while last > start and words[last - 1] in PAUSES:
        last -= 1
    pauses = [i for i in range(start, last) if words[i] in PAUSES and _spaced(tokens, i)]
    pause = pauses[-1] if pauses else None
    if pause is not None and _said_for_nothing(words[pause + 1 : last], tokens[pause + 1 : last], grounding, request,
                                               unclear, tokens[start:pause]):  # fmt: skip
        return pause
    named = len(pauses) > 1 and last - pauses[-1] == 2 and words[pauses[-1]] == "," and tokens[last - 1].text.istitle()
    if named and re.fullmatch(SIGN_OFF, " ".join(words[pauses[-2] + 1 : pauses[-1]])):  # 'cheers, Alex': and a name
        return pauses[-2]
    tail = " ".join(words[start:last])
    for pattern in (THANKS_SAID, HEDGE, *(p for p, topical in PURPOSES if topical)):
        found = re.search(rf" (?:{pattern})$", tail)
        if found is None:
            continue
        length = len(found.group(0).split())
        if last - length > start and _said_for_nothing(words[last - length : last], tokens[last - length : last],
                                                        grounding, request, unclear):  # fmt: skip
            return last - length
    return None


def _said_for_nothing(
    clause: list[str],
    tokens: list[Token],
    grounding: Grounding,
    request: str,
    unclear: list[str],
    ask: list[Token] | None = None,
    first: bool = False,
) -> bool:
    """Whether a clause is thanks, a hedge or a reason (see `said_reason`); `ask`: the tokens of the request the clause
    is said beside (before it when `first`)."""
    text = " ".join(w for w in clause if w not in PAUSES)
    if re.fullmatch(f"(?:{SIGN_OFF}|{HEDGE})(?: (?:{SIGN_OFF}|{HEDGE}))*", text):
        return True
    return said_reason(text, tokens, grounding, request, unclear, ask, first)


def _match_length(pattern: str, words: list[str]) -> int | None:
    """How many words a pattern takes at the start of `words` (whole words only), or None."""
    found = re.match(rf"(?:{pattern})(?= |$)", " ".join(words))
    if found is None or not found.group(0):
        return None
    return len(found.group(0).split())


def _spaced(tokens: list[Token], index: int) -> bool:
    """Whether a pause stands apart: a comma or full stop, or a dash with a space either side (not 'jan-feb')."""
    token = tokens[index]
    if token.kind == "punct":
        return True
    before = tokens[index - 1] if index > 0 else None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    return (before is None or before.end < token.start) and (after is None or token.end < after.start)
