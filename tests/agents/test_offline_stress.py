"""The offline planner stress-tested on requests written the way people type them: row filters on numbers, text,
missing values and flags; picking, dropping, renaming, sorting, taking the top and distinct values; and second turns
that edit the first plan. Each is checked against an independent Polars answer; what it should not guess, it refuses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import CATEGORY, COUNTRY, GERMANY, Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]
STATUS = folded("status").replace({"delivred": "delivered", "canceled": "cancelled"})


@dataclass(frozen=True)
class Stress:
    """Requests (a conversation when more than one, checked on its last turn) and the rows they should give."""

    turns: tuple[str, ...]
    expected: Expected
    order_by: tuple[str, ...] = ()  # the output's order checked on these columns' values
    exact: bool = False  # the output holds only the expected columns
    names: tuple[str, ...] = field(default=())  # columns the request names, which must be there by that name

    @property
    def text(self) -> str:
        return " -> ".join(self.turns)


def s(request: str | list[str], expected: Expected, **how: object) -> Stress:
    turns = (request,) if isinstance(request, str) else tuple(request)
    return Stress(turns, expected, **how)  # type: ignore[arg-type]


FILTERS: list[Stress] = [
    s("customers with no city on file", lambda f: f["customers"].filter(pl.col("city").is_null())),
    s("subscribers whose income is missing", lambda f: f["churn"].filter(pl.col("income").is_null())),
    s("products that dont have a price", lambda f: f["products"].filter(pl.col("price").is_null())),
    s("churn rows where total charges are known", lambda f: f["churn"].filter(pl.col("total_charges").is_not_null())),
    s("customers who gave us a phone number", lambda f: f["customers"].filter(pl.col("phone").is_not_null())),
    s("subscribers with no internet", lambda f: f["churn"].filter(pl.col("internet_service") == "none")),
    s("fibre subscribers", lambda f: f["churn"].filter(pl.col("internet_service") == "fiber")),
    s(
        "subscribers on dsl who pay by credit card",
        lambda f: f["churn"].filter(
            (pl.col("internet_service") == "dsl") & (pl.col("payment_method") == "credit card")
        ),
    ),
    s(
        "smb customers that arent test accounts",
        lambda f: f["customers"].filter((pl.col("segment") == "smb") & ~pl.col("is_test_account")),
    ),
    s("only the test accounts pls", lambda f: f["customers"].filter(pl.col("is_test_account"))),
    s("orders with a qty of at least 5", lambda f: f["orders"].filter(pl.col("quantity") >= 5)),
    s("orders where they bought more than 3 units", lambda f: f["orders"].filter(pl.col("quantity") > 3)),
    s("products under 10 bucks", lambda f: f["products"].filter(pl.col("price") < 10)),
    s("Products priced between 50 and 100.", lambda f: f["products"].filter(pl.col("price").is_between(50, 100))),
    s("subscribers paying more than 100 a month", lambda f: f["churn"].filter(pl.col("monthly_charges") > 100)),
    s("customers over 65 in germany", lambda f: f["customers"].filter((pl.col("age") > 65) & GERMANY)),
    s("subscribers who called support at least 3 times", lambda f: f["churn"].filter(pl.col("support_calls") >= 3)),
    s("subscribers who never called support", lambda f: f["churn"].filter(pl.col("support_calls") == 0)),
    s(
        "subscribers in the west or north region",
        lambda f: f["churn"].filter(pl.col("region").is_in(["west", "north"])),
    ),
    s("returned orders", lambda f: f["orders"].filter(STATUS == "returned")),
    s(
        "which orders are still pending or shipped?",
        lambda f: f["orders"].filter(STATUS.is_in(["pending", "shipped"])),
    ),
    s("orders paid in GBP", lambda f: f["orders"].filter(pl.col("currency") == "GBP")),
    s("customers whose name starts with A", lambda f: f["customers"].filter(pl.col("name").str.starts_with("A"))),
    s(
        "customers with an email containing firma",
        lambda f: f["customers"].filter(pl.col("email").str.contains("firma", literal=True)),
    ),
    s("products with Shoes in the name", lambda f: f["products"].filter(pl.col("name").str.contains("Shoes"))),
    s("subscribers in the training split", lambda f: f["churn"].filter(pl.col("split") == "train")),
    s("churners under 30", lambda f: f["churn"].filter((pl.col("churned") == 1) & (pl.col("age") < 30))),
    s("customers aged 18 to 25", lambda f: f["customers"].filter(pl.col("age").is_between(18, 25))),
    s("orders with a unit price below 5", lambda f: f["orders"].filter(pl.col("unit_price") < 5)),
    s("subscribers earning over 100k", lambda f: f["churn"].filter(pl.col("income") > 100_000)),
    s("customers not based in the US", lambda f: f["customers"].filter(COUNTRY != "us")),
    s("where do the orders ship to italy - show me those", lambda f: f["orders"].filter(pl.col("country") == "IT")),
    s("toys that cost more than 30", lambda f: f["products"].filter((CATEGORY == "toy") & (pl.col("price") > 30))),
    s(
        "Please list the customers who live in Hamburg.",
        lambda f: f["customers"].filter(pl.col("city") == "Hamburg"),
    ),
    s("remove the products without a price", lambda f: f["products"].filter(pl.col("price").is_not_null())),
    s(
        "customers, i dont want the test accounts",
        lambda f: f["customers"].filter(~pl.col("is_test_account")),
    ),
    s("churners older than 60", lambda f: f["churn"].filter((pl.col("churned") == 1) & (pl.col("age") > 60))),
    s("orders - we don't want the cancelled ones", lambda f: f["orders"].filter(STATUS != "cancelled")),
    s("subscribers not on fiber", lambda f: f["churn"].filter(pl.col("internet_service") != "fiber")),
    s("subscribers aged 40 or over", lambda f: f["churn"].filter(pl.col("age") >= 40)),
    s("customers who are real, not test", lambda f: f["customers"].filter(~pl.col("is_test_account"))),
    s(
        "orders where the unit price is over 100 and quantity under 3",
        lambda f: f["orders"].filter((pl.col("unit_price") > 100) & (pl.col("quantity") < 3)),
    ),
    s("orders where quantity isnt 1", lambda f: f["orders"].filter(pl.col("quantity") != 1)),
    s("custmers with no age recorded", lambda f: f["customers"].filter(pl.col("age").is_null())),
]

RESHAPING: list[Stress] = [
    s("just the names and emails of customers", lambda f: f["customers"].select("name", "email"), exact=True),
    s("customers but drop the phone and email cols", lambda f: f["customers"].drop("phone", "email"), exact=True),
    s(
        "products, only name and price, most expensive first",
        lambda f: f["products"].select("name", "price").sort("price", descending=True, nulls_last=True),
        order_by=("price",),
        exact=True,
    ),
    s(
        "top 5 products by price",
        lambda f: f["products"].sort("price", descending=True, nulls_last=True).head(5),
        order_by=("price",),
    ),
    s("the 10 cheapest products", lambda f: f["products"].sort("price", nulls_last=True).head(10), order_by=("price",)),
    s("list every distinct payment method", lambda f: f["churn"].select(pl.col("payment_method").unique())),
    s("which segments are there?", lambda f: f["customers"].select(pl.col("segment").unique())),
    s(
        "rename tenure_months to tenure",
        lambda f: f["churn"].rename({"tenure_months": "tenure"}),
        names=("tenure",),
    ),
    s(
        "in orders call the total_revenue column revenue",
        lambda f: f["orders"].rename({"total_revenue": "revenue"}),
        names=("revenue",),
    ),
    s("first 20 orders", lambda f: f["orders"].head(20)),
    s(
        "customers ordered by age, oldest first",
        lambda f: f["customers"].sort("age", descending=True, nulls_last=True),
        order_by=("age",),
    ),
    s("sort churn by income low to high", lambda f: f["churn"].sort("income", nulls_last=True), order_by=("income",)),
    s(
        "the 5 subscribers who pay the most per month",
        lambda f: f["churn"].sort("monthly_charges", descending=True).head(5),
        order_by=("monthly_charges",),
    ),
    s("list the different countries orders ship to", lambda f: f["orders"].select(pl.col("country").unique())),
    s(
        "only the id, name and city columns for customers",
        lambda f: f["customers"].select("customer_id", "name", "city"),
        exact=True,
    ),
    s("everything except weight from products", lambda f: f["products"].drop("weight"), exact=True),
    s(
        "top 3 oldest customers in the enterprise segment",
        lambda f: (
            f["customers"]
            .filter(pl.col("segment") == "enterprise")
            .sort("age", descending=True, nulls_last=True)
            .head(3)
        ),
        order_by=("age",),
    ),
    s(
        "top 5 cheapest products",  # 'top' ranks; the superlative says which end
        lambda f: f["products"].sort("price", nulls_last=True).head(5),
        order_by=("price",),
    ),
    s(
        "top 3 youngest customers",
        lambda f: f["customers"].sort("age", nulls_last=True).head(3),
        order_by=("age",),
    ),
    s(
        "subscribers that called support more than twice",
        lambda f: f["churn"].filter(pl.col("support_calls") > 2),
    ),
    s("what countries do our orders ship to", lambda f: f["orders"].select(pl.col("country").unique())),
    s(
        "subscribers sorted by how much they pay each month",
        lambda f: f["churn"].sort("monthly_charges"),
        order_by=("monthly_charges",),
    ),
    s(
        "which 3 subscribers pay the least each month",
        lambda f: f["churn"].sort("monthly_charges").head(3),
        order_by=("monthly_charges",),
    ),
    s(
        "show me orders sorted by quantity, biggest first",
        lambda f: f["orders"].sort("quantity", descending=True),
        order_by=("quantity",),
    ),
    s(
        "subscribers: age and where they live",  # the one column of a place
        lambda f: f["churn"].select("age", "region"),
        exact=True,
    ),
    s("remove duplicate rows from the orders", lambda f: f["orders"].unique()),
    s(
        "Could you sort the products alphabetically by name?",
        lambda f: f["products"].sort("name"),
        order_by=("name",),
    ),
]

TURNS: list[Stress] = [
    s(
        ["customers in france", "also drop the phone column"],
        lambda f: f["customers"].filter(COUNTRY == "fr").drop("phone"),
        exact=True,
    ),
    s(
        ["top 10 orders by revenue", "only the top 3"],
        lambda f: f["orders"].sort("total_revenue", descending=True).head(3),
        order_by=("total_revenue",),
    ),
    s(
        ["products sorted by price", "sort by name instead"],
        lambda f: f["products"].sort("name"),
        order_by=("name",),
    ),
    s(
        ["customers from spain", "just the name and email"],
        lambda f: f["customers"].filter(COUNTRY == "es").select("name", "email"),
        exact=True,
    ),
    s(
        ["subscribers on fiber", "and only the ones who churned"],
        lambda f: f["churn"].filter((pl.col("internet_service") == "fiber") & (pl.col("churned") == 1)),
    ),
    s(
        ["orders over 500 in revenue", "actually make that over 900"],
        lambda f: f["orders"].filter(pl.col("total_revenue") > 900),
    ),
    s(
        ["customers older than 50", "sort them by age"],
        lambda f: f["customers"].filter(pl.col("age") > 50).sort("age"),
        order_by=("age",),
    ),
    s(
        ["list the products", "remove the ones without a price"],
        lambda f: f["products"].filter(pl.col("price").is_not_null()),
    ),
    s(
        ["churn data for the east region", "now rename monthly_charges to monthly_bill"],
        lambda f: f["churn"].filter(pl.col("region") == "east").rename({"monthly_charges": "monthly_bill"}),
        names=("monthly_bill",),
    ),
    s(["pending orders", "what about the shipped ones?"], lambda f: f["orders"].filter(STATUS == "shipped")),
    s(
        ["orders with quantity above 5", "keep only order id, quantity and revenue"],
        lambda f: f["orders"].filter(pl.col("quantity") > 5).select("order_id", "quantity", "total_revenue"),
        exact=True,
    ),
    s(
        ["subscribers with more than 4 support calls", "drop the split and region columns too"],
        lambda f: f["churn"].filter(pl.col("support_calls") > 4).drop("split", "region"),
        exact=True,
    ),
    s(
        ["customers sorted by age", "make it descending"],
        lambda f: f["customers"].sort("age", descending=True, nulls_last=True),
        order_by=("age",),
    ),
    s(
        ["customers sorted by age", "reverse the order"],
        lambda f: f["customers"].sort("age", descending=True, nulls_last=True),
        order_by=("age",),
    ),
    s(
        ["orders worth more than 800", "keep only the buyer id, the order number and the revenue"],
        lambda f: f["orders"].filter(pl.col("total_revenue") > 800).select("customer_id", "order_id", "total_revenue"),
        exact=True,
    ),
    s(
        ["top 5 products by price", "show the cheapest instead"],
        lambda f: f["products"].sort("price", nulls_last=True).head(5),
        order_by=("price",),
    ),
    s(
        ["pending orders", "and the returned ones too"],  # a second value of the column widens the first
        lambda f: f["orders"].filter(STATUS.is_in(["pending", "returned"])),
    ),
    s(
        ["customers in germany", "also the ones in france"],
        lambda f: f["customers"].filter(COUNTRY.is_in(["de", "fr"])),
    ),
    s(
        ["products in the toys category", "exclude the ones over 50"],
        # a product with no price is not over 50: it stays
        lambda f: f["products"].filter((CATEGORY == "toy") & ~(pl.col("price") > 50).fill_null(False)),
    ),
]

REFUSALS: list[str] = [
    "customers name and where they live",  # city or country: asked, where it once selected the name alone
    "customers: name, where they live and when they signed up",
    "how much each order came to and its status, nothing else",
    "customers with a nice name",
    "churn rows under 30",  # age or charges: asked, not guessed
    "subscribers over 100",
    "orders that look suspicious to you",
    "the products people love",
]

CHECKED = FILTERS + RESHAPING + TURNS


def planned_output(case: Stress, demo: Demo, work: Path) -> pl.DataFrame:
    previous = None
    for turn in case.turns[:-1]:
        previous = draft(turn, demo.catalog, previous).definition
        assert previous is not None
    _, output = answer(case.turns[-1], demo, work, previous)
    return output


@pytest.mark.parametrize("case", CHECKED, ids=[c.text for c in CHECKED])
def test_stress_requests_give_the_rows_polars_gives(case: Stress, demo: Demo, tmp_path: Path) -> None:
    output = planned_output(case, demo, tmp_path)
    expected = case.expected(demo.frames)
    for name in case.names:
        assert name in output.columns, output.columns
    if case.exact:
        assert sorted(output.columns) == sorted(expected.columns), output.columns
    if case.order_by:
        assert output.height == expected.height
        for column in case.order_by:
            assert output[column].to_list() == expected[column].to_list()
    else:
        same_rows(output, expected)


@pytest.mark.parametrize("request_text", REFUSALS)
def test_stress_requests_it_cannot_ground_are_refused(request_text: str, demo: Demo) -> None:
    assert draft(request_text, demo.catalog).not_understood
