"""The offline planner on fresh10's derived columns, fills, joined columns and reasons, each family said many ways: a
column divided by a number with its own unit said again ('the tenure in months over twelve'); a day of the week said
of a date ('the order date is a Saturday or Sunday') as a flag or a test; a period of the date a verb names ('an extra
field saying what month it was placed in'); gaps filled with the others' summary ('the average of the rest'); gaps
labelled with a text ('label those 'UNKNOWN''); the owner's date beside its columns ('the buyer's tier and the date
they joined'); 'ad' typed for 'add'; and reasons that cannot change the plan ('doing a homeware promo'). Each family
also holds wordings that must be said as not understood."""

from __future__ import annotations

import itertools
from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _derived(request: str, demo: Demo) -> dict[str, str]:
    """The columns the plan's one derive step computes, checking every word was understood."""
    steps = [step for step in plan_steps(request, demo) if step["kind"] != "source"]
    assert [s["kind"] for s in steps] == ["derive"], steps
    return steps[0]["columns"]


def _only(request: str, demo: Demo, kind: str) -> dict:
    steps = [step for step in plan_steps(request, demo) if step["kind"] != "source"]
    assert [s["kind"] for s in steps] == [kind], steps
    return steps[0]


# --- a column over a number, its own unit said again ------------------------------------------------------------
DIVIDE_LEADS = ["add {name} to churn, computed as ", "churn: add {name} = ", "add {name} to the subscriber data, "
                "calculated as ", "add {name} to churn, worked out as "]  # fmt: skip
DIVIDED = [("the tenure in months over {n}", "tenure_months"), ("tenure in months divided by {n}", "tenure_months"),
           ("the tenure_months over {n}", "tenure_months"), ("the monthly charges over {n}", "monthly_charges"),
           ("support calls divided by {n}", "support_calls")]  # fmt: skip
DIVISORS = [("twelve", "12"), ("12", "12"), ("four", "4"), ("3", "3")]
DIVISIONS = [
    (lead.format(name=name) + phrase.format(n=said), name, f"{column} / {number}")
    for lead, (phrase, column), (said, number), name in itertools.product(
        DIVIDE_LEADS, DIVIDED, DIVISORS, ["tenure_years", "per_part"]
    )
]


@pytest.mark.parametrize(("request_text", "name", "expression"), DIVISIONS, ids=[d[0] for d in DIVISIONS])
def test_a_column_over_a_number_is_a_division(request_text: str, name: str, expression: str, demo: Demo) -> None:
    assert _derived(request_text, demo) == {name: expression}


DIVISIONS_REFUSED = ["add tenure_weeks to churn, computed as the tenure in years times 52",
                     "add x to churn, computed as the loyalty points over twelve"]  # fmt: skip


@pytest.mark.parametrize("request_text", DIVISIONS_REFUSED)
def test_a_division_of_no_such_column_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_tenure_in_years_is_the_months_over_twelve(demo: Demo, tmp_path: Path) -> None:
    request = "Please add tenure_years to the subscriber data, computed as the tenure in months over twelve."
    _, output = answer(request, demo, tmp_path)
    churn = demo.frames["churn"]
    same_rows(output, churn.select("customer_ref", (pl.col("tenure_months") / 12).alias("tenure_years")))


# --- a day of the week ------------------------------------------------------------------------------------------
WEEKEND = "((day_of_week({c}) = 6 or day_of_week({c}) = 7))"
WEEKDAY = "((" + " or ".join(f"day_of_week({{c}}) = {d}" for d in range(1, 6)) + "))"
FLAG_LEADS = ["Append an {name} flag to the orders, true where ", "add {name} to orders, true when ",
              "orders: add a column {name} that is true when "]  # fmt: skip
DAY_TESTS = [("the order date is a Saturday or Sunday", WEEKEND, "order_date"),
             ("order_date falls on a weekend", WEEKEND, "order_date"),
             ("the ship date is a weekday", WEEKDAY, "ship_date"),
             ("the ship date is not a weekend", WEEKDAY, "ship_date"),
             ("the order date is a Monday", "day_of_week({c}) = 1", "order_date"),
             ("the order date falls on a Friday or Saturday", "((day_of_week({c}) = 5 or day_of_week({c}) = 6))",
              "order_date")]  # fmt: skip
