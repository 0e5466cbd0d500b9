"""Row and shape requests in fresh wordings: a range said 'somewhere between ... ends included', a rename arrow
('quantity->qty'), 'keep everything else' after a drop, a swapped three-letter typo ('adn'), a segment said by size
('large corporate'), 'anything other than', two tests joined by 'or is', sort ties and ends; each checked against
what Polars gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]

CASES: list[tuple[str, Expected]] = [
    (
        "subscribers whose monthly charges are somewhere between 50 and 70? ends included",
        lambda f: f["churn"].filter(pl.col("monthly_charges").is_between(50, 70)),
    ),
    (
        "orders with quantity anywhere between 2 and 4, both ends included",
        lambda f: f["orders"].filter(pl.col("quantity").is_between(2, 4)),
    ),
    (
        "customers whose age is between 30 and 40 including both ends",
        lambda f: f["customers"].filter(pl.col("age").is_between(30, 40)),
    ),
    (
        "products priced somewhere between 10 and 20, endpoints inclusive",
        lambda f: f["products"].filter(pl.col("price").is_between(10, 20)),
    ),
    (
        "customers in france adn germany",
        lambda f: f["customers"].filter(
            folded("country").is_in(["fr", "fra", "france", "de", "deu", "deutschland", "germany"])
        ),
    ),
    ("show teh orders over 500", lambda f: f["orders"].filter(pl.col("total_revenue") > 500)),
    (
        "Retrieve every order whose status is anything other than delivered.",
        lambda f: f["orders"].filter(~folded("status").is_in(["delivered", "delivred"])),
    ),
    (
        "subscribers whose contract is something other than month-to-month",
        lambda f: f["churn"].filter(~folded("contract").is_in(["monthtomonth", "m2m"])),
    ),
    (
        "orders whose status is anything apart from delivered",
        lambda f: f["orders"].filter(~folded("status").is_in(["delivered", "delivred"])),
    ),
    ("customers whose segment is everything but smb", lambda f: f["customers"].filter(pl.col("segment") != "smb")),
    (
        "orders where the currency is anything but EUR",
        lambda f: f["orders"].filter(~folded("currency").is_in(["eur", "euro", "euros", "€"])),
    ),
    (
        "large corporate customers based in Britain",
        lambda f: f["customers"].filter(
            (pl.col("segment") == "enterprise") & folded("country").is_in(["gb", "uk", "unitedkingdom"])
        ),
    ),
    (
        "customers that are big businesses in Germany",
        lambda f: f["customers"].filter(
            (pl.col("segment") == "enterprise") & folded("country").is_in(["de", "deutschland", "germany"])
        ),
    ),
    ("small businesses among our customers", lambda f: f["customers"].filter(pl.col("segment") == "smb")),
    ("customers who are private individuals", lambda f: f["customers"].filter(pl.col("segment") == "consumer")),
    (
        "Return the cancelled orders that nevertheless have a ship date recorded.",
        lambda f: f["orders"].filter(
            folded("status").is_in(["cancelled", "canceled"]) & pl.col("ship_date").is_not_null()
        ),
    ),
    (
        "returned orders that nonetheless have no ship date",
        lambda f: f["orders"].filter((folded("status") == "returned") & pl.col("ship_date").is_null()),
    ),
    (
        "catalogue items whose cost is not filled in or is below zero",
        lambda f: f["products"].filter(pl.col("price").is_null() | (pl.col("price") < 0)),
    ),
    ("catalog items with no price", lambda f: f["products"].filter(pl.col("price").is_null())),
    (
        "orders whose quantity is below 1 or has no ship date",
        lambda f: f["orders"].filter((pl.col("quantity") < 1) | pl.col("ship_date").is_null()),
    ),
    (
        "customers whose age is missing or is over 100",
        lambda f: f["customers"].filter(pl.col("age").is_null() | (pl.col("age") > 100)),
    ),
    (
        "orders where the ship date is not filled in or the quantity is below 1",
        lambda f: f["orders"].filter(pl.col("ship_date").is_null() | (pl.col("quantity") < 1)),
    ),
    (
        "orders over 1000 or those with quantity above 10",
        lambda f: f["orders"].filter((pl.col("total_revenue") > 1000) | (pl.col("quantity") > 10)),
    ),
    ("people who became customers during 2021", lambda f: f["customers"].filter(SIGNED_UP.dt.year() == 2021)),
    (
        "customers who became a customer in March 2022",
        lambda f: f["customers"].filter((SIGNED_UP.dt.year() == 2022) & (SIGNED_UP.dt.month() == 3)),
    ),
    (
        "Which orders carry an order date later than 3 December 2026?",
        lambda f: f["orders"].filter(pl.col("order_date") > dt.date(2026, 12, 3)),
    ),
    ("products that carry a price above 100", lambda f: f["products"].filter(pl.col("price") > 100)),
    (
        "orders carrying a ship date before 2024",
        lambda f: f["orders"].filter(pl.col("ship_date") < dt.date(2024, 1, 1)),
    ),
]
SIGNED_UP = pl.col("signup_date").str.to_date("%Y-%m-%d", strict=False)  # what a plain cast of the text reads

# (request, dataset, the test on its rows, the column listed once per value)
DISTINCT: list[tuple[str, str, pl.Expr, str]] = [
    ("Which cities do our German customers live in?", "customers",
     folded("country").is_in(["de", "deu", "deutschland", "germany"]), "city"),
    ("which regions do our churned subscribers come from?", "churn", pl.col("churned") == 1, "region"),
    ("which payment methods do fiber subscribers use", "churn", pl.col("internet_service") == "fiber",
     "payment_method"),
    ("which countries do our enterprise customers come from", "customers", pl.col("segment") == "enterprise",
     "country"),
    ("which segments do our French customers belong to", "customers",
     folded("country").is_in(["fr", "fra", "france"]), "segment"),
    ("which cities do customers over 60 live in", "customers", pl.col("age") > 60, "city"),
]  # fmt: skip

SHAPES: list[tuple[str, Expected]] = [
    ("orders: rename quantity->qty, unit_price->price_each",
     lambda f: f["orders"].rename({"quantity": "qty", "unit_price": "price_each"})),
    ("rename quantity => qty and unit_price -> price_each in orders",
     lambda f: f["orders"].rename({"quantity": "qty", "unit_price": "price_each"})),
    ("churn: rename customer_ref->ref", lambda f: f["churn"].rename({"customer_ref": "ref"})),
    ("orders: rename quantity \u2192 qty, unit_price \u2192 price_each",
     lambda f: f["orders"].rename({"quantity": "qty", "unit_price": "price_each"})),
    ("drop email, phone adn city from custmers", lambda f: f["customers"].drop("email", "phone", "city")),
    ("remove email adn phone from customers", lambda f: f["customers"].drop("email", "phone")),
    ("from orders, can you get rid of the unit price and currency columns? keep everything else",
     lambda f: f["orders"].drop("unit_price", "currency")),
    ("drop the phone column from customers but keep all the rest", lambda f: f["customers"].drop("phone")),
    ("remove currency from orders and leave the other columns as is", lambda f: f["orders"].drop("currency")),
    # a heading changed is a column renamed
    ("customers with the city header switched to town", lambda f: f["customers"].rename({"city": "town"})),
    ("orders, the currency column renamed to currency_code",
     lambda f: f["orders"].rename({"currency": "currency_code"})),
    ("products, with the category's heading changed to department",
     lambda f: f["products"].rename({"category": "department"})),
    ("change the heading of segment to tier in customers", lambda f: f["customers"].rename({"segment": "tier"})),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fresh_row_wordings_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


@pytest.mark.parametrize(("request_text", "expected"), SHAPES, ids=[c[0] for c in SHAPES])
def test_fresh_shape_wordings_give_exactly_the_columns_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    wanted = expected(demo.frames)
    assert output.columns == wanted.columns
    same_rows(output, wanted)


@pytest.mark.parametrize(
    "request_text",
    [
        "subscribers with monthly charges between 50 and 70, ends excluded",
        "orders from 2024-01-01 to 2024-01-31, ends excluded",
    ],
)
def test_a_range_with_its_ends_excluded_is_reported_not_read_as_inclusive(request_text: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert any("excluded" in part for part in planned.not_understood)


ORDERS: list[tuple[str, str, list[str], list[bool]]] = [
    ("Sort the churn records by tenure_months ascending and, within equal tenure, by monthly_charges descending.",
     "churn", ["tenure_months", "monthly_charges"], [False, True]),
    ("orders sorted by quantity, and for the same quantity by unit price descending",
     "orders", ["quantity", "unit_price"], [False, True]),
    ("subscribers ordered by contract, then by tenure descending where contract is the same",
     "churn", ["contract", "tenure_months"], [False, True]),
    ("orders arranged from the fewest items bought to the most", "orders", ["quantity"], [False]),
    ("products organised from the cheapest to the most expensive", "products", ["price"], [False]),
    ("orders sorted from the highest revenue down to the lowest", "orders", ["total_revenue"], [True]),
    ("orders going from the largest quantity to the smallest", "orders", ["quantity"], [True]),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "name", "keys", "down"), ORDERS, ids=[c[0] for c in ORDERS])
def test_fresh_order_wordings_sort_by_the_keys_said(
    request_text: str, name: str, keys: list[str], down: list[bool], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    expected = demo.frames[name].sort(keys, descending=down, nulls_last=True)
    same_rows(output.select(keys), expected.select(keys), ordered=True)


@pytest.mark.parametrize(
    "request_text",
    [
        "orders arranged from the most items to the most",
        "sort orders by quantity; within equal revenue",
        "large customers",
        "the customer with the most orders in each country",  # the end of a summary within each group
        "plush bear products",  # 'bear' is a word of product names, not a verb of having
        "orders over 1000 or maybe with quantity above 10",  # 'or' that joins nothing read: both, or either?
        "orders that have been cancelled yet shipped",  # two states of one column at once
        "orders that were cancelled but still delivered",
    ],
)
def test_what_does_not_fit_is_reported_not_guessed(request_text: str, demo: Demo) -> None:
    assert draft(request_text, demo.catalog).not_understood


@pytest.mark.parametrize(("request_text", "name", "test", "column"), DISTINCT, ids=[d[0] for d in DISTINCT])
def test_the_values_some_rows_are_in_are_listed_once(
    request_text: str, name: str, test: pl.Expr, column: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.columns == [column]
    same_rows(output, demo.frames[name].filter(test).select(column).unique())


# (request, dataset, the column each row is one of, the column deciding which row, the largest kept)
PICKS: list[tuple[str, str, str, str, bool]] = [
    ("could you keep just the single biggest order by revenue from each country? whole rows please",
     "orders", "country", "total_revenue", True),
    ("the biggest order by revenue in each country", "orders", "country", "total_revenue", True),
    ("each customer's largest order by revenue", "orders", "customer_id", "total_revenue", True),
    ("for every customer their smallest order by quantity", "orders", "customer_id", "quantity", False),
    ("the biggest product by price in each category", "products", "category", "price", True),
    ("the order with the highest revenue in each country", "orders", "country", "total_revenue", True),
    ("the product with the highest price in each category", "products", "category", "price", True),
    ("the order with the lowest quantity per customer", "orders", "customer_id", "quantity", False),
    ("for each country the order with the lowest revenue", "orders", "country", "total_revenue", False),
    ("for every customer, the order with the highest revenue", "orders", "customer_id", "total_revenue", True),
    ("the cheapest product in every category", "products", "category", "price", False),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "name", "key", "by", "largest"), PICKS, ids=[p[0] for p in PICKS])
def test_one_whole_row_per_group_is_kept_by_the_column_said(
    request_text: str, name: str, key: str, by: str, largest: bool, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    frame = demo.frames[name]
    assert output.columns == frame.columns and output.height == output.select(key).n_unique()
    best = (pl.col(by).max() if largest else pl.col(by).min()).over(key)
    kept = output.join(frame.filter(pl.col(by) == best), on=frame.columns, how="semi", nulls_equal=True)
    assert kept.height == output.height  # every row kept is one at its group's end


@pytest.mark.parametrize(
    ("request_text", "columns"),
    [
        ("for each order just its number, which item it was and how many were bought",
         ["order_id", "product_id", "quantity"]),
        ("for every order: its number, which item it was and how many were ordered",
         ["order_id", "product_id", "quantity"]),
        ("for each order just its number, its customer_id and how many were sold",
         ["order_id", "customer_id", "quantity"]),
        ("orders, and which item it was", ["product_id"]),
    ],
)  # fmt: skip
def test_columns_said_by_what_they_hold_are_the_columns_kept(
    request_text: str, columns: list[str], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.columns == columns
    same_rows(output, demo.frames["orders"].select(columns))


def test_how_many_were_bought_alone_is_no_column(demo: Demo) -> None:
    assert draft("how many were bought in 2024", demo.catalog).definition is None


# (request, date column, first day, last day): ranges whose first end takes its year or month from the second
RANGES: list[tuple[str, str, dt.date, dt.date]] = [
    ("hi, I need the orders that shipped between Christmas and New Year's Eve 2024, so 25 to 31 December inclusive",
     "ship_date", dt.date(2024, 12, 25), dt.date(2024, 12, 31)),
    ("orders shipped from 25 to 31 December 2024", "ship_date", dt.date(2024, 12, 25), dt.date(2024, 12, 31)),
    ("orders placed between christmas and new year's day 2025", "order_date", dt.date(2024, 12, 25),
     dt.date(2025, 1, 1)),
    ("orders placed from 1 to 15 March 2024", "order_date", dt.date(2024, 3, 1), dt.date(2024, 3, 15)),
    ("orders placed between christmas and new year's eve 2023, i.e. 25 to 31 december", "order_date",
     dt.date(2023, 12, 25), dt.date(2023, 12, 31)),
    ("orders placed between 2024-03-01 and 2024-03-10, that is 1 to 10 march", "order_date", dt.date(2024, 3, 1),
     dt.date(2024, 3, 10)),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "column", "first", "last"), RANGES, ids=[r[0] for r in RANGES])
def test_a_range_of_days_gives_the_rows_in_it(
    request_text: str, column: str, first: dt.date, last: dt.date, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(pl.col(column).is_between(first, last)))


def test_days_that_do_not_spell_out_the_range_are_reported(demo: Demo) -> None:
    planned = draft("orders placed between christmas and new year's eve 2023, so 24 to 31 december", demo.catalog)
    assert "24 to 31" in planned.not_understood


@pytest.mark.parametrize(
    "request_text",
    [
        "orders with revenue roughly between 100 and 200",
        "customers aged about 30",
        "products costing approximately 20",
    ],
)
def test_an_approximate_bound_is_reported_not_read_as_exact(request_text: str, demo: Demo) -> None:
    assert any("(approximate)" in part for part in draft(request_text, demo.catalog).not_understood)
