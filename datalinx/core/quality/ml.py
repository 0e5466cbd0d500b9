"""ML readiness: label and split detection, class imbalance, constant features, label conflicts, leakage, errors."""

from __future__ import annotations

import re

import numpy as np
import polars as pl

from datalinx.core.quality.context import Candidate, ScanContext
from datalinx.core.quality.frames import sample_rows
from datalinx.core.quality.profiles import value_counts

LABEL_NAME = re.compile(
    r"^(label|target|class|y|outcome|churn|churned|is_churn|fraud|is_fraud|default|defaulted|survived|converted"
    r"|response|clicked|purchased|is_.*_label)$",
    re.IGNORECASE,
)
SPLIT_NAME = re.compile(r"^(split|fold|set|subset|partition|dataset|data_split|train_test)$", re.IGNORECASE)
MAX_CLASSES = 20
NEAR_CONSTANT = 0.99
IMBALANCE = 0.5  # the smallest class under half its balanced share is an imbalance
MAX_LEVELS = 30
MAX_LABEL_ERRORS = 1_000


def detect_label(ctx: ScanContext) -> str | None:
    """The configured label column, else a low-cardinality column named like a target."""
    if ctx.config.label_column:
        return ctx.config.label_column
    if not ctx.config.detect_label:
        return None
    for name, profile in ctx.profiles.items():
        if LABEL_NAME.match(name) and 2 <= profile.distinct_count <= MAX_CLASSES:
            return name
    return None


def detect_split(ctx: ScanContext) -> str | None:
    """The configured split column, else a column named like one holding a 'train' value."""
    if ctx.config.split_column:
        return ctx.config.split_column
    for name, profile in ctx.profiles.items():
        values = {str(v.value).lower() for v in profile.top_values}
        if SPLIT_NAME.match(name) and "train" in values and profile.distinct_count <= 5:
            return name
    return None


def _features_and_label(ctx: ScanContext) -> list[Candidate]:
    found = []
    label = ctx.label
    assert label is not None
    counts = ctx.value_counts(label)
    if counts.height >= 2:
        majority, top = counts.row(0)
        smallest = int(counts.get_column("count").min())
        total = int(counts.get_column("count").sum())
        if smallest < IMBALANCE * total / counts.height:
            found.append(
                Candidate(
                    type="class_imbalance",
                    dimension="ml_readiness",
                    columns=[label],
                    rule={"check": "class_excess", "label": label, "value": majority, "keep": smallest},
                    message=f"'{label}' = {majority!r} has {top} rows, the smallest class {smallest}",
                    suggestion="Rebalance the classes (class weights, resampling) or collect more minority examples.",
                    fix={"fix": "class_weights", "label": label},
                    severity="medium",
                )
            )
    for name in ctx.features():
        profile = ctx.profiles[name]
        head = profile.top_values[0] if profile.top_values else None
        share = head.count / ctx.rows if head else 0.0
        if profile.distinct_count <= 1 or share >= NEAR_CONSTANT:
            kind = (
                "constant_feature"
                if profile.distinct_count <= 1 and not profile.null_count
                else "near_constant_feature"
            )
            value = head.value if head and profile.distinct_count else None
            found.append(
                Candidate(
                    type=kind,
                    dimension="ml_readiness",
                    columns=[name],
                    rule={"check": "dominant_value", "column": name, "value": value},
                    message=f"'{name}' is {value!r} in {share:.1%} of rows and tells a model almost nothing",
                    suggestion=f"Drop '{name}' from the features.",
                    fix={"fix": "drop_column", "column": name},
                    severity="low",
                )
            )
    return found


def _conflicts_and_leaks(ctx: ScanContext) -> list[Candidate]:
    label, features = ctx.label, ctx.features()
    found = []
    if label and features:
        found.append(
            Candidate(
                type="label_conflict",
                dimension="ml_readiness",
                columns=[*features, label],
                score_columns=[label],
                rule={"check": "label_conflict", "features": features, "label": label},
                message=f"rows with the same features as an earlier row but another '{label}'",
                suggestion="Decide which label is right for each group of identical rows and drop the others.",
                fix={"fix": "resolve_label_conflicts", "label": label},
                severity="high",
            )
        )
    if ctx.split and features:
        found.append(
            Candidate(
                type="train_test_leakage",
                dimension="ml_readiness",
                columns=[ctx.split, *features],
                score_columns=[ctx.split],
                rule={"check": "leakage", "features": features, "split": ctx.split, "train": "train"},
                message=f"evaluation rows whose features also appear in a training row (split by '{ctx.split}')",
                suggestion="Remove these rows from the evaluation split, or split by entity so copies stay together.",
                fix={"fix": "drop_rows"},
                severity="high",
            )
        )
    return found


