"""What the catalog offers a request: datasets by name, columns by the words of their names, values by spelling."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from datalinx.agents.offline.initials_said import initials
from datalinx.agents.offline.tokens import fold
from datalinx.agents.offline.words import (
    AGGREGATES,
    CONCEPTS,
    CURRENCY_PHRASES,
    DATASET_SYNONYMS,
    DEMONYMS,
    EXONYMS,
    FILLER,
    KEYWORDS,
    OPPOSITES,
    SHIPPED_TO,
    STATE_PHRASES,
    TIME_UNITS,
)
from datalinx.core.datasets.facts import FEW_VALUES, CatalogView, ColumnFacts, DatasetFacts
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL, ColumnType
from datalinx.core.quality.dimensions.consistency import variant_mapping
from datalinx.core.quality.vocabulary import COUNTRIES, CURRENCIES, canonical_key, singular

T = ColumnType
# Words of a column name too generic to name the column on their own.
GENERIC_PARTS = frozenset({"is", "has", "id", "ids", "of", "the", "at", "on", "in", "no", "num", "ref", "key", "code"})
MEASURE_HINTS = ("revenue", "amount", "sales", "total", "value", "price", "charges", "cost", "income")
EVENT_DATES = r"signup|sign_up|created|registered|joined|start|placed|opened"
KEY_SUFFIXES = ("_id", "id", "_ref", "_key", "_code", "_no", "_number")
ACCOUNT_NOUNS = ("login", "logins", "user", "users")  # other nouns for an account, after what kind it is ('test')
KEY_ROLES = {"ref": ("ref", "refs", "reference", "references"), "key": ("key", "keys"), "no": ("number", "no")}


def name_words(name: str) -> tuple[str, ...]:
    """A column or dataset name as folded words: 'totalRevenue' and 'total_revenue' -> ('total', 'revenue')."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return tuple(w for w in re.split(r"[^a-z0-9]+", fold(spaced)) if w)


def plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


# nouns with no singular of that sense: 'taking' and 'proceed' are verbs ('taking the country on the record')
PLURAL_ONLY = frozenset({"takings", "proceeds", "earnings", "savings", "winnings", "goods", "belongings"})


def word_forms(word: str) -> set[str]:
    """A word with its singular and plural spellings."""
    if word in PLURAL_ONLY:
        return {word}
    forms = {word, singular(word)}
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        forms.add(plural(word))
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("y"):
        forms.add(word + "s")  # 'citys': the plural as often typed
    if word.endswith("es"):
        forms.add(word[:-2])
    return forms


def value_key(text: str) -> str:
    """The key values are looked up by: synonyms to codes, '&' as 'and', singular, letters and digits only."""
    key = canonical_key(text.replace("&", " and "))
    return singular(key)


def short_forms(value: str) -> list[str]:
    """Shorter ways of saying a stored value: 'e-check' and 'echeck' for 'electronic check'."""
    words = re.findall(r"[a-z]+", fold(value))
    if len(words) > 1 and words[0] == "electronic":
        return [" ".join(["e", *words[1:]])]
    return []


# Nouns for a whole set of records, said after a dataset's name: 'the order book', 'the customer list'.
RECORD_NOUNS = ("book", "books", "list", "table", "log", "ledger", "register", "records", "file", "data", "catalogue",
                "catalog")  # fmt: skip


@dataclass(frozen=True)
class ColumnRef:
    """A column a phrase names; `strength` 3: its name, 2: a word of its name, 1: a related word."""

    dataset: str
    column: str
    type: ColumnType
    strength: int
    negated: bool = False  # a word for the flag's false side: 'stayed' for churned


@dataclass(frozen=True)
class ValueRef:
    """A value of a text column a phrase names, with the column's other spellings of it."""

    dataset: str
    column: str
    value: Any
    variants: tuple[Any, ...] = ()


