"""Normalising category spellings: case, accents, punctuation, number words, plurals, and well-known synonyms."""

from __future__ import annotations

import re
import unicodedata

NUMBER_WORDS = {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "ten": "10", "to": "2", "for": "4"}  # fmt: skip
# ISO 3166 codes with their alpha-3 codes and common English and native names; currencies with symbols and names.
COUNTRIES = {
    "us": "usa unitedstates unitedstatesofamerica america", "gb": "gbr uk unitedkingdom greatbritain england britain",
    "de": "deu germany deutschland", "fr": "fra france", "es": "esp spain espana", "it": "ita italy italia",
    "nl": "nld netherlands holland nederland", "be": "bel belgium belgique belgie", "at": "aut austria osterreich",
    "ch": "che switzerland schweiz suisse svizzera", "pt": "prt portugal", "ie": "irl ireland", "dk": "dnk denmark",
    "se": "swe sweden sverige", "no": "nor norway norge", "fi": "fin finland suomi", "pl": "pol poland polska",
    "cz": "cze czechia czechrepublic", "gr": "grc greece", "ca": "can canada", "mx": "mex mexico",
    "br": "bra brazil brasil", "ar": "arg argentina", "cn": "chn china", "jp": "jpn japan",
    "kr": "kor southkorea korea",
    "in": "ind india", "au": "aus australia", "nz": "nzl newzealand", "za": "zaf southafrica", "ru": "rus russia",
    "tr": "tur turkey turkiye", "il": "isr israel", "sg": "sgp singapore", "ae": "are uae unitedarabemirates",
}  # fmt: skip
CURRENCIES = {"eur": "€ euro euros", "usd": "$ usdollar dollar dollars", "gbp": "£ pound pounds sterling",
              "jpy": "¥ yen", "chf": "swissfranc franc", "inr": "₹ rupee rupees"}  # fmt: skip
SYNONYMS = {
    alias: code for table in (COUNTRIES, CURRENCIES) for code, names in table.items() for alias in names.split()
}


def fold(value: str) -> str:
    """Lower case, accents and punctuation removed, number words as digits: 'Two-Year ' -> '2year'."""
    text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower().strip()
    if not text:
        return value.strip()
    tokens = [NUMBER_WORDS.get(token, token) for token in re.findall(r"[a-z0-9]+", text)]
    return "".join(tokens)


def canonical_key(value: str) -> str:
    """The key two spellings of one category share, known synonyms ('Germany', 'DEU') mapped to one code."""
    stripped = value.strip().lower()
    if stripped in SYNONYMS:
        return SYNONYMS[stripped]
    folded = fold(value)
    return SYNONYMS.get(folded, folded)


def acronym(value: str) -> str:
    """Initials with 'to' and 'for' as digits, as in 'month-to-month' -> 'm2m'."""
    text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    return "".join(NUMBER_WORDS.get(t, t)[0] for t in re.findall(r"[a-z0-9]+", text) if t)


def singular(key: str) -> str:
    """A folded key without a plural 's' ('gardens' -> 'garden'); short keys stay as they are."""
    return key[:-1] if len(key) > 3 and key.endswith("s") and not key.endswith("ss") else key


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether a and b are at most `limit` single-character edits apart (Levenshtein, banded)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != b[j - 1]))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def differs_in_digits_only(a: str, b: str) -> bool:
    """'cat_1' and 'cat_17' are different codes, not spelling variants."""
    return re.sub(r"[0-9]", "", a) == re.sub(r"[0-9]", "", b) and a != b
