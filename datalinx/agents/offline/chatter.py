"""Asides around a request that ask for nothing: 'don't need them', 'just the overall number is fine', 'no rush',
'want to compare it to the unit price'. Read last, so a reader takes first whatever names a column or an operation;
an aside is dropped only when it names nothing of the data, or only a column the answer already holds. The one aside
that does name what is wanted ('just the names is fine') is read early, as the columns to show."""

from __future__ import annotations

from datalinx.agents.offline.columns import COLUMNS, _select
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.plan import Condition
from datalinx.agents.offline.sentence import Match

AFTER = r"(?<=[.?!;,] )"  # an aside follows a pause: it is its own sentence or clause
UNTIL = r"(?= [.?!;,]|$)"
PRONOUN = r"(?:them|it|those|these|that|this|the rest)"
# the answer needs nothing more: 'just the overall number is fine', 'a rough figure would be ok'
ENOUGH = (
    r"(?:just |only )?(?:the |a |one )?(?:(?:overall|total|single|rough|ballpark|final|plain|one) )?(?:number|figure"
    r"|value|answer|result|estimate)(?: is| would be| will be| s) (?:fine|ok|okay|enough|great|perfect|good|all "
    r"(?:i|we) need)"
)
# the values each once need nothing beside them: 'just the list is fine', 'a plain list will do'
LIST_ENOUGH = (
    r"(?:just |only )?(?:the |a )?(?:plain |simple |bare )?list(?: of them)?(?: is| would be| will be| s| will| would)?"
    r" (?:fine|ok|okay|enough|great|perfect|good|do|all (?:i|we) need)"
)
# the user's own reason or thanks: 'don't need them', 'no rush', 'much appreciated'
UNNEEDED = (
    r"(?:(?:i|we) )?(?:do not|dont|not|never|no longer) need " + PRONOUN + r"(?: (?:anymore|any more|now|at all))?"
)
# the columns a narrowing leaves out, said unneeded by someone: 'the pricing team doesn't need the rest', 'finance
# doesn't need the other columns', 'we won't need anything else'
OTHERS_UNNEEDED = (
    r"(?:(?:i|we|they|(?:the |our )?(?:[a-z]+ )?(?:team|department|dept|folks|people|guys|lot)|finance|sales|legal"
    r"|marketing|ops|hr|pricing|management|accounting) )?(?:do not|dont|not|never|no longer|will not|won't|wont"
    r"|won t) need (?:the rest|the others|the other (?:columns|fields|ones)|anything else|everything else|the rest of"
    r" (?:the )?(?:columns|fields|them|it))(?: (?:anymore|any more|now|at all))?"
)
THANKS = (
    r"(?:no rush|no hurry|much appreciated|much obliged|(?:thanks|thank you) (?:so |very )?much|many thanks"
    r"|(?:when|whenever) (?:you )?(?:have|get|got) (?:the )?(?:time|a (?:sec|second|minute|moment|chance)))"
)
# the columns not named are kept: 'everything else can stay' after a drop, 'full rows please' where all are kept
REST_STAYS = (
    r"(?:everything|anything|all|the rest|every other column|all the other columns|the other columns) ?(?:else )?"
    r"(?:can|may|should|is to|are to) (?:stay|remain|be kept)(?: as (?:it is|is))?"
)
FULL_ROWS = r"(?:(?:i want|i need|give me|show|keep) )?(?:the )?(?:full|whole|entire|complete) rows(?: please)?"
# what the user is working on: "I'm working on an age breakdown", 'it's for a churn report'
WORK = (
    r"(?:(?:i|we) (?:am |are )?(?:working|doing|putting together|building|preparing) on |(?:i|we) (?:am |are )?"
    r"(?:doing|putting together|building|preparing) |it (?:is )?for )(?:a |an |the |my |our |some )?"
    r"(?:(?P<col>{C}) |[a-z]+ ){0,2}(?:breakdown|report|analysis|deck|presentation|dashboard|review|study|accruals"
    r"|accrual|reconciliation|audit|forecast|budget|meeting|close|closing|campaign)s?"
)
BREAKDOWN = (
    r"(?:(?:i |we )?(?:need|want|would like|'d like|d like) )?(?:a |the |some )?(?:breakdown|rundown|split)"
    r"(?: (?:please|pls))?"
)
# the user's view of the choice: 'seems the fairest guess', 'sounds reasonable'
JUDGEMENT = (
    r"(?:(?:it|that|this) )?(?:seems|sounds|looks|feels) (?:like )?(?:the |a )?(?:most )?(?:fairest|fair|best|safest"
    r"|sensible|reasonable|simplest)(?: (?:guess|option|choice|approach|bet|estimate|way|one))?(?: to me)?"
)
PURPOSE = (
    r"(?:so |because |as )?(?:(?:i|we) )?(?:(?:want|need|would like|wanna|plan|hope|am going|m going|are going) to"
    r" )?(?:compare|compared) " + PRONOUN + r"(?: (?:to|with|against) (?:the |their |its )?(?P<col>{C}))?"
)

