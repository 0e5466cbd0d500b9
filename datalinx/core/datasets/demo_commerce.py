"""Demo products and orders tables, with their injected problems."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from datalinx.core.datasets.demo import REFERENCE_DATE, Table, random_day
from datalinx.core.datasets.demo_people import COUNTRY_VARIANTS

PRODUCTS = 200
ORDERS = 10_000
CATEGORIES: dict[str, tuple[float, float, float, list[str]]] = {
    # price range, typical weight in kg, nouns
    "Electronics": (15.0, 1_400.0, 1.2, ["Headphones", "Monitor", "Keyboard", "Speaker", "Tablet", "Router"]),
    "Home & Kitchen": (5.0, 400.0, 2.5, ["Kettle", "Pan", "Blender", "Lamp", "Towel Set", "Knife Block"]),
    "Garden": (4.0, 600.0, 4.0, ["Hose", "Shovel", "Planter", "Grill", "Lawn Chair"]),
    "Toys": (3.0, 150.0, 0.6, ["Puzzle", "Robot Kit", "Plush Bear", "Board Game", "Kite"]),
    "Books": (6.0, 80.0, 0.5, ["Cookbook", "Novel", "Atlas", "Field Guide"]),
    "Sports": (8.0, 900.0, 3.0, ["Yoga Mat", "Dumbbell", "Tennis Racket", "Bike Helmet", "Running Shoes"]),
}
ADJECTIVES = ["Classic", "Pro", "Compact", "Deluxe", "Eco", "Smart", "Travel", "Premium", "Basic", "Ultra"]
STATUSES = (["delivered", "shipped", "pending", "cancelled", "returned"], [0.7, 0.1, 0.07, 0.08, 0.05])
STATUS_VARIANTS = ["Delivered", "DELIVERED", "delivred", "Shipped", "shipped ", "canceled", "Returned"]
CURRENCY = {"US": "USD", "GB": "GBP"}  # everyone else pays in EUR
PRODUCT_COLUMNS = ["product_id", "name", "category", "price", "weight"]
ORDER_COLUMNS = ["order_id", "customer_id", "product_id", "order_date", "ship_date", "quantity", "unit_price",
                 "total_revenue", "currency", "status", "country"]  # fmt: skip


def products_table(rng: random.Random) -> tuple[Table, dict[str, float]]:
    """About 200 products with unit mix-ups, category variants, price outliers and duplicate ids; and clean prices."""
    names = list(CATEGORIES)
    rows: list[dict[str, Any]] = []
    for index in range(PRODUCTS):
        category = rng.choice(names)
        low, high, weight, nouns = CATEGORIES[category]
        rows.append(
            {
                "product_id": f"P{index + 1:04d}",
                "name": f"{rng.choice(ADJECTIVES)} {rng.choice(nouns)} {rng.randint(1, 99)}",
                "category": category,
                "price": round(rng.uniform(low, high), 2),
                "weight": f"{weight * rng.uniform(0.3, 2.0):.2f} kg",
            }
        )
    table = Table("products.csv", PRODUCT_COLUMNS, rows, rng, key="product_id")
    base_prices = {row["product_id"]: row["price"] for row in rows}
    picked = table.pick(20)
    for n, row in enumerate(picked):
        kilograms = float(rows[row]["weight"].split()[0])
        rows[row]["weight"] = f"{kilograms * 1000:.0f} g" if n % 2 else f"{kilograms * 2.20462:.2f} lb"
    table.record("unit_inconsistency", ["weight"], picked, "weights in grams or pounds where the rest use kg")
    picked = table.pick(12)
    for n, row in enumerate(picked):
        category = rows[row]["category"]
        rows[row]["category"] = [category.lower(), category.upper(), category + " ", category + "s"][n % 4]
    table.record("category_variant", ["category"], picked, "case, spacing and plural variants of the category")
    picked = table.pick(4)
    for row in picked:
        rows[row]["price"] = round(rng.uniform(50_000, 99_000), 2)
    table.record("outlier", ["price"], picked, "prices of 50,000 or more (the rest stay under 1,500)")
    picked = table.pick(3)
    for row in picked:
        rows[row]["price"] = -rows[row]["price"]
    table.record("negative_value", ["price"], picked, "negative prices")
    picked = table.pick(5)
    for row in picked:
        rows[row]["price"] = None
    table.record("missing_mcar", ["price"], picked, "prices missing at random")
    pairs = table.copy_pairs(4)
    for copy, original in pairs:
        rows[copy]["product_id"] = rows[original]["product_id"]
    table.record_pairs("duplicate_key", ["product_id"], pairs, "a different product reusing an earlier id")
    return table, base_prices


def orders_table(rng: random.Random, customers: Table, products: Table, base: dict[str, float]) -> Table:
    """About 10,000 orders of real customers and products, with duplicates, bad dates, amounts and references."""
    buyers = [(r["customer_id"], _country(r["country"])) for r in customers.rows if not r["is_test_account"]]
    catalogue = sorted({r["product_id"] for r in products.rows})
    rows: list[dict[str, Any]] = []
    for index in range(ORDERS):
        customer_id, country = rng.choice(buyers)
        product_id = rng.choice(catalogue)
        ordered = random_day(rng, dt.date(2022, 1, 1), REFERENCE_DATE)
        status = rng.choices(*STATUSES)[0]
        quantity = rng.choices([1, 2, 3, 4, 5], [0.55, 0.22, 0.12, 0.07, 0.04])[0]
        unit_price = round(base[product_id] * rng.choice([1.0, 1.0, 0.95, 0.9]), 2)
        rows.append(
            {
                "order_id": f"O{index + 1:06d}",
                "customer_id": customer_id,
                "product_id": product_id,
                "order_date": ordered,
                "ship_date": None if status in ("pending", "cancelled") else ordered + dt.timedelta(rng.randint(0, 7)),
                "quantity": quantity,
                "unit_price": unit_price,
                "total_revenue": round(quantity * unit_price, 2),
                "currency": CURRENCY.get(country, "EUR"),
                "status": status,
                "country": country,
            }
        )
    table = Table("orders.csv", ORDER_COLUMNS, rows, rng, key="order_id")
    _amount_issues(table)
    _date_and_reference_issues(table, max(r["customer_id"] for r in customers.rows))
    return table


def _country(text: str) -> str:
    """The ISO code behind a (possibly misspelt) country of the customers table."""
    for code, variants in COUNTRY_VARIANTS.items():
        if text == code or text in variants:
            return code
    raise ValueError(f"unknown country {text!r}")


def _set_quantity_and_price(row: dict[str, Any], quantity: int, unit_price: float) -> None:
    row.update(quantity=quantity, unit_price=unit_price, total_revenue=round(quantity * unit_price, 2))


def _amount_issues(table: Table) -> None:
    rows, rng = table.rows, table.rng
    picked = table.pick(15)
    for row in picked:
        _set_quantity_and_price(rows[row], -rows[row]["quantity"], rows[row]["unit_price"])
    table.record("negative_value", ["quantity"], picked, "negative quantities (total follows them)")
    picked = table.pick(10)
    for row in picked:
        _set_quantity_and_price(rows[row], rng.randint(200, 999), rows[row]["unit_price"])
    table.record("outlier", ["quantity"], picked, "quantities of 200 to 999 (the rest order 1 to 5)")
    picked = table.pick(8)
    for row in picked:
        _set_quantity_and_price(rows[row], rows[row]["quantity"], round(rng.uniform(25_000, 99_000), 2))
    table.record("outlier", ["unit_price"], picked, "unit prices of 25,000 or more (the rest stay under 1,500)")
    picked = table.pick(20)
    for row in picked:
        rows[row]["total_revenue"] = round(rows[row]["total_revenue"] * rng.choice([1.19, 10.0, 0.5]) + 1, 2)
    table.record("calculation_mismatch", ["total_revenue", "quantity", "unit_price"], picked, "total != qty x price")
    picked = table.pick(30)
    for row in picked:
        rows[row]["status"] = rng.choice(STATUS_VARIANTS)
    table.record("category_variant", ["status"], picked, "case and spelling variants of the status")
    picked = table.pick(20, lambda r: r["currency"] == "EUR")
    for row in picked:
        rows[row]["currency"] = rng.choice(["eur", "€", "Euro"])
    table.record("category_variant", ["currency"], picked, "EUR written as eur, € or Euro")


def _date_and_reference_issues(table: Table, last_customer: int) -> None:
    rows, rng = table.rows, table.rng
    picked = table.pick(12)
    for row in picked:
        ordered = random_day(rng, dt.date(2031, 1, 1), dt.date(2035, 12, 31))
        shipped = rows[row]["ship_date"]
        rows[row]["order_date"] = ordered
        rows[row]["ship_date"] = None if shipped is None else ordered + dt.timedelta(rng.randint(0, 7))
    table.record("future_date", ["order_date"], picked, "order dates years in the future")
    picked = table.pick(25, lambda r: r["ship_date"] is not None)
    for row in picked:
        rows[row]["ship_date"] = rows[row]["order_date"] - dt.timedelta(rng.randint(1, 30))
    table.record("cross_column_violation", ["order_date", "ship_date"], picked, "shipped before it was ordered")
    picked = table.pick(12)
    for row in picked:
        rows[row]["customer_id"] = last_customer + rng.randint(1_000, 9_000)
    table.record("orphan_reference", ["customer_id"], picked, "customer ids that are not in customers.csv")
    picked = table.pick(30)
    for row in picked:
        rows[row]["product_id"] = None
    table.record("missing_mcar", ["product_id"], picked, "product id missing at random")
    pairs = table.copy_pairs(40)
    for copy, original in pairs:
        rows[copy] = dict(rows[original])
    table.record_pairs("exact_duplicate", ORDER_COLUMNS, pairs, "orders recorded twice (key included)")
    pairs = table.copy_pairs(15)
    for copy, original in pairs:
        rows[copy]["order_id"] = rows[original]["order_id"]
    table.record_pairs("duplicate_key", ["order_id"], pairs, "a different order reusing an earlier order id")
