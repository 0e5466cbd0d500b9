"""Row tests on whether values are there: 'lacking either income or charges', 'both a phone and a city on file',
'whose birth date we don't know', 'no product attached', 'without internet service' (a stored 'none')."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.plan import Condition, equality, ident
from datalinx.agents.offline.sentence import Item, Match
from datalinx.core.pipelines.types import TEMPORAL, ColumnType

MISSING = (
    r"(?:missing|empty|null|nulls|blank|unknown|not set|not filled in|not filled|not known|not given|absent|na|n/a"
    r"|not recorded|not provided|not available|not on file|unrecorded|not specified|not entered|unavailable"
    r"|(?:(?:that|which) )?(?:(?:have|has|had|was|were|is|are) )?(?:not|never)(?: yet| ever)?(?: been| got| gotten)?"
    r"(?: yet)?"
    r" (?:recorded|filled in|filled out|entered|captured|logged|given|provided|supplied|set|stored|noted|written down)"
    r"|(?:is |are |was |were )?not (?:on|in) (?:record|file|the records?|the system)|not filled out|unfilled|unentered)"
)
PRESENT = (
    r"(?:not missing|not empty|not null|not blank|present(?! in)|known|set|filled|given|filled in|provided|exists|exist"
    r"|is there|is recorded|is available|on file|on record)"
)
# The same said right after the column, with no verb: not 'set' there ('the test set' is no test).
PRESENT_BARE = PRESENT.replace("|set|", "|")
# Words after a column that say its value is kept on the record: 'a phone number on file'.
ON_FILE = (
    r"(?:on file|on record|recorded|filled in|attached|attach|linked|assigned|given|provided|stored|logged|entered"
    r"|captured|noted)"
)
# The same after a column said to be lacking, with other verbs of keeping a record: 'with no phone number kept' (after
# 'with' alone, 'with the email kept' keeps a column instead)
NONE_ON_FILE = ON_FILE[:-1] + r"|saved|held|kept)"
ARTICLE = r"(?:a |an |the |any |their |its )?"
# Stored values that mean the thing is absent: 'no internet service' is internet_service = 'none'.
ABSENT_VALUES = ("none", "no")


def null_test(ctx: Context, item: Item | None, missing: bool) -> Condition | None:
    """`column is null` (or `is not null`) for the column an item names; None when the column is unclear."""
    if item is None:
        return None
    column = ctx.column(item)
    if column is None:
        return None
    test = "is null" if missing else "is not null"
    return Condition(f"{ident(column)} {test}", f"{column} {'is missing' if missing else 'is present'}", column)


def add_null(ctx: Context, match: Match, missing: bool) -> bool:
    """The match's column (group `col`, else `col2`) is missing, or present."""
    item = match.item("col") or match.item("col2")
    if item is None:
        return False
    condition = null_test(ctx, item, missing)
    if condition is not None:
        ctx.plan.add_filter(condition)
    return True


def absent_value(ctx: Context, match: Match, present: bool = False) -> bool:
    """'without internet service': the column's own value for 'none', when it stores one, rather than a null;
    `present` ('with internet service'): any other value."""
    item = match.item("col") or match.item("col2")
    if item is None or item.kind != "col":
        return False
    facts = ctx.facts(item.ref)
    if facts is None or facts.type != "string":
        return False
    stored = [v for v in facts.top_values if isinstance(v, str) and v.strip().lower() in ABSENT_VALUES]
    if not stored:
        return False
    column = ctx.column(item)
    if column is None:
        return True
    which = "is not" if present else "is"
    ctx.note(f"read '{match.text}' as {column} {which} '{stored[0]}' (a stored value), not as a null test")
    condition = Condition(equality(column, stored, present), f"{column} {which} '{stored[0]}'", column, list(stored))
    condition.negated = present
    ctx.plan.add_filter(condition)
    return True


def zero_count(ctx: Context, match: Match) -> bool:
    """'no support calls', 'never called support': a count (whole numbers, its name ending in a plural) is 0;
    a verb (group `verb`) must be the count's own ('called' for support_calls)."""
    item = match.item("col")
    facts = ctx.facts(item.ref) if item is not None and item.kind == "col" else None
    if item is None or facts is None or facts.type != ColumnType.INT64:
        return False
    if ctx.grounding.is_key(item.ref.dataset, facts.name) or ctx.grounding.is_flag(item.ref.dataset, facts.name):
        return False
    counted = facts.name.split("_")[-1]
    verb = match.group("verb")
    stems = (
        {verb, verb.removesuffix("ed"), verb.removesuffix("d"), verb.removesuffix("ed")[:-1]} - {""} if verb else set()
    )
    if len(counted) < 4 or not counted.endswith("s") or (verb and not any(counted.startswith(s) for s in stems)):
        return False
    column = ctx.column(item)
    if column is None:
        return True
    left_out = " (rows with no count recorded are left out)" if facts.nulls else ""
    ctx.note(f"read '{match.text}' as {column} = 0{left_out}")
    ctx.plan.add_filter(Condition(f"{ident(column)} = 0", f"{column} is 0", column))
    return True


