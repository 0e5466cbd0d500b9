"""The offline planner on the demo data: each request's DAG validates, runs on both engines, and gives the rows an
independent Polars computation gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from datalinx.agents.offline import draft
from datalinx.agents.schemas import Draft
from datalinx.core.datasets.demo import generate_demo
from datalinx.core.datasets.facts import CatalogView, facts_from_parquet
from datalinx.core.datasets.ingest import ingest_file
from datalinx.core.pipelines.dag import SINK_KINDS, PipelineDefinition
from datalinx.core.pipelines.local import checked, run_files
from datalinx.core.pipelines.types import normalize

NAMES = ("customers", "products", "orders", "churn")
Frames = dict[str, pl.DataFrame]


@dataclass
class Demo:
    catalog: CatalogView
    paths: dict[str, Path]
    frames: Frames


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """The demo CSVs ingested to Parquet as the platform does, and the catalog a planner sees."""
    folder = tmp_path_factory.mktemp("offline_demo")
    generate_demo(folder, seed=7)
    paths = {}
    for name in NAMES:
        paths[name] = folder / f"{name}.parquet"
        ingest_file(folder / f"{name}.csv", paths[name], original_name=f"{name}.csv")
    catalog = CatalogView(datasets=[facts_from_parquet(name, path) for name, path in paths.items()])
    frames = {name: normalize(pl.scan_parquet(path)).collect() for name, path in paths.items()}
    return Demo(catalog, paths, frames)


def final_output(definition: dict[str, Any], demo: Demo, work: Path, engine: str) -> pl.DataFrame:
    """The rows of the definition's answer: the last sink's input, else the node nothing reads."""
    model, validation = checked(definition, demo.paths)
    validation.raise_for_problems()
    sinks = [n for n in validation.order if model.node(n).kind in SINK_KINDS]
    read = {e.source for e in model.edges}
    final = model.inputs(sinks[-1])[0].source if sinks else [n for n in validation.order if n not in read][-1]
    nodes = [n.model_dump(exclude_none=True) for n in model.nodes if n.kind not in SINK_KINDS]
    edges = [e.model_dump(exclude_none=True) for e in model.edges if model.node(e.target).kind not in SINK_KINDS]
    nodes.append({"id": "answer", "kind": "sink_dataset", "dataset": "answer"})
    edges.append({"source": final, "target": "answer"})
    _, outputs = run_files({"nodes": nodes, "edges": edges}, demo.paths, work / engine, engine=engine)
    return outputs["answer"]


def answer(request: str, demo: Demo, work: Path, previous: dict[str, Any] | None = None) -> tuple[Draft, pl.DataFrame]:
    """Plan the request (understood in full), check its definition validates, and run it on both engines."""
    planned = draft(request, demo.catalog, previous)
    assert planned.definition is not None, planned.not_understood
    assert planned.not_understood == [], planned.not_understood
    PipelineDefinition.model_validate(planned.definition)
    outputs = [final_output(planned.definition, demo, work, engine) for engine in ("polars", "duckdb")]
    assert_frame_equal(outputs[0], outputs[1], check_row_order=False, check_dtypes=False)
    return planned, outputs[0]


def plan_steps(request: str, demo: Demo) -> list[dict[str, Any]]:
    """The plan's nodes without their ids, after checking every word was understood."""
    planned = draft(request, demo.catalog)
    assert planned.definition is not None, planned.not_understood
    assert planned.not_understood == [], planned.not_understood
    return [{k: v for k, v in node.items() if k != "id"} for node in planned.definition["nodes"]]


def refused(request: str, demo: Demo, previous: dict[str, Any] | None = None) -> list[str]:
    """What the planner says it did not understand in `request`, checked to be something."""
    planned = draft(request, demo.catalog, previous)
    assert planned.not_understood, f"planned without a word said unclear: {planned.definition}"
    return planned.not_understood


def same_rows(output: pl.DataFrame, expected: pl.DataFrame, *, ordered: bool = False) -> None:
    """The expected columns (by name) hold the expected rows; other output columns are allowed."""
    missing = [c for c in expected.columns if c not in output.columns]
    assert not missing, f"no columns {missing} in {output.columns}"
    picked = output.select(expected.columns)
    assert_frame_equal(picked, expected, check_row_order=ordered, check_dtypes=False, rel_tol=1e-6)


def gives(request: str, dataset: str, test: pl.Expr, demo: Demo, work: Path) -> None:
    """The request, understood in full, keeps the rows of `dataset` the polars test keeps (on both engines)."""
    _, output = answer(request, demo, work)
    same_rows(output, demo.frames[dataset].filter(test))


def lowered(column: str) -> pl.Expr:
    """A text column in lower case without its edge spaces: how the planner compares a value's spellings."""
    return pl.col(column).str.strip_chars().str.to_lowercase()


def folded(column: str) -> pl.Expr:
    """A text column lower-cased without spaces or dashes: how spellings of one value are told apart."""
    return pl.col(column).str.strip_chars().str.to_lowercase().str.replace_all(r"[\s\-.]", "")