FLAGS = [
    (lead.format(name=name) + test + otherwise, name, expression.format(c=column), bool(otherwise))
    for lead, (test, expression, column), otherwise, name in itertools.product(
        FLAG_LEADS, DAY_TESTS, ["", " and false otherwise"], ["is_weekend", "day_flag"]
    )
]


@pytest.mark.parametrize(("request_text", "name", "expression", "otherwise"), FLAGS, ids=[f[0] for f in FLAGS])
def test_a_day_of_the_week_makes_a_flag(
    request_text: str, name: str, expression: str, otherwise: bool, demo: Demo
) -> None:
    expected = f"coalesce({expression}, false)" if otherwise else expression
    assert _derived(request_text, demo) == {name: expected}


DAY_FILTERS = [("orders placed on a weekend", WEEKEND.format(c="order_date")),
               ("orders where the ship date is not a weekend", WEEKDAY.format(c="ship_date")),
               ("orders whose order date falls on a Friday or Saturday",
                "((day_of_week(order_date) = 5 or day_of_week(order_date) = 6))"),
               ("customers who signed up on a Monday", "day_of_week(to_date(signup_date)) = 1")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "condition"), DAY_FILTERS)
def test_a_day_of_the_week_tests_the_rows(request_text: str, condition: str, demo: Demo) -> None:
    assert _only(request_text, demo, "filter")["condition"] == condition


DAYS_REFUSED = ["orders where the quantity is a monday", "add x to orders, true where the status is a weekend",
                "orders since monday"]  # fmt: skip


@pytest.mark.parametrize("request_text", DAYS_REFUSED)
def test_a_day_of_what_is_no_date_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_the_weekend_flag_is_true_on_saturdays_and_sundays(demo: Demo, tmp_path: Path) -> None:
    request = "Append an is_weekend flag to the orders, true where the order date is a Saturday or Sunday"
    request += " and false otherwise."
    _, output = answer(request, demo, tmp_path)
    orders = demo.frames["orders"]
    weekend = (pl.col("order_date").dt.weekday() >= 6).fill_null(False)
    same_rows(output, orders.select("order_id", weekend.alias("is_weekend")))


# --- a period of the date a verb names --------------------------------------------------------------------------
PERIOD_LEADS = ["Can each order get an extra field saying what", "orders with a new column showing the",
                "give each order a column telling which"]  # fmt: skip
PERIOD_VERBS = [("it was placed in", "order_date", "order"), ("it shipped", "ship_date", "ship"),
                ("it was shipped in", "ship_date", "ship")]  # fmt: skip
PERIODS = [
    (f"{lead} {unit} {verb}", f"{stem}_{unit}", f"{unit}({column})")
    for lead, unit, (verb, column, stem) in itertools.product(
        PERIOD_LEADS, ["month", "year", "quarter", "week"], PERIOD_VERBS
    )
]


@pytest.mark.parametrize(("request_text", "name", "expression"), PERIODS, ids=[p[0] for p in PERIODS])
def test_a_period_of_the_verbs_date_is_a_new_column(request_text: str, name: str, expression: str, demo: Demo) -> None:
    assert _derived(request_text, demo) == {name: expression}


PERIOD_OF = [("orders with an extra field for the {unit} of the order date", "order_{unit}", "{unit}(order_date)"),
             ("add an extra field with the {unit} of the ship date to orders", "ship_{unit}", "{unit}(ship_date)"),
             ("orders with an extra field saying what {unit} the ship date is in", "ship_{unit}",
              "{unit}(ship_date)")]  # fmt: skip
PERIODS_OF = [
    (request.format(unit=unit), name.format(unit=unit), expression.format(unit=unit))
    for (request, name, expression), unit in itertools.product(PERIOD_OF, ["month", "year", "quarter"])
]


@pytest.mark.parametrize(("request_text", "name", "expression"), PERIODS_OF, ids=[p[0] for p in PERIODS_OF])
def test_a_period_of_a_named_date_is_an_extra_column(request_text: str, name: str, expression: str, demo: Demo) -> None:
    assert _derived(request_text, demo) == {name: expression}


