"""Filling: 'fill missing ages with the median', 'replace empty cities with "Unknown"', 'fill the ship date from
the order date', 'replace "Deutschland" with "DE"'."""

from __future__ import annotations

from typing import Any

from datalinx.agents.offline.columns import COLUMNS, _named
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.derive import _expression, compute
from datalinx.agents.offline.phrases import arithmetic
from datalinx.agents.offline.plan import ident, literal
from datalinx.agents.offline.sentence import Item, Match
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL, ColumnType

T = ColumnType
# the rows the summary is taken over: 'the median price of products in the same category', 'the mean per region'
GROUPED = (
    r"(?: (?:of |for |among )?(?:(?:the |all )?(?:other )?(?:{T}|rows|ones|items|records) )?(?:(?:in|within|of|for"
    r"|from|across|among|with) (?:the same|each|its|their|that|every|its own|their own|the matching)|per|by|grouped "
    r"by|within|for each|in each) (?P<within>{C}))?"
)
HOW = (
    # 'the category median', 'each region's mean': the group said before the summary
    r"(?:(?:each |its |their |every )?(?P<owner>{C}) (?:s )?(?=median|mean|average|mode|most common))?"
    r"(?P<how>{C}|median|mean|average|middle value|midpoint|mode|most common(?: value)?|most "
    r"frequent(?: value)?|zero|previous(?: value| one)?"
    r"|last known(?: value)?|last value|forward|next(?: value| one)?|backward|{N}|{S}|{V}|{D}|[^ @§,;]+)"
    r"(?: (?:of |for |in )?(?:the )?(?P<again>{C}))?(?: values?)?"
    r"(?: of (?:the (?:known|existing|available|recorded|filled in|non missing|other|remaining) (?:ones|values"
    r"|figures|rows)|the rest|the others|all the others|everyone else|everybody else"
    r"|(?:those|the ones) (?:we (?:do )?(?:know|have)|(?:that )?(?:are |we )?(?:known|recorded|filled in))))?" + GROUPED
)
STRATEGIES = {
    "median": "median",
    "middle": "median",
    "midpoint": "median",
    "typical": "median",
    "mean": "mean",
    "average": "mean",
    "mode": "mode",
    "most": "mode",
    "previous": "forward",
    "last": "forward",
    "forward": "forward",
    "next": "backward",
    "backward": "backward",
}


# verbs that trade the gaps for a value: 'swap the blanks for the median', 'switch out missing incomes with 0'
SWAP = r"(?:swap|switch|exchange|trade)(?: out)?"
# the dataset the gaps are in, said after them: 'where income is blank in churn'
WITHIN = r"(?: (?:in|of|from) (?:the )?{T}(?: data| table| dataset)?)?"


def _fill(ctx: Context, match: Match) -> bool:
    names = _named(ctx, match)
    pieces = match.items(name="how")
    if not pieces:
        return False
    first = pieces[0]
    if match.group("how") == "n / a":  # 'show N/A where the city is missing', unquoted
        first = Item("str", "N/A", "n/a", ref="N/A")
    again = match.item("again")
    if again is not None and again.kind == "col" and not names:
        names = [n for n in [ctx.column(again)] if n is not None]
    elif again is not None and again.kind == "col" and ctx.column(again) not in names:
        ctx.refuse(f"{match.text} (the gaps of one column filled from another's summary?)")
        return True
    if first.kind == "col":
        return _from_column(ctx, names, first, match.text) if match.item("within") is None else False
    word = first.norm.split()[0] if first.kind == "word" else ""
    strategy = STRATEGIES.get(word)
    value: Any = None
    if strategy is None:
        if first.kind in ("num", "year"):
            value = first.ref
        elif word == "zero":
            value = 0
        elif first.kind == "str":
            value = first.ref
        elif first.kind == "val":
            value = first.ref.value
        elif first.kind == "date" and first.ref.grain == "day":
            value = first.ref.start.isoformat()
        elif first.kind == "word":
            value = first.text
        else:
            return False
        strategy = "constant"
    within = match.item("within") or match.item("owner")
    if within is not None:
        group = ctx.column(within)
        if group is None or strategy == "constant" or group in names:
            ctx.refuse(f"{match.text} (filled per {within.text})")
            return True
        ctx.plan.fill_groups = [group]
    if not names:
        names = _columns_with_gaps(ctx, strategy, value)
        if not names:
            ctx.refuse(f"{match.text} (no column with missing values fits)")
            return True
        ctx.note(f"filled {', '.join(names)}, the columns with missing values")
    for name in names:
        spec = _spec(ctx, name, strategy, value, match.text)
        if spec is not None:
            ctx.plan.fills[name] = spec
    if strategy in ("forward", "backward") and not ctx.plan.fill_order:
        order = ctx.main_date() or ctx.grounding.key_of(ctx.base)
        if order is None:
            ctx.refuse(f"{match.text} (in which order?)")
            return True
        ctx.plan.fill_order = [{"column": order}]
        ctx.note(f"'{strategy}' follows the order of {order}")
    ctx.plan.touched = True
    return True


