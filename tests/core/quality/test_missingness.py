"""Missingness: batched tests agree with SciPy pair by pair, and MCAR, MAR and MNAR columns are told apart."""

from __future__ import annotations

import numpy as np
import polars as pl
from scipy import stats

from datalinx.core.quality.missingness import _chi_square, _indicators, _mann_whitney, benjamini_hochberg
from datalinx.core.quality.truncation import find_truncation
from tests.core.quality.conftest import scan


def _generated(rng: np.random.Generator, rows: int = 6_000) -> pl.DataFrame:
    x = rng.normal(size=rows)
    group = rng.choice(list("ABCD"), size=rows)
    income = rng.lognormal(10, 0.5, rows)
    age = rng.integers(18, 90, rows).astype(float)
    score = rng.normal(50, 10, rows)
    u = rng.random
    return pl.DataFrame(
        {
            "x": x,
            "group": group,
            "mcar": pl.Series(np.where(u(rows) < 0.1, np.nan, score)).fill_nan(None),
            "mar_numeric": pl.Series(np.where(u(rows) < 1 / (1 + np.exp(-(2 * x - 2))), np.nan, score)).fill_nan(None),
            "mar_category": [None if g == "A" and r < 0.5 else "v" for g, r in zip(group, u(rows), strict=True)],
            "income": pl.Series(
                np.where((income > np.quantile(income, 0.85)) & (u(rows) < 0.5), np.nan, income)
            ).fill_nan(None),
            "age": pl.Series(np.where((age >= 65) & (u(rows) < 0.4), np.nan, age)).fill_nan(None),
            "birth_year": pl.Series(np.where((age >= 65) & (u(rows) < 0), 0, 2025 - age)),
        }
    ).with_columns(pl.when(pl.col("age").is_null()).then(None).otherwise(pl.col("birth_year")).alias("birth_year"))


def test_benjamini_hochberg_matches_scipy(rng: np.random.Generator) -> None:
    p = rng.random(40) ** 3
    assert np.allclose(benjamini_hochberg(p), stats.false_discovery_control(p, method="bh"))


def test_batched_tests_agree_with_scipy_pair_by_pair(rng: np.random.Generator) -> None:
    frame = _generated(rng, 2_000)
    targets = ["mcar", "mar_numeric", "mar_category"]
    m = _indicators(frame, targets)
    mwu = _mann_whitney({"x": frame.get_column("x")}, m)
    chi = _chi_square(frame, ["group"], m)
    x, group = frame.get_column("x").to_numpy(), frame.get_column("group").to_numpy()
    for j in range(len(targets)):
        missing = m[:, j].astype(bool)
        expected = stats.mannwhitneyu(x[missing], x[~missing], use_continuity=False).pvalue
        assert np.isclose(mwu["x"][1][j], expected, rtol=1e-6, atol=1e-12)
        table = [[np.sum(missing & (group == g)), np.sum(~missing & (group == g))] for g in "ABCD"]
        statistic, p, _, _ = stats.chi2_contingency(table, correction=False)
        assert np.isclose(chi["group"][0][j], statistic) and np.isclose(chi["group"][2][j], p)


def test_mechanisms_are_told_apart_with_their_evidence(rng: np.random.Generator) -> None:
    report = scan(_generated(rng))
    found = {m.column: m for m in report.missingness}
    assert {c: m.mechanism for c, m in found.items()} == {
        "mcar": "MCAR",
        "mar_numeric": "MAR",
        "mar_category": "MAR",
        "income": "MNAR",
        "age": "MNAR",
        "birth_year": "MNAR",
    }
    assert found["mar_numeric"].predictors[0].column == "x"
    assert found["mar_category"].predictors[0].column == "group"
    assert found["income"].suspected and "above" in found["income"].evidence[0]
    assert found["age"].missing_with == ["birth_year"] and not found["mcar"].suspected
    assert all(m.rows_tested == 6_000 for m in found.values())


def test_a_smooth_distribution_with_random_gaps_shows_no_truncation(rng: np.random.Generator) -> None:
    assert find_truncation(rng.normal(size=5_000), nulls=500) is None
    assert find_truncation(rng.lognormal(3, 0.8, 5_000), nulls=300) is None
    cut = rng.normal(size=6_000)
    kept = cut[(cut < 1) | (rng.random(cut.size) < 0.5)]
    found = find_truncation(kept, nulls=cut.size - kept.size)
    assert found is not None and found.side == "upper" and 0.8 < found.cut < 1.2 and 0.35 < found.kept < 0.75


def test_demo_customers_missingness_matches_how_it_was_injected(demo_scans: tuple) -> None:
    _, scans = demo_scans
    _, report = scans["customers.csv"]
    found = {m.column: m for m in report.missingness}
    assert {c: found[c].mechanism for c in ("phone", "city", "birth_date", "age")} == {
        "phone": "MCAR",
        "city": "MAR",
        "birth_date": "MNAR",
        "age": "MNAR",
    }
    assert found["city"].predictors[0].column == "country"
    assert found["age"].missing_with == ["birth_date"] and found["age"].suspected
