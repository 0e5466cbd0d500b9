"""Values of a column the catalog's samples do not settle: one word of a stored value ('pay by card': 'credit
card'), a proper name listed with a known value ('Cologne or Milan': Milan is a city too), and values of two columns
joined by '+' ('fiber + e-check payers': both hold)."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.english import COMMON_WORDS
from datalinx.agents.offline.grounding import known_aliases
from datalinx.agents.offline.plan import Condition, equality
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.tokens import fold
from datalinx.agents.offline.words import EXONYMS, FILLER, FUNCTION_WORDS, KEYWORDS
from datalinx.core.quality.vocabulary import singular

JOINERS = ("or", "and", ",")


# Words for a value's word said another way: 'a cheque in the post' is a mailed check.
VALUE_WORD_VARIANTS = {"cheque": "check", "post": "mail", "online": "electronic", "wire": "transfer"}


def _stem(word: str) -> str:
    """A value's word without its ending, as typed words are compared with it: 'posting', 'posted' -> 'post'."""
    word = singular(word)
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return VALUE_WORD_VARIANTS.get(word, word)


def _value_words(value: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z]+", fold(value))}


def _by_word(ctx: Context, match: Match) -> bool:
    """'pay by card': the one value of the column that has the word ('credit card'); two such values are unclear;
    'by posting a cheque': the value with both words ('mailed check'), else no reading of the two."""
    item, typed = match.item("col"), [w for w in (match.group("word"), match.group("word2")) if w]
    words = {_stem(w) for w in typed}
    if item is None or item.kind != "col" or any(w in FILLER or w in KEYWORDS for w in typed):
        return False
    facts = ctx.facts(item.ref)
    if facts is None or facts.type != "string" or not facts.top_values or (facts.distinct or 0) > len(facts.top_values):
        return False  # only where every value of the column is known
    groups = ctx.grounding.spellings.get((item.ref.dataset, item.ref.column), {})
    members = {v for spellings in groups.values() for v in spellings[1:]}
    heads = [v for v in facts.top_values if isinstance(v, str) and v not in members and words <= _value_words(v)]
    if not heads or (len(words) > 1 and len(heads) > 1):
        return False
    column = ctx.column(item)
    if column is None:
        return True
    if len(heads) > 1:
        ctx.refuse(f"{match.text} (could be {' or '.join(repr(h) for h in heads)})")
        return True
    values = groups.get(heads[0], [heads[0]])
    ctx.note(f"read '{match.text}' as {column} = '{heads[0]}'")
    folded = len(values) > 1
    condition = Condition(equality(column, values, False, folded), f"{column} is '{heads[0]}'", column, list(values))
    condition.folded = folded
    ctx.plan.add_filter(condition)
    return True


def read_value_words(ctx: Context) -> None:
    """A value named by one of its words after its column and a preposition: 'pay by card', 'paid via transfer'."""
    pattern = r"(?P<col>{C}) (?:by|with|via|using|through|in|on) (?:a |an |the )?(?P<word>[a-z]+)"
    ctx.sentence.scan(pattern + r" (?:a |an |the )?(?P<word2>[a-z]+)", lambda m: _by_word(ctx, m))
    ctx.sentence.scan(pattern, lambda m: _by_word(ctx, m))


# words that end a request politely and name no value: 'customers in Berlin, Thanks'
COURTESY = frozenset({"please", "pls", "plz", "thanks", "thank", "thx", "ty", "ta", "cheers", "ok", "okay"})


def read_unseen_members(ctx: Context) -> None:
    """'Cologne or Milan': a proper name listed after a value, read as another value where the column has values the
    catalog did not show, and said as unknown where the catalog shows them all ('Paris, Lyon or Nice')."""
    items = ctx.sentence.items
    for index in range(2, len(items)):
        word, joiner, before = items[index], items[index - 1], items[index - 2]
        if word.consumed or word.kind != "word" or not word.text[:1].isupper() or joiner.norm not in JOINERS:
            continue
        typed = fold(word.text)  # as typed: the speller may have turned a name into a word ('Rome': 'home')
        if typed in KEYWORDS or typed in FUNCTION_WORDS or before.kind != "val":
            continue
        listed = next(
            (c for c in ctx.plan.filters if c.span and c.span[0] <= index - 2 <= c.span[1] and c.values), None
        )
        ref = before.ref
        facts = ctx.grounding.column(ref.dataset, ref.column)
        if listed is None or facts is None:
            continue
        if typed in FILLER or typed in COMMON_WORDS:
            if joiner.norm != "," or typed not in COURTESY:  # 'Paris, Lyon or Nice': a name, or the word 'nice'?
                ctx.refuse(f"{word.text} (another {listed.column}?)")
                word.consumed = True
            continue
        if (facts.distinct or 0) <= len(facts.top_values):  # every value is known, and this is none of them
            ctx.refuse(f"{word.text} (no {listed.column} of {ref.dataset} is called that)")
            word.consumed = True
            continue
        aliases = known_aliases(typed)  # 'Austria' is stored as 'AT' as often as by name
        value = EXONYMS.get(typed, word.text.lower())
        ctx.note(f"read '{word.text}' as a {listed.column} too ('{value}', compared in lower case), listed with it")
        values = list(dict.fromkeys([value, *aliases]))
        condition = Condition(equality(listed.column or "", values, listed.negated, True), "", listed.column)
        condition.values, condition.negated, condition.folded = values, listed.negated, True
        condition.explanation = f"{listed.column} is {'not ' if listed.negated else ''}'{value}'"
        ctx.plan.add_filter(condition)
        word.consumed = joiner.consumed = True


def read_plus_as_and(ctx: Context) -> None:
    """'fiber + e-check payers': a '+' between values of two columns says both hold, as 'and' does (read first,
    so every reader sees the 'and')."""
    items = ctx.sentence.items
    for before, joiner, after in zip(items, items[1:], items[2:], strict=False):
        if joiner.consumed or joiner.norm != "+" or before.kind != "val" or after.kind != "val":
            continue
        if (before.ref.dataset, before.ref.column) != (after.ref.dataset, after.ref.column):
            joiner.kind, joiner.norm = "word", "and"
