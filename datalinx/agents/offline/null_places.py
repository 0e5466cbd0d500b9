"""Where a sort puts the rows without a value: 'with those lacking a price placed last', 'nulls first', 'blanks at
the bottom'. Read before a row test can take 'lacking a price' as asking for those rows only; placed on the sort key
of that column once the keys are known, and said as not understood when no key is of that column."""

from __future__ import annotations

from typing import Any

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.sentence import Match

ENDS = {"last": True, "at the end": True, "at the bottom": True, "to the end": True, "to the bottom": True,
        "first": False, "at the top": False, "at the start": False, "at the beginning": False,
        "to the top": False}  # fmt: skip
END = r"(?P<end>" + "|".join(sorted(ENDS, key=len, reverse=True)) + ")"
# 'placing unknown dates at the end', 'with blanks last': the verb said before what is placed
PLACING = r"(?:placing|putting|keeping|leaving|listing|sorting|showing|with) "
PLACED = r"(?:(?:placed|put|sorted|going|go|coming|come|listed|shown|kept|left|appearing|appear|are|at) )?"
ROWS = r"(?:(?:those|the ones|ones|rows|any|anything|items|entries|records) (?:that |which |who )?)?"
LACKING = (
    r"(?:lacking|lack|without|missing|with no|have no|has no|having no|with a missing|with an empty|with a blank"
    r"|with a null|with an unknown)"
)
BLANKS = r"(?:nulls|null values|nulls values|blanks|blank values|blank ones|empty ones|empty values|missing ones"
BLANKS += r"|missing values|empties|unknowns)"


def read_null_places(ctx: Context) -> None:
    """'with those lacking a price placed last', 'missing prices last', 'nulls first': the blanks' end of a sort."""
    scan = ctx.sentence.scan
    lead = r"(?:, )?(?:and |but )?(?:" + PLACING + ")?"
    scan(lead + ROWS + LACKING + r" (?:a |an |the |any )?(?P<col>{C})(?: values?)? " + PLACED + END,
         lambda m: _placed(ctx, m))  # fmt: skip
    scan(lead + r"(?:the |any )?(?:missing|empty|blank|null|unknown) (?P<col>{C})(?: values?)? " + PLACED + END,
         lambda m: _placed(ctx, m))  # fmt: skip
    scan(lead + r"(?:the |any )?" + BLANKS + r"(?: (?:in|of|for) (?:the )?(?P<col>{C}))? " + PLACED + END,
         lambda m: _placed(ctx, m))  # fmt: skip


def _placed(ctx: Context, match: Match) -> bool:
    item = match.item("col")
    column = _sorted_one(ctx, item) if item is not None else None
    column = column or (ctx.column(item) if item is not None else None)
    if item is not None and column is None:
        return False
    ctx.null_places[column] = (ENDS[match.group("end")], match.text)
    return True


def _sorted_one(ctx: Context, item: Any) -> str | None:
    """The one of a tied column word's columns ('unknown dates': signup or birth date) that another word of the
    request names alone ('by date of birth'); None when none or several are."""
    rivals = [r for r in (item.ref, *item.alternatives) if isinstance(r, ColumnRef) and r.strength == item.ref.strength]
    if not isinstance(item.ref, ColumnRef) or len(rivals) < 2:
        return None
    named = {
        other.ref.column
        for other in ctx.sentence.items
        if other is not item and other.kind == "col" and isinstance(other.ref, ColumnRef) and not other.alternatives
    }
    chosen = [r for r in rivals if r.column in named and r.dataset == ctx.base]
    return ctx.use(chosen[0]) if len(chosen) == 1 else None


def place_nulls(ctx: Context, keys: list[dict[str, Any]]) -> None:
    """The blanks of each key go where the request put them; a placement for a column no key sorts is unclear."""
    for column, (last, text) in ctx.null_places.items():
        chosen = [k for k in keys if column is None or k["column"] == column]
        if not chosen:
            ctx.refuse(f"{text} (no sort by {column or 'any column'})")
        for key in chosen:
            if not last:
                key["nulls_last"] = False
            ctx.note(f"read '{text}' as rows without a {key['column']} sorted {'last' if last else 'first'}")
