"""Data quality: profiles, dimension scores, issues with recomputable rules, and missingness mechanisms.

Entry points (engine.py): `scan_parquet(path, config=, progress=) -> ScanReport` and
`failing_rows(path, issue, offset=, limit=) -> list[dict]`.

- Dimensions: completeness, uniqueness, validity, consistency, accuracy, ml_readiness (only with a label column).
  Default weights 0.20 / 0.15 / 0.20 / 0.15 / 0.15 / 0.15 (`schemas.DEFAULT_WEIGHTS`), renormalised over the
  dimensions that apply. A column's dimension score is the share of its rows no issue of that dimension touches;
  the dataset's is the mean over columns (the share of clean cells); the overall score is the weighted mean.
- Issues carry a `rule`: a small JSON description that `rules.evaluate` turns back into row indices, so reports never
  embed row lists (except model-based label errors, capped at 1,000 rows). `impact` is the score gained by treating
  an issue's rows as fixed; issues are sorted by it.
- Samples on large data: near duplicates on `sample_size` (200,000) rows, missingness tests on
  `missingness_sample_size` (100,000), label errors on `ml_sample_size` (20,000); the report's notes say when.
"""
