"""Cleaning: 'remove duplicates', 'one row per email keeping the latest', 'fill missing ages with the median'."""

from __future__ import annotations

from datalinx.agents.offline.columns import COLUMNS, _named
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.plan import Dedupe
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.summary_words import rows_per_group
from datalinx.core.pipelines.types import ColumnType

T = ColumnType
LATEST = ("latest", "last", "most recent", "newest", "highest", "largest", "biggest", "max", "maximum", "recent")
REMOVE = (
    r"(?:remove|drop|delete|eliminate|get rid of|without|no|exclude|filter out|dedupe|deduplicate|de - duplicate"
    r"|dedup|clean up|take out|discard|skip|ignore|strip|purge|minus)"
)
DUPLICATES = (
    r"(?:duplicate {T}|duplicated {T}|duplicate (?:rows|records|entries|"
    r"lines)|duplicated (?:rows|records|entries|lines)"
    r"|(?:repeated|identical) (?:rows|records|entries|{T})|double entries|duplicates?|dupes?|repeats"
    r"|(?:exact |identical )?copies"
    # 'exact copies of a row', 'an exact copy of another record', 'copies of each other'
    r"|(?:(?:an |the )?exact |identical )?(?:copies|copy) of (?:(?:a|another|an earlier|one|other) (?:row|record|entry"
    r"|line)s?|each other|one another))"
)
# rows told as whole copies of others: 'that appear twice', 'identical in every column', 'that are exact copies'
SAME_ROWS = (
    r"(?:identical|exactly the same|the same|alike|duplicated|repeated) (?:in|across|on|over) (?:every|each|all)"
    r"(?: the| of the| of their| of its| their| its)? (?:columns?|fields?|values?)"
    r"|(?:exact|identical|perfect|complete) (?:copies|duplicates)(?: of (?:each other|one another|another(?: row)?))?"
    r"|(?:copies|duplicates) of (?:each other|one another)|identical|exactly alike|exactly the same"
)
TWICE = (
    r"(?:appear|appears|show up|shows up|occur|occurs|turn up|turns up|are listed|is listed|come up|comes up"
    r"|are there|is there|exist|exists)(?: in the data| in the table)? (?:twice"
    r"|more than (?:once|{N}(?: times?)?)|two or more times|several times|multiple times|over and over)"
)
WHOLE_COPIES = (
    REMOVE
    + r"(?: the| any| all)? (?:{T}|rows|records|entries|lines) (?:that|which) (?:"
    + TWICE
    + r"|(?:are|is) (?:"
    + SAME_ROWS
    + r"))(?:(?: ,)? (?:and |that are |which are |being |as in |i mean |ie |i e )?(?:"
    + SAME_ROWS
    + r"))?"
)
# repeats said as made one: 'with any row that appears twice collapsed into one', 'merge the duplicates into one'
ONE = r"(?:in)?to (?:just |only )?(?:one|a single|1)(?: row| copy| record| entry| line)?"
MADE_ONE = r"(?:collapsed|merged|folded|squashed|squished|condensed|combined|reduced|boiled down|cut down)"
REPEATED_ROWS = (
    r"(?:the |any |all |every |each )?(?:rows?|records?|entries|entry|lines?|{T}) (?:that|which) " + TWICE
    + r"|(?:the |any |all )?(?:exact )?" + DUPLICATES
)  # fmt: skip
COLLAPSED = (
    rf"(?:(?:with|having) )?(?:{REPEATED_ROWS}) {MADE_ONE} {ONE}"
    rf"|(?:collapse|merge|fold|squash|condense|combine|reduce) (?:{REPEATED_ROWS}) {ONE}"
)
# how the repeats are told, around the ask: 'rows that are exact copies of each other', 'so each appears once'
COPIES_SAID = (
    r"(?:(?:has|have|got|contains|there are)(?: a few| some| several| many| a couple of)? (?:rows|records|entries)"
    r" (?:that are|which are|that re) (?:exact )?(?:copies|duplicates) of (?:each other|one another)"
    r"|so (?:that )?each(?: one| row| record)? (?:appears|shows up|is there|is left) (?:only |just )?once)"
)
WHICH = (
    r"(?P<which>latest|last|most recent|newest|first|earliest|oldest|"
    r"highest|lowest|largest|smallest|biggest|max|maximum|min|minimum|"
    r"recent)"
)