def _from_column(ctx: Context, names: list[str], item: Item, text: str) -> bool:
    """'fill the gaps in ship date with the order date': the other column's value where this one is missing."""
    source = ctx.column(item)
    if source is None or not names:
        return source is None
    for name in names:
        if name == source:
            continue
        ctx.plan.prepare[name] = f"coalesce({ident(name)}, {ident(source)})"
        ctx.plan.prepare_notes.append(f"Where {name} is missing, use {source}.")
    ctx.plan.touched = True
    return True


def _in_gaps(ctx: Context, match: Match) -> bool:
    """'where total_charges is missing, estimate it as monthly charges times tenure': a computed value in the gaps."""
    item, body = match.item("col"), match.items(name="expr")
    column = ctx.column(item) if item is not None else None
    text = _expression(ctx, body) if body else None
    if column is None or text is None or text == ident(column):
        return False
    filled = f"coalesce({ident(column)}, {text})"
    return compute(ctx, column, filled, match.text, f"Where {column} is missing, use {text}.")


def _spec(ctx: Context, name: str, strategy: str, value: Any, text: str) -> dict[str, Any] | None:
    kind = ctx.type_of(name)
    if strategy in ("mean", "median") and kind not in NUMERIC:
        ctx.refuse(f"{text} ({name} is not a number)")
        return None
    if strategy != "constant":
        return {"strategy": strategy}
    if kind == T.STRING:
        return {"strategy": "constant", "value": str(value)}
    if kind == T.INT64 and isinstance(value, int):
        return {"strategy": "constant", "value": value}
    if kind == T.FLOAT64 and isinstance(value, int | float):
        return {"strategy": "constant", "value": float(value)}
    if kind == T.BOOL and str(value).lower() in ("true", "false", "yes", "no"):
        return {"strategy": "constant", "value": str(value).lower() in ("true", "yes")}
    if kind in TEMPORAL and isinstance(value, str):
        return {"strategy": "constant", "value": value}
    ctx.refuse(f"{text} ({value!r} does not fit {name}, a {kind} column)")
    return None


def _columns_with_gaps(ctx: Context, strategy: str, value: Any) -> list[str]:
    names = []
    for column in ctx.grounding.dataset(ctx.base).columns:
        if not column.nulls:
            continue
        if strategy in ("mean", "median") and column.type not in NUMERIC:
            continue
        if strategy == "constant" and (isinstance(value, str) != (column.type == T.STRING)):
            continue
        names.append(column.name)
    return names


def _replace(ctx: Context, match: Match) -> bool:
    """'replace "Deutschland" with "DE" in country': one value for another."""
    old, new, item = match.items(name="old"), match.items(name="new"), match.item("col")
    if not old or not new:
        return False
    source = old[0].ref.value if old[0].kind == "val" else old[0].ref if old[0].kind == "str" else None
    column = ctx.column(item) if item is not None else old[0].ref.column if old[0].kind == "val" else None
    if source is None or column is None:
        return False
    target = new[0].ref if new[0].kind == "str" else new[0].text
    name = ident(column)
    ctx.plan.prepare[column] = f"if({name} = {literal(source)}, {literal(target)}, {name})"
    ctx.plan.prepare_notes.append(f"Replace {source!r} with {target!r} in {column}.")
    ctx.plan.touched = True
    return True