@dataclass
class Grounding:
    """The catalog's datasets, columns and values indexed by the words a request may use for them."""

    catalog: CatalogView
    dataset_words: dict[str, str] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], list[ColumnRef]] = field(default_factory=dict)
    values: dict[str, list[ValueRef]] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    spellings: dict[tuple[str, str], dict[str, list[str]]] = field(default_factory=dict)  # variants per value
    longest: int = 1
    # other nouns for the thing a whole column name is ('town' for city): (phrase, dataset, column)
    nouns: set[tuple[tuple[str, ...], str, str]] = field(default_factory=set)

    def __post_init__(self) -> None:
        for dataset in self.catalog.datasets:
            words = name_words(dataset.name)
            for form in word_forms(words[-1]) if words else ():
                self.dataset_words.setdefault(" ".join((*words[:-1], form)), dataset.name)
                for record in RECORD_NOUNS:  # 'the order book', 'the customer file': the dataset, no value of it
                    self.dataset_words.setdefault(" ".join((*words[:-1], form, record)), dataset.name)
            self.dataset_words.setdefault(fold(dataset.name), dataset.name)
        for name, synonyms in DATASET_SYNONYMS.items():
            if self.catalog.dataset(name) is not None:
                for synonym in synonyms:
                    self.dataset_words.setdefault(synonym, name)
        for dataset in self.catalog.datasets:  # every dataset's words known before any column's
            for column in dataset.columns:
                self._index_column(dataset, column)
                self._index_values(dataset, column)
                self._index_key_synonyms(dataset, column)
            self._index_key(dataset)
        for phrase in self.dataset_words:
            self.vocabulary.update(phrase.split())
        for phrase in self.phrases:
            self.vocabulary.update(phrase)
        self.longest = max([len(p) for p in self.phrases] + [len(p.split()) for p in self.dataset_words] + [1])

    def _add(self, phrase: tuple[str, ...], ref: ColumnRef) -> None:
        refs = self.phrases.setdefault(phrase, [])
        if not any(r.dataset == ref.dataset and r.column == ref.column for r in refs):
            refs.append(ref)
        elif any(r.dataset == ref.dataset and r.column == ref.column and r.strength < ref.strength for r in refs):
            refs[:] = [r for r in refs if (r.dataset, r.column) != (ref.dataset, ref.column)] + [ref]

    def _index_column(self, dataset: DatasetFacts, column: ColumnFacts) -> None:
        words = name_words(column.name)
        if not words:
            return
        ref = ColumnRef(dataset.name, column.name, column.type, 3)
        self._add((fold(column.name),), ref)
        self._add(("".join(words),), ref)
        for form in word_forms(words[-1]):
            self._add((*words[:-1], form), ref)
        table = name_words(dataset.name)
        if table:
            for form in word_forms(table[-1]) | {singular(table[-1])}:
                for last in word_forms(words[-1]):
                    self._add((form, *words[:-1], last), ref)
        owner = self.dataset_words.get(words[0]) if len(words) > 1 else None
        if owner is not None and owner in DATASET_SYNONYMS:
            # customer_id: 'client id', 'buyer id' -- the rows' other nouns before the rest of the name
            for synonym in DATASET_SYNONYMS[owner]:
                if " " not in synonym:
                    self._add((synonym, *words[1:]), ref)
        named = {w for w in words if w not in GENERIC_PARTS and w not in AGGREGATES and w not in TIME_UNITS}
        # 'unit' of unit_price: 'units' means a quantity, so the lone word is left to the concept
        named -= {
            w
            for concept, synonyms in CONCEPTS.items()
            if concept not in words
            for s in synonyms
            for w in word_forms(s)
            if w in named and len(words) > 1
        }
        named -= set(self.dataset_words) | set(word_forms(table[-1]) if table else ())
        if words[0] in ("is", "has") and len(words) > 1:  # is_test_account: "test accounts", "test"
            self._add(words[1:], ref)
            for form in word_forms(words[-1]) | set(ACCOUNT_NOUNS if words[-1] == "account" else ()):
                self._add((*words[1:-1], form), ref)  # 'test logins', 'test users': the test accounts
            if len(words) > 2:
                named -= {words[-1]}  # 'account' alone is any account, not a test one
        partial = ColumnRef(dataset.name, column.name, column.type, 2)
        for word in named:
            for form in word_forms(word):
                self._add((form,), partial)
        if column.type in TEMPORAL or "date" in words:
            self._add(("date",), partial)
        if column.type == T.STRING and words[-1] not in ("id", "code", "ref", "key"):
            for role in ("code", "codes"):  # 'country code': the column, when it holds codes
                self._add((*words, role), ref)
        related = ColumnRef(dataset.name, column.name, column.type, 1)
        opposite = ColumnRef(dataset.name, column.name, column.type, 1, negated=True)
        for concept, synonyms in OPPOSITES.items():
            if concept in words and self.is_flag(dataset.name, column.name):
                for synonym in synonyms:
                    self._add(tuple(synonym.split()), opposite)
        for concept, synonyms in CONCEPTS.items():
            if concept in words or concept in fold(column.name):
                for synonym in synonyms:
                    if synonym in SHIPPED_TO and not any("ship" in c.name for c in dataset.columns):
                        continue  # a destination is where goods are sent: a place of rows that ship, not of people
                    *head, last = synonym.split()
                    # 'phone number', 'email address': the column's own name said longer names it as well as itself
                    said = partial if len(head) and set(words) <= {*head, last} else related
                    for form in word_forms(last):
                        self._add((*head, form), said)
                        if words == (concept,) and _noun(synonym, synonyms):
                            self.nouns.add(((*head, form), dataset.name, column.name))
        if len(words) == 2 and words[1] in ("id", "ref", "key", "code", "number", "no"):
            self._index_id_names(words[0], words[1], ColumnRef(dataset.name, column.name, column.type, 2))

    def _index_id_names(self, stem: str, own: str, ref: ColumnRef) -> None:
        """'the order number', 'the buyer id', 'client no': an id column by its other names (a column so named,
        as strong as its own name, wins over these)."""
        names = {stem}
        for dataset, synonyms in DATASET_SYNONYMS.items():
            if stem in word_forms(singular(dataset)) and self.catalog.dataset(dataset) is not None:
                names |= {singular(s) for s in synonyms if " " not in s}
        for name in names:
            for suffix in ("id", "number", "num", "code", "reference", "ref", "identifier"):
                if name != stem or suffix != own:
                    self._add((name, suffix), ref)

    def _index_key_synonyms(self, dataset: DatasetFacts, column: ColumnFacts) -> None:
        """A key column named with another noun for the rows it points to: 'buyer id' for customer_id."""
        words = name_words(column.name)
        if len(words) < 2 or words[-1] not in ("id", "ref", "key", "code", "number", "no"):
            return
        target = self.dataset_words.get(" ".join(words[:-1]))
        if target is None:
            return
        ref = ColumnRef(dataset.name, column.name, column.type, 2)
        own = {" ".join(name_words(target))} | {form for form in word_forms(name_words(target)[-1])}
        for noun, named in self.dataset_words.items():
            if named != target or noun in own or " " in noun:
                continue
            for role in ("id", "ids", "number", "no", "ref", "reference", "identifier"):
                self._add((singular(noun), role), ref)

    def _index_key(self, dataset: DatasetFacts) -> None:
        """The column naming a dataset's rows by its role: 'id', 'code', 'the product code', 'order number'."""
        key = self.key_of(dataset.name)
        facts = dataset.column(key) if key is not None else None
        if key is None or facts is None:
            return
        ref = ColumnRef(dataset.name, key, facts.type, 2)
        table = name_words(dataset.name)
        stems = {singular(table[-1]), table[-1]} if table else set()
        for role in ("id", "ids", "identifier", "identifiers", "code", "codes"):
            self._add((role,), ref)
        # customer_ref: 'the reference', 'their ref'; account_no: 'the number' -- the role the key's name ends in
        for suffix, roles in KEY_ROLES.items():
            if name_words(key)[-1] == suffix:
                for role in roles:
                    self._add((role,), ref)
        for stem in stems:
            for role in ("id", "identifier", "code", "number", "no", "ref", "reference"):
                self._add((stem, role), ref)

    def _index_values(self, dataset: DatasetFacts, column: ColumnFacts) -> None:
        if column.type != T.STRING or not column.top_values:
            return
        spellings = [v for v in column.top_values if isinstance(v, str) and v.strip()]
        # Most common first: rank stands in for counts, so each rare spelling joins the common one it varies.
        mapping = variant_mapping({v: 10 ** (len(spellings) - i) for i, v in enumerate(spellings)})
        groups: dict[str, list[str]] = {}
        for value in spellings:
            head = mapping.get(value, value)
            groups.setdefault(head, [head])
            if value != head:
                groups[head].append(value)
        self.spellings[(dataset.name, column.name)] = {h: m for h, m in groups.items() if len(m) > 1}
        for head, members in groups.items():
            ref = ValueRef(dataset.name, column.name, head, tuple(members[1:]))
            for key in {value_key(v) for v in members} | {value_key(s) for v in members for s in short_forms(v)}:
                self.values.setdefault(key, []).append(ref)
            if column.distinct is not None and column.distinct <= FEW_VALUES:
                self.vocabulary.update(w for v in members for w in re.findall(r"[a-z]+", fold(v)) if len(w) > 2)
                self.vocabulary.update(s.replace(" ", "") for v in members for s in short_forms(v))

    # --- lookups ---------------------------------------------------------------------------------------------------

    def is_noun_for(self, phrase: tuple[str, ...], ref: ColumnRef) -> bool:
        """Whether a phrase is another noun for what the column holds ('town', 'towns' for city), not a word
        merely related to it ('old' for age, 'type' for category)."""
        return (phrase, ref.dataset, ref.column) in self.nouns

    @property
    def dataset_names(self) -> list[str]:
        """Every dataset of the catalog, by name."""
        return [d.name for d in self.catalog.datasets]

    def dataset(self, name: str) -> DatasetFacts:
        found = self.catalog.dataset(name)
        assert found is not None
        return found

    def column(self, dataset: str, name: str) -> ColumnFacts | None:
        return self.dataset(dataset).column(name)

    def columns_named(self, phrase: tuple[str, ...], scope: list[str]) -> list[ColumnRef]:
        """Columns of the datasets in scope a phrase names, strongest and earliest-scoped first."""
        refs = [r for r in self.phrases.get(phrase, []) if r.dataset in scope]
        return sorted(refs, key=lambda r: (-r.strength, scope.index(r.dataset)))

    def values_named(self, texts: list[str], scope: list[str]) -> list[ValueRef]:
        """Values named by any of `texts` (as typed, as spell-fixed), else by a stem or an exonym of them."""
        keys = [value_key(t) for t in texts]
        for text in texts:
            folded = fold(text).strip()
            if folded in EXONYMS:
                keys.append(value_key(EXONYMS[folded]))
            if folded in CURRENCY_PHRASES or folded in STATE_PHRASES:
                keys.insert(0, CURRENCY_PHRASES.get(folded) or value_key(STATE_PHRASES[folded]))
            if folded in DEMONYMS:
                keys.append(value_key(DEMONYMS[folded]))
            if (code := initials(text)) is not None:
                keys.append(code)  # 'small and medium business': the code 'smb' its initials spell
            for suffix in ("ing", "er"):  # not "ed": "booked" is done, no "Books" category
                if folded.endswith(suffix) and len(folded) > len(suffix) + 3 and " " not in folded:
                    keys.append(value_key(folded[: -len(suffix)]))
            for noun in ("ations", "ies", "s"):
                # 'returns', 'cancellations', 'deliveries': the rows whose status says it was done
                if folded.endswith(noun) and not folded.endswith("ss") and len(folded) > len(noun) + 3:
                    keys.append(value_key(folded[: -len(noun)] + "ed"))
                    break
        for key in keys:
            refs = [r for r in self.values.get(key, []) if r.dataset in scope]
            if refs:
                return sorted(refs, key=lambda r: scope.index(r.dataset))
        return []

    def main_date(self, dataset: str) -> ColumnFacts | None:
        """The date a dataset's rows happen on: a date column named after the dataset, else the first date."""
        facts = self.dataset(dataset)
        table = name_words(dataset)
        stem = singular(table[-1]) if table else ""
        dated = [c for c in facts.columns if c.type in TEMPORAL or re.search(r"(^|_)(date|day|at)$", c.name)]
        dated = [c for c in dated if c.type in TEMPORAL or c.type == T.STRING]
        named = [c for c in dated if stem and stem in c.name]
        events = [c for c in dated if re.search(EVENT_DATES, c.name)]
        others = [c for c in dated if "birth" not in c.name]
        return (named or events or others or dated or [None])[0]

    def main_measure(self, dataset: str) -> ColumnFacts | None:
        """The amount a dataset's rows are usually summed by: revenue, amount, total, price..."""
        numeric = [c for c in self.dataset(dataset).columns if c.type in NUMERIC and not self.is_key(dataset, c.name)]
        for hint in MEASURE_HINTS:
            for column in numeric:
                if hint in column.name:
                    return column
        return None

    def is_key(self, dataset: str, column: str) -> bool:
        return column.endswith(KEY_SUFFIXES) or column == "id"

    def key_of(self, dataset: str) -> str | None:
        """The column naming a dataset's rows: '<singular>_id', else the first key-like column."""
        facts = self.dataset(dataset)
        table = name_words(dataset)
        stem = singular(table[-1]) if table else dataset
        for column in facts.columns:
            if column.name in (f"{stem}_id", f"{stem}id", "id"):
                return column.name
        keys = [c.name for c in facts.columns if self.is_key(dataset, c.name)]
        return keys[0] if keys else None

    def join_key(self, left: str, right: str) -> str | None:
        """The column two datasets share that identifies rows of one of them (customer_id), or None."""
        left_facts, right_facts = self.dataset(left), self.dataset(right)
        shared = [c for c in left_facts.columns if right_facts.column(c.name) is not None]
        candidates = []
        for column in shared:
            other = right_facts.column(column.name)
            assert other is not None
            compatible = column.type == other.type or {column.type, other.type} <= NUMERIC
            if compatible and self.is_key(left, column.name):
                named = column.name in (self.key_of(left), self.key_of(right))
                candidates.append((not named, column.name))
        return min(candidates)[1] if candidates else None

    def bridge(self, left: str, right: str) -> tuple[str, str, str] | None:
        """The one dataset linking two that share no key ('customers' and 'products' through 'orders'): the bridge,
        the key it shares with `left` and the key it shares with `right`; None when there is none or several."""
        if left == right or self.join_key(left, right) is not None:
            return None
        found = []
        for facts in self.catalog.datasets:
            if facts.name in (left, right):
                continue
            near, far = self.join_key(left, facts.name), self.join_key(facts.name, right)
            if near is not None and far is not None and near != far:
                found.append((facts.name, near, far))
        return found[0] if len(found) == 1 else None

    def is_flag(self, dataset: str, column: str) -> bool:
        """Booleans, and integers holding only 0 and 1."""
        facts = self.column(dataset, column)
        if facts is None:
            return False
        if facts.type == T.BOOL:
            return True
        return facts.type == T.INT64 and facts.distinct == 2 and set(facts.top_values) <= {0, 1}


def known_aliases(value: str) -> list[str]:
    """A country's or currency's other spellings the vocabulary knows ('US': 'usa', 'america'), seen or not."""
    code = canonical_key(value)
    names = COUNTRIES.get(code) or CURRENCIES.get(code)
    return [code, *names.split()] if names else []


def is_plain_word(word: str) -> bool:
    """Filler or a planner keyword: never taken as a value on its own."""
    return word in FILLER or word in KEYWORDS


def _noun(synonym: str, synonyms: tuple[str, ...]) -> bool:
    """Whether a concept's synonym is a noun the list also gives in the plural (or singular): 'town' / 'towns',
    'product line' / 'product lines', 'line of goods' / 'lines of goods' (the first or the last word inflected)."""
    words = synonym.split()
    forms = set()
    for at in {0, len(words) - 1}:
        for form in (words[at] + "s", words[at] + "es", words[at].removesuffix("s")):
            forms.add(" ".join([*words[:at], form, *words[at + 1 :]]))
    return any(form in synonyms for form in forms - {synonym})
