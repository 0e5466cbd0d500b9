"""Entities in a request: the longest phrase at each token naming a column, a value or a dataset of the scope."""

from __future__ import annotations

from dataclasses import dataclass, field

from datalinx.agents.offline.english import COMMON_WORDS
from datalinx.agents.offline.grounding import ColumnRef, Grounding, ValueRef
from datalinx.agents.offline.tokens import Token, squash
from datalinx.agents.offline.words import COUNTRY_CODES, FILLER, FUNCTION_WORDS, PERSONS, of_people
from datalinx.core.quality.vocabulary import SYNONYMS

ORDER_WORDS = frozenset({"descending", "ascending", "reverse", "alphabetical", "chronological", "increasing",
                         "decreasing", "random", "sort", "same", "natural", "original"})  # fmt: skip
OBJECTS = frozenset({"the", "them", "these", "those", "all", "my", "our", "everything", "it", "this"})
DETERMINERS = frozenset({"the", "a", "an", "each", "every", "this", "that", "per", "which", "whose", "one", "any",
                         "its", "their", "no", "first", "last", "same"})  # fmt: skip
JOIN_VERBS = frozenset({"joined", "merged", "combined", "linked", "matched"})
JOINING = frozenset({"with", "to", "onto", "on", "and", "against", ","})
NOUNS = frozenset(
    {"rows", "row", "records", "record", "data", "table", "dataset", "entries", "customers", "subscribers", "file"}
    | {"list", "set", "people"}
)
# Words before a dataset's own name that make it a verb of its flag: "did not churn".
VERBAL = frozenset({"not", "did", "didnt", "who", "that", "which", "will", "to", "never", "would", "might", "could"})


def _phrase_at(tokens: list[Token], start: int, length: int) -> tuple[str, ...] | None:
    words = tokens[start : start + length]
    if len(words) < length or any(t.kind != "word" and t.norm != "&" for t in words[1:]):
        return None
    counted = words[0].kind == "number" and length > 1 and isinstance(words[0].value, int)  # "2 year", "two year"
    if (words[0].kind != "word" and not counted) or words[-1].kind != "word":
        return None
    return tuple(t.norm for t in words)


def _strong_value(refs: list[ValueRef], tokens: list[Token], text: str, before: Token | None) -> list[ValueRef]:
    """Values a phrase may name: codes of two letters only in capitals ('US') or after 'the' ('to the us': no
    pronoun follows 'the'), never a plain word ('none')."""
    word = tokens[0].norm if len(tokens) == 1 else ""
    code = word in SYNONYMS and word not in FUNCTION_WORDS and word not in COMMON_WORDS and word not in FILLER
    code = code or (word in COUNTRY_CODES and before is not None and before.norm == "the")
    if word and (word in FUNCTION_WORDS or len(squash(text)) <= 2) and not tokens[0].text.isupper() and not code:
        return []  # 'uk' is a code in any case; 'us', 'it' and 'no' are words
    if len(tokens) > 1 and all(t.norm in FUNCTION_WORDS for t in tokens) and not text.isupper():
        return []  # 'given us a phone': 'us a' squashes to 'usa', but is two words
    return refs


def _named_near(tokens: list[Token], start: int, length: int, grounding: Grounding) -> set[str]:
    """The datasets named within three words of a phrase: 'the town the buyer lives in', 'the customer's town'."""
    near = range(max(0, start - 3), min(len(tokens), start + length + 3))
    return {grounding.dataset_words[t.norm] for t in (tokens[j] for j in near) if t.norm in grounding.dataset_words}


def _doer(tokens: list[Token], start: int, grounding: Grounding, scope: list[str]) -> str | None:
    """The dataset whose rows do what a phrase says: 'customers who signed up' (the verb is of their column), or
    'people who signed up' of the one dataset of people in scope."""
    if start < 2 or tokens[start - 1].norm not in ("who", "that", "which"):
        return None
    if tokens[start - 2].norm in PERSONS:
        people = [d for d in scope if of_people(d)]
        return people[0] if len(people) == 1 else None
    return grounding.dataset_words.get(tokens[start - 2].norm)


@dataclass
class Candidate:
    start: int
    length: int
    kind: str
    refs: list[ColumnRef] | list[ValueRef] | list[str]
    related: list[ColumnRef] = field(default_factory=list)  # columns a value's words also name ("shipped")


