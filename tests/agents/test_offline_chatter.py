"""The offline planner on asides that ask for nothing ('don't need them', 'just the overall number is fine', 'no
rush', 'want to compare it to the unit price'): dropped, the plan being what the request asks; 'just the names is
fine' names the columns wanted (never a test that name is 'fine'); an aside that names a column the answer lacks, or
contradicts a grouping, is still said as not understood. The framing around a request (greetings, the ask, hedges,
reasons, thanks) leaves its plan as the bare request's; a reason naming data is no test of the rows, or is said. Blanks
beside a grouping are a group of their own, or left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo

__all__ = ["demo"]  # the fixture, shared with the row-test module

YEAR_2024 = "(order_date >= '2024-01-01' and order_date < '2025-01-01')"
FRANCE = "lower(trim(country)) in ('fr', 'fra', 'france')"

# (request, the steps after the source, as (kind, what it holds))
ASIDES: list[tuple[str, list[tuple[str, object]]]] = [
    ("could you drop the weight and category columns from products? don't need them",
     [("drop", ["weight", "category"])]),
    ("drop the email column from customers, we do not need it anymore", [("drop", ["email"])]),
    ("orders from 2024, no rush", [("filter", YEAR_2024)]),
    ("orders from 2024, thank you so much", [("filter", YEAR_2024)]),
    ("orders from 2024, much appreciated", [("filter", YEAR_2024)]),
    ("how many orders are there? just the overall number is fine", [("aggregate", [{"function": "count"}])]),
    ("average price of products. a rough figure would be ok",
     [("aggregate", [{"function": "mean", "column": "price"}])]),
    ("orders from 2024, whenever you have time", [("filter", YEAR_2024)]),
    ("orders from 2024. much obliged", [("filter", YEAR_2024)]),
    ("orders from 2024, just the status would be enough", [("filter", YEAR_2024), ("select", ["status"])]),
    ("customers in france, just the names is fine", [("filter", FRANCE), ("select", ["name"])]),
    ("customers in france - just name and email is fine", [("filter", FRANCE), ("select", ["name", "email"])]),
    ("orders from 2024? want to compare them to the unit_price", [("filter", YEAR_2024)]),
    ("orders from 2024. we want to compare them against the quantity", [("filter", YEAR_2024)]),
    # who the rows are for, or what the user will do with their people: no test of them
    ("customers in france please, the sales team wants a list, ta", [("filter", FRANCE)]),
    ("customers in france - marketing needs a copy of them", [("filter", FRANCE)]),
    ("customers in france? our finance team asked for a breakdown", [("filter", FRANCE)]),
    ("customers in france, want to chase them up", [("filter", FRANCE)]),
    ("customers in france. we want to call them", [("filter", FRANCE)]),
    ("customers in france, i need to follow up with them", [("filter", FRANCE)]),
    ("customers in france, going to email them about it", [("filter", FRANCE)]),
]  # fmt: skip


def _held(node: dict[str, object]) -> object:
    return node.get("columns") or node.get("condition") or node.get("aggregations")


@pytest.mark.parametrize(("request_text", "steps"), ASIDES, ids=[a[0] for a in ASIDES])
def test_an_aside_asking_for_nothing_is_dropped(
    request_text: str, steps: list[tuple[str, object]], demo: Demo, tmp_path: Path
) -> None:
    planned, _ = answer(request_text, demo, tmp_path)
    planned_steps = [(n["kind"], _held(n)) for n in planned.definition["nodes"] if n["kind"] != "source"]
    assert planned_steps == steps


@pytest.mark.parametrize(
    "request_text",
    [
        "drop unit_price from orders? want to compare it to the unit price",  # the column it compares is dropped
        "how many orders per country? just the overall number is fine",  # overall, or per country?
        "customers in france, want to drop them",  # dropping them is no way of reaching them
        "customers in france, want to call them only",  # 'only' restricts
    ],
)
def test_an_aside_at_odds_with_the_plan_is_said(request_text: str, demo: Demo) -> None:
    assert draft(request_text, demo.catalog).not_understood


@pytest.mark.parametrize(
    ("request_text", "scale"),
    [
        ("roughly what share of our subscribers churned? just the overall number is fine", 1.0),
        ("what proportion of our subscribers have churned", 1.0),
        ("the percentage of all our subscribers who churned", 100.0),
    ],
)
def test_a_share_of_our_rows_is_one_overall_rate(request_text: str, scale: float, demo: Demo, tmp_path: Path) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    (summary,) = [n for n in planned.definition["nodes"] if n["kind"] == "aggregate"]
    assert summary["group_by"] == []
    assert output.height == 1
    assert output.row(0)[0] == pytest.approx(demo.frames["churn"]["churned"].mean() * scale)


# Requests the planner plans in full said bare (the terse, formal and typo cases of the eval splits), each wrapped in
# chatty framings that ask for nothing more: the plan must be the bare request's. `True`: said as an order ('dedupe
# orders'), so asked with a verb ('could you dedupe orders'); else a noun phrase ('could you pull orders in 2024').
BARE: list[tuple[str, bool]] = [
    ("orders with total_revenue > 500", False),
    ("enterprise customers", False),
    ("cancelld orders", False),
    ("orders in 2024", False),
    ("products missing a price", False),
    ("churned subscribers", False),
    ("customers: name, email, country only", False),
    ("top 10 orders by revenue", False),
    ("orders sorted by date newst first", False),
    ("revenue by country", False),
    ("median montly charges per internet servce", False),
    ("number of orders", False),
    ("ordres for electronics products", False),
    ("subscribers paying by electronic check", False),
    ("german customers, no test accounts", False),
    ("orders jan-feb 2025", False),
    ("earliest and latest order date", False),
    ("top 3 products by revenue with their names", False),
    ("total delivered revenue for Germany", False),
    ("products priced between 50 and 100", False),
    ("customers born before 1960", False),
    ("customers that have returned at least one order", False),
    ("number of products in each category", False),
    ("costumers from itlay", False),
    ("orders with customer email", False),
    ("order count by status and country", False),
    ("2025 revenue by country, highest first", False),
    ("subscribers with tenure under 6 months", False),
    ("custoemrs in the UK", False),
    ("max price per category", False),
    ("orders q3 2022", False),
    ("deliverd orders with no ship date", False),
    ("orders + product name and category", False),
    ("ordrs from smb custmers in 2025", False),
    ("avg unit_price by status", False),
    ("distinct intenet services in churn", False),
    ("dedupe orders", True),
    ("add line_total = quantity * unit_price to orders", True),
    ("fill missing regions with the most common one", True),
    ("remove the split colum from churn", True),
    ("renmae quantity to units in ordres", True),
    ("Replace missing ages with the median age.", True),
    ("Count the subscribers by region and internet service.", True),
    ("Sort the customers by age in ascending order.", True),
]
OPENERS = ["hi there,", "morning!", "quick one:", "hey team -", "so,", "hello!", "hey,", "good afternoon,", "hi all,",
           "ok so", "hiya!", "afternoon -", "Hey there!", "Quick question:", "Hope you're well!", "Hi Sam,",
           "Happy Monday!"]  # fmt: skip
ASKS = ["could you pull", "can you grab me", "would you mind getting", "I need", "I'd like to see", "please give me",
        "can I get", "mind fetching", "any chance you could list", "show me", "could you dig out", "I'm after",
        "would you be able to pull up", "I'd love to see", "could I have", "can you find me",
        "I'm looking for", "any way to get", "do you think you could grab", "pls send me"]  # fmt: skip
ORDERS = ["could you", "can you", "would you", "please", "I need you to", "any chance you could", "could you please",
          "would you be able to", "can we", "I'd like you to"]  # fmt: skip
STATEMENTS = ["I need", "we need", "I'd like", "I want", "we'd like to see"]  # the ask said as what the user wants
STATED_ORDERS = ["I need you to", "we need to", "I'd like you to", "I want to", "we'd like to"]
HEDGES = ["if possible", "when you get a chance", "ideally", "if that's not too much trouble", "if you can",
          "if it's easy", "when you have a sec", "if you don't mind", "whenever you can",
          "no worries if not"]  # fmt: skip
LEAD_HEDGES = ["I think", "ideally", "honestly", "basically"]
PURPOSES = ["for the board deck", "it's for month-end accruals", "we're reviewing churn next week",
            "so I can send it to finance", "for a quick sanity check", "it's for the quarterly review",
            "need it for a report", "our finance folks asked for it", "I'm putting together a slide for Monday",
            "for the ops sync tomorrow", "the sales team wants to look at it", "just want to double-check something",
            "my manager asked", "for a customer call", "my boss wants it", "for planning", "for reference",
            "legal asked for it", "it's going in the Q3 deck", "I'm updating the forecast", "just curious"]  # fmt: skip
SIGN_OFFS = ["cheers", "thanks!", "ta", "much appreciated", "no rush", "thx", "thanks in advance", "thanks a lot!",
             "many thanks", "ty", "cheers mate", "cheers, Alex", "asap please", "you're a star"]  # fmt: skip
# what the user is doing, seeing or feeling, said after the request: asks for nothing
REASONS = ["planning a meetup", "planning next year's staffing", "trying to figure out where to send the sales team",
           "the dashboard breaks on nulls", "we're seeing weird spikes", "it keeps coming up in meetings",
           "the report tool chokes on blanks", "seems fairer than one global number",
           "working on the budget for next year", "hoping to spot a trend",
           "getting ready for the quarterly business review", "just trying to get a feel for the data",
           "we're noticing some odd gaps", "the BI tool can't handle the raw export", "our CFO keeps asking about it",
           "the spreadsheet crashes on the full file", "this keeps coming up in standups", "our numbers look off",
           "I'm curious about the seasonality", "prepping for a chat with the CEO", "mapping out the next campaign",
           "we're dealing with a lot of complaints", "keeping an eye on the trend",
           "the finance team noticed a gap", "it bugs me", "the forecast model breaks on outliers",
           "wondering why the numbers moved", "we're struggling with the month-end close", "studying the seasonality",
           "my manager noticed something odd", "exploring a few ideas for the roadmap",
           "it seems more realistic that way", "the upload script chokes on empty cells",
           "looking into a complaint from a client", "gearing up for the offsite",
           "sounds simpler than doing it by hand", "we're revamping the pricing",
           "people keep asking", "excel can't open the full file", "been meaning to look at this",
           "something seems off", "marketing keeps asking about it", "I'm onboarding a new analyst",
           "we've been restructuring the territories", "hoping it's quick", "the new hire is confused by it",
           "it keeps tripping up the import", "the sheet crashes with too many rows", "seeing a lot of noise in it",
           "the old report was wrong", "ops noticed a weird dip", "our CEO wants to know"]  # fmt: skip
TAILS = [
    "can you help?",
    "could you do that?",
    "is that doable?",
    "would that be possible?",
    "possible?",
    "any chance?",
    "if you can?",
]  # the ask said last
SHAPES = [
    "{opener} {ask} {request}? {sign_off}",
    "{opener} {ask} {request}, {hedge}. {purpose}. {sign_off}",
    "{lead} {statement} {request} - {purpose}, {sign_off}",
    "{ask} {request} {hedge}? {purpose}",
    "{opener} {ask} {request} please, {purpose}! {sign_off}",
    "{opener} {request}, {tail} {sign_off}",
    "{opener} {ask} {request}? {reason}",
    "{ask} {request}. {reason} - {sign_off}",
    "{reason}, {ask} {request}?",
    "{ask} {request} - btw {reason}",
]


def _chatty(index: int, request: str, order: bool) -> list[str]:
    """The request in each shape, its parts taken in a fixed rotation (each list by its own stride) so the cases
    together use every word of the vocabulary in many combinations."""
    said = request[0].lower() + request[1:].rstrip(".") if order else request
    framed = []
    for shape_index, shape in enumerate(SHAPES):
        k = index * len(SHAPES) + shape_index

        def pick(words: list[str], stride: int, k: int = k) -> str:
            return words[(k * stride) % len(words)]

        framed.append(
            shape.format(
                opener=pick(OPENERS, 1),
                ask=pick(ORDERS if order else ASKS, 3),
                statement=pick(STATED_ORDERS if order else STATEMENTS, 1),
                request=said,
                hedge=pick(HEDGES, 3),
                lead=pick(LEAD_HEDGES, 1),
                purpose=pick(PURPOSES, 5),
                sign_off=pick(SIGN_OFFS, 3),
                tail=pick(TAILS, 2),
                reason=pick(REASONS, 7),
            )
        )
    return framed


FRAMED = [(request, said) for index, (request, order) in enumerate(BARE) for said in _chatty(index, request, order)]


@pytest.mark.parametrize(("bare", "chatty"), FRAMED, ids=[f[1] for f in FRAMED])
def test_chatter_around_a_request_leaves_its_plan_unchanged(bare: str, chatty: str, demo: Demo) -> None:
    planned, expected = draft(chatty, demo.catalog), draft(bare, demo.catalog)
    assert expected.definition is not None and not expected.not_understood
    assert planned.not_understood == []
    assert planned.definition == expected.definition


# (chatty request, the bare one): a reason naming data is the user's work, not a test of the rows; a test said
# beside chatter ('for customers in Germany', 'the ones from italy') is a test still
SAME_PLAN = [
    ("orders from 2024, we're reviewing churn next week", "orders from 2024"),
    ("revenue by country - for a customer call", "revenue by country"),
    ("orders in 2024 for the sales review", "orders in 2024"),
    ("orders in 2024 for the finance team", "orders in 2024"),
    ("I'm working on a churn analysis, could you get me the churned subscribers?", "churned subscribers"),
    ("hey, could you list the customers who signed up in 2024? need them for the onboarding review on monday",
     "customers who signed up in 2024"),
    ("customers in germany for the board deck", "customers in germany"),
    ("could you pull orders for customers in Germany? cheers", "orders for customers in Germany"),
    ("total delivered revenue for Germany, thanks!", "total delivered revenue for Germany"),
    ("could you pull the orders? the ones from italy please", "orders from italy"),
    ("hi! could you pull customers, ideally the ones in france. thanks", "customers in france"),
    ("can you get rid of the test accounts in customers? cheers", "get rid of the test accounts in customers"),
    ("could you pull the churn rate for electronic check? cheers", "churn rate for electronic check"),
    ("hi, for every order could you pull in the product's price? thanks",
     "for every order pull in the product's price"),
    # a closing clause that restricts is a test still; one naming rows names those the request already left out
    ("could you pull the orders? only the ones from 2024 though", "orders from 2024"),
    ("could you pull the customers? skip the test accounts", "customers, no test accounts"),
    ("hey, could you give me the smb customers, not test accounts? the test ones mess up my numbers",
     "smb customers, not test accounts"),
    ("customers in Berlin or Hamburg - we're planning a meetup", "customers in Berlin or Hamburg"),
    ("orders in 2024. my boss asked, the dashboard breaks on nulls", "orders in 2024"),
    ("could you pull the enterprise customers? hoping to see them sorted by age", "enterprise customers sorted by age"),
    # a reason said first that names a column or value may be what the request is about: read, not dropped
    ("I'm looking at churned subscribers, what's their average tenure?", "average tenure of churned subscribers"),
]  # fmt: skip


@pytest.mark.parametrize(("chatty", "bare"), SAME_PLAN, ids=[s[0] for s in SAME_PLAN])
def test_a_reason_is_no_test_and_a_test_beside_chatter_stays(chatty: str, bare: str, demo: Demo) -> None:
    planned, expected = draft(chatty, demo.catalog), draft(bare, demo.catalog)
    assert expected.definition is not None and not expected.not_understood
    assert planned.not_understood == []
    assert planned.definition == expected.definition


@pytest.mark.parametrize(
    ("request_text", "said"),
    [
        ("hi, can you get me the orders for the german team? thanks", "for the german team"),
        ("orders for the Germany team", "for the Germany team"),
        ("hi, I'd like to see the orders for the Italy meeting", "for the Italy meeting"),
        ("orders in 2024? it's for customers in italy", "it's for customers in italy"),
        ("orders in 2024, so I can see revenue per country", "so I can see revenue per country"),
        ("german orders, for the 2024 review", "for the 2024 review"),
        ("churn rate by contract for the mailed check review", "for the mailed check review"),
        ("could you pull customers for the email? thanks", "for the email"),
        ("churned subscribers. we're reviewing customers in germany next week", "customers in germany"),
        ("could you pull the orders? the ones over 100 matter most", "matter most"),  # all orders, or over 100?
        ("orders from 2024? looking at the german market", "looking at the german market"),
        ("hey, could you find subscribers earning under 20k? we're seeing it mostly in fiber users", "fiber users"),
        ("orders in 2024, planning the 2025 budget", "planning the 2025 budget"),
        ("could you pull the orders? the big ones skew the average", "big ones skew the average"),  # leave them out?
        ("could you pull the orders? the german ones mess up my numbers", "mess up my numbers"),
        ("customers in germany, trying to reach the enterprise accounts", "reach"),
        ("churned subscribers? looking at customers in germany", "customers in germany"),  # another dataset's rows
    ],
)
def test_a_reason_that_may_be_a_test_is_said_not_guessed(request_text: str, said: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert any(said in part for part in planned.not_understood), planned.not_understood


# the rows with no value in the grouping column, said beside a grouping: a group of their own (as grouped), or left
# out (a test that the column is present); said where nothing is grouped, not understood
BLANK_GROUPS = [
    ("hey, could you tell me how many customers we have in each city? blanks can be their own group",
     "how many customers in each city"),
    ("revenue by country - nulls as their own group is fine", "revenue by country"),
    ("how many customers in each city? count the empty ones as a group", "how many customers in each city"),
    ("median monthly charges per region; the missing ones can be a separate group",
     "median monthly charges per region"),
    ("how many customers in each city? leave out the blanks", "how many customers in each city with a known city"),
    ("revenue by country, ignoring the blanks", "revenue by country with a known country"),
    ("number of products in each category - skip the empty ones",
     "number of products in each category with a known category"),
    # the grouping column named: never a test that it is blank, nor a value to fill the blanks with
    ("how many customers in each city? treat missing cities as a separate group", "how many customers in each city"),
    ("count customers per city, empty cities grouped together", "count customers per city"),
    ("how many customers in each city? customers without a city can be their own group",
     "how many customers in each city"),
    ("how many customers in each city? ignore missing cities", "how many customers in each city with a known city"),
    ("how many customers in each city? exclude the empty cities", "how many customers in each city with a known city"),
]  # fmt: skip


# a reason naming a column by its name: after the request, the subject of the work; said first, it may be what the
# request is about ("looking at churned subscribers, what is their average tenure?"; "call them" names support_calls),
# so read with it or said
ABOUT_COLUMNS = ["thinking about a price change", "looking at income levels", "studying tenure trends",
                 "the sales team wants to call them", "investigating a support ticket"]  # fmt: skip
ABOUT_REQUESTS = ["enterprise customers", "subscribers with tenure under 6 months", "orders in 2024"]


@pytest.mark.parametrize("reason", ABOUT_COLUMNS)
@pytest.mark.parametrize("bare", ABOUT_REQUESTS)
def test_a_reason_naming_a_column_is_dropped_after_the_request_never_guessed_before(
    reason: str, bare: str, demo: Demo
) -> None:
    expected = draft(bare, demo.catalog)
    after, before = draft(f"could you pull {bare}? {reason}", demo.catalog), draft(f"{reason}, {bare}?", demo.catalog)
    assert after.not_understood == [] and after.definition == expected.definition
    assert before.definition == expected.definition or before.not_understood


@pytest.mark.parametrize(("chatty", "bare"), BLANK_GROUPS, ids=[b[0] for b in BLANK_GROUPS])
def test_blanks_beside_a_grouping_are_a_group_or_left_out(chatty: str, bare: str, demo: Demo) -> None:
    planned, expected = draft(chatty, demo.catalog), draft(bare, demo.catalog)
    assert expected.definition is not None and not expected.not_understood
    assert planned.not_understood == []
    assert planned.definition == expected.definition


@pytest.mark.parametrize(
    "request_text",
    [
        "customers? blanks can be their own group",
        "orders from 2024? leave out the blanks",
        "customers, treat missing cities as a separate group",  # not a fill with 'separate'
    ],
)
def test_blanks_with_no_grouping_are_said(request_text: str, demo: Demo) -> None:
    assert draft(request_text, demo.catalog).not_understood


@pytest.mark.parametrize(
    "request_text",
    [
        "hey, can you make it look nicer?",
        "thanks!",
        "hi there",
        "morning! could you help me out? cheers",
        "hey, could you help?",
    ],
)
def test_chatter_that_asks_for_nothing_plans_nothing(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.definition is None
    assert planned.not_understood


# what the planner refuses bare, it refuses framed: taking chatter off never leaves a plannable request behind
REFUSED = ["make me a sandwich", "predict which customers will churn next month", "how many employees do we have",
           "the weather in Berlin", "make the chart look nicer", "translate the product names into French",
           "undo the last change"]  # fmt: skip
REFUSED_FRAMED = [said for index, request in enumerate(REFUSED) for said in _chatty(index, request, order=False)]


@pytest.mark.parametrize("request_text", REFUSED_FRAMED)
def test_a_refused_request_stays_refused_when_framed(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.definition is None
    assert planned.not_understood
