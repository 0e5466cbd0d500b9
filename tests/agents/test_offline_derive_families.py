"""The offline planner on new columns said in paraphrase, each family said many ways: the days from one date to
another ('days from order_date to ship_date', 'the days between A and B'); an amount per unit ('how much revenue
each unit brought in'); an address's domain 'as a column of its own'; a text in capitals or lower case as a column
beside it; a flag true when a test holds 'and false otherwise'; and a figure explained after 'i.e.' ('what they pay in
a year, i.e. twelve times the monthly figure'). Each family also holds wordings that must be said as not
understood (no such column, no text to upper-case, no title case to write)."""

from __future__ import annotations

import itertools
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _derived(request: str, demo: Demo) -> dict[str, str]:
    """The columns the plan's one derive step computes, checking every word was understood."""
    steps = [step for step in plan_steps(request, demo) if step["kind"] != "source"]
    assert [s["kind"] for s in steps] == ["derive"], steps
    return steps[0]["columns"]


# --- days from one date to another ------------------------------------------------------------------------------
DAY_LEADS = ["orders: add {name} = ", "add {name} = ", "orders, add a column {name} = ", "add a new column {name}: "]
DAY_SPANS = ["days from {a} to {b}", "the days between {a} and {b}", "the number of days from {a} to {b}",
             "how many days {a} to {b}", "the number of days between {a} and {b}", "{b} minus {a}",
             "days from {a} until {b}"]  # fmt: skip
DAY_NAMES = ["ship_days", "lag", "days_taken"]
DATES = [("order_date", "ship_date"), ("the order date", "the ship date")]
DAYS = [
    (lead.format(name=name) + span.format(a=a, b=b), name)
    for lead, span, name, (a, b) in itertools.product(DAY_LEADS, DAY_SPANS, DAY_NAMES, DATES)
]


@pytest.mark.parametrize(("request_text", "name"), DAYS, ids=[d[0] for d in DAYS])
def test_days_from_one_date_to_another_are_a_day_difference(request_text: str, name: str, demo: Demo) -> None:
    assert _derived(request_text, demo) == {name: "date_diff('day', order_date, ship_date)"}


UNNAMED_SPANS = [
    "orders with a column showing how many days from {a} to {b}",
    "orders with the number of days between {a} and {b}",
    "add a column with the days from {a} to {b}",
    "orders plus the days between {a} and {b}",
]


@pytest.mark.parametrize("request_text", [s.format(a=a, b=b) for s, (a, b) in itertools.product(UNNAMED_SPANS, DATES)])
def test_days_said_with_no_name_are_a_column_not_a_count(request_text: str, demo: Demo) -> None:
    assert _derived(request_text, demo) == {"days_order_to_ship": "date_diff('day', order_date, ship_date)"}


DAYS_REFUSED = ["orders: add x = days from order_date to quantity", "orders: add x = days between status and ship_date",
                "orders: add x = days from order_date to delivery_date"]  # fmt: skip


