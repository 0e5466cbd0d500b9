"""The planner evaluation's scorer: oracle pipelines score correct, bad ones wrong, refusals apart; cases compute."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest

from datalinx.agents.schemas import Draft
from evals.planner import baselines
from evals.planner.baselines import chain, source
from evals.planner.cases import CASES, by_id, counts, for_split
from evals.planner.compare import compare
from evals.planner.data import DemoData, demo_data
from evals.planner.report import render
from evals.planner.runner import PlannerUnavailable, load_planner, plan, run, summarise
from evals.planner.score import classify

ORACLE_CASES = [
    "text-orders-germany",
    "agg-revenue-by-country",
    "top-10-orders",
    "text-delivered",
    "join-customer-name-segment",
    "rename-revenue-date",
    "date-signup-2024",
    "combo-delivered-monthly-2024",
    "agg-orders-per-year",
    "turn-top-5-countries",
]


@pytest.fixture(scope="module")
def data() -> DemoData:
    return demo_data()


def _score(case_id: str, definition: dict[str, Any] | None, data: DemoData, **draft: Any) -> tuple[str, str]:
    judgement = classify(by_id(case_id), Draft(definition=definition, **draft), data)
    return judgement.classification, judgement.reason


@pytest.mark.parametrize("case_id", ORACLE_CASES)
def test_oracle_pipeline_scores_correct(case_id: str, data: DemoData) -> None:
    case = by_id(case_id)
    answer, timings = plan(case, baselines.oracle, data.catalog)
    assert len(timings) == len(case.turns)
    judgement = classify(case, answer, data)
    assert judgement.classification == "correct", judgement.reason


def test_filter_missing_spelling_variants_scores_wrong(data: DemoData) -> None:
    literal = chain(source("orders"), {"id": "f", "kind": "filter", "condition": "status = 'delivered'"})
    kind, reason = _score("text-delivered", literal, data)
    assert kind == "wrong"
    assert "rows, expected" in reason


def test_wrong_aggregate_scores_wrong(data: DemoData) -> None:
    mean = {"function": "mean", "column": "total_revenue"}
    definition = chain(
        source("orders"), {"id": "a", "kind": "aggregate", "group_by": ["country"], "aggregations": [mean]}
    )
    assert _score("agg-revenue-by-country", definition, data)[0] == "wrong"


def test_invalid_pipeline_scores_wrong_with_the_validation_problem(data: DemoData) -> None:
    typo = chain(source("orders"), {"id": "f", "kind": "filter", "condition": "countri = 'DE'"})
    kind, reason = _score("text-orders-germany", typo, data)
    assert kind == "wrong"
    assert "countri" in reason
    kind, reason = _score("text-orders-germany", {"nodes": [{"id": "x", "kind": "teleport"}]}, data)
    assert (kind, reason.split(":")[0]) == ("wrong", "invalid pipeline")


def test_not_understood_is_an_explicit_failure_even_with_a_definition(data: DemoData) -> None:
    partial = chain(source("orders"))
    assert _score("text-delivered", None, data, not_understood=["delivered"])[0] == "explicit_failure"
    assert _score("text-delivered", partial, data, not_understood=["delivered"])[0] == "explicit_failure"
    assert _score("text-delivered", None, data) == ("explicit_failure", "no definition")


def test_planner_that_raises_scores_wrong(data: DemoData) -> None:
    def broken(request: str, catalog: Any, previous: Any) -> Draft:
        raise RuntimeError("boom")

    [outcome] = run([by_id("text-delivered")], broken, data)
    assert outcome.judgement.classification == "wrong"
    assert "boom" in outcome.judgement.reason


def test_refusal_cases_count_apart(data: DemoData) -> None:
    assert _score("refuse-colour", None, data, not_understood=["favourite colour"])[0] == "refused"
    assert _score("refuse-colour", chain(source("customers")), data)[0] == "answered"
    summary = summarise(run([by_id("refuse-colour"), by_id("text-delivered")], baselines.never_understands, data))
    assert (summary.scored, summary.explicit, summary.refusals, summary.refused) == (1, 1, 1, 1)


def test_the_input_of_a_sink_is_the_output(data: DemoData) -> None:
    # The sink reads the filter; the unfiltered source also ends nowhere, and is not what is scored.
    nodes = [
        source("orders"),
        {"id": "de", "kind": "filter", "condition": "country = 'DE'"},
        {"id": "save", "kind": "sink_file", "format": "csv", "name": "de.csv"},
        source("customers"),
    ]
    edges = [{"source": "orders", "target": "de"}, {"source": "de", "target": "save"}]
    assert _score("text-orders-germany", {"nodes": nodes, "edges": edges}, data)[0] == "correct"


def test_without_a_sink_the_last_end_node_is_the_output(data: DemoData) -> None:
    nodes = [source("customers"), source("orders"), {"id": "de", "kind": "filter", "condition": "country = 'DE'"}]
    edges = [{"source": "orders", "target": "de"}]
    assert _score("text-orders-germany", {"nodes": nodes, "edges": edges}, data)[0] == "correct"


def test_column_names_are_lenient_unless_the_request_names_them() -> None:
    expected = pl.DataFrame({"country": ["DE", "FR"], "total_revenue": [10.0, 20.0]})
    aliased = pl.DataFrame({"country": ["FR", "DE"], "revenue": [20.0, 10.0], "orders": [3, 1]})
    assert compare(aliased, expected).equal
    assert not compare(aliased, expected, strict_names=frozenset({"total_revenue"})).equal
    assert not compare(aliased, expected, columns="exact").equal
    # Values alone do not make a match: the rows must line up too.
    crossed = pl.DataFrame({"country": ["DE", "FR"], "revenue": [20.0, 10.0]})
    assert not compare(crossed, expected).equal


def test_row_order_matters_only_when_ordered() -> None:
    expected = pl.DataFrame({"id": [1, 2, 3], "amount": [30.0, 20.0, 10.0]})
    reversed_rows = expected.reverse()
    assert compare(reversed_rows, expected).equal
    assert not compare(reversed_rows, expected, ordered=True).equal
    assert compare(expected, expected, ordered=True).equal
    # With a sort key, rows tied on it may come in any order.
    tied = pl.DataFrame({"id": [1, 2, 3], "amount": [30.0, 30.0, 10.0]})
    swapped = pl.DataFrame({"id": [2, 1, 3], "amount": [30.0, 30.0, 10.0]})
    assert compare(swapped, tied, sort_key=["amount"], ordered=True).equal
    assert not compare(swapped, tied, ordered=True).equal
    assert not compare(tied.reverse(), tied, sort_key=["amount"], ordered=True).equal


def test_values_compare_with_tolerance_and_light_coercion() -> None:
    expected = pl.DataFrame({"month": [dt.date(2024, 1, 1), dt.date(2024, 2, 1)], "n": [3, 4]})
    as_text = pl.DataFrame({"m": ["2024-01", "2024-02"], "n": [3.0, 4.0 * (1 + 1e-9)]})
    as_datetime = pl.DataFrame({"m": [dt.datetime(2024, 1, 1), dt.datetime(2024, 2, 1)], "n": [3, 4]})
    assert compare(as_text, expected).equal
    assert compare(as_datetime, expected).equal
    assert not compare(pl.DataFrame({"m": ["2024-01", "2024-02"], "n": [3.0, 4.01]}), expected).equal
    assert not compare(pl.DataFrame({"month": [None, dt.date(2024, 2, 1)], "n": [3, 4]}), expected).equal


def test_every_case_computes_a_non_empty_answer(data: DemoData) -> None:
    for case in CASES:
        if case.refusal:
            continue
        for expectation in (case.expected, *case.alternatives):
            assert expectation is not None
            answer = expectation(data.frames)
            assert answer.height > 0 and answer.width > 0, case.id
            assert set(case.sort_key) <= set(answer.columns), case.id
            assert set(case.strict_names) <= set(answer.columns), case.id


def test_the_cases_cover_what_the_issue_asks() -> None:
    assert len(CASES) >= 90
    assert len({c.id for c in CASES}) == len(CASES)
    assert len({c.text for c in CASES}) == len(CASES)
    dev = len(for_split("dev")) / (len(for_split("dev")) + len(for_split("test")))
    assert 0.3 <= dev <= 0.4
    assert set(counts()["style"]) == {"terse", "chatty", "typo", "paraphrase", "formal", "question"}
    assert sum(c.refusal for c in CASES) >= 8
    assert sum(len(c.turns) > 1 for c in CASES) >= 3


def test_a_missing_planner_is_reported_clearly() -> None:
    with pytest.raises(PlannerUnavailable, match="cannot import"):
        load_planner("evals.planner.no_such_module:draft")
    with pytest.raises(PlannerUnavailable, match="no callable"):
        load_planner("evals.planner.baselines:no_such_function")
    assert load_planner("evals.planner.baselines:oracle") is baselines.oracle


def test_report_lists_every_split_and_the_misses(data: DemoData) -> None:
    outcomes = run([by_id("text-orders-germany"), by_id("text-delivered")], baselines.never_understands, data)
    text = render(outcomes, show_failures=True)
    assert "dev" in text and "explicit_failure" in text and "text-delivered" in text


def test_a_turn_not_understood_ends_the_conversation_as_an_explicit_failure(data: DemoData) -> None:
    case = by_id("f4-turn-2023-over-1000-sorted")
    asked: list[tuple[str, dict[str, Any] | None]] = []
    orders = chain(source("orders"), {"id": "f", "kind": "filter", "condition": "year(order_date) = 2023"})

    def planner(request: str, catalog: Any, previous: dict[str, Any] | None) -> Draft:
        asked.append((request, previous))
        if len(asked) == 2:
            return Draft(not_understood=["brought"])
        return Draft(definition=orders)

    answer, timings = plan(case, planner, data.catalog)
    assert [r for r, _ in asked] == list(case.turns[:2]) and len(timings) == 2  # the third turn is never asked
    assert classify(case, answer, data).classification == "explicit_failure"


def test_reading_past_unread_words_drops_single_words_only(data: DemoData) -> None:
    """The guessing baseline plans again without a lone unread word, and keeps the first answer for a phrase."""
    word = "orders from Germany zorply"
    assert baselines.draft_offline(word, data.catalog).not_understood == ["zorply"]
    guessed = baselines.reads_past_words(word, data.catalog)
    assert guessed.not_understood == [] and guessed.definition is not None
    phrase = "orders from Germany that zorply the grommets"
    first = baselines.draft_offline(phrase, data.catalog)
    assert any(" " in said for said in first.not_understood)
    assert baselines.reads_past_words(phrase, data.catalog).not_understood == first.not_understood
