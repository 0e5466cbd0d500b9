"""Uniqueness: rows repeated exactly, rows repeated once text is normalised, and keys reused by different rows."""

from __future__ import annotations

from datalinx.core.quality.context import Candidate, ScanContext


def key_columns(ctx: ScanContext) -> list[str]:
    """The configured key columns, else id-like columns whose values are (almost) all distinct."""
    if ctx.config.key_columns is not None:
        return list(ctx.config.key_columns)
    keys = []
    for name in ctx.of_type("id"):
        profile = ctx.profiles[name]
        present = profile.count - profile.null_count
        if present and profile.distinct_count >= 0.95 * present:
            keys.append(name)
    return keys


def detect(ctx: ScanContext) -> list[Candidate]:
    """Exact duplicates, near duplicates (on a sample when large) and duplicate keys."""
    everything = list(ctx.frame.columns)
    found = [
        Candidate(
            type="exact_duplicate",
            dimension="uniqueness",
            columns=everything,
            rule={"check": "exact_duplicate"},
            message="rows identical to an earlier row in every column",
            suggestion="Drop the repeated rows and keep the first of each.",
            fix={"fix": "drop_duplicates"},
            severity="high",
        )
    ]
    # Only the row identifiers are ignored: two orders of different customers are not duplicates of each other.
    ids = set(ctx.keys)
    compared = [c for c in everything if c not in ids]
    if len(compared) >= 2:
        rule = {"check": "near_duplicate", "columns": compared}
        if ctx.rows > ctx.config.sample_size:
            rule["sample"] = {"size": ctx.config.sample_size, "seed": ctx.config.seed}
            ctx.notes.append(f"near-duplicates checked on a {ctx.config.sample_size:,}-row sample")
        ignored = f" (ignoring {', '.join(sorted(ids))})" if ids else ""
        found.append(
            Candidate(
                type="near_duplicate",
                dimension="uniqueness",
                columns=compared,
                score_columns=everything,
                rule=rule,
                message=f"rows equal to an earlier row once case and spaces are normalised{ignored}",
                suggestion="Merge each near duplicate into the earlier record it repeats.",
                fix={"fix": "merge_near_duplicates", "columns": compared},
                severity="medium",
            )
        )
    for key in ctx.keys:
        found.append(
            Candidate(
                type="duplicate_key",
                dimension="uniqueness",
                columns=[key],
                rule={"check": "duplicate_key", "columns": [key]},
                message=f"'{key}' reuses a value of an earlier, different row",
                suggestion=f"Give these rows new '{key}' values or find which record the key really belongs to.",
                fix={"fix": "reassign_keys", "columns": [key]},
                severity="high",
            )
        )
    return found
