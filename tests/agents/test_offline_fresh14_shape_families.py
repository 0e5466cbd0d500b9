"""The offline planner on the shaping families fresh14 asked for, each said many ways and each wording run on the
demo data: a narrowing said 'cut ... back to' and the rest said unneeded by a team; a column dropped said by what it
tells ('minus their weight information'); the name a column carries from now on ('shall henceforth be named', 'go by
X instead'); a sort said as where the catalogue runs ('from the priciest item down to the cheapest'); 'carry the
steepest price tags'; a column's options listed once ('just the list is fine'); whole-row copies said as 'exact
copies of a row' (and '-ys' plurals typed for '-ies'); a flag 'true where' its tests hold; a span counted in another
unit ('how many years each subscriber has been with us'); a gap said 'any phone that's blank should read X'. Each
family also holds wordings that must be said as not understood."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _columns(request: str, demo: Demo, work: Path) -> list[str]:
    """The columns the request's answer holds, understood in full and run on both engines."""
    _, output = answer(request, demo, work)
    return output.columns


# --- a narrowing said 'cut ... back to', the rest said unneeded ------------------------------------------------------
NARROWED = [
    ("hey, could you cut churn back to just customer_ref, contract and monthly_charges? the pricing team doesn't"
     " need the rest, thanks", ["customer_ref", "contract", "monthly_charges"]),
    ("pare the orders back to order_id and status", ["order_id", "status"]),
    ("trim customers back to name and email, the marketing team doesn't need the rest", ["name", "email"]),
    ("cut customers back to name and email, finance doesn't need the other columns", ["name", "email"]),
    ("only name and email from customers. we won't need anything else", ["name", "email"]),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "kept"), NARROWED, ids=[n[0][:60] for n in NARROWED])
def test_a_narrowing_cut_back_keeps_only_the_columns_listed(
    request_text: str, kept: list[str], demo: Demo, tmp_path: Path
) -> None:
    assert _columns(request_text, demo, tmp_path) == kept


def test_the_rest_unneeded_with_no_columns_listed_is_said_unclear(demo: Demo) -> None:
    assert "sales" in refused("customers in france, the sales team doesn't need the rest", demo)


# --- a column dropped said by what it tells --------------------------------------------------------------------------
TOLD = [
    ("the product records minus their weight information", "products", ["weight"]),
    ("customers, drop the phone details", "customers", ["phone"]),
    ("orders minus the shipping date information", "orders", ["ship_date"]),
    ("customers minus their phone and email information", "customers", ["phone", "email"]),
    ("remove the weight data from products", "products", ["weight"]),
]


@pytest.mark.parametrize(("request_text", "dataset", "dropped"), TOLD, ids=[t[0] for t in TOLD])
def test_a_column_said_by_what_it_tells_is_dropped(
    request_text: str, dataset: str, dropped: list[str], demo: Demo, tmp_path: Path
) -> None:
    expected = [c for c in demo.frames[dataset].columns if c not in dropped]
    assert _columns(request_text, demo, tmp_path) == expected


def test_rows_without_a_columns_information_stay_a_test_of_the_rows(demo: Demo) -> None:
    steps = plan_steps("products without weight information", demo)
    assert [s["kind"] for s in steps] == ["source", "filter"]


# --- the name a column carries from now on ---------------------------------------------------------------------------
NAMED_FROM_NOW_ON = [
    ("In the customer dataset, the column signup_date shall henceforth be named member_since.", "customers",
     "signup_date", "member_since"),
    ("Could the support_calls column in churn go by helpdesk_contacts instead?", "churn", "support_calls",
     "helpdesk_contacts"),
    ("in churn, customer_ref will from now on be called subscriber_id", "churn", "customer_ref", "subscriber_id"),
    ("the email field of customers should be known as contact_email", "customers", "email", "contact_email"),
    ("customers: email is now known as contact", "customers", "email", "contact"),
    ("orders: country can go by 'destination'", "orders", "country", "destination"),
    ("products, the price column is to be named list_price from now on", "products", "price", "list_price"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("request_text", "dataset", "old", "new"), NAMED_FROM_NOW_ON, ids=[n[0][:60] for n in NAMED_FROM_NOW_ON]
)
def test_the_name_a_column_carries_from_now_on_renames_it(
    request_text: str, dataset: str, old: str, new: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset].rename({old: new}))
    assert old not in output.columns


def test_going_by_a_word_of_the_planner_is_no_rename(demo: Demo) -> None:
    assert refused("orders where the order date should go by month", demo)