def _event_happened(ctx: Context, match: Match) -> bool:
    """A date column named by its event's verb ('went out' for ship_date): the date missing when negated."""
    item = match.item("col")
    facts = ctx.facts(item.ref) if item is not None and item.kind == "col" else None
    if item is None or facts is None or facts.type not in TEMPORAL:
        return False
    if any(word in ("date", "day", "time", "when", "dated") for word in item.norm.split()):
        return False  # the column named as a date ('that ship date'), not as the event it records
    ctx.note(f"read '{match.text}' as {facts.name} {'missing' if match.group('neg') else 'present'}")
    return add_null(ctx, match, bool(match.group("neg")))


def _flagged(ctx: Context, match: Match) -> bool:
    """Whether the match's column is a true/false flag ('not want the test accounts'): no value of it is absent."""
    item = match.item("col")
    return item is not None and item.kind == "col" and ctx.grounding.is_flag(item.ref.dataset, item.ref.column)


def _both(ctx: Context, match: Match, missing: bool, either: bool) -> bool:
    """Two columns tested alike: all of them ('both A and B', 'neither A nor B') or any ('lacking either A or B')."""
    if any(ctx.grounding.is_flag(i.ref.dataset, i.ref.column) for i in (match.item("a"), match.item("b")) if i):
        return False
    found = [null_test(ctx, match.item(name), missing) for name in ("a", "b")]
    tests = [t for t in found if t is not None]
    if len(tests) < len(found):
        return match.item("a") is not None and match.item("b") is not None  # a column was unclear: said so
    if not either:
        for test in tests:
            ctx.plan.add_filter(test)
        return True
    joined = Condition("", " or ".join(t.explanation for t in tests), None)
    joined.any_of = tests
    ctx.plan.add_filter(joined)
    return True


def _unattached(ctx: Context, match: Match) -> bool:
    """'orders with no product attached': the base's key of that dataset is empty."""
    item = match.item("t")
    dataset = str(item.ref) if item is not None else ""
    if not dataset or dataset == ctx.base or ctx.grounding.catalog.dataset(dataset) is None:
        return False
    key = ctx.grounding.join_key(ctx.base, dataset)
    if key is None or key != ctx.grounding.key_of(dataset) or key == ctx.grounding.key_of(ctx.base):
        return False
    ctx.note(f"read '{match.text}' as {key} missing")
    ctx.plan.add_filter(Condition(f"{ident(key)} is null", f"{key} is missing", key))
    return True


FILL_VERBS = frozenset({"fill", "filling", "put", "replace", "set", "impute", "substitute", "swap", "default", "plug",
                        "insert", "drop", "write", "enter", "use"})  # fmt: skip


def _fill_condition(ctx: Context, match: Match) -> bool:
    """Whether 'nothing for X' is where a fill goes ('put 0 where there is no value for income'), not a test."""
    start = match.indexes[0]
    before = ctx.sentence.items[start - 1].norm if start > 0 else ""
    where = before in ("where", "wherever", "when", "whenever", "if") or match.items()[0].norm == "where"
    filled = bool(ctx.plan.fills) or any(i.kind == "word" and i.norm in FILL_VERBS for i in ctx.sentence.items)
    return where and filled


def _unclear(ctx: Context, match: Match) -> bool:
    """'without both A and B': missing both, or missing one of them? Said, not guessed."""
    ctx.refuse(f"{match.text} (both missing, or either?)")
    return True


def _given_name(match: Match) -> bool:
    """Whether the words are 'given name' (a first name, read with the parts of names), not 'given us a name'."""
    words = [i.norm for i in match.items()]
    return len(words) == 2 and words[0] == "given" and words[1] in ("name", "names")


def _pair(joiner: str) -> str:
    """Two columns joined by a word: 'a phone number and a city'."""
    return ARTICLE + r"(?P<a>{C}) " + joiner + " " + ARTICLE + r"(?P<b>{C})"


