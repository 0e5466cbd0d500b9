"""Renames: 'rename order_id to order_number', 'country relabelled as destination', 'call the name column full_name
and segment tier instead', 'with price as list_price'."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.entities import ORDER_WORDS
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import FILLER, KEYWORDS


def new_name(text: str) -> str:
    """A column name as the user wrote it, made a plain identifier: 'Order Total' -> 'order_total'."""
    cleaned = re.sub(r"[^0-9A-Za-z_]+", "_", text.strip().strip("'\"`")).strip("_")
    return cleaned or "value"


def read_renames(ctx: Context) -> None:
    """Columns given new names, one or several."""
    scan = ctx.sentence.scan
    old = r"(?P<old>{C}|{S})"
    new = r"(?P<new>{S}|{C}|{V}|{T}|[^ @§,;]+)"
    owner = r"(?: (?:of|in|from) (?:the )?{T}(?: dataset| table| data)?)?"  # 'the price column of products'
    # an arrow is read as its pieces ('->' as '- >') and '=>' as '>='
    pair = old + r"(?: column| field)?" + owner + r" (?:to|as|into|- >|>=|>|\u2192) " + new
    # 'order_id renamed order_number', 'country relabelled as destination', 'email now called contact'
    # ('a category called Toys' is a value of it: 'called' renames only said as the name it gets from now on)
    renamed = r"(?:renamed|relabelled|relabeled|retitled|(?:now|to be|should be) (?:called|named|labelled|labeled))"
    heading = r"(?:heading|header|column name|column heading|column header|title|label)"
    # 'the heading for category relabelled as department': the column said by its heading
    headed = r"(?:(?:the )?" + heading + r" (?:for|of|on) (?:the )?)?"
    scan(headed + old + r"(?: column| field)? " + renamed + r" (?:(?:to|as|into) )?(?P<new>{S}|{C}|[^ @§,;]+)",
         lambda m: _rename(ctx, m))  # fmt: skip
    # 'the segment heading changed to customer_tier': a new heading is a new name ('status changed to shipped' is
    # a value, so 'changed' renames only said of the heading)
    changed = r"(?:changed|switched|updated|altered|set|turned|swapped)"
    scan(old + r"(?: 's)? " + heading + r" (?:(?:is|to be|should be|getting|being) )?" + changed
         + r" (?:to|into) (?P<new>{S}|{C}|[^ @§,;]+)", lambda m: _rename(ctx, m))  # fmt: skip
    scan(r"(?:rename|relabel)(?: the)?(?: {T})?(?: column| field)? " + pair, lambda m: _rename(ctx, m))
    # terse 'churn: customer_ref -> subscriber_id': a column by its stored name, an arrow and a plain identifier that
    # is no word of the data or the planner ('income -> median' is a fill, 'status -> shipped' a value)
    lead = r"(?:^|(?<=[:,;] )|(?<=^@t\d )|(?<=^@t\d\d ))"  # first, after a pause, or after the dataset alone
    arrowed = lead + r"(?P<old>{C}) (?:- >|\u2192) (?P<new>[a-z][a-z0-9_]*)(?= [?.!;,]|$| and )"
    scan(arrowed, lambda m: _arrowed(ctx, m) and _rename(ctx, m))
    naming = r"(?:change|set|update|switch|make)(?: the)? (?:name|header|heading|label|title|@c\d+) of(?: the)?"
    naming += r"(?: column)? "
    scan(naming + pair, lambda m: _rename(ctx, m))
    if ctx.plan.rename:
        scan(r"(?:and|,|, and|and also)(?: rename)?(?: the)? " + pair, lambda m: _rename(ctx, m))
    if scan(r"(?:call|name|label)(?: the)?(?: column)? " + old + r"(?: column)? (?:as )?" + new,
            lambda m: _rename(ctx, m)):  # fmt: skip
        _called_next(ctx, old)
    _given_names(ctx, old)
    _names_from_now_on(ctx, old, owner)
    # "call customer_ref subscriber_id instead": the verb read as a column ('call' as support_calls)
    verb = r"(?P<verb>{C})(?: the)?(?: column)? " + old + r"(?: column)? (?:as )?" + new + r"(?: instead)?"
    scan(verb, lambda m: _verb_rename(ctx, m))


def _rename(ctx: Context, match: Match) -> bool:
    old, new = match.items(name="old"), match.items(name="new")
    if not old or not new:
        return False
    source = ctx.column(old[0]) if old[0].kind == "col" else old[0].ref if old[0].kind == "str" else None
    if source is None:
        return False
    target = new_name(new[0].ref if new[0].kind == "str" else ctx.sentence.request[new[0].start : new[-1].end])
    ctx.plan.rename[str(source)] = target
    ctx.plan.touched = True
    return True


# A new name said after a column: a quoted name, a column's word ('revenue'), or a plain word that is no article or
# joining word ('a category called Toys' names a value, so a value is never a new name here).
GIVEN = r"(?P<new>{S}|{C}|(?!(?:a|an|the|and|or|its|their|instead)(?= |$))[^ @§,;?.!]+)"
# words after a column that say how to show it, never a name it is given
NOT_NAMES = ORDER_WORDS | {"asc", "desc", "first", "last", "only", "too", "also", "please", "again", "now", "then",
                           "up", "down", "sorted", "ordered", "instead", "included", "removed", "dropped"}  # fmt: skip
CALLED = r"(?:called|named|labelled|labeled|titled|renamed|renamed to|renamed as|relabelled|relabeled|shown as)"


def _given_names(ctx: Context, old: str) -> None:
    """'orders but with total_revenue called revenue instead, and quantity called units', 'with price as list_price':
    a column given a new name where the rows are shown; one or several, joined by 'and' or commas."""
    lead = r"(?:(?:but |only |just )?(?:with|having)|and|,|, and|plus)(?: (?:the|its|their))? "
    tail = r"(?: instead| for short| from now on)?"
    scan = ctx.sentence.scan
    scan(lead + old + r"(?: column| field)? " + CALLED + " " + GIVEN + tail, lambda m: _rename(ctx, m))
    scan(r"(?:with|having)(?: the)? " + old + r"(?: column| field)? as " + GIVEN + tail, lambda m: _rename(ctx, m))
    if ctx.plan.rename:
        scan(r"(?:and|,|, and|plus)(?: the)? " + old + r"(?: column| field)? as " + GIVEN + tail,
             lambda m: _rename(ctx, m))  # fmt: skip


# 'shall henceforth be named', 'will from now on be called', 'should be known as': the name a column gets from now on
FROM_NOW_ON = (
    r"(?:(?:shall|will|should|must|is to|are to|can|could)(?: (?:henceforth|hereafter|from now on|going forward|now))?"
    r" be (?:called|named|labelled|labeled|titled|known as|renamed(?: to| as)?|relabelled(?: as)?|relabeled(?: as)?)"
    r"|(?:henceforth|hereafter|from now on) (?:be )?(?:called|named|known as)|(?:is|are) (?:now )?known as)"
)

# the same said after a column a question asks about: 'can email be renamed to contact?'
BE_NAMED = r"be (?:called|named|labelled|labeled|titled|known as|renamed(?: to| as)?|relabell?ed(?: as| to)?)"


def _names_from_now_on(ctx: Context, old: str, owner: str) -> None:
    """A column said with the name it is to carry from now on: 'the column signup_date shall henceforth be named
    member_since', 'email will be called contact going forward', 'could the support_calls column in churn go by
    helpdesk_contacts instead?' ('go by' renames only to a name no word of the data or planner is, as 'the date
    should go by month' is no rename)."""
    scan = ctx.sentence.scan
    lead = r"(?:(?:the )?(?:column|field) )?" + old + r"(?: column| field)?" + owner
    tail = r"(?: instead| from now on| going forward| henceforth)?(?= [?.!;,]|$| and )"
    scan(lead + " " + FROM_NOW_ON + " " + GIVEN + tail, lambda m: _unordered(m) and _rename(ctx, m))
    # asked: 'can total_revenue in the orders be relabelled as order_value?', 'could email be called contact?'
    asked = r"(?:can|could|should|shall|will|would|may|might) (?:please )?(?:the )?(?:{T} 's )?"
    scan(asked + lead + r" (?:please |now )?" + BE_NAMED + " " + GIVEN + owner + tail,
         lambda m: _unordered(m) and _rename(ctx, m))  # fmt: skip
    went = r"(?:(?:should|could|can|will|shall|would|to|let it|let them) )?(?:go|goes|going) by"
    scan(lead + " " + went + r" (?P<new>{S}|[^ @§,;?.!]+)" + tail, lambda m: _plain_name(ctx, m) and _rename(ctx, m))


