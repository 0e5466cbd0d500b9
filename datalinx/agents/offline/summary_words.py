"""Summaries said in other words, read before the clause readers: 'a head count' is a count, and 'the train/test
split' names the column whose values the slash lists, not a test that keeps both."""

from __future__ import annotations

from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.grounding import ColumnRef, Grounding
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.tokens import Token
from datalinx.core.pipelines.types import NUMERIC

HEADS = frozenset({"head", "heads"})
COUNTS = frozenset({"count", "counts"})


def head_counts(tokens: list[Token]) -> None:
    """'a head count of subscribers', 'the headcount per region', 'head-count': the number of rows, said 'count'."""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "word" and token.norm in ("headcount", "headcounts"):
            token.norm = "count"
        following = tokens[index + 1 : index + 3]
        if token.kind == "word" and token.norm in HEADS and following:
            dashed = following[0].norm == "-" and len(following) == 2 and token.end == following[0].start
            last = following[1] if dashed else following[0]
            if last.kind == "word" and last.norm in COUNTS:
                tokens[index : index + (3 if dashed else 2)] = [
                    Token("word", token.text, token.start, last.end, "count")
                ]
        index += 1


SIZED = frozenset({"basket", "cart", "order", "purchase"})
# what the rows do with the thing sized: 'how big a basket each segment buys on average'
SIZE_VERBS = frozenset({"buys", "buy", "bought", "places", "place", "placed", "makes", "make", "orders", "order"})


def sized_nouns(tokens: list[Token]) -> None:
    """'how big a basket each segment buys on average', 'how large an order ... places on average': the average
    size of one order, said 'average order size' as the words for an order's units are; the verb and 'on average'
    after the groups are its own words. Without 'on average' the question is left as said."""
    for index in range(len(tokens) - 4, -1, -1):
        how, big, article, noun = tokens[index : index + 4]
        if how.norm != "how" or big.norm not in ("big", "large") or article.norm not in ("a", "an", "the"):
            continue
        if noun.kind != "word" or noun.norm not in SIZED:
            continue
        later = [t.norm for t in tokens[index + 4 : index + 12]]
        at = next((i for i in range(1, len(later) - 1) if later[i : i + 2] == ["on", "average"]), None)
        if at is None or later[at - 1] not in SIZE_VERBS:
            continue
        end = index + 4 + at
        del tokens[end - 1 : end + 2]  # the verb and 'on average'
        how.norm, big.norm, article.norm, noun.norm = "the", "average", "order", "size"


def slashed_columns(tokens: list[Token], grounding: Grounding) -> None:
    """'the train/test split': two values joined by a slash that together are a phrase naming one column (the slash
    already read as 'and') are that column's name, so the split is grouped, not tested."""
    index = 1
    while index < len(tokens) - 1:
        before, slash, after = tokens[index - 1], tokens[index], tokens[index + 1]
        tight = slash.text == "/" and before.end == slash.start and slash.end == after.start
        if tight and before.kind == after.kind == "word" and (before.norm, after.norm) in grounding.phrases:
            del tokens[index]
            continue
        index += 1


# Verbs by which an amount comes to be on the record: 'the revenue booked', 'the highest charge recorded'.
RECORDED = frozenset(
    {"recorded", "booked", "logged", "registered", "billed", "invoiced", "charged", "earned", "generated", "collected",
     "received", "reported", "posted", "noted", "taken"}
)  # fmt: skip
HAVING = frozenset({"with", "having", "has", "have", "had", "without", "no", "lacking", "missing"})
MEASURED = (
    r"(?:total|sum of|sum|average|avg|mean|median|typical|minimum|min|maximum|max|highest|lowest|largest|smallest"
    r"|biggest)"
)


def _recorded_verb(ctx: Context, match: Match) -> bool:
    """The verb after an amount that says it was recorded, consumed alone: the measure is read by its own readers.
    A value the verb also spells ('booked': the Books category) is the verb here, after an amount."""
    what, verb = match.item("what"), match.item("verb")
    said = ctx.sentence.items[match.indexes[-1]]
    ref = what.ref if what is not None else None
    if not isinstance(ref, ColumnRef) or ref.type not in NUMERIC or ctx.grounding.is_key(ref.dataset, ref.column):
        return False
    if said.text.lower() not in RECORDED or (verb is not None and verb.kind != "val"):
        return False
    items, start = ctx.sentence.items, match.indexes[0]
    before = [i.norm for i in items[max(0, start - 2) : start] if i.norm not in ("the", "our", "all", "a", "an")]
    if before and before[-1] in HAVING:
        return False  # 'orders with the quantity recorded in ...': a test that it is there, read by its reader
    if said.kind == "val":
        ctx.note(f"read '{said.text}' as how {ref.column} was recorded, not as a value")
    said.consumed = True
    return False


def _stated(match: Match) -> bool:
    """'State the total revenue ...': the verb of asking at the start, not the orders' state (their status)."""
    item = match.item("verb")
    return item is not None and item.text.lower() == "state"


