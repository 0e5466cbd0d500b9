"""The offline planner on the row-test families fresh12 asked for, each said many ways and each wording run on the
demo data: 'beyond' as a bound ('tenure beyond sixty months'); pay brought or taken home ('bring home a six-figure
income'); a number word typed with a slip no word matches ('undr fiv'); contacts counted in occasions ('on four or
more occasions'); an age said 'thirty-something'; a value said by its short form and values of two columns joined by
'+' ('fibre + e-check payers'); verbs that lead only to a currency ('denominated in pounds sterling'); words for
things as the rows of the dataset of things ('which items fall under our books range'); 'awaiting processing';
'the 1st of its month'; 'came on board' as signing up; a value we hold no record of ('we hold no date of birth
for'); a value logged, captured or saved. Each family also holds wordings that must be said as not understood."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, gives, lowered, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module

Test = pl.Expr
D = dt.date


# --- 'beyond' as a bound ---------------------------------------------------------------------------------------------
BEYOND = [
    ("churn rows, tenure beyond sixty months", "churn", pl.col("tenure_months") > 60),
    ("subscribers with monthly charges beyond 80", "churn", pl.col("monthly_charges") > 80),
    ("orders with a quantity beyond 3", "orders", pl.col("quantity") > 3),
    ("products priced beyond 100", "products", pl.col("price") > 100),
    ("orders placed beyond 2023", "orders", pl.col("order_date") >= D(2024, 1, 1)),
    ("customers born beyond 1990", "customers", pl.col("birth_date") >= D(1991, 1, 1)),
    ("orders shipped beyond March 2024", "orders", pl.col("ship_date") >= D(2024, 4, 1)),
]


@pytest.mark.parametrize(("request_text", "dataset", "test"), BEYOND, ids=[b[0] for b in BEYOND])
def test_beyond_is_a_bound_from_below(request_text: str, dataset: str, test: Test, demo: Demo, tmp_path: Path) -> None:
    gives(request_text, dataset, test, demo, tmp_path)


@pytest.mark.parametrize("request_text", ["products beyond sixty months", "subscribers with a weight beyond 3"])
def test_beyond_of_no_such_column_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- pay brought or taken home ---------------------------------------------------------------------------------------
SIX_FIGURES = (pl.col("income") >= 100_000) & (pl.col("income") < 1_000_000)
HOME = [
    ("Which subscribers bring home a six-figure income?", SIX_FIGURES),
    ("subscribers who earn a six-figure income", SIX_FIGURES),
    ("subscribers who take home a six-figure income", SIX_FIGURES),
    ("subscribers earning a five figure salary", (pl.col("income") >= 10_000) & (pl.col("income") < 100_000)),
    ("subscribers who take home over 50000", pl.col("income") > 50_000),
    ("subscribers who bring home less than 20000", pl.col("income") < 20_000),
]


@pytest.mark.parametrize(("request_text", "test"), HOME, ids=[h[0] for h in HOME])
def test_pay_brought_home_is_the_income(request_text: str, test: Test, demo: Demo, tmp_path: Path) -> None:
    gives(request_text, "churn", test, demo, tmp_path)


@pytest.mark.parametrize(
    "request_text", ["customers who bring home a six-figure income", "products that earn a six-figure income"]
)
def test_pay_brought_home_by_rows_without_an_income_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- a number word typed with a slip no word matches -----------------------------------------------------------------
SLIPS = [
    ("ordres wher the unit prise is undr fiv", "orders", pl.col("unit_price") < 5),
    ("orders with a quantity of fiv or more", "orders", pl.col("quantity") >= 5),
    ("orders with unit price ovr nin", "orders", pl.col("unit_price") > 9),
    ("subscribers with support calls undr fiv", "churn", pl.col("support_calls") < 5),
    ("products with a price below sevn", "products", pl.col("price") < 7),
]


@pytest.mark.parametrize(("request_text", "dataset", "test"), SLIPS, ids=[s[0] for s in SLIPS])
def test_a_slipped_number_word_where_a_number_is_compared_is_that_number(
    request_text: str, dataset: str, test: Test, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, dataset, test, demo, tmp_path)


@pytest.mark.parametrize("request_text", ["customers with a weight undr fiv", "orders from fiv customers"])
def test_a_slipped_number_word_with_nothing_to_compare_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- contacts counted in occasions -----------------------------------------------------------------------------------
OCCASIONS = [
    (
        "Please return the subscribers who have contacted support on four or more occasions.",
        pl.col("support_calls") >= 4,
    ),
    ("subscribers who called support on more than three occasions", pl.col("support_calls") > 3),
    ("subscribers who rang the helpdesk on four or more occasions", pl.col("support_calls") >= 4),
    ("subscribers who phoned support on 2 separate occasions", pl.col("support_calls") == 2),
    ("subscribers who got in touch with support on at least five occasions", pl.col("support_calls") >= 5),
    ("subscribers who have contacted support on 3 occasions or fewer", pl.col("support_calls") <= 3),
]


@pytest.mark.parametrize(("request_text", "test"), OCCASIONS, ids=[o[0] for o in OCCASIONS])
def test_contacts_on_so_many_occasions_test_the_contact_count(
    request_text: str, test: Test, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, "churn", test, demo, tmp_path)


@pytest.mark.parametrize(
    "request_text",
    ["subscribers on more than three occasions", "orders on more than three occasions",
     "subscribers who called Anna on four or more occasions", "subscribers more than three times"],
)  # fmt: skip
def test_occasions_of_nothing_counted_are_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- an age said 'thirty-something' ----------------------------------------------------------------------------------
SOMETHING = [
    ("shoppers aged thirty-something", "customers", 30),
    ("customers aged 30-something", "customers", 30),
    ("customers who are forty something", "customers", 40),
    ("customers aged twentysomething", "customers", 20),
    ("thirty-something year olds among the customers", "customers", 30),
    ("subscribers aged fifty-something", "churn", 50),
]


@pytest.mark.parametrize(("request_text", "dataset", "low"), SOMETHING, ids=[s[0] for s in SOMETHING])
def test_an_age_said_thirty_something_is_that_decade(
    request_text: str, dataset: str, low: int, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, dataset, pl.col("age").is_between(low, low + 9), demo, tmp_path)


@pytest.mark.parametrize("request_text", ["orders from customers aged thirty-something",
                                          "orders placed by customers who are thirty something"])  # fmt: skip
def test_thirty_something_after_the_people_of_the_rows_is_their_age(
    request_text: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    buyers = demo.frames["customers"].filter(pl.col("age").is_between(30, 39)).select("customer_id")
    same_rows(output, demo.frames["orders"].join(buyers, on="customer_id", how="semi"))


@pytest.mark.parametrize(
    "request_text",
    ["orders worth forty something", "products aged thirty-something", "orders that are forty something"],
)
def test_thirty_something_of_no_age_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- a value's short form, and values of two columns joined by '+' ---------------------------------------------------
E_CHECK = pl.col("payment_method") == "electronic check"
SHORT_FORMS = [
    ("churn: fibre + e-check payers", (pl.col("internet_service") == "fiber") & E_CHECK),
    ("churn: fiber and e-check payers", (pl.col("internet_service") == "fiber") & E_CHECK),
    ("subscribers paying by echeck", E_CHECK),
    ("subscribers who pay by e check", E_CHECK),
    ("dsl + e-check subscribers", (pl.col("internet_service") == "dsl") & E_CHECK),
    ("south + fiber subscribers", (pl.col("region") == "south") & (pl.col("internet_service") == "fiber")),
]


@pytest.mark.parametrize(("request_text", "test"), SHORT_FORMS, ids=[s[0] for s in SHORT_FORMS])
def test_short_forms_and_values_joined_by_plus_both_hold(
    request_text: str, test: Test, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, "churn", test, demo, tmp_path)


@pytest.mark.parametrize("request_text", ["churn: fiber + dsl", "subscribers paying by e-transfer"])
def test_plus_between_values_of_one_column_and_unknown_short_forms_are_said_unclear(
    request_text: str, demo: Demo
) -> None:
    refused(request_text, demo)


# --- verbs that lead only to a currency ------------------------------------------------------------------------------
MONEY = [
    ("Retrieve all orders denominated in pounds sterling.", pl.col("currency") == "GBP"),
    ("orders denominated in euros", lowered("currency").is_in(["eur", "euro", "€", "euros"])),
    ("orders transacted in GBP", pl.col("currency") == "GBP"),
    ("the orders that are denominated in US dollars", pl.col("currency") == "USD"),
    ("orders made out in dollars", pl.col("currency") == "USD"),
]


@pytest.mark.parametrize(("request_text", "test"), MONEY, ids=[m[0] for m in MONEY])
def test_denominated_in_a_currency_is_that_currency(request_text: str, test: Test, demo: Demo, tmp_path: Path) -> None:
    gives(request_text, "orders", test, demo, tmp_path)


@pytest.mark.parametrize("request_text", ["orders denominated in Germany", "orders transacted in France"])
def test_denominated_in_no_currency_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- words for things as the rows of the dataset of things -----------------------------------------------------------
def _category(name: str) -> Test:
    return lowered("category").str.strip_suffix("s") == name


THINGS = [
    ("Which items fall under our books range?", _category("book")),
    ("items in the books range", _category("book")),
    ("which items are books", _category("book")),
    ("things in the garden category", _category("garden")),
    ("Which items fall under our garden range?", _category("garden")),
    ("items that sit within the toys category", _category("toy")),
]


@pytest.mark.parametrize(("request_text", "test"), THINGS, ids=[t[0] for t in THINGS])
def test_items_over_the_dataset_of_things_are_its_rows(
    request_text: str, test: Test, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, "products", test, demo, tmp_path)


def test_items_of_orders_are_still_their_quantity(demo: Demo, tmp_path: Path) -> None:
    gives("orders with more than 3 items", "orders", pl.col("quantity") > 3, demo, tmp_path)


@pytest.mark.parametrize(
    "request_text",
    ["products with more than 3 items", "customers with over 2 items", "products and their items",
     "how many items did we sell in the books category", "items sold in 2023"],
)  # fmt: skip
def test_items_that_are_no_rows_of_things_are_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'awaiting processing' -------------------------------------------------------------------------------------------
PENDING = lowered("status") == "pending"
AWAITING = [
    ("orders still awaiting processing that are bound for Italy", PENDING & (pl.col("country") == "IT")),
    ("orders awaiting processing", PENDING),
    ("orders yet to be processed", PENDING),
    ("orders not yet processed going to France", PENDING & (pl.col("country") == "FR")),
    ("orders waiting to be processed", PENDING),
    ("orders awaiting fulfilment", PENDING),
]


@pytest.mark.parametrize(("request_text", "test"), AWAITING, ids=[a[0] for a in AWAITING])
def test_awaiting_processing_is_the_pending_status(request_text: str, test: Test, demo: Demo, tmp_path: Path) -> None:
    gives(request_text, "orders", test, demo, tmp_path)


@pytest.mark.parametrize("request_text", ["orders awaiting payment", "orders awaiting approval"])
def test_awaiting_what_no_status_says_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'the 1st of its month' -----------------------------------------------------------------------------------------
OF_ITS_MONTH = [
    ("Which orders carry an order date that is the 1st of its month?", pl.col("order_date").dt.day() == 1),
    ("orders whose ship date is the 15th of its month", pl.col("ship_date").dt.day() == 15),
    ("orders with an order date that falls on the 10th of its month", pl.col("order_date").dt.day() == 10),
    ("orders whose order date is the first day of its month", pl.col("order_date").dt.day() == 1),
]


@pytest.mark.parametrize(("request_text", "test"), OF_ITS_MONTH, ids=[o[0] for o in OF_ITS_MONTH])
def test_the_nth_of_its_month_is_that_day_of_any_month(
    request_text: str, test: Test, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, "orders", test, demo, tmp_path)


@pytest.mark.parametrize(
    "request_text", ["products whose price is the 1st of its month", "orders whose status is the 1st of its month"]
)
def test_the_nth_of_its_month_of_no_date_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'came on board' as signing up ----------------------------------------------------------------------------------
SIGNED = pl.col("signup_date").str.strptime(pl.Date, "%Y-%m-%d", strict=False)  # what to_date reads
ON_BOARD = [
    ("clients who came on board during 2023", SIGNED.dt.year() == 2023),
    ("customers onboarded in 2022", SIGNED.dt.year() == 2022),
    ("customers who came on board after March 2023", D(2023, 4, 1) <= SIGNED),
    ("customers coming on board before 2020", D(2020, 1, 1) > SIGNED),
]


@pytest.mark.parametrize(("request_text", "test"), ON_BOARD, ids=[o[0] for o in ON_BOARD])
def test_coming_on_board_is_signing_up(request_text: str, test: Test, demo: Demo, tmp_path: Path) -> None:
    gives(request_text, "customers", test, demo, tmp_path)


@pytest.mark.parametrize("request_text", ["orders that came on board in 2023", "products that came on board in 2023"])
def test_on_board_said_of_no_signup_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- a value we hold no record of, and a value logged --------------------------------------------------------------
DELIVERED = lowered("status").is_in(["delivered", "delivred"])
HELD = [
    ("Are there customers we hold no date of birth for?", "customers", pl.col("birth_date").is_null()),
    ("customers for whom we hold no email", "customers", pl.col("email").is_null()),
    ("customers we keep no phone number for", "customers", pl.col("phone").is_null()),
    ("customers we do not hold a birth date for", "customers", pl.col("birth_date").is_null()),
    ("customers we never stored an email for", "customers", pl.col("email").is_null()),
    ("are there any delivered orders with no ship date logged?", "orders", DELIVERED & pl.col("ship_date").is_null()),
    ("customers lacking a phone number captured", "customers", pl.col("phone").is_null()),
    ("customers without an email saved", "customers", pl.col("email").is_null()),
    ("orders with no ship date entered", "orders", pl.col("ship_date").is_null()),
]


@pytest.mark.parametrize(("request_text", "dataset", "test"), HELD, ids=[h[0] for h in HELD])
def test_a_value_held_or_logged_is_a_test_of_its_presence(
    request_text: str, dataset: str, test: Test, demo: Demo, tmp_path: Path
) -> None:
    gives(request_text, dataset, test, demo, tmp_path)


@pytest.mark.parametrize("request_text", ["subscribers with no weight logged", "customers we hold no weight for"])
def test_a_value_held_of_no_such_column_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


@pytest.mark.parametrize(
    "request_text", ["customers with just the name and email kept", "customers with the email saved"]
)
def test_a_column_kept_or_saved_after_with_is_no_test_of_its_presence(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    nodes = (planned.definition or {}).get("nodes", [])
    assert not any(n["kind"] == "filter" for n in nodes), nodes
