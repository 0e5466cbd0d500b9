"""Which dataset a request reads: the one it names, the one whose columns and values it names, and the ones it
summarises per row of another ('top 5 customers by revenue' reads orders, per customer)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from datalinx.agents.offline.entities import Candidate
from datalinx.agents.offline.entities import entities as find_entities
from datalinx.agents.offline.grounding import ColumnRef, Grounding, ValueRef
from datalinx.agents.offline.tokens import Token
from datalinx.agents.offline.words import AGGREGATES, PEOPLE, VERB_DATASETS
from datalinx.core.pipelines.types import NUMERIC, ColumnType

GROUPING = frozenset({"by", "per", "each", "every"})
SUMMARY_WORDS = frozenset({*AGGREGATES, "many", "number", "count", "recent", "times"})
RANKING = frozenset({"top", "bottom", "best", "worst", "biggest", "largest", "leading"})
SUPERLATIVE_WORDS = frozenset({"most", "highest", "largest", "biggest", "fewest", "least", "lowest", "smallest"})


@dataclass
class Choice:
    """The base dataset (None: nothing names one), the datasets named, all in order of preference, and the named
    ones whose rows are groups of the base's."""

    base: str | None
    named: list[str]
    ranked: list[str]
    grouped: list[str] = field(default_factory=list)
    bridged: list[str] = field(default_factory=list)  # datasets linked to the base only through a third one


