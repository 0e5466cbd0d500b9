"""The demo data the planner evaluation runs on: generated once, ingested to Parquet, described and loaded."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

from datalinx.core.datasets.demo import generate_demo
from datalinx.core.datasets.facts import CatalogView, facts_from_parquet
from datalinx.core.datasets.ingest import ingest_file
from datalinx.core.pipelines.types import normalize

DATASETS = ("customers", "orders", "products", "churn")
SEED = 7
# Bump when the way the cache is built changes, so stale caches are not reused.
CACHE_VERSION = 1


@dataclass(frozen=True)
class DemoData:
    """Parquet files by dataset name, the catalog a planner sees, and the same data as frames for expectations."""

    paths: dict[str, Path]
    catalog: CatalogView
    frames: dict[str, pl.DataFrame]


def cache_root() -> Path:
    """Where generated data lives: outside the repository, in the system's temporary folder unless overridden."""
    override = os.environ.get("DATALINX_EVAL_CACHE")
    return Path(override) if override else Path(tempfile.gettempdir()) / "datalinx-evals"


def _build(folder: Path, seed: int) -> None:
    """Generate the demo CSVs into `folder` and ingest each exactly as an upload would be."""
    generate_demo(folder, seed=seed)
    for name in DATASETS:
        ingest_file(folder / f"{name}.csv", folder / f"{name}.parquet", original_name=f"{name}.csv")


def prepare(seed: int = SEED) -> Path:
    """The folder holding the ingested demo files, built on first use; concurrent builders do not clash."""
    target = cache_root() / f"planner-demo-seed{seed}-v{CACHE_VERSION}"
    if all((target / f"{name}.parquet").exists() for name in DATASETS):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f"{target.name}.", dir=target.parent))
    try:
        _build(building, seed)
        try:
            building.rename(target)
        except OSError:  # another process finished first; theirs is the same data
            if not all((target / f"{name}.parquet").exists() for name in DATASETS):
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return target


@cache
def demo_data(seed: int = SEED) -> DemoData:
    """The ingested demo datasets with their catalog and frames (typed as pipelines read them)."""
    folder = prepare(seed)
    paths = {name: folder / f"{name}.parquet" for name in DATASETS}
    catalog = CatalogView(datasets=[facts_from_parquet(name, path) for name, path in paths.items()])
    frames = {name: normalize(pl.scan_parquet(path)).collect() for name, path in paths.items()}
    return DemoData(paths=paths, catalog=catalog, frames=frames)
