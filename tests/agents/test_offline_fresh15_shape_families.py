"""The offline planner on the reshaping families fresh15 asked for, each said many ways and each wording run on the
demo data: the places rows were sent to, each once ('each country we've ever sent an order to, listed once'); a
rename asked with the modal first ('can total_revenue in the orders be relabelled as order_value?'); 'vals' for
values; rows lined up ('lined up from the oldest down to the youngest'); columns named, then said gone ('with the
birth_date and age columns removed'); the gaps named, then how they were plugged ('the gaps in income plugged using
the median income').
Each family also holds wordings that must be said as not understood."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from tests.agents.test_offline_planner import Demo, answer, demo, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


# --- the places rows were sent to, each once -------------------------------------------------------------------------
SENT_ONCE = [
    "each country we've ever sent an order to, listed once",
    "every country we shipped an order to",
    "the countries orders were sent to, named once",
    "each country we have sent an order to, shown only once",
    "all the countries we've delivered an order to",
]


@pytest.mark.parametrize("request_text", SENT_ONCE)
def test_the_places_rows_were_sent_to_are_each_listed_once(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.columns == ["country"], output.columns
    same_rows(output, demo.frames["orders"].select("country").unique())
    assert output.height == output.unique().height


@pytest.mark.parametrize(
    "request_text",
    ["each city we've ever sent an order to, listed once", "each country we've ever sent a customer to, listed once"],
)
def test_places_the_rows_were_never_sent_to_are_not_understood(request_text: str, demo: Demo) -> None:
    assert refused(request_text, demo)


# --- a rename asked as a question, the modal first -------------------------------------------------------------------
ASKED_RENAMES = [
    ("Can total_revenue in the orders be relabelled as order_value?", "orders", "total_revenue", "order_value"),
    ("Can total_revenue be relabelled as order_value in the orders?", "orders", "total_revenue", "order_value"),
    ("could the email column of customers be renamed to contact?", "customers", "email", "contact"),
    ("can the price in products be called list_price?", "products", "price", "list_price"),
    ("would tenure_months in churn be relabeled as tenure?", "churn", "tenure_months", "tenure"),
]


@pytest.mark.parametrize(("request_text", "dataset", "old", "new"), ASKED_RENAMES, ids=[r[0] for r in ASKED_RENAMES])
def test_a_rename_asked_with_the_modal_first_renames(
    request_text: str, dataset: str, old: str, new: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert new in output.columns and old not in output.columns, output.columns
    assert output[new].to_list() == demo.frames[dataset][old].to_list()


def test_a_value_asked_as_a_new_name_is_no_rename(demo: Demo) -> None:
    assert refused("can the status in orders be called shipped?", demo)


# --- 'vals' for values ------------------------------------------------------------------------------------------------
VALS = [
    ("distinct payment_method vals in churn", "churn", "payment_method"),
    ("unique contract vals in churn", "churn", "contract"),
    ("churn payment_method vals, deduped", "churn", "payment_method"),
    ("customers segment vals, distinct", "customers", "segment"),
]


@pytest.mark.parametrize(("request_text", "dataset", "column"), VALS, ids=[v[0] for v in VALS])
def test_vals_are_the_values_listed_once(
    request_text: str, dataset: str, column: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.columns == [column]
    same_rows(output, demo.frames[dataset].select(column).unique())
    assert output.height == demo.frames[dataset][column].n_unique()


# --- rows lined up are sorted ----------------------------------------------------------------------------------------
LINED_UP = [
    ("our customers lined up from the oldest down to the youngest", "customers", "age", True),
    ("our customers lined up by age", "customers", "age", False),
    ("line up the products by price, cheapest first", "products", "price", False),
    ("orders lined up from the biggest total_revenue to the smallest", "orders", "total_revenue", True),
    ("line up the churn subscribers by tenure, longest first", "churn", "tenure_months", True),
    ("products, line them up by price", "products", "price", False),
]


@pytest.mark.parametrize(("request_text", "dataset", "column", "descending"), LINED_UP, ids=[x[0] for x in LINED_UP])
def test_rows_lined_up_are_sorted(
    request_text: str, dataset: str, column: str, descending: bool, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.height == demo.frames[dataset].height
    known = output[column].drop_nulls().to_list()
    assert known == sorted(known, reverse=descending)


def test_rows_lined_up_with_no_order_said_are_not_understood(demo: Demo) -> None:
    assert "lined" in " ".join(refused("products lined up", demo))


# --- columns named, then said to be gone -----------------------------------------------------------------------------
GONE = [
    ("Produce the customer table with the birth_date and age columns removed.", "customers", ["birth_date", "age"]),
    ("customers with the phone column dropped", "customers", ["phone"]),
    ("churn, but with the income and age fields taken out", "churn", ["income", "age"]),
    ("products with the weight column gone", "products", ["weight"]),
    ("the orders with the ship_date column deleted", "orders", ["ship_date"]),
]


@pytest.mark.parametrize(("request_text", "dataset", "columns"), GONE, ids=[g[0] for g in GONE])
def test_columns_said_gone_after_they_are_named_are_dropped(
    request_text: str, dataset: str, columns: list[str], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.columns == [c for c in demo.frames[dataset].columns if c not in columns]
    assert output.height == demo.frames[dataset].height


# --- the gaps named first, then how they were plugged ----------------------------------------------------------------
INCOME = pl.col("income")
PLUGGED = [
    ("churn, with the gaps in income plugged using the median income", INCOME.fill_null(INCOME.median())),
    ("churn with the holes in income filled with the median", INCOME.fill_null(INCOME.median())),
    ("plug the gaps in income using the median income", INCOME.fill_null(INCOME.median())),
    ("churn, the blanks in income patched with 0", INCOME.fill_null(0)),
    ("churn where the empty values in income get filled with the mean", INCOME.fill_null(INCOME.mean())),
]


@pytest.mark.parametrize(("request_text", "filled"), PLUGGED, ids=[p[0] for p in PLUGGED])
def test_the_gaps_named_first_are_plugged_as_said(
    request_text: str, filled: pl.Expr, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    expected = demo.frames["churn"].with_columns(filled)
    assert output["income"].to_list() == pytest.approx(expected["income"].to_list())


def test_gaps_plugged_from_another_columns_summary_are_not_understood(demo: Demo) -> None:
    assert refused("churn, with the gaps in income plugged using the median age", demo)


# --- the push a call list is for, and what a team is planning, said beside the ask ----------------------------------
ASIDES = [
    ("hiya, could I get only the name, email and phone columns out of customers? putting together a call list for the"
     " renewals push, thanks", ["name", "email", "phone"]),
    ("just the name and email of customers, putting together a mailing list for the spring campaign",
     ["name", "email"]),
    ("customers name and phone only, doing a call list for the winback drive", ["name", "phone"]),
    ("the name and email of customers, the sales team is running a spring promo", ["name", "email"]),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "columns"), ASIDES, ids=[a[0][:60] for a in ASIDES])
def test_the_work_a_list_is_for_asks_nothing(request_text: str, columns: list[str], demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.columns == columns
    assert output.height == demo.frames["customers"].height


# --- the things we sell are the catalogue ----------------------------------------------------------------------------
SOLD = [
    ("What are the ten cheapest things we sell?", 10, False),
    ("the 5 priciest items we stock", 5, True),
    ("what are the 3 most expensive things we carry?", 3, True),
    ("the four cheapest items that we offer", 4, False),
]


@pytest.mark.parametrize(("request_text", "n", "descending"), SOLD, ids=[s[0] for s in SOLD])
def test_the_things_we_sell_are_the_products(
    request_text: str, n: int, descending: bool, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    prices = demo.frames["products"]["price"].drop_nulls().sort(descending=descending).head(n).to_list()
    assert output["price"].to_list() == prices


def test_the_things_we_sell_the_most_are_no_catalogue_ranking(demo: Demo) -> None:
    assert refused("what are the ten things we sell the most?", demo)


# --- copies told as loaded twice, one of each kept -------------------------------------------------------------------
LOADED_TWICE = [
    ("hey, looks like some orders got loaded twice, identical rows and all. could you keep just one of each? finance"
     " keeps double counting, thanks", "orders"),
    ("a few customers were imported twice, keep one of each please", "customers"),
    ("some churn rows got loaded twice. keep a single copy of each", "churn"),
    ("some orders got loaded twice, keep just one of each", "orders"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset"), LOADED_TWICE, ids=[x[0][:60] for x in LOADED_TWICE])
def test_copies_told_as_loaded_twice_are_kept_once(request_text: str, dataset: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.height == demo.frames[dataset].unique().height
    same_rows(output, demo.frames[dataset].unique())


@pytest.mark.parametrize(
    "request_text",
    [
        "some orders got loaded twice",
        "some orders got loaded twice, keep two of each",
        "some orders got loaded twice, keep one of each per customer",
    ],
)
def test_copies_told_without_one_of_each_asked_are_not_understood(request_text: str, demo: Demo) -> None:
    assert refused(request_text, demo)


# --- new columns said by name and content, by a piece of a value, or for another period -----------------------------
NAME = pl.col("name")
EMAIL = pl.col("email")
SAID_COLUMNS = [
    ("customers + name_caps = name in upper case", "name_caps", NAME.str.to_uppercase()),
    ("add name_caps to customers as the name in capital letters", "name_caps", NAME.str.to_uppercase()),
    ("customers with email_lower = email in lower case", "email_lower", EMAIL.str.to_lowercase()),
    ("Could each customer get a column with the bit of their email address after the @?", "domain",
     EMAIL.str.split_exact("@", 1).struct.field("field_1")),
    ("customers with the part of the email after the @ as a column", "domain",
     EMAIL.str.split_exact("@", 1).struct.field("field_1")),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "name", "expr"), SAID_COLUMNS, ids=[s[0] for s in SAID_COLUMNS])
def test_a_column_said_by_name_or_piece_is_computed(
    request_text: str, name: str, expr: pl.Expr, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    expected = demo.frames["customers"].with_columns(expr.alias(name))[name].to_list()
    assert [v or None for v in output[name].to_list()] == [v or None for v in expected]


FLAGGED = [
    "hiya! could you mark which customers are over 65 with a true/false column? marketing is planning a seniors'"
    " discount, thanks",
    "mark which customers are over 65 with a yes/no column",
    "flag which customers are over 65 with a boolean column",
]


@pytest.mark.parametrize("request_text", FLAGGED, ids=[f[:50] for f in FLAGGED])
def test_rows_marked_with_a_true_false_column_are_flagged(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    flags = [c for c in output.columns if c not in demo.frames["customers"].columns]
    assert len(flags) == 1 and output.height == demo.frames["customers"].height
    expected = demo.frames["customers"].select(pl.col("age") > 65)["age"].to_list()
    assert [bool(v) for v in output[flags[0]].to_list()] == [bool(v) for v in expected]


YEARLY = [
    "the churn table with each subscriber's monthly charge also shown as a yearly amount",
    "churn with monthly_charges as an annual figure",
    "churn with the monthly charges also expressed as a yearly amount",
]


@pytest.mark.parametrize("request_text", YEARLY)
def test_a_monthly_rate_shown_as_yearly_is_twelve_times_it(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert "monthly_charges" in output.columns
    expected = (demo.frames["churn"]["monthly_charges"] * 12).to_list()
    assert output["yearly_charges"].to_list() == pytest.approx(expected, nan_ok=True)


def test_a_column_that_is_no_rate_shown_yearly_is_not_understood(demo: Demo) -> None:
    assert refused("churn with tenure_months as a yearly amount", demo)
