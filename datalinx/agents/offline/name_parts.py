"""New columns holding a word of a text: 'each customer's given name' (the first word of a person's full name),
'the first word of the product name', 'add last_word = the last word of city'."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef, name_words
from datalinx.agents.offline.plan import ident
from datalinx.agents.offline.renames import new_name
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import PEOPLE, of_people
from datalinx.core.pipelines.types import ColumnType

T = ColumnType
PARTS = {"first": 1, "last": -1}
GIVEN = r"(?:given|first|fore|christian)"
FAMILY = r"(?:last|family|sur)"
VALUE_WORDS = frozenset({"is", "was", "equals", "=", "being", "like", "starting", "starts", "ending"})
ONE_WORD_GIVEN = r"(?:forename|forenames|firstname|firstnames|givenname|givennames)"
ONE_WORD_FAMILY = r"(?:surname|surnames|lastname|lastnames|familyname|familynames)"


def _word_of(column: str, part: int) -> str:
    """The first (1) or last (-1) space-separated word of a text, spaces around it left out."""
    return f"split_part(trim({ident(column)}), ' ', {part})"


def _full_name(ctx: Context) -> str | None:
    """The base's column of people's full names: a text 'name' column of a dataset of people, whose values are
    mostly of two or more words."""
    dataset = ctx.grounding.dataset(ctx.base)
    people = of_people(ctx.base)
    found = []
    for column in dataset.columns:
        words = name_words(column.name)
        if column.type != T.STRING or "name" not in words or not (people or any(p in words for p in PEOPLE)):
            continue
        if {"first", "given", "last", "family", "sur"} & set(words):
            return None  # the names are stored in parts already
        values = [str(v).strip() for v in column.top_values if isinstance(v, str) and v.strip()]
        if values and sum(" " in v for v in values) >= 0.8 * len(values):
            found.append(column.name)
    return found[0] if len(found) == 1 else None


def _given(ctx: Context, match: Match, part: int = 1) -> bool:
    """'each customer's given name', 'their forename': the first word of the people's full name; 'the last name',
    'their surname' (`part` -1): its last word."""
    item = match.item("col")
    column = _full_name(ctx)
    items, last = ctx.sentence.items, match.indexes[-1]
    after = items[last + 1] if last + 1 < len(items) else None
    if after is not None and (after.kind == "str" or after.norm in VALUE_WORDS or after.text[:1].isupper()):
        return False  # "customers whose first name is Emma": a test of the name, read by the value readers
    if part == -1 and after is not None and after.kind == "word" and after.norm not in ("and", "then", "as"):
        return False  # "clients with the family name schmidt": the name tested, not a column of it
    if column is None or (item is not None and (not isinstance(item.ref, ColumnRef) or item.ref.column != column)):
        return False
    from datalinx.agents.offline.derive import compute

    which = "first" if part == 1 else "last"
    note = f"Compute {which}_name, the {which} word of {column} (spaces around it left out)."
    return compute(ctx, f"{which}_name", _word_of(column, part), match.text, note)


def _word(ctx: Context, match: Match) -> bool:
    """'the first word of the product name': a word of any text column of the rows."""
    item, part = match.item("col"), PARTS[match.group("part") or "first"]
    if item is None or not isinstance(item.ref, ColumnRef) or item.ref.dataset != ctx.base:
        return False
    if ctx.type_of(item.ref.column) != T.STRING:
        ctx.refuse(f"{match.text} ({item.ref.column} is not text)")
        return True
    names = match.items(name="name")
    said = new_name(names[0].ref if names[0].kind == "str" else names[0].text) if len(names) == 1 else None
    name = said or f"{item.ref.column}_{match.group('part')}_word"
    from datalinx.agents.offline.derive import compute

    note = f"Compute {name}, the {match.group('part')} word of {item.ref.column} (spaces around it left out)."
    return compute(ctx, name, _word_of(item.ref.column, part), match.text, note)


def read_name_parts(ctx: Context) -> None:
    scan = ctx.sentence.scan
    verb = (
        r"(?:(?:add|with|include|including|plus|show|create|extract|give me|and|also|split off|split out|split"
        r"|pull out|take out|separate out|separate) )?"
    )
    column = (
        r"(?: (?:as|in|into|to) (?:an? |the |its own |their own )?(?:extra |new |additional |separate )?"
        r"(?:column|field))?"
    )
    owner = r"(?:(?:the |their |its |his |her |a |an )?(?:(?:each |every |all )?{T} (?:'s |s )?)?)"
    of = r"(?: (?:of|for) (?:the |each |every |all )?{T})?"
    scan(verb + owner + r"(?:new )?" + GIVEN + r" (?P<col>{C})" + of + column, lambda m: _given(ctx, m))
    scan(verb + owner + r"(?:new )?" + ONE_WORD_GIVEN + of + column, lambda m: _given(ctx, m))
    scan(verb + owner + r"(?:new )?" + FAMILY + r" (?P<col>{C})" + of + column, lambda m: _given(ctx, m, -1))
    scan(verb + owner + r"(?:new )?" + ONE_WORD_FAMILY + of + column, lambda m: _given(ctx, m, -1))
    named = (
        r"(?:(?:a |an |the )?(?:new )?(?:column |field )?(?:called |named )?(?P<name>{S}|[a-z_][a-z0-9_]*)"
        r"(?: (?:to|in|on|for) (?:the )?{T})?(?: ,)? (?:holding|with|containing|showing|giving|as|=|:|that holds"
        r"|which holds|being|for) )?"
    )
    scan(
        verb + named + r"(?:the |each |its |their )?(?P<part>first|last) word (?:of|in|from) (?:the |their |its "
        r"|each |every )?(?P<col>{C})" + column,
        lambda m: _word(ctx, m),
    )
