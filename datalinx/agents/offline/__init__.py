"""The offline planner: plain English to a pipeline DAG with no LLM, saying plainly what it did not understand.

A request is read against the catalog (typos fixed, datasets, columns and values found), clause readers take the
parts they understand, a plan is built into a chain of nodes and validated; every meaningful word no reader took is
reported in `not_understood` rather than guessed at.
"""

from __future__ import annotations

import re
from typing import Any

from datalinx.agents.offline.ages import read_ages
from datalinx.agents.offline.ages_reached import read_ages_reached
from datalinx.agents.offline.aggregates import read_measures
from datalinx.agents.offline.attached import read_attached
from datalinx.agents.offline.averages_said import read_on_average
from datalinx.agents.offline.build import build
from datalinx.agents.offline.chatter import read_blank_groups, read_chatter, read_enough_columns
from datalinx.agents.offline.check import self_check
from datalinx.agents.offline.cleaning import read_cleaning, read_whole_copies
from datalinx.agents.offline.columns import read_columns, read_shapes
from datalinx.agents.offline.compose import finish
from datalinx.agents.offline.computed import read_computed, read_flag_columns
from datalinx.agents.offline.conditions import read_exclusions, read_left_out
from datalinx.agents.offline.contacts import read_contacts
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.copies_said import read_copies_told
from datalinx.agents.offline.counted_only import read_counted_only
from datalinx.agents.offline.date_relations import read_owned_dates
from datalinx.agents.offline.derive import read_derived
from datalinx.agents.offline.derived_said import read_derived_said
from datalinx.agents.offline.derived_words import read_derived_words
from datalinx.agents.offline.described import read_described
from datalinx.agents.offline.descriptions import read_column_descriptions
from datalinx.agents.offline.each_once import read_each_once, read_sent_to, read_values_present
from datalinx.agents.offline.earnings import read_earned_rankings
from datalinx.agents.offline.fill_words import read_fill_words
from datalinx.agents.offline.fills import read_fills, read_said_fills
from datalinx.agents.offline.filter_dates import read_dates
from datalinx.agents.offline.filters import read_comparisons
from datalinx.agents.offline.followup import edits, plan_of, why_uneditable
from datalinx.agents.offline.grounding import ColumnRef
from datalinx.agents.offline.group_links import read_crossed_groups, read_went_to_groups
from datalinx.agents.offline.groups import read_groups
from datalinx.agents.offline.having import read_having
from datalinx.agents.offline.idioms import read_idioms, read_narrowed, read_occasions, read_one_side
from datalinx.agents.offline.idle_verbs import read_checking, read_idle_verbs
from datalinx.agents.offline.join_forms import read_rows_owning
from datalinx.agents.offline.join_review import consume_datasets, read_whose
from datalinx.agents.offline.joins import read_added_back, read_joins
from datalinx.agents.offline.kept_where import read_kept_where
from datalinx.agents.offline.measure_words import read_measure_words
from datalinx.agents.offline.members import read_plus_as_and, read_unseen_members, read_value_words
from datalinx.agents.offline.most_any import read_most_any
from datalinx.agents.offline.new_rows import read_new_rows
from datalinx.agents.offline.null_places import read_null_places
from datalinx.agents.offline.ordering import read_limits, read_sorts
from datalinx.agents.offline.outputs import read_outputs
from datalinx.agents.offline.overall import read_all_told, read_one_number, read_over_all_rows
from datalinx.agents.offline.placing import read_placements, read_sorted_by
from datalinx.agents.offline.plan import Plan
from datalinx.agents.offline.presence import read_presence
from datalinx.agents.offline.prices_said import read_prices_said
from datalinx.agents.offline.questions import read_extremes, read_questions
from datalinx.agents.offline.range_ends import read_range_ends
from datalinx.agents.offline.ranked_rows import read_ranked_rows
from datalinx.agents.offline.ranking import read_late_rankings, read_rankings
from datalinx.agents.offline.rates import read_rates
from datalinx.agents.offline.reading import grounding_for, read
from datalinx.agents.offline.reasons import ASKED
from datalinx.agents.offline.row_words import read_row_words
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.since_done import read_since_done
from datalinx.agents.offline.summary_forms import read_arrow_groups, read_busiest_answered, read_spent_by_each
from datalinx.agents.offline.summary_words import read_measures_taken_as, read_summary_verbs
from datalinx.agents.offline.tallies import read_tallies
from datalinx.agents.offline.tenures import read_nth_spans, read_tenures
from datalinx.agents.offline.units_said import read_unit_asides, read_unit_factors
from datalinx.agents.offline.values import read_removed_after, read_values
from datalinx.agents.offline.whereabouts import read_whereabouts
from datalinx.agents.offline.who_did import read_who_did
from datalinx.agents.offline.words import FILLER, KEYWORDS, of_people
from datalinx.agents.offline.yet_to import read_yet_to
from datalinx.agents.schemas import Draft
from datalinx.core.datasets.facts import CatalogView
from datalinx.core.pipelines.types import NUMERIC