def choose(tokens: list[Token], grounding: Grounding, previous: list[str], request: str) -> Choice:
    """The datasets of a request; a follow-up keeps the earlier plan's."""
    every = grounding.dataset_names
    named: list[str] = []
    grouped: set[str] = set()
    described: set[str] = set()  # grouped, the measure being another dataset's: its columns describe each group
    counted: set[str] = set()  # counted by their key among another dataset's rows, not grouped by it
    scores = {name: 0.0 for name in every}
    evidence = {name: 0.0 for name in every}
    valued: set[str] = set()  # datasets a value named belongs to
    added: list[str] = []  # datasets the request adds columns to
    entities = find_entities(tokens, grounding, every, request)
    votes: list[tuple[int, str, float]] = []  # where a column is named, the dataset it may belong to, how strongly
    group_ends: set[int] = set()  # where a column read as a group ends, for the next one listed after it
    grouping_words = any(t.norm in GROUPING for t in tokens)
    summarising = any(t.norm in AGGREGATES or t.norm in ("many", "count") for t in tokens)
    for start, candidate in entities.items():
        if candidate.kind == "ds":
            name = str(candidate.refs[0])
            if name in named:
                continue  # a dataset named again is no more the subject than before
            named.append(name)
            per = start > 0 and tokens[start - 1].norm in GROUPING
            # 'revenue by the buyer's segment': the group word before the article
            per = per or (start > 1 and tokens[start - 1].norm == "the" and tokens[start - 2].norm in ("by", "per"))
            per = per and not _doer(tokens, start)  # 'orders placed by customers in germany': who placed them
            if per and (summarising or _measured_elsewhere(entities, grounding, name)):
                grouped.add(name)  # "units sold per product": the orders' quantity, per product
                if _measured_elsewhere(entities, grounding, name):
                    described.add(name)  # "... show the product names": shown beside each product's total
            elif per and _picked_from_other(tokens, start, entities, name):
                grouped.add(name)  # "each customer's most recent order": one of the orders per customer
            elif per and _within_other(tokens, start, entities, name):
                grouped.add(name)  # "one row per customer in orders": the orders' rows, one per customer
            elif _ranked_by_other(tokens, start, entities, grounding, name):
                grouped.add(name)  # "top 5 customers by revenue": revenue is the orders', summed per customer
                described.add(name)
            elif _summarised_elsewhere(tokens, start, entities, grounding, name):
                grouped.add(name)  # "customers and their total spend": the orders' revenue, per customer
                described.add(name)
            elif _tested_on_count(tokens, start, entities, grounding, name):
                grouped.add(name)  # "customers with more than 5 orders": the orders, counted per customer
                described.add(name)
            elif _one_did(tokens, start):
                counted.add(name)  # "what did customer 42 order?": the orders of the one customer its key names
                rows = VERB_DATASETS[tokens[start + 2].norm]
                if rows in scores:
                    scores[rows] += 4
            elif _counted_elsewhere(tokens, start, entities, grounding, name):
                counted.add(name)  # "how many distinct customers placed orders": customer ids among the orders
            elif grouping_words and _measured_elsewhere(entities, grounding, name):
                counted.add(name)  # "revenue of enterprise customers per month": the orders' revenue, of their rows
            elif len(named) > 1 and _owns_next(entities, start, name):
                pass  # "orders, add the buyer's segment": the buyer's columns are looked up for the rows named first
            elif len(named) > 1 and _owns_before(tokens, entities, start, name):
                pass  # "orders w/ category of each product": whose the column is, not the rows read
            else:
                # "for each order, add ...": with nothing to summarise, the rows are that dataset's
                scores[name] += 6 if start > 0 and tokens[start - 1].norm in GROUPING else 4
                if _counted_rows(tokens, start):
                    scores[name] += 3  # "more than 10 orders", "how many orders": the rows counted
                if _added_to(tokens, start):
                    scores[name] += 6  # "add the customer's segment and signup date to every order": the rows added to
                    added.append(name)
        elif candidate.kind == "col":
            # a grouping key ("per product category") may come from a joined table; what is measured may not
            # "by the customer's country" groups as "by customer country" does
            led = start - 1 if start > 1 and tokens[start - 1].norm in ("the", "their", "its") else start
            grouped_by = led > 0 and tokens[led - 1].norm in GROUPING
            # 'by the customer's segment and city': the next of a list of groups
            listed = led > 0 and tokens[led - 1].norm in ("and", ",") and led - 1 in group_ends
            listed = listed and not all(isinstance(r, ColumnRef) and r.type in NUMERIC for r in candidate.refs)
            grouped_by = grouped_by or listed
            if grouped_by:
                group_ends.add(start + candidate.length)
            weight = 1 if grouped_by else 2
            # "average order value", "how many units": what is measured, in its rows
            measured = start > 0 and (tokens[start - 1].norm in AGGREGATES or tokens[start - 1].norm == "many")
            measured = measured and not _priced_thing(tokens, start, candidate)
            for ref in candidate.refs:
                assert isinstance(ref, ColumnRef)
                votes.append((start, ref.dataset, weight if ref.strength >= 2 or measured else 0.5))
                if measured and len(candidate.refs) == 1:
                    scores[ref.dataset] += 0.5  # 'the average order value by ...': a tie goes to the rows measured
                if ref.strength == 3 and candidate.length > 1 and tokens[start].norm in grounding.dataset_words:
                    owner = grounding.dataset_words[tokens[start].norm]
                    if owner == ref.dataset and owner not in named and not grouped_by:
                        named.append(owner)  # "the customer's name" names customers; "per product category" does not
        else:
            for ref in candidate.refs:
                assert isinstance(ref, ValueRef)
                scores[ref.dataset] += 1.5
                evidence[ref.dataset] += 1.5
                valued.add(ref.dataset)
    of_groups = {start for start, dataset, _ in votes if dataset in described}
    for start, dataset, weight in votes:
        if start not in of_groups:  # "top 3 products by revenue with their names": shown beside each group's total
            scores[dataset] += weight
            evidence[dataset] += weight
    subjects = [n for n in named if n not in grouped and n not in counted]
    # "attach each product's price to the orders": the rows added to are the subject, though named after
    subjects = [*added[:1], *(n for n in subjects if n not in added[:1])]
    if subjects:
        # the first dataset named is what the request is about, the more so before any column is named
        first_column = min((s for s, c in entities.items() if c.kind in ("col", "val")), default=len(tokens))
        first_dataset = min((s for s, c in entities.items() if c.kind == "ds" and c.refs[0] == subjects[0]), default=0)
        scores[subjects[0]] += 3 if first_dataset < first_column else 1
    head = _head_of_phrase(tokens, entities, grounding, subjects)
    if head is not None:
        scores[head] += 3  # "orders placed by customers in the consumer segment": the orders, picked by customers
    for name in grouped | counted:  # "per customer": a dataset holding the customers' key may answer it
        for other in every:
            key = grounding.key_of(name)
            if other != name and key and grounding.column(other, key) is not None:
                scores[other] += 1
    groups = [n for n in named if n in grouped]
    if previous:
        ranked = [*previous, *(n for n in named if n not in previous)]
        return Choice(previous[0], named, [*ranked, *(n for n in every if n not in ranked)], groups)
    ranked = sorted(every, key=lambda name: (-scores[name], name not in named, every.index(name)))
    if not ranked or scores[ranked[0]] <= 0:
        return Choice(every[0] if len(every) == 1 else None, named, every, groups)
    best = ranked[0]
    leader = max(every, key=lambda name: (evidence[name], -every.index(name)))
    if best in _tables(tokens, entities):
        return Choice(best, named, ranked, groups)  # "churn rows from the test set": the table named is read
    linked = best in named and grounding.bridge(best, leader) is not None
    if evidence[best] == 0 and evidence[leader] > 0 and linked:
        # "customers who bought garden products": the products' values pick the customers, through the orders
        return Choice(best, named, ranked, groups, [leader])
    people = any(word in best.lower() for word in PEOPLE)
    if (
        people
        and evidence[best] == 0
        and evidence[leader] > 0
        and grounding.join_key(best, leader) is None
        and _says_its_rows(entities, grounding, leader, valued)
    ):
        # "customers who churned": the columns named are churn's, so its rows are the customers meant (people
        # only: 'orders that churned' are no subscribers)
        ranked.remove(leader)
        ranked.insert(0, leader)
        return Choice(leader, [leader, *(n for n in named if n != leader)], ranked, groups)
    # "the average age of customers who bought electronics": a value of the products, through the orders
    bridged = [d for d in every if d in valued and grounding.join_key(best, d) is None and grounding.bridge(best, d)]
    return Choice(best, named, ranked, groups, bridged)


