"""ML readiness: label and split detection, imbalance, constant features, conflicts, leakage and label errors."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from datalinx.core.quality.schemas import ScanReport
from tests.core.quality.conftest import flagged, issues_of, scan


def _learnable(rng: np.random.Generator, rows: int = 3_000) -> tuple[pl.DataFrame, list[int]]:
    x = rng.normal(size=(rows, 3))
    margin = 2 * x[:, 0] - x[:, 1] + 0.5 * x[:, 2] - 2.5
    label = (margin > 0).astype(int)
    flips = sorted(rng.choice(np.flatnonzero(np.abs(margin) > 1), 30, replace=False).tolist())
    label[flips] = 1 - label[flips]
    frame = pl.DataFrame(
        {
            "id": np.arange(rows),
            "x0": x[:, 0].round(3), "x1": x[:, 1].round(3), "x2": x[:, 2].round(3),
            "source": ["web"] * rows,
            "target": label,
            "split": np.where(rng.random(rows) < 0.8, "train", "test"),
        }
    )  # fmt: skip
    return frame, flips


@pytest.fixture(scope="module")
def learnable() -> tuple[pl.DataFrame, list[int], ScanReport]:
    """The learnable frame, its flipped rows, and one scan of it with the label found by name."""
    frame, flips = _learnable(np.random.default_rng(7))
    return frame, flips, scan(frame, detect_label=True)


def test_label_and_split_are_detected_by_name(learnable: tuple) -> None:
    _, _, report = learnable
    assert (report.label_column, report.split_column) == ("target", "split")


def test_imbalance_and_constant_features(learnable: tuple) -> None:
    frame, _, report = learnable
    (imbalance,) = issues_of(report, "class_imbalance")
    counts = frame.get_column("target").value_counts(name="n").sort("n")
    assert imbalance.affected_rows == counts.get_column("n")[1] - counts.get_column("n")[0]
    (constant,) = issues_of(report, "constant_feature")
    assert constant.columns == ["source"] and constant.fix == {"fix": "drop_column", "column": "source"}


def test_flipped_labels_are_found_out_of_fold(learnable: tuple) -> None:
    frame, flips, report = learnable
    found = flagged(frame, report, "label_error")
    assert len(found & set(flips)) >= 27 and len(found - set(flips)) <= 3


def test_conflicting_labels_and_leaked_rows(rng: np.random.Generator) -> None:
    frame, _ = _learnable(rng, 500)
    features = ["x0", "x1", "x2", "source"]
    train = frame.filter(pl.col("split") == "train")
    copy = train.head(3).with_columns(pl.lit("test").alias("split"), (500 + pl.int_range(3)).alias("id"))
    conflict = train.slice(3, 2).with_columns(
        (1 - pl.col("target")).alias("target"), (600 + pl.int_range(2)).alias("id")
    )
    frame = pl.concat([frame, copy, conflict])
    report = scan(frame, label_column="target", split_column="split", label_errors=False)
    assert flagged(frame, report, "train_test_leakage") == {500, 501, 502}
    assert flagged(frame, report, "label_conflict") == {503, 504}
    assert issues_of(report, "label_conflict")[0].rule["features"] == features