def read_presence(ctx: Context) -> None:
    """Tests on two columns at once, on what 'we don't know', and on another dataset's key left empty."""
    scan = ctx.sentence.scan
    lacking = (
        r"(?:lacking|lacks|lack|missing|without|with no|having no|not having|do not have|does not have"
        r"|(?:(?:who|that|which) )?(?:have|has|had) no)"
    )
    scan(lacking + r" either " + _pair("or"), lambda m: _both(ctx, m, True, True))
    # 'lacking a city or a phone': one of them gone; 'without a city or a phone' may as well be neither of them
    lacks = r"(?:lacking|lacks|lack|missing|is missing|are missing) "
    scan(lacks + _pair("or"), lambda m: _both(ctx, m, True, True))
    scan(lacks + _pair("and"), lambda m: _both(ctx, m, True, False))  # 'missing a city and a phone': both gone
    scan(r"(?:without|with no|having no|(?:have|has|had) no) " + _pair("or"), lambda m: _unclear(ctx, m))
    scan(r"(?:with |having )?neither " + _pair("nor"), lambda m: _both(ctx, m, True, False))
    scan(r"(?:without|with no|not having|do not have|does not have) both " + _pair("and"), lambda m: _unclear(ctx, m))
    scan(lacking + r" both " + _pair("and"), lambda m: _both(ctx, m, True, False))
    state = r" (?:(?:is|are|was|were) )?(?:both )?"
    scan(_pair("or") + state + MISSING, lambda m: _both(ctx, m, True, True))
    scan(_pair("and") + state + MISSING, lambda m: _both(ctx, m, True, False))
    scan(_pair("and") + state + PRESENT, lambda m: _both(ctx, m, False, False))
    having = r"(?:(?:who |that |which )?(?:have|has|having|with) )?"
    scan(having + r"both " + _pair("and") + rf"(?: {ON_FILE})?", lambda m: _both(ctx, m, False, False))
    scan(having + _pair("and") + rf" {ON_FILE}", lambda m: _both(ctx, m, False, False))
    scan(lacking + " " + ARTICLE + rf"(?P<col>{{C}}) {NONE_ON_FILE}", lambda m: add_null(ctx, m, True))
    # 'with a ship date logged': after 'a', the verbs of keeping a record test it is there, as after 'no'
    scan(having[:-1] + r"(?:a|an|any) (?P<col>{C}) " + NONE_ON_FILE, lambda m: add_null(ctx, m, False))
    scan(having + ARTICLE + rf"(?P<col>{{C}}) {ON_FILE}", lambda m: add_null(ctx, m, False))
    # 'with a ship date logged': one said with its article is on record ('with the email kept' keeps a column)
    logged = r"(?:logged|captured|entered|noted|saved)"
    scan(r"(?:(?:who |that |which )?(?:have|has|having|with) )(?:a |an |any )" + rf"(?P<col>{{C}}) {logged}",
         lambda m: add_null(ctx, m, False))  # fmt: skip
    never = r"(?:never|not once|did not|has not|have not|has never|have never|had never)"
    scan(never + r" (?P<verb>[a-z]+) (?:the |a |any )?(?P<col>{C})", lambda m: zero_count(ctx, m))
    given = r"(?:given|provided|gave|entered|supplied|shared|left)(?: us)?"
    # 'who didn't tell us what they earn': the value was never given
    told = r"(?:given|provided|gave|shared|told|tell|said|say)(?: us)? (?:what|how much) (?:they|he|she|it) "
    scan(r"(?:never|not|did not|have not|has not) " + told + r"(?P<col>{C})", lambda m: add_null(ctx, m, True))
    # 'never told us their date of birth', 'didn't give their phone': verbs of handing a value over, negated
    withheld = r"(?:" + given + r"|give|gives|told|tell|tells|share|provide|supply|enter|disclosed|disclose|revealed)"
    scan(r"(?:never|not|did not|have not|has not)(?: yet| ever)? " + withheld + r"(?: us| me)? " + ARTICLE
         + r"(?P<col>{C})", lambda m: add_null(ctx, m, True))  # fmt: skip
    # 'customers who gave us a phone number': the value is there
    scan(r"(?:(?:who|that|which) )?(?:have |has |had )?" + given + " " + ARTICLE + r"(?P<col>{C})",
         lambda m: not _given_name(m) and add_null(ctx, m, False))  # fmt: skip
    # 'whose birth date we don't know', 'a phone we never got', 'whose city we simply don't know', 'whose city
    # nobody knows'
    scan(
        r"(?P<col>{C}) (?:(?:we|i|you|they) )?(?:(?:simply|just|really|honestly|actually|genuinely|still) )?"
        r"(?:do not|not|never|did not) (?:know|have|hold|keep|record|got|get)",
        lambda m: add_null(ctx, m, True),
    )
    scan(r"(?P<col>{C}) (?:nobody|noone) (?:knows|knew|has|had|recorded)", lambda m: add_null(ctx, m, True))
    # 'customers we hold no date of birth for': keeping a record said of the value, no test of its own
    holders = r"(?:we|i|you|they) "
    scan(holders + HOLD + r"(?= no (?:{C}))", lambda m: True)
    scan(holders + r"(?:do not|did not|never) " + HOLD + " " + ARTICLE + r"(?P<col>{C})",
         lambda m: add_null(ctx, m, True))  # fmt: skip
    scan(
        r"(?:with no|without|no|lacking|missing) " + ARTICLE + rf"(?P<t>{{T}}) {ON_FILE}", lambda m: _unattached(ctx, m)
    )
    # 'have nothing filled in for region', 'no entry in the city column': the column is empty
    scan(NOTHING_FOR, lambda m: not _fill_condition(ctx, m) and add_null(ctx, m, True))
    scan(LACKING_FOR, lambda m: not _fill_condition(ctx, m) and add_null(ctx, m, True))
    # 'orders that never went out', 'that have gone out': the date of the event a verb names is missing, or there
    scan(
        r"(?:that|which) (?:(?P<neg>never|not yet|not|(?:have|has|had) (?:not|never))(?: yet| ever)? )?"
        r"(?:(?:have|has|had|were|was) )?(?:(?:been|already|yet) )*(?P<col>{C})(?: yet| already)?(?= [.?!,;]|$| and "
        r"| or | but )",
        lambda m: _event_happened(ctx, m),
    )
    # 'who don't take any internet package at all', 'that use no internet service': the stored none, else a null
    scan(
        r"(?:not (?:" + TAKEN + r") (?:any |an? |the )?|(?:" + TAKEN + r") no )(?P<col>{C})" + KIND + r"(?: at all)?",
        lambda m: not _flagged(ctx, m) and (absent_value(ctx, m) or zero_count(ctx, m) or add_null(ctx, m, True)),
    )
    scan(
        r"(?:without|with no|lacking|having no|(?:have|has|had) no|not (?:have|has|had))(?: any| an?)? (?P<col>{C})"
        + KIND.replace(")?", ")")
        + r"(?: at all)?",
        lambda m: absent_value(ctx, m),
    )


