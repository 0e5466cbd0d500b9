"""Rows present in or missing from another dataset: 'customers who never ordered', 'orders with an unknown
customer', 'customers with at least one order above 5,000', 'customers whose first order was in 2024'."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.join_steps import (
    ANYTHING,
    ARTICLE,
    OTHER,
    SOMETIME,
    WHEN,
    add_join,
    dataset_named,
    join_how,
    join_said,
)
from datalinx.agents.offline.plan import Condition, Join, ident, literal
from datalinx.agents.offline.sentence import Match
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL


def _bought_by_none(ctx: Context, match: Match) -> bool:
    """'products that no enterprise customer has bought': rows with no match among what those people bought (an
    anti join through the orders), not the rows bought by anyone outside the segment; the value is left to its
    reader, as the test of the people matched."""
    if not add_join(ctx, dataset_named(ctx, None, match.group("verb")), "anti", False):
        return False
    kept = {id(i) for i in match.items("val")}
    for item in match.items():
        item.consumed = item.consumed or id(item) not in kept
    return False


def _reduced(ctx: Context, match: Match) -> bool:
    """'customers per segment ordered in 2025': the rows matched, their grouping left for its reader."""
    if not join_said(ctx, match, "semi"):
        return False
    for index in match.indexes[1:]:
        ctx.sentence.items[index].consumed = True
    return False


def _once(ctx: Context, match: Match) -> bool:
    """'at least one order' is any order; 'at least 5 orders' is a count per customer, for the tests on groups."""
    count = match.item("n") or match.item("m") or match.item("k") or match.item("j")
    return count is None or count.ref == 1


PLAIN_AMOUNT = re.compile(
    r"older|younger|later|earlier|newer|heavier|lighter|longer|shorter|cheaper|expensive|costlier"
)


def _row_test(ctx: Context, match: Match) -> bool:
    """'at least one order above 5,000', 'an order with a quantity over 10': a test on the other dataset's rows,
    of the column named or else of the amount its rows are measured by."""
    from datalinx.agents.offline.filters import SYMBOLS, _operator

    other, number, parsed = match.item("t"), match.item("num"), _operator(match)
    if other is None or other.kind != "ds" or number is None or number.kind != "num" or parsed is None:
        return False
    if PLAIN_AMOUNT.search(match.group("op") or ""):
        return False  # 'an order older than ...' tests a date, not the amount
    dataset, item = str(other.ref), match.item("col")
    if match.group("unit"):
        # 'an order of more than 20 units': which amount of the rows the unit counts is not known here
        if join_said(ctx, match, "semi"):
            ctx.refuse(f"{match.text} (which {dataset} column?)")
        return True
    if item is not None:
        refs = [r for r in [item.ref, *item.alternatives] if isinstance(r, ColumnRef) and r.dataset == dataset]
        column = refs[0].column if refs and refs[0].type in NUMERIC else None
    else:
        facts = ctx.grounding.main_measure(dataset)
        column = facts.name if facts is not None else None
    if column is None or ctx.grounding.is_key(dataset, column) or not join_said(ctx, match, "semi"):
        return False
    join = next(j for j in ctx.plan.joins if j.dataset == dataset and j.summary is None)
    said = f"{column} {SYMBOLS.get(parsed[0], parsed[1])} {number.text}"
    join.filters.append(Condition(f"{ident(column)} {parsed[0]} {literal(number.ref)}", said, column))
    join.reason = join.reason.removesuffix(".") + f", among {dataset} whose {said}."
    if item is None:
        ctx.note(f"read '{match.group('op')} {number.text}' as a test on the {dataset}' {column}")
    return True


def _bridged_values(ctx: Context, match: Match) -> bool:
    """Whether every value a match names is of a dataset linked to the base only through another one."""
    values = match.items("val", name="vals")
    datasets = {v.ref.dataset for v in values}
    return bool(values) and all(ctx.grounding.bridge(ctx.base, d) is not None for d in datasets)


def _among(ctx: Context, match: Match) -> bool:
    """'at least one delivered order': the value tests the other dataset's rows."""
    from datalinx.agents.offline.values import _values

    values = match.items("val", name="vals")
    return _values(ctx, values, False) if values else True