def _plain_name(ctx: Context, match: Match) -> bool:
    """Whether the new name is quoted or an identifier no reader knows ('helpdesk_contacts', not 'month')."""
    new = match.items(name="new")
    if len(new) != 1:
        return False
    word = new[0].norm
    known = word in KEYWORDS or word in FILLER or word in ctx.grounding.vocabulary
    return new[0].kind == "str" or "_" in word or not known


def _arrowed(ctx: Context, match: Match) -> bool:
    """Whether an arrow pair renames: the old column typed as stored, the new name a word no reader knows."""
    old, new = match.item("old"), match.items(name="new")
    column = ctx.column(old) if old is not None else None
    if column is None or old is None or old.text.lower() != column or len(new) != 1:
        return False
    word = new[0].norm
    known = word in KEYWORDS or word in FILLER or word in ctx.grounding.vocabulary
    return "_" in word or not known


def _verb_rename(ctx: Context, match: Match) -> bool:
    """A rename whose verb ('call', 'name', 'label') the reading took for a column of that name."""
    verb, old = match.item("verb"), match.items(name="old")
    if verb is None or verb.text.lower() not in ("call", "name", "label") or not old or old[0].kind != "col":
        return False
    return _rename(ctx, match)


def _called_next(ctx: Context, old: str) -> None:
    """After 'call the name column full_name', the next pair said the same way: 'and segment tier instead' (a column
    phrase whose first word is the column's own name and whose second is the new one, as 'segment tier' reads)."""
    scan = ctx.sentence.scan
    ending = r"(?: instead)?(?= [?.!;,]|$| and )"
    pair = r"(?:and|,|, and)(?: the)? " + old + r"(?: column| field)? (?:as )?" + GIVEN + ending
    scan(pair, lambda m: _unordered(m) and _rename(ctx, m))
    scan(r"(?:and|,|, and)(?: the)? (?P<pair>{C})" + ending, lambda m: _split_pair(ctx, m))


def _unordered(match: Match) -> bool:
    """Whether the word a pair gives is a name, not how to order or a word of the ask ('and age descending')."""
    new = match.items(name="new")
    return bool(new) and (new[0].kind != "word" or new[0].norm not in NOT_NAMES)


def _split_pair(ctx: Context, match: Match) -> bool:
    """'segment tier' read as one column: the column by its own name, then the name it is to get."""
    item = match.item("pair")
    words = item.text.split() if item is not None else []
    if item is None or len(words) != 2 or ctx.column(item) != words[0].lower() or words[1].lower() in NOT_NAMES:
        return False
    if not re.fullmatch(r"\w+", words[1]):
        return False
    ctx.plan.rename[words[0].lower()] = new_name(words[1])
    ctx.plan.touched = True
    return True