@pytest.mark.parametrize("request_text", ["orders with the month of the status",
                                          "orders with an extra column with the quarter of the status"])  # fmt: skip
def test_a_period_of_what_holds_no_dates_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_the_year_they_joined_reads_the_signup_text_as_dates(demo: Demo) -> None:
    request = "customers with a column showing the year they joined"
    assert _derived(request, demo) == {"signup_year": "year(to_date(signup_date))"}


def test_a_period_of_no_known_event_is_not_understood(demo: Demo) -> None:
    refused("orders with a column saying what month it was frobbed in", demo)


def test_the_order_month_is_the_month_of_the_order_date(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("Can each order get an extra field saying what month it was placed in?", demo, tmp_path)
    orders = demo.frames["orders"]
    same_rows(output, orders.select("order_id", pl.col("order_date").dt.month().alias("order_month")))


# --- gaps filled with the others' summary -----------------------------------------------------------------------
REST_FILLS = ["fill in the gaps in the subscribers' {col} with the {how} of the rest",
              "fill missing {col} with the {how} of the others",
              "fill the blanks in {col} with the {how} of the remaining ones",
              "fill the gaps in the subscribers' {col} with the {how} of the other values"]  # fmt: skip
REST_COLUMNS = [("lifetime charges", "total_charges"), ("income", "income"), ("monthly charges", "monthly_charges")]
REST_HOW = [("average", "mean"), ("mean", "mean"), ("median", "median")]
RESTS = [
    (phrase.format(col=said, how=how), column, strategy)
    for phrase, (said, column), (how, strategy) in itertools.product(REST_FILLS, REST_COLUMNS, REST_HOW)
]


@pytest.mark.parametrize(("request_text", "column", "strategy"), RESTS, ids=[r[0] for r in RESTS])
def test_the_others_summary_fills_the_gaps(request_text: str, column: str, strategy: str, demo: Demo) -> None:
    assert _only(request_text, demo, "fill_missing")["columns"] == {column: {"strategy": strategy}}


def test_the_average_of_the_rest_in_a_text_column_is_not_understood(demo: Demo) -> None:
    refused("fill missing contract with the average of the rest", demo)


def test_lifetime_charges_gaps_become_the_mean(demo: Demo, tmp_path: Path) -> None:
    request = "fill in the gaps in the subscribers' lifetime charges with the average of the rest"
    _, output = answer(request, demo, tmp_path)
    churn = demo.frames["churn"]
    same_rows(output, churn.select("customer_ref", pl.col("total_charges").fill_null(pl.col("total_charges").mean())))


# --- gaps labelled with a text ----------------------------------------------------------------------------------
LABELS = ["hi! some {ds} don't have a {col}, could you label those {v} so they group together in the report? thanks",
          "a few {ds} have no {col}, mark them as {v}", "some {ds} have no {col}, tag them {v}",
          "some {ds} don't have a {col}, label them as {v}"]  # fmt: skip
LABELLED = [("orders", "product id", "product_id"), ("customers", "city", "city"),
            ("customers", "segment", "segment")]  # fmt: skip
LABEL_VALUES = [("'UNKNOWN'", "UNKNOWN"), ("'n/a'", "n/a"), ("'none given'", "none given")]
LABELLINGS = [
    (phrase.format(ds=ds, col=said, v=quoted), column, value)
    for phrase, (ds, said, column), (quoted, value) in itertools.product(LABELS, LABELLED, LABEL_VALUES)
]


@pytest.mark.parametrize(("request_text", "column", "value"), LABELLINGS, ids=[t[0] for t in LABELLINGS])
def test_labelling_the_rows_lacking_a_column_fills_it(request_text: str, column: str, value: str, demo: Demo) -> None:
    fill = _only(request_text, demo, "fill_missing")
    assert fill["columns"] == {column: {"strategy": "constant", "value": value}}


LABELS_REFUSED = ["some orders don't have a customer id, label those 'UNKNOWN'",
                  "a few products have no price, mark them as 'n/a'"]  # fmt: skip


@pytest.mark.parametrize("request_text", LABELS_REFUSED)
def test_a_text_label_in_a_number_column_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_missing_product_ids_become_unknown(demo: Demo, tmp_path: Path) -> None:
    request = "hi! some orders don't have a product id, could you label those 'UNKNOWN' so they group together in the"
    _, output = answer(request + " report? thanks", demo, tmp_path)
    orders = demo.frames["orders"]
    same_rows(output, orders.select("order_id", pl.col("product_id").fill_null("UNKNOWN")))


# --- the owner's date beside its columns ------------------------------------------------------------------------
OWNER_LEADS = ["each sale with the buyer's {what} and the date they {verb}",
               "orders with the customer's {what} and the date they {verb}",
               "each order with the customer's {what} and the date they {verb} beside it"]  # fmt: skip
OWNER_COLUMNS = [("tier", "segment"), ("segment", "segment"), ("name", "name")]
OWNER_VERBS = [("joined", "signup_date"), ("signed up", "signup_date"), ("were born", "birth_date")]
OWNED = [
    (lead.format(what=what, verb=verb), [column, date])
    for lead, (what, column), (verb, date) in itertools.product(OWNER_LEADS, OWNER_COLUMNS, OWNER_VERBS)
]


@pytest.mark.parametrize(("request_text", "columns"), OWNED, ids=[o[0] for o in OWNED])
def test_the_owners_date_comes_with_its_columns(request_text: str, columns: list[str], demo: Demo) -> None:
    steps = [s for s in plan_steps(request_text, demo) if s["kind"] != "source"]
    assert [s["kind"] for s in steps] == ["select", "join"], steps
    assert steps[0]["columns"] == ["customer_id", *columns]


def test_the_owners_date_of_no_known_event_is_not_understood(demo: Demo) -> None:
    refused("orders with the customer's name and the date they frobbed", demo)


# --- 'ad' for 'add' ---------------------------------------------------------------------------------------------
ADDED = [("ad a colum with the lenght of each custmers name", "name_length", "length(name)"),
         ("ad a new column with the length of the email", "email_length", "length(email)"),
         ("ad a column with the length of each product's name", "name_length", "length(name)")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "name", "expression"), ADDED)
