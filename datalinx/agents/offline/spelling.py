"""Typos fixed against a vocabulary: a word one or two edits (a swap counts as one) from a known word becomes it."""

from __future__ import annotations

import re
import types
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from datalinx.agents.offline.english import COMMON_WORDS
from datalinx.agents.offline.phrases import ASCENDING, DESCENDING
from datalinx.agents.offline.words import (
    ABBREVIATIONS,
    AGGREGATES,
    AT_LEAST,
    AT_MOST,
    CONCEPTS,
    CONTACT_VERBS,
    DECADES,
    FILLER,
    GREATER,
    HOLIDAYS,
    KEYWORDS,
    LESS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NUMBER_WORDS,
    OPPOSITES,
    SEASONS,
    SUPERLATIVES,
    TIME_UNITS,
    WEEKDAYS,
    word_set,
)
from datalinx.core.quality.vocabulary import SYNONYMS

# Ordinary words the fixer leaves alone: not the planner's, but too common to be anyone's typo.
COMMON = word_set(
    """
    placed made bought purchased paid spent living live lives located based came coming went gone come people
    person persons user users client clients buyer buyers shopper shoppers account accounts member members cost
    costs sold sell sells selling spend shipping shipped delivered ordered orders good bad big small long short
    high low old young new today yesterday tomorrow ago last past next recent recently wise happy sad nice cool
    great please thanks done doing dont also still even ever yet soon country city town state region place area
    world europe european what when where why how much many more most less least lot lots few several number
    numbers amount amounts figure figures stats statistics metric metrics measure measures whole entire overall
    altogether combined everything nothing something anything post posted posting mail mailed mailing cheque wire
    cheques
    """
)