# --- a sort said as where the catalogue runs -------------------------------------------------------------------------
PRICE_ORDERS = [
    ("the catalogue running from the priciest item down to the cheapest", True),
    ("the catalogue sorted by price", False),
    ("our catalogue, cheapest first", False),
    ("products, the priciest item first", True),
    ("products from the cheapest item up to the priciest", False),
    ("our catalogue, going from the most expensive thing down to the least expensive", True),
    ("products running from the priciest down to the cheapest", True),
]


@pytest.mark.parametrize(("request_text", "descending"), PRICE_ORDERS, ids=[p[0] for p in PRICE_ORDERS])
def test_the_catalogue_running_between_price_ends_sorts_the_products_by_price(
    request_text: str, descending: bool, demo: Demo
) -> None:
    steps = plan_steps(request_text, demo)
    assert steps[0] == {"kind": "source", "dataset": "products"}
    assert steps[1:] == [{"kind": "sort", "by": [{"column": "price", "descending": descending}]}]


def test_the_priciest_item_each_customer_bought_stays_unclear(demo: Demo) -> None:
    assert refused("the priciest item each customer bought", demo)


def test_a_column_looked_up_from_the_catalogue_is_still_a_lookup(demo: Demo) -> None:
    steps = plan_steps("orders with the price from the catalogue", demo)
    assert steps[0] == {"kind": "source", "dataset": "orders"}
    assert any(s["kind"] == "join" for s in steps)


# --- the rows that carry the steepest price tags ---------------------------------------------------------------------
STEEPEST = [
    ("Which three products carry the steepest price tags?", "products", "price", 3),
    ("which 5 products carry the highest prices", "products", "price", 5),
    ("the ten subscribers with the steepest monthly charges", "churn", "monthly_charges", 10),
    ("which three products have the steepest price", "products", "price", 3),
]


@pytest.mark.parametrize(("request_text", "dataset", "column", "n"), STEEPEST, ids=[s[0] for s in STEEPEST])
def test_the_steepest_price_ranks_the_highest_first(
    request_text: str, dataset: str, column: str, n: int, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    expected = demo.frames[dataset].sort(column, descending=True, nulls_last=True).head(n)
    assert output[column].to_list() == expected[column].to_list()


def test_steepest_said_of_no_price_stays_unread(demo: Demo) -> None:
    assert "steepest drop" in refused("the steepest drop in revenue", demo)


# --- a column's options listed once ----------------------------------------------------------------------------------
OPTIONS = [
    ("hiya, what different internet service options show up in the churn data? just the list is fine, thanks",
     "internet_service"),
    ("which payment method options do subscribers use? a plain list will do", "payment_method"),
    ("what contract options are there in churn", "contract"),
    ("the distinct payment options in churn, just the list is fine", "payment_method"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "column"), OPTIONS, ids=[o[0][:60] for o in OPTIONS])
def test_a_columns_options_are_its_values_once(request_text: str, column: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["churn"].select(column).unique())
    assert output.columns == [column]


def test_the_list_is_fine_with_nothing_listed_once_is_said_unclear(demo: Demo) -> None:
    assert refused("churn with monthly charges, just the list is fine", demo)


# --- whole-row copies said as copies of a row ------------------------------------------------------------------------
COPIES = [
    ("custmers, exact copys of a row removd", "customers"),
    ("customers, exact copies of a row removed", "customers"),
    ("orders with exact copies of another row dropped", "orders"),
    ("remove products that are copies of each other", "products"),
    ("remove exact copies of a record from churn", "churn"),
]


@pytest.mark.parametrize(("request_text", "dataset"), COPIES, ids=[c[0] for c in COPIES])
def test_copies_of_a_row_removed_keep_each_row_once(
    request_text: str, dataset: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset].unique())


@pytest.mark.parametrize(
    ("request_text", "column"),
    [("the number of customers per citys", "city"), ("orders, count per countrys", "country")],
)
def test_a_plural_of_y_typed_with_s_is_the_ies_word(request_text: str, column: str, demo: Demo) -> None:
    steps = plan_steps(request_text, demo)
    assert steps[1]["group_by"] == [column]


