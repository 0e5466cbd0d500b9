"""Where a chat message goes: commands, quality questions, replies to the open plan, new requests."""

from __future__ import annotations

import pytest

from datalinx.chat_ui.routing import is_quality_question, mentioned_dataset, route, upload_name


@pytest.mark.parametrize(
    "text",
    [
        "how good is this data?",
        "How clean is orders?",
        "scan orders",
        "please rescan it",
        "check the quality of orders",
        "what's the data quality?",
        "is this data any good?",
        "any issues with customers?",
        "show me the quality score of orders",
    ],
)
def test_questions_about_the_data_start_a_scan(text: str) -> None:
    assert is_quality_question(text)
    assert route(text, plan_pending=False).kind == "quality"


@pytest.mark.parametrize(
    "text",
    [
        "orders with amount over 10, save as big_orders",
        "keep rows where the quality score is over 80",
        "drop rows with a bad score and save as clean",
        "total amount per country",
        "show me the top 10 customers by revenue",
    ],
)
def test_requests_that_mention_quality_words_go_to_the_planner(text: str) -> None:
    assert not is_quality_question(text)
    assert route(text, plan_pending=False).kind == "plan"
    assert route(text, plan_pending=False).new_conversation


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("workspaces", "workspaces", "workspaces"),
        ("list my workspaces?", "workspaces", "list my workspaces?"),
        ("workspace analytics", "switch", "analytics"),
        ("switch to workspace analytics", "switch", "analytics"),
        ("use workspace 'team-b'", "switch", "team-b"),
        ("/workspace default", "switch", "default"),
        ("help", "help", "help"),
        ("what can you do?", "help", "what can you do?"),
    ],
)
def test_commands(text: str, kind: str, target: str) -> None:
    where = route(text, plan_pending=True)
    assert (where.kind, where.text) == (kind, target)


def test_with_a_plan_open_a_message_answers_it() -> None:
    assert route("save and run", plan_pending=True).kind == "reply"
    assert route("discard", plan_pending=True).kind == "reply"
    follow_up = route("  also drop the email column ", plan_pending=True)
    assert (follow_up.kind, follow_up.text) == ("reply", "also drop the email column")
    assert not follow_up.new_conversation
    assert route("how good is this data?", plan_pending=True).kind == "quality"


def test_a_new_request_can_start_over_while_a_plan_is_open() -> None:
    where = route("New pipeline: top 10 orders by amount", plan_pending=True)
    assert (where.kind, where.text, where.new_conversation) == ("plan", "top 10 orders by amount", True)
    assert route("start over", plan_pending=True).kind == "plan"


def test_after_edit_the_next_message_is_the_change_whatever_it_says() -> None:
    where = route("how good is this data after the filter?", plan_pending=True, awaiting_edit=True)
    assert where.kind == "reply"
    assert route("workspaces", plan_pending=False, awaiting_edit=True).kind == "workspaces"


def test_a_question_names_its_dataset_by_whole_words_longest_first() -> None:
    names = ["orders", "orders_2024", "customers"]
    assert mentioned_dataset("how good is orders_2024?", names) == "orders_2024"
    assert mentioned_dataset("scan Orders please", names) == "orders"
    assert mentioned_dataset("how good is big_orders?", names) is None
    assert mentioned_dataset("how good is this data?", names) is None


def test_an_upload_can_be_named_in_its_message() -> None:
    assert upload_name("as orders_2024") == "orders_2024"
    assert upload_name("here it is, call it 'Q1 sales'.") == "Q1 sales"
    assert upload_name("here it is, named 'Q1 sales'.") == "Q1 sales"
    assert upload_name("") is None and upload_name("here is my data") is None
