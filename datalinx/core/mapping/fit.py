"""Whether a source column can fill a target field's type, by which transform, and how cleanly."""

from __future__ import annotations

from dataclasses import dataclass, field

from datalinx.core.datasets.facts import ColumnFacts
from datalinx.core.mapping import transforms, values
from datalinx.core.pipelines.types import ColumnType

T = ColumnType
# Share of sampled values that must read as the target type before a text column is offered for it.
READABLE = 0.9


@dataclass(frozen=True)
class Fit:
    """How a column becomes the target type: the transform, a factor (1 = nothing to convert) and the expression."""

    transform: str
    factor: float
    expression: str
    reason: str
    warnings: list[str] = field(default_factory=list)


def _text_fit(target: ColumnType, column: ColumnFacts, sample: list[str]) -> Fit | None:
    name = column.name
    expression = transforms.ref(name)
    if target in (T.INT64, T.FLOAT64):
        whole = values.number_share(sample, whole=True)
        decimal = values.number_share(sample, whole=False)
        if target == T.INT64 and whole >= READABLE:
            return Fit("cast", 0.92 * whole, expression, "text holding whole numbers, cast to int64")
        if decimal >= READABLE:
            factor = 0.92 if target == T.FLOAT64 else 0.7
            return Fit("cast", factor * decimal, expression, f"text holding numbers, cast to {target}")
        comma = values.decimal_comma_share(sample)
        if comma >= READABLE:
            reason = f"numbers written with a decimal comma, read as {target}"
            return Fit("cast", 0.85 * comma, transforms.decimal_point(name), reason)
        unit = values.measure_unit(sample)
        if unit is not None:
            reason = f"numbers written with the unit '{unit}', which is removed before the cast to {target}"
            return Fit("cast", 0.8, transforms.without_unit(name, unit), reason)
        return None
    if target == T.BOOL:
        share = values.bool_share(sample)
        return (
            Fit("cast", 0.9 * share, expression, "text holding yes/no values, cast to bool") if share >= 0.95 else None
        )
    if target in (T.DATE, T.DATETIME):
        return _date_fit(target, column, sample)
    return None


def _date_fit(target: ColumnType, column: ColumnFacts, sample: list[str]) -> Fit | None:
    with_time = target == T.DATETIME
    found = values.date_formats(sample, with_time=with_time)
    if found is None:
        return None
    # The formats a cast node reads (casts.DATETIME_FORMATS); anything else is parsed with its format.
    iso = {"%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"} if with_time else {"%Y-%m-%d"}
    example = sample[0]
    warnings = []
    if found.covered < 1:
        warnings.append(f"some sampled values of '{column.name}' match no date format and become null")
    if set(found.formats) <= iso:
        return Fit(
            "cast",
            0.95 * found.covered,
            transforms.ref(column.name),
            f"ISO {'timestamps' if with_time else 'dates'} as text (e.g. '{example}'), cast to {target}",
            warnings,
        )
    words = " or ".join(transforms.format_words(f) for f in found.formats)
    factor = (0.92 if len(found.formats) == 1 else 0.8) * found.covered
    if found.ambiguous:
        factor *= 0.9
        first = transforms.format_words(found.formats[0])
        warnings.append(f"'{column.name}': no sampled value tells day from month; read as {first}")
    expression = transforms.parse_dates(column.name, found.formats, with_time=with_time)
    return Fit("date_format", factor, expression, f"dates written as {words} (e.g. '{example}')", warnings)


def type_fit(target: ColumnType, column: ColumnFacts, sample: list[str]) -> Fit | None:
    """How `column` fills a field of type `target`, or None when its values cannot become that type."""
    source = column.type
    expression = transforms.ref(column.name)
    if source == target:
        return Fit("direct", 1.0, expression, f"same type ({target})")
    if source in (T.OTHER, T.NULL):
        return None
    if target == T.STRING:
        factor = 0.8 if source == T.FLOAT64 else 0.88
        return Fit("cast", factor, expression, f"{source} written as text")
    if source == T.STRING:
        return _text_fit(target, column, sample)
    if source == T.INT64 and target == T.FLOAT64:
        return Fit("cast", 0.97, expression, "integers cast to float64")
    if source == T.FLOAT64 and target == T.INT64:
        whole = all(float(v).is_integer() for v in sample) if sample else False
        return Fit("cast", 0.85 if whole else 0.6, expression, "decimals rounded to int64")
    if source == T.INT64 and target == T.BOOL:
        if set(sample) <= {"0", "1"}:
            return Fit("cast", 0.85, expression, "0/1 integers cast to bool")
        return None
    if source == T.BOOL and target == T.INT64:
        return Fit("cast", 0.7, expression, "booleans cast to 0/1")
    if {source, target} == {T.DATE, T.DATETIME}:
        factor = 0.9 if target == T.DATETIME else 0.85
        return Fit("cast", factor, expression, f"{source} cast to {target}")
    return None