# 'the biggest order by revenue', 'the biggest order, measured in revenue,': which column decides
MEASURED = r"(?:as )?(?:measured|judged|ranked) (?:in|by|on)"
DECIDED_BY = r"(?:(?: ,)? (?:by|in terms of|based on|" + MEASURED + r")(?: the)? (?P<col>{C}))?"
# "retain the lower-priced row": between two repeats, a comparative picks as its superlative does
COMPARATIVES = {"lower": "lowest", "higher": "highest", "bigger": "biggest", "larger": "largest", "smaller": "smallest",
                "newer": "newest", "older": "oldest", "earlier": "earliest", "later": "latest"}  # fmt: skip
# "keeping the cheapest": an end of the price
PRICE_ENDS = {"cheapest": "lowest", "priciest": "highest", "most expensive": "highest", "least expensive": "lowest",
              "cheaper": "lowest", "pricier": "highest"}  # fmt: skip
WHICH_KEPT = WHICH[:-1] + "|" + "|".join(COMPARATIVES) + ")"
PRICED = r"(?P<which>" + "|".join(PRICE_ENDS) + ")"


def _dedupe(ctx: Context, match: Match) -> bool:
    keys = _named(ctx, match) or None
    ctx.plan.dedupe = Dedupe(
        keys=keys,
        explanation=f"Keep one row per {', '.join(keys)}." if keys else "Remove rows that repeat every column.",
    )
    ctx.plan.touched = True
    which = match.group("which") if "which" in match.match.re.groupindex else None
    if which:
        _keep(ctx, which, None)
    return True


def _which_row(ctx: Context, match: Match) -> bool:
    """'the latest row per email'; after 'one row per email', 'the first row by signup_date' says which row stays."""
    dedupe = ctx.plan.dedupe
    if dedupe is None or not dedupe.keys:
        return _dedupe(ctx, match)
    names = _named(ctx, match)
    if len(names) != 1 or names[0] in dedupe.keys:
        return False
    _keep(ctx, match.group("which") or "first", names[0])
    return True


# 'keep the first 3': a limit, read with the rankings; 'keep the first 2 per country' is still a pick per group
NOT_A_LIMIT = (
    r"(?! {N}(?! (?:(?:rows?|records?|ones|entries|{T}) )?(?:per|for each|for every|of each|in each|each|by|within)"
    r"(?= )))"
)


def _keep(ctx: Context, which: str, column: str | None) -> None:
    dedupe = ctx.plan.dedupe
    if dedupe is None:
        return
    latest = which in LATEST
    if column is None and which in ("first", "last"):
        # the engines keep no file order, so 'the first row' as listed cannot be honoured: said, not guessed
        ctx.refuse(f"the {which} row (rows have no stored order; say which column decides, e.g. 'the earliest date')")
        return
    if column is None:
        column = (
            ctx.main_date()
            if which not in ("highest", "lowest", "largest", "smallest", "biggest")
            else ctx.main_measure()
        )
    if column is None:
        ctx.refuse(f"keep the {which} (by which column?)")
        return
    dedupe.keep = "last" if latest else "first"
    if ctx.type_of(column) == T.STRING and "date" in column:
        parsed = f"{column}_as_date"
        ctx.plan.prepare[parsed] = ctx.as_date(column)  # the text stays as it is; the order uses the dates
        ctx.plan.prepare_notes.append(f"Read {column} as dates, to order by.")
        column = parsed
    dedupe.order_by = [{"column": column}]
    nulls_away(dedupe)
    dedupe.explanation = dedupe.explanation.rstrip(".") + f", the one with the {which} {column}."


def nulls_away(dedupe: Dedupe) -> None:
    """Rows missing the value ordered by are never the one kept: they sort to the end that is not kept."""
    for key in dedupe.order_by:
        key["nulls_last"] = dedupe.keep == "first"


def _keeping(ctx: Context, match: Match) -> bool:
    if ctx.plan.dedupe is None:
        return False
    item = match.item("col")
    column = ctx.column(item) if item is not None else None
    which = match.group("which") or "first"
    if which in PRICE_ENDS:
        refs = [r for d in ctx.reading.scope for r in ctx.grounding.columns_named(("price",), [d])]
        if column is None and not refs:
            return False
        column, which = column or ctx.use(refs[0]), PRICE_ENDS[which]
    _keep(ctx, COMPARATIVES.get(which, which), column)
    return True


def _in_time(ctx: Context, match: Match, which: str) -> str | None:
    """'their first order', 'the last purchase': a row named as an event comes first or last by its date."""
    noun = match.items()[-1]
    named = (noun.kind == "ds" and str(noun.ref) == ctx.base) or noun.norm in ("purchase", "sale")
    return ctx.main_date() if named and which in ("first", "last") else None


