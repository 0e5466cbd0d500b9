"""Column names as concepts: case and separators undone, abbreviations expanded, synonyms merged, then compared."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from datalinx.core.quality.vocabulary import within_edits

_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")
# Whole words or runs of words (written together) that stand for concepts: 'FName', 'e_mail', 'date_of_birth'.
PHRASES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("email", "mail", "emailaddress", "emailaddr", "mailaddress"), ("email",)),
    **dict.fromkeys(("fname", "firstname", "forename", "givenname"), ("first", "name")),
    **dict.fromkeys(("lname", "lastname", "surname", "familyname"), ("last", "name")),
    **dict.fromkeys(("mname", "middlename"), ("middle", "name")),
    "fullname": ("full", "name"),
    **dict.fromkeys(("dob", "dateofbirth", "birthdate", "birthday", "bday", "born"), ("birth", "date")),
    **dict.fromkeys(("zip", "zipcode", "postcode", "postalcode", "plz"), ("postcode",)),
    **dict.fromkeys(
        ("tel", "telno", "telephone", "phone", "phoneno", "phonenumber", "phonenr", "mobile", "cell", "cellphone"),
        ("phone",),
    ),
    **dict.fromkeys(("msisdn", "mobileno", "mobilenumber", "telnr", "telefon"), ("phone",)),
    "unitprice": ("unit", "price"),
    "lineitem": ("line", "item"),
}
# Each concept with the words (and abbreviations) that name it.
CONCEPTS = {
    "id": "id identifier key ref reference number no nr num nbr code cd",
    "customer": "customer cust client clt buyer consumer contact",
    "amount": "amount amt revenue total tot sales turnover",
    "price": "price px prc cost",
    "quantity": "quantity qty quant units pcs pieces",
    "date": "date dt time timestamp ts datetime",
    "order": "order ord purchase po",
    "product": "product prod item article",
    "country": "country ctry cntry cty nation",
    "city": "city town",
    "address": "address addr adr",
    "company": "company firm organisation organization org employer business",
    "description": "description desc descr",
    "category": "category cat categ",
    "status": "status stat",
    "gender": "gender sex",
    "currency": "currency ccy cur curr",
    "weight": "weight wt mass",
    "signup": "signup registration registered register joined",
    "ship": "ship shipped shipping shipment dispatch dispatched",
    "create": "create created creation",
    "update": "update updated modified",
    "name": "name nm",
    "income": "income salary earnings",
    "region": "region area territory",
    "department": "department dept",
    "employee": "employee emp staff",
    "account": "account acct acc",
    "percent": "percent pct percentage",
    "number": "count cnt",
    "type": "type kind typ",
    "month": "month mon mth",
    "year": "year yr",
    "tenure": "tenure seniority",
    "charge": "charge fee bill billing",
    "transaction": "transaction txn trx trans",
}
SYNONYMS = {word: concept for concept, words in CONCEPTS.items() for word in words.split()}
# Endings removed to find a known word: 'orders', 'addresses', 'ordered', 'shipped', 'billing', 'shipping'.
_SUFFIXES = ("s", "es", "ed", "ped", "ing", "ping")
STOPWORDS = frozenset({"of", "the", "a", "an", "in", "for", "to", "by", "per", "is", "has", "and", "with"})
# Words ending a name that say "when": created_at, shipped_on.
WHEN_SUFFIXES = frozenset({"at", "on"})
# Concepts that say what a column is; two names whose last concepts are different ones of these disagree.
HEADS = frozenset(
    {"id", "name", "date", "amount", "price", "quantity", "email", "phone", "status", "type", "country",
     "city", "address", "postcode", "currency", "weight", "description", "category", "gender", "number", "percent",
     "month", "year", "age"}
)  # fmt: skip
# Units of measure and currencies: in a name they qualify the concept, and a column's values may carry them.
UNITS = frozenset({"kg", "g", "lb", "lbs", "oz", "km", "m", "cm", "mm", "ml", "l", "eur", "usd", "gbp", "chf", "pct"})
# Generic concepts weigh less: two names sharing only 'id' or 'date' say little; units and qualifiers ('full',
# 'flag') only say more about the concept beside them.
QUALIFIERS = frozenset({"full", "flag", "label", "indicator", "ind", "value", "val"})
GENERIC = {"id": 0.6, "name": 0.7, "date": 0.7, "type": 0.7, "number": 0.8} | dict.fromkeys(UNITS | QUALIFIERS, 0.3)
PERSON = frozenset({"customer", "contact", "person", "user", "employee", "member", "patient", "owner", "account"})


def ascii_words(name: str) -> list[str]:
    """The words of a name, lower case, split at separators, case changes and digits: 'FName' -> ['f', 'name']."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return [w.lower() for chunk in re.split(r"[^A-Za-z0-9]+", text) for w in _CAMEL.findall(chunk)]


