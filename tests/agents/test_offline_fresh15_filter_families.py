"""The offline planner on the row-test families fresh15 asked for, each said many ways and each wording run on the
demo data: a span of months said by its short form after a number ('tenure < 6 mo'); a bound denied through 'does'
('income does not exceed 15,000'); a range said 'anywhere from 50 up to 100'; a value reached through a verb in a
relative clause ('that are paid by electronic check'); an amount 'summed per' a group; the catalogue said as where
the things are ('what books do we have in the catalogue'); kept 'on our books since' a date; an age said by
reaching it ("haven't hit 30 yet"); a range of days whose first day has no year ('from 1 January to 30 June 2023,
both days included'). Each family also holds wordings that must be said as not understood."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, answer, demo, gives, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module

Test = pl.Expr
D = dt.date


def _same_as(request: str, plain: str, demo: Demo, work: Path) -> None:
    """The request, understood in full, gives the rows a plainer wording of it gives."""
    _, output = answer(request, demo, work)
    _, expected = answer(plain, demo, work / "plain")
    same_rows(output, expected)


# --- a span of months said by its short form after a number -------------------------------------------------------
TENURE = pl.col("tenure_months")
MONTHS_SHORT = [
    ("churn, tenure < 6 mo", TENURE < 6),
    ("subscribers with tenure over 24 mths", TENURE > 24),
    ("churn rows with tenure under 12 mos.", TENURE < 12),
    ("churn where tenure is at least 3 mo", TENURE >= 3),
]


@pytest.mark.parametrize(("request_text", "test"), MONTHS_SHORT, ids=[m[0] for m in MONTHS_SHORT])
def test_a_short_form_of_months_after_a_number_is_months(
    request_text: str, test: Test, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, "churn", test, demo, tmp_path)


# --- a bound denied through 'does' ---------------------------------------------------------------------------------
DENIED = [
    ("Return the churn records whose income does not exceed 15,000.", "churn", pl.col("income") <= 15_000),
    ("products whose price does not exceed 20", "products", pl.col("price") <= 20),
    ("orders where quantity did not exceed 2", "orders", pl.col("quantity") <= 2),
    ("subscribers whose tenure does not exceed 12 months", "churn", TENURE <= 12),
    ("churn rows whose monthly charges do not exceed 50", "churn", pl.col("monthly_charges") <= 50),
]


@pytest.mark.parametrize(("request_text", "dataset", "test"), DENIED, ids=[d[0] for d in DENIED])
def test_a_bound_denied_through_does_tests_the_column_said(
    request_text: str, dataset: str, test: Test, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, dataset, test, demo, tmp_path)


# --- a range said 'anywhere from ... to ...' -----------------------------------------------------------------------
RANGES = [
    ("catalogue items costing anywhere from 50 up to 100", "products", pl.col("price").is_between(50, 100)),
    ("products priced anywhere from 50 to 100", "products", pl.col("price").is_between(50, 100)),
    ("products with a price anywhere from 20 to 60", "products", pl.col("price").is_between(20, 60)),
    ("churn rows with tenure somewhere from 12 to 24 months", "churn", TENURE.is_between(12, 24)),
    ("customers aged anywhere from 30 to 40", "customers", pl.col("age").is_between(30, 40)),
]


@pytest.mark.parametrize(("request_text", "dataset", "test"), RANGES, ids=[r[0] for r in RANGES])
def test_a_range_said_anywhere_from_keeps_both_ends(
    request_text: str, dataset: str, test: Test, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, dataset, test, demo, tmp_path)


# --- a value reached through a verb in a relative clause -----------------------------------------------------------
PAYMENT = pl.col("payment_method")
PAID_BY = [
    ("churn rows that are paid by mailed check", PAYMENT == "mailed check"),
    ("subscribers who are billed by credit card", PAYMENT == "credit card"),
    ("churn customers that were paid with bank transfer", PAYMENT == "bank transfer"),
    (
        "Select the churn records on a two-year contract that are paid by electronic check.",
        (PAYMENT == "electronic check") & pl.col("contract").str.to_lowercase().is_in(["two-year", "2 year"]),
    ),
]


@pytest.mark.parametrize(("request_text", "test"), PAID_BY, ids=[p[0] for p in PAID_BY])
def test_a_verb_of_paying_before_a_value_read_adds_nothing(
    request_text: str, test: Test, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, "churn", test, demo, tmp_path)


@pytest.mark.parametrize("request_text", ["orders that were paid", "churn rows that are paid by the month"])
def test_a_verb_of_paying_with_no_value_read_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- an amount summed per a group ----------------------------------------------------------------------------------
SUMMED = [
    ("delivered orders in 2024: revenue summed per country", "total_revenue", ["country"]),
    ("orders: total_revenue added up by status", "total_revenue", ["status"]),
    ("revenue totalled for each country", "total_revenue", ["country"]),
    ("churn: monthly charges summed by contract", "monthly_charges", ["contract"]),
]


@pytest.mark.parametrize(("request_text", "column", "groups"), SUMMED, ids=[s[0] for s in SUMMED])
def test_an_amount_summed_per_group_is_one_sum_per_group(
    request_text: str, column: str, groups: list[str], demo: Demo
) -> None:
    summaries = [s for s in plan_steps(request_text, demo) if s["kind"] == "aggregate"]
    assert len(summaries) == 1, summaries
    assert summaries[0]["group_by"] == groups
    assert summaries[0]["aggregations"] == [{"function": "sum", "column": column}]


# --- the catalogue said as where the things are --------------------------------------------------------------------
CATEGORY = pl.col("category").str.strip_chars().str.to_lowercase()
CATALOGUE = [
    ("What books do we have in the catalogue?", CATEGORY == "books"),
    ("toys in the catalog", CATEGORY == "toys"),
    ("show me products costing under 10 from our catalogue", pl.col("price") < 10),
]


@pytest.mark.parametrize(("request_text", "test"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_the_catalogue_said_of_things_is_their_rows(request_text: str, test: Test, demo: Demo, tmp_path: Path) -> None:
    gives(request_text, "products", test, demo, tmp_path)


@pytest.mark.parametrize(
    "request_text", ["orders in the catalogue", "customers in our catalogue", "products in the orders list"]
)
def test_the_catalogue_said_of_people_or_events_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- kept on the books since a date --------------------------------------------------------------------------------
ON_BOOKS = [
    ("customers who've been on our books since before 2019", "customers who signed up before 2019"),
    ("customers who've been on our books since 2019", "customers who signed up since 2019"),
    ("customers on the books since before 2020", "customers who signed up before 2020"),
    ("customers on the books since march 2021", "customers who signed up since march 2021"),
]


@pytest.mark.parametrize(("request_text", "plain"), ON_BOOKS, ids=[o[0] for o in ON_BOOKS])
def test_on_the_books_since_a_date_is_the_date_joined(
    request_text: str, plain: str, demo: Demo, tmp_path: Path
) -> None:
    _same_as(request_text, plain, demo, tmp_path)


@pytest.mark.parametrize("request_text", ["customers on our books", "products on our books since 2020"])
def test_on_the_books_with_no_date_of_joining_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- an age said by reaching it ------------------------------------------------------------------------------------
AGE = pl.col("age")
REACHED = [
    ("Which of our customers haven't hit 30 yet?", AGE < 30),
    ("customers who haven't turned 30 yet", AGE < 30),
    ("customers not yet 30", AGE < 30),
    ("customers who have yet to turn 40", AGE < 40),
    ("customers who have turned 65", AGE >= 65),
]


@pytest.mark.parametrize(("request_text", "test"), REACHED, ids=[r[0] for r in REACHED])
def test_an_age_not_yet_reached_is_under_it(request_text: str, test: Test, demo: Demo, tmp_path: Path) -> None:
    gives(request_text, "customers", test, demo, tmp_path)


@pytest.mark.parametrize("request_text", ["customers who have reached 30 orders", "orders that have hit 30"])
def test_a_number_reached_that_is_no_age_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- a range of days whose first day is said without its year, and its ends said included ------------------------
ORDER_DATE = pl.col("order_date")
DAY_RANGES = [
    ("Retrieve all orders dated from 1 January to 30 June 2023, both days included.", D(2023, 1, 1), D(2023, 6, 30)),
    ("orders from 1st March to 15 April 2024", D(2024, 3, 1), D(2024, 4, 15)),
    ("orders placed between 1 March and 31 May 2024", D(2024, 3, 1), D(2024, 5, 31)),
    ("orders from 1 March to 31 May 2024, both dates inclusive", D(2024, 3, 1), D(2024, 5, 31)),
    ("orders from 3 march till 9 march 2024 including both end dates", D(2024, 3, 3), D(2024, 3, 9)),
]


@pytest.mark.parametrize(("request_text", "first", "last"), DAY_RANGES, ids=[r[0] for r in DAY_RANGES])
def test_a_first_day_without_its_year_takes_the_year_the_range_ends_in(
    request_text: str, first: dt.date, last: dt.date, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, "orders", ORDER_DATE.is_between(first, last), demo, tmp_path)


@pytest.mark.parametrize(
    "request_text",
    ["orders from 1 July to 30 June 2023", "orders in 2024, both days included", "products, both days included"],
)
def test_ends_said_included_with_no_range_of_days_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)