def design_matrix(frame: pl.DataFrame, features: list[str]) -> np.ndarray:
    """Numbers as they are (nulls as NaN), booleans as 0/1, low-cardinality text one-hot; other columns left out."""
    parts: list[np.ndarray] = []
    for name in features:
        dtype = frame.schema[name]
        col = frame.get_column(name)
        if dtype.is_numeric() or dtype == pl.Boolean:
            parts.append(col.cast(pl.Float64).fill_nan(None).to_numpy().reshape(-1, 1))
        elif isinstance(dtype, pl.Date | pl.Datetime):
            parts.append(col.cast(pl.Date).cast(pl.Float64).to_numpy().reshape(-1, 1))
        elif dtype == pl.String:
            levels = value_counts(col).head(MAX_LEVELS).get_column("value").to_list()
            if len(levels) >= 2 and col.n_unique() <= 10 * MAX_LEVELS:
                parts.append(np.column_stack([(col == level).fill_null(False).to_numpy() for level in levels]))
    return np.column_stack(parts).astype(float) if parts else np.empty((frame.height, 0))


def label_errors(ctx: ScanContext, exclude: np.ndarray) -> Candidate | None:
    """Rows whose label an out-of-fold model finds very unlikely, on a sample (confident-learning style)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from threadpoolctl import threadpool_limits

    label = ctx.label
    assert label is not None
    index = sample_rows(ctx.rows, ctx.config.ml_sample_size, ctx.config.seed)
    index = np.setdiff1d(index, exclude)
    frame = ctx.frame[index]
    known = frame.get_column(label).is_not_null().to_numpy()
    index, frame = index[known], frame.filter(pl.Series(known))
    y = frame.get_column(label).cast(pl.String).to_numpy()
    classes, counts = np.unique(y, return_counts=True)
    x = design_matrix(frame, ctx.features())
    if len(classes) < 2 or counts.min() < 10 or x.shape[1] == 0:
        return None
    if ctx.rows > ctx.config.ml_sample_size:
        ctx.notes.append(f"label errors checked with out-of-fold predictions on a {len(index):,}-row sample")
    folds = StratifiedKFold(n_splits=min(5, int(counts.min())), shuffle=True, random_state=ctx.config.seed)
    # Two views averaged: boosted trees catch interactions, a linear model is better calibrated on small samples
    # and on labels that follow a score; a label both find unlikely is rarely a false alarm.
    trees = HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_leaf_nodes=15, random_state=0)
    linear = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=500))
    # One thread: OpenMP in the boosted trees slows down 20x when the cores are already busy (a worker pool,
    # the missingness tests running beside this); single-threaded it takes under a second on 20,000 rows.
    with threadpool_limits(1):
        probabilities = np.mean(
            [cross_val_predict(model, x, y, cv=folds, method="predict_proba") for model in (trees, linear)], axis=0
        )
    position = np.searchsorted(classes, y)
    given = probabilities[np.arange(len(y)), position]
    # Per-class thresholds as in confident learning: a label is suspect when the model is less sure of it than it
    # usually is of that class and confident of another class; a low floor keeps natural ambiguity out.
    thresholds = np.array([probabilities[position == k, k].mean() for k in range(len(classes))])
    other = probabilities.copy()
    other[np.arange(len(y)), position] = -1
    best = other.argmax(axis=1)
    suspect = np.flatnonzero((given < 0.1) & (other.max(axis=1) >= thresholds[best]))
    if suspect.size > MAX_LABEL_ERRORS:
        # The rows are embedded in the rule (a model cannot be re-run cheaply); keep the report small.
        suspect = suspect[np.argsort(given[suspect], kind="stable")[:MAX_LABEL_ERRORS]]
        ctx.notes.append(f"label errors: only the {MAX_LABEL_ERRORS:,} least likely labels are listed")
    rows = np.sort(index[suspect])
    return Candidate(
        type="label_error",
        dimension="ml_readiness",
        columns=[label],
        rule={"check": "rows", "rows": rows.tolist(), "method": "out-of-fold boosted trees + logistic regression"},
        message=f"rows whose '{label}' an out-of-fold model gives under 10% probability",
        suggestion=f"Review the '{label}' of these rows; relabel the ones that are wrong.",
        fix={"fix": "relabel", "label": label},
    )


def detect(ctx: ScanContext) -> list[Candidate]:
    """ML-readiness candidates except label errors, which need the label conflicts' rows first."""
    found = _conflicts_and_leaks(ctx)
    if ctx.label:
        found = _features_and_label(ctx) + found
    return found
