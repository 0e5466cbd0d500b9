"""Measures and their rows said in paraphrase: people said by what they did ('how many different people have
bought something': the customers who ordered) and an amount said by the verb of earning per period ('what each kind
of internet hookup brings in per month': the one column kept per month)."""

from __future__ import annotations

import itertools

from datalinx.agents.offline.context import Context, Measure
from datalinx.agents.offline.grounding import Grounding
from datalinx.agents.offline.rates import PER, _rated_column, rated_item
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.tokens import Token
from datalinx.agents.offline.words import PEOPLE, PERSONS, VERB_DATASETS
from datalinx.core.pipelines.types import NUMERIC

# words that may stand between the people and what they did: 'people who have ever bought', 'folks that ordered'
BETWEEN = frozenset({"who", "that", "which", "have", "has", "had", "ever", "already", "actually", "since", "at"})


def buying_people(tokens: list[Token], grounding: Grounding, notes: list[str]) -> None:
    """'how many different people have bought something': 'people' before a verb of buying is the one dataset of
    people whose key the rows bought carry (customers, by the orders' customer_id); 'how many people (or customers)
    have bought' counts each of them once, however many times they bought."""
    for index, token in enumerate(tokens):
        named = grounding.dataset_words.get(token.norm)
        if token.kind != "word" or (token.norm not in PERSONS and named is None):
            continue
        following = [t for t in tokens[index + 1 : index + 5] if t.norm not in BETWEEN]
        verb = following[0].norm if following and following[0].kind == "word" else ""
        back = len(following) > 1 and verb in SENDING and following[1].norm == "back"  # 'sent back': returned
        bought = VERB_DATASETS.get(verb) or RETURNED.get("returned" if back else verb)
        verb = f"{verb} back" if back else verb
        if bought is None or grounding.catalog.dataset(bought) is None:
            continue
        people = [d.name for d in grounding.catalog.datasets if any(p in d.name.lower() for p in PEOPLE)]
        keyed = [d for d in people if (k := grounding.key_of(d)) is not None and grounding.column(bought, k)]
        words = [w for w, d in grounding.dataset_words.items() if keyed and d == keyed[0] and w == d.lower()]
        if len(keyed) != 1 or not words or (named is not None and named != keyed[0]):
            continue
        if named is None:
            token.norm = words[0]
            notes.append(f"read '{token.text}' as the {keyed[0]} who {verb} (rows of {bought})")
        if index >= 2 and [t.norm for t in tokens[index - 2 : index]] == ["how", "many"]:
            tokens.insert(index, Token("word", token.text, token.start, token.start, "different"))
        break


# 'people who have returned something': what they bought and sent back, rows of the same dataset
RETURNED = {"returned": "orders", "return": "orders", "returns": "orders"}
# verbs that take 'back' as a return: 'sent a purchase back', 'brought the order back'
SENDING = frozenset({"sent", "send", "sends", "sending", "brought", "bring", "brings", "bringing"})


# words after the verb that make it another phrasal verb ('sent out', 'brought in'), and after 'back' that make it
# a time ('back in 2023', 'back then'): no return either way
PARTICLES = frozenset({"out", "in", "off", "over", "up", "down", "on", "away", "along", "round", "around"})
THEN = frozenset({"in", "during", "then", "when", "around", "before", "on", "at", "from", "of"})


def sent_back(tokens: list[Token]) -> None:
    """'sent at least one purchase back to us': the verb and its 'back' said apart, read together ('sent back',
    which the stored state 'returned' is) before what was sent; only within one clause of words and numbers."""
    for index, token in enumerate(tokens):
        if token.kind != "word" or token.norm not in SENDING:
            continue
        for offset, later in enumerate(tokens[index + 1 : index + 7], start=index + 1):
            if later.kind not in ("word", "number") or later.norm in SENDING or later.norm in PARTICLES:
                break
            after = tokens[offset + 1].norm if offset + 1 < len(tokens) else ""
            if later.norm == "back" and offset > index + 1 and after not in THEN:
                tokens.insert(index + 1, tokens.pop(offset))
                break
            if later.norm == "back":
                break


MEDIAN_WORDS = frozenset({"middle", "typical", "midpoint"})
VALUE_WORDS = frozenset({"value", "values", "figure", "figures", "number", "numbers", "amount"})


def median_values(tokens: list[Token]) -> None:
    """'the middle value', 'the typical figure': the median, not a column 'value' (the orders' revenue)."""
    for index in range(len(tokens) - 1, 0, -1):
        before, token = tokens[index - 1], tokens[index]
        if before.kind == "word" and before.norm in MEDIAN_WORDS and token.norm in VALUE_WORDS:
            tokens[index - 1 : index + 1] = [Token("word", before.text, before.start, token.end, "median")]


ITEM_NOUNS = frozenset(
    {"items", "item", "products", "product", "things", "goods", "articles", "lines", "pieces", "entries", "listings"}
)
CATALOGUES = frozenset({"catalogue", "catalog", "range", "assortment", "shop", "store"})


