"""Candidate mappings for one target field, each scored: one source column, two joined, one split, or a constant."""

from __future__ import annotations

from dataclasses import dataclass, field

from datalinx.core.datasets.facts import TOP_VALUES, ColumnFacts, DatasetFacts
from datalinx.core.mapping import names, transforms, values
from datalinx.core.mapping.fit import Fit, type_fit
from datalinx.core.mapping.schemas import TargetField, TargetSchema
from datalinx.core.pipelines.types import ColumnType

T = ColumnType
SHAPE_CONCEPTS = {"email": "email", "phone": "phone", "postcode": "postcode", "url": "url", "website": "url"}
FIRST, LAST, MIDDLE = ("first", "name"), ("last", "name"), ("middle", "name")
NAMEISH = frozenset({"name", "full", *names.PERSON})


@dataclass
class Candidate:
    """A way to fill one target field, with its confidence, the reasons for it and what to watch."""

    target: str
    sources: tuple[str, ...]
    transform: str
    expression: str
    confidence: float
    reasons: list[str]
    lookup: dict[str, str] | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def composite(self) -> bool:
        """Joins or splits may share their columns with other mappings; other transforms may not."""
        return self.transform in ("concat", "split")


@dataclass
class Context:
    """The source and target of one proposal, the names' concept weights and each column's sampled values."""

    source: DatasetFacts
    target: TargetSchema
    weights: names.Weights
    samples: dict[str, list[str]]

    @classmethod
    def of(cls, source: DatasetFacts, target: TargetSchema) -> Context:
        weights = names.Weights.of([c.name for c in source.columns] + [f.name for f in target.fields])
        samples = {c.name: values.texts(c) for c in source.columns}
        return cls(source, target, weights, samples)


def name_score(ctx: Context, target: TargetField, column: ColumnFacts) -> tuple[float, str | None]:
    """How well the column's name fits the field's name or description, with the reason in words."""
    score = names.similarity(target.name, column.name, ctx.weights)
    reason = None
    if score >= 1.0:
        reason = "same name" if target.name == column.name else f"same name written differently ('{column.name}')"
    elif score >= 0.95:
        spelled = " ".join(names.concepts(target.name))
        reason = f"'{column.name}' and '{target.name}' both read as '{spelled}' (abbreviations and synonyms expanded)"
    elif score > 0:
        reason = f"'{column.name}' shares part of its name with '{target.name}'"
    if target.description:
        covered = names.coverage(target.description, column.name, ctx.weights)
        described = 0.85 * covered**2
        if described > score:
            score, reason = described, f"the description mentions '{column.name}'"
        elif covered >= 0.99 and score >= 0.3:
            score, reason = min(1.0, score + 0.05), f"{reason}; the description agrees"
    return score, reason


def _shape(target: TargetField) -> str | None:
    words = names.concepts(target.name)
    return next((SHAPE_CONCEPTS[w] for w in words if w in SHAPE_CONCEPTS), None)


def _boost(confidence: float, evidence: float, weight: float = 0.6) -> float:
    return confidence + (1 - confidence) * weight * evidence


def _allowed(ctx: Context, target: TargetField, column: ColumnFacts, fit: Fit | None, candidate: Candidate) -> bool:
    """Weigh the column's values against the allowed ones; False when they rule the column out."""
    assert target.allowed_values is not None
    sample = ctx.samples[column.name]
    if column.type not in (T.STRING, T.INT64, T.BOOL) or not sample:
        return fit is not None
    found = values.lookup(sample, target.allowed_values)
    if found.strength < 0.3:
        # Facts list every value of a column with few of them, so values matching none rule it out.
        if column.type == T.STRING and (column.distinct or 0) <= TOP_VALUES:
            candidate.confidence *= 0.4
        return fit is not None
    candidate.confidence = _boost(candidate.confidence, found.strength)
    if found.identical and fit is not None:
        candidate.reasons.append("its values are all allowed values")
        return True
    candidate.transform, candidate.lookup = "lookup", found.table
    candidate.expression = transforms.lookup_case(column.name, column.type, found.table)
    kinds = sorted({found.how[k] for k in found.table} - {"exact"})
    candidate.reasons.append(f"its values map to the allowed values ({', '.join(kinds) or 'case'} matches)")
    if found.unmatched:
        shown = ", ".join(f"'{v}'" for v in found.unmatched[:5])
        candidate.warnings.append(f"'{target.name}': values {shown} of '{column.name}' match no allowed value; null")
    if (column.distinct or 0) > len(column.top_values):
        candidate.warnings.append(
            f"'{target.name}': the lookup covers the {len(column.top_values)} most common of {column.distinct} "
            f"values of '{column.name}'; other values become null"
        )
    return True


