"""Completeness: nulls, blank strings and placeholders such as 'N/A'."""

from __future__ import annotations

from datalinx.core.quality.context import Candidate, ScanContext


def detect(ctx: ScanContext) -> list[Candidate]:
    """One candidate per column holding nulls or empty placeholders."""
    found = []
    for name, profile in ctx.profiles.items():
        missing = profile.null_count + profile.empty_count
        if not missing:
            continue
        empty = f" ({profile.empty_count} blank or placeholder)" if profile.empty_count else ""
        share = missing / max(ctx.rows, 1)
        found.append(
            Candidate(
                type="missing_values",
                dimension="completeness",
                columns=[name],
                rule={"check": "missing", "column": name},
                message=f"{missing} rows ({share:.1%}) have no value in '{name}'{empty}",
                suggestion=f"Fill '{name}' from the source or impute it; see the missingness analysis for how.",
                fix={"fix": "impute", "column": name, "strategy": "median" if profile.mean is not None else "mode"},
                severity="high" if share > 0.3 else "medium" if share > 0.05 else "low",
            )
        )
    return found