def compact(name: str) -> str:
    """The name's letters and digits in lower case: 'E-Mail' -> 'email'."""
    return "".join(ascii_words(name))


def _concept(word: str) -> str:
    """A word's concept: itself, its synonym's, or its stem's ('shipped' -> 'ship'); plurals become singular."""
    if word in SYNONYMS:
        return SYNONYMS[word]
    if word.endswith("ies") and len(word) > 4:
        return _concept(word[:-3] + "y")
    for suffix in _SUFFIXES:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 3 and stem in SYNONYMS:
            return SYNONYMS[stem]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@cache
def concepts(name: str) -> tuple[str, ...]:
    """The concepts a name is made of, in order: 'ord_dt' -> ('order', 'date'), 'DOB' -> ('birth', 'date')."""
    words = ascii_words(name)
    found: list[str] = []
    index = 0
    while index < len(words):
        for size in (4, 3, 2, 1):
            joined = "".join(words[index : index + size])
            if size <= len(words) - index and joined in PHRASES:
                found.extend(PHRASES[joined])
                index += size
                break
        else:
            word = words[index]
            index += 1
            if word in WHEN_SUFFIXES and index == len(words) and found:
                found.append("date")
            elif word not in STOPWORDS and not word.isdigit():
                found.append(_concept(word))
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Weights:
    """How much each concept says, from how many of the names in play use it (rare concepts say more)."""

    counts: dict[str, int]
    names: int

    @classmethod
    def of(cls, names: Iterable[str]) -> Weights:
        listed = list(dict.fromkeys(names))
        counts = Counter(concept for name in listed for concept in concepts(name))
        return cls(dict(counts), len(listed))

    def __call__(self, concept: str) -> float:
        share = (self.counts.get(concept, 0) + 1) / (self.names + 1)
        return GENERIC.get(concept, 1.0) * (1.0 + math.log(1.0 / share))


def _close(a: str, b: str) -> bool:
    """Spelling variants of one word: one edit apart (long words), or one a prefix of the other (4+ letters)."""
    if min(len(a), len(b)) >= 5 and within_edits(a, b, 1):
        return True
    return min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))


def similarity(target: str, source: str, weights: Weights) -> float:
    """0..1: 1 for the same name written differently, 0.95 for the same concepts, less for a partial overlap."""
    if compact(target) == compact(source) and compact(target):
        return 1.0
    left, right = concepts(target), concepts(source)
    if not left or not right:
        return 0.0
    if set(left) == set(right):
        return 0.95
    return 0.9 * overlap(left, right, weights) * _head_agreement(left, right)


def overlap(left: tuple[str, ...], right: tuple[str, ...], weights: Weights) -> float:
    """Weighted Dice coefficient of two concept lists; near spellings count for 0.8 of a match."""
    matched = 0.0
    for concept in left:
        if concept in right:
            matched += 2 * weights(concept)
        else:
            close = [other for other in right if other not in left and _close(concept, other)]
            if close:
                matched += 0.8 * (weights(concept) + weights(close[0]))
    total = sum(weights(c) for c in left) + sum(weights(c) for c in right)
    return matched / total if total else 0.0


def _head(concepts: tuple[str, ...]) -> str:
    """The concept a name is about: its last one, units and qualifiers aside ('weight_kg' is about weight)."""
    return next((c for c in reversed(concepts) if c not in UNITS | QUALIFIERS), concepts[-1])


def _head_agreement(left: tuple[str, ...], right: tuple[str, ...]) -> float:
    head_left, head_right = _head(left), _head(right)
    differ = head_left in HEADS and head_right in HEADS and head_left != head_right
    return 0.6 if differ and head_left not in right and head_right not in left else 1.0


def coverage(text: str, source: str, weights: Weights) -> float:
    """How much of a source name a target's description mentions: 1 when it names the column outright."""
    if len(compact(source)) >= 3 and re.search(rf"(?<![\w-]){re.escape(source)}(?![\w-])", text, re.IGNORECASE):
        return 1.0
    described = set(concepts(text))
    parts = concepts(source)
    total = sum(weights(c) for c in parts)
    return sum(weights(c) for c in parts if c in described) / total if total else 0.0
