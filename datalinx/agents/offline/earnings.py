"""Rankings said by what the rows earned: 'the ten sales that brought in the least money', 'the 5 orders that made
us the most', 'the dozen orders which took in the most revenue'."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context, SortRequest
from datalinx.agents.offline.sentence import Match
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL

# Verbs of money coming in: what a row brought in is its amount.
EARNED = (
    r"(?:brought|brings|bring|pulled|pulls|took|takes|raked|rakes|reeled|reels) in|made|makes|earned|earns"
    r"|generated|generates|grossed|grosses|netted|nets|yielded|yields"
)

# The names of columns that hold the money a row brought in.
INCOME = re.compile(r"revenue|sales|turnover|takings|income|earnings|amount|total")


def read_earned_rankings(ctx: Context) -> None:
    """'the ten sales that brought in the least money': the rows of the base at one end of its amount."""
    rows = r"(?P<subject>{T}|ones|rows|records)"
    ranked = r"(?:the )?(?P<n>{N}) " + rows + r" (?:that|which|who)(?: have| has| had)? (?:" + EARNED + ")"
    ranked += r"(?: us| me| you| for us)?(?: the)? (?P<how>most|least)(?: (?P<by>{C}))?(?= [?.!,;]|$)"
    ctx.sentence.scan(ranked, lambda m: _earned(ctx, m))
    # 'which four delivered orders placed during 2023 earned us the most?': the rows asked for, their tests between
    # them and the verb left for the readers of tests
    asked = r"(?:which|what) (?P<n>{N}) (?:{V} )*(?P<subject>{T}) (?P<mid>(?:(?!(?:" + EARNED + r") )[^ ]+ ){0,8}?)"
    asked += r"(?:(?:have|has|had|did) )?(?:" + EARNED + r")(?: us| me| you| for us)?(?: the)? (?P<how>most|least)"
    asked += r"(?: (?P<by>{C}))?(?= [?.!,;]|$)"
    ctx.sentence.scan(asked, lambda m: _tests_between(ctx, m) and _earned(ctx, m) and _leave_tests(m))


# words that may stand between the rows and the verb: tests of the rows ('placed during 2023', 'sent to France')
BETWEEN = frozenset({"placed", "made", "shipped", "sent", "delivered", "during", "in", "from", "to", "on", "of",
                     "since", "after", "before", "between", "and", "that", "which", "were", "was", "have", "has",
                     "had", "been", "bound", "for", "going", "went", "headed"})  # fmt: skip


def _tests_between(ctx: Context, match: Match) -> bool:
    """Whether the words between the rows and the verb are tests of the rows only: values, dates and their verbs."""
    for item in match.items(name="mid"):
        if item.kind in ("val", "date", "year"):
            continue
        if item.kind == "col" and item.ref.type in TEMPORAL:
            continue
        if item.kind != "word" or item.norm not in BETWEEN:
            return False
    return True


def _leave_tests(match: Match) -> bool:
    """The ranking's own words consumed; the tests between them left for their readers."""
    between = {id(item) for item in match.items(name="mid")}
    for index in match.indexes:
        item = match.sentence.items[index]
        if id(item) not in between and item.kind != "val":
            item.consumed = True
    return False


def _earned(ctx: Context, match: Match) -> bool:
    count, subject, said = match.item("n"), match.item("subject"), match.item("by")
    if count is None or not isinstance(count.ref, int) or ctx.groups:
        return False
    if subject is not None and str(subject.ref) != ctx.base:
        return False  # 'the ten customers who brought in the most' over orders: a total per customer, read elsewhere
    column = ctx.column(said) if said is not None and said.ref.dataset == ctx.base else None
    if said is None:
        main = ctx.main_measure()
        column = main if main is not None and INCOME.search(main) else None  # a price is no money brought in
    if column is None or ctx.type_of(column) not in NUMERIC:
        ctx.refuse(f"{match.text} (by which amount?)")
        return True
    if said is None:
        ctx.note(f"read what the rows brought in as {column}")
    ctx.order.append(SortRequest(column, None, match.group("how") == "most", match.text))
    ctx.plan.limit = count.ref
    return True
