"""Words around a row test that add nothing to it, read once the test is made: 'orders that came to less than ten in
total' (each row's own total), 'orders totalling under 10', 'subscribers for whom no total charge figure exists',
'shipped orders gone out without a product id', 'small business accounts' (the customers of that value)."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.sentence import Match

# 'in total' after a test of one row's amount: the row's own total, when nothing is summarised
ROW_TOTAL = r"(?<=§ )(?:in total|in all|all told|altogether|all in all)(?= [?.!;,]|$)"
# a verb of amounting before the test it leads to: 'totalling less than ten'
AMOUNTING = r"(?:totalling|totaling|totalled|totaled|amounting to|adding up to|that (?:came|come|comes) to)(?= §)"
# 'for whom no cumulative charge figure exists': the missing value said to be absent once more
EXISTS = r"(?<=§ )(?:(?:figure|figures|value|values|entry|entries|record|records|amount) )?"
EXISTS += r"(?:exists|exist|is there|are there)(?= [?.!;,]|$)"
# 'shipped orders gone out without ...': going out is the shipping the status already says
GONE_OUT = r"(?P<col>{C})"
OUT = frozenset({"gone out", "went out", "go out", "goes out", "going out", "sent out", "shipped out"})
SENT_VALUES = frozenset({"shipped", "delivered", "dispatched", "sent"})
# 'small business accounts', 'consumer accounts': the people rows of that value
ACCOUNTS = r"(?<=§ )(?:accounts|account holders)(?= [?.!;,]|$| (?:located|based|in|from|who|that|with|living|§))"
PEOPLE = ("customer", "client", "subscriber", "churn", "member", "user", "account")


def read_row_words(ctx: Context) -> None:
    """Read after the row tests: words that only restate a test already made."""
    scan = ctx.sentence.scan
    tested = bool(ctx.plan.filters) and not (ctx.measures or ctx.groups)
    if tested:
        scan(ROW_TOTAL, lambda m: True)
        scan(AMOUNTING, lambda m: True)
    if any(" is null" in c.expression for c in ctx.plan.filters):
        scan(EXISTS, lambda m: True)
    scan(GONE_OUT, lambda m: _sent_already(ctx, m))
    scan(ACCOUNTS, lambda m: _accounts(ctx, m))


def _sent_already(ctx: Context, match: Match) -> bool:
    """'gone out' (read as the date of shipping) beside a test of a status that says the rows were sent."""
    item = match.item("col")
    if item is None or item.text.lower() not in OUT:
        return False
    said = {str(v).lower() for c in ctx.plan.filters for v in c.values}
    return bool(said & SENT_VALUES)


def _accounts(ctx: Context, match: Match) -> bool:
    """'smb accounts' right after a value: the people rows holding it, when the value is people's."""
    before = ctx.sentence.items[match.indexes[0] - 1] if match.indexes[0] else None
    if before is None or before.kind != "val":
        return False
    owner = getattr(before.ref, "dataset", ctx.base)  # 'orders from smb accounts': the customers the value is of
    return any(word in owner.lower() for word in PEOPLE)
