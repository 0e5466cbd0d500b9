"""Columns said by what they hold, in a list of columns: 'for each order its number, which item it was and how many
were bought' (order_id, product_id, quantity), 'how much it was worth and which country it went to', 'how
subscribers pay and what kind of internet they have'; each phrase is read as the column it describes."""

from __future__ import annotations

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import PEOPLE

# Where a phrase stands in a list of columns: after a comma, 'and', or 'its'/'their' of a list's start.
LISTED_AFTER = (", ", ": ", "and ", "just ", "only ", "alongside ", "beside ", "plus ")
LISTED = "(?:" + "|".join(f"(?<={before})" for before in LISTED_AFTER) + ")"
# the same, or after the pairs a list is of ('every pairing of how they pay and ...')
PAIRS = ("pair", "pairs", "pairing", "pairings", "combination", "combinations")
LISTED_OF = "(?:" + "|".join(f"(?<={before})" for before in (*LISTED_AFTER, *(f"{p} of " for p in PAIRS))) + ")"
ENDS = r"(?= ,| and|$| [?.!;]| that| which)"
WHO = r"(?:it|they|each one|each|(?:the |each |every )?{T})"
# what a row's column is said to do: 'which country it went to', 'which city they live in'
GOES = (
    r"(?:went to|goes to|go to|was sent to|were sent to|is sent to|shipped to|was shipped to|were shipped to|is in"
    r"|are in|was in|were in|belongs to|belong to|lives in|live in|comes from|come from|is from|are from)"
)
HAS = r"(?:have|has|had|use|uses|used|are on|is on|were on|was on|get|gets|got)"
WAS = r"(?:it|they) (?:was|were|is|are)"
BOUGHT = r"(?:bought|ordered|purchased|sold)"


def read_column_descriptions(ctx: Context) -> None:
    """Phrases in a list that describe a column of the base: its key, the thing each row is of, how many."""
    scan = ctx.sentence.scan
    things = r"(?:things|columns|fields|details|attributes|bits of information|pieces of information)"
    scan(r"(?:just |only )?(?:the )?(?P<n>{N}) " + things + r"(?= (?:from|of|for|about|on|in) | :)",
         lambda m: _counted_columns(ctx, m))  # fmt: skip
    scan(LISTED + r"(?:its|their) (?:number|id)(?= ,| and|$| [?.!;])", lambda m: _fold(ctx, m, _own_key(ctx)))
    scan(LISTED + r"which (?P<thing>{T}|{C}|item|product|article) " + WAS + r"(?= ,| and|$| [?.!;])",
         lambda m: _fold(ctx, m, _thing_key(ctx, m)))  # fmt: skip
    scan(LISTED + r"how many (?:(?:were|was|got|they) )?" + BOUGHT + r"(?= ,| and|$| [?.!;])",
         lambda m: _fold(ctx, m, _counted(ctx)))  # fmt: skip
    # 'how much it was worth': the amount of each row
    worth = r"(?:how much|what) " + WHO + r" (?:was|were|is|are) worth"
    scan(LISTED + worth + ENDS, lambda m: _fold(ctx, m, ctx.main_measure()))
    costs = r"(?:how much|what) " + WHO + r" (?:(?P<c>{C})|sells for|sell for|sold for|goes for|go for)"
    scan(LISTED + costs + ENDS, lambda m: _fold(ctx, m, _price(ctx, m)))
    scan(LISTED + r"(?:which|what) (?P<c>{C}) " + WHO + " " + GOES + ENDS, lambda m: _fold(ctx, m, _named(ctx, m)))
    scan(LISTED_OF + r"what (?:kind|kinds|type|types|sort|sorts) of (?P<c>{C}) " + WHO + " " + HAS + ENDS,
         lambda m: _fold(ctx, m, _named(ctx, m)))  # fmt: skip
    # 'how subscribers pay': the column its verb names
    scan(LISTED_OF + r"how " + WHO + r" (?P<c>{C})" + ENDS, lambda m: _fold(ctx, m, _named(ctx, m)))
    # 'the column that says when each person joined': the column its words name, said by what it tells
    scan(r"(?:the |that )?(?:column|field) (?:that|which) (?:says|shows|tells(?: you| us)?|holds|records|gives|stores"
         r"|keeps|has) (?:when|how|what|which|whether|where|who)(?: (?!(?:not|no|never)(?= ))(?![@§])[^ ]+){0,4}"
         r" (?P<c>{C})", lambda m: _fold(ctx, m, _named(ctx, m)))  # fmt: skip
    # 'the column saying whether a row is for training or testing': the one column holding both values named
    telling = (
        r"(?:the |that )?(?:column|field) (?:(?:that|which) )?(?:says|saying|shows|showing|tells|telling|marks|marking"
        r"|records|recording|indicates|indicating|flags|flagging) (?:whether|if)(?: (?!(?:not|no|never)(?= ))"
        r"(?:(?![@§])[^ ]+|{T})){0,4} (?P<v1>{V}) or (?P<v2>{V})"
    )
    scan(telling, lambda m: _fold(ctx, m, _holding(ctx, m)))


