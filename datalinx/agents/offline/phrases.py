"""Regular-expression pieces for clause patterns: comparison words, directions, filler between a column and a test."""

from __future__ import annotations

import re

from datalinx.agents.offline.words import AT_LEAST, AT_MOST, GREATER, LESS


def alternatives(phrases: tuple[str, ...] | list[str]) -> str:
    """A non-capturing alternation, longest phrase first so 'more than' wins over 'more'."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(re.escape(p) for p in ordered) + ")"


COMPARISONS = {">": GREATER, ">=": AT_LEAST, "<": LESS, "<=": AT_MOST}
OP = alternatives([p for phrases in COMPARISONS.values() for p in phrases if p not in ("after", "before", "from")])
EQUALS = r"(?:is equal to|equal to|equals|equal|is exactly|exactly|of exactly|is|are|was|were|=|==|:|of)"
NOT_EQUALS = r"(?:is not|are not|isn't|not equal to|does not equal|!=|not|other than)"
ARITHMETIC = r"(?:times|multiplied by|plus|minus|divided by|over|\*|\+|-|/)"
OPERAND = r"(?:the |its |their )?(?:{C}|{N})"


def arithmetic(group: str, *, operator: bool = False) -> str:
    """A pattern for arithmetic in words over columns and numbers ('monthly charges times tenure'), as `group`;
    with `operator`, a single operand does not match."""
    return rf"(?P<{group}>" + OPERAND + r"(?: " + ARITHMETIC + " " + OPERAND + (r")+)" if operator else r")*)")


# Words that may stand between a column and its test: "whose total revenue is over", "with an age above".
BRIDGE = (
    r"(?:(?:is|are|was|were|has|have|had|been|being|its|their|of|a|an|the|with|worth|valued at|totalling|totaling"
    r"|containing|contains|falls|fall|lies|lie|sits|comes to|amounts to|amounting to|came out|comes out|come out"
    r"|turned out|turns out|ended up|ends up|end up|worked out|works out|landed|lands|finished|stood|stands"
    r"|(?:does|do|did)(?= not )) )*"
)
NEGATION = r"(?:not|non|no|never|without|except|excluding|exclude|excludes|other than|apart from|but not|minus|outside)"
# 'i dont want the test accounts': not wanting rows is removing them
REMOVAL = (
    r"(?:drop|remove|delete|filter out|get rid of|take out|leave out|leaving out|throw out|throw away|toss out|skip"
    r"|ignore|ignoring|omit|hide"
    r"|not (?:want|need)(?: to (?:see|include|keep))?)"
)
LIST_JOIN = r"(?: (?:,|or|and|nor|, or|, and|as well as|plus|&) )"
DESCENDING = (
    "desc", "descending", "highest first", "largest first", "biggest first", "most first", "newest first",
    "latest first", "most recent first", "from highest to lowest", "from largest to smallest", "high to low",
    "highest to lowest", "largest to smallest", "in descending order", "descending order", "reverse order",
    "in reverse order", "reversed", "from newest to oldest", "newest to oldest", "from latest to earliest",
    "z to a", "from z to a", "big to small", "from most to least", "most to least", "decreasing",
    "in decreasing order",
    "youngest first", "from youngest to oldest", "youngest to oldest", "most recent to oldest", "recent first",
    "longest first", "from longest to shortest", "longest to shortest",
)  # fmt: skip
ASCENDING = (
    "asc", "ascending", "lowest first", "smallest first", "least first", "oldest first", "earliest first",
    "from lowest to highest", "from smallest to largest", "low to high", "lowest to highest",
    "smallest to largest", "in ascending order", "ascending order", "from oldest to newest", "oldest to newest",
    "from earliest to latest", "a to z", "from a to z", "alphabetically", "alphabetical", "in alphabetical order",
    "increasing", "in increasing order", "small to big", "from least to most", "least to most", "chronologically",
    "in chronological order",
    "from oldest to youngest", "oldest to youngest", "from oldest to newest", "earliest to latest",
    "shortest first", "from shortest to longest", "shortest to longest",
)  # fmt: skip
DIRECTION = alternatives([*DESCENDING, *ASCENDING])
# Directions only text has: after a summary they order its groups by name, not its measure.
ALPHABETICAL = ("a to z", "from a to z", "z to a", "from z to a", "alphabetically", "alphabetical",
                "in alphabetical order")  # fmt: skip
HIGH_WORDS = ("highest", "largest", "biggest", "most", "greatest", "top", "maximum", "max", "best")
LOW_WORDS = ("lowest", "smallest", "least", "fewest", "bottom", "minimum", "min", "worst")
NEW_WORDS = ("newest", "latest", "most recent", "recent", "last")
OLD_WORDS = ("oldest", "earliest", "first")


def comparison(text: str) -> str | None:
    """The operator a comparison phrase means: '>', '>=', '<', '<=', or None."""
    for operator, phrases in COMPARISONS.items():
        if text in phrases:
            return operator
    return None


def descending(text: str) -> bool:
    return text in DESCENDING