# Nothing said to be in a column: 'nothing filled in for region', 'no value for city', 'no entry in the phone field'.
NOTHING_FOR = (
    r"(?:(?:have|has|had|having|with|where|there is|there are) )?(?:nothing|no value|no values|no entry|no entries"
    r"|no data|no info|no information)(?: at all)?(?: (?:is|are|was|were|has been|have been|been))?(?: (?:filled in"
    r"|filled out|filled|entered|recorded|given|set|stored|listed|written|written down|put|put down|provided"
    r"|captured|logged|supplied|noted))?(?: at all)? (?:for|in|under|as|on) (?:the |their |its |a |an )?(?P<col>{C})"
    r"(?: (?:column|field|slot|box|cell))?"
)
# A value said to be lacking for a column: 'that lack a value for total charges', 'missing an entry for city',
# 'without any figure for income'.
LACKING_FOR = (
    r"(?:lacking|lacks|lack|missing|without|having no|not having|(?:do|does|did) not have) (?:a |an |any )?"
    r"(?:value|values|entry|entries|figure|figures|number|amount|data|info|information) (?:for|in|under|on) "
    r"(?:the |their |its )?(?P<col>{C})(?: (?:column|field|slot|box|cell))?"
)
# Verbs of keeping a record of a value: 'we hold no email for them'.
HOLD = r"(?:hold|held|keep|kept|store|stored|retain|retained|carry|carried)"
# Verbs of having a service or a thing: 'take', 'use', 'pay for'.
TAKEN = (
    r"take|takes|took|taking|use|uses|used|using|get|gets|got|buy|buys|bought|pay for|pays for|paid for|receive"
    r"|receives|subscribe to|subscribes to|subscribed to|sign up for|signed up for|opt for|opted for|carry|carries"
)  # not 'have': 'where an order has no ship date, use ...' is a fill's condition, read with the fill
# Nouns for the kind of thing a column's value is, said after it: 'internet package', 'internet plan'.
KIND = r"(?: (?:package|packages|plan|plans|service|services|option|options|subscription|connection|deal|product))?"
