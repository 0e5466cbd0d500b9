"""The offline planner on wordings it once planned without a word said but not as asked: words that read as filler
alone but say something the plan would drop (what people did, 'things customers bought', 'customers who sent an
email'; a state a sentence ends with, 'orders that were paid'; 'make ... call' as the ask's own verb rather than a
reason, 'yet to make their first call'), a negating prefix spelled away ('inactive' read as 'active'), 'anything but
X' read as X, a year read as a count of rows ('keep the 2023 records' kept 2023 rows) and two periods joined by 'and'
that no row is in both ('the 2023 orders and the 2024 orders' gave none). Each is now said as not understood or
planned as asked; the wordings that were read keep their plans."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, refused, same_rows

__all__ = ["demo"]  # the fixture

DEEDS_UNREAD = [
    ("things customers bought", "bought"),
    ("what did customers buy", "buy"),
    ("people who sent an email", "sent"),
    ("customers who sent us an email", "sent"),
    ("customers who paid", "paid"),
    ("customers who have ever ordered", "ordered"),
    ("customers who were billed", "billed"),
    ("customers that complained", "complained"),
    ("orders that were paid", "paid"),
    ("orders that were refunded", "refunded"),
    ("what every product has earned", "earned"),
    ("orders paid", "paid"),
]


@pytest.mark.parametrize(("request_text", "word"), DEEDS_UNREAD, ids=[d[0] for d in DEEDS_UNREAD])
def test_a_deed_no_reader_took_is_said_not_dropped(request_text: str, word: str, demo: Demo) -> None:
    assert any(word in said for said in refused(request_text, demo))


def test_make_before_a_call_is_the_ask_not_a_reason(demo: Demo) -> None:
    said = refused("customers who have yet to make their first call", demo)
    assert any("call" in s for s in said)


REASONS_KEPT = [
    "list the customers, it makes the dashboard work",
    "list the customers, make the chart work",
    "list the customers so the dashboard loads",
]


@pytest.mark.parametrize("request_text", REASONS_KEPT)
def test_a_reason_of_what_the_answer_makes_work_is_still_chatter(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert planned.not_understood == []
    assert [n["kind"] for n in planned.definition["nodes"]] == ["source"]


def _buyers(demo: Demo) -> pl.DataFrame:
    ids = demo.frames["orders"].select("customer_id")
    return demo.frames["customers"].join(ids, on="customer_id", how="semi")


@pytest.mark.parametrize("request_text", ["customers who bought", "customers who have made a purchase"])
def test_deeds_read_as_a_link_keep_their_plan(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, _buyers(demo))


def test_the_orders_own_verb_after_a_relative_stays_filler(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders that were paid in EUR", demo, tmp_path)
    currency = pl.col("currency").str.strip_chars().str.to_lowercase()
    same_rows(output, demo.frames["orders"].filter(currency.is_in(["eur", "euro", "€", "euros"])))


NEGATED = ["customers who are inactive", "subscribers that are inactive", "products that are unavailable",
           "customers who are disloyal"]  # fmt: skip


@pytest.mark.parametrize("request_text", NEGATED)
def test_a_negating_prefix_is_never_spelled_away(request_text: str, demo: Demo) -> None:
    said = refused(request_text, demo)
    assert any(w in " ".join(said) for w in ("inactive", "unavailable", "disloyal"))


def test_a_slip_in_a_word_without_a_prefix_is_still_fixed(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("subscribers who are actve", demo, tmp_path)
    same_rows(output, demo.frames["churn"].filter(pl.col("churned") == 0))


def _orders_without(demo: Demo, *statuses: str) -> pl.DataFrame:
    status = pl.col("status").str.strip_chars().str.to_lowercase()
    return demo.frames["orders"].filter(~status.is_in(list(statuses)) | status.is_null())


ANYTHING_BUT = [
    ("anything but delivered orders", ("delivered", "delivred")),
    ("all but cancelled orders", ("cancelled", "canceled")),
    ("orders, everything except the returned ones", ("returned",)),
    ("orders, anything save the cancelled ones", ("cancelled", "canceled")),
]


@pytest.mark.parametrize(("request_text", "statuses"), ANYTHING_BUT, ids=[a[0] for a in ANYTHING_BUT])
def test_anything_but_a_value_keeps_the_other_rows(
    request_text: str, statuses: tuple[str, ...], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, _orders_without(demo, *statuses))


YEARS_AS_COUNTS = ["orders, keep the 2023 records", "show the first 2024 orders", "just the 2024 rows of orders"]


@pytest.mark.parametrize("request_text", YEARS_AS_COUNTS)
def test_a_year_said_as_a_count_of_dated_rows_is_asked(request_text: str, demo: Demo) -> None:
    assert any("or 20" in said and "rows?" in said for said in refused(request_text, demo))


def test_a_count_that_is_no_year_still_limits(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("show the first 20 orders", demo, tmp_path)
    assert output.height == 20


DISJOINT = [
    ("the 2023 orders and the 2024 orders", pl.col("order_date").dt.year().is_in([2023, 2024])),
    ("orders from 2023 and from 2024", pl.col("order_date").dt.year().is_in([2023, 2024])),
    ("orders in march and in april", pl.col("order_date").dt.month().is_in([3, 4])),
    ("orders in 2023 and in march", (pl.col("order_date").dt.year() == 2023) & (pl.col("order_date").dt.month() == 3)),
]


@pytest.mark.parametrize(("request_text", "test"), DISJOINT, ids=[d[0] for d in DISJOINT])
def test_periods_no_row_is_in_both_are_either(request_text: str, test: pl.Expr, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(test))


@pytest.mark.parametrize("request_text", ["the revenue earned per country", "total revenue booked per country"])
def test_a_deed_said_of_the_column_before_it_stays_filler(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    expected = demo.frames["orders"].group_by("country").agg(pl.col("total_revenue").sum())
    same_rows(output.rename({c: "total_revenue" for c in output.columns if c != "country"}), expected)


@pytest.mark.parametrize("request_text", ["us-based custs", "US-based customers", "customers, us-based only"])
def test_a_code_joined_to_based_is_the_place_not_the_pronoun(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    country = pl.col("country").str.strip_chars().str.to_lowercase()
    names = ["us", "u.s.", "united states", "usa", "unitedstates", "unitedstatesofamerica", "america"]
    same_rows(output, demo.frames["customers"].filter(country.is_in(names)))


def test_us_before_based_on_stays_the_pronoun(demo: Demo) -> None:
    refused("customers that suit us based on their spend", demo)