def read_fills(ctx: Context) -> None:
    """Missing values filled, and one value replaced by another."""
    _read_conditional_fills(ctx)  # first: 'where income is missing, fill with 0' fills income, not every gap
    scan = ctx.sentence.scan
    missing = r"(?:missing|empty|null|blank|nan|na|unknown|absent)"
    gaps = r"(?:values?|entries|cells|gaps?|nulls?|blanks?|ones|holes?)"
    fill = r"(?:fill|replace|impute|set|default|substitute|complete|populate|patch|plug)(?: in| up)?"
    target = r"(?:the |all |any |every |each )?(?:" + missing + r" )?(?:" + gaps + r" )?"
    target += r"(?:(?:in|of|for|from) )?(?:the )?(?:{T} (?=@c))?"  # "the holes in the subscribers income"
    computed = r"(?:with|by|using|to|as) (?:the )?" + arithmetic("expr", operator=True)
    scan(fill + " " + target + r"(?P<col>{C})(?: " + gaps + ")? " + computed, lambda m: _in_gaps(ctx, m))
    filled = (
        r"{target}"
        + r"(?:"
        + COLUMNS
        + r"(?: columns?| fields?| figures?)? )?(?:"
        + gaps
        + r" )?(?:(?:that|which) (?:are|is) )?(?:"
        + missing
        + r"(?: "
        + gaps
        + r")? )?(?:(?:in|of|from|for|among|across) (?:the |our |all )?{T}(?: data| table| dataset)? )?"
    )
    said = filled.replace("{target}", target)
    scan(fill + " " + said + r"(?:with|by|using|to|as) (?:the |an? )?" + HOW, lambda m: _fill(ctx, m))
    # 'swap the blank earnings figures among subscribers for the median': the gaps, said as such, traded for what
    # fills them ('swap the city for the country' swaps columns, no fill)
    said = filled.replace("{target}", target.replace("(?:" + missing + r" )?", missing + " ", 1))
    scan(SWAP + " " + said + r"(?:for|with) (?:the |an? )?" + HOW, lambda m: _fill(ctx, m))
    if ctx.plan.fills:
        # 'set missing income to 0 and missing region to "unknown"': the verb said once for both fills
        scan(
            r"(?:and|,|, and|then|plus) (?:the )?" + missing + r" (?:" + gaps + r" (?:in |of |for )?(?:the )?)?"
            + COLUMNS + r" (?:with|to|as) (?:the |an? )?" + HOW,
            lambda m: _fill(ctx, m),
        )  # fmt: skip
    # 'with the gaps in income plugged using the median income': the gaps said first, then how they were filled
    scan(r"(?:the |all |any )?(?:" + missing + r" )?" + gaps + r" (?:in|of|for) (?:the )?" + COLUMNS
         + r" (?:(?:are|is|being|been|get|got) )?(?:filled|plugged|patched|populated|completed|replaced)(?: in| up)?"
         r" (?:with|by|using|to|as) (?:the |an? )?" + HOW, lambda m: _fill(ctx, m))  # fmt: skip
    scan(
        COLUMNS + r" (?:" + missing + r" )?(?:values )?(?:filled|replaced|set) (?:with|by|to|as) (?:the )?" + HOW,
        lambda m: _fill(ctx, m),
    )
    scan(
        r"(?:treat|count|consider|regard|take|read) "
        + target.replace("(?:" + missing + r" )?", missing + " ", 1)
        + COLUMNS
        + r"(?: "
        + gaps
        + r")? as (?:the |an? )?"
        + HOW,
        lambda m: _fill(ctx, m),
    )
    scan(
        r"(?:use|put|enter|write|take|assume) (?:the |an? )?"
        + HOW
        + r" (?:for|in|as) (?:the |all |any )?"
        + missing
        + r" (?:"
        + gaps
        + r" (?:in |of |for )?(?:the )?)?"
        + COLUMNS
        + r"(?: "
        + gaps
        + ")?",
        lambda m: _fill(ctx, m),
    )
    scan(r"(?P<how>forward|backward) fill(?: the)?(?: " + COLUMNS + ")?", lambda m: _fill(ctx, m))
    # terse 'blank prices -> 0', 'missing ages → median': the gaps, an arrow, what fills them
    arrow = r"(?:- >|\u2192|>=|becomes?|become)"
    scan(r"(?:the |all |any )?" + missing + " " + COLUMNS + r"(?: " + gaps + r")? " + arrow + r" (?:the |an? )?" + HOW,
         lambda m: _fill(ctx, m))  # fmt: skip
    scan(
        r"(?:replace|change|map|turn|convert) (?P<old>{S}|{V}) (?:with|by|to|"
        r"into|as) (?P<new>{S}|[^ @§,;]+)(?: in(?: the)? (?P<col>{C}))?",
        lambda m: _replace(ctx, m),
    )


