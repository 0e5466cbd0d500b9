"""Reading a request against the catalog: spelling fixed, dates found, the datasets chosen, entities tagged."""

from __future__ import annotations

import importlib
import itertools
import types
import weakref
from dataclasses import dataclass, field

from datalinx.agents.offline.choosing import choose
from datalinx.agents.offline.dates import find_dates, is_year
from datalinx.agents.offline.entities import entities
from datalinx.agents.offline.framing import unframe
from datalinx.agents.offline.grounding import ColumnRef, Grounding, value_key
from datalinx.agents.offline.sentence import Item, Sentence
from datalinx.agents.offline.spelling import Speller, number_slips, pattern_words, planner_words
from datalinx.agents.offline.spoken_years import read_spoken_years
from datalinx.agents.offline.tokens import Token, tokenize
from datalinx.agents.offline.words import MONTHS, of_people
from datalinx.core.datasets.facts import CatalogView
from datalinx.core.quality.vocabulary import SYNONYMS

_CACHE: dict[int, tuple[weakref.ref[CatalogView], Grounding, Speller]] = {}


def grounding_for(catalog: CatalogView) -> tuple[Grounding, Speller]:
    """The catalog's index and speller, built once per catalog object."""
    cached = _CACHE.get(id(catalog))
    if cached is not None and cached[0]() is catalog:
        return cached[1], cached[2]
    grounding = Grounding(catalog)
    weak = {w for w in SYNONYMS if w.isalpha()}
    words = planner_words() | pattern_words(*_readers()) | grounding.vocabulary
    speller = Speller(words, preferred=grounding.vocabulary, weak=weak)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[id(catalog)] = (weakref.ref(catalog), grounding, speller)
    return grounding, speller


# The modules whose patterns hold the words requests are read with (the speller knows only words found in them).
READER_MODULES = (
    "ages_reached", "aggregates", "amounts", "cleaning", "columns", "computed", "copies_said", "date_relations",
    "derive", "derive_bodies", "derived_said", "described", "fills", "filter_dates", "filters", "followup",
    "group_links", "join_forms", "join_review", "join_steps", "joins", "kept_where", "labels", "matches",
    "name_parts", "new_rows", "ordering", "outputs", "parties", "phrases", "placing", "questions", "range_ends",
    "rates", "relations", "renames", "summary_forms", "tallies", "tenures", "units_said", "values", "who_did",
    "yet_to"
)  # fmt: skip


def _readers() -> tuple[types.ModuleType, ...]:
    """The modules whose patterns hold the words requests are read with, imported when first asked for."""
    return tuple(importlib.import_module(f"datalinx.agents.offline.{name}") for name in READER_MODULES)


@dataclass
class Reading:
    """What the request is about: its items, the base dataset and the others it may join."""

    sentence: Sentence
    base: str | None
    scope: list[str]
    named: list[str]
    assumptions: list[str] = field(default_factory=list)
    nouns: list[str] = field(default_factory=list)  # named datasets read as words for the base's rows
    grouped: list[str] = field(default_factory=list)  # named datasets whose rows are groups of the base's
    unclear: list[str] = field(default_factory=list)  # reasons around the ask that name data: said, not read