def single(ctx: Context, target: TargetField, column: ColumnFacts) -> Candidate | None:
    """The candidate filling the field from one column, or None when nothing speaks for it."""
    sample = ctx.samples[column.name]
    score, reason = name_score(ctx, target, column)
    fit = type_fit(target.type, column, sample)
    base = fit or Fit("cast", 0.5, transforms.ref(column.name), "")
    candidate = Candidate(target.name, (column.name,), base.transform, base.expression, score * base.factor, [])
    if reason:
        candidate.reasons.append(reason)
    if target.allowed_values and not _allowed(ctx, target, column, fit, candidate):
        return None
    if fit is None and candidate.transform != "lookup":
        return None
    if fit is not None and candidate.transform != "lookup":
        candidate.reasons.append(fit.reason)
        candidate.warnings.extend(fit.warnings)
    unit = values.measure_unit(sample) if column.type == T.STRING else None
    if unit is not None and unit.lower() in names.concepts(target.name):
        candidate.confidence = _boost(candidate.confidence, 1.0, 0.5)
        candidate.reasons.append(f"its values carry the unit '{unit}' the name asks for")
    shape = _shape(target)
    if shape is not None and column.type == T.STRING and sample:
        seen = values.shape_share(sample, shape)
        if seen >= 0.8:
            candidate.confidence = _boost(candidate.confidence, seen)
            candidate.reasons.append(f"its values look like {shape} values")
        elif seen < 0.2:
            candidate.confidence *= 0.4
    if column.nulls >= ctx.source.rows > 0:
        candidate.confidence *= 0.5
        candidate.warnings.append(f"'{column.name}' holds no values")
    return candidate if candidate.confidence > 0 else None


def _named(ctx: Context, parts: tuple[str, str]) -> list[ColumnFacts]:
    wanted = set(parts)
    return [
        c
        for c in ctx.source.columns
        if c.type == T.STRING and wanted <= set(names.concepts(c.name)) <= wanted | names.PERSON
    ]


def concat(ctx: Context, target: TargetField) -> Candidate | None:
    """A person's full name from first (and middle) and last name columns."""
    words = set(names.concepts(target.name))
    if target.type != T.STRING or "name" not in words or not words <= NAMEISH or words & {"first", "last"}:
        return None
    first, last, middle = _named(ctx, FIRST), _named(ctx, LAST), _named(ctx, MIDDLE)
    if len(first) != 1 or len(last) != 1:
        return None
    columns = [first[0], *middle[:1], last[0]]
    expression = transforms.concat_words([c.name for c in columns], [c.type for c in columns])
    confidence = 0.92 if "full" in words else 0.78
    listed = " + ".join(f"'{c.name}'" for c in columns)
    reason = f"a full name: {listed} joined with a space"
    return Candidate(target.name, tuple(c.name for c in columns), "concat", expression, confidence, [reason])


def split(ctx: Context, target: TargetField) -> list[Candidate]:
    """A first or last name taken from a column of full names ('Ada Lovelace' or 'Lovelace, Ada')."""
    words = set(names.concepts(target.name))
    wanted = "first" if "first" in words else "last" if "last" in words else None
    if target.type != T.STRING or wanted is None or not words <= {wanted, *NAMEISH}:
        return []
    found = []
    for column in ctx.source.columns:
        parts = set(names.concepts(column.name))
        if column.type != T.STRING or not parts or not parts <= NAMEISH or parts & {"first", "last", "middle"}:
            continue
        if "name" not in parts and not parts <= names.PERSON:
            continue
        spaced, reversed_ = values.person_name_share(ctx.samples[column.name])
        if reversed_ >= 0.8:
            delimiter, part, share, shape = ",", 2 if wanted == "first" else 1, reversed_, "'Last, First'"
        elif spaced >= 0.8:
            delimiter, part, share, shape = " ", 1 if wanted == "first" else 2, spaced, "'First Last'"
        else:
            continue
        confidence = 0.85 * share
        where = "the part before" if part == 1 else "the part after"
        mark = "space" if delimiter == " " else f"'{delimiter}'"
        reason = f"{where} the first {mark} of '{column.name}', whose values read as {shape}"
        expression = transforms.split_part(column.name, delimiter, part)
        found.append(Candidate(target.name, (column.name,), "split", expression, confidence, [reason]))
    return found


def constant(target: TargetField) -> Candidate | None:
    """The one value a field allows, when it allows exactly one."""
    if not target.allowed_values or len(target.allowed_values) != 1:
        return None
    value = target.allowed_values[0]
    reason = f"the field allows only '{value}'"
    return Candidate(target.name, (), "constant", transforms.constant(value), 0.6, [reason])


def for_field(ctx: Context, target: TargetField) -> list[Candidate]:
    """Every candidate for a field, best first."""
    found = [c for column in ctx.source.columns if (c := single(ctx, target, column)) is not None]
    found.extend(split(ctx, target))
    found.extend(c for c in (concat(ctx, target), constant(target)) if c is not None)
    return sorted(found, key=lambda c: (-c.confidence, c.composite, len(c.sources)))