def entities(tokens: list[Token], grounding: Grounding, scope: list[str], request: str) -> dict[int, Candidate]:
    """The longest entity starting at each token, left to right, within the datasets of `scope`."""
    found: dict[int, Candidate] = {}
    i = 0
    while i < len(tokens):
        best: tuple[int, Candidate] | None = None
        for length in range(min(grounding.longest + 1, len(tokens) - i), 0, -1):
            phrase = _phrase_at(tokens, i, length)
            if phrase is None:
                continue
            text = request[tokens[i].start : tokens[i + length - 1].end]
            if any(t.kind == "word" and "-" in t.norm for t in tokens[i : i + length]):
                text = " ".join(t.norm for t in tokens[i : i + length])  # 'north- or south-east': as joined
            options: list[tuple[int, Candidate]] = []
            counted = tokens[i].kind == "number"
            columns = [] if counted else grounding.columns_named(phrase, scope)
            if phrase[-1] in JOIN_VERBS and (i + length >= len(tokens) or tokens[i + length].norm in JOINING):
                columns = [c for c in columns if c.strength >= 2]  # "orders joined with customers" is a join
            if len(scope) < len(grounding.catalog.datasets):
                # a related word counts only in the base, and never for a word that names a column elsewhere
                elsewhere = any(r.strength >= 2 for r in grounding.phrases.get(phrase, []) if r.dataset not in scope)
                near = _named_near(tokens, i, length, grounding)
                doer = _doer(tokens, i, grounding, scope)
                columns = [
                    c
                    for c in columns
                    if c.strength >= 2
                    or (c.dataset == scope[0] and not elsewhere)
                    or (c.dataset in near and not elsewhere and grounding.is_noun_for(phrase, c))
                    or (c.dataset == doer and not elsewhere)
                ]
            if columns:
                top = columns[0]
                rank = 0 if top.strength == 3 else (1 if top.dataset == scope[0] else 3) if top.strength == 2 else 6
                same = [c for c in columns if c.strength == top.strength]
                options.append((rank, Candidate(i, length, "col", same)))
            named_values = grounding.values_named([text, " ".join(phrase)], scope)
            values = _strong_value(named_values, tokens[i : i + length], text, tokens[i - 1] if i else None)
            if values:
                value = Candidate(i, length, "val", values, columns)
                rank = 2 if values[0].dataset == scope[0] else 4
                beside = [tuple(t.norm for t in tokens[j : j + 1]) for j in (i - 1, i + length) if 0 <= j < len(tokens)]
                own = {(v.dataset, v.column) for v in values}
                if any((r.dataset, r.column) in own for p in beside for r in grounding.columns_named(p, scope)):
                    rank = -1  # "the test split": a value of the column named beside it
                elif counted:
                    values = []  # "2 year" is a value only beside its column ("2 year contracts"), else an amount
                if values:
                    options.append((rank, value))
            dataset = None if counted else grounding.dataset_words.get(" ".join(phrase))
            following = tokens[i + length].norm if i + length < len(tokens) else ""
            preceding = tokens[i - 1].norm if i > 0 else ""
            flags = [c for c in columns if grounding.is_flag(c.dataset, c.column)]
            rated = following in ("rate", "rates", "ratio", "percentage", "share")
            verbal = preceding in VERBAL and following not in NOUNS
            everywhere = len(scope) == len(grounding.catalog.datasets)
            if dataset is not None and (dataset == scope[0] or everywhere) and flags and (verbal or rated):
                options.append((1, Candidate(i, length, "col", flags[:1])))  # "did not churn"
                dataset = None
            ordering = phrase[-1] in ("order", "ordered") and (following == "by" or preceding in ORDER_WORDS)
            # "order the subscribers by ...": the verb, before an object and after no determiner
            ordering |= phrase == ("order",) and following in OBJECTS and preceding not in DETERMINERS
            if dataset is not None and not ordering:
                options.append((2, Candidate(i, length, "ds", [dataset])))
            if options:
                best = min(options, key=lambda option: option[0])
                break
        if best is None:
            i += 1
            continue
        found[i] = best[1]
        i += best[1].length
    return found
