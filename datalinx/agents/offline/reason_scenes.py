"""Reasons whose words name data that is not what the rows are tested on: a tool troubled by blanks ('the model
training chokes on nulls': the split's value 'training' is what reads the data), and where an event the user is
preparing for happens ('a trade fair in Cologne', beside accounts asked for in Germany); and the user's belief about
the rows asked ('my hunch is they leave more often')."""

from __future__ import annotations

import re

from datalinx.agents.offline.entities import Candidate, entities
from datalinx.agents.offline.grounding import Grounding, ValueRef, name_words
from datalinx.agents.offline.reasons import CONNECTIVE, ROWS, TROUBLES, as_typed, beyond_ask
from datalinx.agents.offline.tokens import Token, fold

# a tool troubled by the blanks a fill or a test of them is about: 'the model training chokes on nulls', 'our
# dashboard breaks on empty values'; its subject's head is what reads the data, but a word before the head may say
# which rows ('our fibre dashboard')
BLANK_VALUES = (
    r"(?:nulls|null values|blanks|blank values|blank cells|empties|empty values|empty cells|empty fields|gaps|nans"
    r"|missing values|missing data|missing ones|missing entries|holes)"
)
BLANKS_TROUBLE = (
    rf"(?:the|our|my) (?!(?:[a-z'-]+ )*{ROWS}\b)(?P<modifiers>(?:[a-z'-]+ ){{0,2}})[a-z'-]+ {TROUBLES}(?: (?:on|over"
    rf"|at|with|because of|due to|when it (?:sees|hits|meets|gets)))?(?: (?:the|all|those|these|any|all the))?"
    rf" {BLANK_VALUES}"
)
# what happens somewhere, which a place after it locates: 'a trade fair in Cologne', 'our roadshow in Lyon'
EVENTS = frozenset(
    {"fair", "fairs", "show", "shows", "expo", "exhibition", "conference", "convention", "congress", "summit", "event",
     "events", "trip", "visit", "tour", "roadshow", "meetup", "festival", "launch", "offsite", "workshop", "pop-up"}
)  # fmt: skip
LOCATING = frozenset({"in", "at", "near"})
PLACE_PARTS = frozenset({"city", "town", "country", "region", "state", "location", "place"})


def blanks_trouble(text: str, tokens: list[Token], grounding: Grounding, request: str) -> bool:
    """Whether a clause (`tokens`: its words after any connective) is a tool troubled by blanks, naming no dataset's
    rows nor, before its head, a value: the head reads the data ('the model training')."""
    lead = re.match(rf"(?:{CONNECTIVE} )+", text)
    found = re.fullmatch(BLANKS_TROUBLE, text[lead.end() :] if lead else text)
    if found is None or any(t.norm in grounding.dataset_words or t.kind != "word" for t in tokens):
        return False
    modifiers = as_typed(tokens[1 : 1 + len(found.group("modifiers").split())])
    return not entities(modifiers, grounding, grounding.dataset_names, request)


# what someone wants or expects of the answer (not to do): 'the crm wants those phone numbers' may ask for the column
WANTS = r"\b(?:wants?|wanted|needs?|needed|expects?|expected|requires?|required|prefers?|preferred|likes?)\b(?! to\b)"
# the nouns of how columns are shown, which a tool may want without naming a column: 'expects those names'
HEADINGS = frozenset(
    {"name", "names", "header", "headers", "heading", "headings", "label", "labels", "title", "titles", "column",
     "columns", "field", "fields", "format", "formats", "layout", "spellings"}
)  # fmt: skip


def data_elsewhere(
    text: str, tokens: list[Token], grounding: Grounding, request: str, ask: list[Token], scope: list[str] | None
) -> bool:
    """Whether a reason speaks of blanks or of what someone wants and names data the ask does not ('the model hates
    nulls in region' beside a fill of income, 'the crm wants those phone numbers'): maybe part of the ask too, so
    said rather than dropped."""
    if re.search(rf"\b{BLANK_VALUES}\b", text) is None and re.search(WANTS, text) is None:
        return False
    kept = [t for t in tokens if fold(t.text) not in HEADINGS]
    found = entities(as_typed(kept), grounding, grounding.dataset_names, request)
    return beyond_ask(found, ask, grounding, request, scope)


