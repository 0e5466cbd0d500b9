"""Words of clauses said beside a request that test nothing, shared by `reasons`: the user's own analysis of a topic
and what people will do to the rows outside the data."""

from __future__ import annotations

# the user's own analysis, said of a topic ('comparing billing setups'), never of the rows asked or between groups
# ('comparing them to dsl', 'comparing churn across regions'); its topic is said when it names data (see `said_reason`)
ANALYSING = (
    r"(?:comparing|benchmarking|contrasting|evaluating|assessing|analy[sz]ing|weighing up)"
    r"(?! (?:them|it|this|that|these|those|they)\b)(?!(?: [^ ]+)*? (?:to|with|against|across|among|amongst|and"
    r"|versus|vs)\b)"
)
# what the user needs done to the rows outside the data, by people: 'need them priced before the catalogue goes live',
# 'we have to get these checked' (never a step's own participle: 'need them sorted', 'need them fixed')
NEEDED_DONE = (
    r"(?:(?:i|we) )?(?:need|needs|want|have to get|must get|'ve got to get|got to get) (?:them|these|those|it|this"
    r"|all of them|each one) (?:priced|re-?priced|checked|reviewed|restocked|approved|signed off|chased(?: up)?"
    r"|contacted|called|looked at|photographed|audited|verified)(?: [^ ]+){0,6}"
)
# a push the work is for, said after it: 'a call list for the renewals push', 'a mailout for the spring drive'
DRIVE = (
    r"(?: for (?:the |our |my |a |this |next )?(?:[a-z'-]+ ){0,2}(?:push|drive|blitz|campaign|launch|season|round"
    r"|cycle|sprint|rollout|roll-out))"
)
# what a team is planning, said beside the ask: 'marketing is planning a seniors' discount', 'sales are running a
# spring promo' (the team said first; {teams} is filled in by `reasons`)
PLANNED = (
    r"(?:(?:the |our )?(?:[a-z]+ )?(?:team|folks|people|dept|department)|{teams}|we|they) (?:is |are |s |re )?"
    r"(?:planning|running|launching|preparing|putting on|doing|rolling out|working on)(?: (?:a|an|the|our|some|this"
    r"|next))?(?: [a-z0-9'-]+){{0,3}}? (?:discount|offer|sale|deal|promo|promotion|campaign|mailing|mailshot|event"
    r"|launch|push|drive)s?"
)
