"""The score math: clean-cell shares per dimension, weighted means, and impact as the gain from fixing one issue."""

from __future__ import annotations

import numpy as np
import pytest

from datalinx.core.quality.schemas import DEFAULT_WEIGHTS, ScanConfig
from datalinx.core.quality.score import Scored, applicable_weights, score


def _rows(*values: int) -> np.ndarray:
    return np.array(values, dtype=np.int64)


def test_dimension_scores_are_the_share_of_clean_cells_and_overall_is_their_weighted_mean() -> None:
    issues = [
        Scored("completeness", ["a"], _rows(0, 1, 2, 3, 4)),  # half of column a
        Scored("validity", ["b"], _rows(0, 1)),  # a fifth of column b
    ]
    weights = {"completeness": 1.0, "validity": 1.0, "uniqueness": 0, "consistency": 0, "accuracy": 0}
    result = score(issues, rows=10, columns=["a", "b"], weights=weights, has_label=False)
    dims = {d.dimension: d.score for d in result.dimensions}
    assert dims["completeness"] == 75.0 and dims["validity"] == 90.0 and dims["uniqueness"] == 100.0
    assert result.score == pytest.approx((75.0 + 90.0) / 2)
    columns = {c.column: c for c in result.columns}
    assert columns["a"].dimensions["completeness"] == 50.0 and columns["a"].score == pytest.approx(75.0)
    assert "ml_readiness" not in dims


def test_impact_is_the_gain_from_treating_an_issues_rows_as_fixed() -> None:
    weights = dict.fromkeys(DEFAULT_WEIGHTS, 1.0)
    issues = [
        Scored("validity", ["a"], _rows(0, 1, 2, 3)),
        Scored("validity", ["a"], _rows(2, 3, 4)),  # overlaps the first on rows 2 and 3
        Scored("uniqueness", ["a", "b"], _rows(8, 9)),
    ]
    result = score(issues, rows=10, columns=["a", "b"], weights=weights, has_label=False)
    for index in range(len(issues)):
        rest = [issue for i, issue in enumerate(issues) if i != index]
        without = score(rest, rows=10, columns=["a", "b"], weights=weights, has_label=False)
        assert result.impacts[index] == pytest.approx(without.score - result.score, abs=1e-3)
    assert result.impacts[2] > result.impacts[0] > result.impacts[1]  # 4 cells only it holds, then 2, then 1


def test_weights_are_renormalised_and_ml_readiness_counts_only_with_a_label() -> None:
    assert "ml_readiness" not in applicable_weights(DEFAULT_WEIGHTS, has_label=False)
    used = applicable_weights(DEFAULT_WEIGHTS, has_label=True)
    assert sum(used.values()) == pytest.approx(1.0) and used["ml_readiness"] == pytest.approx(0.15)
    assert ScanConfig(weights={"validity": 2.0}).weights["completeness"] == DEFAULT_WEIGHTS["completeness"]
    with pytest.raises(ValueError, match="unknown dimensions"):
        ScanConfig(weights={"timeliness": 1.0})