def event_places(
    found: dict[int, Candidate], tokens: list[Token], grounding: Grounding, request: str, ask: list[Token] | None
) -> dict[int, Candidate]:
    """The entities of a reason without the places its events happen in ('a trade fair in Cologne'), when the ask
    tests a place already (the accounts in Germany): the rows are placed by the ask, the event by the reason."""
    if ask is None or not any(_place(c) for c in entities(ask, grounding, grounding.dataset_names, request).values()):
        return found
    events = [i for i, t in enumerate(tokens) if t.norm in EVENTS]
    return {
        at: c
        for at, c in found.items()
        if not (_place(c) and at > 0 and tokens[at - 1].norm in LOCATING and any(e < at - 1 for e in events))
    }


def _place(candidate: Candidate) -> bool:
    """Whether a candidate is a value of a column of places (a city, a country)."""
    ref = candidate.refs[0]
    return candidate.kind == "val" and isinstance(ref, ValueRef) and bool(set(name_words(ref.column)) & PLACE_PARTS)


# the user's belief about the rows asked for: 'my hunch is they leave more often', 'i suspect they churn sooner',
# "i've a feeling those ones pay late"
BELIEF = (
    r"(?:(?:my|our) (?:hunch|guess|theory|suspicion|gut feeling|gut|feeling|bet|instinct|hypothesis|sense) is"
    r"|(?:i|we) (?:suspect|reckon|bet|guess|think|believe|have a (?:hunch|feeling|suspicion|theory)"
    r"|'ve got a (?:hunch|feeling)|have a sneaking suspicion)|i'm (?:guessing|betting|thinking)"
    r"|(?:i'd|i would) (?:guess|bet)|(?:my )?gut says)(?: that)?"
)
ABOUT_ROWS = (
    r"(?:they|they're|they'll|they've|these|those|these ones|those ones|this lot|that lot|(?:most|many|a lot|plenty)"
    r" of them)"
)

# how a belief says the rows lean, which guesses at the answer rather than picking rows: 'they leave more often'
TENDENCY = (
    r"\b(?:more|less|sooner|later|faster|slower|often|oftener|likely|likelier|tend|tends|usually|generally"
    r"|typically)\b"
)


def belief(text: str, tokens: list[Token], grounding: Grounding, request: str, ask: list[Token]) -> bool | None:
    """Whether a clause is the user's belief about the rows asked ('my hunch is they leave more often'), which tests
    nothing, and whether it names data a test could be about (a value, a number): then it is said (True); None when
    it is no belief, or restricts or asks for something ('my guess is only the ones on fiber', 'i think they're mostly
    on fiber' is said, as is another dataset than the ask's). How the rows lean on a column ('they leave more
    often', 'they churn sooner') is the user's guess of the answer, not a test; what they did ('i think they
    churned') may be one, so it is said."""
    from datalinx.agents.offline.reasons import ASKED, RESTRICTS

    lead = re.match(rf"(?:{CONNECTIVE} )+", text)
    found = re.fullmatch(rf"{BELIEF} {ABOUT_ROWS}(?P<rest>(?: [^ ]+){{1,8}})", text[lead.end() :] if lead else text)
    if found is None:
        return None
    rest = found.group("rest")
    if re.search(RESTRICTS, rest) or re.search(ASKED, rest) or re.search(rf"\b{ROWS}\b", rest):
        return None
    if any(t.kind in ("number", "quoted", "date", "month") for t in tokens):
        return True
    every = grounding.dataset_names
    asked = {c.refs[0] for c in entities(ask, grounding, every, request).values() if c.kind == "ds"}
    named = entities(as_typed(tokens), grounding, every, request).values()
    if any(c.kind == "val" or (c.kind == "ds" and c.refs[0] not in asked) for c in named):
        return True
    return any(c.kind == "col" for c in named) and re.search(TENDENCY, rest) is None