def _keyed(ctx: Context, match: Match) -> bool:
    """'whose customer_id does not exist in customers': the key the datasets share."""
    key, other = match.item("key"), match.item("t")
    if key is None or other is None or other.kind != "ds":
        return False
    return isinstance(key.ref, ColumnRef) and ctx.grounding.join_key(ctx.base, str(other.ref)) == key.ref.column


def _verb(ctx: Context, match: Match) -> bool:
    """'how many orders did enterprise customers place': the verb of the orders' rows; the rest is read apart. Said
    of the base's own rows ('what did customers buy') it asks for other rows, and is left for what reads that."""
    if any(item.kind == "ds" and item.ref == ctx.base for item in match.items()):
        return False
    for item in match.items():
        if item.kind == "word" and item.norm in ("did", "do", "does", "place", "make", "buy", "purchase"):
            item.consumed = True
    return False


FIRST_WORDS = {"first": "min", "earliest": "min", "oldest": "min", "very first": "min", "last": "max",
               "latest": "max", "most recent": "max", "newest": "max", "final": "max", "very last": "max"}  # fmt: skip
PERIOD_OPERATORS = {"in": "in", "during": "in", "within": "in", "before": "<", "after": ">", "since": ">=",
                    "on or after": ">=", "on or before": "<=", "prior to": "<", "earlier than": "<",
                    "later than": ">"}  # fmt: skip


def _first_related(ctx: Context, match: Match) -> bool:
    """'customers whose first order was in 2024': each key's earliest (or latest) date among the other dataset's
    rows, tested, and the base's rows with a key that passes (a semi join)."""
    from datalinx.agents.offline.filter_dates import RECURRING, date_ref

    other, when = match.item("t"), match.item("when")
    if other is None or other.kind != "ds" or when is None or str(other.ref) == ctx.base:
        return False
    dataset, function = str(other.ref), FIRST_WORDS[match.group("which") or "first"]
    facts = ctx.grounding.main_date(dataset)
    key = ctx.grounding.join_key(ctx.base, dataset)
    if key is None or facts is None:
        return False
    ref = date_ref(when)
    operator = PERIOD_OPERATORS[match.group("op") or "in"]
    bounds = {"in": [(">=", ref.start), ("<", ref.end)], "<": [("<", ref.start)], ">": [(">=", ref.end)],
              ">=": [(">=", ref.start)], "<=": [("<", ref.end)]}[operator]  # fmt: skip
    if facts.type not in TEMPORAL or ref.grain in RECURRING:
        why = f"{facts.name} is not a date column" if facts.type not in TEMPORAL else f"{when.text} of which year?"
        ctx.refuse(f"{match.text} ({why})")
        return True
    column = ident(facts.name)
    expression = " and ".join(f"{column} {op} {literal(day)}" for op, day in bounds)
    word = {"min": "earliest", "max": "latest"}[function]
    join = Join(dataset=dataset, key=key, how="semi", summary=(function, facts.name))
    join.filters.append(Condition(expression, f"the {word} {facts.name} {match.group('op') or 'in'} {when.text}"))
    join.reason = (
        f"Keep the {ctx.base} whose {word} {facts.name} in {dataset} is {match.group('op') or 'in'} {when.text}."
    )
    ctx.plan.joins.append(join)
    ctx.plan.touched = True
    ctx.note(f"'{match.group('which')} {other.text}' read as the {word} {facts.name} of each {key} in {dataset}")
    return True


def read_first_related(ctx: Context) -> None:
    """'customers whose first order was in 2024', 'clients whose most recent purchase was before 2025'."""
    # "customers whose first order was in 2024", "clients whose most recent purchase was before 2025"
    which = "(?P<which>" + "|".join(sorted(FIRST_WORDS, key=len, reverse=True)) + ")"
    period = "(?P<op>" + "|".join(sorted(PERIOD_OPERATORS, key=len, reverse=True)) + ")"
    ctx.sentence.scan(
        r"(?:whose|where their|with their|with a|with an|(?:(?:who|that|which) )?(?:had|made|placed|did) their) "
        + which
        + r"(?: ever)? (?P<t>{T})(?: (?:was|were|is|came|happened|took place|was placed|was made|got placed|fell"
        r"|falls|dates from|is dated))? " + period + r" (?:the )?(?P<when>{Y}|{D})",
        lambda m: _first_related(ctx, m),
    )


