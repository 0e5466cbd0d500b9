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
