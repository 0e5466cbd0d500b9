"""Request text as tokens: words folded to plain lower case, numbers, dates, quoted text and operators."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from datalinx.agents.offline.words import MULTIPLIERS, NUMBER_WORDS

_TOKEN = re.compile(
    r"""
    (?P<quoted>'[^']*'|"[^"]*"|`[^`]*`|\u2018[^\u2019]*\u2019|\u201c[^\u201d]*\u201d)
  | (?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})
  | (?P<month>\d{4}-\d{2}(?![\d-]))
  | (?P<number>(?:[$€£¥]\s?)?(?:(?<![\w-])-)?\d+(?:,\d{3})*(?:\.\d+)?(?:(?:k|m|mn)\b)?(?:\s?[$€£¥%])?)
  | (?P<with>\bw/o\b|\bw/(?=\s))
  | (?P<op>>=|<=|!=|<>|==|=>|=<|[=<>+*/()%\u2192\u00d7-])
  | (?P<word>[^\W\d_]\w*(?:[.@]\w+)*
      (?:(?<=n)['\u2019]t\b|['\u2019]nt\b|['\u2019](?:s|m|re|ve|ll|d)\b|(?<=s)['\u2019](?!\w))?|_\w+|\w+)
  | (?P<punct>[,;:!?.&])
    """,
    re.VERBOSE,
)
_OPS = {"==": "=", "<>": "!=", "=>": ">=", "=<": "<="}


# Words after which 'one' is the number 1 ("exactly one"), not a pronoun ("the first one").
# Negated verbs typed without their apostrophe ("dont", "arent"): each reads as "not", as "don't" does.
NEGATED = frozenset(
    [
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "havent",
        "hasnt",
        "hadnt",
        "wont",
        "cant",
        "couldnt",
        "wouldnt",
        "shouldnt",
        "aint",
    ]
)
# Short forms of the words for a table's parts, read as the words.
# ('seg' for segment, 'tst' for test; 'goin' is going said without its last letter; 'yrs' and 'wks' are the spans of
# time, as in 'over 70 yrs old' or 'the last 2 wks'; 'vals' and 'val' are the values, as in 'distinct segment vals')
SHORT_FORMS = {"cols": "columns", "col": "column", "flds": "fields", "fld": "field", "seg": "segment",
               "segs": "segments", "tst": "test", "goin": "going", "comin": "coming", "prod": "product",
               "prods": "products", "yr": "year", "yrs": "years", "wk": "week", "wks": "weeks",
               "vals": "values", "val": "value"}  # fmt: skip
# Words read as a plainer one: 'whos' is the "who's" typed without its apostrophe; 'despite' joins two row tests
# as 'and' does ('churned despite being on a two-year contract'); 'solely' and 'exclusively' are 'only'.
PLAINER = {"whos": "who", "despite": "and", "dearest": "priciest", "costliest": "priciest", "cust": "customer",
           "custs": "customers", "hw": "how", "solely": "only", "exclusively": "only"}  # fmt: skip
# Comparison words typed without their space ('atleast 3', 'upto 50'): each reads as the two words.
RUN_TOGETHER = {"atleast": ("at", "least"), "atmost": ("at", "most"), "morethan": ("more", "than"),
                "lessthan": ("less", "than"), "fewerthan": ("fewer", "than"), "upto": ("up", "to"),
                "nomore": ("no", "more"), "noless": ("no", "less")}  # fmt: skip
# Words that summarise a column, any two of which a slash may join: 'min/max tenure' is its lowest and highest.
SLASHED_SUMMARIES = frozenset({"min", "max", "minimum", "maximum", "avg", "average", "mean", "median", "sum", "total"})
# Words a slash joins as alternatives, not as a list: 'and/or', 'true/false', 'yes/no'.
NOT_SLASHED = frozenset({"and", "or", "true", "false", "yes", "no", "y", "n", "t", "f", "on", "off"})
# Words that make a slash between two names a division: 'add unit_price = revenue/quantity'.
DIVIDING = frozenset({"=", "add", "compute", "calculate", "derive", "ratio", "divided", "per"})
ONE_BEFORE = frozenset(
    {"exactly", "precisely", "least", "most", "than", "only", "just", "over", "under", "above", "below", "="}
)
TIMES = {"once": 1, "twice": 2, "thrice": 3}
# Short forms of a span of months, read as 'months' only after a number: 'tenure < 6 mo', 'under 12 mths', '3 mos'
MONTHS_SHORT = frozenset({"mo", "mos", "mth", "mths", "mnth", "mnths"})
SPAN_WORDS = frozenset({"day", "week", "month", "quarter", "year", "decade"})


@dataclass
class Token:
    """One piece of the request, with where it stands in the original text."""

    kind: str  # word, number, quoted, date, month, op, punct
    text: str
    start: int
    end: int
    norm: str = ""
    value: Any = None
    fixed_from: str | None = None  # the word as typed, when the spelling was corrected


def fold(text: str) -> str:
    """Lower case without accents: 'München' -> 'munchen'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return (plain or text).lower()