def _kept_in_time(ctx: Context, match: Match) -> bool:
    """'keeping their first order': among repeats, the earliest (or latest) row by its date."""
    which = match.group("which") or "first"
    column = _in_time(ctx, match, which)
    if ctx.plan.dedupe is None or column is None:
        return False
    _keep(ctx, which, column)
    return True


def _pick(ctx: Context, match: Match) -> bool:
    """'for every product, its first order': one row per group, chosen by the dataset's date."""
    item = match.item("col")
    which = match.group("which") or "first"
    column = ctx.column(item) if item is not None else _in_time(ctx, match, which)
    if ctx.pick is not None and column is None:
        return True
    ctx.pick = (which.removesuffix("ly"), column)
    return True


def _base_noun(ctx: Context, match: Match) -> bool:
    """Whether the match's noun, a word the reading left as one ('order' before 'by'), names the base's rows."""
    return match.group("noun") is None or ctx.grounding.dataset_words.get(match.group("noun") or "") == ctx.base


def _owned_pick(ctx: Context, match: Match) -> bool:
    """'each customer's latest order': grouped by the owner's key, which the base's rows hold."""
    owner = match.item("owner")
    key = ctx.grounding.key_of(str(owner.ref)) if owner is not None and str(owner.ref) != ctx.base else None
    if key is None or ctx.grounding.column(ctx.base, key) is None or ctx.groups:
        return False
    ctx.groups.append(key)
    ctx.note(f"'{owner.text}' grouped by {key}")
    return _pick(ctx, match)


def _default_order(ctx: Context) -> None:
    """Without a stated order, 'first' is the first by the dataset's key (closest to the file's order)."""
    dedupe = ctx.plan.dedupe
    if dedupe is None or dedupe.order_by or not dedupe.keys:
        return
    key = ctx.grounding.key_of(ctx.base)
    if key is not None and key not in dedupe.keys:
        dedupe.order_by = [{"column": key}]
        ctx.note(f"kept the first row by {key} among duplicates")


def _counted(ctx: Context, match: Match) -> bool:
    """Whether a number comes just before: 'the 10 biggest customers by revenue' ranks, it keeps no row per group."""
    index = match.indexes[0] - 1
    return index >= 0 and ctx.sentence.items[index].kind == "num"


def read_whole_copies(ctx: Context) -> None:
    """'get rid of the orders that appear twice, identical in every column': whole-row duplicates removed, read
    before the exclusions take 'remove the orders that are ...' as a test of the rows."""
    ctx.sentence.scan(WHOLE_COPIES, lambda m: _dedupe(ctx, m))
    ctx.sentence.scan(COLLAPSED, lambda m: _dedupe(ctx, m))


