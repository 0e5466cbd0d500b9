"""A library of DAGs over generated tables, covering every node kind, and a way to run one on an engine."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from datalinx.core.pipelines.local import run_files
from datalinx.core.pipelines.schemas import RunReport


def make_tables(rows: int = 400, seed: int = 3) -> dict[str, pl.DataFrame]:
    """customers, orders and returns with nulls, ties, duplicates, unicode and dates over several years."""
    rng = random.Random(seed)
    countries = ["DE", "FR", "US", "GB", None]
    customers = pl.DataFrame(
        {
            "customer_id": list(range(1, 101)),
            "name": [rng.choice(["Ada", "Bob", "Çelik", "Dana", " Eve ", None]) for _ in range(100)],
            "email": [rng.choice([f"user{i}@example.com", f"USER{i}@Example.com ", None]) for i in range(100)],
            "country": [rng.choice(countries) for _ in range(100)],
            "signup": [dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 1800)) for _ in range(100)],
            "age": [rng.choice([None, *range(18, 80)]) for _ in range(100)],
            "vip": [rng.choice([True, False, None]) for _ in range(100)],
        }
    )
    orders = pl.DataFrame(
        {
            "order_id": list(range(1, rows + 1)),
            "customer_id": [rng.choice([*range(1, 110), None]) for _ in range(rows)],
            "amount": [rng.choice([None, round(rng.uniform(-5, 500), 2)]) for _ in range(rows)],
            "quantity": [rng.choice([None, *range(0, 9)]) for _ in range(rows)],
            "status": [rng.choice(["shipped", "pending", "cancelled", None]) for _ in range(rows)],
            "ordered_at": [
                dt.datetime(2022, 1, 1) + dt.timedelta(minutes=rng.randint(0, 1_500_000)) for _ in range(rows)
            ],
            "code": [rng.choice(["12", " 7 ", "x", "", "3.5", None, "-4"]) for _ in range(rows)],
        }
    )
    returns = pl.DataFrame(
        {
            "order_id": [rng.randint(1, rows) for _ in range(60)],
            "amount": [round(rng.uniform(0, 100), 1) for _ in range(60)],
            "reason": [rng.choice(["damaged", "late", None]) for _ in range(60)],
        }
    )
    return {"customers": customers, "orders": orders, "returns": returns}


def write_tables(folder: Path, tables: dict[str, pl.DataFrame]) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, frame in tables.items():
        paths[name] = folder / f"{name}.parquet"
        frame.write_parquet(paths[name])
    return paths


@dataclass
class Outcome:
    report: RunReport
    outputs: dict[str, pl.DataFrame]


def chain(*nodes: dict[str, Any]) -> dict[str, Any]:
    """A definition whose nodes run one after another."""
    edges = [{"source": a["id"], "target": b["id"]} for a, b in itertools.pairwise(nodes)]
    return {"nodes": list(nodes), "edges": edges}


def src(name: str, node_id: str | None = None) -> dict[str, Any]:
    return {"id": node_id or name, "kind": "source", "dataset": name}


def sink(node_id: str = "out") -> dict[str, Any]:
    return {"id": node_id, "kind": "sink_dataset", "dataset": f"{node_id}_data"}


def run_on(engine: str, definition: dict[str, Any], paths: dict[str, Path], work: Path, **options: Any) -> Outcome:
    """Validate (failing on problems) and run on `engine`; the sinks' outputs read back as frames."""
    report, outputs = run_files(definition, paths, work, engine=engine, **options)
    return Outcome(report=report, outputs=outputs)


def canonical(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows in one order (by every column) so two engines' outputs compare regardless of row order."""
    sortable = [c for c, t in frame.schema.items() if not isinstance(t, pl.List | pl.Struct | pl.Object)]
    return frame.sort(sortable, nulls_last=True) if sortable and frame.height else frame