def squash(text: str) -> str:
    """Only letters and digits, folded: 'Month-to-Month ' -> 'monthtomonth'."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _number(text: str) -> float | int:
    cleaned = re.sub(r"[$€£¥%,\s]", "", text.lower())
    factor = 1
    for suffix, multiplier in sorted(MULTIPLIERS.items(), key=lambda item: -len(item[0])):
        if cleaned.endswith(suffix):
            cleaned, factor = cleaned[: -len(suffix)], multiplier
            break
    number = float(cleaned) * factor
    return int(number) if number.is_integer() and "." not in cleaned else number


def _date(text: str) -> dt.date | None:
    parts = [int(p) for p in re.split(r"[-/.]", text)]
    year, month, day = (parts[0], parts[1], parts[2]) if parts[0] > 31 else (parts[2], parts[1], parts[0])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def tokenize(request: str) -> list[Token]:
    """Split a request into tokens; possessives lose their 's, and "don't" reads as "not"."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(request):
        kind = match.lastgroup or "punct"
        text = match.group()
        token = Token(kind=kind, text=text, start=match.start(), end=match.end())
        if kind == "quoted":
            token.value = text[1:-1]
            token.norm = fold(token.value)
        elif kind == "date":
            token.value = _date(text)
            token.norm = token.value.isoformat() if token.value else text
            if token.value is None:
                token.kind, token.norm = "word", text
        elif kind == "month":
            year, month = int(text[:4]), int(text[5:7])
            token.value = (year, month) if 1 <= month <= 12 else None
            token.norm = text
            if token.value is None:
                token.kind, token.norm = "word", text
        elif kind == "number":
            token.value = _number(text)
            token.norm = text.strip()
        elif kind == "op":
            token.norm = _OPS.get(text, text)
        elif kind == "word":
            token.norm = fold(re.sub(r"['\u2019](?:s|m|re|ve|ll|d)?$", "", text))
            if re.search(r"n['\u2019]t$|['\u2019]nt$", text) or token.norm in NEGATED:  # "didn't", "did'nt", "didnt"
                token.norm = "not"
            token.norm = SHORT_FORMS.get(token.norm, PLAINER.get(token.norm, token.norm))
            if token.norm in NUMBER_WORDS and token.norm not in ("one",):
                token.kind, token.value = "number", NUMBER_WORDS[token.norm]
        elif kind == "with":
            token.kind, token.norm = "word", "without" if text == "w/o" else "with"
        else:
            token.norm = text
        tokens.append(token)
    for previous, token in itertools.pairwise(tokens):
        if token.norm == "then" and (previous.norm.endswith("er") or previous.norm in ("more", "less", "fewer")):
            token.norm = "than"  # "cheaper then 10"
        if token.norm == "there" and previous.norm in ("with", "and", "plus", "including", "show", "by"):
            token.norm = "their"  # "with there names"
        if token.norm in TIMES and previous.norm in ONE_BEFORE and (token.norm != "once" or previous.norm == "than"):
            token.kind, token.value = "number", TIMES[token.norm]  # "more than twice": 2 times; 'at least once' stays
        if token.norm == "one" and token.kind == "word" and previous.norm in ONE_BEFORE:
            token.kind, token.value = "number", 1  # "exactly one item", "more than one"
        if token.kind == "word" and token.norm in MONTHS_SHORT and previous.kind == "number":
            token.norm = "months"  # "tenure < 6 mo"
    for before, article, unit in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if article.norm in ("a", "an") and before.norm in ONE_BEFORE and unit.norm in SPAN_WORDS:
            article.kind, article.value = "number", 1  # "less than a year": one year
    _placing_orders(tokens)
    _number_said_no(tokens)
    return _number_abbreviated(
        _attached_plus(_run_together(_compound_numbers(_suspended_hyphens(_slashed_pairs(_letter_ranges(tokens))))))
    )


# what a number is kept for, said before 'no' as its short form: 'phone no.', 'the account no', 'order no'
NUMBERED = frozenset({"phone", "telephone", "tel", "mobile", "cell", "account", "order", "reference", "ref", "serial",
                      "invoice", "customer", "contact"})  # fmt: skip