DONE = frozenset({"placed", "made", "bought", "purchased", "ordered", "submitted", "booked", "paid"})


def _doer(tokens: list[Token], start: int) -> bool:
    """Whether the dataset at `start` follows a participle and 'by' ('placed by', 'bought by the'): the doer of the
    rows, which picks them, not groups of them."""
    back = start - 1
    if back > 0 and tokens[back].norm == "the":
        back -= 1
    return back > 0 and tokens[back].norm == "by" and tokens[back - 1].norm in DONE


def _says_its_rows(entities: dict[int, Candidate], grounding: Grounding, dataset: str, valued: set[str]) -> bool:
    """Whether a value or a flag of `dataset` is named ('fiber customers', 'customers who churned'): what marks its
    rows as the people meant. A plain amount ('the lowest income among customers') is no such mark: the people
    named have no such column, and reading another table's rows for them would be a guess."""
    if dataset in valued:
        return True
    refs = [r for c in entities.values() if c.kind == "col" for r in c.refs if isinstance(r, ColumnRef)]
    return any(r.dataset == dataset and grounding.is_flag(r.dataset, r.column) for r in refs)


PRICE_ENDS = frozenset({"cheapest", "priciest"})


def loosely_priced(refs: Iterable[object]) -> bool:
    """Whether `refs` only loosely name columns of whole numbers ('item' for the quantity): a price superlative said
    of them ('the priciest item') means the thing with the highest price, not the highest of the column; a money
    column so named ('the cheapest unit cost') is the price itself."""
    return all(isinstance(r, ColumnRef) and r.strength == 1 and r.type != ColumnType.FLOAT64 for r in refs)


def _priced_thing(tokens: list[Token], start: int, candidate: Candidate) -> bool:
    """Whether a price superlative is said of a loosely named whole-number column ('the priciest item')."""
    return tokens[start - 1].norm in PRICE_ENDS and loosely_priced(candidate.refs)