__all__ = ["draft"]

READERS = (
    read_unit_factors,
    read_plus_as_and,
    read_crossed_groups,
    read_summary_verbs,
    read_attached,
    read_counted_only,
    read_since_done,
    read_nth_spans,
    read_null_places,
    read_idioms,
    read_owned_dates,
    read_blank_groups,
    read_sent_to,
    read_values_present,
    read_outputs,
    read_whole_copies,
    read_copies_told,
    read_exclusions,
    read_flag_columns,
    read_fill_words,
    read_said_fills,
    read_removed_after,
    read_presence,
    read_checking,
    read_measure_words,
    read_most_any,
    read_rates,
    read_rows_owning,
    read_described,
    read_whereabouts,
    read_enough_columns,
    read_contacts,
    read_on_average,
    read_column_descriptions,
    read_shapes,
    read_derived_words,
    read_derived_said,
    read_computed,
    read_derived,
    read_unit_asides,
    read_questions,
    read_fills,
    read_yet_to,
    read_cleaning,
    read_joins,
    read_earned_rankings,
    read_ranked_rows,
    read_rankings,
    read_sorts,
    read_sorted_by,
    read_over_all_rows,
    read_arrow_groups,
    read_spent_by_each,
    read_groups,
    read_went_to_groups,
    read_tallies,
    read_placements,
    read_late_rankings,
    read_limits,
    read_extremes,
    read_having,
    read_measures,
    read_busiest_answered,
    read_measures_taken_as,
    read_new_rows,
    read_one_number,
    read_tenures,
    read_ages_reached,
    read_ages,
    read_dates,
    read_kept_where,
    read_range_ends,
    read_prices_said,
    read_comparisons,
    read_occasions,
    read_all_told,
    read_value_words,
    read_one_side,
    read_values,
    read_row_words,
    read_left_out,
    read_unseen_members,
    read_narrowed,
    read_columns,
    read_each_once,
    read_added_back,
    read_whose,
    read_who_did,
    read_idle_verbs,
)


def draft(request: str, catalog: CatalogView, previous: dict[str, Any] | None = None) -> Draft:
    """Plan `request` over `catalog`; `previous` is the conversation's earlier definition, which the request edits."""
    grounding, _ = grounding_for(catalog)
    prior = plan_of(previous, grounding) if previous else None
    if previous and prior is None:
        return _afresh(request, catalog, why_uneditable(previous))
    reading = read(request, catalog, prior.datasets if prior else None)
    if reading.base is None:
        return Draft(not_understood=[_whole(request)], assumptions=reading.assumptions)
    plan = prior.plan if prior else Plan(dataset=reading.base)
    ctx = Context(reading, grounding, plan, assumptions=list(reading.assumptions), unclear=list(reading.unclear))
    also, instead = _edit_words(request)
    if prior is not None:
        edits(ctx, also=also, instead=instead)
    _asides(ctx)
    for reader in READERS:
        reader(ctx)
    _buyers_by_signup(ctx)
    finish(ctx, also=also, instead=instead)
    consume_datasets(ctx)
    if prior is not None:
        ctx.sentence.scan(EDIT_WORDS, lambda m: True)
    _courtesies(ctx)
    read_chatter(ctx)
    _unread_states(ctx)
    _unread_deeds(ctx)
    leftovers = ctx.sentence.leftovers()
    not_understood = [*ctx.unclear, *(w for w in leftovers if w not in ctx.unclear)]
    core_missed = _leading_word_missed(ctx)
    if core_missed or (not plan.touched and (leftovers or ctx.unclear) and prior is None):
        # what the request asks for was not understood ("predict ...", "translate ..."): no plan is better than a part
        return Draft(not_understood=not_understood or [_whole(request)], assumptions=ctx.assumptions)
    definition, explanations = build(plan)
    checked, explanations, problems = self_check(definition, explanations, catalog)
    not_understood.extend(problems)
    return Draft(
        definition=checked, explanations=explanations, not_understood=not_understood, assumptions=ctx.assumptions
    )


