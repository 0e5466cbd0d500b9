"""The offline planner on the row-test families fresh11 asked for, each said many ways: never having contacted
support ('has never once phoned the helpdesk'); a number word typed with a slip where a compared number stands
('a quantity of thre or les'); 'in the month of March 2023'; rows the business took said as a question ('which
orders did we receive on Saturdays'); one date ahead of the day of another event ('comes ahead of the day they were
placed'); words that only restate a row test ('came to less than ten in total', 'totalling', 'no figure exists',
'gone out', 'smb accounts'); short forms ('seg', 'tst', 'goin'); a place after a verb of sending is where the rows
went ('orders from enterprise customers going to France'). Each family also holds wordings that must be said as not
understood (no such column to test)."""

from __future__ import annotations

import itertools
from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _conditions(request: str, demo: Demo) -> list[str]:
    """The conditions of the plan's filters, checking every word was understood."""
    return [s["condition"] for s in plan_steps(request, demo) if s["kind"] == "filter"]


def _condition(request: str, demo: Demo) -> str:
    """The one filter the plan holds, checking every word was understood."""
    conditions = _conditions(request, demo)
    assert len(conditions) == 1, conditions
    return conditions[0]


# --- never having contacted support ---------------------------------------------------------------------------------
NEVER_LEADS = ["Who among the subscribers has", "subscribers who have", "the subscribers that", "Which subscribers"]
NEVER_SAID = ["never", "never once", "not once", "never ever", "at no point"]
NEVER_CONTACTS = ["phoned the helpdesk", "called support", "rung customer service", "contacted support",
                  "rang the hotline", "got in touch with support"]  # fmt: skip
NEVER = [
    f"{lead} {never} {contact}"
    for lead, never, contact in itertools.product(NEVER_LEADS, NEVER_SAID, NEVER_CONTACTS)
    if not (lead == "Which subscribers" and never == "at no point")
]


