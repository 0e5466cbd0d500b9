"""Source tables for the mapping evaluation: the demo files, and exports with the messy names real systems use."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import polars as pl

from datalinx.core.datasets.demo import generate_demo
from datalinx.core.datasets.demo_people import COUNTRY_VARIANTS, FIRST, LAST
from datalinx.core.datasets.facts import DatasetFacts, facts_from_parquet
from datalinx.core.datasets.ingest import ingest_file

ROWS = 300
DEMO = ("customers", "products", "orders", "churn")
CITIES = {"DE": ["Berlin", "Hamburg"], "FR": ["Paris", "Lyon"], "GB": ["London"], "US": ["Boston"], "IT": ["Roma"]}


def _day(rng: random.Random, start: int = 2019, end: int = 2025) -> dt.date:
    return dt.date(start, 1, 1) + dt.timedelta(days=rng.randint(0, (end - start) * 365))


def crm_export(rng: random.Random) -> pl.DataFrame:
    """A CRM contact export: FName, LName, E-Mail, Tel, DOB as 'DD.MM.YYYY', country names, Y/N flags."""
    codes = [rng.choice(list(CITIES)) for _ in range(ROWS)]
    first = [rng.choice(FIRST) for _ in range(ROWS)]
    last = [rng.choice(LAST) for _ in range(ROWS)]
    return pl.DataFrame(
        {
            "CustID": [f"C-{i:05d}" for i in range(1, ROWS + 1)],
            "FName": first,
            "LName": last,
            "E-Mail": [f"{f.lower()}.{n}@example.com" for f, n in zip(first, range(ROWS), strict=True)],
            "Tel": [f"+49 30 {rng.randint(1000000, 9999999)}" for _ in range(ROWS)],
            "DOB": [_day(rng, 1950, 2004).strftime("%d.%m.%Y") for _ in range(ROWS)],
            "Country": [rng.choice([*COUNTRY_VARIANTS.get(c, [c]), c]).strip() for c in codes],
            "Zip": [f"{rng.randint(10000, 99999)}" for _ in range(ROWS)],
            "City": [rng.choice(CITIES[c]) for c in codes],
            "Created": [
                f"{_day(rng).isoformat()} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00" for _ in range(ROWS)
            ],
            "Newsletter": [rng.choice(["Y", "N"]) for _ in range(ROWS)],
        }
    )


def erp_orders(rng: random.Random) -> pl.DataFrame:
    """An ERP order table: ord_no, cust_ref, qty, unit_px as text, ord_dt as 'DD/MM/YYYY', currencies as typed."""
    qty = [rng.randint(1, 12) for _ in range(ROWS)]
    price = [round(rng.uniform(2, 400), 2) for _ in range(ROWS)]
    return pl.DataFrame(
        {
            "ord_no": [f"SO-{100000 + i}" for i in range(ROWS)],
            "cust_ref": [f"C-{rng.randint(1, 300):05d}" for _ in range(ROWS)],
            "qty": [str(q) for q in qty],
            "unit_px": [f"{p:.2f}" for p in price],
            "ord_dt": [_day(rng).strftime("%d/%m/%Y") for _ in range(ROWS)],
            "curr": [rng.choice(["EUR", "EUR", "eur", "€", "USD", "usd", "GBP"]) for _ in range(ROWS)],
            "ship_ctry": [rng.choice(["DE", "FR", "GB", "IT"]) for _ in range(ROWS)],
            "disc_pct": [rng.choice([0, 0, 5, 10]) for _ in range(ROWS)],
            "line_amt": [round(q * p, 2) for q, p in zip(qty, price, strict=True)],
            "sales_rep": [rng.choice(["KM", "JS", "AL"]) for _ in range(ROWS)],
        }
    )


def hr_employees(rng: random.Random) -> pl.DataFrame:
    """An HR system dump: EmpNo, FullName as 'First Last', HireDate as 'MM/DD/YYYY', Salary as text, gender words."""
    return pl.DataFrame(
        {
            "EmpNo": list(range(5001, 5001 + ROWS)),
            "FullName": [
                f"{rng.choice(FIRST)} {rng.choice(['Smith', 'Weber', 'Rossi', 'Brown'])}" for _ in range(ROWS)
            ],
            "Dept": [rng.choice(["Sales", "Finance", "IT", "HR"]) for _ in range(ROWS)],
            "HireDate": [_day(rng, 2005).strftime("%m/%d/%Y") for _ in range(ROWS)],
            "Salary": [str(rng.randint(38, 140) * 1000) for _ in range(ROWS)],
            "Gender": [rng.choice(["male", "female", "Female", "Male", "diverse"]) for _ in range(ROWS)],
            "ManagerID": [rng.choice([None, 5001, 5002, 5003]) for _ in range(ROWS)],
            "WorkEmail": [f"emp{i}@corp.example.com" for i in range(ROWS)],
            "IsActive": [rng.choice(["yes", "no", "yes"]) for _ in range(ROWS)],
        }
    )


def product_feed(rng: random.Random) -> pl.DataFrame:
    """A shop feed: SKU, Title, Descr, Cat in upper case, Price, Weight with a unit, InStock as 0/1."""
    return pl.DataFrame(
        {
            "SKU": [f"SKU{i:04d}" for i in range(ROWS)],
            "Title": [f"{rng.choice(['Classic', 'Pro'])} {rng.choice(['Kite', 'Lamp', 'Mug'])}" for _ in range(ROWS)],
            "Descr": [rng.choice(["Sturdy and light.", "A bestseller.", None]) for _ in range(ROWS)],
            "Cat": [rng.choice(["TOYS", "GARDEN", "HOME & KITCHEN", "BOOKS"]) for _ in range(ROWS)],
            "Price": [round(rng.uniform(3, 300), 2) for _ in range(ROWS)],
            "Weight": [f"{rng.uniform(0.1, 9):.2f} kg" for _ in range(ROWS)],
            "InStock": [rng.choice([0, 1]) for _ in range(ROWS)],
            "Supplier": [rng.choice(["Acme", "Globex"]) for _ in range(ROWS)],
        }
    )


def legacy_customers(rng: random.Random) -> pl.DataFrame:
    """An old customer file: names as 'Last, First', M/F, birthdays as YYYYMMDD, German column names for some."""
    return pl.DataFrame(
        {
            "KundenNr": list(range(1, ROWS + 1)),
            "Name": [f"{rng.choice(LAST)}, {rng.choice(FIRST)}" for _ in range(ROWS)],
            "Sex": [rng.choice(["M", "F"]) for _ in range(ROWS)],
            "Birthday": [_day(rng, 1950, 2004).strftime("%Y%m%d") for _ in range(ROWS)],
            "Phone": [f"+49 {rng.randint(150, 179)} {rng.randint(1000000, 9999999)}" for _ in range(ROWS)],
            "PLZ": [f"{rng.randint(10000, 99999)}" for _ in range(ROWS)],
            "Ort": [rng.choice(["Berlin", "Köln", "Bremen"]) for _ in range(ROWS)],
            "Land": [rng.choice(["Deutschland", "Österreich", "Schweiz"]) for _ in range(ROWS)],
        }
    )


def web_signups(rng: random.Random) -> pl.DataFrame:
    """An app's sign-up log: user_name handles, signupTS as ISO text, UTM sources, age groups, consent flags."""
    return pl.DataFrame(
        {
            "user_name": [f"{rng.choice(FIRST).lower()}_{rng.randint(1, 99)}" for _ in range(ROWS)],
            "signupTS": [
                f"{_day(rng).isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00" for _ in range(ROWS)
            ],
            "referrer": [
                rng.choice(["https://news.example.com/a", "https://search.example.org/q", None]) for _ in range(ROWS)
            ],
            "utm_source": [rng.choice(["newsletter", "google", "partner", None]) for _ in range(ROWS)],
            "email_addr": [f"user{i}@mail.example.net" for i in range(ROWS)],
            "mobile_no": [f"+33 6 {rng.randint(10000000, 99999999)}" for _ in range(ROWS)],
            "country_iso": [rng.choice(["DE", "FR", "GB", "US"]) for _ in range(ROWS)],
            "lang": [rng.choice(["de", "en", "fr"]) for _ in range(ROWS)],
            "age_grp": [rng.choice(["18-24", "25-34", "35-44", "45+"]) for _ in range(ROWS)],
            "consent": [rng.choice(["true", "false"]) for _ in range(ROWS)],
        }
    )