def read_cleaning(ctx: Context) -> None:
    """Duplicates removed, and which row of each stays."""
    scan = ctx.sentence.scan
    scan(REMOVE + r"(?: the| any| all)? (?:duplicate|duplicated|repeated) " + COLUMNS, lambda m: _dedupe(ctx, m))
    if ctx.sentence.first(r"(?:keep|keeping|retain|retaining) .*(?:for|of|per) (?:each|every)") is not None:
        # "products has a few repeated product ids, could you keep one for each": the repeats, then which stays
        scan(r"(?:has|have|got|contains|there are)(?: a few| some| several| many| a couple of)? (?:repeated|"
             r"duplicate|duplicated) " + COLUMNS, lambda m: _dedupe(ctx, m))  # fmt: skip
    scan(
        REMOVE
        + r"(?: the| any| all)?(?: exact)? "
        + DUPLICATES
        + r"(?: (?:by|on|based on|of|in|per|using|across|for|with the same) "
        r"(?:the )?" + COLUMNS + ")?",
        lambda m: _dedupe(ctx, m),
    )
    # the repeats said as gone: 'customers with the duplicate rows removed', 'orders, duplicates dropped'
    gone = r" (?:removed|dropped|deleted|eliminated|taken out|stripped out|cleaned out|filtered out|gone|purged)"
    scan(r"(?:(?:with|having) )?(?:the |any |all )?(?:(?:duplicate|duplicated|repeated) " + COLUMNS + "|(?:exact )?"
         + DUPLICATES + ")" + gone, lambda m: _dedupe(ctx, m))  # fmt: skip
    if ctx.plan.dedupe is not None:
        scan(COPIES_SAID, lambda m: True)
    scan(
        r"(?:after|once|having) (?:removing|dropping|deleting|eliminating|removed|dropped|deleted) (?:the |any |all )?"
        r"(?:exact )?" + DUPLICATES + r"(?: (?:from|in) (?:the )?{T})?",
        lambda m: _dedupe(ctx, m),
    )
    scan(
        r"(?:deduplicate|dedupe|de - duplicate|dedup)(?: the)?(?: {T})?(?: list|"
        r" table| data| rows| records| entries)?(?: (?:by|on|based on|using|per|"
        r"over) (?:the )?" + COLUMNS + ")?",
        lambda m: _dedupe(ctx, m),
    )
    scan(
        r"(?:(?:keep|keeping|take|show|return|want|give me|leave) )?(?:only |just )?(?:one|a single|one single) "
        r"(?:row|record|entry|line"
        r"|result|customer|order|product) (?:per|for each|for "
        r"every|by|each|for) (?:unique |distinct )?" + COLUMNS,
        lambda m: rows_per_group(ctx, m, _named(ctx, m)) or _dedupe(ctx, m),
    )
    scan(r"(?:unique|distinct) (?:rows|records|entries|lines)", lambda m: _dedupe(ctx, m))
    scan(
        r"(?:only )?(?:the )?" + WHICH + r" (?:row|record|entry|one|{T}) (?:per|for each|for every|of each|by|"
        r"for) " + COLUMNS + r"(?! (?:in|for|from|of|within) (?:each|every) | per )",  # 'by price in each category'
        lambda m: not _counted(ctx, m) and _which_row(ctx, m),
    )
    keep = (
        r"(?:keep|keeping|retain|retaining|take|taking|prefer|preferring|choose|"
        r"choosing|using|use|pick|picking|leaving)"
    )
    scan(
        keep + r"(?: only)?(?: the)?(?: one| row| record| entry)?(?: with the)? " + WHICH_KEPT + r" (?P<col>{C})",
        lambda m: _keeping(ctx, m),
    )
    if ctx.plan.dedupe is not None:
        scan(
            keep + r"(?: only)?(?: the)? " + PRICED + r"(?: one| row| record| entry| version)?",
            lambda m: _keeping(ctx, m),
        )
    scan(keep + r"(?: only)?(?: the| their| its| his| her) " + WHICH + r" (?:{T}|purchase|sale)",
         lambda m: _kept_in_time(ctx, m))  # fmt: skip
    scan(
        keep + r"(?: only| just)?(?: the)? " + WHICH + r"(?: one| row| record| entry| version| occurrence)?"
        r"(?: (?:by|on|according to|based on|per|of|in) (?:the )?(?P<col>{C}))?" + NOT_A_LIMIT,
        lambda m: _keeping(ctx, m),
    )
    scan(  # "each customer's most recent order": one of the orders per customer
        r"(?:for )?(?:each|every) (?P<owner>{T})(?: ,)?(?: (?:their|its|his|her))?(?: very| single| one)? "
        + WHICH
        + r"(?: ever)? (?:{T}|one|purchase|sale|(?P<noun>order))"
        + DECIDED_BY,
        lambda m: _base_noun(ctx, m) and _owned_pick(ctx, m),
    )
    scan(
        r"(?:(?:keep|keeping|retain|retaining|show|take|get|give me|return|list|find|select|pick)(?: "
        r"me)? )?(?:just |only )?(?:its|their|the|his|her|each|every) (?:very |single |one )?"
        + WHICH
        + r"(?: ever)? (?:{T}|one|row|record|entry|purchase|sale|(?P<noun>order))(?! {C})"  # not 'the order revenue'
        + DECIDED_BY,  # 'the biggest order by revenue': which column decides
        lambda m: _base_noun(ctx, m) and _pick(ctx, m),
    )
    if ctx.plan.dedupe is not None and ctx.plan.dedupe.keys:  # "where an id occurs more than once"
        scan(
            r"(?:where|when|if|whenever) (?:an? |the |that |its )?(?:{C}|id|key) (?:occurs|appears|is repeated|repeats"
            r"|shows up|is duplicated|is used)(?: more than (?:once|one time|{N}(?: times?)?)| twice| several times"
            r"| multiple times)?",
            lambda m: True,
        )
    if ctx.plan.dedupe is not None or ctx.pick is not None:
        chosen = r"(?:(?:with|having|by) )?(?:the )?" + WHICH + r" (?P<col>{C})"
        scan(chosen, lambda m: _keeping(ctx, m) if ctx.plan.dedupe is not None else _pick(ctx, m))
    recent = r"(?P<which>most recently|most recent|latest|newest|earliest|oldest|first|last)"
    scan(
        keep + r"(?: only)?(?: the)? " + recent + r"(?: (?P<col>{C}))?(?: {T})?" + NOT_A_LIMIT,
        lambda m: _pick(ctx, m) if ctx.plan.dedupe is None else False,
    )
    _default_order(ctx)