def _own_key(ctx: Context) -> str | None:
    """The key of the base's rows, when the request names them each ('for each order')."""
    named = ctx.sentence.first(r"(?:each|every|per) (?:single )?{T}")
    item = named.items("ds")[0] if named is not None and named.items("ds") else None
    return ctx.grounding.key_of(ctx.base) if item is not None and str(item.ref) == ctx.base else None


def _thing_key(ctx: Context, match: Match) -> str | None:
    """The base's key to the dataset a row is of: named ('which product'), or the one such that holds no people."""
    thing = match.item("thing")
    if thing is not None and thing.kind == "col" and thing.norm not in ("item", "article", "product", "thing"):
        return None
    if thing is not None and thing.kind == "ds":
        candidates = [str(thing.ref)]
    else:
        candidates = [d.name for d in ctx.grounding.catalog.datasets if not any(p in d.name for p in PEOPLE)]
    keys = [
        key
        for name in candidates
        if name != ctx.base and (key := ctx.grounding.key_of(name)) and ctx.grounding.column(ctx.base, key) is not None
    ]
    return keys[0] if len(keys) == 1 else None


def _counted_columns(ctx: Context, match: Match) -> bool:
    """'just three things from orders: ...': a count of the columns listed, not of rows (checked once they are read)."""
    count = match.item("n")
    if count is None or not isinstance(count.ref, int) or isinstance(count.ref, bool):
        return False
    ctx.columns_said = count.ref
    return True


def check_columns_said(ctx: Context) -> None:
    """The columns said to be so many are that many; otherwise which were meant is unclear."""
    if ctx.columns_said is None:
        return
    listed = len(ctx.plan.select or [])
    if listed != ctx.columns_said:
        ctx.refuse(f"{ctx.columns_said} things ({listed} columns were read)")


def _price(ctx: Context, match: Match) -> str | None:
    """What a row costs: its one price, when that is its amount too (a product's price, not an order's unit price)."""
    said = match.item("c")
    if said is not None and said.norm not in ("cost", "costs"):
        return None
    refs = ctx.grounding.columns_named(("price",), [ctx.base])
    main = ctx.main_measure()
    return main if len(refs) == 1 and refs[0].column == main else None


def _named(ctx: Context, match: Match) -> str | None:
    """The base's column the phrase's column word names."""
    item = match.item("c")
    if item is None or item.kind != "col" or item.ref.dataset != ctx.base:
        return None
    return item.ref.column


def _holding(ctx: Context, match: Match) -> str | None:
    """The base's one column both values of a match are of ('training or testing': split)."""
    said = [match.item("v1"), match.item("v2")]
    refs = [getattr(item.ref, "column", None) if item is not None and item.kind == "val" else None for item in said]
    owners = [getattr(item.ref, "dataset", None) for item in said if item is not None]
    return refs[0] if refs[0] is not None and refs[0] == refs[1] and owners == [ctx.base, ctx.base] else None


def _counted(ctx: Context) -> str | None:
    refs = ctx.grounding.columns_named(("quantity",), [ctx.base])
    return refs[0].column if len(refs) == 1 else None


def _fold(ctx: Context, match: Match, column: str | None) -> bool:
    """The match read as one column item, for the list readers after; nothing read when no column fits."""
    facts = ctx.grounding.column(ctx.base, column) if column is not None else None
    if facts is None or column is None:
        return False
    ref = ColumnRef(ctx.base, column, facts.type, 3)
    match.sentence.fold(match.indexes[0], match.indexes[-1], match.as_column(ref))
    return False  # the folded item is left for the readers of column lists
