"""The offline planner on everyday wording: a superlative that says a sort key's direction, words that carry a
filter although they look like filler, people named by what they do, typos of words that are also real words,
each checked against Polars; and what it still refuses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]

# (request, dataset, column, descending): the output is that column's values in that order
SUPERLATIVE_ENDS: list[tuple[str, str, str, bool]] = [
    ("sort the subscribers by monthly charges, most expensive first", "churn", "monthly_charges", True),
    ("order the subscribers by total charges, cheapest first", "churn", "total_charges", False),
    ("sort subscribers by income, biggest last", "churn", "income", False),
    ("sort products by price, cheapest last", "products", "price", True),
    ("list the orders by order date, newest at the bottom", "orders", "order_date", False),
    ("customers sorted by age, youngest last", "customers", "age", True),
]


@pytest.mark.parametrize(
    ("request_text", "dataset", "column", "descending"), SUPERLATIVE_ENDS, ids=[r[0] for r in SUPERLATIVE_ENDS]
)
def test_a_superlative_first_or_last_sets_the_direction_of_the_key(
    request_text: str, dataset: str, column: str, descending: bool, demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    sorts = [n for n in planned.definition["nodes"] if n["kind"] == "sort"]
    assert [key["column"] for key in sorts[0]["by"]] == [column]  # no second key from the superlative
    wanted = demo.frames[dataset].sort(column, descending=descending, nulls_last=True)[column]
    assert output[column].to_list() == wanted.to_list()


FILTERS: list[tuple[str, Expected]] = [
    (
        "which subscribers stuck around on a two year contract",
        lambda f: f["churn"].filter(folded("contract").is_in(["twoyear", "2year"]) & (pl.col("churned") == 0)),
    ),
    (
        "subscribers that are still subscribed and pay by bank transfer",
        lambda f: f["churn"].filter((pl.col("payment_method") == "bank transfer") & (pl.col("churned") == 0)),
    ),
    ("subscribers who are no longer with us", lambda f: f["churn"].filter(pl.col("churned") == 1)),
    (
        "costumers in the enterprise segmnet",  # two letters swapped apart: still the catalog's 'customers'
        lambda f: f["customers"].filter(pl.col("segment") == "enterprise"),
    ),
    (
        "undelivred ordres from 2024",  # a negated participle, itself misspelt
        lambda f: f["orders"].filter(
            ~folded("status").is_in(["delivered", "delivred"]) & (pl.col("order_date").dt.year() == 2024)
        ),
    ),
    ("unshiped orders", lambda f: f["orders"].filter(pl.col("ship_date").is_null())),
    (
        "bank transfer payers on fiber",  # people named by what they do
        lambda f: f["churn"].filter(
            (pl.col("payment_method") == "bank transfer") & (pl.col("internet_service") == "fiber")
        ),
    ),
    ("orders that were sent to spain", lambda f: f["orders"].filter(pl.col("country") == "ES")),
    ("orders which went to Italy, thanks", lambda f: f["orders"].filter(pl.col("country") == "IT")),
    ("products listed under toys", lambda f: f["products"].filter(folded("category") == "toys")),
    (
        "which products come under Garden?",
        lambda f: f["products"].filter(folded("category").is_in(["garden", "gardens"])),
    ),
    (
        "customers whose last name is Weber",
        lambda f: f["customers"].filter(pl.col("name").str.strip_chars().str.to_lowercase().str.ends_with(" weber")),
    ),
    (
        "clients with the family name schmidt",
        lambda f: f["customers"].filter(pl.col("name").str.strip_chars().str.to_lowercase().str.ends_with(" schmidt")),
    ),
    (
        "customers with the first name 'Emma'",
        lambda f: f["customers"].filter(pl.col("name").str.strip_chars().str.to_lowercase().str.starts_with("emma ")),
    ),
    (
        "subscribers on annual contracts who stayed",  # a plan said by how often it renews
        lambda f: f["churn"].filter(folded("contract").is_in(["oneyear"]) & (pl.col("churned") == 0)),
    ),
    (
        "subscribers that churned while they were on a monthly contract",
        lambda f: f["churn"].filter(folded("contract").is_in(["monthtomonth", "m2m"]) & (pl.col("churned") == 1)),
    ),
    (
        "fish out the customers from Italy, we need to review a few odd things",  # a fetching verb, a reason
        lambda f: f["customers"].filter(
            pl.col("country").str.strip_chars().str.to_lowercase().is_in(["it", "italy", "ita", "italia"])
        ),
    ),
    (
        "dig up the products under 20? I want to check some cheap stuff",
        lambda f: f["products"].filter(pl.col("price") < 20),
    ),
    (
        "subscribers we lost on fiber",
        lambda f: f["churn"].filter((pl.col("internet_service") == "fiber") & (pl.col("churned") == 1)),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), FILTERS, ids=[c[0] for c in FILTERS])
def test_everyday_wording_gives_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


@pytest.mark.parametrize(
    ("request_text", "unclear"),
    [
        ("orders that are still with us", "still with us"),  # orders do not churn; never dropped in silence
        ("orders that churned", "churned"),  # a flag of subscribers, not of orders
        ("products that are still around", "still around"),  # no flag says so
        ("products whose last name is Kite", "last"),  # a product's name has no surname
    ],
)
def test_a_state_no_column_holds_is_reported(request_text: str, unclear: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert any(unclear in part for part in planned.not_understood), planned.not_understood


@pytest.mark.parametrize(
    ("request_text", "dataset", "columns"),
    [
        ("each product's name and price", "products", ["name", "price"]),  # columns of every row, no summary
        ("show each customer's name, email and city", "customers", ["name", "email", "city"]),
        ("product code and price", "products", ["product_id", "price"]),  # a row's code is its key
        ("the order number and revenue of every order", "orders", ["order_id", "total_revenue"]),
    ],
)
def test_columns_named_through_their_row_are_selected(
    request_text: str, dataset: str, columns: list[str], demo: Demo, tmp_path: Path
) -> None:
    planned, output = answer(request_text, demo, tmp_path)
    assert not any(n["kind"] == "aggregate" for n in planned.definition["nodes"])
    assert output.columns == columns
    same_rows(output, demo.frames[dataset].select(columns))


@pytest.mark.parametrize(
    ("request_text", "dataset", "column", "above"),
    [
        ("orders with id over 5000", "orders", "order_id", 5000),
        ("products whose code is above 150", "products", "product_id", 150),
        ("customers with an id greater than 1900", "customers", "customer_id", 1900),
    ],
)
def test_an_id_compared_with_a_number_compares_the_number_it_holds(
    request_text: str, dataset: str, column: str, above: int, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    frame = demo.frames[dataset]
    number = pl.col(column).cast(pl.String).str.extract(r"(\d+)$").cast(pl.Int64)
    same_rows(output, frame.filter(number > above))


@pytest.mark.parametrize(
    ("request_text", "column"),
    [
        ("which contract types do subscribers actually use?", "contract"),
        ("what payment methods are there in churn", "payment_method"),
        ("what regions are there?", "region"),
    ],
)
def test_a_question_for_the_values_there_are_lists_each_once(
    request_text: str, column: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["churn"].select(column).unique())


def test_a_reason_that_names_the_data_is_not_taken_as_an_aside(demo: Demo) -> None:
    planned = draft("orders over 500? want to check orders over 900", demo.catalog)
    assert any("check" in part for part in planned.not_understood), planned.not_understood