def _one_did(tokens: list[Token], start: int) -> bool:
    """Whether a dataset's word is followed by a key and a verb of other rows ('customer 42 ordered')."""
    following = tokens[start + 1 : start + 3]
    return len(following) == 2 and following[0].kind == "number" and following[1].norm in VERB_DATASETS


def _owns_next(entities: dict[int, Candidate], start: int, dataset: str) -> bool:
    """Whether the dataset named at `start` is followed at once by a column of its own ('the buyer's segment')."""
    following = entities.get(start + entities[start].length)
    refs = following.refs if following is not None and following.kind == "col" else []
    return any(isinstance(r, ColumnRef) and r.dataset == dataset for r in refs)


def _owns_before(tokens: list[Token], entities: dict[int, Candidate], start: int, dataset: str) -> bool:
    """Whether the dataset named at `start` follows a column of its own and 'of' ('category of each product')."""
    before = (
        start - 2 if start > 1 and tokens[start - 1].norm in ("each", "every", "the", "its", "their") else start - 1
    )
    if before < 1 or tokens[before].norm != "of":
        return False
    column = next((c for s, c in entities.items() if s + c.length == before and c.kind == "col"), None)
    return column is not None and any(isinstance(r, ColumnRef) and r.dataset == dataset for r in column.refs)


TABLE_NOUNS = frozenset({"rows", "records", "data", "table", "dataset", "entries", "file", "lines", "sheet"})


def _tables(tokens: list[Token], entities: dict[int, Candidate]) -> set[str]:
    """Datasets named as tables ('the churn rows', 'orders table', 'from the churn data'): no word for other rows."""
    named = set()
    for start, candidate in entities.items():
        after = start + candidate.length
        if candidate.kind == "ds" and after < len(tokens) and tokens[after].norm in TABLE_NOUNS:
            named.add(str(candidate.refs[0]))
    return named


def _counted_rows(tokens: list[Token], start: int) -> bool:
    """Whether a number or 'how many' counts the dataset named at `start`; 'at least one order' only says one
    exists ('customers that have returned at least one order')."""
    if start == 0 or not (tokens[start - 1].kind == "number" or tokens[start - 1].norm == "many"):
        return False
    return not (tokens[start - 1].value == 1 and start >= 2 and tokens[start - 2].norm == "least")


LINK_WORDS = frozenset(
    {
        "placed",
        "made",
        "bought",
        "purchased",
        "ordered",
        "by",
        "from",
        "of",
        "belonging",
        "to",
        "for",
        "whose",
        "where",
        "came",
        "come",
    }
)


def _year(token: Token) -> bool:
    return token.kind == "number" and len(token.text) == 4 and token.text.isdigit()


def _head_of_phrase(
    tokens: list[Token], entities: dict[int, Candidate], grounding: Grounding, subjects: list[str]
) -> str | None:
    """The first dataset when linked to a second by 'placed by', 'from', 'of': the rows asked for, the other
    dataset only saying which ('orders from customers who live in Germany')."""
    named = [(start, c) for start, c in sorted(entities.items()) if c.kind == "ds"]
    if len(named) < 2 or str(named[0][1].refs[0]) not in subjects[:1]:
        return None
    (first_at, first), (second_at, second) = named[0], named[1]
    said = tokens[first_at + first.length : second_at]
    # 'orders placed in 2024 by customers ...': the first rows' period, said between, links nothing
    dated = {i for i, t in enumerate(said) if _year(t)}
    dated |= {i - 1 for i in dated if i > 0 and said[i - 1].norm in ("in", "during", "from", "of", "since")}
    between = [t.norm for i, t in enumerate(said) if i not in dated]
    between = [w for w in between if w not in ("the", "our", "their", "all", "that", "which")]
    if not between or len(between) > 2 or any(w not in LINK_WORDS for w in between):
        return None
    if between == ["to"] and any(t.norm in ADDING for t in tokens[:first_at]):
        return None  # "attach the email of the customer to all orders": the rows added to come second
    head, other = str(first.refs[0]), str(second.refs[0])
    linked = grounding.join_key(head, other) is not None or grounding.bridge(head, other) is not None
    return head if head != other and linked else None


