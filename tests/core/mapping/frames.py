"""Small source tables for mapping tests, as the facts a planner sees and as Parquet files to run plans on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from datalinx.core.datasets.facts import DatasetFacts, facts_from_parquet
from datalinx.core.mapping.schemas import TargetSchema, parse_target_schema


def facts_of(frame: pl.DataFrame, folder: Path, name: str = "source") -> tuple[DatasetFacts, Path]:
    """The frame written as Parquet, and its facts."""
    path = folder / f"{name}.parquet"
    frame.write_parquet(path)
    return facts_from_parquet(name, path), path


def target(*fields: dict[str, Any], name: str = "target") -> TargetSchema:
    """A target schema from field dicts, parsed as user JSON is."""
    return parse_target_schema({"name": name, "fields": list(fields)})


def field(name: str, kind: str = "string", **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, **extra}


def crm(rows: int = 40) -> pl.DataFrame:
    """A CRM export with messy names: FName, LName, E-Mail, Tel, DOB as DD/MM/YYYY, country names, qty as text."""
    first = ["Ada", "Alan", "Grace", "Émile", "Lea"]
    last = ["Lovelace", "Turing", "Hopper", "Zola", "de Vries"]
    countries = ["Germany", "France", "germany", "DEU", "FR"]
    return pl.DataFrame(
        {
            "FName": [first[i % 5] for i in range(rows)],
            "LName": [last[i % 5] for i in range(rows)],
            "E-Mail": [f"user{i}@example.com" for i in range(rows)],
            "Tel": [f"+49 30 {1000000 + i}" for i in range(rows)],
            "DOB": [f"{1 + i % 28:02d}/{1 + i % 12:02d}/19{50 + i % 40}" for i in range(rows)],
            "Country": [countries[i % 5] for i in range(rows)],
            "qty": [str(i % 7) for i in range(rows)],
            "Newsletter": ["Y" if i % 3 else "N" for i in range(rows)],
        }
    )