def read_kept_or_dropped(ctx: Context) -> None:
    """'orders with an unknown customer', 'keep orders even if the customer is not found', 'if the customer isn't in
    our list, leave that order out': which rows a join keeps, said of the other dataset's rows."""
    scan = ctx.sentence.scan
    unknown = (
        r"(?:with|having|that have|that has|whose|for)(?: an?| the)? (?:unknown|"
        r"missing|invalid|nonexistent|non existent|orphaned|orphan|unmatched) "
        r"(?P<t>{T})"
    )
    scan(unknown, lambda m: join_said(ctx, m, "anti"))
    scan(
        r"(?:did|do|does) (?:(?:each|every|all|the|our|their) )?(?:{V} )?(?:{T}|{C}|{T} {C}) "
        r"(?:place|make|buy|purchase)",
        lambda m: _verb(ctx, m),
    )
    found = r"(?:found|known|present|there|matched|available|existing|exist|exists|listed|in the \S+|on file)"
    keep = r"keep(?:ing)?(?: all| every)?(?: the)? (?:{T}|rows|records|lines)(?: rows)?"
    scan(
        keep + r" (?:even if|even when|even though|if|when|where|whose|with)(?: the| "
        r"their| a| its)? (?P<t>{T}|{C}) (?:is |was |are |were )?(?:not|missing|"
        r"unknown|absent)(?: " + found + ")?",
        lambda m: join_how(ctx, m, "left"),
    )
    scan(
        r"(?:only|just)(?: the)? (?:{T}|rows|records|those|ones) (?:whose|with "
        r"a|with an|that have a|where the|with|having a)(?: the)? (?P<t>{T}|"
        r"{C}) (?:is |are |was )?(?:in the (?:catalogue|catalog|table|list|"
        r"dataset|data)|found|known|present|listed|existing|exists|matches|"
        r"valid)",
        lambda m: join_how(ctx, m, "inner"),
    )
    scan(
        r"(?:that|which) (?:no|not a|not one) (?:single )?(?:@v\d+ )+{T} (?:has |have |had |ever )*"
        r"(?P<verb>bought|ordered|purchased)",
        lambda m: _bought_by_none(ctx, m),
    )
    # 'if the customer isn't in our list, leave that order out' (inner), '..., keep the order anyway' (left)
    missed = r"(?:if|when|where|whenever|in case) (?:the |a |an |its |their |that )?(?P<t>{T}|{C}) " + ABSENT
    rows = r"(?: that| the| those| this| such| these)?(?: {T}| rows?| ones?| it| them| records?| lines?)?"
    drop = r"(?:leave|drop|skip|remove|exclude|ignore|throw|take|cut)" + rows + r"(?: out| away)?"
    kept = r"keep" + rows + r"(?: anyway| too| all the same| regardless| as well)?"
    scan(missed + r"(?: ,)? (?:(?:just|then|please|simply) )?" + drop, lambda m: join_how(ctx, m, "inner"))
    scan(missed + r"(?: ,)? (?:(?:just|still|please) )?" + kept, lambda m: join_how(ctx, m, "left"))
    # "how many orders came from customers in each city": the rows' origin said with a verb, read as 'from'
    scan(
        r"(?:(?:that|which) )?(?:came|come|comes|coming|have come|has come)(?: in)?"
        r"(?= from (?:our |the |all |their )?(?:{V} ){0,2}{T})",
        lambda m: True,
    )


# 'is not in our customer list', 'is not on file': no row of the other dataset matches
ABSENT = (
    r"(?:is |are |was |were |does |do |can |could )?(?:not|never) (?:be )?(?:found|known|listed|there|matched|on file"
    r"|match|exist|exists|in (?:our|the) (?:list|data|table|records|system|database|file|catalogue|catalog|{T}"
    r"(?: list| table| records| data| file| database| system)?)|in {T})"
)
# "never placed a single order": not even one, which is none
SINGLE = r"(?: even| not even)?(?: a single| one single| one)?"