def _afresh(request: str, catalog: CatalogView, why: str) -> Draft:
    """A follow-up on an earlier pipeline this planner cannot read back: a request that stands on its own (it names
    its dataset and no edit word) is planned afresh, saying so; an edit ('also ...', 'by month instead') is refused,
    as planning it without the earlier steps would silently drop them."""
    also, instead = _edit_words(request)
    standalone = bool(read(request, catalog, None).named) and not (also or instead)
    if not standalone:
        return Draft(not_understood=[f"how to edit the earlier pipeline: {why}; say the whole request again"])
    fresh = draft(request, catalog, None)
    note = f"This plan starts afresh rather than editing the earlier pipeline: {why}."
    return fresh.model_copy(update={"assumptions": [note, *fresh.assumptions]})


EDIT_WORDS = r"(?:instead|rather|as well|also|too|additionally|in addition|now|then|again|actually|and)"


def _edit_words(request: str) -> tuple[bool, bool]:
    text = request.lower()
    also = re.search(r"\b(also|too|as well|additionally|in addition|plus)\b|^\s*(and|plus|with)\b", text) is not None
    instead = re.search(r"\b(instead|rather|replace the|change the|switch|now)\b", text) is not None
    return also, instead


def _opened_by_name(match: Match) -> bool:
    """'open the customers dataset': the opened dataset is called a dataset, table or file (in its words or after)."""
    named = match.item("ds")
    said = named.text.lower().split()[-1] if named is not None and named.text.strip() else ""
    return match.group("noun") is not None or said.rstrip("s") in {"dataset", "table", "file"}


def _asides(ctx: Context) -> None:
    """Words that restate or explain the request ('i mean'), taken first so no reader reads 'mean' as an average."""
    ctx.sentence.scan(r"(?:, )?(?:i mean|i meant|we mean|in other words)(?: ,)?", lambda m: True)
    # verbs that fetch: 'dig out the orders', 'fish out', 'pull up', 'open up the churn data'
    fetch = r"(?:dig|digging|fish|root|dredge|pull|bring|look|hunt|open) (?:out|up)"
    ctx.sentence.scan(fetch + r"(?= (?:the|all|every|@t\d+))", lambda m: True)
    # 'load the orders dataset', 'import orders' ('open the orders' may be the orders still open: left unread)
    ctx.sentence.scan(r"(?:load|loads|loading|load up|load in|import|importing|read in)(?= (?:the |our |all |up )?"
                      r"@t\d+)", lambda m: True)  # fmt: skip
    # 'open the customers dataset', 'open the churn table': opened as a dataset by name ('open the orders' alone may
    # be the orders still open, so the word dataset, table or file must be said)
    ctx.sentence.scan(r"(?:open|opens|opening)(?= (?:the |our |up the )?(?P<ds>@t\d+)(?P<noun> (?:dataset|data set"
                      r"|table|file)s?)?(?![^ ]))", lambda m: _opened_by_name(m))  # fmt: skip
    # '? need it for a callback list': what the answer is for, naming nothing of the data (no planner word either)
    ctx.sentence.scan(
        r"(?<=[.?!;,] )(?:i |we )?(?:need|want|use)(?: it| them| this| these| those)? for(?: (?![@§])[^ ]+){1,4}"
        r"(?= [.?!;]|$)",
        lambda m: all(i.kind == "word" and (i.norm not in KEYWORDS or i.norm == "list") for i in m.items()[4:]),
    )
    # 'their name and whether they churned': the flag shown as a column, no test on the rows
    _described_columns(ctx)
    # what the answer is for ('for the quarterly review', 'for the top 5 report'): its words are no period or limit
    ctx.sentence.scan(
        r"(?:for|in) (?:the|our|a|an|my|next|this|tomorrow s|monday s) (?:(?:[a-z]+|@n\d+) ){0,3}(?:report|review"
        r"|meeting|dashboard|presentation|deck|update|call|audit|slides?|newsletter|board pack|standup|stand-up)s?"
        r"(?= [.?!,;]|$)",
        lambda m: True,
    )
    # why the user asks ('something looks off'): no request of its own, and 'off' is no discount here; after a
    # noun of rows ('orders that look suspicious') it is a test of the rows no column holds, said as unclear
    ctx.sentence.scan(
        r"(?:, )?(?:something|it|this|that|which|things?) (?:looks?|seems?|is|feels?) (?:a bit |a little |very "
        r"|really )?(?:off|wrong|weird|odd|strange|fishy|suspicious|not right)(?: to (?:you|me|us))?",
        lambda m: _aside_or_test(ctx, m),
    )
    # 'orders that ship to Italy', 'the countries orders ship to': the shipping word as a verb of destination, not
    # the column of its date
    ctx.sentence.scan(r"(?P<col>{C})(?= to (?:the )?@v\d+| to(?: [?.!;]|$))", lambda m: _verb_of_place(ctx, m))
    # 'average calls split by contract': 'split by' groups, though a column is named for the split
    ctx.sentence.scan(r"(?P<col>{C})(?= by )", lambda m: _verb_of_grouping(m))
    # a judgement of the rows no column holds: 'a nice name', 'the products people love'
    ctx.sentence.scan(
        r"(?:nice|great|awesome|cool|good|bad|lovely|pretty|ugly|interesting|boring)(?= (?:{C}|{T}))"
        r"|(?:people|everyone|everybody|folks|{T}) (?:love|loves|prefer|prefers|enjoy|enjoys|hate|hates|adore)",
        lambda m: bool(ctx.refuse(m.text)) or True,
    )


