"""Summaries, lookups and fills said as fresh5's requests say them: 'the youngest and the oldest age', 'orders +
buyer's city', 'income is blank for some subscribers, put the median in there'; each checked against the rows
Polars gives on both engines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import CATEGORY, Demo, Frames, answer, demo, folded, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module
Expected = Callable[[Frames], pl.DataFrame]


def _age_range(dataset: str) -> Expected:
    return lambda f: f[dataset].select(pl.col("age").min().alias("min_age"), pl.col("age").max().alias("max_age"))


def _with(other: str, key: str, *columns: str) -> Expected:
    return lambda f: f["orders"].join(f[other].select(key, *columns), on=key, how="left")


def _matched(other: str, key: str, *columns: str) -> Expected:
    return lambda f: f["orders"].join(f[other].select(key, *columns), on=key, how="inner")


def _top_named(other: str, key: str, n: int, column: str | None) -> Expected:
    def ranked(f: Frames) -> pl.DataFrame:
        name = f"sum_{column}" if column else "count"
        measure = pl.col(column).sum() if column else pl.len()
        top = f["orders"].group_by(key).agg(measure.alias(name)).sort(name, descending=True).head(n)
        return top.join(f[other].select(key, "name"), on=key, how="left").select(key, name, "name")

    return ranked


def _never_bought(rows: str, key: str, other: str, link: str, test: pl.Expr) -> Expected:
    def unmatched(f: Frames) -> pl.DataFrame:
        orders = f["orders"].join(f[other].filter(test).select(link), on=link, how="semi")
        return f[rows].join(orders.select(key), on=key, how="anti")

    return unmatched


def _kept_then_averaged(dataset: str, dropped: pl.Expr, column: str, by: pl.Expr) -> Expected:
    def averaged(f: Frames) -> pl.DataFrame:
        kept = f[dataset].filter(~dropped.fill_null(False))
        name = f"mean_{column}"
        return kept.group_by(by.alias("group")).agg(pl.col(column).mean().alias(name)).select(name)

    return averaged


def _filled(dataset: str, column: str, how: str) -> Expected:
    summary = pl.col(column).median() if how == "median" else pl.col(column).mean()
    return lambda f: f[dataset].with_columns(pl.col(column).fill_null(summary))


def _filled_within(dataset: str, column: str, how: str, group: str) -> Expected:
    summary = pl.col(column).median() if how == "median" else pl.col(column).mean()
    return lambda f: f[dataset].with_columns(pl.col(column).fill_null(summary.over(group)))


def _rows_of_busy(key: str, test: Callable[[pl.Expr], pl.Expr], measure: pl.Expr | None = None) -> Expected:
    def rows(f: Frames) -> pl.DataFrame:
        summed = pl.len() if measure is None else measure
        busy = f["orders"].group_by(key).agg(summed.alias("n")).filter(test(pl.col("n")))
        return f["orders"].join(busy.select(key), on=key, how="semi")

    return rows


COUNTED = "count_distinct_customer_id"


def _buyers_per(period: str, year: int | None) -> Expected:
    def counted(f: Frames) -> pl.DataFrame:
        orders = f["orders"] if year is None else f["orders"].filter(pl.col("order_date").dt.year() == year)
        when = pl.col("order_date").dt.truncate(period) if period != "year" else pl.col("order_date").dt.year()
        counts = orders.group_by(when.alias("when")).agg(pl.col("customer_id").n_unique().alias(COUNTED))
        return counts.select(COUNTED)

    return counted


def _real_per(column: str) -> Expected:
    return lambda f: f["customers"].filter(~pl.col("is_test_account")).group_by(column).agg(pl.len().alias("count"))


def _per_category(column: str, country: str | None = None) -> Expected:
    def summed(f: Frames) -> pl.DataFrame:
        orders = f["orders"] if country is None else f["orders"].filter(pl.col("country") == country)
        joined = orders.join(f["products"].select("product_id", "category"), on="product_id", how="left")
        name = f"sum_{column}"
        return joined.group_by(CATEGORY.alias("line")).agg(pl.col(column).sum().alias(name)).select(name)

    return summed


def _charges_estimated(f: Frames) -> pl.DataFrame:
    estimate = pl.col("monthly_charges") * pl.col("tenure_months")
    return f["churn"].with_columns(pl.col("total_charges").fill_null(estimate))


def _per_cycle(dataset: str, date: str, part: Callable[[pl.Expr], pl.Expr], measure: pl.Expr) -> Expected:
    """`measure` per part of a longer period ('per day of the week'), only the measures compared."""
    return lambda f: f[dataset].group_by(part(pl.col(date)).alias("part")).agg(measure).drop("part")


def _of_each(dataset: str, group: str, function: str, column: str) -> Expected:
    measure = getattr(pl.col(column), function)().alias(f"{function}_{column}")
    return lambda f: f[dataset].group_by(group).agg(measure)


def _two_of(dataset: str, column: str, *functions: str) -> Expected:
    return lambda f: f[dataset].select(getattr(pl.col(column), fn)().alias(f"{fn}_{column}") for fn in functions)


def _among_status(spellings: tuple[str, ...], by: pl.Expr, measure: pl.Expr) -> Expected:
    kept = pl.col("status").str.strip_chars().str.to_lowercase().is_in(spellings)
    return lambda f: f["orders"].filter(kept).group_by(by.alias("g")).agg(measure).drop("g")


REVENUE, ORDERS = pl.col("total_revenue").sum().alias("sum_total_revenue"), pl.len().alias("count")
DELIVERED, CANCELLED = ("delivered", "delivred"), ("cancelled", "canceled")

CASES: list[tuple[str, Expected]] = [
    # a part of a longer period: 'by day of the week', 'per weekday', 'month of the year'
    ("totl revenu by day of the wek", _per_cycle("orders", "order_date", lambda d: d.dt.weekday(), REVENUE)),
    ("revenue by weekday", _per_cycle("orders", "order_date", lambda d: d.dt.weekday(), REVENUE)),
    ("how many orders for each day of week", _per_cycle("orders", "order_date", lambda d: d.dt.weekday(), ORDERS)),
    ("number of orders per month of the year", _per_cycle("orders", "order_date", lambda d: d.dt.month(), ORDERS)),
    ("revenue by quarter of the year", _per_cycle("orders", "order_date", lambda d: d.dt.quarter(), REVENUE)),
    # two functions joined by a sign: 'mean + median', 'min & max'
    ("orders: mean + median unit_price", _two_of("orders", "unit_price", "mean", "median")),
    ("churn: min & max monthly_charges", _two_of("churn", "monthly_charges", "min", "max")),
    ("products: average plus median price", _two_of("products", "price", "mean", "median")),
    # 'the highest number of support calls in each region': the greatest count one row holds, per group
    ("What's the highest number of support calls in each region?", _of_each("churn", "region", "max", "support_calls")),
    ("lowest number of support calls per region", _of_each("churn", "region", "min", "support_calls")),
    ("the largest number of units per product", _of_each("orders", "product_id", "max", "quantity")),
    # a column's values 'added together', 'summed up'
    ("what all our subscribers pay per month, added together", _two_of("churn", "monthly_charges", "sum")),
    ("monthly charges of all subscribers added up", _two_of("churn", "monthly_charges", "sum")),
    ("quantity of all orders summed up", _two_of("orders", "quantity", "sum")),
    # 'counting only delivered orders': the rows the summary takes
    (
        "What was the total revenue in each year, counting only delivered orders?",
        _among_status(DELIVERED, pl.col("order_date").dt.year(), REVENUE),
    ),
    (
        "revenue by month, considering only delivered orders",
        _among_status(DELIVERED, pl.col("order_date").dt.truncate("1mo"), REVENUE),
    ),
    ("number of orders per country, counting only cancelled ones", _among_status(CANCELLED, pl.col("country"), ORDERS)),
    # 'youngest' and 'oldest' of an age: its least and its greatest value
    ("What's the youngest and the oldest age among our subscribers?", _age_range("churn")),
    ("the oldest and youngest age in churn", _age_range("churn")),
    ("youngest and oldest ages of our customers", _age_range("customers")),
    # '+' before the other rows' column: that column looked up
    ("orders + buyer's city", _with("customers", "customer_id", "city")),
    ("orders + shopper's segment", _with("customers", "customer_id", "segment")),
    # several columns of another dataset added 'to every order': the orders are the rows they are added to
    (
        "Add the customer's segment and signup date to every order.",
        _with("customers", "customer_id", "segment", "signup_date"),
    ),
    ("attach the buyer's city and email to each order", _with("customers", "customer_id", "city", "email")),
    # the rows with no match said to go, or to stay, after the columns are added to them
    (
        "hey, can you tack the buyer's age and segment onto each order? if the customer isn't in our list, leave"
        " that order out",
        _matched("customers", "customer_id", "age", "segment"),
    ),
    (
        "add the customer's segment to each order; if the customer is not found, drop the order",
        _matched("customers", "customer_id", "segment"),
    ),
    (
        "add the buyer's city to every order, and if the customer doesn't exist, skip it",
        _matched("customers", "customer_id", "city"),
    ),
    (
        "orders with the product name, if the product isn't in the catalogue keep the order anyway",
        _with("products", "product_id", "name"),
    ),
    ("tack the buyer's age onto each order", _with("customers", "customer_id", "age")),
    (
        "orders with the customer's segment, only orders with a known customer",
        _matched("customers", "customer_id", "segment"),
    ),
    # the names of the groups ranked, asked after the ranking: 'and what are they called?'
    (
        "Which five products earned us the most revenue, and what are they called?",
        _top_named("products", "product_id", 5, "total_revenue"),
    ),
    ("top 5 products by revenue, and what are they called", _top_named("products", "product_id", 5, "total_revenue")),
    (
        "which 3 products sold the most units, and what are they called?",
        _top_named("products", "product_id", 3, "quantity"),
    ),
    # rows that none of the people (or products) picked by a value is linked to, through the orders
    (
        "Which products have never been bought by an enterprise customer?",
        _never_bought("products", "product_id", "customers", "customer_id", pl.col("segment") == "enterprise"),
    ),
    (
        "products that no enterprise customer has bought",
        _never_bought("products", "product_id", "customers", "customer_id", pl.col("segment") == "enterprise"),
    ),
    (
        "products which no smb customer ever ordered",
        _never_bought("products", "product_id", "customers", "customer_id", pl.col("segment") == "smb"),
    ),
    (
        "customers who never bought garden products",
        _never_bought(
            "customers", "customer_id", "products", "product_id", folded("category").is_in(["garden", "gardens"])
        ),
    ),
    # rows left out by tests of a column said after it (in brackets, 'that are ...'), before the summary
    (
        "hey, could you take products, throw out the silly prices (negative or over 10,000), and then give me the"
        " average price per category?",
        _kept_then_averaged("products", (pl.col("price") < 0) | (pl.col("price") > 10000), "price", CATEGORY),
    ),
    (
        "products, remove prices over 10000, then average price per category",
        _kept_then_averaged("products", pl.col("price") > 10000, "price", CATEGORY),
    ),
    (
        "toss out quantities below zero from orders, then average quantity per country",
        _kept_then_averaged("orders", pl.col("quantity") < 0, "quantity", pl.col("country")),
    ),
    (
        "remove orders with a negative quantity or revenue over 5000",
        lambda f: f["orders"].filter(~((pl.col("quantity") < 0) | (pl.col("total_revenue") > 5000)).fill_null(False)),
    ),
    # the gaps said first as a plain statement, then what goes in them
    ("incme is blank for some subscibers, put the medain in there", _filled("churn", "income", "median")),
    ("age is missing for a few customers, fill in the mean", _filled("customers", "age", "mean")),
    ("total charges are empty in churn, use the median in their place", _filled("churn", "total_charges", "median")),
    # the data said to have holes in a column, then how to fill them; a closing judgement asks for nothing
    (
        "hey, churn has holes in total_charges, could you fill them with monthly_charges times tenure_months? seems"
        " the fairest guess",
        _charges_estimated,
    ),
    ("churn has gaps in total charges, fill them with monthly charges times tenure months", _charges_estimated),
    (
        "the churn data has some holes in total_charges; fill them using monthly_charges * tenure_months",
        _charges_estimated,
    ),
    ("fill missing income with the median, sounds reasonable", _filled("churn", "income", "median")),
    # a gap filled from the rows of its own group: 'the median price of products in the same category'
    (
        "In the products data, replace each missing price with the median price of products in the same category.",
        _filled_within("products", "price", "median", "category"),
    ),
    ("fill missing prices with the category median", _filled_within("products", "price", "median", "category")),
    ("fill missing income with the median income per region", _filled_within("churn", "income", "median", "region")),
    ("fill blank income with each region's median", _filled_within("churn", "income", "median", "region")),
    (
        "fill in missing ages with the average age of customers in the same city",
        _filled_within("customers", "age", "mean", "city"),
    ),
    ("set missing age to the city's mean age", _filled_within("customers", "age", "mean", "city")),
    # test accounts left out, by another verb or noun: 'leaving out the test logins', 'without the test users'
    ("how many genuine shoppers each town has, leaving out the test logins", _real_per("city")),
    ("customers per city, leaving out the test accounts", _real_per("city")),
    ("customers per city without the test logins", _real_per("city")),
    ("count customers by segment, leaving out test users", _real_per("segment")),
    # a product line said in words of several ('line of goods', 'product line'): the category, not the products
    ("how many units each line of goods sold to Germany", _per_category("quantity", "DE")),
    ("units per product line sold to Germany", _per_category("quantity", "DE")),
    ("revenue by product line", _per_category("total_revenue")),
    ("total quantity for each line of goods", _per_category("quantity")),
    # buyers counted per period: the people among the orders of each period, not their signups
    ("hey, how many unique buyers did we have each month in 2024?", _buyers_per("1mo", 2024)),
    ("how many customers ordered each month in 2024", _buyers_per("1mo", 2024)),
    ("number of distinct shoppers per year", _buyers_per("year", None)),
    ("how many shoppers each week", _buyers_per("1w", None)),
    # the rows of the groups a count of them keeps: the orders themselves, not each customer's count
    ("orders of customers with more than 3 orders", _rows_of_busy("customer_id", lambda n: n > 3)),
    ("orders placed by customers who have 5 or more orders", _rows_of_busy("customer_id", lambda n: n >= 5)),
    ("the orders from customers with fewer than 2 orders", _rows_of_busy("customer_id", lambda n: n < 2)),
    ("orders for products with more than 10 orders", _rows_of_busy("product_id", lambda n: n > 10)),
    ("keep only orders whose customer has more than 3 orders", _rows_of_busy("customer_id", lambda n: n > 3)),
    (
        "orders from customers with total revenue above 1000",
        _rows_of_busy("customer_id", lambda n: n > 1000, pl.col("total_revenue").sum()),
    ),
    (
        "orders from customers who have more than 5000 in revenue",
        _rows_of_busy("customer_id", lambda n: n > 5000, pl.col("total_revenue").sum()),
    ),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fresh5_summary_wording_gives_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_youngest_of_a_column_that_is_no_age_is_not_understood(demo: Demo) -> None:
    planned = draft("the youngest and oldest price", demo.catalog)
    assert planned.definition is None
    assert any("not an age" in word for word in planned.not_understood)


UNCLEAR: list[tuple[str, str]] = [
    # (request, what the planner says it did not understand): a guess would answer another question
    ("add the customer's age and segment to each order, dropping orders whose customer is unknown", "no match"),
    ("throw out the bogus prices and give me the average price per category", "bogus"),
    ("replace missing cities with 'Unknown' per country", "filled per country"),
    ("orders from customers who signed up in 2024 with more than 3 orders", "tested on their count"),
    ("orders of customers with more than 3 orders in 2024", "which rows are counted"),
    ("orders from customers with a revenue over 1000", "tested on their count or total"),
    ("products: average price by day of the week", "no date column"),
    ("highest number of orders per customer", "highest"),
]


@pytest.mark.parametrize(("request_text", "said"), UNCLEAR, ids=[c[0] for c in UNCLEAR])
def test_a_request_a_guess_would_misread_says_what_is_unclear(request_text: str, said: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert any(said in word for word in planned.not_understood), planned.not_understood


def test_orders_of_busy_german_customers_keep_the_german_ones(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders from german customers with more than 3 orders", demo, tmp_path)
    german = demo.frames["customers"].filter(folded("country").is_in(["de", "deutschland", "germany", "deu"]))
    busy = _rows_of_busy("customer_id", lambda n: n > 3)(demo.frames)
    # a customer stored twice gives their orders twice, as the lookup of the country does for any order
    same_rows(output.select(busy.columns), busy.join(german.select("customer_id"), on="customer_id"))


RANKED_GROUPS: list[tuple[str, str, str, str, str, bool]] = [
    # the groups said as what is ranked, and the measure named again after the ends of the order
    (
        "compute the average revenue per country, and rank the countries from highest to lowest average",
        "orders",
        "country",
        "total_revenue",
        "mean",
        True,
    ),
    (
        "average monthly charges per region, then rank the regions from lowest to highest average",
        "churn",
        "region",
        "monthly_charges",
        "mean",
        False,
    ),
    (
        "median income per region, and order the regions from highest to lowest median",
        "churn",
        "region",
        "income",
        "median",
        True,
    ),
]


@pytest.mark.parametrize(
    ("request_text", "dataset", "by", "column", "function", "descending"),
    RANKED_GROUPS,
    ids=[c[0] for c in RANKED_GROUPS],
)
def test_groups_ranked_by_their_measure_are_sorted_by_it(
    request_text: str, dataset: str, by: str, column: str, function: str, descending: bool, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    name = f"{function}_{column}"
    measure = pl.col(column).mean() if function == "mean" else pl.col(column).median()
    expected = demo.frames[dataset].group_by(by).agg(measure.alias(name)).sort(name, descending=descending)
    same_rows(output.select(name), expected.select(name), ordered=True)


def test_a_measure_named_again_that_is_not_the_one_asked_is_not_understood(demo: Demo) -> None:
    planned = draft("total revenue by country, rank the countries from highest to lowest average", demo.catalog)
    assert "average" in planned.not_understood


MONTHS = [
    # a month of the calendar shown by example ('like 2024-03'): each row's month, not its month number
    "Could you add a column to orders giving the month each order was placed in, like 2024-03?",
    "orders with the month each order was placed in, e.g. 2024-03",
    "add a column to orders showing the month each order was placed in, for example 2024-03",
]


@pytest.mark.parametrize("request_text", MONTHS)
def test_a_month_shown_by_example_is_the_calendar_month(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    expected = demo.frames["orders"].with_columns(pl.col("order_date").dt.truncate("1mo").alias("order_month"))
    same_rows(output, expected)


def test_an_example_of_another_period_is_not_understood(demo: Demo) -> None:
    planned = draft("add a column to orders giving the year each order was placed in, like 2024-03", demo.catalog)
    assert any("another period" in word for word in planned.not_understood)


GEAR = [
    # 'gear' after a category, like 'stuff': the category's products, not a misspelt 'year'
    ("sports gear orders", ["sports"]),
    ("orders of garden gear", ["garden", "gardens"]),
]


@pytest.mark.parametrize(("request_text", "categories"), GEAR, ids=[c[0] for c in GEAR])
def test_gear_of_a_category_picks_the_orders_of_its_products(
    request_text: str, categories: list[str], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    products = demo.frames["products"].filter(folded("category").is_in(categories))
    same_rows(output, demo.frames["orders"].join(products, on="product_id", how="semi"))


STATUS = folded("status").replace({"delivred": "delivered", "canceled": "cancelled"})
VALUE_COUNTS: list[tuple[str, str, pl.Expr]] = [
    ("status counts for orders", "orders", STATUS),
    ("order status counts", "orders", STATUS),
    ("category frequencies in products", "products", CATEGORY),
    ("city counts for customers", "customers", pl.col("city")),
]


@pytest.mark.parametrize(("request_text", "dataset", "key"), VALUE_COUNTS, ids=[c[0] for c in VALUE_COUNTS])
def test_counts_of_a_column_count_the_rows_of_each_value(
    request_text: str, dataset: str, key: pl.Expr, demo: Demo, tmp_path: Path
) -> None:
    # a column's 'counts' were once read as the column alone (every row, no count)
    _, output = answer(request_text, demo, tmp_path)
    counts = demo.frames[dataset].group_by(key).agg(pl.len().alias("n"))["n"]
    assert output.height == counts.len()
    assert sorted(output[output.columns[-1]].to_list()) == sorted(counts.to_list())


def test_the_top_rows_after_an_order_asked_are_the_first_in_that_order(demo: Demo, tmp_path: Path) -> None:
    garden = draft("products garden", demo.catalog)
    cheapest = draft("sort by price asc", demo.catalog, garden.definition)
    _, output = answer("top 3", demo, tmp_path, cheapest.definition)
    expected = demo.frames["products"].filter(CATEGORY == "garden").sort("price", nulls_last=True).head(3)
    assert output["product_id"].to_list() == expected["product_id"].to_list()
    _, said_at_once = answer("products sorted by price ascending, top 3", demo, tmp_path)
    prices = demo.frames["products"].sort("price", nulls_last=True)["price"]
    assert said_at_once["price"].to_list() == prices[:3].to_list()


def _anti(f: Frames) -> pl.DataFrame:
    return f["customers"].join(f["orders"].select("customer_id"), on="customer_id", how="anti")


def _days_to_ship(name: str) -> Expected:
    return lambda f: f["orders"].with_columns((pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias(name))


def _per(dataset: str, by: str, measure: pl.Expr) -> Expected:
    return lambda f: f[dataset].group_by(by).agg(measure)


_monthly_median = pl.col("monthly_charges").median()


def _per_split_income(f: Frames) -> pl.DataFrame:
    kept = f["churn"].filter(pl.col("split").is_in(["train", "test"]))
    return kept.group_by("split").agg(pl.col("income").median())


def _per_currency(measure: pl.Expr) -> Expected:
    euro = pl.col("currency").str.strip_chars().str.to_lowercase().is_in(["eur", "euro", "\u20ac"])
    folded = pl.when(euro).then(pl.lit("EUR")).otherwise(pl.col("currency")).alias("currency")
    return lambda f: f["orders"].with_columns(folded).group_by("currency").agg(measure)


def _orders_per_customer(by: str, measure: pl.Expr) -> Expected:
    def joined(f: Frames) -> pl.DataFrame:
        rows = f["orders"].join(f["customers"].select("customer_id", by), on="customer_id", how="left")
        return rows.group_by(by).agg(measure)

    return joined


def _churn_share(by: str, *, stayed: bool = False) -> Expected:
    share = (1 - pl.col("churned")).mean() if stayed else pl.col("churned").mean()
    contract = {"m2m": "month-to-month", "month to month": "month-to-month", "one year": "one-year"}
    key = pl.col(by)
    if by == "contract":
        plain = key.str.strip_chars().str.to_lowercase()
        key = plain.replace({**contract, "2 year": "two-year"}).alias("contract")
    return lambda f: f["churn"].group_by(key).agg(share)


def _filled_from(dataset: str, column: str, other: str) -> Expected:
    return lambda f: f[dataset].with_columns(pl.col(column).fill_null(pl.col(other)))


def _median_filled(dataset: str, column: str) -> Expected:
    return lambda f: f[dataset].with_columns(pl.col(column).fill_null(pl.col(column).median()))


FRESH7: list[tuple[str, Expected]] = [
    # 'dearest' and 'costliest' are the priciest: the one highest price
    ("the price of the dearest product we have", lambda f: f["products"].select(pl.col("price").max())),
    ("the price of our costliest product", lambda f: f["products"].select(pl.col("price").max())),
    ("show the price of the dearest product", lambda f: f["products"].select(pl.col("price").max())),
    # a slash between two summaries or two names, written without spaces: both of them
    (
        "min/max monthly charges per payment method in churn",
        lambda f: (
            f["churn"]
            .group_by("payment_method")
            .agg(pl.col("monthly_charges").min(), pl.col("monthly_charges").max().alias("max"))
        ),
    ),
    (
        "churn: average/median income by split",
        lambda f: f["churn"].group_by("split").agg(pl.col("income").mean(), pl.col("income").median().alias("b")),
    ),
    # nothing at all said after the verb: 'a single thing', 'one single item', 'even one thing'
    ("customers who've never bought a single thing", _anti),
    ("customers that never purchased a single item", _anti),
    ("which customers have never ordered even one thing?", _anti),
    ("customers who have not bought a single one", _anti),
    # the count asked, then only the number wanted
    (
        "how many different customers have placed an order? just need the number",
        lambda f: f["orders"].select(pl.col("customer_id").n_unique()),
    ),
    ("how many orders are there? only need the count", lambda f: f["orders"].select(pl.len())),
    ("count the subscribers, a single figure is fine", lambda f: f["churn"].select(pl.len())),
    # the days between two dates, the unit said after a comma
    ("orders: add ship_days = ship_date - order_date, in days", _days_to_ship("ship_days")),
    ("add lead_days = ship_date minus order_date, in whole days", _days_to_ship("lead_days")),
    ("in orders add gap = ship_date - order_date, in days", _days_to_ship("gap")),
    # 'typical' is the median; a split's 'portion' is the split; 'household income' is the income
    ("typical income per split", _per("churn", "split", pl.col("income").median())),
    ("median household income per split", _per("churn", "split", pl.col("income").median())),
    ("the typical monthly charges for each payment method", _per("churn", "payment_method", _monthly_median)),
    ("typical household income for the train portion versus the test portion", _per_split_income),
    # the currency said as the money the rows were paid in
    ("takings split by the money each sale was settled in", _per_currency(pl.col("total_revenue").sum())),
    ("total revenue by the currency each order was billed in", _per_currency(pl.col("total_revenue").sum())),
    ("how many orders per the money they were paid in", _per_currency(pl.len())),
    # the rows' origin said with a verb: 'came from', 'came in from', 'coming from'
    ("how many orders came in from customers in each city", _orders_per_customer("city", pl.len())),
    ("how many orders came from customers in each city?", _orders_per_customer("city", pl.len())),
    ("revenue coming from customers per segment", _orders_per_customer("segment", pl.col("total_revenue").sum())),
    # a share of the rows of each group, the flag said after the groups
    ("what fraction of the subscribers with each payment method ended up churning", _churn_share("payment_method")),
    ("the proportion of subscribers on each contract who left", _churn_share("contract")),
    ("what share of the subscribers in each region churned", _churn_share("region")),
    ("what fraction of subscribers on each payment method stayed", _churn_share("payment_method", stayed=True)),
    # the middle value is the median; holes plugged are gaps filled
    ("fill the missing incomes with the middle value", _median_filled("churn", "income")),
    ("plug the gaps in income with the median", _median_filled("churn", "income")),
    ("fill missing income with the median of the known ones", _median_filled("churn", "income")),
    ("fill blank ages with the midpoint of the known values", _median_filled("customers", "age")),
    ("plug the holes in the customers' age figures with the middle value", _median_filled("customers", "age")),
    # the gaps said as the rows lacking the column: 'where an order has no ship date, use its order date'
    ("where an order has no ship date, use its order date instead", _filled_from("orders", "ship_date", "order_date")),
    ("if an order has no ship date, just take the order date", _filled_from("orders", "ship_date", "order_date")),
    ("if a subscriber has no income, use 0 instead", lambda f: f["churn"].with_columns(pl.col("income").fill_null(0))),
]


GROUP_KEYS = ("payment_method", "split", "contract", "region", "currency", "city", "segment")


@pytest.mark.parametrize(("request_text", "expected"), FRESH7, ids=[c[0] for c in FRESH7])
def test_fresh7_summary_wording_gives_the_values_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    wanted = expected(demo.frames)
    if wanted.width > 3:  # rows, not a summary: the columns keep their names
        same_rows(output, wanted)
        return
    assert output.width == wanted.width, output.columns
    kept = [c for c in wanted.columns if c in output.columns and c in GROUP_KEYS]
    output = output.rename(dict(zip(output.columns, wanted.columns, strict=True))) if not kept else output
    if kept:
        measures = [c for c in output.columns if c not in kept]
        output = output.select(*kept, *measures).rename(dict(zip(measures, wanted.columns[1:], strict=True)))
    same_rows(output, wanted)


FRESH7_UNCLEAR: list[tuple[str, str]] = [
    # 'just the number' after rows that were not counted: a count the planner did not read
    ("customers in Germany, just need the number", "number"),
    # a slash that divides: not a list of two columns
    ("add x = total_revenue/quantity, in days", "days"),
    # the middle value of text is no median
    ("fill missing cities with the middle value", "city is not a number"),
]


@pytest.mark.parametrize(("request_text", "said"), FRESH7_UNCLEAR, ids=[c[0] for c in FRESH7_UNCLEAR])
def test_fresh7_wording_a_guess_would_misread_is_not_understood(request_text: str, said: str, demo: Demo) -> None:
    planned = draft(request_text, demo.catalog)
    assert any(said in word for word in planned.not_understood), planned.not_understood
