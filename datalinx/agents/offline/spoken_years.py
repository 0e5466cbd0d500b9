"""Years said in words, read as the year's digits: 'nineteen fifty five', 'twenty twenty-three', and after a word of
time 'two thousand and three' (elsewhere that is the amount 2003)."""

from __future__ import annotations

from datalinx.agents.offline.tokens import Token
from datalinx.agents.offline.words import NUMBER_WORDS

# The hundreds a year said in pairs starts with: 'nineteen' of 'nineteen fifty five'.
CENTURIES = {"eighteen": 18, "nineteen": 19, "twenty": 20}
# Words after which a number said in thousands is a year: 'born before two thousand and three'.
# Not 'than' or 'from': 'more than two thousand and fifty' is an amount.
TIME_WORDS = frozenset({"before", "after", "in", "since", "until", "till", "during", "year", "through", "pre", "post"})
TENS = (20, 30, 40, 50, 60, 70, 80, 90)


def _spoken(token: Token) -> int | None:
    """The number a token spells in words ('fifty five': 55, a fixed 'ninteen': 19), or None."""
    words = token.norm.replace("-", " ").split()
    if not words or not all(w in NUMBER_WORDS for w in words) or any(c.isdigit() for c in token.text):
        return None
    values = [NUMBER_WORDS[w] for w in words]
    if len(values) == 1:
        return values[0]
    if len(values) == 2 and values[0] in TENS and 0 < values[1] < 10:
        return values[0] + values[1]
    return None


def _as_year(tokens: list[Token], first: int, last: int, year: int) -> None:
    """Tokens `first`..`last` become one number token holding the year, its digits as its text."""
    start, end = tokens[first].start, tokens[last].end
    tokens[first : last + 1] = [Token("number", str(year), start, end, str(year), year)]


def _pair(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """'nineteen fifty five' (a century and its years) from `index`: (the last token, the year), or None."""
    century = CENTURIES.get(tokens[index].norm)
    if century is None or index + 1 >= len(tokens):
        return None
    years = _spoken(tokens[index + 1])
    last = index + 1
    units = _spoken(tokens[index + 2]) if years in TENS and index + 2 < len(tokens) else None
    if years is not None and units is not None and 0 < units < 10:  # 'fifty fve' typed apart, then fixed
        years, last = years + units, index + 2
    if years is None or not 10 <= years <= 99:
        return None
    return last, century * 100 + years


def _thousands(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """'two thousand and three', 'two thousand three' after a word of time: (the last token, the year), or None."""
    token = tokens[index]
    if index == 0 or tokens[index - 1].norm not in TIME_WORDS or "thousand" not in token.norm.split():
        return None
    if token.kind != "number" or not isinstance(token.value, int) or not 2000 <= token.value <= 2099:
        return None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    rest = _spoken(following) if following is not None and token.value == 2000 else None
    if rest is not None and 0 < rest < 100:
        return index + 1, 2000 + rest
    return index, token.value


def read_spoken_years(tokens: list[Token]) -> None:
    """Years said in words become number tokens of their four digits, so dates read them as years."""
    index = 0
    while index < len(tokens):
        found = _pair(tokens, index) or _thousands(tokens, index)
        if found is not None:
            _as_year(tokens, index, *found)
        index += 1