@pytest.mark.parametrize("request_text", DAYS_REFUSED)
def test_days_between_what_is_no_date_are_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_the_days_from_order_to_ship_date_are_the_rows_days(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders: add ship_days = days from order_date to ship_date", demo, tmp_path)
    expected = demo.frames["orders"].with_columns(
        (pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias("ship_days")
    )
    same_rows(output, expected.select("order_id", "ship_days"))


# --- an amount per unit -----------------------------------------------------------------------------------------
UNIT_LEADS = ["each order with an extra column showing", "orders with a new column for", "orders with",
              "add to orders", "show orders with a column showing"]  # fmt: skip
UNIT_PHRASES = ["how much {amount} each unit brought in", "the {amount} per unit", "{amount} per item",
                "the {amount} each item made", "{amount} for each unit",
                "how much {amount} every unit earned"]  # fmt: skip
AMOUNTS = ["revenue", "total revenue", "total_revenue"]
PER_UNIT = [
    f"{lead} {phrase.format(amount=amount)}"
    for lead, phrase, amount in itertools.product(UNIT_LEADS, UNIT_PHRASES, AMOUNTS)
    if not (lead == "add to orders" and (phrase.startswith("how much") or phrase.startswith("{amount}")))
]


@pytest.mark.parametrize("request_text", PER_UNIT)
def test_an_amount_per_unit_is_divided_by_the_quantity(request_text: str, demo: Demo) -> None:
    assert _derived(request_text, demo) == {"revenue_per_unit": "total_revenue / nullif(quantity, 0)"}


PER_UNIT_REFUSED = ["orders with the unit price per unit as a new column", "orders with the quantity per unit",
                    "orders with how much status each unit brought in"]  # fmt: skip


@pytest.mark.parametrize("request_text", PER_UNIT_REFUSED)
def test_a_share_per_unit_of_no_amount_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_revenue_per_unit_gives_each_orders_share(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("each order with an extra column showing how much revenue each unit brought in", demo, tmp_path)
    orders = demo.frames["orders"]
    share = pl.when(pl.col("quantity") != 0).then(pl.col("total_revenue") / pl.col("quantity"))
    same_rows(output, orders.select("order_id", share.alias("revenue_per_unit")))


# --- an address's domain as its own column ----------------------------------------------------------------------
DOMAIN_LEADS = ["add ", "could you add ", "customers with ", "show customers with ", ""]
DOMAINS = ["each customer's email domain", "the email domain", "their email domain", "the domain of the email",
           "the domain of each customer's email", "the email address domain"]  # fmt: skip
OWN = [" as a column of its own", " as its own column", " in a separate column", " as a new column",
       " in its own field", " as a separate column"]  # fmt: skip
DOMAIN_CASES = [
    f"{lead}{domain}{own}"
    for lead, domain, own in itertools.product(DOMAIN_LEADS, DOMAINS, OWN)
    if lead.strip() or "customer" in domain
]


@pytest.mark.parametrize("request_text", DOMAIN_CASES)
def test_an_email_domain_as_its_own_column_is_the_part_after_the_at(request_text: str, demo: Demo) -> None:
    assert _derived(request_text, demo) == {"domain": "split_part(email, '@', 2)"}


DOMAIN_REFUSED = ["add each customer's name domain as a column of its own", "customers with the city domain as its own"
                  " column", "add each product's name domain in a separate column"]  # fmt: skip


@pytest.mark.parametrize("request_text", DOMAIN_REFUSED)
def test_the_domain_of_what_holds_no_addresses_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_the_email_domain_is_the_text_after_the_at(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("Could you add each customer's email domain as a column of its own?", demo, tmp_path)
    customers = demo.frames["customers"]
    domain = pl.col("email").str.split("@").list.get(1, null_on_oob=True).fill_null("")
    expected = customers.select("customer_id", domain.alias("domain"))
    got = output.select("customer_id", pl.col("domain").fill_null(""))
    same_rows(got, expected)


# --- a text in another case, as a column beside it ----------------------------------------------------------------
CASE_LEADS = ["add a column with {owner}{col}", "{ds} with an extra column showing {owner}{col}",
              "include a new column with {owner}{col}", "{ds} with {owner}{col}"]  # fmt: skip
CASED = [(" written in capital letters", "upper"), (" in capitals", "upper"), (" upper-cased", "upper"),
         (" in upper case", "upper"), (" in lower case", "lower"), (" written in small letters", "lower"),
         (" lowercased", "lower"), (" in block capitals", "upper")]  # fmt: skip
TEXTS = [("customers", "each customer's ", "name"), ("customers", "the ", "city"), ("customers", "the ", "segment"),
         ("products", "each product's ", "category"), ("churn", "the ", "region"),
         ("churn", "each subscriber's ", "payment method")]  # fmt: skip
COLUMN_OF = {"payment method": "payment_method"}
TAILS = ["", " as its own column"]
CASE_CASES = [
    (lead.format(ds=ds, owner=owner, col=col) + said + tail, f"{COLUMN_OF.get(col, col)}_{fn}",
     f"{fn}({COLUMN_OF.get(col, col)})")
    for lead, (said, fn), (ds, owner, col), tail in itertools.product(CASE_LEADS, CASED, TEXTS, TAILS)
    if not (lead.startswith("{ds} with {owner}") and not tail) and (ds != "churn" or "each customer" not in owner)
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "name", "expression"), CASE_CASES, ids=[c[0] for c in CASE_CASES])
def test_a_text_in_another_case_is_a_column_beside_it(request_text: str, name: str, expression: str,
                                                       demo: Demo) -> None:  # fmt: skip
    planned = draft(request_text, demo.catalog)
    assert planned.not_understood == [], planned.not_understood
    steps = [s for s in planned.definition["nodes"] if s["kind"] == "derive"]
    assert [s["columns"] for s in steps] == [{name: expression}]


def test_a_column_said_in_place_is_still_rewritten_in_place(demo: Demo) -> None:
    assert _derived("customers with email in lower case", demo) == {"email": "lower(email)"}


CASE_REFUSED = ["add a column with each customer's name in title case", "add a column with each order's quantity in"
                " capitals", "add a column with each product's price written in capital letters",
                "customers with the age upper-cased as its own column"]  # fmt: skip


@pytest.mark.parametrize("request_text", CASE_REFUSED)
def test_a_case_no_text_can_take_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_a_name_in_capitals_sits_beside_the_name(demo: Demo, tmp_path: Path) -> None:
    request = "Could you add a column with each customer's name written in capital letters?"
    _, output = answer(request, demo, tmp_path)
    customers = demo.frames["customers"]
    same_rows(output, customers.select("customer_id", "name", pl.col("name").str.to_uppercase().alias("name_upper")))


# --- a flag true when its test holds, 'and false otherwise' ---------------------------------------------------------
FLAG_LEADS = ["Add a column {name} to {ds} that is true when", "add {name} to {ds}, true when",
              "add a flag column {name} to {ds} that is true if"]  # fmt: skip
OTHERWISE = [" and false otherwise", ", else false", ", otherwise false", " and false for the rest",
             " and false if not", ", and false otherwise"]  # fmt: skip
TESTS = [("orders", "total_revenue exceeds {n}", "total_revenue > {v}"), ("orders", "quantity is over {n}",
          "quantity > {v}"), ("churn", "monthly charges are above {n}", "monthly_charges > {v}"),
         ("products", "the price is under {n}", "price < {v}"),
         ("customers", "age is over {n}", "age > {v}")]  # fmt: skip
NUMBERS = [("1,000", "1000"), ("fifty", "50"), ("12", "12"), ("a hundred", "100")]
FLAGS = [
    (lead.format(name=name, ds=ds) + " " + test.format(n=n) + otherwise, name,
     f"coalesce({condition.format(v=v)}, false)")
    for lead, otherwise, (ds, test, condition), (n, v), name in itertools.product(
        FLAG_LEADS, OTHERWISE, TESTS, NUMBERS, ["high_value", "flagged"])
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "name", "expression"), FLAGS, ids=[f[0] for f in FLAGS])
def test_a_flag_false_otherwise_is_false_where_its_test_fails(request_text: str, name: str, expression: str,
                                                               demo: Demo) -> None:  # fmt: skip
    assert _derived(request_text, demo) == {name: expression}


def test_a_flag_said_without_otherwise_keeps_missing_rows_empty(demo: Demo) -> None:
    request = "add a flag column cheap to products that is true if the price is under 10"
    assert _derived(request, demo) == {"cheap": "price < 10"}


def test_a_flag_false_otherwise_is_false_for_a_missing_price(demo: Demo, tmp_path: Path) -> None:
    request = "add a flag column cheap to products that is true if the price is under 10 and false otherwise"
    _, output = answer(request, demo, tmp_path)
    products = demo.frames["products"]
    same_rows(output, products.select("product_id", (pl.col("price") < 10).fill_null(False).alias("cheap")))


# --- a figure explained after 'i.e.' --------------------------------------------------------------------------------
FIGURE_LEADS = ["each subscriber with an extra column for", "churn with a new column showing",
                "add a column to churn for"]  # fmt: skip
DESCRIBED = [("what they pay in a year", "yearly_charges"), ("what each subscriber pays per year", "yearly_charges"),
             ("how much they pay in a week", "weekly_charges")]  # fmt: skip
MEANS = [", i.e.", " i.e.", ", that is", ", namely", ", ie"]
FACTORS = [("twelve times the monthly figure", "12 * monthly_charges"),
           ("12 times their monthly charges", "12 * monthly_charges"),
           ("the monthly charges times 12", "monthly_charges * 12"),
           ("the monthly figure divided by four", "monthly_charges / 4")]  # fmt: skip
FIGURES = [
    (f"{lead} {described}{means} {factor}", name, expression)
    for lead, (described, name), means, (factor, expression) in itertools.product(FIGURE_LEADS, DESCRIBED, MEANS,
                                                                                   FACTORS)
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "name", "expression"), FIGURES, ids=[f[0] for f in FIGURES])
def test_a_figure_explained_after_ie_is_named_by_its_period(request_text: str, name: str, expression: str,
                                                             demo: Demo) -> None:  # fmt: skip
    assert _derived(request_text, demo) == {name: expression}


FIGURE_REFUSED = ["each subscriber with an extra column for what they pay in a year, i.e. twelve times the colour",
                  "churn with a new column showing what they pay, i.e. twelve times the shoe size"]  # fmt: skip


@pytest.mark.parametrize("request_text", FIGURE_REFUSED)
def test_a_figure_of_no_column_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_a_yearly_figure_is_twelve_months_of_charges(demo: Demo, tmp_path: Path) -> None:
    request = "each subscriber with an extra column for what they pay in a year, i.e. twelve times the monthly figure"
    _, output = answer(request, demo, tmp_path)
    churn = demo.frames["churn"]
    same_rows(output, churn.select("customer_ref", (pl.col("monthly_charges") * 12).alias("yearly_charges")))


# --- a true/false column said with no name, named by its test -----------------------------------------------------
UNNAMED_LEADS = ["{ds} with a true/false column telling whether", "add a yes/no column to {ds} saying whether",
                 "on {ds}, a true/false column telling whether", "{ds} with a column showing whether",
                 "{ds} with a boolean column saying whether"]  # fmt: skip
UNNAMED_TESTS = [("customers", "they have a phone number", "has_phone", "phone is not null"),
                 ("customers", "they have an email address", "has_email", "email is not null"),
                 ("products", "the price is missing", "no_price", "price is null"),
                 ("churn", "the region is blank", "no_region", "region is null"),
                 ("orders", "the quantity is over 5", "quantity_flag", "quantity > 5"),
                 ("churn", "the income is above fifty", "income_flag", "income > 50")]  # fmt: skip
UNNAMED = [
    (f"{lead.format(ds=ds)} {test}", name, expression)
    for lead, (ds, test, name, expression) in itertools.product(UNNAMED_LEADS, UNNAMED_TESTS)
]


@pytest.mark.parametrize(("request_text", "name", "expression"), UNNAMED, ids=[u[0] for u in UNNAMED])
def test_a_true_false_column_said_with_no_name_is_named_by_its_test(request_text: str, name: str, expression: str,
                                                                     demo: Demo) -> None:  # fmt: skip
    assert _derived(request_text, demo) == {name: expression}


def test_a_phone_flag_is_true_where_a_phone_is_on_file(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("customers with a true/false column telling whether they have a phone number", demo, tmp_path)
    customers = demo.frames["customers"]
    same_rows(output, customers.select("customer_id", pl.col("phone").is_not_null().alias("has_phone")))


# --- arithmetic asked for as a column with no name, named by its parts ---------------------------------------------
FORMULA_LEADS = ["{ds} with an extra column showing {f}", "add a column with {f}", "{ds} with {f} as its own column",
                 "{ds} with a new column for {f}", "add to {ds} a new column holding {f}"]  # fmt: skip
FORMULAS = [("orders", "quantity times unit price", "quantity_times_unit_price", "quantity * unit_price"),
            ("orders", "the revenue divided by the quantity", "total_revenue_per_quantity", "total_revenue / quantity"),
            ("churn", "monthly charges times 12", "monthly_charges_times_12", "monthly_charges * 12"),
            ("churn", "the total charges minus the monthly charges", "total_charges_minus_monthly_charges",
             "total_charges - monthly_charges"),
            ("products", "the price plus 5", "price_plus_5", "price + 5")]  # fmt: skip
FORMULA_CASES = [
    (lead.format(ds=ds, f=formula), name, expression)
    for lead, (ds, formula, name, expression) in itertools.product(FORMULA_LEADS, FORMULAS)
]


@pytest.mark.parametrize(("request_text", "name", "expression"), FORMULA_CASES, ids=[f[0] for f in FORMULA_CASES])
def test_arithmetic_asked_as_a_column_is_named_by_its_parts(request_text: str, name: str, expression: str,
                                                             demo: Demo) -> None:  # fmt: skip
    assert _derived(request_text, demo) == {name: expression}


@pytest.mark.parametrize(
    "request_text",
    [
        "orders with an extra column showing quantity times colour",
        "products with a new column for the price plus the shoe size",
    ],
)
def test_arithmetic_of_no_column_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- rows grouped by an address's domain --------------------------------------------------------------------------
DOMAIN_GROUPS = [
    "count customers {by} email domain",
    "how many customers {by} email domain",
    "the number of customers {by} the domain of their email",
    "customers {by} email address domain",
]
GROUP_WORDS = ["by", "per", "for each", "grouped by"]
DOMAIN_GROUP_CASES = [f.format(by=by) for f, by in itertools.product(DOMAIN_GROUPS, GROUP_WORDS)]


@pytest.mark.parametrize("request_text", DOMAIN_GROUP_CASES)
def test_rows_by_email_domain_are_counted_per_domain(request_text: str, demo: Demo) -> None:
    steps = [step for step in plan_steps(request_text, demo) if step["kind"] != "source"]
    assert steps == [
        {"kind": "derive", "columns": {"email_domain": "split_part(email, '@', 2)"}},
        {"kind": "aggregate", "group_by": ["email_domain"], "aggregations": [{"function": "count"}]},
    ]


def test_customers_per_email_domain_are_the_counts_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("count customers per email domain", demo, tmp_path)
    domain = pl.col("email").str.split("@").list.get(1, null_on_oob=True).fill_null("")
    expected = demo.frames["customers"].group_by(domain.alias("email_domain")).len("count")
    same_rows(output.with_columns(pl.col("email_domain").fill_null("")), expected)


# --- 'as a column of its own' after the other computed columns ------------------------------------------------------
OWN_TAILS = [" as a column of its own", " in a separate column", " as its own column", " as a new column"]
COMPUTED = [("add the year each order was placed in", {"order_year": "year(order_date)"}),
            ("the length of each name", {"name_length": "length(name)"}),
            ("unit prices in cents", {"unit_price_cents": "unit_price * 100"}),
            ("the quarter each order was placed in", {"order_quarter": "quarter(order_date)"})]  # fmt: skip
OWN_CASES = [(said + tail, columns) for (said, columns), tail in itertools.product(COMPUTED, OWN_TAILS)]


@pytest.mark.parametrize(("request_text", "columns"), OWN_CASES, ids=[c[0] for c in OWN_CASES])
def test_a_computed_column_said_as_a_column_of_its_own(request_text: str, columns: dict[str, str],
                                                       demo: Demo) -> None:  # fmt: skip
    assert _derived(request_text, demo) == columns


MORE_WORDINGS = [
    ("orders with the per-unit revenue as a new column", {"revenue_per_unit": "total_revenue / nullif(quantity, 0)"}),
    ("orders with the revenue per unit sold", {"revenue_per_unit": "total_revenue / nullif(quantity, 0)"}),
    ("add the email domain of each customer as its own column", {"domain": "split_part(email, '@', 2)"}),
    ("give each customer their email domain as a column of its own", {"domain": "split_part(email, '@', 2)"}),
    ("add a column high_value to orders: true if total revenue is over 1000, otherwise false",
     {"high_value": "coalesce(total_revenue > 1000, false)"}),
    ("Add a column high_value to orders which is true when total_revenue exceeds 1,000, false otherwise.",
     {"high_value": "coalesce(total_revenue > 1000, false)"}),
    ("churn plus a column for what they pay in a year, that is monthly charges times twelve",
     {"yearly_charges": "monthly_charges * 12"}),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "columns"), MORE_WORDINGS, ids=[m[0] for m in MORE_WORDINGS])
def test_more_wordings_of_the_derived_families(request_text: str, columns: dict[str, str], demo: Demo) -> None:
    assert _derived(request_text, demo) == columns