@pytest.mark.parametrize("request_text", NEVER)
def test_never_having_contacted_support_is_a_count_of_zero(request_text: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == "support_calls = 0"


@pytest.mark.parametrize("request_text", ["customers who never phoned the helpdesk", "products never called support",
                                          "subscribers who never called Anna"])  # fmt: skip
def test_never_contacting_what_no_column_counts_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_never_once_phoned_the_helpdesk_gives_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("Who among the subscribers has never once phoned the helpdesk?", demo, tmp_path)
    same_rows(output, demo.frames["churn"].filter(pl.col("support_calls") == 0))


# --- a number word typed with a slip where a compared number stands --------------------------------------------------
SLIP_LEADS = [("ordrs with a quantiy of", "quantity"), ("orders with a unit price of", "unit_price"),
              ("products with a price of", "price"),
              ("subscribers with support calls of", "support_calls")]  # fmt: skip
SLIP_TESTS = [("{n} or les", "<="), ("{n} or less", "<="), ("{n} or fewer", "<="), ("{n} or more", ">=")]
SLIPS = [("thre", 3), ("fivee", 5), ("sevn", 7), ("twnety", 20), ("nien", 9)]
SLIPPED = [
    (f"{lead} {test.format(n=typed)}", f"{column} {op} {value}")
    for (lead, column), (test, op), (typed, value) in itertools.product(SLIP_LEADS, SLIP_TESTS, SLIPS)
]
SLIPPED += [(f"orders whose quantity is more than {typed}", f"quantity > {value}") for typed, value in SLIPS]


@pytest.mark.parametrize(("request_text", "expected"), SLIPPED, ids=[s[0] for s in SLIPPED])
def test_a_number_word_typed_with_a_slip_is_the_number_compared(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


@pytest.mark.parametrize(
    "request_text", ["customers with a quantity of thre or les", "customers with a weight of fivee or more"]
)
def test_a_slipped_number_of_no_such_column_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_a_quantity_of_thre_or_les_gives_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("ordrs with a quantiy of thre or les", demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(pl.col("quantity") <= 3))


# --- 'in the month of March 2023' -----------------------------------------------------------------------------------
MONTH_LEADS = [("orders dispatched", "ship_date"), ("Kindly list all orders shipped", "ship_date"),
               ("orders placed", "order_date"), ("orders", "order_date")]  # fmt: skip
MONTH_SAID = ["in the month of", "during the month of", "in the month"]
MONTHS = [("March 2023", "2023-03-01", "2023-04-01"), ("December 2024", "2024-12-01", "2025-01-01"),
          ("May 2024", "2024-05-01", "2024-06-01")]  # fmt: skip
IN_MONTHS = [
    (f"{lead} {said} {month}", f"({column} >= '{start}' and {column} < '{end}')")
    for (lead, column), said, (month, start, end) in itertools.product(MONTH_LEADS, MONTH_SAID, MONTHS)
    if said != "in the month"
]


@pytest.mark.parametrize(("request_text", "expected"), IN_MONTHS, ids=[m[0] for m in IN_MONTHS])
def test_in_the_month_of_a_month_is_that_month(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


@pytest.mark.parametrize(
    "request_text", ["subscribers in the month of March 2023", "products in the month of May 2024"]
)
def test_in_the_month_of_rows_without_dates_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- rows the business took, said as a question ---------------------------------------------------------------------
TOOK_LEADS = ["Which orders did we", "what orders did we", "which orders do we", "the orders did you"]
TOOK_VERBS = ["receive", "get", "take", "book", "take in"]
TOOK_WHEN = [("on Saturdays", "day_of_week(order_date) = 6"), ("on Sundays", "day_of_week(order_date) = 7"),
             ("in March 2023", "(order_date >= '2023-03-01' and order_date < '2023-04-01')")]  # fmt: skip
TAKEN = [
    (f"{lead} {verb} {when}?", expected)
    for lead, verb, (when, expected) in itertools.product(TOOK_LEADS[:3], TOOK_VERBS, TOOK_WHEN)
]


@pytest.mark.parametrize(("request_text", "expected"), TAKEN, ids=[t[0] for t in TAKEN])
def test_rows_we_received_are_tested_on_their_own_date(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


# --- one date ahead of the day of another event ---------------------------------------------------------------------
AHEAD_LEFT = ["dispatch date", "ship date", "shipping date"]
AHEAD_SAID = [("comes ahead of", "<"), ("came ahead of", "<"), ("falls ahead of", "<"), ("is ahead of", "<"),
              ("comes before", "<"), ("came earlier than", "<"), ("comes after", ">"),
              ("came later than", ">")]  # fmt: skip
AHEAD_RIGHT = ["the day they were placed", "the date they were ordered", "the order date", "the day they were made"]
AHEAD = [
    (f"orders whose {left} {said} {right}", f"ship_date {op} order_date")
    for left, (said, op), right in itertools.product(AHEAD_LEFT, AHEAD_SAID, AHEAD_RIGHT)
]


@pytest.mark.parametrize(("request_text", "expected"), AHEAD, ids=[a[0] for a in AHEAD])
def test_a_date_ahead_of_the_day_of_another_event_compares_the_dates(
    request_text: str, expected: str, demo: Demo
) -> None:
    assert _condition(request_text, demo) == expected


def test_shipped_ahead_of_the_day_placed_gives_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders whose dispatch date comes ahead of the day they were placed", demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(pl.col("ship_date") < pl.col("order_date")))


# --- words that only restate a row test -----------------------------------------------------------------------------
TOTAL_LEADS = [("the orders that came to", "total_revenue"), ("orders totalling", "total_revenue"),
               ("orders totaling", "total_revenue"), ("orders amounting to", "total_revenue")]  # fmt: skip
TOTAL_TESTS = [("less than {n}", "<"), ("more than {n}", ">"), ("under {n}", "<")]
TOTAL_ENDS = ["", " in total", " in all", " all told", " altogether"]
TOTAL_AMOUNTS = [("ten", 10), ("500", 500)]
TOTALS = [
    (f"{lead} {test.format(n=number)}{end}", f"{column} {op} {value}")
    for (lead, column), (test, op), end, (number, value) in itertools.product(
        TOTAL_LEADS, TOTAL_TESTS, TOTAL_ENDS, TOTAL_AMOUNTS
    )
]


@pytest.mark.parametrize(("request_text", "expected"), TOTALS, ids=[t[0] for t in TOTALS])
def test_a_row_total_said_with_in_total_is_the_rows_own_amount(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


def test_in_total_after_a_count_still_counts(demo: Demo) -> None:
    steps = plan_steps("how many orders under 10 in total", demo)
    assert [s["kind"] for s in steps] == ["source", "filter", "aggregate"]


NULL_EXISTS = [
    ("every subscriber for whom no cumulative charge figure exists", "total_charges is null"),
    ("subscribers for whom no total charges exist", "total_charges is null"),
    ("customers for whom no city value exists", "city is null"),
    ("orders for which no ship date exists", "ship_date is null"),
]


@pytest.mark.parametrize(("request_text", "expected"), NULL_EXISTS)
def test_no_value_exists_is_the_value_missing(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


GONE_OUT = [
    ("Have any shipped orders gone out without a product id attached?", "shipped"),
    ("shipped orders that went out without a product id", "shipped"),
    ("delivered orders that have gone out without a product id", "delivered"),
]


@pytest.mark.parametrize(("request_text", "status"), GONE_OUT)
def test_gone_out_beside_a_sent_status_is_that_status(request_text: str, status: str, demo: Demo) -> None:
    condition = _condition(request_text, demo)
    assert "product_id is null" in condition and f"'{status}'" in condition


def test_gone_out_without_a_status_is_said_unclear(demo: Demo) -> None:
    refused("orders gone out without a product id", demo)


SEGMENT_WORDS = ["small and mid-sized business accounts", "small and medium-sized businesses",
                 "small and mid-sized businesses", "SMB accounts", "small business accounts", "SMEs"]  # fmt: skip
SEGMENTS = [
    (f"{said} {where} {place}", code)
    for said, where, (place, code) in itertools.product(
        SEGMENT_WORDS, ["located in", "in", "based in"], [("Spain", "'es'"), ("Germany", "'de'")]
    )
]


@pytest.mark.parametrize(("request_text", "code"), SEGMENTS, ids=[s[0] for s in SEGMENTS])
def test_small_and_mid_sized_business_accounts_are_the_smb_customers(request_text: str, code: str, demo: Demo) -> None:
    assert plan_steps(request_text, demo)[0] == {"kind": "source", "dataset": "customers"}
    condition = _condition(request_text, demo)
    assert condition.startswith("segment = 'smb' and ") and code in condition


def test_small_and_mid_sized_business_accounts_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("small and mid-sized business accounts located in Spain", demo, tmp_path)
    country = pl.col("country").str.strip_chars().str.to_lowercase().is_in(["es", "spain", "esp", "espana"])
    same_rows(output, demo.frames["customers"].filter((pl.col("segment") == "smb") & country))


# --- short forms ---------------------------------------------------------------------------------------------------
SHORT = [
    ("customers: consumer seg, no city", ["city is null and segment = 'consumer'"]),
    ("customers: enterprise seg", ["segment = 'enterprise'"]),
    ("onyl the tst acounts from custmers", ["is_test_account = true"]),
    ("the tst accounts from customers", ["is_test_account = true"]),
]


@pytest.mark.parametrize(("request_text", "expected"), SHORT)
def test_short_forms_are_the_words_they_shorten(request_text: str, expected: list[str], demo: Demo) -> None:
    assert _conditions(request_text, demo) == expected


# --- a place after a verb of sending is where the rows went ---------------------------------------------------------
SENT_VERBS = ["goin to", "going to", "headed to", "bound for", "shipped to", "sent to"]
SENT_OWNERS = [("enterprize custmers", "enterprise"), ("consumer customers", "consumer")]
SENT_PLACES = [("frnace", "FR"), ("Spain", "ES"), ("Germany", "DE")]
SENT = [
    (f"ordrs from {owner} {verb} {place}", segment, code)
    for verb, (owner, segment), (place, code) in itertools.product(SENT_VERBS, SENT_OWNERS, SENT_PLACES)
]


@pytest.mark.parametrize(("request_text", "segment", "code"), SENT, ids=[s[0] for s in SENT])
def test_a_place_after_a_verb_of_sending_is_the_rows_destination(
    request_text: str, segment: str, code: str, demo: Demo
) -> None:
    assert _conditions(request_text, demo) == [f"segment = '{segment}'", f"country = '{code}'"]


def test_orders_of_customers_in_a_country_still_test_the_customers(demo: Demo) -> None:
    conditions = _conditions("orders of customers in Germany", demo)
    assert len(conditions) == 1 and "germany" in conditions[0]


def test_enterprise_orders_going_to_france_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("ordrs from enterprize custmers goin to frnace", demo, tmp_path)
    customers = demo.frames["customers"].filter(pl.col("segment") == "enterprise").select("customer_id")
    expected = demo.frames["orders"].filter(pl.col("country") == "FR").join(customers, on="customer_id", how="semi")
    same_rows(output, expected)


@pytest.mark.parametrize("segment", ["smb", "enterprise", "consumer"])
def test_accounts_of_a_people_value_are_those_people(segment: str, demo: Demo) -> None:
    assert _conditions(f"orders from {segment} accounts", demo) == [f"segment = '{segment}'"]


def test_accounts_after_a_value_of_no_people_is_said_unclear(demo: Demo) -> None:
    refused("shipped accounts", demo)
