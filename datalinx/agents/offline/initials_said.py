"""A short stored code said in full by the words its letters stand for.

'small and medium business' is the segment 'smb', 'United States dollars' the currency 'usd': the first letter of
each word, read as a value key only when the words are three, all plain words (no function word, no planner keyword,
no number), the code they spell is no English word and the catalog holds it. 'show me both' spells no 'smb' ('me' is
a function word), and no four words spell 'east' or 'test': a code of more letters is too likely a word's chance
initials.
"""

from __future__ import annotations

import re

from datalinx.agents.offline.english import COMMON_WORDS
from datalinx.agents.offline.words import FILLER, FUNCTION_WORDS, KEYWORDS

# Words a spelled-out code may hold that give it no letter: 'small and medium-sized business' is 'smb'.
JOINERS = frozenset({"and", "sized"})
CODE_LETTERS = 3


def initials(text: str) -> str | None:
    """The code `text` spells by its initials ('small & medium businesses' -> 'smb'), else None."""
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower().replace("&", " and ")) if w not in JOINERS]
    if len(words) != CODE_LETTERS or not all(_plain(w) for w in words):
        return None
    code = "".join(w[0] for w in words)
    return None if code in COMMON_WORDS else code


def _plain(word: str) -> bool:
    """A word that can stand for a letter of a code: alphabetic, not a function word or one the planner reads."""
    return word.isalpha() and len(word) > 2 and word not in FUNCTION_WORDS | FILLER | KEYWORDS