BUYERS = frozenset({"buyer", "buyers", "shopper", "shoppers", "purchaser", "purchasers"})


def _buyers_by_signup(ctx: Context) -> None:
    """'how many unique buyers did we have each month': buyers are people who ordered, so periods of the people's
    own date (their signup) would answer another question; said as unclear rather than guessed."""
    said = next((i for i in ctx.sentence.items if i.kind == "ds" and i.norm in BUYERS), None)
    if said is not None and str(said.ref) == ctx.base and ctx.default_periods and not ctx.plan.joins:
        ctx.refuse(f"{said.text} per period (by the date they signed up, or the dates they ordered?)")


def _described_columns(ctx: Context) -> None:
    """'their name and whether they churned', 'how long they have been with us': a column described by a clause,
    read as one item (the readers of tests leave a flag so worded alone)."""
    who = (
        r"(?:they|it|he|she|each|each one|the {T}|{T}|(?:the |a |each )?(?:person|people|subscriber|customer|user"
        r"|client|member|account)s?)(?: (?:have|has|had|did|do|does|are|is|were|was|ve))?"
        r"(?: (?:a|an|the))?"
    )
    for pattern, fits in (
        (r"whether (?:or not )?" + who + r" (?P<col>{C})", ctx.grounding.is_flag),
        (r"how long " + who + r" (?P<col>{C})", lambda d, c: ctx.grounding.column(d, c).type in NUMERIC),
    ):
        for match in list(ctx.sentence.matches(pattern))[::-1]:  # from the end, so folding keeps earlier indexes
            item = match.item("col")
            if item is None or not isinstance(item.ref, ColumnRef) or not fits(item.ref.dataset, item.ref.column):
                continue
            shown = match.as_column(item.ref, item.norm, item.alternatives)
            ctx.sentence.fold(match.indexes[0], match.indexes[-1], shown)


def _verb_of_place(ctx: Context, match: Match) -> bool:
    item = match.item("col")
    if item is not None and item.norm in ("ship", "ships", "shipping", "sent", "dispatched", "dispatch"):
        item.kind = "word"
    return False


def _verb_of_grouping(match: Match) -> bool:
    item = match.item("col")
    if item is not None and item.norm in ("split", "splits"):
        item.kind = "word"
    return False


def _aside_or_test(ctx: Context, match: Match) -> bool:
    start = match.indexes[0]
    before = ctx.sentence.items[start - 1] if start > 0 else None
    subject = ctx.sentence.items[start]
    rows = before is not None and (before.kind == "ds" or before.norm in ("rows", "records", "ones", "entries"))
    if rows and subject.norm in ("that", "which"):
        ctx.refuse(ctx.sentence.request[subject.start : ctx.sentence.items[match.indexes[-1]].end])
    return True