def _fix_spelling(tokens: list[Token], grounding: Grounding, speller: Speller, notes: list[str]) -> None:
    merged: list[Token] = []
    for token in tokens:
        # "e-mail", "sign up": two pieces that together are a word of the catalog
        if merged and token.kind == "word" and merged[-1].kind == "word" and merged[-1].end >= token.start - 1:
            joined = merged[-1].norm + token.norm
            if joined in grounding.vocabulary and merged[-1].norm not in grounding.vocabulary:
                merged[-1].norm, merged[-1].end, merged[-1].text = joined, token.end, merged[-1].text + token.text
                continue
        if len(merged) > 1 and token.kind == "word" and merged[-1].norm == "-" and merged[-2].kind == "word":
            joined = merged[-2].norm + token.norm
            if joined in grounding.vocabulary:
                merged.pop()
                merged[-1].norm, merged[-1].end = joined, token.end
                continue
            tight = merged[-2].end == merged[-1].start and merged[-1].end == token.start
            if (
                tight
                and _one_column(grounding, merged[-2].norm, token.norm)
                and value_key(joined) not in grounding.values
            ):
                # 'north-east': one place of its own, not the values 'north' and 'east' (so unknown, and said)
                merged.pop()
                merged[-1].norm, merged[-1].end = f"{merged[-1].norm}-{token.norm}", token.end
                merged[-1].text = f"{merged[-1].text}-{token.text}"
                continue
        merged.append(token)
    tokens[:] = _join_hyphens(merged)
    negated: list[tuple[int, Token]] = []
    names = {c.name for d in grounding.catalog.datasets for c in d.columns}
    for index, token in enumerate(tokens):
        if token.kind == "word" and "_" in token.norm and token.norm not in names:
            # 'custmer_ref': a column's name typed with a slip in one of its parts
            joined = "_".join(speller.fix(part) or part for part in token.norm.split("_"))
            if joined in names:
                token.fixed_from, token.norm = token.text, joined
                notes.append(f"read '{token.text}' as '{joined}'")
            continue
        if token.kind != "word" or "_" in token.norm:
            continue
        if index > 0 and token.text[:1].isupper() and token.norm not in planner_words():
            fixed = speller.fix(token.norm)  # a proper name: fixed only towards a value ('Franec': France)
            if fixed is not None and (fixed in grounding.vocabulary or fixed in speller.weak or fixed in MONTHS):
                token.fixed_from, token.norm = token.text, fixed
                notes.append(f"read '{token.text}' as '{fixed}'")
            continue
        rest = token.norm[2:]
        if token.norm.startswith("un") and rest not in grounding.vocabulary and len(rest) >= 5:
            rest = speller.fix(rest) or rest  # "unshiped": not shipped
        if token.norm.startswith("un") and not speller.known(token.norm) and rest in grounding.vocabulary:
            negation = Token("word", token.text[:2], token.start, token.start + 2, "not")
            if rest != token.norm[2:]:
                notes.append(f"read '{token.text}' as 'un{rest}'")
            token.start, token.norm = token.start + 2, rest
            negated.append((index, negation))  # "unshipped": not shipped
            continue
        fixed = speller.fix(token.norm)
        if fixed is not None:
            token.fixed_from, token.norm = token.text, fixed
            notes.append(f"read '{token.text}' as '{fixed}'")
    for index, negation in reversed(negated):
        tokens.insert(index, negation)
    _added_slips(tokens, notes)
    number_slips(tokens, notes, speller)


COLUMN_WORDS = frozenset({"column", "field", "col"})


def _added_slips(tokens: list[Token], notes: list[str]) -> None:
    """'ad a colum with ...': 'add' typed without a letter, known by the new column it asks for right after."""
    for index, token in enumerate(tokens):
        if token.kind != "word" or token.norm != "ad":
            continue
        after = [t.norm for t in tokens[index + 1 : index + 5] if t.kind == "word"]
        while after and after[0] in ("a", "an", "the", "new", "extra", "another", "one", "more"):
            after = after[1:]
        if after and after[0] in COLUMN_WORDS:
            token.fixed_from, token.norm = token.text, "add"
            notes.append(f"read '{token.text}' as 'add'")


def _one_column(grounding: Grounding, first: str, second: str) -> bool:
    """Whether two words are each a value of the same column ('north', 'east' of region)."""
    columns = [{(v.dataset, v.column) for v in grounding.values.get(value_key(w), [])} for w in (first, second)]
    return bool(columns[0] & columns[1])


PLACED = frozenset({"based", "registered", "headquartered"})


def _join_hyphens(tokens: list[Token]) -> list[Token]:
    """'training-split', 'non-test', 'two-year': a hyphen inside a phrase joins words, it is not a minus."""
    out: list[Token] = []
    for i, token in enumerate(tokens):
        inside = 0 < i < len(tokens) - 1 and tokens[i - 1].end == token.start and token.end == tokens[i + 1].start
        joined = inside and tokens[i - 1].kind == "word" and tokens[i + 1].kind == "number"  # "top-5"
        wordy = joined or (
            inside
            and all(
                t.kind == "word" or (t.kind == "number" and t.text.isalpha()) for t in (tokens[i - 1], tokens[i + 1])
            )
        )
        months = inside and tokens[i - 1].norm in MONTHS and tokens[i + 1].norm in MONTHS  # 'jan-feb': a range
        if token.norm == "-" and wordy and not months:
            if tokens[i + 1].norm in PLACED and len(out[-1].text) == 2:
                out[-1].text = out[-1].text.upper()  # 'us-based': the code, as no pronoun is joined so
            for side in (out[-1], tokens[i + 1]):
                if side.kind == "number" and side.text.isalpha():  # "two-year" is a word, not the number 2
                    side.kind, side.value = "word", None
            continue
        out.append(token)
    return out


