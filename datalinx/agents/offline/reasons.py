"""Why a request is asked, said around it: a purpose ('it's for the quarterly review', 'so I can call them'), what
the user is doing ('planning a meetup', "I'm working on a churn analysis"), a circumstance or feeling ('the export
tool chokes on blanks', 'seems fairer'). A reason is taken off the request only when it cannot change the rows: one
with a word that restricts or compares ('only', 'over', 'skip') is a test, never a reason, and one naming a value, a
number or a column beyond the subject of the work is taken but said as unclear. Patterns are over the words as typed,
lower-cased."""

from __future__ import annotations

import re
from dataclasses import replace

from datalinx.agents.offline.choosing import choose
from datalinx.agents.offline.entities import Candidate, entities
from datalinx.agents.offline.grounding import ColumnRef, Grounding
from datalinx.agents.offline.reason_words import ANALYSING, DRIVE, NEEDED_DONE, PLANNED
from datalinx.agents.offline.tokens import Token, fold
from datalinx.core.pipelines.types import ColumnType

TIME = (
    r"(?: (?:by )?(?:tomorrow|today|tonight|later|soon|eod|end of (?:day|week)|asap"
    r"|next (?:week|month|quarter|monday|tuesday|wednesday|thursday|friday)"
    r"|this (?:week|afternoon|morning|evening|friday)|on (?:monday|tuesday|wednesday|thursday|friday)"
    r"|(?:for |on |by )?(?:monday|tuesday|wednesday|thursday|friday)"
    r"|(?:before|ahead of) (?:(?:the|our|my) (?:[a-z]+ )?(?:meeting|call|review|deadline|demo|launch)|the weekend"
    r"|(?:monday|tuesday|wednesday|thursday|friday))))?"
)
DET = r"(?:a|an|the|our|my|this|next|tomorrow's|monday's|friday's|some|a quick|the weekly|the monthly)"
WORK_NOUN = (
    r"(?:report|review|deck|meeting|call|sync|standup|stand-up|presentation|slides?|dashboard|audit|update|check"
    r"|sanity check|look|glance|email|newsletter|board pack|pack|catch-up|catch up|workshop|offsite|memo|analysis"
    r"|forecast|budget|spreadsheet|accruals|close|planning|reference|comparison|pitch|chart|graph|plot|viz|visual"
    r"|visuali[sz]ation|map|heatmap|story|writeup|write-up|one-pager|summary|exercise|project|promo|promotion"
    r"|campaign|mailshot|mailout|mailer|feed|import|upload|extract|list)s?"
)
AUDIENCE = (
    r"(?:team|office|folks|people|department|dept|crew|squad|leadership|board|execs|boss|manager|lead|group|auditors"
    r"|accountants|analysts|investors|regulators|stakeholders|committee|partners|colleagues|bosses|managers|directors)"
)
TEAMS = r"(?:finance|sales|legal|marketing|ops|hr|management|leadership|cfo|ceo|director|client|accounting|audit)"
TOPIC = r"(?: (?!for\b)[a-z0-9'-]+){0,3}?"  # what the work is on: 'a customer call', 'the churn review'
WORKS = r"(?:works?|load|loads|render|renders|behave|behaves|happy|look right|looks right|make sense|makes sense)"
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
    # said without its subject, the work's noun must end it: 'doing a demographics slide', 'prepping the board deck'
    (rf"(?:(?:just|currently|still) )?(?:doing|working on|prepping(?: for)?|preparing(?: for)?|putting together"
     rf"|pulling together|building|writing|drafting|finishing|updating|refreshing|presenting|making|creating"
     rf"|getting ready for|sorting out|running|launching|planning|(?:sanity |double |spot )?checking|auditing"
     rf"|reviewing|validating|verifying|testing|eyeballing)(?: {DET})?{TOPIC} {WORK_NOUN}"
     rf"(?: for (?:the |my |our )?(?:{TEAMS}|{AUDIENCE}"
     rf"|{TEAMS} {AUDIENCE})|{DRIVE})?{TIME}", True),
    # what the answer will make work: 'it makes the timeline chart work', 'so the dashboard loads'; 'make' with no
    # subject says what follows ('make the chart work'), or it is the ask's own verb ('yet to make their first call')
    (rf"(?:(?:(?:it|that|this|which) (?:makes?|will make|would make|should make))|so|helps?|lets?)(?: {DET})?{TOPIC}"
     rf" {WORK_NOUN}(?: {WORKS})?", True),
    (rf"(?:makes?|will make|would make|should make)(?: {DET})?{TOPIC} {WORK_NOUN} {WORKS}", True),
    (rf"(?:(?:my|our|the) (?:[a-z]+ ){{0,2}}(?:{AUDIENCE}|{TEAMS})(?: [a-z]+)?|{TEAMS})"
     r" (?:asked(?: for)?|wants|needs|want|need|requested|is asking|are asking|would like|'d like)(?: (?:it|this|them"
    r"|(?:a|the) (?:list|copy|table|file"
     r"|spreadsheet|breakdown|rundown|summary|export)(?: of (?:it|this|them|these|those))?))?(?: for (?:it|this|them))?"
     rf"(?: to (?:see|look at|review|check|have) (?:it|this|them))?{TIME}", True),
    (PLANNED.format(teams=TEAMS), True),
    # the work said to be near: 'quarterly review coming up', 'the board deck is due friday'
    (rf"(?:{DET} )?(?:[a-z0-9'-]+ ){{0,3}}?{WORK_NOUN} (?:is |are |'s |'re )?(?:coming up|looming|approaching"
     rf"|around the corner|on the horizon|due|happening|imminent|upcoming|soon|next)(?: (?:soon|fast|shortly))?{TIME}",
     True),
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
    r"(?:planning(?: for| out| ahead for)?|looking (?:at|into)|trying to|hoping to|working (?:on|out|through)"
    r"|thinking (?:about|of)|getting ready for|preparing for|prepping for|gearing up for|figuring out|digging into"
    r"|researching|exploring|investigating|sizing up|mapping out|scoping(?: out)?|budgeting for|studying|chasing"
    r"|hunting (?:for|down)|on the hunt for|(?:checking|seeing|gauging|judging) (?:how|whether|if)|refreshing"
    r"|rebuilding|organi[sz]ing|arranging|hosting|booking|onboarding|wrapping up|restocking|pitching(?: to)?"
    r"|following up on|keeping an eye on|wondering (?:about|why|if|whether|how|what)|curious (?:about|why|how|whether"
    r"|if|what)|worried about|concerned about|interested in|meaning to|hoping (?:that|it|it's|this|we)"
    r"|" + ANALYSING + ")"
)
# what the user is making, said with its article: 'building a bargain corner', 'setting up a clearance shelf'; never
# a step's own noun ('building a new column', 'setting up a filter')
MAKING = (
    r"(?:building|setting up|putting together|designing|curating|assembling|launching|opening|stocking|kitting out"
    r"|fitting out|mocking up|drawing up|decorating|dressing|laying out|sketching(?: out)?|prototyping|piloting"
    r"|trialling|trialing) (?:a|an|the|our|my|some|this|that|next|new)"
    r"(?! (?:[^ ]+ )*?(?:columns?|fields?|flags?|labels?|tags?|versions?|copy|copies|views?|subsets?|filters?"
    r"|groups?|buckets?|bands?|tables?|lists?|query|queries|pipelines?|joins?)\b)"
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
# 'send them a goodwill voucher', 'send birthday offers': something sent to the rows' people, whose words may name a
# column the ask does not ('birthday'), said then
SENT = (
    r"send(?: out)?(?: (?:them|these|those|everyone|each of them|each one))?(?: an?| some| their)?(?: [a-z'-]+){0,2}"
    r" (?:offers?|vouchers?|coupons?|codes?|gifts?|cards?|emails?|notes?|messages?|reminders?|surveys?|letters?"
    r"|newsletters?|promos?|invites?|invitations?|samples?|freebies?|greetings|wishes|discounts?)"
)
# getting in touch with the rows' people, which asks nothing of the data: 'call them', 'chase them up'
REACH = (
    r"(?:(?:call|contact|email|ring|phone|text|ping|nudge|remind|reach out to|target|visit|thank|invite|survey"
    r"|follow up with|check in with|pitch to|mail|write to|chase(?: after)?) (?:them|these|those|everyone|each of them)"
    r"(?: up| down| about (?:it|this|that))?|" + SENT + ")"
)
TROUBLES = (
    r"(?:mess(?:es|ed)? (?:up|with)|messing (?:up|with)|skew(?:s|ed)?|skewing|throw(?:s)? off|throwing off|break(?:s)?"
    r"|breaking|broke|choke(?:s|d)?|choking|crash(?:es|ed)?|crashing|fall(?:s)? over|trip(?:s)? (?:up|over)"
    r"|confuse(?:s)?|inflate(?:s)?|distort(?:s)?|pollute(?:s)?|clutter(?:s)?|ruin(?:s)?|screw(?:s)? (?:up|with)"
    r"|bug(?:s)? me|annoy(?:s)? me|drive(?:s)? me (?:nuts|crazy|mad)|keep(?:s)? (?:coming up|popping up|showing up"
    r"|[a-z]+ing)|(?:is|are|was|were|gets?|got) (?:confused|thrown|tripped up|put off|annoyed|frustrated|stuck)"
    r"(?: by| on| with)?|come(?:s)? up|came up|(?:can't|cannot|won't|doesn't|does not|don't"
    r"|do not|didn't) (?:handle|cope with|deal with|take|read|load|accept|like|support|parse|display|trust|open"
    r"|import|render|plot|chart|export|stand|group|map|bucket|pivot|process|ingest|digest|graph)"
    r"|(?:hates?|hated|loathes?|dislikes?|detests?|despises?|objects? to|(?:is|are) allergic to)"
    r"|(?:is|are|was|were|'s|'re) (?:off|wrong|weird|odd|broken|confusing|annoying|messy|noisy|a mess|a pain"
    r"|useless|misleading|garbage|junk)|(?:look|seem)(?:s)? (?:off|wrong|weird|odd|strange|suspicious|fishy)"
    r"|(?:wants?|needs?|expects?|requires?|prefers?|likes?) (?:(?:those|these|that|this|them|it)(?= [a-z]|$)|the new"
    r"(?= [a-z])|the same(?= [a-z])|such(?= [a-z]))(?: (?:headers?|labels?|formats?|layout|spellings?"
    r"|(?:column |field )?names|headings|titles))?"
    r"|(?:swears?|swore|insists?|insisted|claims?|claimed|reckons?|thinks?|thought|believes?|believed|promised"
    r"|(?:assures?|assured|told|tells) (?:me|us))(?= that | (?:it|it's|they|they're|this|these|those|nothing|everything"
    r"|there|there's|we|we've|we're)\b)"
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
# what the user aims to do with the answer, any verb but one a pipeline has: 'want to spot seasonality', 'need to
# chase the merch team about them', 'want to know who we can't ring' ('want to sort them by price' is a sort)
AIMING = (
    r"(?:want|wanted|wanna|need|needed|'d like|would like|hope|hoping|am trying|'m trying|are trying|'re trying|trying"
    r"|try|plan|planning|am going|'m going|are going|'re going|going|have|got|'ve got|mean|meaning)"
)
PIPELINE_VERB = (
    r"(?:sort|order|rank|group|filter|drop|remove|delete|rename|join|merge|split|fill|replace|dedupe|deduplicate"
    r"|select|keep|exclude|include|pick|limit|count|sum|add|average|total|calculate|compute|use|treat|round|show|list"
    r"|pull|get(?! (?:a|an|some) (?:feel|sense|handle|idea|picture|grip|view|read|overview)\b)|grab|fetch|take"
    r"|match|link|combine|convert|have|find|export|save|put|set|make|change|update|fix"
    r"|clean|strip|trim|flag|mark|break|tally|summari[sz]e|aggregate|derive|cast|format|lowercase|uppercase|split"
    r"|compare|see only|only)"
)
# rows an aim describes, which may be a test of them: 'who churned', 'which are discounted', 'the germans', 'the big
# spenders'; not the user's own clause ('who we can't ring', 'who our bulk buyers are') or a comparison of groups
# ('who spends more per order')
AIMED_ROWS = (
    r"\b(?:who|which)(?! (?:we|our|they|you|i|my|us)\b)(?! [a-z]+s (?:more|less)\b)"
    r"|\b(?:the|those|these) (?:[a-z'-]+ ){0,2}(?:[a-z'-]+(?<!s)s|ones|people)(?= (?:in|from|with|who|that|which|on|at"
    r"|for|of)\b|$)"
)
AIM = rf"(?:(?:i|we|i'd|we'd) )?(?:just |really |also )?{AIMING} to (?!{PIPELINE_VERB}\b)[a-z']+(?: [^ ]+){{0,8}}"
# a team's or a person's aim: 'marketing wants to send birthday offers', 'my manager wants to look them over'
TEAM_AIM = (
    rf"(?:(?:(?:my|our|the) (?:[a-z'-]+ )?)?(?:{TEAMS}|{AUDIENCE})|{TEAMS})(?: {AUDIENCE})? (?:wants|wanted|needs"
    rf"|needed|hopes|hoped|plans|planned|intends|means|would like|'d like|is going|are going|is hoping|are hoping"
    rf"|is planning|are planning|is keen|are keen|has asked|have asked|asked) to"
    rf" (?!{PIPELINE_VERB}\b)[a-z']+(?: [^ ]+){{0,8}}"
)
# a reason that asks a summary, an order or a pick of the rows ('want to know the average', 'need a breakdown',
# 'trying to find the oldest'): part of the request, read or said, never dropped
ASKED = (
    r"\b(?:average|avg|mean|median|mode|typical|count|counts|how many|how much|total|totals|sum|number of|share|percent"
    r"|percentage|proportion|ratio|rate|distribution|spread|mix|split|sample|random|most"
    r"|least|oldest|newest|youngest|latest|earliest|recent|biggest|smallest|largest|highest|lowest|cheapest|dearest"
    r"|priciest|best|worst|first|last|alphabetical|alphabetically|names?|top|bottom|maximum|minimum|max|min|common"
    r"|popular|frequent|distinct|unique|duplicates?|daily|weekly|monthly|quarterly|yearly|annual|table|columns?"
    r"|ordered|ranked|grouped|compare|compared|vs|versus)\b"
    r"|(?:^|\b(?:the|a|an|full|whole|complete|entire|my|our|your|of|to) )list\b"  # not 'the call list'
    r"|\bper[- ]"
)
# a reason that speaks of what the rows hold ('want to see their loyalty points', 'trying to see who has a pager'):
# maybe a column asked for, or a test, so said even when no column is found
HELD = (
    r"\b(?:their|whose|(?:who|which|that) (?:has|have|had)|(?:ones|those|people|rows|records) (?:with|without))\b"
    r"|(?<=[a-z] )its\b"
)
# when the user's work is due: 'before friday', 'by the end of the week', 'before month end', 'ahead of the meeting',
# 'before the catalogue goes live'
DEADLINE = (
    r"\b(?:before|by|until|till|ahead of) (?:(?:this |next |on )?(?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|the weekend)|tomorrow|tonight|eod|cob|eom|eoq|eoy|lunch(?:time)?"
    r"|(?:the )?end of (?:the )?(?:day|week|month|quarter|year)|(?:the )?(?:month|quarter|year)[- ]end(?: close)?"
    r"|(?:the|our|my) (?:[a-z]+ )?(?:meeting|call|review|deadline|demo|launch)|launch|go-live"
    r"|(?:the|our|my|it|this|that|we|they) (?:[a-z]+ )?(?:goes|go|went|gets|get|is|are) (?:live|out|public|online"
    r"|to print))\b"
)
# the rows read through, which compares nothing: 'look them over', 'go over it'
LOOKED_OVER = (
    r"\b(?:look|looks|looking|looked|go|goes|going|went|read|reading|glance|glancing|pore|poring|run|running|mull"
    r"|mulling|think|thinking)(?: (?:it|them|this|that|these|those|things|everything))? over\b(?! (?:a |an )?\d)"
)
# the names a tool expects, which the ask gives: 'our dashboard expects those names' (never 'their names')
NAMES_EXPECTED = (
    r"\b(?:wants?|needs?|expects?|requires?|prefers?|likes?) (?:those|these|the new|such|them as|the same)"
    r" (?:column |field |new )?names\b"
)
# the user's aim to reach the rows' people: 'going to email them about it'
REACHING = (
    rf"(?:(?:i|we|i'd|we'd|i'll|we'll) )?(?:want|wanted|need|like|would like|'d like|plan|hope|am going|'m going"
    rf"|are going|'re going|going) to {REACH}(?: [^ ]+){{0,4}}"
)
CONNECTIVE = r"(?:because|cause|'cause|cos|coz|since|as|btw|fyi|fwiw|also|oh|and|but|plus|ps)"  # 'because we're ...'
REASONS = [
    rf"(?:{USER_IS} )*{DOING}(?: [^ ]+){{1,8}}",
    rf"{BUSY}(?: [^ ]+){{0,8}}",
    rf"(?:{USER_IS} )*{MAKING}(?: [^ ]+){{1,8}}",
    rf"(?:(?:{USER_IS} )*{USER_SEES}|{USER_IS} getting)(?: [^ ]+){{1,8}}",
    rf"{SUBJECT} {TROUBLES}(?: [^ ]+){{0,6}}",
    rf"{JUDGED}(?: [^ ]+){{0,6}}",
    REACHING,
    AIM,
    TEAM_AIM,
    NEEDED_DONE,
]
RESTRICTS = (
    r"\b(?:only|not|no|non|except|excluding|exclude|without|skip|skipping|drop|remove|leave out|leaving out|filter"
    r"|over|under|above|below|more than|less than|fewer than|at least|at most|between|before|after|since|older"
    r"|younger|newer|top|bottom|highest|lowest|biggest|smallest|largest|cheapest|latest|earliest|most recent|just"
    r" the|ignore|ignoring|per|each|every|sort|sorted|order by|ordered by|in order|rank|ranked|group by|grouped by"
    r"|by(?! (?:hand|it|this|that|them|me|us|mistake|accident|default|far|tomorrow|today|tonight|eod|end|monday"
    r"|tuesday|wednesday|thursday|friday|next|then|now|the way)\b)"
    r"|broken down|break (?:it |them )?down|filtered|dropped|removed|delete|deleted|rename|renamed|join|joined"
    r"|merge|merged|split|fill|filled|replace|replaced|dedupe|deduped|select|selected|keep (?:the|only|them|it|just)"
    r"|kept|include|included|pick|limit)\b"
)


def said_reason(
    text: str,
    tokens: list[Token],
    grounding: Grounding,
    request: str,
    unclear: list[str],
    ask: list[Token] | None = None,
    first: bool = False,
) -> bool:
    """Whether a clause (`text`, its words without pauses) is a reason; one naming a value, a number or a column beyond
    the subject of the work ('for the Germany team', 'it's for customers in Italy') is taken but said as unclear.
    `ask`: the tokens of the request the clause is said beside (before it when `first`)."""
    from datalinx.agents.offline.reason_scenes import belief, blanks_trouble, data_elsewhere  # on this module's

    if ask is not None and (believed := belief(text, tokens, grounding, request, ask)) is not None:
        if believed:
            _said_unclear(tokens, request, unclear)
        return True

    for pattern, topical in PURPOSES:
        found = re.fullmatch(pattern, text)
        if found is None:
            continue
        if topical and re.search(r"\bper[- ]", text):
            return False  # 'doing a per-country review': a grouping, or the work's? read or said
        named = _data_named(tokens, grounding, request, topical, ask)
        if named is None:
            return False  # 'for electronic check': the work noun is a value's word, so a test of the rows
        if named:
            _said_unclear(tokens, request, unclear)
        return True
    scope = _scope(ask, grounding, request) if ask is not None else None
    each = [w for w, d in grounding.dataset_words.items() if scope and d == scope[0]]  # words for one of its rows
    if ask is not None and (rows := _reason(text, ask, each)) is not None:
        aimed = re.fullmatch(rf"(?:{CONNECTIVE} )*(?:{USER_IS} )*{AIM}", text) is not None and not re.fullmatch(
            rf"(?:{CONNECTIVE} )*{REACHING}", text
        )  # 'trying to see ...', not 'going to email them about it'
        aimed = aimed or re.search(rf"\b{SENT}", text) is not None  # what is sent may name a column
        aimed = aimed or re.search(rf"\b{ANALYSING}", text) is not None  # 'comparing contract types': a grouping?

        named = _reason_names_data(tokens[rows:], grounding, request, scope, first, aimed, ask)
        if named and not first and blanks_trouble(text, tokens[rows:], grounding, request):
            named = False  # 'the model training chokes on nulls': what reads the data, no test of its rows
        elif named is False and data_elsewhere(text, tokens[rows:], grounding, request, ask, scope):
            named = True  # 'the model hates nulls in region', 'the crm wants those phone numbers': asked too?
        if named is not None:
            if named or re.search(HELD, text):
                _said_unclear(tokens, request, unclear)
            return True
    return False


def _said_unclear(tokens: list[Token], request: str, unclear: list[str]) -> None:
    """A reason that names data, said back as not understood: the user's work, or a test of the rows?"""
    unclear.append(f"{request[tokens[0].start : tokens[-1].end]} (a reason for the request, or part of it?)")


def _reason(text: str, ask: list[Token], each: list[str]) -> int | None:
    """Whether a clause is a reason, circumstance or feeling that restricts nothing, and how many of its first words
    are a connective ('because', 'btw') or name rows the ask named already ('the test ones', after 'not test
    accounts'); None when it is none. Rows named anywhere else in it ('looking at churned ones') are a test; 'per'
    one of the ask's own rows ('who spends more per order', over orders) groups nothing."""
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
        rest = re.sub(r"\b(?:falls?|fell|falling|keels?) over\b", "", rest)  # 'falls over on empties': no test
        rest = re.sub(DEADLINE, "", rest)  # 'before friday': when the work is due, no test of the rows' dates
        rest = re.sub(LOOKED_OVER, "", rest)  # 'look them over': no test of a number
        rest = re.sub(NAMES_EXPECTED, "", rest)  # 'expects those names': the names the ask gives, none asked
        if each:
            rest = re.sub(rf"\bper (?:{'|'.join(map(re.escape, each))})\b", "", rest)
        if re.search(RESTRICTS, rest) or re.search(ASKED, rest) or re.search(rf"\b{ROWS}\b", rest):
            return None
        if not rows:
            return skipped
        said = {fold(t.text) for t in ask}
        return skipped + 2 + len(rows) if all(word in said for word in rows) else None  # 'the', the words, 'ones'
    return None


def _reason_names_data(
    tokens: list[Token],
    grounding: Grounding,
    request: str,
    scope: list[str] | None,
    first: bool,
    aimed: bool = False,
    ask: list[Token] | None = None,
) -> bool | None:
    """Whether a reason names data: a number ('one' said as a word is none: 'fairer than one global number'), a value
    of the datasets the ask is over (of any, if it names another: 'reviewing customers in germany' beside churn), or a
    yes-or-no column ('looking at churned ones': a test); columns else are the subject of the work ('looking at
    low-income households') unless the reason is an aim (see `beyond_ask`). Said before the ask, naming a value, a
    number or a column by its name makes it no reason (None): the ask may be about it ('I'm looking at churned
    subscribers, what's their average tenure?')."""
    every = grounding.dataset_names
    from datalinx.agents.offline.reason_scenes import event_places  # its patterns are built on this module's

    typed = as_typed(tokens)  # the pattern read 'planning' and 'staffing', not the fixer's 'placing' and 'staying'
    found = entities(typed, grounding, every, request)
    if scope is not None and not any(c.kind == "ds" and c.refs[0] not in scope for c in found.values()):
        found = entities(typed, grounding, scope, request)  # another dataset named: its values are data too
    found = event_places(found, typed, grounding, request, ask)
    if any(t.kind in ("number", "quoted", "date", "month") and fold(t.text) != "one" for t in tokens):
        return None if first else True
    named = [c for c in found.values() if c.kind == "val" or getattr(c.refs[0], "strength", 0) >= 2]
    if first and named:
        return None  # a column by a word of its name ('churned', 'tenure'), not one a word only hints at ('old')
    if aimed:
        described = re.search(AIMED_ROWS, " ".join(fold(t.text) for t in tokens)) is not None
        return described or beyond_ask(found, ask, grounding, request, scope)
    return any(c.kind == "val" or _flag(grounding, c.refs[0]) for c in found.values())


def beyond_ask(
    found: dict[int, Candidate], ask: list[Token] | None, grounding: Grounding, request: str, scope: list[str] | None
) -> bool:
    """Whether an aim names data the ask does not: what the user will look for in the rows may be a test of them
    ('want to know who churned', 'want to compare them to the unit price'), so a column by a word of its name, a value
    or another dataset it names is said unless the ask names it too ('want to know who we can't ring'
    beside 'no phone number', 'who spends more per order' beside the average order value)."""
    asked = entities(ask, grounding, grounding.dataset_names, request).values() if ask else []
    columns = {(r.dataset, r.column) for c in asked if c.kind in ("col", "val") for r in [*c.refs, *c.related]}
    values = [c.refs[0] for c in asked if c.kind == "val"]
    for candidate in found.values():
        if candidate.kind == "ds":
            if scope is None or candidate.refs[0] not in scope:
                return True
        elif candidate.kind == "val":
            if candidate.refs[0] not in values:
                return True
        elif candidate.refs[0].strength >= 2 and not any((r.dataset, r.column) in columns for r in candidate.refs):
            return True  # a column by a word of its name; one a word only hints at ('where to send them') is none
    return False


def as_typed(tokens: list[Token], loosely: bool = False) -> list[Token]:
    """The tokens as typed, before the spelling fixer: a reason's words are anyone's, not misspelt data; `loosely`,
    only the words whose fix changed the first letter (a slip keeps it: 'germny', 'fibre')."""
    return [
        replace(t, norm=t.fixed_from, fixed_from=None)
        if t.fixed_from and not (loosely and fold(t.fixed_from)[:1] == t.norm[:1])
        else t
        for t in tokens
    ]


def _flag(grounding: Grounding, ref: object) -> bool:
    """Whether a column holds yes or no (a bool, or 0 and 1 as 'churned' does): naming it names rows."""
    if not isinstance(ref, ColumnRef):
        return False
    facts = grounding.column(ref.dataset, ref.column)
    return facts is not None and (facts.type == ColumnType.BOOL or (facts.distinct or 3) <= 2)


def _scope(ask: list[Token], grounding: Grounding, request: str) -> list[str] | None:
    """The datasets the ask is over (its base and those joined to it), where a value named beside it can belong."""
    base = choose(ask, grounding, [], request).base
    if base is None:
        return None
    every = grounding.dataset_names
    return [base, *(d for d in every if d != base and grounding.join_key(base, d) is not None)]


def _data_named(
    tokens: list[Token], grounding: Grounding, request: str, topical: bool, ask: list[Token] | None = None
) -> bool | None:
    """Whether a reason names data: a value, a number, a column by its name where the work's noun stands ('for the
    email'), or (unless it is the subject of the work) any column; None when a value ends it, holding the very noun of
    the work ('for electronic check', a payment method): no reason at all. A value the ask names already ('doing a toy
    sales review' beside 'in the toys category') is the work's subject, not another test. A word the spelling fixer
    changed from its first letter on is read as typed ('planning a youth campaign': no region 'south')."""
    every = grounding.dataset_names
    tokens = as_typed(tokens, loosely=True)
    found = entities(tokens, grounding, every, request)
    if topical and ask:
        tested = [c.refs[0] for c in entities(ask, grounding, every, request).values() if c.kind == "val"]
        found = {at: c for at, c in found.items() if c.kind != "val" or c.refs[0] not in tested}
    noun = re.fullmatch(f"{WORK_NOUN}|{AUDIENCE}", fold(tokens[-1].text)) is not None
    ending = next((c for start, c in found.items() if start + c.length == len(tokens)), None) if noun else None
    if ending is not None and ending.kind == "val":
        return None
    if ending is not None and ending.kind == "col" and getattr(ending.refs[0], "strength", 0) >= 3:
        return True  # 'for the email': the work, or the column?
    if any(t.kind in ("number", "quoted", "date", "month") for t in tokens):
        return True
    return any(c.kind == "val" or (c.kind == "col" and not topical) for c in found.values())