def _number_said_no(tokens: list[Token]) -> None:
    """'the buyer's phone no.', 'each order no': 'no' after what is numbered, closing the phrase, is 'number'
    ('phone no more than', 'account no longer' are left as said)."""
    for index, token in enumerate(tokens[1:], start=1):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        closed = following is None or following.kind == "punct" or following.norm in ("and", "or", "for", "of")
        if token.norm == "no" and tokens[index - 1].norm in NUMBERED and closed:
            token.norm = "number"


PLACING = frozenset({"place", "places", "placing"})
# words between the verb and the orders it places: 'place an order', 'places more than 3 orders'
BEFORE_ORDERS = frozenset({"a", "an", "any", "the", "their", "his", "her", "some", "no", "more", "fewer", "less",
                           "than", "at", "least", "most", "over", "under", "exactly", "new", "several", "many",
                           "multiple", "repeat", "big", "large", "online"})  # fmt: skip


def _placing_orders(tokens: list[Token]) -> None:
    """'did anybody place an order', 'customers who place more than 3 orders', 'placing orders': the verb of the
    orders' rows, read as 'placed' is (the word alone may be a place: 'the place they live')."""
    for index, token in enumerate(tokens):
        if token.kind != "word" or token.norm not in PLACING:
            continue
        for after in tokens[index + 1 : index + 6]:
            if after.norm in ("order", "orders"):
                token.norm = "placed"
                break
            if after.kind != "number" and after.norm not in BEFORE_ORDERS:
                break


def _run_together(tokens: list[Token]) -> list[Token]:
    """'atleast 3', 'upto 50': a comparison typed as one word is its two words, each over its own letters."""
    out: list[Token] = []
    for token in tokens:
        words = RUN_TOGETHER.get(token.norm) if token.kind == "word" else None
        if words is None:
            out.append(token)
            continue
        middle = token.start + len(words[0])
        out.append(Token("word", token.text[: len(words[0])], token.start, middle, words[0]))
        out.append(Token("word", token.text[len(words[0]) :], middle, token.end, words[1]))
    return out


def _number_abbreviated(tokens: list[Token]) -> list[Token]:
    """'mean no. of calls', 'the nos. of orders': 'no.' before 'of' is 'number', not a negation."""
    out: list[Token] = []
    for index, token in enumerate(tokens):
        before, after = tokens[index - 1 : index], tokens[index + 1 : index + 2]
        stuck = bool(before) and before[0].end == token.start and before[0].text.lower() in ("no", "nos")
        if token.norm == "." and stuck and after and after[0].norm == "of":
            before[0].norm = "number"
            continue  # the abbreviation's full stop
        out.append(token)
    return out


def _attached_plus(tokens: list[Token]) -> list[Token]:
    """'60+', '5+ units': a plus sign stuck to a number and ending it is 'or more', not an addition."""
    for before, token, after in zip(tokens, tokens[1:], [*tokens[2:], None], strict=False):
        stuck = before.kind == "number" and token.norm == "+" and token.start == before.end
        if stuck and (after is None or after.start > token.end) and (after is None or after.kind != "number"):
            token.kind, token.norm = "word", "plus"
    return tokens


def _letter_ranges(tokens: list[Token]) -> list[Token]:
    """'a-z', 'Z - A', 'a\u2192z': a dash or arrow between the first and last letters is 'to', as in 'a to z'."""
    for before, dash, after in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if dash.norm in ("-", "/", "\u2192") and {before.norm, after.norm} == {"a", "z"} and before.norm != after.norm:
            dash.kind, dash.norm = "word", "to"
    return tokens


def _slashed_pairs(tokens: list[Token]) -> list[Token]:
    """'min/max tenure', 'for name/category': a slash between two words, written without spaces, is 'and'."""
    dividing = any(t.norm in DIVIDING for t in tokens)
    for before, slash, after in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if slash.norm != "/" or before.end != slash.start or slash.end != after.start:
            continue
        if before.kind != "word" or after.kind != "word" or {before.norm, after.norm} & NOT_SLASHED:
            continue
        if dividing and not {before.norm, after.norm} <= SLASHED_SUMMARIES:
            continue
        slash.kind, slash.norm = "word", "and"
    return tokens


def _suspended_hyphens(tokens: list[Token]) -> list[Token]:
    """'a one- or two-year contract': the first word's hyphen waits for the ending the second spells out."""
    out: list[Token] = []
    for index, token in enumerate(tokens):
        out.append(token)
        if token.norm != "-" or index == 0 or tokens[index - 1].end != token.start:
            continue
        rest = tokens[index + 1 : index + 5]
        if (
            len(rest) == 4 and rest[0].norm in ("or", "and", "to") and rest[2].norm == "-"
            and rest[1].end == rest[2].start and rest[2].end == rest[3].start and rest[3].kind == "word"
            and (index + 1 == len(tokens) or token.end < tokens[index + 1].start)
        ):  # fmt: skip
            ending = rest[3]
            out.append(Token(ending.kind, ending.text, token.end, token.end, ending.norm, ending.value))
    return out


SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12, "grand": 1000, "tenner": 10,
          "fiver": 5}  # fmt: skip
# Words after 'grand' that make it no amount: 'a grand total'.
NOT_GRAND = frozenset({"total", "totals", "sum", "sums", "finale", "opening", "tour", "prix", "scheme"})


def _hundreds_and(out: list[Token], token: Token, after: list[Token]) -> bool:
    """Whether `token` ends a number said as hundreds 'and' the rest ('a hundred and fifty'), not a second number
    ('between a hundred and five hundred', 'between a hundred and fifty' is a range, not 150)."""
    if len(out) < 2 or out[-1].norm != "and" or token.kind != "number" or not token.text.isalpha():
        return False
    scaled, value = out[-2], token.value
    if scaled.kind != "number" or not any(w in SCALES for w in scaled.norm.split()) or not isinstance(value, int):
        return False
    if (after and after[0].norm in SCALES) or any(t.norm in ("between", "from") for t in out[-6:]):
        return False
    return isinstance(scaled.value, int) and scaled.value % 100 == 0 and 0 < value < 100


def _half_before(out: list[Token], token: Token) -> bool:
    """Whether 'half' comes just before `token`, by a space or a hyphen ('half-dozen'); the hyphen is dropped."""
    hyphen = len(out) > 1 and out[-1].norm == "-" and out[-1].start == out[-2].end and out[-1].end == token.start
    if hyphen and out[-2].norm == "half":
        out.pop()
        return True
    return bool(out) and out[-1].norm == "half" and out[-1].kind == "word"


def _compound_numbers(tokens: list[Token]) -> list[Token]:
    """'twenty five', 'forty-two': a tens word and a units word are one number; '2 thousand', 'a hundred' too."""
    out: list[Token] = []
    for index, token in enumerate(tokens):
        if _hundreds_and(out, token, tokens[index + 1 : index + 2]):  # 'a hundred and fifty': 150
            out.pop()
            out[-1].value, out[-1].end = out[-1].value + token.value, token.end
            out[-1].text, out[-1].norm = f"{out[-1].text} and {token.text}", f"{out[-1].norm} and {token.norm}"
            continue
        if token.norm == "dozen" and _half_before(out, token):  # 'the half-dozen biggest orders', 'a half dozen': 6
            half = out[-1]
            half.kind, half.value, half.end = "number", 6, token.end
            half.text, half.norm = f"{half.text} {token.text}", "half dozen"
            continue
        scale = SCALES.get(token.norm) if token.kind in ("number", "word") else None
        following = tokens[index + 1].norm if index + 1 < len(tokens) else ""
        if token.norm == "grand" and following in NOT_GRAND:
            scale = None
        before = out[-1] if out else None
        if scale is not None and before is not None and (before.kind == "number" or before.norm in ("a", "one")):
            count = before.value if before.kind == "number" and isinstance(before.value, int | float) else 1
            before.kind, before.value, before.end = "number", count * scale, token.end
            before.text, before.norm = f"{before.text} {token.text}", f"{before.norm} {token.norm}"
            if len(out) > 1 and out[-2].norm == "half" and before.norm.startswith(("a ", "one ")):  # 'half a dozen'
                half = out.pop(-2)
                before.value, before.start = before.value / 2, half.start
                before.value = int(before.value) if float(before.value).is_integer() else before.value
                before.text, before.norm = f"{half.text} {before.text}", f"half {before.norm}"
            continue
        units = NUMBER_WORDS.get(token.norm) if token.kind in ("number", "word") else None
        hyphen = len(out) > 1 and out[-1].norm == "-" and out[-1].start == out[-2].end and out[-1].end == token.start
        tens = out[-2] if hyphen else out[-1] if out else None
        if (
            units is not None and 0 < units < 10 and tens is not None and tens.kind == "number"
            and tens.text.replace(" ", "").isalpha() and isinstance(tens.value, int)
            and tens.value % 100 in (20, 30, 40, 50, 60, 70, 80, 90)
        ):  # fmt: skip
            if hyphen:
                out.pop()
            tens.value, tens.end = tens.value + units, token.end
            tens.text, tens.norm = f"{tens.text} {token.text}", f"{tens.norm} {token.norm}"
            continue
        out.append(token)
    return out
