"""The offline planner on wording families of row tests said in paraphrase, each said many ways: comparisons said
'tops', 'north of', 'upwards of' with numbers in digits and words; how long a row has been 'on the books' or 'with
us' against its tenure; 'in one go' after a count of units; currencies by name ('the single European currency');
decades in words ('the nineteen-eighties'); days an order sat before going out; orders that went out before they
were placed. Each family also holds wordings that must be said as not understood (no such column, no row holds the
currency, no tenure or dates to test)."""

from __future__ import annotations

import itertools
from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _condition(request: str, demo: Demo) -> str:
    """The one filter the plan holds, checking every word was understood."""
    filters = [s for s in plan_steps(request, demo) if s["kind"] == "filter"]
    assert len(filters) == 1, filters
    return filters[0]["condition"]


# --- comparisons said in paraphrase: 'tops', 'north of', 'upwards of', 'no more than' ------------------------------
COMPARED = [("subscribers", "monthly bill", "monthly_charges"), ("subscribers", "total charges", "total_charges"),
            ("orders", "total revenue", "total_revenue"), ("orders", "unit price", "unit_price"),
            ("products", "price", "price")]  # fmt: skip
COMPARISON_LEADS = ["{ds} whose {col}", "show me {ds} where the {col}"]
COMPARISON_WORDS = [("tops", ">"), ("topped", ">"), ("is north of", ">"), ("is upwards of", ">"),
                    ("is in excess of", ">"), ("exceeds", ">"), ("surpasses", ">"), ("is south of", "<"),
                    ("is no more than", "<="), ("is at most", "<=")]  # fmt: skip
AMOUNTS = [("a hundred", 100), ("250", 250)]
COMPARISONS = [
    (f"{lead.format(ds=ds, col=said)} {words} {number}", f"{column} {op} {value}")
    for (ds, said, column), lead, (words, op), (number, value) in itertools.product(
        COMPARED, COMPARISON_LEADS, COMPARISON_WORDS, AMOUNTS
    )
]


