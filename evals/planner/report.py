"""The evaluation's printed report: a table per split and overall, accuracy per style, and every miss."""

from __future__ import annotations

from evals.planner.runner import MAX_MEDIAN_MS, MAX_WRONG, MIN_ACCURACY, Outcome, Summary, summarise

HEADER = (
    f"{'':<10} {'cases':>5} {'correct':>7} {'accuracy':>8} {'explicit':>8} {'wrong':>5} {'wrong %':>7} "
    f"{'median ms':>9} {'p95 ms':>8} {'refused':>8}"
)


def _row(label: str, s: Summary) -> str:
    refused = f"{s.refused}/{s.refusals}"
    return (
        f"{label:<10} {s.scored:>5} {s.correct:>7} {s.accuracy:>8.1%} {s.explicit:>8} {s.wrong:>5} "
        f"{s.wrong_share:>7.1%} {s.median_ms:>9.1f} {s.p95_ms:>8.1f} {refused:>8}"
    )


def _bars(s: Summary) -> str:
    checks = [
        (s.accuracy >= MIN_ACCURACY, f"accuracy >= {MIN_ACCURACY:.0%}"),
        (s.wrong_share <= MAX_WRONG, f"wrong-but-confident <= {MAX_WRONG:.0%}"),
        (s.median_ms < MAX_MEDIAN_MS, f"median planning < {MAX_MEDIAN_MS:.0f} ms"),
    ]
    return "bars: " + ", ".join(f"{label} {'met' if ok else 'MISSED'}" for ok, label in checks)


def _misses(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for outcome in outcomes:
        kind = outcome.judgement.classification
        if kind in ("correct", "refused"):
            continue
        reason = outcome.judgement.reason
        lines.append(f"  [{outcome.case.split}] {outcome.case.id} ({kind}): {outcome.case.text!r}")
        lines.append(f"      {reason[:300]}")
    return lines


def render(outcomes: list[Outcome], show_failures: bool = False) -> str:
    """The report as text."""
    splits = sorted({o.case.split for o in outcomes})
    lines = [HEADER]
    for split in splits:
        lines.append(_row(split, summarise([o for o in outcomes if o.case.split == split])))
    overall = summarise(outcomes)
    if len(splits) > 1:
        lines.append(_row("overall", overall))
    lines += ["", "accuracy per style (scored cases):"]
    for style in sorted({o.case.style for o in outcomes}):
        s = summarise([o for o in outcomes if o.case.style == style])
        lines.append(f"  {style:<10} {s.correct:>3}/{s.scored:<3} {s.accuracy:>6.1%}   wrong {s.wrong}")
    lines += ["", _bars(overall)]
    misses = _misses(outcomes)
    if show_failures and misses:
        lines += ["", "not correct (scored cases) and not refused (refusal cases):", *misses]
    elif misses:
        lines += ["", f"{len(misses) // 2} cases not correct or not refused; --show-failures lists them"]
    return "\n".join(lines)
