"""Units said around a conversion of amounts written with units: the factor the request gives a unit ('call a pound
0.4536 kg', 'taking 1 lb as 0.4536 kg', 'with a pound being 453.6 grams'), how the column's values are written
('some are written in grams and a few in pounds') and what wants them in one unit ('the shipping calculator wants one
unit'). A factor is read only for a unit of the family some column of the rows is written in."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.plan import ident
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.units import FAMILIES, family_of

UNIT = r"(?:[a-z]+|{V})"  # 'pound' is a currency's value too
# 'call a pound 0.4536 kg', 'counting 1 lb as 0.4536 kg', 'where a pound is 453.6 g', 'with one pound = 0.4536 kg'
FACTOR = (
    r"(?:(?:call|calling|count|counting|take|taking|treat|treating|use|using|with|where|assume|assuming|let|say)"
    r" )?(?:a|one|an|each|every|(?P<one>{N})) (?P<unit>"
    + UNIT
    + r") (?:(?:as|=|is|being|at|to be|equal to|equals|makes)"
    r" )?(?P<n>{N}) (?P<to>" + UNIT + r")"
)
# 'some are written in grams and a few in pounds', 'most are in kg, some in lb'
SOME = r"(?:some|most|many|a few|several|others|the rest|a couple|one or two)(?: of them)?"
WRITTEN = r"(?: (?:are|is))?(?: (?:written|given|stored|recorded|kept|entered|listed|shown|typed|measured))?"
SPELLED = (
    SOME + WRITTEN + r" in (?P<u1>" + UNIT + r")(?:(?: ,| and| , and| while| but)(?: " + SOME + r")?" + WRITTEN
    + r" in (?P<u2>" + UNIT + r"))*"
)  # fmt: skip
# a tool wanting what the conversion gives: 'the shipping calculator wants one unit', 'our app needs a single unit'
WANTS = (
    r"(?:the|our|my|their) (?:[a-z]+ )?(?:calculator|tool|system|app|application|script|model|sheet|spreadsheet"
    r"|importer|api|report|dashboard) (?:wants|needs|expects|requires|takes|only takes|works in|uses) (?:one|a single"
    r"|the same|a consistent|a common|one consistent) unit"
)


def _unit_family(ctx: Context) -> str | None:
    """The one unit family the base's text columns of amounts are written in, or None."""
    dataset = ctx.grounding.catalog.dataset(ctx.base)
    families = {family_of(ctx, c.name) for c in dataset.columns} - {None} if dataset is not None else set()
    return families.pop() if len(families) == 1 else None


def _converted(ctx: Context, family: str) -> bool:
    """Whether a column the plan computes reads a text column of amounts in `family`'s units (a conversion)."""
    dataset = ctx.grounding.catalog.dataset(ctx.base)
    columns = [c.name for c in dataset.columns if family_of(ctx, c.name) == family] if dataset is not None else []
    return any(ident(c) in expression for c in columns for expression in ctx.plan.prepare.values())


def _spelling(item: Item | None, said: str | None) -> str:
    """A unit as the request spelled it ('pound', also a currency's value)."""
    return item.text.lower() if item is not None else (said or "").lower()


def _factor(ctx: Context, match: Match) -> bool:
    """'call a pound 0.4536 kg': every spelling of the unit converts with the factor given, in the family's unit."""
    family = _unit_family(ctx)
    number = match.item("n")
    unit, to = _spelling(match.item("unit"), match.group("unit")), _spelling(match.item("to"), match.group("to"))
    one = match.item("one")
    if family is None or number is None or not isinstance(number.ref, int | float) or (one and one.ref != 1):
        return False
    spellings = FAMILIES[family]
    if unit not in spellings or to not in spellings or spellings[unit] == spellings[to]:
        return False
    factor = round(float(number.ref) * spellings[to], 12)
    for spelling, kept in spellings.items():
        if kept == spellings[unit]:
            ctx.unit_factors[spelling] = factor
    ctx.note(f"a {unit} converted as {number.text} {to}, as said")
    return True


def read_unit_factors(ctx: Context) -> None:
    """The factor a unit is given, read before a conversion builds its expression."""
    ctx.sentence.scan(r"(?:\( )?" + FACTOR + r"(?: \))?", lambda m: _factor(ctx, m))


def _spelled_units(ctx: Context, match: Match) -> bool:
    """Whether every unit said is one of the family a conversion of the rows reads."""
    family = _unit_family(ctx)
    if family is None or not _converted(ctx, family):
        return False
    said = [_spelling(i, i.text) for i in match.items("val")]
    said += [w.norm for w in match.items("word") if w.norm in FAMILIES[family]]
    return bool(said) and all(u in FAMILIES[family] for u in said)


def read_unit_asides(ctx: Context) -> None:
    """How the amounts are written and what wants one unit, beside a conversion that reads them: said, no step."""
    scan = ctx.sentence.scan
    scan(SPELLED + r"(?= [?.!;,()§]|$)", lambda m: _spelled_units(ctx, m))
    family = _unit_family(ctx)
    scan(WANTS + r"(?= [?.!;,]|$)", lambda m: family is not None and _converted(ctx, family))