def catalogue_items(tokens: list[Token], grounding: Grounding) -> None:
    """'the dearest items in the catalogue': the rows of the dataset 'catalogue items' names (products), not the
    orders' count of items."""
    if "catalogue items" not in grounding.dataset_words:
        return
    for index in range(len(tokens) - 3):
        noun, within, owner, place = tokens[index : index + 4]
        if noun.norm not in ITEM_NOUNS or within.norm not in ("in", "from", "of", "on"):
            continue
        if owner.norm not in ("the", "our", "your") or place.norm not in CATALOGUES:
            continue
        if place.norm != "catalogue" and place.norm != "catalog" and noun.norm not in ("items", "item", "products"):
            continue
        after = tokens[index + 4].norm if index + 4 < len(tokens) else ""
        if after in ("of", "for", "from", "with"):
            continue  # 'the catalogue of shoes': some other catalogue than the dataset's
        start, end, text = noun.start, place.end, noun.text
        tokens[index : index + 4] = [
            Token("word", text, start, end, "catalogue"),
            Token("word", text, end, end, "items"),
        ]
        return


EVENT_LEADS = frozenset({"before", "until", "till", "after", "when", "once", "by"})
AFTER_CATALOGUE = frozenset({"of", "for", "from", "with", "items", "item", "products", "product", "price", "prices"})


def lone_catalogue(tokens: list[Token], grounding: Grounding) -> None:
    """'the catalogue, cheapest first', 'our catalog sorted by name': the catalogue said alone is the rows of the
    dataset 'catalogue items' names; not where a column is looked up ('the price from the catalogue') nor some
    other catalogue ('the catalogue of shoes') nor a column kept there ('the catalogue price')."""
    products = grounding.dataset_words.get("catalogue items")
    if products is None:
        return
    for index in range(1, len(tokens)):
        owner, place = tokens[index - 1], tokens[index]
        if place.norm not in ("catalogue", "catalog") or owner.norm not in ("the", "our", "your", "whole", "entire"):
            continue
        before = tokens[index - 2].norm if index > 1 else ""
        after = tokens[index + 1].norm if index + 1 < len(tokens) else ""
        if before in ("from", "in", "of", "on", "into", "to") or after in AFTER_CATALOGUE:
            continue
        if before in EVENT_LEADS:
            continue  # 'before the catalogue goes live': the catalogue as an event, no rows asked
        if any(ref.dataset == products for ref in grounding.phrases.get((after,), [])):
            continue  # 'the catalogue weight': a column of it, said where it is kept
        tokens[index : index + 1] = [
            Token("word", place.text, place.start, place.end, "catalogue"),
            Token("word", place.text, place.end, place.end, "items"),
        ]
        return


THING_WORDS = {"item": "product", "items": "products", "thing": "product", "things": "products"}
PRICE_ENDS_SAID = frozenset({"priciest", "cheapest", "dearest"})
PRICE_DEGREES = frozenset({"most", "least"})
PRICED = frozenset({"expensive", "costly", "pricey"})


def priced_items(tokens: list[Token], grounding: Grounding) -> None:
    """'the catalogue from the priciest item down to the cheapest', 'products, the cheapest thing first': over the
    catalogue, named and with nothing bought or sold, the item a price superlative is said of is a product, not the
    orders' count of items ('the priciest item each customer bought' is still the orders')."""
    products = grounding.dataset_words.get("catalogue items")
    norms = [t.norm for t in tokens]
    said = {grounding.dataset_words.get(n) for n in norms} | {
        grounding.dataset_words.get(f"{a} {b}") for a, b in itertools.pairwise(norms)
    }
    if products is None or products not in said or any(n in VERB_DATASETS for n in norms):
        return
    for index in range(1, len(tokens)):
        token, before = tokens[index], tokens[index - 1]
        priced = before.norm in PRICE_ENDS_SAID or (
            before.norm == "expensive" and index > 1 and tokens[index - 2].norm in PRICE_DEGREES
        )
        if priced and token.norm in THING_WORDS:
            token.norm = THING_WORDS[token.norm]


# what the seller holds on offer, said after the things: 'the things we sell', 'items you stock'
OFFER_VERBS = frozenset({"sell", "sells", "stock", "stocks", "carry", "carries", "offer", "offers"})
# words of goods moved or ranked by how much they move: 'the things we sell the most' are the orders' items
MOVED = frozenset({"most", "least", "best", "worst", "often", "frequently", "many", "much", "units", "quantity",
                   "revenue", "sales", "orders", "order", "bought", "sold", "ordered", "customers",
                   "customer"})  # fmt: skip


def things_offered(tokens: list[Token], grounding: Grounding) -> None:
    """'what are the ten cheapest things we sell?', 'the items we stock in garden': things said with the verb of
    holding them on offer are the catalogue's rows, when no dataset is named ('the things we sell the most' is of
    goods moved, left unread)."""
    products = grounding.dataset_words.get("catalogue items")
    norms = [t.norm for t in tokens]
    named = any(grounding.dataset_words.get(n) for n in norms)
    priced = {i for i, n in enumerate(norms[1:], 1) if n in PRICED and norms[i - 1] in PRICE_DEGREES}
    moved = any(n in MOVED and i + 1 not in priced for i, n in enumerate(norms))  # 'the most expensive' is a price
    if products is None or named or moved:
        return
    for index, token in enumerate(tokens[:-2]):
        if token.norm not in THING_WORDS:
            continue
        at = index + 1 + (tokens[index + 1].norm in ("that", "which"))
        if at + 1 < len(tokens) and tokens[at].norm in ("we", "you") and tokens[at + 1].norm in OFFER_VERBS:
            token.norm = THING_WORDS[token.norm]