def _unframed_notes(notes: list[str], framed: list[Token], core: list[Token]) -> list[str]:
    """The notes without the spelling fixes of words taken off as framing ('planning a youth campaign': no 'south')."""
    kept = {f"read '{t.text}' as '{t.norm}'" for t in core if t.fixed_from}
    dropped = {f"read '{t.text}' as '{t.norm}'" for t in framed if t.fixed_from and t not in core} - kept
    return [note for note in notes if note not in dropped]


def read(request: str, catalog: CatalogView, previous: list[str] | None = None) -> Reading:
    """Tokens to items over the chosen datasets."""
    grounding, speller = grounding_for(catalog)
    notes: list[str] = []
    tokens = tokenize(request)
    _spenders(tokens, grounding, notes)
    _fix_spelling(tokens, grounding, speller, notes)
    read_spoken_years(tokens)
    from datalinx.agents.offline.measure_words import (  # needs Context
        buying_people,
        catalogue_items,
        lone_catalogue,
        median_values,
        priced_items,
        sent_back,
        steep_prices,
        things_offered,
    )
    from datalinx.agents.offline.ranges_said import product_ranges
    from datalinx.agents.offline.summary_words import head_counts, sized_nouns, slashed_columns

    sent_back(tokens)
    buying_people(tokens, grounding, notes)
    catalogue_items(tokens, grounding)
    lone_catalogue(tokens, grounding)
    priced_items(tokens, grounding)
    things_offered(tokens, grounding)
    steep_prices(tokens)
    product_ranges(tokens, grounding)
    median_values(tokens)
    head_counts(tokens)
    sized_nouns(tokens)
    slashed_columns(tokens, grounding)

    framed, (tokens, unclear) = tokens, unframe(tokens, grounding, request)
    notes[:] = _unframed_notes(notes, framed, tokens)
    choice = choose(tokens, grounding, previous or [], request)
    base, named = choice.base, choice.named
    if base is None:
        return Reading(Sentence(request, [_plain(t) for t in tokens]), None, [], named, notes, unclear=unclear)
    ranked = [*choice.grouped, *(d for d in choice.ranked if d not in choice.grouped)]  # a group's name first
    scope = [base] + [d for d in ranked if d != base and grounding.join_key(base, d) is not None]
    # a dataset linked to the base through a third is another thing, not a word for the base's rows
    for other in [*choice.bridged, *named]:
        if other not in scope and grounding.bridge(base, other) is not None:
            scope.append(other)
    dates = {start: (end, ref) for start, end, ref in find_dates(tokens)}
    found = entities(tokens, grounding, scope, request)
    items: list[Item] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i in dates:
            end, ref = dates[i]
            items.append(Item("date", request[token.start : tokens[end - 1].end], "", ref, start=token.start))
            items[-1].end = tokens[end - 1].end
            i = end
            continue
        if i in found:
            candidate = found[i]
            last = tokens[i + candidate.length - 1]
            refs = list(candidate.refs)
            text = request[token.start : last.end]
            item = Item(candidate.kind, text, "", refs[0], [*refs[1:], *candidate.related], start=token.start)
            item.end = last.end
            item.norm = " ".join(t.norm for t in tokens[i : i + candidate.length])
            following = tokens[i + candidate.length] if i + candidate.length < len(tokens) else None
            absorbed = ("type", "kind", "types", "kinds", "code", "codes", "option", "options")
            kinds = ("connection", "connections", "plan", "plans", "option", "options", "variety", "range", "line")
            if following is not None and (
                (item.kind == "col" and following.norm in absorbed) or (item.kind == "val" and following.norm in kinds)
            ):
                item.end, item.text = following.end, request[item.start : following.end]  # "contract type"
                i += 1
            if items and item.kind == "col" and items[-1].kind == "col" and _same(items[-1].ref, item):
                items[-1].end, items[-1].norm = item.end, f"{items[-1].norm} {item.norm}"  # "phone number"
                items[-1].text = request[items[-1].start : item.end]
            else:
                items.append(item)
            i += candidate.length
            continue
        items.append(_plain(token))
        i += 1
    _bare_ids(items, grounding, base)
    _people_named(items, base, scope)
    _things_named(items, base)
    nouns = [n for n in named if n != base and n not in scope]
    for noun in nouns:
        notes.append(f"read '{noun}' as the rows of {base}, whose columns the request names")
    return Reading(Sentence(request, items), base, scope, named, notes, nouns, choice.grouped, unclear)


