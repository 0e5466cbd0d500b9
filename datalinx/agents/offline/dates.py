"""Dates in requests: '2024-03-01', 'March 2023', '1 March 2023', 'Q2 2024', years, as ranges of days."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from datalinx.agents.offline.tokens import Token
from datalinx.agents.offline.words import (
    AMBIGUOUS_MONTHS,
    DECADES,
    HOLIDAYS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NUMBER_WORDS,
    SEASONS,
)

ORDINAL = frozenset({"st", "nd", "rd", "th"})
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}


@dataclass(frozen=True)
class DateRef:
    """The days from `start` up to (not including) `end`; `grain` says how it was given."""

    start: dt.date
    end: dt.date
    grain: str  # day, month, quarter, year, month_of_year, day_of_year
    month: int | None = None  # for month_of_year and day_of_year
    day: int | None = None  # for day_of_year


RECURRING = frozenset({"month_of_year", "day_of_year"})  # grains without a year: the same days every year
HOLIDAY_PREPOSITIONS = frozenset(
    {"on", "at", "over", "during", "for", "before", "after", "since", "until", "till", "by"}
)
RANGE_WORDS = frozenset({"-", "to", "through", "thru", "until", "till"})


def is_year(token: Token) -> bool:
    value = token.value
    return (
        token.kind == "number"
        and isinstance(value, int)
        and 1900 <= value <= 2100
        and re.fullmatch(r"\d{4}", token.text) is not None
    )


def year_range(year: int) -> DateRef:
    return DateRef(dt.date(year, 1, 1), dt.date(year + 1, 1, 1), "year")


def month_range(year: int, month: int) -> DateRef:
    end = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return DateRef(dt.date(year, month, 1), end, "month")


def quarter_range(year: int, quarter: int) -> DateRef:
    start = dt.date(year, 3 * (quarter - 1) + 1, 1)
    end = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return DateRef(start, end, "quarter")


def day_range(day: dt.date) -> DateRef:
    return DateRef(day, day + dt.timedelta(days=1), "day")


def _day_number(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """A day of the month at `index` ('1', '1st'): (day, tokens used)."""
    if index >= len(tokens) or tokens[index].kind != "number" or not isinstance(tokens[index].value, int):
        return None
    if not 1 <= tokens[index].value <= 31 or not re.fullmatch(r"\d{1,2}", tokens[index].text):
        return None
    used = 2 if index + 1 < len(tokens) and tokens[index + 1].norm in ORDINAL else 1
    return tokens[index].value, used


def _skip(tokens: list[Token], index: int, words: tuple[str, ...]) -> int:
    while index < len(tokens) and tokens[index].norm in words:
        index += 1
    return index


def _month_at(tokens: list[Token], i: int) -> tuple[DateRef, int] | None:
    month = MONTHS[tokens[i].norm]
    after = _skip(tokens, i + 1, (",", "of"))
    day = _day_number(tokens, after)
    if day is not None:
        year_at = _skip(tokens, after + day[1], (",",))
        if year_at < len(tokens) and is_year(tokens[year_at]):
            try:
                return day_range(dt.date(tokens[year_at].value, month, day[0])), year_at + 1
            except ValueError:
                return None
        if _on(tokens, i):
            return _yearly(month, day[0], after + day[1])
    if after < len(tokens) and is_year(tokens[after]):
        return month_range(tokens[after].value, month), after + 1
    shared = _shared_year(tokens, i)
    if shared is not None:
        return month_range(shared, month), i + 1
    if tokens[i].norm in AMBIGUOUS_MONTHS and not _month_context(tokens, i):
        return None
    return DateRef(dt.date(2000, month, 1), dt.date(2000, month, 1), "month_of_year", month), i + 1


def _on(tokens: list[Token], i: int) -> bool:
    """Whether the date at `i` follows 'on' ('on 25 December', 'on the 1st of May'): a day, perhaps of every year."""
    before = i - 1 if i > 0 and tokens[i - 1].norm != "the" else i - 2
    return before >= 0 and tokens[before].norm == "on"


def _yearly(month: int, day: int, end: int) -> tuple[DateRef, int] | None:
    """The same day of every year ('on 25 December'), or None when the month has no such day."""
    try:
        first = dt.date(2000, month, day)  # a leap year: 29 February is a day of some years
    except ValueError:
        return None
    return DateRef(first, first, "day_of_year", month, day), end


def _month_context(tokens: list[Token], i: int) -> bool:
    """Whether a word that may be a month ('may', 'dec') is one here: 'in may', 'may or june'."""
    after = ("during", "in", "since", "until", "till", "before", "after", "from", "through", "of")
    if i > 0 and tokens[i - 1].norm in after:
        return True
    if i > 1 and tokens[i - 1].norm in RANGE_WORDS and tokens[i - 2].norm in MONTHS:
        return True  # 'march to may'
    listed = i + 2 < len(tokens) and tokens[i + 1].norm in RANGE_WORDS | {"and", "or", ","}
    return listed and tokens[i + 2].norm in MONTHS and tokens[i + 2].norm not in AMBIGUOUS_MONTHS


def _shared_year(tokens: list[Token], i: int) -> int | None:
    """'jan-feb 2025', 'March and May 2024': the first of two months takes the year of the last."""
    if i + 3 >= len(tokens) or tokens[i + 2].norm not in MONTHS or not is_year(tokens[i + 3]):
        return None
    if MONTHS[tokens[i].norm] > MONTHS[tokens[i + 2].norm]:  # 'dec-feb 2025' runs from the year before
        return tokens[i + 3].value - 1 if tokens[i + 1].norm in RANGE_WORDS else None
    return tokens[i + 3].value if tokens[i + 1].norm in RANGE_WORDS | {"and", "or", ","} else None


def easter(year: int) -> dt.date:
    """Easter Sunday of a year in the Gregorian calendar (the Meeus, Jones and Butcher computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    shift = h + weekday - 7 * ((a + 11 * h + 22 * weekday) // 451) + 114
    return dt.date(year, shift // 31, shift % 31 + 1)


def movable_day(words: tuple[str, ...], year: int) -> dt.date:
    """The day a movable holiday falls on in a year: 'black friday' 2023 is 24 November 2023."""
    month, weekday, nth, after = MOVABLE_HOLIDAYS[words]
    if month is None:
        return easter(year) + dt.timedelta(days=after)
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return day + dt.timedelta(days=after)


def _movable(tokens: list[Token], i: int) -> tuple[DateRef, int] | None:
    """'Black Friday 2023', 'Easter 2024': the day that holiday fell on that year; with no year there is no one day."""
    for words in sorted(MOVABLE_HOLIDAYS, key=lambda w: -len(w)):
        after = i + len(words)
        if tuple(t.norm for t in tokens[i:after]) == words and after < len(tokens) and is_year(tokens[after]):
            return day_range(movable_day(words, tokens[after].value)), after + 1
    return None


def _holiday(tokens: list[Token], i: int) -> tuple[DateRef, int] | None:
    """'Christmas day', 'new year's eve 2023': a day of the year, in one year when one follows."""
    movable = _movable(tokens, i)
    if movable is not None:
        return movable
    for words, (month, day) in sorted(HOLIDAYS.items(), key=lambda pair: -len(pair[0])):
        if tuple(t.norm for t in tokens[i : i + len(words)]) != words:
            continue
        after = i + len(words)
        if after < len(tokens) and is_year(tokens[after]):
            return day_range(dt.date(tokens[after].value, month, day)), after + 1
        shared = _range_end(tokens, after)
        if shared is not None:  # 'between Christmas and New Year's Eve 2024': the year of the end, or the one before
            year = shared.year - 1 if (month, day) > (shared.month, shared.day) else shared.year
            return day_range(dt.date(year, month, day)), after
        if len(words) == 1 and (i == 0 or tokens[i - 1].norm not in HOLIDAY_PREPOSITIONS):
            return None  # 'christmas trees' are no date; 'on Christmas' is
        return _yearly(month, day, after)
    return None


def _range_end(tokens: list[Token], at: int) -> dt.date | None:
    """The day a range ends on when `at` starts its second half ('and New Year's Eve 2024', 'to 31 December 2024')."""
    if at + 1 >= len(tokens) or tokens[at].norm not in RANGE_WORDS | {"and"}:
        return None
    if tokens[at + 1].kind == "word" and (holiday := _holiday(tokens, at + 1)) is not None:
        return holiday[0].start if holiday[0].grain == "day" else None
    day = _day_number(tokens, at + 1)
    month_at = at + 1 + day[1] if day is not None else at + 1
    if day is None or month_at + 1 >= len(tokens) or tokens[month_at].norm not in MONTHS:
        return None
    if not is_year(tokens[month_at + 1]):
        return None
    try:
        return dt.date(tokens[month_at + 1].value, MONTHS[tokens[month_at].norm], day[0])
    except ValueError:
        return None


def _ranged_day(day: int, month: int, end: dt.date, after: int) -> tuple[DateRef, int] | None:
    """'1 January to 30 June 2023': the first day of a range said without its year takes the year it ends in."""
    try:
        first = dt.date(end.year, month, day)
    except ValueError:
        return None
    return (day_range(first), after) if first <= end else None


CENTURIES = {"nineteen": 1900, "twenty": 2000}  # 'the nineteen-eighties', 'the twenty-tens' said in words


def decade_word(word: str) -> int | None:
    """The decade a word names, as typed or misspelt with a plain plural: 'eighties', 'eightys' -> 80."""
    return DECADES.get(word, DECADES.get(word.removesuffix("ys") + "ies") if word.endswith("ys") else None)


def _decade(tokens: list[Token], i: int) -> tuple[DateRef, int] | None:
    """'the 80s', 'the 1990s', 'the eighties', 'the nineteen-eighties': ten years."""
    token = tokens[i]
    decade = decade_word(token.norm)
    if decade is not None and i > 0 and tokens[i - 1].norm == "the":  # 'born in the eighties'
        year = (2000 if decade < 30 else 1900) + decade
        return DateRef(dt.date(year, 1, 1), dt.date(year + 10, 1, 1), "decade"), i + 1
    century = CENTURIES.get(token.norm) or (token.value * 100 if token.value in (19, 20) else None)
    decade = decade_word(tokens[i + 1].norm) if century and i + 1 < len(tokens) else None
    if century and decade is not None:  # the century said: no reading as an age ('in her eighties') is left
        year = century + decade
        return DateRef(dt.date(year, 1, 1), dt.date(year + 10, 1, 1), "decade"), i + 2
    if i + 1 >= len(tokens) or tokens[i + 1].norm != "s" or tokens[i + 1].start - token.end > 1:  # "the 1980's"
        return None
    if not isinstance(token.value, int) or token.value % 10 != 0:
        return None
    year = token.value if token.value >= 1000 else (2000 if token.value < 30 else 1900) + token.value
    if not 1900 <= year <= 2090:
        return None
    return DateRef(dt.date(year, 1, 1), dt.date(year + 10, 1, 1), "decade"), i + 2


def _ordinal(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """A period's place in its year and the token after it: 'second' or '2nd' (read as 2 and 'nd') -> (2, i + 1)."""
    token = tokens[i]
    if token.norm in QUARTER_WORDS:
        return QUARTER_WORDS[token.norm], i + 1
    suffix = tokens[i + 1] if i + 1 < len(tokens) else None
    if token.kind != "number" or suffix is None or suffix.start != token.end or token.value not in (1, 2, 3, 4):
        return None
    return (token.value, i + 2) if suffix.norm == {1: "st", 2: "nd", 3: "rd", 4: "th"}[token.value] else None


def _year_then_quarter(tokens: list[Token], i: int) -> tuple[DateRef, int] | None:
    """'2023 Q2', '2023-Q2', '2023 second quarter': the year said before its quarter."""
    at = _skip(tokens, i + 1, (",", "-"))
    if at < len(tokens) and tokens[at].kind == "word" and re.fullmatch(r"q[1-4]", tokens[at].norm):
        return quarter_range(tokens[i].value, int(tokens[at].norm[1])), at + 1
    place = _ordinal(tokens, at) if at < len(tokens) else None
    if place is not None and _word_at(tokens, place[1]) == "quarter":
        return quarter_range(tokens[i].value, place[0]), place[1] + 1
    return None


def _months_quarter(tokens: list[Token], i: int) -> tuple[DateRef, int] | None:
    """'the April-June quarter of 2023': a quarter named by its first and last months, then its year."""
    first, last = MONTHS[tokens[i].norm], _word_at(tokens, i + 2)
    if _word_at(tokens, i + 1) not in ("-", "to", "through") or last not in MONTHS or first % 3 != 1:
        return None
    if MONTHS[last] != first + 2 or _word_at(tokens, i + 3) != "quarter":
        return None
    year_at = _skip(tokens, i + 4, ("of", "in", ","))
    if year_at >= len(tokens) or not is_year(tokens[year_at]):
        return None
    return quarter_range(tokens[year_at].value, first // 3 + 1), year_at + 1


def _word_at(tokens: list[Token], i: int) -> str | None:
    return tokens[i].norm if i < len(tokens) else None


def _half(tokens: list[Token], i: int) -> tuple[DateRef, int] | None:
    """'the first half of 2023', 'the 2nd half of the year 2022', 'H2 2024'."""
    half, at = (1 if tokens[i].norm == "h1" else 2), i + 1
    if tokens[i].norm not in ("h1", "h2"):
        place = _ordinal(tokens, i)
        if place is None or place[0] not in (1, 2) or tokens[i].norm == "last":
            return None
        half, at = place
        if at >= len(tokens) or tokens[at].norm != "half":
            return None
        at += 1
    year_at = _skip(tokens, at, (",", "of", "in", "the", "year"))
    if year_at >= len(tokens) or not is_year(tokens[year_at]):
        return None
    year = tokens[year_at].value
    start, end = (
        (dt.date(year, 1, 1), dt.date(year, 7, 1)) if half == 1 else (dt.date(year, 7, 1), dt.date(year + 1, 1, 1))
    )
    return DateRef(start, end, "half"), year_at + 1


def _season(tokens: list[Token], i: int) -> tuple[DateRef, int] | None:
    """'the summer of 2024', 'autumn 2023': the three months of that season in that year."""
    first, last = SEASONS[tokens[i].norm]
    year_at = _skip(tokens, i + 1, (",", "of", "in"))
    if year_at >= len(tokens) or not is_year(tokens[year_at]):
        return None
    year = tokens[year_at].value
    return DateRef(dt.date(year, first, 1), month_range(year, last).end, "season"), year_at + 1


def _period_at(tokens: list[Token], at: int) -> tuple[DateRef, int] | None:
    """A month of a year ('March 2024', '2024-03') or a year at `at`, which a part of it is taken from."""
    if at >= len(tokens):
        return None
    token = tokens[at]
    if token.kind == "month" and token.value is not None:
        return month_range(*token.value), at + 1
    if token.kind == "word" and token.norm in MONTHS:
        hit = _month_at(tokens, at)
        return hit if hit is not None and hit[0].grain == "month" else None
    if is_year(token):
        return year_range(token.value), at + 1
    return None


WEEK_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                 "last": -1, "final": -1}  # fmt: skip


def _part(tokens: list[Token], i: int) -> tuple[DateRef, int] | None:
    """'the first week of March 2024' (1-7 March), 'the last week of 2023', 'the first 10 days of May 2024'."""
    which, at = WEEK_ORDINALS[tokens[i].norm], i + 1
    count = _count_at(tokens, at)
    if count is not None:  # 'the first 10 days', 'the last two weeks': a span from one end
        if which not in (1, -1):
            return None
        at += 1
        if at < len(tokens) and tokens[at].norm == "months":
            return _months_of_year(tokens, at, which, count)
        if at >= len(tokens) or tokens[at].norm not in ("days", "weeks"):
            return None
        days = count * (7 if tokens[at].norm == "weeks" else 1)
    elif at < len(tokens) and tokens[at].norm == "week":  # 'the second week': the 8th to the 14th
        days = 7
    else:
        return None
    found = _period_at(tokens, _skip(tokens, at + 1, ("of", "in", ",")))
    if found is None or not 0 < days < 60:
        return None
    period, after = found
    if which > 0:
        first = period.start + dt.timedelta(days=days * (which - 1) if count is None else 0)
        stop = min(first + dt.timedelta(days=days), period.end)
    else:
        stop = period.end
        first = max(stop - dt.timedelta(days=days), period.start)
    if first >= period.end:
        return None
    return DateRef(first, stop, "days"), after


def _months_of_year(tokens: list[Token], at: int, which: int, count: int) -> tuple[DateRef, int] | None:
    """'the first 3 months of 2024' (January to March), 'the last six months of 2023'."""
    year_at = _skip(tokens, at + 1, ("of", "in", ","))
    if year_at >= len(tokens) or not is_year(tokens[year_at]) or not 0 < count < 12:
        return None
    year = tokens[year_at].value
    first, last = (1, count) if which > 0 else (13 - count, 12)
    return DateRef(dt.date(year, first, 1), month_range(year, last).end, "months"), year_at + 1


def _count_at(tokens: list[Token], at: int) -> int | None:
    if at >= len(tokens):
        return None
    token = tokens[at]
    if token.kind == "number" and isinstance(token.value, int) and not is_year(token):
        return token.value
    return NUMBER_WORDS.get(token.norm) if token.norm != "one" else None


def find_dates(tokens: list[Token]) -> list[tuple[int, int, DateRef]]:
    """(first token, token after the last, date) for every date mention, left to right."""
    found: list[tuple[int, int, DateRef]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        hit: tuple[DateRef, int] | None = None
        if token.kind == "date" and token.value is not None:
            hit = day_range(token.value), i + 1
        elif token.kind == "month" and token.value is not None:
            hit = month_range(*token.value), i + 1
        elif token.kind == "word" and token.norm in MONTHS:
            hit = _months_quarter(tokens, i) or _month_at(tokens, i)
        elif token.kind == "word" and re.fullmatch(r"q[1-4]", token.norm):
            year_at = _skip(tokens, i + 1, (",", "of"))
            if year_at < len(tokens) and is_year(tokens[year_at]):
                hit = quarter_range(tokens[year_at].value, int(token.norm[1])), year_at + 1
        elif token.norm in SEASONS and _season(tokens, i) is not None:
            hit = _season(tokens, i)
        elif token.norm in WEEK_ORDINALS and _part(tokens, i) is not None:
            hit = _part(tokens, i)
        elif _half(tokens, i) is not None:
            hit = _half(tokens, i)
        elif (place := _ordinal(tokens, i)) is not None and _word_at(tokens, place[1]) == "quarter":
            year_at = _skip(tokens, place[1] + 1, (",", "of", "in", "the", "year"))
            if year_at < len(tokens) and is_year(tokens[year_at]):
                hit = quarter_range(tokens[year_at].value, place[0]), year_at + 1
        elif is_year(token) and (quarter := _year_then_quarter(tokens, i)) is not None:
            hit = quarter
        elif token.kind == "word" and (holiday := _holiday(tokens, i)) is not None:
            hit = holiday
        elif (token.kind == "number" or decade_word(token.norm) or token.norm in CENTURIES) and _decade(tokens, i):
            hit = _decade(tokens, i)
        elif (day := _day_number(tokens, i)) is not None:
            month_at = _skip(tokens, i + day[1], ("of",))
            if month_at < len(tokens) and tokens[month_at].norm in MONTHS:
                year_at = _skip(tokens, month_at + 1, (",",))
                if year_at < len(tokens) and is_year(tokens[year_at]):
                    try:
                        day_value = dt.date(tokens[year_at].value, MONTHS[tokens[month_at].norm], day[0])
                        hit = day_range(day_value), year_at + 1
                    except ValueError:
                        hit = None
                elif _on(tokens, i):
                    hit = _yearly(MONTHS[tokens[month_at].norm], day[0], month_at + 1)
                elif (end := _range_end(tokens, month_at + 1)) is not None:
                    hit = _ranged_day(day[0], MONTHS[tokens[month_at].norm], end, month_at + 1)
            elif (end := _range_end(tokens, i + day[1])) is not None and day[0] <= end.day:
                # '25 to 31 December 2024': the first day is of the month and year the range ends in
                hit = day_range(dt.date(end.year, end.month, day[0])), i + day[1]
        if hit is not None:
            found.append((i, hit[1], hit[0]))
            i = hit[1]
        else:
            i += 1
    return found
