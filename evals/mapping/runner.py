"""Propose plans for schema pairs with known answers; score field matches, transforms, and the compiled pipelines."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from datalinx.core.datasets.facts import DatasetFacts
from datalinx.core.errors import DatalinxError
from datalinx.core.mapping.apply import apply_plan
from datalinx.core.mapping.candidates import Context, for_field
from datalinx.core.mapping.matcher import NEAR_MISS, propose
from datalinx.core.mapping.schemas import MappingPlan, TargetSchema, parse_target_schema, target_from_facts
from datalinx.core.pipelines.types import of_polars
from evals.mapping.sources import build_sources

PAIRS = Path(__file__).parent / "pairs"
BUCKETS = ((0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.5, 0.6))
# The held-out pairs were written before the matcher first saw them; what that first run gave, and what changed.
HELD_OUT_NOTE = (
    "held-out pairs, first run before any change: precision 1.00 (33 of 33), recall 0.79 (33 of 42); since then the "
    "synonyms fee/bill -> charge and txn -> transaction, qualifier words (label, flag) and decimal commas were added"
)


@dataclass(frozen=True)
class Truth:
    """The right sources and the transform kinds accepted for one target field (no sources: leave it unmapped)."""

    sources: frozenset[str]
    transforms: frozenset[str]


@dataclass
class Pair:
    name: str
    source: str
    target: TargetSchema
    truth: dict[str, Truth | None]
    held_out: bool = False


@dataclass
class PairResult:
    """What one pair scored, and what went wrong."""

    pair: Pair
    plan: MappingPlan
    correct: int = 0
    kinds_right: int = 0
    pipeline: str = "not run"
    engines_agree: bool = False
    mistakes: list[str] = field(default_factory=list)
    confidences: list[tuple[float, bool]] = field(default_factory=list)
    held_back: list[tuple[float, bool]] = field(default_factory=list)

    @property
    def proposed(self) -> int:
        return len(self.plan.mappings)

    @property
    def expected(self) -> int:
        return sum(1 for t in self.pair.truth.values() if t is not None)


def _truth(entry: dict[str, Any] | None) -> Truth | None:
    if entry is None:
        return None
    kinds = entry["transform"] if isinstance(entry["transform"], list) else [entry["transform"]]
    return Truth(frozenset(entry["sources"]), frozenset(kinds))


def load_pairs(facts: dict[str, DatasetFacts]) -> list[Pair]:
    """Every pair file: its target written as JSON, taken from another pair's file, or from a dataset."""
    pairs = []
    for path in sorted(PAIRS.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        if "target_dataset" in spec:
            target = target_from_facts(facts[spec["target_dataset"]])
        else:
            text = (PAIRS / spec["target_file"]).read_text(encoding="utf-8") if "target_file" in spec else None
            target = parse_target_schema(json.loads(text)["target"] if text else spec["target"])
        truth = {name: _truth(entry) for name, entry in spec["truth"].items()}
        assert set(truth) == {f.name for f in target.fields}, f"{path.name}: the truth must name every target field"
        pairs.append(Pair(path.stem, spec["source"], target, truth, bool(spec.get("held_out"))))
    return pairs


def _score(result: PairResult) -> None:
    truth, plan = result.pair.truth, result.plan
    for mapping in plan.mappings:
        expected = truth[mapping.target]
        right = expected is not None and frozenset(mapping.sources) == expected.sources
        result.confidences.append((mapping.confidence, right))
        shown = f"{mapping.target} <- {'+'.join(mapping.sources) or mapping.expression} ({mapping.transform})"
        if not right:
            wanted = "unmapped" if expected is None else "+".join(sorted(expected.sources))
            result.mistakes.append(f"wrong: {shown} {mapping.confidence:.2f}; truth {wanted}")
            continue
        result.correct += 1
        if mapping.transform in expected.transforms:
            result.kinds_right += 1
        else:
            result.mistakes.append(f"kind: {shown}; truth {'/'.join(sorted(expected.transforms))}")
    for name in plan.unmapped_targets:
        if truth[name] is not None:
            result.mistakes.append(f"missed: {name} <- {'+'.join(sorted(truth[name].sources))}")


def _held_back(result: PairResult, facts: DatasetFacts) -> None:
    """For each unmapped field, the best candidate the threshold held back, and whether it was right."""
    ctx = Context.of(facts, result.pair.target)
    for name in result.plan.unmapped_targets:
        field_ = result.pair.target.field(name)
        best = next((c for c in for_field(ctx, field_) if c.sources), None) if field_ else None
        if best is not None and best.confidence >= NEAR_MISS:
            expected = result.pair.truth[name]
            result.held_back.append(
                (best.confidence, expected is not None and frozenset(best.sources) == expected.sources)
            )


def _pipeline(result: PairResult, path: Path, work: Path) -> None:
    """Run the compiled plan on both engines: the target's columns and types, and the same rows on each."""
    frames: dict[str, pl.DataFrame] = {}
    try:
        for engine in ("polars", "duckdb"):
            frames[engine] = apply_plan(result.plan, path, work / engine, engine=engine)  # type: ignore[arg-type]
    except DatalinxError as exc:
        result.pipeline = f"refused: {exc.message}" if "required" in exc.message else f"FAILED: {exc.message}"
        return
    frame = frames["polars"]
    wanted = [(f.name, f.type) for f in result.pair.target.fields]
    got = [(name, of_polars(dtype)) for name, dtype in frame.schema.items()]
    result.pipeline = "ok" if got == wanted else f"WRONG SCHEMA: {got}"
    result.engines_agree = frames["polars"].sort(pl.all()).equals(frames["duckdb"].sort(pl.all()))


def run(seed: int = 7) -> list[PairResult]:
    """Every pair, proposed, scored and run."""
    with tempfile.TemporaryDirectory(prefix="datalinx-eval-mapping-") as folder:
        paths, facts = build_sources(Path(folder), seed=seed)
        results = []
        for pair in load_pairs(facts):
            result = PairResult(pair, propose(facts[pair.source], pair.target))
            _score(result)
            _held_back(result, facts[pair.source])
            _pipeline(result, paths[pair.source], Path(folder) / "runs" / pair.name)
            results.append(result)
        return results


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def _total(label: str, results: list[PairResult]) -> str:
    proposed, correct = sum(r.proposed for r in results), sum(r.correct for r in results)
    expected, kinds = sum(r.expected for r in results), sum(r.kinds_right for r in results)
    ran = sum(1 for r in results if r.pipeline == "ok" and r.engines_agree)
    refused = sum(1 for r in results if r.pipeline.startswith("refused"))
    return (
        f"{label:<44} {proposed:>4} {correct:>3} {expected:>4} {_ratio(correct, proposed):>5} "
        f"{_ratio(correct, expected):>5} {_ratio(kinds, correct):>5}  {ran}/{len(results)} ran alike on both engines"
        + (f", {refused} refused (required field unmapped)" if refused else "")
    )


def table(results: list[PairResult]) -> str:
    """Per pair and overall: precision, recall, transform accuracy, and whether the pipeline ran alike on both."""
    header = (
        f"{'pair':<26} {'source':<17} {'prop':>4} {'ok':>3} {'true':>4} {'prec':>5} {'rec':>5} {'kind':>5}  pipeline"
    )
    lines = [header, "-" * len(header)]
    for r in sorted(results, key=lambda r: (r.pair.held_out, r.pair.name)):
        agree = " (engines agree)" if r.engines_agree else ""
        lines.append(
            f"{r.pair.name.removeprefix('heldout_'):<26} {r.pair.source:<17} {r.proposed:>4} {r.correct:>3} "
            f"{r.expected:>4} {_ratio(r.correct, r.proposed):>5} {_ratio(r.correct, r.expected):>5} "
            f"{_ratio(r.kinds_right, r.correct):>5}  {r.pipeline}{agree}"
        )
    development = [r for r in results if not r.pair.held_out]
    held_out = [r for r in results if r.pair.held_out]
    lines += ["-" * len(header)]
    lines.append(_total(f"development ({len(development)} pairs, tuned on)", development))
    lines.append(_total(f"held out ({len(held_out)} pairs, see the note)", held_out))
    lines.append(_total(f"overall ({len(results)} pairs)", results))
    lines.append(f"note: {HELD_OUT_NOTE}")
    lines += ["", "confidence calibration (share of proposals that were right):"]
    pooled = [c for r in results for c in r.confidences]
    for low, high in BUCKETS:
        inside = [right for confidence, right in pooled if low <= confidence < high]
        lines.append(f"  {low:.1f}-{min(high, 1.0):.1f}: {_ratio(sum(inside), len(inside))} of {len(inside)}")
    held = [right for r in results for _, right in r.held_back]
    lines.append(
        f"  held back ({NEAR_MISS:.1f}-0.5, left unmapped): {_ratio(sum(held), len(held))} of {len(held)} "
        "would have been right"
    )
    lines += ["", "mistakes:"]
    lines += [f"  {r.pair.name}: {m}" for r in results for m in r.mistakes] or ["  none"]
    return "\n".join(lines)