def _people_named(items: list[Item], base: str, scope: list[str]) -> None:
    """'orders placed by people who ...': 'people' after a doer's word is the one dataset of people in scope."""
    from datalinx.agents.offline.words import PERSONS

    people = [d for d in scope if of_people(d)]
    if len(people) != 1 or people[0] == base:
        return
    for before, item in itertools.pairwise(items):
        if item.kind == "word" and item.norm in PERSONS and before.norm in ("by", "from", "of", "for"):
            item.kind, item.ref = "ds", people[0]


THING_NOUNS = frozenset({"item", "items", "thing", "things"})
# verbs of goods changing hands, after which items are units moved rather than rows of a catalogue
TRADED = frozenset({"sell", "sells", "sold", "selling", "buy", "buys", "bought", "buying", "order", "orders",
                    "ordered", "purchase", "purchased", "purchases", "ship", "shipped", "shipping", "return",
                    "returned", "deliver", "delivered", "move", "moved", "shift", "shifted", "sale",
                    "sales"})  # fmt: skip


def _things_named(items: list[Item], base: str) -> None:
    """'which items fall under our books range': over a dataset of things (no people) the request does not name, a
    word for things that no column took is the base's rows ('more than 3 items', 'products and their items' are
    something else, left unread)."""

    if of_people(base) or any(i.kind == "ds" and i.ref == base for i in items):
        return
    if any(i.text.lower() in TRADED for i in items):
        return  # 'how many items did we sell in the books category': goods moved, not the catalogue's rows
    for before, item in itertools.pairwise([None, *items]):
        counted = before is not None and before.kind in ("num", "year")  # 'more than 3 items': a count, no rows
        owned = before is not None and before.norm in ("its", "their")
        if item is not None and item.kind == "word" and item.norm in THING_NOUNS and not (counted or owned):
            item.kind, item.ref = "ds", base


SPENDERS = frozenset({"spenders", "spender"})


def _spenders(tokens: list[Token], grounding: Grounding, notes: list[str]) -> None:
    """'the 5 biggest spenders': people ranked by what they spent, so the people's dataset by its total spend."""

    for index, token in reversed(list(enumerate(tokens))):
        if token.kind != "word" or token.norm not in SPENDERS:
            continue
        people = [d.name for d in grounding.catalog.datasets if of_people(d.name)]
        words = {d: w for w, d in grounding.dataset_words.items() if d in people and w == d.lower()}
        spent = grounding.columns_named(("spend",), grounding.dataset_names)
        keyed = [(d, r) for d in people for r in spent if (k := grounding.key_of(d)) and grounding.column(r.dataset, k)]
        if len(keyed) != 1 or keyed[0][0] not in words:
            return
        dataset, ref = keyed[0]
        start, end = token.start, token.end
        tokens[index : index + 1] = [
            Token("word", token.text, start, end, words[dataset]),
            Token("word", token.text, start, end, "by"),
            Token("word", token.text, start, end, "total"),
            Token("word", token.text, start, end, "spend"),
        ]
        notes.append(f"read '{token.text}' as {dataset} by the sum of their {ref.column}")


ID_BEFORE = frozenset({"the", "its", "their", "an", "each", "every", "and", "plus", ",", "just", "only"})


def _bare_ids(items: list[Item], grounding: Grounding, base: str) -> None:
    """'the id', 'their ids': the base's key, not the contraction 'I'd' the word list also spells 'id'."""
    key = grounding.key_of(base)
    facts = grounding.column(base, key) if key is not None else None
    for index, item in enumerate(items[1:], start=1):
        if facts is None or item.kind != "word" or item.text.lower() not in ("id", "ids"):
            continue
        if items[index - 1].norm in ID_BEFORE:
            item.kind, item.ref = "col", ColumnRef(base, facts.name, facts.type, 3)


def _same(a: ColumnRef, b: Item) -> bool:
    """Whether an item names the column `a` (as its first reading or an alternative): 'shipping date'."""
    refs = [b.ref, *b.alternatives]
    return any(isinstance(r, ColumnRef) and (r.dataset, r.column) == (a.dataset, a.column) for r in refs)


def _plain(token: Token) -> Item:
    if token.kind == "number":
        kind = "year" if is_year(token) else "num"
        return Item(kind, token.text, token.norm, token.value, start=token.start, end=token.end)
    if token.kind == "quoted":
        return Item("str", token.text, token.norm, token.value, start=token.start, end=token.end)
    kind = "word" if token.kind in ("word", "date", "month") else token.kind
    return Item(kind, token.text, token.norm, token.value, start=token.start, end=token.end)