def distance(a: str, b: str, limit: int) -> int:
    """Edits from a to b (insert, delete, substitute, swap neighbours); limit + 1 when more than `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _swapped(word: str, other: str) -> bool:
    """Whether `other` is `word` with two neighbouring letters swapped, and nothing else changed."""
    if len(word) != len(other) or word == other:
        return False
    changed = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
    return (
        len(changed) == 2
        and changed[1] == changed[0] + 1
        and word[changed[0]] == other[changed[1]]
        and (word[changed[1]] == other[changed[0]])
    )


def _vowels_dropped(full: str, typed: str) -> bool:
    """Whether `typed` is `full` with only vowels left out."""
    rest = iter(full)
    for letter in typed:
        for candidate in rest:
            if candidate == letter:
                break
            if candidate not in "aeiou":
                return False
        else:
            return False
    return all(letter in "aeiou" for letter in rest)


def limit_for(word: str) -> int:
    """Edits allowed: none below four letters, one up to seven, two from eight."""
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


class Speller:
    """Finds the known word a typed word most likely is, through an index of single-letter deletions."""

    def __init__(self, words: Iterable[str], preferred: Iterable[str] = (), weak: Iterable[str] = ()) -> None:
        self.words = {w for w in words if w.isalpha()}
        self.preferred = set(preferred)
        self.weak = set(weak) - self.preferred  # corrected towards only from longer words ('round' is no 'pound')
        self.index: dict[str, set[str]] = {}
        for word in self.words:
            for key in _deletes(word) | {word}:
                self.index.setdefault(key, set()).add(word)

    def known(self, word: str) -> bool:
        stems = {word, word[:-1] if word.endswith("s") else word}
        if word.endswith(("ses", "xes", "zes", "ches", "shes")):
            stems.add(word[:-2])
        stems |= {word[: -len(suffix)] for suffix in ("ed", "ing", "ly", "ally", "est", "er") if word.endswith(suffix)}
        if word.endswith("ed"):
            stems.add(word[:-1])  # "generated": generate
        if word in self.words:
            return True
        return any(stem in COMMON or stem in COMMON_WORDS for stem in stems) or any(
            stem in self.words and len(stem) == len(word) - 1 for stem in stems
        )

    def _plural_of_y(self, word: str) -> str | None:
        """'copys', 'citys', 'categorys': a plural of a word ending in a consonant and 'y' written with a plain 's'
        (the stem makes it look known), meant as the known 'copies', 'cities', 'categories'."""
        if len(word) < 5 or not word.endswith("ys") or word[-3] in "aeiouy":
            return None
        meant = word[:-2] + "ies"
        return meant if meant in self.words else None

    def _doubled(self, word: str) -> str | None:
        """'bigest': the known 'biggest', whose last consonant was typed once (the stem 'big' hides the typo)."""
        for suffix in ("est", "er"):
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) == 3 and word not in self.words and word not in COMMON_WORDS:
                meant = stem + stem[-1] + suffix
                if meant in self.words:
                    return meant
        return None

    def fix(self, word: str) -> str | None:
        """The known word meant by `word`, or None when it is known already or nothing is close enough."""
        limit = limit_for(word)
        if len(word) == 3 and word.isalpha() and not self.known(word):
            # a three-letter word is fixed only by the one letter it lost from a planner keyword: 'ony' is 'only'
            lost = [c for c in self.index.get(word, ()) if len(c) == 4 and c in KEYWORDS]
            # or its last two letters swapped from a three-letter one: 'adn' is 'and', 'teh' is 'the'
            swapped = word[0] + word[2] + word[1]
            if not lost and swapped in KEYWORDS | FILLER and swapped in self.words:
                return swapped
            return lost[0] if len(lost) == 1 else None
        doubled = self._doubled(word)
        if doubled is not None:
            return doubled
        plural = self._plural_of_y(word)
        if plural is not None:
            return plural
        if not limit or not word.isalpha() or self.known(word):
            return None
        keys = _deletes(word) | {word}
        if limit > 1:
            keys |= {d for k in _deletes(word) for d in _deletes(k)}
        candidates = {c for key in keys for c in self.index.get(key, ())}
        scored = []
        for candidate in candidates:
            if _negated(word, candidate):
                continue  # 'inactive' is not 'active' typed badly: the prefix says the opposite
            edits = distance(word, candidate, limit)
            if candidate in self.weak and len(word) < 6 and not _swapped(word, candidate):
                continue  # ('euors' is 'euros': two neighbours swapped is a slip of the fingers, not another word)
            if edits <= limit and len(candidate) >= 3:
                # a vowel left out ('lowst': lowest) is likelier than a letter typed too many ('lost')
                dropped, foreign = not _vowels_dropped(candidate, word), candidate not in self.preferred
                scored.append((edits, dropped, foreign, candidate[0] != word[0], -len(candidate), candidate))
        if not scored and limit > 1:
            # two letters changed ('costumers': customers) are beyond the deletion index: the catalog's own words,
            # of about the same length and with the same first letter, are measured one by one
            for candidate in self.preferred:
                if candidate[:1] == word[:1] and abs(len(candidate) - len(word)) <= limit and len(candidate) >= 6:
                    edits = distance(word, candidate, limit)
                    if edits <= limit:
                        scored.append((edits, False, False, False, -len(candidate), candidate))
            closest = [entry for entry in scored if entry[0] == min(e[0] for e in scored)]
            if len({entry[-1] for entry in closest}) > 1:
                return None  # two catalog words as close: no guess
        if not scored and limit == 1:
            return self._unvowelled(word)
        return min(scored)[-1] if scored else None

    def _unvowelled(self, word: str) -> str | None:
        """'custmrs': the one catalog word the typed word is with two or three of its vowels left out
        ('customers'), beyond the one edit a word this short is allowed; two such words and no guess."""
        most = 3 if len(word) > 4 else 2
        found = {
            c
            for c in self.preferred
            if 2 <= len(c) - len(word) <= most and c[0] == word[0] and _vowels_dropped(c, word)
        }
        return found.pop() if len(found) == 1 else None


# the words a number stands between when it is compared: 'a quantity of thre or les', 'more than fivee'
NUMBER_BEFORE = frozenset({"of", "than", "least", "most", "exactly", "under", "over", "above", "below"})
NUMBER_AFTER = frozenset({"less", "fewer", "more", "under", "over", "above", "below", "lower", "higher"})


def number_slips(tokens: list[Any], notes: list[str], speller: Speller | None = None) -> None:
    """'thre or les': a slip the speller read as another word ('the'), or left as no word at all ('fiv'), is the one
    number word it is one edit from, when it stands where a compared number does (after 'of', 'than', 'under';
    before 'or less')."""
    words = [(i, t) for i, t in enumerate(tokens) if t.kind == "word"]
    for position, (_, token) in enumerate(words):
        typed = (token.fixed_from or "").lower()
        if not typed and speller is not None and token.norm.isalpha() and not speller.known(token.norm):
            typed = token.norm
        if not typed or len(typed) < 3 or token.norm == "one":
            continue
        if token.norm in NUMBER_WORDS:  # 'fivee': five, a number as the word typed right would be
            token.kind, token.value = "number", NUMBER_WORDS[token.norm]
            continue
        numbers = [n for n in NUMBER_WORDS if n != "one" and distance(typed, n, 1) <= 1]
        before = words[position - 1][1].norm if position else ""
        after = [t.norm for _, t in words[position + 1 : position + 3]]
        onwards = after[:1] == ["or"] and len(after) > 1 and after[1] in NUMBER_AFTER
        if len(numbers) != 1 or not (before in NUMBER_BEFORE or onwards):
            continue
        notes[:] = [n for n in notes if n != f"read '{token.fixed_from}' as '{token.norm}'"]
        token.fixed_from = token.fixed_from or token.text
        token.kind, token.norm, token.value = "number", numbers[0], NUMBER_WORDS[numbers[0]]
        notes.append(f"read '{token.fixed_from}' as '{token.norm}'")


@cache
def planner_words() -> frozenset[str]:
    """Every word the planner itself knows."""
    concepts = {w for words in CONCEPTS.values() for w in words}
    synonyms = {w for w in SYNONYMS if w.isalpha()}
    phrases = {w for p in (*ASCENDING, *DESCENDING, *GREATER, *LESS, *AT_LEAST, *AT_MOST) for w in p.split()}
    opposites = {w for words in OPPOSITES.values() for p in words for w in p.split()}
    opposites |= {w for p in SUPERLATIVES for w in p.split()}
    known = FILLER | KEYWORDS | set(NUMBER_WORDS) | set(MONTHS) | set(TIME_UNITS) | set(AGGREGATES) | concepts
    known |= (
        set(WEEKDAYS)
        | set(DECADES)
        | set(SEASONS)
        | {w for words in (*HOLIDAYS, *MOVABLE_HOLIDAYS) for w in words}
        | ABBREVIATIONS
        | CONTACT_VERBS
    )
    return frozenset(known | synonyms | phrases | opposites)


def _strings(code: types.CodeType) -> Iterator[str]:
    for constant in code.co_consts:
        if isinstance(constant, str):
            yield constant
        elif isinstance(constant, types.CodeType):
            yield from _strings(constant)


@cache
def pattern_words(*modules: types.ModuleType) -> frozenset[str]:
    """Every word the clause readers' patterns spell out: the planner knows the words it listens for."""
    found: set[str] = set()
    for module in modules:
        texts = [v for v in vars(module).values() if isinstance(v, str)]
        for value in vars(module).values():
            code = getattr(value, "__code__", None)
            if isinstance(code, types.CodeType) and getattr(value, "__module__", None) == module.__name__:
                texts.extend(_strings(code))
        for text in texts:
            found.update(w for w in re.findall(r"[a-z]{3,}", text))
    return frozenset(found)


NEGATING = ("in", "im", "il", "ir", "un", "non", "dis", "mis")


def _negated(word: str, candidate: str) -> bool:
    """Whether one word is the other with a prefix that negates it ('inactive', 'active'; 'dislike', 'like')."""
    short, long = sorted((word, candidate), key=len)
    return any(long == prefix + short for prefix in NEGATING)