def _summarised_elsewhere(
    tokens: list[Token], named_at: int, entities: dict[int, Candidate], grounding: Grounding, dataset: str
) -> bool:
    """Whether the request summarises another dataset's column or rows per row of `dataset`, with no other grouping:
    'customers and their total spend', 'products with how many times they were ordered'."""
    key = grounding.key_of(dataset)
    if key is None:
        return False
    for start, candidate in entities.items():
        if start > 0 and tokens[start - 1].norm in ("by", "per") and candidate.kind == "col":
            return False
    norms = [t.norm for t in tokens]
    most_ordered = any(a in ("most", "least") and b == "ordered" for a, b in pairwise(norms))
    most_ordered = most_ordered or any(
        norms[i : i + 3] in (["ordered", "the", "most"], ["ordered", "the", "least"]) for i in range(len(norms))
    )  # "which products were ordered the most"
    if (
        "times" in norms or "often" in norms or "frequently" in norms or most_ordered
    ):  # "how many times they were ordered", "the 5 most ordered products": rows of orders per product
        verbs = [VERB_DATASETS[n] for n in norms if n in VERB_DATASETS and grounding.catalog.dataset(VERB_DATASETS[n])]
        if verbs and verbs[0] != dataset and grounding.column(verbs[0], key) is not None:
            return True
    for start, candidate in entities.items():
        window = {t.norm for t in tokens[max(0, start - 3) : start]}
        if not window & SUMMARY_WORDS:
            continue
        if candidate.kind == "col":
            refs = [r for r in candidate.refs if isinstance(r, ColumnRef)]
            between = [c for s, c in entities.items() if start < s < named_at and c.kind == "ds"]
            if any(c.refs[0] != dataset for c in between):
                continue  # "the average revenue of orders from enterprise customers": the customers pick the orders
            elsewhere = refs and all(r.dataset != dataset for r in refs)
            if elsewhere and any(grounding.column(r.dataset, key) is not None for r in refs):
                return True
        elif candidate.kind == "ds" and candidate.refs[0] != dataset and window & {"many", "number", "count"}:
            if start < named_at:
                continue  # "how many orders did enterprise customers place": the customers only pick the orders
            return grounding.column(str(candidate.refs[0]), key) is not None
    return False


PICK_WORDS = frozenset({"recent", "newest", "latest", "earliest", "oldest", "first", "last", "biggest", "largest"})
PICK_WORDS = PICK_WORDS | {"highest", "smallest", "lowest", "cheapest", "priciest"}


def _picked_from_other(tokens: list[Token], start: int, entities: dict[int, Candidate], dataset: str) -> bool:
    """Whether 'each <dataset>' is followed by a superlative and another dataset: 'each customer's latest order'."""
    for position, candidate in sorted(entities.items()):
        if position <= start or (candidate.kind == "ds" and candidate.refs[0] == dataset):
            continue
        before = {t.norm for t in tokens[max(start + 1, position - 2) : position]}
        return candidate.kind == "ds" and position - start <= 6 and bool(before & PICK_WORDS)
    return False


def _within_other(tokens: list[Token], start: int, entities: dict[int, Candidate], dataset: str) -> bool:
    """Whether 'per <dataset>' is followed by 'in' and another dataset: 'one row per customer in orders'."""
    after = start + entities[start].length
    if after >= len(tokens) or tokens[after].norm not in ("in", "within", "across", "among"):
        return False
    following = after + 2 if after + 1 < len(tokens) and tokens[after + 1].norm == "the" else after + 1
    other = entities.get(following)
    return other is not None and other.kind == "ds" and other.refs[0] != dataset