# the rows without a value in a grouping column, said beside the grouping: 'blanks can be their own group' (as it is
# grouped: no step), 'leave out the blanks' (the rows with a value only)
BLANKS = (
    r"(?:the )?(?:blanks|blank ones|blank rows|empty ones|empties|empty rows|nulls|null ones|missing ones|missing"
    r"|missing values|unknowns|unknown ones|ones without (?:one|a value|any)|rows without (?:one|a value|any))"
)
OWN_GROUP = r"(?:(?:their|its) own|a separate|one|a|an extra|a single) (?:group|bucket|row|category|line)"
BLANKS_GROUPED = (
    rf"(?:(?:count|keep|treat|show|leave|put|lump) {BLANKS} (?:as|in|into) {OWN_GROUP}|{BLANKS} (?:can|may|should"
    rf"|could|will) (?:be|form|make|get|have|stay|go in|go into|count as|show as|appear as) {OWN_GROUP}"
    rf"(?: of their own)?|{BLANKS} as {OWN_GROUP}(?: (?:is|are) (?:fine|ok|okay))?|(?:keep|include|count) {BLANKS}"
    rf"(?: too| as well)?)"
)
BLANKS_LEFT_OUT = (
    rf"(?:(?:leave out|leaving out|ignore|ignoring|skip|skipping|drop|dropping|exclude|excluding|remove|removing"
    rf"|without|no|don't count|do not count|not counting) {BLANKS}|{BLANKS} (?:can|should|may) (?:go|be left out"
    r"|be dropped|be ignored|be excluded|be skipped))"
)


# the same with the grouping column named, read before a test of its blanks is: 'treat missing cities as a separate
# group', 'empty cities grouped together', 'ignore missing cities' (beside 'per city' only)
EMPTY = r"(?:missing|empty|blank|null|unknown)"
COLUMN_GROUPED = (
    rf"(?:(?:treat|count|put|keep|lump|leave|show) (?:the |any )?{EMPTY} (?P<col>{{C}}) (?:as|in|into) {OWN_GROUP}"
    rf"|(?:the )?{EMPTY} (?P<col2>{{C}}) (?:grouped together|(?:can|may|should|could|will) (?:be|form|go in|go into"
    rf"|count as) {OWN_GROUP}|as {OWN_GROUP}|in {OWN_GROUP})|(?:the )?[^ ]+ (?:without|with no) (?:a |an |any )?"
    rf"(?P<col3>{{C}}) (?:can|may|should|could|will) (?:be|form|go in|go into|count as) {OWN_GROUP})"
)
COLUMN_LEFT_OUT = (
    rf"(?:ignore|ignoring|exclude|excluding|skip|skipping|leave out|leaving out|drop|dropping) (?:the |any )?{EMPTY}"
    r" (?P<col>{C})(?! (?:columns?|fields?)\b)"
)

# what a sort brings to one end, said as why: 'checking the odd negatives' beside 'smallest first'; with no sort it
# may be a test of the rows, so it is left to be said
SURFACED = (
    r"(?:just |mainly |mostly )?(?:checking|looking at|looking for|eyeballing|spotting|hunting down|chasing)"
    r"(?: out| up)? (?:the |any |some |a few |those )?(?:odd |occasional |stray |few |weird |strange |suspicious "
    r"|rogue )?(?:negatives|negative ones|negative values|zeros|zeroes|outliers|extremes|oddballs)"
)


def read_blank_groups(ctx: Context) -> None:
    """The blanks of a grouping column said with it: a group of their own, or left out; before tests of blanks."""
    ctx.sentence.scan(COLUMN_GROUPED, lambda m: _grouped(ctx, m) is not None or _ungrouped(ctx, m))
    ctx.sentence.scan(COLUMN_LEFT_OUT, lambda m: _left_out(ctx, m))


def _grouped(ctx: Context, match: Match) -> str | None:
    """The column a match names, when the request groups by it ('per city', 'each city'), else None."""
    item = match.item("col") or match.item("col2") or match.item("col3")
    column = ctx.column(item) if item is not None else None
    if column is None:
        return None
    grouping = r"(?:per|each|by|every|across) (?:the |their |its )?(?P<col>{C})"
    for found in ctx.sentence.matches(grouping):
        said = found.item("col")
        if said is not None and said is not item and ctx.column(said) == column:
            return column
    return None


def _ungrouped(ctx: Context, match: Match) -> bool:
    """Blanks as a group of a column nothing is grouped by: said, never read as a value to fill them with."""
    said = " ".join(ctx.sentence.items[i].text for i in match.indexes)
    ctx.refuse(f"{said} (a group of the blanks, but nothing is grouped by that column)")
    return True