# --- a flag true where its tests hold --------------------------------------------------------------------------------
FLAGS = [
    ("Add a boolean column high_value to the churn data that is true where the monthly charges exceed 90.", "churn",
     "high_value", pl.col("monthly_charges") > 90),
    ("add a boolean column high_value that is true where monthly charges exceed 90", "churn", "high_value",
     pl.col("monthly_charges") > 90),
    ("add a column big_order to orders which should be true wherever quantity is above 10", "orders", "big_order",
     pl.col("quantity") > 10),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset", "name", "test"), FLAGS, ids=[f[0][:60] for f in FLAGS])
def test_a_flag_true_where_its_tests_hold(
    request_text: str, dataset: str, name: str, test: pl.Expr, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset].with_columns(test.alias(name)))


# --- a span counted in another unit ----------------------------------------------------------------------------------
SPANS = [
    "Is there a way to add a column showing how many years each subscriber has been with us?",
    "add a column showing how many years each subscriber has been with us to the churn data",
    "add a column with the tenure in years to churn",  # the dataset's name, not its churned flag
]


@pytest.mark.parametrize("request_text", SPANS)
def test_how_many_years_with_us_is_the_tenure_in_years(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["churn"].with_columns((pl.col("tenure_months") / 12).alias("tenure_years")))


def test_a_span_in_a_unit_no_whole_number_of_months_is_said_unclear(demo: Demo) -> None:
    assert refused("add a column saying how many weeks each subscriber has been with us", demo)


# --- a gap said as what any blank one should read --------------------------------------------------------------------
GAPS = [
    ("the customer records, where any phone that's blank should read 'not given' instead", "customers", "phone",
     "not given"),
    ("customers, emails which are empty should say 'n/a'", "customers", "email", "n/a"),
    ("customers where every phone that is missing should show 'unknown'", "customers", "phone", "unknown"),
    ("churn, any total charges that are blank should be 0", "churn", "total_charges", 0),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset", "column", "value"), GAPS, ids=[g[0][:60] for g in GAPS])
def test_any_blank_one_should_read_fills_that_column(
    request_text: str, dataset: str, column: str, value: object, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset].with_columns(pl.col(column).fill_null(value)))


@pytest.mark.parametrize(
    "request_text",
    ["orders, the priciest item first", "orders from the cheapest item to the priciest", "the 5 priciest items"],
)
def test_a_price_superlative_of_the_orders_items_is_said_unclear(request_text: str, demo: Demo) -> None:
    assert refused(request_text, demo)  # an item's price is meant, not its quantity


# --- amounts with units converted with the factor the request gives ----------------------------------------------
def _kilograms(pound: float) -> pl.Expr:
    amount = pl.col("weight").str.extract(r"([0-9.]+)").cast(pl.Float64)
    unit = pl.col("weight").str.extract(r"([a-z]+)\s*$")
    pounds = unit.is_in(["lb", "lbs"])
    return pl.when(unit == "g").then(amount / 1000).when(pounds).then(amount * pound).otherwise(amount)


CONVERTED = [
    ("hey, could you add a column to products with the weight in kilograms as a plain number? some are written in"
     " grams and a few in pounds (call a pound 0.4536 kg). the shipping calculator wants one unit, cheers",
     "weight_kilograms", 0.4536),
    ("add weight_kg to products holding each weight in kilograms as a number, taking 1 lb as 0.4536 kg", "weight_kg",
     0.4536),
    ("products with each weight in kilograms as a number (a pound being 453.6 grams)", "weight_kilograms", 0.4536),
    ("add a column with each weight in kilograms as a number, some are in grams, others in lb", "weight_kilograms",
     0.45359237),
    ("add a column to products with the weight in kilograms as a number", "weight_kilograms", 0.45359237),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "name", "pound"), CONVERTED, ids=[c[0][:60] for c in CONVERTED])
def test_amounts_with_units_convert_with_the_factor_said(
    request_text: str, name: str, pound: float, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["products"].with_columns(_kilograms(pound).alias(name)))


@pytest.mark.parametrize(
    "request_text", ["churn, call a pound 0.4536 kg", "products sorted by weight, call 2 pounds 0.9 kg"]
)
def test_a_factor_for_no_column_of_units_or_of_no_one_unit_is_said_unclear(request_text: str, demo: Demo) -> None:
    assert refused(request_text, demo)


@pytest.mark.parametrize(
    "request_text",
    [
        "products with the price in cents, some are written in grams",
        "products with a price_cents column = price * 100; the pricing tool needs a single unit",
    ],
)
def test_how_units_are_written_beside_no_conversion_of_them_is_said_unclear(request_text: str, demo: Demo) -> None:
    assert refused(request_text, demo)
