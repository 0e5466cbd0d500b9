"""Every supported format and text encoding, uploaded over REST, reads back as the same rows and types."""

from __future__ import annotations

import datetime as dt
import io
import json

import polars as pl
import pytest
from fastapi.testclient import TestClient

from tests.conftest import Tenant

FRAME = pl.DataFrame(
    {
        "id": [1, 2, 3],
        "city": ["Zürich", "São Paulo", "Köln"],
        "price": [1.5, None, 3.25],
        "active": [True, False, True],
        "day": [dt.date(2024, 1, 31), dt.date(2024, 2, 29), None],
    }
)


def encoded(text: str, encoding: str) -> bytes:
    return text.encode("utf-8-sig" if encoding == "utf-8-sig" else encoding)


def as_records() -> list[dict]:
    return [{**row, "day": row["day"].isoformat() if row["day"] else None} for row in FRAME.to_dicts()]


def payloads() -> list[tuple[str, str, bytes]]:
    cases: list[tuple[str, str, bytes]] = []
    for encoding in ("utf-8", "utf-8-sig", "latin-1"):
        cases.append((f"csv-{encoding}", "data.csv", encoded(FRAME.write_csv(), encoding)))
        cases.append((f"tsv-{encoding}", "data.tsv", encoded(FRAME.write_csv(separator="\t"), encoding)))
        cases.append((f"json-{encoding}", "data.json", encoded(json.dumps(as_records(), ensure_ascii=False), encoding)))
        ndjson = "\n".join(json.dumps(r, ensure_ascii=False) for r in as_records()) + "\n"
        cases.append((f"ndjson-{encoding}", "data.ndjson", encoded(ndjson, encoding)))
    parquet, excel = io.BytesIO(), io.BytesIO()
    FRAME.write_parquet(parquet)
    FRAME.write_excel(excel)
    cases.append(("parquet", "data.parquet", parquet.getvalue()))
    cases.append(("excel", "data.xlsx", excel.getvalue()))
    return cases


@pytest.mark.parametrize(("label", "filename", "content"), payloads(), ids=[c[0] for c in payloads()])
def test_format_round_trip(client: TestClient, tenant: Tenant, label: str, filename: str, content: bytes) -> None:
    owner = tenant.headers()
    answer = client.post("/v1/datasets", files={"file": (filename, content)}, data={"name": label}, headers=owner)
    assert answer.status_code == 201, f"{label}: {answer.text}"
    download = client.get(f"/v1/datasets/{answer.json()['id']}/download", headers=owner)
    stored = pl.read_parquet(io.BytesIO(download.content))
    assert stored.columns == FRAME.columns
    assert dict(stored.schema) == {
        "id": pl.Int64,
        "city": pl.String,
        "price": pl.Float64,
        "active": pl.Boolean,
        "day": pl.Date,
    }, label
    assert stored.to_dicts() == FRAME.to_dicts(), label