def _courtesies(ctx: Context) -> None:
    """Words that order or hand over the work, once the clauses took what they understood."""
    scan = ctx.sentence.scan
    scan(r"(?:send|hand|pass|bring|give) (?:it |them |that )?over", lambda m: True)
    # why the rows are wanted: 'I want to check them', 'so we can review those'
    why = r"(?:check|review|inspect|verify|examine|audit|look over|go through|double check|look into)"
    scan(why + r" (?:them|it|these|those|this|that)(?: out| over)?(?= [.?!,;]|$)", lambda m: True)
    # a last sentence saying why, naming nothing of the data: '? want to check some big-ticket stuff'
    if ctx.plan.touched:
        scan(
            r"(?<=[.?!;,] )(?:so |because |as |since )?(?:i |we )?(?:(?:want|need|would like|wanna|have|plan|hope|am "
            r"going|m going|are going|re going) to |(?:i |we )?(?:am|m|are|re) (?:trying|hoping|planning) to )"
            + why
            + r"(?: (?![@§])[^ ]+){0,5}(?= [.?!;]|$)",
            lambda m: not any(i.kind not in ("word", "op") for i in m.items()) and not re.search(ASKED, m.text),
        )
    scan(r"^(?:first|firstly|first of all|to begin|to start|start by|begin by|step 1)(?: ,| :)?", lambda m: True)
    scan(r"(?:, )?(?:then|next|afterwards|after that|finally|lastly|and then)", lambda m: True)
    scan(r"(?:i|we) (?:am |are |m |re )?after(?! (?:the )?@[dy]\d+)", lambda m: True)  # "I'm after": I want
    # a dash no reader took, between words: a pause, as a comma is ('nice, thanks - customers in france')
    scan(r"(?:-|--|\u2013|\u2014)(?! @[nyd]\d+)", lambda m: _spaced(ctx, m))


def _spaced(ctx: Context, match: Match) -> bool:
    item = ctx.sentence.items[match.indexes[0]]
    text = ctx.sentence.request
    return item.start > 0 and text[item.start - 1 : item.start] == " " and text[item.end : item.end + 1] == " "


def _unread_states(ctx: Context) -> None:
    """Filler words that together say a state no reader took ('still with us', 'no longer here'): reported, so a
    filter the user asked for is never dropped in silence."""
    ctx.sentence.scan(
        r"(?:(?:still|no longer|not|never|stayed|stay|staying|remained|remain|remaining|been) )+"
        r"(?:with us|here|around|active|on board)(?: (?:anymore|any more|now))?"
        r"|(?:with us|here|around) (?:anymore|any more|still)|no longer",
        lambda m: bool(ctx.refuse(m.text)) or True,
    )


# What people do that a dataset of people does not hold by itself: buying, paying, getting in touch
DEEDS = frozenset({"buy", "buys", "bought", "buying", "purchase", "purchased", "purchases", "ordered", "paid",
                   "spent", "sent", "send", "emailed", "phoned", "rang", "called", "contacted", "complained",
                   "visited", "returned", "wrote"})  # fmt: skip


def _unread_deeds(ctx: Context) -> None:
    """A deed of the base's people no reader took ('things customers bought', 'customers who sent an email'):
    filler words on their own, but what they say is about other rows, so it is reported rather than dropped."""
    items = ctx.sentence.items
    people = of_people(ctx.base)
    for index, item in enumerate(items):
        if item.consumed or item.kind != "word" or item.text.lower() not in DEEDS | DONE:
            continue
        word = item.text.lower()
        if (people and word in DEEDS and not ctx.plan.joins) or (word in DONE and _ends_relative(items, index)):
            ctx.refuse(item.text)
            item.consumed = True


# Verbs a relative clause may end with, saying a state of the rows no column records ('orders that were paid')
DONE = frozenset({"paid", "billed", "invoiced", "settled", "charged", "refunded", "booked", "earned"})
LINKS = frozenset({"was", "were", "is", "are", "be", "been", "have", "has", "had", "ever", "already", "all"})


def _ends_relative(items: list[Item], index: int) -> bool:
    """Whether the word at `index` ends a clause of nothing read ('that were paid', 'what every product has
    earned'): not said of a column read just before it ('the revenue earned'), and last in its sentence."""
    before = index - 1
    while before >= 0 and items[before].kind == "word" and items[before].norm in LINKS:
        before -= 1
    of_column = before >= 0 and items[before].consumed and items[before].kind in ("col", "val")
    after = items[index + 1] if index + 1 < len(items) else None
    return not of_column and (after is None or after.kind == "punct")


def _leading_word_missed(ctx: Context) -> bool:
    """Whether the request's first meaningful word (its verb or subject) was left unmapped."""
    for item in ctx.sentence.items:
        if item.kind in ("punct", "op") or (item.kind == "word" and item.norm in FILLER):
            continue
        return not item.consumed and item.kind == "word"
    return False


def _whole(request: str) -> str:
    text = request.strip()
    return text or "the request (it is empty)"