def test_ad_before_a_column_is_add(request_text: str, name: str, expression: str, demo: Demo) -> None:
    assert _derived(request_text, demo) == {name: expression}


def test_ad_not_asking_for_a_column_is_not_understood(demo: Demo) -> None:
    refused("orders with an ad column", demo)


# --- reasons that cannot change the plan ------------------------------------------------------------------------
ASKS = ["morning! could you grab the products in the home and kitchen range?", "products in the toys category?",
        "hi, which customers have no birth date?", "could you pull up the subscribers with eight or more support "
        "calls?"]  # fmt: skip
REASONS = ["doing a homeware promo, ta", "sanity-checking the price feed, cheers", "marketing wants to send birthday "
           "offers, cheers", "want to send them a goodwill voucher, cheers", "running a spring campaign"]  # fmt: skip
REASONED = list(itertools.product(ASKS, REASONS))


@pytest.mark.parametrize(("ask", "reason"), REASONED, ids=[f"{a} {r}" for a, r in REASONED])
def test_a_reason_naming_nothing_leaves_the_plan_as_asked(ask: str, reason: str, demo: Demo) -> None:
    assert plan_steps(f"{ask} {reason}", demo) == plan_steps(ask, demo)


SORTS = ["hiya, could you put the orders in order of how many units were bought, smallest first?",
         "orders sorted by quantity,", "churn sorted by monthly charges, lowest first?"]  # fmt: skip
SURFACED = ["checking the odd negatives, ta", "looking for outliers", "eyeballing the weird outliers"]


@pytest.mark.parametrize(("ask", "reason"), list(itertools.product(SORTS, SURFACED)))
def test_what_a_sort_brings_up_is_a_reason(ask: str, reason: str, demo: Demo) -> None:
    assert plan_steps(f"{ask} {reason}", demo) == plan_steps(ask.rstrip(","), demo)


REASONS_SAID = ["orders, checking the odd negatives", "products in the toys category, doing a garden promo",
                "customers, marketing wants to send offers to the ones in germany"]  # fmt: skip


@pytest.mark.parametrize("request_text", REASONS_SAID)
def test_a_reason_that_may_be_a_test_is_said(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)
