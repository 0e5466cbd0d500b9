"""What stored values mean, in plain Polars: the spelling variants of the demo data mapped to what they stand for.

Expectations use these so that "delivered orders" means every order whose status means delivered, however it
was typed. They are written from the data, not from any pipeline or planner code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import polars as pl

from evals.planner.model import Frames

STATUS_TYPOS = {"delivred": "delivered", "canceled": "cancelled"}
COUNTRY_NAMES = {
    "GERMANY": "DE",
    "DEUTSCHLAND": "DE",
    "FRANCE": "FR",
    "FRA": "FR",
    "USA": "US",
    "UNITED STATES": "US",
    "U.S.": "US",
    "UK": "GB",
    "UNITED KINGDOM": "GB",
    "SPAIN": "ES",
    "ITALY": "IT",
    "NETHERLANDS": "NL",
}
CONTRACTS = {"m2m": "month-to-month", "month to month": "month-to-month", "one year": "one-year", "2 year": "two-year"}
EURO = ("eur", "euro", "€")
# Every way the demo writes a signup date.
SIGNUP_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%B %d, %Y", "%Y.%m.%d")


def status(column: str = "status") -> pl.Expr:
    """An order status in its one spelling: lower case, trimmed, typos fixed."""
    return pl.col(column).str.strip_chars().str.to_lowercase().replace(STATUS_TYPOS)


def customer_country(column: str = "country") -> pl.Expr:
    """A customer's country as its ISO code, whether stored as a code in any case or as a name."""
    text = pl.col(column).str.strip_chars().str.to_uppercase()
    return text.replace(COUNTRY_NAMES)


def category(column: str = "category") -> pl.Expr:
    """A product category compared loosely: lower case, trimmed, a trailing plural 's' dropped."""
    return pl.col(column).str.strip_chars().str.to_lowercase().str.strip_suffix("s")


def contract(column: str = "contract") -> pl.Expr:
    """A churn contract type in its main spelling (month-to-month, one-year, two-year)."""
    return pl.col(column).str.strip_chars().str.to_lowercase().replace(CONTRACTS)


def currency(column: str = "currency") -> pl.Expr:
    """An order currency as its ISO code: the ways EUR is written become EUR."""
    text = pl.col(column).str.strip_chars()
    return pl.when(text.str.to_lowercase().is_in(EURO)).then(pl.lit("EUR")).otherwise(text)


def signup_day(column: str = "signup_date") -> pl.Expr:
    """The signup date, read from any of the formats the demo writes it in."""
    return pl.coalesce([pl.col(column).str.strptime(pl.Date, f, strict=False) for f in SIGNUP_FORMATS])


def iso_signup_day(column: str = "signup_date") -> pl.Expr:
    """The signup date read only where it is written YYYY-MM-DD (what a plain cast reads; others are null)."""
    return pl.col(column).str.strptime(pl.Date, "%Y-%m-%d", strict=False)


def month(column: str) -> pl.Expr:
    """The first day of the month of a date."""
    return pl.col(column).dt.truncate("1mo")


FOLDED_NOTE = "a folded group may be labelled by any of its spellings, so only its measures are compared"

How = Literal["left", "inner"]
DUPLICATE_NOTE = "45 customer_ids are stored on two rows (30 exact copies, 15 reused ids); keeping both is accepted"
ORPHAN_NOTE = "12 orders name a customer_id that customers lacks; keeping them (left join) or not are both accepted"
# Every way of looking customers up for orders that the requests leave open: left or inner, exact copies kept or not.
LOOKUPS: list[tuple[How, bool]] = [("left", True), ("left", False), ("inner", True), ("inner", False)]


REUSED_PRODUCTS = (
    "4 product_ids name two different products, so an order of one of them matches two products rows (kept as"
    " the join gives them)"
)
NO_PRODUCT = "30 orders have no product_id: kept without product columns (left join) or dropped (inner) are accepted"
HOWS: tuple[How, ...] = ("left", "inner")
# How orders of a customer segment may be read: as stored (semi join), or with customer columns attached by an
# inner join of every customers row, of distinct rows, or of distinct (customer_id, segment) pairs.
Match = Literal["semi", "inner", "inner-distinct", "inner-key"]
MATCHES: tuple[Match, ...] = ("semi", "inner", "inner-distinct", "inner-key")
MATCH_NOTE = (
    "orders as stored (semi join) or with customer columns attached (inner join, exact customer copies kept or not)"
)


def orders_with(f: Frames, columns: list[str], how: How, dedupe: bool) -> pl.DataFrame:
    """Orders with some customer columns attached."""
    people = f["customers"].select("customer_id", *columns)
    people = people.unique() if dedupe else people
    return f["orders"].join(people, on="customer_id", how=how)


def lookups(build: Callable[[Frames, How, bool], pl.DataFrame]) -> list[Callable[[Frames], pl.DataFrame]]:
    """One expectation per accepted way of looking customers up, the first being the left join of distinct rows."""
    return [lambda f, how=how, dedupe=dedupe: build(f, how, dedupe) for how, dedupe in LOOKUPS]


def orders_with_products(f: Frames, columns: list[str], how: How) -> pl.DataFrame:
    """Orders with some product columns attached."""
    return f["orders"].join(f["products"].select("product_id", *columns), on="product_id", how=how)


def orders_of_customers(f: Frames, keep: pl.Expr, match: Match, orders: pl.Expr | None = None) -> pl.DataFrame:
    """Orders (optionally filtered) whose customer row satisfies `keep`, read as stored or with customer columns."""
    rows = f["orders"] if orders is None else f["orders"].filter(orders)
    people = f["customers"]
    if match == "semi":
        return rows.join(people.filter(keep), on="customer_id", how="semi")
    if match == "inner-key":
        columns = sorted(keep.meta.root_names())
        people = people.select("customer_id", *columns).unique()
    elif match == "inner-distinct":
        people = people.unique()
    return rows.join(people, on="customer_id", how="inner").filter(keep)


def per_category(f: Frames, how: How, folded: bool, *measures: pl.Expr) -> pl.DataFrame:
    """Measures per product category of orders with their products; a folded group may be labelled by any of its
    spellings ('Sports', 'sport'), so its label is dropped and only its measures are compared."""
    joined = orders_with_products(f, ["category"], how)
    key = category() if folded else pl.col("category")
    out = joined.group_by(key.alias("category")).agg(*measures)
    return out.drop("category") if folded else out


# The dataset each text key with spelling variants is grouped in.
FOLDED_DATASETS = {"status": "orders", "currency": "orders", "contract": "churn", "category": "products"}


def per_folded(
    f: Frames, name: str, key: pl.Expr, folded: bool, *measures: pl.Expr, keys: tuple[str, ...] = ()
) -> pl.DataFrame:
    """Measures per a text key folded (its label dropped) or as stored (its label kept), beside other keys."""
    group = key.alias(name) if folded else pl.col(name)
    out = f[FOLDED_DATASETS[name]].group_by(group, *keys).agg(*measures)
    return out.drop(name) if folded else out