def read_summary_verbs(ctx: Context) -> None:
    """Verbs around a summary that name no column or value of it; read before the tests on what is recorded."""
    scan = ctx.sentence.scan
    scan(r"^(?:please )?(?P<verb>{C})(?= (?:the|our|what|how|which|each|every|all) )", _stated)
    scan(
        r"(?<![^ ])" + MEASURED + r" (?:the |our |all )?(?P<what>{C}) (?:(?P<verb>{V})|[a-z]+)",
        lambda m: _recorded_verb(ctx, m),
    )
    scan(r"(?:^|(?<=§ )|(?<![^ ])(?:the|our|all) )(?P<what>{C}) (?P<verb>{V}|[a-z]+)"
         r"(?= (?:per|by|each|every|across|(?:in|for|under|within) (?:each|every)) )",
         lambda m: _recorded_verb(ctx, m))  # fmt: skip


TAKEN_AS = {"average": "mean", "mean": "mean", "median": "median", "middle value": "median"}


def _taken_as(ctx: Context, match: Match) -> bool:
    """'the typical price ..., taken as an average': the one loose measure ('typical') made the function said; a
    measure that already says another function is contradicted, and said so."""
    function = TAKEN_AS[match.group("fn") or ""]
    if len(ctx.measures) != 1:
        return False
    measure = ctx.measures[0]
    loose = measure.text.lower().split()[:2]
    if measure.function == function:
        return True
    if "typical" not in loose or measure.column is None:
        ctx.refuse(f"{match.text.strip(' ,')} (the {measure.text} is no {match.group('fn')})")
        return True
    measure.function = function
    ctx.note(f"read '{measure.text}' as the {match.group('fn')} of {measure.column}")
    return True


def _unit_said_after(ctx: Context, match: Match) -> bool:
    """', counted in units' after a measure of the units: the column named again, nothing more to compute."""
    unit = match.item("unit")
    ref = unit.ref if unit is not None else None
    columns = {m.column for m in ctx.measures}
    return isinstance(ref, ColumnRef) and ref.column in columns and ref.dataset == ctx.base


def read_measures_taken_as(ctx: Context) -> None:
    """Measures said after the others: 'revenue totals' per group, and how a measure said loosely is taken ('the
    typical price per category, taken as an average', 'as the median')."""
    ctx.sentence.scan(r"(?P<what>{C}) (?:totals|sums|subtotals)", lambda m: _amount_totals(ctx, m))
    ctx.sentence.scan(r"(?:, )?(?:counted|measured|expressed|given)? ?in (?P<unit>{C})(?= [.?!;]|$)",
                      lambda m: _unit_said_after(ctx, m))  # fmt: skip
    ctx.sentence.scan(
        r"(?:, )?(?:(?:taken|measured|computed|calculated|worked out|expressed|given) )?as (?:an |the |a )?"
        r"(?P<fn>average|mean|median|middle value)(?= [?.!;]|$)",
        lambda m: _taken_as(ctx, m),
    )


# Words that ask for a summary: with one of them, 'one row per currency' is the summary's groups, not a dedupe (an
# end, 'with the highest price', picks the row kept of each).
SUMMARY_WORDS = frozenset(
    {"total", "totals", "sum", "sums", "summed", "average", "averages", "avg", "mean", "median", "typical", "count",
     "counts", "tally", "many"}
)  # fmt: skip


# words that make 'one row per email' a step of its own before a summary: 'keep one row per email, then count'
KEEPING = frozenset({"keep", "keeping", "take", "leave", "retain", "retaining"})
STEPS = frozenset({"then", "after", "afterwards", "once", "deduplicated", "deduplicate", "dedupe", "deduped",
                   "duplicates", "duplicate", "remove", "removing", "left", "remaining", "remain"})  # fmt: skip
# the ends that pick which row of each stays: 'one row per category with the highest price'
PICKING = frozenset({"highest", "lowest", "largest", "smallest", "biggest", "latest", "earliest", "newest", "oldest",
                     "first", "last", "most", "least", "max", "maximum", "min", "minimum", "cheapest", "priciest",
                     "recent"})  # fmt: skip


def rows_per_group(ctx: Context, match: Match, columns: list[str]) -> bool:
    """'revenue totals, one row per currency', 'the average price, one row per category': with a summary asked for
    elsewhere, one row per value is one group per value, read as the groups; False when nothing is summarised."""
    inside, items = set(match.indexes), ctx.sentence.items
    asked = [
        i
        for index, (i, after) in enumerate(zip(items, [*items[1:], None], strict=True))
        if index not in inside
        and (
            i.norm in SUMMARY_WORDS
            or (i.norm == "number" and after is not None and after.norm == "of")
            or (i.kind == "col" and i.text.lower().startswith("total"))
        )
    ]
    kept = any(i.norm in KEEPING or i.norm in STEPS or i.norm in PICKING for i in items)
    if not asked or not columns or kept:
        return False  # 'keep one row per email, then count the customers': the rows deduplicated, then counted
    ctx.groups.extend(c for c in columns if c not in ctx.groups)
    return True


def _amount_totals(ctx: Context, match: Match) -> bool:
    """'revenue totals per currency': an amount's totals, per the groups said, are its sum in each."""
    what = match.item("what")
    ref = what.ref if what is not None else None
    if not ctx.groups or not isinstance(ref, ColumnRef) or ref.type not in NUMERIC:
        return False
    if ctx.grounding.is_key(ref.dataset, ref.column):
        return False
    column = ctx.column(what) if what is not None else None
    if column is None:
        return False
    ctx.measures.append(Measure("sum", column, match.text))
    return True
