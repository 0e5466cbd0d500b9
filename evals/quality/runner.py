"""Scan data with known problems and compare: row-level precision and recall per issue type, missingness mechanisms."""

from __future__ import annotations

import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from datalinx.core.datasets.demo import generate_demo
from datalinx.core.datasets.ingest import ingest_file
from datalinx.core.quality.engine import scan_parquet
from datalinx.core.quality.rows import issue_rows
from datalinx.core.quality.schemas import ForeignKey, ScanConfig, ScanReport
from evals.quality.synthetic import MECHANISMS, Generated, missing, signals

# Engine issue types scored against the injected type of the same meaning.
ENGINE_TO_TRUTH = {"label_error": "label_noise"}
# Missing values are judged by mechanism, not by rows: every null is 'found'.
NOT_ROW_LEVEL = {"missing_mcar", "missing_mar", "missing_mnar"}
SEEDS = (1, 2, 3)


@dataclass
class Tally:
    """Row-level counts of one issue type."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    sources: set[str] = field(default_factory=set)

    @property
    def precision(self) -> float:
        """Share of flagged rows that carry the problem."""
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        """Share of rows carrying the problem that were flagged."""
        truth = self.true_positive + self.false_negative
        return self.true_positive / truth if truth else 0.0


@dataclass
class Results:
    """Everything the runner measured."""

    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_origin: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    confusion: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    mistakes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def _found(path: Path, report: ScanReport) -> dict[str, set[int]]:
    found: dict[str, set[int]] = defaultdict(set)
    for issue in report.issues:
        found[ENGINE_TO_TRUTH.get(issue.type, issue.type)] |= set(issue_rows(path, issue).tolist())
    return found


def score_file(
    results: Results, path: Path, report: ScanReport, truth: dict[str, set[int]], evaluated: set[str]
) -> None:
    """Add one file's row-level counts to the tallies of every evaluated type."""
    source = path.stem
    origin = "demo" if path.parent.name == "demo" else "generated"
    found = _found(path, report)
    for kind in evaluated:
        expected, flagged = truth.get(kind, set()), found.get(kind, set())
        for tally in (results.tallies[kind], results.by_origin[(kind, origin)]):
            tally.true_positive += len(expected & flagged)
            tally.false_positive += len(flagged - expected)
            tally.false_negative += len(expected - flagged)
            if expected:
                tally.sources.add(source)


def score_mechanisms(results: Results, source: str, report: ScanReport, truth: dict[str, str]) -> None:
    """Add one file's predicted mechanisms to the confusion matrix."""
    predicted = {m.column: m.mechanism for m in report.missingness}
    for column, actual in truth.items():
        guess = predicted.get(column, "none")
        results.confusion[(actual, guess)] += 1
        if guess != actual:
            results.mistakes.append(f"{source}.{column}: {actual} predicted {guess}")


def _demo(folder: Path) -> list[tuple[Path, ScanConfig, dict[str, set[int]], dict[str, str]]]:
    manifest = generate_demo(folder / "demo")
    cases = []
    for entry in manifest.files:
        source = folder / "demo" / entry.name
        target = source.with_suffix(".parquet")
        ingest_file(source, target)
        truth: dict[str, set[int]] = defaultdict(set)
        mechanisms: dict[str, str] = {}
        for issue in entry.issues:
            if issue.type in NOT_ROW_LEVEL:
                mechanisms.update({c: issue.type.removeprefix("missing_").upper() for c in issue.columns})
            else:
                truth[issue.type] |= set(issue.rows)
        cases.append((target, ScanConfig(), truth, mechanisms))
    # The one thing a user would tell the scan about the demo: orders reference customers.
    customers = folder / "demo" / "customers.parquet"
    orders = next(i for i, case in enumerate(cases) if case[0].stem == "orders")
    fk = ForeignKey(column="customer_id", reference=str(customers), reference_column="customer_id")
    cases[orders] = (cases[orders][0], ScanConfig(foreign_keys=[fk]), cases[orders][2], cases[orders][3])
    return cases


def _generated(folder: Path) -> list[tuple[Path, ScanConfig, dict[str, set[int]], dict[str, str]]]:
    made: list[Generated] = []
    for seed in SEEDS:
        made += [signals(folder, seed), missing(folder, seed)]
    return [(Path(g.path), ScanConfig(), {i.type: set(i.rows) for i in g.issues}, g.mechanisms) for g in made]


def run() -> Results:
    """Generate every dataset, scan it, and score the scan against what was injected."""
    results = Results()
    with tempfile.TemporaryDirectory(prefix="datalinx-eval-") as folder:
        cases = _demo(Path(folder)) + _generated(Path(folder))
        evaluated = set().union(*(truth.keys() for _, _, truth, _ in cases))
        for path, config, truth, mechanisms in cases:
            started = time.perf_counter()
            report = scan_parquet(path, config=config)
            results.seconds[path.stem] = time.perf_counter() - started
            score_file(results, path, report, truth, evaluated)
            score_mechanisms(results, path.stem, report, mechanisms)
    return results


def _row(label: str, t: Tally) -> str:
    injected, flagged = t.true_positive + t.false_negative, t.true_positive + t.false_positive
    mark = "" if t.precision >= 0.9 and t.recall >= 0.9 else "  <- below 0.9"
    return (
        f"{label:<26} {len(t.sources):>5} {injected:>8} {flagged:>8} {t.true_positive:>6} "
        f"{t.precision:>9.3f} {t.recall:>7.3f}{mark}"
    )


def table(results: Results) -> str:
    """The row-level table and the missingness confusion matrix, as text."""
    lines = [f"{'issue type':<26} {'files':>5} {'injected':>8} {'flagged':>8} {'TP':>6} {'precision':>9} {'recall':>7}"]
    for kind in sorted(results.tallies):
        lines.append(_row(kind, results.tallies[kind]))
        origins = [o for o in ("demo", "generated") if results.by_origin[(kind, o)].sources]
        if len(origins) > 1:  # a type injected in both kinds of data: show each, the demo's may be harder
            lines += [_row(f"  {kind} ({o})", results.by_origin[(kind, o)]) for o in origins]
    total = sum(results.confusion.values())
    right = sum(n for (actual, guess), n in results.confusion.items() if actual == guess)
    lines += [
        "",
        "missingness (rows: injected mechanism, columns: predicted)",
        f"{'':<8}" + "".join(f"{m:>7}" for m in MECHANISMS),
    ]
    for actual in MECHANISMS:
        lines.append(f"{actual:<8}" + "".join(f"{results.confusion.get((actual, g), 0):>7}" for g in MECHANISMS))
    lines.append(f"accuracy {right}/{total} = {right / max(total, 1):.3f}")
    lines += [f"  miss: {m}" for m in results.mistakes]
    lines.append(f"scan seconds: {sum(results.seconds.values()):.1f} over {len(results.seconds)} files")
    return "\n".join(lines)
