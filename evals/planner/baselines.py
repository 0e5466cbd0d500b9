"""Planners for checking the evaluation itself: one that never understands, an oracle for a few cases, and the offline
planner made to read past the single words it did not understand (to measure what that would gain and cost)."""

from __future__ import annotations

import copy
import itertools
import re
from typing import Any

from datalinx.agents.schemas import Draft
from datalinx.core.datasets.facts import CatalogView


def never_understands(request: str, catalog: CatalogView, previous: dict[str, Any] | None = None) -> Draft:
    """Answers every request with 'I could not understand it': every scored case is an explicit failure."""
    return Draft(not_understood=[request])


def draft_offline(request: str, catalog: CatalogView, previous: dict[str, Any] | None = None) -> Draft:
    """The offline planner itself, imported when first asked for (the other baselines run without it)."""
    from datalinx.agents.offline import draft

    return draft(request, catalog, previous)


def reads_past_words(request: str, catalog: CatalogView, previous: dict[str, Any] | None = None) -> Draft:
    """The offline planner, asked again without the words it left unread when each was a single word; its first
    answer when the second still leaves something unread or there was a phrase among them."""
    first = draft_offline(request, catalog, previous)
    if not first.not_understood or any(" " in said for said in first.not_understood):
        return first
    text = request
    for said in first.not_understood:
        text = re.sub(rf"\b{re.escape(said)}\b", " ", text, count=1)
    again = draft_offline(" ".join(text.split()), catalog, previous)
    return again if again.definition is not None and not again.not_understood else first


def chain(*nodes: dict[str, Any]) -> dict[str, Any]:
    """A definition whose nodes run one after another."""
    edges = [{"source": a["id"], "target": b["id"]} for a, b in itertools.pairwise(nodes)]
    return {"nodes": list(nodes), "edges": edges}


def source(dataset: str) -> dict[str, Any]:
    return {"id": dataset, "kind": "source", "dataset": dataset}


def _revenue_by_country() -> dict[str, Any]:
    total = {"function": "sum", "column": "total_revenue", "alias": "revenue"}
    return chain(
        source("orders"), {"id": "by_country", "kind": "aggregate", "group_by": ["country"], "aggregations": [total]}
    )


def _names_and_segments() -> dict[str, Any]:
    people = {"id": "people", "kind": "select", "columns": ["customer_id", "name", "segment"]}
    join = {"id": "named", "kind": "join", "how": "left", "on": ["customer_id"]}
    edges = [
        {"source": "customers", "target": "people"},
        {"source": "orders", "target": "named", "port": "left"},
        {"source": "people", "target": "named", "port": "right"},
    ]
    return {"nodes": [source("orders"), source("customers"), people, join], "edges": edges}


DELIVERED = "lower(trim(status)) in ('delivered', 'delivred')"
# Hand-written answers, by request text; each is the pipeline a good planner would draw.
ORACLE: dict[str, dict[str, Any]] = {
    "orders from Germany": chain(source("orders"), {"id": "de", "kind": "filter", "condition": "country = 'DE'"}),
    "revenue by country": _revenue_by_country(),
    "revenue per country": _revenue_by_country(),
    "top 10 orders by revenue": chain(
        source("orders"),
        {"id": "biggest", "kind": "sort", "by": [{"column": "total_revenue", "descending": True}]},
        {"id": "top", "kind": "limit", "n": 10},
    ),
    "I only care about delivered orders, can you filter to those?": chain(
        source("orders"), {"id": "delivered", "kind": "filter", "condition": DELIVERED}
    ),
    "for each order, can you add the customer's name and segment? keep orders even if the customer isn't found": (
        _names_and_segments()
    ),
    "in orders, could you rename total_revenue to revenue and order_date to ordered_on?": chain(
        source("orders"),
        {"id": "names", "kind": "rename", "columns": {"total_revenue": "revenue", "order_date": "ordered_on"}},
        {"id": "save", "kind": "sink_dataset", "dataset": "orders_renamed"},
    ),
    "show me the customers that signed up in 2024 please": chain(
        source("customers"), {"id": "in_2024", "kind": "filter", "condition": "year(to_date(signup_date)) = 2024"}
    ),
    "monthly revenue from delivered orders in 2024": chain(
        source("orders"),
        {"id": "delivered", "kind": "filter", "condition": f"{DELIVERED} and year(order_date) = 2024"},
        {"id": "months", "kind": "derive", "columns": {"month": "date_trunc('month', order_date)"}},
        {
            "id": "per_month",
            "kind": "aggregate",
            "group_by": ["month"],
            "aggregations": [{"function": "sum", "column": "total_revenue"}],
        },
    ),
    "how many orders were placed each year?": chain(
        source("orders"),
        {"id": "years", "kind": "derive", "columns": {"year": "year(order_date)"}},
        {"id": "per_year", "kind": "aggregate", "group_by": ["year"], "aggregations": [{"function": "count"}]},
    ),
}


def _top_five(previous: dict[str, Any]) -> dict[str, Any]:
    """The previous pipeline with its result sorted by its last column and cut to five rows."""
    definition = copy.deepcopy(previous)
    read = {e["source"] for e in definition["edges"]}
    end = [n for n in definition["nodes"] if n["id"] not in read][-1]
    measure = end["aggregations"][-1]["alias"]
    sort = {"id": "ranked", "kind": "sort", "by": [{"column": measure, "descending": True}]}
    limit = {"id": "top5", "kind": "limit", "n": 5}
    definition["nodes"] += [sort, limit]
    definition["edges"] += [{"source": end["id"], "target": "ranked"}, {"source": "ranked", "target": "top5"}]
    return definition


def oracle(request: str, catalog: CatalogView, previous: dict[str, Any] | None = None) -> Draft:
    """The hand-written pipeline for the few requests it knows; 'not understood' for every other."""
    if request == "only the top 5" and previous is not None:
        return Draft(definition=_top_five(previous))
    if request in ORACLE:
        return Draft(definition=copy.deepcopy(ORACLE[request]))
    return Draft(not_understood=[request])
