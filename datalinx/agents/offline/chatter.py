"""Asides around a request that ask for nothing: 'don't need them', 'just the overall number is fine', 'no rush',
'want to compare it to the unit price'. Read last, so a reader takes first whatever names a column or an operation;
an aside is dropped only when it names nothing of the data, or only a column the answer already holds. The one aside
that does name what is wanted ('just the names is fine') is read early, as the columns to show."""

from __future__ import annotations

import re
from dataclasses import replace

from datalinx.agents.offline.columns import COLUMNS, _select
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef, Grounding, ValueRef
from datalinx.agents.offline.plan import Condition
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.tokens import Token, fold
from datalinx.core.pipelines.types import ColumnType

AFTER = r"(?<=[.?!;,] )"  # an aside follows a pause: it is its own sentence or clause
UNTIL = r"(?= [.?!;,]|$)"
PRONOUN = r"(?:them|it|those|these|that|this|the rest)"
# the answer needs nothing more: 'just the overall number is fine', 'a rough figure would be ok'
ENOUGH = (
    r"(?:just |only )?(?:the |a |one )?(?:(?:overall|total|single|rough|ballpark|final|plain|one) )?(?:number|figure"
    r"|value|answer|result|estimate)(?: is| would be| will be| s) (?:fine|ok|okay|enough|great|perfect|good|all "
    r"(?:i|we) need)"
)
# the user's own reason or thanks: 'don't need them', 'no rush', 'much appreciated'
UNNEEDED = (
    r"(?:(?:i|we) )?(?:do not|dont|not|never|no longer) need " + PRONOUN + r"(?: (?:anymore|any more|now|at all))?"
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
    scan(UNNEEDED, lambda m: ctx.plan.touched)  # 'drop email, we don't need it': what was dropped, said again
    scan(AFTER + THANKS + UNTIL, lambda m: ctx.plan.touched)
    scan(AFTER + JUDGEMENT + UNTIL, lambda m: ctx.plan.touched)
    # 'per country? just the overall number is fine' contradicts the grouping: said, not dropped
    scan(AFTER + ENOUGH + UNTIL, lambda m: ctx.plan.touched and not ctx.groups)
    scan(AFTER + PURPOSE + UNTIL, lambda m: ctx.plan.touched and _kept(ctx, m))
    scan(AFTER + WORK + UNTIL, lambda m: ctx.plan.touched and _kept(ctx, m))
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


# --- the framing around a request -------------------------------------------------------------------------------
# Chatty requests wrap the ask in words that ask for nothing: a greeting and the ask before it ('hi there, could you
# pull'), hedges, reasons and thanks after it ('if possible. it's for month-end accruals. cheers'). They are taken
# off the request's two ends before the datasets are chosen, so no word of a reason ('we're reviewing churn', 'for a
# customer call') is read as a dataset, column or test; so is a closing reason, circumstance or feeling ('planning a
# meetup', 'the report tool chokes on blanks'). Patterns are over the words as typed, lower-cased.
OPENER = (
    r"(?:(?:hi|hey|hello|hiya|heya|howdy|yo|morning|afternoon|evening|greetings|good (?:morning|afternoon|evening)"
    r"|dear [a-z]+)(?: there| all| team| everyone| folks| guys| you| again)?|quick (?:one|question|ask|favou?r)"
    r"|(?:ok|okay|right|alright) so|ok|okay|so|um|hmm|sorry to bother you|happy (?:monday|friday|new year|holidays)"
    r"|(?:i )?hope (?:you're|you are|you|all is|everything is|you've|you have|you had)(?: been| doing| having| had)?"
    r" (?:well|good|great|fine|a good (?:weekend|week|day|break|holiday|trip|one)))"
    r"(?: :\)| :-\)| [,:;!.-])*"
)
NAMED_OPENER = r"(?:hi|hey|hello|morning|dear|thanks) [a-z]+ [,:!-]"  # 'Hi Sam,': a greeting and a name
LEAD_HEDGE = r"(?:i think|i guess|i believe|ideally|honestly|basically|if possible ,|if you can ,)"
MODAL = (
    r"(?:would you be able to|are you able to|(?:could|can|would|will) you(?: possibly| please| maybe| kindly)?"
    r"(?: please)?(?: mind)?|(?:do|would) you mind|mind|please|kindly|(?:is there )?any chance (?:you could|you can|of)"
    r"|(?:i was |i am |i'm |just )?wondering if you could|i wonder if you could|would it be possible to"
    r"|is it possible to|(?:i|we) (?:need|want|would like|'d like|d like) you to|i'd like you to|we'd like you to"
    r"|(?:i|we) (?:need|want|would like|would love|have) to|(?:i'd|we'd|id) (?:like|love) to|can (?:i|we) ask you to"
    r"|could (?:i|we) ask you to|help me|can we|could we|let's|lets|pls|plz|do you think you could|think you could"
    r"|(?:is there )?(?:a|any) way (?:to|you could)|could you quickly|can you quickly)"
)
# verbs that only fetch, which no reader reads; after an ask, 'get', 'find', 'have' and 'see' too ('show', 'list'
# and 'give' stay: readers of columns know them); never 'pull in' (a join) or 'get rid of'
ODD_FETCH = (
    r"(?:pull(?:ing)?(?: up| out)?|grab(?:bing)?|getting|fetch(?:ing)?|dig(?:ging)? (?:out|up)|finding|listing"
    r"|showing|giving|look(?:ing)? up|bring(?:ing)? up|dredge up|fish out|send(?:ing)? (?:me|us)"
    r"|put(?:ting)? together(?: a list of| a table of)?)"
)
FETCH = rf"(?:{ODD_FETCH}|get|find|have|see)(?: me| us)?(?! (?:rid|in|into|back|together|of|off|on)\b)"
STATED = (
    r"(?:(?:i|we) (?:really )?(?:need|want|would like|'d like|would love|'d love)"
    r"|(?:i'd|we'd|id) (?:really )?(?:like|love)"
    r"|(?:i am|we are|i'm|we're|im) (?:after|looking for|hoping for|interested in)"
    r"|(?:can|could|may) (?:i|we))"
)
ASK = rf"(?:(?:{MODAL}|{STATED})(?: {FETCH})?|{ODD_FETCH}(?: me| us)?)(?! (?:rid|in|into|of|to|together|back)\b)"
SIGN_OFF = (
    r"(?:(?:thanks|thank you|thx|thnx|thanx|tks|ty|ta|cheers)(?: (?:a lot|a bunch|a million|so much|very much|heaps"
    r"|loads|in advance|again|mate|all|team|kindly|!))*|many thanks|much appreciated|(?:i )?appreciate it|appreciated"
    r"|much obliged|(?:no rush|no hurry|no worries|no pressure)(?: at all)?|(?:best|kind|warm)? ?regards|best"
    r"|you're a star|legend|you rock|please|asap(?: please| pls)?|long story(?: short)?|just curious|out of curiosity"
    r"|(?:can|could|would) you (?:help|do that|do this|manage that)(?: with (?:that|this))?|is (?:that|this)"
    r" (?:doable|possible|ok|okay)|would (?:that|this) be (?:possible|ok|okay)|possible|doable|any chance)"
)
# 'just need the number': said after a count, the single number it already gives
ONE_NUMBER = (
    r"(?:(?:i|we) )?(?:just|only) (?:need|want) (?:the|a|one) (?:single )?(?:number|figure|count|total)"
    r"|(?:just|only) (?:the|a|one) (?:single )?(?:number|figure|count|total)(?: please| pls)?"
    r"|(?:a|one) (?:single )?(?:number|figure) (?:is|will do|would do)(?: fine| enough| ok| okay)?"
)
COUNTED = r"\b(?:how many|how much|count|number of|total)\b"
THANKS_SAID = r"(?:thanks|thank you|thx|cheers|many thanks|much appreciated)(?: (?:a lot|so much|in advance))?"
HEDGE = (
    r"(?:if (?:at all )?possible|if you (?:can|could)|if (?:that's|that is|it's|it is) (?:possible|ok|okay|alright"
    r"|fine|easy|doable|not too much (?:trouble|hassle|work)|no trouble)|if (?:that|it) works|if it's not a hassle"
    r"|when(?:ever)? you (?:get|have|got) (?:a )?(?:chance|sec|second|minute|moment|time)|whenever you can"
    r"|if you (?:don't|do not) mind|if you have (?:the )?time|at your convenience|when convenient|no worries if not"
    r"|ideally|i think|i guess|if that makes sense|please|pls|plz)"
)
TIME = (
    r"(?: (?:by )?(?:tomorrow|today|tonight|later|soon|eod|end of (?:day|week)|asap"
    r"|next (?:week|month|quarter|monday|tuesday|wednesday|thursday|friday)"
    r"|this (?:week|afternoon|morning|evening|friday)|on (?:monday|tuesday|wednesday|thursday|friday)"
    r"|(?:for |on |by )?(?:monday|tuesday|wednesday|thursday|friday)))?"
)
DET = r"(?:a|an|the|our|my|this|next|tomorrow's|monday's|friday's|some|a quick|the weekly|the monthly)"
WORK_NOUN = (
    r"(?:report|review|deck|meeting|call|sync|standup|stand-up|presentation|slides?|dashboard|audit|update|check"
    r"|sanity check|look|glance|email|newsletter|board pack|pack|catch-up|catch up|workshop|offsite|memo|analysis"
    r"|forecast|budget|spreadsheet|accruals|close|planning|reference|comparison|pitch)s?"
)
AUDIENCE = r"(?:team|office|folks|people|department|dept|crew|squad|leadership|board|execs|boss|manager|lead|group)"
TEAMS = r"(?:finance|sales|legal|marketing|ops|hr|management|leadership|cfo|ceo|director|client|accounting|audit)"
TOPIC = r"(?: (?!for\b)[a-z0-9'-]+){0,3}?"  # what the work is on: 'a customer call', 'the churn review'
# a reason said with the ask, and whether a column it names is the work's subject ('a revenue review'), not rows
PURPOSES: list[tuple[str, bool]] = [
    (rf"(?:(?:it's|it is|this is|that's|its|need it|need them|needed|(?:i|we) need (?:it|them|this)) )?(?:for|(?:it's"
     rf"|it is|this is|it) (?:going|goes) (?:in|into))(?: {DET})?{TOPIC} {WORK_NOUN}{TIME}", True),
    (rf"for {DET}{TOPIC} {AUDIENCE}", True),
    (r"(?:it's|it is|this is|its|need it|need them|(?:i|we) need (?:it|them|this)) for(?: [^ ]+){1,5}",
     False),
    (r"so (?:that )?(?:i|we) can(?: [^ ]+){1,6}", False),
    (rf"(?:i'm|i am|we're|we are|im) (?:putting together|reviewing|preparing|prepping|working on|doing|building"
     rf"|presenting|discussing|going over|closing|planning|updating|refreshing|finishing|writing|drafting|compiling)"
     rf"(?: {DET})?{TOPIC}(?: {WORK_NOUN})?{TIME}", True),
    (rf"(?:(?:my|our|the) (?:[a-z]+ ){{0,2}}(?:{AUDIENCE}|{TEAMS})(?: [a-z]+)?|{TEAMS})"
     r" (?:asked|wants|needs|requested|is asking|are asking)(?: (?:it|this|them|(?:a|the) (?:list|copy|table|file"
     r"|spreadsheet|breakdown|rundown|summary|export)(?: of (?:it|this|them|these|those))?))?(?: for (?:it|this|them))?"
     rf"(?: to (?:see|look at|review|check|have) (?:it|this|them))?{TIME}", True),
    (r"(?:just )?(?:(?:i|we) )?(?:want|wanted|need|have|'d like) to (?:double[- ]?check|check|sanity[- ]check|verify"
     r"|confirm|look at|see|understand) (?:something|a thing|a few things|some numbers|the numbers|it|them|this)",
     False),
]  # fmt: skip
# A closing reason, circumstance or feeling that asks for nothing ('planning a meetup', 'the test ones mess up my
# numbers', 'seems fairer than one global number'): led by what the user is doing, a verb no pipeline has ('planning',
# 'looking at', 'trying to'), by a subject (the user, a tool, 'it', 'the test ones') and a verb of how the data
# troubles it ('chokes on', 'skews'), or by a judgement of the choice. One with a word that restricts or compares
# ('only', 'over', 'skip') is a test, never a reason; one naming rows ('the test ones') names rows already asked for.
USER_IS = r"(?:i'm|i am|we're|we are|im|i've been|we've been|been|i was|we were|just|mostly|currently|still|really)"
DOING = (
    r"(?:planning(?: for| out| ahead for)?|doing|looking (?:at|into)|trying to|hoping to|working (?:on|out|through)"
    r"|thinking (?:about|of)|getting ready for|preparing for|prepping for|gearing up for|figuring out|digging into"
    r"|researching|exploring|investigating|sizing up|mapping out|scoping(?: out)?|budgeting for|studying|chasing"
    r"|following up on|keeping an eye on|wondering (?:about|why|if|whether|how|what)|curious (?:about|why|how|whether"
    r"|if|what)|worried about|concerned about|interested in|meaning to|hoping (?:that|it|it's|this|we))"
)
# what the user meets: 'seeing a lot of noise', "we're getting complaints" ('getting' alone asks: 'getting the X')
USER_SEES = r"(?:seeing|noticing|hearing|fielding|dealing with|struggling with|stuck on)"
# what the user says they are busy with, any verb but one a pipeline has: "we're revamping the pricing"
BUSY = (
    r"(?:i'm|i am|we're|we are|im|i've been|we've been)(?: (?:just|currently|still|really|mostly))? (?!(?:sorting"
    r"|ordering|ranking|grouping|filtering|dropping|removing|deleting|renaming|joining|merging|splitting|filling"
    r"|replacing|deduping|deduplicating|selecting|keeping|excluding|including|picking|limiting|counting|summing"
    r"|adding|averaging|totalling|totaling|calculating|computing|comparing|using|treating|rounding|showing|listing"
    r"|pulling|getting|grabbing|fetching|taking|going|matching|linking|combining|converting|starting|ending"
    r"|missing|looking for|after|hoping for|interested)\b)[a-z]+ing"
)
# getting in touch with the rows' people, which asks nothing of the data: 'call them', 'chase them up'
REACH = (
    r"(?:call|contact|email|ring|phone|text|ping|nudge|remind|reach out to|target|visit|thank|invite|survey"
    r"|follow up with|check in with|pitch to|mail|write to|chase(?: after)?) (?:them|these|those|everyone|each of them)"
    r"(?: up| down| about (?:it|this|that))?"
)
TROUBLES = (
    r"(?:mess(?:es|ed)? (?:up|with)|messing (?:up|with)|skew(?:s|ed)?|skewing|throw(?:s)? off|throwing off|break(?:s)?"
    r"|breaking|broke|choke(?:s|d)?|choking|crash(?:es|ed)?|crashing|fall(?:s)? over|trip(?:s)? (?:up|over)"
    r"|confuse(?:s)?|inflate(?:s)?|distort(?:s)?|pollute(?:s)?|clutter(?:s)?|ruin(?:s)?|screw(?:s)? (?:up|with)"
    r"|bug(?:s)? me|annoy(?:s)? me|drive(?:s)? me (?:nuts|crazy|mad)|keep(?:s)? (?:coming up|popping up|showing up"
    r"|[a-z]+ing)|(?:is|are|was|were|gets?|got) (?:confused|thrown|tripped up|put off|annoyed|frustrated|stuck)"
    r"(?: by| on| with)?|come(?:s)? up|came up|(?:can't|cannot|won't|doesn't|does not|don't"
    r"|do not|didn't) (?:handle|cope with|deal with|take|read|load|accept|like|support|parse|display|trust|open"
    r"|import|render|plot|chart|export)"
    r"|(?:is|are|was|were|'s|'re) (?:off|wrong|weird|odd|broken|confusing|annoying|messy|noisy|a mess|a pain"
    r"|useless|misleading|garbage|junk)|(?:look|seem)(?:s)? (?:off|wrong|weird|odd|strange|suspicious|fishy)"
    r"|asked(?: about (?:it|this|them))?|wants? to know|keeps asking|noticed|spotted|(?:wants?|needs?|would like"
    r"|'d like|plans?|hopes?|is going|are going|'s going|'re going) to " + REACH + ")"
)
ROWS = r"(?:ones|rows|records|entries|lines|accounts)"  # what names rows as a subject: 'the test ones'
SUBJECT = (
    rf"(?:i|we|they|it|this|that|these|those|something|nothing|everything|people|everyone|someone|nobody"
    rf"|(?:my|our) [a-z'-]+(?: [a-z'-]+)?|the (?P<rows>(?:[a-z'-]+ ){{1,2}}){ROWS}|the (?:[a-z'-]+ ){{0,2}}(?!ones\b)"
    rf"[a-z'-]+|{TEAMS}|excel|tableau|looker|power bi|powerbi|salesforce|hubspot|the crm)"
)
JUDGED = (
    r"(?:(?:it|that|this) (?:seems|sounds|looks|feels|is)|it's|that's|its|thats|seems|sounds|looks|feels)(?: like)?"
    r"(?: a| the)?(?: bit| lot| much| way)?(?: more)? (?:fair|fairer|fairest|better|best|safer|safest|sensible"
    r"|reasonable|simpler|simplest|cleaner|accurate|realistic|honest|nicer|easier|right|useful)"
)
CONNECTIVE = r"(?:because|cause|'cause|cos|coz|since|as|btw|fyi|fwiw|also|oh|and|but|plus|ps)"  # 'because we're ...'
REASONS = [
    rf"(?:{USER_IS} )*{DOING}(?: [^ ]+){{1,8}}",
    rf"{BUSY}(?: [^ ]+){{0,8}}",
    rf"(?:(?:{USER_IS} )*{USER_SEES}|{USER_IS} getting)(?: [^ ]+){{1,8}}",
    rf"{SUBJECT} {TROUBLES}(?: [^ ]+){{0,6}}",
    rf"{JUDGED}(?: [^ ]+){{0,6}}",
    rf"(?:(?:i|we|i'd|we'd|i'll|we'll) )?(?:want|wanted|need|like|would like|'d like|plan|hope|am going|'m going"
    rf"|are going|'re going|going) to {REACH}(?: [^ ]+){{0,4}}",
]
RESTRICTS = (
    r"\b(?:only|not|no|non|except|excluding|exclude|without|skip|skipping|drop|remove|leave out|leaving out|filter"
    r"|over|under|above|below|more than|less than|fewer than|at least|at most|between|before|after|since|older"
    r"|younger|newer|top|bottom|highest|lowest|biggest|smallest|largest|cheapest|latest|earliest|most recent|just"
    r" the|ignore|ignoring|per|each|every|sort|sorted|order by|ordered by|rank|ranked|group by|grouped by|broken down"
    r"|break (?:it |them )?down|filtered|dropped|removed|delete|deleted|rename|renamed|join|joined|merge|merged"
    r"|split|fill|filled|replace|replaced|dedupe|deduped|select|selected|keep (?:the|only|them|it|just)|kept"
    r"|include|included|pick|limit)\b"
)
PAUSES = frozenset({",", ";", ":", ".", "!", "?", "-", "--", "\u2013", "\u2014"})


def unframe(tokens: list[Token], grounding: Grounding, request: str) -> tuple[list[Token], list[str]]:
    """The tokens of the ask without its framing, and the reasons said with it that name data (said, not guessed)."""
    words = [re.sub(r"\s", "_", fold(t.text).replace("\u2019", "'")) for t in tokens]  # one word per token
    unclear: list[str] = []
    start, opened = _framed_start(words), _framed_start(words, asking=False)
    # a reason said first: "I'm working on a churn analysis, could you get me ...", 'getting ready for the review, ...'
    pause = next((i for i in range(start, len(tokens)) if words[i] in PAUSES and _spaced(tokens, i)), None)
    if pause is not None and any(
        _said_for_nothing(words[at:pause], tokens[at:pause], grounding, request, unclear, tokens[pause + 1 :], True)
        for at in dict.fromkeys((start, opened))
    ):
        start = _framed_start(words, pause + 1)
    end = len(tokens)
    while end > start:
        cut = _framed_end(words, tokens, start, end, grounding, request, unclear)
        if cut is None:
            break
        end = cut
    core = tokens[start:end]
    if not any(t.kind in ("word", "number", "quoted", "date", "month") for t in core):
        return tokens, []  # nothing but framing ('hello', 'thanks!'): the request as it is, to be said unclear
    return core, unclear


def _framed_start(words: list[str], start: int = 0, asking: bool = True) -> int:
    """Where the ask begins: after greetings, leading hedges and (when `asking`) the words that ask."""
    for pattern in (NAMED_OPENER, OPENER, LEAD_HEDGE, OPENER, ASK) if asking else (NAMED_OPENER, OPENER, LEAD_HEDGE):
        while (length := _match_length(pattern, words[start:])) is not None:
            start += length
    return start


def _framed_end(
    words: list[str], tokens: list[Token], start: int, end: int, grounding: Grounding, request: str, unclear: list[str]
) -> int | None:
    """Where the ask ends if its last clause (after a pause, or a hedge or reason at its very end) is framing."""
    last = end
    while last > start and words[last - 1] in PAUSES:
        last -= 1
    pauses = [i for i in range(start, last) if words[i] in PAUSES and _spaced(tokens, i)]
    pause = pauses[-1] if pauses else None
    if pause is not None and _said_for_nothing(words[pause + 1 : last], tokens[pause + 1 : last], grounding, request,
                                               unclear, tokens[start:pause]):  # fmt: skip
        return pause
    named = len(pauses) > 1 and last - pauses[-1] == 2 and words[pauses[-1]] == "," and tokens[last - 1].text.istitle()
    if named and re.fullmatch(SIGN_OFF, " ".join(words[pauses[-2] + 1 : pauses[-1]])):  # 'cheers, Alex': and a name
        return pauses[-2]
    tail = " ".join(words[start:last])
    for pattern in (THANKS_SAID, HEDGE, *(p for p, topical in PURPOSES if topical)):
        found = re.search(rf" (?:{pattern})$", tail)
        if found is None:
            continue
        length = len(found.group(0).split())
        if last - length > start and _said_for_nothing(words[last - length : last], tokens[last - length : last],
                                                        grounding, request, unclear):  # fmt: skip
            return last - length
    return None


def _said_for_nothing(
    clause: list[str],
    tokens: list[Token],
    grounding: Grounding,
    request: str,
    unclear: list[str],
    ask: list[Token] | None = None,
    first: bool = False,
) -> bool:
    """Whether a clause is thanks, a hedge or a reason; a reason naming a value, a number or a column beyond the
    subject of the work ('for the Germany team', 'it's for customers in Italy') is taken but said as unclear. `ask`:
    the tokens of the request the clause is said beside (before it when `first`)."""
    text = " ".join(w for w in clause if w not in PAUSES)
    if re.fullmatch(f"(?:{SIGN_OFF}|{HEDGE})(?: (?:{SIGN_OFF}|{HEDGE}))*", text):
        return True
    if re.fullmatch(ONE_NUMBER, text) and re.search(COUNTED, request.lower()):
        return True
    for pattern, topical in PURPOSES:
        found = re.fullmatch(pattern, text)
        if found is None:
            continue
        named = _data_named(tokens, grounding, request, topical)
        if named is None:
            return False  # 'for electronic check': the work noun is a value's word, so a test of the rows
        if named:
            _said_unclear(tokens, request, unclear)
        return True
    if ask is not None and (rows := _reason(text, ask)) is not None:
        named = _reason_names_data(tokens[rows:], grounding, request, _scope(ask, grounding, request), first)
        if named is not None:
            if named and not _restates(tokens[rows:], ask, grounding, request):
                _said_unclear(tokens, request, unclear)
            return True
    return False


def _restates(tokens: list[Token], ask: list[Token], grounding: Grounding, request: str) -> bool:
    """Whether the only data a reason names are values the ask names too ('the toys category? doing a toy sales
    review'): the work the answer is for, not a further test."""
    from datalinx.agents.offline.entities import entities

    if any(t.kind in ("number", "quoted", "date", "month") for t in tokens):
        return False
    every = grounding.dataset_names
    found = [c for c in entities(tokens, grounding, every, request).values() if c.kind != "ds"]
    values = [c for c in entities(ask, grounding, every, request).values() if c.kind == "val"]
    asked = {(r.dataset, r.column, r.value) for c in values for r in c.refs if isinstance(r, ValueRef)}
    said = [{(r.dataset, r.column, r.value) for r in c.refs if isinstance(r, ValueRef)} for c in found]
    return bool(said) and all(refs and refs <= asked for refs in said)


def _said_unclear(tokens: list[Token], request: str, unclear: list[str]) -> None:
    """A reason that names data, said back as not understood: the user's work, or a test of the rows?"""
    unclear.append(f"{request[tokens[0].start : tokens[-1].end]} (a reason for the request, or part of it?)")


def _reason(text: str, ask: list[Token]) -> int | None:
    """Whether a clause is a reason, circumstance or feeling that restricts nothing, and how many of its first words
    are a connective ('because', 'btw') or name rows the ask named already ('the test ones', after 'not test
    accounts'); None when it is none. Rows named anywhere else in it ('looking at churned ones') are a test."""
    lead = re.match(rf"(?:{CONNECTIVE} )+", text)
    skipped = len(lead.group(0).split()) if lead else 0
    text = text[lead.end() :] if lead else text
    for pattern in REASONS:
        found = re.fullmatch(pattern, text)
        if found is None:
            continue
        rows = (found.groupdict().get("rows") or "").split()
        rest = text[found.end("rows") :].split(" ", 1)[-1] if rows else text  # after 'the test ones'
        rest = re.sub(rf"\b(?:too )?(?:many|few|lots of|a lot of|thousands of|millions of) {ROWS}\b", "", rest)
        rest = _compared_per_row(rest, ask)
        if re.search(RESTRICTS, rest) or re.search(rf"\b{ROWS}\b", rest):  # 'too many rows' names no rows
            return None
        if not rows:
            return skipped
        said = {fold(t.text) for t in ask}
        return skipped + 2 + len(rows) if all(word in said for word in rows) else None  # 'the', the words, 'ones'
    return None


def _compared_per_row(text: str, ask: list[Token]) -> str:
    """'(average order value?) trying to see who spends more per order': a comparison per the rows the ask names,
    which its answer shows, restricts nothing; the 'per order' is taken out before the test for restricting words."""
    if not re.search(r"\b(?:who|which)\b.*\b(?:more|less|most|least|better|worse|higher|lower)\b", text):
        return text
    said = {fold(t.text) for t in ask}
    return re.sub(r"\b(?:per|each|every) ([a-z]+)\b", lambda m: "" if m.group(1) in said else m.group(0), text)


def _reason_names_data(
    tokens: list[Token], grounding: Grounding, request: str, scope: list[str] | None, first: bool
) -> bool | None:
    """Whether a reason names data: a number ('one' said as a word is none: 'fairer than one global number'), a value
    of the datasets the ask is over (of any, if it names another: 'reviewing customers in germany' beside churn), or a
    yes-or-no column ('looking at churned ones': a test); columns else are the subject of the work ('looking at
    low-income households'). Said before the ask, naming a value, a number or a column by its name makes it no reason
    (None): the ask may be about it ('I'm looking at churned subscribers, what's their average tenure?')."""
    from datalinx.agents.offline.entities import entities

    every = grounding.dataset_names
    typed = [replace(t, norm=t.fixed_from, fixed_from=None) if t.fixed_from else t for t in tokens]  # as typed: the
    # pattern read 'planning' and 'staffing', not the spelling fixer's 'placing' and 'staying'
    found = entities(typed, grounding, every, request)
    if scope is not None and not any(c.kind == "ds" and c.refs[0] not in scope for c in found.values()):
        found = entities(typed, grounding, scope, request)  # another dataset named: its values are data too
    if any(t.kind in ("number", "quoted", "date", "month") and fold(t.text) != "one" for t in tokens):
        return None if first else True
    named = [c for c in found.values() if c.kind == "val" or getattr(c.refs[0], "strength", 0) >= 2]
    if first and named:
        return None  # a column by a word of its name ('churned', 'tenure'), not one a word only hints at ('old')
    return any(c.kind == "val" or _flag(grounding, c.refs[0]) for c in found.values())


def _flag(grounding: Grounding, ref: object) -> bool:
    """Whether a column holds yes or no (a bool, or 0 and 1 as 'churned' does): naming it names rows."""
    if not isinstance(ref, ColumnRef):
        return False
    facts = grounding.column(ref.dataset, ref.column)
    return facts is not None and (facts.type == ColumnType.BOOL or (facts.distinct or 3) <= 2)


def _scope(ask: list[Token], grounding: Grounding, request: str) -> list[str] | None:
    """The datasets the ask is over (its base and those joined to it), where a value named beside it can belong."""
    from datalinx.agents.offline.choosing import choose

    base = choose(ask, grounding, [], request).base
    if base is None:
        return None
    every = grounding.dataset_names
    return [base, *(d for d in every if d != base and grounding.join_key(base, d) is not None)]


def _data_named(tokens: list[Token], grounding: Grounding, request: str, topical: bool) -> bool | None:
    """Whether a reason names data: a value, a number, a column by its name where the work's noun stands ('for the
    email'), or (unless it is the subject of the work) any column; None when a value ends it, holding the very noun of
    the work ('for electronic check', a payment method): no reason at all."""
    from datalinx.agents.offline.entities import entities

    every = grounding.dataset_names
    found = entities(tokens, grounding, every, request)
    noun = re.fullmatch(f"{WORK_NOUN}|{AUDIENCE}", fold(tokens[-1].text)) is not None
    ending = next((c for start, c in found.items() if start + c.length == len(tokens)), None) if noun else None
    if ending is not None and ending.kind == "val":
        return None
    if ending is not None and ending.kind == "col" and getattr(ending.refs[0], "strength", 0) >= 3:
        return True  # 'for the email': the work, or the column?
    if any(t.kind in ("number", "quoted", "date", "month") for t in tokens):
        return True
    return any(c.kind == "val" or (c.kind == "col" and not topical) for c in found.values())


def _match_length(pattern: str, words: list[str]) -> int | None:
    """How many words a pattern takes at the start of `words` (whole words only), or None."""
    found = re.match(rf"(?:{pattern})(?= |$)", " ".join(words))
    if found is None or not found.group(0):
        return None
    return len(found.group(0).split())


def _spaced(tokens: list[Token], index: int) -> bool:
    """Whether a pause stands apart: a comma or full stop, or a dash with a space either side (not 'jan-feb')."""
    token = tokens[index]
    if token.kind == "punct":
        return True
    before = tokens[index - 1] if index > 0 else None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    return (before is None or before.end < token.start) and (after is None or token.end < after.start)
