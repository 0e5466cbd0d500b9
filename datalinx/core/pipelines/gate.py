"""Quality gates: scan a node's input with the quality engine and compare it with the gate's thresholds."""

from __future__ import annotations

from pathlib import Path

from datalinx.core.pipelines.dag import QualityGateNode
from datalinx.core.pipelines.schemas import GateResult
from datalinx.core.quality.schemas import ScanConfig, ScanReport

# Issue types a quality scan reports, which gate checks may name.
ISSUE_TYPES = (
    "exact_duplicate", "near_duplicate", "duplicate_key", "missing_values", "invalid_email", "invalid_phone",
    "invalid_url", "invalid_postal_code", "invalid_date", "type_mismatch", "not_finite", "negative_value",
    "future_date", "whitespace", "inconsistent_format", "mixed_date_format", "category_variant",
    "unit_inconsistency", "cross_column_violation", "calculation_mismatch", "orphan_reference", "outlier",
    "test_record", "class_imbalance", "constant_feature", "near_constant_feature", "label_conflict", "label_error",
    "train_test_leakage",
)  # fmt: skip


def judge(node: QualityGateNode, report: ScanReport) -> GateResult:
    """Pass or fail with every reason: the score, each dimension, and each named check's affected rows."""
    reasons: list[str] = []
    dimensions = {d.dimension: d.score for d in report.dimensions}
    if node.min_score is not None and report.score < node.min_score:
        reasons.append(f"quality score {report.score:.1f} is below {node.min_score:g}")
    for name, minimum in node.min_dimensions.items():
        score = dimensions.get(name)
        if score is not None and score < minimum:
            reasons.append(f"{name} score {score:.1f} is below {minimum:g}")
    for check in node.checks:
        rows = sum(
            issue.affected_rows
            for issue in report.issues
            if issue.type == check.issue_type and (check.column is None or check.column in issue.columns)
        )
        if rows > check.max_rows:
            where = f" in column '{check.column}'" if check.column else ""
            reasons.append(f"{rows} rows with {check.issue_type}{where}, more than {check.max_rows}")
    return GateResult(node=node.id, passed=not reasons, score=report.score, dimensions=dimensions, reasons=reasons)


def check_gate(node: QualityGateNode, path: Path, weights: dict[str, float] | None = None) -> GateResult:
    """Scan the gate's input file and judge it."""
    from datalinx.core.quality import engine

    config = ScanConfig(weights=weights) if weights else ScanConfig()
    return judge(node, engine.scan_parquet(path, config=config))
