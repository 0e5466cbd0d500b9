"""Propose a mapping plan: score every candidate for every target field, then assign the best ones once each."""

from __future__ import annotations

from datalinx.core.datasets.facts import DatasetFacts
from datalinx.core.mapping.candidates import Candidate, Context, for_field
from datalinx.core.mapping.schemas import FieldMapping, MappingPlan, TargetSchema

# Below this a candidate is not proposed: an unmapped field is better than a wrong one.
MIN_CONFIDENCE = 0.5
# A runner-up this close to the chosen candidate makes the choice a guess, said in a warning.
CLOSE_CALL = 0.05
NEAR_MISS = 0.3


def _assign(ranked: dict[str, list[Candidate]]) -> dict[str, Candidate]:
    """Best candidates first; a column feeds one plain mapping, and any number of joins and splits."""
    pool = [c for candidates in ranked.values() for c in candidates if c.confidence >= MIN_CONFIDENCE]
    pool.sort(key=lambda c: (-c.confidence, c.composite, len(c.sources)))
    chosen: dict[str, Candidate] = {}
    taken: set[str] = set()
    for candidate in pool:
        if candidate.target in chosen:
            continue
        if not candidate.composite and taken & set(candidate.sources):
            continue
        chosen[candidate.target] = candidate
        if not candidate.composite:
            taken.update(candidate.sources)
    return chosen


def _taken_elsewhere(chosen: dict[str, Candidate], target: str) -> set[str]:
    return {s for c in chosen.values() if c.target != target and not c.composite for s in c.sources}


def _close_calls(ranked: dict[str, list[Candidate]], chosen: dict[str, Candidate]) -> list[str]:
    """Lower the confidence of choices a free runner-up nearly matched, saying which."""
    warnings = []
    for target, pick in chosen.items():
        taken = _taken_elsewhere(chosen, target)
        rivals = [
            c
            for c in ranked[target]
            if c is not pick and set(c.sources) != set(pick.sources) and not taken & set(c.sources)
        ]
        if rivals and rivals[0].confidence >= pick.confidence - CLOSE_CALL and rivals[0].sources:
            rival = rivals[0]
            warnings.append(
                f"'{target}': '{', '.join(rival.sources)}' fits almost as well as '{', '.join(pick.sources)}' "
                f"({rival.confidence:.2f} against {pick.confidence:.2f}); check the choice"
            )
            pick.confidence *= 0.9
    return warnings


def _unmapped_notes(ctx: Context, ranked: dict[str, list[Candidate]], chosen: dict[str, Candidate]) -> list[str]:
    notes = []
    for field in ctx.target.fields:
        if field.name in chosen:
            continue
        best = next((c for c in ranked[field.name] if c.sources), None)
        if field.required:
            notes.append(f"'{field.name}' is required but no source column fits it")
        if best is not None and best.confidence >= NEAR_MISS:
            owner = next((c.target for c in chosen.values() if set(c.sources) & set(best.sources)), None)
            why = f"it feeds '{owner}'" if owner and best.confidence >= MIN_CONFIDENCE else "too weak to propose"
            notes.append(
                f"'{field.name}' is unmapped: the best candidate, '{', '.join(best.sources)}' "
                f"({best.confidence:.2f}), was left out ({why})"
            )
    return notes


def _mapping(candidate: Candidate) -> FieldMapping:
    return FieldMapping(
        target=candidate.target,
        sources=list(candidate.sources),
        transform=candidate.transform,  # type: ignore[arg-type]
        expression=candidate.expression,
        confidence=round(min(candidate.confidence, 0.99), 2),
        reason="; ".join(r for r in candidate.reasons if r),
        lookup=candidate.lookup,
    )


def propose(source: DatasetFacts, target: TargetSchema) -> MappingPlan:
    """Field-to-field mappings with transforms and confidences; fields without a good candidate stay unmapped."""
    ctx = Context.of(source, target)
    ranked = {field.name: for_field(ctx, field) for field in target.fields}
    chosen = _assign(ranked)
    warnings = _close_calls(ranked, chosen)
    ordered = [chosen[f.name] for f in target.fields if f.name in chosen]
    for candidate in ordered:
        warnings.extend(candidate.warnings)
    warnings.extend(_unmapped_notes(ctx, ranked, chosen))
    used = {s for c in ordered for s in c.sources}
    return MappingPlan(
        source=source.name,
        target=target,
        mappings=[_mapping(c) for c in ordered],
        unmapped_targets=[f.name for f in target.fields if f.name not in chosen],
        unused_sources=[c.name for c in source.columns if c.name not in used],
        warnings=list(dict.fromkeys(warnings)),
    )
