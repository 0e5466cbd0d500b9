"""The models a mapping crosses layers in: a target schema as users write it, field mappings and the plan."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from datalinx.core.datasets.facts import DatasetFacts
from datalinx.core.errors import Invalid
from datalinx.core.pipelines.types import CASTABLE, ColumnType

T = ColumnType
FieldName = Annotated[str, Field(min_length=1, max_length=255)]
Transform = Literal["direct", "cast", "concat", "split", "date_format", "lookup", "constant"]
TRANSFORMS: tuple[str, ...] = ("direct", "cast", "concat", "split", "date_format", "lookup", "constant")
# Type names people write in JSON schemas, read as the logical type they mean.
TYPE_ALIASES = {
    **dict.fromkeys(("str", "text", "varchar", "char", "string"), "string"),
    **dict.fromkeys(("int", "integer", "bigint", "long", "int32", "int64"), "int64"),
    **dict.fromkeys(("float", "double", "number", "decimal", "numeric", "real", "float64"), "float64"),
    **dict.fromkeys(("bool", "boolean"), "bool"),
    **dict.fromkeys(("timestamp", "datetime"), "datetime"),
    "date": "date",
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TargetField(Strict):
    """One column the target expects: its name and type, what it means, and the values it may hold."""

    name: FieldName
    type: ColumnType = Field(description="string, int64, float64, bool, date or datetime.")
    description: str | None = Field(default=None, max_length=2000, description="What the column holds, in words.")
    required: bool = Field(default=False, description="Whether a plan must fill this column.")
    allowed_values: list[str] | None = Field(
        default=None, min_length=1, max_length=1000, description="The only values the column may hold."
    )

    @field_validator("type", mode="before")
    @classmethod
    def _type(cls, value: Any) -> Any:
        if isinstance(value, str):
            known = TYPE_ALIASES.get(value.strip().lower())
            if known is None:
                names = ", ".join(t.value for t in CASTABLE)
                raise ValueError(f"'{value}' is not a column type; use one of {names}")
            return known
        return value


class TargetSchema(Strict):
    """The columns a mapping must produce, in order."""

    name: str | None = Field(default=None, max_length=200)
    fields: Annotated[list[TargetField], Field(min_length=1, max_length=1000)]

    @model_validator(mode="after")
    def _unique(self) -> TargetSchema:
        seen: dict[str, str] = {}
        for field in self.fields:
            if field.name.lower() in seen:
                earlier = seen[field.name.lower()]
                raise ValueError(
                    f"the fields '{earlier}' and '{field.name}' clash; names must differ in more than case"
                )
            seen[field.name.lower()] = field.name
        return self

    def field(self, name: str) -> TargetField | None:
        """The target field of that name, if any."""
        return next((f for f in self.fields if f.name == name), None)


class FieldMapping(Strict):
    """How one target column is filled: from which source columns, by which transform, and how sure that is."""

    target: FieldName
    sources: list[FieldName] = Field(default_factory=list, description="Source columns read (none for a constant).")
    transform: Transform
    expression: str = Field(
        min_length=1, max_length=10_000, description="The value, in the pipeline expression language."
    )
    confidence: float = Field(ge=0, le=1)
    reason: str = Field(default="", max_length=2000, description="Why this mapping, in words.")
    lookup: dict[str, str] | None = Field(
        default=None, description="For a lookup: source value (lower case, trimmed) to target value."
    )

    @model_validator(mode="after")
    def _shape(self) -> FieldMapping:
        if (self.transform == "lookup") != (self.lookup is not None):
            raise ValueError("`lookup` is given for a lookup transform and only for it")
        if self.transform == "constant" and self.sources:
            raise ValueError("a constant reads no source columns")
        if self.transform != "constant" and not self.sources:
            raise ValueError(f"a {self.transform} mapping reads at least one source column")
        if self.transform == "concat" and len(self.sources) < 2:
            raise ValueError("a concat mapping reads two or more source columns")
        return self


class MappingPlan(Strict):
    """A proposed (or accepted) mapping of a source onto a target schema."""

    source: str = Field(min_length=1, description="The source dataset or table.")
    target: TargetSchema
    mappings: list[FieldMapping] = Field(default_factory=list)
    unmapped_targets: list[str] = Field(default_factory=list, description="Target fields no mapping fills.")
    unused_sources: list[str] = Field(default_factory=list, description="Source columns no mapping reads.")
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _covers_target(self) -> MappingPlan:
        names = [f.name for f in self.target.fields]
        mapped = [m.target for m in self.mappings]
        for index, target in enumerate(mapped):
            if target not in names:
                raise ValueError(f"mappings[{index}] fills '{target}', which is not a field of the target")
            if mapped.count(target) > 1:
                raise ValueError(f"the target field '{target}' has more than one mapping")
        for name in self.unmapped_targets:
            if name not in names or name in mapped:
                raise ValueError(f"unmapped_targets lists '{name}', which is not an unmapped field of the target")
        missing = [n for n in names if n not in mapped and n not in self.unmapped_targets]
        if missing:
            raise ValueError(f"target fields neither mapped nor listed as unmapped: {', '.join(missing)}")
        return self

    def mapping(self, target: str) -> FieldMapping | None:
        """The mapping that fills a target field, if any."""
        return next((m for m in self.mappings if m.target == target), None)


def describe_errors(error: ValidationError, data: Any) -> tuple[str, str | None]:
    """One sentence naming each wrong field (with the target field's name when known), and the first field."""
    parts: list[str] = []
    first: str | None = None
    for item in error.errors():
        path = ""
        node = data
        for step in item["loc"]:
            if isinstance(step, int):
                name = node[step].get("name") if isinstance(node, list) and isinstance(node[step], dict) else None
                path += f"[{step}]" + (f" ('{name}')" if isinstance(name, str) else "")
            else:
                path += f".{step}" if path else str(step)
            node = _step(node, step)
        message = "is not an accepted field" if item["type"] == "extra_forbidden" else item["msg"]
        message = message.removeprefix("Value error, ")
        parts.append(f"{path or 'schema'}: {message}")
        first = first or path or None
    return "; ".join(parts), first


def _step(node: Any, step: Any) -> Any:
    try:
        return node[step]
    except (KeyError, IndexError, TypeError):
        return None


def parse_target_schema(data: str | bytes | dict[str, Any]) -> TargetSchema:
    """A target schema from JSON text or a parsed dict; raises Invalid naming every wrong field."""
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise Invalid(
                f"the target schema is not valid JSON: {exc.msg} at line {exc.lineno}", field="schema"
            ) from None
    if not isinstance(data, dict):
        raise Invalid("the target schema is a JSON object with a `fields` list", field="schema")
    try:
        return TargetSchema.model_validate(data)
    except ValidationError as exc:
        message, field = describe_errors(exc, data)
        raise Invalid(f"the target schema is not valid: {message}", field=field) from None


def target_from_facts(facts: DatasetFacts) -> TargetSchema:
    """A target schema taken from an existing dataset or table: its columns and their types."""
    fields = [
        TargetField(name=column.name, type=column.type if column.type in CASTABLE else T.STRING)
        for column in facts.columns
    ]
    return TargetSchema(name=facts.name, fields=fields)