def pos_transactions(rng: random.Random) -> pl.DataFrame:
    """Till receipts: txn_id, store_no, txn_date as 'YYYY/MM/DD', amounts with decimal commas, payment codes."""
    return pl.DataFrame(
        {
            "txn_id": [f"T{i:07d}" for i in range(ROWS)],
            "store_no": [rng.randint(1, 40) for _ in range(ROWS)],
            "txn_date": [_day(rng).strftime("%Y/%m/%d") for _ in range(ROWS)],
            "txn_time": [f"{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}" for _ in range(ROWS)],
            "sku": [f"SKU{rng.randint(0, 999):04d}" for _ in range(ROWS)],
            "qty_sold": [rng.randint(1, 5) for _ in range(ROWS)],
            "gross_amt": [f"{rng.uniform(1, 200):.2f}".replace(".", ",") for _ in range(ROWS)],
            "pay_type": [rng.choice(["CASH", "CARD", "card", "cc"]) for _ in range(ROWS)],
            "cashier": [rng.choice(FIRST) for _ in range(ROWS)],
        }
    )


GENERATED = {
    "crm_export": crm_export,
    "erp_orders": erp_orders,
    "hr_employees": hr_employees,
    "product_feed": product_feed,
    "legacy_customers": legacy_customers,
    "web_signups": web_signups,
    "pos_transactions": pos_transactions,
}


def build_sources(folder: Path, seed: int = 7) -> tuple[dict[str, Path], dict[str, DatasetFacts]]:
    """Every source as Parquet (the demo CSVs ingested like uploads) with the facts a planner sees."""
    demo = folder / "demo"
    generate_demo(demo, seed=seed)
    paths: dict[str, Path] = {}
    for name in DEMO:
        paths[name] = folder / f"{name}.parquet"
        ingest_file(demo / f"{name}.csv", paths[name])
    for index, (name, build) in enumerate(GENERATED.items()):
        paths[name] = folder / f"{name}.parquet"
        build(random.Random(seed * 100 + index)).write_parquet(paths[name])
    return paths, {name: facts_from_parquet(name, path) for name, path in paths.items()}
