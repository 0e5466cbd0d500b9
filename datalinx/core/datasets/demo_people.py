"""Demo customers and churn tables, with their injected problems."""

from __future__ import annotations

import datetime as dt
import math
import random
import unicodedata
from typing import Any

from datalinx.core.datasets.demo import REFERENCE_DATE, Table, random_day

CUSTOMERS = 2_000
CHURN_ROWS = 3_000
COUNTRIES: dict[str, tuple[float, str, list[str]]] = {
    "DE": (0.28, "+49", ["Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Leipzig"]),
    "FR": (0.18, "+33", ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes"]),
    "US": (0.22, "+1", ["New York", "Chicago", "Austin", "Seattle", "Boston", "Denver"]),
    "GB": (0.12, "+44", ["London", "Manchester", "Bristol", "Leeds"]),
    "ES": (0.08, "+34", ["Madrid", "Barcelona", "Sevilla", "Valencia"]),
    "IT": (0.07, "+39", ["Roma", "Milano", "Torino", "Napoli"]),
    "NL": (0.05, "+31", ["Amsterdam", "Rotterdam", "Utrecht"]),
}
COUNTRY_VARIANTS = {
    "DE": ["Germany", "germany", "DE ", "de", "Deutschland"],
    "FR": ["France", "fr", "FRA"],
    "US": ["USA", "United States", "us", "U.S."],
    "GB": ["UK", "United Kingdom", "gb"],
    "ES": ["Spain", "es"],
    "IT": ["Italy", "it"],
    "NL": ["Netherlands", "nl"],
}
FIRST = ["Anna", "José", "Léa", "Lukas", "Zoë", "Mohammed", "Emma", "Noah", "Chloé", "Mateo", "Sofia", "Jonas",
         "Olivia", "Liam", "Björn", "Inès", "Hannah", "Luca", "Amélie", "Ethan", "Mia", "Jan"]  # fmt: skip
LAST = ["Müller", "Schmidt", "García", "Martin", "Dubois", "Smith", "Johnson", "Rossi", "Jansen", "Brown",
        "Fernández", "Bernard", "Weber", "Taylor", "Bianchi", "de Vries", "O'Neill", "Nowak", "Schäfer"]  # fmt: skip
DOMAINS = ["example.com", "mail.example.org", "post.example.net", "firma.example.de"]
SEGMENTS = (["consumer", "smb", "enterprise"], [0.7, 0.22, 0.08])
CUSTOMER_COLUMNS = ["customer_id", "name", "email", "phone", "country", "city", "signup_date", "birth_date", "age",
                    "segment", "is_test_account"]  # fmt: skip
CHURN_COLUMNS = ["customer_ref", "age", "tenure_months", "contract", "payment_method", "internet_service",
                 "support_calls", "monthly_charges", "total_charges", "income", "region",
                 "churned", "split"]  # fmt: skip
CHURN_LABELS = ("customer_ref", "churned", "split")


def _ascii(text: str) -> str:
    return (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace(" ", "").replace("'", "")
    )


def _age(birth: dt.date) -> int:
    return REFERENCE_DATE.year - birth.year - ((REFERENCE_DATE.month, REFERENCE_DATE.day) < (birth.month, birth.day))


def customers_table(rng: random.Random) -> Table:
    """About 2,000 customers with duplicates, bad emails, mixed phone and date formats and missing values."""
    codes = list(COUNTRIES)
    weights = [COUNTRIES[c][0] for c in codes]
    rows: list[dict[str, Any]] = []
    for index in range(CUSTOMERS):
        first, last, country = rng.choice(FIRST), rng.choice(LAST), rng.choices(codes, weights)[0]
        birth = random_day(rng, dt.date(1940, 1, 1), dt.date(2006, 12, 31))
        rows.append(
            {
                "customer_id": index + 1,
                "name": f"{first} {last}",
                "email": f"{_ascii(first)}.{_ascii(last)}{rng.randint(1, 999)}@{rng.choice(DOMAINS)}",
                "phone": f"{COUNTRIES[country][1]} {rng.randint(100, 999)} {rng.randint(1_000_000, 9_999_999)}",
                "country": country,
                "city": rng.choice(COUNTRIES[country][2]),
                "signup_date": random_day(rng, dt.date(2018, 1, 1), REFERENCE_DATE),
                "birth_date": birth,
                "age": _age(birth),
                "segment": rng.choices(*SEGMENTS)[0],
                "is_test_account": False,
            }
        )
    table = Table("customers.csv", CUSTOMER_COLUMNS, rows, rng, key="customer_id")
    for n, row in enumerate(table.pick(8)):
        rows[row].update(name="Test User", email=f"qa+{n}@test.example.com", is_test_account=True)
    _customer_issues(table)
    return table


def _customer_issues(table: Table) -> None:
    rows, rng = table.rows, table.rng
    tests = sorted(i for i, r in enumerate(rows) if r["is_test_account"])
    table.record("test_record", ["is_test_account", "name", "email"], tests, "QA accounts left in the customer list")
    broken = ["{u}@", "{u}.example.com", "{u} x@example.com", "{u}@@example.com", "@example.com", "{u}@example"]
    picked = table.pick(40)
    for n, row in enumerate(picked):
        rows[row]["email"] = broken[n % len(broken)].format(u=rows[row]["email"].split("@")[0])
    table.record("invalid_email", ["email"], picked, "emails missing the @, the domain or its dot, or holding spaces")
    picked = table.pick(60)
    for n, row in enumerate(picked):
        _, area, number = rows[row]["phone"].split(" ")
        local = ["(0{a}) {n}", "0049-{a}-{n}", "{a}/{n}", "+{c}{a}{n}"][n % 4]
        code = COUNTRIES[rows[row]["country"]][1].lstrip("+")
        rows[row]["phone"] = local.format(a=area, n=number, c=code)
    table.record("inconsistent_format", ["phone"], picked, "phones not in the '+CC AAA NNNNNNN' form the rest use")
    picked = table.pick(50)
    for n, row in enumerate(picked):
        rows[row]["signup_date"] = rows[row]["signup_date"].strftime(["%d/%m/%Y", "%B %d, %Y", "%Y.%m.%d"][n % 3])
    table.record("mixed_date_format", ["signup_date"], picked, "signup dates as DD/MM/YYYY, 'Month D, YYYY' or Y.M.D")
    picked = table.pick(50)
    for row in picked:
        rows[row]["country"] = rng.choice(COUNTRY_VARIANTS[rows[row]["country"]])
    table.record("category_variant", ["country"], picked, "country names and case variants instead of ISO codes")
    picked = table.pick(10)
    for row in picked:
        rows[row]["age"] = -rows[row]["age"]
    table.record("negative_value", ["age"], picked, "negative ages")
    picked = table.pick(25)
    for row in picked:
        rows[row]["age"] += rng.choice([-1, 1]) * rng.randint(3, 12) if rows[row]["age"] > 20 else rng.randint(3, 12)
    table.record("cross_column_violation", ["age", "birth_date"], picked, "age does not match the birth date")
    picked = table.pick(12)
    for row in picked:
        rows[row]["signup_date"] = random_day(rng, dt.date(2031, 1, 1), dt.date(2035, 12, 31))
    table.record("future_date", ["signup_date"], picked, "signup dates years in the future")
    picked = table.pick(60)
    for row in picked:
        rows[row]["phone"] = None
    table.record("missing_mcar", ["phone"], picked, "phones missing completely at random (3%)")
    us = sum(1 for i in table.free if rows[i]["country"] == "US")
    picked = table.pick(round(us * 0.35), lambda r: r["country"] == "US")
    for row in picked:
        rows[row]["city"] = None
    table.record("missing_mar", ["city"], picked, "city missing for 35% of US customers only (depends on country)")
    older = sum(1 for i in table.free if rows[i]["age"] >= 65)
    picked = table.pick(round(older * 0.4), lambda r: r["age"] >= 65)
    for row in picked:
        rows[row]["birth_date"] = rows[row]["age"] = None
    table.record("missing_mnar", ["birth_date", "age"], picked, "40% of customers aged 65+ hide birth date and age")
    _duplicates(table)


def _duplicates(table: Table) -> None:
    rows = table.rows
    pairs = table.copy_pairs(30)
    for copy, original in pairs:
        rows[copy] = dict(rows[original])
    table.record_pairs("exact_duplicate", CUSTOMER_COLUMNS, pairs, "rows repeated exactly (key included)")
    pairs = table.copy_pairs(25)
    for copy, original in pairs:
        twin = dict(rows[original], customer_id=rows[copy]["customer_id"])
        twin["name"] = [str.upper, str.lower, lambda s: "  " + s, lambda s: s.replace(" ", "  ")][copy % 4](
            twin["name"]
        )
        twin["email"] = twin["email"].upper() if copy % 2 else twin["email"]
        rows[copy] = twin
    table.record_pairs("near_duplicate", ["name", "email"], pairs, "same person again: name case/spaces, email case")
    pairs = table.copy_pairs(15)
    for copy, original in pairs:
        rows[copy]["customer_id"] = rows[original]["customer_id"]
    table.record_pairs("duplicate_key", ["customer_id"], pairs, "a different customer reusing an earlier id")


def churn_table(rng: random.Random) -> Table:
    """About 3,000 subscribers with a `churned` label, a train/test split and label and missingness problems."""
    rows: list[dict[str, Any]] = []
    for index in range(CHURN_ROWS):
        contract = rng.choices(["month-to-month", "one-year", "two-year"], [0.55, 0.25, 0.2])[0]
        internet = rng.choices(["fiber", "dsl", "none"], [0.45, 0.4, 0.15])[0]
        tenure = rng.randint(0, 72)
        monthly = round({"fiber": 75.0, "dsl": 50.0, "none": 22.0}[internet] + rng.uniform(-12, 30), 2)
        calls = min(10, int(rng.expovariate(0.7)))
        score = -1.2 + {"month-to-month": 1.4, "one-year": -0.3, "two-year": -1.4}[contract] - tenure / 30
        score += 0.35 * calls + (monthly - 60) / 60
        rows.append(
            {
                "customer_ref": f"K{index + 1:05d}",
                "age": rng.randint(18, 80),
                "tenure_months": tenure,
                "contract": contract,
                "payment_method": rng.choice(["electronic check", "credit card", "bank transfer", "mailed check"]),
                "internet_service": internet,
                "support_calls": calls,
                "monthly_charges": monthly,
                "total_charges": round(monthly * tenure * rng.uniform(0.95, 1.05), 2),
                "income": int(min(400_000, rng.lognormvariate(10.8, 0.5)) // 100 * 100),
                "region": rng.choice(["north", "south", "east", "west"]),
                "churned": int(rng.random() < 1 / (1 + math.exp(-score))),
                "split": "train" if rng.random() < 0.8 else "test",
            }
        )
    table = Table("churn.csv", CHURN_COLUMNS, rows, rng, key="customer_ref")
    _churn_issues(table)
    return table


def _churn_issues(table: Table) -> None:
    rows, rng = table.rows, table.rng
    picked = table.pick(8)
    for row in picked:
        rows[row]["monthly_charges"] = round(rng.uniform(1_500, 9_000), 2)
    table.record("outlier", ["monthly_charges"], picked, "monthly charges of 1,500 to 9,000 (the rest stay under 200)")
    picked = table.pick(6)
    for row in picked:
        rows[row]["tenure_months"] = -rng.randint(1, 24)
    table.record("negative_value", ["tenure_months"], picked, "negative tenure")
    picked = table.pick(20)
    for row in picked:
        rows[row]["contract"] = rng.choice(["Month-to-month", "month to month", "M2M", "One Year", "2 year"])
    table.record("category_variant", ["contract"], picked, "spelling and case variants of the contract type")
    picked = table.pick(60)
    for row in picked:
        rows[row]["region"] = None
    table.record("missing_mcar", ["region"], picked, "region missing completely at random (2%)")
    new = [i for i in table.free if rows[i]["contract"] == "month-to-month" and rows[i]["tenure_months"] <= 6]
    picked = table.pick(round(len(new) * 0.6), lambda r: r["contract"] == "month-to-month" and r["tenure_months"] <= 6)
    for row in picked:
        rows[row]["total_charges"] = None
    table.record("missing_mar", ["total_charges"], picked, "total charges missing for 60% of new month-to-month users")
    cutoff = sorted(r["income"] for r in rows)[int(len(rows) * 0.9)]
    rich = [i for i in table.free if rows[i]["income"] >= cutoff]
    picked = table.pick(round(len(rich) * 0.4), lambda r: r["income"] >= cutoff)
    for row in picked:
        rows[row]["income"] = None
    table.record("missing_mnar", ["income"], picked, f"income hidden by 40% of those earning {cutoff} or more")
    pairs = table.copy_pairs(20)
    for copy, original in pairs:
        own = {"customer_ref": rows[copy]["customer_ref"], "split": rows[copy]["split"]}
        rows[copy] = dict(rows[original], **own, churned=1 - rows[original]["churned"])
    features = [c for c in CHURN_COLUMNS if c not in CHURN_LABELS]
    table.record_pairs("label_conflict", [*features, "churned"], pairs, "identical features, opposite labels")
    picked = table.pick(30)
    for row in picked:
        rows[row]["churned"] = 1 - rows[row]["churned"]
    table.record("label_noise", ["churned"], picked, "labels flipped after they were drawn from the churn model")