@pytest.mark.parametrize(("request_text", "expected"), COMPARISONS, ids=[c[0] for c in COMPARISONS])
def test_a_comparison_said_in_paraphrase_is_the_columns_test(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


SPOKEN = [("a hundred and fifty", 150), ("two thousand and fifty", 2050), ("a hundred and twenty five", 125),
          ("three hundred and ten", 310), ("one thousand", 1000), ("two thousand", 2000)]  # fmt: skip
SPOKEN_TESTS = [
    (f"orders whose total revenue {words} {number}", f"total_revenue {op} {value}")
    for (words, op), (number, value) in itertools.product(COMPARISON_WORDS, SPOKEN)
]


@pytest.mark.parametrize(("request_text", "expected"), SPOKEN_TESTS, ids=[s[0] for s in SPOKEN_TESTS])
def test_a_number_said_as_hundreds_and_the_rest_is_one_number(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


COLLOQUIAL = [("a grand", 1000), ("5 grand", 5000), ("a tenner", 10), ("a fiver", 5), ("a dozen", 12),
              ("half a dozen", 6), ("two dozen", 24), ("half a grand", 500)]  # fmt: skip
COLLOQUIAL_TESTS = [
    (f"{ds} {words} {number}", f"{column} {op} {value}")
    for (ds, column), (words, op), (number, value) in itertools.product(
        [("orders worth", "total_revenue"), ("products costing", "price")],
        [("more than", ">"), ("under", "<"), ("at least", ">="), ("north of", ">")],
        COLLOQUIAL,
    )
]
COLLOQUIAL_TESTS += [
    (f"{lead} {number}+ {tail}".strip(), f"{column} >= {number}")
    for lead, number, tail, column in [("customers aged", 60, "", "age"), ("orders with", 5, "units", "quantity"),
                                       ("subscribers aged", 40, "", "age"), ("orders of", 10, "items", "quantity")]
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "expected"), COLLOQUIAL_TESTS, ids=[c[0] for c in COLLOQUIAL_TESTS])
def test_a_colloquial_amount_is_its_number(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


@pytest.mark.parametrize("request_text", ["the grand total of revenue", "orders that are grand"])
def test_grand_said_of_no_amount_is_no_number(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


@pytest.mark.parametrize("request_text", ["orders with revenue between a hundred and fifty",
                                          "orders with revenue between 500 and 100"])  # fmt: skip
def test_a_range_whose_low_end_is_above_its_high_end_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


COMPARISON_REFUSED = [
    f"{ds} whose {col} {words} {number}"
    for ds, col in [("subscribers", "satellite fee"), ("orders", "shipping cost"), ("products", "discount")]
    for words, number in [("tops", "a hundred"), ("is north of", "fifty"), ("is upwards of", "250")]
] + ["subscribers whose monthly bill tops everything", "orders whose revenue is north of normal"]


@pytest.mark.parametrize("request_text", COMPARISON_REFUSED)
def test_a_paraphrased_comparison_of_no_column_or_no_number_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_a_monthly_bill_that_tops_a_hundred_gives_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("subscribers whose monthly bill tops a hundred", demo, tmp_path)
    same_rows(output, demo.frames["churn"].filter(pl.col("monthly_charges") > 100))


# --- how long a row has been kept: 'on the books', 'with us', 'a customer' against the tenure column --------------
KEPT = ["been on the books", "been on our books", "been with us", "been a customer", "been with the company"]
TENURE_LEADS = ["subscribers who've {kept} for", "the subscribers that have {kept} for"]
SPANS = [("less than", "<"), ("more than", ">"), ("at least", ">="), ("under", "<"), ("over", ">")]
LENGTHS = [("twelve months", 12), ("2 years", 24), ("a year", 12)]
TENURES = [
    (f"{lead.format(kept=kept)} {words} {length}", f"tenure_months {op} {months}")
    for kept, lead, (words, op), (length, months) in itertools.product(KEPT, TENURE_LEADS, SPANS, LENGTHS)
]


KEPT_AFTER = ["on the books", "with us", "as a customer", "as a subscriber", "on our books"]
TENURES += [
    (f"subscribers with {words} {length} {kept}", f"tenure_months {op} {months}")
    for kept, (words, op), (length, months) in itertools.product(KEPT_AFTER, SPANS, LENGTHS)
]
TENURES += [
    (f"subscribers that have been {people} for {words} {length}", f"tenure_months {op} {months}")
    for people, (words, op), (length, months) in itertools.product(["customers", "clients"], SPANS, LENGTHS)
]


@pytest.mark.parametrize(("request_text", "expected"), TENURES, ids=[t[0] for t in TENURES])
def test_how_long_a_row_has_been_kept_is_its_tenure(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


TENURE_REFUSED = [
    "customers who've been on the books for less than twelve months",  # no tenure column: counted back from today
    "customers who have been with us for more than 2 years",
    "products that have been on the books for over a year",
    "subscribers who have been on the books for more than 3",  # no unit: months, years, or an amount?
    "customers on the books",  # kept on record (every customer?), not the Books category of what they bought
    "products that aren't on the books",
    "customers with more than a year on the books",
    "subscribers for more than 5 years",  # how long what lasted? no age of 5
    "customers for over 2 years",
    "products for at least six months",
]


@pytest.mark.parametrize("request_text", TENURE_REFUSED)
def test_a_time_kept_with_no_tenure_to_test_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_subscribers_on_the_books_under_a_year_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("subscribers who've been on the books for less than twelve months", demo, tmp_path)
    same_rows(output, demo.frames["churn"].filter(pl.col("tenure_months") < 12))


# --- 'in one go' after a count of units: each row is one order already --------------------------------------------
OCCASIONS = ["in one go", "in a single order", "at once", "in one purchase", "all at once", "in one transaction",
             "in a single go", "in one order"]  # fmt: skip
COUNTS = [("10 or more units", ">=", 10), ("ten or more units", ">=", 10), ("more than 5 items", ">", 5),
          ("at least three units", ">=", 3)]  # fmt: skip
UNIT_LEADS = ["orders where someone bought {count}", "the orders with {count}", "orders of {count}"]
AT_ONCE = [
    (f"{lead.format(count=count)} {occasion}", f"quantity {op} {n}")
    for lead, (count, op, n), occasion in itertools.product(UNIT_LEADS, COUNTS, OCCASIONS)
]


@pytest.mark.parametrize(("request_text", "expected"), AT_ONCE, ids=[a[0] for a in AT_ONCE])
def test_units_bought_in_one_go_are_the_quantity_of_the_row(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


@pytest.mark.parametrize("request_text", ["orders in one go", "customers in a single go", "products at one time"])
def test_in_one_go_with_no_count_before_it_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- currencies by name: 'settled in the single European currency', 'priced in pounds sterling' --------------------
CURRENCY_VERBS = ["settled in", "paid in", "priced in", "charged in", "billed in", "in"]
CURRENCIES = [("the single European currency", "eur"), ("euros", "eur"), ("the euro", "eur"),
              ("pounds sterling", "gbp"), ("British pounds", "gbp"), ("sterling", "gbp"), ("US dollars", "usd"),
              ("dollars", "usd"), ("the common European currency", "eur")]  # fmt: skip
CURRENCY_LEADS = ["orders {verb} {currency}", "sales {verb} {currency}", "the orders that were {verb} {currency}"]
NAMED_CURRENCIES = [
    (lead.format(verb=verb, currency=currency), code)
    for lead, verb, (currency, code) in itertools.product(CURRENCY_LEADS, CURRENCY_VERBS, CURRENCIES)
    if not (lead.endswith("were {verb} {currency}") and verb == "in")
]


@pytest.mark.parametrize(("request_text", "code"), NAMED_CURRENCIES, ids=[c[0] for c in NAMED_CURRENCIES])
def test_a_currency_named_in_words_is_its_code(request_text: str, code: str, demo: Demo) -> None:
    condition = _condition(request_text, demo)
    assert "currency" in condition and f"'{code}'" in condition
    assert not any(f"'{other}'" in condition for other in ("eur", "gbp", "usd") if other != code)


@pytest.mark.parametrize(
    ("request_text", "code"),
    [(f"orders not {verb} {currency}", code) for verb in CURRENCY_VERBS[:5] for currency, code in CURRENCIES],
)
def test_a_currency_named_after_a_negated_verb_is_left_out(request_text: str, code: str, demo: Demo) -> None:
    condition = _condition(request_text, demo)
    assert "currency" in condition and " not in (" in condition and f"'{code}'" in condition


CURRENCY_REFUSED = ["orders paid in yen", "sales settled in Swiss francs", "orders priced in Japanese yen",
                    "orders billed in rupees", "sales settled in the single Asian currency"]  # fmt: skip


@pytest.mark.parametrize("request_text", CURRENCY_REFUSED)
def test_a_currency_no_row_holds_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_sales_in_the_single_european_currency_are_every_spelling_of_eur(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("sales settled in the single European currency", demo, tmp_path)
    euro = pl.col("currency").str.strip_chars().str.to_lowercase().is_in(["eur", "euro", "€"])
    same_rows(output, demo.frames["orders"].filter(euro))


# --- decades in words or digits: 'the nineteen-eighties', "the '80s", 'the eightys' -------------------------------
DECADES = [("the nineteen-eighties", 1980), ("the nineteen eighties", 1980), ("the eighties", 1980),
           ("the eightys", 1980), ("the '80s", 1980), ("the 1980s", 1980), ("the 80s", 1980),
           ("the ninteen-eightys", 1980), ("the seventies", 1970), ("the nineteen-nineties", 1990),
           ("the nineteen sixties", 1960), ("the fiftys", 1950), ("the 1980's", 1980), ("the 80's", 1980)]  # fmt: skip
BORN = ["customers born in {decade}", "custmers born in {decade}", "the customers who were born in {decade}",
        "show me customers born during {decade}"]  # fmt: skip
BORN_IN = [
    (lead.format(decade=decade), f"(birth_date >= '{year}-01-01' and birth_date < '{year + 10}-01-01')")
    for lead, (decade, year) in itertools.product(BORN, DECADES)
]
BORN_IN += [
    (f"orders placed in {decade}", f"(order_date >= '{year}-01-01' and order_date < '{year + 10}-01-01')")
    for decade, year in [("the twenty-twenties", 2020), ("the twenty twentys", 2020), ("the 2020s", 2020)]
]


@pytest.mark.parametrize(("request_text", "expected"), BORN_IN, ids=[b[0] for b in BORN_IN])
def test_a_decade_in_words_is_ten_years_of_the_date(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


@pytest.mark.parametrize("request_text", ["products born in the nineteen-eighties", "products made in the eightys"])
def test_a_decade_of_rows_with_no_date_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_customers_born_in_the_nineteen_eighties_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("custmers born in the ninteen-eightys", demo, tmp_path)
    same_rows(output, demo.frames["customers"].filter(pl.col("birth_date").dt.year().is_between(1980, 1989)))


# --- days an order sat before going out: 'sat for a week or longer before going out' ------------------------------
SAT = ["sat", "waited", "were waiting", "took"]
WAITS = [("a week or longer", ">=", 7), ("more than 3 days", ">", 3), ("at least five days", ">=", 5),
         ("over two weeks", ">", 14), ("less than 2 days", "<", 2), ("two weeks or more", ">=", 14)]  # fmt: skip
GOING_OUT = ["before going out", "before being shipped", "before shipping", "before being sent", "to go out",
             "before being dispatched", "before going out the door", "to ship"]  # fmt: skip
DELAYS = [
    (f"orders that {verb} {'' if verb == 'took' else 'for '}{wait} {out}",
     f"date_diff('day', order_date, ship_date) {op} {days}")
    for verb, (wait, op, days), out in itertools.product(SAT, WAITS, GOING_OUT)
    if (verb == "took") == out.startswith("to ")
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "expected"), DELAYS, ids=[d[0] for d in DELAYS])
def test_days_an_order_sat_before_going_out_are_days_to_ship(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


WHERE_SAT = [
    (f"orders that {verb} {where} for {wait} {out}", f"date_diff('day', order_date, ship_date) {op} {days}")
    for verb, where, (wait, op, days), out in itertools.product(
        ["sat", "waited"], ["in the warehouse", "on the shelf", "in the queue"], WAITS[:3], GOING_OUT[:3]
    )
]


@pytest.mark.parametrize(("request_text", "expected"), WHERE_SAT, ids=[w[0] for w in WHERE_SAT])
def test_where_an_order_sat_adds_nothing_to_its_days_to_ship(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


DELAY_REFUSED = ["customers that sat for a week or longer before going out",
                 "products that waited more than 3 days before being shipped",
                 "subscribers that sat for over two weeks before going out"]  # fmt: skip


@pytest.mark.parametrize("request_text", DELAY_REFUSED)
def test_a_wait_of_rows_with_no_two_dates_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_orders_that_sat_a_week_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders that sat for a week or longer before going out", demo, tmp_path)
    days = (pl.col("ship_date") - pl.col("order_date")).dt.total_days()
    same_rows(output, demo.frames["orders"].filter(days >= 7))


# --- orders that went out before they were placed: ship_date before order_date ------------------------------------
LEFT = ["went out the door", "went out", "left the warehouse", "were sent", "were dispatched", "were shipped out",
        "got sent out", "shipped"]  # fmt: skip
PLACED = ["had even been placed", "were placed", "had been placed", "were even ordered", "had been ordered"]
OUT_OF_ORDER = [
    (f"orders that {left} {when} they {placed}", f"ship_date {op} order_date")
    for left, (when, op), placed in itertools.product(LEFT, [("before", "<"), ("after", ">")], PLACED)
]


@pytest.mark.parametrize(("request_text", "expected"), OUT_OF_ORDER, ids=[o[0] for o in OUT_OF_ORDER])
def test_going_out_before_being_placed_compares_the_two_dates(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


NOT_SHIPPED = ["customers that went out the door before they were placed",
               "subscribers that left the warehouse before they had been ordered"]  # fmt: skip


@pytest.mark.parametrize("request_text", NOT_SHIPPED)
def test_going_out_before_being_placed_without_the_dates_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_orders_shipped_before_being_placed_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders that went out the door before they had even been placed", demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(pl.col("ship_date") < pl.col("order_date")))


AGES_IN_WORDS = [
    (f"{ds} in their {decade}", f"(age >= {low} and age <= {low + 9})")
    for ds, (decade, low) in itertools.product(
        ["customers", "subscribers"],
        [("twenties", 20), ("twentys", 20), ("fiftys", 50), ("forties", 40), ("fortys", 40), ("eightys", 80)],
    )
]


@pytest.mark.parametrize(("request_text", "expected"), AGES_IN_WORDS, ids=[a[0] for a in AGES_IN_WORDS])
def test_a_decade_of_life_misspelt_is_still_the_ages_in_it(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected
