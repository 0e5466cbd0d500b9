"""The demo generator is deterministic, fast, and its manifest names exactly the rows that have each problem."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import polars as pl
import pytest

from datalinx.core.datasets.demo import DemoFile, DemoManifest, generate_demo
from datalinx.core.datasets.ingest import ingest_file

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"\+\d{1,3} \d{3} \d{7}")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoManifest, float]:
    folder = tmp_path_factory.mktemp("demo")
    started = time.perf_counter()
    manifest = generate_demo(folder, seed=7)
    return folder, manifest, time.perf_counter() - started


def _read(demo: tuple[Path, DemoManifest, float], name: str) -> tuple[pl.DataFrame, DemoFile]:
    folder, manifest, _ = demo
    frame = pl.read_csv(folder / name, infer_schema=False).with_row_index("row")
    return frame, manifest.file(name)


def _rows(frame: pl.DataFrame, condition: pl.Expr) -> list[int]:
    return frame.filter(condition)["row"].to_list()


def test_generation_is_fast_and_sized_as_promised(demo: tuple[Path, DemoManifest, float]) -> None:
    folder, manifest, seconds = demo
    assert seconds < 3
    sizes = {f.name: f.rows for f in manifest.files}
    assert sizes == {"customers.csv": 2_000, "products.csv": 200, "orders.csv": 10_000, "churn.csv": 3_000}
    assert DemoManifest.model_validate_json((folder / "manifest.json").read_text()) == manifest


def test_same_seed_same_bytes_other_seed_other_data(demo: tuple[Path, DemoManifest, float], tmp_path: Path) -> None:
    folder, manifest, _ = demo
    assert generate_demo(tmp_path / "again", seed=7) == manifest
    for name in ("customers.csv", "orders.csv", "products.csv", "churn.csv", "manifest.json"):
        assert (tmp_path / "again" / name).read_bytes() == (folder / name).read_bytes()
    other = generate_demo(tmp_path / "other", seed=8)
    assert (
        other.file("customers.csv").issue("invalid_email").rows
        != manifest.file("customers.csv").issue("invalid_email").rows
    )


def test_every_file_ingests_with_sensible_types(demo: tuple[Path, DemoManifest, float], tmp_path: Path) -> None:
    folder, _, _ = demo
    result = ingest_file(folder / "orders.csv", tmp_path / "orders.parquet")
    types = {c.name: c.dtype for c in result.columns}
    assert types["order_date"] == "date" and types["quantity"] == "int64" and types["unit_price"] == "float64"
    churn = {c.name: c.dtype for c in ingest_file(folder / "churn.csv", tmp_path / "churn.parquet").columns}
    assert churn["churned"] == "int64" and churn["monthly_charges"] == "float64"


def test_customer_issues_are_exactly_where_the_manifest_says(demo: tuple[Path, DemoManifest, float]) -> None:
    frame, entry = _read(demo, "customers.csv")
    email, phone, signup = pl.col("email"), pl.col("phone"), pl.col("signup_date")
    assert _rows(frame, ~email.str.contains(f"^{EMAIL.pattern}$")) == entry.issue("invalid_email").rows
    assert (
        _rows(frame, phone.is_not_null() & ~phone.str.contains(f"^{PHONE.pattern}$"))
        == entry.issue("inconsistent_format").rows
    )
    assert _rows(frame, ~signup.str.contains(f"^{ISO_DAY.pattern}$")) == entry.issue("mixed_date_format").rows
    assert _rows(frame, signup.str.contains("^20(3[0-9])")) == entry.issue("future_date").rows
    codes = ["DE", "FR", "US", "GB", "ES", "IT", "NL"]
    assert _rows(frame, ~pl.col("country").is_in(codes)) == entry.issue("category_variant").rows
    age = pl.col("age").cast(pl.Int64)
    assert _rows(frame, age < 0) == entry.issue("negative_value").rows
    assert _rows(frame, pl.col("is_test_account") == "true") == entry.issue("test_record").rows
    assert _rows(frame, phone.is_null()) == entry.issue("missing_mcar").rows
    assert _rows(frame, pl.col("city").is_null()) == entry.issue("missing_mar").rows
    assert frame.filter(pl.col("row").is_in(entry.issue("missing_mar").rows))["country"].unique().to_list() == ["US"]
    assert _rows(frame, pl.col("birth_date").is_null()) == entry.issue("missing_mnar").rows
    born = pl.col("birth_date").str.to_date()
    reference = dt.date(2025, 6, 30)
    birthday = born.dt.month().cast(pl.Int32) * 100 + born.dt.day().cast(pl.Int32)  # month is Int8: widen first
    computed = reference.year - born.dt.year() - (birthday > 630).cast(pl.Int32)
    mismatched = _rows(frame, (age >= 0) & (age != computed))
    assert mismatched == entry.issue("cross_column_violation").rows


def test_customer_duplicates_match_their_originals(demo: tuple[Path, DemoManifest, float]) -> None:
    frame, entry = _read(demo, "customers.csv")
    records = frame.drop("row").rows()
    exact = entry.issue("exact_duplicate")
    assert all(records[c] == records[o] and o < c for c, o in zip(exact.rows, exact.related_rows, strict=True))
    near = entry.issue("near_duplicate")
    for copy, original in zip(near.rows, near.related_rows, strict=True):
        a, b = frame.row(copy, named=True), frame.row(original, named=True)
        assert a != b and a["customer_id"] != b["customer_id"]
        assert " ".join(a["name"].lower().split()) == " ".join(b["name"].lower().split())
        assert a["email"].lower() == b["email"].lower()
    keys = entry.issue("duplicate_key")
    for copy, original in zip(keys.rows, keys.related_rows, strict=True):
        assert records[copy][0] == records[original][0] and records[copy][1:] != records[original][1:]
    repeated = _rows(frame, pl.col("customer_id").is_duplicated() & ~pl.col("customer_id").is_first_distinct())
    assert repeated == sorted(exact.rows + keys.rows)


def test_order_issues_are_exactly_where_the_manifest_says(demo: tuple[Path, DemoManifest, float]) -> None:
    frame, entry = _read(demo, "orders.csv")
    customers, _ = _read(demo, "customers.csv")
    quantity, price, total = (pl.col(c).cast(pl.Float64) for c in ("quantity", "unit_price", "total_revenue"))
    ordered, shipped = pl.col("order_date").str.to_date(), pl.col("ship_date").str.to_date()
    assert _rows(frame, quantity < 0) == entry.issue("negative_value").rows
    assert _rows(frame, quantity > 50) == entry.issue("outlier", "quantity").rows
    assert _rows(frame, price > 10_000) == entry.issue("outlier", "unit_price").rows
    assert _rows(frame, (quantity * price - total).abs() > 0.011) == entry.issue("calculation_mismatch").rows
    statuses = ["delivered", "shipped", "pending", "cancelled", "returned"]
    assert _rows(frame, ~pl.col("status").is_in(statuses)) == entry.issue("category_variant", "status").rows
    assert (
        _rows(frame, ~pl.col("currency").is_in(["EUR", "USD", "GBP"]))
        == entry.issue("category_variant", "currency").rows
    )
    assert _rows(frame, ordered > dt.date(2025, 6, 30)) == entry.issue("future_date").rows
    assert _rows(frame, shipped < ordered) == entry.issue("cross_column_violation").rows
    known = customers["customer_id"].unique()
    assert _rows(frame, ~pl.col("customer_id").is_in(known)) == entry.issue("orphan_reference").rows
    assert _rows(frame, pl.col("product_id").is_null()) == entry.issue("missing_mcar").rows
    records = frame.drop("row").rows()
    exact = entry.issue("exact_duplicate")
    assert all(records[c] == records[o] for c, o in zip(exact.rows, exact.related_rows, strict=True))


def test_product_issues_are_exactly_where_the_manifest_says(demo: tuple[Path, DemoManifest, float]) -> None:
    frame, entry = _read(demo, "products.csv")
    price = pl.col("price").cast(pl.Float64)
    assert _rows(frame, ~pl.col("weight").str.contains(r"^\d+\.\d{2} kg$")) == entry.issue("unit_inconsistency").rows
    categories = ["Electronics", "Home & Kitchen", "Garden", "Toys", "Books", "Sports"]
    assert _rows(frame, ~pl.col("category").is_in(categories)) == entry.issue("category_variant").rows
    assert _rows(frame, price > 10_000) == entry.issue("outlier").rows
    assert _rows(frame, price < 0) == entry.issue("negative_value").rows
    assert _rows(frame, price.is_null()) == entry.issue("missing_mcar").rows
    assert (
        _rows(frame, pl.col("product_id").is_duplicated() & ~pl.col("product_id").is_first_distinct())
        == entry.issue("duplicate_key").rows
    )


def test_churn_issues_are_exactly_where_the_manifest_says(demo: tuple[Path, DemoManifest, float]) -> None:
    frame, entry = _read(demo, "churn.csv")
    assert _rows(frame, pl.col("monthly_charges").cast(pl.Float64) > 500) == entry.issue("outlier").rows
    assert _rows(frame, pl.col("tenure_months").cast(pl.Int64) < 0) == entry.issue("negative_value").rows
    contracts = ["month-to-month", "one-year", "two-year"]
    assert _rows(frame, ~pl.col("contract").is_in(contracts)) == entry.issue("category_variant").rows
    assert _rows(frame, pl.col("region").is_null()) == entry.issue("missing_mcar").rows
    mar = entry.issue("missing_mar")
    assert _rows(frame, pl.col("total_charges").is_null()) == mar.rows
    assert set(frame.filter(pl.col("row").is_in(mar.rows))["contract"]) == {"month-to-month"}
    assert _rows(frame, pl.col("income").is_null()) == entry.issue("missing_mnar").rows
    features = [c for c in frame.columns if c not in ("row", "customer_ref", "churned", "split")]
    conflict = entry.issue("label_conflict")
    for copy, original in zip(conflict.rows, conflict.related_rows, strict=True):
        a, b = frame.row(copy, named=True), frame.row(original, named=True)
        assert [a[f] for f in features] == [b[f] for f in features] and a["churned"] != b["churned"]
    assert frame.select(features).is_duplicated().sum() == 2 * len(conflict.rows)
    noise = entry.issue("label_noise")
    assert len(noise.rows) == 30 and not set(noise.rows) & set(conflict.rows + conflict.related_rows)
    assert set(frame["split"]) == {"train", "test"} and set(frame["churned"]) == {"0", "1"}
