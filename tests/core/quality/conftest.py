"""Helpers for quality-engine tests: scan small frames in memory and read an issue's rows back."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest

from datalinx.core.datasets.demo import DemoManifest, generate_demo
from datalinx.core.datasets.ingest import ingest_file
from datalinx.core.quality.engine import scan_frame, scan_parquet
from datalinx.core.quality.rules import evaluate
from datalinx.core.quality.schemas import IssueReport, ScanConfig, ScanReport


def scan(frame: pl.DataFrame, **config: object) -> ScanReport:
    """Scan a frame with the label detection off unless asked for (small frames have no label)."""
    config.setdefault("detect_label", False)
    return scan_frame(frame, config=ScanConfig(**config))


def issues_of(report: ScanReport, kind: str, column: str | None = None) -> list[IssueReport]:
    """The report's issues of one type (on one column)."""
    return [i for i in report.issues if i.type == kind and (column is None or column in i.columns)]


def rows_of(frame: pl.DataFrame, issue: IssueReport) -> list[int]:
    """The rows an issue's rule selects in a frame."""
    (rows,) = evaluate(frame, [issue.rule])
    return rows.tolist()


def flagged(frame: pl.DataFrame, report: ScanReport, kind: str, column: str | None = None) -> set[int]:
    """Every row any issue of this type flags."""
    return {row for issue in issues_of(report, kind, column) for row in rows_of(frame, issue)}


@pytest.fixture(scope="session")
def demo_scans(tmp_path_factory: pytest.TempPathFactory) -> tuple[DemoManifest, dict[str, tuple[Path, ScanReport]]]:
    """The demo files as Parquet, each scanned once with default settings."""
    folder = tmp_path_factory.mktemp("quality-demo")
    manifest = generate_demo(folder, seed=7)
    scans = {}
    for entry in manifest.files:
        target = (folder / entry.name).with_suffix(".parquet")
        ingest_file(folder / entry.name, target)
        scans[entry.name] = (target, scan_parquet(target))
    return manifest, scans


@pytest.fixture
def rng() -> np.random.Generator:
    """A seeded random generator."""
    return np.random.default_rng(42)