# what a price is said as after 'steepest': 'the steepest price tags', 'the steepest monthly charges'
PRICE_NOUNS = frozenset({"price", "prices", "cost", "costs", "charge", "charges", "fee", "fees", "bill", "bills",
                         "monthly", "unit", "total"})  # fmt: skip


def steep_prices(tokens: list[Token]) -> None:
    """'which three products carry the steepest price tags': 'steepest' said of a price or a charge is 'highest' (of
    anything else, 'the steepest drop', it is left unread)."""
    for index, token in enumerate(tokens[:-1]):
        if token.norm == "steepest" and tokens[index + 1].norm in PRICE_NOUNS:
            token.norm = "highest"


def _earned_per_period(ctx: Context, match: Match) -> bool:
    """'brings in per month', 'pays each month': the one numeric column kept per that period, read as that column
    for the clauses around it (a sum, a group's measure), not consumed."""
    column = _rated_column(ctx, match)
    if column is False and not _amount_said(ctx):
        return _main_amount_per_period(ctx, match)
    if not isinstance(column, str):
        return column
    named = rated_item(ctx, match, column, column)
    if named is not None:
        ctx.sentence.fold(match.indexes[0], match.indexes[-1], named)
    return False


def _median_said(ctx: Context, match: Match) -> bool:
    """'the middle value of units bought', 'the midpoint of the prices': the median, read by the measure readers."""
    said = match.item("value")
    if said is not None and said.norm not in ("value", "values", "figure", "figures", "number", "amount"):
        return False
    start, end = match.indexes[0], match.indexes[-1]
    items = ctx.sentence.items
    ctx.sentence.fold(start, end, Item("word", match.text, "median", start=items[start].start, end=items[end].end))
    return False


def _restated(ctx: Context, match: Match) -> bool:
    """'internet hookup', 'internet connection': a noun after a column of internet service that only restates it."""
    item = match.item("col")
    if item is not None and item.kind == "col" and "internet" in item.ref.column:
        for noun in match.items(name="noun"):
            noun.consumed = True  # the column is left for the readers of groups and tests
    return False


def _unit_restated(ctx: Context, match: Match) -> bool:
    """'order size, in units': the unit's words consumed when they name the column before them, which stays."""
    col, unit = match.item("col"), match.item("unit")
    if col is None or unit is None or col.kind != "col" or unit.kind != "col":
        return False
    if (col.ref.dataset, col.ref.column) != (unit.ref.dataset, unit.ref.column):
        return False
    for item in match.items(name="noun"):
        item.consumed = True
    return False


def _main_amount_per_period(ctx: Context, match: Match) -> bool:
    """'what each country brings in per month' of orders: their main amount summed, the periods left for the
    groupings; of rows with no amount (customers) it is said as not understood, rather than counted."""
    main = ctx.main_measure()
    if main is None:
        ctx.refuse(f"{match.text} ({ctx.base} holds no amount they bring in)")
        return True
    ctx.measures.append(Measure("sum", main, match.text))
    ctx.note(f"read '{match.group('verb')}' as the total of {main}")
    for item in match.items(name="verb"):
        item.consumed = True
    return False


def _amount_said(ctx: Context) -> bool:
    """Whether the request names a numeric column itself ('how much revenue each country brings in per month')."""
    return any(i.kind == "col" and i.ref.type in NUMERIC for i in ctx.sentence.live("col"))


def read_measure_words(ctx: Context) -> None:
    """Amounts said by the verb of earning or paying per period; read before groupings take 'per month'."""
    scan = ctx.sentence.scan
    scan(
        r"(?:middle|midpoint|mid - point)(?: (?P<value>{C})| values?| figures?| numbers?)?(?= of )",
        lambda m: _median_said(ctx, m),
    )
    scan(r"middle(?= {C})", lambda m: _median_said(ctx, m))
    scan(r"(?P<col>{C}) (?P<noun>hookups?|connections?|links?|lines?)", lambda m: _restated(ctx, m))
    # 'the largest order size, in units,': the unit a column is counted in, when it names that column again
    scan(r"(?P<col>{C})(?P<noun>(?: ,)? in (?P<unit>{C})(?= [,.?!;]|$| (?:for|per|by|across|of) ))",
         lambda m: _unit_restated(ctx, m))  # fmt: skip
    verb = r"(?:brings?|brought|bringing|generates?|generated|earns?|earned|makes?|made|pulls?|pulled|rakes?|raked)"
    scan(r"(?P<verb>" + verb + r"(?: us)?(?: in)?)" + PER, lambda m: _earned_per_period(ctx, m))