def _left_out(ctx: Context, match: Match) -> bool:
    """'ignore missing cities' beside 'per city': a test that the grouping column is present."""
    column = _grouped(ctx, match)
    if column is not None:
        ctx.plan.add_filter(Condition.present(column))
    return column is not None


def _blanks_left_out(ctx: Context) -> bool:
    """The rows with no value in a grouping column left out before counting: a test that each one is present."""
    columns = [ctx.period_dates.get(g, g) for g in ctx.groups]
    if not ctx.groups or any(ctx.grounding.column(ctx.base, c) is None for c in columns):
        return False
    for column in dict.fromkeys(columns):
        ctx.plan.add_filter(Condition.present(column))
    return True


def read_enough_columns(ctx: Context) -> None:
    """'just the names is fine': the columns wanted, said as enough; read before 'names is fine' is a test of name."""
    ctx.sentence.scan(
        r"(?:just |only )?(?:the |their |its )?" + COLUMNS + r"(?: columns?| fields?)? (?:is|are|would be|will be|s) "
        r"(?:fine|ok|okay|enough|all (?:i|we) need)" + UNTIL,
        lambda m: _select(ctx, m),
    )


def read_chatter(ctx: Context) -> None:
    """Asides that ask for nothing, taken once the clauses took what they understood."""
    scan = ctx.sentence.scan
    scan(AFTER + OTHERS_UNNEEDED + UNTIL, lambda m: bool(ctx.plan.select))
    scan(UNNEEDED, lambda m: ctx.plan.touched)  # 'drop email, we don't need it': what was dropped, said again
    scan(AFTER + THANKS + UNTIL, lambda m: ctx.plan.touched)
    scan(AFTER + JUDGEMENT + UNTIL, lambda m: ctx.plan.touched)
    scan(AFTER + SURFACED + UNTIL, lambda m: bool(ctx.plan.sort) and ctx.plan.aggregate is None and not ctx.groups)
    # 'per country? just the overall number is fine' contradicts the grouping: said, not dropped
    scan(AFTER + ENOUGH + UNTIL, lambda m: ctx.plan.touched and not ctx.groups)
    scan(AFTER + LIST_ENOUGH + UNTIL, lambda m: bool(ctx.plan.distinct))
    scan(AFTER + PURPOSE + UNTIL, lambda m: ctx.plan.touched and _kept(ctx, m))
    scan(AFTER + WORK + UNTIL, lambda m: ctx.plan.touched and _kept(ctx, m))
    # 'only counting orders that weren't cancelled': the test read from the rows named, which 'only' said already
    # 'need a breakdown': the grouping asked, or (nothing grouped) a grouping the request never says, said
    scan(AFTER + BREAKDOWN + UNTIL, lambda m: bool(ctx.groups) or bool(ctx.refuse(m.text)) or True)
    counted = r"(?:only|just) (?:counting|including|considering|taking|looking at|using|keeping)"
    scan(counted + r"(?= (?:the )?(?:§|@t\d+|ones|those))", lambda m: bool(ctx.plan.filters))
    scan(AFTER + REST_STAYS + UNTIL, lambda m: bool(ctx.plan.drop) and ctx.plan.select is None)
    scan(AFTER + FULL_ROWS + UNTIL, lambda m: ctx.plan.select is None and _rows_kept(ctx))
    # after a pause, a dash or words taken already ('count' read with 'how many': 'count the blanks as a group')
    scan(r"(?<=[.?!;,\-§] )" + BLANKS_GROUPED + UNTIL, lambda m: bool(ctx.groups))
    scan(r"(?<=[.?!;,\-§] )" + BLANKS_LEFT_OUT + UNTIL, lambda m: _blanks_left_out(ctx))


def _kept(ctx: Context, match: Match) -> bool:
    """Whether the column a purpose names ('to compare it to the unit price') is in the answer as planned."""
    item = match.item("col")
    if item is None:
        return True
    ref = ctx.column_ref(item)
    if ref is None or ref.dataset != ctx.base or ctx.plan.aggregate is not None or ctx.measures or ctx.groups:
        return False
    kept = ctx.plan.select is None or ref.column in ctx.plan.select
    return kept and ref.column not in ctx.plan.drop


def _rows_kept(ctx: Context) -> bool:
    """Whether the answer is some rows of the base with every column: no summary, grouping or drop (a row kept per
    group, 'for each service the subscriber with the highest charges', is whole rows)."""
    picked = ctx.pick is not None and not ctx.measures
    dropped = [c for c in ctx.plan.drop if c not in ctx.plan.prepare]  # a helper column computed and dropped again
    if not (ctx.plan.touched or picked) or ctx.plan.aggregate is not None or ctx.measures or dropped:
        return False
    return not ctx.groups or picked
