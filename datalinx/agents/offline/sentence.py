"""A request as items (words, columns, values, numbers, dates...) matched by patterns and consumed as understood.

Items render as one space-separated string — words as themselves, entities as placeholders such as `@c3` (the
column at item 3) — so clause patterns are regular expressions over it. Every item a clause uses is consumed; the
words left at the end are what the planner did not understand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from datalinx.agents.offline.words import FILLER

KIND_LETTERS = {"col": "c", "val": "v", "num": "n", "year": "y", "date": "d", "str": "s", "ds": "t"}
MACROS = {
    "{C}": r"@c\d+",
    "{V}": r"@v\d+",
    "{N}": r"@[ny]\d+",
    "{Y}": r"@y\d+",
    "{D}": r"@d\d+",
    "{S}": r"@s\d+",
    "{T}": r"@t\d+",
    "{ANY}": r"@[cvnydst]\d+",
}
CONSUMED = "§"


@dataclass
class Item:
    """A word or an entity found in the request, with the original text it came from."""

    kind: str  # word, op, punct, col, val, num, year, date, str, ds
    text: str
    norm: str
    ref: Any = None
    alternatives: list[Any] = field(default_factory=list)
    consumed: bool = False
    start: int = 0
    end: int = 0


@cache
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A clause pattern with its macros expanded, matching whole items only."""
    for macro, regex in MACROS.items():
        pattern = pattern.replace(macro, regex)
    return re.compile(rf"(?<![^ ])(?:{pattern})(?![^ ])")


class Match:
    """One pattern match: its groups as items."""

    def __init__(self, sentence: Sentence, match: re.Match[str], indexes: list[int]) -> None:
        self.sentence, self.match, self.indexes = sentence, match, indexes

    def group(self, name: str) -> str | None:
        return self.match.group(name) if name in self.match.re.groupindex else None

    def item(self, name: str) -> Item | None:
        """The entity a named group matched (a placeholder such as @c3), or None."""
        text = self.match.group(name) if name in self.match.re.groupindex else None
        found = re.fullmatch(r"@[a-z](\d+)", text or "")
        return self.sentence.items[int(found.group(1))] if found else None

    def items(self, kind: str | None = None, name: str | None = None) -> list[Item]:
        """Entities of a kind within the whole match (or within a named group)."""
        if name is not None:
            if self.group(name) is None:
                return []
            start, end = self.match.span(name)
            chosen = [i for i in self.indexes if start <= self.sentence.offsets[i] < end]
        else:
            chosen = self.indexes
        return [self.sentence.items[i] for i in chosen if kind is None or self.sentence.items[i].kind == kind]

    @property
    def text(self) -> str:
        items = self.sentence.items
        return self.sentence.request[items[self.indexes[0]].start : items[self.indexes[-1]].end]

    def as_column(self, ref: Any, norm: str | None = None, alternatives: list[Any] | None = None) -> Item:
        """The whole match read as one column item ('how old they are' as age), to fold in its place."""
        items = self.sentence.items
        first, last = items[self.indexes[0]], items[self.indexes[-1]]
        return Item("col", self.text, norm or ref.column, ref, list(alternatives or []), False, first.start, last.end)

    def consume(self) -> None:
        for index in self.indexes:
            self.sentence.items[index].consumed = True


class Sentence:
    """The items of a request, rendered for matching; remembers what has been consumed."""

    def __init__(self, request: str, items: list[Item]) -> None:
        self.request = request
        self.items = items
        self.offsets: dict[int, int] = {}
        self.active: tuple[int, int] | None = None  # the items of the match being handled

    def render(self) -> str:
        parts: list[str] = []
        position = 0
        self.offsets = {}
        for index, item in enumerate(self.items):
            if item.consumed:
                text = CONSUMED
            elif item.kind in KIND_LETTERS:
                text = f"@{KIND_LETTERS[item.kind]}{index}"
            else:
                text = item.norm
            self.offsets[index] = position
            parts.append(text)
            position += len(text) + 1
        return " ".join(parts)

    def scan(self, pattern: str, handle: Callable[[Match], bool | None]) -> int:
        """Call `handle` on each match, left to right; a match it accepts (True) is consumed. Returns how many."""
        accepted = 0
        for match in list(self.matches(pattern)):
            if any(self.items[i].consumed for i in match.indexes):
                continue
            self.active = (match.indexes[0], match.indexes[-1])
            try:
                if handle(match):
                    match.consume()
                    accepted += 1
            finally:
                self.active = None
        return accepted

    def matches(self, pattern: str) -> Iterator[Match]:
        text = self.render()
        starts = sorted((offset, index) for index, offset in self.offsets.items())
        for found in compile_pattern(pattern).finditer(text):
            indexes = [index for offset, index in starts if found.start() <= offset < found.end()]
            if indexes:
                yield Match(self, found, indexes)

    def fold(self, start: int, end: int, item: Item) -> None:
        """One item in place of the items `start`..`end`: a phrase read as one entity ('when it shipped')."""
        self.items[start : end + 1] = [item]

    def first(self, pattern: str) -> Match | None:
        return next(self.matches(pattern), None)

    def live(self, kind: str | None = None) -> list[Item]:
        return [i for i in self.items if not i.consumed and (kind is None or i.kind == kind)]

    def leftovers(self) -> list[str]:
        """Runs of unconsumed items that carry meaning, as the request spelled them."""
        runs: list[list[Item]] = []
        current: list[Item] = []
        for item in self.items:
            if item.consumed or item.kind == "punct" or (item.kind == "op" and item.norm in "()"):
                if current:
                    runs.append(current)
                current = []
                continue
            current.append(item)
        if current:
            runs.append(current)
        phrases = []
        for run in runs:
            meaningful = [i for i in run if not (i.kind == "word" and i.norm in FILLER)]
            if not meaningful:
                continue
            first, last = meaningful[0], meaningful[-1]
            phrases.append(self.request[first.start : last.end])
        return phrases
