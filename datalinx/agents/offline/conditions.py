"""How a request's tests combine: 'or' between them makes alternatives, and 'remove the orders with ...' keeps
the rows the tests after it do not describe."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.phrases import OP
from datalinx.agents.offline.plan import Condition, combine
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import word_set


def _exclusion(ctx: Context, match: Match) -> bool:
    """'remove orders with a negative quantity': what follows names the rows to leave out."""
    start = match.indexes[-1] + 1
    end = len(ctx.sentence.items) - 1
    for index in range(start, len(ctx.sentence.items)):
        item = ctx.sentence.items[index]
        if item.norm in ("then", ";", "but") or (item.norm == "," and index > start):
            end = index - 1
            break
    ctx.negations.append((start, end))
    return True


def read_exclusions(ctx: Context) -> None:
    """Rows to leave out, said before their test (read first, so the tests found later are negated)."""
    verbs = (
        r"(?:remove|drop|delete|exclude|excluding|filter out|get rid of|discard|ignore|skip|leave out|leaving out"
        r"|take out|throw out|throw away|toss out|without)"
    )
    rows = r"(?: all| the| any| every)? (?:{T}|rows|records|entries|ones|those|lines|anything|everything|any|items|all)"
    tie = (
        r"(?: that| which| who)? (?:with|where|whose|having|that have|that has|which have|that are|which are|who are"
        r"|that were|which were)"
    )
    # a tie that says what is missing ('without a price') or a comparison ('the ones over 50') is the test itself,
    # left for its reader and negated
    test = (
        r"(?: that| which| who)?(?= (?:without|lacking|missing|with no|lack|lacks|(?:do |does )?not have|have no"
        rf"|has no|{OP}) )"
    )
    ctx.sentence.scan(verbs + rows + tie, lambda m: _exclusion(ctx, m))
    ctx.sentence.scan(verbs + rows + test, lambda m: _exclusion(ctx, m))
    # 'throw out the silly prices (negative or over 10,000)', 'remove prices over 500': a column named for the rows
    # its tests pick, which must follow (else 'remove the price' drops the column)
    judged = r"(?: (?:silly|bogus|crazy|absurd|junk|implausible|nonsense|bad|invalid|unrealistic|impossible|wrong"
    judged += r"|broken|weird|odd|dodgy|garbage|suspicious))?"
    signs = r"negative|positive|zero|below zero|above zero|under zero|less than zero"
    tested = r"(?= {C} (?:\( |: |- |that are |which are |that is |which is )?(?:not )?(?:" + signs + "|" + OP + "))"
    ctx.sentence.scan(verbs + r"(?: all| the| any)?" + judged + tested, lambda m: _exclusion(ctx, m))


# Words that may stand between two tests joined by 'or': 'with a price under 5 or is below zero'.
JOINING = word_set("or either with where whose that which is are was were has have the a an its their those ones")


def alternatives(ctx: Context) -> None:
    """Tests joined by 'or' in the request hold as alternatives: 'orders over 1000 or with quantity above 10'."""
    items = ctx.sentence.items
    placed = sorted((c for c in ctx.plan.filters if c.span is not None and not c.prior), key=lambda c: c.span or (0, 0))
    merged: list[Condition] = []
    for condition in placed:
        previous = merged[-1] if merged else None
        if previous is not None and previous.span and condition.span and previous.span[1] < condition.span[0]:
            gap = items[previous.span[1] + 1 : condition.span[0]]
            words = [i.norm for i in gap if not i.consumed and i.kind == "word"]
            either = "or" in words or ("and" in words and _disjoint(previous, condition))
            if either and all(w in JOINING | {"and"} for w in words):
                if "or" not in words:  # 'the 2023 orders and the 2024 orders': no row is in both, so either
                    ctx.note(f"read 'and' between {previous.explanation} and {condition.explanation} as either")
                group = previous.any_of or [previous]
                joined = Condition("", " or ".join(c.explanation for c in [*group, condition]), None)
                joined.any_of, joined.span = [*group, condition], (previous.span[0], condition.span[1])
                ctx.plan.filters[ctx.plan.filters.index(previous)] = joined
                ctx.plan.filters.remove(condition)
                for item in gap:
                    item.consumed = True
                merged[-1] = joined
                continue
            if "or" in words:  # 'or' between two tests kept both: which is meant is asked, not guessed
                ctx.refuse(ctx.sentence.request[gap[0].start : gap[-1].end] + " (both tests, or either?)")
        merged.append(condition)


RANGE = re.compile(r"\(?(?P<col>\w+) >= '(?P<start>[\d-]+)' and (?P=col) < '(?P<end>[\d-]+)'\)?")
PART = re.compile(r"(?P<part>month|year|quarter|weekday|day)\((?P<col>\w+)\) = (?P<value>\d+)")


def _disjoint(first: Condition, second: Condition) -> bool:
    """Whether two tests of one date column hold for no row together: two periods that do not meet ('in 2023',
    'in 2024'), or two values of one part of the date ('in march', 'in april')."""
    if first.any_of or first.negated or second.negated:
        return False
    ranges = [RANGE.fullmatch(c.expression) for c in (first, second)]
    if ranges[0] and ranges[1] and ranges[0]["col"] == ranges[1]["col"]:
        a, b = ranges
        return a["end"] <= b["start"] or b["end"] <= a["start"]
    parts = [PART.fullmatch(c.expression) for c in (first, second)]
    if parts[0] and parts[1]:
        a, b = parts
        return (a["part"], a["col"]) == (b["part"], b["col"]) and a["value"] != b["value"]
    return False


def negated(ctx: Context) -> None:
    """'remove orders with a negative quantity': the tests named after it keep the other rows."""
    for start, end in ctx.negations:
        _flip_within(ctx, start, end)


def _flip_within(ctx: Context, start: int, end: int) -> int:
    """The tests read from the items `start`..`end` turned round, so they keep the other rows; how many."""
    flipped_count = 0
    for index, condition in enumerate(ctx.plan.filters):
        if condition.span is not None and start <= condition.span[0] and condition.span[1] <= end:
            text = combine([condition])
            flipped = Condition(f"not coalesce({text}, false)", f"not ({condition.explanation})", None)
            flipped.span = condition.span
            ctx.plan.filters[index] = flipped
            flipped_count += 1
    return flipped_count


def _left_out_before(ctx: Context, match: Match) -> bool:
    """'negative prices are data errors, leave those out': the tests of the clause before it keep the other rows;
    with no test there ('the email column, leave that out') it is not read."""
    items = ctx.sentence.items
    end = match.indexes[0] - 1
    while end >= 0 and items[end].kind == "punct" and items[end].norm == ",":
        end -= 1
    start = end
    while start > 0 and items[start - 1].norm not in ("?", ".", ";", "!"):
        start -= 1
    return end >= 0 and _flip_within(ctx, start, end) > 0


def read_left_out(ctx: Context) -> None:
    """Rows left out by a word pointing back at the tests just said: 'leave those out', 'drop them'."""
    judged = (  # 'negative prices are data errors, leave those out': why they go, said of the rows first
        r"(?:are|is) (?:just |all |probably |clearly |obviously )?(?:data |input |entry )?(?:errors?|mistakes?"
        r"|wrong|bad data|junk|garbage|bogus|typos?|invalid|not real)(?: ,| ;| -)?(?: so| and)? "
    )
    back = r"(?:those|them|these|that|they)(?: rows| ones| records)?"
    verbs = r"(?:leave|take|keep|throw|filter|cut|strip|weed) " + back + r" out"
    verbs += r"|(?:exclude|drop|remove|ignore|skip|filter out|leave out|throw out|discard|omit) " + back
    ends = r"(?= [,;.?!]|$| and | please| thanks| too| as well)"
    ctx.sentence.scan(r"(?:" + judged + r"|(?<=[,;.?!] ))(?:(?:please|so|just) )?(?:" + verbs + ")" + ends,
                      lambda m: _left_out_before(ctx, m))  # fmt: skip