def _measured_elsewhere(entities: dict[int, Candidate], grounding: Grounding, dataset: str) -> bool:
    """Whether the request names an amount only another dataset holding `dataset`'s key has ('units per product')."""
    key = grounding.key_of(dataset)
    for candidate in entities.values():
        refs = [r for r in candidate.refs if isinstance(r, ColumnRef)] if candidate.kind == "col" else []
        if not refs or any(r.dataset == dataset for r in refs):
            continue
        for ref in refs:
            amount = ref.type in NUMERIC and not grounding.is_key(ref.dataset, ref.column)
            if amount and key and not grounding.is_flag(ref.dataset, ref.column) and grounding.column(ref.dataset, key):
                return True
    return False


BUYER_WORDS = frozenset({"buyer", "buyers", "shopper", "shoppers", "purchaser", "purchasers"})
HAVING_VERBS = frozenset({"with", "having", "have", "has", "had", "placed", "made", "bought", "ordered"})


def _tested_on_count(
    tokens: list[Token], start: int, entities: dict[int, Candidate], grounding: Grounding, dataset: str
) -> bool:
    """Whether '<dataset> with|who placed more than N <other dataset>' tests a count of the other's rows per row."""
    key = grounding.key_of(dataset)
    after = start + 1
    if after < len(tokens) and tokens[after].norm in ("who", "that", "which"):
        after += 1
    if key is None or after >= len(tokens) or tokens[after].norm not in HAVING_VERBS:
        return False
    owners: set[str] = set()  # datasets named on the way: 'orders placed by customers aged 65 or over'
    for position in range(after + 1, min(after + 6, len(tokens) - 1)):
        amount = entities.get(position)
        if amount is not None and amount.kind == "ds":
            owners.add(str(amount.refs[0]))
        if amount is not None and amount.kind == "col" and _compared(tokens, position + amount.length):
            # "products with total revenue above 10000": the orders' revenue, summed per product
            refs = [r for r in amount.refs if isinstance(r, ColumnRef)]
            if any(r.dataset in owners for r in refs):
                return False  # the customers' own age tests the customers, whose orders are the rows
            return bool(refs) and all(r.dataset != dataset and r.type in NUMERIC for r in refs)
        if tokens[position].kind == "number":
            if tokens[position].value == 1 and tokens[position - 1].norm == "least":
                return False  # "at least one order": any order, which a join answers
            after = position + 1
            if [t.norm for t in tokens[after : after + 2]] == ["or", "more"]:
                after += 2  # "15 or more orders"
            counted = entities.get(after)
            if counted is None or counted.kind != "ds" or counted.refs[0] == dataset:
                return False
            return grounding.column(str(counted.refs[0]), key) is not None
    return False


def _compared(tokens: list[Token], start: int) -> bool:
    """Whether a comparison with a number follows within a few words: 'above 10000', 'is more than 5'."""
    from datalinx.agents.offline.dates import is_year
    from datalinx.agents.offline.words import MONTHS

    def dated(i: int) -> bool:  # "in March 2024", "during 2023": when, not how much
        return (
            is_year(tokens[i])
            and i > 0
            and (tokens[i - 1].norm in ("in", "during", "of") or tokens[i - 1].norm in MONTHS)
        )

    return any(t.kind == "number" and not dated(i) for i, t in enumerate(tokens[start : start + 4], start=start))


def _counted_elsewhere(
    tokens: list[Token], start: int, entities: dict[int, Candidate], grounding: Grounding, dataset: str
) -> bool:
    """Whether 'distinct <dataset>' counts its key among the rows of another dataset the request names; 'how many
    buyers' counts the people among the rows of what they bought."""
    following = tokens[start + 1].norm if start + 1 < len(tokens) else ""
    # 'how many buyers each month', 'how many customers ordered in 2024': the people among the rows of what they did
    buyers = tokens[start].norm in BUYER_WORDS and any(t.norm in GROUPING for t in tokens)
    counted = buyers or following in VERB_DATASETS
    if start == 0 or tokens[start - 1].norm not in ("distinct", "unique", "different", *(("many",) if counted else ())):
        return False
    key = grounding.key_of(dataset)
    others = {str(c.refs[0]) for c in entities.values() if c.kind == "ds" and c.refs[0] != dataset}
    verbs = [*(t.norm for t in tokens), *(("bought",) if buyers else ())]
    others |= {VERB_DATASETS[v] for v in verbs if v in VERB_DATASETS} - {dataset}
    return key is not None and any(grounding.column(other, key) is not None for other in others)