def as_one_spelling(frame: pl.DataFrame, column: str, key: pl.Expr | None = None) -> pl.DataFrame:
    """`frame` with each value of `column` written as the most common spelling among those sharing its `key`."""
    key = (folded(column) if key is None else key).alias("_key")
    counts = frame.group_by(key, pl.col(column)).len().sort("len", column, descending=[True, False])
    heads = counts.unique("_key", keep="first", maintain_order=True).select("_key", pl.col(column).alias("_head"))
    joined = frame.with_columns(key).join(heads, on="_key", how="left", maintain_order="left")
    return joined.with_columns(pl.col("_head").alias(column)).drop("_key", "_head")


# How the demo's spellings of one value are told apart: a category's plural, a country's name, a contract's short form.
CATEGORY = folded("category").str.strip_suffix("s")
COUNTRY = folded("country").replace(
    {"germany": "de", "deutschland": "de", "unitedstates": "us", "usa": "us", "france": "fr", "fra": "fr", "uk": "gb"}
    | {"unitedkingdom": "gb", "spain": "es", "italy": "it", "netherlands": "nl"}
)
CONTRACT = folded("contract").replace({"m2m": "monthtomonth", "2year": "twoyear"})
GERMANY = folded("country").is_in(["de", "deutschland", "germany"])
Expected = Callable[[Frames], pl.DataFrame]
CASES: list[tuple[str, Expected]] = [
    ("orders with a total revenue above 500", lambda f: f["orders"].filter(pl.col("total_revenue") > 500)),
    ("Could you show me which products cost less than 20?", lambda f: f["products"].filter(pl.col("price") < 20)),
    ("customers aged between 30 and 40", lambda f: f["customers"].filter(pl.col("age").is_between(30, 40))),
    ("Do we have customers older than 90?", lambda f: f["customers"].filter(pl.col("age") > 90)),
    ("churn records with more than 5 support calls", lambda f: f["churn"].filter(pl.col("support_calls") > 5)),
    ("pending orders", lambda f: f["orders"].filter(pl.col("status") == "pending")),
    (
        "I only care about delivered orders",
        lambda f: f["orders"].filter(folded("status").is_in(["delivered", "delivred"])),
    ),
    ("customers from Germany", lambda f: f["customers"].filter(GERMANY)),
    (
        "orders that were not cancelled",
        lambda f: f["orders"].filter(~folded("status").is_in(["cancelled", "canceled"])),
    ),
    ("orders shipped to France or Italy", lambda f: f["orders"].filter(pl.col("country").is_in(["FR", "IT"]))),
    ("Which orders were placed in 2024?", lambda f: f["orders"].filter(pl.col("order_date").dt.year() == 2024)),
    ("orders before 2022-06-01", lambda f: f["orders"].filter(pl.col("order_date") < pl.date(2022, 6, 1))),
    ("customers born after 1990", lambda f: f["customers"].filter(pl.col("birth_date").dt.year() > 1990)),
    (
        "show me the customers that signed up before 2020 please",
        lambda f: f["customers"].filter(pl.col("signup_date").str.to_date("%Y-%m-%d", strict=False).dt.year() < 2020),
    ),
    ("orders from March 2024", lambda f: f["orders"].filter(pl.col("order_date").dt.strftime("%Y-%m") == "2024-03")),
    ("Which orders have no ship date yet?", lambda f: f["orders"].filter(pl.col("ship_date").is_null())),
    ("customers without a phone number", lambda f: f["customers"].filter(pl.col("phone").is_null())),
    ("customers whose email ends with .de", lambda f: f["customers"].filter(pl.col("email").str.ends_with(".de"))),
    ("exclude test accounts", lambda f: f["customers"].filter(~pl.col("is_test_account"))),
    (
        "churned subscribers on a month-to-month contract",
        lambda f: f["churn"].filter((pl.col("churned") == 1) & folded("contract").is_in(["monthtomonth", "m2m"])),
    ),
    ("Which orders have a negative quantity?", lambda f: f["orders"].filter(pl.col("quantity") < 0)),
    (
        "Find orders whose ship date is before the order date.",
        lambda f: f["orders"].filter(pl.col("ship_date") < pl.col("order_date")),
    ),
    ("fibre internet subscribers", lambda f: f["churn"].filter(pl.col("internet_service") == "fiber")),
    ("customers living in Munich", lambda f: f["customers"].filter(pl.col("city") == "München")),
]


@pytest.mark.parametrize(("request_text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_row_tests_give_the_rows_polars_gives(
    request_text: str, expected: Expected, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_germany_is_read_as_the_country_code_and_its_spellings(demo: Demo, tmp_path: Path) -> None:
    planned, _ = answer("orders from Germany", demo, tmp_path)
    filters = [n for n in planned.definition["nodes"] if n["kind"] == "filter"]  # type: ignore[index]
    assert filters[0]["condition"] == "country = 'DE'"
    assert any("'Germany' as country = 'DE'" in a for a in planned.assumptions)


def test_revenue_finds_total_revenue(demo: Demo, tmp_path: Path) -> None:
    planned, output = answer("revenue per country", demo, tmp_path)
    expected = demo.frames["orders"].group_by("country").agg(pl.col("total_revenue").sum().alias("sum_total_revenue"))
    same_rows(output, expected)
    assert planned.explanations, "every node is explained"
