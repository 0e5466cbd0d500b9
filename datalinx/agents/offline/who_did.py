"""Who did what the rows record, asked of rows that are not people: 'who placed our ten largest orders', 'the
five biggest orders and who made them', 'who bought each order', 'who ordered the 3 latest orders': the name of the
person each row belongs to, joined in beside the rows."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import of_people

COUNTED = frozenset({"most", "fewest", "least", "more", "fewer", "many", "number", "count"})
DEED = r"(?:placed|made|bought|ordered|submitted|purchased)"
# 'Who placed our ten largest orders': the question opens the request, on rows said with a determiner ('who placed
# the most orders' counts per person, 'who placed orders over 500' asks the people: neither is read here)
LEADING = r"^(?:so |and |also )?who " + DEED + r"(?= (?:our|the|each|every|these|those|that|this|§) )"
# 'the ten largest orders and who placed them', '..., plus who made each one'
AFTER = (
    r"(?:, )?(?:and|plus|with|along with|, and) who "
    + DEED
    + r" (?:them|those|these|it|each|each one|each of them|those orders)(?= [?.!,;]|$)"
)


def read_who_did(ctx: Context) -> None:
    """'who placed ...' of rows a person placed: the person's name joined in (no summary, no groups: 'who placed
    the most orders' counts per person, read elsewhere)."""
    ctx.sentence.scan(LEADING, lambda m: _named(ctx, m))
    ctx.sentence.scan(AFTER, lambda m: _named(ctx, m))
    # 'who placed the most orders', 'who placed orders over 500' asked of the orders: the people are asked, and the
    # rows alone do not say them, so it is said rather than dropped
    ctx.sentence.scan(r"^(?:so |and |also )?who " + DEED + r"(?= )", lambda m: _unanswered(ctx, m))


def _named(ctx: Context, match: Match) -> bool:
    if _counted_after(match):
        return False
    if ctx.measures or ctx.groups or ctx.plan.aggregate is not None:
        return False
    name = _person_name(ctx)
    if name is None:
        return False
    ctx.use(name)
    ctx.note(f"'{match.text}' read as the name of the {name.dataset} row each {ctx.base} row belongs to")
    return True


def _counted_after(match: Match) -> bool:
    """Whether a count of the rows follows the deed: 'who placed the most orders', 'who made more than 3'."""
    items = match.sentence.items[match.indexes[-1] + 1 : match.indexes[-1] + 3]
    return any(i.norm in COUNTED for i in items)


def _unanswered(ctx: Context, match: Match) -> bool:
    if of_people(ctx.base):
        return False
    ctx.refuse(f"{match.text} (who, of {ctx.base} rows?)")
    return True


def _person_name(ctx: Context) -> ColumnRef | None:
    """The name column of the people the base's rows belong to (orders' customers.name), or None."""
    if of_people(ctx.base):
        return None
    key = ctx.person_key()
    if key is None:
        return None
    grounding = ctx.grounding
    for dataset in grounding.dataset_names:
        if grounding.key_of(dataset) != key or not of_people(dataset):
            continue
        facts = grounding.column(dataset, "name")
        if facts is not None:
            return ColumnRef(dataset, facts.name, facts.type, 3)
    return None