def _ranked_by_other(
    tokens: list[Token], start: int, entities: dict[int, Candidate], grounding: Grounding, dataset: str
) -> bool:
    """Whether 'top N <dataset> by <column>' or 'which <dataset> sold the most <column>' ranks by a column the
    dataset does not have (so the rows ranked are another dataset's, summed per this one)."""
    ranked = start >= 2 and tokens[start - 1].kind == "number" and tokens[start - 2].norm in RANKING
    ranked = ranked or (start >= 2 and tokens[start - 1].norm in RANKING and tokens[start - 2].kind == "number")
    ranked = ranked and start + 1 < len(tokens) and tokens[start + 1].norm in ("by", "with", "ranked", "in", "based")
    before = start - 1 if start >= 1 and tokens[start - 1].kind != "number" else start - 2  # "which 5 products"
    asked = before >= 0 and tokens[before].norm in ("which", "what")
    asked = (
        asked
        and any(
            t.norm in SUPERLATIVE_WORDS and tokens[i - 1].norm != "at"  # 'at least one order' ranks nothing
            for i, t in enumerate(tokens[start + 1 : start + 5], start=start + 1)
        )
    )
    if not (ranked or asked):
        return _ranked_by_rows(tokens, start, entities, grounding, dataset)
    counted = [c for s, c in sorted(entities.items()) if s > start and c.kind == "ds" and c.refs[0] != dataset][:1]
    key = grounding.key_of(dataset)
    if asked and counted and key and grounding.column(str(counted[0].refs[0]), key) is not None:
        return True  # "which customer placed the most orders": the orders, counted per customer
    following = [c for s, c in sorted(entities.items()) if s > start and c.kind == "col"][:1]
    if not following:
        return False
    refs = [r for r in following[0].refs if isinstance(r, ColumnRef)]
    measured = any(r.strength >= 2 or (r.type in NUMERIC and not grounding.is_key(r.dataset, r.column)) for r in refs)
    return bool(refs) and all(r.dataset != dataset for r in refs) and (asked or measured)


def _ranked_by_rows(
    tokens: list[Token], start: int, entities: dict[int, Candidate], grounding: Grounding, dataset: str
) -> bool:
    """Whether '5 customers with the most orders' counts another dataset's rows per row of `dataset`."""
    if start == 0 or tokens[start - 1].kind != "number":
        return False
    key = grounding.key_of(dataset)
    for position, candidate in sorted(entities.items()):
        if position <= start:
            continue
        words = {t.norm for t in tokens[start + 1 : position]}
        other = str(candidate.refs[0]) if candidate.kind == "ds" else None
        return (
            position - start <= 5
            and bool(words & SUPERLATIVE_WORDS)
            and other not in (None, dataset)
            and key is not None
            and grounding.column(str(other), key) is not None
        )
    return False


ADDING = frozenset({"add", "attach", "append", "tack", "put", "bring", "join"})


JOINED = frozenset({"joined", "merged", "linked", "matched", "combined"})


def _added_to(tokens: list[Token], start: int) -> bool:
    """The dataset is where the request adds columns: 'add ... to every order', 'attach ... onto their orders',
    'orders joined to products for ...'."""
    following = [t.norm for t in tokens[start + 1 : start + 3]]
    if len(following) == 2 and following[0] in JOINED and following[1] in ("to", "with", "onto"):
        return True
    verb = start - 2 if start > 1 and tokens[start - 1].norm == "the" else start - 1
    if verb >= 0 and tokens[verb].norm in ("join", "merge", "link", "combine"):
        return True  # "join orders with products to get ...": the rows joined to
    before = 2 if start > 1 and tokens[start - 1].norm in ("every", "each", "all", "their", "its", "the", "our") else 1
    said = start >= before and tokens[start - before].norm in ("to", "onto")
    return said and any(t.norm in ADDING for t in tokens[: start - before])