def _read_conditional_fills(ctx: Context) -> None:
    """Gaps named before the fill: 'where X is missing, estimate it as A times B', 'for orders without a ship date,
    put the order date in there'."""
    scan = ctx.sentence.scan
    verb = (
        r"(?:, )?(?:(?:then|just|please|could|can|would|will|you|simply) )*(?:estimate|fill|set|compute|calculate|"
        r"replace|impute|make|use|take|put|insert|write|approximate)(?: (?:it|them|that|this|those|the gaps?|in))? "
        r"(?:(?:as|with|by|from|to be|to|using) )?"
    )
    place = r"(?: (?:in there|there|in its place|in their place|instead|in that column|in it|for them|for those))*"
    absent = r"(?:is|are|was|were) (?:missing|empty|null|blank|unknown|absent|not (?:set|known|filled))"
    within = WITHIN
    lacking = r"(?:without|with no|lacking|missing|that have no|that lack|with a missing|with missing)"
    rows = r"(?:for|where|when) (?:(?:the |any |all )?(?:{T}|rows|ones) )?"
    for body in (arithmetic("expr"), r"(?P<expr>{S})"):  # a sum, a column, a number, or a text in quotes
        where = r"(?:where|when|if|wherever|whenever) (?:the )?(?P<col>{C}) " + absent + within
        scan(where + " " + verb + body + place, lambda m: _in_gaps(ctx, m))
        # "where an order has no ship date, just use its order date instead": the gaps said as the rows lacking it
        lacks = r"(?:where|when|if|wherever|whenever) (?:an? |the |any )?{T} (?:has|have|had) no (?P<col>{C})"
        scan(lacks + within + " " + verb + body + place, lambda m: _in_gaps(ctx, m))
        scan(rows + lacking + r" (?:a |an |the )?(?P<col>{C}) " + verb + body + place, lambda m: _in_gaps(ctx, m))
        # 'churn has holes in total_charges, could you fill them with A times B': the gaps said as the data's
        holes = r"(?:the )?(?:{T}(?: data| table| dataset)? )?(?:has|have|had) (?:some |a few |several |many )?"
        holes += r"(?:holes|gaps|blanks|missing values) in "
        scan(holes + r"(?:the |its )?(?P<col>{C})(?: ;)? " + verb + body + place, lambda m: _in_gaps(ctx, m))
    # 'for subscribers with no total charges, plug in the median of everyone else's': the others' summary
    others = (
        r"(?: of (?:everyone|everybody|all|the rest|the others|others|the other (?:rows|ones|{T}))(?: else)?(?: s)?)?"
    )
    plug = (
        r" (?:, )?(?:(?:then|just|please|could|can|would|will|you|simply) )*(?:plug|fill|put|use|take|insert)(?: in)?"
    )
    how = r" (?:the |an? )?(?P<how>median|mean|average|mode|most common(?: value)?)" + others + place
    scan(rows + lacking + r" (?:a |an |the )?" + COLUMNS + plug + how, lambda m: _fill(ctx, m))
    # 'income is blank for some subscribers, put the median in there': the gaps said first, as a plain statement
    some = r"(?: (?:for|in|on) (?:some|a few|several|many|certain|a number of|a handful of) (?:{T}|rows|ones|records))?"
    scan(COLUMNS + " " + absent + some + within + r" ," + plug + how, lambda m: _fill(ctx, m))


def read_said_fills(ctx: Context) -> None:
    """Fills said as what the gaps should show: 'products with no price listed should show 0 instead', 'blank
    income should be 0', 'show N/A where city is missing'; read before a test of presence takes 'with no price'."""
    scan = ctx.sentence.scan
    value = r"(?P<how>{N}|{S}|zero|unknown|n / a)(?: (?:instead|there|in its place|in their place))?"
    should = (
        r"(?:should|must|will|would|need to|needs to|ought to)(?: just| simply| instead)? (?:show|read|say|be|become"
        r"|display|get|have|hold|contain|be set to|default to)(?: as)? "
    )
    missing = r"(?:missing|empty|blank|null|unknown|not set|not known|not filled in)"
    lacking = r"(?:with no|without|lacking|that have no|that lack|with a missing|with missing|with an empty|with empty)"
    given = r"(?: (?:listed|given|set|recorded|filled in|entered|known|stated))?"
    within = WITHIN
    scan(lacking + r" (?:a |an |the )?" + COLUMNS + given + within + " " + should + value, lambda m: _fill(ctx, m))
    scan(r"(?:the |any |all )?" + missing + " " + COLUMNS + r"(?: values?| fields?| cells?| entries)?" + within + " "
         + should + value, lambda m: _fill(ctx, m))  # fmt: skip
    # 'where any phone that's blank should read 'not given'', 'emails which are empty should say 'n/a''
    scan(r"(?:(?:where|with) )?(?:the |any |all |every |each )?" + COLUMNS + r" (?:that|which)(?: is| are| s| was"
         r"| were)? " + missing + within + " " + should + value, lambda m: _fill(ctx, m))  # fmt: skip
    # 'churn with every blank total charge counted as zero': the gaps of one column, then what they count as
    counted = r"(?:counted as|treated as|taken as|read as|set to|shown as|filled with|replaced by|replaced with)"
    scan(r"(?:with )?(?:the |any |all |every |each )?" + missing + " " + COLUMNS + r"(?: values?| fields?| cells?"
         r"| entries)?" + within + " " + counted + " " + value, lambda m: _fill(ctx, m))  # fmt: skip
    where = r"(?:where|when|wherever|whenever|if) (?:the )?" + COLUMNS + r" (?:is|are) " + missing + within
    scan(r"(?:show|put|use|write|display|enter) " + value + " " + where, lambda m: _fill(ctx, m))
    scan(where + r"(?: ,)? (?:show|put|use|write|display|enter|" + should.strip() + ") " + value,
         lambda m: _fill(ctx, m))  # fmt: skip
