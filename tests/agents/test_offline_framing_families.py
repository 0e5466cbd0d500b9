"""The offline planner on the framing around a request, said many ways: a greeting before it ('hey!', 'hey quick q,'),
a reason after it ('doing a demographics slide', 'want to spot seasonality', 'makes the timeline chart work',
'putting together a report for finance') and a sign-off ('ta', 'cheers'): the plan is the bare request's. A reason
that carries a condition or a column the planner cannot read ('want to see their loyalty points', 'want to know who
is old', 'doing a germany review' beside France) is said as not understood; one it can read ('want to see only the
German ones') changes the plan, and one asking a summary or an order ('want to know the average') is read or said.
'across the whole history', 'all told', 'in one go' and 'only counting ...' ask nothing beyond the request."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module

_BARE: dict[str, list[dict[str, Any]]] = {}


def _bare(core: str, demo: Demo) -> list[dict[str, Any]]:
    """The steps of the bare request, planned once."""
    if core not in _BARE:
        _BARE[core] = plan_steps(f"{core}?", demo)
    return _BARE[core]


def _steps_of(planned: Any) -> list[dict[str, Any]]:
    return [{k: v for k, v in node.items() if k != "id"} for node in planned.definition["nodes"]]


def _said(request: str, demo: Demo) -> list[str]:
    return draft(request, demo.catalog).not_understood


# --- greetings x requests x reasons x sign-offs: the bare request's plan -----------------------------------------
GREETINGS = ["", "hey! ", "hiya, ", "hey quick q, "]
CORES = [
    "could you line the customers up from oldest to youngest",  # customers: a sort
    "which customers haven't given us a phone number",  # customers: a test of blanks
    "can you grab the 2024 orders",  # orders: a year
    "could you total up revenue per country",  # orders: a sum per group
    "could you fish out the orders where someone bought 10 or more units",  # orders: a comparison
    "which products don't have a price yet",  # products: blanks
    "what's the average price of the products",  # products: one figure
    "could you find the subscribers who churned",  # churn: a flag
    "how many subscribers are on a month-to-month contract",  # churn: a value and a count
]
REASONS = [
    "doing a demographics slide",
    "want to spot seasonality",
    "need to chase the merch team about them",
    "makes the timeline chart work",
    "trying to see where we stand",
    "putting together a report for finance",
    "need to get a feel for it",
    "prepping the board deck",
]
SIGN_OFFS = ["", ", ta", " - thanks!"]
FRAMED = [
    (f"{greeting}{core}? {reason}{sign_off}", core)
    for greeting, core, reason, sign_off in itertools.product(GREETINGS, CORES, REASONS, SIGN_OFFS)
]


@pytest.mark.parametrize(("request_text", "core"), FRAMED, ids=[f[0] for f in FRAMED])
def test_a_framed_request_plans_as_the_bare_request(request_text: str, core: str, demo: Demo) -> None:
    assert plan_steps(request_text, demo) == _bare(core, demo)


# --- more ways to greet and to sign off, each around requests over the four datasets ---------------------------
OPENERS = [
    "yo! ",
    "sup, ",
    "heya, ",
    "good morning team, ",
    "hi all, ",
    "hey there! ",
    "morning all :) ",
    "quick q: ",
    "ok so ",
    "hey, quick favour: ",
    "hi! hope you're well. ",
    "afternoon! ",
    "hiya! quick question - ",
]
CLOSERS = [
    " ty!",
    ", cheers mate",
    ", thanks heaps",
    ", thank u",
    ", tia",
    ". thanks in advance!",
    ", appreciated",
    " :) thanks",
    " pls and thanks",
    ", no rush",
    ". Thanks, Sam",
    ", you're a star",
    ". Best, Alex",
]
AROUND_CORES = CORES[0], CORES[2], CORES[5], CORES[7]
AROUND = [(f"{opener}{core}?", core) for opener, core in itertools.product(OPENERS, AROUND_CORES)]
AROUND += [(f"{core}?{closer}", core) for closer, core in itertools.product(CLOSERS, AROUND_CORES)]


@pytest.mark.parametrize(("request_text", "core"), AROUND, ids=[a[0] for a in AROUND])
def test_a_greeting_or_sign_off_leaves_the_plan_as_the_bare_request(request_text: str, core: str, demo: Demo) -> None:
    assert plan_steps(request_text, demo) == _bare(core, demo)


# --- a reason naming a value the request tests already: the subject of the work --------------------------------
SUBJECTS = [
    ("hey, can you grab the 2024 orders that came from customers in the smb segment? doing a small business review,"
     " cheers", "can you grab the 2024 orders that came from customers in the smb segment"),
    ("could you list the products in the toys category? doing a toy sales review, thanks!",
     "could you list the products in the toys category"),
    ("customers in france? doing a france review", "customers in france"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "core"), SUBJECTS, ids=[s[0] for s in SUBJECTS])
def test_a_reason_on_the_value_asked_plans_as_the_bare_request(request_text: str, core: str, demo: Demo) -> None:
    assert plan_steps(request_text, demo) == _bare(core, demo)


# --- reasons carrying what the planner cannot read: said, never dropped ------------------------------------------
UNREAD = [
    "want to see their loyalty points",  # no such column
    "trying to see who has a pager",  # what the rows hold, and no column holds it
    "doing a review of the ones with a nickname",
    "trying to see the ones over budget",  # a test of no column
    "want to compare them to the shoe size",
    "just the ones from the spring sale",
    "need to chase the ones with a fax number",
    "need to rank them by fax number",
    "want to know which ones are premium members",
    "working on the 2023 review",  # a year: the work's, or a test of the rows?
    # what the user will look for in the rows may be a test of them
    "want to know who is old",
    "want to see the germans",
    "want to spot the seniors",
    "want to see who is premium",
    "need to know which are discounted",
    "trying to see who signed up recently",
    "want to understand who is leaving",
]
# aims that ask a summary, an order or a pick of the rows: part of the request, never dropped
ASKING = [
    "want to know the average",
    "want to know how many there are",
    "want to see them newest first",
    "want to know the median",
    "want to see a sample",
    "want to see the distribution",
    "trying to see who our best customers are",
    "want to check the ratio",
    "doing a per-country review",
]
UNREAD_CORES = CORES[1], CORES[2], CORES[5], CORES[7]
REFUSED = [f"hey, {core}? {reason}, thanks" for core, reason in itertools.product(UNREAD_CORES, UNREAD)]
ASKED = [(f"hey, {core}? {reason}, thanks", core) for core, reason in itertools.product(UNREAD_CORES, ASKING)]


@pytest.mark.parametrize("request_text", REFUSED)
def test_a_reason_with_words_the_planner_cannot_read_is_said(request_text: str, demo: Demo) -> None:
    assert _said(request_text, demo)


@pytest.mark.parametrize(("request_text", "core"), ASKED, ids=[a[0] for a in ASKED])
def test_a_reason_asking_more_of_the_rows_is_read_or_said(request_text: str, core: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.not_understood or _steps_of(planned) != _bare(core, demo)


@pytest.mark.parametrize(
    "request_text",
    [
        "customers in france, doing a germany review",  # another value of the column tested
        "orders from 2024? want to know which are in france",  # a value: a test of the rows?
        "drop unit_price from orders? want to compare it to the unit price",  # a column the answer lacks
        "total revenue per country, only counting orders with a discount",  # a test of no column
        "total revenue per country, only counting orders",  # 'only' and no test read
        "the average price, just the total",  # another measure than the one asked
        "customers who signed up in 2024, the orders with 5 or more units at once",
        "hey, can you grab the 2024 orders? need a breakdown, thanks",  # a breakdown of nothing grouped
        "which products don't have a price yet? want to put it in a deck",  # a presentation, not a dataset 'deck'
    ],
)
def test_a_reason_at_odds_with_the_request_is_said(request_text: str, demo: Demo) -> None:
    assert _said(request_text, demo)


READABLE = [
    ("hey, can you grab the 2024 orders? want to see only the German ones, thanks", CORES[2], "filter"),
    ("hey, which products don't have a price yet? need them sorted by name, cheers", CORES[5], "sort"),
    ("hi! which customers haven't given us a phone number? just the ones from france, thanks", CORES[1], "filter"),
]


@pytest.mark.parametrize(("request_text", "core", "kind"), READABLE, ids=[r[0] for r in READABLE])
def test_a_reason_that_asks_for_more_is_read(request_text: str, core: str, kind: str, demo: Demo) -> None:
    steps = plan_steps(request_text, demo)
    assert steps != _bare(core, demo)
    assert kind in [s["kind"] for s in steps]


# --- the whole span, every row together, one purchase a row, only counting some -------------------------------
SAME = [
    ("how many units did we sell each month, across the whole history", "how many units did we sell each month"),
    ("revenue per month across all time", "revenue per month"),
    ("how many orders are there, all told", "how many orders are there"),
    ("what's the total revenue, all told", "what's the total revenue"),
    ("the average price of products, overall", "the average price of products"),
    ("the orders where someone bought 10 or more units in one go", "the orders where someone bought 10 or more units"),
    ("the orders with 5 or more units in a single order", "the orders with 5 or more units"),
    ("total up revenue per country, but only counting orders that weren't cancelled",
     "total up revenue per country, but only orders that weren't cancelled"),
    ("count the orders, only counting the ones that were delivered", "count the orders that were delivered"),
    ("hey quick q, what's the average order value across all our orders? just the one number pls",
     "what's the average order value across all our orders"),
    ("revenue per country? need a breakdown, thanks", "revenue per country"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "core"), SAME, ids=[s[0] for s in SAME])
def test_words_of_the_whole_ask_nothing_more(request_text: str, core: str, demo: Demo) -> None:
    assert plan_steps(request_text, demo) == _bare(core, demo)


@pytest.mark.parametrize(
    "request_text",
    [
        "orders from 2024 across the whole history",  # a year, and every date
        "the customers with 5 or more units in a single order",  # a customer's rows are no purchases
        "subscribers with a monthly charge over 100 in one go",
    ],
)
def test_the_whole_span_at_odds_with_the_request_is_said(request_text: str, demo: Demo) -> None:
    assert _said(request_text, demo)


# --- the rows the framed requests give --------------------------------------------------------------------------
def test_a_sort_said_with_a_slide_gives_the_oldest_first(demo: Demo, tmp_path: Path) -> None:
    request = "hey! could you line the customers up from oldest to youngest? doing a demographics slide, ta"
    _, output = answer(request, demo, tmp_path)
    ages = [a for a in output["age"].to_list() if a is not None]
    assert ages == sorted(demo.frames["customers"]["age"].drop_nulls().to_list(), reverse=True)


def test_units_per_month_over_the_whole_history_are_summed(demo: Demo, tmp_path: Path) -> None:
    request = (
        "hi! could you show me how many units we sold in each month, across the whole history? want to spot"
        " seasonality, thanks"
    )
    _, output = answer(request, demo, tmp_path)
    orders = demo.frames["orders"]
    expected = orders.group_by(pl.col("order_date").dt.truncate("1mo")).agg(pl.col("quantity").sum())
    assert sorted(output[output.columns[-1]].to_list()) == sorted(expected["quantity"].to_list())


def test_revenue_only_counting_orders_not_cancelled(demo: Demo, tmp_path: Path) -> None:
    request = (
        "hey, could you total up revenue per destination country, but only counting orders that weren't cancelled?"
        " cheers"
    )
    _, output = answer(request, demo, tmp_path)
    orders = demo.frames["orders"]
    kept = orders.filter(~pl.col("status").str.strip_chars().str.to_lowercase().is_in(["cancelled", "canceled"]))
    expected = kept.group_by("country").agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
    same_rows(output, expected)


def test_bulk_orders_in_one_go_are_those_of_ten_units_or_more(demo: Demo, tmp_path: Path) -> None:
    request = (
        "morning! could you fish out the orders where someone bought 10 or more units in one go? want to see who our"
        " bulk buyers are"
    )
    _, output = answer(request, demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(pl.col("quantity") >= 10))