def read_matches(ctx: Context) -> None:
    """'customers who never ordered' (anti), 'customers who have orders', 'customers with at least one order above
    5,000' (semi): the base's rows by whether another dataset's rows match them."""
    scan = ctx.sentence.scan
    # 'orders whose customer id matches nobody in the customer table', '... matches no customer': no row of it
    matches = r"(?:matches|match|corresponds to|correspond to|points to|point to|refers to|refer to|belongs to)"
    nobody = r"(?:nobody|no one|noone|nothing|no row|no rows|no record|no records|no entry|no entries|none)"
    whose = r"(?:whose|where the|where its|where their|with an?) (?P<key>{C}) " + matches
    for nothing in (" " + nobody + r" in (?:the |our )?" + OTHER + r"(?: table| dataset| data| list| records)?",
                    r" (?:no|not a|not one) " + OTHER):  # fmt: skip
        scan(whose + nothing, lambda m: _keyed(ctx, m) and join_said(ctx, m, "anti"))
    scan(
        r"(?:who|that|which|with)? ?(?:have|has|had|having)(?: never| not| "
        r"no)(?: placed| made)?" + ARTICLE + " " + OTHER,
        lambda m: join_said(ctx, m, "anti"),
    )
    got = r"(?:(?:that|which|who) (?:have |has |had )?(?:received|got|gotten|saw|seen|attracted|drew|drawn) )?"
    scan(got + r"(?:without|with no|no)" + ARTICLE + " " + OTHER + WHEN, lambda m: join_said(ctx, m, "anti"))
    never = (
        r"(?:(?:have |has |had )?never|not|not yet|did not|do not|does not|have not|has not|had not|didnt|dont"
        r"|doesnt|havent|hasnt|hadnt|did n't|do n't|does n't|have n't|has n't|(?:have |has |are |is )?yet to)"
    )
    verbs = r"(?:placed|place|made|make|ordered|order|bought|buy|purchased|purchase|had|have|has|got|get)"
    scan(
        r"(?:who|that|which) " + never + r"(?: ever)? " + verbs + SINGLE + ARTICLE + " " + OTHER + WHEN,
        lambda m: join_said(ctx, m, "anti"),
    )
    scan(
        r"(?:who|that|which) " + never + r"(?: ever)? " + OTHER + ANYTHING + WHEN,
        lambda m: join_said(ctx, m, "anti"),
    )  # "customers who did not order anything in 2024": 'order' names the orders
    scan(
        r"(?:who|that|which) " + never + r"(?: ever)? (?P<verb>buy|purchase)" + ANYTHING + WHEN,
        lambda m: join_said(ctx, m, "anti"),
    )
    scan(
        r"(?:whose|where the|where their|where its) (?P<key>{C}) (?:does not|do not|doesnt|dont|does n't|is not|"
        r"cannot be|can not be|is never)(?: exist| appear| found| listed| present| known)? in (?:the )?"
        + OTHER
        + r"(?: table| dataset| data| list)?",
        lambda m: _keyed(ctx, m) and join_said(ctx, m, "anti"),
    )
    # "orders whose customer isn't in our customer list": the clause ends there ('... not listed as vip' tests more)
    ended = r"(?= [?.!,;]| (?:and|or|but|please|thanks|cheers)\b|$)"
    scan(
        r"(?:whose|where the|where its|where their) " + OTHER + " " + ABSENT + ended,
        lambda m: join_said(ctx, m, "anti"),
    )
    scan(
        r"(?:whose|where the|with an?|with) "
        + OTHER
        + r" (?:is |was |are )?(?:unknown|missing|not found|not known|not in the "
        r"\S+|does not exist|do not exist|not existing|absent)",
        lambda m: join_said(ctx, m, "anti"),
    )
    # "customers with at least one order above 5,000": the orders tested before they are matched
    from datalinx.agents.offline.filters import OPERATOR

    tested = (
        r"(?: (?:that|which) (?:is|was|were|are|came to|comes to))?(?: (?:worth|valued at|of|totaling|totalling"
        r"|amounting to|with an? (?:value|total|amount) of|with (?:an? |the |its )?(?P<col>{C})(?: of)?))? "
        + OPERATOR
        + r" (?P<num>{N})(?: (?P<unit>(?!(?:in|during|and|or|but|with|who|that|which|,|\.|\?)(?= |$))\S+))?"
    )
    scan(
        r"(?:(?:with|having|who have|that have|who has|that has|(?:who|that|which)(?: has| have| had)?"
        r" (?:placed|made|bought))(?: at least (?:one|a single|(?P<n>@n\d+))| (?:one|a single|(?P<m>@n\d+)) or more"
        r"| any| some| an?)|at least (?:one|a single|(?P<k>@n\d+))|(?:one|(?P<j>@n\d+)) or more) "
        + OTHER
        + tested
        + WHEN,
        lambda m: _once(ctx, m) and _row_test(ctx, m),
    )
    scan(
        r"(?:with|having|who have|that have|who has|that has|(?:who|that|which)(?: has| have| had)? (?:placed|made)"
        r")(?: at least (?:one|(?P<n>@n\d+))| (?:one|(?P<m>@n\d+)) or more| any| some| an?) " + OTHER + WHEN,
        lambda m: _once(ctx, m) and join_said(ctx, m, "semi"),
    )
    # "customers that have returned at least one order": the value between read on its own
    scan(
        r"(?:at least (?:one|a single|(?P<n>@n\d+))|(?:one|(?P<m>@n\d+)) or more) (?P<vals>{V} )?" + OTHER + WHEN,
        lambda m: _once(ctx, m) and join_said(ctx, m, "semi") and _among(ctx, m),
    )
    scan(
        r"(?:who|that|which)? ?(?:were |was |have |has |are |is )?(?:never|not|not yet|yet to)(?: ever)? "
        r"(?:been |be )?(?P<verb>ordered|bought|purchased|sold)" + ANYTHING + WHEN,
        lambda m: join_said(ctx, m, "anti"),
    )
    # "products nobody has ever ordered": no row of what was done names them
    scan(
        r"(?:(?:that|which) )?(?:nobody|no one|noone|not one customer|no customer|no customers|no buyer|no buyers"
        r"|none of our customers)(?: has| have| had| ever)* (?P<verb>ordered|bought|purchased)" + ANYTHING + WHEN,
        lambda m: join_said(ctx, m, "anti"),
    )
    scan(
        r"(?:who|that|which) (?:have|has|had)(?: placed| made)?" + ARTICLE + " " + OTHER + WHEN,
        lambda m: join_said(ctx, m, "semi"),
    )
    scan(
        r"(?:with|having)(?: at least (?:one|@n\d+)| a| an| some| any)? (?:matching|"
        r"existing|known|valid|corresponding) " + OTHER,
        lambda m: join_said(ctx, m, "semi"),
    )
    # "customers who bought garden products in 2024": the values are the products', the period the orders'
    scan(
        r"(?:(?:who|that|which) )?(?:have |has |had )?(?P<verb>ordered|bought|purchased)"
        r"(?: anything| something| any| some)?(?: from| in| of)?(?: the| a| an)?(?P<vals>(?: {V}){1,3})"
        r"(?: {C}| {T}| items| things| stuff| goods| articles)?" + SOMETIME + r" (?:in|during) (?P<when>{Y}|{D})",
        lambda m: _bridged_values(ctx, m) and join_said(ctx, m, "semi") and _among(ctx, m),
    )
    scan(
        r"(?:who|that|which) (?:were |was |have |has )?(?:been "
        r")?(?P<verb>ordered|bought|purchased|sold)(?: something| anything)?(?: at least once)?" + WHEN,
        lambda m: join_said(ctx, m, "semi"),
    )
    scan(r"(?P<verb>ordered|bought|purchased|sold) at least once" + WHEN, lambda m: join_said(ctx, m, "semi"))
    # 'how many customers per segment ordered in 2025': the relative word left out, the verb dated
    dated = SOMETIME + r" (?:in|during) (?P<when>{Y}|{D})"
    scan(r"(?:{C}|{T}) (?P<verb>ordered|bought|purchased)(?: something| anything)?" + dated, lambda m: _reduced(ctx, m))
    scan(
        r"(?:only|just) (?:those |the ones |rows )?(?:that|which|who)? "
        r"?(?:match|matching|found in|present in|appearing in|in)" + ARTICLE + " " + OTHER,
        lambda m: join_said(ctx, m, "inner"),
    )
