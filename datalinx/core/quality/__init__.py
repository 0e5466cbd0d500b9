"""Data quality: profiles, dimension scores, issues with recomputable rules, and missingness mechanisms."""
